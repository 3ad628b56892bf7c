package postgres

import (
	"context"

	"github.com/congtin/congtin"
)

// seedLinks gives a new site the default links.
func seedLinks(ctx context.Context, tx *Tx, siteID int64) error {
	for _, l := range congtin.DefaultLinks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES ($1, $2, $3, $4, $5)`,
			siteID, l.Name, l.URL, l.Group, l.Position); err != nil {
			return wrap("seed links", err)
		}
	}
	return nil
}
