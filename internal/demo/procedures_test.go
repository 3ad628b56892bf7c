package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/sqlite"
)

// TestDemoProcedures: the demo's procedures import whole: fifteen, in
// four fields, at each of the three levels and each online level.
func TestDemoProcedures(t *testing.T) {
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
	if err := FillProcedures(ctx, db, site.ID); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := db.FindProcedures(ctx, congtin.ProcedureFilter{SiteID: site.ID, Public: true}); n != 15 {
		t.Fatalf("%d procedures", n)
	}
	if fs, _ := db.FindProcedureFields(ctx, site.ID, true); len(fs) != 4 {
		t.Errorf("fields %q", fs)
	}
	for _, f := range []congtin.ProcedureFilter{{Level: congtin.LevelProvince}, {Level: congtin.LevelDistrict}, {Level: congtin.LevelCommune},
		{Online: congtin.OnlineFull}, {Online: congtin.OnlinePartial}, {Online: congtin.OnlineNone}} {
		f.SiteID = site.ID
		if _, n, _ := db.FindProcedures(ctx, f); n == 0 {
			t.Errorf("none for %+v", f)
		}
	}
}
