package admin_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// The asker of these tests. Their name, e-mail and phone must never be on
// a public page; the name and question carry markup that must stay text.
const (
	askerName  = `Khổng <b>Thị</b> Quỳnh<script>alert("ten")</script>`
	askerEmail = "khong.quynh.7391@example.vn"
	askerPhone = "0987 654 321"
	qaTitle    = `Học phí <i>trường</i> mầm non năm 2026`
	qaBody     = "Con tôi học trường mầm non công lập.\n<script>alert(\"hoi\")</script><img src=x onerror=alert(2)>\nXin hỏi mức học phí năm học 2026 là bao nhiêu?"
)

// personal lists the asker's data as it could appear on a page: raw, as
// HTML escapes it, and parts of it.
var personal = []string{"Khổng", "Quỳnh", "Kh&#244;ng", "khong.quynh", "7391", "0987 654 321", "0987654321", "987 654", "654 321"}

// qaFormToken opens the question form and returns its token.
func (c *client) qaFormToken() string {
	c.e.t.Helper()
	r := c.get("/hoi-dap/gui-cau-hoi")
	if r.status != http.StatusOK {
		c.e.t.Fatalf("question form: %d %.300s", r.status, r.body)
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		c.e.t.Fatalf("the question form is sent with Cache-Control %q, want no-store", cc)
	}
	doc := hpParse(c.e.t, r.body)
	tok := hpFirst(doc, func(n *html.Node) bool { return n.Data == "input" && hpVal(n, "name") == "token" })
	if tok == nil || hpVal(tok, "value") == "" {
		c.e.t.Fatalf("no token in the question form: %.500s", r.body)
	}
	return hpVal(tok, "value")
}

// qaForm is a valid submission with the token.
func qaForm(token string, fieldID int64) url.Values {
	v := url.Values{"token": {token}, "name": {askerName}, "email": {askerEmail}, "phone": {askerPhone},
		"title": {qaTitle}, "body": {qaBody}, "website": {""}}
	if fieldID != 0 {
		v.Set("field_id", strconv.FormatInt(fieldID, 10))
	}
	return v
}

var sentRE = regexp.MustCompile(`^/hoi-dap/da-gui\?ma=([23456789A-HJ-NP-Z]{5}-[23456789A-HJ-NP-Z]{5})$`)

// qaSubmit opens the form, waits as a person would, sends it and returns
// the lookup code from the redirect.
func (c *client) qaSubmit(v url.Values) string {
	c.e.t.Helper()
	v.Set("token", c.qaFormToken())
	c.e.clock.Add(8 * time.Second)
	r := c.post("/hoi-dap/gui-cau-hoi", v)
	if r.status != http.StatusSeeOther {
		c.e.t.Fatalf("submit: %d %.600s", r.status, r.body)
	}
	m := sentRE.FindStringSubmatch(r.header.Get("Location"))
	if m == nil {
		c.e.t.Fatalf("submit redirected to %q", r.header.Get("Location"))
	}
	return m[1]
}

// qaState returns the state a lookup shows for the code.
func (c *client) qaState(code string) (string, *html.Node) {
	c.e.t.Helper()
	r := c.get("/hoi-dap/tra-cuu?ma=" + url.QueryEscape(code))
	if r.status != http.StatusOK {
		c.e.t.Fatalf("lookup %s: %d %.400s", code, r.status, r.body)
	}
	if r.header.Get("Cache-Control") != "no-store" || r.header.Get("Referrer-Policy") != "no-referrer" || r.header.Get("X-Robots-Tag") != "noindex" {
		c.e.t.Errorf("lookup headers: %v", r.header)
	}
	doc := hpParse(c.e.t, r.body)
	return hpText(hpFirst(doc, hpClass("strong", "qa-state"))), doc
}

// mustField adds a field through the back office and returns its ID.
func (e *env) mustField(c *client, name string) int64 {
	e.t.Helper()
	if r := c.post("/admin/hoi-dap-linh-vuc", url.Values{"name": {name}}); r.status != http.StatusSeeOther {
		e.t.Fatalf("add field %s: %d %.300s", name, r.status, r.body)
	}
	fs, err := e.db.FindQAFields(e.t.Context(), e.site.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, f := range fs {
		if f.Name == name {
			return f.ID
		}
	}
	e.t.Fatalf("field %s not stored", name)
	return 0
}

// onlyQuestion returns the site's one question.
func (e *env) onlyQuestion() *congtin.Question {
	e.t.Helper()
	qs, n, err := e.db.FindQuestions(e.t.Context(), congtin.QuestionFilter{SiteID: e.site.ID})
	if err != nil || n != 1 {
		e.t.Fatalf("questions: %d, %v; want 1", n, err)
	}
	return qs[0]
}

// TestQAFromQuestionToPublishedAnswer follows a citizen's question from
// the form to a published answer: the lookup code and its states, the
// reporter's answer, the editor's publication, and the question on its
// page, the list, the search, the print view, RSS, the JSON API and the
// sitemap; the asker's personal data on none of them, and the markup they
// typed shown as text, never run.
func TestQAFromQuestionToPublishedAnswer(t *testing.T) {
	e := newEnv(t)
	qtv := e.as("qtv")
	gd := e.mustField(qtv, "Giáo dục")
	dd := e.mustField(qtv, "Đất đai")
	citizen := e.client("")

	// The form: fields to choose from, the trap field hidden from people.
	r := citizen.get("/hoi-dap/gui-cau-hoi")
	doc := hpParse(t, r.body)
	if opts := hpAll(doc, func(n *html.Node) bool { return n.Data == "option" && hpVal(n, "value") != "" }); len(opts) != 2 {
		t.Fatalf("the form offers %d fields, want 2", len(opts))
	}
	if hp := hpFirst(doc, hpClass("div", "qa-hp")); hp == nil || hpVal(hp, "aria-hidden") != "true" || hpFirst(hp, func(n *html.Node) bool { return hpVal(n, "name") == "website" }) == nil {
		t.Fatalf("the trap field is missing or not hidden from assistive technology")
	}
	var ck *http.Cookie
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == "ct_hoidap" {
			ck = c
		}
	}
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/hoi-dap" {
		t.Fatalf("form cookie: %+v", ck)
	}

	code := citizen.qaSubmit(qaForm("", gd))
	sent := citizen.get("/hoi-dap/da-gui?ma=" + code)
	if sent.status != http.StatusOK || !strings.Contains(sent.body, code) || !strings.Contains(sent.body, "Cảm ơn bạn đã gửi câu hỏi") {
		t.Fatalf("thank-you page: %d %.600s", sent.status, sent.body)
	}
	if st, _ := citizen.qaState(code); st != "Đã tiếp nhận" {
		t.Fatalf("state after sending: %q", st)
	}
	// Typed in lower case, without the hyphen, with spaces.
	if st, _ := e.client("").qaState(strings.ToLower(" " + strings.ReplaceAll(code, "-", " ") + " ")); st != "Đã tiếp nhận" {
		t.Fatalf("state by a code typed loosely: %q", st)
	}
	q := e.onlyQuestion()
	if q.Name != `Khổng <b>Thị</b> Quỳnh<script>alert("ten")</script>` || q.Email != askerEmail || q.Phone != askerPhone || q.Body != qaBody || q.FieldID != gd {
		t.Fatalf("stored: %+v", q)
	}
	if len(q.IPHash) != 32 || strings.Contains(q.IPHash, "127.0.0.1") {
		t.Fatalf("the address is kept as %q, want a 32-digit keyed hash", q.IPHash)
	}
	qpath := "/hoi-dap/" + strconv.FormatInt(q.ID, 10)
	if r := citizen.get(qpath); r.status != http.StatusNotFound {
		t.Fatalf("an unanswered question's page: %d", r.status)
	}

	// The reporter answers: the inbox shows the asker to staff, escaped.
	pv := e.as("pv1")
	r = pv.get("/admin/hoi-dap")
	if r.status != http.StatusOK || !strings.Contains(r.body, "Khổng &lt;b&gt;Thị&lt;/b&gt; Quỳnh&lt;script&gt;") || strings.Contains(r.body, `<script>alert("ten")`) {
		t.Fatalf("inbox: %d %.1500s", r.status, r.body)
	}
	r = pv.get(qpath[:0] + "/admin/hoi-dap/" + strconv.FormatInt(q.ID, 10))
	if r.status != http.StatusOK || !strings.Contains(r.body, askerEmail) || !strings.Contains(r.body, askerPhone) {
		t.Fatalf("question page in the back office: %d", r.status)
	}
	if bad := hpUnsafe(hpParse(t, r.body)); len(bad) > 0 {
		t.Fatalf("the back office runs the asker's markup: %v", bad)
	}
	redacted := strings.Replace(qaBody, "Con tôi học trường mầm non công lập.\n", "", 1)
	answer := `<p>Theo <strong>Nghị quyết 12/2025</strong> của Hội đồng nhân dân tỉnh, học phí mầm non công lập là 150.000 đồng/tháng.</p><script>alert("dap")</script><p onclick="alert(3)">Trân trọng.</p>`
	adminQ := "/admin/hoi-dap/" + strconv.FormatInt(q.ID, 10)
	form := url.Values{"field_id": {strconv.FormatInt(gd, 10)}, "title": {qaTitle}, "body": {redacted}, "answer": {answer}}
	if r := pv.post(adminQ, form); r.status != http.StatusSeeOther {
		t.Fatalf("save answer: %d %.500s", r.status, r.body)
	}
	if st, _ := citizen.qaState(code); st != "Đang xử lý" {
		t.Fatalf("state while answered: %q", st)
	}
	if r := pv.post(adminQ+"/chuyen", url.Values{"action": {"publish"}}); r.status != http.StatusForbidden {
		t.Fatalf("a reporter publishing: %d", r.status)
	}
	if r := pv.post(adminQ+"/chuyen", url.Values{"action": {"submit"}}); r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.300s", r.status, r.body)
	}
	btv := e.as("btv")
	if r := btv.post(adminQ+"/chuyen", url.Values{"action": {"return"}}); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Hãy ghi ý kiến") {
		t.Fatalf("returning without a comment: %d", r.status)
	}
	if r := btv.post(adminQ+"/chuyen", url.Values{"action": {"publish"}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", r.status, r.body)
	} else if loc, _ := url.Parse(r.header.Get("Location")); loc.Query().Get("ok") != "Đã xuất bản câu hỏi và câu trả lời." {
		t.Fatalf("the confirmation of a publication: %q", loc.Query().Get("ok"))
	}
	st, ldoc := citizen.qaState(code)
	if st != "Đã trả lời" || !strings.Contains(hpText(hpFirst(ldoc, hpClass("section", "qa-answer"))), "150.000 đồng/tháng") {
		t.Fatalf("state after publication: %q", st)
	}

	// Public: its page, with the question as text and the answer sanitized.
	r = citizen.get(qpath)
	if r.status != http.StatusOK {
		t.Fatalf("published page: %d", r.status)
	}
	page := hpParse(t, r.body)
	if bad := hpUnsafe(page); len(bad) > 0 {
		t.Fatalf("the published page can run something: %v", bad)
	}
	if h1 := hpText(hpFirst(page, hpTag("h1"))); h1 != qaTitle {
		t.Fatalf("title shown as %q, want the typed text %q", h1, qaTitle)
	}
	qtext := hpText(hpFirst(page, hpClass("p", "qa-text")))
	if qtext != redacted || strings.Contains(qtext, "công lập") {
		t.Fatalf("question text %q, want the editor's version %q", qtext, redacted)
	}
	ans := hpFirst(page, hpClass("section", "qa-answer"))
	if hpFirst(ans, hpTag("strong")) == nil || !strings.Contains(hpText(ans), "Trân trọng.") || strings.Contains(hpText(ans), `alert("dap")`) {
		t.Fatalf("answer: %q", hpText(ans))
	}
	if !strings.Contains(r.body, "&lt;script&gt;alert(&#34;hoi&#34;)&lt;/script&gt;") {
		t.Fatalf("the asker's script is not shown escaped: %.2000s", r.body)
	}

	// The list, filtered and searched; the other field's list is empty.
	for path, want := range map[string]bool{
		"/hoi-dap": true, "/hoi-dap?linh-vuc=giao-duc": true, "/hoi-dap?linh-vuc=dat-dai": false,
		"/hoi-dap?q=hoc+phi+mam+non": true, "/hoi-dap?q=" + url.QueryEscape("Nghị quyết 12/2025"): true,
		"/hoi-dap?q=so+do": false, "/hoi-dap?q=" + url.QueryEscape("con tôi"): false, // redacted away
	} {
		r := citizen.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		if got := strings.Contains(r.body, `href="`+qpath+`"`); got != want {
			t.Errorf("%s lists the question: %v, want %v", path, got, want)
		}
	}
	_ = dd
	if r := citizen.get("/hoi-dap?linh-vuc=khong-co"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "không tồn tại") {
		t.Fatalf("unknown field: %d", r.status)
	}
	if r := citizen.get("/hoi-dap?trang=5"); r.status != http.StatusNotFound || !strings.Contains(r.body, "Trang 5 không tồn tại") {
		t.Fatalf("a page past the end: %d", r.status)
	}
	if r := citizen.get("/hoi-dap?q=hoc+phi&trang=5"); r.status != http.StatusOK || !strings.Contains(r.body, "Trang 5 không có kết quả") {
		t.Fatalf("a search page past the end: %d", r.status)
	}
	if r := citizen.get("/hoi-dap?trang=abc"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Số trang không hợp lệ") {
		t.Fatalf("a bad page number: %d", r.status)
	}
	if r := citizen.get("/ban-in" + qpath); r.status != http.StatusOK || !strings.Contains(r.body, "150.000 đồng/tháng") || !strings.Contains(r.body, "Nguồn:") {
		t.Fatalf("print view: %d %.300s", r.status, r.body)
	}

	// RSS.
	r = citizen.get("/rss/hoi-dap")
	feed, err := gofeed.NewParser().ParseString(r.body)
	if r.status != http.StatusOK || err != nil || len(feed.Items) != 1 || feed.Items[0].Title != qaTitle ||
		feed.Items[0].Link != e.srv.URL+qpath || len(feed.Items[0].Categories) != 1 || feed.Items[0].Categories[0] != "Giáo dục" {
		t.Fatalf("feed: %d %v %+v", r.status, err, feed)
	}

	// JSON.
	var list struct {
		Total   int `json:"total"`
		Results []struct {
			ID         int64  `json:"id"`
			Title      string `json:"title"`
			URL        string `json:"url"`
			Field      string `json:"field"`
			Question   string `json:"question"`
			AnswerHTML string `json:"answer_html"`
		} `json:"results"`
	}
	r = citizen.get("/api/v1/hoi-dap?q=hoc+phi")
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || list.Total != 1 || list.Results[0].ID != q.ID || list.Results[0].Field != "Giáo dục" ||
		list.Results[0].Question != redacted || strings.Contains(list.Results[0].AnswerHTML, "script") {
		t.Fatalf("api: %v %s", err, r.body)
	}
	if r := citizen.get("/api/v1/hoi-dap/" + strconv.FormatInt(q.ID, 10)); r.status != http.StatusOK || !strings.Contains(r.body, `"answer_html"`) {
		t.Fatalf("api one: %d %s", r.status, r.body)
	}
	if r := citizen.get("/api/v1/hoi-dap?trang=0"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Số trang không hợp lệ") {
		t.Fatalf("api bad page: %d %s", r.status, r.body)
	}

	// Sitemap.
	var set struct {
		Locs []string `xml:"url>loc"`
	}
	r = citizen.get("/sitemap/hoi-dap.xml")
	if err := xml.Unmarshal([]byte(r.body), &set); err != nil || len(set.Locs) != 2 || set.Locs[1] != e.srv.URL+qpath {
		t.Fatalf("sitemap: %v %s", err, r.body)
	}

	// The asker's data is on no public answer.
	for _, path := range []string{"/", "/hoi-dap", qpath, "/ban-in" + qpath, "/rss/hoi-dap", "/api/v1/hoi-dap", "/api/v1/hoi-dap/" + strconv.FormatInt(q.ID, 10),
		"/sitemap.xml", "/sitemap/hoi-dap.xml", "/hoi-dap?q=hoc+phi", "/hoi-dap/tra-cuu?ma=" + code, "/hoi-dap/da-gui?ma=" + code} {
		r := e.client("").get(path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		for _, p := range personal {
			if strings.Contains(r.body, p) {
				t.Errorf("%s shows the asker's %q", path, p)
			}
		}
	}
	// Nor does searching for the asker find their question.
	if r := citizen.get("/hoi-dap?q=Kh%E1%BB%95ng"); !strings.Contains(r.body, "Không tìm thấy câu hỏi nào") || strings.Contains(r.body, qpath) {
		t.Fatalf("the asker's name finds their question: %.300s", r.body)
	}
	if r := citizen.get("/api/v1/hoi-dap?q=" + url.QueryEscape(askerEmail+" "+askerPhone)); !strings.Contains(r.body, `"total":0`) {
		t.Fatalf("the asker's e-mail and phone find their question: %s", r.body)
	}

	// Revisions and the audit log.
	revs, err := e.db.FindQuestionRevisions(t.Context(), e.site.ID, q.ID)
	if err != nil || len(revs) != 2 || revs[1].Body != qaBody || revs[0].Body != redacted {
		t.Fatalf("revisions: %+v %v", revs, err)
	}
	if r := btv.get(adminQ + "/phien-ban"); r.status != http.StatusOK || !strings.Contains(r.body, "Người hỏi") {
		t.Fatalf("revisions page: %d", r.status)
	}
	es, _, err := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, ObjectType: "question"})
	var acts []string
	for _, a := range es {
		acts = append(acts, a.Username+":"+a.Action)
		if a.IP != "127.0.0.1" {
			t.Errorf("audit entry %s from %q", a.Action, a.IP)
		}
	}
	if err != nil || strings.Join(acts, " ") != "btv:question.publish pv1:question.submit pv1:question.edit" {
		t.Fatalf("audit: %v %v", acts, err)
	}

	// Taken down: gone from the list, 410 on its page, and the lookup says so.
	if r := btv.post(adminQ+"/chuyen", url.Values{"action": {"unpublish"}}); r.status != http.StatusSeeOther {
		t.Fatalf("unpublish: %d", r.status)
	}
	if r := citizen.get(qpath); r.status != http.StatusGone {
		t.Fatalf("taken-down page: %d", r.status)
	}
	if r := citizen.get("/hoi-dap"); strings.Contains(r.body, qpath) {
		t.Fatalf("the list still shows a taken-down question")
	}
	if st, _ := citizen.qaState(code); st != "Không công bố" {
		t.Fatalf("state after taking down: %q", st)
	}
}

// TestQASubmissionFlood: twenty questions sent at once from one address
// (each with a form of its own, after the minimum time): three are taken,
// the rest get the Vietnamese 429 page, and only three are stored.
func TestQASubmissionFlood(t *testing.T) {
	e := newEnv(t)
	bot := e.client("")
	tokens := make([]string, 20)
	for i := range tokens {
		tokens[i] = bot.qaFormToken()
	}
	e.clock.Add(10 * time.Second)
	accepted := 0
	for i, tok := range tokens {
		v := qaForm(tok, 0)
		v.Set("title", fmt.Sprintf("Câu hỏi dồn dập số %d", i))
		r := bot.post("/hoi-dap/gui-cau-hoi", v)
		switch r.status {
		case http.StatusSeeOther:
			accepted++
		case http.StatusTooManyRequests:
			doc := badPage(t, "flood", r, http.StatusTooManyRequests, "Bạn đã gửi 3 câu hỏi trong 10 phút vừa qua")
			if r.header.Get("Retry-After") != "600" {
				t.Errorf("429 without Retry-After: %v", r.header)
			}
			// What was typed comes back, so a person loses nothing.
			if in := hpFirst(doc, hpID("qa-title")); hpVal(in, "value") != v.Get("title") {
				t.Errorf("the refused form lost the title: %q", hpVal(in, "value"))
			}
		default:
			t.Fatalf("submission %d: %d %.300s", i, r.status, r.body)
		}
	}
	_, n, err := e.db.FindQuestions(t.Context(), congtin.QuestionFilter{SiteID: e.site.ID})
	if accepted != 3 || n != 3 || err != nil {
		t.Fatalf("%d accepted, %d stored (%v); want 3 and 3", accepted, n, err)
	}
	// Ten minutes on, the sender may ask again.
	e.clock.Add(10 * time.Minute)
	bot.qaSubmit(qaForm("", 0))
}

// TestQABadSubmissions: each bad submission gets a 4xx page that says in
// Vietnamese what to do, keeps what was typed where it can, and stores
// nothing.
func TestQABadSubmissions(t *testing.T) {
	e := newEnv(t)
	other, err := e.db.CreateQAField(t.Context(), congtin.Actor{User: e.users["qt2"], Role: congtin.RoleAdmin}, e.site2.ID, congtin.QAFieldInput{Name: "Y tế"})
	if err != nil {
		t.Fatal(err)
	}
	stored := func() int {
		_, n, err := e.db.FindQuestions(t.Context(), congtin.QuestionFilter{SiteID: e.site.ID})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	c := e.client("")
	send := func(what string, v url.Values, wait time.Duration, status int, phrase string) *html.Node {
		t.Helper()
		if v.Get("token") == "" && v.Has("token") {
			v.Set("token", c.qaFormToken())
		}
		e.clock.Add(wait)
		r := c.post("/hoi-dap/gui-cau-hoi", v)
		doc := badPage(t, what, r, status, phrase)
		if n := stored(); n != 0 {
			t.Fatalf("%s: %d questions stored", what, n)
		}
		return doc
	}
	mod := func(f func(url.Values)) url.Values {
		v := qaForm("", 0)
		f(v)
		return v
	}
	const wait = 5 * time.Second
	send("honeypot filled", mod(func(v url.Values) { v.Set("website", "http://spam.example") }), wait, 400, "ô ẩn không được để trống")
	doc := send("too fast", mod(func(url.Values) {}), 0, 400, "Bạn gửi quá nhanh")
	if hpVal(hpFirst(doc, hpID("qa-name")), "value") != askerName || hpText(hpFirst(doc, hpID("qa-body"))) != qaBody {
		t.Errorf("the too-fast form lost what was typed")
	}
	send("too old", mod(func(url.Values) {}), 2*time.Hour+time.Minute, 400, "quá 2 giờ")
	send("no token", mod(func(v url.Values) { v.Del("token") }), wait, 400, "Biểu mẫu không hợp lệ")
	send("forged token", mod(func(v url.Values) { v.Set("token", "1.1.1700000000.00112233445566778899aabbccddeeff.AAAA") }), wait, 400, "Biểu mẫu không hợp lệ")
	stranger := e.client("").qaFormToken() // bound to another browser's cookie
	send("another browser's token", mod(func(v url.Values) { v.Set("token", stranger) }), wait, 400, "Biểu mẫu không hợp lệ")
	tok := c.qaFormToken()
	send("tampered token", mod(func(v url.Values) { v.Set("token", strings.Replace(tok, ".1.", ".2.", 1)) }), wait, 400, "Biểu mẫu không hợp lệ")
	send("no contact", mod(func(v url.Values) { v.Del("email"); v.Set("phone", " ") }), wait, 400, "email hoặc số điện thoại")
	send("invalid email", mod(func(v url.Values) { v.Set("email", "khong.quynh@") }), wait, 400, "Địa chỉ email không hợp lệ")
	send("invalid phone", mod(func(v url.Values) { v.Set("phone", "0987-abc") }), wait, 400, "Số điện thoại không hợp lệ")
	send("no title", mod(func(v url.Values) { v.Set("title", "   ") }), wait, 400, "Tiêu đề câu hỏi không được để trống")
	send("over-long question", mod(func(v url.Values) { v.Set("body", strings.Repeat("ơ", 6000)) }), wait, 400, "tối đa 5000 ký tự (đang có 6000)")
	send("over-long name", mod(func(v url.Values) { v.Set("name", strings.Repeat("Nguyễn ", 20)) }), wait, 400, "Họ và tên quá dài")
	doc = send("invalid UTF-8", mod(func(v url.Values) { v.Set("name", "Khổng \xff\xfe Quỳnh"); v.Set("body", qaBody+"\xc3") }), wait, 400, "chứa ký tự không hợp lệ")
	if v := hpVal(hpFirst(doc, hpID("qa-name")), "value"); v != "Khổng \uFFFD Quỳnh" {
		t.Errorf("invalid UTF-8 shown back as %q", v)
	}
	send("NUL byte", mod(func(v url.Values) { v.Set("title", "Học\x00phí") }), wait, 400, "chứa ký tự không hợp lệ")
	send("field of another site", mod(func(v url.Values) { v.Set("field_id", strconv.FormatInt(other.ID, 10)) }), wait, 400, "Lĩnh vực này không còn tồn tại")
	send("field not a number", mod(func(v url.Values) { v.Set("field_id", "1 OR 1=1") }), wait, 400, "Hãy chọn lĩnh vực")
	r := c.do("POST", "/hoi-dap/gui-cau-hoi", strings.NewReader("body="+strings.Repeat("a", 300<<10)), "application/x-www-form-urlencoded")
	badPage(t, "a 300 KB form", r, 400, "quá lớn")

	// A cross-site POST is refused before anything else is read.
	c.hdr.Set("Sec-Fetch-Site", "cross-site")
	c.hdr.Set("Origin", "https://evil.example")
	v := qaForm(c.qaFormToken(), 0)
	e.clock.Add(wait)
	r = c.post("/hoi-dap/gui-cau-hoi", v)
	badPage(t, "cross-site", r, http.StatusForbidden, "đến từ một trang web khác")
	c.hdr.Del("Sec-Fetch-Site")
	c.hdr.Del("Origin")

	// The too-fast form's own token goes through once the time has passed;
	// sent a second time, it is refused.
	tok = c.qaFormToken()
	v = qaForm(tok, 0)
	send("too fast, then", v, 0, 400, "Bạn gửi quá nhanh")
	e.clock.Add(wait)
	if r := c.post("/hoi-dap/gui-cau-hoi", v); r.status != http.StatusSeeOther {
		t.Fatalf("the same form after the minimum time: %d %.300s", r.status, r.body)
	}
	r = c.post("/hoi-dap/gui-cau-hoi", v)
	badPage(t, "the same form twice", r, http.StatusConflict, "đã được gửi rồi")
	if n := stored(); n != 1 {
		t.Fatalf("%d stored, want 1", n)
	}
}

// TestQABadLookups: malformed and unknown codes get clear 4xx pages, and
// a run of lookups from one address is stopped.
func TestQABadLookups(t *testing.T) {
	e := newEnv(t)
	c := e.client("")
	code := c.qaSubmit(qaForm("", 0))
	for _, b := range []struct {
		ma     string
		status int
		phrase string
	}{
		{"abc", 400, "không đúng dạng"},
		{"ABCDE-FGHJK1", 400, "không đúng dạng"},
		{"O0I1O-0I1O0", 400, "không đúng dạng"},
		{"ABCDE-FGHJK", 404, "Không có câu hỏi nào với mã tra cứu này"},
		{"\xff\xfe", 400, "không đúng dạng"},
		{"<script>alert(1)</script>", 400, "không đúng dạng"},
		{strings.Repeat("A", 5000), 400, "không đúng dạng"},
	} {
		r := c.get("/hoi-dap/tra-cuu?ma=" + url.QueryEscape(b.ma))
		doc := badPage(t, "lookup "+b.ma[:min(len(b.ma), 20)], r, b.status, b.phrase)
		if bad := hpUnsafe(doc); len(bad) > 0 {
			t.Fatalf("lookup %q: %v", b.ma, bad)
		}
	}
	if r := c.get("/hoi-dap/da-gui?ma=ABCDE-FGHJK"); r.status != http.StatusNotFound || strings.Contains(r.body, "Cảm ơn") {
		t.Fatalf("a thank-you page for a code never given: %d", r.status)
	}
	// 20 lookups in 10 minutes per address, these included.
	n := 9
	for ; n < 25; n++ {
		r := c.get("/hoi-dap/tra-cuu?ma=" + code)
		if r.status == http.StatusTooManyRequests {
			badPage(t, "lookup flood", r, 429, "tra cứu quá nhiều lần")
			break
		}
		if r.status != http.StatusOK {
			t.Fatalf("lookup %d: %d", n, r.status)
		}
	}
	if n != qaLookupLimitForTest+1 {
		t.Fatalf("the lookup limit struck at lookup %d, want %d", n, qaLookupLimitForTest+1)
	}
	e.clock.Add(10 * time.Minute)
	if st, _ := c.qaState(code); st != "Đã tiếp nhận" {
		t.Fatalf("after the window: %q", st)
	}
}

// qaLookupLimitForTest is the lookups one address may make in 10 minutes.
const qaLookupLimitForTest = 20

// TestQAPermissions: who may do what in the back office's Q&A.
func TestQAPermissions(t *testing.T) {
	e := newEnv(t)
	c := e.client("")
	c.qaSubmit(qaForm("", 0))
	q := e.onlyQuestion()
	path := "/admin/hoi-dap/" + strconv.FormatInt(q.ID, 10)
	edit := url.Values{"title": {"Học phí"}, "body": {q.Body}, "answer": {"<p>Trả lời.</p>"}}

	if r := c.get("/admin/hoi-dap"); r.status != http.StatusSeeOther {
		t.Fatalf("the inbox without signing in: %d", r.status)
	}
	// The sign-in page answers, carrying the answer to save after it.
	if r := c.post(path, edit); r.status != http.StatusUnauthorized || !strings.Contains(r.body, `action="/admin/dang-nhap"`) {
		t.Fatalf("saving without signing in: %d", r.status)
	}
	if r := e.as("qt2").get("/admin/hoi-dap"); r.status != http.StatusForbidden {
		t.Fatalf("another site's administrator: %d", r.status)
	}
	if r := e.as("pv1").post("/admin/hoi-dap-linh-vuc", url.Values{"name": {"Y tế"}}); r.status != http.StatusForbidden {
		t.Fatalf("a reporter adding a field: %d", r.status)
	}
	pv1, pv2 := e.as("pv1"), e.as("pv2")
	if r := pv1.post(path, edit); r.status != http.StatusSeeOther {
		t.Fatalf("pv1 answers: %d", r.status)
	}
	if r := pv2.post(path, edit); r.status != http.StatusForbidden {
		t.Fatalf("pv2 editing pv1's answer: %d", r.status)
	}
	if r := pv1.post(path+"/chuyen", url.Values{"action": {"decline"}}); r.status != http.StatusForbidden {
		t.Fatalf("a reporter declining: %d", r.status)
	}
	if r := pv1.post(path+"/chuyen", url.Values{"action": {"bogus"}}); r.status != http.StatusBadRequest {
		t.Fatalf("an unknown action: %d", r.status)
	}
	btv := e.as("btv")
	if r := btv.post(path+"/chuyen", url.Values{"action": {"decline"}, "comment": {"Trùng câu hỏi đã trả lời"}}); r.status != http.StatusSeeOther {
		t.Fatalf("an editor declining: %d", r.status)
	} else if loc, _ := url.Parse(r.header.Get("Location")); loc.Query().Get("ok") != "Đã đánh dấu câu hỏi là không công bố." {
		t.Fatalf("the confirmation of a refusal: %q", loc.Query().Get("ok"))
	}
	if r := pv1.post(path, edit); r.status != http.StatusForbidden {
		t.Fatalf("a reporter editing a declined question: %d", r.status)
	}
	if r := btv.post("/admin/hoi-dap/999999", edit); r.status != http.StatusNotFound {
		t.Fatalf("a missing question: %d", r.status)
	}
	// Cross-site POSTs are refused in the back office too.
	btv.hdr.Set("Sec-Fetch-Site", "cross-site")
	if r := btv.post(path+"/chuyen", url.Values{"action": {"publish"}}); r.status != http.StatusForbidden {
		t.Fatalf("a cross-site publish: %d", r.status)
	}
	if got, _ := e.db.FindQuestionByID(t.Context(), e.site.ID, q.ID); got.Status != congtin.StatusUnpublished {
		t.Fatalf("status %q after refused requests", got.Status)
	}
	// An answer cannot be sent without text.
	c.qaSubmit(qaForm("", 0))
	qs, _, _ := e.db.FindQuestions(t.Context(), congtin.QuestionFilter{SiteID: e.site.ID, Status: congtin.StatusDraft})
	r := pv2.post("/admin/hoi-dap/"+strconv.FormatInt(qs[0].ID, 10)+"/chuyen", url.Values{"action": {"submit"}})
	badPage(t, "submit without an answer", r, 400, "Hãy viết và lưu câu trả lời")
}

// TestQAFieldsAdmin: the field list, managed by administrators.
func TestQAFieldsAdmin(t *testing.T) {
	e := newEnv(t)
	qtv := e.as("qtv")
	id := e.mustField(qtv, "Giáo dục")
	r := qtv.post("/admin/hoi-dap-linh-vuc", url.Values{"name": {"Giao duc"}})
	badPage(t, "a look-alike name", r, 400, "Đã có lĩnh vực")
	r = qtv.post("/admin/hoi-dap-linh-vuc", url.Values{"name": {"<script>alert(1)</script>"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("a name with markup: %d", r.status)
	}
	if r := qtv.get("/hoi-dap/gui-cau-hoi"); !strings.Contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatalf("the field name is not escaped on the form")
	}
	e.client("").qaSubmit(qaForm("", id))
	r = qtv.post("/admin/hoi-dap-linh-vuc/"+strconv.FormatInt(id, 10)+"/xoa", nil)
	badPage(t, "deleting a field in use", r, http.StatusConflict, "đang có 1 câu hỏi")
	if r := qtv.post("/admin/hoi-dap-linh-vuc/"+strconv.FormatInt(id, 10), url.Values{"name": {"Giáo dục - Đào tạo"}, "position": {"2"}}); r.status != http.StatusSeeOther {
		t.Fatalf("rename: %d", r.status)
	}
	if r := e.client("").get("/hoi-dap?linh-vuc=giao-duc-dao-tao"); r.status != http.StatusOK {
		t.Fatalf("the renamed field's list: %d", r.status)
	}
}
