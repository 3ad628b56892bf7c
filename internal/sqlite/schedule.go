package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ScheduleService = (*DB)(nil)

const scheduleColumns = `id, site_id, week, starts_at, ends_at, content, participants, place, chair, created_by, updated_at`

func scanScheduleEntry(row interface{ Scan(...any) error }) (*congtin.ScheduleEntry, error) {
	var e congtin.ScheduleEntry
	var start, updated int64
	var end sql.NullInt64
	err := row.Scan(&e.ID, &e.SiteID, &e.Week, &start, &end, &e.Content, &e.Participants, &e.Place, &e.Chair, &e.CreatedBy, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy mục lịch công tác.")
	} else if err != nil {
		return nil, err
	}
	e.Start, e.UpdatedAt = fromUnix(start), fromUnix(updated)
	if end.Valid {
		e.End = fromUnix(end.Int64)
	}
	return &e, nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return unix(t)
}

// findWeekTx returns a week's state; a week without a row is a draft that
// nobody owns yet.
func findWeekTx(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, siteID int64, week string) (*congtin.ScheduleWeek, error) {
	w := &congtin.ScheduleWeek{SiteID: siteID, Week: week}
	var updated int64
	var pub sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT status, note, created_by, updated_at, published_at FROM schedule_weeks WHERE site_id = ? AND week = ?`, siteID, week).
		Scan(&w.Status, &w.Note, &w.CreatedBy, &updated, &pub)
	if errors.Is(err, sql.ErrNoRows) {
		w.Status = congtin.StatusDraft
		return w, nil
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find schedule week: %w", err)
	}
	w.UpdatedAt = fromUnix(updated)
	if pub.Valid {
		w.PublishedAt = fromUnix(pub.Int64)
	}
	return w, nil
}

// editableWeek checks that the actor may change the entries of a week,
// and gives the week a row (a draft of the actor's) when it has none.
func editableWeek(ctx context.Context, tx *Tx, actor congtin.Actor, siteID int64, week string) error {
	w, err := findWeekTx(ctx, tx, siteID, week)
	if err != nil {
		return err
	}
	if w.UpdatedAt.IsZero() {
		if !congtin.Can(actor, congtin.ActCreate, nil) {
			return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền soạn lịch công tác.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schedule_weeks (site_id, week, status, created_by, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)`,
			siteID, week, actor.User.ID, unix(tx.now), unix(tx.now))
		if err != nil {
			return fmt.Errorf("sqlite: start schedule week: %w", err)
		}
		return nil
	}
	if !congtin.Can(actor, congtin.ActEdit, w.Item()) {
		return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không thể sửa lịch tuần %s ở trạng thái “%s”.", week, congtin.StatusName(w.Status))
	}
	_, err = tx.ExecContext(ctx, `UPDATE schedule_weeks SET updated_at = ? WHERE site_id = ? AND week = ?`, unix(tx.now), siteID, week)
	return err
}

// addScheduleRevision copies an entry's current content into a revision.
func addScheduleRevision(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, id int64, note string) error {
	name, uid := "", int64(0)
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO schedule_revisions (site_id, entry_id, week, user_id, user_name, created_at, note,
		starts_at, ends_at, content, participants, place, chair)
		SELECT site_id, id, week, ?, ?, ?, ?, starts_at, ends_at, content, participants, place, chair FROM schedule_entries WHERE id = ?`,
		uid, name, unix(tx.now), note, id)
	if err != nil {
		return fmt.Errorf("sqlite: add schedule revision: %w", err)
	}
	return nil
}

// scheduleDetail names an entry in the audit log.
func scheduleDetail(week string, in congtin.ScheduleInput) string {
	return week + ", " + in.Start.In(congtin.VietnamZone).Format("15:04 02/01/2006") + ": " + in.Content
}

// FindScheduleWeek implements congtin.ScheduleService.
func (db *DB) FindScheduleWeek(ctx context.Context, siteID int64, week congtin.Week) (*congtin.ScheduleWeek, []*congtin.ScheduleEntry, error) {
	w, err := findWeekTx(ctx, db.db, siteID, week.String())
	if err != nil {
		return nil, nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE site_id = ? AND week = ? ORDER BY starts_at, id`, siteID, week.String())
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: find schedule: %w", err)
	}
	defer rows.Close()
	var out []*congtin.ScheduleEntry
	for rows.Next() {
		e, err := scanScheduleEntry(rows)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, e)
	}
	return w, out, rows.Err()
}

// FindPublicSchedule implements congtin.ScheduleService.
func (db *DB) FindPublicSchedule(ctx context.Context, siteID int64, from, to time.Time, limit int) ([]*congtin.ScheduleEntry, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.db.QueryContext(ctx, `SELECT e.id, e.site_id, e.week, e.starts_at, e.ends_at, e.content, e.participants, e.place, e.chair, e.created_by, e.updated_at
		FROM schedule_entries e JOIN schedule_weeks w ON w.site_id = e.site_id AND w.week = e.week AND w.status = 'published'
		WHERE e.site_id = ? AND e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id LIMIT ?`, siteID, unix(from), unix(to), limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find public schedule: %w", err)
	}
	defer rows.Close()
	var out []*congtin.ScheduleEntry
	for rows.Next() {
		e, err := scanScheduleEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// FindScheduleEntry implements congtin.ScheduleService.
func (db *DB) FindScheduleEntry(ctx context.Context, siteID, id int64) (*congtin.ScheduleEntry, error) {
	return scanScheduleEntry(db.db.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ? AND site_id = ?`, id, siteID))
}

// CreateScheduleEntry implements congtin.ScheduleService.
func (db *DB) CreateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	week := congtin.WeekOf(in.Start).String()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := editableWeek(ctx, tx, actor, siteID, week); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO schedule_entries (site_id, week, starts_at, ends_at, content, participants, place, chair, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, siteID, week, unix(in.Start), nullTime(in.End), in.Content, in.Participants, in.Place, in.Chair,
		actor.User.ID, unix(tx.now), unix(tx.now))
	if err != nil {
		return nil, fmt.Errorf("sqlite: create schedule entry: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Tạo mới"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.create", "schedule", id, scheduleDetail(week, in))); err != nil {
		return nil, err
	}
	e, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

// UpdateScheduleEntry implements congtin.ScheduleService.
func (db *DB) UpdateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	week := congtin.WeekOf(in.Start).String()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ? AND site_id = ?`, id, siteID))
	if err != nil {
		return nil, err
	}
	if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
		return nil, err
	}
	if week != cur.Week {
		if err := editableWeek(ctx, tx, actor, siteID, week); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schedule_entries SET week = ?, starts_at = ?, ends_at = ?, content = ?, participants = ?, place = ?, chair = ?, updated_at = ?
		WHERE id = ?`, week, unix(in.Start), nullTime(in.End), in.Content, in.Participants, in.Place, in.Chair, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update schedule entry: %w", err)
	}
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Sửa"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.edit", "schedule", id, scheduleDetail(week, in))); err != nil {
		return nil, err
	}
	e, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

// DeleteScheduleEntry implements congtin.ScheduleService.
func (db *DB) DeleteScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cur, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = ? AND site_id = ?`, id, siteID))
	if err != nil {
		return err
	}
	if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
		return err
	}
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Xóa"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schedule_entries WHERE id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: delete schedule entry: %w", err)
	}
	in := congtin.ScheduleInput{Start: cur.Start, Content: cur.Content}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.delete", "schedule", id, scheduleDetail(cur.Week, in))); err != nil {
		return err
	}
	return tx.Commit()
}

// TransitionScheduleWeek implements congtin.ScheduleService.
func (db *DB) TransitionScheduleWeek(ctx context.Context, actor congtin.Actor, siteID int64, week congtin.Week, act, comment string) (*congtin.ScheduleWeek, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	if err := congtin.CheckComment(act, comment); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	key := week.String()
	cur, err := findWeekTx(ctx, tx, siteID, key)
	if err != nil {
		return nil, err
	}
	if cur.UpdatedAt.IsZero() && actor.User != nil {
		cur.CreatedBy = actor.User.ID // an untouched week is whoever starts it
	}
	if !congtin.Can(actor, act, cur.Item()) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với lịch tuần ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schedule_entries WHERE site_id = ? AND week = ?`, siteID, key).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 && (act == congtin.ActSubmit || act == congtin.ActPublish) {
		return nil, congtin.Errorf(congtin.EINVALID, "Tuần %s chưa có mục lịch nào; hãy thêm lịch trước khi gửi duyệt hoặc xuất bản.", key)
	}
	if cur.UpdatedAt.IsZero() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO schedule_weeks (site_id, week, status, created_by, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)`,
			siteID, key, actor.User.ID, unix(tx.now), unix(tx.now)); err != nil {
			return nil, fmt.Errorf("sqlite: start schedule week: %w", err)
		}
	}
	pub := nullTime(cur.PublishedAt)
	if act == congtin.ActPublish {
		pub = unix(tx.now)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schedule_weeks SET status = ?, note = ?, updated_at = ?, published_at = ? WHERE site_id = ? AND week = ?`,
		next, comment, unix(tx.now), pub, siteID, key); err != nil {
		return nil, fmt.Errorf("sqlite: transition schedule week: %w", err)
	}
	detail := key + ": " + congtin.StatusName(cur.Status) + " → " + congtin.StatusName(next)
	if comment != "" {
		detail += ": " + comment
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule."+act, "schedule_week", 0, detail)); err != nil {
		return nil, err
	}
	w, err := findWeekTx(ctx, tx, siteID, key)
	if err != nil {
		return nil, err
	}
	return w, tx.Commit()
}

// FindScheduleRevisions implements congtin.ScheduleService.
func (db *DB) FindScheduleRevisions(ctx context.Context, siteID int64, week congtin.Week) ([]*congtin.ScheduleRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, entry_id, week, user_name, created_at, note, starts_at, ends_at, content, participants, place, chair
		FROM schedule_revisions WHERE site_id = ? AND week = ? ORDER BY id DESC`, siteID, week.String())
	if err != nil {
		return nil, fmt.Errorf("sqlite: find schedule revisions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.ScheduleRevision
	for rows.Next() {
		var r congtin.ScheduleRevision
		var created, start int64
		var end sql.NullInt64
		if err := rows.Scan(&r.ID, &r.EntryID, &r.Week, &r.UserName, &created, &r.Note, &start, &end, &r.Content, &r.Participants, &r.Place, &r.Chair); err != nil {
			return nil, err
		}
		r.CreatedAt, r.Start = fromUnix(created), fromUnix(start)
		if end.Valid {
			r.End = fromUnix(end.Int64)
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}
