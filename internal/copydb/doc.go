// Package copydb copies a whole congtin installation from one database to
// another, whichever stores hold them: SQLite to PostgreSQL (a commune
// moving onto the province's server), PostgreSQL to SQLite, or either to
// its own kind.
//
// It holds no schema of its own. Each store describes its tables as its
// catalogue has them (sqlite_master and PRAGMA table_info, or
// information_schema and pg_constraint) and reads and writes rows with its
// own SQL; this package matches the two descriptions table by table and
// column by column, converts each column between the two stores' kinds of
// value (SQLite keeps times as Unix seconds and flags as 0/1, PostgreSQL as
// timestamptz and boolean), orders the tables so that foreign keys hold,
// and checks the counts after the commit. A migration that adds a table or
// a column to both dialects is copied without a change here; one that adds
// it to one dialect only, or a column of a kind this package cannot
// convert, stops the copy before anything is written.
//
// What the stores leave out: their migrations table (compared, not
// copied: both sides must have applied the same migrations), the change
// log (see the stores' CopyTarget) and the search index (rebuilt inside
// the copy's transaction).
package copydb
