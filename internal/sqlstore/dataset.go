package sqlstore

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.DatasetStore = (*DB)(nil)
var _ congtin.DatasetTx = (*Tx)(nil)

// datasetColumns reads a dataset (d) with its publisher's name (u).
const datasetColumns = `d.id, d.site_id, d.title, d.slug, d.description, COALESCE(d.publisher_id, 0), COALESCE(u.name, ''), d.keywords,
	d.licence, d.frequency, d.temporal_start, d.temporal_end, d.spatial, d.contact_name, d.contact_email, d.issued, d.modified,
	d.status, d.published_at, d.created_at, d.updated_at, d.created_by, d.version`

const datasetFrom = ` FROM datasets d LEFT JOIN units u ON u.id = d.publisher_id`

func scanDataset(row scanner) (*congtin.Dataset, error) {
	var d congtin.Dataset
	var keywords string
	err := row.Scan(&d.ID, &d.SiteID, &d.Title, &d.Slug, &d.Description, &d.PublisherID, &d.PublisherName, &keywords,
		&d.Licence, &d.Frequency, at(&d.TemporalStart), at(&d.TemporalEnd), &d.Spatial, &d.ContactName, &d.ContactEmail,
		at(&d.Issued), at(&d.Modified), &d.Status, at(&d.PublishedAt), at(&d.CreatedAt), at(&d.UpdatedAt), &d.CreatedBy, &d.Version)
	if keywords != "" {
		d.Keywords = strings.Split(keywords, "\n")
	}
	return &d, err
}

// resourceColumns are what scanResource reads, the preview last.
const resourceColumns = `id, dataset_id, name, description, format, media_type, kind, size, hash, file_name, url, position, created_at`

func scanResource(row scanner) (*congtin.Resource, error) {
	var r congtin.Resource
	err := row.Scan(&r.ID, &r.DatasetID, &r.Name, &r.Description, &r.Format, &r.MediaType, &r.Kind, &r.Size, &r.Hash, &r.FileName, &r.URL,
		&r.Position, at(&r.CreatedAt))
	return &r, err
}

func scanResourcePreview(row scanner) (*congtin.Resource, error) {
	var r congtin.Resource
	var preview string
	err := row.Scan(&r.ID, &r.DatasetID, &r.Name, &r.Description, &r.Format, &r.MediaType, &r.Kind, &r.Size, &r.Hash, &r.FileName, &r.URL,
		&r.Position, at(&r.CreatedAt), &preview)
	if err == nil && preview != "" {
		var p congtin.DataPreview
		if json.Unmarshal([]byte(preview), &p) == nil {
			r.Preview = &p
		}
	}
	return &r, err
}

func (c conn) findDataset(ctx context.Context, siteID, id int64) (*congtin.Dataset, error) {
	d, err := scanDataset(c.QueryRow(ctx, `SELECT `+datasetColumns+datasetFrom+` WHERE d.id = ? AND d.site_id = ?`, id, siteID))
	if err != nil {
		return nil, c.db.wrap("find dataset", found(err, congtin.KindDataset))
	}
	if d.Resources, err = list(ctx, c, scanResourcePreview, `SELECT `+resourceColumns+`, preview FROM dataset_resources
		WHERE dataset_id = ? ORDER BY position, id`, id); err != nil {
		return nil, c.db.wrap("dataset resources", err)
	}
	return d, c.db.wrap("dataset themes", c.fillThemes(ctx, []*congtin.Dataset{d}))
}

// fillThemes reads the themes of the datasets, in the list's order.
func (c conn) fillThemes(ctx context.Context, ds []*congtin.Dataset) error {
	if len(ds) == 0 {
		return nil
	}
	byID := map[int64]*congtin.Dataset{}
	var keys []int64
	for _, d := range ds {
		byID[d.ID] = d
		keys = append(keys, d.ID)
	}
	type link struct {
		dataset int64
		t       *congtin.DocumentTerm
	}
	links, err := list(ctx, c, func(row scanner) (link, error) {
		l := link{t: &congtin.DocumentTerm{}}
		return l, row.Scan(&l.dataset, &l.t.ID, &l.t.SiteID, &l.t.Name, &l.t.Position)
	}, `SELECT l.dataset_id, t.id, t.site_id, t.name, t.position FROM dataset_theme_links l JOIN dataset_themes t ON t.id = l.theme_id
		WHERE l.dataset_id IN (`+placeholders(len(keys))+`) ORDER BY t.position, t.name, t.id`, ids(keys)...)
	for _, l := range links {
		byID[l.dataset].Themes = append(byID[l.dataset].Themes, l.t)
	}
	return err
}

// FindDatasetByID implements congtin.DatasetStore.
func (db *DB) FindDatasetByID(ctx context.Context, siteID, id int64) (*congtin.Dataset, error) {
	return db.findDataset(ctx, siteID, id)
}

// FindDataset implements congtin.DatasetTx.
func (tx *Tx) FindDataset(ctx context.Context, siteID, id int64) (*congtin.Dataset, error) {
	return tx.findDataset(ctx, siteID, id)
}

// FindResource implements congtin.DatasetStore.
func (db *DB) FindResource(ctx context.Context, siteID, datasetID, id int64) (*congtin.Resource, error) {
	r, err := scanResourcePreview(db.QueryRow(ctx, `SELECT `+resourceColumns+`, preview FROM dataset_resources
		WHERE id = ? AND dataset_id = ? AND site_id = ?`, id, datasetID, siteID))
	return r, db.wrap("find resource", found(err, congtin.KindResource))
}

// datasetWhere turns a filter into conditions on d.
func (db *DB) datasetWhere(f congtin.DatasetFilter) (w where, ok bool) {
	w.add("d.site_id = ?", f.SiteID)
	if f.Public {
		now := f.Now
		if now.IsZero() {
			now = db.Now()
		}
		w.add("d.status = 'published' AND d.published_at <= ?", now)
	}
	if f.ThemeID != 0 {
		w.add("EXISTS (SELECT 1 FROM dataset_theme_links l WHERE l.dataset_id = d.id AND l.theme_id = ?)", f.ThemeID)
	}
	if f.PublisherID != 0 {
		w.add("d.publisher_id = ?", f.PublisherID)
	}
	if f.Format != "" {
		w.add("EXISTS (SELECT 1 FROM dataset_resources r WHERE r.dataset_id = d.id AND r.format = ?)", clean(f.Format))
	}
	if f.Licence != "" {
		w.add("d.licence = ?", clean(f.Licence))
	}
	if f.Status != "" {
		w.add("d.status = ?", clean(f.Status))
	}
	if f.CreatedBy != 0 {
		w.add("d.created_by = ?", f.CreatedBy)
	}
	if f.Q != "" {
		pq := search.ParseQuery(clean(f.Q))
		if pq.Empty() {
			return w, false
		}
		cond, args := search.LikeMatch(pq, "d.search_text")
		w.add(cond, args...)
	}
	return w, true
}

// FindDatasets implements congtin.DatasetStore.
func (db *DB) FindDatasets(ctx context.Context, f congtin.DatasetFilter) ([]*congtin.Dataset, int, error) {
	w, ok := db.datasetWhere(f)
	if !ok {
		return nil, 0, nil
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM datasets d WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count datasets", err)
	}
	ds, err := list(ctx, db.conn, scanDataset, `SELECT `+datasetColumns+datasetFrom+` WHERE `+w.String()+
		` ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?`, append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
	if err != nil || len(ds) == 0 {
		return ds, total, db.wrap("find datasets", err)
	}
	if err := db.fillThemes(ctx, ds); err != nil {
		return nil, 0, db.wrap("dataset themes", err)
	}
	byID := map[int64]*congtin.Dataset{}
	var keys []int64
	for _, d := range ds {
		byID[d.ID] = d
		keys = append(keys, d.ID)
	}
	rs, err := list(ctx, db.conn, scanResource, `SELECT `+resourceColumns+` FROM dataset_resources
		WHERE dataset_id IN (`+placeholders(len(keys))+`) ORDER BY position, id`, ids(keys)...)
	for _, r := range rs {
		byID[r.DatasetID].Resources = append(byID[r.DatasetID].Resources, r)
	}
	return ds, total, db.wrap("dataset resources", err)
}

func scanFacet(row scanner) (congtin.Facet, error) {
	var f congtin.Facet
	return f, row.Scan(&f.ID, &f.Value, &f.Name, &f.Count)
}

// FindDatasetFacets implements congtin.DatasetStore.
func (db *DB) FindDatasetFacets(ctx context.Context, f congtin.DatasetFilter) (*congtin.DatasetFacets, error) {
	fs := &congtin.DatasetFacets{}
	w, ok := db.datasetWhere(f)
	if !ok {
		return fs, nil
	}
	var err error
	for _, q := range []struct {
		into  *[]congtin.Facet
		query string
	}{
		{&fs.Themes, `SELECT t.id, '', t.name, COUNT(*) FROM datasets d JOIN dataset_theme_links l ON l.dataset_id = d.id
			JOIN dataset_themes t ON t.id = l.theme_id WHERE ` + w.String() + ` GROUP BY t.id, t.name, t.position ORDER BY t.position, t.name`},
		{&fs.Publishers, `SELECT u.id, '', u.name, COUNT(*) FROM datasets d JOIN units u ON u.id = d.publisher_id
			WHERE ` + w.String() + ` GROUP BY u.id, u.name ORDER BY u.name`},
		{&fs.Formats, `SELECT 0, r.format, r.format, COUNT(DISTINCT d.id) FROM datasets d JOIN dataset_resources r ON r.dataset_id = d.id
			WHERE ` + w.String() + ` GROUP BY r.format ORDER BY r.format`},
		{&fs.Licences, `SELECT 0, d.licence, d.licence, COUNT(*) FROM datasets d WHERE ` + w.String() + ` GROUP BY d.licence ORDER BY d.licence`},
	} {
		if *q.into, err = list(ctx, db.conn, scanFacet, q.query, w.args...); err != nil {
			return nil, db.wrap("dataset facets", err)
		}
	}
	for i := range fs.Licences {
		if l := congtin.LicenceOf(fs.Licences[i].Value); l != nil {
			fs.Licences[i].Name = l.Name
		}
	}
	return fs, nil
}

// FindDatasetRevisions implements congtin.DatasetStore.
func (db *DB) FindDatasetRevisions(ctx context.Context, siteID, id int64) ([]*congtin.DatasetRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.DatasetRevision, error) {
		var r congtin.DatasetRevision
		err := row.Scan(&r.ID, &r.SiteID, &r.DatasetID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Note, &r.Title, &r.Description, &r.Meta, &r.Resources)
		return &r, err
	}, `SELECT id, site_id, dataset_id, user_id, user_name, created_at, note, title, description, meta, resources
		FROM dataset_revisions WHERE dataset_id = ? AND site_id = ? ORDER BY id DESC`, id, siteID)
	return rs, db.wrap("dataset revisions", err)
}

// AddDatasetRevision implements congtin.DatasetTx.
func (tx *Tx) AddDatasetRevision(ctx context.Context, r *congtin.DatasetRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO dataset_revisions (site_id, dataset_id, user_id, user_name, created_at, note, title, description, meta, resources)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.SiteID, r.DatasetID, r.UserID, r.UserName, tx.now, r.Note, r.Title, r.Description, r.Meta, r.Resources)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("dataset revision", err)
}

// InsertDataset implements congtin.DatasetTx.
func (tx *Tx) InsertDataset(ctx context.Context, d *congtin.Dataset) error {
	id, err := tx.insert(ctx, `INSERT INTO datasets (site_id, title, slug, description, publisher_id, keywords, licence, frequency,
		temporal_start, temporal_end, spatial, contact_name, contact_email, issued, modified, status, published_at, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.SiteID, d.Title, d.Slug, d.Description, nullID(d.PublisherID), strings.Join(d.Keywords, "\n"), d.Licence, d.Frequency,
		nullTime(d.TemporalStart), nullTime(d.TemporalEnd), d.Spatial, d.ContactName, d.ContactEmail, nullTime(d.Issued), nullTime(d.Modified),
		d.Status, d.PublishedAt, d.CreatedAt, d.UpdatedAt, d.CreatedBy)
	if err != nil {
		return tx.db.wrap("insert dataset", err)
	}
	d.ID = id
	return tx.writeDatasetParts(ctx, d)
}

// UpdateDataset implements congtin.DatasetTx.
func (tx *Tx) UpdateDataset(ctx context.Context, d *congtin.Dataset) error {
	if _, err := tx.Exec(ctx, `UPDATE datasets SET title = ?, slug = ?, description = ?, publisher_id = ?, keywords = ?, licence = ?,
		frequency = ?, temporal_start = ?, temporal_end = ?, spatial = ?, contact_name = ?, contact_email = ?, issued = ?, modified = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		d.Title, d.Slug, d.Description, nullID(d.PublisherID), strings.Join(d.Keywords, "\n"), d.Licence, d.Frequency,
		nullTime(d.TemporalStart), nullTime(d.TemporalEnd), d.Spatial, d.ContactName, d.ContactEmail, nullTime(d.Issued), nullTime(d.Modified),
		tx.now, d.ID, d.SiteID); err != nil {
		return tx.db.wrap("update dataset", err)
	}
	d.UpdatedAt = tx.now
	d.Version++
	return tx.writeDatasetParts(ctx, d)
}

// writeDatasetParts makes the stored themes and resources those of d and
// rewrites its search text.
func (tx *Tx) writeDatasetParts(ctx context.Context, d *congtin.Dataset) error {
	if _, err := tx.Exec(ctx, `DELETE FROM dataset_theme_links WHERE dataset_id = ?`, d.ID); err != nil {
		return tx.db.wrap("dataset themes", err)
	}
	for _, t := range d.Themes {
		if _, err := tx.Exec(ctx, `INSERT INTO dataset_theme_links (dataset_id, theme_id) VALUES (?, ?)`, d.ID, t.ID); err != nil {
			return tx.db.wrap("dataset themes", err)
		}
	}
	if err := tx.writeResources(ctx, d); err != nil {
		return tx.db.wrap("dataset resources", err)
	}
	folded := search.FoldedText(search.IndexFields(d.Title, strings.Join(d.Keywords, " ")+" "+d.Spatial,
		d.Description+" "+resourceNames(d.Resources)))
	_, err := tx.Exec(ctx, `UPDATE datasets SET search_text = ? WHERE id = ?`, folded, d.ID)
	return tx.db.wrap("index dataset", err)
}

func resourceNames(rs []*congtin.Resource) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Name + " " + r.Description + " ")
	}
	return b.String()
}

// writeResources removes the stored resources d no longer lists and adds
// those without an ID after the others, as fileTable.write does for
// attachments.
func (tx *Tx) writeResources(ctx context.Context, d *congtin.Dataset) error {
	var keep []int64
	for _, r := range d.Resources {
		if r.ID != 0 {
			keep = append(keep, r.ID)
		}
	}
	del, args := `DELETE FROM dataset_resources WHERE dataset_id = ?`, []any{d.ID}
	if len(keep) > 0 {
		del, args = del+` AND id NOT IN (`+placeholders(len(keep))+`)`, append(args, ids(keep)...)
	}
	if _, err := tx.Exec(ctx, del, args...); err != nil {
		return err
	}
	var pos int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(position), 0) FROM dataset_resources WHERE dataset_id = ?`, d.ID).Scan(&pos); err != nil {
		return err
	}
	for _, r := range d.Resources {
		if r.ID != 0 {
			continue
		}
		pos++
		var preview []byte
		if r.Preview != nil {
			var err error
			if preview, err = json.Marshal(r.Preview); err != nil {
				return err
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO dataset_resources (site_id, dataset_id, name, description, format, media_type, kind, size, hash,
			file_name, url, preview, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.SiteID, d.ID, r.Name, r.Description, r.Format, r.MediaType, r.Kind, r.Size, r.Hash, r.FileName, r.URL, string(preview), pos, tx.now)
		if err != nil {
			return err
		}
		r.ID, r.DatasetID, r.Position, r.CreatedAt = id, d.ID, pos, tx.now
	}
	return nil
}
