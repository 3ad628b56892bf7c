package sqlstore

import (
	"context"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// The back office's lists search articles and documents in any state,
// which the public index (published ones only) does not hold. Each row
// keeps a search key in a table of its own: the folded tokens of its two
// searchable fields, from the public search's Vietnamese analysis, so a
// key matches with or without diacritics, in NFC or NFD, with d for đ.
// A store writes a row's key in the transaction that writes the row
// (indexArticle, indexDocuments); Migrate fills the keys rows lack. Each
// database indexes the keys its own way (KeyIndexer).

// KeyIndexer finds rows by their search keys with each database's
// full-text index over the keys' tables (an FTS5 table kept by triggers
// on SQLite, a tsvector column on PostgreSQL).
type KeyIndexer interface {
	// KeyMatch returns a query of the IDs of the rows whose keys in table
	// (article_keys, document_keys; id names its ID column) hold every
	// word of q, or q's phrase within one field, and its argument. q is
	// not empty.
	KeyMatch(table, id string, q *search.Query) (string, any)
}

// keyTable is a kind's table of search keys.
type keyTable struct {
	table string    // the keys' table
	id    string    // its column naming the row
	rows  string    // the rows' table
	cols  [2]string // the rows' two searchable columns
	keys  [2]string // the keys' columns, the folded tokens of each
	// fields analyses the two columns' texts.
	fields func(a, b string) [3]search.Field
}

var (
	articleKeys = keyTable{table: "article_keys", id: "article_id", rows: "articles",
		cols: [2]string{"title", "lead"}, keys: [2]string{"title_f", "lead_f"},
		fields: func(title, lead string) [3]search.Field { return search.IndexFields(title, lead, "") }}
	// A document's number is split at its punctuation, as the register's
	// index splits it: "115/KH-UBND" is found by "115 kh ubnd".
	documentKeys = keyTable{table: "document_keys", id: "document_id", rows: "documents",
		cols: [2]string{"number", "summary"}, keys: [2]string{"number_f", "summary_f"},
		fields: func(number, summary string) [3]search.Field { return search.DocumentFields(number, summary) }}
)

// upsert is the statement that writes n keys.
func (kt keyTable) upsert(n int) string {
	return `INSERT INTO ` + kt.table + ` (` + kt.id + `, site_id, ` + kt.keys[0] + `, ` + kt.keys[1] + `) VALUES ` +
		strings.TrimSuffix(strings.Repeat(`(?, ?, ?, ?), `, n), `, `) +
		` ON CONFLICT (` + kt.id + `) DO UPDATE SET site_id = excluded.site_id, ` +
		kt.keys[0] + ` = excluded.` + kt.keys[0] + `, ` + kt.keys[1] + ` = excluded.` + kt.keys[1]
}

// values are the arguments of row id's key.
func (kt keyTable) values(id, siteID int64, a, b string) []any {
	f := kt.fields(a, b)
	return []any{id, siteID, f[0].Fold, f[1].Fold}
}

// putKey writes the key of row id of the site, from its two fields.
func (tx *Tx) putKey(ctx context.Context, kt keyTable, id, siteID int64, a, b string) error {
	_, err := tx.Exec(ctx, kt.upsert(1), kt.values(id, siteID, a, b)...)
	return err
}

// match adds to w the condition that the rows (idCol names their ID
// column in the query) match what an editor typed, q: every word (or, in
// quotes, the phrase) in the row's key, or a number that is the row's ID.
// It returns false when q holds nothing to search for: then nothing
// matches.
func (db *DB) match(w *where, kt keyTable, idCol, q string, sp congtin.Spellings) bool {
	pq := search.ParseQueryWith(q, spellingsOf(sp))
	if pq.Empty() {
		return false
	}
	sub, arg := db.d.KeyMatch(kt.table, kt.id, pq)
	// "+" keeps SQLite walking the list's own index, in its order, and
	// testing each row against the set of matches it builds once.
	cond, args := `+`+idCol+` IN (`+sub+`)`, []any{arg}
	if id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(q), "#"), 10, 64); err == nil && id > 0 {
		cond = `(` + idCol + ` = ? OR ` + cond + `)`
		args = append([]any{id}, args...)
	}
	w.add(cond, args...)
	return true
}

// keyBatch is how many keys one statement writes when keys are filled:
// four values each, far below either database's limit of parameters.
const keyBatch = 200

// writeKeys writes the keys of kt's rows: all of them, or those that
// have none. It returns how many it wrote.
func (tx *Tx) writeKeys(ctx context.Context, kt keyTable, all bool) (int, error) {
	cond := ``
	if !all {
		cond = ` AND NOT EXISTS (SELECT 1 FROM ` + kt.table + ` k WHERE k.` + kt.id + ` = r.id)`
	}
	var last int64
	total := 0
	for {
		var args []any
		n := 0
		rows, err := tx.Query(ctx, `SELECT r.id, r.site_id, r.`+kt.cols[0]+`, r.`+kt.cols[1]+` FROM `+kt.rows+` r WHERE r.id > ?`+cond+` ORDER BY r.id LIMIT ?`, last, keyBatch)
		if err != nil {
			return total, err
		}
		for rows.Next() {
			var id, site int64
			var a, b string
			if err := rows.Scan(&id, &site, &a, &b); err != nil {
				rows.Close()
				return total, err
			}
			args = append(args, kt.values(id, site, a, b)...)
			last = id
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil || n == 0 {
			return total, err
		}
		if _, err := tx.Exec(ctx, kt.upsert(n), args...); err != nil {
			return total, err
		}
		total += n
	}
}

// fillKeys writes the search keys that articles and documents lack:
// those of a database from before the keys, or of rows another program
// wrote. When none lacks one, it only reads the tables' indexes.
func (db *DB) fillKeys(ctx context.Context) error {
	for _, kt := range []keyTable{articleKeys, documentKeys} {
		missing, err := db.exists(ctx, `SELECT 1 FROM `+kt.rows+` r WHERE NOT EXISTS (SELECT 1 FROM `+kt.table+` k WHERE k.`+kt.id+` = r.id)`)
		if err != nil {
			return db.wrap("check search keys", err)
		}
		if missing {
			if err := db.fillKeysOf(ctx, kt); err != nil {
				return db.wrap("fill search keys", err)
			}
		}
	}
	return nil
}

// fillKeysOf writes the keys kt's rows lack, in a transaction of its own.
func (db *DB) fillKeysOf(ctx context.Context, kt keyTable) error {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.writeKeys(ctx, kt, false); err != nil {
		return err
	}
	return tx.Commit()
}

// RewriteKeys writes every article's and document's search key again,
// inside the transaction (for a reindex, after the analysis changed); it
// returns how many.
func (tx *Tx) RewriteKeys(ctx context.Context) (int, error) {
	total := 0
	for _, kt := range []keyTable{articleKeys, documentKeys} {
		n, err := tx.writeKeys(ctx, kt, true)
		if err != nil {
			return 0, tx.db.wrap("rewrite search keys", err)
		}
		total += n
	}
	return total, nil
}

// adminArticleWhere is the condition of an articles list; ok is false
// when its search can find nothing.
func (db *DB) adminArticleWhere(f congtin.AdminArticleFilter) (w where, ok bool) {
	w.add("site_id = ?", f.SiteID)
	switch f.Status {
	case "":
	case congtin.StatusScheduled:
		// Shown as Hẹn giờ: published with the time still ahead.
		w.add("status = ?", congtin.StatusPublished)
		w.add("published_at > ?", db.Now())
	case congtin.StatusPublished:
		w.add("status = ?", congtin.StatusPublished)
		w.add("published_at <= ?", db.Now())
	default:
		w.add("status = ?", clean(f.Status))
	}
	if f.CreatedBy != 0 {
		w.add("created_by = ?", f.CreatedBy)
	}
	if len(f.CategoryIDs) > 0 {
		w.add("category_id IN ("+placeholders(len(f.CategoryIDs))+")", ids(f.CategoryIDs)...)
	}
	col := "updated_at"
	if f.ByPublication {
		// Only a publication has a time of publication; a draft's column
		// holds a placeholder.
		col = "published_at"
		if f.Status == "" {
			w.add("status IN (?, ?)", congtin.StatusPublished, congtin.StatusUnpublished)
		}
	}
	if !f.From.IsZero() {
		w.add(col+" >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add(col+" < ?", f.To)
	}
	if f.Q != "" && !db.match(&w, articleKeys, "id", f.Q, f.Spellings) {
		return w, false
	}
	return w, true
}
