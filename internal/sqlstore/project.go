package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.ProjectStore = (*DB)(nil)
var _ congtin.ProjectTx = (*Tx)(nil)

const projectColumns = `p.id, p.site_id, p.name, p.slug, p.investor, p.location, p.investment, p.funding, p.start_year, p.end_year,
	p.progress, p.stage, p.description, p.status, p.published_at, p.created_at, p.updated_at, p.created_by, p.version`

func scanProject(row scanner) (*congtin.Project, error) {
	var p congtin.Project
	err := row.Scan(&p.ID, &p.SiteID, &p.Name, &p.Slug, &p.Investor, &p.Location, &p.Investment, &p.Funding, &p.StartYear, &p.EndYear,
		&p.Progress, &p.Stage, &p.Description, &p.Status, at(&p.PublishedAt), at(&p.CreatedAt), at(&p.UpdatedAt), &p.CreatedBy, &p.Version)
	return &p, err
}

// projectDocuments reads the documents a project links to, in order,
// with whether each is public at now.
func (c conn) projectDocuments(ctx context.Context, id int64, now time.Time) ([]congtin.ProjectDocument, error) {
	return list(ctx, c, func(row scanner) (congtin.ProjectDocument, error) {
		var d congtin.ProjectDocument
		return d, row.Scan(&d.ID, &d.Number, &d.Title, &d.Slug, &d.Public)
	}, `SELECT d.id, d.number, d.summary, d.slug, (d.status = 'published' AND d.published_at <= ?) FROM project_documents pd
		JOIN documents d ON d.id = pd.document_id WHERE pd.project_id = ? ORDER BY pd.position, d.id`, now, id)
}

func (c conn) findProject(ctx context.Context, siteID, id int64, now time.Time) (*congtin.Project, error) {
	p, err := scanProject(c.QueryRow(ctx, `SELECT `+projectColumns+` FROM projects p WHERE p.id = ? AND p.site_id = ?`, id, siteID))
	if err != nil {
		return nil, c.db.wrap("find project", found(err, congtin.KindProject))
	}
	p.Documents, err = c.projectDocuments(ctx, id, now)
	return p, c.db.wrap("project documents", err)
}

// FindProjectByID implements congtin.ProjectStore.
func (db *DB) FindProjectByID(ctx context.Context, siteID, id int64) (*congtin.Project, error) {
	return db.findProject(ctx, siteID, id, db.Now())
}

// FindProject implements congtin.ProjectTx.
func (tx *Tx) FindProject(ctx context.Context, siteID, id int64) (*congtin.Project, error) {
	return tx.findProject(ctx, siteID, id, tx.now)
}

// adminConditions adds the back office's conditions on a list of table
// alias t: the workflow state, the writer and the folded words of its
// search_text. It reports false for a search with nothing to look for,
// which finds nothing.
func adminConditions(w *where, t, status string, createdBy int64, q string) bool {
	if status != "" {
		w.add(t+".status = ?", clean(status))
	}
	if createdBy != 0 {
		w.add(t+".created_by = ?", createdBy)
	}
	if q != "" {
		pq := search.ParseQuery(clean(q))
		if pq.Empty() {
			return false
		}
		cond, args := search.LikeMatch(pq, t+".search_text")
		w.add(cond, args...)
	}
	return true
}

// FindProjects implements congtin.ProjectStore.
func (db *DB) FindProjects(ctx context.Context, f congtin.ProjectFilter) ([]*congtin.Project, int, error) {
	now := f.Now
	if now.IsZero() {
		now = db.Now()
	}
	var w where
	w.add("p.site_id = ?", f.SiteID)
	order := "p.updated_at DESC, p.id DESC"
	if f.Public {
		w.add("p.status = 'published' AND p.published_at <= ?", now)
		order = "p.start_year DESC, p.id DESC"
	}
	if f.Stage != "" {
		w.add("p.stage = ?", clean(f.Stage))
	}
	if f.Year != 0 {
		w.add("p.start_year <= ? AND p.end_year >= ?", f.Year, f.Year)
	}
	if !adminConditions(&w, "p", f.Status, f.CreatedBy, f.Q) {
		return nil, 0, nil
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM projects p WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count projects", err)
	}
	ps, err := list(ctx, db.conn, scanProject, `SELECT `+projectColumns+` FROM projects p WHERE `+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
	return ps, total, db.wrap("find projects", err)
}

// FindProjectRevisions implements congtin.ProjectStore.
func (db *DB) FindProjectRevisions(ctx context.Context, siteID int64, k congtin.Kind, id int64) ([]*congtin.ProjectRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.ProjectRevision, error) {
		var r congtin.ProjectRevision
		err := row.Scan(&r.ID, &r.SiteID, &r.Kind, &r.ItemID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Note, &r.Title, &r.Content)
		return &r, err
	}, `SELECT id, site_id, kind, item_id, user_id, user_name, created_at, note, title, content FROM project_revisions
		WHERE kind = ? AND item_id = ? AND site_id = ? ORDER BY id DESC`, string(k), id, siteID)
	return rs, db.wrap("project revisions", err)
}

// AddProjectRevision implements congtin.ProjectTx.
func (tx *Tx) AddProjectRevision(ctx context.Context, r *congtin.ProjectRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO project_revisions (site_id, kind, item_id, user_id, user_name, created_at, note, title, content)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.SiteID, string(r.Kind), r.ItemID, r.UserID, r.UserName, tx.now, r.Note, r.Title, r.Content)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("project revision", err)
}

// InsertProject implements congtin.ProjectTx.
func (tx *Tx) InsertProject(ctx context.Context, p *congtin.Project) error {
	id, err := tx.insert(ctx, `INSERT INTO projects (site_id, name, slug, investor, location, investment, funding, start_year, end_year,
		progress, stage, description, status, published_at, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SiteID, p.Name, p.Slug, p.Investor, p.Location, p.Investment, p.Funding, p.StartYear, p.EndYear,
		p.Progress, p.Stage, p.Description, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt, p.CreatedBy)
	if err != nil {
		return tx.db.wrap("insert project", err)
	}
	p.ID = id
	return tx.writeProjectParts(ctx, p)
}

// UpdateProject implements congtin.ProjectTx.
func (tx *Tx) UpdateProject(ctx context.Context, p *congtin.Project) error {
	if _, err := tx.Exec(ctx, `UPDATE projects SET name = ?, slug = ?, investor = ?, location = ?, investment = ?, funding = ?,
		start_year = ?, end_year = ?, progress = ?, stage = ?, description = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		p.Name, p.Slug, p.Investor, p.Location, p.Investment, p.Funding, p.StartYear, p.EndYear, p.Progress, p.Stage, p.Description,
		tx.now, p.ID, p.SiteID); err != nil {
		return tx.db.wrap("update project", err)
	}
	p.UpdatedAt = tx.now
	p.Version++
	return tx.writeProjectParts(ctx, p)
}

// writeProjectParts makes the stored links those of p, and rewrites its
// search text and the images its description shows.
func (tx *Tx) writeProjectParts(ctx context.Context, p *congtin.Project) error {
	if _, err := tx.Exec(ctx, `DELETE FROM project_documents WHERE project_id = ?`, p.ID); err != nil {
		return tx.db.wrap("project documents", err)
	}
	for i, d := range p.Documents {
		if _, err := tx.Exec(ctx, `INSERT INTO project_documents (project_id, document_id, position) VALUES (?, ?, ?)`, p.ID, d.ID, i); err != nil {
			return tx.db.wrap("project documents", err)
		}
	}
	folded := search.FoldedText(search.IndexFields(p.Name, p.Investor, p.Location))
	if _, err := tx.Exec(ctx, `UPDATE projects SET search_text = ? WHERE id = ?`, folded, p.ID); err != nil {
		return tx.db.wrap("index project", err)
	}
	return tx.indexMediaUses(ctx, p.SiteID, useProject, p.ID, p.Description)
}
