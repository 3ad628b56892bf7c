package main_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBackupAndRestore: a backup of a live portal restores into a working
// portal; bad targets and bad backups are refused with a clear message
// and damage nothing.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	file := writeJSON(t, dir, "a.json", articleRecords(12))
	out, errOut, err := runCmd(t, "import", "-db", "sqlite:"+live, file)
	if err != nil {
		t.Fatalf("import: %v %s", err, errOut)
	}
	path := strings.Fields(out)[3]
	p := StartPortal(t, "serve", "-db", "sqlite:"+live)
	for range 9 {
		p.Get(path, browserUA)
	}
	// Wait for the views to be written (the portal flushes every 100 ms).
	ro, err := sql.Open("sqlite", "file:"+live+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		var n int64
		if err := ro.QueryRow(`SELECT IFNULL(SUM(views), 0) FROM articles`).Scan(&n); err == nil && n == 9 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the views were not written")
		}
	}
	backup := filepath.Join(dir, "backup.db")
	if out, errOut, err := runCmd(t, "backup", "-db", "sqlite:"+live, backup); err != nil || !strings.Contains(out, "backed up") {
		t.Fatalf("backup of a live portal: %v %q %q", err, out, errOut)
	}
	// Bad targets: an existing file, a missing folder, a folder nobody can
	// write to (/proc: not even root, which CI runs as), PostgreSQL.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"backup", "-db", "sqlite:" + live, backup}, "already exists"},
		{[]string{"backup", "-db", "sqlite:" + live, filepath.Join(dir, "no", "such", "dir", "b.db")}, "backup to"},
		{[]string{"backup", "-db", "sqlite:" + live, "/proc/congtin-backup.db"}, "backup to"},
		{[]string{"backup", "-db", "postgres://u@127.0.0.1:1/x", filepath.Join(dir, "pg.db")}, "pg_dump"},
		{[]string{"backup", "-db", "sqlite:" + live}, "give the file"},
		{[]string{"restore", "-db", "sqlite:" + filepath.Join(dir, "r.db"), filepath.Join(dir, "missing.db")}, "restore"},
	} {
		if _, errOut, err := runCmd(t, c.args...); err == nil || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %v, stderr %q, want %q", c.args, err, errOut, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Error("a failed backup created folders")
	}
	if err := p.Stop(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}

	// A file that is not a congtin backup leaves the target as it was.
	target := filepath.Join(dir, "restored.db")
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database at all"), 0o644)
	os.WriteFile(target, []byte("keep me"), 0o644)
	if _, errOut, err := runCmd(t, "restore", "-db", "sqlite:"+target, junk); err == nil || !strings.Contains(errOut, "not a sound congtin backup") {
		t.Fatalf("restore from junk: %v %q", err, errOut)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Fatal("a refused restore changed the target")
	}
	if out, errOut, err := runCmd(t, "restore", "-db", "sqlite:"+target, backup); err != nil || !strings.Contains(out, "restored") {
		t.Fatalf("restore: %v %q %q", err, out, errOut)
	}
	p2 := StartPortal(t, "serve", "-db", "sqlite:"+target)
	if got := p2.Views(path); got != "9" {
		t.Fatalf("restored portal shows %s views, want the 9 stored before the backup", got)
	}
}
