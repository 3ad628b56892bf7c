package app_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// testClock is a settable time for the store.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newsDesk is a site with a reporter, two editors, an administrator and a
// disabled editor, and the service on a clock.
type newsDesk struct {
	a                   *app.App
	clock               *testClock
	site                *congtin.Site
	rep, ed, ed2, admin congtin.Actor
	gone                congtin.Actor // a disabled editor
	cat                 *congtin.Category
}

func newDesk(t *testing.T) *newsDesk {
	t.Helper()
	d := &newsDesk{a: mustOpen(t), clock: &testClock{t: clockStart}}
	d.a.SetNow(d.clock.Now)
	d.site = storetest.MustSite(t, d.a)
	d.rep, d.ed, d.cat = storetest.MustDesk(t, d.a, d.site.ID, "Tin tức")
	d.ed2 = storetest.MustUser(t, d.a, d.site.ID, "bientap2", congtin.RoleEditor)
	d.admin = storetest.MustUser(t, d.a, d.site.ID, "quantri", congtin.RoleAdmin)
	d.gone = storetest.MustUser(t, d.a, d.site.ID, "danghi", congtin.RoleEditor)
	if err := d.a.SetDisabled(t.Context(), d.gone.User.ID, true); err != nil {
		t.Fatal(err)
	}
	return d
}

func (d *newsDesk) article(t *testing.T, title string) *congtin.Article {
	t.Helper()
	return storetest.MustCreateArticle(t, d.a, d.rep, d.site.ID, congtin.ArticleInput{CategoryID: d.cat.ID, Title: title, Body: "<p>Nội dung</p>"})
}

func (d *newsDesk) step(t *testing.T, who congtin.Actor, id int64, act, comment string, at time.Time) {
	t.Helper()
	if act == congtin.ActComment {
		if _, err := d.a.TransitionArticle(t.Context(), who, d.site.ID, id, act, comment, at); err != nil {
			t.Fatalf("comment on article %d: %v", id, err)
		}
		return
	}
	storetest.MustTransition(t, d.a, who, d.site.ID, id, act, comment, at)
}

// notices lists what a user is shown: "action: text".
func (d *newsDesk) notices(t *testing.T, who congtin.Actor, unread bool) []string {
	t.Helper()
	ns, total, err := d.a.FindNotifications(t.Context(), congtin.NotificationFilter{SiteID: d.site.ID, UserID: who.User.ID, Unread: unread})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(ns) {
		t.Fatalf("total %d for %d notifications", total, len(ns))
	}
	n, err := d.a.CountUnread(t.Context(), d.site.ID, who.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	unreadSeen := 0
	for _, x := range ns {
		out = append(out, x.Action+": "+x.Text())
		if x.Unread() {
			unreadSeen++
		}
	}
	if unread && unreadSeen != len(ns) || !unread && n != unreadSeen {
		t.Fatalf("CountUnread %d, %d unread among %v", n, unreadSeen, out)
	}
	return out
}

func wantNotices(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("notifications:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNotifyWorkflow follows an article: the editors are told of its
// submission, its writer of its return (with the comment), of a comment,
// of its publication; a step marks its actor's notices about it read and
// a handled submission the other editors'; nobody is told of their own
// step, and a disabled editor is not told at all.
func TestNotifyWorkflow(t *testing.T) {
	d := newDesk(t)
	art := d.article(t, "Hội nghị tỉnh")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "Nhờ anh chị duyệt", time.Time{})
	for _, ed := range []congtin.Actor{d.ed, d.ed2, d.admin} {
		wantNotices(t, d.notices(t, ed, true), "submit: Người phongvien đã gửi duyệt bài viết “Hội nghị tỉnh”.")
	}
	wantNotices(t, d.notices(t, d.gone, false))
	wantNotices(t, d.notices(t, d.rep, false))

	d.clock.Add(time.Minute)
	d.step(t, d.ed, art.ID, congtin.ActReturn, "Bổ sung số liệu", time.Time{})
	wantNotices(t, d.notices(t, d.rep, true), "return: Người bientap đã trả lại bài viết “Hội nghị tỉnh”.")
	ns, _, _ := d.a.FindNotifications(t.Context(), congtin.NotificationFilter{SiteID: d.site.ID, UserID: d.rep.User.ID})
	if ns[0].Comment != "Bổ sung số liệu" || ns[0].Item.ID != art.ID || ns[0].Item.Kind != congtin.KindArticle || ns[0].Title != "Hội nghị tỉnh" {
		t.Errorf("the return's notice: %+v", ns[0])
	}
	// The editor who returned it dealt with it; so did, for the
	// submission, the other editors.
	for _, ed := range []congtin.Actor{d.ed, d.ed2, d.admin} {
		wantNotices(t, d.notices(t, ed, true))
		wantNotices(t, d.notices(t, ed, false), "submit: Người phongvien đã gửi duyệt bài viết “Hội nghị tỉnh”.")
	}

	d.clock.Add(time.Minute)
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	// Sending it again: the reporter's notice of the return is read.
	wantNotices(t, d.notices(t, d.rep, true))
	d.clock.Add(time.Minute)
	d.step(t, d.ed2, art.ID, congtin.ActComment, "Ảnh cần ghi nguồn", time.Time{})
	d.clock.Add(time.Minute)
	d.step(t, d.ed, art.ID, congtin.ActPublish, "", time.Time{})
	wantNotices(t, d.notices(t, d.rep, true),
		"publish: Người bientap đã xuất bản bài viết “Hội nghị tỉnh”.",
		"comment: Người bientap2 đã gửi ý kiến về bài viết “Hội nghị tỉnh”.")
	d.clock.Add(time.Minute)
	d.step(t, d.admin, art.ID, congtin.ActUnpublish, "", time.Time{})
	if got := d.notices(t, d.rep, true); len(got) != 3 || got[0] != "unpublish: Người quantri đã gỡ bài viết “Hội nghị tỉnh” khỏi cổng." {
		t.Fatalf("after unpublishing: %q", got)
	}

	// An editor's own article: nobody is told of their own steps.
	own := storetest.MustCreateArticle(t, d.a, d.ed, d.site.ID, congtin.ArticleInput{CategoryID: d.cat.ID, Title: "Bài của biên tập", Body: "<p>x</p>"})
	d.step(t, d.ed, own.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.ed, own.ID, congtin.ActPublish, "", time.Time{})
	for _, n := range d.notices(t, d.ed, false) {
		if strings.Contains(n, "Bài của biên tập") {
			t.Errorf("the editor was told of their own step: %s", n)
		}
	}
	// The other editors were told of the submission, which the
	// publication handled: read.
	wantNotices(t, d.notices(t, d.ed2, true))
	if got := d.notices(t, d.ed2, false); len(got) == 0 || got[0] != "submit: Người bientap đã gửi duyệt bài viết “Bài của biên tập”." {
		t.Errorf("the other editor: %q", got)
	}
}

// TestNotifyScheduled: a scheduled publication tells its writer when it
// is set, and again when its time comes, with nothing running at that
// time; taken down or set for another time before, the second notice
// goes or moves.
func TestNotifyScheduled(t *testing.T) {
	d := newDesk(t)
	art := d.article(t, "Tin hẹn giờ")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	at := d.clock.Now().Add(2 * time.Hour)
	d.step(t, d.ed, art.ID, congtin.ActPublish, "", at)
	wantNotices(t, d.notices(t, d.rep, false), "publish: Người bientap đã hẹn giờ xuất bản bài viết “Tin hẹn giờ” lúc 11:00 ngày 02/03/2026.")
	d.clock.Add(2*time.Hour - time.Second)
	if got := d.notices(t, d.rep, false); len(got) != 1 {
		t.Fatalf("a second before its time: %q", got)
	}
	d.clock.Add(time.Second)
	wantNotices(t, d.notices(t, d.rep, true),
		"live: Bài viết “Tin hẹn giờ” đã lên trang lúc 11:00 ngày 02/03/2026.",
		"publish: Người bientap đã hẹn giờ xuất bản bài viết “Tin hẹn giờ” lúc 11:00 ngày 02/03/2026.")

	// Scheduled, then taken down before its time: no "gone out".
	down := d.article(t, "Tin bị gỡ trước giờ")
	d.step(t, d.rep, down.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.ed, down.ID, congtin.ActPublish, "", d.clock.Now().Add(time.Hour))
	d.step(t, d.ed, down.ID, congtin.ActUnpublish, "", time.Time{})
	// Scheduled, then moved later by an edit of its time: told at the
	// new time, not the old one.
	moved := d.article(t, "Tin dời giờ")
	d.step(t, d.rep, moved.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.ed, moved.ID, congtin.ActPublish, "", d.clock.Now().Add(time.Hour))
	m, err := d.a.FindArticleByID(t.Context(), d.site.ID, moved.ID)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustUpdateArticle(t, d.a, d.ed, d.site.ID, moved.ID, congtin.ArticleInput{CategoryID: d.cat.ID, Title: m.Title, Body: m.Body,
		PublishedAt: d.clock.Now().Add(3 * time.Hour)})
	d.clock.Add(2 * time.Hour)
	for _, n := range d.notices(t, d.rep, false) {
		if strings.HasPrefix(n, "live:") && !strings.Contains(n, "Tin hẹn giờ") {
			t.Errorf("told of what has not gone out: %s", n)
		}
	}
	d.clock.Add(time.Hour + time.Second)
	if got := d.notices(t, d.rep, true); len(got) == 0 || !strings.HasPrefix(got[0], "live: Bài viết “Tin dời giờ” đã lên trang lúc 14:00 ngày 02/03/2026") {
		t.Errorf("after the new time: %q", got)
	}
}

// TestWithdraw: a reporter takes back a submission no editor has handled
// (Chờ duyệt → Nháp), for every kind with the workflow; the editors'
// notices of it are read; an editor's step since forbids it.
func TestWithdraw(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	art := d.article(t, "Bài rút lại")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.rep, art.ID, congtin.ActWithdraw, "", time.Time{})
	got, err := d.a.FindArticleByID(ctx, d.site.ID, art.ID)
	if err != nil || got.Status != congtin.StatusDraft {
		t.Fatalf("after withdrawing: %v %v", got, err)
	}
	wantNotices(t, d.notices(t, d.ed, true))
	notes, _ := d.a.FindNotes(ctx, congtin.Ref{Kind: congtin.KindArticle, SiteID: d.site.ID, ID: art.ID})
	if last := notes[len(notes)-1]; last.Action != congtin.ActWithdraw || last.Status != congtin.StatusDraft {
		t.Errorf("last note %+v", last)
	}
	wantAudit(t, d.a, d.site.ID, "article.withdraw", 1, "withdraw")

	// Not once returned, nor by another reporter, nor from a draft.
	other := storetest.MustUser(t, d.a, d.site.ID, "phongvien2", congtin.RoleReporter)
	_, err = d.a.TransitionArticle(ctx, d.rep, d.site.ID, art.ID, congtin.ActWithdraw, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "withdraw a draft")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	_, err = d.a.TransitionArticle(ctx, other, d.site.ID, art.ID, congtin.ActWithdraw, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "another reporter withdraws")
	d.step(t, d.ed, art.ID, congtin.ActReturn, "Chưa đạt", time.Time{})
	_, err = d.a.TransitionArticle(ctx, d.rep, d.site.ID, art.ID, congtin.ActWithdraw, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "withdraw what was returned")
	wantAudit(t, d.a, d.site.ID, "article.withdraw", 1, "refused withdrawals")

	// The other kinds with the workflow.
	page, err := d.a.CreatePage(ctx, d.rep, d.site.ID, congtin.PageInput{Title: "Giới thiệu chung", Body: "<p>Về chúng tôi</p>"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := d.a.CreateDocument(ctx, d.rep, d.site.ID, goodDocument(t, d.a, d.site.ID))
	if err != nil {
		t.Fatal(err)
	}
	entry, err := d.a.CreateScheduleEntry(ctx, d.rep, d.site.ID, congtin.ScheduleInput{Start: vnTime(2026, 11, 24, 14, 0), Content: "Họp giao ban"})
	if err != nil {
		t.Fatal(err)
	}
	week := congtin.WeekOf(entry.Start).String()
	for _, r := range []congtin.Ref{
		{Kind: congtin.KindPage, SiteID: d.site.ID, ID: page.ID},
		{Kind: congtin.KindDocument, SiteID: d.site.ID, ID: doc.ID},
		{Kind: congtin.KindScheduleWeek, SiteID: d.site.ID, Key: week},
	} {
		if _, err := d.a.Transition(ctx, d.rep, r, congtin.ActSubmit, "", time.Time{}); err != nil {
			t.Fatal(err)
		}
		it, err := d.a.Transition(ctx, d.rep, r, congtin.ActWithdraw, "", time.Time{})
		if err != nil || it.Status != congtin.StatusDraft {
			t.Errorf("%s: withdraw: %v %v", r.Kind, it, err)
		}
	}
}

// TestComment: an editor's comment leaves the item as it is, tells its
// writer, and needs words; a reporter may not send one.
func TestComment(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	art := d.article(t, "Bài góp ý")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	before, _ := d.a.FindArticleByID(ctx, d.site.ID, art.ID)
	d.clock.Add(time.Hour)
	d.step(t, d.ed, art.ID, congtin.ActComment, "Tít dài quá", time.Time{})
	after, _ := d.a.FindArticleByID(ctx, d.site.ID, art.ID)
	if after.Status != congtin.StatusSubmitted || !after.UpdatedAt.Equal(before.UpdatedAt) || !after.PublishedAt.Equal(before.PublishedAt) {
		t.Errorf("a comment changed the article: %v %v → %v %v", before.Status, before.UpdatedAt, after.Status, after.UpdatedAt)
	}
	wantNotices(t, d.notices(t, d.rep, true), "comment: Người bientap đã gửi ý kiến về bài viết “Bài góp ý”.")
	wantAudit(t, d.a, d.site.ID, "article.comment", 1, "comment")

	_, err := d.a.TransitionArticle(ctx, d.ed, d.site.ID, art.ID, congtin.ActComment, "  ", time.Time{})
	storetest.WantField(t, err, "comment", "an empty comment")
	_, err = d.a.TransitionArticle(ctx, d.rep, d.site.ID, art.ID, congtin.ActComment, "Em xin giải trình", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter's comment")
	wantAudit(t, d.a, d.site.ID, "article.comment", 1, "refused comments")
	if got := d.notices(t, d.rep, false); len(got) != 1 {
		t.Errorf("refused comments told something: %q", got)
	}
}

// TestReadNotifications: a user marks only their own, on the site they
// are on; the store's reads keep to the user and the site.
func TestReadNotifications(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	for _, title := range []string{"Một", "Hai", "Ba"} {
		art := d.article(t, title)
		d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	}
	mine, _, _ := d.a.FindNotifications(ctx, congtin.NotificationFilter{SiteID: d.site.ID, UserID: d.ed.User.ID})
	theirs, _, _ := d.a.FindNotifications(ctx, congtin.NotificationFilter{SiteID: d.site.ID, UserID: d.ed2.User.ID})
	if len(mine) != 3 || len(theirs) != 3 {
		t.Fatalf("%d and %d notifications", len(mine), len(theirs))
	}
	// Another's ID marks nothing.
	if n, err := d.a.ReadNotifications(ctx, d.ed, d.site.ID, []int64{theirs[0].ID}); err != nil || n != 0 {
		t.Errorf("marking another's: %d %v", n, err)
	}
	if _, err := d.a.FindNotification(ctx, d.site.ID, d.ed.User.ID, theirs[0].ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("finding another's: %v", err)
	}
	if n, err := d.a.ReadNotifications(ctx, d.ed, d.site.ID, []int64{mine[1].ID}); err != nil || n != 1 {
		t.Errorf("marking one: %d %v", n, err)
	}
	if got := d.notices(t, d.ed, true); len(got) != 2 {
		t.Errorf("after marking one: %q", got)
	}
	// Another site sees none of them.
	other := storetest.MustCreateSite(t, d.a, "so.example", "Sở")
	if n, err := d.a.ReadNotifications(ctx, d.ed, other.ID, nil); err != nil || n != 0 {
		t.Errorf("marking on another site: %d %v", n, err)
	}
	if n, err := d.a.ReadNotifications(ctx, d.ed, d.site.ID, nil); err != nil || n != 2 {
		t.Errorf("marking all: %d %v", n, err)
	}
	if got := d.notices(t, d.ed2, true); len(got) != 3 {
		t.Errorf("the other editor's: %q", got)
	}
	if _, err := d.a.ReadNotifications(ctx, congtin.Actor{}, d.site.ID, nil); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Errorf("nobody: %v", err)
	}
}

// TestNotifyPrefs: a user sets their own address, checked, with an audit
// entry without the address.
func TestNotifyPrefs(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	p, err := d.a.SetNotifyPrefs(ctx, d.rep, d.site.ID, congtin.NotifyPrefs{UserID: d.ed.User.ID, Email: " pv@anphu.gov.vn ", EmailOn: true})
	if err != nil || p.UserID != d.rep.User.ID || p.Email != "pv@anphu.gov.vn" {
		t.Fatalf("%+v %v", p, err)
	}
	got, _ := d.a.FindNotifyPrefs(ctx, d.rep.User.ID)
	if *got != *p {
		t.Errorf("stored %+v, want %+v", got, p)
	}
	if other, _ := d.a.FindNotifyPrefs(ctx, d.ed.User.ID); other.Email != "" || other.EmailOn {
		t.Errorf("another user's prefs changed: %+v", other)
	}
	for _, bad := range []congtin.NotifyPrefs{{Email: "pv", EmailOn: true}, {EmailOn: true}, {Email: "a@b.vn\nBcc: c@d.vn"}} {
		_, err := d.a.SetNotifyPrefs(ctx, d.rep, d.site.ID, bad)
		storetest.WantField(t, err, "email", "bad prefs")
	}
	if again, _ := d.a.FindNotifyPrefs(ctx, d.rep.User.ID); *again != *p {
		t.Errorf("refused prefs changed them: %+v", again)
	}
	es := storetest.AuditActions(t, d.a, congtin.AuditFilter{SiteID: d.site.ID, Action: "user.notify"})
	if len(es) != 1 {
		t.Errorf("audit entries %q", es)
	}
	entries, _, _ := d.a.FindAudit(ctx, congtin.AuditFilter{SiteID: d.site.ID, Action: "user.notify"})
	if len(entries) == 1 && strings.Contains(entries[0].Detail, "@") {
		t.Errorf("the audit entry names the address: %q", entries[0].Detail)
	}
}

// fakeMail records the e-mails sent, and fails those to bad addresses.
type fakeMail struct {
	mu   sync.Mutex
	sent []app.Email
	fail map[string]bool
}

func (f *fakeMail) send(_ context.Context, e app.Email) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail[e.To] {
		return errors.New("mail: 550 mailbox unavailable")
	}
	f.sent = append(f.sent, e)
	return nil
}

func link(m *congtin.MailNotice) string {
	return "https://anphu.gov.vn/admin/bai-viet/" + strconv.FormatInt(m.Item.ID, 10)
}

// TestMailNotifications: with e-mail on, a user who gave an address and
// asked is e-mailed each notification once, after its step, in
// Vietnamese with the comment and the link; others are not; a failed
// send is tried again later, then given up; old news is not sent; with
// e-mail off nothing is queued.
func TestMailNotifications(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	d.a.Mail = true
	for _, u := range []congtin.Actor{d.rep, d.ed2} {
		if _, err := d.a.SetNotifyPrefs(ctx, u, d.site.ID, congtin.NotifyPrefs{Email: u.User.Username + "@anphu.gov.vn", EmailOn: true}); err != nil {
			t.Fatal(err)
		}
	}
	// d.ed gave an address but asked for nothing.
	if _, err := d.a.SetNotifyPrefs(ctx, d.ed, d.site.ID, congtin.NotifyPrefs{Email: "bientap@anphu.gov.vn"}); err != nil {
		t.Fatal(err)
	}
	f := &fakeMail{fail: map[string]bool{}}
	art := d.article(t, "Hội nghị tỉnh")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	select {
	case <-d.a.MailWake():
	default:
		t.Error("the step did not wake the sender")
	}
	d.step(t, d.ed, art.ID, congtin.ActReturn, "Bổ sung số liệu", time.Time{})
	n, err := d.a.MailNotifications(ctx, f.send, link)
	if err != nil || n != 2 {
		t.Fatalf("sent %d, %v", n, err)
	}
	var to []string
	for _, e := range f.sent {
		to = append(to, e.To+": "+e.Subject)
	}
	want := "bientap2@anphu.gov.vn: Chờ duyệt: bài viết “Hội nghị tỉnh”\nphongvien@anphu.gov.vn: Trả lại: bài viết “Hội nghị tỉnh”"
	if strings.Join(to, "\n") != want {
		t.Errorf("sent:\n%s\nwant:\n%s", strings.Join(to, "\n"), want)
	}
	ret := f.sent[1]
	for _, s := range []string{"Chào Người phongvien,", "Người bientap đã trả lại bài viết “Hội nghị tỉnh”.", "Ý kiến: “Bổ sung số liệu”",
		"https://anphu.gov.vn/admin/bai-viet/" + strconv.FormatInt(art.ID, 10), d.site.Name} {
		if !strings.Contains(ret.Body, s) {
			t.Errorf("the body lacks %q:\n%s", s, ret.Body)
		}
	}
	if ret.ToName != "Người phongvien" || ret.FromName != d.site.Name {
		t.Errorf("names %q %q", ret.ToName, ret.FromName)
	}
	// Sent once.
	if n, err := d.a.MailNotifications(ctx, f.send, link); n != 0 || err != nil {
		t.Errorf("a second round sent %d, %v", n, err)
	}
	if due, _ := d.a.MailDue(ctx); due {
		t.Error("MailDue after everything was sent")
	}

	// A failure: tried again after a minute, five minutes, half an hour,
	// then given up.
	f.fail["phongvien@anphu.gov.vn"] = true
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.ed, art.ID, congtin.ActPublish, "", time.Time{})
	if n, err := d.a.MailNotifications(ctx, f.send, link); n != 1 || err == nil {
		t.Fatalf("first attempt: sent %d, %v", n, err) // the submission to bientap2
	}
	for i, wait := range []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute} {
		if n, err := d.a.MailNotifications(ctx, f.send, link); n != 0 || err != nil {
			t.Fatalf("retry %d before its time: %d %v", i+1, n, err)
		}
		d.clock.Add(wait)
		if n, err := d.a.MailNotifications(ctx, f.send, link); n != 0 || err == nil {
			t.Fatalf("retry %d: sent %d, %v", i+1, n, err)
		}
	}
	d.clock.Add(24 * time.Hour)
	if due, _ := d.a.MailDue(ctx); due {
		t.Error("a given-up e-mail is still due")
	}

	// A scheduled publication's second notice is e-mailed when its time
	// comes; old news is not.
	delete(f.fail, "phongvien@anphu.gov.vn")
	later := d.article(t, "Tin hẹn giờ")
	d.step(t, d.rep, later.ID, congtin.ActSubmit, "", time.Time{})
	d.step(t, d.ed, later.ID, congtin.ActPublish, "", d.clock.Now().Add(time.Hour))
	f.sent = nil
	if n, _ := d.a.MailNotifications(ctx, f.send, link); n != 2 { // bientap2's submission, the scheduling
		t.Fatalf("sent %d", n)
	}
	d.clock.Add(time.Hour)
	if n, _ := d.a.MailNotifications(ctx, f.send, link); n != 1 || f.sent[2].Subject != "Đã lên trang: bài viết “Tin hẹn giờ”" {
		t.Fatalf("at its time: %d %v", n, f.sent)
	}
	old := d.article(t, "Tin cũ")
	d.step(t, d.rep, old.ID, congtin.ActSubmit, "", time.Time{})
	d.clock.Add(25 * time.Hour)
	if n, _ := d.a.MailNotifications(ctx, f.send, link); n != 0 {
		t.Errorf("old news sent: %d", n)
	}

	// E-mail off: nothing waits.
	d.a.Mail = false
	off := d.article(t, "Khi tắt e-mail")
	d.step(t, d.rep, off.ID, congtin.ActSubmit, "", time.Time{})
	if due, _ := d.a.MailDue(ctx); due {
		t.Error("with e-mail off a notification waits to be sent")
	}
}

// TestNotifyRefusedStep: a refused step tells nobody.
func TestNotifyRefusedStep(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	art := d.article(t, "Bài bị từ chối")
	_, err := d.a.TransitionArticle(ctx, d.rep, d.site.ID, art.ID, congtin.ActPublish, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter publishes")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	_, err = d.a.TransitionArticle(ctx, d.ed, d.site.ID, art.ID, congtin.ActReturn, "", time.Time{})
	storetest.WantField(t, err, "comment", "a return without a comment")
	wantNotices(t, d.notices(t, d.rep, false))
	if got := d.notices(t, d.ed, false); len(got) != 1 {
		t.Errorf("editor: %q", got)
	}
}

// TestStepsOfTheEditForm: an editor's comment and a return sent with the
// edit form (save first, one transaction) save the editor's change and
// tell the writer, with the article's new title; a refused step writes
// neither the change nor a notice.
func TestStepsOfTheEditForm(t *testing.T) {
	ctx := t.Context()
	d := newDesk(t)
	art := d.article(t, "Tít cũ")
	d.step(t, d.rep, art.ID, congtin.ActSubmit, "", time.Time{})
	cur, err := d.a.FindArticleByID(ctx, d.site.ID, art.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := congtin.ArticleInput{CategoryID: d.cat.ID, Title: "Tít mới", Body: cur.Body, Version: cur.Version}
	if _, _, err := d.a.UpdateArticleStep(ctx, d.ed, d.site.ID, art.ID, in, congtin.Step{Act: congtin.ActComment, Comment: "Tôi đã sửa tít"}); err != nil {
		t.Fatal(err)
	}
	got, _ := d.a.FindArticleByID(ctx, d.site.ID, art.ID)
	if got.Title != "Tít mới" || got.Status != congtin.StatusSubmitted {
		t.Errorf("after the comment: %q %s", got.Title, got.Status)
	}
	wantNotices(t, d.notices(t, d.rep, true), "comment: Người bientap đã gửi ý kiến về bài viết “Tít mới”.")
	if ns, _, _ := d.a.FindNotifications(ctx, congtin.NotificationFilter{SiteID: d.site.ID, UserID: d.rep.User.ID}); ns[0].Comment != "Tôi đã sửa tít" {
		t.Errorf("the notice's comment is %q", ns[0].Comment)
	}

	// A return without its comment changes nothing and tells nobody.
	in.Title, in.Version = "Tít khác", got.Version
	_, _, err = d.a.UpdateArticleStep(ctx, d.ed, d.site.ID, art.ID, in, congtin.Step{Act: congtin.ActReturn})
	storetest.WantField(t, err, "comment", "a return without a comment")
	if got, _ := d.a.FindArticleByID(ctx, d.site.ID, art.ID); got.Title != "Tít mới" {
		t.Errorf("a refused step saved the title %q", got.Title)
	}
	if n := len(d.notices(t, d.rep, false)); n != 1 {
		t.Errorf("a refused step told the writer: %d notices", n)
	}
}
