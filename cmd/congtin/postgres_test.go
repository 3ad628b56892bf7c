package main_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/pgtest"
)

// TestPostgresTwoPortals runs the real commands on one PostgreSQL database:
// import, reindex and site add from the command line, then two portals
// serving at once, as behind a load balancer. Views counted by both add up
// exactly across a graceful restart, a re-import made from the command
// line reaches both portals' page caches through the change log, and the
// password in -db never reaches the log.
func TestPostgresTwoPortals(t *testing.T) {
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	// The test server trusts loopback and ignores the password; the
	// portals must not print it.
	u.User = url.UserPassword("postgres", "mat-khau-bi-mat")
	db := u.String()
	dir := t.TempDir()
	recs := articleRecords(15)
	file := writeJSON(t, dir, "a.json", recs)
	out, errOut, err := runCmd(t, "import", "-db", db, file)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 15 {
		t.Fatalf("import printed %q", out)
	}
	if out, errOut, err := runCmd(t, "reindex", "-db", db); err != nil || !strings.HasPrefix(out, "reindexed 15 articles") {
		t.Fatalf("reindex: %v %q %s", err, out, errOut)
	}
	if _, errOut, err := runCmd(t, "site", "add", "-db", db, "-host", "soyte.anphu.gov.vn", "-name", "Sở Y tế tỉnh An Phú"); err != nil {
		t.Fatalf("site add: %v\n%s", err, errOut)
	}

	serve := func() *Portal {
		return StartPortal(t, "serve", "-db", db, "-media-dir", filepath.Join(dir, "media"))
	}
	p1, p2 := serve(), serve()
	path := paths[0]
	var wg sync.WaitGroup
	for _, p := range []*Portal{p1, p2} {
		wg.Go(func() {
			for range 50 {
				if code, _ := p.Get(path, browserUA); code != 200 {
					t.Errorf("status %d", code)
				}
			}
		})
	}
	wg.Wait()
	if code, body := p2.Get("/tim-kiem?q=chuyen+hoa+dia+ban", browserUA); code != 200 || !strings.Contains(body, "chuyển hóa địa bàn") {
		t.Fatalf("search on PostgreSQL: %d", code)
	}

	// A re-import with a new title: both portals show it soon, though
	// their cached pages were made before it.
	recs[0]["title"] = "Đẩy mạnh công tác chuyển hóa địa bàn, bản cập nhật"
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "b.json", recs)); err != nil {
		t.Fatalf("re-import: %v\n%s", err, errOut)
	}
	newPath := "/van-hoa-xa-hoi/day-manh-cong-tac-chuyen-hoa-dia-ban-ban-cap-nhat-" + path[strings.LastIndexByte(path, '-')+1:]
	for _, p := range []*Portal{p1, p2} {
		deadline := time.Now().Add(20 * time.Second)
		for {
			code, _ := p.Get(path, "Googlebot/2.1 (+http://www.google.com/bot.html)")
			if code == 301 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the old address still answers %d after the re-import", code)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	for _, p := range []*Portal{p1, p2} {
		if err := p.Stop(syscall.SIGTERM); err != nil {
			t.Fatalf("graceful stop: %v\n%s", err, p.Log())
		}
		if log := p.Log(); strings.Contains(log, "mat-khau-bi-mat") {
			t.Fatalf("the password is in the log:\n%s", log)
		}
	}
	p3 := serve()
	if got := p3.Views(newPath); got != "100" {
		t.Fatalf("views after both portals stopped: %s, want 100", got)
	}
}
