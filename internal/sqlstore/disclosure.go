package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.DisclosureStore = (*DB)(nil)
var _ congtin.DisclosureTx = (*Tx)(nil)

// disclosureLists are the register's lists a group draws on, by the name
// disclosure_terms gives them, with their tables.
var disclosureLists = []struct{ list, table string }{
	{congtin.ListTypes, "document_types"},
	{congtin.ListFields, "document_fields"},
}

func scanDisclosure(row scanner) (*congtin.Disclosure, error) {
	var d congtin.Disclosure
	err := row.Scan(&d.ID, &d.SiteID, &d.Slug, &d.Name, &d.Intro, &d.Position)
	return &d, err
}

const disclosureColumns = `id, site_id, slug, name, intro, position`

// withTerms fills each group's types and fields.
func (c conn) withTerms(ctx context.Context, ds []*congtin.Disclosure) error {
	for _, d := range ds {
		terms, err := list(ctx, c, func(row scanner) (struct {
			list string
			id   int64
		}, error) {
			var t struct {
				list string
				id   int64
			}
			return t, row.Scan(&t.list, &t.id)
		}, `SELECT list, term_id FROM disclosure_terms WHERE disclosure_id = ? ORDER BY list, term_id`, d.ID)
		if err != nil {
			return err
		}
		d.TypeIDs, d.FieldIDs = []int64{}, []int64{}
		for _, t := range terms {
			switch t.list {
			case congtin.ListTypes:
				d.TypeIDs = append(d.TypeIDs, t.id)
			case congtin.ListFields:
				d.FieldIDs = append(d.FieldIDs, t.id)
			}
		}
	}
	return nil
}

// FindDisclosures implements congtin.DisclosureStore.
func (db *DB) FindDisclosures(ctx context.Context, siteID int64) ([]*congtin.Disclosure, error) {
	ds, err := list(ctx, db.conn, scanDisclosure, `SELECT `+disclosureColumns+` FROM disclosures WHERE site_id = ? ORDER BY position, name, id`, siteID)
	if err == nil {
		err = db.withTerms(ctx, ds)
	}
	return ds, db.wrap("find disclosures", err)
}

func (c conn) findDisclosure(ctx context.Context, where string, args ...any) (*congtin.Disclosure, error) {
	d, err := scanDisclosure(c.QueryRow(ctx, `SELECT `+disclosureColumns+` FROM disclosures WHERE `+where, args...))
	if err == nil {
		err = c.withTerms(ctx, []*congtin.Disclosure{d})
	}
	return d, c.db.wrap("find disclosure", found(err, congtin.KindDisclosure))
}

// FindDisclosure implements congtin.DisclosureStore.
func (db *DB) FindDisclosure(ctx context.Context, siteID int64, slug string) (*congtin.Disclosure, error) {
	return db.findDisclosure(ctx, `site_id = ? AND slug = ?`, siteID, clean(slug))
}

// FindDisclosureByID implements congtin.DisclosureTx.
func (tx *Tx) FindDisclosureByID(ctx context.Context, siteID, id int64) (*congtin.Disclosure, error) {
	return tx.findDisclosure(ctx, `site_id = ? AND id = ?`, siteID, id)
}

// DisclosureNameFree implements congtin.DisclosureTx.
func (tx *Tx) DisclosureNameFree(ctx context.Context, siteID int64, name, slug string, self int64) (bool, error) {
	taken, err := tx.exists(ctx, `SELECT 1 FROM disclosures WHERE site_id = ? AND (slug = ? OR name = ?) AND id <> ?`, siteID, slug, name, self)
	return !taken, tx.db.wrap("disclosure slug", err)
}

// CountDocumentTerms implements congtin.DisclosureTx.
func (tx *Tx) CountDocumentTerms(ctx context.Context, siteID int64, listName string, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	for _, l := range disclosureLists {
		if l.list == listName {
			n, err := tx.count(ctx, `SELECT COUNT(*) FROM `+l.table+` WHERE site_id = ? AND id IN (`+placeholders(len(ids))+`)`,
				append([]any{siteID}, anys(ids)...)...)
			return n, tx.db.wrap("count document terms", err)
		}
	}
	return 0, fmt.Errorf("count document terms: unknown list %q", listName)
}

// SaveDisclosure implements congtin.DisclosureTx; an update keeps the
// slug.
func (tx *Tx) SaveDisclosure(ctx context.Context, d *congtin.Disclosure) error {
	if d.ID == 0 {
		id, err := tx.insert(ctx, `INSERT INTO disclosures (site_id, slug, name, intro, position) VALUES (?, ?, ?, ?, ?)`,
			d.SiteID, d.Slug, d.Name, d.Intro, d.Position)
		if err != nil {
			return tx.db.wrap("insert disclosure", err)
		}
		d.ID = id
	} else {
		if _, err := tx.Exec(ctx, `UPDATE disclosures SET name = ?, intro = ?, position = ? WHERE id = ? AND site_id = ?`,
			d.Name, d.Intro, d.Position, d.ID, d.SiteID); err != nil {
			return tx.db.wrap("update disclosure", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM disclosure_terms WHERE disclosure_id = ?`, d.ID); err != nil {
			return tx.db.wrap("update disclosure", err)
		}
	}
	for _, l := range []struct {
		list string
		ids  []int64
	}{{congtin.ListTypes, d.TypeIDs}, {congtin.ListFields, d.FieldIDs}} {
		for _, id := range l.ids {
			if _, err := tx.Exec(ctx, `INSERT INTO disclosure_terms (disclosure_id, list, term_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
				d.ID, l.list, id); err != nil {
				return tx.db.wrap("disclosure terms", err)
			}
		}
	}
	return nil
}

// DeleteDisclosure implements congtin.DisclosureTx.
func (tx *Tx) DeleteDisclosure(ctx context.Context, siteID, id int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM disclosure_terms WHERE disclosure_id IN (SELECT id FROM disclosures WHERE id = ? AND site_id = ?)`, id, siteID); err != nil {
		return tx.db.wrap("delete disclosure", err)
	}
	_, err := tx.Exec(ctx, `DELETE FROM disclosures WHERE id = ? AND site_id = ?`, id, siteID)
	return tx.db.wrap("delete disclosure", err)
}

// seedDisclosures writes congtin.DefaultDisclosures for a site, their
// types and fields found by the register's lists' names (a name the site
// no longer has is left out); a group already there is left as it is.
// exec runs one statement with the store's placeholders, for a new site
// (SeedSite) as for the sites a migration finds.
func seedDisclosures(exec func(query string, args ...any) error, siteID int64) error {
	for i, d := range congtin.DefaultDisclosures {
		if err := exec(`INSERT INTO disclosures (site_id, slug, name, intro, position) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			siteID, d.Slug, d.Name, d.Intro, i+1); err != nil {
			return err
		}
		for _, l := range []struct {
			list, table string
			names       []string
		}{{congtin.ListTypes, "document_types", d.Types}, {congtin.ListFields, "document_fields", d.Fields}} {
			for _, name := range l.names {
				if err := exec(`INSERT INTO disclosure_terms (disclosure_id, list, term_id) SELECT d.id, ?, t.id FROM disclosures d
					JOIN `+l.table+` t ON t.site_id = d.site_id AND t.name = ? WHERE d.site_id = ? AND d.slug = ? ON CONFLICT DO NOTHING`,
					l.list, name, siteID, d.Slug); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// backfillDisclosures seeds the default groups of the sites migration
// 0033 finds.
func backfillDisclosures(ctx context.Context, tx *sql.Tx, bind func(string) string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM sites`)
	if err != nil {
		return err
	}
	var sites []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		sites = append(sites, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	exec := func(q string, args ...any) error {
		_, err := tx.ExecContext(ctx, bind(q), args...)
		return err
	}
	for _, id := range sites {
		if err := seedDisclosures(exec, id); err != nil {
			return fmt.Errorf("seed disclosures: %w", err)
		}
	}
	return nil
}
