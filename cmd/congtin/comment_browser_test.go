package main_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/storetest"
)

// TestBrowserConsultationComments runs a draft's comment period in a real
// headless Chromium on a real portal: a citizen reads the draft and
// comments on Điều 2 with a PDF, waits the form's minimum time like a
// person, and gets a lookup code; an editor publishes the comment and
// answers it in the back office; the reader sees both under Điều 2 at
// 1280 and 360 pixels; a second reader's form, left open while the
// editor closes the period, is refused with the close's message and the
// form is gone; the editor's Word export, opened by LibreOffice, has the
// comment in the row of Điều 2.
func TestBrowserConsultationComments(t *testing.T) {
	browserPath := findBrowser(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: a draft open for comment, an editor, the citizen's PDF")
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	db := "sqlite:" + path
	raw := storetest.MustOpenSQLite(t, path)
	svc := app.New(raw)
	site := storetest.MustSite(t, svc)
	admin := congtin.Actor{User: &congtin.User{Username: "seed", SuperAdmin: true}}
	in := storetest.ConsultationInput(time.Now().Add(-time.Hour))
	in.ClosesAt = time.Now().AddDate(0, 0, 20)
	in.Body = `<p><strong>Điều 1. Phạm vi điều chỉnh</strong></p><p>Hỗ trợ nông nghiệp công nghệ cao.</p>` +
		`<p><strong>Điều 2. Đối tượng áp dụng</strong></p><p>Hợp tác xã, doanh nghiệp.</p>`
	k, err := svc.CreateConsultation(t.Context(), admin, site.ID, in)
	if err == nil {
		k, err = svc.TransitionConsultation(t.Context(), admin, site.ID, k.ID, congtin.ActPublish, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	raw.Close()
	pdf := docfiletest.PDF("Y kien gop y Dieu 2", "bo sung to hop tac")
	pdfPath := filepath.Join(dir, "gop-y-dieu-2.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db, "-media-dir", filepath.Join(dir, "media"))
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)
	id := strconv.FormatInt(k.ID, 10)
	page := portal.URL + k.Path()

	nr.begin("2 a citizen reads the draft and comments on Điều 2 with a PDF")
	cb := nr.tab(nr.person(browserCtx, "citizen"), time.Minute)
	cb.do(chromedp.EmulateViewport(1280, 900))
	cb.navigate(page)
	cb.visible(".consultation .body strong", "Điều 2. Đối tượng áp dụng")
	cb.visible("#gui-y-kien", "Gửi ý kiến góp ý")
	cb.do(
		chromedp.SendKeys(chromedp.CSS("#gy-name"), "Nguyễn Thị Hoa"),
		chromedp.SendKeys(chromedp.CSS("#gy-org"), "Hợp tác xã Rau sạch Tân Phú"),
		chromedp.SendKeys(chromedp.CSS("#gy-email"), "hoa@example.vn"),
		chromedp.SendKeys(chromedp.CSS("#gy-article"), "2"),
		chromedp.SetValue(chromedp.CSS("#gy-body"), "Đề nghị bổ sung tổ hợp tác vào Điều 2.\n<script>alert(1)</script>"),
		chromedp.SetUploadFiles(chromedp.CSS("#gy-file"), []string{pdfPath}),
	)
	cb.screenshot("comment-form-1280.png")
	time.Sleep(3500 * time.Millisecond) // a person takes longer than the form's minimum
	u := cb.clickAndWait(`.comment-form button[type=submit]`, pathIs("/lay-y-kien/da-gui"))
	code := u.Query().Get("ma")
	if !regexp.MustCompile(`^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$`).MatchString(code) {
		t.Fatalf("%s: lookup code %q", nr.step, code)
	}
	cb.visible("#ma-tra-cuu", code)
	cb.visible(".qa-status dd", "Chờ duyệt")
	cb.screenshot("comment-sent-1280.png")

	nr.begin("3 an editor publishes the comment and answers it")
	eb := nr.tab(nr.person(browserCtx, "editor"), time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/lay-y-kien/" + id + "/y-kien")
	card := eb.visible("article.moderation h2", "Điều 2 — Nguyễn Thị Hoa (Hợp tác xã Rau sạch Tân Phú)")
	_ = card
	eb.visible("article.moderation .article-meta a", "hoa@example.vn")
	eb.visible("article.moderation a", "gop-y-dieu-2.pdf")
	eb.do(
		chromedp.Click(chromedp.CSS(`article.moderation input[value=published]`)),
		chromedp.SetValue(chromedp.CSS(`article.moderation textarea[name=answer]`), "Tiếp thu: bổ sung tổ hợp tác vào khoản 1 Điều 2."),
	)
	nr.post(eb, `article.moderation button[type=submit]`, `^/admin/lay-y-kien/`+id+`/y-kien$`,
		"Đã lưu ý kiến góp ý của Nguyễn Thị Hoa (Đã công bố).")
	eb.screenshot("comment-moderation-1280.png")

	nr.begin("4 the reader sees the comment and the answer under Điều 2")
	for _, vp := range []struct {
		name          string
		width, height int
		mobile        bool
	}{{"1280", 1280, 900, false}, {"360", 360, 740, true}} {
		if vp.mobile {
			cb.do(chromedp.EmulateViewport(int64(vp.width), int64(vp.height), chromedp.EmulateScale(2), chromedp.EmulateMobile))
		} else {
			cb.do(chromedp.EmulateViewport(int64(vp.width), int64(vp.height)))
		}
		cb.navigate(page)
		cb.visible("#dieu-2", "Điều 2")
		cb.visible(".consult-comments .comment-by strong", "Nguyễn Thị Hoa (Hợp tác xã Rau sạch Tân Phú)")
		if body := texts(cb.elements(".consult-comments .comment .qa-text")); len(body) != 2 ||
			body[0] != "Đề nghị bổ sung tổ hợp tác vào Điều 2.\n<script>alert(1)</script>" || body[1] != "Tiếp thu: bổ sung tổ hợp tác vào khoản 1 Điều 2." {
			t.Errorf("%s at %s: the comment and answer read %q", nr.step, vp.name, body)
		}
		cb.visible(".consult-comments .comment-file a", "gop-y-dieu-2.pdf")
		cb.checkNoHorizontalScroll(vp.width)
		cb.screenshot("comment-published-" + vp.name + ".png")
	}
	if got := evaluate[string](cb, `document.documentElement.outerHTML`); strings.Contains(got, "hoa@example.vn") {
		t.Errorf("%s: the sender's e-mail is on the public page", nr.step)
	}

	nr.begin("5 a second reader's open form is refused after the editor closes the period")
	lb := nr.tab(nr.person(browserCtx, "late"), time.Minute)
	lb.navigate(page)
	lb.do(
		chromedp.SendKeys(chromedp.CSS("#gy-name"), "Người Gửi Muộn"),
		chromedp.SendKeys(chromedp.CSS("#gy-phone"), "0912 345 678"),
		chromedp.SetValue(chromedp.CSS("#gy-body"), "Góp ý gửi sau khi đã hết hạn."),
	)
	eb.navigate(portal.URL + "/admin/lay-y-kien/" + id)
	closed := time.Now().In(congtin.VietnamZone).Add(-time.Minute)
	eb.do(chromedp.SetValue(chromedp.CSS("#closes_at"), closed.Format("2006-01-02T15:04")))
	nr.post(eb, "#edit-form button[data-save]", `^/admin/lay-y-kien/`+id+`$`, "Đã lưu dự thảo lấy ý kiến.")
	time.Sleep(3 * time.Second)
	lb.clickAndWait(`.comment-form button[type=submit]`, pathIs("/lay-y-kien/"+id+"/gop-y"))
	if n := lb.visible(".consult-notice", ""); !strings.Contains(n.Text, "Đã hết thời gian lấy ý kiến") {
		t.Errorf("%s: the late comment is told %q", nr.step, n.Text)
	}
	if forms := lb.elements(".comment-form"); len(forms) != 0 {
		t.Errorf("%s: the form is still shown after the close", nr.step)
	}
	lb.screenshot("comment-late-1280.png")
	lb.navigate(page)
	if forms := lb.elements(".comment-form"); len(forms) != 0 {
		t.Errorf("%s: the closed draft's page still has the form", nr.step)
	}

	nr.begin("6 the editor exports the comments; LibreOffice finds the comment in the row of Điều 2")
	eb.navigate(portal.URL + "/admin/lay-y-kien/" + id + "/y-kien")
	b64, err := chromedp.Run(eb.ctx, chromedp.Evaluate[string](`fetch("/admin/lay-y-kien/`+id+`/y-kien.docx").then(async r => {
		const b = new Uint8Array(await r.arrayBuffer()); let s = ""; for (const c of b) s += String.fromCharCode(c); return r.status + " " + btoa(s) })`,
		chromedp.EvalAwaitPromise))
	status, data, _ := strings.Cut(b64, " ")
	docx, derr := base64.StdEncoding.DecodeString(data)
	if err != nil || status != "200" || derr != nil {
		t.Fatalf("%s: export %s, %v %v", nr.step, status, err, derr)
	}
	tables := docfiletest.Tables(docfiletest.OpenDOCX(t, docx))
	found := false
	for _, tb := range tables {
		for _, row := range tb.Body {
			line := strings.Join(row, " | ")
			if strings.Contains(line, "Đề nghị bổ sung tổ hợp tác vào Điều 2.") {
				found = true
				if len(row) < 2 || row[1] != "Điều 2" || !strings.Contains(line, "Nguyễn Thị Hoa") || !strings.Contains(line, "Tiếp thu: bổ sung tổ hợp tác") {
					t.Errorf("%s: the comment's row reads %q", nr.step, row)
				}
			}
		}
	}
	if !found {
		t.Fatalf("%s: no row holds the comment; tables %q", nr.step, tables)
	}
}
