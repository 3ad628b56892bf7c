package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The portal's own sections beside the news: the work schedule
// (/lich-cong-tac), the about section (/gioi-thieu), the links
// (/lien-ket) and the English pages (/en/). Their pages are cached like
// the others, under the site's tag only: the change log records their
// writes as whole-site changes (see migration 0011).

// SectionReader is what the sections' pages, feeds, sitemap and API read.
type SectionReader interface {
	// FindPages lists the site's about pages in menu order, public ones
	// only when public is set.
	FindPages(ctx context.Context, siteID int64, public bool) ([]*congtin.Page, error)
	// FindPageBySlug returns a page by its Vietnamese slug, or by its
	// English one when en is set; ENOTFOUND when none.
	FindPageBySlug(ctx context.Context, siteID int64, slug string, en bool) (*congtin.Page, error)
	// FindUnits lists the organisation chart's units, flat, in order.
	FindUnits(ctx context.Context, siteID int64) ([]*congtin.Unit, error)
	// FindPublicSchedule returns entries of published weeks that start
	// in [from, to), by start time, at most limit (0: no limit).
	FindPublicSchedule(ctx context.Context, siteID int64, from, to time.Time, limit int) ([]*congtin.ScheduleEntry, error)
}

// sectionRoutes adds the sections' routes to mux.
func (s *Server) sectionRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /lich-cong-tac", s.handleSchedule)
	mux.HandleFunc("GET /lich-cong-tac/ban-in", s.handleSchedulePrint)
	mux.HandleFunc("GET /lich-cong-tac/rss", s.handleScheduleFeed)
	mux.HandleFunc("GET /api/v1/lich-cong-tac", s.handleScheduleAPI)
	mux.HandleFunc("GET /gioi-thieu", s.handleAboutIndex)
	mux.HandleFunc("GET /gioi-thieu/{slug}", s.handleAbout)
	mux.HandleFunc("GET /gioi-thieu/{slug}/ban-in", s.handleAboutPrint)
	mux.HandleFunc("GET /api/v1/gioi-thieu", s.handleAboutAPI)
	mux.HandleFunc("GET /lien-ket", s.handleLinks)
	mux.HandleFunc("GET /api/v1/lien-ket", s.handleLinksAPI)
	mux.HandleFunc("GET /en", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/en/", http.StatusMovedPermanently) })
	mux.HandleFunc("GET /en/{$}", s.handleEnglishHome)
	mux.HandleFunc("GET /en/about/{slug}", s.handleAboutEN)
	mux.HandleFunc("GET /en/about/{slug}/print", s.handleAboutPrintEN)
	mux.HandleFunc("GET /en/organisation", s.handleOrgChartEN)
	mux.HandleFunc("GET /en/{path...}", func(w http.ResponseWriter, r *http.Request) { s.error(w, r, notFound()) })
	mux.HandleFunc("GET /sitemap/trang.xml", s.handleSitemapSections)
}

// English reports whether a request is for the English part of the site.
func English(r *http.Request) bool {
	return r.URL.Path == "/en" || strings.HasPrefix(r.URL.Path, "/en/")
}

// sectionNav is the sections' entries in the Vietnamese menu.
var sectionNav = []render.NavLink{
	{Name: "Giới thiệu", URL: congtin.AboutPrefix, Slug: "gioi-thieu"},
	{Name: "Văn bản", URL: "/van-ban", Slug: "van-ban"},
	{Name: "Công khai", URL: congtin.DisclosurePrefix, Slug: "cong-khai"},
	{Name: "Lấy ý kiến", URL: "/lay-y-kien", Slug: "lay-y-kien"},
	{Name: "Dữ liệu mở", URL: "/du-lieu-mo", Slug: "du-lieu-mo"},
	{Name: "Dự án", URL: "/du-an", Slug: "du-an"},
	{Name: "Thủ tục hành chính", URL: congtin.ProcedurePrefix, Slug: "thu-tuc-hanh-chinh"},
	{Name: "Hỏi đáp", URL: "/hoi-dap", Slug: "hoi-dap"},
	{Name: "Lịch công tác", URL: "/lich-cong-tac", Slug: "lich-cong-tac"},
	{Name: "Thăm dò ý kiến", URL: "/tham-do", Slug: "tham-do"},
}

// linkGroups groups the site's links in the order of their first link.
func linkGroups(ls []*congtin.Link) []render.LinkGroup {
	var out []render.LinkGroup
	at := map[string]int{}
	for _, l := range ls {
		i, ok := at[l.Group]
		if !ok {
			i = len(out)
			at[l.Group] = i
			out = append(out, render.LinkGroup{Name: l.Group})
		}
		out[i].Links = append(out[i].Links, l)
	}
	return out
}

// englishBase makes a page's layout English: the English menu (home,
// the pages with an English version, the organisation chart), no
// Vietnamese categories, and no visit counter, whose labels are Vietnamese.
func englishBase(b *render.Base, pages []*congtin.Page, active string) {
	b.Lang = render.LangEN
	b.Menu, b.Categories, b.Nav = nil, nil, nil
	b.NoCounter = true
	b.SideTitle = "ABOUT US"
	for _, p := range pages {
		if p.HasEnglish() {
			b.Nav = append(b.Nav, render.NavLink{Name: p.TitleEN, URL: p.PathEN(), Slug: p.PathEN()})
			b.SideLinks = append(b.SideLinks, render.NavLink{Name: p.TitleEN, URL: p.PathEN(), Current: p.PathEN() == active})
		}
	}
	b.Nav = append(b.Nav, render.NavLink{Name: "Organisation", URL: "/en/organisation", Slug: "/en/organisation"})
	b.SideLinks = append(b.SideLinks, render.NavLink{Name: "Organisation", URL: "/en/organisation", Current: active == "/en/organisation"})
	b.ActiveSlug = active
}

// alternates sets the hreflang links and the language switch of a page
// that exists in both languages.
func (s *Server) alternates(r *http.Request, b *render.Base, vi, en string) {
	b.Alternates = []render.Alternate{{Lang: "vi", URL: s.siteURL(siteFrom(r.Context()), vi)}, {Lang: "en", URL: s.siteURL(siteFrom(r.Context()), en)}}
	if b.Lang == render.LangEN {
		b.LangSwitch = vi
	} else {
		b.LangSwitch = en
	}
}
