package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/sqlite"
)

// TestDemoConsultations: the demo has a draft open for comment, one whose
// period has ended and one concluded by a document of the register, all
// public, whatever day the demo is made on.
func TestDemoConsultations(t *testing.T) {
	ctx := context.Background()
	raw := sqlite.NewDB(filepath.Join(t.TempDir(), "demo.db"))
	if err := raw.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	db := app.New(raw)
	site, err := db.DefaultSite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	types, err := termIDs(ctx, db, site.ID, congtin.ListTypes)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	d, err := db.CreateDocument(ctx, demoActor(), site.ID, congtin.DocumentInput{TypeID: types["Kế hoạch"], Number: "98/KH-UBND",
		Issuer: "Ủy ban nhân dân tỉnh", IssuedOn: now.AddDate(0, -3, 0), Summary: "Kế hoạch chuyển đổi số"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.TransitionDocument(ctx, demoActor(), site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	if err := FillConsultations(ctx, db, docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}, site.ID, now); err != nil {
		t.Fatal(err)
	}
	for _, phase := range []string{congtin.ConsultOpen, congtin.ConsultClosed, congtin.ConsultResult} {
		cs, n, err := db.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Public: true, Phase: phase})
		if err != nil || n != 1 {
			t.Fatalf("%s: %d consultations, %v", phase, n, err)
		}
		if phase == congtin.ConsultOpen && cs[0].DaysLeft(time.Now()) < 40 {
			t.Errorf("the open draft has only %d days left", cs[0].DaysLeft(time.Now()))
		}
		if k, err := db.FindConsultationByID(ctx, site.ID, cs[0].ID); err != nil || len(k.Files) != 1 || k.Files[0].Kind != congtin.FilePDF {
			t.Errorf("%s: the draft is not attached: %+v, %v", phase, k, err)
		}
		if phase == congtin.ConsultResult && cs[0].DocumentID != d.ID {
			t.Errorf("the concluded draft links to %d, want %d", cs[0].DocumentID, d.ID)
		}
		// Comments: the open draft's published, answered and one
		// pending; the closed one's one published and one hidden; the
		// concluded one's report with its file.
		counts, err := db.CountComments(ctx, site.ID, cs[0].ID)
		want := map[string]congtin.CommentCounts{congtin.ConsultOpen: {Pending: 1, Published: 3}, congtin.ConsultClosed: {Published: 1, Hidden: 1},
			congtin.ConsultResult: {Published: 1}}[phase]
		if err != nil || counts != want {
			t.Errorf("%s: comments %+v, want %+v (%v)", phase, counts, want, err)
		}
		if phase == congtin.ConsultResult && (cs[0].Report == "" || cs[0].ReportFile == nil || cs[0].ReportAt.IsZero()) {
			t.Errorf("the concluded draft has no report: %+v", cs[0])
		}
	}
}
