package sqlstore

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// A public page runs the same few reads for every reader (the article,
// its newer and older neighbours, the counters), and the pure-Go SQLite
// parses and plans each query anew unless it is prepared: a fifth of an
// uncached article's CPU went to sqlite3Prepare. stmtCache keeps the
// pool's reads prepared, keyed by their text (database/sql prepares a
// Stmt on each connection it runs on, once). Queries are built with their
// placeholders, never their values, so the set of texts is small; it is
// bounded all the same, and a query past the bound runs unprepared.
//
// PostgreSQL's driver (pgx) keeps its own per-connection statement cache,
// so only SQLite asks for this (Dialect.PrepareReads).
type stmtCache struct {
	on bool
	m  sync.Map // bound query → *sql.Stmt
	n  atomic.Int32
}

// maxStmts bounds the prepared statements kept.
const maxStmts = 512

// get returns the prepared statement of query on pool, preparing it the
// first time; nil when the cache is off, full, or the query does not
// prepare (it then runs, and fails, unprepared, with its own error).
func (c *stmtCache) get(pool *sql.DB, query string) *sql.Stmt {
	if !c.on {
		return nil
	}
	if st, ok := c.m.Load(query); ok {
		return st.(*sql.Stmt)
	}
	if c.n.Load() >= maxStmts {
		return nil
	}
	st, err := pool.PrepareContext(context.Background(), query)
	if err != nil {
		return nil
	}
	if prev, loaded := c.m.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt)
	}
	c.n.Add(1)
	return st
}

// lookup returns query's prepared statement if the cache has it, and
// never prepares one: a transaction must not wait for another of the
// pool's connections (they may all be waiting for its write lock).
func (c *stmtCache) lookup(query string) *sql.Stmt {
	if !c.on {
		return nil
	}
	if st, ok := c.m.Load(query); ok {
		return st.(*sql.Stmt)
	}
	return nil
}

// close closes the prepared statements.
func (c *stmtCache) close() {
	c.m.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		c.m.Delete(k)
		return true
	})
	c.n.Store(0)
}

// txStmts are one transaction's prepared statements, keyed by their text.
// An import runs the same few writes a hundred thousand times in one
// transaction, and unprepared each was parsed and planned anew (a tenth
// of an import's CPU). They are prepared on the transaction's own
// connection (never through the pool: see lookup), or taken from the
// pool's when it has them, once each; database/sql closes them when the
// transaction ends. Not safe for concurrent use, as a transaction is not.
type txStmts struct {
	m map[string]*sql.Stmt
}

// maxTxStmts bounds the statements one transaction keeps prepared: a
// query built with a varying number of placeholders runs unprepared past
// it.
const maxTxStmts = 128

// get returns query's statement in tx, preparing it the first time; nil
// when the bound is reached or it does not prepare (it then runs, and
// fails, unprepared, with its own error).
func (c *txStmts) get(ctx context.Context, tx *sql.Tx, pool *stmtCache, query string) *sql.Stmt {
	if st, ok := c.m[query]; ok {
		return st
	}
	if len(c.m) >= maxTxStmts {
		return nil
	}
	var st *sql.Stmt
	if ps := pool.lookup(query); ps != nil {
		st = tx.StmtContext(ctx, ps)
	} else {
		var err error
		if st, err = tx.PrepareContext(ctx, query); err != nil {
			return nil
		}
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st
}
