package web_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/storetest"
)

// A search of the register shows the words found in an attachment, with
// the file's name and, for a PDF, the page: here a three-page PDF printed
// by headless Chromium and read by pdftotext.
func TestDocumentsFileSnippet(t *testing.T) {
	docfiletest.Tool(t, "pdftotext")
	e := newEnv(t)
	pdf := docfiletest.ChromiumPDF(t, `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif",serif}.pb{break-after:page}</style></head><body>
<p class="pb">Ủy ban nhân dân tỉnh về việc phòng, chống dịch sốt xuất huyết năm 2026.</p>
<p class="pb">Kinh phí thực hiện từ nguồn ngân sách tỉnh.</p>
<p>Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các khu dân cư ven sông.</p>
</body></html>`)
	up, err := docfile.Spool("", "ke-hoach.pdf", bytes.NewReader(pdf), docfile.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	docx := docfiletest.DOCX("Phụ lục: danh sách xã có ổ dịch sốt xuất huyết")
	up2, err := docfile.Spool("", "phu-luc.docx", bytes.NewReader(docx), docfile.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	defer up2.Close()
	ctx, ed := t.Context(), e.editor()
	plan := storetest.TermID(t, e.db, e.site.ID, congtin.ListTypes, "Kế hoạch")
	day, _ := congtin.ParseDay("2026-05-04")
	d, err := e.db.CreateDocument(ctx, ed, e.site.ID, congtin.DocumentInput{TypeID: plan, Number: "77/KH-UBND", Issuer: "Ủy ban nhân dân tỉnh",
		IssuedOn: day, Summary: "Kế hoạch y tế dự phòng năm 2026", AddFiles: []congtin.DocumentFileInput{
			{Name: up.Name, Kind: up.Kind, Size: up.Size, Hash: up.Hash, Text: up.Text, TextNote: up.TextNote},
			{Name: up2.Name, Kind: up2.Kind, Size: up2.Size, Hash: up2.Hash, Text: up2.Text, TextNote: up2.TextNote},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.TransitionDocument(ctx, ed, e.site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, where, marked string }{
		{"diệt lăng quăng", "Trong tệp “ke-hoach.pdf”, trang 3:", "diệt lăng quăng"},
		{"lang quang bo gay", "Trong tệp “ke-hoach.pdf”, trang 3:", "lăng quăng bọ gậy"},
		{"ngân sách tỉnh", "Trong tệp “ke-hoach.pdf”, trang 2:", "ngân sách tỉnh"},
		{"danh sách xã", "Trong tệp “phu-luc.docx”:", "danh sách xã"},
	} {
		r := e.get("/van-ban?q=" + url.QueryEscape(c.q))
		s := find(r.doc, class("file-snippet"))
		if r.status != 200 || s == nil {
			t.Errorf("%q: %d, no snippet of the file", c.q, r.status)
			continue
		}
		var marks []string
		for _, m := range findAll(s, tag("mark")) {
			marks = append(marks, text(m))
		}
		if got := text(s); !strings.HasPrefix(got, c.where) || strings.Join(marks, " ") != c.marked {
			t.Errorf("%q: snippet %q marking %q, want %q marking %q", c.q, got, marks, c.where, c.marked)
		}
	}
	// Words only in the number and summary: no file snippet.
	if r := e.get("/van-ban?q=" + url.QueryEscape("kế hoạch y tế")); len(findAll(r.doc, class("num"))) != 1 || find(r.doc, class("file-snippet")) != nil {
		t.Errorf("summary search: %d results, file snippet %v", len(findAll(r.doc, class("num"))), find(r.doc, class("file-snippet")) != nil)
	}
	// The API's results name every file, as without a search.
	if j := e.nearJSON("/api/v1/van-ban?q=" + url.QueryEscape("diệt lăng quăng")); j.Total != 1 {
		t.Errorf("api: %+v", j)
	}
}
