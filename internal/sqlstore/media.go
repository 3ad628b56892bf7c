package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.MediaStore = (*DB)(nil)
var _ congtin.MediaTx = (*Tx)(nil)

// mediaColumns are read from media m joined with its uploader u
// (mediaFrom).
const mediaColumns = `m.id, m.site_id, m.hash, m.name, m.content_type, m.width, m.height, m.variants, m.uploaded_by, m.created_at,
	m.size, m.alt, m.caption, COALESCE(u.display_name, '')`

const mediaFrom = ` FROM media m LEFT JOIN users u ON u.id = m.uploaded_by`

// scanMedia reads a record; its variants are stored as JSON text, as
// written ([{"width":320,"height":180,"key":"ab/…-320.jpg"}, …]).
func scanMedia(row scanner) (*congtin.Media, error) {
	var m congtin.Media
	var vs string
	if err := row.Scan(&m.ID, &m.SiteID, &m.Hash, &m.Name, &m.ContentType, &m.Width, &m.Height, &vs, &m.UploadedBy, at(&m.CreatedAt),
		&m.Size, &m.Alt, &m.Caption, &m.UploaderName); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(vs), &m.Variants); err != nil {
		return nil, fmt.Errorf("media variants: %w", err)
	}
	return &m, nil
}

// mediaSearchText is the folded text the library's search matches:
// derived from the image's name, description and caption, written with
// them.
func mediaSearchText(name, alt, caption string) string {
	return search.FoldedText(search.DocumentFields(name, alt, caption))
}

// FindMedia implements congtin.MediaStore. A search matches the folded
// words of name, description and caption with LIKE, as the Q&A inbox
// does: a library holds thousands of images, not an archive's worth.
func (db *DB) FindMedia(ctx context.Context, f congtin.MediaFilter) ([]*congtin.Media, int, error) {
	var w where
	w.add("m.site_id = ?", f.SiteID)
	if f.Q != "" {
		pq := search.ParseQuery(f.Q)
		if pq.Empty() {
			return nil, 0, nil
		}
		for _, p := range search.LikePatterns(pq) {
			w.add("m.search_text LIKE ?", p)
		}
	}
	if f.UploadedBy != 0 {
		w.add("m.uploaded_by = ?", f.UploadedBy)
	}
	if !f.From.IsZero() {
		w.add("m.created_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add("m.created_at < ?", f.To)
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM media m WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count media", err)
	}
	ms, err := list(ctx, db.conn, scanMedia, `SELECT `+mediaColumns+mediaFrom+` WHERE `+w.String()+` ORDER BY m.id DESC LIMIT ? OFFSET ?`,
		append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
	return ms, total, db.wrap("find media", err)
}

func (c conn) findMedia(ctx context.Context, siteID, id int64) (*congtin.Media, error) {
	m, err := scanMedia(c.QueryRow(ctx, `SELECT `+mediaColumns+mediaFrom+` WHERE m.id = ? AND m.site_id = ?`, id, siteID))
	return m, c.db.wrap("find media", found(err, congtin.KindMedia))
}

// FindMediaByID implements congtin.MediaStore.
func (db *DB) FindMediaByID(ctx context.Context, siteID, id int64) (*congtin.Media, error) {
	return db.findMedia(ctx, siteID, id)
}

// FindMediaInTx implements congtin.MediaTx.
func (tx *Tx) FindMediaInTx(ctx context.Context, siteID, id int64) (*congtin.Media, error) {
	return tx.findMedia(ctx, siteID, id)
}

// FindMediaByHash implements congtin.MediaTx.
func (tx *Tx) FindMediaByHash(ctx context.Context, siteID int64, hash string) (*congtin.Media, error) {
	if !tx.db.d.Lookupable(hash) {
		return nil, congtin.NotFound(congtin.KindMedia)
	}
	m, err := scanMedia(tx.QueryRow(ctx, `SELECT `+mediaColumns+mediaFrom+` WHERE m.site_id = ? AND m.hash = ?`, siteID, hash))
	return m, tx.db.wrap("find media", found(err, congtin.KindMedia))
}

// InsertMedia implements congtin.MediaTx. The file name comes from the
// upload: whatever bytes it carries, the record is written, with what
// cannot be stored replaced.
func (tx *Tx) InsertMedia(ctx context.Context, m *congtin.Media) error {
	vs, err := json.Marshal(m.Variants)
	if err != nil {
		return err
	}
	name := clean(m.Name)
	id, err := tx.insert(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at,
		size, alt, caption, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.SiteID, m.Hash, name, m.ContentType, m.Width, m.Height, string(vs), m.UploadedBy, m.CreatedAt,
		m.Size, m.Alt, m.Caption, mediaSearchText(name, m.Alt, m.Caption))
	if err != nil {
		return tx.db.wrap("add media", err)
	}
	m.ID = id
	return nil
}

// UpdateMediaText implements congtin.MediaTx.
func (tx *Tx) UpdateMediaText(ctx context.Context, m *congtin.Media) error {
	_, err := tx.Exec(ctx, `UPDATE media SET alt = ?, caption = ?, search_text = ? WHERE id = ? AND site_id = ?`,
		m.Alt, m.Caption, mediaSearchText(m.Name, m.Alt, m.Caption), m.ID, m.SiteID)
	return tx.db.wrap("update media", err)
}

// DeleteMedia implements congtin.MediaTx.
func (tx *Tx) DeleteMedia(ctx context.Context, siteID, id int64) error {
	res, err := tx.Exec(ctx, `DELETE FROM media WHERE id = ? AND site_id = ?`, id, siteID)
	if err != nil {
		return tx.db.wrap("delete media", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.NotFound(congtin.KindMedia)
	}
	return nil
}

// MediaUseCount implements congtin.MediaTx.
func (tx *Tx) MediaUseCount(ctx context.Context, siteID int64, hash string) (int, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM media_uses WHERE site_id = ? AND hash = ?`, siteID, hash)
	return n, tx.db.wrap("count media uses", err)
}

// MediaHashShared implements congtin.MediaTx: another site's library has
// the image, or another site's content shows its files (an address
// copied across, which the files' removal would break).
func (tx *Tx) MediaHashShared(ctx context.Context, siteID int64, hash string) (bool, error) {
	ok, err := tx.exists(ctx, `SELECT 1 FROM media WHERE hash = ? AND site_id <> ?
		UNION ALL SELECT 1 FROM media_uses WHERE hash = ? AND site_id <> ?`, hash, siteID, hash, siteID)
	return ok, tx.db.wrap("media shared", err)
}

// FindMediaUses implements congtin.MediaStore.
func (db *DB) FindMediaUses(ctx context.Context, siteID int64, hashes []string) (map[string][]congtin.MediaUse, error) {
	out := map[string][]congtin.MediaUse{}
	var hs []any
	for _, h := range hashes {
		if db.d.Lookupable(h) {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return out, nil
	}
	in := placeholders(len(hs))
	// One arm per kind of item that shows images (mediaUseKinds), each
	// with its title, writer and state.
	q := `SELECT u.hash, u.kind, u.item_id, a.title, a.created_by, a.status FROM media_uses u
		JOIN articles a ON a.id = u.item_id AND a.site_id = u.site_id WHERE u.kind = 'article' AND u.site_id = ? AND u.hash IN (` + in + `)
		UNION ALL SELECT u.hash, u.kind, u.item_id, p.title, p.created_by, p.status FROM media_uses u
		JOIN pages p ON p.id = u.item_id AND p.site_id = u.site_id WHERE u.kind = 'page' AND u.site_id = ? AND u.hash IN (` + in + `)
		UNION ALL SELECT u.hash, u.kind, u.item_id, q.title, q.answered_by, q.status FROM media_uses u
		JOIN questions q ON q.id = u.item_id AND q.site_id = u.site_id WHERE u.kind = 'question' AND u.site_id = ? AND u.hash IN (` + in + `)
		UNION ALL SELECT u.hash, u.kind, u.item_id, c.title, c.created_by, c.status FROM media_uses u
		JOIN consultations c ON c.id = u.item_id AND c.site_id = u.site_id WHERE u.kind = 'consultation' AND u.site_id = ? AND u.hash IN (` + in + `)
		UNION ALL SELECT u.hash, u.kind, u.item_id, j.name, j.created_by, j.status FROM media_uses u
		JOIN projects j ON j.id = u.item_id AND j.site_id = u.site_id WHERE u.kind = 'project' AND u.site_id = ? AND u.hash IN (` + in + `)
		ORDER BY 2, 3 DESC`
	var args []any
	for range 5 {
		args = append(append(args, siteID), hs...)
	}
	uses, err := list(ctx, db.conn, func(row scanner) (congtin.MediaUse, error) {
		var u congtin.MediaUse
		err := row.Scan(&u.Hash, &u.Kind, &u.ID, &u.Title, &u.CreatedBy, &u.Status)
		return u, err
	}, q, args...)
	if err != nil {
		return nil, db.wrap("find media uses", err)
	}
	for _, u := range uses {
		out[u.Hash] = append(out[u.Hash], u)
	}
	return out, nil
}

// FindMediaUploaders implements congtin.MediaStore.
func (db *DB) FindMediaUploaders(ctx context.Context, siteID int64) ([]congtin.MediaUploader, error) {
	us, err := list(ctx, db.conn, func(row scanner) (congtin.MediaUploader, error) {
		var u congtin.MediaUploader
		err := row.Scan(&u.ID, &u.Name)
		return u, err
	}, `SELECT u.id, u.display_name FROM users u WHERE EXISTS (SELECT 1 FROM media m WHERE m.site_id = ? AND m.uploaded_by = u.id)
		ORDER BY u.display_name, u.id`, siteID)
	return us, db.wrap("find media uploaders", err)
}

// The kinds of items whose texts can show images of the library, as
// media_uses names them.
const (
	useArticle      = string(congtin.KindArticle)
	usePage         = string(congtin.KindPage)
	useQuestion     = string(congtin.KindQuestion)
	useConsultation = string(congtin.KindConsultation)
	useProject      = string(congtin.KindProject)
)

// indexMediaUses records which images an item's texts show, replacing
// what was recorded for it: called by every write of an article, about
// page or answer, in its transaction.
func (c conn) indexMediaUses(ctx context.Context, siteID int64, kind string, id int64, texts ...string) error {
	if _, err := c.Exec(ctx, `DELETE FROM media_uses WHERE kind = ? AND item_id = ?`, kind, id); err != nil {
		return c.db.wrap("index media uses", err)
	}
	for _, h := range congtin.MediaHashes(texts...) {
		if _, err := c.Exec(ctx, `INSERT INTO media_uses (site_id, hash, kind, item_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			siteID, h, kind, id); err != nil {
			return c.db.wrap("index media uses", err)
		}
	}
	return nil
}

// backfillMedia fills the derived data migration 0015 adds for what is
// already stored: each image's search text, and the images each article,
// about page and answer shows. It runs in the migration's transaction,
// with the dialect's placeholders (bind).
func backfillMedia(ctx context.Context, tx *sql.Tx, bind func(string) string) error {
	type row struct {
		id, site      int64
		a, b, c, kind string
	}
	read := func(query string, kind string) ([]row, error) {
		rows, err := tx.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			r := row{kind: kind}
			if err := rows.Scan(&r.id, &r.site, &r.a, &r.b, &r.c); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rows.Err()
	}
	media, err := read(`SELECT id, site_id, name, alt, caption FROM media`, "")
	if err != nil {
		return fmt.Errorf("read media: %w", err)
	}
	for _, m := range media {
		if _, err := tx.ExecContext(ctx, bind(`UPDATE media SET search_text = ? WHERE id = ?`), mediaSearchText(m.a, m.b, m.c), m.id); err != nil {
			return fmt.Errorf("media search text: %w", err)
		}
	}
	return backfillUses(ctx, tx, bind, []useSource{
		{useArticle, `SELECT id, site_id, body, image, '' FROM articles WHERE body LIKE '%/media/%' OR image LIKE '%/media/%'`},
		{usePage, `SELECT id, site_id, body, body_en, '' FROM pages WHERE body LIKE '%/media/%' OR body_en LIKE '%/media/%'`},
		{useQuestion, `SELECT id, site_id, answer, '', '' FROM questions WHERE answer LIKE '%/media/%'`},
	})
}

// useSource is a query reading the texts of one kind of item that may
// show images: id, site_id and three texts.
type useSource struct{ kind, query string }

// backfillUses records the images the items of each source show.
func backfillUses(ctx context.Context, tx *sql.Tx, bind func(string) string, sources []useSource) error {
	for _, src := range sources {
		rows, err := tx.QueryContext(ctx, src.query)
		if err != nil {
			return fmt.Errorf("read %s texts: %w", src.kind, err)
		}
		type item struct {
			id, site int64
			a, b, c  string
		}
		var items []item
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.id, &it.site, &it.a, &it.b, &it.c); err != nil {
				rows.Close()
				return fmt.Errorf("read %s texts: %w", src.kind, err)
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read %s texts: %w", src.kind, err)
		}
		for _, it := range items {
			for _, h := range congtin.MediaHashes(it.a, it.b, it.c) {
				if _, err := tx.ExecContext(ctx, bind(`INSERT INTO media_uses (site_id, hash, kind, item_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`),
					it.site, h, src.kind, it.id); err != nil {
					return fmt.Errorf("media uses: %w", err)
				}
			}
		}
	}
	return nil
}

// backfillConsultationMedia records the images the consultations' drafts
// and reports show, which migration 0028 starts to track.
func backfillConsultationMedia(ctx context.Context, tx *sql.Tx, bind func(string) string) error {
	return backfillUses(ctx, tx, bind, []useSource{
		{useConsultation, `SELECT id, site_id, body, report_html, '' FROM consultations WHERE body LIKE '%/media/%' OR report_html LIKE '%/media/%'`},
	})
}

// FindFileRefs implements congtin.MediaStore. Sites share the files of
// the same image, and documents the bytes of the same attachment: each
// key comes once.
func (db *DB) FindFileRefs(ctx context.Context) (*congtin.FileRefs, error) {
	lists, err := list(ctx, db.conn, func(row scanner) (string, error) {
		var s string
		return s, row.Scan(&s)
	}, `SELECT DISTINCT variants FROM media`)
	if err != nil {
		return nil, db.wrap("find media files", err)
	}
	refs := &congtin.FileRefs{}
	seen := map[string]bool{}
	for _, vs := range lists {
		var variants []congtin.MediaVariant
		if err := json.Unmarshal([]byte(vs), &variants); err != nil {
			return nil, fmt.Errorf("media variants: %w", err)
		}
		for _, v := range variants {
			if !seen[v.Key] {
				seen[v.Key] = true
				refs.MediaKeys = append(refs.MediaKeys, v.Key)
			}
		}
	}
	refs.Attachments, err = list(ctx, db.conn, func(row scanner) (congtin.AttachmentRef, error) {
		var a congtin.AttachmentRef
		return a, row.Scan(&a.Hash, &a.Kind)
	}, `SELECT hash, kind FROM document_files UNION SELECT hash, kind FROM consultation_files
		UNION SELECT file_hash, file_kind FROM consultation_comments WHERE file_hash <> ''
		UNION SELECT report_file_hash, report_file_kind FROM consultations WHERE report_file_hash <> ''
		UNION SELECT hash, kind FROM dataset_resources WHERE hash <> '' ORDER BY 1, 2`)
	return refs, db.wrap("find attachments", err)
}
