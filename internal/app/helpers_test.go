package app_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// The tests of this package check the rules of the service layer: who may
// do what, which input is refused, which workflow step is refused in which
// state, and that a refused change writes nothing. They run once, over a
// real SQLite file; what the store does with what the rules let through is
// checked on both databases by package storetest.

// mustOpen is the service layer over a fresh SQLite database in a
// temporary file.
func mustOpen(t *testing.T) *app.App {
	t.Helper()
	return app.New(storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "congtin.db")))
}

// clockStart is where a test's set clock starts: a Monday morning in
// Vietnam.
var clockStart = time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone)

// testIP is the address actors act from (TEST-NET-3), as in storetest.
const testIP = "203.0.113.7"

// system is the actor of setup steps that need no particular user.
var system = congtin.SystemActor("apptest")

// auditCount returns how many audit entries of the site match the action
// prefix.
func auditCount(t *testing.T, a *app.App, siteID int64, action string) int {
	t.Helper()
	return len(storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: siteID, Action: action}))
}

// wantAudit fails the test unless the site has n audit entries under the
// action prefix: a refused change writes none.
func wantAudit(t *testing.T, a *app.App, siteID int64, action string, n int, what string) {
	t.Helper()
	if got := auditCount(t, a, siteID, action); got != n {
		t.Fatalf("%s: %d %q audit entries, want %d", what, got, action, n)
	}
}
