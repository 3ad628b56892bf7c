// Package app is congtin's service layer: every rule, once. Who may do
// what (congtin.Can), which input is valid, what is sanitized, which step
// of the editorial workflow follows, which revision is kept and what the
// audit log records are decided here, for every database, and run in one
// transaction of the store (congtin.Store.WithTx), so that a check, the
// write it allows and its audit entry stand or fall together.
//
// The HTTP handlers (packages web and admin), the command line and the
// importers call an *App; nothing else writes to a store.
package app

import (
	"time"

	"github.com/congtin/congtin"
)

// App is the service layer over a store. Reads that need no rule go
// straight to the store (the embedded congtin.Store); writes are App's
// own methods.
type App struct {
	congtin.Store
	// Mail queues notifications to be e-mailed to the users who asked
	// (see MailNotifications): set when an SMTP server is configured.
	Mail bool

	mailWake chan struct{}
	// jobWake tells the background worker a job was queued (filetext.go).
	jobWake chan struct{}

	// preview is the key preview links are signed with (preview.go).
	preview previewKey

	// vocab are the sites' vocabularies, for "did you mean"
	// (didyoumean.go).
	vocab vocabularies
	// spellings are the sites' compiled tables of equivalent spellings
	// (spelling.go).
	spellings spellingCache
}

var _ congtin.Service = (*App)(nil)

// New returns the service layer over the store.
func New(s congtin.Store) *App {
	return &App{Store: s, mailWake: make(chan struct{}, 1), jobWake: make(chan struct{}, 1)}
}

// SetNow sets the store's clock, for tests (storetest.Clock).
func (a *App) SetNow(now func() time.Time) {
	if c, ok := a.Store.(interface{ SetNow(func() time.Time) }); ok {
		c.SetNow(now)
	}
}

// forbidden is the error for an action the actor may not take.
func forbidden(format string, args ...any) error {
	return congtin.Errorf(congtin.EFORBIDDEN, format, args...)
}

// invalid is a form error on one field.
func invalid(field, msg string) error {
	return &congtin.ValidationError{Fields: congtin.FieldErrors{field: msg}}
}
