package postgres

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.QuestionService = (*DB)(nil)

const questionColumns = `id, site_id, COALESCE(field_id, 0), title, body, answer, status, answered_by,
	name, email, phone, ip_hash, created_at, updated_at, published_at, purged_at`

func scanQuestion(row interface{ Scan(...any) error }) (*congtin.Question, error) {
	var q congtin.Question
	var pub, purged sql.NullTime
	err := row.Scan(&q.ID, &q.SiteID, &q.FieldID, &q.Title, &q.Body, &q.Answer, &q.Status, &q.AnsweredBy,
		&q.Name, &q.Email, &q.Phone, &q.IPHash, &q.CreatedAt, &q.UpdatedAt, &pub, &purged)
	if err != nil {
		return nil, err
	}
	q.CreatedAt, q.UpdatedAt = fromTS(q.CreatedAt), fromTS(q.UpdatedAt)
	if pub.Valid {
		q.PublishedAt = fromTS(pub.Time)
	}
	if purged.Valid {
		q.PurgedAt = fromTS(purged.Time)
	}
	return &q, nil
}

var errQuestionNotFound = congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy câu hỏi.")

// lockQuestionTx reads a question the transaction is about to change from
// what it read, and locks its row until the end, as lockArticleTx does.
func lockQuestionTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(tx.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = $1 AND site_id = $2 FOR UPDATE`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errQuestionNotFound
	}
	return q, wrap("find question", err)
}

func findQuestionTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(tx.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = $1 AND site_id = $2`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errQuestionNotFound
	}
	return q, wrap("find question", err)
}

// checkQAField makes sure the field is the site's; none chosen is only
// right for a site without fields. A field deleted after this check by a
// concurrent transaction is caught by the foreign key (fieldErr).
func checkQAField(ctx context.Context, tx *Tx, siteID, id int64) error {
	if id == 0 {
		var any bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE site_id = $1)`, siteID).Scan(&any); err != nil {
			return wrap("check field", err)
		}
		if any {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"field_id": "Hãy chọn lĩnh vực."}}
		}
		return nil
	}
	var ok bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE id = $1 AND site_id = $2)`, id, siteID).Scan(&ok); err != nil {
		return wrap("check field", err)
	}
	if !ok {
		return fieldGone
	}
	return nil
}

var fieldGone = &congtin.ValidationError{Fields: congtin.FieldErrors{"field_id": "Lĩnh vực này không còn tồn tại; hãy chọn lĩnh vực khác."}}

// fieldErr is the error of a question write: a field deleted meanwhile is
// the form error checkQAField gives.
func fieldErr(op string, err error) error {
	if pgCode(err) == foreignKeyViolation {
		return fieldGone
	}
	return wrap(op, err)
}

func questionSearchText(title, body, answer string) string {
	return search.FoldedText(search.IndexFields(title, body, answer))
}

// senderLock is the advisory lock key space for one sender's submissions.
const senderLock = "congtin question sender "

// SubmitQuestion implements congtin.QuestionService. Processes write at
// once here, so the sender's hash is locked (an advisory lock held to the
// end of the transaction) before counting: two submissions from one
// address cannot both count below the limit and both insert.
func (db *DB) SubmitQuestion(ctx context.Context, siteID int64, in congtin.QuestionInput, sub congtin.Submission) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if sub.CodeHash == "" || sub.Nonce == "" || !storable(sub.CodeHash+sub.Nonce+sub.IPHash) {
		return nil, errors.New("postgres: submit question: a code hash and a nonce are required")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("submit question", err)
	}
	defer tx.Rollback()
	if sub.Limit > 0 && sub.IPHash != "" {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1 || $2, 0))`, senderLock, sub.IPHash); err != nil {
			return nil, wrap("submit question: lock", err)
		}
	}
	if err := checkQAField(ctx, tx, siteID, in.FieldID); err != nil {
		return nil, err
	}
	var used bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM questions WHERE form_nonce = $1)`, sub.Nonce).Scan(&used); err != nil {
		return nil, wrap("submit question", err)
	}
	if used {
		return nil, congtin.Errorf(congtin.ECONFLICT, "Câu hỏi từ biểu mẫu này đã được gửi rồi. Muốn hỏi thêm, xin mở lại biểu mẫu.")
	}
	if sub.Limit > 0 && sub.IPHash != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE ip_hash = $1 AND created_at > $2`,
			sub.IPHash, tx.now.Add(-sub.Window)).Scan(&n); err != nil {
			return nil, wrap("submit question", err)
		}
		if n >= sub.Limit {
			return nil, congtin.TooManyQuestions(sub)
		}
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO questions (site_id, field_id, code_hash, form_nonce, title, body, status,
		name, email, phone, ip_hash, search_text, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11, $12, $12)
		RETURNING id`,
		siteID, nullID(in.FieldID), sub.CodeHash, sub.Nonce, in.Title, in.Body, in.Name, in.Email, in.Phone, sub.IPHash,
		questionSearchText(in.Title, in.Body, ""), tx.now).Scan(&id)
	if pgCode(err) == uniqueViolation {
		// The same form sent twice at the same moment: the other one won.
		return nil, congtin.Errorf(congtin.ECONFLICT, "Câu hỏi từ biểu mẫu này đã được gửi rồi. Muốn hỏi thêm, xin mở lại biểu mẫu.")
	} else if err != nil {
		return nil, fieldErr("submit question", err)
	}
	if err := addQuestionRevision(ctx, tx, congtin.Actor{}, siteID, id, "Câu hỏi gốc của người hỏi"); err != nil {
		return nil, err
	}
	q, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return q, wrap("submit question: commit", tx.Commit())
}

// FindQuestionByID implements congtin.QuestionService.
func (db *DB) FindQuestionByID(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(db.db.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = $1 AND site_id = $2`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errQuestionNotFound
	}
	return q, wrap("find question", err)
}

// FindQuestionByCode implements congtin.QuestionService.
func (db *DB) FindQuestionByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.Question, error) {
	notFound := congtin.Errorf(congtin.ENOTFOUND, "Không có câu hỏi nào với mã tra cứu này. Xin kiểm tra lại mã.")
	if !storable(codeHash) {
		return nil, notFound
	}
	q, err := scanQuestion(db.db.QueryRowContext(ctx, `SELECT `+questionColumns+` FROM questions WHERE code_hash = $1 AND site_id = $2`, codeHash, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound
	}
	return q, wrap("find question", err)
}

// FindQuestions implements congtin.QuestionService.
func (db *DB) FindQuestions(ctx context.Context, f congtin.QuestionFilter) ([]*congtin.Question, int, error) {
	var w where
	w.add("site_id = ?", f.SiteID)
	order := "created_at DESC, id DESC"
	if f.Status != "" {
		w.add("status = ?", clean(f.Status))
		if f.Status == congtin.StatusPublished {
			order = "published_at DESC, id DESC"
		}
	}
	if f.FieldID != 0 {
		w.add("field_id = ?", f.FieldID)
	}
	var pq *search.Query
	if f.Q != "" {
		if pq = search.ParseQuery(f.Q); pq.Empty() {
			return nil, 0, nil
		}
		for _, p := range search.LikePatterns(pq) {
			w.add("search_text LIKE ?", p)
		}
	}
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count questions", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	if pq == nil {
		out, err := db.queryQuestions(ctx, `SELECT `+questionColumns+` FROM questions WHERE `+w.String()+` ORDER BY `+order+
			` LIMIT `+w.next(0)+` OFFSET `+w.next(1), append(w.args, limit, max(f.Offset, 0))...)
		return out, total, err
	}
	// A search: the newest matches are ranked in Go, by the articles'
	// ranking, and the page is cut from that order.
	cands, err := db.queryQuestions(ctx, `SELECT `+questionColumns+` FROM questions WHERE `+w.String()+` ORDER BY `+order+
		` LIMIT `+w.next(0), append(w.args, search.Candidates)...)
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
		return nil, wrap("find questions", err)
	}
	defer rows.Close()
	var out []*congtin.Question
	for rows.Next() {
		q, err := scanQuestion(rows)
		if err != nil {
			return nil, wrap("find questions", err)
		}
		out = append(out, q)
	}
	return out, wrap("find questions", rows.Err())
}

// UpdateQuestion implements congtin.QuestionService.
func (db *DB) UpdateQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("update question", err)
	}
	defer tx.Rollback()
	cur, err := lockQuestionTx(ctx, tx, siteID, id)
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
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET field_id = $1, title = $2, body = $3, answer = $4, answered_by = $5, search_text = $6,
		updated_at = $7 WHERE id = $8`, nullID(in.FieldID), in.Title, in.Body, answer, by, questionSearchText(in.Title, in.Body, answer), tx.now, id); err != nil {
		return nil, fieldErr("update question", err)
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
	return q, wrap("update question: commit", tx.Commit())
}

// TransitionQuestion implements congtin.QuestionService.
func (db *DB) TransitionQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Question, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("transition question", err)
	}
	defer tx.Rollback()
	cur, err := lockQuestionTx(ctx, tx, siteID, id)
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
	var pub any
	if !cur.PublishedAt.IsZero() {
		pub = ts(cur.PublishedAt)
	} else if act == congtin.ActPublish {
		pub = tx.now
	}
	by := cur.AnsweredBy
	if by == 0 && act == congtin.ActSubmit {
		by = actor.User.ID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE questions SET status = $1, published_at = $2, answered_by = $3, updated_at = $4 WHERE id = $5`,
		next, pub, by, tx.now, id); err != nil {
		return nil, wrap("transition question", err)
	}
	name := ""
	if actor.User != nil {
		name = actor.User.DisplayName
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO question_notes (site_id, question_id, user_name, action, status, comment, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, siteID, id, name, act, next, comment, tx.now); err != nil {
		return nil, wrap("question note", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "question."+act, "question", id, congtin.QuestionTransitionDetail(cur, act, comment))); err != nil {
		return nil, err
	}
	q, err := findQuestionTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return q, wrap("transition question: commit", tx.Commit())
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
		SELECT site_id, id, $1, $2, $3, title, body, answer, $4 FROM questions WHERE id = $5 AND site_id = $6`, uid, name, tx.now, note, id, siteID)
	return wrap("add question revision", err)
}

// FindQuestionRevisions implements congtin.QuestionService.
func (db *DB) FindQuestionRevisions(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, question_id, user_id, user_name, created_at, title, body, answer, note
		FROM question_revisions WHERE question_id = $1 AND site_id = $2 ORDER BY id DESC`, questionID, siteID)
	if err != nil {
		return nil, wrap("find question revisions", err)
	}
	defer rows.Close()
	var out []*congtin.QuestionRevision
	for rows.Next() {
		var r congtin.QuestionRevision
		if err := rows.Scan(&r.ID, &r.QuestionID, &r.UserID, &r.UserName, &r.CreatedAt, &r.Title, &r.Body, &r.Answer, &r.Note); err != nil {
			return nil, wrap("find question revisions", err)
		}
		r.CreatedAt = fromTS(r.CreatedAt)
		out = append(out, &r)
	}
	return out, wrap("find question revisions", rows.Err())
}

// FindQuestionNotes implements congtin.QuestionService.
func (db *DB) FindQuestionNotes(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionNote, error) {
	notes, err := db.queryNotes(ctx, `SELECT id, question_id, user_name, action, status, comment, created_at FROM question_notes
		WHERE question_id = $1 AND site_id = $2 ORDER BY id`, questionID, siteID)
	if err != nil {
		return nil, wrap("find question notes", err)
	}
	var out []*congtin.QuestionNote
	for _, n := range notes {
		out = append(out, &congtin.QuestionNote{ID: n.ID, QuestionID: n.Item.ID, UserName: n.UserName,
			Action: n.Action, Status: n.Status, Comment: n.Comment, CreatedAt: n.CreatedAt})
	}
	return out, nil
}

// PurgeQuestionData implements congtin.QuestionService. The rows are
// blanked with RETURNING, so the per-site counts are of exactly what this
// transaction blanked, even with another process purging at once.
func (db *DB) PurgeQuestionData(ctx context.Context, before time.Time) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, wrap("purge questions", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `UPDATE questions SET name = '', email = '', phone = '', ip_hash = '', purged_at = $1
		WHERE purged_at IS NULL AND created_at < $2 RETURNING site_id`, tx.now, ts(before))
	if err != nil {
		return 0, wrap("purge questions", err)
	}
	perSite := map[int64]int{}
	var sites []int64
	total := 0
	for rows.Next() {
		var site int64
		if err := rows.Scan(&site); err != nil {
			rows.Close()
			return 0, wrap("purge questions", err)
		}
		if perSite[site] == 0 {
			sites = append(sites, site)
		}
		perSite[site]++
		total++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, wrap("purge questions", err)
	}
	for _, site := range sites {
		if err := addAudit(ctx, tx, congtin.Actor{}.Entry(site, "question.purge", "question", 0, congtin.PurgeDetail(perSite[site], before))); err != nil {
			return 0, err
		}
	}
	return total, wrap("purge questions: commit", tx.Commit())
}
