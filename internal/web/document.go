package web

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/search"
)

// The documents register's public side: /van-ban (list, search, facets),
// /van-ban/{slug}-{id} (a document), its attachments, print view, RSS,
// sitemap and JSON API. These pages are rendered per request rather than
// kept in the page cache: documents change no article and leave no entry
// in the change log that would tell the cache to drop them.

const documentPageSize = 20

// DocumentReader is what the register's pages, feed, sitemap and API read.
type DocumentReader interface {
	// FindDocumentByID returns any document of the site with its files
	// and links; ENOTFOUND when there is none.
	FindDocumentByID(ctx context.Context, siteID, id int64) (*congtin.Document, error)
	// FindDocuments lists and searches public documents, with facet
	// counts on request. Any text is a valid query.
	FindDocuments(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error)
	// SuggestDocuments returns the public documents whose number or
	// summary starts with what a reader is typing. Any text is valid.
	SuggestDocuments(ctx context.Context, siteID int64, q string) ([]*congtin.Document, error)
}

// documentRoutes adds the register's routes; more specific than the
// catch-all content route, they win over it.
func (s *Server) documentRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /van-ban", s.handleDocuments)
	mux.HandleFunc("GET /van-ban/{ref}", s.handleDocument)
	mux.HandleFunc("GET /van-ban/{id}/tep/{file}", s.publicFile(func(r *http.Request, id int64, ok bool) ([]*congtin.DocumentFile, error) {
		d, err := s.findPublicDocument(r, id, ok)
		if err != nil {
			return nil, err
		}
		return d.Files, nil
	}))
	mux.HandleFunc("GET /ban-in/van-ban/{id}", s.handleDocumentPrint)
	mux.HandleFunc("GET /rss/van-ban", s.handleDocumentFeed)
	mux.HandleFunc("GET /sitemap/van-ban.xml", s.handleSitemapDocuments)
	mux.HandleFunc("GET /api/v1/van-ban", s.handleDocumentsAPI)
	mux.HandleFunc("GET /api/v1/van-ban/suggest", s.handleDocumentSuggest)
	mux.HandleFunc("GET /api/v1/van-ban/{id}", s.handleDocumentAPI)
}

// documentRequest is the parsed query of /van-ban and its JSON twin.
type documentRequest struct {
	values url.Values // the filters, as given, for building links
	page   int
	query  congtin.DocumentQuery
}

// parseDocumentQuery reads the filters. Any text is a valid query; the
// filters must be well formed.
func parseDocumentQuery(q url.Values, siteID int64) (*documentRequest, error) {
	dr := &documentRequest{values: url.Values{}, page: 1}
	dr.query = congtin.DocumentQuery{SiteID: siteID, Limit: documentPageSize, Facets: true}
	text := strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), "\uFFFD"))
	if r := []rune(text); len(r) > maxQueryChars {
		text = string(r[:maxQueryChars])
	}
	dr.query.Q = text
	if text != "" {
		dr.values.Set("q", text)
	}
	if q.Get("nguyen-van") != "" {
		// Search exactly what was typed, never as Telex or VNI typing.
		dr.query.Verbatim = true
		dr.values.Set("nguyen-van", "1")
	}
	id := func(key, label string) (int64, error) {
		v := q.Get(key)
		if v == "" {
			return 0, nil
		}
		n, ok := parseID(v)
		if !ok {
			return 0, congtin.Errorf(congtin.EINVALID, "%s không hợp lệ: “%s”.", label, clip(v))
		}
		dr.values.Set(key, v)
		return n, nil
	}
	var err error
	if dr.query.TypeID, err = id("loai", "Loại văn bản"); err != nil {
		return dr, err
	}
	if dr.query.FieldID, err = id("linh-vuc", "Lĩnh vực"); err != nil {
		return dr, err
	}
	if v := strings.TrimSpace(q.Get("co-quan")); v != "" {
		if len(v) > 1000 || strings.ContainsRune(v, 0) {
			return dr, congtin.Errorf(congtin.EINVALID, "Cơ quan ban hành không hợp lệ.")
		}
		dr.query.Issuer = strings.ToValidUTF8(v, "\uFFFD")
		dr.values.Set("co-quan", dr.query.Issuer)
	}
	if v := q.Get("nam"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < 1945 || y > 2200 {
			return dr, congtin.Errorf(congtin.EINVALID, "Năm ban hành không hợp lệ: “%s”. Hãy ghi năm có bốn chữ số, ví dụ 2024.", clip(v))
		}
		dr.query.Year = y
		dr.values.Set("nam", v)
	}
	switch v := q.Get("hieu-luc"); v {
	case "":
	case congtin.InForce, congtin.Expired:
		dr.query.Force = v
		dr.values.Set("hieu-luc", v)
	default:
		return dr, congtin.Errorf(congtin.EINVALID, "Tình trạng hiệu lực không hợp lệ: “%s”.", clip(v))
	}
	if dr.page, err = parsePage(q); err != nil {
		dr.page = 1
		return dr, err
	}
	dr.query.Offset = (dr.page - 1) * documentPageSize
	return dr, nil
}

// with returns the list's URL with key set to value ("" removes it),
// back on page 1.
func (dr *documentRequest) with(key, value string) string {
	v := url.Values{}
	for k, vs := range dr.values {
		v[k] = vs
	}
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	if e := v.Encode(); e != "" {
		return "/van-ban?" + e
	}
	return "/van-ban"
}

// forceName is the Vietnamese name of a status in force.
func forceName(v string) string {
	if v == congtin.Expired {
		return "Hết hiệu lực"
	}
	return "Còn hiệu lực"
}

// facetGroups turns the store's counts into links.
func (dr *documentRequest) facetGroups(f *congtin.DocumentFacets) ([]render.FacetGroup, []render.ActiveFilter) {
	var groups []render.FacetGroup
	var active []render.ActiveFilter
	add := func(label, key, current string, values []congtin.FacetValue, name func(congtin.FacetValue) (string, string)) {
		g := render.FacetGroup{Label: label}
		for _, v := range values {
			text, val := name(v)
			cur := val == current
			g.Values = append(g.Values, render.FacetLink{Label: text, Count: v.Count, URL: dr.with(key, val), Current: cur})
			if cur {
				active = append(active, render.ActiveFilter{Label: label + ": " + text, RemoveURL: dr.with(key, "")})
			}
		}
		if len(g.Values) > 0 {
			groups = append(groups, g)
		}
	}
	byID := func(v congtin.FacetValue) (string, string) { return v.Value, strconv.FormatInt(v.ID, 10) }
	add("Loại văn bản", "loai", dr.values.Get("loai"), f.Types, byID)
	add("Lĩnh vực", "linh-vuc", dr.values.Get("linh-vuc"), f.Fields, byID)
	add("Cơ quan ban hành", "co-quan", dr.values.Get("co-quan"), f.Issuers, func(v congtin.FacetValue) (string, string) { return v.Value, v.Value })
	add("Năm ban hành", "nam", dr.values.Get("nam"), f.Years, func(v congtin.FacetValue) (string, string) { return v.Value, v.Value })
	add("Hiệu lực", "hieu-luc", dr.values.Get("hieu-luc"), f.Force, func(v congtin.FacetValue) (string, string) { return forceName(v.Value), v.Value })
	// A filter with no document left still shows, so it can be removed.
	for _, k := range []struct{ key, label string }{{"loai", "Loại văn bản"}, {"linh-vuc", "Lĩnh vực"}, {"co-quan", "Cơ quan ban hành"}, {"nam", "Năm ban hành"}, {"hieu-luc", "Hiệu lực"}} {
		if v := dr.values.Get(k.key); v != "" {
			found := false
			for _, a := range active {
				if strings.HasPrefix(a.Label, k.label+": ") {
					found = true
				}
			}
			if !found {
				active = append(active, render.ActiveFilter{Label: k.label + ": " + v, RemoveURL: dr.with(k.key, "")})
			}
		}
	}
	return groups, active
}

func (s *Server) documentItems(ds []*congtin.Document) []render.DocumentItem {
	now := s.now()
	out := make([]render.DocumentItem, len(ds))
	for i, d := range ds {
		out[i] = render.DocumentItem{Document: d, URL: d.Path(), Expired: d.Expired(now), NotYet: d.NotYetEffective(now)}
	}
	return out
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	dr, perr := parseDocumentQuery(r.URL.Query(), site.ID)
	page := &render.DocumentsPage{Base: base, Q: dr.query.Q, FeedURL: "/rss/van-ban"}
	page.Title, page.SearchQ, page.ActiveSlug = "Văn bản", "", "van-ban"
	page.Description = "Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành của " + site.Name
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/van-ban")
	status := http.StatusOK
	if perr != nil {
		status = http.StatusBadRequest
		page.Error = congtin.ErrorMessage(perr)
		dr.query = congtin.DocumentQuery{SiteID: site.ID, Limit: documentPageSize, Facets: true}
		dr.values = url.Values{}
	}
	res, err := s.Documents.FindDocuments(r.Context(), dr.query)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if perr == nil {
		if err := checkPage(dr.page, res.Total, documentPageSize); err != nil {
			s.error(w, r, err)
			return
		}
	}
	page.Documents, page.Total = s.documentItems(res.Documents), res.Total
	if len(res.FileTexts) > 0 {
		fileSnippets(page.Documents, res.FileTexts, parseQuery(cmp.Or(res.Searched, dr.query.Q), dr.query.Spellings))
	}
	if res.Approximate {
		page.Approximate = nearNotice("văn bản", cmp.Or(res.Searched, dr.query.Q))
	}
	if res.Searched != "" {
		page.Searched, page.VerbatimURL = res.Searched, dr.with("nguyen-van", "1")
	}
	if res.Suggestion != "" {
		page.Suggestion = &render.Suggestion{Text: res.Suggestion, URL: suggestionURL("/van-ban", r.URL.Query(), res.Suggestion)}
	}
	page.Facets, page.Active = dr.facetGroups(res.Facets)
	page.Pager = pager("/van-ban", dr.values, dr.page, res.Total, documentPageSize)
	if res.Total == 0 {
		page.Message = "Không có văn bản nào phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt điều kiện lọc."
		if dr.query.Q == "" && len(dr.values) == 0 {
			page.Message = "Chưa có văn bản nào được đăng."
		}
	}
	if dr.query.Q != "" {
		page.Title = "Văn bản: " + dr.query.Q
	}
	s.render(w, status, "documents", page)
}

// findPublicDocument returns the public document of the site that the
// request's path names by id (ok: the path held a valid ID): ENOTFOUND
// for a path without one, or a document that never was public; EGONE for
// one taken down.
func (s *Server) findPublicDocument(r *http.Request, id int64, ok bool) (*congtin.Document, error) {
	if !ok {
		return nil, notFound()
	}
	site := siteFrom(r.Context())
	d, err := s.Documents.FindDocumentByID(r.Context(), site.ID, id)
	if err != nil {
		return nil, err
	}
	if d.Status == congtin.StatusUnpublished {
		return nil, congtin.Errorf(congtin.EGONE, "Văn bản này đã được gỡ khỏi cổng thông tin.")
	}
	if !d.IsPublic(s.now()) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy văn bản.")
	}
	return d, nil
}

// documentPage prepares what the page and its print view show.
func (s *Server) documentPage(d *congtin.Document) *render.DocumentPage {
	now := s.now()
	p := &render.DocumentPage{Doc: d, Expired: d.Expired(now), NotYet: d.NotYetEffective(now),
		PrintURL: "/ban-in/van-ban/" + strconv.FormatInt(d.ID, 10), BackURL: "/van-ban"}
	for _, dir := range []struct {
		links   []*congtin.DocumentLink
		reverse bool
	}{{d.Links, false}, {d.Backlinks, true}} {
		for _, kind := range congtin.LinkKinds {
			g := render.DocumentLinkGroup{Label: congtin.LinkName(kind, dir.reverse)}
			for _, l := range dir.links {
				if l.Kind == kind && l.Public {
					g.Links = append(g.Links, l)
					if dir.reverse && kind == congtin.LinkReplaces && p.ReplacedBy == nil {
						p.ReplacedBy = l
					}
				}
			}
			if len(g.Links) > 0 {
				p.Links = append(p.Links, g)
			}
		}
	}
	switch {
	case p.ReplacedBy != nil:
		p.ExpiredMessage = "Văn bản này đã hết hiệu lực: được thay thế bởi " + p.ReplacedBy.TypeName + " số " + p.ReplacedBy.Number + "."
	case p.Expired:
		p.ExpiredMessage = "Văn bản này đã hết hiệu lực từ ngày " + render.ShortDate(d.ExpiresOn) + "."
	}
	for _, f := range d.Files {
		p.Files = append(p.Files, render.DocumentFileItem{DocumentFile: f, Size: render.FileSize(f.Size), TypeName: fileTypeName(f.Kind),
			URL: "/van-ban/" + strconv.FormatInt(d.ID, 10) + "/tep/" + strconv.FormatInt(f.ID, 10)})
	}
	return p
}

func fileTypeName(kind string) string {
	switch kind {
	case congtin.FilePDF:
		return "PDF"
	case congtin.FileDOC, congtin.FileDOCX:
		return "Word"
	case congtin.FileXLS, congtin.FileXLSX:
		return "Excel"
	case congtin.FileJPEG, congtin.FilePNG, congtin.FileTIFF:
		return "Ảnh quét"
	}
	return kind
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	id, ok := articleID(r.PathValue("ref"))
	d, err := s.findPublicDocument(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A corrected number changes the slug; the ID keeps old links alive.
	if r.URL.Path != d.Path() {
		http.Redirect(w, r, d.Path(), http.StatusMovedPermanently)
		return
	}
	page := s.documentPage(d)
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title = d.TypeName + " " + d.Number
	page.Description = d.Summary
	page.Canonical = s.siteURL(siteFrom(r.Context()), d.Path())
	page.ActiveSlug = "van-ban"
	s.render(w, http.StatusOK, "document", page)
}

func (s *Server) handleDocumentPrint(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	d, err := s.findPublicDocument(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.DocumentPrintPage{Page: s.documentPage(d),
		PrintBase: render.PrintBase{Site: siteFrom(r.Context()), SourceURL: s.siteURL(siteFrom(r.Context()), d.Path()), BackURL: d.Path()}}
	s.render(w, http.StatusOK, "document_print", page)
}

// publicFile is the handler of /…/{id}/tep/{file}: the attachment {file}
// of the published document or consultation {id}, whose files find
// returns (an error for an item not public), for download.
func (s *Server) publicFile(find func(r *http.Request, id int64, ok bool) ([]*congtin.DocumentFile, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fid, ok := parseID(r.PathValue("file"))
		if !ok || s.Files == nil {
			s.error(w, r, notFound())
			return
		}
		id, ok := parseID(r.PathValue("id"))
		files, err := find(r, id, ok)
		if err != nil {
			s.error(w, r, err)
			return
		}
		for _, f := range files {
			if f.ID == fid {
				if err := docfile.Serve(w, r, s.Files, f, true); err != nil {
					s.error(w, r, err)
				}
				return
			}
		}
		s.error(w, r, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp đính kèm."))
	}
}

func (s *Server) handleDocumentFeed(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	res, err := s.Documents.FindDocuments(r.Context(), congtin.DocumentQuery{SiteID: site.ID, Limit: feedItems})
	if err != nil {
		s.error(w, r, err)
		return
	}
	ch := rssChannel{Title: site.Name + " – Văn bản", Link: s.siteURL(siteFrom(r.Context()), "/van-ban"), Description: "Văn bản của " + site.Name, Language: "vi",
		Self: rssSelf{Href: s.siteURL(siteFrom(r.Context()), "/rss/van-ban"), Rel: "self", Type: "application/rss+xml"}}
	var last time.Time
	for _, d := range res.Documents {
		link := s.siteURL(siteFrom(r.Context()), d.Path())
		ch.Items = append(ch.Items, rssItem{Title: d.TypeName + " " + d.Number, Link: link, GUID: rssGUID{Value: link, Permalink: true},
			Description: d.Summary, PubDate: rssTime(d.PublishedAt), Category: d.TypeName})
		if d.PublishedAt.After(last) {
			last = d.PublishedAt
		}
	}
	if !last.IsZero() {
		ch.LastBuildDate = rssTime(last)
	}
	s.writeRSS(w, r, ch)
}

func (s *Server) handleSitemapDocuments(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	res, err := s.Documents.FindDocuments(r.Context(), congtin.DocumentQuery{SiteID: site.ID, Limit: sitemapPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(siteFrom(r.Context()), "/van-ban")}}}
	for _, d := range res.Documents {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), d.Path()), LastMod: w3cTime(d.UpdatedAt)})
	}
	s.writeXML(w, set)
}

// documentJSON is a document as the API gives it.
type documentJSON struct {
	ID          int64              `json:"id"`
	URL         string             `json:"url"`
	Type        string             `json:"type"`
	Number      string             `json:"number"`
	Issuer      string             `json:"issuer"`
	Signer      string             `json:"signer,omitempty"`
	Field       string             `json:"field,omitempty"`
	IssuedOn    string             `json:"issued_on"`
	EffectiveOn string             `json:"effective_on,omitempty"`
	ExpiresOn   string             `json:"expires_on,omitempty"`
	Summary     string             `json:"summary"`
	InForce     bool               `json:"in_force"`
	ReplacedBy  int64              `json:"replaced_by,omitempty"`
	PublishedAt time.Time          `json:"published_at"`
	Files       []documentFileJSON `json:"files,omitempty"`
	Related     []documentLinkJSON `json:"related,omitempty"`
}

type documentFileJSON struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

type documentLinkJSON struct {
	Relation string `json:"relation"`
	ID       int64  `json:"id"`
	Number   string `json:"number"`
	URL      string `json:"url"`
}

func (s *Server) toJSON(r *http.Request, d *congtin.Document) documentJSON {
	j := documentJSON{ID: d.ID, URL: s.siteURL(siteFrom(r.Context()), d.Path()), Type: d.TypeName, Number: d.Number, Issuer: d.Issuer, Signer: d.Signer,
		Field: d.FieldName, IssuedOn: congtin.DayString(d.IssuedOn), EffectiveOn: congtin.DayString(d.EffectiveOn),
		ExpiresOn: congtin.DayString(d.ExpiresOn), Summary: d.Summary, InForce: !d.Expired(s.now()), ReplacedBy: d.ReplacedBy,
		PublishedAt: d.PublishedAt.In(congtin.VietnamZone)}
	p := s.documentPage(d)
	for _, f := range p.Files {
		j.Files = append(j.Files, documentFileJSON{Name: docfile.DownloadName(f.DocumentFile), URL: s.siteURL(siteFrom(r.Context()), f.URL), ContentType: congtin.FileContentType(f.Kind), Size: f.DocumentFile.Size})
	}
	for _, g := range p.Links {
		for _, l := range g.Links {
			j.Related = append(j.Related, documentLinkJSON{Relation: g.Label, ID: l.ID, Number: l.Number, URL: s.siteURL(siteFrom(r.Context()), l.Path())})
		}
	}
	return j
}

func (s *Server) handleDocumentsAPI(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	dr, err := parseDocumentQuery(r.URL.Query(), site.ID)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	res, err := s.Documents.FindDocuments(r.Context(), dr.query)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := struct {
		searchMeta
		Results []documentJSON          `json:"results"`
		Facets  *congtin.DocumentFacets `json:"facets"`
	}{searchMeta: newSearchMeta(dr.query.Q, dr.page, searchOutcome{res.Total, res.Approximate, res.Searched, res.Typing, res.Suggestion}, "văn bản"),
		Results: []documentJSON{}, Facets: res.Facets}
	for _, d := range res.Documents {
		out.Results = append(out.Results, s.toJSON(r, d))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleDocumentAPI(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		s.jsonError(w, r, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy văn bản."))
		return
	}
	d, err := s.findPublicDocument(r, id, ok)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.toJSON(r, d))
}

// fileSnippets gives each result whose attachments hold words of the
// query a snippet of the file and page with the most of them. A PDF's
// pages are separated by form feeds in its text (internal/docfile).
func fileSnippets(items []render.DocumentItem, texts map[int64][]*congtin.DocumentFile, pq *search.Query) {
	for i := range items {
		best := 0
		for _, f := range texts[items[i].ID] {
			pages := strings.Split(f.Text, "\f")
			for n, p := range pages {
				seg := search.Snippet(pq, p)
				if m := matches(seg); m > best {
					best = m
					items[i].Snippet, items[i].SnippetFile, items[i].SnippetPage = seg, f.Name, 0
					if len(pages) > 1 {
						items[i].SnippetPage = n + 1
					}
				}
			}
		}
	}
}

// matches counts the words a snippet marks.
func matches(seg []search.Segment) int {
	n := 0
	for _, s := range seg {
		if s.Match {
			n++
		}
	}
	return n
}
