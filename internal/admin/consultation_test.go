package admin_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/storetest"
)

// consultFields is a valid consultation form: open from the test clock's
// start (Monday 2 March 2026, 09:00) for 30 days.
func consultFields() url.Values {
	return url.Values{"number": {"Dự thảo lần 2"}, "title": {"Nghị quyết hỗ trợ nông nghiệp công nghệ cao"},
		"drafter": {"Sở Nông nghiệp và Môi trường"}, "summary": {"Mức hỗ trợ nhà màng"}, "body": {"<p>Điều 1. Phạm vi</p>"},
		"opens_at": {"2026-03-02T08:00"}, "closes_at": {"2026-04-01T17:00"}, "contact": {"Phòng Kế hoạch\n0263 3822 111"}}
}

func (e *env) countConsultations() int {
	e.t.Helper()
	_, n, err := e.db.FindConsultations(e.t.Context(), congtin.ConsultationFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestConsultationFormRefuses: the form refuses, with the field's
// Vietnamese message and nothing saved (never a 500), a period that
// closes before it opens, a missing title or number, an unreadable time,
// and a resulting document that is not in the site's register; a
// reporter's draft cannot be published by its writer.
func TestConsultationFormRefuses(t *testing.T) {
	e := newEnv(t)
	ed := e.as("btv")
	for _, tc := range []struct {
		name, field, value, want string
	}{
		{"closes before opens", "closes_at", "2026-03-01T08:00", "Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến."},
		{"closes when it opens", "closes_at", "2026-03-02T08:00", "Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến."},
		{"no title", "title", "  ", "Tên dự thảo không được để trống."},
		{"no number", "number", "", "Số hiệu dự thảo không được để trống."},
		{"no drafter", "drafter", "", "Cơ quan chủ trì soạn thảo không được để trống."},
		{"bad time", "opens_at", "mai", "Thời điểm bắt đầu không hợp lệ; hãy chọn ngày và giờ."},
		{"unknown document ID", "document", "#987654", "Không có văn bản mã 987654 trong cơ sở dữ liệu văn bản; hãy chọn văn bản khác."},
		{"unknown document number", "document", "99/2026/NQ-HĐND", "Không tìm thấy văn bản số “99/2026/NQ-HĐND”."},
		{"bad document ID", "document", "#abc", "Mã văn bản “#abc” không hợp lệ; hãy ghi #mã hoặc số, ký hiệu văn bản."},
	} {
		f := consultFields()
		f.Set(tc.field, tc.value)
		r := ed.post("/admin/lay-y-kien/moi", f)
		if r.status != http.StatusBadRequest {
			t.Fatalf("%s: status %d, want 400: %.300s", tc.name, r.status, r.body)
		}
		doc := hpParse(t, r.body)
		if !xssHasText(doc, hpClass("span", "field-error"), tc.want) {
			t.Errorf("%s: no field message %q", tc.name, tc.want)
		}
		// What was typed is shown again.
		if tc.field != "document" && tc.value != "" && strings.TrimSpace(tc.value) != "" &&
			!xssHasValue(doc, hpTag("input"), "value", tc.value) {
			t.Errorf("%s: the form lost %q", tc.name, tc.value)
		}
	}
	if n := e.countConsultations(); n != 0 {
		t.Fatalf("refused forms saved %d consultations", n)
	}

	// The resulting document is chosen from the register by its number.
	d := storetest.MustPublishedDocument(t, e.db, congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}, e.site.ID, "15/2026/NQ-HĐND")
	f := consultFields()
	f.Set("document", "15/2026/NQ-HĐND")
	r := ed.post("/admin/lay-y-kien/moi", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d %.300s", r.status, r.body)
	}
	id := consultID(t, r)
	k, err := e.db.FindConsultationByID(t.Context(), e.site.ID, id)
	if err != nil || k.DocumentID != d.ID || !k.OpensAt.Equal(mustVN(t, "2026-03-02T08:00")) {
		t.Fatalf("stored: %+v, %v", k, err)
	}

	// A reporter's own draft: submitted, not published.
	pv := e.as("pv1")
	r = pv.post("/admin/lay-y-kien/moi", consultFields())
	if r.status != http.StatusSeeOther {
		t.Fatalf("reporter creates: %d %.300s", r.status, r.body)
	}
	pid := consultID(t, r)
	step := consultFields()
	step.Set("version", "0")
	step.Set("action", congtin.ActPublish)
	r = pv.post("/admin/lay-y-kien/"+strconv.FormatInt(pid, 10)+"/chuyen", step)
	if r.status == http.StatusSeeOther || r.status == http.StatusOK || r.status >= 500 {
		t.Fatalf("reporter publishes: %d", r.status)
	}
	if k, _ := e.db.FindConsultationByID(t.Context(), e.site.ID, pid); k.Status != congtin.StatusDraft {
		t.Fatalf("reporter's publication went through: %s", k.Status)
	}
	// Another reporter does not even see it.
	if r := e.as("pv2").get("/admin/lay-y-kien/" + strconv.FormatInt(pid, 10)); r.status != http.StatusForbidden {
		t.Fatalf("another reporter opens it: %d", r.status)
	}
	// The editor publishes through the panel.
	r = ed.post("/admin/lay-y-kien/"+strconv.FormatInt(pid, 10)+"/chuyen", url.Values{"action": {congtin.ActPublish}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("editor publishes: %d %.300s", r.status, r.body)
	}
	if k, _ := e.db.FindConsultationByID(t.Context(), e.site.ID, pid); k.Status != congtin.StatusPublished {
		t.Fatalf("after publication: %s", k.Status)
	}
}

// mustVN reads a datetime-local value as Vietnam time.
func mustVN(t *testing.T, v string) (at time.Time) {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02T15:04", v, congtin.VietnamZone)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// TestConsultationShownAsText: HTML and script typed into every field
// are shown as text on every page that shows them (the back office's
// list, form and revisions; the public list, page, print view), never run;
// the draft's text keeps only what the one policy allows; the RSS
// carries them escaped, and the API as plain strings.
func TestConsultationShownAsText(t *testing.T) {
	e := newEnv(t)
	ed := e.as("btv")
	const payload = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`
	f := consultFields()
	for _, k := range []string{"number", "title", "drafter", "summary", "contact"} {
		f.Set(k, k+" "+payload)
	}
	f.Set("body", `<p>Điều 1</p><script>alert(3)</script><img src=x onerror=alert(4)><a href="javascript:alert(5)">x</a>`)
	r := ed.post("/admin/lay-y-kien/moi", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d %.300s", r.status, r.body)
	}
	id := consultID(t, r)
	f.Set("version", "0")
	f.Set("action", congtin.ActPublish)
	if r := ed.post("/admin/lay-y-kien/"+strconv.FormatInt(id, 10)+"/chuyen", f); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", r.status, r.body)
	}
	k, err := e.db.FindConsultationByID(t.Context(), e.site.ID, id)
	if err != nil || strings.Contains(k.Body, "script") || strings.Contains(k.Body, "onerror") || strings.Contains(k.Body, "javascript") {
		t.Fatalf("stored body not sanitized: %q, %v", k.Body, err)
	}
	n := 0
	admin := "/admin/lay-y-kien/" + strconv.FormatInt(id, 10)
	for _, p := range []string{"/admin/lay-y-kien", admin, admin + "/phien-ban", admin + "/phien-ban?xem=1"} {
		xssPage(t, ed, http.StatusOK, p, &n)
	}
	anon := e.client("")
	list := xssPage(t, anon, http.StatusOK, "/lay-y-kien", &n)
	if !xssContainsText(list, hpTag("a"), "title "+payload) {
		t.Error("the public list does not show the title as text")
	}
	page := xssPage(t, anon, http.StatusOK, k.Path(), &n)
	for _, field := range []string{"number", "drafter", "contact", "summary"} {
		if !xssContainsText(page, func(*html.Node) bool { return true }, field+" "+payload) {
			t.Errorf("the page does not show the %s as text", field)
		}
	}
	xssPage(t, anon, http.StatusOK, "/ban-in/lay-y-kien/"+strconv.FormatInt(id, 10), &n)

	// RSS: the description, HTML to a feed reader, holds the payload
	// escaped (as text), never as markup.
	r = anon.get("/rss/lay-y-kien")
	var feed struct {
		Items []struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil || len(feed.Items) != 1 {
		t.Fatalf("feed: %v, %.300s", err, r.body)
	}
	desc := feed.Items[0].Description
	if strings.Contains(desc, "<script") || strings.Contains(desc, "<img") || !strings.Contains(desc, "&lt;script&gt;") {
		t.Errorf("feed description carries markup: %q", desc)
	}
	// API: plain strings, sanitized body.
	r = anon.get("/api/v1/lay-y-kien/" + strconv.FormatInt(id, 10))
	var j struct {
		Title, Status string
		Body          string `json:"body_html"`
		DaysLeft      int    `json:"days_left"`
	}
	if err := json.Unmarshal([]byte(r.body), &j); err != nil || j.Title != "title "+payload || strings.Contains(j.Body, "script") ||
		j.Status != congtin.ConsultOpen || j.DaysLeft != 31 {
		t.Fatalf("API: %+v, %v", j, err)
	}
}

// consultID is the ID a create redirects to.
func consultID(t *testing.T, r *resp) int64 {
	t.Helper()
	loc := r.header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/admin/lay-y-kien/"), 10, 64)
	if err != nil {
		t.Fatalf("location %q", loc)
	}
	return id
}

// TestConsultationPublicPages: a draft is not public (404), a published
// consultation moves from Đang lấy ý kiến to Đã hết hạn as the clock
// passes its close, and to Đã có kết quả once its document is public; an
// unpublished one is gone (410) from the page, the print view and the
// API; the sitemap and the API list follow; bad input to the API is a
// 400 with a Vietnamese message.
func TestConsultationPublicPages(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	ed := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	k, err := e.db.CreateConsultation(ctx, ed, e.site.ID, storetest.ConsultationInput(e.clock.Now().Add(-time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	anon := e.client("")
	if r := anon.get(k.Path()); r.status != http.StatusNotFound {
		t.Fatalf("a draft's page: %d", r.status)
	}
	if _, err := e.db.TransitionConsultation(ctx, ed, e.site.ID, k.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	group := func(id string) []string {
		t.Helper()
		doc := hpParse(t, anon.get("/lay-y-kien").body)
		sec := hpFirst(doc, func(n *html.Node) bool { return n.Data == "section" && hpVal(n, "aria-labelledby") == id })
		if sec == nil {
			t.Fatalf("no group %s", id)
		}
		var out []string
		for _, li := range hpAll(sec, hpClass("li", "consult-item")) {
			out = append(out, strings.Join(strings.Fields(hpText(li)), " "))
		}
		return out
	}
	if g := group("dang-lay-y-kien"); len(g) != 1 || !strings.Contains(g[0], "còn 31 ngày") {
		t.Fatalf("open group: %q", g)
	}
	if r := anon.get("/lay-y-kien/sai-duong-dan-" + strconv.FormatInt(k.ID, 10)); r.status != http.StatusMovedPermanently || r.header.Get("Location") != k.Path() {
		t.Fatalf("an old slug: %d %s", r.status, r.header.Get("Location"))
	}
	e.clock.Add(31 * 24 * time.Hour)
	if g, open := group("da-het-han"), group("dang-lay-y-kien"); len(g) != 1 || len(open) != 0 || !strings.Contains(g[0], "Đã hết hạn") {
		t.Fatalf("after the close: closed %q, open %q", g, open)
	}
	d := storetest.MustPublishedDocument(t, e.db, ed, e.site.ID, "15/2026/NQ-HĐND")
	in := storetest.ConsultationInput(k.OpensAt)
	in.DocumentID = d.ID
	if _, err := e.db.UpdateConsultation(ctx, ed, e.site.ID, k.ID, in); err != nil {
		t.Fatal(err)
	}
	if g := group("da-co-ket-qua"); len(g) != 1 {
		t.Fatalf("result group: %q", g)
	}
	if !hasLink(t, anon.get(k.Path()).body, d.Path()) {
		t.Error("the page does not link to the issued document")
	}
	if r := anon.get("/sitemap/lay-y-kien.xml"); !strings.Contains(r.body, k.Path()+"</loc>") {
		t.Errorf("sitemap: %.300s", r.body)
	}
	r := anon.get("/api/v1/lay-y-kien?trang-thai=result")
	var list struct {
		Total   int
		Results []struct {
			ID       int64
			Document struct{ ID int64 }
		}
	}
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || list.Total != 1 || list.Results[0].Document.ID != d.ID {
		t.Fatalf("API list: %v %.300s", err, r.body)
	}
	if r := anon.get("/api/v1/lay-y-kien?trang-thai=mo"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Trạng thái không hợp lệ") {
		t.Fatalf("API bad state: %d %.200s", r.status, r.body)
	}
	if _, err := e.db.TransitionConsultation(ctx, ed, e.site.ID, k.ID, congtin.ActUnpublish, "Gỡ"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{k.Path(), "/ban-in/lay-y-kien/" + strconv.FormatInt(k.ID, 10), "/api/v1/lay-y-kien/" + strconv.FormatInt(k.ID, 10)} {
		if r := anon.get(p); r.status != http.StatusGone {
			t.Errorf("%s after unpublishing: %d", p, r.status)
		}
	}
	for _, p := range []string{"/lay-y-kien/abc", "/lay-y-kien/x-999999", "/ban-in/lay-y-kien/0", "/api/v1/lay-y-kien/abc"} {
		if r := anon.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d", p, r.status)
		}
	}
}

// TestConsultationAttachments: the form takes the draft's files through
// the documents register's handling: an executable renamed .pdf is
// refused with the file's name and nothing is saved (no row, no file in
// the store); a real PDF is stored, listed, served to the staff, and,
// once published, downloaded from the public page; removing it takes it
// off the page.
func TestConsultationAttachments(t *testing.T) {
	e := newEnv(t)
	ed := e.as("btv")
	post := func(path string, f url.Values, files ...attachment) *resp {
		body, ctype := documentForm(t, f, files...)
		return ed.do("POST", path, body, ctype)
	}
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0}, 500)...)
	before := e.readFiles()
	r := post("/admin/lay-y-kien/moi", consultFields(), attachment{"du-thao.pdf", "application/pdf", exe})
	if r.status != http.StatusBadRequest {
		t.Fatalf("executable: %d %.300s", r.status, r.body)
	}
	if doc := hpParse(t, r.body); !xssContainsText(doc, hpClass("span", "field-error"), "du-thao.pdf") {
		t.Errorf("the refusal does not name the file")
	}
	if n := e.countConsultations(); n != 0 || e.readFiles() != before {
		t.Fatalf("a refused executable saved %d consultations, %d files", n, e.readFiles()-before)
	}

	pdf := docfiletest.PDF("Du thao nghi quyet", "greenhouse zebrafinch")
	r = post("/admin/lay-y-kien/moi", consultFields(), attachment{"du-thao.pdf", "application/pdf", pdf})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create with a PDF: %d %.300s", r.status, r.body)
	}
	id := consultID(t, r)
	k, err := e.db.FindConsultationByID(t.Context(), e.site.ID, id)
	if err != nil || len(k.Files) != 1 || k.Files[0].Kind != congtin.FilePDF || k.Files[0].Size != int64(len(pdf)) {
		t.Fatalf("stored: %+v, %v", k, err)
	}
	fileURL := "/lay-y-kien/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(k.Files[0].ID, 10)
	anon := e.client("")
	if r := anon.get(fileURL); r.status != http.StatusNotFound {
		t.Fatalf("a draft's file is public: %d", r.status)
	}
	if r := ed.get("/admin" + fileURL); r.status != http.StatusOK || r.body != string(pdf) {
		t.Fatalf("the staff's download: %d", r.status)
	}
	f := consultFields()
	f.Set("version", "0")
	f.Set("action", congtin.ActPublish)
	body, ctype := documentForm(t, f)
	if r := ed.do("POST", "/admin/lay-y-kien/"+strconv.FormatInt(id, 10), body, ctype); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", r.status, r.body)
	}
	k, _ = e.db.FindConsultationByID(t.Context(), e.site.ID, id)
	if !hasLink(t, anon.get(k.Path()).body, fileURL) {
		t.Fatal("the public page does not link to the file")
	}
	r = anon.get(fileURL)
	if r.status != http.StatusOK || r.body != string(pdf) || r.header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("download: %d %q %q", r.status, r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
	}
	// Removed: no longer on the page, nor served.
	f = consultFields()
	f.Set("version", strconv.FormatInt(k.Version, 10))
	f.Set("remove_file", strconv.FormatInt(k.Files[0].ID, 10))
	body, ctype = documentForm(t, f)
	if r := ed.do("POST", "/admin/lay-y-kien/"+strconv.FormatInt(id, 10), body, ctype); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d %.300s", r.status, r.body)
	}
	if r := anon.get(fileURL); r.status != http.StatusNotFound {
		t.Fatalf("a removed file is still served: %d", r.status)
	}
}
