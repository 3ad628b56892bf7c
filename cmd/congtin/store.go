package main

import (
	"context"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
)

// database is what -db names: a store that can be closed.
type database interface {
	congtin.Store
	Close() error
}

var (
	_ database = (*sqlite.DB)(nil)
	_ database = (*postgres.DB)(nil)
)

// portal is an opened database with the service layer over it: what the
// commands use. DB is the database itself, for what only it does
// (backups, copies, the change log).
type portal struct {
	*app.App
	DB database
}

// Close closes the database.
func (p *portal) Close() error { return p.DB.Close() }

// openStore opens the database named by the config, migrating it.
func openStore(cfg *config.Config) (*portal, error) {
	var db interface {
		database
		Open() error
	}
	if url, ok := cfg.PostgresURL(); ok {
		db = postgres.NewDB(url)
	} else {
		path, err := cfg.SQLitePath()
		if err != nil {
			return nil, err
		}
		sdb := sqlite.NewDB(path)
		sdb.SearchMmap = int64(cfg.SQLiteMmapMB) << 20
		db = sdb
	}
	if err := db.Open(); err != nil {
		return nil, err
	}
	return &portal{App: app.New(db), DB: db}, nil
}

// openSite opens the database as openStore does and reads its default
// site, what most commands work on. The caller closes the database.
func openSite(ctx context.Context, cfg *config.Config) (*portal, *congtin.Site, error) {
	db, err := openStore(cfg)
	if err != nil {
		return nil, nil, err
	}
	site, err := db.DefaultSite(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, site, nil
}
