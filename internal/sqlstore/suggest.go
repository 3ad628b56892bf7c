package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// SuggestArticles implements congtin.SearchStore. The search box asks on
// every keystroke, so the lookup must not depend on how many articles
// match: it walks the (site_id, title_f) index of the back office's
// search keys (migration 0017) from the prefix on, in key order, testing
// each row for being public, and stops at limit. A folded key holds only
// [a-z0-9] and spaces, and compares bytewise (BINARY on SQLite, COLLATE
// "C" on PostgreSQL), so every key starting with the prefix lies in
// [prefix, prefix+"~"): no LIKE, whose index use differs between the
// databases, and nothing of the reader's is ever a pattern.
func (db *DB) SuggestArticles(ctx context.Context, siteID int64, prefix string, now time.Time, limit int) ([]*congtin.Article, error) {
	if prefix == "" || limit <= 0 || !db.d.Lookupable(prefix) {
		return nil, nil
	}
	if now.IsZero() {
		now = db.Now()
	}
	idList, err := SearchIDs(ctx, db.conn, `SELECT k.article_id FROM article_keys k JOIN articles a ON a.id = k.article_id
		WHERE k.site_id = ? AND k.title_f >= ? AND k.title_f < ?
		AND a.status = 'published' AND a.published_at <= ?
		ORDER BY k.title_f, k.article_id LIMIT ?`, siteID, prefix, prefix+"~", now, limit)
	if err != nil || len(idList) == 0 {
		return nil, db.wrap("suggest articles", err)
	}
	as, err := list(ctx, db.conn, scanArticle, `SELECT `+listColumns+` FROM articles WHERE id IN (`+placeholders(len(idList))+`)`, ids(idList)...)
	if err != nil {
		return nil, db.wrap("suggest articles", err)
	}
	// Back in the order of the keys.
	slices.SortFunc(as, func(x, y *congtin.Article) int { return slices.Index(idList, x.ID) - slices.Index(idList, y.ID) })
	return as, nil
}

// summaryKeyLen is how much of a document's folded summary the
// suggestions' index holds (migration 0019): the index is on
// substr(summary_f, 1, summaryKeyLen), and a query must name that same
// expression for either database to use it.
const summaryKeyLen = 200

// summaryKey is the indexed expression of a summary's key.
const summaryKey = `substr(k.summary_f, 1, 200)`

// The walks of the register's suggestions. Their parameters: the site,
// the range of keys, [the range of whole summaries,] now, the limit.
const (
	documentsFrom     = `SELECT k.document_id FROM document_keys k JOIN documents d ON d.id = k.document_id WHERE k.site_id = ? AND `
	documentsPublic   = ` AND d.status = 'published' AND d.published_at <= ?`
	documentsByNumber = documentsFrom + `k.number_f >= ? AND k.number_f < ?` + documentsPublic +
		` ORDER BY k.number_f, k.document_id DESC LIMIT ?`
	documentsBySummary = documentsFrom + summaryKey + ` >= ? AND ` + summaryKey + ` < ?` + documentsPublic +
		` ORDER BY ` + summaryKey + `, k.document_id DESC LIMIT ?`
	documentsBySummaryLong = documentsFrom + summaryKey + ` >= ? AND ` + summaryKey + ` < ? AND k.summary_f >= ? AND k.summary_f < ?` +
		documentsPublic + ` ORDER BY ` + summaryKey + `, k.document_id DESC LIMIT ?`
)

// questionsByTitle is the walk of the Q&A's suggestions; its parameters:
// the site, the range of keys, the limit.
const questionsByTitle = `SELECT ` + questionColumns + ` FROM questions
	WHERE site_id = ? AND title_f >= ? AND title_f < ? AND status = 'published' AND answer <> ''
	ORDER BY title_f, id LIMIT ?`

// DocumentsByPrefix implements congtin.DocumentStore. Two walks as
// SuggestArticles' (migration 0019's indexes), each stopping at limit
// public documents: of the folded numbers from the prefix on, then of
// the folded summaries'. A prefix longer than the summaries' indexed part
// walks the range of that part and tests the whole key of each row in it.
func (db *DB) DocumentsByPrefix(ctx context.Context, siteID int64, prefix string, now time.Time, limit int) ([]*congtin.Document, error) {
	if prefix == "" || limit <= 0 || !db.d.Lookupable(prefix) {
		return nil, nil
	}
	if now.IsZero() {
		now = db.Now()
	}
	byNumber, err := SearchIDs(ctx, db.conn, documentsByNumber, siteID, prefix, prefix+"~", now, limit)
	if err != nil {
		return nil, db.wrap("suggest documents", err)
	}
	part, query, args := prefix, documentsBySummary, []any{}
	if len(part) > summaryKeyLen {
		part = part[:summaryKeyLen] // ASCII: bytes are characters
		query, args = documentsBySummaryLong, []any{prefix, prefix + "~"}
	}
	args = append(append([]any{siteID, part, part + "~"}, args...), now, limit)
	bySummary, err := SearchIDs(ctx, db.conn, query, args...)
	if err != nil {
		return nil, db.wrap("suggest documents", err)
	}
	idList := byNumber
	for _, id := range bySummary {
		if len(idList) < limit && !slices.Contains(idList, id) {
			idList = append(idList, id)
		}
	}
	if len(idList) == 0 {
		return nil, nil
	}
	ds, err := list(ctx, db.conn, scanDocument, `SELECT `+documentColumns+documentFrom+` WHERE d.id IN (`+placeholders(len(idList))+`)`,
		append([]any{now}, ids(idList)...)...)
	if err != nil {
		return nil, db.wrap("suggest documents", err)
	}
	slices.SortFunc(ds, func(x, y *congtin.Document) int { return slices.Index(idList, x.ID) - slices.Index(idList, y.ID) })
	return ds, nil
}

// QuestionsByPrefix implements congtin.QuestionStore: a walk of the
// questions' folded titles (migration 0019) from the prefix on, as
// SuggestArticles', stopping at limit published questions with an answer.
func (db *DB) QuestionsByPrefix(ctx context.Context, siteID int64, prefix string, limit int) ([]*congtin.Question, error) {
	if prefix == "" || limit <= 0 || !db.d.Lookupable(prefix) {
		return nil, nil
	}
	qs, err := list(ctx, db.conn, scanQuestion, questionsByTitle, siteID, prefix, prefix+"~", limit)
	return qs, db.wrap("suggest questions", err)
}

// questionTitleKey is a question's title's folded words, the key its
// suggestions are found by: the form of an article title's key
// (search.TitlePrefix).
func questionTitleKey(title string) string {
	return search.IndexFields(title, "", "")[0].Fold
}

// backfillQuestionTitles fills the title keys migration 0019 adds for the
// questions already stored, in the migration's transaction.
func backfillQuestionTitles(ctx context.Context, tx *sql.Tx, bind func(string) string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title FROM questions`)
	if err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	type row struct {
		id    int64
		title string
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.title); err != nil {
			rows.Close()
			return fmt.Errorf("read questions: %w", err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	for _, r := range all {
		if _, err := tx.ExecContext(ctx, bind(`UPDATE questions SET title_f = ? WHERE id = ?`), questionTitleKey(r.title), r.id); err != nil {
			return fmt.Errorf("question title key: %w", err)
		}
	}
	return nil
}
