package main_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/s3"
	"github.com/congtin/congtin/internal/s3test"
)

// TestObjectStoreOutage stops the object store under a running portal
// and under load: pages and the images already served go on answering
// 200; an upload answers a clear Vietnamese error and leaves no row and
// no object; /readyz says the store is unavailable and /metrics counts
// the errors; once the store is back, an upload works without a restart.
// Then an object deleted behind congtin's back: its URL answers 404, the
// page still renders, and congtin media check names it.
func TestObjectStoreOutage(t *testing.T) {
	srv := s3test.NewServer(t)
	store := srv.URL(t)
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	out, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(3)))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	catPath := strings.Fields(out)[0]
	catPath = catPath[:strings.LastIndexByte(catPath, '/')]
	addUser(t, db, "bientap", "Lê Biên Tập", "editor", "mat-khau-bien-tap-1")
	token := userToken(t, db, "bientap")
	p := StartPortal(t, "serve", "-db", db, "-media-store", store, "-media-dir", filepath.Join(dir, "media"))

	// An article with an image, read once by a reader: the node now
	// holds copies of the image's widths.
	resp, img := uploadImage(t, p, token, testJPEG(t, 1200, 800))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload: %d %v", resp.StatusCode, img)
	}
	var cats struct{ Categories []congtin.Category }
	api(t, p, token, "GET", "/api/v1/admin/categories", nil, &cats, 200)
	var a congtin.Article
	api(t, p, token, "POST", "/api/v1/admin/articles", congtin.ArticleInput{CategoryID: cats.Categories[0].ID,
		Title: "Ra quân chiến dịch thanh niên tình nguyện hè", Lead: "Tỉnh đoàn tổ chức lễ ra quân.",
		Body:   fmt.Sprintf(`<figure><img src=%q srcset=%q alt="Lễ ra quân"></figure>`, img["url"], img["srcset"]),
		Author: "Minh Anh"}, &a, 201)
	api(t, p, token, "POST", fmt.Sprintf("/api/v1/admin/articles/%d/publish", a.ID), map[string]string{}, &a, 200)
	path := a.Path(catPath[1:])
	urls := []string{path, "/", catPath}
	_, page := p.Get(path, browserUA)
	m := srcsetRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the article has no srcset")
	}
	for _, cand := range strings.Split(m[1], ",") {
		urls = append(urls, strings.Fields(cand)[0])
	}
	for _, u := range urls {
		if resp, _ := get(t, p.URL+u); resp.StatusCode != 200 {
			t.Fatalf("%s before the outage: %d", u, resp.StatusCode)
		}
	}
	media := countRows(t, dir, "media")

	srv.Stop()
	// Readers go on, for two seconds, on eight connections.
	var served, failed atomic.Int64
	var wg sync.WaitGroup
	stop := time.Now().Add(2 * time.Second)
	for i := range 8 {
		wg.Go(func() {
			for j := i; time.Now().Before(stop); j++ {
				u := urls[j%len(urls)]
				resp, err := noRedirects.Get(p.URL + u)
				if err != nil || resp.StatusCode != 200 {
					failed.Add(1)
					t.Errorf("%s during the outage: %v %v", u, err, resp)
				} else {
					served.Add(1)
				}
				if resp != nil {
					resp.Body.Close()
				}
			}
		})
	}
	// Meanwhile an upload is refused, saying why, and leaves nothing.
	resp, refused := uploadImage(t, p, token, testJPEG(t, 900, 600))
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(fmt.Sprint(refused["error"]), "Kho lưu trữ tệp đang không trả lời") {
		t.Errorf("upload with the store down: %d %v", resp.StatusCode, refused)
	}
	wg.Wait()
	// An image this node never served cannot be read: a 503, which no
	// cache keeps, not a 404 that would outlive the outage.
	if resp, _ := get(t, p.URL+"/media/ab/"+strings.Repeat("ab", 32)+"-320.jpg"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("an image not held by the node, store down: %d, want 503", resp.StatusCode)
	}
	if n := countRows(t, dir, "media"); n != media {
		t.Errorf("%d images in the library after a refused upload, want %d", n, media)
	}
	if served.Load() < 20 || failed.Load() > 0 {
		t.Errorf("during the outage: %d served, %d failed", served.Load(), failed.Load())
	}
	if resp, body := get(t, p.URL+"/readyz"); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "object store unavailable") {
		t.Errorf("/readyz with the store down: %d %q", resp.StatusCode, body)
	}
	if _, body := get(t, p.URL+"/metrics"); !strings.Contains(string(body), `congtin_object_store_requests_total{op="put",outcome="error"}`) {
		t.Errorf("/metrics does not count the failed put:\n%s", body)
	}

	srv.Start()
	if resp, body := get(t, p.URL+"/readyz"); resp.StatusCode != 200 {
		t.Errorf("/readyz with the store back: %d %q", resp.StatusCode, body)
	}
	resp, later := uploadImage(t, p, token, testJPEG(t, 900, 600))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload with the store back, same process: %d %v", resp.StatusCode, later)
	}
	// Every object is named by a row: the refused upload left none.
	if out, errOut, err := runCmd(t, "media", "check", "-db", db, "-media-store", store); err != nil || !strings.Contains(out, " 0 missing, 0 unreferenced") {
		t.Fatalf("media check after the outage: %v\n%s\n%s", err, out, errOut)
	}

	// An object deleted behind congtin's back, never served by this node.
	bucket, err := s3.Open(store)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := later["url"].(string)
	key := strings.TrimPrefix(src, "/media/")
	if err := bucket.Delete(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	if resp, _ := get(t, p.URL+src); resp.StatusCode != http.StatusNotFound {
		t.Errorf("%s deleted from the store: %d, want 404", src, resp.StatusCode)
	}
	api(t, p, token, "PUT", fmt.Sprintf("/api/v1/admin/articles/%d", a.ID), congtin.ArticleInput{CategoryID: a.CategoryID,
		Title: a.Title, Lead: a.Lead, Author: a.Author, Version: a.Version,
		Body: a.Body + fmt.Sprintf(`<figure><img src=%q srcset=%q alt="Ảnh thứ hai"></figure>`, src, later["srcset"])}, &a, 200)
	if code, _ := p.Get(path, browserUA); code != 200 {
		t.Errorf("the article showing a missing image: %d", code)
	}
	cmd := exec.Command(binary, "media", "check", "-db", db, "-media-store", store)
	check, err := cmd.Output()
	if err == nil || !strings.Contains(string(check), "MISSING "+key) {
		t.Errorf("media check with %s deleted: %v\n%s", key, err, check)
	}
}

// countRows counts a table's rows in the SQLite file dir/c.db.
func countRows(t *testing.T, dir, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "c.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
