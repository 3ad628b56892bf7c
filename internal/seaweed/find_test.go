package seaweed

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFindWeed: weed is looked for at $CONGTIN_WEED, on PATH, then in the
// cache scripts/test.sh fills; without it the error says how to get it.
func TestFindWeed(t *testing.T) {
	t.Setenv(EnvWeed, filepath.Join(t.TempDir(), "weed"))
	if _, err := findWeed(); err == nil || !strings.Contains(err.Error(), EnvWeed) {
		t.Errorf("a missing $%s: %v", EnvWeed, err)
	}
	t.Setenv(EnvWeed, "")
	t.Setenv("PATH", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	if _, err := findWeed(); err == nil || !strings.Contains(err.Error(), "scripts/test.sh") {
		t.Errorf("no weed anywhere: %v", err)
	}
}
