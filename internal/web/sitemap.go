package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// Sitemaps for search engines: an index, a map of the home and category
// pages, the articles oldest first in pages (so a page's contents stay put
// as news arrives on the last one), and a Google News map of the last 48
// hours. Pages hold sitemapPageSize URLs, well under the protocol's
// 50,000, to bound the memory one crawler's request takes.
const (
	sitemapPageSize = 10000
	newsWindow      = 48 * time.Hour
	newsMax         = 1000 // Google News takes at most 1,000 URLs per map
)

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc string `xml:"loc"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	News    string       `xml:"xmlns:news,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string       `xml:"loc"`
	LastMod string       `xml:"lastmod,omitempty"`
	News    *sitemapNews `xml:"news:news,omitempty"`
}

type sitemapNews struct {
	Publication struct {
		Name     string `xml:"news:name"`
		Language string `xml:"news:language"`
	} `xml:"news:publication"`
	PublicationDate string `xml:"news:publication_date"`
	Title           string `xml:"news:title"`
}

// w3cTime formats a time as sitemaps want it, in Vietnam time.
func w3cTime(t time.Time) string { return t.In(congtin.VietnamZone).Format(time.RFC3339) }

func (s *Server) writeXML(w http.ResponseWriter, v any) {
	b, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		s.Log.Error("sitemap", "error", err)
		http.Error(w, "Lỗi hệ thống", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=600")
	w.Write([]byte(xml.Header))
	w.Write(b)
}

func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/\nDisallow: /ban-in/\n" +
		// A question's lookup and thank-you pages carry its code.
		"Disallow: /hoi-dap/tra-cuu\nDisallow: /hoi-dap/da-gui\n\n" +
		"Sitemap: " + s.siteURL(siteFrom(r.Context()), "/sitemap.xml") + "\nSitemap: " + s.siteURL(siteFrom(r.Context()), "/sitemap/tin-moi.xml") + "\n"))
}

func (s *Server) handleSitemapIndex(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	_, total, err := s.Articles.FindArticles(r.Context(), congtin.ArticleFilter{SiteID: site.ID, Limit: 1})
	if err != nil {
		s.error(w, r, err)
		return
	}
	idx := sitemapIndex{Sitemaps: []sitemapRef{{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/chuyen-muc.xml")}}}
	for p := 1; (p-1)*sitemapPageSize < total; p++ {
		idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/bai-viet/"+strconv.Itoa(p)+".xml")})
	}
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/tin-moi.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/van-ban.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/lay-y-kien.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/du-lieu-mo.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/du-an.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/thu-tuc-hanh-chinh.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/hoi-dap.xml")})
	idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: s.siteURL(siteFrom(r.Context()), "/sitemap/trang.xml")})
	s.writeXML(w, idx)
}

func (s *Server) handleSitemapCategories(w http.ResponseWriter, r *http.Request) {
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(siteFrom(r.Context()), "/")}}}
	for _, c := range categoriesFrom(r.Context()) {
		if !c.Hidden {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), c.Path())})
		}
	}
	s.writeXML(w, set)
}

func (s *Server) handleSitemapArticles(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	cats := categoriesFrom(r.Context())
	page, ok := parseID(strings.TrimSuffix(r.PathValue("page"), ".xml"))
	if !ok || !strings.HasSuffix(r.PathValue("page"), ".xml") || page > 1_000_000 {
		s.error(w, r, notFound())
		return
	}
	as, total, err := s.Articles.FindArticles(r.Context(), congtin.ArticleFilter{
		SiteID: site.ID, Oldest: true, Offset: int(page-1) * sitemapPageSize, Limit: sitemapPageSize,
	})
	if err != nil {
		s.error(w, r, err)
		return
	}
	if len(as) == 0 && (page > 1 || total > 0) {
		s.error(w, r, notFound())
		return
	}
	set := urlSet{}
	for _, a := range as {
		if c := cats.ByID(a.CategoryID); c != nil {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), a.Path(c.Slug)), LastMod: w3cTime(a.UpdatedAt)})
		}
	}
	s.writeXML(w, set)
}

func (s *Server) handleSitemapNews(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	cats := categoriesFrom(r.Context())
	as, _, err := s.Articles.FindArticles(r.Context(), congtin.ArticleFilter{SiteID: site.ID, From: s.now().Add(-newsWindow), Limit: newsMax})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{News: "http://www.google.com/schemas/sitemap-news/0.9"}
	for _, a := range as {
		c := cats.ByID(a.CategoryID)
		if c == nil {
			continue
		}
		n := &sitemapNews{PublicationDate: w3cTime(a.PublishedAt), Title: a.Title}
		n.Publication.Name, n.Publication.Language = site.Name, "vi"
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), a.Path(c.Slug)), News: n})
	}
	s.writeXML(w, set)
}

// handleSitemapSections lists the portal's own sections: the schedule,
// the about pages in both languages, the organisation chart, the links.
func (s *Server) handleSitemapSections(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	pages, err := s.Sections.FindPages(r.Context(), site.ID, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{}
	for _, p := range []string{"/lich-cong-tac", congtin.AboutPrefix, chartPath, "/lien-ket", "/en/", chartPathEN} {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), p)})
	}
	for _, p := range pages {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), p.Path()), LastMod: w3cTime(p.UpdatedAt)})
		if p.HasEnglish() {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(siteFrom(r.Context()), p.PathEN()), LastMod: w3cTime(p.UpdatedAt)})
		}
	}
	s.writeXML(w, set)
}
