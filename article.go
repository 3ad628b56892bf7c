package congtin

import (
	"context"
	"strconv"
	"time"
)

// Article states. Only StatusPublished articles whose publication time has
// come are public.
const (
	StatusDraft       = "draft"
	StatusSubmitted   = "submitted"
	StatusPublished   = "published"
	StatusReturned    = "returned"
	StatusUnpublished = "unpublished"
)

// Article is a news article.
type Article struct {
	ID          int64     `json:"id"`
	SiteID      int64     `json:"site_id"`
	CategoryID  int64     `json:"category_id"`
	Title       string    `json:"title"`
	Slug        string    `json:"slug"`
	Lead        string    `json:"lead"` // the sapo, plain text
	Body        string    `json:"body"` // sanitized HTML
	Author      string    `json:"author"`
	Image       string    `json:"image,omitempty"` // featured image URL
	Featured    bool      `json:"featured"`
	Status      string    `json:"status"`
	PublishedAt time.Time `json:"published_at"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	ExternalID  string    `json:"external_id,omitempty"`
	CreatedBy   int64     `json:"created_by,omitempty"` // the writer; 0 for imported articles
	// Views is the stored view count; the live count adds what the counter
	// has not written yet.
	Views int64 `json:"views"`
	// Version counts the article's content writes: an edit form carries
	// the one it was loaded from (ArticleInput.Version).
	Version int64 `json:"version"`
}

// Path returns the article's canonical public path under its category slug:
// the slug for people, the ID so that a changed title never breaks a link.
func (a *Article) Path(categorySlug string) string {
	return "/" + categorySlug + "/" + a.Slug + "-" + strconv.FormatInt(a.ID, 10)
}

// IsPublic reports whether readers may see the article at now.
func (a *Article) IsPublic(now time.Time) bool {
	return a.Status == StatusPublished && !a.PublishedAt.After(now)
}

// ArticleFilter selects public articles. Zero values mean "no condition".
type ArticleFilter struct {
	SiteID      int64
	CategoryIDs []int64 // any of these categories
	Featured    *bool
	// Published in [From, To).
	From, To time.Time
	// Before keeps articles older than this one in the list order
	// (published_at, id), for "TIN ĐÃ ĐƯA"; After keeps newer ones.
	Before, After *Article
	// Oldest orders oldest first; the default is newest first.
	Oldest bool
	Offset int
	Limit  int
	// NoTotal skips counting every match, which costs as much as the
	// category is long: the total returned is then the list's length, or
	// one more when more articles follow (enough for "Xem tiếp").
	NoTotal bool
	// TitlesOnly reads what a list of links shows (ID, category, title,
	// slug, publication time) and nothing else, which the category list
	// index holds: the table's row is never read. Its body spans
	// overflow pages, and every column after it sits behind them.
	TitlesOnly bool
	// Now is the moment that decides what is published; zero means the
	// store's clock.
	Now time.Time
}

// ArticleImportService brings articles in from another system.
type ArticleImportService interface {
	// ImportArticles validates and writes the records in one transaction:
	// all of them or none. A record with the same external ID, or else the
	// same title and publication time, updates the existing article. Unknown
	// categories are created. EINVALID names the record and the field.
	ImportArticles(ctx context.Context, siteID int64, recs []ArticleImport) ([]*ImportResult, error)

	// SetArticleStatus moves an article to another workflow state.
	// ENOTFOUND if the site has no such article; EINVALID for an unknown
	// state.
	SetArticleStatus(ctx context.Context, siteID, id int64, status string) error
}

// ValidStatus reports whether s is a workflow state.
func ValidStatus(s string) bool {
	switch s {
	case StatusDraft, StatusSubmitted, StatusPublished, StatusReturned, StatusUnpublished:
		return true
	}
	return false
}

// ImportResult tells what happened to one imported record.
type ImportResult struct {
	Article  *Article
	Category *Category
	Created  bool // false when an existing article was updated
}
