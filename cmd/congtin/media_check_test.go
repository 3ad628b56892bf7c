package main_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/wxr/wxrgen"
)

var mediaSrcRE = regexp.MustCompile(`src="/media/([a-z0-9]{2}/[a-z0-9-]+\.(?:jpg|png))"`)

// TestMediaCheck runs `congtin media check` on a real SQLite file and
// media folder filled by a WordPress import: an image file deleted behind
// congtin's back is listed MISSING (exit status 1), its URL answers 404
// while its article still renders; stray files are listed UNREFERENCED
// with their sizes, and -delete-unreferenced deletes the one older than a
// day and keeps the new one.
func TestMediaCheck(t *testing.T) {
	dir := t.TempDir()
	man, err := wxrgen.Generate(wxrgen.Config{Posts: 12, Seed: 7}, filepath.Join(dir, "wp"))
	if err != nil {
		t.Fatal(err)
	}
	db := "sqlite:" + filepath.Join(dir, "c.db")
	mediaDir := filepath.Join(dir, "media")
	report, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, man.Export)
	if err != nil {
		t.Fatalf("import: %v\n%s\n%s", err, errOut, report)
	}
	out, errOut, err := runCmd(t, "media", "check", "-db", db)
	if err != nil || !strings.Contains(out, " 0 missing, 0 unreferenced") {
		t.Fatalf("after the import: %v\n%s\n%s", err, out, errOut)
	}

	// An image an article shows, deleted from the folder.
	p := StartPortal(t, "serve", "-db", db)
	var page, key string
	for _, a := range wxrArticles(t, report) {
		if a.state != "published" {
			continue
		}
		if status, body := p.Get(a.path, browserUA); status == http.StatusOK {
			if m := mediaSrcRE.FindStringSubmatch(body); m != nil {
				page, key = a.path, m[1]
				break
			}
		}
	}
	if key == "" {
		t.Fatal("no published article shows an image")
	}
	if err := os.Remove(filepath.Join(mediaDir, filepath.FromSlash(key))); err != nil {
		t.Fatal(err)
	}
	if status, _ := p.Get("/media/"+key, browserUA); status != http.StatusNotFound {
		t.Fatalf("deleted image: %d, want 404", status)
	}
	if status, body := p.Get(page, browserUA); status != http.StatusOK || !strings.Contains(body, "/media/"+key) {
		t.Fatalf("article with a missing image: %d", status)
	}

	// Two strays: one two days old, one just written.
	stray := func(name string, age time.Duration) string {
		path := filepath.Join(mediaDir, "zz", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("stray bytes"), 0o644); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
		return path
	}
	old, young := stray("cu-0-640.jpg", 48*time.Hour), stray("moi-0-640.jpg", time.Hour)

	out, _, err = runCmd(t, "media", "check", "-db", db)
	for _, want := range []string{"MISSING " + key + "\n", "UNREFERENCED zz/cu-0-640.jpg 11 bytes", "UNREFERENCED zz/moi-0-640.jpg 11 bytes",
		" 1 missing, 2 unreferenced (22 bytes)"} {
		if !strings.Contains(out, want) {
			t.Errorf("check does not say %q:\n%s", want, out)
		}
	}
	if err == nil {
		t.Error("check exited 0 with a file missing")
	}
	out, _, err = runCmd(t, "media", "check", "-db", db, "-delete-unreferenced")
	if err == nil || !strings.Contains(out, "deleted 1 unreferenced objects older than 24 hours; kept 1 younger ones") {
		t.Fatalf("delete: %v\n%s", err, out)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old stray is still there: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("the young stray is gone: %v", err)
	}
}
