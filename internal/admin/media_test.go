package admin_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"golang.org/x/net/html"
)

// uploaded posts a picture as the editor does and returns its record.
func (e *env) uploaded(c *client, name string, w, h int) *congtin.Media {
	e.t.Helper()
	r := upload(c, "/admin/media", name, pngBytes(e.t, w, h))
	if r.status != http.StatusCreated {
		e.t.Fatalf("upload %s: %d %s", name, r.status, r.body)
	}
	var j struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal([]byte(r.body), &j); err != nil {
		e.t.Fatal(err)
	}
	m, err := e.db.FindMediaByID(e.t.Context(), e.site.ID, j.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return m
}

// texts returns the trimmed text of each element of a page matching
// pred.
func texts(t *testing.T, body string, pred func(*html.Node) bool) []string {
	t.Helper()
	var out []string
	for _, n := range hpAll(hpParse(t, body), pred) {
		out = append(out, strings.Join(strings.Fields(hpText(n)), " "))
	}
	return out
}

// TestMediaLibraryPage: the library lists each image with its name,
// size, uploader, date and uses; searches and filters; pages; answers
// the editor's dialog in JSON; refuses filters it cannot read.
func TestMediaLibraryPage(t *testing.T) {
	e := newEnv(t)
	pv1 := e.as("pv1")
	hoiNghi := e.uploaded(pv1, "hoi-nghi-tong-ket.png", 40, 30)
	if r := pv1.post(fmt.Sprintf("/admin/media/%d", hoiNghi.ID), url.Values{"alt": {"Toàn cảnh hội nghị"}, "caption": {"Ảnh: Văn phòng"}}); r.status != http.StatusSeeOther {
		t.Fatalf("save texts: %d %s", r.status, r.body)
	}
	e.clock.Add(48 * time.Hour)
	pv1, pv2, btv := e.as("pv1"), e.as("pv2"), e.as("btv")
	e.uploaded(pv2, "le-hoi.png", 50, 30)
	// An article shows the first one.
	e.db.CreateArticle(t.Context(), congtin.Actor{User: e.users["pv1"], Role: congtin.RoleReporter}, e.site.ID,
		congtin.ArticleInput{CategoryID: e.cat.ID, Title: "Hội nghị", Body: `<p>a</p><img src="/media/` + hoiNghi.Variants[0].Key + `" alt="">`})

	r := btv.get("/admin/media")
	if r.status != http.StatusOK {
		t.Fatalf("library: %d", r.status)
	}
	if got := texts(t, r.body, hpClass("p", "media-name")); strings.Join(got, "|") != "le-hoi.png|hoi-nghi-tong-ket.png" {
		t.Fatalf("names, newest first: %q", got)
	}
	meta := texts(t, r.body, hpClass("dl", "media-meta"))
	if len(meta) != 2 || !strings.Contains(meta[1], "40×30") || !strings.Contains(meta[1], "byte") ||
		!strings.Contains(meta[1], "Người pv1") || !strings.Contains(meta[1], "02/03/2026") || !strings.Contains(meta[1], "1 nội dung") ||
		!strings.Contains(meta[0], "Người pv2") || !strings.Contains(meta[0], "Chưa dùng") {
		t.Fatalf("facts: %q", meta)
	}
	if got := texts(t, r.body, hpClass("p", "media-alt")); strings.Join(got, "|") != "Chưa có mô tả ảnh|Toàn cảnh hội nghị" {
		t.Fatalf("descriptions: %q", got)
	}
	for _, c := range []struct {
		query string
		want  string
	}{
		{"q=h%E1%BB%99i+ngh%E1%BB%8B", "hoi-nghi-tong-ket.png"}, // "hội nghị"
		{"q=TOAN+CANH", "hoi-nghi-tong-ket.png"},
		{"q=van+phong", "hoi-nghi-tong-ket.png"},
		{"q=le+hoi", "le-hoi.png"},
		{"q=kh%C3%B4ng+c%C3%B3", ""},
		{"nguoi-tai=" + strconv.FormatInt(e.users["pv2"].ID, 10), "le-hoi.png"},
		{"tu=2026-03-03", "le-hoi.png"},
		{"den=2026-03-03", "hoi-nghi-tong-ket.png"},
		{"tu=2026-03-02&den=2026-03-04", "le-hoi.png|hoi-nghi-tong-ket.png"},
	} {
		r := btv.get("/admin/media?" + c.query)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", c.query, r.status)
		}
		if got := strings.Join(texts(t, r.body, hpClass("p", "media-name")), "|"); got != c.want {
			t.Errorf("%s: %q, want %q", c.query, got, c.want)
		}
	}
	// The uploader filter offers those who uploaded.
	if got := texts(t, r.body, func(n *html.Node) bool { return n.Data == "option" && hpVal(n, "value") != "" }); strings.Join(got, "|") != "Người pv1|Người pv2" {
		t.Errorf("uploaders: %q", got)
	}

	// Filters that cannot be read: a Vietnamese message, the form kept.
	for _, c := range []struct{ query, phrase string }{
		{"tu=02-03-2026", "Ngày bắt đầu không hợp lệ"},
		{"den=2026-13-40", "Ngày kết thúc không hợp lệ"},
		{"tu=2026-03-05&den=2026-03-01", "Ngày bắt đầu phải trước"},
		{"nguoi-tai=abc", "Người tải lên không hợp lệ"},
		{"q=" + strings.Repeat("a", 201), "Từ khóa tìm ảnh quá dài"},
		{"trang=0", "Số trang không hợp lệ"},
	} {
		r := btv.get("/admin/media?" + c.query)
		if r.status != http.StatusBadRequest || !strings.Contains(strings.Join(texts(t, r.body, hpClass("p", "alert")), ""), c.phrase) {
			t.Errorf("%s: %d, want 400 saying %q: %.300s", c.query, r.status, c.phrase, r.body)
		}
		if len(hpAll(hpParse(t, r.body), hpClass("li", "media-card"))) != 0 {
			t.Errorf("%s: images listed on a refused filter", c.query)
		}
	}

	// The dialog's JSON.
	pv1.hdr.Set("X-Requested-With", "fetch")
	pv1.hdr.Set("Accept", "application/json")
	r = pv1.get("/admin/media?q=toan+canh")
	pv1.hdr = http.Header{}
	var lib struct {
		Items []struct {
			ID                                           int64
			URL, SrcSet, Alt, Caption, Name, Thumb, Date string
			Uploader, Size                               string
			Width, Height                                int
		}
		Total, Page, Pages int
	}
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("JSON: %d %s", r.status, r.body)
	}
	if err := json.Unmarshal([]byte(r.body), &lib); err != nil {
		t.Fatal(err)
	}
	if lib.Total != 1 || lib.Page != 1 || lib.Pages != 1 || len(lib.Items) != 1 {
		t.Fatalf("JSON: %+v", lib)
	}
	it := lib.Items[0]
	if it.ID != hoiNghi.ID || it.URL != "/media/"+hoiNghi.Variants[0].Key || it.Thumb != it.URL || it.Alt != "Toàn cảnh hội nghị" ||
		it.Caption != "Ảnh: Văn phòng" || it.Name != "hoi-nghi-tong-ket.png" || it.Uploader != "Người pv1" || it.Date != "02/03/2026" ||
		it.Width != 40 || it.Height != 30 || !strings.HasPrefix(it.Size, "40×30 · ") || !strings.HasPrefix(it.SrcSet, "/media/") {
		t.Fatalf("JSON item: %+v", it)
	}
	// A bad filter is JSON too.
	btv.hdr.Set("X-Requested-With", "fetch")
	r = btv.get("/admin/media?tu=x")
	btv.hdr = http.Header{}
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Ngày bắt đầu không hợp lệ") {
		t.Fatalf("bad filter, JSON: %d %s", r.status, r.body)
	}
	// Signed out, the dialog's request is told the session ended (the
	// dialog shows the message it is given).
	anon := e.client("")
	anon.hdr.Set("X-Requested-With", "fetch")
	if r := anon.get("/admin/media"); r.status != http.StatusUnauthorized || !strings.Contains(r.body, `"expired": true`) || !strings.Contains(r.body, "Phiên đăng nhập") {
		t.Fatalf("signed out: %d %s", r.status, r.body)
	}

	// Pages of 30.
	for i := range 30 {
		e.uploaded(pv1, fmt.Sprintf("anh-%02d.png", i), 10+i, 10)
	}
	r = btv.get("/admin/media")
	if n := len(hpAll(hpParse(t, r.body), hpClass("li", "media-card"))); n != 30 {
		t.Fatalf("page 1 lists %d", n)
	}
	if !strings.Contains(r.body, `href="/admin/media?trang=2"`) {
		t.Fatalf("no link to page 2")
	}
	r = btv.get("/admin/media?trang=2")
	if got := texts(t, r.body, hpClass("p", "media-name")); strings.Join(got, "|") != "le-hoi.png|hoi-nghi-tong-ket.png" {
		t.Fatalf("page 2: %q", got)
	}
	if got := texts(t, r.body, hpClass("p", "media-count")); len(got) != 1 || got[0] != "Thư viện có 32 ảnh." {
		t.Fatalf("count: %q", got)
	}
}

// TestMediaEditAndDelete: an image's page, its texts, where it is used,
// and deletion (only of an unused image, confirmed, by its uploader or an
// editor; the files go unless another site has the same image).
func TestMediaEditAndDelete(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	pv1, pv2, btv := e.as("pv1"), e.as("pv2"), e.as("btv")
	m := e.uploaded(pv1, "cau-moi.png", 40, 30)
	page := fmt.Sprintf("/admin/media/%d", m.ID)

	// The library's upload form goes on to the new image's page, asking
	// for its description.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "x.png")
	fw.Write(pngBytes(t, 12, 12))
	mw.Close()
	r := pv1.do("POST", "/admin/media", &body, mw.FormDataContentType())
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/media/") ||
		!strings.Contains(loc, url.QueryEscape("Hãy nhập mô tả ảnh")) {
		t.Fatalf("upload from the library's form: %d %q", r.status, loc)
	}

	r = pv1.get(page)
	if r.status != http.StatusOK {
		t.Fatalf("page: %d", r.status)
	}
	doc := hpParse(t, r.body)
	if hpFirst(doc, hpID("alt")) == nil || hpFirst(doc, func(n *html.Node) bool { return hpVal(n, "name") == "xac-nhan" }) == nil {
		t.Fatalf("the uploader sees no form or no deletion")
	}
	if got := hpText(hpFirst(doc, hpTag("h1"))); got != "Ảnh: cau-moi.png" {
		t.Fatalf("heading %q", got)
	}
	// Another reporter sees the image, not the forms, and cannot post.
	r = pv2.get(page)
	doc = hpParse(t, r.body)
	if r.status != http.StatusOK || hpFirst(doc, hpID("alt")) != nil || hpFirst(doc, hpID("xoa-anh")) != nil {
		t.Fatalf("another reporter: %d, forms shown", r.status)
	}
	if r := pv2.post(page, url.Values{"alt": {"x"}}); r.status != http.StatusForbidden {
		t.Fatalf("another reporter saves: %d", r.status)
	}
	if r := pv2.post(page+"/xoa", url.Values{"xac-nhan": {"1"}}); r.status != http.StatusForbidden {
		t.Fatalf("another reporter deletes: %d", r.status)
	}
	// Another site's administrator does not find it; nor does a bad ID.
	qt2 := e.client("so.example").login("qt2")
	for _, p := range []string{page, "/admin/media/abc", "/admin/media/0", "/admin/media/99999"} {
		c := btv
		if p == page {
			c = qt2
		}
		if r := c.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
	if r := qt2.post(page+"/xoa", url.Values{"xac-nhan": {"1"}}); r.status != http.StatusNotFound {
		t.Errorf("another site deletes: %d", r.status)
	}

	// Texts: refused with the field's message and kept as typed.
	r = pv1.post(page, url.Values{"alt": {"Dòng một\nDòng hai"}, "caption": {"Chú thích"}})
	doc = hpParse(t, r.body)
	if r.status != http.StatusBadRequest || !strings.Contains(hpText(hpFirst(doc, hpID("alt-error"))), "một dòng") ||
		hpVal(hpFirst(doc, hpID("alt")), "aria-invalid") != "true" || hpText(hpFirst(doc, hpID("caption"))) != "Chú thích" {
		t.Fatalf("two-line description: %d %.500s", r.status, r.body)
	}
	r = pv1.post(page, url.Values{"alt": {strings.Repeat("a", 301)}})
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Mô tả ảnh quá dài: tối đa 300 ký tự.") {
		t.Fatalf("long description: %d", r.status)
	}
	if got, _ := e.db.FindMediaByID(ctx, e.site.ID, m.ID); got.Alt != "" || got.Caption != "" {
		t.Fatalf("refused texts saved: %+v", got)
	}
	r = pv1.post(page, url.Values{"alt": {"Cầu mới bắc qua sông"}, "caption": {"Ảnh: Báo tỉnh"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), page+"?ok="+url.QueryEscape("Đã lưu mô tả và chú thích ảnh.")+"&k=") {
		t.Fatalf("save: %d %v", r.status, r.header)
	}
	// The upload answer gives them as the default of the next insertion
	// of the same picture.
	r = upload(pv2, "/admin/media", "trung.png", pngBytes(t, 40, 30))
	if !strings.Contains(r.body, `"alt": "Cầu mới bắc qua sông"`) || !strings.Contains(r.body, `"caption": "Ảnh: Báo tỉnh"`) {
		t.Fatalf("upload of the same picture: %s", r.body)
	}

	// In use: in a draft's body and in another's featured image.
	a := e.article("pv1", congtin.StatusDraft)
	if _, err := e.db.UpdateArticle(ctx, congtin.Actor{User: e.users["pv1"], Role: congtin.RoleReporter}, e.site.ID, a.ID,
		congtin.ArticleInput{CategoryID: e.cat.ID, Title: a.Title, Body: `<figure><img src="/media/` + m.Variants[0].Key + `" alt=""></figure>`}); err != nil {
		t.Fatal(err)
	}
	b := e.article("pv2", congtin.StatusPublished)
	if _, err := e.db.UpdateArticle(ctx, congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}, e.site.ID, b.ID,
		congtin.ArticleInput{CategoryID: e.cat.ID, Title: b.Title, Body: "<p>x</p>", Image: "/media/" + m.Variants[0].Key}); err != nil {
		t.Fatal(err)
	}
	r = pv1.get(page)
	uses := texts(t, r.body, func(n *html.Node) bool {
		return n.Data == "li" && n.Parent != nil && hpVal(n.Parent, "class") == "media-uses"
	})
	if len(uses) != 1 || !strings.Contains(uses[0], "Bài của pv1") || !strings.Contains(r.body, "Ảnh đang được dùng ở 2 nội dung") ||
		!strings.Contains(r.body, "Và 1 nội dung khác của người khác mà bạn không mở được.") {
		t.Fatalf("uses seen by the reporter: %q", uses)
	}
	if hpFirst(hpParse(t, r.body), func(n *html.Node) bool { return hpVal(n, "name") == "xac-nhan" }) != nil {
		t.Fatalf("deletion offered for an image in use")
	}
	r = btv.get(page)
	uses = texts(t, r.body, func(n *html.Node) bool {
		return n.Data == "li" && n.Parent != nil && hpVal(n.Parent, "class") == "media-uses"
	})
	if len(uses) != 2 || !strings.Contains(r.body, fmt.Sprintf(`href="/admin/bai-viet/%d"`, b.ID)) {
		t.Fatalf("uses seen by the editor: %q", uses)
	}
	// Posted anyway (a page opened before): refused, with where it is used.
	r = btv.post(page+"/xoa", url.Values{"xac-nhan": {"1"}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Chưa xóa ảnh: Không xóa được: ảnh đang được dùng ở 2 nội dung.") {
		t.Fatalf("delete in use: %d %.300s", r.status, r.body)
	}

	// Taken out of both, it can go; without the confirmation it stays.
	e.db.UpdateArticle(ctx, congtin.Actor{User: e.users["pv1"], Role: congtin.RoleReporter}, e.site.ID, a.ID,
		congtin.ArticleInput{CategoryID: e.cat.ID, Title: a.Title, Body: "<p>x</p>"})
	e.db.UpdateArticle(ctx, congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}, e.site.ID, b.ID,
		congtin.ArticleInput{CategoryID: e.cat.ID, Title: b.Title, Body: "<p>x</p>"})
	r = pv1.post(page+"/xoa", url.Values{})
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Hãy đánh dấu ô xác nhận trước khi xóa.") {
		t.Fatalf("unconfirmed: %d", r.status)
	}
	if _, err := e.db.FindMediaByID(ctx, e.site.ID, m.ID); err != nil {
		t.Fatalf("deleted without confirmation: %v", err)
	}
	files := func(m *congtin.Media) int {
		n := 0
		for _, v := range m.Variants {
			if _, err := os.Stat(filepath.Join(e.media, filepath.FromSlash(v.Key))); err == nil {
				n++
			}
		}
		return n
	}
	if files(m) != len(m.Variants) {
		t.Fatalf("files before deletion: %d of %d", files(m), len(m.Variants))
	}
	r = pv1.post(page+"/xoa", url.Values{"xac-nhan": {"1"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/admin/media?ok=") {
		t.Fatalf("delete: %d %v", r.status, r.header)
	}
	if _, err := e.db.FindMediaByID(ctx, e.site.ID, m.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("after deletion: %v", err)
	}
	if n := files(m); n != 0 {
		t.Fatalf("%d files left after deleting an image no other site has", n)
	}
	if r := pv1.get("/media/" + m.Variants[0].Key); r.status != http.StatusNotFound {
		t.Fatalf("a deleted image is still served: %d", r.status)
	}

	// The same picture in two sites' libraries: deleting it from one
	// keeps the files the other shows.
	shared := e.uploaded(btv, "chung.png", 33, 22)
	if r := upload(qt2, "/admin/media", "chung-so.png", pngBytes(t, 33, 22)); r.status != http.StatusCreated {
		t.Fatalf("upload on the other site: %d %s", r.status, r.body)
	}
	if r := btv.post(fmt.Sprintf("/admin/media/%d/xoa", shared.ID), url.Values{"xac-nhan": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("delete shared: %d", r.status)
	}
	if files(shared) != len(shared.Variants) {
		t.Fatalf("the other site's files were deleted")
	}
}

// TestFeaturedImageField: the article form's featured image keeps its
// address field (all there is without JavaScript) and previews a valid
// address; the service still checks it.
func TestFeaturedImageField(t *testing.T) {
	e := newEnv(t)
	btv := e.as("btv")
	a := e.article("pv1", congtin.StatusDraft)
	form := url.Values{"title": {a.Title}, "body": {"<p>x</p>"}, "category_id": {strconv.FormatInt(e.cat.ID, 10)}}
	edit := fmt.Sprintf("/admin/bai-viet/%d", a.ID)

	doc := hpParse(t, btv.get(edit).body)
	picker := hpFirst(doc, func(n *html.Node) bool { _, ok := hpAttr(n, "data-featured-picker"); return ok })
	if picker == nil || hpVal(picker, "data-library-url") != "/admin/media" || hpFirst(picker, hpID("image")) == nil {
		t.Fatal("no featured image picker around the address field")
	}
	if got := strings.TrimSpace(hpText(hpFirst(doc, hpClass("span", "featured-none")))); got != "Chưa có ảnh đại diện" {
		t.Fatalf("empty preview: %q", got)
	}

	form.Set("image", "/media/ab/anh-1024.jpg")
	if r := btv.post(edit, form); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d", r.status)
	}
	doc = hpParse(t, btv.get(edit).body)
	img := hpFirst(doc, func(n *html.Node) bool {
		return n.Data == "img" && n.Parent != nil && hpVal(n.Parent, "class") == "featured-preview"
	})
	if img == nil || hpVal(img, "src") != "/media/ab/anh-1024.jpg" || hpVal(img, "alt") == "" {
		t.Fatalf("preview of a saved image: %v", img)
	}

	// Refused: no preview of what was refused, the address kept and
	// linked to its message.
	form.Set("image", "javascript:alert(1)")
	r := btv.post(edit, form)
	doc = hpParse(t, r.body)
	input := hpFirst(doc, hpID("image"))
	if r.status != http.StatusBadRequest || hpVal(input, "value") != "javascript:alert(1)" || hpVal(input, "aria-invalid") != "true" ||
		!strings.Contains(hpVal(input, "aria-describedby"), "image-error") || hpFirst(doc, hpID("image-error")) == nil {
		t.Fatalf("refused image: %d", r.status)
	}
	if img := hpFirst(doc, func(n *html.Node) bool {
		return n.Data == "img" && n.Parent != nil && hpVal(n.Parent, "class") == "featured-preview"
	}); img != nil {
		t.Fatalf("a refused address is previewed: %q", hpVal(img, "src"))
	}
}
