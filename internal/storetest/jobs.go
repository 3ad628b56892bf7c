package storetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testJobs runs the job queue's SQL: a job queued once per thing it is
// about, taken by exactly one of several workers claiming at once, held
// for a lease and taken again when the lease ends (its worker died),
// renewed only by its holder, given back with the reason, deleted.
func testJobs(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	st, ok := s.(congtin.Store)
	if !ok {
		t.Fatalf("%T does not give its store's transactions", s)
	}
	clock := mustClock(t, s, time.Date(2026, 12, 7, 9, 0, 0, 0, congtin.VietnamZone))
	site := MustSite(t, s)
	tx := func(fn func(tx congtin.Tx) error) {
		t.Helper()
		if err := st.WithTx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	claim := func(worker string) *congtin.Job {
		t.Helper()
		var j *congtin.Job
		tx(func(tx congtin.Tx) (err error) {
			j, err = tx.ClaimJob(ctx, []string{congtin.JobFileText}, worker, 10*time.Minute)
			return err
		})
		return j
	}
	const n = 40
	tx(func(tx congtin.Tx) error {
		for i := 1; i <= n; i++ {
			if err := tx.QueueJob(ctx, site.ID, congtin.JobFileText, int64(1000+i), tx.Now()); err != nil {
				return err
			}
		}
		// Queued again about the same file: still one job.
		return tx.QueueJob(ctx, site.ID, congtin.JobFileText, 1001, tx.Now())
	})
	if q, due, err := s.CountJobs(ctx, congtin.JobFileText); err != nil || q != n || due != n {
		t.Fatalf("CountJobs = %d queued, %d due, %v; want %d, %d", q, due, err, n, n)
	}
	if j := func() *congtin.Job {
		var j *congtin.Job
		tx(func(tx congtin.Tx) (err error) {
			j, err = tx.ClaimJob(ctx, []string{"other_kind"}, "w", time.Minute)
			return err
		})
		return j
	}(); j != nil {
		t.Fatalf("a job of another kind was claimed: %+v", j)
	}

	// Four workers claim at once until nothing is due: each job is taken
	// by exactly one of them.
	var mu sync.Mutex
	taken := map[int64][]string{}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker := fmt.Sprintf("worker-%d", w)
			for {
				var j *congtin.Job
				err := st.WithTx(ctx, func(tx congtin.Tx) (err error) {
					j, err = tx.ClaimJob(ctx, []string{congtin.JobFileText}, worker, 10*time.Minute)
					return err
				})
				if err != nil {
					errs <- err
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				taken[j.RefID] = append(taken[j.RefID], worker)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(taken) != n {
		t.Fatalf("%d jobs taken, want %d", len(taken), n)
	}
	for ref, ws := range taken {
		if len(ws) != 1 {
			t.Errorf("job about %d taken by %v", ref, ws)
		}
	}
	if q, due, _ := s.CountJobs(ctx, congtin.JobFileText); q != n || due != 0 {
		t.Fatalf("held jobs: %d queued, %d due; want %d, 0", q, due, n)
	}

	// The lease ends (the workers died): the jobs are due again, with
	// their attempts counted.
	clock.Add(11 * time.Minute)
	j := claim("worker-9")
	if j == nil || j.Attempts != 2 {
		t.Fatalf("after the lease: %+v, want a job at its 2nd attempt", j)
	}
	// Only the holder renews it.
	tx(func(tx congtin.Tx) error {
		if ok, err := tx.ExtendJob(ctx, j.ID, "worker-0", 10*time.Minute); err != nil || ok {
			t.Errorf("another worker renewed the hold: %v %v", ok, err)
		}
		if ok, err := tx.ExtendJob(ctx, j.ID, "worker-9", 10*time.Minute); err != nil || !ok {
			t.Errorf("the holder could not renew: %v %v", ok, err)
		}
		return nil
	})
	// Given back with a reason, due before the others: the next claim
	// takes it.
	tx(func(tx congtin.Tx) error {
		return tx.ReleaseJob(ctx, j.ID, tx.Now().Add(-time.Hour), "máy chủ tắt")
	})
	if again := claim("worker-1"); again == nil || again.ID != j.ID || again.LastError != "máy chủ tắt" || again.Attempts != 3 {
		t.Fatalf("released job claimed as %+v", again)
	}
	// Queued anew (an editor asks for another reading): attempts start
	// over and the old holder has lost it.
	tx(func(tx congtin.Tx) error {
		return tx.QueueJob(ctx, site.ID, congtin.JobFileText, j.RefID, tx.Now().Add(-2*time.Hour))
	})
	tx(func(tx congtin.Tx) error {
		if ok, err := tx.ExtendJob(ctx, j.ID, "worker-1", 0); err != nil || ok {
			t.Errorf("a re-queued job still held by its old worker: %v %v", ok, err)
		}
		return nil
	})
	if again := claim("worker-2"); again == nil || again.RefID != j.RefID || again.Attempts != 1 {
		t.Fatalf("re-queued job claimed as %+v", again)
	}
	tx(func(tx congtin.Tx) error {
		if err := tx.DeleteJob(ctx, j.ID); err != nil {
			return err
		}
		return tx.DeleteJobsAbout(ctx, congtin.JobFileText, 1002)
	})
	if q, _, _ := s.CountJobs(ctx, congtin.JobFileText); q != n-2 {
		t.Fatalf("after deleting two: %d queued, want %d", q, n-2)
	}
}

// fakeReader reads every file as the text it is given, counting calls.
type fakeReader struct {
	mu    sync.Mutex
	text  map[string]congtin.FileText // by file name
	calls int
	// during, when set, runs while a file is being read.
	during func(f *congtin.DocumentFile)
}

func (r *fakeReader) ReadFileText(ctx context.Context, f *congtin.DocumentFile) (congtin.FileText, error) {
	r.mu.Lock()
	r.calls++
	ft, ok := r.text[f.Name]
	during := r.during
	r.mu.Unlock()
	if during != nil {
		during(f)
	}
	if !ok {
		return congtin.FileText{}, fmt.Errorf("no text for %s", f.Name)
	}
	return ft, nil
}

// testFileTextJobs runs the service's background reading of attachments
// over the store: a file saved without its text is queued, not searched
// by its content until its job runs; the job's result is written and
// indexed; an editor's correction wins over a reading still under way;
// "Đọc lại" queues it again; a removed file's job goes quietly.
func testFileTextJobs(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	file := func(name string) congtin.DocumentFileInput {
		return congtin.DocumentFileInput{Name: name, Kind: congtin.FilePDF, Size: 10, Hash: strings.Repeat("a", 63) + name[:1]}
	}
	d, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{
		TypeID: TermID(t, s, site.ID, congtin.ListTypes, "Quyết định"), Number: "15/QĐ-UBND", Issuer: "Ủy ban nhân dân tỉnh",
		IssuedOn: day("2026-11-02"), EffectiveOn: day("2026-11-02"), Summary: "Quyết định về công tác phòng chống thiên tai",
		AddFiles: []congtin.DocumentFileInput{file("1-quyet-dinh.pdf"), file("2-phu-luc.pdf")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Files {
		if f.TextState != congtin.TextPending {
			t.Fatalf("new file %s in state %q, want pending", f.Name, f.TextState)
		}
	}
	if q, _, _ := s.CountJobs(ctx, congtin.JobFileText); q != 2 {
		t.Fatalf("%d jobs queued, want 2", q)
	}
	find := func(q string) []int64 {
		t.Helper()
		res, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatal(err)
		}
		return docIDs(res)
	}
	if ids := find("hồ chứa nước Định Bình"); len(ids) != 0 {
		t.Fatalf("found by a file's text before it was read: %v", ids)
	}
	r := &fakeReader{text: map[string]congtin.FileText{
		"1-quyet-dinh.pdf": {State: congtin.TextDone, Text: "Điều 1. Vận hành hồ chứa nước Định Bình trong mùa mưa lũ.", Source: congtin.TextFromOCR},
		"2-phu-luc.pdf":    {State: congtin.TextFailed, Note: "Không nhận dạng được chữ: ảnh quá lớn."},
	}}
	n, err := s.RunFileTextJobs(ctx, r, "test", nil)
	if err != nil || n != 2 {
		t.Fatalf("RunFileTextJobs = %d, %v; want 2", n, err)
	}
	if ids := find("hồ chứa nước Định Bình"); len(ids) != 1 || ids[0] != d.ID {
		t.Fatalf("after reading, search found %v, want [%d]", ids, d.ID)
	}
	got, err := s.FindDocumentByID(ctx, site.ID, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f := got.Files[0]; f.TextState != congtin.TextDone || f.TextSource != congtin.TextFromOCR {
		t.Errorf("first file: state %q source %q", f.TextState, f.TextSource)
	}
	if f := got.Files[1]; f.TextState != congtin.TextFailed || f.TextNote == "" {
		t.Errorf("second file: state %q note %q", f.TextState, f.TextNote)
	}
	if q, _, _ := s.CountJobs(ctx, congtin.JobFileText); q != 0 {
		t.Fatalf("%d jobs left after reading", q)
	}

	// A reporter may not correct a published document's file.
	WantCode(t, s.CorrectDocumentFileText(ctx, rep, site.ID, d.ID, got.Files[0].ID, "x"), congtin.EFORBIDDEN, "reporter corrects")
	WantCode(t, s.CorrectDocumentFileText(ctx, ed, site.ID, d.ID, got.Files[0].ID, "  \n "), congtin.EINVALID, "empty text")
	WantCode(t, s.CorrectDocumentFileText(ctx, ed, site.ID, d.ID, got.Files[0].ID, strings.Repeat("chữ ", congtin.MaxFileText/4)), congtin.EINVALID, "too long")
	WantCode(t, s.CorrectDocumentFileText(ctx, ed, site.ID, d.ID+1000, got.Files[0].ID, "chữ"), congtin.ENOTFOUND, "other document")
	WantCode(t, s.RereadDocumentFile(ctx, ed, site.ID, d.ID, 999999), congtin.ENOTFOUND, "unknown file")

	// "Đọc lại", then an editor types the text while the reading runs:
	// the editor's text stays, the reading's result is dropped.
	second := got.Files[1]
	if err := s.RereadDocumentFile(ctx, ed, site.ID, d.ID, second.ID); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.FindDocumentFile(ctx, site.ID, second.ID); f == nil || f.TextState != congtin.TextPending {
		t.Fatalf("after Đọc lại: %+v", f)
	}
	r.text["2-phu-luc.pdf"] = congtin.FileText{State: congtin.TextDone, Text: "bản máy đọc sai", Source: congtin.TextFromOCR}
	r.during = func(f *congtin.DocumentFile) {
		if err := s.CorrectDocumentFileText(ctx, ed, site.ID, d.ID, f.ID, "Phụ lục: danh sách xã vùng trũng\r\nxã Phước Sơn\x00"); err != nil {
			t.Error(err)
		}
	}
	if _, err := s.RunFileTextJobs(ctx, r, "test", nil); err != nil {
		t.Fatal(err)
	}
	f, err := s.FindDocumentFileText(ctx, site.ID, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != "Phụ lục: danh sách xã vùng trũng\nxã Phước Sơn" || f.TextSource != congtin.TextFromEditor || f.TextState != congtin.TextDone {
		t.Errorf("after a correction during a reading: %q source %q state %q", f.Text, f.TextSource, f.TextState)
	}
	if ids := find("xã vùng trũng"); len(ids) != 1 {
		t.Errorf("the corrected text is not searched: %v", ids)
	}
	if ids := find("máy đọc sai"); len(ids) != 0 {
		t.Errorf("the dropped reading was indexed: %v", ids)
	}

	// A file removed before its job runs: the job goes, nothing fails.
	d2, err := s.FindDocumentByID(ctx, site.ID, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := congtin.DocumentInput{TypeID: d2.TypeID, Number: d2.Number, Issuer: d2.Issuer, IssuedOn: d2.IssuedOn, EffectiveOn: d2.EffectiveOn,
		Summary: d2.Summary, Version: d2.Version, AddFiles: []congtin.DocumentFileInput{file("3-to-trinh.pdf")}}
	d3, err := s.UpdateDocument(ctx, ed, site.ID, d.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	in = congtin.DocumentInput{TypeID: d3.TypeID, Number: d3.Number, Issuer: d3.Issuer, IssuedOn: d3.IssuedOn, EffectiveOn: d3.EffectiveOn,
		Summary: d3.Summary, Version: d3.Version, RemoveFiles: []int64{d3.Files[2].ID}}
	if _, err := s.UpdateDocument(ctx, ed, site.ID, d.ID, in); err != nil {
		t.Fatal(err)
	}
	calls := r.calls
	if n, err := s.RunFileTextJobs(ctx, r, "test", nil); err != nil || n != 1 || r.calls != calls {
		t.Fatalf("job of a removed file: %d done, %v, reader called %d times", n, err, r.calls-calls)
	}
	if q, _, _ := s.CountJobs(ctx, congtin.JobFileText); q != 0 {
		t.Fatalf("%d jobs left", q)
	}
}
