package app_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

func vnTime(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, congtin.VietnamZone)
}

// TestScheduleRefused: an entry needs content, an end after its start and
// valid text; a week is its writer's until it is submitted, only an editor
// publishes it, an empty week is not sent, and a week is returned with a
// comment. Refused changes write nothing.
func TestScheduleRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	pv := storetest.MustUser(t, a, site.ID, "pv1", congtin.RoleReporter)
	pv2 := storetest.MustUser(t, a, site.ID, "pv2", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	w48 := congtin.Week{Year: 2026, Num: 48}
	in := congtin.ScheduleInput{Start: vnTime(2026, 11, 24, 14, 0), End: vnTime(2026, 11, 24, 16, 30),
		Content: "Họp Ủy ban nhân dân tỉnh thường kỳ", Participants: "Lãnh đạo các sở", Place: "Phòng họp số 1", Chair: "Chủ tịch UBND tỉnh"}
	e1, err := a.CreateScheduleEntry(ctx, pv, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateScheduleEntry(ctx, pv, site.ID, congtin.ScheduleInput{Start: vnTime(2026, 11, 23, 7, 30), Content: "Chào cờ đầu tuần"}); err != nil {
		t.Fatal(err)
	}
	entries := func() int {
		t.Helper()
		_, es, err := a.FindScheduleWeek(ctx, site.ID, w48)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	// Bad input: nothing is written.
	bad := in
	bad.End = vnTime(2026, 11, 24, 13, 0)
	_, err = a.CreateScheduleEntry(ctx, pv, site.ID, bad)
	storetest.WantField(t, err, "end", "end before start")
	bad = in
	bad.Content = "  "
	_, err = a.CreateScheduleEntry(ctx, pv, site.ID, bad)
	storetest.WantField(t, err, "content", "empty content")
	bad = in
	bad.Place = "Hội trường \xff"
	_, err = a.CreateScheduleEntry(ctx, pv, site.ID, bad)
	storetest.WantField(t, err, "place", "invalid UTF-8")
	if n := entries(); n != 2 {
		t.Fatalf("after bad input: %d entries, want the 2 good ones", n)
	}

	// Another reporter may not touch this reporter's week.
	_, err = a.CreateScheduleEntry(ctx, pv2, site.ID, in)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "another reporter's week")
	if n := entries(); n != 2 {
		t.Fatalf("after another reporter's entry: %d entries, want 2", n)
	}
	// A reporter cannot publish; submitting needs entries.
	_, err = a.TransitionScheduleWeek(ctx, pv, site.ID, w48, congtin.ActPublish, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter publishes")
	_, err = a.TransitionScheduleWeek(ctx, pv, site.ID, w48.Next(), congtin.ActSubmit, "")
	storetest.WantCode(t, err, congtin.EINVALID, "submit an empty week")
	if wk, _, err := a.FindScheduleWeek(ctx, site.ID, w48.Next()); err != nil || !wk.UpdatedAt.IsZero() {
		t.Fatalf("a refused step started the week: %+v %v", wk, err)
	}
	if _, err := a.TransitionScheduleWeek(ctx, pv, site.ID, w48, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	// Submitted: the reporter can no longer edit; the editor returns it
	// only with a comment.
	_, err = a.UpdateScheduleEntry(ctx, pv, site.ID, e1.ID, in)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter edits a submitted week")
	_, err = a.TransitionScheduleWeek(ctx, ed, site.ID, w48, congtin.ActReturn, " ")
	storetest.WantField(t, err, "comment", "return without a comment")

	wk, _, err := a.FindScheduleWeek(ctx, site.ID, w48)
	if err != nil || wk.Status != congtin.StatusSubmitted {
		t.Fatalf("after refused steps: %+v, %v", wk, err)
	}
	ns, err := a.FindNotes(ctx, congtin.Ref{Kind: congtin.KindScheduleWeek, SiteID: site.ID, Key: w48.String()})
	if err != nil || len(ns) != 1 || ns[0].Action != congtin.ActSubmit {
		t.Fatalf("refused steps wrote notes: %+v, %v", ns, err)
	}
	if revs, err := a.FindScheduleRevisions(ctx, site.ID, w48); err != nil || len(revs) != 2 {
		t.Fatalf("refused changes wrote revisions: %d, %v", len(revs), err)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, Action: "schedule"}); len(acts) != 3 {
		t.Fatalf("audit after refused changes: %v, want two creations and the submission", acts)
	}
}
