package render

import (
	"html/template"

	"github.com/congtin/congtin/internal/search"
	"time"

	"github.com/congtin/congtin"
)

// Base is what the layout needs on every page.
type Base struct {
	Site        *congtin.Site
	Menu        congtin.Categories // top-level categories, in menu order
	Categories  congtin.Categories // all of the site's categories, for the sidebar tree
	ActiveSlug  string             // the menu entry to mark as current
	Counter     congtin.VisitStats
	Title       string // the <title>, without the site name
	Description string
	Canonical   string   // absolute URL of the page, when it has one
	Year        int      // for the footer
	SearchQ     string   // the query in the header's search box
	Preview     *Preview // Open Graph, Twitter card and JSON-LD, where a page has them
	// NoCounter leaves the visit counter out: on an error page drawn
	// while the database is away, zeros would be a lie.
	NoCounter bool

	// Lang is the page's language: "" (Vietnamese) or LangEN.
	Lang string
	// Alternates are the page in each language, for hreflang links.
	Alternates []Alternate
	// LangSwitch is where the header's language switch goes.
	LangSwitch string
	// Nav are the portal's own sections in the menu, after the categories.
	Nav []NavLink
	// SideLinks is a box of links in the sidebar (the about pages).
	SideTitle string
	SideLinks []NavLink
	// LinkGroups are the site's links, in the footer.
	LinkGroups []LinkGroup
	// Feeds are the RSS feeds announced in the head with
	// <link rel="alternate">, so that browsers and feed readers find them.
	Feeds []FeedLink
	// PreviewMark, when set, marks the page as a preview of an item not
	// (or not yet) public.
	PreviewMark *PreviewMark
	// Chrome, when set, holds the site's menu, category tree and footer
	// already rendered (see Chrome); nil renders them for this page.
	Chrome *Chrome
}

// FeedLink is an RSS feed: the whole site's or a category's.
type FeedLink struct {
	Title    string // "Văn hóa - xã hội", or the site's name for the whole site
	Path     string // /rss or /rss/{slug}
	URL      string // absolute
	Children []FeedLink
}

// ArticleLink is an article in a list.
type ArticleLink struct {
	Title       string
	URL         string
	Lead        string
	Image       string
	PublishedAt time.Time
	Category    *congtin.Category // nil where the list is of one category
	CategoryURL string
}

// ArticlePage is the article page.
type ArticlePage struct {
	Base
	Article   *congtin.Article
	Category  *congtin.Category
	Crumbs    congtin.Categories // the category and its parents, top first
	HeroImage string             // the featured image, when the body does not already show it
	Views     int64              // including this view
	PrintURL  string
	BackURL   string // the category: where "Quay lại" goes without JavaScript
	Newer     []ArticleLink
	Older     []ArticleLink
	MoreURL   string // "Xem tiếp": the older list continued; empty when there is no more
	DateValue string // the date chooser's initial value, YYYY-MM-DD
	Today     string // the date chooser's upper bound
}

// PrintBase is what the print layout needs on every print view, which
// prints a page's content between the same head, buttons and source line.
type PrintBase struct {
	Site      *congtin.Site
	Lang      string // "" (Vietnamese) or LangEN
	SourceURL string // the page printed, absolute
	BackURL   string // where "Quay lại" goes without JavaScript
}

// PrintPage is the article's print version.
type PrintPage struct {
	PrintBase
	Article  *congtin.Article
	Category *congtin.Category
}

// HomePage is the front page.
type HomePage struct {
	Base
	Featured []ArticleLink
	Sections []HomeSection
	Latest   []ArticleLink
	// PollBox is the box of the newest open poll (Engine.PollBox), filled
	// into the page's "poll" hole for each reader; nil for none.
	PollBox []byte
}

// HomeSection is one category's latest articles on the front page.
type HomeSection struct {
	Category *congtin.Category
	Articles []ArticleLink
}

// ListPage is a paginated list: a category, or the articles of a day or
// range of days.
type ListPage struct {
	Base
	Heading  string
	Intro    string // a line under the heading, e.g. the date range
	Crumbs   congtin.Categories
	Children congtin.Categories // subcategories to link to, on a category page
	Articles []ArticleLink
	Total    int
	Empty    string // the message shown when there is nothing to list
	Pager    Pager
	// DateForm shows the date chooser; its fields are the current values.
	DateForm *DateForm
}

// DateForm is the "Xem theo ngày" chooser on list pages.
type DateForm struct {
	Day, From, To string // YYYY-MM-DD or ""
	CategorySlug  string
	CategoryName  string
	Max           string // today, the upper bound
	Error         string
	Range         bool // also offer a from–to range
}

// Pager links the pages of a list.
type Pager struct {
	Page, Pages int
	PrevURL     string
	NextURL     string
	Links       []PageLink
}

// PageLink is one numbered link in a Pager; a zero Page is an ellipsis.
type PageLink struct {
	Page    int
	URL     string
	Current bool
}

// ErrorPage explains a 4xx or 5xx status in Vietnamese.
type ErrorPage struct {
	Base
	Status  int
	Heading string
	Message string
}

// SearchPage is /tim-kiem.
type SearchPage struct {
	Base
	Q            string
	CategorySlug string
	From, To     string
	Sort         string // "" or "moi-nhat"
	Cats         congtin.Categories
	Hits         []SearchHit
	Total        int
	Message      string // help or "nothing found", in Vietnamese
	Error        string // a bad filter
	Pager        Pager
	Max          string // today, for the date inputs
	// Approximate, when set, says above the hits that no article holds
	// every word of the query and the hits hold most of them.
	Approximate string

	// Searched is what was searched instead of Q, read as Telex or VNI
	// typing ("Đã tìm theo: …"); VerbatimURL searches exactly Q.
	Searched    string
	VerbatimURL string
	// Suggestion, when set, is what the reader probably meant.
	Suggestion *Suggestion
}

// Suggestion is "Có phải bạn muốn tìm: …" above a search's results: what
// the reader probably meant, and the same search of it (partial
// "didyoumean").
type Suggestion struct {
	Text string
	URL  string
}

// FeedsPage is /kenh-rss: the site's feed and one per category, nested
// as in the menu.
type FeedsPage struct {
	Base
	SiteFeed      FeedLink
	CategoryFeeds []FeedLink
}

// SearchHit is one result with its highlighted snippet.
type SearchHit struct {
	ArticleLink
	Snippet []search.Segment
}

// Preview is what link previews and search engines read of a page.
type Preview struct {
	Type        string // og:type: "article" or "website"
	Title       string
	Description string
	URL         string // absolute
	SiteName    string
	Image       string // absolute, optional
	Published   string // RFC 3339, +07:00, for articles
	Modified    string
	// JSONLD holds JSON documents (json.Marshal output, whose escaping of
	// <, > and & keeps them inside their script element).
	JSONLD []template.JS
}
