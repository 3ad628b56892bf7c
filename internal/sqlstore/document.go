package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.DocumentStore = (*DB)(nil)
var _ congtin.DocumentTx = (*Tx)(nil)

// replacedBy is the SQL of the first published document that replaces d,
// or 0; its one parameter is now.
const replacedBy = `COALESCE((SELECT MIN(l.document_id) FROM document_links l JOIN documents r ON r.id = l.document_id
	WHERE l.target_id = d.id AND l.kind = 'replaces' AND r.status = 'published' AND r.published_at <= ?), 0)`

// documentColumns need now as their first parameter.
const documentColumns = `d.id, d.site_id, d.type_id, COALESCE(t.name, ''), COALESCE(d.field_id, 0), COALESCE(f.name, ''), d.number, d.slug, d.issuer,
	d.signer, d.issued_on, d.effective_on, d.expires_on, d.summary, d.status, d.published_at, d.created_at, d.updated_at, d.created_by, d.version, ` + replacedBy

const documentFrom = ` FROM documents d LEFT JOIN document_types t ON t.id = d.type_id LEFT JOIN document_fields f ON f.id = d.field_id`

func scanDocument(row scanner) (*congtin.Document, error) {
	var d congtin.Document
	var issued, effective, expires string
	if err := row.Scan(&d.ID, &d.SiteID, &d.TypeID, &d.TypeName, &d.FieldID, &d.FieldName, &d.Number, &d.Slug, &d.Issuer,
		&d.Signer, &issued, &effective, &expires, &d.Summary, &d.Status, at(&d.PublishedAt), at(&d.CreatedAt), at(&d.UpdatedAt),
		&d.CreatedBy, &d.Version, &d.ReplacedBy); err != nil {
		return nil, err
	}
	d.IssuedOn, _ = congtin.ParseDay(issued)
	d.EffectiveOn, _ = congtin.ParseDay(effective)
	d.ExpiresOn, _ = congtin.ParseDay(expires)
	return &d, nil
}

// FindDocumentFileText implements congtin.DocumentStore.
func (db *DB) FindDocumentFileText(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := documentFiles.findText(ctx, db.conn, siteID, fileID)
	return f, db.wrap("find document file", err)
}

// FindDocumentFileText implements congtin.DocumentTx.
func (tx *Tx) FindDocumentFileText(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := documentFiles.findText(ctx, tx.conn, siteID, fileID)
	return f, tx.db.wrap("find document file", err)
}

// SetDocumentFileText implements congtin.DocumentTx.
func (tx *Tx) SetDocumentFileText(ctx context.Context, siteID int64, f *congtin.DocumentFile) error {
	if err := documentFiles.setText(ctx, tx, siteID, f); err != nil {
		return tx.db.wrap("set file text", err)
	}
	return tx.db.wrap("index document", tx.indexDocuments(ctx, `d.id = ?`, f.DocumentID))
}

func scanDocumentLink(row scanner) (*congtin.DocumentLink, error) {
	var l congtin.DocumentLink
	err := row.Scan(&l.Kind, &l.ID, &l.Number, &l.Slug, &l.TypeName, &l.Summary, &l.Public)
	return &l, err
}

// findDocument reads a document with its files and links, as public at
// now.
func (c conn) findDocument(ctx context.Context, siteID, id int64, now time.Time) (*congtin.Document, error) {
	d, err := scanDocument(c.QueryRow(ctx, `SELECT `+documentColumns+documentFrom+` WHERE d.id = ? AND d.site_id = ?`, now, id, siteID))
	if err != nil {
		return nil, c.db.wrap("find document", found(err, congtin.KindDocument))
	}
	if d.Files, err = documentFiles.of(ctx, c, id); err != nil {
		return nil, c.db.wrap("document files", err)
	}
	for _, dir := range []struct {
		from, to string
		out      *[]*congtin.DocumentLink
	}{{"document_id", "target_id", &d.Links}, {"target_id", "document_id", &d.Backlinks}} {
		*dir.out, err = list(ctx, c, scanDocumentLink, `SELECT l.kind, o.id, o.number, o.slug, COALESCE(t.name, ''), o.summary, o.status = 'published' AND o.published_at <= ?
			FROM document_links l JOIN documents o ON o.id = l.`+dir.to+` LEFT JOIN document_types t ON t.id = o.type_id
			WHERE l.`+dir.from+` = ? ORDER BY l.kind, o.issued_on, o.id`, now, id)
		if err != nil {
			return nil, c.db.wrap("document links", err)
		}
	}
	return d, nil
}

// FindDocumentByID implements congtin.DocumentStore.
func (db *DB) FindDocumentByID(ctx context.Context, siteID, id int64) (*congtin.Document, error) {
	return db.findDocument(ctx, siteID, id, db.Now())
}

// FindDocument implements congtin.DocumentTx.
func (tx *Tx) FindDocument(ctx context.Context, siteID, id int64) (*congtin.Document, error) {
	return tx.findDocument(ctx, siteID, id, tx.now)
}

// FindDocumentFile implements congtin.DocumentStore.
func (db *DB) FindDocumentFile(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := documentFiles.find(ctx, db.conn, siteID, fileID)
	return f, db.wrap("find document file", err)
}

// FindAdminDocuments implements congtin.DocumentStore.
func (db *DB) FindAdminDocuments(ctx context.Context, f congtin.AdminDocumentFilter) ([]*congtin.Document, int, error) {
	var w where
	w.add("d.site_id = ?", f.SiteID)
	if f.Status != "" {
		w.add("d.status = ?", clean(f.Status))
	}
	if f.CreatedBy != 0 {
		w.add("d.created_by = ?", f.CreatedBy)
	}
	if f.Number != "" {
		w.add("d.number_key = ?", search.NumberKey(clean(f.Number)))
	}
	if f.TypeID != 0 {
		w.add("d.type_id = ?", f.TypeID)
	}
	if f.FieldID != 0 {
		w.add("d.field_id = ?", f.FieldID)
	}
	if f.ByIssue {
		// Days of issue are stored as YYYY-MM-DD, which sort as days do.
		if !f.From.IsZero() {
			w.add("d.issued_on >= ?", congtin.DayString(f.From))
		}
		if !f.To.IsZero() {
			w.add("d.issued_on < ?", congtin.DayString(f.To))
		}
	} else {
		if !f.From.IsZero() {
			w.add("d.updated_at >= ?", f.From)
		}
		if !f.To.IsZero() {
			w.add("d.updated_at < ?", f.To)
		}
	}
	if f.Q != "" && !db.match(&w, documentKeys, "d.id", f.Q, f.Spellings) {
		return nil, 0, nil
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM documents d WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count admin documents", err)
	}
	ds, err := list(ctx, db.conn, scanDocument, `SELECT `+documentColumns+documentFrom+` WHERE `+w.String()+` ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{db.Now()}, w.args...), limit(f.Limit, 50), max(f.Offset, 0))...)
	return ds, total, db.wrap("find admin documents", err)
}

// FindDocumentRevisions implements congtin.DocumentStore.
func (db *DB) FindDocumentRevisions(ctx context.Context, siteID, id int64) ([]*congtin.DocumentRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.DocumentRevision, error) {
		var r congtin.DocumentRevision
		err := row.Scan(&r.ID, &r.SiteID, &r.DocumentID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.TypeName, &r.FieldName, &r.Number, &r.Issuer,
			&r.Signer, &r.IssuedOn, &r.EffectiveOn, &r.ExpiresOn, &r.Summary, &r.Links, &r.Files, &r.Note)
		return &r, err
	}, `SELECT id, site_id, document_id, user_id, user_name, created_at, type_name, field_name, number, issuer, signer,
		issued_on, effective_on, expires_on, summary, links, files, note FROM document_revisions WHERE document_id = ? AND site_id = ? ORDER BY id DESC`, id, siteID)
	return rs, db.wrap("document revisions", err)
}

// AddDocumentRevision implements congtin.DocumentTx.
func (tx *Tx) AddDocumentRevision(ctx context.Context, r *congtin.DocumentRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO document_revisions (site_id, document_id, user_id, user_name, created_at, type_name, field_name, number,
		issuer, signer, issued_on, effective_on, expires_on, summary, links, files, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.SiteID, r.DocumentID, r.UserID, r.UserName, tx.now, r.TypeName, r.FieldName, r.Number, r.Issuer, r.Signer, r.IssuedOn,
		r.EffectiveOn, r.ExpiresOn, r.Summary, r.Links, r.Files, r.Note)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("document revision", err)
}

// InsertDocument implements congtin.DocumentTx.
func (tx *Tx) InsertDocument(ctx context.Context, d *congtin.Document) error {
	id, err := tx.insert(ctx, `INSERT INTO documents (site_id, type_id, field_id, number, number_key, slug, issuer, signer, issued_on,
		effective_on, expires_on, summary, status, published_at, created_at, updated_at, created_by, external_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.SiteID, d.TypeID, nullID(d.FieldID), d.Number, search.NumberKey(d.Number), d.Slug, d.Issuer, d.Signer,
		congtin.DayString(d.IssuedOn), congtin.DayString(d.EffectiveOn), congtin.DayString(d.ExpiresOn), d.Summary,
		d.Status, d.PublishedAt, d.CreatedAt, d.UpdatedAt, d.CreatedBy, nullText(d.ExternalID))
	if err != nil {
		return tx.db.wrap("insert document", err)
	}
	d.ID = id
	if err := tx.writeDocumentParts(ctx, d); err != nil {
		return tx.db.wrap("insert document", err)
	}
	return tx.db.wrap("index document", tx.indexDocuments(ctx, `d.id = ?`, id))
}

// FindDocumentIDByExternalID implements congtin.DocumentTx.
func (tx *Tx) FindDocumentIDByExternalID(ctx context.Context, siteID int64, externalID string) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE site_id = ? AND external_id = ?`, siteID, externalID).Scan(&id)
	return id, tx.db.wrap("find document by external ID", found(err, congtin.KindDocument))
}

// DocumentsNumbered implements congtin.DocumentTx.
func (tx *Tx) DocumentsNumbered(ctx context.Context, siteID int64, number string) ([]congtin.DocumentNumberUse, error) {
	rows, err := tx.Query(ctx, `SELECT id, COALESCE(external_id, '') FROM documents WHERE site_id = ? AND number_key = ? ORDER BY id`,
		siteID, search.NumberKey(number))
	if err != nil {
		return nil, tx.db.wrap("documents numbered", err)
	}
	defer rows.Close()
	var out []congtin.DocumentNumberUse
	for rows.Next() {
		var u congtin.DocumentNumberUse
		if err := rows.Scan(&u.ID, &u.ExternalID); err != nil {
			return nil, tx.db.wrap("documents numbered", err)
		}
		out = append(out, u)
	}
	return out, tx.db.wrap("documents numbered", rows.Err())
}

// UpdateDocument implements congtin.DocumentTx.
func (tx *Tx) UpdateDocument(ctx context.Context, d *congtin.Document) error {
	if _, err := tx.Exec(ctx, `UPDATE documents SET type_id = ?, field_id = ?, number = ?, number_key = ?, slug = ?, issuer = ?, signer = ?,
		issued_on = ?, effective_on = ?, expires_on = ?, summary = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		d.TypeID, nullID(d.FieldID), d.Number, search.NumberKey(d.Number), d.Slug, d.Issuer, d.Signer,
		congtin.DayString(d.IssuedOn), congtin.DayString(d.EffectiveOn), congtin.DayString(d.ExpiresOn), d.Summary, tx.now, d.ID, d.SiteID); err != nil {
		return tx.db.wrap("update document", err)
	}
	d.UpdatedAt = tx.now
	d.Version++
	if err := tx.writeDocumentParts(ctx, d); err != nil {
		return tx.db.wrap("update document", err)
	}
	return tx.db.wrap("index document", tx.indexDocuments(ctx, `d.id = ?`, d.ID))
}

// writeDocumentParts makes the stored links and files those of d: the
// links replaced, the stored files d no longer lists removed, the new
// ones (no ID yet) added after the others.
func (tx *Tx) writeDocumentParts(ctx context.Context, d *congtin.Document) error {
	if _, err := tx.Exec(ctx, `DELETE FROM document_links WHERE document_id = ?`, d.ID); err != nil {
		return err
	}
	for _, l := range d.Links {
		if _, err := tx.Exec(ctx, `INSERT INTO document_links (document_id, target_id, kind) VALUES (?, ?, ?)`, d.ID, l.ID, l.Kind); err != nil {
			return err
		}
	}
	return documentFiles.write(ctx, tx, d.SiteID, d.ID, d.Files)
}

// termList is where a managed list is kept: its table, the documents'
// column that refers to it ("" for the datasets' themes, linked through
// dataset_theme_links), and how its entries' uses are counted.
type termList struct {
	table, col, uses string
}

func termTable(list string) (termList, error) {
	switch list {
	case congtin.ListTypes:
		return termList{"document_types", "type_id", `(SELECT COUNT(*) FROM documents d WHERE d.type_id = t.id)`}, nil
	case congtin.ListFields:
		return termList{"document_fields", "field_id", `(SELECT COUNT(*) FROM documents d WHERE d.field_id = t.id)`}, nil
	case congtin.ListThemes:
		return termList{"dataset_themes", "", `(SELECT COUNT(*) FROM dataset_theme_links l WHERE l.theme_id = t.id)`}, nil
	}
	return termList{}, fmt.Errorf("sqlstore: no document list %q", list)
}

func scanTerm(row scanner) (*congtin.DocumentTerm, error) {
	var t congtin.DocumentTerm
	err := row.Scan(&t.ID, &t.SiteID, &t.Name, &t.Position, &t.Uses)
	return &t, err
}

// query selects the list's entries (t) with their number of uses.
func (l termList) query() string {
	return `SELECT t.id, t.site_id, t.name, t.position, ` + l.uses + ` FROM ` + l.table + ` t`
}

// FindDocumentTerms implements congtin.DocumentStore.
func (db *DB) FindDocumentTerms(ctx context.Context, siteID int64, listName string) ([]*congtin.DocumentTerm, error) {
	l, err := termTable(listName)
	if err != nil {
		return nil, err
	}
	ts, err := list(ctx, db.conn, scanTerm, l.query()+` WHERE t.site_id = ? ORDER BY t.position, t.name`, siteID)
	return ts, db.wrap("find document terms", err)
}

// FindDocumentTerm implements congtin.DocumentTx.
func (tx *Tx) FindDocumentTerm(ctx context.Context, siteID int64, list string, id int64) (*congtin.DocumentTerm, error) {
	l, err := termTable(list)
	if err != nil {
		return nil, err
	}
	t, err := scanTerm(tx.QueryRow(ctx, l.query()+` WHERE t.id = ? AND t.site_id = ?`, id, siteID))
	return t, tx.db.wrap("find document term", found(err, congtin.KindDocumentTerm))
}

// DocumentTermNameFree implements congtin.DocumentTx.
func (tx *Tx) DocumentTermNameFree(ctx context.Context, siteID int64, list, name string, self int64) (bool, error) {
	l, err := termTable(list)
	if err != nil {
		return false, err
	}
	taken, err := tx.exists(ctx, `SELECT 1 FROM `+l.table+` WHERE site_id = ? AND name = ? AND id <> ?`, siteID, name, self)
	return !taken, tx.db.wrap("document term name", err)
}

// InsertDocumentTerm implements congtin.DocumentTx.
func (tx *Tx) InsertDocumentTerm(ctx context.Context, list string, t *congtin.DocumentTerm) error {
	l, err := termTable(list)
	if err != nil {
		return err
	}
	id, err := tx.insert(ctx, `INSERT INTO `+l.table+` (site_id, name, position) VALUES (?, ?, ?)`, t.SiteID, t.Name, t.Position)
	t.ID = id
	return tx.db.wrap("insert document term", err)
}

// UpdateDocumentTerm implements congtin.DocumentTx. Published documents
// show the name and are found by it: their index entries follow.
func (tx *Tx) UpdateDocumentTerm(ctx context.Context, list string, t *congtin.DocumentTerm) error {
	l, err := termTable(list)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE `+l.table+` SET name = ?, position = ? WHERE id = ? AND site_id = ?`, t.Name, t.Position, t.ID, t.SiteID); err != nil {
		return tx.db.wrap("update document term", err)
	}
	if l.col == "" {
		return nil
	}
	return tx.db.wrap("index documents", tx.indexDocuments(ctx, `d.`+l.col+` = ?`, t.ID))
}

// DeleteDocumentTerm implements congtin.DocumentTx.
func (tx *Tx) DeleteDocumentTerm(ctx context.Context, list string, id int64) error {
	l, err := termTable(list)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `DELETE FROM `+l.table+` WHERE id = ?`, id)
	return tx.db.wrap("delete document term", err)
}
