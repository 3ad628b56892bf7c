package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/sqlite"
)

// TestDemoProjects: the demo has three public projects at three stages
// and a notice open for bids, one closed and one with its result,
// whatever day the demo is made on.
func TestDemoProjects(t *testing.T) {
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
	if err := FillProjects(ctx, db, site.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, stage := range []string{congtin.ProjectOngoing, congtin.ProjectDone, congtin.ProjectPreparing} {
		if _, n, err := db.FindProjects(ctx, congtin.ProjectFilter{SiteID: site.ID, Public: true, Stage: stage}); err != nil || n != 1 {
			t.Fatalf("%s: %d projects, %v", stage, n, err)
		}
	}
	for _, st := range congtin.BidStates {
		if _, n, err := db.FindProcurements(ctx, congtin.ProcurementFilter{SiteID: site.ID, Public: true, State: st}); err != nil || n != 1 {
			t.Fatalf("%s: %d notices, %v", st, n, err)
		}
	}
}
