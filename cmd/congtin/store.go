package main

import (
	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
)

// store is what the commands use of a database, whichever one -db names.
// Both stores also keep a change log (congtin.ChangeService), which serve
// finds on the value itself.
type store interface {
	congtin.Store
	Close() error
}

var (
	_ store = (*sqlite.DB)(nil)
	_ store = (*postgres.DB)(nil)
)

// openStore opens the database named by the config, migrating it.
func openStore(cfg *config.Config) (store, error) {
	if url, ok := cfg.PostgresURL(); ok {
		db := postgres.NewDB(url)
		if err := db.Open(); err != nil {
			return nil, err
		}
		return db, nil
	}
	path, err := cfg.SQLitePath()
	if err != nil {
		return nil, err
	}
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		return nil, err
	}
	return db, nil
}
