package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testAudit: entries come back newest first, filtered and paged.
func testAudit(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	base := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID}) // CreateSite may log on the new site only
	if len(base) != 0 {
		t.Fatalf("the default site's log before any entry: %v", base)
	}
	before := time.Now().Truncate(time.Second)
	entries := []*congtin.AuditEntry{
		{SiteID: site.ID, UserID: 3, Username: "alice", IP: "198.51.100.1", Action: "login"},
		{SiteID: site.ID, Username: "mallory", IP: "192.0.2.66", Action: "login_failed"},
		{SiteID: site.ID, UserID: 3, Username: "alice", IP: "198.51.100.1", Action: "article.publish", ObjectType: "article", ObjectID: 7, Detail: "Chờ duyệt → Đã xuất bản"},
		{SiteID: site.ID, UserID: 4, Username: "bob", IP: "198.51.100.2", Action: "article.edit", ObjectType: "article", ObjectID: 8, Detail: "Tin mới"},
		{SiteID: site.ID, UserID: 4, Username: "bob", IP: "198.51.100.2", Action: "user.role", ObjectType: "user", ObjectID: 3, Detail: "alice: Biên tập viên"},
		{SiteID: other.ID, UserID: 5, Username: "carol", IP: "198.51.100.3", Action: "login"},
	}
	for _, e := range entries {
		if err := s.AddAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.ID == 0 || e.CreatedAt.Before(before) || e.CreatedAt.After(time.Now()) {
			t.Fatalf("AddAudit did not set ID and CreatedAt: %+v", e)
		}
	}
	find := func(f congtin.AuditFilter, want ...int) {
		t.Helper()
		if f.SiteID == 0 {
			f.SiteID = site.ID
		}
		es, total, err := s.FindAudit(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if f.Limit == 0 && total != len(es) {
			t.Fatalf("filter %+v: total %d for %d entries", f, total, len(es))
		}
		if len(es) != len(want) {
			t.Fatalf("filter %+v: %d entries, want %d", f, len(es), len(want))
		}
		for i, e := range es {
			w := entries[want[i]]
			if e.ID != w.ID || e.SiteID != w.SiteID || e.UserID != w.UserID || e.Username != w.Username || e.IP != w.IP || e.Action != w.Action ||
				e.ObjectType != w.ObjectType || e.ObjectID != w.ObjectID || e.Detail != w.Detail || !e.CreatedAt.Equal(w.CreatedAt) {
				t.Fatalf("filter %+v, entry %d: got %+v, want %+v", f, i, e, w)
			}
		}
	}
	find(congtin.AuditFilter{}, 4, 3, 2, 1, 0)
	find(congtin.AuditFilter{SiteID: other.ID, Action: "login"}, 5)
	find(congtin.AuditFilter{Username: "alice"}, 2, 0)
	find(congtin.AuditFilter{Username: "carol"})
	find(congtin.AuditFilter{Action: "article"}, 3, 2)
	find(congtin.AuditFilter{Action: "article.edit"}, 3)
	find(congtin.AuditFilter{Action: "user"}, 4)
	// A prefix is a whole dotted segment: "login" is not "login_failed",
	// "art" is no action.
	find(congtin.AuditFilter{Action: "login"}, 0)
	find(congtin.AuditFilter{Action: "login_failed"}, 1)
	find(congtin.AuditFilter{Action: "art"})
	find(congtin.AuditFilter{ObjectType: "article"}, 3, 2)
	find(congtin.AuditFilter{ObjectType: "article", ObjectID: 7}, 2)
	find(congtin.AuditFilter{ObjectID: 3}, 4)
	find(congtin.AuditFilter{Username: "bob", Action: "article"}, 3)
	find(congtin.AuditFilter{From: time.Now().Add(time.Hour)})
	find(congtin.AuditFilter{To: before})
	find(congtin.AuditFilter{From: before, To: time.Now().Add(time.Hour)}, 4, 3, 2, 1, 0)

	es, total, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Offset: 1, Limit: 2})
	if err != nil || total != 5 || len(es) != 2 || es[0].ID != entries[3].ID || es[1].ID != entries[2].ID {
		t.Fatalf("page: %d entries of %d, %v", len(es), total, err)
	}
	es, total, _ = s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Offset: 5, Limit: 2})
	if total != 5 || len(es) != 0 {
		t.Fatalf("past the end: %d entries of %d", len(es), total)
	}
}

// testAuditTimeRange: From and To select [From, To) by the store's time.
func testAuditTimeRange(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	var entries []*congtin.AuditEntry
	for i := range 3 {
		if i > 0 {
			clk.Add(time.Hour)
		}
		e := &congtin.AuditEntry{SiteID: site.ID, Username: "alice", Action: "login"}
		if err := s.AddAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
		if want := clockStart.Add(time.Duration(i) * time.Hour); !e.CreatedAt.Equal(want) {
			t.Fatalf("entry %d at %v, want the store's clock %v", i, e.CreatedAt, want)
		}
		entries = append(entries, e)
	}
	h := func(n int) time.Time { return clockStart.Add(time.Duration(n) * time.Hour) }
	for _, c := range []struct {
		from, to time.Time
		want     []int
	}{
		{h(1), time.Time{}, []int{2, 1}},
		{time.Time{}, h(1), []int{0}},
		{h(1), h(2), []int{1}},
		{h(0), h(3), []int{2, 1, 0}},
		{h(2).Add(time.Second), time.Time{}, nil},
	} {
		es, total, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, From: c.from, To: c.to})
		if err != nil {
			t.Fatal(err)
		}
		var got, want []int64
		for _, e := range es {
			got = append(got, e.ID)
		}
		for _, i := range c.want {
			want = append(want, entries[i].ID)
		}
		WantIDs(t, got, want, "audit from "+c.from.String()+" to "+c.to.String())
		if total != len(want) {
			t.Fatalf("total %d, want %d", total, len(want))
		}
		for _, e := range es {
			if e.CreatedAt.Before(clockStart) {
				t.Fatalf("entry time %v", e.CreatedAt)
			}
		}
	}
}
