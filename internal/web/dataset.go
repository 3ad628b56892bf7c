package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/dcat"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
)

// The open-data catalogue (Dữ liệu mở): /du-lieu-mo with facets and the
// list's own search, a dataset's page with its resources, the preview of
// its tables and an API example, the resources' downloads and the
// sitemap. Like the documents register's, these pages are rendered per
// request rather than kept in the page cache: a dataset leaves no entry
// in the change log.

// DatasetReader is what the catalogue's pages read.
type DatasetReader interface {
	// FindDatasetByID returns any dataset of the site; ENOTFOUND when
	// there is none.
	FindDatasetByID(ctx context.Context, siteID, id int64) (*congtin.Dataset, error)
	// FindDatasets lists datasets matching the filter and their total.
	FindDatasets(ctx context.Context, f congtin.DatasetFilter) ([]*congtin.Dataset, int, error)
	// FindDatasetFacets counts the datasets the filter selects by facet.
	FindDatasetFacets(ctx context.Context, f congtin.DatasetFilter) (*congtin.DatasetFacets, error)
}

// datasetPageSize is the catalogue's page.
const datasetPageSize = 20

func (s *Server) datasetRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /du-lieu-mo", s.handleDatasets)
	mux.HandleFunc("GET /du-lieu-mo/{ref}", s.handleDataset)
	mux.HandleFunc("GET /du-lieu-mo/catalog.jsonld", s.handleCatalog)
	mux.HandleFunc("GET /du-lieu-mo/catalog.ttl", s.handleCatalog)
	mux.HandleFunc("GET /du-lieu-mo/{id}/tai-nguyen/{rid}", s.handleResource)
	mux.HandleFunc("GET /sitemap/du-lieu-mo.xml", s.handleSitemapDatasets)
}

// The catalogue's parameters: the search and the four facets.
const (
	paramTheme     = "chu-de"
	paramPublisher = "don-vi"
	paramFormat    = "dinh-dang"
	paramLicence   = "giay-phep"
)

// datasetFilter reads the catalogue's query: the search, any text
// clipped, and the facets, each checked; a bad value is refused with what
// is wrong.
func datasetFilter(q url.Values) (congtin.DatasetFilter, error) {
	f := congtin.DatasetFilter{Q: listQuery(q.Get("q"))}
	for _, p := range []struct {
		name string
		into *int64
	}{{paramTheme, &f.ThemeID}, {paramPublisher, &f.PublisherID}} {
		if v := q.Get(p.name); v != "" {
			id, ok := parseID(v)
			if !ok {
				return f, congtin.Errorf(congtin.EINVALID, "Bộ lọc không hợp lệ: “%s”.", clip(v))
			}
			*p.into = id
		}
	}
	if v := q.Get(paramFormat); v != "" {
		if !congtin.ValidFormat(v) {
			return f, congtin.Errorf(congtin.EINVALID, "Định dạng không hợp lệ: “%s”. Hãy dùng CSV, XLSX, JSON hoặc API.", clip(v))
		}
		f.Format = v
	}
	if v := q.Get(paramLicence); v != "" {
		if congtin.LicenceOf(v) == nil {
			return f, congtin.Errorf(congtin.EINVALID, "Giấy phép không hợp lệ: “%s”.", clip(v))
		}
		f.Licence = v
	}
	return f, nil
}

// withParam is the catalogue's URL for q with one parameter set (or
// dropped when v is ""), back on its first page.
func withParam(q url.Values, name, v string) string {
	c := url.Values{}
	for k, vs := range q {
		if k != "trang" {
			c[k] = vs
		}
	}
	if v == "" {
		c.Del(name)
	} else {
		c.Set(name, v)
	}
	if e := c.Encode(); e != "" {
		return "/du-lieu-mo?" + e
	}
	return "/du-lieu-mo"
}

// datasetFacets turns the counts into links that combine with the rest
// of the query, and names the facets chosen.
func datasetFacets(q url.Values, fs *congtin.DatasetFacets) (groups []render.FacetGroup, active []render.ActiveFilter) {
	for _, g := range []struct {
		label, param string
		values       []congtin.Facet
	}{
		{"Chủ đề", paramTheme, fs.Themes},
		{"Đơn vị công bố", paramPublisher, fs.Publishers},
		{"Định dạng", paramFormat, fs.Formats},
		{"Giấy phép", paramLicence, fs.Licences},
	} {
		fg := render.FacetGroup{Label: g.label}
		for _, v := range g.values {
			key := v.Value
			if v.ID != 0 {
				key = strconv.FormatInt(v.ID, 10)
			}
			cur := q.Get(g.param) == key
			link := render.FacetLink{Label: v.Name, Count: v.Count, URL: withParam(q, g.param, key), Current: cur}
			if cur {
				link.URL = withParam(q, g.param, "")
				active = append(active, render.ActiveFilter{Label: g.label + ": " + v.Name, RemoveURL: link.URL})
			}
			fg.Values = append(fg.Values, link)
		}
		if len(fg.Values) > 0 {
			groups = append(groups, fg)
		}
	}
	if q.Get("q") != "" {
		active = append(active, render.ActiveFilter{Label: "Từ khóa: " + q.Get("q"), RemoveURL: withParam(q, "q", "")})
	}
	return groups, active
}

func (s *Server) handleDatasets(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q := r.URL.Query()
	f, err := datasetFilter(q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	pageNo, err := parsePage(q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	f.SiteID, f.Public, f.Now = site.ID, true, s.now()
	f.Offset, f.Limit = (pageNo-1)*datasetPageSize, datasetPageSize
	page := &render.DatasetsPage{Base: base, Q: f.Q}
	page.Title, page.ActiveSlug = "Dữ liệu mở", "du-lieu-mo"
	page.Description = "Danh mục dữ liệu mở của " + site.Name
	page.Canonical = s.siteURL(site, "/du-lieu-mo")
	if page.Datasets, page.Total, err = s.Datasets.FindDatasets(r.Context(), f); err != nil {
		s.error(w, r, err)
		return
	}
	if err := checkPage(pageNo, page.Total, datasetPageSize); err != nil {
		s.error(w, r, err)
		return
	}
	fs, err := s.Datasets.FindDatasetFacets(r.Context(), f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Facets, page.Active = datasetFacets(q, fs)
	page.Pager = pager("/du-lieu-mo", q, pageNo, page.Total, datasetPageSize)
	if f.Q != "" {
		page.Title = "Dữ liệu mở: " + f.Q
	}
	s.render(w, http.StatusOK, "datasets", page)
}

// findPublicDataset returns the public dataset of the site that the path
// names by id (ok: the path held a valid ID): ENOTFOUND for a path
// without one, or one that never was public; EGONE for one taken down.
func (s *Server) findPublicDataset(r *http.Request, id int64, ok bool) (*congtin.Dataset, error) {
	if !ok {
		return nil, notFound()
	}
	d, err := s.Datasets.FindDatasetByID(r.Context(), siteFrom(r.Context()).ID, id)
	if err != nil {
		return nil, err
	}
	if d.Status == congtin.StatusUnpublished {
		return nil, congtin.Errorf(congtin.EGONE, "Tập dữ liệu này đã được gỡ khỏi cổng thông tin.")
	}
	if !d.IsPublic(s.now()) {
		return nil, congtin.NotFound(congtin.KindDataset)
	}
	return d, nil
}

func (s *Server) handleDataset(w http.ResponseWriter, r *http.Request) {
	id, ok := articleID(r.PathValue("ref"))
	d, err := s.findPublicDataset(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A corrected title changes the slug; the ID keeps old links alive.
	if r.URL.Path != d.Path() {
		http.Redirect(w, r, d.Path(), http.StatusMovedPermanently)
		return
	}
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.DatasetPage{Base: base, Dataset: d, Licence: d.LicenceInfo(), Frequency: d.FrequencyInfo()}
	page.Title, page.ActiveSlug = d.Title, "du-lieu-mo"
	page.Description = clipRunes(d.Description, 200)
	page.Canonical = s.siteURL(site, d.Path())
	page.Preview = &render.Preview{Type: "website", Title: d.Title, Description: page.Description, URL: page.Canonical, SiteName: site.Name}
	if ld, err := dcat.JSONLD(dcat.Dataset(site, s.siteURLs(site), d)); err == nil {
		// json.Marshal escapes <, > and &: a title cannot end the script.
		page.Preview.JSONLD = []template.JS{template.JS(ld)}
	}
	for _, p := range strings.Split(d.Description, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			page.Paragraphs = append(page.Paragraphs, p)
		}
	}
	downloads, err := s.Counter.DatasetDownloads(r.Context(), d.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	for _, res := range d.Resources {
		item := render.ResourceItem{Resource: res, URL: res.URL, PreviewID: "xem-truoc-" + strconv.FormatInt(res.ID, 10),
			Downloads: downloads[res.ID]}
		page.Downloads += item.Downloads
		if res.IsFile() {
			item.URL, item.Size = res.DownloadPath(), render.FileSize(res.Size)
		}
		page.Resources = append(page.Resources, item)
		if page.APIExample == "" {
			if res.IsFile() {
				page.APIExample = "curl -L -o " + shellWord(docfile.DownloadName(res.File())) + " " + shellWord(s.siteURL(site, res.DownloadPath()))
			} else {
				page.APIExample = "curl -L " + shellWord(res.URL)
			}
		}
	}
	s.render(w, http.StatusOK, "dataset", page)
}

// shellWord quotes a word for a POSIX shell.
func shellWord(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// clipRunes cuts s to n characters.
func clipRunes(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

// handleResource downloads a public dataset's file, or leads to a link's
// address.
func (s *Server) handleResource(w http.ResponseWriter, r *http.Request) {
	rid, ok := parseID(r.PathValue("rid"))
	if !ok {
		s.error(w, r, congtin.NotFound(congtin.KindResource))
		return
	}
	id, ok := parseID(r.PathValue("id"))
	d, err := s.findPublicDataset(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	for _, res := range d.Resources {
		if res.ID != rid {
			continue
		}
		if !res.IsFile() {
			// Only http(s) addresses are stored (congtin.CheckAccessURL).
			s.countDownload(r, d, res)
			http.Redirect(w, r, res.URL, http.StatusFound)
			return
		}
		if s.Files == nil {
			break
		}
		if err := docfile.Serve(w, r, s.Files, res.File(), true); err != nil {
			s.error(w, r, err)
			return
		}
		s.countDownload(r, d, res)
		return
	}
	s.error(w, r, congtin.NotFound(congtin.KindResource))
}

// countDownload counts a person's download of a resource as article views
// are counted (countable: no crawler, prefetch or HEAD); a download
// resumed from the middle of the file (a Range past its start) is the
// same download, not a new one.
func (s *Server) countDownload(r *http.Request, d *congtin.Dataset, res *congtin.Resource) {
	if !countable(r) {
		return
	}
	if rg := r.Header.Get("Range"); rg != "" && !strings.HasPrefix(rg, "bytes=0-") {
		return
	}
	s.Counter.CountDownload(d.SiteID, d.ID, res.ID)
}

func (s *Server) handleSitemapDatasets(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	ds, _, err := s.Datasets.FindDatasets(r.Context(), congtin.DatasetFilter{SiteID: site.ID, Public: true, Limit: sitemapPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(site, "/du-lieu-mo")}}}
	for _, d := range ds {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(site, d.Path()), LastMod: w3cTime(d.UpdatedAt)})
	}
	s.writeXML(w, set)
}
