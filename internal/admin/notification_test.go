package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// oneLine is a node's text with its spaces folded.
func oneLine(n *html.Node) string { return strings.Join(strings.Fields(hpText(n)), " ") }

// headerCount is the header's notifications link, as a screen reader
// reads it ("Thông báo 2 chưa đọc").
func headerCount(t *testing.T, r *resp) string {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %.300s", r.status, r.body)
	}
	a := hpFirst(hpParse(t, r.body), hpClass("a", "notify-link"))
	if a == nil {
		t.Fatal("no notifications link in the header")
	}
	if href := hpVal(a, "href"); href != "/admin/thong-bao" {
		t.Errorf("the link goes to %q", href)
	}
	return oneLine(a)
}

// notices is the notifications page's list: each item's text, "*" before
// the unread ones.
func notices(t *testing.T, c *client, path string) []string {
	t.Helper()
	r := c.get(path)
	if r.status != http.StatusOK {
		t.Fatalf("%s: %d %.300s", path, r.status, r.body)
	}
	var out []string
	for _, li := range hpAll(hpParse(t, r.body), hpClass("li", "notice-item")) {
		s := oneLine(hpFirst(li, hpClass("p", "notice-text")))
		if c := hpFirst(li, hpClass("p", "notice-comment")); c != nil {
			s += " / " + oneLine(c)
		}
		if strings.Contains(hpVal(li, "class"), "unread") {
			s = "*" + strings.TrimPrefix(s, "Chưa đọc: ")
		}
		out = append(out, s)
	}
	return out
}

// noticeIDs are the IDs of the page's "Mở" forms, in order.
func noticeIDs(t *testing.T, body string) []string {
	t.Helper()
	var ids []string
	for _, f := range hpAll(hpParse(t, body), hpTag("form")) {
		if a := hpVal(f, "action"); strings.HasPrefix(a, "/admin/thong-bao/") && a != "/admin/thong-bao/da-doc" && a != "/admin/thong-bao/e-mail" {
			ids = append(ids, strings.TrimPrefix(a, "/admin/thong-bao/"))
		}
	}
	return ids
}

func step(t *testing.T, c *client, id int64, act, comment string) *resp {
	t.Helper()
	return c.post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", id), url.Values{"action": {act}, "comment": {comment}})
}

// TestNotificationsInTheBackOffice: the header counts a user's unread
// notifications; the page lists them with the comment, opens one (which
// marks it read) and marks them all read; the writer hears of a return
// and a publication, the editors of a submission.
func TestNotificationsInTheBackOffice(t *testing.T) {
	e := newEnv(t)
	pv, btv, qtv := e.as("pv1"), e.as("btv"), e.as("qtv")
	if got := headerCount(t, btv.get("/admin/")); got != "Thông báo" {
		t.Errorf("with nothing unread the header says %q", got)
	}
	a := e.article("pv1", congtin.StatusDraft)
	if r := step(t, pv, a.ID, congtin.ActSubmit, "Nhờ duyệt giúp"); r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d", r.status)
	}
	for _, c := range []*client{btv, qtv} {
		if got := headerCount(t, c.get("/admin/")); got != "Thông báo 1 chưa đọc" {
			t.Errorf("the header says %q, want one unread", got)
		}
	}
	got := notices(t, btv, "/admin/thong-bao")
	if len(got) != 1 || got[0] != "*Người pv1 đã gửi duyệt bài viết “Bài của pv1”. / Ý kiến: Nhờ duyệt giúp" {
		t.Fatalf("the editor's notifications: %q", got)
	}
	r := btv.get("/admin/thong-bao")
	ids := noticeIDs(t, r.body)
	if len(ids) != 1 {
		t.Fatalf("open forms %q", ids)
	}
	// Opening it marks it read and goes to the article.
	r = btv.post("/admin/thong-bao/"+ids[0], nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != fmt.Sprintf("/admin/bai-viet/%d", a.ID) {
		t.Fatalf("open: %d → %q", r.status, r.header.Get("Location"))
	}
	if got := headerCount(t, btv.get("/admin/")); got != "Thông báo" {
		t.Errorf("after opening, the header says %q", got)
	}
	if got := notices(t, btv, "/admin/thong-bao?chua-doc=1"); len(got) != 0 {
		t.Errorf("unread after opening: %q", got)
	}
	if got := notices(t, btv, "/admin/thong-bao"); len(got) != 1 || strings.HasPrefix(got[0], "*") {
		t.Errorf("after opening: %q", got)
	}
	// Read, it links to the article straight.
	if !hasLink(t, btv.get("/admin/thong-bao").body, fmt.Sprintf("/admin/bai-viet/%d", a.ID)) {
		t.Error("a read notification does not link to its article")
	}
	// Another's notification cannot be opened.
	if r := pv.post("/admin/thong-bao/"+ids[0], nil); r.status != http.StatusNotFound {
		t.Errorf("another's notification: %d", r.status)
	}

	// The editor returns it: the reporter reads why.
	if r := step(t, btv, a.ID, congtin.ActReturn, "Bổ sung số liệu <b>cụ thể</b>"); r.status != http.StatusSeeOther {
		t.Fatalf("return: %d", r.status)
	}
	got = notices(t, pv, "/admin/thong-bao")
	if len(got) != 1 || got[0] != "*Người btv đã trả lại bài viết “Bài của pv1”. / Ý kiến: Bổ sung số liệu <b>cụ thể</b>" {
		t.Fatalf("the reporter's notifications: %q", got)
	}
	// The other editor's notice of the submission was handled.
	if got := headerCount(t, qtv.get("/admin/")); got != "Thông báo" {
		t.Errorf("the administrator's header after the return: %q", got)
	}
	step(t, pv, a.ID, congtin.ActSubmit, "")
	step(t, btv, a.ID, congtin.ActPublish, "")
	if got := headerCount(t, pv.get("/admin/")); got != "Thông báo 1 chưa đọc" {
		t.Errorf("the reporter's header: %q", got)
	}
	// Mark all read.
	r = pv.post("/admin/thong-bao/da-doc", nil)
	if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "ok=") {
		t.Fatalf("mark all read: %d %q", r.status, r.header.Get("Location"))
	}
	if got := notices(t, pv, "/admin/thong-bao"); len(got) != 2 || strings.HasPrefix(got[0], "*") || got[0] != "Người btv đã xuất bản bài viết “Bài của pv1”." {
		t.Errorf("after marking all read: %q", got)
	}
	// Another site's back office shows none of this one's.
	if r := e.client("so.example").login("qt2").get("/admin/thong-bao"); r.status != http.StatusOK || strings.Contains(r.body, "Bài của pv1") {
		t.Errorf("the other site: %d", r.status)
	}
}

// TestNotificationsBadInput: what the notifications' forms refuse, with
// a Vietnamese message, marking nothing.
func TestNotificationsBadInput(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	a := e.article("pv1", congtin.StatusDraft)
	step(t, pv, a.ID, congtin.ActSubmit, "")
	for _, c := range []struct {
		what, path string
		form       url.Values
		status     int
		phrase     string
	}{
		{"an ID that is no number", "/admin/thong-bao/da-doc", url.Values{"id": {"abc"}}, 400, "Thông báo không hợp lệ"},
		{"a negative ID", "/admin/thong-bao/da-doc", url.Values{"id": {"-3"}}, 400, "Thông báo không hợp lệ"},
		{"too many IDs", "/admin/thong-bao/da-doc", url.Values{"id": strings.Fields(strings.Repeat("1 ", 31))}, 400, "quá nhiều"},
		{"open: no number", "/admin/thong-bao/abc", nil, 404, "Không tìm thấy thông báo"},
		{"open: none such", "/admin/thong-bao/99999", nil, 404, "Không tìm thấy thông báo"},
		{"e-mail without a mail server", "/admin/thong-bao/e-mail", url.Values{"email": {"btv@anphu.gov.vn"}, "email_on": {"1"}}, 409, "chưa được cấu hình"},
	} {
		badPage(t, c.what, btv.post(c.path, c.form), c.status, c.phrase)
	}
	if got := headerCount(t, btv.get("/admin/")); got != "Thông báo 1 chưa đọc" {
		t.Errorf("after refused requests: %q", got)
	}
	if r := btv.get("/admin/thong-bao?trang=0"); r.status != http.StatusBadRequest {
		t.Errorf("page 0: %d", r.status)
	}
	// Without a mail server the page says so and offers no form.
	r := btv.get("/admin/thong-bao")
	if !strings.Contains(r.body, "chưa được cấu hình để gửi e-mail") || strings.Contains(r.body, `action="/admin/thong-bao/e-mail"`) {
		t.Error("without a mail server the page offers e-mails")
	}
	// Marking read is a POST across sites' protections too.
	cross := e.as("btv")
	cross.hdr.Set("Sec-Fetch-Site", "cross-site")
	if r := cross.post("/admin/thong-bao/da-doc", nil); r.status != http.StatusForbidden {
		t.Errorf("a cross-site POST: %d", r.status)
	}
	if got := headerCount(t, btv.get("/admin/")); got != "Thông báo 1 chưa đọc" {
		t.Errorf("after a cross-site POST: %q", got)
	}
}

// TestNotifyPrefsForm: with a mail server, a user gives their address
// and asks for e-mails; a bad address is refused beside the field, with
// what was typed.
func TestNotifyPrefsForm(t *testing.T) {
	e := newEnv(t)
	e.mail = true
	e.restart()
	pv := e.as("pv1")
	r := pv.get("/admin/thong-bao")
	if !strings.Contains(r.body, `action="/admin/thong-bao/e-mail"`) {
		t.Fatal("no e-mail form with a mail server")
	}
	for _, c := range []struct {
		email, on, phrase string
	}{
		{"", "1", "Hãy nhập địa chỉ e-mail"},
		{"phongvien", "1", "Địa chỉ e-mail không hợp lệ"},
		{"pv@anphu.gov.vn\r\nBcc: x@y.vn", "1", "Địa chỉ e-mail không hợp lệ"},
		{"Tên <pv@anphu.gov.vn>", "", "Địa chỉ e-mail không hợp lệ"},
		{"sai\xffmã@anphu.gov.vn", "1", "Địa chỉ e-mail không hợp lệ"},
	} {
		doc := badPage(t, "e-mail "+c.email, pv.post("/admin/thong-bao/e-mail", url.Values{"email": {c.email}, "email_on": {c.on}}), 400, c.phrase)
		in := hpFirst(doc, hpID("email"))
		// (An HTML parser reads a line break in an attribute as \n.)
		typed := strings.ReplaceAll(strings.ToValidUTF8(strings.TrimSpace(c.email), "\uFFFD"), "\r\n", "\n")
		if hpVal(in, "aria-invalid") != "true" || hpVal(in, "value") != typed {
			t.Errorf("%q: the field is %q, aria-invalid %q", c.email, hpVal(in, "value"), hpVal(in, "aria-invalid"))
		}
	}
	if p, _ := e.db.FindNotifyPrefs(t.Context(), e.users["pv1"].ID); p.Email != "" || p.EmailOn {
		t.Fatalf("refused forms saved %+v", p)
	}
	r = pv.post("/admin/thong-bao/e-mail", url.Values{"email": {" pv@anphu.gov.vn "}, "email_on": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", r.status, r.body)
	}
	if p, _ := e.db.FindNotifyPrefs(t.Context(), e.users["pv1"].ID); p.Email != "pv@anphu.gov.vn" || !p.EmailOn {
		t.Errorf("saved %+v", p)
	}
	doc := hpParse(t, pv.get(r.header.Get("Location")).body)
	if f := hpFirst(doc, hpClass("p", "flash")); f == nil || !strings.Contains(hpText(f), "e-mail của bạn") {
		t.Errorf("no confirmation")
	}
	if in := hpFirst(doc, hpID("email")); hpVal(in, "value") != "pv@anphu.gov.vn" {
		t.Errorf("the form shows %q", hpVal(in, "value"))
	}
	if cb := hpFirst(doc, func(n *html.Node) bool { return hpVal(n, "name") == "email_on" }); cb == nil {
		t.Error("no checkbox")
	} else if _, on := hpAttr(cb, "checked"); !on {
		t.Error("the checkbox is not checked")
	}
}

// TestAuditForEditors: editors read their site's audit log, named in
// Vietnamese, filtered by item from the item's page; reporters do not.
func TestAuditForEditors(t *testing.T) {
	e := newEnv(t)
	btv := e.as("btv")
	a := e.article("pv1", congtin.StatusPublished)
	b := e.article("pv2", congtin.StatusDraft)
	r := btv.get("/admin/nhat-ky")
	if r.status != http.StatusOK {
		t.Fatalf("the editor's audit log: %d", r.status)
	}
	doc := hpParse(t, r.body)
	var actions []string
	for _, tr := range hpAll(doc, hpTag("tr")) {
		if tds := hpAll(tr, hpTag("td")); len(tds) == 6 {
			actions = append(actions, oneLine(tds[3]))
		}
	}
	all := strings.Join(actions, ",")
	for _, want := range []string{"Tạo bài viết", "Gửi duyệt bài viết", "Xuất bản bài viết"} {
		if !strings.Contains(all, want) {
			t.Errorf("the log does not say %q: %s", want, all)
		}
	}
	if strings.Contains(all, "article.") {
		t.Errorf("English codes in the log: %s", all)
	}
	// The action filter's choices are Vietnamese too.
	sel := hpFirst(doc, hpID("action"))
	if opts := oneLine(sel); !strings.Contains(opts, "Xuất bản bài viết") || strings.Contains(opts, "article.publish") {
		t.Errorf("the action filter: %s", opts)
	}
	// The menu links to it for editors, not for reporters.
	if !hasLink(t, r.body, "/admin/nhat-ky") || hasLink(t, e.as("pv1").get("/admin/").body, "/admin/nhat-ky") {
		t.Error("the menu's link to the log")
	}
	if r := e.as("pv1").get("/admin/nhat-ky"); r.status != http.StatusForbidden {
		t.Errorf("a reporter: %d", r.status)
	}

	// From the article's page, its own log.
	page := btv.get(fmt.Sprintf("/admin/bai-viet/%d", a.ID)).body
	own := fmt.Sprintf("/admin/nhat-ky?loai=article&ma=%d", a.ID)
	if !hasLink(t, page, own) || !strings.Contains(page, "Nhật ký của bài này") {
		t.Fatalf("the article's page does not link to its log")
	}
	if hasLink(t, e.as("pv1").get(fmt.Sprintf("/admin/bai-viet/%d", a.ID)).body, own) {
		t.Error("the reporter is shown a link to the log")
	}
	r = btv.get(own)
	doc = hpParse(t, r.body)
	if n := hpFirst(doc, hpClass("p", "notice")); n == nil || !strings.Contains(hpText(n), fmt.Sprintf("bài viết #%d", a.ID)) {
		t.Errorf("the page does not say whose log it is")
	}
	rows := 0
	for _, tr := range hpAll(doc, hpTag("tr")) {
		if tds := hpAll(tr, hpTag("td")); len(tds) == 6 {
			rows++
			if obj := oneLine(tds[4]); obj != fmt.Sprintf("Bài viết #%d", a.ID) {
				t.Errorf("an entry of %q", obj)
			}
			if !hasLink(t, r.body, fmt.Sprintf("/admin/bai-viet/%d", a.ID)) {
				t.Error("the entries do not link to the article")
			}
		}
	}
	if rows != 3 { // create, submit, publish
		t.Errorf("%d entries of the article, want 3", rows)
	}
	// The filter form keeps the item.
	if hidden := hpFirst(doc, func(n *html.Node) bool { return hpVal(n, "name") == "ma" }); hpVal(hidden, "value") != fmt.Sprint(a.ID) {
		t.Error("the filter form forgets the item")
	}
	if strings.Contains(r.body, fmt.Sprintf("Bài viết #%d", b.ID)) {
		t.Error("another article's entries")
	}
	// A schedule week's log.
	week := congtin.WeekOf(e.clock.Now())
	if _, err := e.db.CreateScheduleEntry(t.Context(), congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}, e.site.ID,
		congtin.ScheduleInput{Start: week.Monday().Add(8 * time.Hour), Content: "Giao ban đầu tuần"}); err != nil {
		t.Fatal(err)
	}
	sched := btv.get("/admin/lich-cong-tac?tuan=" + week.String()).body
	weekLog := "/admin/nhat-ky?loai=schedule_week&tuan=" + url.QueryEscape(week.String())
	if !hasLink(t, sched, weekLog) {
		t.Errorf("the week's page does not link to %s", weekLog)
	}
	if r := btv.get(weekLog); r.status != http.StatusOK || !strings.Contains(r.body, "Thêm mục lịch công tác") || !strings.Contains(r.body, "Giao ban đầu tuần") {
		t.Errorf("the week's log: %d", r.status)
	}

	for _, c := range []struct{ path, phrase string }{
		{"/admin/nhat-ky?loai=bogus&ma=1", "Loại nội dung không hợp lệ"},
		{"/admin/nhat-ky?loai=article&ma=abc", "Mã nội dung không hợp lệ"},
		{"/admin/nhat-ky?loai=article", "Mã nội dung không hợp lệ"},
		{"/admin/nhat-ky?loai=schedule_week&tuan=tuần-này", "tuần"},
	} {
		badPage(t, c.path, btv.get(c.path), http.StatusBadRequest, c.phrase)
	}
}

// TestWithdrawAndComment: the panel offers a reporter Rút lại on what
// waits for approval, and editors Gửi ý kiến, which needs words.
func TestWithdrawAndComment(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	a := e.article("pv1", congtin.StatusSubmitted)
	buttons := func(c *client) string {
		var out []string
		for _, b := range hpAll(hpParse(t, c.get(fmt.Sprintf("/admin/bai-viet/%d", a.ID)).body), func(n *html.Node) bool {
			return n.Data == "button" && hpVal(n, "name") == "action"
		}) {
			out = append(out, hpVal(b, "value")+"="+oneLine(b))
		}
		return strings.Join(out, ",")
	}
	if got := buttons(pv); got != "withdraw=Rút lại" {
		t.Errorf("the reporter's steps: %s", got)
	}
	if got := buttons(btv); got != "return=Trả lại,publish=Xuất bản,comment=Gửi ý kiến" {
		t.Errorf("the editor's steps: %s", got)
	}
	badPage(t, "an empty comment", step(t, btv, a.ID, congtin.ActComment, " "), http.StatusBadRequest, "Hãy nhập ý kiến")
	r := step(t, btv, a.ID, congtin.ActComment, "Tít dài quá")
	if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), url.QueryEscape("Đã gửi ý kiến")) {
		t.Fatalf("comment: %d %q", r.status, r.header.Get("Location"))
	}
	page := pv.get(fmt.Sprintf("/admin/bai-viet/%d", a.ID)).body
	if !strings.Contains(oneLine(hpFirst(hpParse(t, page), hpClass("section", "notes"))), "Người btv: gửi ý kiến Tít dài quá") {
		t.Errorf("the history: %s", oneLine(hpFirst(hpParse(t, page), hpClass("section", "notes"))))
	}
	r = step(t, pv, a.ID, congtin.ActWithdraw, "")
	if r.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.status)
	}
	loc, _ := url.Parse(r.header.Get("Location"))
	flash := loc.Query().Get("ok")
	if flash != "Đã rút lại bài; trạng thái trở về “Nháp” để bạn sửa tiếp." {
		t.Errorf("flash %q", flash)
	}
	if got, _ := e.db.FindArticleByID(t.Context(), e.site.ID, a.ID); got.Status != congtin.StatusDraft {
		t.Errorf("status %s", got.Status)
	}
	// Withdrawn, it may be changed and sent again; not withdrawn twice.
	badPage(t, "withdraw twice", step(t, pv, a.ID, congtin.ActWithdraw, ""), http.StatusForbidden, "không có quyền")
}

// TestCategorySelectTree: the article form's categories are in menu
// order, each under its parent, indented, hidden ones marked.
func TestCategorySelectTree(t *testing.T) {
	e := newEnv(t)
	sys := congtin.SystemActor("test")
	ctx := t.Context()
	z, err := e.db.CreateCategory(ctx, sys, e.site.ID, congtin.CategoryInput{Name: "Xã hội", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreateCategory(ctx, sys, e.site.ID, congtin.CategoryInput{Name: "Giáo dục", ParentID: z.ID, Hidden: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreateCategory(ctx, sys, e.site.ID, congtin.CategoryInput{Name: "Con của Tin tức", ParentID: e.cat.ID, Position: 5}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range hpAll(hpParse(t, e.as("pv1").get("/admin/bai-viet/moi").body), hpTag("option")) {
		if o.Parent != nil && hpVal(o.Parent, "id") == "category_id" && hpVal(o, "value") != "" {
			got = append(got, strings.ReplaceAll(hpText(o), "\u00a0", "_"))
		}
	}
	want := "Tin tức|___– Con của Tin tức|Xã hội|___– Giáo dục (ẩn)"
	if strings.Join(got, "|") != want {
		t.Errorf("categories %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestAPIWithdrawAndComment: the JSON API offers the new steps under the
// same rules: the writer withdraws while it waits, nobody else; an
// editor comments, with a comment.
func TestAPIWithdrawAndComment(t *testing.T) {
	e := newEnv(t)
	api := func(name string) *client {
		c := e.client("")
		c.hdr.Set("Authorization", "Bearer "+e.token(name))
		return c
	}
	a := e.article("pv1", congtin.StatusSubmitted)
	withdraw := fmt.Sprintf("/api/v1/admin/articles/%d/withdraw", a.ID)
	comment := fmt.Sprintf("/api/v1/admin/articles/%d/comment", a.ID)
	if r := api("pv2").postJSON(withdraw, map[string]string{}); r.status != http.StatusForbidden {
		t.Errorf("another reporter withdraws: %d %s", r.status, r.body)
	}
	if r := api("pv1").postJSON(comment, map[string]string{"comment": "Tự góp ý"}); r.status != http.StatusForbidden {
		t.Errorf("a reporter comments: %d %s", r.status, r.body)
	}
	if r := api("btv").postJSON(comment, map[string]string{"comment": "  "}); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Hãy nhập ý kiến") {
		t.Errorf("an empty comment: %d %s", r.status, r.body)
	}
	if r := api("btv").postJSON(comment, map[string]string{"comment": "Thiếu nguồn ảnh"}); r.status != http.StatusOK || !strings.Contains(r.body, `"status": "submitted"`) {
		t.Errorf("an editor comments: %d %s", r.status, r.body)
	}
	if r := api("pv1").postJSON(withdraw, map[string]string{}); r.status != http.StatusOK || !strings.Contains(r.body, `"status": "draft"`) {
		t.Errorf("the writer withdraws: %d %s", r.status, r.body)
	}
	if r := api("pv1").postJSON(withdraw, map[string]string{}); r.status != http.StatusForbidden {
		t.Errorf("withdrawn twice: %d %s", r.status, r.body)
	}
}
