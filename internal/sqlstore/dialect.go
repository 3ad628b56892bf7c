package sqlstore

import (
	"context"
	"database/sql"
	"io/fs"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// Dialect is what differs between the databases. Package sqlite and
// package postgres each provide one.
type Dialect interface {
	// Name prefixes error messages: "sqlite", "postgres".
	Name() string
	// Bind rewrites a query written with ? placeholders into the
	// driver's ($1, $2, … on PostgreSQL). Queries must not hold a ?
	// anywhere else.
	Bind(query string) string
	// Time is how a time argument is stored: whole seconds, as Unix
	// seconds (SQLite) or a timestamp (PostgreSQL).
	Time(t time.Time) any
	// Err says what a driver error means to a user, as an application
	// error (congtin.Unavailable, congtin.ErrConflict, congtin.ErrBadText),
	// or returns nil when it means nothing in particular.
	Err(err error) error
	// BeginWrite runs first in every write transaction. PostgreSQL takes
	// the change log's lock there, so that writers queue in the order
	// their changes are logged, one at a time as on SQLite.
	BeginWrite(ctx context.Context, tx *sql.Tx) error
	// Migrations holds the dialect's migrations/NNNN_name.sql files, and
	// BeginMigration runs first in each migration's transaction (a lock
	// when several processes may start at once).
	Migrations() fs.FS
	BeginMigration(ctx context.Context, tx *sql.Tx) error
	// Lookupable reports whether s can be compared with stored text:
	// PostgreSQL refuses invalid UTF-8 and NUL bytes outright, where a
	// lookup by a key from a URL must simply find nothing.
	Lookupable(s string) bool

	Indexer
	KeyIndexer
}

// Indexer keeps the full-text indexes, in each database's own way (FTS5
// tables on SQLite, tsvector columns on PostgreSQL), and searches them.
type Indexer interface {
	// UnindexArticles removes an article's index entry; id 0 empties
	// the index (before a rebuild).
	UnindexArticles(ctx context.Context, tx *Tx, id int64) error
	// WriteArticleIndex writes analysed articles' entries, new or
	// replacing theirs.
	WriteArticleIndex(ctx context.Context, tx *Tx, docs []*IndexDoc) error
	// ArticleSearch prepares the full-text half of one search (Search
	// holds the other): q's filters and q.Now decide which articles are
	// public, pq is its text parsed.
	ArticleSearch(db *DB, q congtin.SearchQuery, pq *search.Query) ArticleSearch
	// IndexEmpty reports whether the article index holds nothing.
	IndexEmpty(ctx context.Context, db *DB) (bool, error)

	DocumentIndexer
}
