package app

import (
	"context"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// Attachments' text is read in the background, never in the request that
// uploads or imports them: reading a 200-page PDF, or recognising the
// characters of a scanned one, takes from seconds to many minutes. A
// document is saved (and may be published) at once, its new files in
// TextPending with a JobFileText queued in the same transaction; the
// worker (RunFileTextJobs, started by `congtin serve`) reads them and the
// document becomes findable by their content.

const (
	// fileTextLease is how long a claimed job is held before another
	// worker may take it (its own dying mid-job); the worker renews it
	// every fileTextBeat while it reads.
	fileTextLease = 10 * time.Minute
	fileTextBeat  = time.Minute
	// fileTextTries bounds the claims of one job: a file that takes its
	// worker down with it every time ends as TextFailed, not in a loop.
	fileTextTries = 3
	// fileTextRetry is how long a job given back (the store unreachable,
	// the reader's context ended) waits.
	fileTextRetry = time.Minute
)

// fileTextState is the state a new attachment starts in: read already
// when the caller brought its text (or the reason there is none), queued
// otherwise.
func fileTextState(f congtin.DocumentFileInput) string {
	switch {
	case f.Text != "":
		return congtin.TextDone
	case f.TextNote != "":
		return congtin.TextFailed
	}
	return congtin.TextPending
}

// checkFiles records in fe what is wrong with a form's attachments (of a
// noun, "văn bản"): a file to remove that is not one of have, or more
// files than an item may hold.
func checkFiles(fe congtin.FieldErrors, noun string, have []*congtin.DocumentFile, add []congtin.DocumentFileInput, remove []int64) {
	ids := map[int64]bool{}
	for _, f := range have {
		ids[f.ID] = true
	}
	for _, id := range remove {
		if !ids[id] {
			fe["files"] = "Tệp cần gỡ không thuộc " + noun + " này."
		}
	}
	if len(have)-len(remove)+len(add) > congtin.MaxDocFiles {
		fe["files"] = "Mỗi " + noun + " có tối đa " + itoa(congtin.MaxDocFiles) + " tệp đính kèm."
	}
}

// applyFiles returns an item's files after a form: those of have it does
// not remove, then the new ones, which it returns too (queueFileTexts
// takes them once stored).
func applyFiles(have []*congtin.DocumentFile, add []congtin.DocumentFileInput, remove []int64) (files, added []*congtin.DocumentFile) {
	removed := map[int64]bool{}
	for _, id := range remove {
		removed[id] = true
	}
	for _, f := range have {
		if !removed[f.ID] {
			files = append(files, f)
		}
	}
	for _, f := range add {
		nf := &congtin.DocumentFile{Name: f.Name, Kind: f.Kind, Size: f.Size, Hash: f.Hash, Text: f.Text, TextNote: f.TextNote,
			TextSource: f.TextSource, TextState: fileTextState(f)}
		files = append(files, nf)
		added = append(added, nf)
	}
	return files, added
}

// fileJob is where a kind of text job's files are: the documents
// register's (JobFileText) or the consultations' (JobConsultationFileText),
// two tables of the same columns that one worker reads.
type fileJob struct {
	find     func(ctx context.Context, a *App, siteID, fileID int64) (*congtin.DocumentFile, error)
	findText func(ctx context.Context, tx congtin.Tx, siteID, fileID int64) (*congtin.DocumentFile, error)
	setText  func(ctx context.Context, tx congtin.Tx, siteID int64, f *congtin.DocumentFile) error
}

var fileJobs = map[string]fileJob{
	congtin.JobFileText: {
		find: func(ctx context.Context, a *App, siteID, id int64) (*congtin.DocumentFile, error) {
			return a.FindDocumentFile(ctx, siteID, id)
		},
		findText: func(ctx context.Context, tx congtin.Tx, siteID, id int64) (*congtin.DocumentFile, error) {
			return tx.FindDocumentFileText(ctx, siteID, id)
		},
		setText: func(ctx context.Context, tx congtin.Tx, siteID int64, f *congtin.DocumentFile) error {
			return tx.SetDocumentFileText(ctx, siteID, f)
		}},
	congtin.JobConsultationFileText: {
		find: func(ctx context.Context, a *App, siteID, id int64) (*congtin.DocumentFile, error) {
			return a.FindConsultationFile(ctx, siteID, id)
		},
		findText: func(ctx context.Context, tx congtin.Tx, siteID, id int64) (*congtin.DocumentFile, error) {
			return tx.FindConsultationFileText(ctx, siteID, id)
		},
		setText: func(ctx context.Context, tx congtin.Tx, siteID int64, f *congtin.DocumentFile) error {
			return tx.SetConsultationFileText(ctx, siteID, f)
		}},
}

// fileJobKinds are the kinds of job RunFileTextJobs takes.
var fileJobKinds = []string{congtin.JobFileText, congtin.JobConsultationFileText}

// queueFileTexts queues, as jobs of the kind, the reading of the files
// just stored that wait for it. The caller wakes the worker (wakeJobs)
// once the transaction is over.
func queueFileTexts(ctx context.Context, tx congtin.Tx, siteID int64, kind string, added []*congtin.DocumentFile) error {
	for _, f := range added {
		if f.TextState != congtin.TextPending {
			continue
		}
		if err := tx.QueueJob(ctx, siteID, kind, f.ID, tx.Now()); err != nil {
			return err
		}
	}
	return nil
}

// wakeJobs tells JobWake's reader that a job was queued.
func (a *App) wakeJobs() {
	select {
	case a.jobWake <- struct{}{}:
	default:
	}
}

// JobWake receives when a job has been queued by this process, so that
// the worker need not wait for its next round.
func (a *App) JobWake() <-chan struct{} { return a.jobWake }

// RunFileTextJobs reads the text of queued attachments with r, one job at
// a time, until none is due or ctx ends, and returns how many it
// finished. worker names this process in the queue (two processes on one
// PostgreSQL never take the same job). An error is the store's; what a
// file holds never is one.
func (a *App) RunFileTextJobs(ctx context.Context, r congtin.FileTextReader, worker string, log *slog.Logger) (int, error) {
	if log == nil {
		log = slog.Default()
	}
	n := 0
	for ctx.Err() == nil {
		var j *congtin.Job
		err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
			j, err = tx.ClaimJob(ctx, fileJobKinds, worker, fileTextLease)
			return err
		})
		if err != nil || j == nil {
			return n, err
		}
		if err := a.runFileText(ctx, r, worker, j, log); err != nil {
			return n, err
		}
		n++
	}
	return n, ctx.Err()
}

// runFileText does one claimed job.
func (a *App) runFileText(ctx context.Context, r congtin.FileTextReader, worker string, j *congtin.Job, log *slog.Logger) error {
	fj, ok := fileJobs[j.Kind]
	if !ok {
		return a.WithTx(ctx, func(tx congtin.Tx) error { return tx.DeleteJob(ctx, j.ID) })
	}
	f, err := fj.find(ctx, a, j.SiteID, j.RefID)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		// The file was removed from its document meanwhile.
		return a.WithTx(ctx, func(tx congtin.Tx) error { return tx.DeleteJob(ctx, j.ID) })
	}
	if err != nil {
		return err
	}
	var ft congtin.FileText
	if j.Attempts > fileTextTries {
		ft = congtin.FileText{State: congtin.TextFailed,
			Note: "Đã thử đọc tệp " + itoa(int64(fileTextTries)) + " lần nhưng lần nào cũng bị dừng giữa chừng; hãy xem nhật ký máy chủ, hoặc nhập văn bản bằng tay."}
		log.Warn("attachment text: giving up after repeated interrupted attempts", "file", f.ID, "attempts", j.Attempts-1, "last_error", j.LastError)
	} else {
		start := time.Now()
		ft, err = a.readHeld(ctx, r, worker, j, f)
		if err != nil {
			log.Warn("attachment text: reading interrupted; job given back", "file", f.ID, "error", err)
			retry := fileTextRetry
			if ctx.Err() != nil {
				retry = 0 // shutting down: the next start takes it at once
				ctx = context.WithoutCancel(ctx)
			}
			return a.WithTx(ctx, func(tx congtin.Tx) error {
				return tx.ReleaseJob(ctx, j.ID, tx.Now().Add(retry), congtin.ErrorMessage(err))
			})
		}
		log.Info("attachment text read", "file", f.ID, "document", f.DocumentID, "state", ft.State, "source", ft.Source,
			"chars", utf8.RuneCountInString(ft.Text), "note", ft.Note, "took", time.Since(start).Round(time.Millisecond))
	}
	ft.Text = clipText(ft.Text, congtin.MaxFileText)
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		// An editor who typed the text, or asked for another reading,
		// while this one ran has the last word: the job is no longer
		// this worker's.
		if held, err := tx.ExtendJob(ctx, j.ID, worker, 0); err != nil || !held {
			return err
		}
		cur, err := fj.findText(ctx, tx, j.SiteID, f.ID)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return tx.DeleteJob(ctx, j.ID)
		} else if err != nil {
			return err
		}
		cur.Text, cur.TextNote, cur.TextState, cur.TextSource = ft.Text, ft.Note, ft.State, ft.Source
		if cur.TextState == congtin.TextFailed {
			cur.Text, cur.TextSource = "", ""
		}
		if err := fj.setText(ctx, tx, j.SiteID, cur); err != nil {
			return err
		}
		return tx.DeleteJob(ctx, j.ID)
	})
}

// readHeld reads f with r while renewing the job's lease.
func (a *App) readHeld(ctx context.Context, r congtin.FileTextReader, worker string, j *congtin.Job, f *congtin.DocumentFile) (congtin.FileText, error) {
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(fileTextBeat)
		defer t.Stop()
		for {
			select {
			case <-rctx.Done():
				return
			case <-t.C:
				_ = a.WithTx(rctx, func(tx congtin.Tx) error {
					_, err := tx.ExtendJob(rctx, j.ID, worker, fileTextLease)
					return err
				})
			}
		}
	}()
	ft, err := r.ReadFileText(rctx, f)
	cancel()
	<-done
	return ft, err
}

// fileOfDocument reads an attachment of document docID for an editor who
// may edit the document.
func fileOfDocument(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, docID, fileID int64) (*congtin.Document, *congtin.DocumentFile, error) {
	d, err := tx.FindDocument(ctx, siteID, docID)
	if err != nil {
		return nil, nil, err
	}
	if !congtin.Can(actor, congtin.ActEdit, d.Item()) {
		return nil, nil, forbidden("Bạn không có quyền sửa văn bản ở trạng thái “%s”.", congtin.StatusName(d.Status))
	}
	f, err := tx.FindDocumentFileText(ctx, siteID, fileID)
	if err != nil {
		return nil, nil, err
	}
	if f.DocumentID != d.ID {
		return nil, nil, congtin.NotFound(congtin.KindDocumentFile)
	}
	return d, f, nil
}

// CorrectDocumentFileText implements congtin.DocumentService.
func (a *App) CorrectDocumentFileText(ctx context.Context, actor congtin.Actor, siteID, docID, fileID int64, text string) error {
	if !utf8.ValidString(text) {
		return invalid("text", "Văn bản chứa ký tự không hợp lệ.")
	}
	text = cleanFileText(text)
	if strings.TrimSpace(text) == "" {
		return invalid("text", "Hãy nhập văn bản của tệp, hoặc bấm “Đọc lại” để máy đọc lại tệp.")
	}
	if len(text) > congtin.MaxFileText {
		return invalid("text", "Văn bản dài quá "+itoa(int64(congtin.MaxFileText>>10))+" KB; chỉ cần giữ phần dùng cho tìm kiếm.")
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		d, f, err := fileOfDocument(ctx, tx, actor, siteID, docID, fileID)
		if err != nil {
			return err
		}
		f.Text, f.TextNote, f.TextState, f.TextSource = text, "", congtin.TextDone, congtin.TextFromEditor
		if err := tx.SetDocumentFileText(ctx, siteID, f); err != nil {
			return err
		}
		if err := tx.DeleteJobsAbout(ctx, congtin.JobFileText, f.ID); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "document.file_text", "document", d.ID, d.Number+": "+f.Name))
	})
}

// RereadDocumentFile implements congtin.DocumentService.
func (a *App) RereadDocumentFile(ctx context.Context, actor congtin.Actor, siteID, docID, fileID int64) error {
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		d, f, err := fileOfDocument(ctx, tx, actor, siteID, docID, fileID)
		if err != nil {
			return err
		}
		// The text read before stays searchable until the new reading
		// replaces it.
		f.TextState, f.TextNote = congtin.TextPending, ""
		if err := tx.SetDocumentFileText(ctx, siteID, f); err != nil {
			return err
		}
		if err := tx.QueueJob(ctx, siteID, congtin.JobFileText, f.ID, tx.Now()); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "document.file_reread", "document", d.ID, d.Number+": "+f.Name))
	})
	if err == nil {
		a.wakeJobs()
	}
	return err
}

// cleanFileText keeps an editor's text as the index wants it: NFC, lines
// ended by \n, pages by form feeds, no other control characters.
func cleanFileText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\f':
			return r
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(strings.TrimSpace(s))
}

// clipText cuts s to at most n bytes, at a character's start.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
