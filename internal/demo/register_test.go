package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/ocr"
	"github.com/congtin/congtin/internal/search/vn"
	"github.com/congtin/congtin/internal/sqlite"
)

// registerFill is a fresh SQLite database with the demo's documents and
// questions written at now.
type registerFill struct {
	db     *app.App
	files  docfile.Files
	siteID int64
}

func fillRegister(t *testing.T, now time.Time) *registerFill {
	t.Helper()
	return fillRegisterWith(t, now, &ocr.Reader{})
}

// fillRegisterWith fills a register whose attachments are read with the
// OCR given (nil: none, as on a server without Tesseract).
func fillRegisterWith(t *testing.T, now time.Time, o docfile.OCR) *registerFill {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	raw := sqlite.NewDB(filepath.Join(dir, "demo.db"))
	if err := raw.Open(); err != nil {
		t.Fatal(err)
	}
	db := app.New(raw)
	t.Cleanup(func() { raw.Close() })
	site, err := db.DefaultSite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &registerFill{db: db, files: docfile.Files{Blobs: blob.Dir{Path: filepath.Join(dir, "media")}}, siteID: site.ID}
	if err := FillDocuments(ctx, db, f.files, site.ID, now); err != nil {
		t.Fatal(err)
	}
	// The attachments are read as the server's worker reads them.
	if _, err := db.RunFileTextJobs(ctx, &docfile.TextReader{Files: f.files, OCR: o}, "test", slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	if err := FillQuestions(ctx, db, site.ID, now); err != nil {
		t.Fatal(err)
	}
	return f
}

// snapshot is everything the fill wrote that a reader or the newsroom
// sees: every document with its files (and their stored bytes' hashes)
// and links, every question with its personal data, answer and history.
func (f *registerFill) snapshot(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	docs, n, err := f.db.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: f.siteID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []any
	for _, d := range docs {
		full, err := f.db.FindDocumentByID(ctx, f.siteID, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		var stored []string
		for _, file := range full.Files {
			stored = append(stored, file.Hash+" "+f.storedHash(t, file))
		}
		notes, err := f.db.FindNotes(ctx, d.Item().Ref)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, full, stored, notes)
	}
	qs, m, err := f.db.FindQuestions(ctx, congtin.QuestionFilter{SiteID: f.siteID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		notes, err := f.db.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: f.siteID, ID: q.ID})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q, []string{q.Name, q.Email, q.Phone}, notes)
	}
	b, err := json.MarshalIndent(map[string]any{"documents": n, "questions": m, "items": out}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// storedHash is the SHA-256 of a file's bytes in the file store.
func (f *registerFill) storedHash(t *testing.T, file *congtin.DocumentFile) string {
	t.Helper()
	r, err := f.files.Open(context.Background(), file.Hash, file.Kind)
	if err != nil {
		t.Fatalf("file %s of document %d: %v", file.Name, file.DocumentID, err)
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// storedText is the text of a stored PDF, as the upload extracts it.
func (f *registerFill) storedText(t *testing.T, file *congtin.DocumentFile) string {
	t.Helper()
	r, err := f.files.Open(context.Background(), file.Hash, file.Kind)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	text, err := docfile.PDFText(data, congtin.MaxFileText)
	if err != nil {
		t.Fatalf("file %s: %v", file.Name, err)
	}
	return text
}

// TestDemoRegisterDeterministic: filling two fresh databases at the same now
// gives the same documents, files and questions, to the second.
func TestDemoRegisterDeterministic(t *testing.T) {
	now := nows[0]
	a, b := fillRegister(t, now).snapshot(t), fillRegister(t, now).snapshot(t)
	if a != b {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range min(len(al), len(bl)) {
			if al[i] != bl[i] {
				t.Fatalf("two fills differ at line %d:\n%s\n%s", i+1, al[i], bl[i])
			}
		}
		t.Fatalf("two fills differ in length: %d and %d lines", len(al), len(bl))
	}
	if !strings.Contains(a, `"documents": 27,`) || !strings.Contains(a, `"questions": 12`) || !strings.Contains(a, "@example.invalid") {
		t.Fatalf("the snapshot lacks the documents or the questions:\n%.2000s", a)
	}
}

// TestDemoRegisterContent: what the demo's register and Q&A hold, for each
// of the test's moments: published documents of many types over three
// years, replaced and lapsed ones, attachments whose text the search
// finds; questions in each state, answers linking to the documents.
func TestDemoRegisterContent(t *testing.T) {
	for _, now := range nows {
		t.Run(now.Format(time.DateOnly), func(t *testing.T) { checkRegister(t, now) })
	}
}

func checkRegister(t *testing.T, now time.Time) {
	ctx := context.Background()
	f := fillRegister(t, now)
	all, err := f.db.FindDocuments(ctx, congtin.DocumentQuery{SiteID: f.siteID, Limit: 100, Now: now, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != len(demoDocs) || all.Total < 20 {
		t.Fatalf("%d public documents, want %d", all.Total, len(demoDocs))
	}
	if len(all.Facets.Types) < 7 || len(all.Facets.Fields) < 7 || len(all.Facets.Issuers) < 5 || len(all.Facets.Years) < 3 {
		t.Errorf("too little variety: facets %+v", all.Facets)
	}
	numbers := map[string]bool{}
	numberRE := regexp.MustCompile(`^\d+/(\d{4}/)?[A-ZĐ]+-[A-ZĐ]+$`)
	replaced, lapsed, notYet, withFiles, readable, realSeen := 0, 0, 0, 0, 0, 0
	real := realFileNames(t)
	for _, d := range all.Documents {
		if numbers[d.Number] || !numberRE.MatchString(d.Number) {
			t.Errorf("number %q repeated or not like 115/KH-UBND", d.Number)
		}
		numbers[d.Number] = true
		if d.IssuedOn.After(now) || d.IssuedOn.Before(now.AddDate(-3, 0, 0)) || d.PublishedAt.After(now) || d.PublishedAt.Before(d.IssuedOn) {
			t.Errorf("%s: issued %v, published %v, want within three years before %v and published after issue", d.Number, d.IssuedOn, d.PublishedAt, now)
		}
		if weekend(d.IssuedOn) || weekend(d.PublishedAt) {
			t.Errorf("%s: issued %v, published %v: on a weekend", d.Number, d.IssuedOn, d.PublishedAt)
		}
		if d.Signer == "" || d.FieldName == "" || d.Summary == "" {
			t.Errorf("%s: signer %q, field %q, summary %q", d.Number, d.Signer, d.FieldName, d.Summary)
		}
		switch {
		case d.ReplacedBy != 0:
			replaced++
		case d.Expired(now):
			lapsed++
		case d.NotYetEffective(now):
			notYet++
		}
		full, err := f.db.FindDocumentByID(ctx, f.siteID, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		done := len(full.Files) > 0
		if done {
			withFiles++
		}
		for _, file := range full.Files {
			done = done && file.TextState == congtin.TextDone
			if name, ok := real[file.Hash]; ok {
				// Read by pdftotext or OCR: TestDemoRealFiles.
				realSeen++
				if got := f.storedHash(t, file); got != file.Hash || "."+file.Kind != path.Ext(name) {
					t.Errorf("%s: real file %s stored as %s, kind %s", d.Number, name, got, file.Kind)
				}
				continue
			}
			if got := f.storedHash(t, file); got != file.Hash || file.Kind != congtin.FilePDF || file.TextNote != "" {
				t.Errorf("%s: file %s stored as %s, kind %s, note %q", d.Number, file.Hash, got, file.Kind, file.TextNote)
			}
			text := f.storedText(t, file)
			if want := ascii(d.Summary); !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
				t.Errorf("%s: the attachment's text does not have the summary %q:\n%s", d.Number, want, text)
			}
		}
		if done {
			readable++
		}
	}
	if replaced < 2 || lapsed < 2 || notYet < 1 || withFiles < 20 || realSeen != len(demoFileSpecs) {
		t.Errorf("%d replaced, %d lapsed, %d not yet in force, %d with a file, %d real files; want 2, 2, 1, 20 or more, %d",
			replaced, lapsed, notYet, withFiles, realSeen, len(demoFileSpecs))
	}
	expired, err := f.db.FindDocuments(ctx, congtin.DocumentQuery{SiteID: f.siteID, Limit: 100, Now: now, Force: congtin.Expired})
	if err != nil {
		t.Fatal(err)
	}
	if expired.Total != replaced+lapsed {
		t.Errorf("the register lists %d documents no longer in force, want %d", expired.Total, replaced+lapsed)
	}
	// Words only the attachments hold: the index has their text.
	inFiles, err := f.db.FindDocuments(ctx, congtin.DocumentQuery{SiteID: f.siteID, Limit: 100, Now: now, Q: "du lieu mau"})
	if err != nil {
		t.Fatal(err)
	}
	// Without pdftotext or Tesseract some real files stay unread, which
	// TestDemoRealFiles refuses where the tools are required.
	if inFiles.Total != readable {
		t.Errorf("a search for the attachments' words finds %d documents, want the %d whose files were read", inFiles.Total, readable)
	}
	// The agriculture department's name follows the 2025 merger.
	for _, d := range all.Documents {
		if strings.HasPrefix(d.Issuer, "Sở Nông nghiệp") && d.IssuedOn.Before(deptReform) != strings.Contains(d.Issuer, "Phát triển nông thôn") {
			t.Errorf("%s issued %s by %q", d.Number, congtin.Day(d.IssuedOn), d.Issuer)
		}
	}

	qs, n, err := f.db.FindQuestions(ctx, congtin.QuestionFilter{SiteID: f.siteID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	paths := map[string]bool{}
	for _, d := range all.Documents {
		paths[d.Path()] = true
	}
	hrefRE := regexp.MustCompile(`href="([^"]*)"`)
	links := 0
	for _, q := range qs {
		states[q.State()]++
		if !strings.HasSuffix(q.Email, "@example.invalid") || q.Name == "" || q.CreatedAt.After(now) || q.FieldID == 0 {
			t.Errorf("question %q: asker %q <%s>, asked %v, field %d", q.Title, q.Name, q.Email, q.CreatedAt, q.FieldID)
		}
		if q.IsPublic() && (q.PublishedAt.After(now) || weekend(q.PublishedAt) || !q.PublishedAt.After(q.CreatedAt) || !strings.Contains(q.Answer, "<p>")) {
			t.Errorf("question %q: asked %v, published %v, answer %q", q.Title, q.CreatedAt, q.PublishedAt, q.Answer)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(q.Answer, -1) {
			links++
			if !paths[m[1]] {
				t.Errorf("question %q links to %q, not a demo document", q.Title, m[1])
			}
		}
	}
	if n != len(demoQuestions) || states[congtin.QAAnswered] != 8 || states[congtin.QAProcessing] != 2 || states[congtin.QAReceived] != 2 || links < 4 {
		t.Errorf("%d questions by state %v with %d links to documents; want 12: 8 answered, 2 processing, 2 received, 4 links or more", n, states, links)
	}
}

// weekend reports whether t falls on a Saturday or Sunday in Vietnam.
func weekend(t time.Time) bool {
	d := t.In(congtin.VietnamZone).Weekday()
	return d == time.Saturday || d == time.Sunday
}

// realFileNames maps the SHA-256 of each file of realFiles to its name.
func realFileNames(t *testing.T) map[string]string {
	t.Helper()
	names := map[string]string{}
	for _, s := range demoFileSpecs {
		data, err := realFiles.ReadFile("files/" + s.name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		names[hex.EncodeToString(sum[:])] = s.name
	}
	return names
}

// TestDemoRealFiles: once the worker has read the attachments, a search
// of the register for the phrase only a real file holds finds exactly
// the document it is attached to, the scan's after OCR; without OCR the
// scan's phrase finds nothing.
func TestDemoRealFiles(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm", "tesseract"} {
		docfiletest.Tool(t, tool)
	}
	o := &ocr.Reader{}
	if err := o.Check(context.Background()); err != nil {
		if os.Getenv("CONGTIN_REQUIRE_TOOLS") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	now := nows[0]
	t.Run("OCR", func(t *testing.T) {
		f := fillRegisterWith(t, now, o)
		for _, s := range demoFileSpecs {
			file, doc := f.realFile(t, s.name)
			if file.TextState != congtin.TextDone || file.TextNote != "" {
				t.Errorf("%s: text %s, note %q", s.name, file.TextState, file.TextNote)
			}
			want := map[string]string{"pdf": congtin.TextFromPDF, "docx": congtin.TextFromDOCX}[file.Kind]
			if s.paragraphs == nil {
				want = congtin.TextFromOCR
			}
			if file.TextSource != want {
				t.Errorf("%s: text from %q, want %q", s.name, file.TextSource, want)
			}
			if strings.Contains(vn.FoldString(doc.Summary), vn.FoldString(s.phrase)) {
				t.Errorf("%s: the summary holds the phrase %q: the search would find it without the file", s.name, s.phrase)
			}
			if got := f.find(t, now, s.phrase); len(got) != 1 || got[0] != doc.ID {
				t.Errorf("%s: a search for %q finds documents %v, want only %d (%s)", s.name, s.phrase, got, doc.ID, doc.Number)
			}
		}
	})
	t.Run("no OCR", func(t *testing.T) {
		f := fillRegisterWith(t, now, nil)
		for _, s := range demoFileSpecs {
			file, _ := f.realFile(t, s.name)
			if s.paragraphs != nil {
				continue
			}
			if file.TextState != congtin.TextFailed || file.TextNote == "" {
				t.Errorf("%s without OCR: text %s, note %q; want failed, with a note", s.name, file.TextState, file.TextNote)
			}
			if got := f.find(t, now, s.phrase); len(got) != 0 {
				t.Errorf("%s without OCR: a search for %q finds %v", s.name, s.phrase, got)
			}
		}
	})
}

// realFile returns the stored file of realFiles named name, and its
// document.
func (f *registerFill) realFile(t *testing.T, name string) (*congtin.DocumentFile, *congtin.Document) {
	t.Helper()
	ctx := context.Background()
	docs, _, err := f.db.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: f.siteID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	real := realFileNames(t)
	for _, d := range docs {
		full, err := f.db.FindDocumentByID(ctx, f.siteID, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range full.Files {
			if real[file.Hash] == name {
				return file, full
			}
		}
	}
	t.Fatalf("no document carries %s", name)
	return nil, nil
}

// find returns the IDs of the public documents a reader's search for the
// phrase, quoted, finds.
func (f *registerFill) find(t *testing.T, now time.Time, phrase string) []int64 {
	t.Helper()
	res, err := f.db.FindDocuments(context.Background(), congtin.DocumentQuery{SiteID: f.siteID, Limit: 100, Now: now, Q: `"` + phrase + `"`})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range res.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}
