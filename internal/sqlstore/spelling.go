package sqlstore

import (
	"context"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.SpellingStore = (*DB)(nil)
var _ congtin.SpellingTx = (*Tx)(nil)

// spellingColumns are read from spelling_groups g joined with the user u
// who last changed the group.
const spellingColumns = `g.id, g.site_id, g.spellings, COALESCE(g.updated_by, 0), g.updated_at, COALESCE(u.display_name, '')
	FROM spelling_groups g LEFT JOIN users u ON u.id = g.updated_by`

// A group's spellings are stored one per line: the service splits a
// group's text at line breaks and semicolons, so no spelling holds one.
func scanSpellingGroup(row scanner) (*congtin.SpellingGroup, error) {
	var g congtin.SpellingGroup
	var sp string
	if err := row.Scan(&g.ID, &g.SiteID, &sp, &g.UpdatedBy, at(&g.UpdatedAt), &g.UpdatedByName); err != nil {
		return nil, err
	}
	g.Spellings = strings.Split(sp, "\n")
	return &g, nil
}

func findSpellingGroups(ctx context.Context, c conn, siteID int64) ([]*congtin.SpellingGroup, error) {
	return list(ctx, c, scanSpellingGroup, `SELECT `+spellingColumns+` WHERE g.site_id = ? ORDER BY g.id`, siteID)
}

// FindSpellingGroups implements congtin.SpellingStore.
func (db *DB) FindSpellingGroups(ctx context.Context, siteID int64) ([]*congtin.SpellingGroup, error) {
	gs, err := findSpellingGroups(ctx, db.conn, siteID)
	return gs, db.wrap("find spelling groups", err)
}

// SpellingVersion implements congtin.SpellingStore: one row read by its
// key.
func (db *DB) SpellingVersion(ctx context.Context, siteID int64) (int64, error) {
	var v int64
	err := db.conn.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM spelling_versions WHERE site_id = ?`, siteID).Scan(&v)
	return v, db.wrap("spelling version", err)
}

// FindSpellingGroups implements congtin.SpellingTx.
func (tx *Tx) FindSpellingGroups(ctx context.Context, siteID int64) ([]*congtin.SpellingGroup, error) {
	gs, err := findSpellingGroups(ctx, tx.conn, siteID)
	return gs, tx.db.wrap("find spelling groups", err)
}

// FindSpellingGroup implements congtin.SpellingTx.
func (tx *Tx) FindSpellingGroup(ctx context.Context, siteID, id int64) (*congtin.SpellingGroup, error) {
	g, err := scanSpellingGroup(tx.QueryRow(ctx, `SELECT `+spellingColumns+` WHERE g.id = ? AND g.site_id = ?`, id, siteID))
	return g, tx.db.wrap("find spelling group", found(err, congtin.KindSpellingGroup))
}

// InsertSpellingGroup implements congtin.SpellingTx.
func (tx *Tx) InsertSpellingGroup(ctx context.Context, g *congtin.SpellingGroup) error {
	id, err := tx.insert(ctx, `INSERT INTO spelling_groups (site_id, spellings, updated_by, updated_at) VALUES (?, ?, ?, ?)`,
		g.SiteID, strings.Join(g.Spellings, "\n"), nullID(g.UpdatedBy), g.UpdatedAt)
	if err == nil {
		g.ID = id
		err = tx.bumpSpellings(ctx, g.SiteID)
	}
	return tx.db.wrap("insert spelling group", err)
}

// UpdateSpellingGroup implements congtin.SpellingTx.
func (tx *Tx) UpdateSpellingGroup(ctx context.Context, g *congtin.SpellingGroup) error {
	_, err := tx.Exec(ctx, `UPDATE spelling_groups SET spellings = ?, updated_by = ?, updated_at = ? WHERE id = ? AND site_id = ?`,
		strings.Join(g.Spellings, "\n"), nullID(g.UpdatedBy), g.UpdatedAt, g.ID, g.SiteID)
	if err == nil {
		err = tx.bumpSpellings(ctx, g.SiteID)
	}
	return tx.db.wrap("update spelling group", err)
}

// DeleteSpellingGroup implements congtin.SpellingTx.
func (tx *Tx) DeleteSpellingGroup(ctx context.Context, siteID, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM spelling_groups WHERE id = ? AND site_id = ?`, id, siteID)
	if err == nil {
		err = tx.bumpSpellings(ctx, siteID)
	}
	return tx.db.wrap("delete spelling group", err)
}

// bumpSpellings moves the site's SpellingVersion, in the write's
// transaction.
func (tx *Tx) bumpSpellings(ctx context.Context, siteID int64) error {
	_, err := tx.Exec(ctx, `INSERT INTO spelling_versions (site_id, version) VALUES (?, 1)
		ON CONFLICT (site_id) DO UPDATE SET version = spelling_versions.version + 1`, siteID)
	return err
}

// spellingsOf returns the compiled table of equivalent spellings a query
// carries (the service fills it); nil, the built-in groups alone, when it
// carries none.
func spellingsOf(s congtin.Spellings) *search.Spellings {
	t, _ := s.(*search.Spellings)
	return t
}
