package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ScheduleService = (*DB)(nil)

const scheduleColumns = `id, site_id, week, starts_at, ends_at, content, participants, place, chair, created_by, updated_at`

func scanScheduleEntry(row interface{ Scan(...any) error }) (*congtin.ScheduleEntry, error) {
	var e congtin.ScheduleEntry
	var end sql.NullTime
	err := row.Scan(&e.ID, &e.SiteID, &e.Week, &e.Start, &end, &e.Content, &e.Participants, &e.Place, &e.Chair, &e.CreatedBy, &e.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy mục lịch công tác.")
	} else if err != nil {
		return nil, wrap("find schedule entry", err)
	}
	e.Start, e.UpdatedAt = fromTS(e.Start), fromTS(e.UpdatedAt)
	if end.Valid {
		e.End = fromTS(end.Time)
	}
	return &e, nil
}

// nullTS is a time as stored, or NULL for the zero time.
func nullTS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return ts(t)
}

type queryRower interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// findWeekTx returns a week's state; a week without a row is a draft that
// nobody owns yet. lock takes the row for the rest of the transaction.
func findWeekTx(ctx context.Context, q queryRower, siteID int64, week string, lock bool) (*congtin.ScheduleWeek, error) {
	w := &congtin.ScheduleWeek{SiteID: siteID, Week: week}
	var pub sql.NullTime
	var updated time.Time
	query := `SELECT status, note, created_by, updated_at, published_at FROM schedule_weeks WHERE site_id = $1 AND week = $2`
	if lock {
		query += ` FOR UPDATE`
	}
	err := q.QueryRowContext(ctx, query, siteID, week).Scan(&w.Status, &w.Note, &w.CreatedBy, &updated, &pub)
	if errors.Is(err, sql.ErrNoRows) {
		w.Status = congtin.StatusDraft
		return w, nil
	} else if err != nil {
		return nil, wrap("find schedule week", err)
	}
	w.UpdatedAt = fromTS(updated)
	if pub.Valid {
		w.PublishedAt = fromTS(pub.Time)
	}
	return w, nil
}

// editableWeek checks that the actor may change the entries of a week,
// and gives the week a row (a draft of the actor's) when it has none.
func editableWeek(ctx context.Context, tx *Tx, actor congtin.Actor, siteID int64, week string) error {
	w, err := findWeekTx(ctx, tx, siteID, week, true)
	if err != nil {
		return err
	}
	if w.UpdatedAt.IsZero() {
		if !congtin.Can(actor, congtin.ActCreate, nil) {
			return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền soạn lịch công tác.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schedule_weeks (site_id, week, status, created_by, created_at, updated_at) VALUES ($1, $2, 'draft', $3, $4, $4)`,
			siteID, week, actor.User.ID, tx.now)
		return wrap("start schedule week", err)
	}
	if !congtin.Can(actor, congtin.ActEdit, w.Item()) {
		return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không thể sửa lịch tuần %s ở trạng thái “%s”.", week, congtin.StatusName(w.Status))
	}
	_, err = tx.ExecContext(ctx, `UPDATE schedule_weeks SET updated_at = $1 WHERE site_id = $2 AND week = $3`, tx.now, siteID, week)
	return wrap("touch schedule week", err)
}

func addScheduleRevision(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, id int64, note string) error {
	name, uid := "", int64(0)
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO schedule_revisions (site_id, entry_id, week, user_id, user_name, created_at, note,
		starts_at, ends_at, content, participants, place, chair)
		SELECT site_id, id, week, $1, $2, $3, $4, starts_at, ends_at, content, participants, place, chair FROM schedule_entries WHERE id = $5`,
		uid, name, tx.now, note, id)
	return wrap("add schedule revision", err)
}

func scheduleDetail(week string, in congtin.ScheduleInput) string {
	return week + ", " + in.Start.In(congtin.VietnamZone).Format("15:04 02/01/2006") + ": " + in.Content
}

func (db *DB) scheduleEntries(ctx context.Context, query string, args ...any) ([]*congtin.ScheduleEntry, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, wrap("find schedule", err)
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
	return out, wrap("find schedule", rows.Err())
}

// FindScheduleWeek implements congtin.ScheduleService.
func (db *DB) FindScheduleWeek(ctx context.Context, siteID int64, week congtin.Week) (*congtin.ScheduleWeek, []*congtin.ScheduleEntry, error) {
	w, err := findWeekTx(ctx, db.db, siteID, week.String(), false)
	if err != nil {
		return nil, nil, err
	}
	es, err := db.scheduleEntries(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE site_id = $1 AND week = $2 ORDER BY starts_at, id`, siteID, week.String())
	if err != nil {
		return nil, nil, err
	}
	return w, es, nil
}

// FindPublicSchedule implements congtin.ScheduleService.
func (db *DB) FindPublicSchedule(ctx context.Context, siteID int64, from, to time.Time, limit int) ([]*congtin.ScheduleEntry, error) {
	var lim any
	if limit > 0 {
		lim = limit
	}
	return db.scheduleEntries(ctx, `SELECT e.id, e.site_id, e.week, e.starts_at, e.ends_at, e.content, e.participants, e.place, e.chair, e.created_by, e.updated_at
		FROM schedule_entries e JOIN schedule_weeks w ON w.site_id = e.site_id AND w.week = e.week AND w.status = 'published'
		WHERE e.site_id = $1 AND e.starts_at >= $2 AND e.starts_at < $3 ORDER BY e.starts_at, e.id LIMIT $4`, siteID, ts(from), ts(to), lim)
}

// FindScheduleEntry implements congtin.ScheduleService.
func (db *DB) FindScheduleEntry(ctx context.Context, siteID, id int64) (*congtin.ScheduleEntry, error) {
	return scanScheduleEntry(db.db.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = $1 AND site_id = $2`, id, siteID))
}

// CreateScheduleEntry implements congtin.ScheduleService.
func (db *DB) CreateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	week := congtin.WeekOf(in.Start).String()
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("create schedule entry", err)
	}
	defer tx.Rollback()
	if err := editableWeek(ctx, tx, actor, siteID, week); err != nil {
		return nil, err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO schedule_entries (site_id, week, starts_at, ends_at, content, participants, place, chair, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`, siteID, week, ts(in.Start), nullTS(in.End), in.Content, in.Participants, in.Place, in.Chair,
		actor.User.ID, tx.now).Scan(&id); err != nil {
		return nil, wrap("create schedule entry", err)
	}
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Tạo mới"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.create", "schedule", id, scheduleDetail(week, in))); err != nil {
		return nil, err
	}
	e, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return e, wrap("create schedule entry: commit", tx.Commit())
}

// UpdateScheduleEntry implements congtin.ScheduleService.
func (db *DB) UpdateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	week := congtin.WeekOf(in.Start).String()
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("update schedule entry", err)
	}
	defer tx.Rollback()
	cur, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = $1 AND site_id = $2 FOR UPDATE`, id, siteID))
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
	if _, err := tx.ExecContext(ctx, `UPDATE schedule_entries SET week = $1, starts_at = $2, ends_at = $3, content = $4, participants = $5, place = $6, chair = $7, updated_at = $8
		WHERE id = $9`, week, ts(in.Start), nullTS(in.End), in.Content, in.Participants, in.Place, in.Chair, tx.now, id); err != nil {
		return nil, wrap("update schedule entry", err)
	}
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Sửa"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.edit", "schedule", id, scheduleDetail(week, in))); err != nil {
		return nil, err
	}
	e, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return e, wrap("update schedule entry: commit", tx.Commit())
}

// DeleteScheduleEntry implements congtin.ScheduleService.
func (db *DB) DeleteScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.beginChange(ctx)
	if err != nil {
		return wrap("delete schedule entry", err)
	}
	defer tx.Rollback()
	cur, err := scanScheduleEntry(tx.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedule_entries WHERE id = $1 AND site_id = $2 FOR UPDATE`, id, siteID))
	if err != nil {
		return err
	}
	if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
		return err
	}
	if err := addScheduleRevision(ctx, tx, actor, siteID, id, "Xóa"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schedule_entries WHERE id = $1`, id); err != nil {
		return wrap("delete schedule entry", err)
	}
	in := congtin.ScheduleInput{Start: cur.Start, Content: cur.Content}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule.delete", "schedule", id, scheduleDetail(cur.Week, in))); err != nil {
		return err
	}
	return wrap("delete schedule entry: commit", tx.Commit())
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
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("transition schedule week", err)
	}
	defer tx.Rollback()
	key := week.String()
	cur, err := findWeekTx(ctx, tx, siteID, key, true)
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
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schedule_entries WHERE site_id = $1 AND week = $2`, siteID, key).Scan(&n); err != nil {
		return nil, wrap("transition schedule week", err)
	}
	if n == 0 && (act == congtin.ActSubmit || act == congtin.ActPublish) {
		return nil, congtin.Errorf(congtin.EINVALID, "Tuần %s chưa có mục lịch nào; hãy thêm lịch trước khi gửi duyệt hoặc xuất bản.", key)
	}
	if cur.UpdatedAt.IsZero() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO schedule_weeks (site_id, week, status, created_by, created_at, updated_at) VALUES ($1, $2, 'draft', $3, $4, $4)`,
			siteID, key, actor.User.ID, tx.now); err != nil {
			return nil, wrap("start schedule week", err)
		}
	}
	pub := nullTS(cur.PublishedAt)
	if act == congtin.ActPublish {
		pub = tx.now
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schedule_weeks SET status = $1, note = $2, updated_at = $3, published_at = $4 WHERE site_id = $5 AND week = $6`,
		next, comment, tx.now, pub, siteID, key); err != nil {
		return nil, wrap("transition schedule week", err)
	}
	detail := key + ": " + congtin.StatusName(cur.Status) + " → " + congtin.StatusName(next)
	if comment != "" {
		detail += ": " + comment
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "schedule."+act, "schedule_week", 0, detail)); err != nil {
		return nil, err
	}
	w, err := findWeekTx(ctx, tx, siteID, key, false)
	if err != nil {
		return nil, err
	}
	return w, wrap("transition schedule week: commit", tx.Commit())
}

// FindScheduleRevisions implements congtin.ScheduleService.
func (db *DB) FindScheduleRevisions(ctx context.Context, siteID int64, week congtin.Week) ([]*congtin.ScheduleRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, entry_id, week, user_name, created_at, note, starts_at, ends_at, content, participants, place, chair
		FROM schedule_revisions WHERE site_id = $1 AND week = $2 ORDER BY id DESC`, siteID, week.String())
	if err != nil {
		return nil, wrap("find schedule revisions", err)
	}
	defer rows.Close()
	var out []*congtin.ScheduleRevision
	for rows.Next() {
		var r congtin.ScheduleRevision
		var end sql.NullTime
		if err := rows.Scan(&r.ID, &r.EntryID, &r.Week, &r.UserName, &r.CreatedAt, &r.Note, &r.Start, &end, &r.Content, &r.Participants, &r.Place, &r.Chair); err != nil {
			return nil, wrap("find schedule revisions", err)
		}
		r.CreatedAt, r.Start = fromTS(r.CreatedAt), fromTS(r.Start)
		if end.Valid {
			r.End = fromTS(end.Time)
		}
		out = append(out, &r)
	}
	return out, wrap("find schedule revisions", rows.Err())
}
