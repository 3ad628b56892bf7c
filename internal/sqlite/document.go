package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.DocumentService = (*DB)(nil)

// termTable returns the table of a managed list.
func termTable(list string) (string, error) {
	switch list {
	case congtin.ListTypes:
		return "document_types", nil
	case congtin.ListFields:
		return "document_fields", nil
	}
	return "", congtin.Errorf(congtin.EINVALID, "Danh mục không hợp lệ.")
}

func termLabel(list string) string {
	if list == congtin.ListTypes {
		return "loại văn bản"
	}
	return "lĩnh vực"
}

// FindDocumentTerms implements congtin.DocumentService.
func (db *DB) FindDocumentTerms(ctx context.Context, siteID int64, list string) ([]*congtin.DocumentTerm, error) {
	table, err := termTable(list)
	if err != nil {
		return nil, err
	}
	col := "type_id"
	if list == congtin.ListFields {
		col = "field_id"
	}
	rows, err := db.db.QueryContext(ctx, `SELECT t.id, t.site_id, t.name, t.position, (SELECT COUNT(*) FROM documents d WHERE d.`+col+` = t.id)
		FROM `+table+` t WHERE t.site_id = ? ORDER BY t.position, t.name`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find document terms: %w", err)
	}
	defer rows.Close()
	var out []*congtin.DocumentTerm
	for rows.Next() {
		var t congtin.DocumentTerm
		if err := rows.Scan(&t.ID, &t.SiteID, &t.Name, &t.Position, &t.Uses); err != nil {
			return nil, err
		}
		out = append(out, &t)
	}
	return out, rows.Err()
}

// SaveDocumentTerm implements congtin.DocumentService.
func (db *DB) SaveDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64, name string, position int) (*congtin.DocumentTerm, error) {
	table, err := termTable(list)
	if err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	if err := congtin.ValidateTerm(name, position); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var taken int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE site_id = ? AND name = ? AND id <> ?`, siteID, name, id).Scan(&taken); err != nil {
		return nil, err
	}
	if taken > 0 {
		return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"name": "Đã có " + termLabel(list) + " “" + name + "”."}}
	}
	action, detail := "document_term.create", termLabel(list)+": "+name
	if id == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (site_id, name, position) VALUES (?, ?, ?)`, siteID, name, position)
		if err != nil {
			return nil, fmt.Errorf("sqlite: save document term: %w", err)
		}
		id, _ = res.LastInsertId()
	} else {
		var old string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM `+table+` WHERE id = ? AND site_id = ?`, id, siteID).Scan(&old); errors.Is(err, sql.ErrNoRows) {
			return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy mục này trong danh mục %s.", termLabel(list))
		} else if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET name = ?, position = ? WHERE id = ?`, name, position, id); err != nil {
			return nil, fmt.Errorf("sqlite: save document term: %w", err)
		}
		action, detail = "document_term.update", termLabel(list)+": "+old+" → "+name
		// Published documents show the name and are found by it.
		if err := reindexDocumentsWhere(ctx, tx, `d.`+map[string]string{congtin.ListTypes: "type_id", congtin.ListFields: "field_id"}[list]+` = ?`, id); err != nil {
			return nil, err
		}
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, action, "document_"+strings.TrimSuffix(list, "s"), id, detail)); err != nil {
		return nil, err
	}
	t := &congtin.DocumentTerm{ID: id, SiteID: siteID, Name: name, Position: position}
	return t, tx.Commit()
}

// DeleteDocumentTerm implements congtin.DocumentService.
func (db *DB) DeleteDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64) error {
	table, err := termTable(list)
	if err != nil {
		return err
	}
	col := map[string]string{congtin.ListTypes: "type_id", congtin.ListFields: "field_id"}[list]
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM `+table+` WHERE id = ? AND site_id = ?`, id, siteID).Scan(&name); errors.Is(err, sql.ErrNoRows) {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy mục này trong danh mục %s.", termLabel(list))
	} else if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE `+col+` = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return congtin.Errorf(congtin.ECONFLICT, "Không xóa được “%s”: %d văn bản đang dùng mục này; hãy đổi các văn bản đó sang mục khác trước.", name, n)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: delete document term: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "document_term.delete", "document_"+strings.TrimSuffix(list, "s"), id, termLabel(list)+": "+name)); err != nil {
		return err
	}
	return tx.Commit()
}

// replacedBy is the SQL of the first published document that replaces d,
// or 0; its one parameter is now.
const replacedBy = `IFNULL((SELECT MIN(l.document_id) FROM document_links l JOIN documents r ON r.id = l.document_id
	WHERE l.target_id = d.id AND l.kind = 'replaces' AND r.status = 'published' AND r.published_at <= ?), 0)`

// documentColumns need now as their first parameter.
const documentColumns = `d.id, d.site_id, d.type_id, IFNULL(t.name, ''), IFNULL(d.field_id, 0), IFNULL(f.name, ''), d.number, d.slug, d.issuer,
	d.signer, d.issued_on, d.effective_on, d.expires_on, d.summary, d.status, d.published_at, d.created_at, d.updated_at, d.created_by, ` + replacedBy

const documentFrom = ` FROM documents d LEFT JOIN document_types t ON t.id = d.type_id LEFT JOIN document_fields f ON f.id = d.field_id`

func scanDocument(row interface{ Scan(...any) error }) (*congtin.Document, error) {
	var d congtin.Document
	var issued, effective, expires string
	var pub, created, updated int64
	err := row.Scan(&d.ID, &d.SiteID, &d.TypeID, &d.TypeName, &d.FieldID, &d.FieldName, &d.Number, &d.Slug, &d.Issuer,
		&d.Signer, &issued, &effective, &expires, &d.Summary, &d.Status, &pub, &created, &updated, &d.CreatedBy, &d.ReplacedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy văn bản.")
	} else if err != nil {
		return nil, err
	}
	d.IssuedOn, _ = congtin.ParseDay(issued)
	d.EffectiveOn, _ = congtin.ParseDay(effective)
	d.ExpiresOn, _ = congtin.ParseDay(expires)
	d.PublishedAt, d.CreatedAt, d.UpdatedAt = fromUnix(pub), fromUnix(created), fromUnix(updated)
	return &d, nil
}

// queryer is a *sql.DB or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// findDocument reads a document with its files and links.
func findDocument(ctx context.Context, q queryer, siteID, id int64, now time.Time) (*congtin.Document, error) {
	d, err := scanDocument(q.QueryRowContext(ctx, `SELECT `+documentColumns+documentFrom+` WHERE d.id = ? AND d.site_id = ?`, unix(now), id, siteID))
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, document_id, name, kind, size, hash, text_note, position, created_at FROM document_files
		WHERE document_id = ? ORDER BY position, id`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document files: %w", err)
	}
	for rows.Next() {
		var f congtin.DocumentFile
		var at int64
		if err := rows.Scan(&f.ID, &f.DocumentID, &f.Name, &f.Kind, &f.Size, &f.Hash, &f.TextNote, &f.Position, &at); err != nil {
			rows.Close()
			return nil, err
		}
		f.CreatedAt = fromUnix(at)
		d.Files = append(d.Files, &f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, dir := range []struct {
		from, to string
		out      *[]*congtin.DocumentLink
	}{{"document_id", "target_id", &d.Links}, {"target_id", "document_id", &d.Backlinks}} {
		rows, err := q.QueryContext(ctx, `SELECT l.kind, o.id, o.number, o.slug, IFNULL(t.name, ''), o.summary, o.status = 'published' AND o.published_at <= ?
			FROM document_links l JOIN documents o ON o.id = l.`+dir.to+` LEFT JOIN document_types t ON t.id = o.type_id
			WHERE l.`+dir.from+` = ? ORDER BY l.kind, o.issued_on, o.id`, unix(now), id)
		if err != nil {
			return nil, fmt.Errorf("sqlite: document links: %w", err)
		}
		for rows.Next() {
			var l congtin.DocumentLink
			if err := rows.Scan(&l.Kind, &l.ID, &l.Number, &l.Slug, &l.TypeName, &l.Summary, &l.Public); err != nil {
				rows.Close()
				return nil, err
			}
			*dir.out = append(*dir.out, &l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// FindDocumentByID implements congtin.DocumentService.
func (db *DB) FindDocumentByID(ctx context.Context, siteID, id int64) (*congtin.Document, error) {
	return findDocument(ctx, db.db, siteID, id, db.Now())
}

// FindDocumentFile implements congtin.DocumentService.
func (db *DB) FindDocumentFile(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	var f congtin.DocumentFile
	var at int64
	err := db.db.QueryRowContext(ctx, `SELECT id, document_id, name, kind, size, hash, text_note, position, created_at FROM document_files
		WHERE id = ? AND site_id = ?`, fileID, siteID).Scan(&f.ID, &f.DocumentID, &f.Name, &f.Kind, &f.Size, &f.Hash, &f.TextNote, &f.Position, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp đính kèm.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find document file: %w", err)
	}
	f.CreatedAt = fromUnix(at)
	return &f, nil
}

// checkDocumentInput checks, inside the transaction, what refers to other
// rows: the type, the field, the linked documents and the files removed.
func checkDocumentInput(ctx context.Context, tx *Tx, siteID, self int64, in *congtin.DocumentInput) error {
	fe := congtin.FieldErrors{}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM document_types WHERE id = ? AND site_id = ?`, in.TypeID, siteID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		fe["type_id"] = "Loại văn bản này không còn tồn tại; hãy chọn loại khác."
	}
	if in.FieldID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM document_fields WHERE id = ? AND site_id = ?`, in.FieldID, siteID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			fe["field_id"] = "Lĩnh vực này không còn tồn tại; hãy chọn lĩnh vực khác."
		}
	}
	seen := map[congtin.DocumentLinkInput]bool{}
	links := in.Links[:0:0]
	for _, l := range in.Links {
		if seen[l] {
			continue
		}
		seen[l] = true
		links = append(links, l)
		if l.TargetID == self {
			fe["links"] = "Văn bản không thể liên kết tới chính nó."
			continue
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = ? AND site_id = ?`, l.TargetID, siteID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			fe["links"] = "Không có văn bản mã " + strconv.FormatInt(l.TargetID, 10) + " để liên kết tới."
		}
	}
	in.Links = links
	for _, fid := range in.RemoveFiles {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM document_files WHERE id = ? AND document_id = ?`, fid, self).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			fe["files"] = "Tệp cần gỡ không thuộc văn bản này."
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM document_files WHERE document_id = ?`, self).Scan(&n); err != nil {
		return err
	}
	if n-len(in.RemoveFiles)+len(in.AddFiles) > congtin.MaxDocFiles {
		fe["files"] = "Mỗi văn bản có tối đa " + strconv.Itoa(congtin.MaxDocFiles) + " tệp đính kèm."
	}
	if len(fe) > 0 {
		return &congtin.ValidationError{Fields: fe}
	}
	return nil
}

func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// writeDocumentParts replaces the links, removes and adds files.
func writeDocumentParts(ctx context.Context, tx *Tx, siteID, id int64, in congtin.DocumentInput) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM document_links WHERE document_id = ?`, id); err != nil {
		return err
	}
	for _, l := range in.Links {
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_links (document_id, target_id, kind) VALUES (?, ?, ?)`, id, l.TargetID, l.Kind); err != nil {
			return err
		}
	}
	for _, fid := range in.RemoveFiles {
		if _, err := tx.ExecContext(ctx, `DELETE FROM document_files WHERE id = ? AND document_id = ?`, fid, id); err != nil {
			return err
		}
	}
	var pos int
	if err := tx.QueryRowContext(ctx, `SELECT IFNULL(MAX(position), 0) FROM document_files WHERE document_id = ?`, id).Scan(&pos); err != nil {
		return err
	}
	for _, f := range in.AddFiles {
		pos++
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_files (site_id, document_id, name, kind, size, hash, text, text_note, position, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, siteID, id, f.Name, f.Kind, f.Size, f.Hash, f.Text, f.TextNote, pos, unix(tx.now)); err != nil {
			return err
		}
	}
	return nil
}

// CreateDocument implements congtin.DocumentService.
func (db *DB) CreateDocument(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.DocumentInput) (*congtin.Document, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	if !congtin.CanDocument(actor, congtin.ActCreate, nil) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền tạo văn bản.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := checkDocumentInput(ctx, tx, siteID, 0, &in); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (site_id, type_id, field_id, number, number_key, slug, issuer, signer, issued_on,
		effective_on, expires_on, summary, status, published_at, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
		siteID, in.TypeID, nullable(in.FieldID), in.Number, search.NumberKey(in.Number), congtin.DocNumberSlug(in.Number), in.Issuer, in.Signer,
		congtin.DayString(in.IssuedOn), congtin.DayString(in.EffectiveOn), congtin.DayString(in.ExpiresOn), in.Summary,
		unix(tx.now), unix(tx.now), unix(tx.now), actor.User.ID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: create document: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := writeDocumentParts(ctx, tx, siteID, id, in); err != nil {
		return nil, fmt.Errorf("sqlite: create document: %w", err)
	}
	return db.finishDocumentWrite(ctx, tx, actor, siteID, id, "Tạo mới", "document.create", congtin.ActCreate, congtin.StatusDraft, "")
}

// finishDocumentWrite keeps a revision, a note when the state changed, the
// audit entry and the index entry, and commits.
func (db *DB) finishDocumentWrite(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, id int64, revNote, action, act, status, detail string) (*congtin.Document, error) {
	d, err := findDocument(ctx, tx, siteID, id, tx.now)
	if err != nil {
		return nil, err
	}
	if revNote != "" {
		if err := addDocumentRevision(ctx, tx, actor, d, revNote); err != nil {
			return nil, err
		}
	}
	if act != "" {
		name := ""
		if actor.User != nil {
			name = actor.User.DisplayName
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_notes (site_id, document_id, user_name, action, status, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			siteID, id, name, act, status, detail, unix(tx.now)); err != nil {
			return nil, fmt.Errorf("sqlite: document note: %w", err)
		}
	}
	auditDetail := d.Number
	if act != "" && act != congtin.ActCreate {
		auditDetail += ": " + congtin.StatusName(status)
		if detail != "" {
			auditDetail += ": " + detail
		}
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, action, "document", id, auditDetail)); err != nil {
		return nil, err
	}
	// Whether a document is in force is worked out at query time (the
	// expiry day, a published replacement), so only its own entry changes.
	if err := reindexDocumentsWhere(ctx, tx, `d.id = ?`, id); err != nil {
		return nil, err
	}
	return d, tx.Commit()
}

func addDocumentRevision(ctx context.Context, tx *Tx, actor congtin.Actor, d *congtin.Document, note string) error {
	var links, files []string
	for _, l := range d.Links {
		links = append(links, congtin.LinkName(l.Kind, false)+" "+l.Number+" (#"+strconv.FormatInt(l.ID, 10)+")")
	}
	for _, f := range d.Files {
		files = append(files, f.Name)
	}
	name := ""
	var uid int64
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO document_revisions (site_id, document_id, user_id, user_name, created_at, type_name, field_name, number,
		issuer, signer, issued_on, effective_on, expires_on, summary, links, files, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.SiteID, d.ID, uid, name, unix(tx.now), d.TypeName, d.FieldName, d.Number, d.Issuer, d.Signer, congtin.DayString(d.IssuedOn),
		congtin.DayString(d.EffectiveOn), congtin.DayString(d.ExpiresOn), d.Summary, strings.Join(links, "; "), strings.Join(files, "; "), note)
	if err != nil {
		return fmt.Errorf("sqlite: document revision: %w", err)
	}
	return nil
}

// UpdateDocument implements congtin.DocumentService.
func (db *DB) UpdateDocument(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput) (*congtin.Document, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := scanDocument(tx.QueryRowContext(ctx, `SELECT `+documentColumns+documentFrom+` WHERE d.id = ? AND d.site_id = ?`, unix(tx.now), id, siteID))
	if err != nil {
		return nil, err
	}
	if !congtin.CanDocument(actor, congtin.ActEdit, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa văn bản ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := checkDocumentInput(ctx, tx, siteID, id, &in); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET type_id = ?, field_id = ?, number = ?, number_key = ?, slug = ?, issuer = ?, signer = ?,
		issued_on = ?, effective_on = ?, expires_on = ?, summary = ?, updated_at = ? WHERE id = ?`,
		in.TypeID, nullable(in.FieldID), in.Number, search.NumberKey(in.Number), congtin.DocNumberSlug(in.Number), in.Issuer, in.Signer,
		congtin.DayString(in.IssuedOn), congtin.DayString(in.EffectiveOn), congtin.DayString(in.ExpiresOn), in.Summary, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update document: %w", err)
	}
	if err := writeDocumentParts(ctx, tx, siteID, id, in); err != nil {
		return nil, fmt.Errorf("sqlite: update document: %w", err)
	}
	return db.finishDocumentWrite(ctx, tx, actor, siteID, id, "Sửa", "document.edit", "", "", "")
}

// TransitionDocument implements congtin.DocumentService.
func (db *DB) TransitionDocument(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Document, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := scanDocument(tx.QueryRowContext(ctx, `SELECT `+documentColumns+documentFrom+` WHERE d.id = ? AND d.site_id = ?`, unix(tx.now), id, siteID))
	if err != nil {
		return nil, err
	}
	if !congtin.CanDocument(actor, act, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với văn bản ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	pub, _ := congtin.TransitionTime(cur.Item(), act, time.Time{}, tx.now)
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = ?, published_at = ?, updated_at = ? WHERE id = ?`, next, unix(pub), unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: transition document: %w", err)
	}
	return db.finishDocumentWrite(ctx, tx, actor, siteID, id, "", "document."+act, act, next, comment)
}

// FindAdminDocuments implements congtin.DocumentService.
func (db *DB) FindAdminDocuments(ctx context.Context, f congtin.AdminDocumentFilter) ([]*congtin.Document, int, error) {
	where, args := []string{"d.site_id = ?"}, []any{f.SiteID}
	if f.Status != "" {
		where, args = append(where, "d.status = ?"), append(args, f.Status)
	}
	if f.CreatedBy != 0 {
		where, args = append(where, "d.created_by = ?"), append(args, f.CreatedBy)
	}
	if f.Number != "" {
		where, args = append(where, "d.number_key = ?"), append(args, search.NumberKey(f.Number))
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents d WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count admin documents: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+documentColumns+documentFrom+` WHERE `+cond+` ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{unix(db.Now())}, args...), limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find admin documents: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, d)
	}
	return out, total, rows.Err()
}

// FindDocumentRevisions implements congtin.DocumentService.
func (db *DB) FindDocumentRevisions(ctx context.Context, siteID, id int64) ([]*congtin.DocumentRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, document_id, user_name, created_at, type_name, field_name, number, issuer, signer,
		issued_on, effective_on, expires_on, summary, links, files, note FROM document_revisions WHERE document_id = ? AND site_id = ? ORDER BY id DESC`, id, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document revisions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.DocumentRevision
	for rows.Next() {
		var r congtin.DocumentRevision
		var at int64
		if err := rows.Scan(&r.ID, &r.DocumentID, &r.UserName, &at, &r.TypeName, &r.FieldName, &r.Number, &r.Issuer, &r.Signer,
			&r.IssuedOn, &r.EffectiveOn, &r.ExpiresOn, &r.Summary, &r.Links, &r.Files, &r.Note); err != nil {
			return nil, err
		}
		r.CreatedAt = fromUnix(at)
		out = append(out, &r)
	}
	return out, rows.Err()
}

// FindDocumentNotes implements congtin.DocumentService.
func (db *DB) FindDocumentNotes(ctx context.Context, siteID, id int64) ([]*congtin.Note, error) {
	out, err := db.queryNotes(ctx, `SELECT id, document_id, user_name, action, status, comment, created_at FROM document_notes
		WHERE document_id = ? AND site_id = ? ORDER BY id`, id, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: document notes: %w", err)
	}
	return out, nil
}
