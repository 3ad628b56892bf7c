package web

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/search"
)

// The Q&A section ("Hỏi đáp"). Its pages are rendered for each request,
// not kept in the page cache: the change log that keeps cached pages
// fresh follows articles, and a question published by one process must
// show on every process at once. The pages cost one or two indexed
// queries; the section is read far less than the news.

// qaRoutes registers the section's routes.
func (s *Server) qaRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /hoi-dap", s.handleQAList)
	mux.HandleFunc("GET /hoi-dap/{id}", s.handleQA)
	mux.HandleFunc("GET /ban-in/hoi-dap/{id}", s.handleQAPrint)
	mux.HandleFunc("GET /hoi-dap/gui-cau-hoi", s.handleQAForm)
	mux.Handle("POST /hoi-dap/gui-cau-hoi", s.qaCrossOrigin(http.HandlerFunc(s.handleQASubmit)))
	mux.HandleFunc("GET /hoi-dap/da-gui", s.handleQASent)
	mux.HandleFunc("GET /hoi-dap/tra-cuu", s.handleQALookup)
	mux.HandleFunc("GET /rss/hoi-dap", s.handleQAFeed)
	mux.HandleFunc("GET /api/v1/hoi-dap", s.handleQAAPI)
	mux.HandleFunc("GET /api/v1/hoi-dap/suggest", s.handleQASuggest)
	mux.HandleFunc("GET /api/v1/hoi-dap/{id}", s.handleQAAPIOne)
	mux.HandleFunc("GET /sitemap/hoi-dap.xml", s.handleSitemapQA)
}

// QAService is what the section's pages, form, feed, sitemap and API
// read and write.
type QAService interface {
	// FindQuestionByID returns any question of the site; ENOTFOUND if
	// none.
	FindQuestionByID(ctx context.Context, siteID, id int64) (*congtin.Question, error)
	// FindQuestionByCode returns the site's question whose lookup code
	// hashes to codeHash; ENOTFOUND if none.
	FindQuestionByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.Question, error)
	// FindQuestions lists questions and counts all that match.
	FindQuestions(ctx context.Context, f congtin.QuestionFilter) ([]*congtin.Question, int, error)
	// SearchQuestions is FindQuestions reading Telex and VNI typing.
	SearchQuestions(ctx context.Context, f congtin.QuestionFilter) (*congtin.QuestionResult, error)
	// SiteSpellings returns the site's equivalent spellings (see Searcher).
	SiteSpellings(ctx context.Context, siteID int64) (congtin.Spellings, error)
	// SuggestQuestions returns the answered questions whose title starts
	// with what a reader is typing. Any text is valid.
	SuggestQuestions(ctx context.Context, siteID int64, q string) ([]*congtin.Question, error)
	// FindQAFields lists a site's fields by position, then name.
	FindQAFields(ctx context.Context, siteID int64) (congtin.QAFields, error)
	// SubmitQuestion stores a citizen's question: EINVALID for bad input,
	// ECONFLICT for a form sent twice, ETOOMANY past the sender's limit.
	SubmitQuestion(ctx context.Context, siteID int64, in congtin.QuestionInput, sub congtin.Submission) (*congtin.Question, error)
	// Secret returns the named secret (the form's and the addresses'
	// keys), the same in every process.
	Secret(ctx context.Context, name string) ([]byte, error)
}

// qaPageSize is the length of the section's list pages.
const qaPageSize = listPageSize

// qaItem makes the public view of a published question: only what the
// public pages may show.
func qaItem(q *congtin.Question, fields congtin.QAFields) render.QAItem {
	it := render.QAItem{ID: q.ID, URL: q.Path(), Title: q.Title, Question: q.Body, Excerpt: excerpt(q.Body, 240),
		Answer: q.Answer, AskedAt: q.CreatedAt, AnsweredAt: q.PublishedAt}
	if f := fields.ByID(q.FieldID); f != nil {
		it.Field, it.FieldURL = f, "/hoi-dap?linh-vuc="+url.QueryEscape(f.Slug)
	}
	return it
}

// excerpt cuts text to about n characters at a word boundary.
func excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// qaRequest is the parsed query string of /hoi-dap and its JSON twin.
type qaRequest struct {
	q     string
	field *congtin.QAField
	page  int
	f     congtin.QuestionFilter
}

func (s *Server) parseQA(r *http.Request, fields congtin.QAFields) (*qaRequest, error) {
	v := r.URL.Query()
	qr := &qaRequest{q: strings.TrimSpace(strings.ToValidUTF8(v.Get("q"), "\uFFFD")), page: 1}
	if rs := []rune(qr.q); len(rs) > maxQueryChars {
		qr.q = string(rs[:maxQueryChars])
	}
	qr.f = congtin.QuestionFilter{SiteID: siteFrom(r.Context()).ID, Status: congtin.StatusPublished, Q: qr.q, Limit: qaPageSize}
	// nguyen-van=1: never read q as Telex or VNI typing.
	qr.f.Verbatim = v.Get("nguyen-van") != ""
	var err error
	if qr.page, err = parsePage(v); err != nil {
		qr.page = 1
		return qr, err
	}
	qr.f.Offset = (qr.page - 1) * qaPageSize
	if slug := v.Get("linh-vuc"); slug != "" {
		if qr.field = fields.BySlug(slug); qr.field == nil {
			return qr, congtin.Errorf(congtin.EINVALID, "Lĩnh vực “%s” không tồn tại.", clip(slug))
		}
		qr.f.FieldID = qr.field.ID
	}
	return qr, nil
}

// findQA runs the list query and prepares the items, with snippets for a
// search.
func (s *Server) findQA(r *http.Request, qr *qaRequest, fields congtin.QAFields) ([]render.QAItem, *congtin.QuestionResult, error) {
	res, err := s.QA.SearchQuestions(r.Context(), qr.f)
	if err != nil {
		return nil, nil, err
	}
	var pq *search.Query
	if res.Searched != "" || qr.q != "" {
		sp, err := s.QA.SiteSpellings(r.Context(), qr.f.SiteID)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case res.Searched != "":
			// Highlight the words that were found, not the keystrokes.
			pq = parseQuery(res.Searched, sp)
		default:
			pq = parseQuery(qr.q, sp)
		}
	}
	items := make([]render.QAItem, 0, len(res.Questions))
	for _, q := range res.Questions {
		it := qaItem(q, fields)
		if pq != nil {
			for _, text := range []string{q.Title + ". " + q.Body, search.PlainText(q.Answer)} {
				if seg := search.Snippet(pq, text); hasMatch(seg) {
					it.Snippet = seg
					break
				}
			}
		}
		items = append(items, it)
	}
	return items, res, nil
}

func hasMatch(seg []search.Segment) bool {
	for _, s := range seg {
		if s.Match {
			return true
		}
	}
	return false
}

// qaFields reads the site's Q&A fields, which the section's pages offer
// and file questions under; ok is false when the reader got the error
// page instead.
func (s *Server) qaFields(w http.ResponseWriter, r *http.Request, site *congtin.Site) (fields congtin.QAFields, ok bool) {
	fields, err := s.QA.FindQAFields(r.Context(), site.ID)
	if err != nil {
		s.error(w, r, err)
		return nil, false
	}
	return fields, true
}

func (s *Server) handleQAList(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	fields, ok := s.qaFields(w, r, site)
	if !ok {
		return
	}
	qr, perr := s.parseQA(r, fields)
	page := &render.QAListPage{Fields: fields, Q: qr.q}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title, page.ActiveSlug, page.SearchQ = "Hỏi đáp", "hoi-dap", ""
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/hoi-dap")
	page.Description = "Câu hỏi của người dân, tổ chức và câu trả lời của " + site.Name + "."
	if qr.field != nil {
		page.FieldSlug = qr.field.Slug
		page.Title = "Hỏi đáp: " + qr.field.Name
	}
	status := http.StatusOK
	if perr != nil {
		status = http.StatusBadRequest
		page.Error = congtin.ErrorMessage(perr)
		page.Message = "Hãy chọn lại điều kiện."
		s.serveFresh(w, r, status, "qa_list", page, time.Time{})
		return
	}
	items, res, err := s.findQA(r, qr, fields)
	if err != nil {
		s.error(w, r, err)
		return
	}
	total := res.Total
	if res.Approximate {
		page.Approximate = nearNotice("câu hỏi", cmp.Or(res.Searched, qr.q))
	}
	if res.Searched != "" {
		v := r.URL.Query()
		v.Del("trang")
		v.Set("nguyen-van", "1")
		page.Searched, page.VerbatimURL = res.Searched, "/hoi-dap?"+v.Encode()
	}
	if res.Suggestion != "" {
		page.Suggestion = &render.Suggestion{Text: res.Suggestion, URL: suggestionURL("/hoi-dap", r.URL.Query(), res.Suggestion)}
	}
	if qr.q == "" {
		if err := checkPage(qr.page, total, qaPageSize); err != nil {
			s.error(w, r, err)
			return
		}
	}
	page.Items, page.Total = items, total
	// A search ranks its newest search.Candidates matches: no page lies
	// beyond them.
	page.Pager = pager("/hoi-dap", r.URL.Query(), qr.page, min(total, search.Candidates), qaPageSize)
	if qr.q == "" {
		page.Pager = pager("/hoi-dap", r.URL.Query(), qr.page, total, qaPageSize)
	}
	switch {
	case len(items) > 0:
	case qr.q != "" && total > 0:
		page.Message = "Trang " + strconv.Itoa(qr.page) + " không có kết quả. Hãy quay lại trang đầu."
		page.Pager = pager("/hoi-dap", r.URL.Query(), 1, min(total, search.Candidates), qaPageSize)
	case qr.q != "":
		page.Message = "Không tìm thấy câu hỏi nào phù hợp với “" + qr.q + "”. Hãy thử từ khóa khác, hoặc gửi câu hỏi của bạn."
	case qr.field != nil:
		page.Message = "Chưa có câu hỏi nào được trả lời trong lĩnh vực này."
	default:
		page.Message = "Chưa có câu hỏi nào được trả lời."
	}
	s.serveFresh(w, r, status, "qa_list", page, time.Time{})
}

// serveFresh writes a page rendered for this request, with the same
// validators and compression as cached pages, without storing it.
func (s *Server) serveFresh(w http.ResponseWriter, r *http.Request, status int, name string, page render.LiveSource, modified time.Time) {
	d, err := s.Render.Doc(name, page)
	if err != nil {
		s.Log.Error("render", "page", name, "error", err)
		s.error(w, r, err)
		return
	}
	e := pagecache.NewEntry(d, 0, modified, nil)
	e.Status = status
	s.writeEntry(w, r, e, page.LiveValues())
}

// findPublicQuestion returns a published question of the site: ENOTFOUND
// for one never published, EGONE for one taken down.
func (s *Server) findPublicQuestion(r *http.Request) (*congtin.Question, congtin.QAFields, error) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		return nil, nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy câu hỏi.")
	}
	site := siteFrom(r.Context())
	q, err := s.QA.FindQuestionByID(r.Context(), site.ID, id)
	if err != nil {
		return nil, nil, err
	}
	if !q.IsPublic() {
		if q.Status == congtin.StatusUnpublished && !q.PublishedAt.IsZero() {
			return nil, nil, congtin.Errorf(congtin.EGONE, "Câu hỏi này đã được gỡ khỏi cổng thông tin.")
		}
		return nil, nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy câu hỏi.")
	}
	fields, err := s.QA.FindQAFields(r.Context(), site.ID)
	return q, fields, err
}

func (s *Server) handleQA(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	q, fields, err := s.findPublicQuestion(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	item := qaItem(q, fields)
	page := &render.QAPage{Item: item, PrintURL: "/ban-in" + q.Path(), BackURL: "/hoi-dap"}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	if item.Field != nil {
		page.BackURL = item.FieldURL
		others, _, err := s.QA.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, FieldID: q.FieldID, Limit: newerCount + 1})
		if err != nil {
			s.error(w, r, err)
			return
		}
		for _, o := range others {
			if o.ID != q.ID && len(page.Related) < newerCount {
				page.Related = append(page.Related, qaItem(o, fields))
			}
		}
	}
	page.Title, page.ActiveSlug = q.Title, "hoi-dap"
	page.Description = excerpt(q.Body, 200)
	page.Canonical = s.siteURL(siteFrom(r.Context()), q.Path())
	s.serveFresh(w, r, http.StatusOK, "qa_question", page, q.UpdatedAt)
}

func (s *Server) handleQAPrint(w http.ResponseWriter, r *http.Request) {
	q, fields, err := s.findPublicQuestion(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.QAPrintPage{Item: qaItem(q, fields),
		PrintBase: render.PrintBase{Site: siteFrom(r.Context()), SourceURL: s.siteURL(siteFrom(r.Context()), q.Path()), BackURL: q.Path()}}
	s.serveFresh(w, r, http.StatusOK, "qa_print", page, q.UpdatedAt)
}

// qaJSON is a published question in the JSON API: what the public page
// shows, nothing of the asker.
type qaJSON struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	URL        string    `json:"url"`
	Field      string    `json:"field,omitempty"`
	Question   string    `json:"question"`
	AnswerHTML string    `json:"answer_html"`
	AskedAt    time.Time `json:"asked_at"`
	AnsweredAt time.Time `json:"answered_at"`
}

func (s *Server) qaJSON(r *http.Request, it render.QAItem) qaJSON {
	j := qaJSON{ID: it.ID, Title: it.Title, URL: s.siteURL(siteFrom(r.Context()), it.URL), Question: it.Question, AnswerHTML: it.Answer,
		AskedAt: it.AskedAt.In(congtin.VietnamZone), AnsweredAt: it.AnsweredAt.In(congtin.VietnamZone)}
	if it.Field != nil {
		j.Field = it.Field.Name
	}
	return j
}

// handleQAAPI is /hoi-dap as JSON, with the same parameters.
func (s *Server) handleQAAPI(w http.ResponseWriter, r *http.Request) {
	fields, err := s.QA.FindQAFields(r.Context(), siteFrom(r.Context()).ID)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	qr, err := s.parseQA(r, fields)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	items, res, err := s.findQA(r, qr, fields)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := struct {
		searchMeta
		Field   string   `json:"field,omitempty"`
		Results []qaJSON `json:"results"`
	}{searchMeta: newSearchMeta(qr.q, qr.page, searchOutcome{res.Total, res.Approximate, res.Searched, res.Typing, res.Suggestion}, "câu hỏi"),
		Results: []qaJSON{}}
	if qr.field != nil {
		out.Field = qr.field.Slug
	}
	for _, it := range items {
		out.Results = append(out.Results, s.qaJSON(r, it))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleQAAPIOne(w http.ResponseWriter, r *http.Request) {
	q, fields, err := s.findPublicQuestion(r)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.qaJSON(r, qaItem(q, fields)))
}

// handleQAFeed is the RSS feed of the newest answered questions.
func (s *Server) handleQAFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	fields, ok := s.qaFields(w, r, site)
	if !ok {
		return
	}
	qs, _, err := s.QA.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, Limit: feedItems})
	if err != nil {
		s.error(w, r, err)
		return
	}
	ch := rssChannel{Title: site.Name + " – Hỏi đáp", Link: s.siteURL(siteFrom(r.Context()), "/hoi-dap"), Description: "Câu hỏi của người dân và câu trả lời của " + site.Name,
		Language: "vi", Self: rssSelf{Href: s.siteURL(siteFrom(r.Context()), "/rss/hoi-dap"), Rel: "self", Type: "application/rss+xml"}}
	for _, q := range qs {
		it := qaItem(q, fields)
		link := s.siteURL(siteFrom(r.Context()), it.URL)
		item := rssItem{Title: it.Title, Link: link, GUID: rssGUID{Value: link, Permalink: true}, Description: excerpt(it.Question, 1000), PubDate: rssTime(it.AnsweredAt)}
		if it.Field != nil {
			item.Category = it.Field.Name
		}
		ch.Items = append(ch.Items, item)
	}
	if len(qs) > 0 {
		ch.LastBuildDate = rssTime(qs[0].PublishedAt)
	}
	s.writeRSS(w, r, ch)
}

// handleSitemapQA maps /hoi-dap and the newest answered questions (a
// portal has far fewer than a sitemap's page holds).
func (s *Server) handleSitemapQA(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	qs, _, err := s.QA.FindQuestions(r.Context(), congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, Limit: sitemapPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(siteFrom(r.Context()), "/hoi-dap")}}}
	for _, q := range qs {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), q.Path()), LastMod: w3cTime(q.UpdatedAt)})
	}
	s.writeXML(w, set)
}
