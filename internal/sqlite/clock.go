package sqlite

import "time"

// SetNow sets the clock the store reads; it implements storetest.Clock.
func (db *DB) SetNow(now func() time.Time) { db.Now = now }
