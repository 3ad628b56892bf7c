package app

import (
	"cmp"
	"context"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// "Có phải bạn muốn tìm": a query that finds little is read against the
// site's own vocabulary (search.Vocabulary: the syllables of its
// published titles and leads, and their neighbour pairs), and the
// likeliest correction is offered when it finds more.
//
// Each site's vocabulary is built from the store once, when a search
// first needs it, and kept in memory (at 100,000 articles: about a
// second to build and a few megabytes, see docs/benchmarks.md). Once a
// site has one, a search never waits for another: a stale vocabulary
// (vocabMaxAge old, or vocabMinAge old and the site's content changed
// since, by the change log) is rebuilt in the background while searches
// go on reading the old one. The first build is not done at start-up,
// where a portal of many sites would pay for every site's at once, most
// never searched for a misspelling: it is started by the first search
// that needs it, which waits vocabFirstWait for it at most (a small site
// is built by then; a large one's first reader goes without a
// suggestion, and the next ones have it).

// How old a site's vocabulary may get.
const (
	// vocabMinAge: content changed since, it is rebuilt after this long
	// (a busy newsroom does not rebuild it with every save).
	vocabMinAge = time.Minute
	// vocabMaxAge: it is rebuilt after this long even without a change
	// the log shows (scheduled articles going live).
	vocabMaxAge = 10 * time.Minute
	// vocabFirstWait is how long a search waits for a site's first
	// vocabulary.
	vocabFirstWait = 500 * time.Millisecond
	// vocabBuildTimeout bounds one build.
	vocabBuildTimeout = 5 * time.Minute
)

// vocabularies are the sites' vocabularies. The zero value is ready.
type vocabularies struct {
	mu    sync.Mutex
	sites map[int64]*siteVocabulary
}

// siteVocabulary is one site's vocabulary and the state of its builds.
type siteVocabulary struct {
	v       *search.Vocabulary // nil until the first build ends
	built   time.Time          // when the build of v started
	change  int64              // the change log's last ID when it started
	checked time.Time          // when the change log was last read for it
	done    chan struct{}      // open while a build runs
}

// Vocabulary returns the site's vocabulary for suggestions, starting a
// build when there is none or it is stale; nil when there is none yet.
// It waits for a first build at most vocabFirstWait, never for a rebuild.
func (a *App) Vocabulary(ctx context.Context, siteID int64) *search.Vocabulary {
	return a.vocabulary(ctx, siteID, true)
}

// vocabulary is Vocabulary, waiting for a first build only when wait is
// set: the search box's phrases, asked on every keystroke, never wait.
func (a *App) vocabulary(ctx context.Context, siteID int64, wait bool) *search.Vocabulary {
	vs := &a.vocab
	vs.mu.Lock()
	if vs.sites == nil {
		vs.sites = map[int64]*siteVocabulary{}
	}
	sv := vs.sites[siteID]
	if sv == nil {
		sv = &siteVocabulary{}
		vs.sites[siteID] = sv
	}
	now := time.Now()
	if sv.done == nil && (sv.v == nil || a.vocabStale(ctx, sv, now)) {
		a.buildVocabulary(siteID, sv)
	}
	v, done := sv.v, sv.done
	vs.mu.Unlock()
	if v != nil || done == nil || !wait {
		return v
	}
	t := time.NewTimer(vocabFirstWait)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	case <-ctx.Done():
	}
	vs.mu.Lock()
	defer vs.mu.Unlock()
	return sv.v
}

// vocabStale reports whether sv should be rebuilt. It reads the change
// log at most once per vocabMinAge. Called with the lock held.
func (a *App) vocabStale(ctx context.Context, sv *siteVocabulary, now time.Time) bool {
	age := now.Sub(sv.built)
	if age >= vocabMaxAge {
		return true
	}
	if age < vocabMinAge || now.Sub(sv.checked) < vocabMinAge {
		return false
	}
	sv.checked = now
	last, err := a.Store.LastChangeID(ctx)
	return err == nil && last != sv.change
}

// buildVocabulary starts building the site's vocabulary in the
// background. Called with the lock held, when no build runs.
func (a *App) buildVocabulary(siteID int64, sv *siteVocabulary) {
	done := make(chan struct{})
	sv.done = done
	go func() {
		defer close(done)
		// Not the request's context: the build outlives the search that
		// started it, and serves the ones after it.
		ctx, cancel := context.WithTimeout(context.Background(), vocabBuildTimeout)
		defer cancel()
		start := time.Now()
		change, err := a.Store.LastChangeID(ctx)
		var v *search.Vocabulary
		if err == nil {
			b := search.NewVocabBuilder()
			err = a.Store.PublishedTexts(ctx, siteID, time.Time{}, func(title, lead string) error {
				b.Add(title)
				b.Add(lead)
				return nil
			})
			v = b.Build()
		}
		a.vocab.mu.Lock()
		defer a.vocab.mu.Unlock()
		sv.done = nil
		if err != nil {
			// Kept as it was: the next search that needs it tries again
			// after vocabMinAge, not at once (the database may be away).
			sv.built = start.Add(vocabMinAge - vocabMaxAge)
			return
		}
		sv.v, sv.built, sv.change, sv.checked = v, start, change, start
	}()
}

// suggestion returns a correction of the query q (what was searched)
// from the site's vocabulary, and whether one was found; count runs the
// same search for another text and reports how many it finds and whether
// those are near matches only. A correction is offered only when it
// finds more than found (approx: near matches) did.
func (a *App) suggestion(ctx context.Context, siteID int64, q string, found int, approx bool,
	count func(q string) (int, bool, error)) (string, error) {
	if q == "" || found >= fewHits && !approx {
		return "", nil
	}
	v := a.Vocabulary(ctx, siteID)
	s := v.Correct(q)
	if s == "" {
		return "", nil
	}
	n, nApprox, err := count(s)
	if err != nil || n == 0 {
		return "", err
	}
	if approx && !nApprox || approx == nApprox && n > found {
		return s, nil
	}
	return "", nil
}

// suggestArticles sets res.Suggestion for a search of articles that found
// little.
func (a *App) suggestArticles(ctx context.Context, q congtin.SearchQuery, res *congtin.SearchResult) error {
	if q.Verbatim {
		// The reader asked for exactly what was typed.
		return nil
	}
	searched := q.Q
	if res.Searched != "" {
		searched = res.Searched
	}
	s, err := a.suggestion(ctx, q.SiteID, searched, res.Total, res.Approximate, func(text string) (int, bool, error) {
		cq := q
		cq.Q, cq.Offset, cq.Limit, cq.CountOnly = text, 0, 1, true
		r, err := a.Store.Search(ctx, cq)
		if err != nil {
			return 0, false, err
		}
		return r.Total, r.Approximate, nil
	})
	res.Suggestion = s
	return err
}

// suggestDocuments sets res.Suggestion for a search of the documents
// register that found little. The vocabulary is the articles' (the same
// site writes both, in the same words), so a correction is counted with
// the register's own search, with the same filters: one that finds no
// document is never offered.
func (a *App) suggestDocuments(ctx context.Context, q congtin.DocumentQuery, res *congtin.DocumentResult) error {
	if q.Verbatim || q.Q == "" {
		return nil
	}
	s, err := a.suggestion(ctx, q.SiteID, cmp.Or(res.Searched, q.Q), res.Total, res.Approximate, func(text string) (int, bool, error) {
		cq := q
		cq.Q, cq.Offset, cq.Limit, cq.Facets = text, 0, 1, false
		r, err := a.Store.FindDocuments(ctx, cq)
		if err != nil {
			return 0, false, err
		}
		return r.Total, r.Approximate, nil
	})
	res.Suggestion = s
	return err
}

// suggestQuestions sets res.Suggestion for a search of the questions that
// found little, as suggestDocuments does for the register: counted with
// the questions' own search (near matches included), with the same
// filters.
func (a *App) suggestQuestions(ctx context.Context, f congtin.QuestionFilter, res *congtin.QuestionResult) error {
	if f.Verbatim || f.Q == "" {
		return nil
	}
	s, err := a.suggestion(ctx, f.SiteID, cmp.Or(res.Searched, f.Q), res.Total, res.Approximate, func(text string) (int, bool, error) {
		cf := f
		cf.Q, cf.Offset, cf.Limit = text, 0, 1
		r, err := a.searchQuestions(ctx, cf)
		if err != nil {
			return 0, false, err
		}
		return r.Total, r.Approximate, nil
	})
	res.Suggestion = s
	return err
}
