package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
)

// viewStore is what the view and question checks need of a store.
type viewStore interface {
	congtin.CounterStore
	FindSites(ctx context.Context) ([]*congtin.Site, error)
	FindQuestions(ctx context.Context, f congtin.QuestionFilter) ([]*congtin.Question, int, error)
	io.Closer
}

// openViewStore opens the store congtin serves from, as congtin serve
// -db does.
func openViewStore(dbURL string) (viewStore, error) {
	cfg := config.Config{DB: dbURL}
	if u, ok := cfg.PostgresURL(); ok {
		db := postgres.NewDB(u)
		if err := db.Open(); err != nil {
			return nil, err
		}
		return db, nil
	}
	path, err := cfg.SQLitePath()
	if err != nil {
		return nil, err
	}
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		return nil, err
	}
	return db, nil
}

// readViews returns the stored view counts of the articles.
func readViews(ctx context.Context, dbURL string, ids []int64) (map[int64]int64, error) {
	db, err := openViewStore(dbURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	out := make(map[int64]int64, len(ids))
	for _, id := range ids {
		n, err := db.ArticleViews(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("views of article %d: %w", id, err)
		}
		out[id] = n
	}
	return out, nil
}

// countQuestions returns how many questions are stored, in any state, on
// every site (whichever site answers loadbench's host).
func countQuestions(ctx context.Context, dbURL string) (int, error) {
	db, err := openViewStore(dbURL)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	sites, err := db.FindSites(ctx)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, site := range sites {
		_, n, err := db.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Limit: 1})
		if err != nil {
			return 0, fmt.Errorf("count questions: %w", err)
		}
		total += n
	}
	return total, nil
}

// articleID takes the ID from the end of an article path, "/cat/slug-123".
func articleID(path string) (int64, error) {
	i := strings.LastIndexByte(path, '-')
	id, err := strconv.ParseInt(path[i+1:], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("no article ID at the end of %q", path)
	}
	return id, nil
}

// viewCheck compares the article pages the load generator was served with
// the views congtin stored.
type viewCheck struct {
	err        error // the check could not be made
	articles   int
	served     int64    // 200 responses to browser GETs of article pages
	stored     int64    // the growth of the stored counts of those articles
	mismatches []string // articles whose growth differs from what was served
}

// compareViews checks, article by article, that the stored count grew by
// exactly the number of pages served: a lost or a doubled view fails.
func compareViews(served, before, after map[int64]int64) viewCheck {
	v := viewCheck{articles: len(served)}
	ids := make([]int64, 0, len(served))
	for id := range served {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		b, okb := before[id]
		a, oka := after[id]
		if !okb || !oka {
			v.mismatches = append(v.mismatches, fmt.Sprintf("article %d: no stored count", id))
			continue
		}
		v.served += served[id]
		v.stored += a - b
		if a-b != served[id] {
			v.mismatches = append(v.mismatches, fmt.Sprintf("article %d: served %d, stored +%d", id, served[id], a-b))
		}
	}
	return v
}

func (v viewCheck) ok() bool { return v.err == nil && v.served > 0 && len(v.mismatches) == 0 }

func (v viewCheck) String() string {
	if v.err != nil {
		return "not checked: " + v.err.Error()
	}
	s := fmt.Sprintf("%d article pages served to browsers, stored views +%d, over %d articles", v.served, v.stored, v.articles)
	if len(v.mismatches) > 0 {
		s += fmt.Sprintf("; %d articles differ: %s", len(v.mismatches), strings.Join(v.mismatches[:min(5, len(v.mismatches))], "; "))
	}
	return s
}
