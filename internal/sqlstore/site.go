package sqlstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

var _ congtin.SiteStore = (*DB)(nil)
var _ congtin.SiteTx = (*Tx)(nil)

const siteColumns = `id, host, name, tagline, agency, address, phone, email, counter_offset, canonical_host, scheme`

func scanSite(row scanner) (*congtin.Site, error) {
	var s congtin.Site
	if err := row.Scan(&s.ID, &s.Host, &s.Name, &s.Tagline, &s.Agency, &s.Address, &s.Phone, &s.Email, &s.CounterOffset, &s.CanonicalHost, &s.Scheme); err != nil {
		return nil, err
	}
	return &s, nil
}

// FindSiteByHost implements congtin.SiteStore.
func (db *DB) FindSiteByHost(ctx context.Context, host string) (*congtin.Site, error) {
	host = strings.ToLower(host)
	if !db.d.Lookupable(host) {
		host = "" // no site has such a host: the default site answers
	}
	// false sorts before true: the host's own site before the default.
	s, err := scanSite(db.QueryRow(ctx, `SELECT `+siteColumns+` FROM sites WHERE host = ? OR host = '' ORDER BY host = '' LIMIT 1`, host))
	return s, db.wrap("find site", found(err, congtin.KindSite))
}

// FindSites implements congtin.SiteStore.
func (db *DB) FindSites(ctx context.Context) ([]*congtin.Site, error) {
	ss, err := list(ctx, db.conn, scanSite, `SELECT `+siteColumns+` FROM sites ORDER BY host`)
	return ss, db.wrap("find sites", err)
}

// FindSite implements congtin.SiteTx.
func (tx *Tx) FindSite(ctx context.Context, id int64) (*congtin.Site, error) {
	s, err := scanSite(tx.QueryRow(ctx, `SELECT `+siteColumns+` FROM sites WHERE id = ?`, id))
	return s, tx.db.wrap("find site", found(err, congtin.KindSite))
}

// FindSiteWithHost implements congtin.SiteTx.
func (tx *Tx) FindSiteWithHost(ctx context.Context, host string) (*congtin.Site, error) {
	if !tx.db.d.Lookupable(host) {
		return nil, congtin.NotFound(congtin.KindSite)
	}
	s, err := scanSite(tx.QueryRow(ctx, `SELECT `+siteColumns+` FROM sites WHERE host = ?`, host))
	return s, tx.db.wrap("find site", found(err, congtin.KindSite))
}

// InsertSite implements congtin.SiteTx.
func (tx *Tx) InsertSite(ctx context.Context, s *congtin.Site) error {
	id, err := tx.insert(ctx, `INSERT INTO sites (host, name, scheme, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`, s.Host, s.Name, s.Scheme, tx.now, tx.now)
	if err != nil {
		return tx.db.wrap("insert site", err)
	}
	s.ID = id
	return nil
}

// UpdateSiteSettings implements congtin.SiteTx.
func (tx *Tx) UpdateSiteSettings(ctx context.Context, s *congtin.Site) error {
	_, err := tx.Exec(ctx, `UPDATE sites SET name = ?, tagline = ?, agency = ?, address = ?, phone = ?, email = ?, counter_offset = ?,
		canonical_host = ?, scheme = ?, updated_at = ?
		WHERE id = ?`, s.Name, s.Tagline, s.Agency, s.Address, s.Phone, s.Email, s.CounterOffset, s.CanonicalHost, s.Scheme, tx.now, s.ID)
	return tx.db.wrap("update site", err)
}

// SeedSite implements congtin.SiteTx.
func (tx *Tx) SeedSite(ctx context.Context, siteID int64) error {
	for _, l := range []struct {
		table string
		names []string
	}{{"document_types", congtin.DefaultDocumentTypes}, {"document_fields", congtin.DefaultDocumentFields}, {"dataset_themes", congtin.DefaultDatasetThemes}} {
		for i, n := range l.names {
			if _, err := tx.Exec(ctx, `INSERT INTO `+l.table+` (site_id, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, siteID, n, i+1); err != nil {
				return tx.db.wrap("seed document lists", err)
			}
		}
	}
	if err := seedDisclosures(func(q string, args ...any) error {
		_, err := tx.Exec(ctx, q, args...)
		return err
	}, siteID); err != nil {
		return tx.db.wrap("seed disclosures", err)
	}
	for _, l := range congtin.DefaultLinks {
		if _, err := tx.Exec(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES (?, ?, ?, ?, ?)`,
			siteID, l.Name, l.URL, l.Group, l.Position); err != nil {
			return tx.db.wrap("seed links", err)
		}
	}
	return nil
}

// Secret implements congtin.SecretService: the first process to ask
// stores a random value (ON CONFLICT DO NOTHING lets one of several
// asking at once win), and every process reads whichever was stored. A
// secret is no content: it is written outside the write transactions.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) // never fails (crypto/rand, Go 1.24+)
	if _, err := db.Exec(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		name, hex.EncodeToString(fresh), db.Now()); err != nil {
		return nil, db.wrap("secret", err)
	}
	var v string
	if err := db.QueryRow(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v); err != nil {
		return nil, db.wrap("secret", err)
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) < 32 {
		return nil, fmt.Errorf("%s: secret %q is damaged", db.d.Name(), name)
	}
	return b, nil
}
