package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ScheduleStore = (*DB)(nil)
var _ congtin.ScheduleTx = (*Tx)(nil)

const scheduleColumns = `id, site_id, week, starts_at, ends_at, content, participants, place, chair, created_by, updated_at, version`

func scanScheduleEntry(row scanner) (*congtin.ScheduleEntry, error) {
	var e congtin.ScheduleEntry
	if err := row.Scan(&e.ID, &e.SiteID, &e.Week, at(&e.Start), at(&e.End), &e.Content, &e.Participants, &e.Place, &e.Chair,
		&e.CreatedBy, at(&e.UpdatedAt), &e.Version); err != nil {
		return nil, err
	}
	return &e, nil
}

// findWeek reads a week's row; NotFound(KindScheduleWeek) without one.
func (c conn) findWeek(ctx context.Context, siteID int64, week string) (*congtin.ScheduleWeek, error) {
	w := &congtin.ScheduleWeek{SiteID: siteID, Week: week}
	err := c.QueryRow(ctx, `SELECT status, note, created_by, updated_at, published_at FROM schedule_weeks WHERE site_id = ? AND week = ?`, siteID, week).
		Scan(&w.Status, &w.Note, &w.CreatedBy, at(&w.UpdatedAt), at(&w.PublishedAt))
	if err != nil {
		return nil, c.db.wrap("find schedule week", found(err, congtin.KindScheduleWeek))
	}
	return w, nil
}

// FindScheduleWeek implements congtin.ScheduleStore.
func (db *DB) FindScheduleWeek(ctx context.Context, siteID int64, week congtin.Week) (*congtin.ScheduleWeek, []*congtin.ScheduleEntry, error) {
	key := week.String()
	w, err := db.findWeek(ctx, siteID, key)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		w, err = &congtin.ScheduleWeek{SiteID: siteID, Week: key, Status: congtin.StatusDraft}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	es, err := list(ctx, db.conn, scanScheduleEntry, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE site_id = ? AND week = ?
		ORDER BY starts_at, id`, siteID, key)
	if err != nil {
		return nil, nil, db.wrap("find schedule", err)
	}
	return w, es, nil
}

// FindPublicSchedule implements congtin.ScheduleStore.
func (db *DB) FindPublicSchedule(ctx context.Context, siteID int64, from, to time.Time, n int) ([]*congtin.ScheduleEntry, error) {
	lim := int64(n)
	if n <= 0 {
		lim = noLimit
	}
	es, err := list(ctx, db.conn, scanScheduleEntry, `SELECT e.id, e.site_id, e.week, e.starts_at, e.ends_at, e.content, e.participants,
		e.place, e.chair, e.created_by, e.updated_at, e.version
		FROM schedule_entries e JOIN schedule_weeks w ON w.site_id = e.site_id AND w.week = e.week AND w.status = 'published'
		WHERE e.site_id = ? AND e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id LIMIT ?`, siteID, from, to, lim)
	return es, db.wrap("find public schedule", err)
}

// FindScheduleEntry implements congtin.ScheduleStore and congtin.ScheduleTx.
func (c conn) FindScheduleEntry(ctx context.Context, siteID, id int64) (*congtin.ScheduleEntry, error) {
	e, err := scanScheduleEntry(c.QueryRow(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ? AND site_id = ?`, id, siteID))
	return e, c.db.wrap("find schedule entry", found(err, congtin.KindScheduleEntry))
}

// FindWeek implements congtin.ScheduleTx.
func (tx *Tx) FindWeek(ctx context.Context, siteID int64, week string) (*congtin.ScheduleWeek, error) {
	return tx.findWeek(ctx, siteID, week)
}

// InsertWeek implements congtin.ScheduleTx.
func (tx *Tx) InsertWeek(ctx context.Context, w *congtin.ScheduleWeek) error {
	_, err := tx.Exec(ctx, `INSERT INTO schedule_weeks (site_id, week, status, note, created_by, created_at, updated_at, published_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, w.SiteID, w.Week, w.Status, w.Note, w.CreatedBy, tx.now, tx.now, nullTime(w.PublishedAt))
	w.UpdatedAt = tx.now
	return tx.db.wrap("insert schedule week", err)
}

// TouchWeek implements congtin.ScheduleTx.
func (tx *Tx) TouchWeek(ctx context.Context, siteID int64, week string) error {
	_, err := tx.Exec(ctx, `UPDATE schedule_weeks SET updated_at = ? WHERE site_id = ? AND week = ?`, tx.now, siteID, week)
	return tx.db.wrap("touch schedule week", err)
}

// CountScheduleEntries implements congtin.ScheduleTx.
func (tx *Tx) CountScheduleEntries(ctx context.Context, siteID int64, week string) (int, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM schedule_entries WHERE site_id = ? AND week = ?`, siteID, week)
	return n, tx.db.wrap("count schedule entries", err)
}

// InsertScheduleEntry implements congtin.ScheduleTx.
func (tx *Tx) InsertScheduleEntry(ctx context.Context, e *congtin.ScheduleEntry) error {
	id, err := tx.insert(ctx, `INSERT INTO schedule_entries (site_id, week, starts_at, ends_at, content, participants, place, chair,
		created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.SiteID, e.Week, e.Start, nullTime(e.End), e.Content, e.Participants, e.Place, e.Chair, e.CreatedBy, tx.now, tx.now)
	e.ID, e.UpdatedAt = id, tx.now
	return tx.db.wrap("insert schedule entry", err)
}

// UpdateScheduleEntry implements congtin.ScheduleTx.
func (tx *Tx) UpdateScheduleEntry(ctx context.Context, e *congtin.ScheduleEntry) error {
	_, err := tx.Exec(ctx, `UPDATE schedule_entries SET week = ?, starts_at = ?, ends_at = ?, content = ?, participants = ?, place = ?,
		chair = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		e.Week, e.Start, nullTime(e.End), e.Content, e.Participants, e.Place, e.Chair, tx.now, e.ID, e.SiteID)
	e.UpdatedAt = tx.now
	e.Version++
	return tx.db.wrap("update schedule entry", err)
}

// DeleteScheduleEntry implements congtin.ScheduleTx.
func (tx *Tx) DeleteScheduleEntry(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM schedule_entries WHERE id = ?`, id)
	return tx.db.wrap("delete schedule entry", err)
}

// AddScheduleRevision implements congtin.ScheduleTx.
func (tx *Tx) AddScheduleRevision(ctx context.Context, r *congtin.ScheduleRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO schedule_revisions (site_id, entry_id, week, user_id, user_name, created_at, note,
		starts_at, ends_at, content, participants, place, chair)
		SELECT site_id, id, week, ?, ?, ?, ?, starts_at, ends_at, content, participants, place, chair FROM schedule_entries WHERE id = ?`,
		r.UserID, r.UserName, tx.now, r.Note, r.EntryID)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("add schedule revision", err)
}

// FindScheduleRevisions implements congtin.ScheduleStore.
func (db *DB) FindScheduleRevisions(ctx context.Context, siteID int64, week congtin.Week) ([]*congtin.ScheduleRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.ScheduleRevision, error) {
		var r congtin.ScheduleRevision
		err := row.Scan(&r.ID, &r.EntryID, &r.Week, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Note, at(&r.Start), at(&r.End),
			&r.Content, &r.Participants, &r.Place, &r.Chair)
		return &r, err
	}, `SELECT id, entry_id, week, user_id, user_name, created_at, note, starts_at, ends_at, content, participants, place, chair
		FROM schedule_revisions WHERE site_id = ? AND week = ? ORDER BY id DESC`, siteID, week.String())
	return rs, db.wrap("find schedule revisions", err)
}
