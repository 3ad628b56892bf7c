package render

import (
	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
)

// AdminBase is what the back-office layout needs.
type AdminBase struct {
	Site    *congtin.Site
	User    *congtin.User // nil on the sign-in page
	Role    string
	Title   string
	Section string // the menu entry to mark as current
	Flash   string // a confirmation after a redirect
	Error   string // a message for the whole page
	Errors  congtin.FieldErrors
	// Can reports the actor's permissions for the menu.
	CanManage bool
	CanEdit   bool // editor or above: sees the approval queue
	CanStats  bool // may read the statistics
	CanAudit  bool // may read the audit log
	// Unread counts the user's unread notifications, for the header.
	Unread int
}

// Refuse marks a page whose form was refused: msg on top, errs beside the
// fields. The back office's handlers call it on any page, through the
// AdminBase it embeds.
func (b *AdminBase) Refuse(msg string, errs congtin.FieldErrors) {
	b.Error, b.Errors = msg, errs
}

// LoginPage is the sign-in form.
type LoginPage struct {
	AdminBase
	Username string
	Next     string
	// Kept is a form posted after the session had ended, carried through
	// the sign-in to be restored after it; KeptPath is where it was
	// posted.
	Kept     []KeptField
	KeptPath string
	// Notice says why the page asks to sign in again.
	Notice string
}

// DashboardPage is the back office's first page.
type DashboardPage struct {
	AdminBase
	Mine    []*congtin.Article
	Pending []*congtin.Article // for editors: waiting for approval
	Counts  map[string]int     // articles per state
}

// ArticleEditPage is the article form with its workflow.
type ArticleEditPage struct {
	AdminBase
	Article   *congtin.Article // nil for a new article
	Input     congtin.ArticleInput
	PublishAt string // the datetime-local value
	Cats      congtin.Categories
	Workflow  Workflow
	CanSave   bool
	PublicURL string
	// Edit keeps the writer's work (autosave, version, soft lock).
	Edit Editing
}

// RevisionsPage lists revisions and compares two.
type RevisionsPage struct {
	AdminBase
	Article   *congtin.Article
	Revisions []*congtin.Revision
	A, B      *congtin.Revision
	Title     []diff.Segment
	Lead      []diff.Segment
	Body      []diff.Block
	CanRestor bool
}

// CategoriesPage manages categories.
type CategoriesPage struct {
	AdminBase
	Cats  congtin.Categories
	Input congtin.CategoryInput
}

// UsersPage manages the site's staff.
type UsersPage struct {
	AdminBase
	Members  []*congtin.Membership
	Username string
	Display  string
	NewRole  string
}

// SettingsPage edits the site's header and footer.
type SettingsPage struct {
	AdminBase
	Form congtin.Site
}

// AuditPage shows the audit log.
type AuditPage struct {
	AdminBase
	Entries []*congtin.AuditEntry
	Filter  congtin.AuditFilter
	From    string
	To      string
	Pager   Pager
	Total   int
	// Actions are the choices of the action filter.
	Actions []Option
	// Item is the item the log is limited to (from its page's link
	// "Nhật ký của …"), with its name and page; nil for the whole log.
	Item *AuditItem
	// ItemURL gives the back-office page of an entry's object, "" when
	// it has none.
	ItemURL func(e *congtin.AuditEntry) string
}

// AuditItem is the item an audit log page is limited to.
type AuditItem struct {
	congtin.Ref
	Name string // "bài viết #12", "lịch công tác tuần 48/2026"
	URL  string // its page in the back office
}

// EntryURL is the back-office page of an entry's object, or "".
func (p *AuditPage) EntryURL(e *congtin.AuditEntry) string {
	if p.ItemURL == nil {
		return ""
	}
	return p.ItemURL(e)
}

// Option is a choice of a select.
type Option struct {
	Value, Label string
}

// NotificationsPage lists the user's notifications.
type NotificationsPage struct {
	AdminBase
	Notices    []*Notice
	OnlyUnread bool // only the unread ones are listed
	Total      int
	Pager      Pager
	// Mail: e-mail is set up on the server, and the user's settings.
	Mail  bool
	Prefs congtin.NotifyPrefs
}

// Notice is a notification with where it leads.
type Notice struct {
	*congtin.Notification
	URL string // the item's page in the back office
}

// PasswordPage changes the signed-in user's password.
type PasswordPage struct {
	AdminBase
}

// TokensPage lists API tokens, with a button to revoke each; Manager:
// the list is the site's members', with their names.
type TokensPage struct {
	AdminBase
	Tokens  []*congtin.APIToken
	Manager bool
}

// SitesPage lists and creates sites (super administrators).
type SitesPage struct {
	AdminBase
	Sites []*congtin.Site
	Host  string
	Name  string
}

// AdminErrorPage is a 403 or 404 inside the back office.
type AdminErrorPage struct {
	AdminBase
	Status  int
	Heading string
	Message string
}
