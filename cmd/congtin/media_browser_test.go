package main_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func init() {
	// The image library's list, as the demo portal has it (empty); the
	// page of one image and the dialogs are checked, with pictures, by
	// TestBrowserMediaLibrary.
	adminA11yPages = append(adminA11yPages, adminPage{name: "media library", path: "/admin/media"})
}

// dialogJS describes the open library dialog and where the focus is.
const dialogJS = `(() => {
	const d = document.querySelector('dialog.media-dialog[open]');
	if (!d) return {open: false};
	const label = document.getElementById(d.getAttribute('aria-labelledby') || '');
	const a = document.activeElement;
	return {
		open: true, modal: d.matches(':modal'), title: label ? label.textContent : '',
		focusInside: d.contains(a), focus: a ? (a.id || a.getAttribute('aria-label') || a.textContent || a.tagName).trim() : '',
		status: (d.querySelector('[role=status]') || {}).textContent || '',
		choices: Array.from(d.querySelectorAll('.media-choice-name'), e => e.textContent),
		alt: (d.querySelector('.media-dialog-details input') || {}).value || '',
		caption: (d.querySelectorAll('.media-dialog-details input')[1] || {}).value || '',
	};
})()`

type dialogState struct {
	Open        bool     `json:"open"`
	Modal       bool     `json:"modal"`
	Title       string   `json:"title"`
	FocusInside bool     `json:"focusInside"`
	Focus       string   `json:"focus"`
	Status      string   `json:"status"`
	Choices     []string `json:"choices"`
	Alt         string   `json:"alt"`
	Caption     string   `json:"caption"`
}

// waitDialog waits until the open dialog satisfies ok, and returns it.
func (nr *newsroom) waitDialog(b *tab, what string, ok func(dialogState) bool) dialogState {
	nr.t.Helper()
	var d dialogState
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if d = evaluate[dialogState](b, dialogJS); ok(d) {
			return d
		}
	}
	nr.t.Fatalf("%s: waited 10s for the library dialog: %s; it is %+v", nr.step, what, d)
	return d
}

// viewShot saves a PNG of what the screen shows: a modal dialog over a
// page scrolled down, which a whole-page capture (which resizes the
// window) would not show as it is.
func (b *tab) viewShot(name string) {
	b.t.Helper()
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), shot, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// uploadFromLibraryPage uploads a picture with the library's own form
// and writes its description and caption on the page it lands on.
func (nr *newsroom) uploadFromLibraryPage(b *tab, file, alt, caption string) string {
	nr.t.Helper()
	b.navigate(nr.portal.URL + "/admin/media")
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{file}))
	u := nr.post(b, `form.upload button[type=submit]`, `^/admin/media/\d+$`, "Đã tải ảnh lên. Hãy nhập mô tả ảnh cho người khiếm thị.")
	b.do(chromedp.Focus(chromedp.CSS("#alt")))
	nr.typeText(b, alt)
	b.do(chromedp.Focus(chromedp.CSS("#caption")))
	nr.typeText(b, caption)
	nr.post(b, `form.media-text button[type=submit]`, "^"+regexp.QuoteMeta(u.Path)+"$", "Đã lưu mô tả và chú thích ảnh.")
	return u.Path
}

// TestBrowserMediaLibrary: a reporter fills the library (the library's
// upload form, a description and a caption for each picture), finds a
// picture by a Vietnamese word, inserts one into an article from the
// editor's library dialog (keyboard only: the figure gets the library's
// srcset, description and caption), picks the featured image from the
// library and from the body's pictures (the preview follows), saves, and
// the library then says where each picture is used and offers no
// deletion for them. The library, an image's page and the article form
// with each dialog open are checked with axe-core at 1280 and 360 px.
func TestBrowserMediaLibrary(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	requireEditorBundle(t)
	nr := newNewsroom(t)

	nr.begin("1 setup")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(1))); err != nil {
		t.Fatalf("%s: import: %v\n%s", nr.step, err, errOut)
	}
	nr.addStaff(db, phongvien)
	nr.portal = StartPortal(t, "serve", "-db", db)
	hoiNghi := filepath.Join(dir, "hoi-nghi-tong-ket.png")
	writeNewsroomPicture(t, hoiNghi, 1600, 900)
	cau := filepath.Join(dir, "cau-moi.png")
	writeNewsroomPicture(t, cau, 1200, 800)
	browserCtx := nr.startBrowser(browserPath)
	b := nr.tab(nr.person(browserCtx, "reporter"), 4*time.Minute)
	nr.signIn(b, phongvien)

	audit := func(what string) {
		t.Helper()
		for _, p := range b.audit(axeJS) {
			t.Errorf("%s: %s: %s", nr.step, what, p)
		}
	}
	bothWidths := func(what string, setup func()) {
		t.Helper()
		for _, vp := range []viewport{desktop, phone} {
			b.do(vp.emulate())
			setup()
			audit(what + " at " + vp.name)
		}
		b.do(desktop.emulate())
	}

	nr.begin("2 the library's upload form, description and caption")
	const (
		hoiNghiAlt     = "Toàn cảnh hội nghị tổng kết năm 2026"
		hoiNghiCaption = "Hội nghị tổng kết tại Hội trường tỉnh. Ảnh: Văn phòng"
		cauAlt         = "Cầu mới bắc qua sông Hậu"
		cauCaption     = "Cầu mới thông xe"
	)
	hoiNghiPage := nr.uploadFromLibraryPage(b, hoiNghi, hoiNghiAlt, hoiNghiCaption)
	nr.uploadFromLibraryPage(b, cau, cauAlt, cauCaption)
	bothWidths("an image's page", func() { b.navigate(nr.portal.URL + hoiNghiPage) })
	b.screenshot("media-edit.png")

	nr.begin("3 the library: names, facts, search")
	b.navigate(nr.portal.URL + "/admin/media")
	if names := texts(b.elements(".media-name")); strings.Join(names, "|") != "cau-moi.png|hoi-nghi-tong-ket.png" {
		t.Errorf("%s: the library lists %q", nr.step, names)
	}
	meta := b.visible(".media-card:last-child .media-meta", "").Text
	for _, want := range []string{"1600×900 · ", " MB", phongvien.display, "Chưa dùng"} {
		if !strings.Contains(meta, want) {
			t.Errorf("%s: the card says %q, without %q", nr.step, meta, want)
		}
	}
	b.do(chromedp.Focus(chromedp.CSS("#media-q")))
	nr.typeText(b, "hội nghị")
	nr.post(b, `.media-filters button[type=submit]`, `^/admin/media$`, "")
	if names := texts(b.elements(".media-name")); strings.Join(names, "|") != "hoi-nghi-tong-ket.png" {
		t.Errorf("%s: searching “hội nghị” lists %q", nr.step, names)
	}
	b.visible(".media-count", "1 ảnh khớp bộ lọc.")
	bothWidths("the library, searched", func() { b.navigate(nr.portal.URL + "/admin/media?q=h%E1%BB%99i+ngh%E1%BB%8B") })
	b.navigate(nr.portal.URL + "/admin/media")
	b.screenshot("media-library.png")
	b.do(phone.emulate())
	b.navigate(nr.portal.URL + "/admin/media")
	b.screenshot("media-library-phone.png")
	b.do(desktop.emulate())

	nr.begin("4 inserting from the library into the body, by keyboard")
	b.navigate(nr.portal.URL + "/admin/bai-viet/moi")
	nr.waitJS(b, "the rich-text editor to start", `!!document.querySelector('.editor.is-enhanced .editor-content[contenteditable="true"]')`, 10*time.Second)
	b.do(chromedp.Focus(chromedp.CSS("#title")))
	nr.typeText(b, "Tổng kết năm 2026")
	b.do(chromedp.Focus(chromedp.CSS(".editor-content")), newsroomSettle())
	nr.typeText(b, "Sáng nay, tỉnh tổng kết công tác năm.")
	openFromToolbar := func() dialogState {
		t.Helper()
		b.do(chromedp.Click(chromedp.CSS(`.editor-toolbar button[aria-label="Chèn ảnh từ thư viện"]`)))
		return nr.waitDialog(b, "open with the library listed", func(d dialogState) bool { return d.Open && len(d.Choices) == 2 })
	}
	d := openFromToolbar()
	if !d.Modal || d.Title != "Chèn ảnh từ thư viện" || !d.FocusInside || !strings.Contains(d.Status, "Thư viện có 2 ảnh") {
		t.Errorf("%s: the dialog opened as %+v; want a modal dialog named by its heading, the focus inside, the count said", nr.step, d)
	}
	// Escape closes it; the focus is back in the text, where the click
	// left it.
	b.do(chromedp.KeyEvent(kb.Escape))
	nr.waitJS(b, "the dialog to close on Escape", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	if !evaluate[bool](b, `document.activeElement.classList.contains('editor-content')`) {
		t.Errorf("%s: after Escape the focus is not back in the text", nr.step)
	}
	// Opened from the keyboard (the toolbar's button, Enter), it gives the
	// focus back to the button.
	b.do(chromedp.Focus(chromedp.CSS(`.editor-toolbar button[aria-label="Chèn ảnh từ thư viện"]`)), chromedp.KeyEvent(kb.Enter))
	nr.waitDialog(b, "open from the keyboard", func(d dialogState) bool { return d.Open && d.FocusInside })
	b.do(chromedp.KeyEvent(kb.Escape))
	nr.waitJS(b, "the dialog to close on Escape", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	if f := evaluate[string](b, `document.activeElement.getAttribute('aria-label') || ''`); f != "Chèn ảnh từ thư viện" {
		t.Errorf("%s: after Escape the focus is on %q, want the toolbar's button", nr.step, f)
	}
	// Put the caret back at the end of the text, then insert.
	b.do(chromedp.Focus(chromedp.CSS(".editor-content")), chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), newsroomSettle())
	openFromToolbar()
	bothWidths("the article form with the insert dialog open", func() {})
	nr.typeText(b, "hội nghị") // the focus is in the search field
	b.do(chromedp.KeyEvent(kb.Enter))
	nr.waitDialog(b, "the search's one result", func(d dialogState) bool { return len(d.Choices) == 1 && d.Choices[0] == "hoi-nghi-tong-ket.png" })
	// Tab to the picture, Space chooses it: the library's texts fill in.
	b.do(chromedp.Focus(chromedp.CSS(`dialog.media-dialog .media-choice input`)), chromedp.KeyEvent(" "))
	d = nr.waitDialog(b, "the chosen picture's texts", func(d dialogState) bool { return d.Alt != "" })
	if d.Alt != hoiNghiAlt || d.Caption != hoiNghiCaption {
		t.Errorf("%s: the dialog offers alt %q and caption %q, want the library's %q and %q", nr.step, d.Alt, d.Caption, hoiNghiAlt, hoiNghiCaption)
	}
	b.viewShot("media-dialog-insert.png")
	b.do(chromedp.KeyEvent(kb.Enter))
	nr.waitJS(b, "the dialog to close after inserting", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	nr.waitBody(b, "<figcaption>"+hoiNghiCaption+"</figcaption></figure>", 5*time.Second)
	body := nr.body(b)
	fig := regexp.MustCompile(`<figure><img [^>]*>`).FindString(body)
	if !strings.Contains(fig, `src="/media/`) || !strings.Contains(fig, `srcset="/media/`) || !strings.Contains(fig, `alt="`+hoiNghiAlt+`"`) ||
		!strings.Contains(fig, `sizes="`) || !strings.Contains(fig, `width="1024"`) {
		t.Errorf("%s: the inserted picture is %q; want the library's src, srcset, sizes, size and description", nr.step, fig)
	}
	if !evaluate[bool](b, `document.activeElement.classList.contains('editor-content')`) {
		t.Errorf("%s: after inserting, the focus is not back in the text", nr.step)
	}
	bodySrc := regexp.MustCompile(`src="(/media/[^"]+)"`).FindStringSubmatch(fig)

	nr.begin("5 the featured image, from the library, from the body, removed")
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-featured-picker]').scrollIntoView()`))
	b.do(chromedp.Click(chromedp.CSS(`[data-featured-picker] button.secondary:nth-of-type(1)`)))
	d = nr.waitDialog(b, "open for the featured image", func(d dialogState) bool { return d.Open && len(d.Choices) == 2 })
	if d.Title != "Chọn ảnh đại diện" || !d.FocusInside {
		t.Errorf("%s: the featured image's dialog is %+v", nr.step, d)
	}
	bothWidths("the article form with the featured image's dialog open", func() {})
	b.do(chromedp.Click(chromedp.CSS(`dialog.media-dialog .media-choice:has(input[value="0"])`)))
	b.viewShot("media-dialog-featured.png")
	b.do(chromedp.Click(chromedp.CSS(`dialog.media-dialog .media-dialog-primary`)))
	nr.waitJS(b, "the dialog to close after choosing", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	image := evaluate[string](b, `document.getElementById('image').value`)
	if !regexp.MustCompile(`^/media/[a-z0-9]{2}/[a-z0-9]+-1024\.png$`).MatchString(image) || image == bodySrc[1] {
		t.Errorf("%s: the featured image's field holds %q; want the other picture's /media/ address", nr.step, image)
	}
	if src := evaluate[string](b, `(document.querySelector('[data-featured-preview] img') || {}).getAttribute?.('src') || ''`); src != image {
		t.Errorf("%s: the preview shows %q, want %q", nr.step, src, image)
	}
	if f := evaluate[string](b, `document.activeElement.textContent`); f != "Chọn từ thư viện…" {
		t.Errorf("%s: after choosing, the focus is on %q, want the button that opened the dialog", nr.step, f)
	}
	b.visible(".featured-note", "Đã chọn ảnh đại diện: cau-moi.png. Bấm Lưu để ghi lại.")
	// From the body's pictures.
	b.do(chromedp.Click(chromedp.CSS(`[data-featured-picker] button.secondary:nth-of-type(2)`)))
	d = nr.waitDialog(b, "the body's pictures", func(d dialogState) bool { return d.Open && strings.Contains(d.Status, "Bài có 1 ảnh") })
	b.do(chromedp.Click(chromedp.CSS(`dialog.media-dialog .media-choice`)), chromedp.Click(chromedp.CSS(`dialog.media-dialog .media-dialog-primary`)))
	nr.waitJS(b, "the dialog to close", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	if got := evaluate[string](b, `document.getElementById('image').value`); got != bodySrc[1] {
		t.Errorf("%s: picked from the body, the field holds %q, want %q", nr.step, got, bodySrc[1])
	}
	// Removed, then the library's again.
	b.do(chromedp.Click(chromedp.CSS(`[data-featured-picker] button.secondary:nth-of-type(3)`)))
	if got := evaluate[string](b, `document.getElementById('image').value + '|' + document.querySelector('[data-featured-preview]').textContent`); got != "|Chưa có ảnh đại diện" {
		t.Errorf("%s: after removing, the field and preview are %q", nr.step, got)
	}
	b.do(chromedp.Click(chromedp.CSS(`[data-featured-picker] button.secondary:nth-of-type(1)`)))
	nr.waitDialog(b, "open again", func(d dialogState) bool { return d.Open && len(d.Choices) == 2 })
	b.do(chromedp.DoubleClick(chromedp.CSS(`dialog.media-dialog .media-choice:has(input[value="0"])`)))
	nr.waitJS(b, "a double click to choose", `!document.querySelector('dialog.media-dialog')`, 5*time.Second)
	if got := evaluate[string](b, `document.getElementById('image').value`); got != image {
		t.Errorf("%s: chosen by double click, the field holds %q, want %q", nr.step, got, image)
	}
	catValue := evaluate[string](b, `(Array.from(document.querySelectorAll('#category_id option')).find(o => o.textContent.trim() === 'Văn hóa - xã hội') || {value: ''}).value`)
	b.do(chromedp.SetValue(chromedp.CSS("#category_id"), catValue))
	b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), newsroomSettle())
	b.screenshot("media-article-form.png")
	u := nr.post(b, "form.article-form button[type=submit]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết (nháp).")
	if got := evaluate[string](b, `document.getElementById('image').value + '|' + ((document.querySelector('[data-featured-preview] img') || {}).getAttribute?.('src') || '')`); got != image+"|"+image {
		t.Errorf("%s: after saving, the field and preview are %q, want %q", nr.step, got, image)
	}

	nr.begin("6 the library says where each picture is used")
	b.navigate(nr.portal.URL + "/admin/media")
	for _, m := range b.elements(".media-meta") {
		if !strings.Contains(m.Text, "1 nội dung") {
			t.Errorf("%s: a card says %q, want it used by 1 item", nr.step, m.Text)
		}
	}
	b.navigate(nr.portal.URL + hoiNghiPage)
	b.visible(".media-uses a", "Tổng kết năm 2026")
	if n := len(b.elements(`input[name="xac-nhan"]`)); n != 0 {
		t.Errorf("%s: the page of a picture in use offers its deletion", nr.step)
	}
	if href := evaluate[string](b, `document.querySelector('.media-uses a').getAttribute('href')`); href != u.Path {
		t.Errorf("%s: the use links to %q, want %q", nr.step, href, u.Path)
	}
	for _, m := range nr.console("reporter") {
		if m.IsException() {
			t.Errorf("the page threw: %s", m.Text)
		}
	}
	t.Logf("screenshots saved in %s", nr.shots)
}

// wordRTF is the RTF flavour of a Word copy with two pictures: the first
// a PNG (pngHex), the second kept only as a WMF metafile, which the
// portal cannot take. Word writes each picture's PNG inside \shppict and
// a WMF copy for old readers inside \nonshppict.
func wordRTF(pngHex string) string {
	return `{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0\froman Times New Roman;}}` +
		`\pard B\'e1o c\'e1o{\*\shppict{\pict{\*\picprop\shplid1025{\sp{\sn shapeType}{\sv 75}}}\picscalex100\picscaley100` +
		`\picw1000\pich600\picwgoal567\pichgoal340\pngblip\bliptag-1418530412{\*\blipuid ab73b8946c10b06bb3fe14d4fd0aa51b}` + "\r\n" +
		pngHex + `}}{\nonshppict{\pict\picscalex100\picscaley100\picw1000\pich600\wmetafile8\bliptag-1418530412 0100090000036e` +
		`0000000000}}\par{\pict\picw10\pich10\wmetafile8 0100090000036e00000000000000000000}\par}`
}

// TestBrowserPastedWordImages: pasting from Word in a real Chromium, the
// picture whose bytes the clipboard's RTF carries is uploaded and put
// where it was; the one kept only as WMF, and a web page's picture, are
// not, and the editor says so; nothing is lost in silence.
func TestBrowserPastedWordImages(t *testing.T) {
	browserPath := findBrowser(t)
	requireEditorBundle(t)
	nr := newNewsroom(t)
	nr.begin("1 setup")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	nr.addStaff(db, phongvien)
	nr.portal = StartPortal(t, "serve", "-db", db)
	browserCtx := nr.startBrowser(browserPath)
	b := nr.tab(nr.person(browserCtx, "reporter"), 2*time.Minute)
	nr.signIn(b, phongvien)
	b.navigate(nr.portal.URL + "/admin/bai-viet/moi")
	nr.waitJS(b, "the rich-text editor to start", `!!document.querySelector('.editor.is-enhanced .editor-content[contenteditable="true"]')`, 10*time.Second)

	nr.begin("2 paste Word's HTML and RTF")
	img := image.NewNRGBA(image.Rect(0, 0, 64, 40))
	for y := range 40 {
		for x := range 64 {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 4), uint8(y * 6), 140, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	html := `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"><head><meta name=Generator content="Microsoft Word 15"></head><body>` +
		`<p class=MsoNormal>Báo cáo tổng kết<o:p></o:p></p>` +
		`<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_1"><v:imagedata src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"/></v:shape><![endif]--><![if !vml]><img width=100 height=60 src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="Biểu đồ tăng trưởng" v:shapes="Picture_1"><![endif]></p>` +
		`<p class=MsoNormal>Giữa hai ảnh</p>` +
		`<p class=MsoNormal><![if !vml]><img width=10 height=10 src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.wmz"><![endif]></p>` +
		`<p class=MsoNormal>Ảnh từ web: <img src="https://example.com/anh.jpg"></p></body></html>`
	rtf := wordRTF(hex.EncodeToString(buf.Bytes()))
	htmlJS, _ := json.Marshal(html)
	rtfJS, _ := json.Marshal(rtf)
	b.do(chromedp.Focus(chromedp.CSS(".editor-content")), newsroomSettle())
	b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		dt.setData('text/html', %s);
		dt.setData('text/rtf', %s);
		dt.setData('text/plain', 'Báo cáo tổng kết');
		document.querySelector('.editor-content').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`, htmlJS, rtfJS)))
	nr.waitJS(b, "the pasted picture uploaded", `/<figure><img src="\/media\//.test(document.getElementById('body').value) && !document.querySelector('.editor-pending')`, 20*time.Second)
	body := nr.body(b)
	if !regexp.MustCompile(`^<p>Báo cáo tổng kết</p><figure><img src="/media/[^"]+" alt="Biểu đồ tăng trưởng"[^>]*></figure><p>Giữa hai ảnh</p><p>Ảnh từ web: ?</p>$`).MatchString(body) {
		t.Errorf("%s: the editor holds %q; want the Word picture uploaded where it was, with its description, and the others gone", nr.step, body)
	}
	status := nr.status(b)
	want := "Đã tải lên 1 ảnh dán từ Word; hãy kiểm tra mô tả và chú thích của từng ảnh. 2 ảnh dán từ Word không được giữ lại; hãy chèn ảnh bằng nút Ảnh."
	if status != want {
		t.Errorf("%s: the status line says %q, want %q", nr.step, status, want)
	}
	if cls := evaluate[string](b, `document.querySelector('.editor-status').className`); !strings.Contains(cls, "is-error") {
		t.Errorf("%s: the notice of lost pictures is not shown as a warning (%q)", nr.step, cls)
	}
	b.screenshot("media-word-paste.png")
	// The picture is in the library, under the name the editor gave it.
	if code, page := nr.portal.Get("/static/editor/editor.js", browserUA); code != http.StatusOK || page == "" {
		t.Fatalf("editor bundle: %d", code)
	}
	b.navigate(nr.portal.URL + "/admin/media")
	if names := texts(b.elements(".media-name")); strings.Join(names, "|") != "anh-tu-word-1.png" {
		t.Errorf("%s: the library lists %q", nr.step, names)
	}
	for _, m := range nr.console("reporter") {
		if m.IsException() {
			t.Errorf("the page threw: %s", m.Text)
		}
	}
}
