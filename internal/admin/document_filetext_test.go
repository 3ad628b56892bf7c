package admin_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// TestDocumentFileText checks the page where an editor reads, corrects
// and has read again the text of an attachment: pages kept through the
// form, bad input refused with nothing changed, other people's documents
// and files out of reach.
func TestDocumentFileText(t *testing.T) {
	e := newEnv(t)
	btv, pv := e.as("btv"), e.as("pv1")
	body, ctype := documentForm(t, e.docFields("21/TB-UBND", "Thông báo lịch tiếp công dân"),
		attachment{"thong-bao.docx", "application/octet-stream", docfiletest.DOCX("Lịch tiếp công dân định kỳ tháng Mười hai", "tại trụ sở Ủy ban nhân dân xã")})
	r := btv.do("POST", "/admin/van-ban/moi", body, ctype)
	if r.status != 303 {
		t.Fatalf("create: %d %.300s", r.status, r.body)
	}
	loc, _ := url.Parse(r.header.Get("Location"))
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc.Path, "/admin/van-ban/"), 10, 64)
	d, err := e.db.FindDocumentByID(t.Context(), e.site.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	fid := d.Files[0].ID
	page := "/admin/van-ban/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(fid, 10) + "/chu"
	if r := btv.get(page); r.status != 200 || !strings.Contains(r.body, "Đang nhận dạng") || !strings.Contains(r.body, "Máy chủ đang đọc tệp này") {
		t.Fatalf("before reading: %d %.300s", r.status, r.body)
	}
	e.readFiles()
	if r := btv.get(page); r.status != 200 || !strings.Contains(r.body, "Đã có văn bản") || !strings.Contains(r.body, "nội dung tệp Word") ||
		!strings.Contains(r.body, "Lịch tiếp công dân định kỳ tháng Mười hai") {
		t.Fatalf("after reading: %d %.600s", r.status, r.body)
	}
	stored := func() *congtin.DocumentFile {
		t.Helper()
		f, err := e.db.FindDocumentFileText(t.Context(), e.site.ID, fid)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	before := stored().Text

	// Bad input: the page again with the message and what was typed,
	// nothing stored.
	for _, c := range []struct{ text, msg string }{
		{"   \r\n  ", "Hãy nhập văn bản của tệp"},
		{strings.Repeat("chữ ", congtin.MaxFileText/4), "Văn bản dài quá"},
		{"bad \xff byte", "ký tự không hợp lệ"},
	} {
		r := btv.post(page, url.Values{"text": {c.text}})
		if r.status != 400 || !strings.Contains(r.body, c.msg) {
			t.Errorf("text %.20q: %d, want 400 with %q", c.text, r.status, c.msg)
		}
		if got := stored().Text; got != before {
			t.Fatalf("a refused correction changed the text to %.80q", got)
		}
	}
	// Another reporter's document, an unknown file, a file of another
	// document: out of reach.
	if r := pv.get(page); r.status != 403 && r.status != 404 {
		t.Errorf("another reporter's file text: %d", r.status)
	}
	if r := pv.post(page, url.Values{"text": {"sửa trộm"}}); r.status != 403 && r.status != 404 {
		t.Errorf("another reporter corrects: %d", r.status)
	}
	if r := btv.get(strings.Replace(page, "/tep/"+strconv.FormatInt(fid, 10), "/tep/99999", 1)); r.status != 404 {
		t.Errorf("unknown file: %d", r.status)
	}
	if stored().Text != before {
		t.Fatal("the text changed")
	}

	// A correction over two pages: the page marks become page breaks.
	r = btv.post(page, url.Values{"text": {"=== Trang 1 ===\r\nLịch tiếp công dân\r\n\r\n=== Trang 2 ===\r\nNgười tiếp: Chủ tịch UBND xã\r\n"}})
	if r.status != 303 {
		t.Fatalf("correct: %d %.300s", r.status, r.body)
	}
	f := stored()
	if f.Text != "Lịch tiếp công dân\fNgười tiếp: Chủ tịch UBND xã" || f.TextSource != congtin.TextFromEditor || f.TextState != congtin.TextDone {
		t.Fatalf("corrected: %q %q %q", f.Text, f.TextSource, f.TextState)
	}
	if r := btv.get(page); !strings.Contains(r.body, "=== Trang 2 ===") || !strings.Contains(r.body, "biên tập viên nhập hoặc sửa") {
		t.Errorf("the corrected text's pages are not shown: %.600s", r.body)
	}

	// "Đọc lại tệp": queued, then the machine's reading again.
	if r := btv.post(strings.TrimSuffix(page, "/chu")+"/doc-lai", nil); r.status != 303 {
		t.Fatalf("re-read: %d %.300s", r.status, r.body)
	}
	if f := stored(); f.TextState != congtin.TextPending {
		t.Fatalf("after Đọc lại: state %q", f.TextState)
	}
	if n := e.readFiles(); n != 1 {
		t.Fatalf("%d files read", n)
	}
	if f := stored(); f.TextSource != congtin.TextFromDOCX || !strings.Contains(f.Text, "tại trụ sở Ủy ban nhân dân xã") {
		t.Fatalf("read again: %q %q", f.TextSource, f.Text)
	}
}
