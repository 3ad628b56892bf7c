// Command listbench measures what the back office's lists cost on a large
// portal: the search keys the store keeps for them (the one-off fill at
// start-up, their size on disk, the write of a key with every save) and
// how fast the articles list answers with each filter, as the list asks
// (a page of 30 and the total). Absolute times vary between machines, so
// latencies are given beside a reference measured in the same run: one
// article read by primary key, and one saved through the service.
//
// It migrates the database it is given, drops and fills its keys again and
// saves a few articles: give it a copy, such as the load benchmark's
// portal (./scripts/loadbench.sh generates it):
//
//	cp /tmp/congtin-loadbench/n100000-c20-w800-v1/congtin.db* /tmp/lb/
//	go run ./cmd/listbench -db /tmp/lb/congtin.db
//	go run ./cmd/listbench -db postgres://…   (after congtin copy-db into it)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/sqlstore"
)

// store is what the benchmark needs of either database.
type store interface {
	congtin.Store
	Open() error
	Close() error
	Migrate(ctx context.Context) error
	Begin(ctx context.Context) (*sqlstore.Tx, error)
	QueryRow(ctx context.Context, q string, args ...any) interface{ Scan(...any) error }
}

// sqliteStore and pgStore adapt QueryRow's result type.
type sqliteStore struct{ *sqlite.DB }

func (s sqliteStore) QueryRow(ctx context.Context, q string, args ...any) interface{ Scan(...any) error } {
	return s.DB.QueryRow(ctx, q, args...)
}

type pgStore struct{ *postgres.DB }

func (s pgStore) QueryRow(ctx context.Context, q string, args ...any) interface{ Scan(...any) error } {
	return s.DB.QueryRow(ctx, q, args...)
}

func main() {
	path := flag.String("db", "", "a copy of a portal's database: an SQLite file or a postgres:// URL (it is changed)")
	runs := flag.Int("runs", 15, "runs of each list query")
	flag.Parse()
	if *path == "" {
		fmt.Fprintln(os.Stderr, "listbench: -db is required (a copy: the benchmark changes it)")
		os.Exit(2)
	}
	if err := run(*path, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "listbench:", err)
		os.Exit(1)
	}
}

func run(path string, runs int) error {
	ctx := context.Background()
	var db store
	pg := strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
	if pg {
		db = pgStore{postgres.NewDB(path)}
	} else {
		db = sqliteStore{sqlite.NewDB(path)}
	}
	t0 := time.Now()
	if err := db.Open(); err != nil {
		return err
	}
	defer db.Close()
	fmt.Printf("open, with pending migrations and any missing keys: %s\n", since(t0))
	var n int
	if err := db.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return err
	}
	fmt.Printf("articles: %d\n", n)

	// The one-off fill at start-up: drop every key, then migrate.
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM article_keys`); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	t0 = time.Now()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	fill := time.Since(t0)
	fmt.Printf("fill every article's key at start-up: %s (%s per article)\n", round(fill), round(fill/time.Duration(max(n, 1))))

	size, err := keyBytes(ctx, db, pg)
	if err != nil {
		return err
	}
	var raw int64
	if err := db.QueryRow(ctx, `SELECT COALESCE(SUM(LENGTH(title) + LENGTH(lead)), 0) FROM articles`).Scan(&raw); err != nil {
		return err
	}
	fmt.Printf("keys and their full-text index: %.1f MB (%.0f bytes per article; titles and leads %.1f MB)\n",
		float64(size)/1e6, float64(size)/float64(max(n, 1)), float64(raw)/1e6)

	// Each save writes its article's key: a save through the service,
	// with and without that write (the rewrite of all keys, per key).
	tx, err = db.Begin(ctx)
	if err != nil {
		return err
	}
	t0 = time.Now()
	k, err := tx.RewriteKeys(ctx)
	perKey := time.Since(t0) / time.Duration(max(k, 1))
	tx.Rollback()
	if err != nil {
		return err
	}
	svc := app.New(db)
	site, err := svc.DefaultSite(ctx)
	if err != nil {
		return err
	}
	recent, _, err := svc.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Limit: 50})
	if err != nil {
		return err
	}
	var saves []time.Duration
	actor := congtin.SystemActor("listbench")
	for _, a := range recent {
		in := congtin.ArticleInput{CategoryID: a.CategoryID, Title: a.Title + " (sửa)", Lead: a.Lead, Body: a.Body, Author: a.Author, Image: a.Image, Slug: a.Slug}
		t0 := time.Now()
		if _, err := svc.UpdateArticle(ctx, actor, site.ID, a.ID, in); err != nil {
			return err
		}
		saves = append(saves, time.Since(t0))
	}
	save := median(saves)
	fmt.Printf("writing one key: %s; saving an article through the service (its key included): median %s over %d saves (the key %.1f%%)\n",
		round(perKey), round(save), len(saves), 100*float64(perKey)/float64(save))

	// The list's queries, beside a primary-key lookup.
	cats, err := svc.FindCategories(ctx, site.ID)
	if err != nil {
		return err
	}
	var ref []time.Duration
	for i := range runs * 4 {
		id := recent[i%len(recent)].ID
		t0 := time.Now()
		if _, err := svc.FindArticleByID(ctx, site.ID, id); err != nil {
			return err
		}
		ref = append(ref, time.Since(t0))
	}
	refMed := median(ref)
	fmt.Printf("\n| list (page of 30 and its total) | found | median | p90 | × reference |\n| --- | --- | --- | --- | --- |\n")
	fmt.Printf("| reference: an article by primary key | 1 | %s | %s | 1 |\n", round(refMed), round(pct(ref, 90)))
	writer := recent[0].CreatedBy
	parent := cats[0]
	for _, c := range cats {
		if len(congtin.Categories(cats).Subtree(c.ID)) > len(congtin.Categories(cats).Subtree(parent.ID)) {
			parent = c
		}
	}
	now := time.Now()
	for _, c := range []struct {
		name string
		f    congtin.AdminArticleFilter
	}{
		{"no filter", congtin.AdminArticleFilter{}},
		{"search, a common word “tỉnh”", congtin.AdminArticleFilter{Q: "tỉnh"}},
		{"search, two words “phong chong”", congtin.AdminArticleFilter{Q: "phong chong"}},
		{"search, a phrase “chuyển đổi số”", congtin.AdminArticleFilter{Q: `"chuyển đổi số"`}},
		{"search, a word in no article", congtin.AdminArticleFilter{Q: "zzzqx"}},
		{"search, an ID", congtin.AdminArticleFilter{Q: fmt.Sprint(recent[len(recent)/2].ID)}},
		{"search “tỉnh”, page 100", congtin.AdminArticleFilter{Q: "tỉnh", Offset: 99 * 30}},
		{"state: drafts", congtin.AdminArticleFilter{Status: congtin.StatusDraft}},
		{"state: scheduled", congtin.AdminArticleFilter{Status: congtin.StatusScheduled}},
		{"category with its children", congtin.AdminArticleFilter{CategoryIDs: congtin.Categories(cats).Subtree(parent.ID)}},
		{"category + search “tỉnh”", congtin.AdminArticleFilter{CategoryIDs: congtin.Categories(cats).Subtree(parent.ID), Q: "tỉnh"}},
		{"writer", congtin.AdminArticleFilter{CreatedBy: writer}},
		{"published in a half-year", congtin.AdminArticleFilter{ByPublication: true, From: now.AddDate(-1, 0, 0), To: now.AddDate(0, -6, 0)}},
	} {
		c.f.SiteID, c.f.Limit = site.ID, 30
		var ds []time.Duration
		var total int
		for range runs {
			t0 := time.Now()
			_, n, err := svc.FindAdminArticles(ctx, c.f)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			ds = append(ds, time.Since(t0))
			total = n
		}
		med := median(ds)
		fmt.Printf("| %s | %d | %s | %s | %.0f |\n", c.name, total, round(med), round(pct(ds, 90)), float64(med)/float64(refMed))
	}
	return nil
}

// keyBytes is the size of the articles' keys with their full-text index.
func keyBytes(ctx context.Context, db store, pg bool) (int64, error) {
	var n int64
	q := `SELECT IFNULL(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'article\_keys%' ESCAPE '\'`
	if pg {
		q = `SELECT pg_total_relation_size('article_keys')`
	}
	err := db.QueryRow(ctx, q).Scan(&n)
	return n, err
}

func median(ds []time.Duration) time.Duration { return pct(ds, 50) }

// pct is the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func since(t time.Time) time.Duration { return round(time.Since(t)) }

// round keeps three significant digits or so.
func round(d time.Duration) time.Duration {
	switch {
	case d > 10*time.Second:
		return d.Round(100 * time.Millisecond)
	case d > 10*time.Millisecond:
		return d.Round(100 * time.Microsecond)
	case d > 10*time.Microsecond:
		return d.Round(100 * time.Nanosecond)
	}
	return d
}
