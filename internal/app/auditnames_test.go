package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestAuditActionsNamed: every action the service layer writes to the
// audit log has a Vietnamese name for the editors who read it: those
// written as codes in this package, and each workflow step on each kind.
// A new action without a name fails here, not in front of an editor.
func TestAuditActionsNamed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`"([a-z_]+\.[a-z_]+)"`)
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.Contains(line, "Entry(") && !strings.Contains(line, "action") {
				continue
			}
			for _, m := range code.FindAllStringSubmatch(line, -1) {
				seen[m[1]] = true
			}
		}
	}
	if len(seen) < 20 {
		t.Fatalf("found only %d audit actions in the package's source: %v", len(seen), seen)
	}
	for _, f := range flows {
		for _, act := range []string{congtin.ActSubmit, congtin.ActWithdraw, congtin.ActReturn, congtin.ActPublish,
			congtin.ActUnpublish, congtin.ActDecline, congtin.ActComment, congtin.ActRestore} {
			seen[f.audit+"."+act] = true
		}
	}
	t.Logf("%d actions", len(seen))
	for a := range seen {
		if name := congtin.AuditActionName(a); name == a || strings.ContainsAny(name, "._") {
			t.Errorf("the audit action %q has no Vietnamese name (%q)", a, name)
		}
	}
}
