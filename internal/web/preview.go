package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// jsonLD marshals a JSON-LD document. json.Marshal escapes <, > and &, so
// the text cannot close its script element.
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

func isoTime(t time.Time) string { return t.In(congtin.VietnamZone).Format(time.RFC3339) }

// articlePreview builds the Open Graph and Twitter card tags and the
// JSON-LD NewsArticle and BreadcrumbList of an article page.
func (s *Server) articlePreview(r *http.Request, site *congtin.Site, a *congtin.Article, crumbs congtin.Categories, canonical string) *render.Preview {
	p := &render.Preview{Type: "article", Title: a.Title, Description: a.Lead, URL: canonical, SiteName: site.Name,
		Published: isoTime(a.PublishedAt), Modified: isoTime(a.UpdatedAt)}
	if a.Image != "" {
		p.Image = a.Image
		if strings.HasPrefix(p.Image, "/") {
			p.Image = s.siteURL(siteFrom(r.Context()), p.Image)
		}
	}
	publisher := map[string]any{"@type": "Organization", "name": site.Name, "url": s.siteURL(siteFrom(r.Context()), "/"),
		"logo": map[string]any{"@type": "ImageObject", "url": s.siteURL(siteFrom(r.Context()), s.Assets.URL("emblem.svg"))}}
	article := map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": a.Title, "description": a.Lead,
		"datePublished": p.Published, "dateModified": p.Modified,
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": canonical},
		"publisher":        publisher, "inLanguage": "vi",
	}
	if a.Author != "" {
		article["author"] = []map[string]any{{"@type": "Person", "name": a.Author}}
	} else {
		article["author"] = []map[string]any{{"@type": "Organization", "name": site.Name}}
	}
	if p.Image != "" {
		article["image"] = []string{p.Image}
	}
	items := []map[string]any{{"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": s.siteURL(siteFrom(r.Context()), "/")}}
	for _, c := range crumbs {
		items = append(items, map[string]any{"@type": "ListItem", "position": len(items) + 1, "name": c.Name, "item": s.siteURL(siteFrom(r.Context()), c.Path())})
	}
	items = append(items, map[string]any{"@type": "ListItem", "position": len(items) + 1, "name": a.Title, "item": canonical})
	crumbList := map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
	p.JSONLD = []template.JS{jsonLD(article), jsonLD(crumbList)}
	return p
}
