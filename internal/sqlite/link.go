package sqlite

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

// seedLinks gives a new site the default links.
func seedLinks(ctx context.Context, tx *Tx, siteID int64) error {
	for _, l := range congtin.DefaultLinks {
		if _, err := tx.ExecContext(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES (?, ?, ?, ?, ?)`,
			siteID, l.Name, l.URL, l.Group, l.Position); err != nil {
			return fmt.Errorf("sqlite: seed links: %w", err)
		}
	}
	return nil
}
