package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
)

// mustOpenConsultation publishes a consultation open from opens to closes.
func (e *env) mustOpenConsultation(opens, closes time.Time) *congtin.Consultation {
	e.t.Helper()
	in := storetest.ConsultationInput(opens)
	in.ClosesAt = closes
	c, err := e.db.CreateConsultation(e.t.Context(), pollActor, e.site.ID, in)
	if err == nil {
		c, err = e.db.TransitionConsultation(e.t.Context(), pollActor, e.site.ID, c.ID, congtin.ActPublish, "")
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// postMultipart sends a form with an optional file as a browser does.
func (e *env) postMultipart(c *http.Client, path string, form url.Values, fileName string, file []byte) *response {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		fw.Write(file)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("User-Agent", browserUA)
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := &response{status: resp.StatusCode, header: resp.Header, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		if r.doc, err = html.Parse(strings.NewReader(r.body)); err != nil {
			e.t.Fatal(err)
		}
	}
	return r
}

// formToken opens a page in the browser c and returns its comment form's
// token, "" when it has none.
func (e *env) formToken(c *http.Client, path string) string {
	e.t.Helper()
	r := e.fetch(c, "GET", path, browserUA)
	if r.status != 200 {
		e.t.Fatalf("%s: %d", path, r.status)
	}
	for _, in := range findAll(r.doc, tag("input")) {
		if attr(in, "name") == "token" {
			return attr(in, "value")
		}
	}
	return ""
}

func commentForm(token, article, body string) url.Values {
	return url.Values{"token": {token}, "name": {"Trần Văn <b>Bình</b>"}, "organization": {"Hợp tác xã Rau sạch"},
		"email": {"binh@example.vn"}, "article": {article}, "body": {body}}
}

// TestCommentSubmit: a reader comments on Điều 2 of an open draft with a
// PDF, through real HTTP and a real SQLite file, without JavaScript; gets
// a lookup code; once an editor publishes and answers it, the comment
// shows under its article with the answer, its markup as text and its
// sender's e-mail nowhere. Every bad form is refused with a Vietnamese
// message and stores nothing.
func TestCommentSubmit(t *testing.T) {
	e := newEnv(t)
	e.server.Files = docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	now := time.Now()
	k := e.mustOpenConsultation(now.Add(-time.Hour), now.Add(10*24*time.Hour))
	c := client(true)
	tok := e.formToken(c, k.Path())
	if tok == "" {
		t.Fatal("no comment form on an open consultation's page")
	}
	if r := e.fetch(c, "GET", k.Path(), browserUA); r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("an open consultation's page carries the reader's token but Cache-Control is %q", r.header.Get("Cache-Control"))
	}
	action := "/lay-y-kien/" + strconv.FormatInt(k.ID, 10) + "/gop-y"
	// Sent at once: faster than a person.
	r := e.postMultipart(c, action, commentForm(tok, "2", "Đề nghị bổ sung hộ cận nghèo."), "", nil)
	if r.status != http.StatusBadRequest || !strings.Contains(alertText(r), "quá nhanh") {
		t.Fatalf("a form sent at once: %d %q", r.status, alertText(r))
	}
	// The reader takes their time: each form is sent 10 s after the
	// page drew it.
	var skew time.Duration
	e.server.Now = func() time.Time { return time.Now().Add(skew) }
	skew = 10 * time.Second
	pdf := docfile.MakePDF("Y kien gop y ve Dieu 2")
	body := "Đề nghị bổ sung hộ cận nghèo vào Điều 2.\n<script>alert('x')</script>"
	r = e.postMultipart(c, action, commentForm(tok, "Điều 2", body), "gop-y.pdf", pdf)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/lay-y-kien/da-gui?ma=") {
		t.Fatalf("comment: %d %s\n%s", r.status, r.header.Get("Location"), alertText(r))
	}
	code := strings.TrimPrefix(r.header.Get("Location"), "/lay-y-kien/da-gui?ma=")
	r = e.fetch(c, "GET", r.header.Get("Location"), browserUA)
	if r.status != 200 || !strings.Contains(text(find(r.doc, id("ma-tra-cuu"))), code) || !strings.Contains(r.body, "Chờ duyệt") || !strings.Contains(r.body, "Điều 2") {
		t.Fatalf("thank-you page: %d\n%s", r.status, r.body)
	}
	ms, n, err := e.db.FindComments(t.Context(), congtin.CommentFilter{SiteID: e.site.ID, ConsultationID: k.ID})
	if err != nil || n != 1 || ms[0].Article != 2 || ms[0].Body != strings.TrimSpace(body) || ms[0].FileKind != congtin.FilePDF || ms[0].FileSize != int64(len(pdf)) {
		t.Fatalf("stored: %d %+v %v", n, ms, err)
	}

	// Bad forms, each with a fresh token: nothing stored.
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0}, 200)...)
	for _, tc := range []struct {
		name, want string
		form       func(tok string) url.Values
		file       []byte
		fileName   string
	}{
		{name: "10,001 characters", want: "10.001 ký tự", form: func(tok string) url.Values { return commentForm(tok, "", strings.Repeat("ý", 10001)) }},
		{name: "an executable renamed .pdf", want: "gop-y.pdf", fileName: "gop-y.pdf", file: exe,
			form: func(tok string) url.Values { return commentForm(tok, "3", "Góp ý kèm tệp lạ.") }},
		{name: "an article that is no number", want: "Số điều", form: func(tok string) url.Values { return commentForm(tok, "hai", "Góp ý cho điều hai.") }},
		{name: "no contact", want: "email hoặc số điện thoại", form: func(tok string) url.Values {
			f := commentForm(tok, "1", "Góp ý không để lại liên hệ.")
			f.Del("email")
			return f
		}},
		{name: "the trap field", want: "ô ẩn", form: func(tok string) url.Values {
			f := commentForm(tok, "1", "Góp ý của một chương trình tự động.")
			f.Set("website", "http://spam.example")
			return f
		}},
		{name: "a forged token", want: "Biểu mẫu không hợp lệ", form: func(tok string) url.Values {
			return commentForm(tok[:len(tok)-2]+"xx", "1", "Góp ý với mã giả mạo.")
		}},
		{name: "the first form replayed", want: "đã được gửi rồi", form: func(string) url.Values { return commentForm(tok, "1", "Gửi lại biểu mẫu cũ.") }},
	} {
		fresh := e.formToken(c, k.Path())
		skew += 10 * time.Second
		r := e.postMultipart(c, action, tc.form(fresh), tc.fileName, tc.file)
		msg := text(find(r.doc, class("consult-notice")))
		for _, a := range findAll(r.doc, func(n *html.Node) bool { return attr(n, "role") == "alert" }) {
			msg += " " + text(a)
		}
		if r.status < 400 || r.status > 499 || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %d, message %q, want one containing %q", tc.name, r.status, msg, tc.want)
		}
		if strings.Contains(r.body, "<b>Bình</b>") || strings.Contains(r.body, "<script>alert") {
			t.Errorf("%s: typed markup echoed as markup", tc.name)
		}
	}
	if counts, err := e.db.CountComments(t.Context(), e.site.ID, k.ID); err != nil || counts.Total() != 1 {
		t.Fatalf("bad forms stored comments: %+v %v", counts, err)
	}

	// Published and answered: on the page, under Điều 2, as text.
	if _, err := e.db.ModerateComment(t.Context(), pollActor, e.site.ID, ms[0].ID, congtin.CommentModeration{Status: congtin.CommentPublished,
		Article: 2, Answer: "Tiếp thu, bổ sung tại khoản 3 Điều 2.", Version: ms[0].Version}); err != nil {
		t.Fatal(err)
	}
	r = e.fetch(c, "GET", k.Path(), browserUA)
	group := find(r.doc, id("dieu-2"))
	if r.status != 200 || group == nil || text(group) != "Điều 2" {
		t.Fatalf("no Điều 2 group: %d", r.status)
	}
	comment := find(r.doc, id("y-kien-"+strconv.FormatInt(ms[0].ID, 10)))
	ct := text(comment)
	if !strings.Contains(ct, "Trần Văn <b>Bình</b> (Hợp tác xã Rau sạch)") || !strings.Contains(ct, "<script>alert('x')</script>") ||
		!strings.Contains(ct, "Tiếp thu, bổ sung tại khoản 3 Điều 2.") || strings.Contains(r.body, "binh@example.vn") {
		t.Fatalf("published comment: %q", ct)
	}
	var fileURL string
	for _, a := range findAll(comment, tag("a")) {
		fileURL = attr(a, "href")
	}
	if f := e.fetch(c, "GET", fileURL, browserUA); f.status != 200 || f.header.Get("Content-Type") != "application/pdf" || f.body != string(pdf) {
		t.Fatalf("the comment's file %s: %d %s", fileURL, f.status, f.header.Get("Content-Type"))
	}
	// The print view has it too.
	if pr := e.fetch(c, "GET", "/ban-in/lay-y-kien/"+strconv.FormatInt(k.ID, 10), browserUA); pr.status != 200 ||
		!strings.Contains(text(find(pr.doc, id("dieu-2")).Parent), "Tiếp thu, bổ sung tại khoản 3 Điều 2.") {
		t.Fatalf("print view: %d", pr.status)
	}
	// The API gives the published comment with its answer, never the
	// sender's contact.
	api := e.fetch(client(false), "GET", "/api/v1/lay-y-kien/"+strconv.FormatInt(k.ID, 10), browserUA)
	var got struct {
		Comments []struct {
			Article int    `json:"article"`
			Name    string `json:"name"`
			Answer  string `json:"answer"`
			File    *struct {
				URL string `json:"url"`
			} `json:"file"`
		} `json:"comments"`
	}
	if err := json.Unmarshal([]byte(api.body), &got); err != nil || api.status != 200 || len(got.Comments) != 1 || got.Comments[0].Article != 2 ||
		got.Comments[0].Answer == "" || got.Comments[0].File == nil || !strings.HasSuffix(got.Comments[0].File.URL, fileURL) || strings.Contains(api.body, "binh@example.vn") {
		t.Fatalf("API: %d %v\n%s", api.status, err, api.body)
	}
	// The lookup: the code finds it published with its answer; a wrong
	// or malformed code is told so.
	if r := e.fetch(client(false), "GET", "/lay-y-kien/tra-cuu?ma="+code, browserUA); r.status != 200 || !strings.Contains(r.body, "Đã công bố") ||
		!strings.Contains(r.body, "Tiếp thu, bổ sung") {
		t.Fatalf("lookup: %d", r.status)
	}
	if r := e.fetch(client(false), "GET", "/lay-y-kien/tra-cuu?ma=ABCDE-FGHJK", browserUA); r.status != 404 || !strings.Contains(alertText(r), "Không có ý kiến góp ý nào với mã tra cứu này") {
		t.Fatalf("unknown code: %d %q", r.status, alertText(r))
	}
	if r := e.fetch(client(false), "GET", "/lay-y-kien/tra-cuu?ma=%3Cscript%3E", browserUA); r.status != 400 || strings.Contains(r.body, "<script>") {
		t.Fatalf("malformed code: %d", r.status)
	}
}

// TestCommentClosed: after the close the form is gone, and a late POST
// (a page left open) gets a clear message and stores nothing; a draft not
// published takes no comment.
func TestCommentClosed(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	k := e.mustOpenConsultation(now.Add(-48*time.Hour), now.Add(-time.Hour))
	c := client(true)
	if tok := e.formToken(c, k.Path()); tok != "" {
		t.Fatal("a closed consultation shows the comment form")
	}
	action := "/lay-y-kien/" + strconv.FormatInt(k.ID, 10) + "/gop-y"
	r := e.postMultipart(c, action, commentForm("1.1.1.x.y", "1", "Góp ý gửi muộn sau khi hết hạn."), "", nil)
	if r.status != http.StatusConflict || !strings.Contains(text(find(r.doc, class("consult-notice"))), "Đã hết thời gian lấy ý kiến") {
		t.Fatalf("late comment: %d %q", r.status, text(find(r.doc, class("consult-notice"))))
	}
	draft, err := e.db.CreateConsultation(t.Context(), pollActor, e.site.ID, storetest.ConsultationInput(now.Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if r := e.postMultipart(c, "/lay-y-kien/"+strconv.FormatInt(draft.ID, 10)+"/gop-y", commentForm("x", "1", "Góp ý cho bản nháp."), "", nil); r.status != 404 {
		t.Fatalf("comment on a draft: %d", r.status)
	}
	if counts, err := e.db.CountComments(t.Context(), e.site.ID, k.ID); err != nil || counts.Total() != 0 {
		t.Fatalf("stored: %+v %v", counts, err)
	}
}
