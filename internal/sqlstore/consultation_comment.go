package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.CommentStore = (*DB)(nil)
var _ congtin.CommentTx = (*Tx)(nil)

// commentColumns reads a comment (m) with the name of who answered it.
const commentColumns = `m.id, m.site_id, m.consultation_id, m.name, m.organization, m.email, m.phone, m.article, m.body,
	m.file_name, m.file_kind, m.file_size, m.file_hash, m.status, m.answer, m.answered_by, COALESCE(u.display_name, ''), m.answered_at,
	m.ip_hash, m.created_at, m.updated_at, m.purged_at IS NOT NULL, m.version`

const commentFrom = ` FROM consultation_comments m LEFT JOIN users u ON u.id = m.answered_by`

func scanComment(row scanner) (*congtin.ConsultationComment, error) {
	var c congtin.ConsultationComment
	err := row.Scan(&c.ID, &c.SiteID, &c.ConsultationID, &c.Name, &c.Organization, &c.Email, &c.Phone, &c.Article, &c.Body,
		&c.FileName, &c.FileKind, &c.FileSize, &c.FileHash, &c.Status, &c.Answer, &c.AnsweredBy, &c.AnsweredName, at(&c.AnsweredAt),
		&c.IPHash, at(&c.CreatedAt), at(&c.UpdatedAt), &c.Purged, &c.Version)
	return &c, err
}

func (c conn) findComment(ctx context.Context, siteID, id int64) (*congtin.ConsultationComment, error) {
	m, err := scanComment(c.QueryRow(ctx, `SELECT `+commentColumns+commentFrom+` WHERE m.id = ? AND m.site_id = ?`, id, siteID))
	return m, c.db.wrap("find comment", found(err, congtin.KindComment))
}

// FindCommentByID implements congtin.CommentStore.
func (db *DB) FindCommentByID(ctx context.Context, siteID, id int64) (*congtin.ConsultationComment, error) {
	return db.findComment(ctx, siteID, id)
}

// FindComment implements congtin.CommentTx.
func (tx *Tx) FindComment(ctx context.Context, siteID, id int64) (*congtin.ConsultationComment, error) {
	return tx.findComment(ctx, siteID, id)
}

// FindCommentByCode implements congtin.CommentStore.
func (db *DB) FindCommentByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.ConsultationComment, error) {
	if !db.d.Lookupable(codeHash) {
		return nil, congtin.NotFound(congtin.KindCommentCode)
	}
	m, err := scanComment(db.QueryRow(ctx, `SELECT `+commentColumns+commentFrom+` WHERE m.code_hash = ? AND m.site_id = ?`, codeHash, siteID))
	return m, db.wrap("find comment", found(err, congtin.KindCommentCode))
}

// FindComments implements congtin.CommentStore.
func (db *DB) FindComments(ctx context.Context, f congtin.CommentFilter) ([]*congtin.ConsultationComment, int, error) {
	var w where
	w.add("m.site_id = ?", f.SiteID)
	if f.ConsultationID != 0 {
		w.add("m.consultation_id = ?", f.ConsultationID)
	}
	if f.Status != "" {
		w.add("m.status = ?", clean(f.Status))
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM consultation_comments m WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count comments", err)
	}
	cs, err := list(ctx, db.conn, scanComment, `SELECT `+commentColumns+commentFrom+` WHERE `+w.String()+
		` ORDER BY m.article, m.created_at, m.id LIMIT ? OFFSET ?`, append(w.args, limit(f.Limit, 100), max(f.Offset, 0))...)
	return cs, total, db.wrap("find comments", err)
}

// CountComments implements congtin.CommentStore.
func (db *DB) CountComments(ctx context.Context, siteID, consultationID int64) (congtin.CommentCounts, error) {
	var n congtin.CommentCounts
	rows, err := list(ctx, db.conn, func(row scanner) (struct {
		status string
		n      int
	}, error) {
		var r struct {
			status string
			n      int
		}
		return r, row.Scan(&r.status, &r.n)
	}, `SELECT status, COUNT(*) FROM consultation_comments WHERE site_id = ? AND consultation_id = ? GROUP BY status`, siteID, consultationID)
	for _, r := range rows {
		switch r.status {
		case congtin.CommentPending:
			n.Pending = r.n
		case congtin.CommentPublished:
			n.Published = r.n
		case congtin.CommentHidden:
			n.Hidden = r.n
		}
	}
	return n, db.wrap("count comments", err)
}

// CommentNonceUsed implements congtin.CommentTx.
func (tx *Tx) CommentNonceUsed(ctx context.Context, nonce string) (bool, error) {
	if !tx.db.d.Lookupable(nonce) {
		return false, nil
	}
	used, err := tx.exists(ctx, `SELECT 1 FROM consultation_comments WHERE form_nonce = ?`, nonce)
	return used, tx.db.wrap("find nonce", err)
}

// CountCommentsFrom implements congtin.CommentTx.
func (tx *Tx) CountCommentsFrom(ctx context.Context, ipHash string, since time.Time) (int, error) {
	if !tx.db.d.Lookupable(ipHash) {
		return 0, nil
	}
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM consultation_comments WHERE ip_hash = ? AND created_at > ?`, ipHash, since)
	return n, tx.db.wrap("count comments", err)
}

// InsertComment implements congtin.CommentTx.
func (tx *Tx) InsertComment(ctx context.Context, c *congtin.ConsultationComment, codeHash, nonce string) error {
	id, err := tx.insert(ctx, `INSERT INTO consultation_comments (site_id, consultation_id, code_hash, form_nonce, name, organization, email, phone,
		article, body, file_name, file_kind, file_size, file_hash, status, ip_hash, created_at, updated_at, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
		c.SiteID, c.ConsultationID, codeHash, nonce, c.Name, c.Organization, c.Email, c.Phone,
		c.Article, c.Body, c.FileName, c.FileKind, c.FileSize, c.FileHash, c.Status, c.IPHash, c.CreatedAt, c.UpdatedAt)
	// Version 1, not 0: a moderation form always names the version it
	// was loaded from (CheckVersion takes 0 for "not said").
	c.ID, c.Version = id, 1
	return tx.db.wrap("insert comment", err)
}

// UpdateComment implements congtin.CommentTx.
func (tx *Tx) UpdateComment(ctx context.Context, c *congtin.ConsultationComment) error {
	res, err := tx.Exec(ctx, `UPDATE consultation_comments SET status = ?, article = ?, answer = ?, answered_by = ?, answered_at = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		c.Status, c.Article, c.Answer, c.AnsweredBy, nullTime(c.AnsweredAt), tx.now, c.ID, c.SiteID)
	if err != nil {
		return tx.db.wrap("update comment", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.NotFound(congtin.KindComment)
	}
	c.UpdatedAt = tx.now
	c.Version++
	return nil
}

// PurgeComments implements congtin.CommentTx. A published comment keeps
// its sender's name, as it was published with it; the others lose it too.
func (tx *Tx) PurgeComments(ctx context.Context, before time.Time) (map[int64]int, error) {
	sites, err := list(ctx, tx.conn, func(row scanner) (int64, error) {
		var site int64
		return site, row.Scan(&site)
	}, `UPDATE consultation_comments SET email = '', phone = '', ip_hash = '', purged_at = ?,
		name = CASE WHEN status = 'published' THEN name ELSE '' END
		WHERE purged_at IS NULL AND created_at < ? RETURNING site_id`, tx.now, before)
	if err != nil {
		return nil, tx.db.wrap("purge comments", err)
	}
	perSite := map[int64]int{}
	for _, site := range sites {
		perSite[site]++
	}
	return perSite, nil
}

// SetConsultationReport implements congtin.CommentTx.
func (tx *Tx) SetConsultationReport(ctx context.Context, siteID, id int64, html string, at time.Time, file *congtin.DocumentFile) error {
	var f congtin.DocumentFile
	if file != nil {
		f = *file
	}
	_, err := tx.Exec(ctx, `UPDATE consultations SET report_html = ?, report_at = ?, report_file_name = ?, report_file_kind = ?,
		report_file_size = ?, report_file_hash = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		html, nullTime(at), f.Name, f.Kind, f.Size, f.Hash, tx.now, id, siteID)
	if err != nil {
		return tx.db.wrap("set report", err)
	}
	return tx.indexConsultationMedia(ctx, siteID, id)
}
