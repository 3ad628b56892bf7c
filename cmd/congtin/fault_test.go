package main_test

import (
	"database/sql"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestKillUnderLoad: a congtin process on SQLite killed with SIGKILL while
// readers load it leaves a database that passes integrity_check, and
// loses at most the views of the last batch interval: every view answered
// before that was written.
func TestKillUnderLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	file := writeJSON(t, dir, "a.json", articleRecords(10))
	out, errOut, err := runCmd(t, "import", "-db", "sqlite:"+path, file)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	p := StartPortal(t, "serve", "-db", "sqlite:"+path) // flushes every 100 ms
	const interval = 100 * time.Millisecond

	var (
		mu    sync.Mutex
		acked []time.Time // when each counted view was answered
		sent  int
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest("GET", p.URL+paths[(w+i)%len(paths)], nil)
				req.Header.Set("User-Agent", browserUA)
				mu.Lock()
				sent++
				mu.Unlock()
				resp, err := client.Do(req)
				if err != nil {
					return // the process is gone
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode == 200 {
					mu.Lock()
					acked = append(acked, time.Now())
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(1500 * time.Millisecond)
	killed := time.Now()
	p.Stop(syscall.SIGKILL)
	close(stop)
	wg.Wait()

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	var stored, daily int64
	if err := db.QueryRow(`SELECT (SELECT SUM(views) FROM articles), (SELECT SUM(views) FROM article_view_days)`).Scan(&stored, &daily); err != nil {
		t.Fatal(err)
	}
	// Answered well before the kill: a flush had the time to run and
	// finish (one interval to start, one to write, one of slack).
	settled := 0
	for _, at := range acked {
		if at.Before(killed.Add(-3 * interval)) {
			settled++
		}
	}
	t.Logf("sent %d, answered %d, answered before the last batches %d, stored %d", sent, len(acked), settled, stored)
	if len(acked) < 100 {
		t.Fatalf("only %d views answered: no load", len(acked))
	}
	if stored < int64(settled) || stored > int64(sent) {
		t.Fatalf("stored %d views; %d were answered more than a batch before the kill, %d sent", stored, settled, sent)
	}
	if daily != stored {
		t.Fatalf("daily rows hold %d views, articles %d: a batch was half written", daily, stored)
	}
}
