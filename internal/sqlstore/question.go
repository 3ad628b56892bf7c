package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.QuestionStore = (*DB)(nil)
var _ congtin.QuestionTx = (*Tx)(nil)

const questionColumns = `id, site_id, COALESCE(field_id, 0), title, body, answer, status, answered_by,
	name, email, phone, ip_hash, created_at, updated_at, published_at, purged_at, version`

func scanQuestion(row scanner) (*congtin.Question, error) {
	var q congtin.Question
	if err := row.Scan(&q.ID, &q.SiteID, &q.FieldID, &q.Title, &q.Body, &q.Answer, &q.Status, &q.AnsweredBy,
		&q.Name, &q.Email, &q.Phone, &q.IPHash, at(&q.CreatedAt), at(&q.UpdatedAt), at(&q.PublishedAt), at(&q.PurgedAt), &q.Version); err != nil {
		return nil, err
	}
	return &q, nil
}

// questionSearchText is the folded text the LIKE search matches: derived
// from the question, written with it.
func questionSearchText(title, body, answer string) string {
	return search.FoldedText(search.IndexFields(title, body, answer))
}

func (c conn) findQuestion(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
	q, err := scanQuestion(c.QueryRow(ctx, `SELECT `+questionColumns+` FROM questions WHERE id = ? AND site_id = ?`, id, siteID))
	return q, c.db.wrap("find question", found(err, congtin.KindQuestion))
}

// FindQuestionByID implements congtin.QuestionStore.
func (db *DB) FindQuestionByID(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
	return db.findQuestion(ctx, siteID, id)
}

// FindQuestion implements congtin.QuestionTx.
func (tx *Tx) FindQuestion(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
	return tx.findQuestion(ctx, siteID, id)
}

// FindQuestionByCode implements congtin.QuestionStore.
func (db *DB) FindQuestionByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.Question, error) {
	if !db.d.Lookupable(codeHash) {
		return nil, congtin.NotFound(congtin.KindQuestionCode)
	}
	q, err := scanQuestion(db.QueryRow(ctx, `SELECT `+questionColumns+` FROM questions WHERE code_hash = ? AND site_id = ?`, codeHash, siteID))
	return q, db.wrap("find question", found(err, congtin.KindQuestionCode))
}

// FindQuestions implements congtin.QuestionStore. A search matches the
// folded words of title, question and answer with LIKE (a portal's
// questions are few enough to scan), each abbreviation or loanword by any
// of its spellings (search.LikeMatch); the newest matches are then ranked
// in Go by the articles' ranking, and the page is cut from that order.
// With f.Need, the matches hold at least Need of the words, and the
// candidates are gathered from the most words down, as the articles'.
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
	if f.Q == "" {
		total, err := db.count(ctx, `SELECT COUNT(*) FROM questions WHERE `+w.String(), w.args...)
		if err != nil {
			return nil, 0, db.wrap("count questions", err)
		}
		qs, err := list(ctx, db.conn, scanQuestion, `SELECT `+questionColumns+` FROM questions WHERE `+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
			append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
		return qs, total, db.wrap("find questions", err)
	}
	pq := search.ParseQueryWith(f.Q, spellingsOf(f.Spellings))
	if pq.Empty() {
		return nil, 0, nil
	}
	var needs []int // the relaxed levels whose candidates rank, the most words first
	if words := len(pq.Distinct()); f.Need > 0 && f.Need < words && !pq.Quoted {
		for k := words - 1; k >= f.Need; k-- {
			needs = append(needs, k)
		}
		pq = pq.Relaxed(f.Need)
	}
	matching := func(q *search.Query) (string, []any) {
		cond, args := search.LikeMatch(q, "search_text")
		return w.String() + " AND " + cond, append(append([]any{}, w.args...), args...)
	}
	cond, args := matching(pq)
	total, err := db.count(ctx, `SELECT COUNT(*) FROM questions WHERE `+cond, args...)
	if err != nil {
		return nil, 0, db.wrap("count questions", err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	var cands []*congtin.Question
	seen := map[int64]bool{}
	load := func(cond string, args []any) error {
		qs, err := list(ctx, db.conn, scanQuestion, `SELECT `+questionColumns+` FROM questions WHERE `+cond+` ORDER BY `+order+` LIMIT ?`,
			append(args, search.Candidates)...)
		for _, q := range qs {
			if !seen[q.ID] {
				seen[q.ID] = true
				cands = append(cands, q)
			}
		}
		return err
	}
	// The levels with more words than the widest first: their newest
	// matches, which the widest level's newest could crowd out.
	for _, need := range needs[:max(len(needs)-1, 0)] {
		if err := load(matching(pq.Relaxed(need))); err != nil {
			return nil, 0, db.wrap("find questions", err)
		}
	}
	if err := load(cond, args); err != nil {
		return nil, 0, db.wrap("find questions", err)
	}
	qs, total := rankQuestions(pq, cands, total, f.Offset, limit(f.Limit, 50))
	return qs, total, nil
}

// rankQuestions orders search candidates by the shared ranking and cuts
// the page.
func rankQuestions(pq *search.Query, cands []*congtin.Question, total, offset, limit int) ([]*congtin.Question, int) {
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
	return out, total
}

// QuestionNonceUsed implements congtin.QuestionTx.
func (tx *Tx) QuestionNonceUsed(ctx context.Context, nonce string) (bool, error) {
	if !tx.db.d.Lookupable(nonce) {
		return false, nil
	}
	used, err := tx.exists(ctx, `SELECT 1 FROM questions WHERE form_nonce = ?`, nonce)
	return used, tx.db.wrap("find nonce", err)
}

// CountQuestionsFrom implements congtin.QuestionTx.
func (tx *Tx) CountQuestionsFrom(ctx context.Context, ipHash string, since time.Time) (int, error) {
	if !tx.db.d.Lookupable(ipHash) {
		return 0, nil
	}
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM questions WHERE ip_hash = ? AND created_at > ?`, ipHash, since)
	return n, tx.db.wrap("count questions", err)
}

// InsertQuestion implements congtin.QuestionTx.
func (tx *Tx) InsertQuestion(ctx context.Context, q *congtin.Question, codeHash, nonce string) error {
	id, err := tx.insert(ctx, `INSERT INTO questions (site_id, field_id, code_hash, form_nonce, title, body, answer, status, answered_by,
		name, email, phone, ip_hash, search_text, title_f, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		q.SiteID, nullID(q.FieldID), codeHash, nonce, q.Title, q.Body, q.Answer, q.Status, q.AnsweredBy,
		q.Name, q.Email, q.Phone, q.IPHash, questionSearchText(q.Title, q.Body, q.Answer), questionTitleKey(q.Title), q.CreatedAt, q.UpdatedAt, nullTime(q.PublishedAt))
	if err != nil {
		return tx.db.wrap("insert question", err)
	}
	q.ID = id
	return tx.indexMediaUses(ctx, q.SiteID, useQuestion, id, q.Answer)
}

// UpdateQuestion implements congtin.QuestionTx.
func (tx *Tx) UpdateQuestion(ctx context.Context, q *congtin.Question) error {
	res, err := tx.Exec(ctx, `UPDATE questions SET field_id = ?, title = ?, body = ?, answer = ?, answered_by = ?, search_text = ?, title_f = ?,
		updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`, nullID(q.FieldID), q.Title, q.Body, q.Answer, q.AnsweredBy,
		questionSearchText(q.Title, q.Body, q.Answer), questionTitleKey(q.Title), tx.now,
		q.ID, q.SiteID)
	if err != nil {
		return tx.db.wrap("update question", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.NotFound(congtin.KindQuestion)
	}
	q.UpdatedAt = tx.now
	q.Version++
	return tx.indexMediaUses(ctx, q.SiteID, useQuestion, q.ID, q.Answer)
}

const questionRevisionColumns = `id, question_id, user_id, user_name, created_at, title, body, answer, note`

// AddQuestionRevision implements congtin.QuestionTx.
func (tx *Tx) AddQuestionRevision(ctx context.Context, r *congtin.QuestionRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO question_revisions (site_id, question_id, user_id, user_name, created_at, title, body, answer, note)
		SELECT site_id, id, ?, ?, ?, title, body, answer, ? FROM questions WHERE id = ?`, r.UserID, r.UserName, tx.now, r.Note, r.QuestionID)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("add question revision", found(err, congtin.KindQuestion))
}

// FindQuestionRevisions implements congtin.QuestionStore.
func (db *DB) FindQuestionRevisions(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionRevision, error) {
	rs, err := list(ctx, db.conn, func(row scanner) (*congtin.QuestionRevision, error) {
		var r congtin.QuestionRevision
		err := row.Scan(&r.ID, &r.QuestionID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Title, &r.Body, &r.Answer, &r.Note)
		return &r, err
	}, `SELECT `+questionRevisionColumns+` FROM question_revisions WHERE question_id = ? AND site_id = ? ORDER BY id DESC`, questionID, siteID)
	return rs, db.wrap("find question revisions", err)
}

// PurgeQuestions implements congtin.QuestionTx. The rows are blanked with
// RETURNING, so the counts are of exactly what this transaction blanked.
func (tx *Tx) PurgeQuestions(ctx context.Context, before time.Time) (map[int64]int, error) {
	sites, err := list(ctx, tx.conn, func(row scanner) (int64, error) {
		var site int64
		err := row.Scan(&site)
		return site, err
	}, `UPDATE questions SET name = '', email = '', phone = '', ip_hash = '', purged_at = ?
		WHERE purged_at IS NULL AND created_at < ? RETURNING site_id`, tx.now, before)
	if err != nil {
		return nil, tx.db.wrap("purge questions", err)
	}
	perSite := map[int64]int{}
	for _, site := range sites {
		perSite[site]++
	}
	return perSite, nil
}
