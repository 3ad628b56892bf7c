package main_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// TestBrowserDocuments takes a document of the register through the back
// office in a real headless Chromium: a reporter fills the form, attaches
// a PDF and a DOCX from disk and sends it for review; an editor publishes
// it; a reader finds it on /van-ban by its number typed without
// diacritics or punctuation and by a word inside the PDF, opens it, and
// the page shows its fields and attachments at 1280 and 360 pixels.
func TestBrowserDocuments(t *testing.T) {
	browserPath := findBrowser(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: users, portal, files")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	nr.addStaff(db, phongvien, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	pdfPath := filepath.Join(dir, "ke-hoach-115.pdf")
	docxPath := filepath.Join(dir, "phu-luc.docx")
	if err := os.WriteFile(pdfPath, docfiletest.PDF("Irrigation plan for the dry season", "reservoir quokka maintenance"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docxPath, docfiletest.DOCX("Phụ lục danh mục công trình thủy lợi"), 0o644); err != nil {
		t.Fatal(err)
	}
	browserCtx := nr.startBrowser(browserPath)
	reporterCtx := nr.person(browserCtx, "reporter")
	editorCtx := nr.person(browserCtx, "editor")
	readerCtx := nr.person(browserCtx, "reader")

	nr.begin("2 the reporter writes the document with two attachments")
	rb := nr.tab(reporterCtx, time.Minute)
	nr.signIn(rb, phongvien)
	rb.navigate(portal.URL + "/admin/van-ban")
	rb.clickAndWait(`a[href="/admin/van-ban/moi"]`, pathIs("/admin/van-ban/moi"))
	option := func(sel, name string) string {
		v, err := chromedp.Run(rb.ctx, chromedp.Evaluate[string](fmt.Sprintf(
			`(Array.from(document.querySelectorAll('%s option')).find(o => o.textContent.trim() === %q) || {value: ""}).value`, sel, name)))
		if err != nil || v == "" {
			t.Fatalf("%s: no option %q in %s (%v)", nr.step, name, sel, err)
		}
		return v
	}
	rb.do(
		chromedp.SendKeys(chromedp.CSS("#number"), "115/KH-UBND"),
		chromedp.SetValue(chromedp.CSS("#type_id"), option("#type_id", "Kế hoạch")),
		chromedp.SetValue(chromedp.CSS("#field_id"), option("#field_id", "Nông nghiệp")),
		chromedp.SetValue(chromedp.CSS("#summary"), "Kế hoạch tưới tiêu mùa khô năm 2026"),
		chromedp.SetValue(chromedp.CSS("#issuer"), "Ủy ban nhân dân tỉnh An Phú"),
		chromedp.SetValue(chromedp.CSS("#signer"), "Trần Văn Bình"),
		chromedp.SetValue(chromedp.CSS("#issued_on"), "2026-02-10"),
		chromedp.SetValue(chromedp.CSS("#effective_on"), "2026-02-15"),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{pdfPath, docxPath}),
	)
	rb.screenshot("documents-form.png")
	u := nr.post(rb, "form.document-form button[type=submit]", `^/admin/van-ban/\d+$`,
		"Đã lưu văn bản (nháp). Chữ trong tệp đính kèm đang được đọc (nhận dạng); văn bản sẽ tìm được theo nội dung tệp khi xong.")
	id := strings.TrimPrefix(u.Path, "/admin/van-ban/")
	if files := rb.elements("ul.files li"); len(files) != 2 || !strings.Contains(files[0].Text, "ke-hoach-115.pdf (PDF") || !strings.Contains(files[1].Text, "phu-luc.docx (DOCX") {
		t.Fatalf("%s: attachments listed %q", nr.step, texts(files))
	}
	nr.post(rb, `button[value="submit"]`, `^/admin/van-ban/`+id+`$`, "Đã chuyển văn bản sang trạng thái “Chờ duyệt”.")

	nr.begin("3 the editor publishes it")
	eb := nr.tab(editorCtx, time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/van-ban?trang-thai=submitted")
	eb.clickAndWait(`a[href="/admin/van-ban/`+id+`"]`, pathIs("/admin/van-ban/"+id))
	nr.post(eb, `button[value="publish"]`, `^/admin/van-ban/`+id+`$`, "Đã chuyển văn bản sang trạng thái “Đã xuất bản”.")
	public := eb.elements(`.article-meta a[target=_blank]`)
	if len(public) != 1 {
		t.Fatalf("%s: no link to the public page", nr.step)
	}

	nr.begin("3b the editor sees the files read, and corrects the text read from the PDF")
	// The server's worker reads the files in the background: the edit
	// page says where each stands.
	deadline := time.Now().Add(time.Minute)
	for {
		eb.navigate(portal.URL + "/admin/van-ban/" + id)
		states := texts(eb.elements("ul.files .status"))
		if len(states) == 2 && states[0] == "Đã có văn bản" && states[1] == "Đã có văn bản" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: file states %q a minute after saving", nr.step, states)
		}
		time.Sleep(300 * time.Millisecond)
	}
	eb.screenshot("documents-file-states-1280.png")
	textPage := eb.clickAndWait(`ul.files a[href$="/chu"]`, func(u *url.URL) bool { return strings.HasSuffix(u.Path, "/chu") })
	eb.visible(".file-text .status", "Đã có văn bản")
	eb.visible(".file-text dd", "lớp chữ của tệp PDF")
	eb.screenshot("documents-file-text-1280.png")
	eb.do(chromedp.SetValue(chromedp.CSS("#text"), "Irrigation plan for the dry season\nreservoir quokka maintenance, checked by the editor"))
	nr.post(eb, `.file-text form button[type=submit]`, `/chu$`, "Đã lưu chữ của tệp; tìm kiếm dùng bản này từ bây giờ.")
	eb.visible(".file-text dd", "biên tập viên nhập hoặc sửa")
	eb.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	eb.navigate(textPage.String())
	eb.checkNoHorizontalScroll(360)
	eb.screenshot("documents-file-text-360.png")
	eb.do(chromedp.EmulateViewport(1280, 900))

	nr.begin("4 a reader finds it by number and by a word of the PDF")
	b := nr.tab(readerCtx, time.Minute)
	docPath := "/van-ban/115-kh-ubnd-" + id
	for _, q := range []string{"115 kh ubnd", "quokka"} {
		b.navigate(portal.URL + "/van-ban")
		b.do(chromedp.SendKeys(chromedp.CSS("#vb-q"), q))
		got := b.clickAndWait(".doc-search button[type=submit]", pathIs("/van-ban"))
		if got.Query().Get("q") != q {
			t.Errorf("%s: searched %s", nr.step, got)
		}
		b.visible(`.doc-table a[href="`+docPath+`"]`, "115/KH-UBND")
		if n := len(b.elements(".doc-table tbody tr")); n != 1 {
			t.Errorf("%s: %q lists %d documents, want 1", nr.step, q, n)
		}
	}
	b.navigate(portal.URL + "/van-ban")
	b.visible(".facet summary", "Loại văn bản")
	b.visible(".facets a", "Kế hoạch")
	b.screenshot("documents-list-1280.png")
	b.clickAndWait(`.doc-table a[href="`+docPath+`"]`, pathIs(docPath))
	b.visible("h1.title", "Kế hoạch số 115/KH-UBND")
	b.visible(".doc-fields td", "Ủy ban nhân dân tỉnh An Phú")
	b.visible(".doc-fields td", "15/02/2026")
	b.visible(".doc-files a", "ke-hoach-115.pdf")
	b.visible(".doc-files a", "phu-luc.docx")
	b.screenshot("documents-page-1280.png")

	nr.begin("5 the same pages on a 360 px phone")
	b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.navigate(portal.URL + docPath)
	b.visible(".doc-fields td", "115/KH-UBND")
	b.checkNoHorizontalScroll(360)
	b.screenshot("documents-page-360.png")
	b.navigate(portal.URL + "/van-ban?q=" + url.QueryEscape("115 kh ubnd"))
	b.visible(`.doc-table a[href="`+docPath+`"]`, "115/KH-UBND")
	b.checkNoHorizontalScroll(360)
	b.screenshot("documents-list-360.png")
	b.do(chromedp.EmulateViewport(1280, 900))
	for _, who := range []string{"reporter", "editor", "reader"} {
		for _, m := range nr.console(who) {
			t.Errorf("%s's console: %s %v", who, m.Type, m.Args)
		}
	}
}
