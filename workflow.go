package congtin

import (
	"context"
	"strings"
	"time"
)

// Actions on articles and the rest of a site. Each is checked by Can.
const (
	ActCreate    = "create"    // write a new article
	ActEdit      = "edit"      // change an article's content
	ActSubmit    = "submit"    // Nháp/Trả lại → Chờ duyệt
	ActReturn    = "return"    // Chờ duyệt → Trả lại, with a comment
	ActPublish   = "publish"   // → Đã xuất bản (or scheduled, when the time is ahead)
	ActUnpublish = "unpublish" // Đã xuất bản → Gỡ bài
	ActRestore   = "restore"   // restore a revision
	ActManage    = "manage"    // categories, users, settings, audit log
	ActUpload    = "upload"    // add images to the media library
	ActStats     = "stats"     // read the site's statistics (visits, views per article)
)

// StatusName returns the Vietnamese name of an article state.
func StatusName(s string) string {
	switch s {
	case StatusDraft:
		return "Nháp"
	case StatusSubmitted:
		return "Chờ duyệt"
	case StatusPublished:
		return "Đã xuất bản"
	case StatusReturned:
		return "Trả lại"
	case StatusUnpublished:
		return "Gỡ bài"
	}
	return s
}

// Actor is who does something, for permission checks and the audit log.
type Actor struct {
	User *User
	Role string // the user's role on the site acted on
	IP   string
}

// Can reports whether the actor may do act, on the article a when the
// action concerns one (nil otherwise). It is the one permission table for
// the back office and the API.
func Can(actor Actor, act string, a *Article) bool {
	if actor.User == nil || actor.User.Disabled {
		return false
	}
	role := actor.Role
	if actor.User.SuperAdmin {
		role = RoleAdmin
	}
	own := a != nil && a.CreatedBy == actor.User.ID
	editable := a != nil && (a.Status == StatusDraft || a.Status == StatusReturned)
	switch act {
	case ActCreate, ActUpload:
		return AtLeast(role, RoleReporter)
	case ActEdit, ActRestore:
		if a == nil {
			return false
		}
		return AtLeast(role, RoleEditor) || role == RoleReporter && own && editable
	case ActSubmit:
		return a != nil && editable && (AtLeast(role, RoleEditor) || role == RoleReporter && own)
	case ActReturn:
		return a != nil && a.Status == StatusSubmitted && AtLeast(role, RoleEditor)
	case ActPublish:
		return a != nil && AtLeast(role, RoleEditor)
	case ActUnpublish:
		return a != nil && a.Status == StatusPublished && AtLeast(role, RoleEditor)
	case ActManage:
		return AtLeast(role, RoleAdmin)
	case ActStats:
		// Readership figures of every article steer what the newsroom
		// publishes next; that is the editors' call, so reporters (who
		// see their own articles' views on the site) are left out.
		return AtLeast(role, RoleEditor)
	}
	return false
}

// NextStatus returns the state an action leads to.
func NextStatus(act string) string {
	switch act {
	case ActSubmit:
		return StatusSubmitted
	case ActReturn:
		return StatusReturned
	case ActPublish:
		return StatusPublished
	case ActUnpublish:
		return StatusUnpublished
	}
	return ""
}

// ArticleInput is what an editor types into the article form.
type ArticleInput struct {
	CategoryID int64  `json:"category_id"`
	Title      string `json:"title"`
	Lead       string `json:"lead"`
	Body       string `json:"body"` // HTML; the store sanitizes it
	Author     string `json:"author"`
	Image      string `json:"image"`
	Slug       string `json:"slug"` // empty: made from the title
	Featured   bool   `json:"featured"`
	// PublishedAt ahead of now schedules the article when it is published;
	// zero or past, the article goes out at the moment it is published (a
	// draft's old time would bury it under newer news).
	PublishedAt time.Time `json:"published_at"`
}

// FieldErrors maps form fields to Vietnamese messages.
type FieldErrors map[string]string

// ValidationError is an EINVALID error that carries per-field messages, so
// that a form can show each next to its field.
type ValidationError struct {
	Fields FieldErrors
}

func (e *ValidationError) Error() string {
	var parts []string
	for k, v := range e.Fields {
		parts = append(parts, k+": "+v)
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Earliest and latest publication times an editor may set.
var (
	MinPublishTime = time.Date(1945, 9, 2, 0, 0, 0, 0, VietnamZone)
	maxPublishSpan = 5 * 365 * 24 * time.Hour
)

// Normalize trims the input's text fields.
func (in *ArticleInput) Normalize() {
	for _, p := range []*string{&in.Title, &in.Lead, &in.Author, &in.Image, &in.Slug} {
		*p = strings.TrimSpace(*p)
	}
}

// Validate checks the input at now; it returns a *ValidationError.
func (in *ArticleInput) Validate(now time.Time) error {
	fe := FieldErrors{}
	checkText(fe, "title", "Tiêu đề", in.Title, MaxTitleLen, true)
	checkText(fe, "lead", "Sapo", in.Lead, MaxLeadLen, false)
	checkText(fe, "author", "Tác giả", in.Author, MaxAuthorLen, false)
	checkText(fe, "image", "Ảnh đại diện", in.Image, MaxURLLen, false)
	if !validText(in.Body) {
		fe["body"] = "Nội dung chứa ký tự không hợp lệ."
	} else if len(in.Body) > MaxBodyBytes {
		fe["body"] = "Nội dung quá dài: tối đa 2 MB."
	}
	if fe["title"] == "" && in.Slug == "" && Slugify(in.Title) == "" {
		fe["title"] = "Tiêu đề cần có chữ hoặc số để tạo đường dẫn; hãy nhập đường dẫn."
	}
	if in.Slug != "" && !ValidSlug(in.Slug) {
		fe["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."
	}
	if fe["image"] == "" && in.Image != "" && !SafeURL(in.Image) {
		fe["image"] = "Ảnh đại diện phải là đường dẫn http(s) hoặc bắt đầu bằng /."
	}
	if in.CategoryID <= 0 {
		fe["category_id"] = "Hãy chọn chuyên mục."
	}
	if !in.PublishedAt.IsZero() {
		if in.PublishedAt.Before(MinPublishTime) {
			fe["published_at"] = "Thời gian xuất bản quá xa trong quá khứ."
		} else if in.PublishedAt.After(now.Add(maxPublishSpan)) {
			fe["published_at"] = "Thời gian xuất bản quá xa trong tương lai (tối đa 5 năm)."
		}
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Revision is a saved version of an article's content.
type Revision struct {
	ID          int64     `json:"id"`
	ArticleID   int64     `json:"article_id"`
	UserID      int64     `json:"user_id"`
	UserName    string    `json:"user_name"`
	CreatedAt   time.Time `json:"created_at"`
	CategoryID  int64     `json:"category_id"`
	Title       string    `json:"title"`
	Lead        string    `json:"lead"`
	Body        string    `json:"body"`
	Author      string    `json:"author"`
	Image       string    `json:"image"`
	Slug        string    `json:"slug"`
	Featured    bool      `json:"featured"`
	PublishedAt time.Time `json:"published_at"`
	Note        string    `json:"note"` // what made this revision: "tạo mới", "sửa", "khôi phục bản #3"
}

// Note is a step of an article's workflow with its comment.
type Note struct {
	ID        int64     `json:"id"`
	ArticleID int64     `json:"article_id"`
	UserName  string    `json:"user_name"`
	Action    string    `json:"action"`
	Status    string    `json:"status"` // the state it led to
	Comment   string    `json:"comment"`
	CreatedAt time.Time `json:"created_at"`
}

// AdminArticleFilter selects articles in the back office, public or not.
type AdminArticleFilter struct {
	SiteID    int64
	Status    string // "" for all
	CreatedBy int64  // 0 for anyone
	Offset    int
	Limit     int
}

// EditorialService is the newsroom's side of the article store. Each
// mutating method writes its audit-log entry in the same transaction.
type EditorialService interface {
	// CreateArticle stores a new draft by the actor.
	CreateArticle(ctx context.Context, actor Actor, siteID int64, in ArticleInput) (*Article, error)
	// UpdateArticle saves new content and keeps a revision.
	UpdateArticle(ctx context.Context, actor Actor, siteID, id int64, in ArticleInput) (*Article, error)
	// TransitionArticle moves an article to the state act leads to, with
	// an optional comment. For ActPublish, publishAt (when not zero)
	// becomes the publication time; a time ahead schedules it.
	TransitionArticle(ctx context.Context, actor Actor, siteID, id int64, act, comment string, publishAt time.Time) (*Article, error)
	// FindAdminArticles lists articles in any state, newest change first.
	FindAdminArticles(ctx context.Context, f AdminArticleFilter) ([]*Article, int, error)
	// FindRevisions lists an article's revisions, newest first, without bodies.
	FindRevisions(ctx context.Context, siteID, articleID int64) ([]*Revision, error)
	// FindRevision returns one revision with its body.
	FindRevision(ctx context.Context, siteID, id int64) (*Revision, error)
	// RestoreRevision makes a revision's content the article's current
	// content, as a new revision.
	RestoreRevision(ctx context.Context, actor Actor, siteID, revisionID int64) (*Article, error)
	// FindNotes returns an article's workflow history, oldest first.
	FindNotes(ctx context.Context, siteID, articleID int64) ([]*Note, error)
}

// TransitionTime returns the publication time an article has after act:
// publishAt when the editor gave one (not before MinPublishTime); on a
// first publication, now, unless the article itself carries a time ahead,
// which the writer chose in the form, so that it is scheduled; otherwise
// the time it had.
func TransitionTime(cur *Article, act string, publishAt, now time.Time) (time.Time, error) {
	if act != ActPublish {
		return cur.PublishedAt, nil
	}
	if !publishAt.IsZero() {
		if publishAt.Before(MinPublishTime) {
			return time.Time{}, &ValidationError{Fields: FieldErrors{"published_at": "Thời gian xuất bản quá xa trong quá khứ."}}
		}
		return publishAt, nil
	}
	if cur.Status != StatusPublished && cur.Status != StatusUnpublished && !cur.PublishedAt.After(now) {
		return now, nil
	}
	return cur.PublishedAt, nil
}
