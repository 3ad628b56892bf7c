package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/sqlite"
)

// TestDemoDatasets: the demo's catalogue has its datasets published with
// their CSV tables stored and previewed, the legacy one read back from
// Windows-1258 to the same Vietnamese text.
func TestDemoDatasets(t *testing.T) {
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
	files := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	if err := FillDatasets(ctx, db, files, site.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	ds, n, err := db.FindDatasets(ctx, congtin.DatasetFilter{SiteID: site.ID, Public: true})
	if err != nil || n != len(demoDatasets) {
		t.Fatalf("%d public datasets, %v", n, err)
	}
	legacy := 0
	for _, d := range ds {
		full, err := db.FindDatasetByID(ctx, site.ID, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := full.Resources[0].Preview
		if p == nil || len(p.Rows) < 4 || len(full.Themes) != 1 {
			t.Fatalf("%q: %+v", d.Title, full)
		}
		if f, err := files.Open(ctx, full.Resources[0].Hash, full.Resources[0].Kind); err != nil {
			t.Fatalf("%q: the file is not stored: %v", d.Title, err)
		} else {
			f.Close()
		}
		if p.Encoding == "Windows-1258" {
			legacy++
			if p.Rows[1][0] != "Huyện Đắk Mil" || p.Rows[2][0] != "Huyện Krông Pắc" || p.Header[1] != "Diện tích (km²)" || p.Rows[0][1] != "125,4" {
				t.Errorf("the legacy table reads %q %q", p.Header, p.Rows)
			}
		}
		if strings.Contains(strings.Join(p.Header, ""), "\uFFFD") {
			t.Errorf("%q: garbled header %q", d.Title, p.Header)
		}
	}
	if legacy != 1 {
		t.Errorf("%d tables in Windows-1258, want 1", legacy)
	}
}
