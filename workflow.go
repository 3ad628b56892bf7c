package congtin

import (
	"context"
	"strings"
	"time"
)

// Actions on articles and the rest of a site. Each is checked by Can.
const (
	ActCreate     = "create"     // write a new article
	ActEdit       = "edit"       // change an article's content
	ActSubmit     = "submit"     // Nháp/Trả lại → Chờ duyệt
	ActReturn     = "return"     // Chờ duyệt → Trả lại, with a comment
	ActPublish    = "publish"    // → Đã xuất bản (or scheduled, when the time is ahead)
	ActUnpublish  = "unpublish"  // Đã xuất bản → Gỡ bài
	ActWithdraw   = "withdraw"   // Chờ duyệt → Nháp: the writer takes back what no editor has handled yet
	ActComment    = "comment"    // an editor's remark to the writer; the state stays
	ActRestore    = "restore"    // restore a revision
	ActManage     = "manage"     // categories, users, settings
	ActAudit      = "audit"      // read the site's audit log
	ActUpload     = "upload"     // add images to the media library
	ActStats      = "stats"      // read the site's statistics (visits, views per article)
	ActPolls      = "polls"      // create, change, close and delete the site's polls
	ActProcedures = "procedures" // change and import the administrative procedures
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
	case StatusScheduled:
		return "Hẹn giờ"
	}
	return s
}

// Actor is who does something, for permission checks and the audit log.
type Actor struct {
	User *User
	Role string // the user's role on the site acted on
	IP   string
}

// SystemActor is the actor of the command line, the importers and the
// tests' setup: the operator of the installation, who may do everything
// on every site. name is what the audit log records.
func SystemActor(name string) Actor {
	return Actor{User: &User{Username: name, DisplayName: name, SuperAdmin: true}, IP: name}
}

// Name is the actor's display name, as revisions and workflow notes
// record it; "" for the system (imports, the command line).
func (a Actor) Name() string {
	if a.User == nil {
		return ""
	}
	return a.User.DisplayName
}

// UserID is the actor's user ID, 0 for the system.
func (a Actor) UserID() int64 {
	if a.User == nil {
		return 0
	}
	return a.User.ID
}

// Ref names an item of content: its kind, its site, and its ID or, for a
// schedule week, which has none, its key ("2026-W48").
type Ref struct {
	Kind   Kind   `json:"kind"`
	SiteID int64  `json:"site_id"`
	ID     int64  `json:"id,omitempty"`
	Key    string `json:"key,omitempty"`
}

// Item is a piece of content as the editorial workflow sees it: whatever
// its kind (an article, an about page, a document, a question's answer, a
// week of the schedule), it has a state, a writer and a publication time,
// and goes Nháp → Chờ duyệt → Đã xuất bản, with Trả lại and Gỡ bài.
type Item struct {
	Ref
	// Title names the item in the audit log: an article's or a page's
	// title, a document's number, a question's title, the week.
	Title  string
	Status string
	// CreatedBy is the writer: a reporter may edit and submit only their
	// own drafts. For a question it is who took it on (0: nobody yet).
	CreatedBy   int64
	PublishedAt time.Time
}

// Can reports whether the actor may do act, on the item it when the
// action concerns one (nil otherwise). It is the one permission table for
// the back office and the API, whatever the kind of content.
func Can(actor Actor, act string, it *Item) bool {
	if actor.User == nil || actor.User.Disabled {
		return false
	}
	role := actor.Role
	if actor.User.SuperAdmin {
		role = RoleAdmin
	}
	own := it != nil && it.CreatedBy == actor.User.ID
	editable := it != nil && (it.Status == StatusDraft || it.Status == StatusReturned)
	if it != nil && it.Kind == KindQuestion {
		// A question nobody has taken on is anyone's to answer, as if
		// the actor had written it. An answer is published once: after
		// that it can only be taken down. A question can be declined
		// (not answered in public) before it is published.
		own = own || it.CreatedBy == 0
		switch act {
		case ActPublish:
			return it.Status != StatusPublished && AtLeast(role, RoleEditor)
		case ActDecline:
			return it.Status != StatusPublished && it.Status != StatusUnpublished && AtLeast(role, RoleEditor)
		case ActCreate, ActUpload, ActManage, ActStats, ActRestore:
			return false
		}
	}
	switch act {
	case ActCreate, ActUpload:
		return AtLeast(role, RoleReporter)
	case ActEdit, ActRestore:
		if it == nil {
			return false
		}
		return AtLeast(role, RoleEditor) || role == RoleReporter && own && editable
	case ActSubmit:
		return it != nil && editable && (AtLeast(role, RoleEditor) || role == RoleReporter && own)
	case ActReturn:
		return it != nil && it.Status == StatusSubmitted && AtLeast(role, RoleEditor)
	case ActPublish:
		return it != nil && AtLeast(role, RoleEditor)
	case ActUnpublish:
		return it != nil && it.Status == StatusPublished && AtLeast(role, RoleEditor)
	case ActWithdraw:
		// While it waits for approval, no editor has returned or
		// published it: its writer may take it back to change it.
		return it != nil && it.Status == StatusSubmitted && own && AtLeast(role, RoleReporter)
	case ActComment:
		return it != nil && AtLeast(role, RoleEditor)
	case ActManage:
		return AtLeast(role, RoleAdmin)
	case ActAudit:
		// Editors answer for what is published: they read who did what
		// on their site (the workflow's steps above all).
		return AtLeast(role, RoleEditor)
	case ActProcedures:
		// The procedures are the agency's official list, copied from the
		// national database: the editors who answer for what is
		// published keep it; reporters only read it.
		return AtLeast(role, RoleEditor)
	case ActPolls:
		// A poll speaks for the agency as an article does: the editors
		// who publish articles run it.
		return AtLeast(role, RoleEditor)
	case ActStats:
		// Readership figures of every article steer what the newsroom
		// publishes next; that is the editors' call, so reporters (who
		// see their own articles' views on the site) are left out.
		return AtLeast(role, RoleEditor)
	}
	return false
}

// CanSee reports whether the actor may open the item in the back office:
// reporters see only what they write, editors and above everything.
func CanSee(actor Actor, it *Item) bool {
	if actor.User == nil {
		return false
	}
	return actor.User.SuperAdmin || AtLeast(actor.Role, RoleEditor) || it.CreatedBy == actor.User.ID
}

// IsEditor reports whether the actor is an editor or above on the site.
func IsEditor(actor Actor) bool {
	return actor.User != nil && (actor.User.SuperAdmin || AtLeast(actor.Role, RoleEditor))
}

// Item returns the article as the workflow sees it.
func (a *Article) Item() *Item {
	return &Item{Ref: Ref{Kind: KindArticle, SiteID: a.SiteID, ID: a.ID}, Title: a.Title, Status: a.Status, CreatedBy: a.CreatedBy, PublishedAt: a.PublishedAt}
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
	case ActUnpublish, ActDecline:
		return StatusUnpublished
	case ActWithdraw:
		return StatusDraft
	}
	return ""
}

// IsStep reports whether act is a step of the workflow: one that leads to
// a state (NextStatus), or a comment, which leaves the state as it is.
func IsStep(act string) bool { return NextStatus(act) != "" || act == ActComment }

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
	// Version is the article's version the form was loaded from: a save
	// against a newer one is refused with ErrEdited. 0 is not checked.
	Version int64 `json:"version,omitempty"`
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
	MaxPublishSpan = 5 * 365 * 24 * time.Hour
)

// Normalize trims the input's text fields and brings them and the body
// to NFC.
func (in *ArticleInput) Normalize() {
	NFC(&in.Title, &in.Lead, &in.Body, &in.Author, &in.Image, &in.Slug)
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
		} else if in.PublishedAt.After(now.Add(MaxPublishSpan)) {
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

// Step is a workflow step an editor asks for: the action, the comment,
// and for a publication the time (zero: now, or the time the item was
// given ahead).
type Step struct {
	Act       string
	Comment   string
	PublishAt time.Time
}

// Note is a step of an item's workflow with its comment.
type Note struct {
	ID       int64  `json:"id"`
	Item     Ref    `json:"item"`
	UserName string `json:"user_name"`
	Action   string `json:"action"`
	Status   string `json:"status"` // the state it led to
	Comment  string `json:"comment"`
	// PublishedAt is, for a publication, the time it gave the item: a
	// time ahead of CreatedAt scheduled it.
	PublishedAt time.Time `json:"published_at,omitzero"`
	CreatedAt   time.Time `json:"created_at"`
}

// AdminArticleFilter selects articles in the back office, public or not.
// Zero values mean "no condition"; the conditions combine.
// Its Status may also be StatusScheduled: published with the time still
// ahead at the store's clock, which StatusPublished then leaves out.
type AdminArticleFilter struct {
	SiteID    int64
	Status    string // "" for all
	CreatedBy int64  // 0 for anyone
	// Q searches titles and leads the way the portal's search matches
	// words: with or without diacritics, in either Unicode form, d for đ;
	// a number also finds the article with that ID. A query with nothing
	// to search for finds nothing.
	Q string
	// CategoryIDs keeps articles in any of these categories (a category
	// and the ones below it: Categories.Subtree).
	CategoryIDs []int64
	// From and To bound the last change, or with ByPublication the
	// publication time: [From, To).
	From, To      time.Time
	ByPublication bool
	Offset        int
	Limit         int
	// Spellings: see SearchQuery.Spellings.
	Spellings Spellings
}

// EditorialService is the newsroom's work on articles. Each method checks
// the actor's permission and writes its revision, workflow note and audit
// entry in the transaction of the change.
type EditorialService interface {
	// CreateArticle stores a new draft by the actor.
	CreateArticle(ctx context.Context, actor Actor, siteID int64, in ArticleInput) (*Article, error)
	// UpdateArticle saves new content and keeps a revision. ErrEdited
	// when in.Version is not the stored one.
	UpdateArticle(ctx context.Context, actor Actor, siteID, id int64, in ArticleInput) (*Article, error)
	// UpdateArticleStep saves the form (a revision when it changed
	// something) and takes the step s, in one transaction: either both
	// or nothing. Publishing takes the form's publication time, and with
	// none, now. It returns the item after the step and whether the
	// content was saved.
	UpdateArticleStep(ctx context.Context, actor Actor, siteID, id int64, in ArticleInput, s Step) (*Item, bool, error)
	// TransitionArticle moves an article to the state act leads to, with
	// an optional comment. For ActPublish, publishAt (when not zero)
	// becomes the publication time; a time ahead schedules it.
	TransitionArticle(ctx context.Context, actor Actor, siteID, id int64, act, comment string, publishAt time.Time) (*Article, error)
	// RestoreRevision makes a revision's content the article's current
	// content, as a new revision.
	RestoreRevision(ctx context.Context, actor Actor, siteID, revisionID int64) (*Article, error)
}

// WorkflowService moves items of any kind along the workflow.
type WorkflowService interface {
	// Transition takes one step (act: ActSubmit, ActWithdraw, ActReturn,
	// ActPublish, ActUnpublish, ActDecline, or ActComment, which changes
	// no state) on the item, with the editor's comment;
	// for a kind that can be scheduled, publishAt (when not zero) is the
	// publication time. EFORBIDDEN when the actor may not take the step in
	// the item's state; EINVALID (a *ValidationError on "comment",
	// "publish_at" or the kind's own field) when the step is refused.
	Transition(ctx context.Context, actor Actor, item Ref, act, comment string, publishAt time.Time) (*Item, error)
}

// TransitionTime returns the publication time an item has after act:
// publishAt when the editor gave one (not before MinPublishTime); on a
// first publication, now, unless the item itself carries a time ahead,
// which the writer chose in the form, so that it is scheduled; otherwise
// the time it had: taking an item down and putting it back keeps the day
// it first went out.
func TransitionTime(cur *Item, act string, publishAt, now time.Time) (time.Time, error) {
	if act != ActPublish {
		return cur.PublishedAt, nil
	}
	if !publishAt.IsZero() {
		if publishAt.Before(MinPublishTime) {
			return time.Time{}, &ValidationError{Fields: FieldErrors{"published_at": "Thời gian xuất bản quá xa trong quá khứ."}}
		}
		return publishAt, nil
	}
	if cur.PublishedAt.IsZero() || cur.Status != StatusPublished && cur.Status != StatusUnpublished && !cur.PublishedAt.After(now) {
		return now, nil
	}
	return cur.PublishedAt, nil
}
