package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/congtin/congtin"
)

// DB is a congtin store on a SQL database.
type DB struct {
	conn
	pool *sql.DB
	d    Dialect
	// keepsMarks: the dialect's placeholders are ?, as written.
	keepsMarks bool
	binds      sync.Map // query → bound query
	// stmts are the pool's prepared reads (stmts.go), when the dialect
	// wants them.
	stmts stmtCache

	mu  sync.RWMutex
	now func() time.Time
}

// New returns a store on an open, migrated pool.
func New(pool *sql.DB, d Dialect) *DB {
	db := &DB{pool: pool, d: d, now: time.Now, keepsMarks: d.Bind("?") == "?"}
	db.conn = conn{q: pool, db: db, pooled: true}
	if p, ok := d.(interface{ PrepareReads() bool }); ok && p.PrepareReads() {
		db.stmts.on = true
	}
	return db
}

// Pool is the connection pool, for the dialect's own work (backups,
// copies, maintenance).
func (db *DB) Pool() *sql.DB { return db.pool }

// Dialect is the store's dialect.
func (db *DB) Dialect() Dialect { return db.d }

// Now returns the store's current time; every transaction runs at the one
// it read when it began, in whole seconds.
func (db *DB) Now() time.Time {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.now()
}

// SetNow makes the store read the current time from now (tests; it
// implements storetest.Clock).
func (db *DB) SetNow(now func() time.Time) {
	db.mu.Lock()
	db.now = now
	db.mu.Unlock()
}

// Close closes the prepared statements and the pool.
func (db *DB) Close() error {
	db.stmts.close()
	return db.pool.Close()
}

// Tx is a write transaction with the one time it runs at.
type Tx struct {
	conn
	tx  *sql.Tx
	now time.Time
	// later holds the articles whose index entries wait for IndexPending
	// (IndexLater); nil when they are written at once.
	later    []int64
	deferIdx bool
}

// Now is the time the transaction runs at: whole seconds, in UTC.
func (tx *Tx) Now() time.Time { return tx.now }

// SQL is the transaction itself, for the dialect's own statements.
func (tx *Tx) SQL() *sql.Tx { return tx.tx }

// Begin starts a write transaction. The caller must end it with Commit or
// Rollback; WithTx does both.
func (db *DB) Begin(ctx context.Context) (*Tx, error) {
	t, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.wrap("begin", err)
	}
	if err := db.d.BeginWrite(ctx, t); err != nil {
		t.Rollback()
		return nil, db.wrap("begin", err)
	}
	tx := &Tx{tx: t, now: db.Now().UTC().Truncate(time.Second)}
	tx.conn = conn{q: t, db: db, tx: t}
	if db.stmts.on {
		tx.conn.txStmts = &txStmts{}
	}
	return tx, nil
}

// Commit commits the transaction.
func (tx *Tx) Commit() error { return tx.db.wrap("commit", tx.tx.Commit()) }

// Rollback abandons the transaction; after a commit it does nothing.
func (tx *Tx) Rollback() error { return tx.tx.Rollback() }

// WithTx runs fn in a write transaction and commits it when fn returns
// nil; otherwise nothing fn wrote stays.
func (db *DB) WithTx(ctx context.Context, fn func(congtin.Tx) error) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// conn runs queries on the pool or in a transaction, binding placeholders
// and converting time arguments for the dialect.
type conn struct {
	q interface {
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	}
	db *DB
	// pooled: q is the pool, not a transaction; its reads may use the
	// prepared statements. In a transaction, tx is it, and its statements
	// use them through tx.StmtContext (prepared once per connection).
	pooled bool
	tx     *sql.Tx
	// txStmts are the transaction's own prepared statements, when the
	// dialect wants them (stmts.go).
	txStmts *txStmts
}

// Query runs a query that returns rows.
func (c conn) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q := c.db.bind(query)
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, c.db.args(args)...)
	}
	return c.q.QueryContext(ctx, q, c.db.args(args)...)
}

// QueryRow runs a query that returns at most one row.
func (c conn) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	q := c.db.bind(query)
	if st := c.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, c.db.args(args)...)
	}
	return c.q.QueryRowContext(ctx, q, c.db.args(args)...)
}

// Exec runs a statement.
func (c conn) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	q := c.db.bind(query)
	if st := c.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, c.db.args(args)...)
	}
	return c.q.ExecContext(ctx, q, c.db.args(args)...)
}

// stmt returns query's prepared statement for this pool or transaction,
// or nil (stmts.go).
func (c conn) stmt(ctx context.Context, query string) *sql.Stmt {
	if c.pooled {
		return c.db.stmts.get(c.db.pool, query)
	}
	if c.tx == nil {
		return nil
	}
	if c.txStmts != nil {
		return c.txStmts.get(ctx, c.tx, &c.db.stmts, query)
	}
	// Only a statement the pool has prepared already: preparing one
	// through the pool would take another of its connections, and when
	// every other one waits for this transaction's write lock, the two
	// would wait for each other until SQLite's busy timeout.
	if st := c.db.stmts.lookup(query); st != nil {
		return c.tx.StmtContext(ctx, st)
	}
	return nil
}

// insert runs an INSERT … RETURNING id and returns the id.
func (c conn) insert(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := c.QueryRow(ctx, query+` RETURNING id`, args...).Scan(&id)
	return id, err
}

// exists runs a SELECT EXISTS (…) query.
func (c conn) exists(ctx context.Context, query string, args ...any) (bool, error) {
	var ok bool
	err := c.QueryRow(ctx, `SELECT EXISTS (`+query+`)`, args...).Scan(&ok)
	return ok, err
}

// count runs a SELECT COUNT(*) … query.
func (c conn) count(ctx context.Context, query string, args ...any) (int, error) {
	var n int
	err := c.QueryRow(ctx, query, args...).Scan(&n)
	return n, err
}

// bind returns the query with the dialect's placeholders. A dialect that
// keeps ? needs nothing; another's bound queries are remembered, keyed by
// the query itself, so a page's queries cost a map lookup and allocate
// nothing.
func (db *DB) bind(query string) string {
	if db.keepsMarks {
		return query
	}
	if b, ok := db.binds.Load(query); ok {
		return b.(string)
	}
	b := db.d.Bind(query)
	db.binds.Store(query, b)
	return b
}

// args converts time arguments as the dialect stores them. It copies
// only when there is one to convert.
func (db *DB) args(args []any) []any {
	out := args
	for i, a := range args {
		t, ok := a.(time.Time)
		if !ok {
			continue
		}
		if &out[0] == &args[0] {
			out = append([]any(nil), args...)
		}
		out[i] = db.d.Time(t)
	}
	return out
}

// wrap adds the store's prefix to an error, and turns a driver error that
// means something to a user into the application error that says so.
// Application errors (a missing row, a validation error) pass unchanged.
func (db *DB) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *congtin.Error
	var ve *congtin.ValidationError
	if errors.As(err, &ae) || errors.As(err, &ve) {
		return err
	}
	if e := db.d.Err(err); e != nil {
		return fmt.Errorf("%s: %s: %w (%v)", db.d.Name(), op, e, err)
	}
	return fmt.Errorf("%s: %s: %w", db.d.Name(), op, err)
}

// Querier runs queries with the store's placeholders and time arguments.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// On returns a Querier over another pool of the same database (SQLite's
// read-only, memory-mapped one for searches).
func (db *DB) On(pool *sql.DB) Querier { return conn{q: pool, db: db} }

// WrapTx returns a store transaction over t, a transaction of the
// dialect's own begun at now; the caller commits or rolls back t.
func (db *DB) WrapTx(t *sql.Tx, now time.Time) *Tx {
	tx := &Tx{tx: t, now: now}
	tx.conn = conn{q: t, db: db}
	return tx
}

// Ping checks that the database answers a query (for /readyz); an
// unreachable server is congtin.Unavailable.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.wrap("ping", db.QueryRow(ctx, `SELECT 1`).Scan(&one))
}
