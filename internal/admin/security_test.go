package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// TestCrossSiteRequestsRefused: a form posted from another site is refused
// and changes nothing, even with a valid session cookie.
func TestCrossSiteRequestsRefused(t *testing.T) {
	e := newEnv(t)
	c := e.as("qtv")
	form := url.Values{"name": {"Chuyên mục giả mạo"}}
	for _, h := range [][2]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "same-site"}} {
		c.hdr.Set(h[0], h[1])
		r := c.post("/admin/chuyen-muc", form)
		c.hdr.Del(h[0])
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "giả mạo") {
			t.Errorf("%s: %s → %d %.200s", h[0], h[1], r.status, r.body)
		}
	}
	cats, _ := e.db.FindCategories(t.Context(), e.site.ID)
	for _, c := range cats {
		if c.Name == "Chuyên mục giả mạo" {
			t.Fatal("a cross-site request created a category")
		}
	}
	// The same request from the site itself goes through.
	c.hdr.Set("Sec-Fetch-Site", "same-origin")
	if r := c.post("/admin/chuyen-muc", form); r.status != http.StatusSeeOther {
		t.Fatalf("same-origin: %d", r.status)
	}
}

// TestSessionCookie: HttpOnly, SameSite, rotated at sign-in, ended at
// sign-out.
func TestSessionCookie(t *testing.T) {
	e := newEnv(t)
	c := e.client("")
	first := c.post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}})
	ck := first.header.Get("Set-Cookie")
	if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Lax") || !strings.HasPrefix(ck, "ct_admin=") {
		t.Fatalf("cookie %q", ck)
	}
	second := c.post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}})
	if second.header.Get("Set-Cookie") == ck {
		t.Fatal("the session was not rotated at sign-in")
	}
	old := strings.TrimPrefix(strings.SplitN(ck, ";", 2)[0], "ct_admin=")
	stale := e.client("")
	stale.hdr.Set("Cookie", "ct_admin="+old)
	if r := stale.get("/admin/"); r.status != http.StatusSeeOther {
		t.Fatalf("the session before rotation still works: %d", r.status)
	}
	if r := c.get("/admin/"); r.status != http.StatusOK {
		t.Fatalf("signed in: %d", r.status)
	}
	c.post("/admin/dang-xuat", nil)
	if r := c.get("/admin/"); r.status != http.StatusSeeOther {
		t.Fatalf("after sign-out: %d", r.status)
	}
	// Secure behind TLS.
	e2 := newEnvTLS(t)
	r := e2.client("").post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}})
	if !strings.Contains(r.header.Get("Set-Cookie"), "Secure") {
		t.Fatalf("TLS cookie %q", r.header.Get("Set-Cookie"))
	}
}

// TestLockout: five wrong passwords lock the account, even against the
// right one, with a clear message; twenty from one address lock the
// address; both lift after the window.
func TestLockout(t *testing.T) {
	e := newEnv(t)
	c := e.client("")
	for i := range 5 {
		r := c.post("/admin/dang-nhap", url.Values{"username": {"pv1"}, "password": {"sai-mat-khau"}})
		if r.status != http.StatusUnauthorized || !strings.Contains(r.body, "không đúng") {
			t.Fatalf("attempt %d: %d", i, r.status)
		}
	}
	r := c.post("/admin/dang-nhap", url.Values{"username": {"pv1"}, "password": {password}})
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "tạm bị khóa 15 phút") || r.header.Get("Set-Cookie") != "" {
		t.Fatalf("locked account: %d %q", r.status, r.header.Get("Set-Cookie"))
	}
	// Another account from the same address is not locked yet.
	if r := c.post("/admin/dang-nhap", url.Values{"username": {"pv2"}, "password": {password}}); r.status != http.StatusSeeOther {
		t.Fatalf("other account: %d", r.status)
	}
	// Twenty failures from one address lock it for every account.
	for i := range 15 {
		c.post("/admin/dang-nhap", url.Values{"username": {fmt.Sprintf("khong-co-%d", i)}, "password": {"x"}})
	}
	if r := e.client("").post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}}); r.status != http.StatusTooManyRequests {
		t.Fatalf("locked address: %d", r.status)
	}
	// The lock lifts after the window.
	e.clock.Add(16 * time.Minute)
	if r := e.client("").post("/admin/dang-nhap", url.Values{"username": {"pv1"}, "password": {password}}); r.status != http.StatusSeeOther {
		t.Fatalf("after the window: %d", r.status)
	}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "login_failed"})
	if len(es) < 20 || es[0].IP == "" {
		t.Fatalf("failed sign-ins in the audit log: %d", len(es))
	}
}

// TestScheduledPublicationAcrossRestart: an article scheduled ahead stays
// hidden everywhere until its time, then appears by itself, also after the
// server restarts in between.
func TestScheduledPublicationAcrossRestart(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusSubmitted)
	at := e.clock.Now().Add(2 * time.Second)
	r := e.as("btv").post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"publish"}, "publish_at": {at.In(congtin.VietnamZone).Format("2006-01-02T15:04:05")}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "h%E1%BA%B9n+gi%E1%BB%9D") {
		t.Fatalf("schedule: %d %s", r.status, r.header.Get("Location"))
	}
	path := a.Path(e.cat.Slug)
	pub := e.client("")
	if r := pub.get(path); r.status != http.StatusNotFound {
		t.Fatalf("before its time: %d", r.status)
	}
	if r := pub.get("/" + e.cat.Slug); strings.Contains(r.body, a.Title) {
		t.Fatal("listed before its time")
	}
	e.restart()
	e.clock.Add(3 * time.Second)
	if r := pub.get(path); r.status != http.StatusOK || !strings.Contains(r.body, a.Title) {
		t.Fatalf("after its time, after a restart: %d", r.status)
	}
	if r := pub.get("/" + e.cat.Slug); !strings.Contains(r.body, a.Title) {
		t.Fatal("not listed after its time")
	}
}

// TestRevisionsAndRestore: every save keeps a revision; the comparison
// shows the change; restoring brings the old text back as a new revision,
// and the audit log records each step.
func TestRevisionsAndRestore(t *testing.T) {
	e := newEnv(t)
	c := e.as("btv")
	a := e.article("pv1", congtin.StatusDraft)
	save := func(body string) {
		r := c.post(fmt.Sprintf("/admin/bai-viet/%d", a.ID), url.Values{"title": {a.Title}, "body": {body}, "category_id": {fmt.Sprint(e.cat.ID)}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("save: %d %.300s", r.status, r.body)
		}
	}
	save("<p>Bản thứ hai: tỉnh đẩy mạnh chuyển hóa địa bàn.</p>")
	save("<p>Bản thứ ba: tỉnh tăng cường chuyển hóa địa bàn.</p>")
	revs, _ := e.db.FindRevisions(t.Context(), e.site.ID, a.ID)
	if len(revs) != 3 {
		t.Fatalf("%d revisions, want 3", len(revs))
	}
	r := c.get(fmt.Sprintf("/admin/bai-viet/%d/phien-ban", a.ID))
	if r.status != http.StatusOK || !strings.Contains(r.body, "<del>đẩy mạnh") || !strings.Contains(r.body, "<ins>tăng cường") {
		t.Fatalf("diff page: %d %.2000s", r.status, r.body)
	}
	r = c.post(fmt.Sprintf("/admin/bai-viet/%d/phien-ban/%d/khoi-phuc", a.ID, revs[1].ID), nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("restore: %d %.300s", r.status, r.body)
	}
	got, _ := e.db.FindArticleByID(t.Context(), e.site.ID, a.ID)
	if !strings.Contains(got.Body, "Bản thứ hai") {
		t.Fatalf("restored body %q", got.Body)
	}
	revs, _ = e.db.FindRevisions(t.Context(), e.site.ID, a.ID)
	if len(revs) != 4 || !strings.Contains(revs[0].Note, "Khôi phục") {
		t.Fatalf("restore did not add a revision: %d %q", len(revs), revs[0].Note)
	}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, ObjectType: "article", ObjectID: a.ID})
	var actions []string
	for _, x := range es {
		actions = append(actions, x.Action)
	}
	if got := strings.Join(actions, ","); got != "article.restore,article.edit,article.edit,article.create" {
		t.Fatalf("audit for the article: %s", got)
	}
	// The audit page shows them, filterable.
	r = e.as("qtv").get("/admin/nhat-ky?action=article.restore")
	if r.status != http.StatusOK || !strings.Contains(r.body, "article.restore") || strings.Contains(r.body, "<code>article.edit</code>") {
		t.Fatalf("audit page: %d", r.status)
	}
}

// TestWorkflowAudit: each workflow step and sign-in leaves an entry with
// who, from where, and on what.
func TestWorkflowAudit(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusDraft)
	pv := e.as("pv1")
	bt := e.as("btv")
	step := func(c *client, action, comment string) {
		t.Helper()
		r := c.post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {action}, "comment": {comment}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("%s: %d %.300s", action, r.status, r.body)
		}
	}
	step(pv, "submit", "")
	// Returning without a comment is refused with a message.
	if r := bt.post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"return"}}); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Hãy ghi ý kiến") {
		t.Fatalf("return without comment: %d", r.status)
	}
	step(bt, "return", "Bổ sung số liệu quý III")
	// The reporter sees the comment.
	if r := pv.get(fmt.Sprintf("/admin/bai-viet/%d", a.ID)); !strings.Contains(r.body, "Bổ sung số liệu quý III") || !strings.Contains(r.body, "Trả lại") {
		t.Fatal("the reporter does not see the editor's comment")
	}
	step(pv, "submit", "")
	step(bt, "publish", "")
	step(bt, "unpublish", "")
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID})
	want := map[string]bool{"login": false, "article.submit": false, "article.return": false, "article.publish": false, "article.unpublish": false}
	for _, x := range es {
		if _, ok := want[x.Action]; ok {
			want[x.Action] = true
			if x.Username == "" || x.IP == "" || x.CreatedAt.IsZero() {
				t.Errorf("entry without who/where/when: %+v", x)
			}
		}
		if x.Action == "article.return" && !strings.Contains(x.Detail, "Bổ sung số liệu") {
			t.Errorf("return entry without the comment: %q", x.Detail)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no %s entry", k)
		}
	}
}

// TestPublishKeepsChosenTime: a time ahead that the writer put in the
// form schedules the article when the editor publishes without another.
func TestPublishKeepsChosenTime(t *testing.T) {
	e := newEnv(t)
	pv := e.as("pv1")
	at := e.clock.Now().Add(48 * time.Hour).In(congtin.VietnamZone)
	r := pv.post("/admin/bai-viet/moi", url.Values{"title": {"Thông báo lịch tiếp công dân"}, "body": {"<p>Nội dung</p>"},
		"category_id": {fmt.Sprint(e.cat.ID)}, "published_at": {at.Format("2006-01-02T15:04:05")}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d", r.status)
	}
	as, _, _ := e.db.FindAdminArticles(t.Context(), congtin.AdminArticleFilter{SiteID: e.site.ID})
	a := as[0]
	pv.post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"submit"}})
	e.as("btv").post(fmt.Sprintf("/admin/bai-viet/%d/chuyen", a.ID), url.Values{"action": {"publish"}})
	got, _ := e.db.FindArticleByID(t.Context(), e.site.ID, a.ID)
	if got.Status != congtin.StatusPublished || !got.PublishedAt.Equal(at) {
		t.Fatalf("published %s at %v, want scheduled at %v", got.Status, got.PublishedAt, at)
	}
	// A draft without a chosen time shows an empty field.
	b := e.article("pv1", congtin.StatusDraft)
	page := pv.get(fmt.Sprintf("/admin/bai-viet/%d", b.ID))
	if strings.Contains(page.body, `name="published_at" type="datetime-local" step="1" value="2`) {
		t.Fatal("a draft's placeholder time is shown as if chosen")
	}
}
