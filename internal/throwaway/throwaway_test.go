package throwaway

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReapStale: a folder whose owner is dead goes, unless a server's own
// pid file in it names a live process; a live owner's stays, and so does a
// folder still being set up (no owner file yet).
func TestReapStale(t *testing.T) {
	base := t.TempDir()
	mine, err := Mkdir(base, "x-")
	if err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(base, "x-dead")
	serving := filepath.Join(base, "x-serving")
	settingUp := filepath.Join(base, "x-new")
	for _, d := range []string{dead, serving, settingUp} {
		os.MkdirAll(filepath.Join(d, "data"), 0o755)
	}
	// PID 2^22+1 is above Linux's limit: no process has it.
	os.WriteFile(filepath.Join(dead, ownerFile), []byte("4194305"), 0o644)
	os.WriteFile(filepath.Join(serving, ownerFile), []byte("4194305"), 0o644)
	os.WriteFile(filepath.Join(serving, "data", "server.pid"), []byte("1\n"), 0o644)
	ReapStale(base, "x-", "data/server.pid")
	for d, want := range map[string]bool{mine: true, dead: false, serving: true, settingUp: true} {
		if _, err := os.Stat(d); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(d), err == nil, want)
		}
	}
}
