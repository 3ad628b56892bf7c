package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.QuestionService = (*DB)(nil)

const questionColumns = `id, site_id, IFNULL(field_id, 0), title, body, answer, status, answered_by,
	name, email, phone, ip_hash, created_at, updated_at, published_at, purged_at`

func scanQuestion(row interface{ Scan(...any) error }) (*congtin.Question, error) {
	var q congtin.Question
	var created, updated int64
	var pub, purged sql.NullInt64
	err := row.Scan(&q.ID, &q.SiteID, &q.FieldID, &q.Title, &q.Body, &q.Answer, &q.Status, &q.AnsweredBy,
		&q.Name, &q.Email, &q.Phone, &q.IPHash, &created, &updated, &pub, &purged)
	if err != nil {
		return nil, err
	}
	q.CreatedAt, q.UpdatedAt = fromUnix(created), fromUnix(updated)
	if pub.Valid {
		q.PublishedAt = fromUnix(pub.Int64)
	}
	if purged.Valid {
		q.PurgedAt = fromUnix(purged.Int64)
	}
	return &q, nil
}

var errQuestionNotFound = congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy câu hỏi.")

func findQuestionTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(tx.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = ? AND site_id = ?`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errQuestionNotFound
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find question: %w", err)
	}
	return q, nil
}

// checkQAField makes sure the field is the site's; none chosen is only
// right for a site without fields.
func checkQAField(ctx context.Context, tx *Tx, siteID, id int64) error {
	if id == 0 {
		var any bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE site_id = ?)`, siteID).Scan(&any); err != nil {
			return fmt.Errorf("sqlite: check field: %w", err)
		}
		if any {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"field_id": "Hãy chọn lĩnh vực."}}
		}
		return nil
	}
	var ok bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE id = ? AND site_id = ?)`, id, siteID).Scan(&ok); err != nil {
		return fmt.Errorf("sqlite: check field: %w", err)
	}
	if !ok {
		return &congtin.ValidationError{Fields: congtin.FieldErrors{"field_id": "Lĩnh vực này không còn tồn tại; hãy chọn lĩnh vực khác."}}
	}
	return nil
}

// questionSearchText is the folded text the LIKE search matches.
func questionSearchText(title, body, answer string) string {
	return search.FoldedText(search.IndexFields(title, body, answer))
}

// SubmitQuestion implements congtin.QuestionService. SQLite's one writer
// makes the count and the insert atomic.
func (db *DB) SubmitQuestion(ctx context.Context, siteID int64, in congtin.QuestionInput, sub congtin.Submission) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if sub.CodeHash == "" || sub.Nonce == "" {
		return nil, errors.New("sqlite: submit question: a code hash and a nonce are required")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := checkQAField(ctx, tx, siteID, in.FieldID); err != nil {
		return nil, err
	}
	var used bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM questions WHERE form_nonce = ?)`, sub.Nonce).Scan(&used); err != nil {
		return nil, fmt.Errorf("sqlite: submit question: %w", err)
	}
	if used {
		return nil, congtin.Errorf(congtin.ECONFLICT, "Câu hỏi từ biểu mẫu này đã được gửi rồi. Muốn hỏi thêm, xin mở lại biểu mẫu.")
	}
	if sub.Limit > 0 && sub.IPHash != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE ip_hash = ? AND created_at > ?`,
			sub.IPHash, unix(tx.now.Add(-sub.Window))).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: submit question: %w", err)
		}
		if n >= sub.Limit {
			return nil, congtin.TooManyQuestions(sub)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO questions (site_id, field_id, code_hash, form_nonce, title, body, status,
		name, email, phone, ip_hash, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)`,
		siteID, nullID(in.FieldID), sub.CodeHash, sub.Nonce, in.Title, in.Body, in.Name, in.Email, in.Phone, sub.IPHash,
		questionSearchText(in.Title, in.Body, ""), unix(tx.now), unix(tx.now))
	if err != nil {
		return nil, fmt.Errorf("sqlite: submit question: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addQuestionRevision(ctx, tx, congtin.Actor{}, siteID, id, "Câu hỏi gốc của người hỏi"); err != nil {
		return nil, err
	}
	q, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return q, tx.Commit()
}

// FindQuestionByID implements congtin.QuestionService.
func (db *DB) FindQuestionByID(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(db.db.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = ? AND site_id = ?`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errQuestionNotFound
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find question: %w", err)
	}
	return q, nil
}

// FindQuestionByCode implements congtin.QuestionService.
func (db *DB) FindQuestionByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.Question, error) {
	q, err := scanQuestion(db.db.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE code_hash = ? AND site_id = ?`, codeHash, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không có câu hỏi nào với mã tra cứu này. Xin kiểm tra lại mã.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find question: %w", err)
	}
	return q, nil
}

// FindQuestions implements congtin.QuestionService.
func (db *DB) FindQuestions(ctx context.Context, f congtin.QuestionFilter) ([]*congtin.Question, int, error) {
	where, args := []string{"site_id = ?"}, []any{f.SiteID}
	order := "created_at DESC, id DESC"
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
		if f.Status == congtin.StatusPublished {
			order = "published_at DESC, id DESC"
		}
	}
	if f.FieldID != 0 {
		where, args = append(where, "field_id = ?"), append(args, f.FieldID)
	}
	var pq *search.Query
	if f.Q != "" {
		if pq = search.ParseQuery(f.Q); pq.Empty() {
			return nil, 0, nil
		}
		for _, p := range search.LikePatterns(pq) {
			where, args = append(where, "search_text LIKE ?"), append(args, p)
		}
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count questions: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	if pq == nil {
		out, err := db.queryQuestions(ctx, `SELECT `+questionColumns+` FROM questions WHERE `+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
			append(args, limit, max(f.Offset, 0))...)
		return out, total, err
	}
	// A search: the newest matches are ranked in Go, by the articles'
	// ranking, and the page is cut from that order.
	cands, err := db.queryQuestions(ctx, `SELECT `+questionColumns+` FROM questions WHERE `+cond+` ORDER BY `+order+` LIMIT ?`,
		append(args, search.Candidates)...)
	if err != nil {
		return nil, 0, err
	}
	return rankQuestions(pq, cands, total, f.Offset, limit)
}

// rankQuestions orders search candidates by the shared ranking and cuts
// the page.
func rankQuestions(pq *search.Query, cands []*congtin.Question, total, offset, limit int) ([]*congtin.Question, int, error) {
	cs := make([]search.Candidate, len(cands))
	byID := make(map[int64]*congtin.Question, len(cands))
	for i, q := range cands {
		at := q.PublishedAt
		if at.IsZero() {
			at = q.CreatedAt
		}
		cs[i] = search.Candidate{ID: q.ID, At: at, Title: q.Title, Text: q.Body, HTML: q.Answer}
		byID[q.ID] = q
	}
	ids, total := search.RankPage(pq, cs, total, offset, limit)
	out := make([]*congtin.Question, 0, len(ids))
	for _, id := range ids {
		out = append(out, byID[id])
	}
	return out, total, nil
}

func (db *DB) queryQuestions(ctx context.Context, query string, args ...any) ([]*congtin.Question, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find questions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find questions: %w", err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// UpdateQuestion implements congtin.QuestionService.
func (db *DB) UpdateQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if !congtin.CanQuestion(actor, congtin.ActEdit, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa câu trả lời này khi câu hỏi ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := checkQAField(ctx, tx, siteID, in.FieldID); err != nil {
		return nil, err
	}
	answer := sanitize.HTML(in.Answer)
	by := cur.AnsweredBy
	if by == 0 {
		by = actor.User.ID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET field_id = ?, title = ?, body = ?, answer = ?, answered_by = ?, search_text = ?, updated_at = ?
		WHERE id = ?`, nullID(in.FieldID), in.Title, in.Body, answer, by, questionSearchText(in.Title, in.Body, answer), unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update question: %w", err)
	}
	if err := addQuestionRevision(ctx, tx, actor, siteID, id, "Sửa"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "question.edit", "question", id, in.Title)); err != nil {
		return nil, err
	}
	q, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return q, tx.Commit()
}

// TransitionQuestion implements congtin.QuestionService.
func (db *DB) TransitionQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Question, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	// Checked again inside the transaction: the state may have changed
	// since the page was loaded.
	if !congtin.CanQuestion(actor, act, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với câu hỏi ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := congtin.CheckAnswered(cur, act); err != nil {
		return nil, err
	}
	pub := cur.PublishedAt
	if act == congtin.ActPublish && pub.IsZero() {
		pub = tx.now
	}
	by := cur.AnsweredBy
	if by == 0 && act == congtin.ActSubmit {
		by = actor.User.ID
	}
	var pubArg any
	if !pub.IsZero() {
		pubArg = unix(pub)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET status = ?, published_at = ?, answered_by = ?, updated_at = ? WHERE id = ?`,
		next, pubArg, by, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: transition question: %w", err)
	}
	name := ""
	if actor.User != nil {
		name = actor.User.DisplayName
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO question_notes (site_id, question_id, user_name, action, status, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		siteID, id, name, act, next, comment, unix(tx.now)); err != nil {
		return nil, fmt.Errorf("sqlite: question note: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "question."+act, "question", id, congtin.QuestionTransitionDetail(cur, act, comment))); err != nil {
		return nil, err
	}
	q, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return q, tx.Commit()
}

// addQuestionRevision copies the question's current text and answer into
// a revision.
func addQuestionRevision(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, id int64, note string) error {
	name := ""
	var uid int64
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO question_revisions (site_id, question_id, user_id, user_name, created_at, title, body, answer, note)
		SELECT site_id, id, ?, ?, ?, title, body, answer, ? FROM questions WHERE id = ? AND site_id = ?`, uid, name, unix(tx.now), note, id, siteID)
	if err != nil {
		return fmt.Errorf("sqlite: add question revision: %w", err)
	}
	return nil
}

// FindQuestionRevisions implements congtin.QuestionService.
func (db *DB) FindQuestionRevisions(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, question_id, user_id, user_name, created_at, title, body, answer, note
		FROM question_revisions WHERE question_id = ? AND site_id = ? ORDER BY id DESC`, questionID, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find question revisions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.QuestionRevision
	for rows.Next() {
		var r congtin.QuestionRevision
		var at int64
		if err := rows.Scan(&r.ID, &r.QuestionID, &r.UserID, &r.UserName, &at, &r.Title, &r.Body, &r.Answer, &r.Note); err != nil {
			return nil, err
		}
		r.CreatedAt = fromUnix(at)
		out = append(out, &r)
	}
	return out, rows.Err()
}

// FindQuestionNotes implements congtin.QuestionService.
func (db *DB) FindQuestionNotes(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionNote, error) {
	notes, err := db.queryNotes(ctx, `SELECT id, question_id, user_name, action, status, comment, created_at FROM question_notes
		WHERE question_id = ? AND site_id = ? ORDER BY id`, questionID, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find question notes: %w", err)
	}
	var out []*congtin.QuestionNote
	for _, n := range notes {
		out = append(out, &congtin.QuestionNote{ID: n.ID, QuestionID: n.Item.ID, UserName: n.UserName,
			Action: n.Action, Status: n.Status, Comment: n.Comment, CreatedAt: n.CreatedAt})
	}
	return out, nil
}

// PurgeQuestionData implements congtin.QuestionService.
func (db *DB) PurgeQuestionData(ctx context.Context, before time.Time) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT site_id, COUNT(*) FROM questions WHERE purged_at IS NULL AND created_at < ? GROUP BY site_id ORDER BY site_id`, unix(before))
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge questions: %w", err)
	}
	perSite := map[int64]int{}
	var sites []int64
	for rows.Next() {
		var site int64
		var n int
		if err := rows.Scan(&site, &n); err != nil {
			rows.Close()
			return 0, fmt.Errorf("sqlite: purge questions: %w", err)
		}
		perSite[site] = n
		sites = append(sites, site)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("sqlite: purge questions: %w", err)
	}
	res, err := tx.ExecContext(ctx, `UPDATE questions SET name = '', email = '', phone = '', ip_hash = '', purged_at = ?
		WHERE purged_at IS NULL AND created_at < ?`, unix(tx.now), unix(before))
	if err != nil {
		return 0, fmt.Errorf("sqlite: purge questions: %w", err)
	}
	n, _ := res.RowsAffected()
	for _, site := range sites {
		if err := addAudit(ctx, tx, congtin.Actor{}.Entry(site, "question.purge", "question", 0, congtin.PurgeDetail(perSite[site], before))); err != nil {
			return 0, err
		}
	}
	return int(n), tx.Commit()
}
