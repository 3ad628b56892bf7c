package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/congtin/congtin/internal/sqlite"
)

// runBackup writes a consistent copy of a live SQLite database.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("backup", stderr)
	fs, cfg := c.fs, &c.cfg
	if err := c.parse(args, func() error {
		if fs.NArg() != 1 {
			return errors.New("backup: give the file to write, e.g. congtin backup -db sqlite:congtin.db backup-2026-11-27.db")
		}
		return nil
	}); err != nil {
		return err
	}
	if _, err := cfg.SQLitePath(); err != nil {
		return errors.New("backup: only for SQLite; back PostgreSQL up with pg_dump")
	}
	db, err := openStore(cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	b, ok := db.DB.(interface {
		Backup(context.Context, string) error
	})
	if !ok {
		return errors.New("backup: this store cannot back itself up")
	}
	start := time.Now()
	if err := b.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s in %s\n", cfg.DBForLog(), fs.Arg(0), time.Since(start).Round(time.Millisecond))
	return nil
}

// runRestore puts a backup in place of a SQLite database file that no
// process is using.
func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	// Not c.parse: a restore only needs the file's path, whatever the
	// other settings say.
	c := newCommand("restore", stderr)
	fs, cfg := c.fs, &c.cfg
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("restore: give the backup file, e.g. congtin restore -db sqlite:congtin.db backup-2026-11-27.db; stop congtin serve first")
	}
	path, err := cfg.SQLitePath()
	if err != nil {
		return errors.New("restore: only for SQLite; restore PostgreSQL with pg_restore")
	}
	if err := sqlite.Restore(ctx, fs.Arg(0), path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", cfg.DBForLog(), fs.Arg(0))
	return nil
}
