package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// previewOf opens an item's preview page in the back office and returns
// the signed link its frames show, checking the page's frames, the link
// to copy and the link's expiry.
func previewOf(t *testing.T, c *client, page string) string {
	e := c.e
	t.Helper()
	r := c.get(page)
	wantStatus(t, r, http.StatusOK, "the preview page "+page)
	doc := hpParse(t, r.body)
	frames := hpAll(doc, hpTag("iframe"))
	if len(frames) != 2 {
		t.Fatalf("%s: %d frames, want a computer's and a phone's", page, len(frames))
	}
	src := hpVal(frames[0], "src")
	if !strings.HasPrefix(src, "/xem-truoc/") || hpVal(frames[1], "src") != src {
		t.Fatalf("%s: frames show %q and %q", page, src, hpVal(frames[1], "src"))
	}
	if hpVal(frames[0], "width") != "1280" || hpVal(frames[1], "width") != "390" ||
		!strings.Contains(hpVal(frames[0], "title"), "máy tính") || !strings.Contains(hpVal(frames[1], "title"), "điện thoại") {
		t.Fatalf("%s: the frames' widths or titles: %q %q", page, hpVal(frames[0], "title"), hpVal(frames[1], "title"))
	}
	in := hpFirst(doc, hpID("preview-link"))
	if in == nil || !strings.HasSuffix(hpVal(in, "value"), src) || !strings.HasPrefix(hpVal(in, "value"), "http") {
		t.Fatalf("%s: the link to copy is %q, want the absolute %s", page, hpVal(in, "value"), src)
	}
	// The link lives 24 hours.
	wantText(t, r, "hết hạn lúc "+e.clock.Now().Add(24*time.Hour).In(congtin.VietnamZone).Format("02/01/2006 15:04"), page)
	return src
}

// previewPage fetches a signed link as anyone would, signed in or not.
func previewPage(t *testing.T, e *env, path string, status int) (*resp, *html.Node) {
	t.Helper()
	r := e.client("").get(path)
	if r.status != status {
		t.Fatalf("%s: %d, want %d\n%.600s", path, r.status, status, r.body)
	}
	if r.header.Get("Cache-Control") != "no-store" || !strings.Contains(r.header.Get("X-Robots-Tag"), "noindex") {
		t.Fatalf("%s: headers %v", path, r.header)
	}
	return r, hpParse(t, r.body)
}

// bannerText is the preview banner's text, "" when there is none.
func bannerText(doc *html.Node) string {
	return strings.Join(strings.Fields(hpText(hpFirst(doc, hpClass("aside", "preview-banner")))), " ")
}

// TestPreviewArticle: the edit page links to the preview; the preview page
// frames the signed link, which shows the draft in the portal's layout to
// anyone holding it, until it expires. Reporters preview only their own
// articles; a forged or altered link is refused with a Vietnamese page.
func TestPreviewArticle(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusDraft)
	edit := "/admin/bai-viet/" + strconv.FormatInt(a.ID, 10)
	pv1 := e.as("pv1")

	r := pv1.get(edit)
	if got := hrefOf(t, r.body, func(n *html.Node) bool { return n.Data == "a" && hpText(n) == "Xem trước" }); got != edit+"/xem-truoc" {
		t.Fatalf("the edit page's Xem trước goes to %q", got)
	}
	src := previewOf(t, pv1, edit+"/xem-truoc")
	_, doc := previewPage(t, e, src, http.StatusOK)
	if got := hpText(hpFirst(doc, hpClass("h1", "title"))); got != a.Title {
		t.Fatalf("the preview's title is %q, want %q", got, a.Title)
	}
	if got := bannerText(doc); !strings.Contains(got, "Bản xem trước — chưa xuất bản") || !strings.Contains(got, "Nháp") ||
		!strings.Contains(got, "03/03/2026 09:00") {
		t.Fatalf("banner %q", got)
	}
	// The editor previews it too; another reporter may not.
	previewOf(t, e.as("btv"), edit+"/xem-truoc")
	wantStatus(t, e.as("pv2").get(edit+"/xem-truoc"), http.StatusForbidden, "another reporter's preview")
	wantStatus(t, pv1.get("/admin/bai-viet/999999/xem-truoc"), http.StatusNotFound, "a missing article's preview")
	wantStatus(t, pv1.get("/admin/bai-viet/abc/xem-truoc"), http.StatusNotFound, "a preview of no ID")
	// Another site's back office does not find the article.
	qt2 := e.client("so.example").login("qt2")
	wantStatus(t, qt2.get(edit+"/xem-truoc"), http.StatusNotFound, "the article from another site's back office")
	// Signed out, the preview page asks to sign in (the link does not).
	if r := e.client("").get(edit + "/xem-truoc"); r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "/admin/dang-nhap") {
		t.Fatalf("signed out: %d %s", r.status, r.header.Get("Location"))
	}

	// Forged and altered links.
	u, _ := url.Parse(src)
	alter := func(key, val string) string {
		q := u.Query()
		q.Set(key, val)
		return u.Path + "?" + q.Encode()
	}
	for name, path := range map[string]string{
		"altered signature": alter("ky", strings.Repeat("A", 43)),
		"later expiry":      alter("han", strconv.FormatInt(e.clock.Now().Add(72*time.Hour).Unix(), 10)),
		"other site":        alter("cong", strconv.FormatInt(e.site2.ID, 10)),
		"another kind":      strings.Replace(src, "/bai-viet/", "/gioi-thieu/", 1),
	} {
		r, doc := previewPage(t, e, path, http.StatusForbidden)
		if h1 := hpText(hpFirst(doc, hpTag("h1"))); h1 != "Liên kết xem trước không hợp lệ" || strings.Contains(r.body, a.Title) {
			t.Fatalf("%s: heading %q, or the article shown", name, h1)
		}
		if !strings.Contains(hpText(doc), "Xin lấy lại liên kết") {
			t.Fatalf("%s: the page does not say what to do", name)
		}
	}
	// The genuine link on another site's host.
	r = e.client("so.example").get(src)
	if r.status != http.StatusForbidden || strings.Contains(r.body, a.Title) || !strings.Contains(hpText(hpParse(t, r.body)), "cổng thông tin khác") {
		t.Fatalf("on another site's host: %d", r.status)
	}

	// A day later the link has expired; the preview page makes a new one.
	e.clock.Add(24 * time.Hour)
	r, doc = previewPage(t, e, src, http.StatusGone)
	if h1 := hpText(hpFirst(doc, hpTag("h1"))); h1 != "Liên kết xem trước đã hết hạn" || strings.Contains(r.body, a.Title) {
		t.Fatalf("expired: heading %q, or the article shown", h1)
	}
	if !strings.Contains(hpText(doc), "hết hạn lúc 09:00 03/03/2026") {
		t.Fatalf("expired: the page does not say when: %q", hpText(hpFirst(doc, hpTag("main"))))
	}
	fresh := previewOf(t, e.as("pv1"), edit+"/xem-truoc") // signed in again: sessions last 12 hours
	if fresh == src {
		t.Fatal("the preview page gave the expired link again")
	}
	previewPage(t, e, fresh, http.StatusOK)
}

// TestSaveAndPreview: "Lưu và xem trước" saves the form and opens the
// preview, which shows what was just saved; an article readers can see
// has no such button (its edit would be live at once), only the link.
func TestSaveAndPreview(t *testing.T) {
	e := newEnv(t)
	pv1 := e.as("pv1")
	r := pv1.get("/admin/bai-viet/moi")
	if hpFirst(hpParse(t, r.body), func(n *html.Node) bool { return n.Data == "button" && hpVal(n, "value") == "xem-truoc" }) == nil {
		t.Fatal("the new article form has no Lưu và xem trước")
	}
	form := url.Values{"title": {"Bài lưu rồi xem"}, "lead": {"Sapo"}, "body": {"<p>Đoạn đầu tiên.</p>"},
		"category_id": {strconv.FormatInt(e.cat.ID, 10)}, "sau": {"xem-truoc"}}
	r = pv1.post("/admin/bai-viet/moi", form)
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.Contains(loc, "/xem-truoc?ok=") {
		t.Fatalf("save and preview: %d → %q", r.status, loc)
	}
	page := pv1.get(loc)
	wantText(t, page, "Đã lưu bài viết (nháp).", "the preview page after saving")
	src := previewOf(t, pv1, strings.SplitN(loc, "?", 2)[0])
	_, doc := previewPage(t, e, src, http.StatusOK)
	if got := hpText(hpFirst(doc, hpClass("h1", "title"))); got != "Bài lưu rồi xem" {
		t.Fatalf("the preview shows %q", got)
	}
	// Saving an edit the same way.
	edit := strings.TrimSuffix(strings.SplitN(loc, "?", 2)[0], "/xem-truoc")
	form.Set("title", "Bài lưu rồi xem, đã sửa")
	r = pv1.post(edit, form)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), edit+"/xem-truoc?ok=") {
		t.Fatalf("save an edit and preview: %d → %q", r.status, r.header.Get("Location"))
	}
	_, doc = previewPage(t, e, src, http.StatusOK)
	if got := hpText(hpFirst(doc, hpClass("h1", "title"))); got != "Bài lưu rồi xem, đã sửa" {
		t.Fatalf("the same link after the edit shows %q", got)
	}
	// Refused input is shown again, nothing saved, no preview.
	form.Set("title", "")
	r = pv1.post(edit, form)
	wantStatus(t, r, http.StatusBadRequest, "save and preview without a title")

	pub := e.article("pv1", congtin.StatusPublished)
	r = e.as("btv").get("/admin/bai-viet/" + strconv.FormatInt(pub.ID, 10))
	doc = hpParse(t, r.body)
	if hpFirst(doc, func(n *html.Node) bool { return n.Data == "button" && hpVal(n, "value") == "xem-truoc" }) != nil {
		t.Fatal("a published article's form offers Lưu và xem trước")
	}
	src = previewOf(t, e.as("btv"), "/admin/bai-viet/"+strconv.FormatInt(pub.ID, 10)+"/xem-truoc")
	_, doc = previewPage(t, e, src, http.StatusOK)
	if got := bannerText(doc); !strings.Contains(got, "Bản xem trước — đã xuất bản") {
		t.Fatalf("a published article's banner: %q", got)
	}
}

// TestScheduledShown: an article published with a time ahead is Hẹn giờ
// (with the time) in the lists, the dashboard's counts, its edit page,
// its history and its preview, and has its own filter; when the time
// comes it is Đã xuất bản, and the history still says when it was
// scheduled for.
func TestScheduledShown(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusSubmitted)
	live := e.article("pv2", congtin.StatusPublished)
	edit := "/admin/bai-viet/" + strconv.FormatInt(a.ID, 10)
	btv := e.as("btv")
	r := btv.post(edit+"/chuyen", url.Values{"action": {"publish"}, "publish_at": {"2026-03-02T11:30"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), url.QueryEscape("Đã hẹn giờ xuất bản lúc 11:30:00 02/03/2026.")) {
		t.Fatalf("schedule: %d → %s", r.status, r.header.Get("Location"))
	}

	stateOf := func(doc *html.Node, id int64) string {
		t.Helper()
		for _, tr := range hpAll(doc, hpTag("tr")) {
			if hpFirst(tr, func(n *html.Node) bool {
				return n.Data == "a" && strings.HasSuffix(hpVal(n, "href"), "/"+strconv.FormatInt(id, 10))
			}) != nil {
				return strings.Join(strings.Fields(hpText(hpFirst(tr, hpClass("span", "status")))+" "+hpText(hpFirst(tr, hpClass("span", "scheduled-at")))), " ")
			}
		}
		return ""
	}
	listed := func(filter string) []int64 {
		t.Helper()
		r := btv.get("/admin/bai-viet?trang-thai=" + filter)
		wantStatus(t, r, http.StatusOK, "the list of "+filter)
		var ids []int64
		for _, n := range hpAll(hpParse(t, r.body), func(n *html.Node) bool {
			return n.Data == "a" && strings.HasPrefix(hpVal(n, "href"), "/admin/bai-viet/")
		}) {
			if id, err := strconv.ParseInt(strings.TrimPrefix(hpVal(n, "href"), "/admin/bai-viet/"), 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		return ids
	}
	doc := hpParse(t, btv.get("/admin/bai-viet").body)
	if got := stateOf(doc, a.ID); got != "Hẹn giờ lúc 02/03/2026 11:30" {
		t.Fatalf("the list shows the scheduled article as %q", got)
	}
	if got := stateOf(doc, live.ID); got != "Đã xuất bản" {
		t.Fatalf("the list shows the published article as %q", got)
	}
	if got := listed("scheduled"); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("the Hẹn giờ filter lists %v", got)
	}
	if got := listed("published"); len(got) != 1 || got[0] != live.ID {
		t.Fatalf("the Đã xuất bản filter lists %v", got)
	}
	opt := hpFirst(hpParse(t, btv.get("/admin/bai-viet?trang-thai=scheduled").body), func(n *html.Node) bool {
		_, sel := hpAttr(n, "selected")
		return n.Data == "option" && sel
	})
	if hpVal(opt, "value") != "scheduled" || hpText(opt) != "Hẹn giờ" {
		t.Fatalf("the filter's chosen option: %q %q", hpVal(opt, "value"), hpText(opt))
	}
	wantStatus(t, btv.get("/admin/bai-viet?trang-thai=hen-gio"), http.StatusBadRequest, "an unknown state")
	wantStatus(t, btv.get("/admin/van-ban?trang-thai=scheduled"), http.StatusBadRequest, "documents are never scheduled")
	wantStatus(t, btv.get("/admin/hoi-dap?trang-thai=scheduled"), http.StatusBadRequest, "questions are never scheduled")

	// The dashboard counts them apart.
	counts := map[string]string{}
	for _, n := range hpAll(hpParse(t, btv.get("/admin/").body), func(n *html.Node) bool {
		return n.Data == "a" && strings.HasPrefix(hpVal(n, "href"), "/admin/bai-viet?trang-thai=")
	}) {
		counts[strings.TrimPrefix(hpVal(n, "href"), "/admin/bai-viet?trang-thai=")] = strings.Join(strings.Fields(hpText(n)), " ")
	}
	if counts["scheduled"] != "Hẹn giờ 1" || counts["published"] != "Đã xuất bản 1" {
		t.Fatalf("dashboard counts: %v", counts)
	}

	// The edit page and the history.
	doc = hpParse(t, btv.get(edit).body)
	meta := hpFirst(doc, hpClass("p", "article-meta"))
	if got := strings.Join(strings.Fields(hpText(meta)), " "); !strings.Contains(got, "Trạng thái: Hẹn giờ lúc 02/03/2026 11:30") {
		t.Fatalf("the edit page says %q", got)
	}
	if hpFirst(meta, func(n *html.Node) bool { return n.Data == "a" && hpText(n) == "Xem trên cổng" }) != nil {
		t.Fatal("the edit page links a scheduled article on the portal")
	}
	notes := strings.Join(strings.Fields(hpText(hpFirst(doc, hpClass("section", "notes")))), " ")
	if !strings.Contains(notes, "Người btv: Hẹn giờ xuất bản lúc 02/03/2026 11:30") {
		t.Fatalf("the history says %q", notes)
	}

	// The preview shows it at its time.
	src := previewOf(t, btv, edit+"/xem-truoc")
	_, pdoc := previewPage(t, e, src, http.StatusOK)
	if got := bannerText(pdoc); !strings.Contains(got, "chưa xuất bản · Hẹn giờ xuất bản lúc 11:30 02/03/2026") {
		t.Fatalf("the scheduled article's banner: %q", got)
	}
	if got := hpText(hpFirst(pdoc, hpClass("p", "dateline"))); !strings.Contains(got, "02/03/2026, 11:30") {
		t.Fatalf("the preview's date line %q, want the scheduled time", got)
	}
	wantText(t, btv.get(edit+"/xem-truoc"), "Hẹn giờ", "the back office's preview page")

	// The API filters the same way.
	api := e.client("")
	api.hdr.Set("Authorization", "Bearer "+e.token("btv"))
	r = api.get("/api/v1/admin/articles?status=scheduled")
	if r.status != http.StatusOK || !strings.Contains(r.body, `"total": 1`) || !strings.Contains(r.body, a.Title) {
		t.Fatalf("API scheduled: %d %.300s", r.status, r.body)
	}

	// Its time come.
	e.clock.Add(3 * time.Hour)
	doc = hpParse(t, btv.get("/admin/bai-viet").body)
	if got := stateOf(doc, a.ID); got != "Đã xuất bản" {
		t.Fatalf("after its time, the list shows %q", got)
	}
	if got := listed("scheduled"); len(got) != 0 {
		t.Fatalf("after its time, the Hẹn giờ filter lists %v", got)
	}
	doc = hpParse(t, btv.get(edit).body)
	if got := strings.Join(strings.Fields(hpText(hpFirst(doc, hpClass("p", "article-meta")))), " "); !strings.Contains(got, "Trạng thái: Đã xuất bản") {
		t.Fatalf("after its time, the edit page says %q", got)
	}
	if notes := strings.Join(strings.Fields(hpText(hpFirst(doc, hpClass("section", "notes")))), " "); !strings.Contains(notes, "Hẹn giờ xuất bản lúc 02/03/2026 11:30") {
		t.Fatalf("after its time, the history says %q", notes)
	}
}

// TestPreviewPageAndDocument: about pages and documents have previews
// too: a draft page in its section's sidebar, a draft document with its
// attachment downloadable by the same link (and by no altered one).
func TestPreviewPageAndDocument(t *testing.T) {
	e := newEnv(t)
	btv := e.as("btv")
	r := btv.post("/admin/gioi-thieu/moi", url.Values{"title": {"Lịch sử hình thành"}, "body": {"<p>Tỉnh được tái lập năm 1997.</p>"}, "position": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create page: %d %.400s", r.status, r.body)
	}
	pageEdit := strings.SplitN(r.header.Get("Location"), "?", 2)[0]
	if got := hrefOf(t, btv.get(pageEdit).body, func(n *html.Node) bool { return n.Data == "a" && hpText(n) == "Xem trước" }); got != pageEdit+"/xem-truoc" {
		t.Fatalf("the page's Xem trước goes to %q", got)
	}
	src := previewOf(t, btv, pageEdit+"/xem-truoc")
	_, doc := previewPage(t, e, src, http.StatusOK)
	if got := hpText(hpFirst(doc, hpTag("h1"))); got != "Lịch sử hình thành" {
		t.Fatalf("the page's preview heading %q", got)
	}
	side := hpFirst(doc, hpClass("aside", "sidebar"))
	if cur := hpFirst(side, func(n *html.Node) bool { _, ok := hpAttr(n, "aria-current"); return n.Data == "a" && ok }); hpText(cur) != "Lịch sử hình thành" {
		t.Fatalf("the sidebar's current page is %q", hpText(cur))
	}
	if !strings.Contains(bannerText(doc), "chưa xuất bản") {
		t.Fatalf("the page's banner: %q", bannerText(doc))
	}
	wantStatus(t, e.client("").get("/gioi-thieu/lich-su-hinh-thanh"), http.StatusNotFound, "the draft page's public address")

	// A document with its attachment.
	pdf := docfiletest.PDF("Kế hoạch phát triển")
	body, ctype := documentForm(t, e.docFields("12/KH-UBND", "Kế hoạch chuyển đổi số"), attachment{"ke-hoach.pdf", "application/pdf", pdf})
	r = btv.do("POST", "/admin/van-ban/moi", body, ctype)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create document: %d %.400s", r.status, r.body)
	}
	docEdit := strings.SplitN(r.header.Get("Location"), "?", 2)[0]
	src = previewOf(t, btv, docEdit+"/xem-truoc")
	_, doc = previewPage(t, e, src, http.StatusOK)
	if !strings.Contains(hpText(hpFirst(doc, hpTag("main"))), "Kế hoạch chuyển đổi số") || !strings.Contains(bannerText(doc), "chưa xuất bản") {
		t.Fatalf("the document's preview: %q / %q", hpText(hpFirst(doc, hpTag("main"))), bannerText(doc))
	}
	file := hrefOf(t, renderDoc(doc), func(n *html.Node) bool {
		return n.Data == "a" && strings.Contains(hpVal(n, "href"), "/tep/")
	})
	if !strings.HasPrefix(file, "/xem-truoc/van-ban/") {
		t.Fatalf("the attachment's link %q is not the preview's", file)
	}
	got := e.client("").get(file)
	if got.status != http.StatusOK || got.body != string(pdf) || got.header.Get("Cache-Control") != "private, no-store" ||
		!strings.HasPrefix(got.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("the attachment by the preview link: %d, %d bytes, %v", got.status, len(got.body), got.header)
	}
	fu, _ := url.Parse(file)
	q := fu.Query()
	q.Set("ky", strings.Repeat("B", 43))
	wantStatus(t, e.client("").get(fu.Path+"?"+q.Encode()), http.StatusForbidden, "the attachment by an altered link")
	// The public register still refuses the draft's attachment.
	if r := e.client("").get(strings.Replace(fu.Path, "/xem-truoc", "", 1)); r.status != http.StatusNotFound {
		t.Fatalf("the draft's public attachment: %d", r.status)
	}
}

// renderDoc renders a parsed page back to HTML.
func renderDoc(n *html.Node) string {
	var b strings.Builder
	html.Render(&b, n)
	return b.String()
}
