package admin_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// badPage checks an answer to bad input: the wanted 4xx status (never a
// 500), a Vietnamese HTML page, valid UTF-8, the phrase, and no internals.
func badPage(t *testing.T, what string, r *resp, status int, phrase string) *html.Node {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d: %.400s", what, r.status, status, r.body)
	}
	if !utf8.ValidString(r.body) {
		t.Errorf("%s: the page is not valid UTF-8", what)
	}
	doc := hpParse(t, r.body)
	if lang := hpVal(hpFirst(doc, hpTag("html")), "lang"); lang != "vi" {
		t.Errorf("%s: not a Vietnamese page (lang %q): %.200s", what, lang, r.body)
	}
	main := hpFirst(doc, hpTag("main"))
	if !strings.Contains(hpText(main), phrase) {
		t.Errorf("%s: the page does not say %q: %.600s", what, phrase, strings.Join(strings.Fields(hpText(main)), " "))
	}
	for _, leak := range []string{"goroutine", "runtime error", "sqlite:", "congtin error", "invalid input:"} {
		if strings.Contains(r.body, leak) {
			t.Errorf("%s: the page leaks %q", what, leak)
		}
	}
	return doc
}

// badCounts is what a refused request must leave unchanged.
type badCounts struct {
	articles, revisions, audit, media int
	article                           string
}

func (e *env) badCounts(articleID int64) badCounts {
	e.t.Helper()
	ctx := e.t.Context()
	var c badCounts
	var err error
	if _, c.articles, err = e.db.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: e.site.ID, Limit: 1}); err != nil {
		e.t.Fatal(err)
	}
	if articleID != 0 {
		revs, err := e.db.FindRevisions(ctx, e.site.ID, articleID)
		if err != nil {
			e.t.Fatal(err)
		}
		c.revisions = len(revs)
		a, err := e.db.FindArticleByID(ctx, e.site.ID, articleID)
		if err != nil {
			e.t.Fatal(err)
		}
		c.article = fmt.Sprintf("%d|%s|%s|%s|%s|%d|%s|%s", a.CategoryID, a.Title, a.Lead, a.Body, a.Author, a.PublishedAt.Unix(), a.Slug, a.Status)
	}
	if _, c.audit, err = e.db.FindAudit(ctx, congtin.AuditFilter{SiteID: e.site.ID, Limit: 1}); err != nil {
		e.t.Fatal(err)
	}
	if _, c.media, err = e.db.FindMedia(ctx, congtin.MediaFilter{SiteID: e.site.ID, Limit: 1}); err != nil {
		e.t.Fatal(err)
	}
	return c
}

// TestArticleFormBadInput sends bad article forms, new and existing, as a
// reporter and as an editor: each gets a 4xx page with a Vietnamese
// message, the form comes back with what was typed, and nothing is saved.
func TestArticleFormBadInput(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	admin := congtin.Actor{User: e.users["qtv"], Role: congtin.RoleAdmin}
	gone, err := e.db.CreateCategory(ctx, admin, e.site.ID, congtin.CategoryInput{Name: "Chuyên mục sắp xóa"})
	if err != nil {
		t.Fatal(err)
	}
	// The form was opened while the category existed; it is deleted before
	// the form is sent.
	if err := e.db.DeleteCategory(ctx, admin, e.site.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	longTitle := strings.Repeat("Tiêu đề rất dài ", 100<<10/len("Tiêu đề rất dài ")) + "hết"
	// Over the article's 2 MB but, urlencoded, within what the server reads.
	longBody := strings.Repeat("<p>Doan van dai cua bai viet.</p>", (5<<20)/2/len("<p>Doan van dai cua bai viet.</p>"))
	hugeBody := strings.Repeat("<p>Đoạn văn dài của bài viết.</p>", 5<<20/len("<p>Đoạn văn dài của bài viết.</p>"))
	catID := strconv.FormatInt(e.cat.ID, 10)
	type fields struct{ title, lead, body, publishedAt string }
	cases := []struct {
		name   string
		set    url.Values // fields replacing the valid form's
		raw    string     // or a raw urlencoded body, bytes as they are
		status int
		phrase string
		kept   *fields // what the form must show again; nil: cannot be kept
	}{
		{name: "empty title", set: url.Values{"title": {""}}, status: 400, phrase: "Tiêu đề không được để trống"},
		{name: "blank title", set: url.Values{"title": {" \t "}}, status: 400, phrase: "Tiêu đề không được để trống"},
		{name: "100 KB title", set: url.Values{"title": {longTitle}}, status: 400, phrase: "Tiêu đề quá dài: tối đa 500 ký tự",
			kept: &fields{title: longTitle}},
		{name: "NUL in title", set: url.Values{"title": {"Tin\x00ngắn"}}, status: 400, phrase: "Tiêu đề chứa ký tự không hợp lệ",
			kept: &fields{title: "Tin\uFFFDngắn"}},
		{name: "far past", set: url.Values{"published_at": {"1900-01-01T00:00"}}, status: 400, phrase: "quá xa trong quá khứ",
			kept: &fields{publishedAt: "1900-01-01T00:00"}},
		{name: "far future", set: url.Values{"published_at": {"9999-01-01T00:00"}}, status: 400, phrase: "quá xa trong tương lai",
			kept: &fields{publishedAt: "9999-01-01T00:00"}},
		{name: "unparsable time", set: url.Values{"published_at": {"hôm qua"}}, status: 400, phrase: "Thời gian không hợp lệ",
			kept: &fields{publishedAt: "hôm qua"}},
		{name: "no such day", set: url.Values{"published_at": {"2026-02-30T10:00"}}, status: 400, phrase: "Thời gian không hợp lệ",
			kept: &fields{publishedAt: "2026-02-30T10:00"}},
		{name: "invalid UTF-8, raw bytes",
			raw:    "title=Tin+\xff\xfe+l\xe1\xbb\x97i&lead=Sapo+\xc3\x28&body=%3Cp%3EN\xe1\xbb\x99i+dung+\xed\xa0\x80+h\xe1\xbb\x8fng%3C%2Fp%3E&category_id=" + catID,
			status: 400, phrase: "chứa ký tự không hợp lệ",
			kept: &fields{title: "Tin \uFFFD lỗi", lead: "Sapo \uFFFD(", body: "<p>Nội dung \uFFFD hỏng</p>"}},
		{name: "invalid UTF-8, percent-encoded", set: url.Values{"title": {"Tin \xff lỗi"}, "body": {"<p>Nội dung \xc0\xaf</p>"}},
			status: 400, phrase: "Tiêu đề chứa ký tự không hợp lệ",
			kept: &fields{title: "Tin \uFFFD lỗi", body: "<p>Nội dung \uFFFD</p>"}},
		{name: "category deleted meanwhile", set: url.Values{"category_id": {strconv.FormatInt(gone.ID, 10)}}, status: 400,
			phrase: "Chuyên mục này không còn tồn tại"},
		{name: "category never existed", set: url.Values{"category_id": {"999999"}}, status: 400, phrase: "Chuyên mục này không còn tồn tại"},
		{name: "category of another site", set: url.Values{"category_id": {strconv.FormatInt(e.cat2.ID, 10)}}, status: 400,
			phrase: "Chuyên mục này không còn tồn tại"},
		{name: "category not a number", set: url.Values{"category_id": {"abc"}}, status: 400, phrase: "Hãy chọn chuyên mục"},
		{name: "2.5 MB body (over the article limit)", set: url.Values{"body": {longBody}}, status: 400, phrase: "Nội dung quá dài: tối đa 2 MB",
			kept: &fields{body: longBody}},
		// Over the 4 MB form limit the server stops reading: nothing of
		// the form is known, so nothing can be shown again.
		{name: "5 MB body (over the form limit)", set: url.Values{"body": {hugeBody}}, status: 400, phrase: "quá lớn"},
	}
	for _, who := range []string{"pv1", "btv"} {
		c := e.as(who)
		own := e.article("pv1", congtin.StatusDraft)
		for _, target := range []struct {
			name, path string
			id         int64
		}{{"new", "/admin/bai-viet/moi", 0}, {"edit", fmt.Sprintf("/admin/bai-viet/%d", own.ID), own.ID}} {
			for _, tt := range cases {
				t.Run(who+"/"+target.name+"/"+tt.name, func(t *testing.T) {
					form := url.Values{"title": {"Hội nghị tổng kết công tác năm"}, "lead": {"Sapo người dùng đã gõ"},
						"body": {"<p>Nội dung người dùng đã gõ</p>"}, "author": {"Phóng viên A"}, "category_id": {catID}}
					for k, v := range tt.set {
						form[k] = v
					}
					body := form.Encode()
					if tt.raw != "" {
						body = tt.raw
					}
					before := e.badCounts(target.id)
					r := c.do("POST", target.path, strings.NewReader(body), "application/x-www-form-urlencoded")
					doc := badPage(t, tt.name, r, tt.status, tt.phrase)
					t.Logf("%d %s", r.status, badMessages(doc))
					if after := e.badCounts(target.id); after != before {
						t.Errorf("something was written: before %+v, after %+v", before.short(), after.short())
					}
					if tt.kept == nil {
						if tt.set.Get("body") == hugeBody {
							return
						}
						// The rest of the form comes back as it was sent.
						tt.kept = &fields{}
					}
					want := fields{title: strings.TrimSpace(form.Get("title")), lead: form.Get("lead"), body: form.Get("body")}
					if tt.kept.title != "" {
						want.title = tt.kept.title
					}
					if tt.kept.lead != "" {
						want.lead = tt.kept.lead
					}
					if tt.kept.body != "" {
						want.body = tt.kept.body
					}
					want.publishedAt = tt.kept.publishedAt
					got := fields{
						title:       hpVal(hpFirst(doc, hpID("title")), "value"),
						lead:        hpText(hpFirst(doc, hpID("lead"))),
						body:        hpText(hpFirst(doc, hpID("body"))),
						publishedAt: hpVal(hpFirst(doc, hpID("published_at")), "value"),
					}
					if got != want {
						t.Errorf("the form did not keep what was typed:\n got title %.80q lead %.80q body %.80q (len %d) time %q\nwant title %.80q lead %.80q body %.80q (len %d) time %q",
							got.title, got.lead, got.body, len(got.body), got.publishedAt, want.title, want.lead, want.body, len(want.body), want.publishedAt)
					}
					if f := hpFirst(doc, hpClass("form", "article-form")); f == nil || hpVal(f, "action") != target.path {
						t.Errorf("the form does not post back to %s", target.path)
					}
					if hpFirst(doc, hpClass("span", "field-error")) == nil {
						t.Errorf("no message next to the field")
					}
				})
			}
		}
	}
}

// badMessages is the alert and field messages of a page, or its main text.
func badMessages(doc *html.Node) string {
	var out []string
	for _, n := range hpAll(doc, func(n *html.Node) bool {
		return hpVal(n, "role") == "alert" || n.Data == "section" && hpVal(n, "class") == "admin-error"
	}) {
		out = append(out, strings.Join(strings.Fields(hpText(n)), " "))
	}
	if len(out) == 0 {
		return badSays(doc)
	}
	return strings.Join(out, " | ")
}

// badSays is the text of a page's main element on one line.
func badSays(doc *html.Node) string {
	return strings.Join(strings.Fields(hpText(hpFirst(doc, hpTag("main")))), " ")
}

// TestArticleFormLargeBodyWithinLimit: a body just under the 2 MB the
// article allows is saved through the browser's form. Urlencoded, such a
// body grows: each byte of a Vietnamese letter and each character of the
// markup ("<", "=", quotes, ":") becomes %XX; a table pasted from a
// document comes to about 1.8 times its size, under the 4 MB form limit.
func TestArticleFormLargeBodyWithinLimit(t *testing.T) {
	e := newEnv(t)
	row := `<tr><td style="text-align: center">Điều 12.</td><td>Ủy ban nhân dân tỉnh hướng dẫn thực hiện; số liệu: 1.234/2026 &amp; phụ lục.</td></tr>`
	body := "<table><tbody>" + strings.Repeat(row, (congtin.MaxBodyBytes-1024)/len(row)) + "</tbody></table>"
	lead := strings.TrimSpace(strings.Repeat("Sapo dài đúng giới hạn ", congtin.MaxLeadLen/len([]rune("Sapo dài đúng giới hạn "))))
	want := sanitize.HTML(body)
	if len(want) < len(body)*9/10 {
		t.Fatalf("the sanitizer drops the table: %d → %d bytes", len(body), len(want))
	}
	for _, who := range []string{"pv1", "btv"} {
		c := e.as(who)
		form := url.Values{"title": {"Bài rất dài của " + who}, "lead": {lead}, "body": {body}, "category_id": {strconv.FormatInt(e.cat.ID, 10)}}
		if n := len(form.Encode()); n < 3<<20 {
			t.Fatalf("the form is only %d bytes urlencoded", n)
		}
		r := c.post("/admin/bai-viet/moi", form)
		if r.status != http.StatusSeeOther {
			t.Fatalf("%s: status %d: %.300s", who, r.status, badSays(hpParse(t, r.body)))
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(r.header.Get("Location"), "?", 2)[0], "/admin/bai-viet/"), 10, 64)
		a, err := e.db.FindArticleByID(t.Context(), e.site.ID, id)
		if err != nil || a.Body != want || a.Lead != lead {
			t.Fatalf("%s: not saved intact (%v)", who, err)
		}
	}
}

func (c badCounts) short() string {
	return fmt.Sprintf("articles %d revisions %d audit %d media %d article %.60q", c.articles, c.revisions, c.audit, c.media, c.article)
}

// badPNG builds a PNG whose header claims w×h pixels, with correct CRCs
// and a tiny IDAT: a decompression bomb if decoded.
func badPNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 64<<10)) // zeros: compresses to a few hundred bytes
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return b.Bytes()
}

func badJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mediaFiles counts the files in the media store.
func (e *env) badMediaFiles() int {
	n := 0
	filepath.WalkDir(e.media, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestUploadBadInput: uploads from the editor that must be refused get a
// 4xx with a Vietnamese message in JSON and store nothing; a PNG with a
// .jpg name is taken for what it is.
func TestUploadBadInput(t *testing.T) {
	e := newEnv(t)
	c := e.as("pv1")
	good := pngBytes(t, 700, 20)
	noField := func() *resp {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("anh", "anh.png")
		fw.Write(good)
		mw.WriteField("ghi-chu", "không có trường file")
		mw.Close()
		c.hdr.Set("X-Requested-With", "fetch")
		defer c.hdr.Del("X-Requested-With")
		return c.do("POST", "/admin/media", &b, mw.FormDataContentType())
	}
	notMultipart := func() *resp {
		c.hdr.Set("X-Requested-With", "fetch")
		defer c.hdr.Del("X-Requested-With")
		return c.do("POST", "/admin/media", bytes.NewReader(good), "image/png")
	}
	big := make([]byte, 30<<20)
	copy(big, good)
	jpg := badJPEG(t, 300, 200)
	for _, tt := range []struct {
		name   string
		send   func() *resp
		phrase string
	}{
		{"30 MB", func() *resp { return upload(c, "/admin/media", "anh-lon.png", big) }, "quá lớn"},
		{"text named .png", func() *resp {
			return upload(c, "/admin/media", "anh.png", []byte("Đây là một tệp văn bản, không phải ảnh.\n"))
		}, "không phải là ảnh"},
		{"HTML named .png", func() *resp {
			return upload(c, "/admin/media", "anh.png", []byte("<!doctype html><script>alert(1)</script>"))
		}, "không phải là ảnh"},
		{"empty file", func() *resp { return upload(c, "/admin/media", "rong.png", nil) }, "không phải là ảnh"},
		{"no file field", noField, "Hãy chọn một tệp ảnh"},
		{"not multipart", notMultipart, "Hãy chọn một tệp ảnh"},
		{"bomb 100000×100000", func() *resp { return upload(c, "/admin/media", "bom.png", badPNG(100000, 100000)) }, "kích thước quá lớn"},
		{"bomb 10000×10000", func() *resp { return upload(c, "/admin/media", "bom.png", badPNG(10000, 10000)) }, "kích thước quá lớn"},
		{"PNG header of 0×0", func() *resp { return upload(c, "/admin/media", "khong.png", badPNG(0, 0)) }, "bị hỏng"},
		{"PNG with wrong pixel data", func() *resp { return upload(c, "/admin/media", "thieu.png", badPNG(50, 50)) }, "bị hỏng"},
		{"truncated JPEG", func() *resp { return upload(c, "/admin/media", "cut.jpg", jpg[:len(jpg)/2]) }, "bị hỏng"},
		{"JPEG cut in its header", func() *resp { return upload(c, "/admin/media", "cut.jpg", jpg[:20]) }, "bị hỏng"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, files := e.badCounts(0), e.badMediaFiles()
			start := time.Now()
			r := tt.send()
			took := time.Since(start)
			if r.status < 400 || r.status >= 500 {
				t.Fatalf("status %d: %.300s", r.status, r.body)
			}
			// No time limit here: timings are not stable on shared machines.
			// The media package checks that bombs are refused from the
			// header, allocating next to nothing.
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			var j struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal([]byte(r.body), &j); err != nil || !strings.Contains(j.Error, tt.phrase) {
				t.Errorf("answer %q (%v), want an error saying %q", r.body, err, tt.phrase)
			}
			if after := e.badCounts(0); after != before || e.badMediaFiles() != files {
				t.Errorf("something was stored: %s → %s, %d → %d files", before.short(), after.short(), files, e.badMediaFiles())
			}
			t.Logf("%d %s (%v)", r.status, j.Error, took.Round(time.Millisecond))
		})
	}

	// A PNG named .jpg is a PNG: accepted, and served as one.
	t.Run("PNG named .jpg", func(t *testing.T) {
		r := upload(c, "/admin/media", "anh-that-la-png.jpg", good)
		if r.status != http.StatusCreated {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		var m struct {
			URL    string `json:"url"`
			SrcSet string `json:"srcset"`
		}
		if err := json.Unmarshal([]byte(r.body), &m); err != nil || m.URL == "" || m.SrcSet == "" {
			t.Fatalf("answer %s (%v)", r.body, err)
		}
		urls := []string{m.URL}
		widths := map[string]int{}
		for _, cand := range strings.Split(m.SrcSet, ",") {
			f := strings.Fields(cand)
			if len(f) != 2 || !strings.HasSuffix(f[1], "w") {
				t.Fatalf("srcset candidate %q", cand)
			}
			w, _ := strconv.Atoi(strings.TrimSuffix(f[1], "w"))
			urls = append(urls, f[0])
			widths[f[0]] = w
		}
		if len(widths) != 3 { // 320, 640 and its own 700
			t.Errorf("srcset %q: want 3 widths", m.SrcSet)
		}
		pub := e.client("")
		for _, u := range urls {
			if !strings.HasPrefix(u, "/media/") || !strings.HasSuffix(u, ".png") {
				t.Errorf("%s: not a /media/ PNG URL", u)
			}
			r := pub.get(u)
			if r.status != http.StatusOK {
				t.Fatalf("GET %s: %d", u, r.status)
			}
			if ct := r.header.Get("Content-Type"); ct != "image/png" {
				t.Errorf("GET %s: content type %q", u, ct)
			}
			if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
				t.Errorf("GET %s: cache control %q", u, cc)
			}
			if ns := r.header.Get("X-Content-Type-Options"); ns != "nosniff" {
				t.Errorf("GET %s: X-Content-Type-Options %q", u, ns)
			}
			cfg, err := png.DecodeConfig(strings.NewReader(r.body))
			if err != nil {
				t.Errorf("GET %s: not a PNG: %v", u, err)
			} else if w, ok := widths[u]; ok && cfg.Width != w {
				t.Errorf("GET %s: %d wide, srcset says %d", u, cfg.Width, w)
			}
		}
	})
}

// TestOtherBadInput: bad input to the other back-office forms and URLs
// gets a Vietnamese 4xx, never a 500, and writes nothing.
func TestOtherBadInput(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	qtv, pv := e.as("qtv"), e.as("pv1")
	a := e.article("pv1", congtin.StatusSubmitted)
	catPath := fmt.Sprintf("/admin/chuyen-muc/%d", e.cat.ID)
	snapshot := func() string {
		cats, err := e.db.FindCategories(ctx, e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, c := range cats {
			fmt.Fprintf(&b, "%d:%s:%s:%d:%d:%v;", c.ID, c.Name, c.Slug, c.ParentID, c.Position, c.Hidden)
		}
		ms, err := e.db.FindMembers(ctx, e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			fmt.Fprintf(&b, "%s=%s;", m.User.Username, m.Role)
		}
		site, err := e.db.DefaultSite(ctx)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%+v;", *site)
		for _, u := range []string{"ab", "nguoi-moi"} {
			if _, err := e.db.FindUserByUsername(ctx, u); err == nil {
				fmt.Fprintf(&b, "user %s exists;", u)
			}
		}
		b2, _ := e.db.FindArticleByID(ctx, e.site.ID, a.ID)
		fmt.Fprintf(&b, "article %s;", b2.Status)
		return b.String() + e.badCounts(a.ID).short()
	}
	for _, tt := range []struct {
		name   string
		c      *client
		method string
		path   string
		form   url.Values
		status int
		phrase string
	}{
		{"category: empty name", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"  "}}, 400, "Tên chuyên mục không được để trống"},
		{"category: reserved slug", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Quản trị"}, "slug": {"admin"}}, 400, "dành cho trang hệ thống"},
		{"category: reserved slug media", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Ảnh"}, "slug": {"media"}}, 400, "dành cho trang hệ thống"},
		{"category: reserved name", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Admin"}}, 400, "dành cho trang hệ thống"},
		{"category: duplicate slug", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin tức khác"}, "slug": {e.cat.Slug}}, 400, "đã được dùng"},
		{"category: duplicate name", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {e.cat.Name}}, 400, "đã được dùng"},
		{"category: bad slug", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "slug": {"Tin Mới!"}}, 400, "Đường dẫn chỉ gồm"},
		{"category: position abc", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "position": {"abc"}}, 400, "Thứ tự phải là số"},
		{"category: position -1", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "position": {"-1"}}, 400, "Thứ tự phải từ 0 đến 100000"},
		{"category: parent abc", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "parent_id": {"abc"}}, 400, "Chuyên mục cha không hợp lệ"},
		{"category: invalid UTF-8", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin \xff\xfe mới"}}, 400, "chứa ký tự không hợp lệ"},
		{"category: parent missing", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "parent_id": {"999999"}}, 400, "Chuyên mục cha không tồn tại"},
		{"category: parent on another site", qtv, "POST", "/admin/chuyen-muc", url.Values{"name": {"Tin mới"}, "parent_id": {strconv.FormatInt(e.cat2.ID, 10)}}, 400, "Chuyên mục cha không tồn tại"},
		{"category: parent is itself", qtv, "POST", catPath, url.Values{"name": {e.cat.Name}, "parent_id": {strconv.FormatInt(e.cat.ID, 10)}}, 400, "bên trong chính nó"},
		{"category: update, position abc", qtv, "POST", catPath, url.Values{"name": {e.cat.Name}, "position": {"abc"}}, 400, "Thứ tự phải là số"},
		{"category: update, empty name", qtv, "POST", catPath, url.Values{"name": {""}}, 400, "Tên chuyên mục không được để trống"},
		{"category: update, missing", qtv, "POST", "/admin/chuyen-muc/999999", url.Values{"name": {"Tin"}}, 404, "Không tìm thấy"},
		{"category: update, bad id", qtv, "POST", "/admin/chuyen-muc/abc", url.Values{"name": {"Tin"}}, 404, "Không tìm thấy"},
		{"category: delete with articles", qtv, "POST", catPath + "/xoa", nil, 409, "còn bài viết"},
		{"category: delete missing", qtv, "POST", "/admin/chuyen-muc/999999/xoa", nil, 404, "Không tìm thấy"},
		{"user: 2-char name", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"ab"}, "display_name": {"Người mới"}, "password": {password}, "role": {"reporter"}}, 400, "Tên đăng nhập phải dài từ 3 đến 40 ký tự"},
		{"user: bad characters", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"người mới"}, "display_name": {"Người mới"}, "password": {password}, "role": {"reporter"}}, 400, "Tên đăng nhập chỉ gồm"},
		{"user: short password", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"nguoi-moi"}, "display_name": {"Người mới"}, "password": {"ngan"}, "role": {"reporter"}}, 400, "Mật khẩu phải có ít nhất 10 ký tự"},
		{"user: duplicate name", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"pv1"}, "display_name": {"Người khác"}, "password": {password}, "role": {"editor"}}, 400, "Để trống mật khẩu"},
		{"user: unknown name, no password", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"nguoi-moi"}, "display_name": {"Người mới"}, "role": {"reporter"}}, 400, "Hãy đặt mật khẩu"},
		{"user: empty display name", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"nguoi-moi"}, "display_name": {" "}, "password": {password}, "role": {"reporter"}}, 400, "Họ tên không được để trống"},
		{"user: unknown role", qtv, "POST", "/admin/nguoi-dung", url.Values{"username": {"nguoi-moi"}, "display_name": {"Người mới"}, "password": {password}, "role": {"god"}}, 400, "Chưa thêm được người dùng"},
		{"settings: empty name", qtv, "POST", "/admin/cai-dat", url.Values{"name": {" "}, "counter_offset": {"0"}}, 400, "Tên cổng thông tin không được để trống"},
		{"settings: negative counter", qtv, "POST", "/admin/cai-dat", url.Values{"name": {"Cổng mới"}, "counter_offset": {"-5"}}, 400, "không được âm"},
		{"settings: counter abc", qtv, "POST", "/admin/cai-dat", url.Values{"name": {"Cổng mới"}, "counter_offset": {"abc"}}, 400, "phải là số nguyên"},
		{"settings: counter overflow", qtv, "POST", "/admin/cai-dat", url.Values{"name": {"Cổng mới"}, "counter_offset": {"99999999999999999999"}}, 400, "phải là số nguyên"},
		{"settings: invalid UTF-8", qtv, "POST", "/admin/cai-dat", url.Values{"name": {"Cổng \xff"}}, 400, "không hợp lệ"},
		{"audit: bad from", qtv, "GET", "/admin/nhat-ky?tu=2026-13-45", nil, 400, "Ngày bắt đầu không hợp lệ"},
		{"audit: bad to", qtv, "GET", "/admin/nhat-ky?den=h%C3%B4m+qua", nil, 400, "Ngày kết thúc không hợp lệ"},
		{"audit: page abc", qtv, "GET", "/admin/nhat-ky?trang=abc", nil, 400, "Số trang không hợp lệ"},
		{"audit: page -1", qtv, "GET", "/admin/nhat-ky?trang=-1", nil, 400, "Số trang không hợp lệ"},
		{"articles: page abc", qtv, "GET", "/admin/bai-viet?trang=abc", nil, 400, "Số trang không hợp lệ"},
		{"articles: page -1", qtv, "GET", "/admin/bai-viet?trang=-1", nil, 400, "Số trang không hợp lệ"},
		{"articles: page 0 as reporter", pv, "GET", "/admin/bai-viet?trang=0", nil, 400, "Số trang không hợp lệ"},
		{"articles: bad status", qtv, "GET", "/admin/bai-viet?trang-thai=xoa", nil, 400, "Trạng thái không hợp lệ"},
		{"unknown admin page", qtv, "GET", "/admin/xyz", nil, 404, "Không tìm thấy trang quản trị này"},
		{"unknown admin page, POST", qtv, "POST", "/admin/xyz/abc", url.Values{"a": {"b"}}, 404, "Không tìm thấy trang quản trị này"},
		{"transition: unknown action", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"delete"}}, 400, "Thao tác không hợp lệ"},
		{"transition: no action", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), nil, 400, "Thao tác không hợp lệ"},
		{"transition: bad publish time", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"publish"}, "publish_at": {"ngày mai"}}, 400, "Thời gian xuất bản không hợp lệ"},
		{"transition: publish too far ahead", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"publish"}, "publish_at": {"2099-01-01T00:00"}}, 400, "quá xa trong tương lai"},
		{"transition: comment too long", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"return"}, "comment": {strings.Repeat("ý", 2001)}}, 400, "Ý kiến quá dài"},
		{"transition: missing article", qtv, "POST", "/admin/bai-viet/999999/chuyen", url.Values{"action": {"publish"}}, 404, "Không tìm thấy"},
		{"article: missing", qtv, "GET", "/admin/bai-viet/999999", nil, 404, "Không tìm thấy"},
		{"article: id abc", qtv, "GET", "/admin/bai-viet/abc", nil, 404, "Không tìm thấy"},
		{"article: id overflow", qtv, "GET", "/admin/bai-viet/99999999999999999999", nil, 404, "Không tìm thấy"},
		{"article: save missing", qtv, "POST", "/admin/bai-viet/999999", url.Values{"title": {"x"}}, 404, "Không tìm thấy"},
		{"revisions: missing article", qtv, "GET", "/admin/bai-viet/999999/phien-ban", nil, 404, "Không tìm thấy"},
		{"revisions: bad id", qtv, "GET", fmt.Sprintf("/admin/bai-viet/%d/phien-ban?a=abc", a.ID), nil, 400, "Mã phiên bản không hợp lệ"},
		{"revisions: missing revision", qtv, "GET", fmt.Sprintf("/admin/bai-viet/%d/phien-ban?a=999999", a.ID), nil, 404, "Không tìm thấy"},
		{"restore: missing revision", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/phien-ban/999999/khoi-phuc", a.ID), nil, 404, "Không tìm thấy"},
		{"restore: bad revision", qtv, "POST", fmt.Sprintf("/admin/bai-viet/%d/phien-ban/abc/khoi-phuc", a.ID), nil, 404, "Không tìm thấy"},
		{"role: missing user", qtv, "POST", "/admin/nguoi-dung/999999", url.Values{"role": {"editor"}}, 404, "Không tìm thấy"},
		{"role: unknown role", qtv, "POST", fmt.Sprintf("/admin/nguoi-dung/%d", e.users["pv2"].ID), url.Values{"role": {"god"}}, 400, "không hợp lệ"},
		// Another site's user is not this administrator's: as if missing,
		// no role given, no name shown (issue 16).
		{"role: another site's user", qtv, "POST", fmt.Sprintf("/admin/nguoi-dung/%d", e.users["qt2"].ID), url.Values{"role": {"editor"}}, 404, "Không tìm thấy người dùng."},
		{"role: another site's user removed", qtv, "POST", fmt.Sprintf("/admin/nguoi-dung/%d", e.users["qt2"].ID), url.Values{"role": {""}}, 404, "Không tìm thấy người dùng."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot()
			var r *resp
			if tt.method == "GET" {
				r = tt.c.get(tt.path)
			} else {
				r = tt.c.post(tt.path, tt.form)
			}
			doc := badPage(t, tt.name, r, tt.status, tt.phrase)
			if after := snapshot(); after != before {
				t.Errorf("something was written:\nbefore %s\nafter  %s", before, after)
			}
			// Forms refused for their content come back with what was
			// typed in the add forms.
			if tt.status == 400 && tt.path == "/admin/chuyen-muc" && tt.form.Get("name") != "" && strings.TrimSpace(tt.form.Get("name")) != "" {
				if v := hpVal(hpFirst(doc, hpID("name")), "value"); v != strings.ToValidUTF8(tt.form.Get("name"), "\uFFFD") {
					t.Errorf("category name not kept: %q", v)
				}
			}
			if tt.status == 400 && tt.path == "/admin/nguoi-dung" {
				if v := hpVal(hpFirst(doc, hpID("display_name")), "value"); v != strings.TrimSpace(tt.form.Get("display_name")) {
					t.Errorf("display name not kept: %q", v)
				}
			}
			if tt.status == 400 && tt.path == "/admin/cai-dat" {
				if v := hpVal(hpFirst(doc, hpID("name")), "value"); v != strings.ToValidUTF8(strings.TrimSpace(tt.form.Get("name")), "\uFFFD") {
					t.Errorf("site name not kept: %q", v)
				}
			}
			for _, b := range hpUnsafe(doc) {
				t.Errorf("unsafe: %s", b)
			}
			t.Logf("%d %s", r.status, badMessages(doc))
		})
	}
}
