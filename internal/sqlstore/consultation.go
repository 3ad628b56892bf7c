package sqlstore

import (
	"context"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.ConsultationStore = (*DB)(nil)
var _ congtin.ConsultationTx = (*Tx)(nil)

// consultationColumns reads a consultation (c) with the resulting
// document (d); its one parameter is now, for whether d is public.
const consultationColumns = `c.id, c.site_id, c.number, c.title, c.slug, c.drafter, c.summary, c.body, c.opens_at, c.closes_at, c.contact,
	COALESCE(c.document_id, 0), COALESCE(d.number, ''), COALESCE(d.slug, ''), COALESCE(d.status = 'published' AND d.published_at <= ?, FALSE),
	c.report_html, c.report_at, c.report_file_name, c.report_file_kind, c.report_file_size, c.report_file_hash,
	c.status, c.published_at, c.created_at, c.updated_at, c.created_by, c.version`

const consultationFrom = ` FROM consultations c LEFT JOIN documents d ON d.id = c.document_id`

func scanConsultation(row scanner) (*congtin.Consultation, error) {
	var c congtin.Consultation
	var f congtin.DocumentFile
	err := row.Scan(&c.ID, &c.SiteID, &c.Number, &c.Title, &c.Slug, &c.Drafter, &c.Summary, &c.Body, at(&c.OpensAt), at(&c.ClosesAt), &c.Contact,
		&c.DocumentID, &c.DocumentNumber, &c.DocumentSlug, &c.DocumentPublic,
		&c.Report, at(&c.ReportAt), &f.Name, &f.Kind, &f.Size, &f.Hash,
		&c.Status, at(&c.PublishedAt), at(&c.CreatedAt), at(&c.UpdatedAt), &c.CreatedBy, &c.Version)
	if f.Hash != "" {
		f.DocumentID = c.ID
		c.ReportFile = &f
	}
	return &c, err
}

// indexConsultation writes the folded text the lists' LIKE search
// matches: the number, title, drafter and summary, and the text read
// from the attachments. It is derived, rewritten with each write.
func (tx *Tx) indexConsultation(ctx context.Context, id int64) error {
	var number, title, drafter, summary string
	if err := tx.QueryRow(ctx, `SELECT number, title, drafter, summary FROM consultations WHERE id = ?`, id).Scan(&number, &title, &drafter, &summary); err != nil {
		return err
	}
	texts, err := list(ctx, tx.conn, func(row scanner) (string, error) {
		var s string
		return s, row.Scan(&s)
	}, `SELECT text FROM consultation_files WHERE consultation_id = ? ORDER BY position, id`, id)
	if err != nil {
		return err
	}
	folded := search.FoldedText(search.IndexFields(number+" "+title, drafter, summary+" "+strings.Join(texts, " ")))
	_, err = tx.Exec(ctx, `UPDATE consultations SET search_text = ? WHERE id = ?`, folded, id)
	return err
}

// indexConsultationMedia records the images the draft's text and its
// report show, as stored, so that the library keeps them.
func (tx *Tx) indexConsultationMedia(ctx context.Context, siteID, id int64) error {
	var body, report string
	if err := tx.QueryRow(ctx, `SELECT body, report_html FROM consultations WHERE id = ?`, id).Scan(&body, &report); err != nil {
		return tx.db.wrap("index media uses", err)
	}
	return tx.indexMediaUses(ctx, siteID, useConsultation, id, body, report)
}

func (c conn) findConsultation(ctx context.Context, siteID, id int64, now time.Time) (*congtin.Consultation, error) {
	k, err := scanConsultation(c.QueryRow(ctx, `SELECT `+consultationColumns+consultationFrom+` WHERE c.id = ? AND c.site_id = ?`, now, id, siteID))
	if err != nil {
		return nil, c.db.wrap("find consultation", found(err, congtin.KindConsultation))
	}
	k.Files, err = consultationFiles.of(ctx, c, id)
	return k, c.db.wrap("consultation files", err)
}

// FindConsultationFile implements congtin.ConsultationStore.
func (db *DB) FindConsultationFile(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := consultationFiles.find(ctx, db.conn, siteID, fileID)
	return f, db.wrap("find consultation file", err)
}

// FindConsultationFileText implements congtin.ConsultationTx.
func (tx *Tx) FindConsultationFileText(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := consultationFiles.findText(ctx, tx.conn, siteID, fileID)
	return f, tx.db.wrap("find consultation file", err)
}

// SetConsultationFileText implements congtin.ConsultationTx.
func (tx *Tx) SetConsultationFileText(ctx context.Context, siteID int64, f *congtin.DocumentFile) error {
	if err := consultationFiles.setText(ctx, tx, siteID, f); err != nil {
		return tx.db.wrap("set consultation file text", err)
	}
	return tx.db.wrap("index consultation", tx.indexConsultation(ctx, f.DocumentID))
}

// FindConsultationByID implements congtin.ConsultationStore.
func (db *DB) FindConsultationByID(ctx context.Context, siteID, id int64) (*congtin.Consultation, error) {
	return db.findConsultation(ctx, siteID, id, db.Now())
}

// FindConsultation implements congtin.ConsultationTx.
func (tx *Tx) FindConsultation(ctx context.Context, siteID, id int64) (*congtin.Consultation, error) {
	return tx.findConsultation(ctx, siteID, id, tx.now)
}

// FindConsultations implements congtin.ConsultationStore.
func (db *DB) FindConsultations(ctx context.Context, f congtin.ConsultationFilter) ([]*congtin.Consultation, int, error) {
	now := f.Now
	if now.IsZero() {
		now = db.Now()
	}
	var w where
	w.add("c.site_id = ?", f.SiteID)
	order := "c.updated_at DESC, c.id DESC"
	if f.Public {
		w.add("c.status = 'published' AND c.published_at <= ?", now)
		order = "c.closes_at DESC, c.id DESC"
		// A result is a report out, or a resulting document readers may
		// see.
		result := `(c.report_at IS NOT NULL OR EXISTS (SELECT 1 FROM documents r WHERE r.id = c.document_id AND r.status = 'published' AND r.published_at <= ?))`
		switch f.Phase {
		case congtin.ConsultOpen:
			w.add("c.opens_at <= ? AND c.closes_at > ? AND NOT "+result, now, now, now)
			order = "c.closes_at, c.id"
		case congtin.ConsultClosed:
			w.add("c.closes_at <= ? AND NOT "+result, now, now)
		case congtin.ConsultResult:
			w.add(result, now)
		case congtin.ConsultUpcoming:
			w.add("c.opens_at > ? AND NOT "+result, now, now)
			order = "c.opens_at, c.id"
		}
	}
	if f.Status != "" {
		w.add("c.status = ?", clean(f.Status))
	}
	if f.CreatedBy != 0 {
		w.add("c.created_by = ?", f.CreatedBy)
	}
	if f.Q != "" {
		pq := search.ParseQuery(clean(f.Q))
		if pq.Empty() {
			return nil, 0, nil
		}
		cond, args := search.LikeMatch(pq, "c.search_text")
		w.add(cond, args...)
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM consultations c WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count consultations", err)
	}
	cs, err := list(ctx, db.conn, scanConsultation, `SELECT `+consultationColumns+consultationFrom+` WHERE `+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(append([]any{now}, w.args...), limit(f.Limit, 50), max(f.Offset, 0))...)
	return cs, total, db.wrap("find consultations", err)
}

// FindConsultationRevisions implements congtin.ConsultationStore.
func (db *DB) FindConsultationRevisions(ctx context.Context, siteID, id int64) ([]*congtin.ConsultationRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.ConsultationRevision, error) {
		var r congtin.ConsultationRevision
		err := row.Scan(&r.ID, &r.SiteID, &r.ConsultationID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Note, &r.Number, &r.Title, &r.Drafter,
			&r.Summary, &r.Body, at(&r.OpensAt), at(&r.ClosesAt), &r.Contact, &r.DocumentID, &r.Files)
		return &r, err
	}, `SELECT id, site_id, consultation_id, user_id, user_name, created_at, note, number, title, drafter, summary, body, opens_at, closes_at,
		contact, document_id, files FROM consultation_revisions WHERE consultation_id = ? AND site_id = ? ORDER BY id DESC`, id, siteID)
	return rs, db.wrap("consultation revisions", err)
}

// AddConsultationRevision implements congtin.ConsultationTx.
func (tx *Tx) AddConsultationRevision(ctx context.Context, r *congtin.ConsultationRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO consultation_revisions (site_id, consultation_id, user_id, user_name, created_at, note, number, title,
		drafter, summary, body, opens_at, closes_at, contact, document_id, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.SiteID, r.ConsultationID, r.UserID, r.UserName, tx.now, r.Note, r.Number, r.Title, r.Drafter, r.Summary, r.Body,
		r.OpensAt, r.ClosesAt, r.Contact, r.DocumentID, r.Files)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("consultation revision", err)
}

// InsertConsultation implements congtin.ConsultationTx.
func (tx *Tx) InsertConsultation(ctx context.Context, c *congtin.Consultation) error {
	id, err := tx.insert(ctx, `INSERT INTO consultations (site_id, number, title, slug, drafter, summary, body, opens_at, closes_at, contact,
		document_id, status, published_at, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.SiteID, c.Number, c.Title, c.Slug, c.Drafter, c.Summary, c.Body, c.OpensAt, c.ClosesAt, c.Contact,
		nullID(c.DocumentID), c.Status, c.PublishedAt, c.CreatedAt, c.UpdatedAt, c.CreatedBy)
	if err != nil {
		return tx.db.wrap("insert consultation", err)
	}
	c.ID = id
	return tx.writeConsultationParts(ctx, c)
}

// writeConsultationParts makes the stored files those of c and rewrites
// its search text.
func (tx *Tx) writeConsultationParts(ctx context.Context, c *congtin.Consultation) error {
	if err := consultationFiles.write(ctx, tx, c.SiteID, c.ID, c.Files); err != nil {
		return tx.db.wrap("consultation files", err)
	}
	if err := tx.indexConsultationMedia(ctx, c.SiteID, c.ID); err != nil {
		return err
	}
	return tx.db.wrap("index consultation", tx.indexConsultation(ctx, c.ID))
}

// UpdateConsultation implements congtin.ConsultationTx.
func (tx *Tx) UpdateConsultation(ctx context.Context, c *congtin.Consultation) error {
	if _, err := tx.Exec(ctx, `UPDATE consultations SET number = ?, title = ?, slug = ?, drafter = ?, summary = ?, body = ?, opens_at = ?,
		closes_at = ?, contact = ?, document_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		c.Number, c.Title, c.Slug, c.Drafter, c.Summary, c.Body, c.OpensAt, c.ClosesAt, c.Contact, nullID(c.DocumentID),
		tx.now, c.ID, c.SiteID); err != nil {
		return tx.db.wrap("update consultation", err)
	}
	c.UpdatedAt = tx.now
	c.Version++
	return tx.writeConsultationParts(ctx, c)
}
