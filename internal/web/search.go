package web

import (
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/search"
)

const searchPageSize = 10

// maxQueryChars bounds what is echoed and parsed; the search itself reads
// only the first words.
const maxQueryChars = 500

// Searcher is what /tim-kiem and its JSON twin read.
type Searcher interface {
	// Search returns public articles matching q; it never fails on the
	// query's syntax.
	Search(ctx context.Context, q congtin.SearchQuery) (*congtin.SearchResult, error)
	// SiteSpellings returns the site's equivalent spellings, with which
	// the page reads the query again to mark what was found.
	SiteSpellings(ctx context.Context, siteID int64) (congtin.Spellings, error)
	// SuggestSearch returns the search box's list for q: frequent
	// phrases completing it, then the public articles whose title starts
	// with it.
	SuggestSearch(ctx context.Context, siteID int64, q string) (*congtin.Suggestions, error)
}

// searchRequest is the parsed query string of /tim-kiem and its JSON twin.
type searchRequest struct {
	q        string
	cat      *congtin.Category
	from, to string
	sort     string
	page     int
	query    congtin.SearchQuery
}

// parseSearch reads the parameters. Only the filters can be invalid: any
// text at all is a valid query.
func (s *Server) parseSearch(q url.Values, site *congtin.Site, cats congtin.Categories) (*searchRequest, error) {
	sr := &searchRequest{q: strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), "\uFFFD")), from: q.Get("tu"), to: q.Get("den")}
	if r := []rune(sr.q); len(r) > maxQueryChars {
		sr.q = string(r[:maxQueryChars])
	}
	sr.query = congtin.SearchQuery{SiteID: site.ID, Q: sr.q, Limit: searchPageSize}
	// nguyen-van=1: never read q as Telex or VNI typing.
	sr.query.Verbatim = q.Get("nguyen-van") != ""
	var err error
	if sr.page, err = parsePage(q); err != nil {
		sr.page = 1
		return sr, err
	}
	sr.query.Offset = (sr.page - 1) * searchPageSize
	switch q.Get("sap-xep") {
	case "":
	case "moi-nhat":
		sr.sort, sr.query.Sort = "moi-nhat", congtin.SortNewest
	default:
		return sr, congtin.Errorf(congtin.EINVALID, "Cách sắp xếp không hợp lệ.")
	}
	if slug := q.Get("chuyen-muc"); slug != "" {
		if sr.cat = cats.BySlug(slug); sr.cat == nil || sr.cat.Hidden {
			return sr, congtin.Errorf(congtin.EINVALID, "Chuyên mục “%s” không tồn tại.", clip(slug))
		}
		sr.query.CategoryIDs = cats.Subtree(sr.cat.ID)
	}
	if sr.from != "" {
		t, err := parseDay("Từ ngày", sr.from)
		if err != nil {
			return sr, err
		}
		sr.query.From = t
	}
	if sr.to != "" {
		t, err := parseDay("Đến ngày", sr.to)
		if err != nil {
			return sr, err
		}
		sr.query.To = t.AddDate(0, 0, 1)
	}
	if !sr.query.From.IsZero() && !sr.query.To.IsZero() && !sr.query.From.Before(sr.query.To) {
		return sr, congtin.Errorf(congtin.EINVALID, "“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
	}
	return sr, nil
}

// snippet picks the lead, or the body when the lead holds no query word.
func snippet(pq *search.Query, a *congtin.Article) []search.Segment {
	for _, text := range []string{a.Lead, search.PlainText(a.Body)} {
		seg := search.Snippet(pq, text)
		for _, sg := range seg {
			if sg.Match {
				return seg
			}
		}
	}
	return search.Snippet(pq, a.Lead)
}

// runSearch searches and prepares the hits for display; res.Hits keeps
// only the hits shown, in the same order.
func (s *Server) runSearch(r *http.Request, sr *searchRequest) (*congtin.SearchResult, []render.SearchHit, error) {
	if sr.q == "" {
		return &congtin.SearchResult{}, nil, nil
	}
	// A search reads and ranks hundreds of candidates: run as many at once
	// as there are cores, and queue the rest, so a burst of searches
	// neither runs the machine out of memory nor slows every page.
	select {
	case s.searchSlots() <- struct{}{}:
		defer func() { <-s.searchSlots() }()
	case <-r.Context().Done():
		return nil, nil, congtin.Errorf(congtin.ETOOMANY, "Hệ thống đang bận, xin vui lòng thử lại.")
	}
	res, err := s.Search.Search(r.Context(), sr.query)
	if err != nil {
		return nil, nil, err
	}
	cats := categoriesFrom(r.Context())
	sp, err := s.Search.SiteSpellings(r.Context(), sr.query.SiteID)
	if err != nil {
		return nil, nil, err
	}
	pq := parseQuery(sr.q, sp)
	if res.Searched != "" {
		// Highlight the words that were found, not the keystrokes.
		pq = parseQuery(res.Searched, sp)
	}
	var hits []render.SearchHit
	kept := res.Hits[:0]
	for _, h := range res.Hits {
		ls := links([]*congtin.Article{h.Article}, cats, true)
		if len(ls) == 0 {
			continue // its category is gone
		}
		kept = append(kept, h)
		hits = append(hits, render.SearchHit{ArticleLink: ls[0], Snippet: snippet(pq, h.Article)})
	}
	res.Hits = kept
	return res, hits, nil
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	cats := categoriesFrom(ctx)
	// Result pages are cached like the others (a notice that went viral
	// is searched for by thousands with the same words), and dropped on
	// any change to any article: any may now match.
	epoch, base, ok := s.startPage(w, r, site)
	if !ok {
		return
	}
	q := r.URL.Query()
	sr, perr := s.parseSearch(q, site, cats)
	page := &render.SearchPage{Base: base, Q: sr.q, From: sr.from, To: sr.to, Sort: sr.sort, Cats: cats, Max: congtin.Day(s.now())}
	page.Title, page.SearchQ = "Tìm kiếm", sr.q
	if sr.q != "" {
		page.Title = "Tìm kiếm: " + sr.q
	}
	if sr.cat != nil {
		page.CategorySlug = sr.cat.Slug
	}
	status := http.StatusOK
	switch {
	case perr != nil:
		status = http.StatusBadRequest
		page.Error = congtin.ErrorMessage(perr)
		page.Message = "Hãy sửa lại điều kiện tìm kiếm."
	case sr.q == "":
		page.Message = "Hãy nhập từ khóa cần tìm, có dấu hoặc không dấu, ví dụ: chuyển hóa địa bàn."
	default:
		res, hits, err := s.runSearch(r, sr)
		if err != nil {
			s.error(w, r, err)
			return
		}
		page.Hits, page.Total = hits, res.Total
		if res.Approximate {
			page.Approximate = approximateNotice(cmp.Or(res.Searched, sr.q))
		}
		if res.Searched != "" {
			page.Searched, page.VerbatimURL = res.Searched, verbatimURL(q)
		}
		if res.Suggestion != "" {
			page.Suggestion = &render.Suggestion{Text: res.Suggestion, URL: suggestionURL("/tim-kiem", q, res.Suggestion)}
		}
		page.Pager = pager("/tim-kiem", q, sr.page, min(res.Total, congtin.MaxRanked), searchPageSize)
		switch {
		case res.Total == 0:
			page.Message = "Không tìm thấy bài viết nào phù hợp với “" + sr.q + "”. Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ bớt điều kiện lọc."
		case len(hits) == 0:
			page.Message = "Trang " + strconv.Itoa(sr.page) + " không có kết quả: chỉ có " + strconv.Itoa(res.Total) + " kết quả. Hãy quay lại trang đầu."
			page.Pager = pager("/tim-kiem", q, 1, min(res.Total, congtin.MaxRanked), searchPageSize)
		}
	}
	s.servePage(w, r, status, "search", page, epoch, 0, time.Time{}, pageTags(site, "search"))
}

// approximateNotice tells the reader that no article holds every word of
// q and that the hits hold most of them: without it, hits lacking a word
// the reader typed would look like a broken search.
func approximateNotice(q string) string { return nearNotice("bài viết", q) }

// verbatimURL is /tim-kiem with the same parameters, asking to search
// exactly what was typed, from the first page.
func verbatimURL(q url.Values) string {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Del("trang")
	v.Set("nguyen-van", "1")
	return "/tim-kiem?" + v.Encode()
}

// suggestionURL is the search page path with the same filters, searching
// text instead, from the first page.
func suggestionURL(path string, q url.Values, text string) string {
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	v.Del("trang")
	v.Del("nguyen-van")
	v.Set("q", text)
	return path + "?" + v.Encode()
}

// searchJSON is one result of /api/v1/search.
type searchJSON struct {
	ID          int64            `json:"id"`
	Title       string           `json:"title"`
	URL         string           `json:"url"`
	Category    string           `json:"category"`
	PublishedAt time.Time        `json:"published_at"`
	Lead        string           `json:"lead"`
	Snippet     []search.Segment `json:"snippet"`
	Score       float64          `json:"score,omitempty"`
}

// handleSearchAPI is the same search as JSON, with the same parameters.
func (s *Server) handleSearchAPI(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	sr, err := s.parseSearch(r.URL.Query(), site, categoriesFrom(ctx))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		_ = enc.Encode(map[string]string{"error": congtin.ErrorMessage(err)})
		return
	}
	res, hits, err := s.runSearch(r, sr)
	if err != nil {
		status, msg := httperr.Status(err), "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
		if status == http.StatusServiceUnavailable {
			// As the HTML pages: a client is told when to come back.
			s.Log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "error", err)
			w.Header().Set("Retry-After", httperr.RetryAfter)
			msg = httperr.UnavailableMessage
		} else {
			s.Log.Error("search api", "error", err)
		}
		w.WriteHeader(status)
		_ = enc.Encode(map[string]string{"error": msg})
		return
	}
	out := struct {
		searchMeta
		Results []searchJSON `json:"results"`
	}{searchMeta: newSearchMeta(sr.q, sr.page, searchOutcome{res.Total, res.Approximate, res.Searched, res.Typing, res.Suggestion}, "bài viết"),
		Results: []searchJSON{}}
	for i, h := range hits {
		out.Results = append(out.Results, searchJSON{ID: res.Hits[i].Article.ID, Title: h.Title, URL: s.siteURL(siteFrom(r.Context()), h.URL), Category: h.Category.Name,
			PublishedAt: h.PublishedAt.In(congtin.VietnamZone), Lead: h.Lead, Snippet: h.Snippet, Score: res.Hits[i].Score})
	}
	_ = enc.Encode(out)
}

// searchSlots returns the semaphore that bounds concurrent searches.
func (s *Server) searchSlots() chan struct{} {
	s.searchOnce.Do(func() { s.searchSem = make(chan struct{}, max(2, runtime.GOMAXPROCS(0))) })
	return s.searchSem
}

// parseQuery reads a query as the search read it, with the site's
// equivalent spellings (nil: the built-in ones), to mark in the snippets
// the spellings it found.
func parseQuery(q string, sp congtin.Spellings) *search.Query {
	t, _ := sp.(*search.Spellings)
	return search.ParseQueryWith(q, t)
}
