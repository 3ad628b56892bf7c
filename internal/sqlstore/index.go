package sqlstore

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// IndexDoc is an article as the full-text index holds it: its title, lead
// and body analysed (folded tokens to match, exact forms to rank), and the
// pairs of neighbouring syllables.
type IndexDoc struct {
	ID     int64
	Fields [3]search.Field
	Pairs  string
	Marked string
	// Where and when the article is published, for an index that narrows
	// a search by them itself (SQLite's tags).
	SiteID, CategoryID int64
	PublishedAt        time.Time

	title, lead, body string
}

// PairIndexer is an Indexer that indexes the pairs of neighbouring
// syllables as tokens of their own (IndexDoc.Pairs), as PostgreSQL does;
// SQLite finds them by positions, and is spared building them.
type PairIndexer interface {
	IndexesPairs()
}

// MarkIndexer is an Indexer that stores the marked text (IndexDoc.Marked,
// search.Mark), as SQLite does; it is built with the rest of the
// analysis, on every core, not in the dialect's single writer.
type MarkIndexer interface {
	IndexesMarkedText()
}

// analysis says what an article's analysis builds for the dialect.
type analysis struct{ pairs, marked bool }

func analysisFor(d Dialect) analysis {
	_, pairs := d.(PairIndexer)
	_, marked := d.(MarkIndexer)
	return analysis{pairs, marked}
}

func (d *IndexDoc) analyse(a analysis) {
	d.Fields = search.IndexFields(d.title, d.lead, d.body)
	if a.pairs {
		d.Pairs = search.Pairs(d.Fields[0].Fold, d.Fields[1].Fold, d.Fields[2].Fold)
	}
	if a.marked {
		d.Marked = search.Mark(d.Fields)
	}
}

// indexArticle brings an article's index entry in line with the article,
// inside the transaction that changed it, so search never lags behind a
// publish, an edit or an unpublish. Scheduled articles are indexed at once
// and filtered by time at query time: they turn up by themselves.
func (tx *Tx) indexArticle(ctx context.Context, id int64) error {
	d := &IndexDoc{ID: id}
	var status string
	if err := tx.QueryRow(ctx, `SELECT site_id, category_id, published_at, status, title, lead, body FROM articles WHERE id = ?`, id).Scan(&d.SiteID, &d.CategoryID, at(&d.PublishedAt), &status, &d.title, &d.lead, &d.body); err != nil {
		return tx.db.wrap("index article", err)
	}
	return tx.indexDoc(ctx, d, status, false)
}

// indexInserted indexes an article just inserted, from the article in
// hand: reading it back cost an import a statement per article. It has
// no entry to remove.
func (tx *Tx) indexInserted(ctx context.Context, a *congtin.Article) error {
	d := &IndexDoc{ID: a.ID, SiteID: a.SiteID, CategoryID: a.CategoryID, PublishedAt: a.PublishedAt,
		title: a.Title, lead: a.Lead, body: a.Body}
	return tx.indexDoc(ctx, d, a.Status, true)
}

// storedTime is t as the store gives it back: whole seconds, in UTC.
func storedTime(t time.Time) time.Time { return time.Unix(t.Unix(), 0).UTC() }

// indexDoc writes the back office's key and, when the article is
// published, the index entry of d; fresh says it has no entry to remove.
// After IndexLater both wait for IndexPending: the key's full-text index
// flushed a segment per statement too.
func (tx *Tx) indexDoc(ctx context.Context, d *IndexDoc, status string, fresh bool) error {
	if !fresh {
		if err := tx.db.d.UnindexArticles(ctx, tx, d.ID); err != nil {
			return tx.db.wrap("index article", err)
		}
	}
	if tx.deferIdx {
		tx.later = append(tx.later, d.ID)
		return nil
	}
	// The back office's lists search every article, public or not.
	if err := tx.putKey(ctx, articleKeys, d.ID, d.SiteID, d.title, d.lead); err != nil {
		return tx.db.wrap("index article", err)
	}
	if status != congtin.StatusPublished {
		return nil
	}
	d.analyse(analysisFor(tx.db.d))
	return tx.db.wrap("index article", tx.db.d.WriteArticleIndex(ctx, tx, []*IndexDoc{d}))
}

// IndexLater implements congtin.ArticleTx.
func (tx *Tx) IndexLater() { tx.deferIdx = true }

// IndexPending implements congtin.ArticleTx: the articles held back are
// read again as they are now (an article imported twice is written once),
// their keys written a chunk per statement, the published ones analysed
// on every core but one and written in the index's bulk mode.
func (tx *Tx) IndexPending(ctx context.Context) error {
	tx.deferIdx = false
	ids := tx.later
	tx.later = nil
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	total := len(ids)
	progress := congtin.ProgressFromContext(ctx)
	const chunk = 256
	// read returns the next chunk's published articles, having written
	// the keys of all its articles; none when every chunk is read.
	read := func() ([]*IndexDoc, error) {
		for len(ids) > 0 {
			// What was read before is written, or being written.
			progress(congtin.StepIndex, total-len(ids), total)
			n := min(chunk, len(ids))
			part := ids[:n]
			ids = ids[n:]
			var docs []*IndexDoc
			keys := make([]any, 0, 4*n)
			rows, err := tx.Query(ctx, `SELECT id, site_id, category_id, published_at, status, title, lead, body FROM articles
				WHERE id IN (`+placeholders(n)+`) ORDER BY id`, anys(part)...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				d := &IndexDoc{}
				var status string
				if err := rows.Scan(&d.ID, &d.SiteID, &d.CategoryID, at(&d.PublishedAt), &status, &d.title, &d.lead, &d.body); err != nil {
					rows.Close()
					return nil, err
				}
				keys = append(keys, articleKeys.values(d.ID, d.SiteID, d.title, d.lead)...)
				if status == congtin.StatusPublished {
					docs = append(docs, d)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
			if len(keys) > 0 {
				if _, err := tx.Exec(ctx, articleKeys.upsert(len(keys)/4), keys...); err != nil {
					return nil, err
				}
			}
			if len(docs) > 0 {
				return docs, nil
			}
		}
		return nil, nil
	}
	write := func() error {
		_, err := tx.writeIndexDocs(ctx, read)
		return err
	}
	if b, ok := tx.db.d.(BulkIndexer); ok {
		end, err := b.BeginBulkIndex(ctx, tx)
		if err != nil {
			return tx.db.wrap("index articles", err)
		}
		if err := write(); err != nil {
			end()
			return tx.db.wrap("index articles", err)
		}
		if err := end(); err != nil {
			return tx.db.wrap("index articles", err)
		}
	} else if err := write(); err != nil {
		return tx.db.wrap("index articles", err)
	}
	progress(congtin.StepIndex, total, total)
	return nil
}

// BulkIndexer is an Indexer that writes a whole index faster in a mode of
// its own: BeginBulkIndex enters it inside tx, and the function it
// returns leaves it, before tx commits.
type BulkIndexer interface {
	BeginBulkIndex(ctx context.Context, tx *Tx) (end func() error, err error)
}

// reindexArticles rebuilds the article index inside tx. The Vietnamese
// analysis of a chunk runs on every core but one while the dialect writes
// the chunk before it: the writing is SQLite's one thread, and the
// analysis costs about as much again.
func (tx *Tx) reindexArticles(ctx context.Context) (int, error) {
	if err := tx.db.d.UnindexArticles(ctx, tx, 0); err != nil {
		return 0, err
	}
	if b, ok := tx.db.d.(BulkIndexer); ok {
		end, err := b.BeginBulkIndex(ctx, tx)
		if err != nil {
			return 0, err
		}
		n, err := tx.writeArticleIndex(ctx)
		if err != nil {
			end()
			return 0, err
		}
		return n, end()
	}
	return tx.writeArticleIndex(ctx)
}

// writeArticleIndex writes the index entries of every published article.
func (tx *Tx) writeArticleIndex(ctx context.Context) (int, error) {
	const chunk = 256
	var last int64
	// "status || ''" keeps the planner off the index on the status: it
	// would read every published article, and sort them, for each chunk.
	read := func() ([]*IndexDoc, error) {
		docs, err := list(ctx, tx.conn, func(row scanner) (*IndexDoc, error) {
			d := &IndexDoc{}
			return d, row.Scan(&d.ID, &d.SiteID, &d.CategoryID, at(&d.PublishedAt), &d.title, &d.lead, &d.body)
		}, `SELECT id, site_id, category_id, published_at, title, lead, body FROM articles WHERE id > ? AND status || '' = 'published' ORDER BY id LIMIT ?`, last, chunk)
		if len(docs) > 0 {
			last = docs[len(docs)-1].ID
		}
		return docs, err
	}
	return tx.writeIndexDocs(ctx, read)
}

// writeIndexDocs writes the entries of the articles read, a chunk at a
// time until read gives none, each chunk analysed while the one before
// it is written.
func (tx *Tx) writeIndexDocs(ctx context.Context, read func() ([]*IndexDoc, error)) (int, error) {
	an := analysisFor(tx.db.d)
	analyse := func(docs []*IndexDoc) func() {
		var wg sync.WaitGroup
		workers := max(runtime.GOMAXPROCS(0)-1, 1)
		for w := range workers {
			wg.Go(func() {
				for k := w; k < len(docs); k += workers {
					docs[k].analyse(an)
				}
			})
		}
		return wg.Wait
	}
	docs, err := read()
	if err != nil {
		return 0, err
	}
	wait := analyse(docs)
	total := 0
	for len(docs) > 0 {
		wait()
		next, err := read()
		if err != nil {
			return 0, err
		}
		waitNext := analyse(next)
		if err := tx.db.d.WriteArticleIndex(ctx, tx, docs); err != nil {
			waitNext()
			return 0, err
		}
		total += len(docs)
		docs, wait = next, waitNext
	}
	return total, nil
}
