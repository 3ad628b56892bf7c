// Package sqlstore holds congtin's SQL: the queries and the row mapping of
// every store method, written once for both databases. The dialect
// packages, sqlite and postgres, open the database, keep its migrations and
// supply the few things that differ (Dialect): placeholders, how a time is
// stored, what a driver error means, the full-text index.
//
// A store method runs SQL and maps rows; it checks nothing. Who may do
// what, which input is valid, which workflow step follows and what the
// audit log says are the service layer's (package app), which calls the
// transaction methods here inside DB.WithTx. Errors carry codes: a missing
// row is congtin.NotFound of its kind, a write a concurrent writer beat is
// congtin.ErrConflict, text the database cannot hold is congtin.ErrBadText.
//
// Queries are written with ? placeholders and portable SQL (COALESCE,
// CAST, ON CONFLICT, RETURNING, TRUE/FALSE), in the subset SQLite 3.35+
// and PostgreSQL 15 share. Arguments of type time.Time are converted by
// the dialect (Unix seconds on SQLite, timestamps on PostgreSQL); times
// are scanned with at, which reads either.
package sqlstore
