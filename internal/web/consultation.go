package web

import (
	"context"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
)

// Public consultation on draft documents (Lấy ý kiến dự thảo):
// /lay-y-kien (open, closed and concluded drafts, with the list's own
// search), a draft's page, its print view, the RSS of open drafts, the
// sitemap and the JSON API. Like the documents register's, these pages
// are rendered per request rather than kept in the page cache: a
// consultation leaves no entry in the change log, and the days left
// change with the clock anyway.

// ConsultationReader is what the consultations' pages read.
type ConsultationReader interface {
	// FindConsultationByID returns any consultation of the site;
	// ENOTFOUND when there is none.
	FindConsultationByID(ctx context.Context, siteID, id int64) (*congtin.Consultation, error)
	// FindConsultations lists consultations matching the filter and
	// their total. Any text is a valid query.
	FindConsultations(ctx context.Context, f congtin.ConsultationFilter) ([]*congtin.Consultation, int, error)
}

// consultationGroupSize bounds each group of the public list (the closed
// and concluded ones, newest close first; open drafts are few).
const consultationGroupSize = 100

func (s *Server) consultationRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /lay-y-kien", s.handleConsultations)
	mux.HandleFunc("GET /lay-y-kien/{ref}", s.handleConsultation)
	mux.HandleFunc("GET /lay-y-kien/{id}/tep/{file}", s.publicFile(func(r *http.Request, id int64, ok bool) ([]*congtin.DocumentFile, error) {
		c, err := s.findPublicConsultation(r, id, ok)
		if err != nil {
			return nil, err
		}
		return c.Files, nil
	}))
	mux.HandleFunc("GET /ban-in/lay-y-kien/{id}", s.handleConsultationPrint)
	mux.HandleFunc("GET /rss/lay-y-kien", s.handleConsultationFeed)
	mux.HandleFunc("GET /sitemap/lay-y-kien.xml", s.handleSitemapConsultations)
	mux.HandleFunc("GET /api/v1/lay-y-kien", s.handleConsultationsAPI)
	mux.HandleFunc("GET /api/v1/lay-y-kien/{id}", s.handleConsultationAPI)
}

// consultationQuery reads the list's search: any text, clipped.
func consultationQuery(r *http.Request) string { return listQuery(r.URL.Query().Get("q")) }

// listQuery is a list's own search as typed: any text, valid UTF-8,
// clipped.
func listQuery(q string) string {
	q = strings.TrimSpace(strings.ToValidUTF8(q, "\uFFFD"))
	if rs := []rune(q); len(rs) > maxQueryChars {
		q = string(rs[:maxQueryChars])
	}
	return q
}

// consultationItem is c with where it stands at now.
func consultationItem(c *congtin.Consultation, now time.Time) render.ConsultationItem {
	return render.ConsultationItem{Consultation: c, Phase: c.Phase(now), DaysLeft: c.DaysLeft(now)}
}

// consultationGroups reads the public list's three groups at now: open
// (and those about to open), closed, concluded; q searches them all.
func (s *Server) consultationGroups(ctx context.Context, siteID int64, q string, now time.Time) ([]render.ConsultationGroup, int, error) {
	groups := []render.ConsultationGroup{
		{ID: "dang-lay-y-kien", Heading: "Đang lấy ý kiến", Empty: "Hiện không có dự thảo nào đang lấy ý kiến."},
		{ID: "da-het-han", Heading: "Đã hết hạn", Empty: "Chưa có dự thảo nào hết hạn lấy ý kiến."},
		{ID: "da-co-ket-qua", Heading: "Đã có kết quả", Empty: "Chưa có dự thảo nào có kết quả (báo cáo tiếp thu hoặc văn bản được ban hành)."},
	}
	total := 0
	for _, p := range []struct {
		group int
		phase string
	}{{0, congtin.ConsultOpen}, {0, congtin.ConsultUpcoming}, {1, congtin.ConsultClosed}, {2, congtin.ConsultResult}} {
		cs, n, err := s.Consultations.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: siteID, Public: true, Phase: p.phase, Now: now,
			Q: q, Limit: consultationGroupSize})
		if err != nil {
			return nil, 0, err
		}
		total += n
		for _, c := range cs {
			groups[p.group].Items = append(groups[p.group].Items, consultationItem(c, now))
		}
	}
	if q != "" {
		for i := range groups {
			groups[i].Empty = "Không có dự thảo nào phù hợp."
		}
	}
	return groups, total, nil
}

func (s *Server) handleConsultations(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q := consultationQuery(r)
	page := &render.ConsultationsPage{Base: base, Q: q, FeedURL: "/rss/lay-y-kien"}
	page.Title, page.ActiveSlug = "Lấy ý kiến dự thảo", "lay-y-kien"
	page.Description = "Dự thảo văn bản lấy ý kiến tổ chức, cá nhân của " + site.Name
	page.Canonical = s.siteURL(site, "/lay-y-kien")
	if page.Groups, page.Total, err = s.consultationGroups(r.Context(), site.ID, q, s.now()); err != nil {
		s.error(w, r, err)
		return
	}
	if q != "" {
		page.Title = "Lấy ý kiến dự thảo: " + q
	}
	s.render(w, http.StatusOK, "consultations", page)
}

// findPublicConsultation returns the public consultation of the site
// that the path names by id (ok: the path held a valid ID): ENOTFOUND
// for a path without one, or one that never was public; EGONE for one
// taken down.
func (s *Server) findPublicConsultation(r *http.Request, id int64, ok bool) (*congtin.Consultation, error) {
	if !ok {
		return nil, notFound()
	}
	c, err := s.Consultations.FindConsultationByID(r.Context(), siteFrom(r.Context()).ID, id)
	if err != nil {
		return nil, err
	}
	if c.Status == congtin.StatusUnpublished {
		return nil, congtin.Errorf(congtin.EGONE, "Dự thảo này đã được gỡ khỏi cổng thông tin.")
	}
	if !c.IsPublic(s.now()) {
		return nil, congtin.NotFound(congtin.KindConsultation)
	}
	return c, nil
}

// consultationPage prepares what the page and its print view show.
func (s *Server) consultationPage(c *congtin.Consultation) *render.ConsultationPage {
	p := &render.ConsultationPage{ConsultationItem: consultationItem(c, s.now()),
		PrintURL: "/ban-in/lay-y-kien/" + strconv.FormatInt(c.ID, 10), BackURL: "/lay-y-kien"}
	for _, l := range strings.Split(c.Contact, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			p.ContactLines = append(p.ContactLines, l)
		}
	}
	for _, f := range c.Files {
		p.Files = append(p.Files, *fileItem(f, "/lay-y-kien/"+strconv.FormatInt(c.ID, 10)+"/tep/"+strconv.FormatInt(f.ID, 10)))
	}
	if c.ReportFile != nil && !c.ReportAt.IsZero() {
		p.ReportFile = fileItem(c.ReportFile, "/lay-y-kien/"+strconv.FormatInt(c.ID, 10)+"/bao-cao")
	}
	return p
}

func (s *Server) handleConsultation(w http.ResponseWriter, r *http.Request) {
	id, ok := articleID(r.PathValue("ref"))
	c, err := s.findPublicConsultation(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A corrected title changes the slug; the ID keeps old links alive.
	if r.URL.Path != c.Path() {
		http.Redirect(w, r, c.Path(), http.StatusMovedPermanently)
		return
	}
	s.renderConsultation(w, r, http.StatusOK, c, nil, "")
}

func (s *Server) handleConsultationPrint(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	c, err := s.findPublicConsultation(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	site := siteFrom(r.Context())
	p := s.consultationPage(c)
	if p.Comments, p.Published, err = s.publishedComments(r.Context(), c); err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.ConsultationPrintPage{Page: p,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(site, c.Path()), BackURL: c.Path()}}
	s.render(w, http.StatusOK, "consultation_print", page)
}

// handleConsultationFeed is the RSS of the drafts open for comment,
// closing soonest first. A description is HTML to feed readers: the
// plain texts are escaped into it, so what anyone typed as markup is
// shown as text, never rendered.
func (s *Server) handleConsultationFeed(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	now := s.now()
	cs, _, err := s.Consultations.FindConsultations(r.Context(), congtin.ConsultationFilter{SiteID: site.ID, Public: true,
		Phase: congtin.ConsultOpen, Now: now, Limit: feedItems})
	if err != nil {
		s.error(w, r, err)
		return
	}
	ch := rssChannel{Title: site.Name + " – Lấy ý kiến dự thảo", Link: s.siteURL(site, "/lay-y-kien"),
		Description: "Dự thảo đang lấy ý kiến của " + site.Name, Language: "vi",
		Self: rssSelf{Href: s.siteURL(site, "/rss/lay-y-kien"), Rel: "self", Type: "application/rss+xml"}}
	var last time.Time
	for _, c := range cs {
		link := s.siteURL(site, c.Path())
		desc := c.Number + " · " + c.Drafter + ". Lấy ý kiến đến " + c.ClosesAt.In(congtin.VietnamZone).Format("15:04 02/01/2006") + "."
		if c.Summary != "" {
			desc += " " + c.Summary
		}
		ch.Items = append(ch.Items, rssItem{Title: c.Title, Link: link, GUID: rssGUID{Value: link, Permalink: true},
			Description: html.EscapeString(desc), PubDate: rssTime(c.OpensAt), Category: c.Drafter})
		if c.OpensAt.After(last) {
			last = c.OpensAt
		}
	}
	if !last.IsZero() {
		ch.LastBuildDate = rssTime(last)
	}
	s.writeRSS(w, r, ch)
}

func (s *Server) handleSitemapConsultations(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	cs, _, err := s.Consultations.FindConsultations(r.Context(), congtin.ConsultationFilter{SiteID: site.ID, Public: true, Limit: sitemapPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(site, "/lay-y-kien")}}}
	for _, c := range cs {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(site, c.Path()), LastMod: w3cTime(c.UpdatedAt)})
	}
	s.writeXML(w, set)
}

// consultationJSON is a consultation as the API gives it.
type consultationJSON struct {
	ID       int64     `json:"id"`
	URL      string    `json:"url"`
	Number   string    `json:"number"`
	Title    string    `json:"title"`
	Drafter  string    `json:"drafter"`
	Summary  string    `json:"summary"`
	OpensAt  time.Time `json:"opens_at"`
	ClosesAt time.Time `json:"closes_at"`
	// Status is open, upcoming, closed or result (see congtin.Phase).
	Status   string               `json:"status"`
	DaysLeft int                  `json:"days_left"`
	Contact  string               `json:"contact,omitempty"`
	Body     string               `json:"body_html,omitempty"` // sanitized HTML; only for one consultation
	Files    []documentFileJSON   `json:"files,omitempty"`
	Document *consultationDocJSON `json:"document,omitempty"`
	// Report and Comments are only for one consultation: the report on
	// the comments once published, and the published comments (their
	// senders' names as the page shows them; no contact ever).
	Report   *consultationReportJSON `json:"report,omitempty"`
	Comments []commentJSON           `json:"comments,omitempty"`
	Updated  time.Time               `json:"updated_at"`
}

// consultationReportJSON is the report on a draft's comments.
type consultationReportJSON struct {
	HTML        string            `json:"html"` // sanitized
	PublishedAt time.Time         `json:"published_at"`
	File        *documentFileJSON `json:"file,omitempty"`
}

// commentJSON is a published comment.
type commentJSON struct {
	ID           int64             `json:"id"`
	Article      int               `json:"article"` // 0: the whole draft
	Name         string            `json:"name"`
	Organization string            `json:"organization,omitempty"`
	Body         string            `json:"body"` // plain text
	File         *documentFileJSON `json:"file,omitempty"`
	Answer       string            `json:"answer,omitempty"` // plain text
	SentAt       time.Time         `json:"sent_at"`
}

// consultationDocJSON is the document issued from a draft.
type consultationDocJSON struct {
	ID     int64  `json:"id"`
	Number string `json:"number"`
	URL    string `json:"url"`
}

func (s *Server) consultationToJSON(r *http.Request, c *congtin.Consultation, withBody bool) consultationJSON {
	site := siteFrom(r.Context())
	now := s.now()
	j := consultationJSON{ID: c.ID, URL: s.siteURL(site, c.Path()), Number: c.Number, Title: c.Title, Drafter: c.Drafter, Summary: c.Summary,
		OpensAt: c.OpensAt.In(congtin.VietnamZone), ClosesAt: c.ClosesAt.In(congtin.VietnamZone), Status: c.Phase(now), DaysLeft: c.DaysLeft(now),
		Contact: c.Contact, Updated: c.UpdatedAt.In(congtin.VietnamZone)}
	fileJSON := func(f *render.DocumentFileItem) *documentFileJSON { return s.fileJSON(site, f) }
	if withBody {
		j.Body = c.Body
		p := s.consultationPage(c)
		for i := range p.Files {
			j.Files = append(j.Files, *fileJSON(&p.Files[i]))
		}
		if !c.ReportAt.IsZero() {
			j.Report = &consultationReportJSON{HTML: c.Report, PublishedAt: c.ReportAt.In(congtin.VietnamZone), File: fileJSON(p.ReportFile)}
		}
	}
	if c.DocumentID != 0 && c.DocumentPublic {
		j.Document = &consultationDocJSON{ID: c.DocumentID, Number: c.DocumentNumber, URL: s.siteURL(site, c.DocumentPath())}
	}
	return j
}

// fileJSON is a listed file as the API gives it (nil for none).
func (s *Server) fileJSON(site *congtin.Site, f *render.DocumentFileItem) *documentFileJSON {
	if f == nil {
		return nil
	}
	return &documentFileJSON{Name: docfile.DownloadName(f.DocumentFile), URL: s.siteURL(site, f.URL),
		ContentType: congtin.FileContentType(f.Kind), Size: f.DocumentFile.Size}
}

// handleConsultationsAPI lists the public consultations: ?trang-thai=
// open, upcoming, closed or result (all by default), ?q= searches, and
// ?page= pages them 20 at a time.
func (s *Server) handleConsultationsAPI(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	pageNo, err := parsePage(r.URL.Query())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	phase := r.URL.Query().Get("trang-thai")
	switch phase {
	case "", congtin.ConsultOpen, congtin.ConsultUpcoming, congtin.ConsultClosed, congtin.ConsultResult:
	default:
		s.jsonError(w, r, congtin.Errorf(congtin.EINVALID, "Trạng thái không hợp lệ: “%s”. Hãy dùng open, upcoming, closed hoặc result.", clip(phase)))
		return
	}
	const size = 20
	cs, total, err := s.Consultations.FindConsultations(r.Context(), congtin.ConsultationFilter{SiteID: site.ID, Public: true, Phase: phase,
		Now: s.now(), Q: consultationQuery(r), Offset: (pageNo - 1) * size, Limit: size})
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := struct {
		Total   int                `json:"total"`
		Page    int                `json:"page"`
		Results []consultationJSON `json:"results"`
	}{Total: total, Page: pageNo, Results: []consultationJSON{}}
	for _, c := range cs {
		out.Results = append(out.Results, s.consultationToJSON(r, c, false))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleConsultationAPI(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		s.jsonError(w, r, congtin.NotFound(congtin.KindConsultation))
		return
	}
	c, err := s.findPublicConsultation(r, id, ok)
	var groups []render.CommentGroup
	if err == nil {
		groups, _, err = s.publishedComments(r.Context(), c)
	}
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	j := s.consultationToJSON(r, c, true)
	for _, g := range groups {
		for _, m := range g.Items {
			cj := commentJSON{ID: m.ID, Article: m.Article, Name: m.Name, Organization: m.Organization, Body: m.Body, Answer: m.Answer,
				SentAt: m.CreatedAt.In(congtin.VietnamZone)}
			cj.File = s.fileJSON(siteFrom(r.Context()), m.File)
			j.Comments = append(j.Comments, cj)
		}
	}
	writeJSON(w, http.StatusOK, j)
}
