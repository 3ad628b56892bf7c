package web

import (
	"encoding/xml"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// RSS 2.0 feeds: /rss for the whole site, /rss/{category} for a category
// with its children. Each item has the title, the full lead, the
// publication time (Vietnam), the category and the featured image as an
// enclosure.
const feedItems = 50

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Self          rssSelf   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	Description string        `xml:"description"`
	PubDate     string        `xml:"pubDate"`
	Category    string        `xml:"category,omitempty"`
	Enclosure   *rssEnclosure `xml:"enclosure,omitempty"`
}

type rssGUID struct {
	Value     string `xml:",chardata"`
	Permalink bool   `xml:"isPermaLink,attr"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// rssTime is RFC 822 with a numeric zone, in Vietnam time.
func rssTime(t time.Time) string { return t.In(congtin.VietnamZone).Format(time.RFC1123Z) }

func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	cats := categoriesFrom(ctx)
	f := congtin.ArticleFilter{SiteID: site.ID, Limit: feedItems}
	ch := rssChannel{Title: site.Name, Link: s.siteURL(siteFrom(r.Context()), "/"), Description: site.Tagline, Language: "vi",
		Self: rssSelf{Href: s.siteURL(siteFrom(r.Context()), r.URL.Path), Rel: "self", Type: "application/rss+xml"}}
	if slug := r.PathValue("slug"); slug != "" {
		c := cats.BySlug(slug)
		if c == nil || c.Hidden {
			s.error(w, r, congtin.Errorf(congtin.ENOTFOUND, "Không có chuyên mục này, nên không có kênh RSS của nó."))
			return
		}
		f.CategoryIDs = cats.Subtree(c.ID)
		ch.Title, ch.Link = site.Name+" – "+c.Name, s.siteURL(siteFrom(r.Context()), c.Path())
	}
	if ch.Description == "" {
		ch.Description = ch.Title
	}
	as, _, err := s.Articles.FindArticles(ctx, f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	for _, a := range as {
		c := cats.ByID(a.CategoryID)
		if c == nil {
			continue
		}
		link := s.siteURL(siteFrom(r.Context()), a.Path(c.Slug))
		it := rssItem{Title: a.Title, Link: link, GUID: rssGUID{Value: link, Permalink: true},
			Description: a.Lead, PubDate: rssTime(a.PublishedAt), Category: c.Name}
		if a.Image != "" {
			u := a.Image
			if strings.HasPrefix(u, "/") {
				u = s.siteURL(siteFrom(r.Context()), u)
			}
			typ := mime.TypeByExtension(path.Ext(a.Image))
			if typ == "" {
				typ = "image/jpeg"
			}
			// The length is unknown for an image outside the media library;
			// RSS readers take 0 as "not given".
			it.Enclosure = &rssEnclosure{URL: u, Type: typ}
		}
		ch.Items = append(ch.Items, it)
	}
	if len(as) > 0 {
		ch.LastBuildDate = rssTime(as[0].PublishedAt)
	}
	s.writeRSS(w, r, ch)
}

// writeRSS sends ch as an RSS 2.0 document; every feed of the site ends
// with it.
func (s *Server) writeRSS(w http.ResponseWriter, r *http.Request, ch rssChannel) {
	b, err := xml.MarshalIndent(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, "", " ")
	if err != nil {
		s.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write([]byte(xml.Header))
	w.Write(b)
}
