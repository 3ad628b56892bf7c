package sqlite

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

// seedDocumentLists gives a new site the usual types and fields.
func seedDocumentLists(ctx context.Context, tx *Tx, siteID int64) error {
	for table, names := range map[string][]string{"document_types": congtin.DefaultDocumentTypes, "document_fields": congtin.DefaultDocumentFields} {
		for i, n := range names {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (site_id, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, siteID, n, i+1); err != nil {
				return fmt.Errorf("sqlite: seed document lists: %w", err)
			}
		}
	}
	return nil
}
