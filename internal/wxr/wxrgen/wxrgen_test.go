package wxrgen_test

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/wxr"
	"github.com/congtin/congtin/internal/wxr/wxrgen"
)

// TestGenerate: the same config gives the same bytes; the export reads
// back with every kind of thing the import must handle; the images are
// real pictures.
func TestGenerate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	man, err := wxrgen.Generate(wxrgen.Config{Posts: 120, Seed: 5}, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wxrgen.Generate(wxrgen.Config{Posts: 120, Seed: 5}, b); err != nil {
		t.Fatal(err)
	}
	x, _ := os.ReadFile(filepath.Join(a, "export.xml"))
	y, _ := os.ReadFile(filepath.Join(b, "export.xml"))
	if !bytes.Equal(x, y) || len(x) == 0 {
		t.Fatal("two runs with one seed differ")
	}
	exp, err := wxr.ReadFile(man.Export, wxr.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[string]int{}
	for _, it := range exp.Items {
		statuses[it.PostType+"/"+it.Status]++
	}
	for _, want := range []string{"post/publish", "post/draft", "post/pending", "post/private", "post/future", "post/trash",
		"post/auto-draft", "page/publish", "page/draft", "attachment/inherit", "nav_menu_item/publish"} {
		if statuses[want] == 0 {
			t.Errorf("no %s item; have %v", want, statuses)
		}
	}
	depth, encoded := 0, 0
	for _, c := range man.Categories {
		depth = max(depth, c.Depth)
		if strings.Contains(c.Nicename, "%") {
			encoded++
		}
	}
	if depth != 3 || encoded == 0 || len(exp.Categories) != len(man.Categories) {
		t.Errorf("categories: depth %d, %d percent-encoded slugs, %d read", depth, encoded, len(exp.Categories))
	}
	body := string(x)
	for _, want := range []string{"[caption ", "[gallery ids=", "[su_note", "<!-- wp:paragraph -->", "2023-02-30", "_thumbnail_id"} {
		if !strings.Contains(body, want) {
			t.Errorf("the export has no %q", want)
		}
	}
	if man.Count(wxrgen.ExpectSkipped) == 0 || len(man.MissingFiles) == 0 || man.Images == 0 {
		t.Errorf("manifest: %d skipped, %d missing files, %d images", man.Count(wxrgen.ExpectSkipped), len(man.MissingFiles), man.Images)
	}
	n := 0
	filepath.WalkDir(man.Uploads, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".pdf") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, _, err := image.Decode(f); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		n++
		return nil
	})
	if n != man.Images {
		t.Errorf("%d image files, manifest says %d", n, man.Images)
	}
}
