package congtin

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A WordPress site comes in with `congtin import -format wxr`. Package wxr
// reads the export file and settles everything that needs no database: the
// category tree, the authors, each post's state, dates and body, its images
// (already stored in the media store) and its old addresses. The service
// layer then writes the result, a WordPressImport, in one transaction.

// NoPassword is the password hash of a user who cannot sign in until an
// administrator sets a password: no password hashes to it.
const NoPassword = "!no-password"

// WordPressImport is a WordPress export ready to be written.
type WordPressImport struct {
	Categories []WPCategory // parents before their children
	Authors    []WPAuthor
	Posts      []WPPost
	Media      []*Media // images from the uploads folder, their files stored
}

// WPCategory is a category to find, or create when missing.
type WPCategory struct {
	Key    string // names the category inside the import (its WordPress slug)
	Parent string // Key of the parent; "" for a top-level category
	Name   string
	// Slug is the slug a new category gets; when another category has
	// it, or the portal reserves it, the import adds -2, -3, ….
	Slug   string
	Hidden bool // kept out of menus (WordPress pages)
}

// WPAuthor is a WordPress author, who becomes a user.
type WPAuthor struct {
	Login       string // the WordPress login, as posts name it
	Username    string // the congtin user name made from it
	DisplayName string
}

// WPPost is a WordPress post or page, which becomes an article.
type WPPost struct {
	// ExternalID keys re-imports: "wp:" + the site's host + ":" + the
	// post ID. A second import of the same file finds the article by it.
	ExternalID  string
	Category    string // Key of its category
	Author      string // Login of its author; "" for none
	AuthorName  string // shown on the article
	Title       string
	Slug        string
	Lead        string
	Body        string // HTML; the import sanitizes it
	Image       string // featured image URL
	Featured    bool
	Status      string // StatusDraft or StatusPublished; a time ahead schedules it
	PublishedAt time.Time
	// OldPaths are the post's addresses on the old site, as OldPath
	// gives them; each answers with a 301 to the article.
	OldPaths []string
}

// WPCount counts what an import did with one kind of thing.
type WPCount struct {
	Created, Updated, Unchanged int
}

// WPPostResult is what became of one WPPost.
type WPPostResult struct {
	Article      *Article
	CategorySlug string
	Created      bool
	Changed      bool // an existing article was updated; false when it was already the same
}

// WPImportResult tells what an import wrote.
type WPImportResult struct {
	Categories WPCount
	Authors    WPCount // Unchanged: users who existed already, left as they were
	Media      WPCount
	Redirects  WPCount
	Posts      []WPPostResult // one per WPPost, in order
}

// WordPressService writes imported WordPress sites.
type WordPressService interface {
	// ImportWordPress writes imp into the site in one transaction: all of
	// it or nothing. Categories are found by parent and name, else
	// created; authors are found by user name, else created with
	// NoPassword and the reporter role on the site (existing users are
	// left as they are); posts are found by external ID and updated when
	// they differ, else created; media records and redirects are added.
	// EINVALID when imp breaks a rule of Validate.
	ImportWordPress(ctx context.Context, siteID int64, imp *WordPressImport) (*WPImportResult, error)
}

// MaxOldPathLen bounds a stored old address; longer ones are not kept.
const MaxOldPathLen = 1000

// OldPath gives the form in which old addresses are stored and looked up,
// so that a link written any way WordPress or a browser writes it finds
// its row: path is the URL path, already percent-decoded (as net/url gives
// it); it is put in Unicode NFC and lower case (WordPress matches slugs
// without regard to case), and loses its trailing slash. Of the query,
// only WordPress's own ?p=ID and ?page_id=ID are kept, for the addresses
// that name a post by its number. It returns "" for what cannot be an old
// address: invalid UTF-8, a control character, too long.
func OldPath(path, rawQuery string) string {
	if !utf8.ValidString(path) || strings.ContainsFunc(path, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return ""
	}
	p := strings.ToLower(norm.NFC.String(path))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
		if p == "" {
			p = "/"
		}
	}
	if rawQuery != "" {
		q, err := url.ParseQuery(rawQuery)
		if err == nil {
			for _, k := range []string{"p", "page_id"} {
				if v := q.Get(k); v != "" && isDigits(v) {
					p += "?" + k + "=" + strings.TrimLeft(v, "0")
					break
				}
			}
		}
	}
	if len(p) > MaxOldPathLen {
		return ""
	}
	return p
}

func isDigits(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Validate checks an import without I/O: every category's parent comes
// before it, every post names a category of the import, and the fields
// keep the limits an article has. The error is EINVALID and names the
// post or category.
func (imp *WordPressImport) Validate() error {
	keys := map[string]bool{}
	for i, c := range imp.Categories {
		switch {
		case c.Key == "" || keys[c.Key]:
			return Errorf(EINVALID, "category %d: missing or repeated key %q", i, c.Key)
		case c.Parent != "" && !keys[c.Parent]:
			return Errorf(EINVALID, "category %q: its parent %q does not come before it", c.Key, c.Parent)
		case strings.TrimSpace(c.Name) == "" || !validText(c.Name) || utf8.RuneCountInString(c.Name) > MaxCategoryLen:
			return Errorf(EINVALID, "category %q: the name is empty, too long or not valid text", c.Key)
		case !ValidSlug(c.Slug):
			return Errorf(EINVALID, "category %q: slug %q is not in slug form", c.Key, c.Slug)
		}
		keys[c.Key] = true
	}
	logins := map[string]bool{}
	for _, a := range imp.Authors {
		if err := ValidateUsername(a.Username); err != nil {
			return Errorf(EINVALID, "author %q: user name %q: %s", a.Login, a.Username, ErrorMessage(err))
		}
		if err := ValidateDisplayName(a.DisplayName); err != nil {
			return Errorf(EINVALID, "author %q: %s", a.Login, ErrorMessage(err))
		}
		logins[a.Login] = true
	}
	ids := map[string]bool{}
	for i, p := range imp.Posts {
		bad := func(format string, args ...any) error {
			return Errorf(EINVALID, "post %d (%s): "+format, append([]any{i, p.ExternalID}, args...)...)
		}
		switch {
		case p.ExternalID == "" || len(p.ExternalID) > 200 || ids[p.ExternalID]:
			return bad("missing, too long or repeated external ID")
		case !keys[p.Category]:
			return bad("category %q is not in the import", p.Category)
		case p.Author != "" && !logins[p.Author]:
			return bad("author %q is not in the import", p.Author)
		case strings.TrimSpace(p.Title) == "" || !validText(p.Title) || utf8.RuneCountInString(p.Title) > MaxTitleLen:
			return bad("the title is empty, too long or not valid text")
		case !ValidSlug(p.Slug):
			return bad("slug %q is not in slug form", p.Slug)
		case !validText(p.Lead) || utf8.RuneCountInString(p.Lead) > MaxLeadLen:
			return bad("the lead is too long or not valid text")
		case !validText(p.Body) || len(p.Body) > MaxBodyBytes:
			return bad("the body is larger than 2 MB or not valid text")
		case !validText(p.AuthorName) || utf8.RuneCountInString(p.AuthorName) > MaxAuthorLen:
			return bad("the author's name is too long or not valid text")
		case p.Image != "" && (!SafeURL(p.Image) || len(p.Image) > MaxURLLen):
			return bad("the image is not an http(s) URL or a path")
		case p.Status != StatusDraft && p.Status != StatusPublished:
			return bad("status %q is neither draft nor published", p.Status)
		case p.PublishedAt.Year() < 1945 || p.PublishedAt.Year() > 9999:
			return bad("the publication time is out of range (1945 to 9999)")
		}
		for _, op := range p.OldPaths {
			if op == "" || op[0] != '/' || len(op) > MaxOldPathLen || !utf8.ValidString(op) {
				return bad("old path %q is not a path", op)
			}
		}
		ids[p.ExternalID] = true
	}
	return nil
}

// ImportStore reads what imports leave behind (old addresses).
type ImportStore interface {
	// FindRedirect returns the ID of the article an old path (as OldPath
	// gives it) leads to; NotFound(KindRedirect) when it leads nowhere.
	FindRedirect(ctx context.Context, siteID int64, path string) (int64, error)
}

// ImportTx writes what the importers bring in: articles, categories,
// authors, images, old addresses. (Articles and categories themselves are
// written with ArticleTx and CategoryTx.)
type ImportTx interface {
	// FindCategoryByName returns the site's category of that name under
	// the parent (0: top level); NotFound(KindCategory).
	FindCategoryByName(ctx context.Context, siteID, parentID int64, name string) (*Category, error)
	// NextCategoryPosition is the position after the site's last
	// category: where a new one goes in the menu.
	NextCategoryPosition(ctx context.Context, siteID int64) (int, error)
	// FindArticleByExternalID returns the site's article imported with
	// the external ID; NotFound(KindArticle).
	FindArticleByExternalID(ctx context.Context, siteID int64, externalID string) (*Article, error)
	// FindArticleByTitleTime returns the site's article without an
	// external ID that has the title and publication time (to the
	// second); NotFound(KindArticle).
	FindArticleByTitleTime(ctx context.Context, siteID int64, title string, publishedAt time.Time) (*Article, error)
	// FindAuthorID returns the ID of the user with the user name;
	// NotFound(KindUser).
	FindAuthorID(ctx context.Context, username string) (int64, error)
	// InsertAuthor stores a new user as given, with the role on the
	// site, and sets u.ID and u.CreatedAt.
	InsertAuthor(ctx context.Context, siteID int64, u *User, role string) error
	// AddImportedMedia records an image of the site unless one with the
	// same content hash is there; it reports whether it added it.
	AddImportedMedia(ctx context.Context, siteID int64, m *Media) (bool, error)
	// FindRedirect returns the article an old path leads to;
	// NotFound(KindRedirect).
	FindRedirect(ctx context.Context, siteID int64, path string) (int64, error)
	// PutRedirect makes the old path lead to the article.
	PutRedirect(ctx context.Context, siteID int64, path string, articleID int64) error
}
