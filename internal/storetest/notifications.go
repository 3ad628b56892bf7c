package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testNotifications: notifications as stored, straight on the store's
// transactions where the service layer writes them: every field back,
// per user and site, newest first; due only once their time has come
// (the notice that a scheduled item went out, only while it is out);
// marked read, cancelled; the e-mail settings; and e-mailing: claimed
// once, held for a lease, sent, failed and tried again, given up.
func testNotifications(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	st, ok := s.(congtin.Store)
	if !ok {
		t.Fatalf("%T does not give its store's transactions", s)
	}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone)
	clock := mustClock(t, s, start)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	adm := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)
	gone := MustUser(t, s, site.ID, "danghi", congtin.RoleEditor)
	if err := s.SetDisabled(ctx, gone.User.ID, true); err != nil {
		t.Fatal(err)
	}
	MustUser(t, s, other.ID, "bientapso", congtin.RoleEditor)
	tx := func(fn func(tx congtin.Tx) error) {
		t.Helper()
		if err := st.WithTx(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}

	// The people who approve: editors and administrators of the site,
	// not disabled.
	tx(func(tx congtin.Tx) error {
		got, err := tx.FindEditors(ctx, site.ID)
		if err != nil {
			return err
		}
		WantIDs(t, got, []int64{ed.User.ID, adm.User.ID}, "FindEditors")
		return nil
	})

	art := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Hội nghị", Body: "<p>x</p>"})
	ref := congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID}
	week := congtin.Ref{Kind: congtin.KindScheduleWeek, SiteID: site.ID, Key: "2026-W10"}
	pub := start.Add(3 * time.Hour)
	in := &congtin.Notification{UserID: rep.User.ID, Item: ref, Title: "Hội nghị “tỉnh”", Action: congtin.ActReturn,
		ActorName: "Lê Biên Tập", Comment: "Bổ sung số liệu\nvà ảnh", PublishedAt: pub}
	var now time.Time
	tx(func(tx congtin.Tx) error {
		now = tx.Now()
		if err := tx.AddNotification(ctx, in, false); err != nil {
			return err
		}
		clock.Add(time.Second)
		if err := tx.AddNotification(ctx, &congtin.Notification{UserID: rep.User.ID, Item: week, Title: "2026-W10", Action: congtin.ActComment}, false); err != nil {
			return err
		}
		// Not due yet, for another user, on another site.
		if err := tx.AddNotification(ctx, &congtin.Notification{UserID: rep.User.ID, Item: ref, Action: congtin.ActSubmit, ShowAt: now.Add(time.Hour)}, false); err != nil {
			return err
		}
		if err := tx.AddNotification(ctx, &congtin.Notification{UserID: ed.User.ID, Item: ref, Action: congtin.ActSubmit}, false); err != nil {
			return err
		}
		return tx.AddNotification(ctx, &congtin.Notification{UserID: rep.User.ID, Item: congtin.Ref{Kind: congtin.KindArticle, SiteID: other.ID, ID: 1}, Action: congtin.ActSubmit}, false)
	})
	if in.ID == 0 || !in.CreatedAt.Equal(now) || !in.ShowAt.Equal(now) || in.SiteID != site.ID {
		t.Fatalf("AddNotification set ID %d, CreatedAt %v, ShowAt %v, SiteID %d", in.ID, in.CreatedAt, in.ShowAt, in.SiteID)
	}
	list := func(who congtin.Actor, siteID int64, unread bool) []*congtin.Notification {
		t.Helper()
		ns, total, err := s.FindNotifications(ctx, congtin.NotificationFilter{SiteID: siteID, UserID: who.User.ID, Unread: unread})
		if err != nil {
			t.Fatal(err)
		}
		if total != len(ns) {
			t.Fatalf("total %d, %d listed", total, len(ns))
		}
		return ns
	}
	ns := list(rep, site.ID, false)
	if len(ns) != 2 {
		t.Fatalf("%d notifications, want 2 (due, the user's, the site's)", len(ns))
	}
	// Newest first: the week's, then the article's, every field back.
	if w := ns[0]; w.Item != week || w.Action != congtin.ActComment || w.Title != "2026-W10" {
		t.Errorf("the week's notice: %+v", w)
	}
	got := ns[1]
	if got.ID != in.ID || got.SiteID != site.ID || got.UserID != rep.User.ID || got.Item != ref || got.Title != in.Title || got.Action != in.Action ||
		got.ActorName != in.ActorName || got.Comment != in.Comment || !got.PublishedAt.Equal(pub) || !got.CreatedAt.Equal(now) ||
		!got.ShowAt.Equal(now) || !got.ReadAt.IsZero() {
		t.Errorf("read back %+v\nwrote %+v", got, in)
	}
	if n, err := s.FindNotification(ctx, site.ID, rep.User.ID, in.ID); err != nil || n.ID != in.ID || n.Comment != in.Comment {
		t.Errorf("FindNotification: %+v %v", n, err)
	}
	for _, c := range []struct {
		site, user int64
		what       string
	}{{site.ID, ed.User.ID, "another user's"}, {other.ID, rep.User.ID, "on another site"}} {
		if _, err := s.FindNotification(ctx, c.site, c.user, in.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
			t.Errorf("FindNotification %s: %v", c.what, err)
		}
	}
	if ns, total, _ := s.FindNotifications(ctx, congtin.NotificationFilter{SiteID: site.ID, UserID: rep.User.ID, Limit: 1, Offset: 1}); total != 2 || len(ns) != 1 || ns[0].ID != in.ID {
		t.Errorf("the second page: %d of %d", len(ns), total)
	}
	count := func(who congtin.Actor) int {
		t.Helper()
		n, err := s.CountUnread(ctx, site.ID, who.User.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(rep); n != 2 {
		t.Errorf("CountUnread %d, want 2", n)
	}
	clock.Add(time.Hour)
	if n := count(rep); n != 3 {
		t.Errorf("CountUnread once the third is due: %d, want 3", n)
	}

	// Read: some, an item's, all.
	tx(func(tx congtin.Tx) error {
		if n, err := tx.ReadNotifications(ctx, site.ID, rep.User.ID, []int64{in.ID}); err != nil || n != 1 {
			t.Errorf("ReadNotifications one: %d %v", n, err)
		}
		if n, err := tx.ReadNotifications(ctx, site.ID, ed.User.ID, []int64{ns[0].ID}); err != nil || n != 0 {
			t.Errorf("ReadNotifications another's: %d %v", n, err)
		}
		if n, err := tx.ReadNotifications(ctx, site.ID, rep.User.ID, []int64{}); err != nil || n != 0 {
			t.Errorf("ReadNotifications none: %d %v", n, err)
		}
		return tx.ReadItemNotifications(ctx, ref, 0, congtin.ActSubmit)
	})
	if n := count(rep); n != 1 {
		t.Errorf("unread after reading: %d, want the week's", n)
	}
	if n := count(ed); n != 0 {
		t.Errorf("the editor's submission notice after ReadItemNotifications: %d unread", n)
	}
	if rd := list(rep, site.ID, false); !rd[len(rd)-1].ReadAt.Equal(clock.Now().UTC().Truncate(time.Second)) {
		t.Errorf("ReadAt %v, want %v", rd[len(rd)-1].ReadAt, clock.Now())
	}
	tx(func(tx congtin.Tx) error {
		n, err := tx.ReadNotifications(ctx, site.ID, rep.User.ID, nil)
		if err != nil || n != 1 {
			t.Errorf("ReadNotifications all: %d %v", n, err)
		}
		return err
	})
	if n := count(rep); n != 0 || len(list(rep, site.ID, true)) != 0 {
		t.Errorf("unread after reading all: %d", n)
	}
	if n, _ := s.CountUnread(ctx, other.ID, rep.User.ID); n != 1 {
		t.Errorf("the other site's: %d unread, want 1", n)
	}

	// The notice that a scheduled article went out: due at its time, only
	// while it is published, with the article's time as it is now;
	// cancelled with the other notices not due yet.
	MustTransition(t, s, rep, site.ID, art.ID, congtin.ActSubmit, "", time.Time{})
	at := clock.Now().Add(time.Hour).UTC().Truncate(time.Second)
	MustTransition(t, s, ed, site.ID, art.ID, congtin.ActPublish, "", at)
	var live *congtin.Notification
	tx(func(tx congtin.Tx) error {
		if err := tx.CancelNotifications(ctx, ref); err != nil { // the service's own ones
			return err
		}
		live = &congtin.Notification{UserID: rep.User.ID, Item: ref, Title: "Hội nghị", Action: congtin.NoticeLive, PublishedAt: at, ShowAt: at}
		return tx.AddNotification(ctx, live, false)
	})
	isListed := func() bool {
		for _, n := range list(rep, site.ID, true) {
			if n.ID == live.ID {
				return true
			}
		}
		return false
	}
	if isListed() {
		t.Error("the live notice before its time")
	}
	clock.Add(time.Hour)
	if !isListed() {
		t.Error("the live notice at its time")
	}
	// Moved later: hidden until the new time, then shown with it.
	a, _ := s.FindArticleByID(ctx, site.ID, art.ID)
	later := at.Add(2 * time.Hour)
	MustUpdateArticle(t, s, ed, site.ID, art.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: a.Title, Body: a.Body, PublishedAt: later})
	if isListed() {
		t.Error("the live notice of an article moved later, before its new time")
	}
	clock.Add(2 * time.Hour)
	if n, err := s.FindNotification(ctx, site.ID, rep.User.ID, live.ID); err != nil || !n.PublishedAt.Equal(later) {
		t.Errorf("the live notice after the new time: %+v %v, want the time %v", n, err, later)
	}
	MustTransition(t, s, ed, site.ID, art.ID, congtin.ActUnpublish, "", time.Time{})
	if isListed() {
		t.Error("the live notice of an article taken down")
	}
	cancelled := &congtin.Notification{UserID: rep.User.ID, Item: ref, Action: congtin.ActComment}
	tx(func(tx congtin.Tx) error {
		cancelled.ShowAt = tx.Now().Add(time.Hour)
		if err := tx.AddNotification(ctx, cancelled, false); err != nil {
			return err
		}
		return tx.CancelNotifications(ctx, ref)
	})
	clock.Add(2 * time.Hour)
	if _, err := s.FindNotification(ctx, site.ID, rep.User.ID, cancelled.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("a cancelled notice: %v", err)
	}
	if _, err := s.FindNotification(ctx, site.ID, rep.User.ID, in.ID); err != nil {
		t.Errorf("CancelNotifications removed a notice that was due: %v", err)
	}

	// E-mail settings.
	if p, err := s.FindNotifyPrefs(ctx, rep.User.ID); err != nil || p.UserID != rep.User.ID || p.Email != "" || p.EmailOn {
		t.Errorf("no settings: %+v %v", p, err)
	}
	tx(func(tx congtin.Tx) error {
		if err := tx.SetNotifyPrefs(ctx, &congtin.NotifyPrefs{UserID: rep.User.ID, Email: "old@anphu.gov.vn", EmailOn: false}); err != nil {
			return err
		}
		if err := tx.SetNotifyPrefs(ctx, &congtin.NotifyPrefs{UserID: rep.User.ID, Email: "pv@anphu.gov.vn", EmailOn: true}); err != nil {
			return err
		}
		p, err := tx.FindNotifyPrefs(ctx, rep.User.ID)
		if err != nil || p.Email != "pv@anphu.gov.vn" || !p.EmailOn {
			t.Errorf("settings in the transaction: %+v %v", p, err)
		}
		return tx.SetNotifyPrefs(ctx, &congtin.NotifyPrefs{UserID: ed.User.ID, Email: "bt@anphu.gov.vn", EmailOn: false})
	})

	// E-mailing.
	var mailed, unwanted, old *congtin.Notification
	tx(func(tx congtin.Tx) error {
		old = &congtin.Notification{UserID: rep.User.ID, Item: ref, Action: congtin.ActComment, ShowAt: tx.Now().Add(-25 * time.Hour)}
		if err := tx.AddNotification(ctx, old, true); err != nil {
			return err
		}
		mailed = &congtin.Notification{UserID: rep.User.ID, Item: ref, Title: "Hội nghị", Action: congtin.ActReturn, ActorName: "Lê Biên Tập", Comment: "Sửa"}
		if err := tx.AddNotification(ctx, mailed, true); err != nil {
			return err
		}
		unwanted = &congtin.Notification{UserID: ed.User.ID, Item: ref, Action: congtin.ActSubmit}
		if err := tx.AddNotification(ctx, unwanted, true); err != nil {
			return err
		}
		return tx.AddNotification(ctx, &congtin.Notification{UserID: rep.User.ID, Item: ref, Action: congtin.ActSubmit}, false)
	})
	if due, err := s.MailDue(ctx); err != nil || !due {
		t.Errorf("MailDue: %v %v", due, err)
	}
	claim := func() []*congtin.MailNotice {
		t.Helper()
		var ms []*congtin.MailNotice
		tx(func(tx congtin.Tx) (err error) {
			ms, err = tx.ClaimMail(ctx, tx.Now().Add(-24*time.Hour), 15*time.Minute, 10)
			return err
		})
		return ms
	}
	ms := claim()
	if len(ms) != 1 {
		t.Fatalf("claimed %d, want the one notice of a user who asked, due within the day", len(ms))
	}
	m := ms[0]
	if m.ID != mailed.ID || m.To != "pv@anphu.gov.vn" || m.UserName != rep.User.DisplayName || m.SiteName != site.Name || m.SiteHost != site.Host ||
		m.MailTries != 0 || m.Comment != "Sửa" || m.Action != congtin.ActReturn || m.Item != ref {
		t.Errorf("claimed %+v", m)
	}
	if again := claim(); len(again) != 0 {
		t.Errorf("claimed again within the lease: %d", len(again))
	}
	tx(func(tx congtin.Tx) error { return tx.MailFailed(ctx, m.ID, tx.Now().Add(time.Minute)) })
	if again := claim(); len(again) != 0 {
		t.Errorf("claimed before the retry's time: %d", len(again))
	}
	clock.Add(time.Minute)
	ms = claim()
	if len(ms) != 1 || ms[0].ID != m.ID || ms[0].MailTries != 1 {
		t.Fatalf("the retry: %+v", ms)
	}
	tx(func(tx congtin.Tx) error { return tx.MailSent(ctx, m.ID) })
	clock.Add(time.Hour)
	if again := claim(); len(again) != 0 {
		t.Errorf("claimed once sent: %d", len(again))
	}
	// Given up: when told, or after the store's limit of tries.
	var quit, stubborn *congtin.Notification
	tx(func(tx congtin.Tx) error {
		quit = &congtin.Notification{UserID: rep.User.ID, Item: ref, Action: congtin.ActComment}
		if err := tx.AddNotification(ctx, quit, true); err != nil {
			return err
		}
		stubborn = &congtin.Notification{UserID: rep.User.ID, Item: week, Action: congtin.ActComment}
		return tx.AddNotification(ctx, stubborn, true)
	})
	if ms := claim(); len(ms) != 2 {
		t.Fatalf("claimed %d, want 2", len(ms))
	}
	tx(func(tx congtin.Tx) error { return tx.MailFailed(ctx, quit.ID, time.Time{}) })
	for i := 0; i < 10; i++ {
		tx(func(tx congtin.Tx) error { return tx.MailFailed(ctx, stubborn.ID, tx.Now()) })
		clock.Add(time.Second)
	}
	if ms := claim(); len(ms) != 0 {
		t.Errorf("claimed after giving up: %+v", ms[0])
	}
	if due, err := s.MailDue(ctx); err != nil || due {
		t.Errorf("MailDue when nothing is left: %v %v", due, err)
	}
	// Who turns e-mails on later is not sent what came before.
	tx(func(tx congtin.Tx) error {
		return tx.SetNotifyPrefs(ctx, &congtin.NotifyPrefs{UserID: ed.User.ID, Email: "bt@anphu.gov.vn", EmailOn: true})
	})
	if ms := claim(); len(ms) != 0 {
		t.Errorf("claimed a notice of before e-mails were asked for: %+v", ms[0])
	}

	// The audit log of a week: entries whose detail starts with its key.
	if _, err := s.CreateScheduleEntry(ctx, ed, site.ID, congtin.ScheduleInput{Start: time.Date(2026, 3, 3, 8, 0, 0, 0, congtin.VietnamZone), Content: "Giao ban"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateScheduleEntry(ctx, ed, site.ID, congtin.ScheduleInput{Start: time.Date(2026, 3, 10, 8, 0, 0, 0, congtin.VietnamZone), Content: "Họp"}); err != nil {
		t.Fatal(err)
	}
	if got := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "schedule", ItemKey: "2026-W10"}); len(got) != 1 {
		t.Errorf("the week's audit entries: %q, want one", got)
	}
	if got := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, ObjectType: "article", ObjectID: art.ID}); len(got) < 4 {
		t.Errorf("the article's audit entries: %q", got)
	}
}
