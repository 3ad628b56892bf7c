package postgres

import (
	"context"
	"database/sql"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sqlstore"
)

// dialect is PostgreSQL's part of the store (sqlstore.Dialect).
type dialect struct{}

var _ sqlstore.Dialect = dialect{}

func (dialect) Name() string { return "postgres" }

// Bind numbers the ? placeholders $1, $2, … in order.
func (dialect) Bind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for {
		i := strings.IndexByte(q, '?')
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		n++
		b.WriteString(q[:i])
		b.WriteString("$" + strconv.Itoa(n))
		q = q[i+1:]
	}
}

// Time stores a time as TIMESTAMPTZ holding whole seconds, as SQLite's
// Unix seconds (rounded down, as time.Unix counts them), so that values
// written and compared match the SQLite store to the second.
func (dialect) Time(t time.Time) any { return time.Unix(t.Unix(), 0).UTC() }

// Err says what a PostgreSQL error means to a user: a server that cannot
// be reached (restarting, a network cut) is congtin.Unavailable, which the
// web layer answers with 503 and Retry-After; a unique violation or a
// deadlock that only concurrent writers can cause is a conflict the user
// may retry; and text PostgreSQL cannot store (SQLite stores any bytes) is
// invalid input rather than an internal error.
func (dialect) Err(err error) error {
	if unreachable(err) {
		return congtin.Unavailable(err)
	}
	switch pgCode(err) {
	case uniqueViolation, deadlockDetected, serializationFailure:
		return congtin.ErrConflict
	case foreignKeyViolation:
		return congtin.ErrGone
	case characterNotInRepertoire, untranslatableCharacter:
		return congtin.ErrBadText
	}
	return nil
}

// BeginWrite takes the change log's lock (migrations/0004_changes.sql
// explains it) before anything else, so that a writer never waits for it
// while holding a row another writer needs; the change log's triggers
// would take it anyway, later. It makes the newsroom's writes one at a
// time, as they are on SQLite; counters, sessions and sign-in failures do
// not go through it.
func (dialect) BeginWrite(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, changesLock)
	return err
}

func (dialect) Migrations() fs.FS { return migrationFS }

// BeginMigration takes the migrations' advisory lock, held until the
// transaction ends: a second process starting at once waits, then finds
// the migration recorded.
func (dialect) BeginMigration(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock)
	return err
}

// Lookupable: PostgreSQL refuses invalid UTF-8 and NUL bytes in text.
func (dialect) Lookupable(s string) bool { return storable(s) }
