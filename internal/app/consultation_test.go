package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestConsultationRefused: a consultation needs its number, title and
// drafting body, a period that closes after it opens, and a resulting
// document of the site; a reporter neither publishes one nor edits it
// once published; a stale form is refused. Refused changes write nothing
// (no row, revision or audit entry).
func TestConsultationRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "khac.example", "Khác")
	pv := storetest.MustUser(t, a, site.ID, "pv1", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	oed := storetest.MustUser(t, a, other.ID, "btvkhac", congtin.RoleEditor)
	foreign := storetest.MustPublishedDocument(t, a, oed, other.ID, "1/2026/NQ-HĐND")

	good := storetest.ConsultationInput(clockStart)
	for _, tc := range []struct {
		field string
		edit  func(in *congtin.ConsultationInput)
	}{
		{"number", func(in *congtin.ConsultationInput) { in.Number = "  " }},
		{"title", func(in *congtin.ConsultationInput) { in.Title = "" }},
		{"title", func(in *congtin.ConsultationInput) { in.Title = strings.Repeat("a", congtin.MaxConsultTitleLen+1) }},
		{"title", func(in *congtin.ConsultationInput) { in.Title = "a\x00b" }},
		{"drafter", func(in *congtin.ConsultationInput) { in.Drafter = "" }},
		{"summary", func(in *congtin.ConsultationInput) { in.Summary = strings.Repeat("ý", congtin.MaxConsultSummaryLen+1) }},
		{"body", func(in *congtin.ConsultationInput) { in.Body = strings.Repeat("a", congtin.MaxBodyBytes+1) }},
		{"opens_at", func(in *congtin.ConsultationInput) { in.OpensAt = time.Time{} }},
		{"closes_at", func(in *congtin.ConsultationInput) { in.ClosesAt = time.Time{} }},
		{"closes_at", func(in *congtin.ConsultationInput) { in.ClosesAt = in.OpensAt.Add(-time.Hour) }},
		{"closes_at", func(in *congtin.ConsultationInput) { in.ClosesAt = in.OpensAt }},
		{"closes_at", func(in *congtin.ConsultationInput) { in.ClosesAt = in.OpensAt.AddDate(2, 0, 0) }},
		{"document_id", func(in *congtin.ConsultationInput) { in.DocumentID = 999999 }},
		{"document_id", func(in *congtin.ConsultationInput) { in.DocumentID = foreign.ID }},
	} {
		in := good
		tc.edit(&in)
		_, err := a.CreateConsultation(ctx, ed, site.ID, in)
		storetest.WantField(t, err, tc.field, "bad "+tc.field)
	}
	if _, n, err := a.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID}); err != nil || n != 0 {
		t.Fatalf("refused creations wrote %d consultations, %v", n, err)
	}
	wantAudit(t, a, site.ID, "consultation.", 0, "refused creations")

	k, err := a.CreateConsultation(ctx, pv, site.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.TransitionConsultation(ctx, pv, site.ID, k.ID, congtin.ActPublish, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter publishes")
	if _, err := a.TransitionConsultation(ctx, pv, site.ID, k.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	_, err = a.TransitionConsultation(ctx, ed, site.ID, k.ID, congtin.ActReturn, "")
	storetest.WantCode(t, err, congtin.EINVALID, "return without a comment")
	got, err := a.TransitionConsultation(ctx, ed, site.ID, k.ID, congtin.ActPublish, "")
	if err != nil || got.Status != congtin.StatusPublished {
		t.Fatalf("publish: %+v, %v", got, err)
	}
	changed := good
	changed.Title = "Tên khác"
	_, err = a.UpdateConsultation(ctx, pv, site.ID, k.ID, changed)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter edits a published consultation")
	changed.Version = 7
	_, err = a.UpdateConsultation(ctx, ed, site.ID, k.ID, changed)
	if congtin.ErrorCode(err) == "" {
		t.Fatal("a stale form was saved")
	}
	if cur, err := a.FindConsultationByID(ctx, site.ID, k.ID); err != nil || cur.Title != good.Title || cur.Version != 0 {
		t.Fatalf("after refused edits: %+v, %v", cur, err)
	}
	if revs, err := a.FindConsultationRevisions(ctx, site.ID, k.ID); err != nil || len(revs) != 1 {
		t.Fatalf("refused edits wrote revisions: %d, %v", len(revs), err)
	}
	wantAudit(t, a, site.ID, "consultation.create", 1, "created")
	wantAudit(t, a, site.ID, "consultation.publish", 1, "published")
	wantAudit(t, a, site.ID, "consultation.edit", 0, "refused edits")

	// Another site's editor cannot reach it.
	_, err = a.TransitionConsultation(ctx, oed, other.ID, k.ID, congtin.ActUnpublish, "")
	storetest.WantCode(t, err, congtin.ENOTFOUND, "other site's editor")
}

// TestConsultationDaysLeft: the days left count the closing day, in
// Vietnam's calendar; a period closing at midnight ends the day before.
func TestConsultationDaysLeft(t *testing.T) {
	vn := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, congtin.VietnamZone) }
	for _, tc := range []struct {
		now, closes time.Time
		want        int
	}{
		{vn(2, 9), vn(2, 17), 1},
		{vn(2, 9), vn(3, 0), 1},
		{vn(2, 23), vn(3, 1), 2},
		{vn(2, 9), vn(31, 17), 30},
		{vn(2, 17), vn(2, 17), 0},
		{vn(3, 9), vn(2, 17), 0},
	} {
		c := &congtin.Consultation{ClosesAt: tc.closes}
		if got := c.DaysLeft(tc.now); got != tc.want {
			t.Errorf("now %v, closes %v: %d days left, want %d", tc.now, tc.closes, got, tc.want)
		}
	}
}
