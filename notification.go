package congtin

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Notification tells a member of the newsroom about a workflow step that
// concerns them: the writer, that an editor returned, commented on,
// published or took down their item; an editor, that something was sent
// for approval. It is written in the step's transaction, one per person
// told, and shown in the back office (and e-mailed to whoever asked).
type Notification struct {
	ID     int64 `json:"id"`
	SiteID int64 `json:"site_id"`
	UserID int64 `json:"user_id"` // who is told
	Item   Ref   `json:"item"`
	// Title is the item's title when the step was taken.
	Title string `json:"title"`
	// Action is the step told of (ActSubmit, ActReturn, ActPublish,
	// ActUnpublish, ActDecline, ActComment), or NoticeLive: a scheduled
	// item has gone out.
	Action    string `json:"action"`
	ActorName string `json:"actor_name"` // who took the step; "" for NoticeLive
	Comment   string `json:"comment"`
	// PublishedAt is, for a publication, the time the item goes out: ahead
	// of CreatedAt, the step scheduled it.
	PublishedAt time.Time `json:"published_at,omitzero"`
	CreatedAt   time.Time `json:"created_at"` // when the step was taken
	// ShowAt is when the notification is due: its step's time, or for
	// NoticeLive the publication time. Nothing runs at that time: the
	// store's reads compare it with the time they are made.
	ShowAt time.Time `json:"show_at"`
	ReadAt time.Time `json:"read_at,omitzero"` // zero while unread
}

// NoticeLive is the action of the notification that a scheduled item has
// gone out. It is written with the publication that scheduled it, due at
// the item's time, and shown only while the item is still published and
// its time has come (the item may be taken down or moved later since).
const NoticeLive = "live"

// Unread reports whether the notification has not been read.
func (n *Notification) Unread() bool { return n.ReadAt.IsZero() }

// Scheduled reports whether the notification tells of a publication set
// for a time after the step.
func (n *Notification) Scheduled() bool {
	return n.Action == ActPublish && n.PublishedAt.After(n.CreatedAt)
}

// noticeNouns name the kinds of content in notifications.
var noticeNouns = map[Kind]string{
	KindArticle:      "bài viết",
	KindPage:         "trang giới thiệu",
	KindDocument:     "văn bản",
	KindQuestion:     "câu hỏi",
	KindScheduleWeek: "lịch công tác",
	KindProject:      "dự án",
	KindProcurement:  "thông báo mời thầu",
}

// NoticeNoun names a kind of content as notifications do ("bài viết").
func NoticeNoun(k Kind) string {
	if n, ok := noticeNouns[k]; ok {
		return n
	}
	return "mục"
}

// object names the item: its kind and title ("bài viết “Hội nghị…”", "lịch
// công tác tuần 48/2026").
func (n *Notification) object() string {
	if n.Item.Kind == KindScheduleWeek {
		if w, err := ParseWeek(n.Item.Key); err == nil {
			return NoticeNoun(n.Item.Kind) + " tuần " + itoa(w.Num) + "/" + itoa(w.Year)
		}
	}
	return NoticeNoun(n.Item.Kind) + " “" + n.Title + "”"
}

// noticeTime formats a time in notifications: "08:30 ngày 03/03/2026".
func noticeTime(t time.Time) string {
	return t.In(VietnamZone).Format("15:04 ngày 02/01/2006")
}

// Phrase says what happened, after the name of who did it (ActorName):
// "đã trả lại bài viết “…”." For NoticeLive, which nobody did, it is the
// whole sentence.
func (n *Notification) Phrase() string {
	o := n.object()
	switch n.Action {
	case ActSubmit:
		return "đã gửi duyệt " + o + "."
	case ActReturn:
		return "đã trả lại " + o + "."
	case ActPublish:
		if n.Scheduled() {
			return "đã hẹn giờ xuất bản " + o + " lúc " + noticeTime(n.PublishedAt) + "."
		}
		return "đã xuất bản " + o + "."
	case NoticeLive:
		return upperFirst(o) + " đã lên trang lúc " + noticeTime(n.PublishedAt) + "."
	case ActUnpublish:
		return "đã gỡ " + o + " khỏi cổng."
	case ActDecline:
		return "đã đánh dấu " + o + " là không công bố."
	case ActComment:
		return "đã gửi ý kiến về " + o + "."
	}
	return "đã cập nhật " + o + "."
}

// Text is the whole sentence: who did what.
func (n *Notification) Text() string {
	switch {
	case n.Action == NoticeLive:
		return n.Phrase()
	case n.ActorName == "":
		return "Hệ thống " + n.Phrase()
	}
	return n.ActorName + " " + n.Phrase()
}

// Subject is the notification's e-mail subject: short, without who.
func (n *Notification) Subject() string {
	o := n.object()
	switch n.Action {
	case ActSubmit:
		return "Chờ duyệt: " + o
	case ActReturn:
		return "Trả lại: " + o
	case ActPublish:
		if n.Scheduled() {
			return "Hẹn giờ xuất bản: " + o
		}
		return "Đã xuất bản: " + o
	case NoticeLive:
		return "Đã lên trang: " + o
	case ActUnpublish:
		return "Đã gỡ: " + o
	case ActDecline:
		return "Không công bố: " + o
	case ActComment:
		return "Ý kiến về " + o
	}
	return o
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return strings.ToUpper(string(r)) + s[size:]
}

// NotificationFilter selects a user's notifications on a site.
type NotificationFilter struct {
	SiteID int64
	UserID int64
	Unread bool // only those not read yet
	Offset int
	Limit  int
}

// NotifyPrefs is how a user wants to be told besides the back office: by
// e-mail to Email when EmailOn.
type NotifyPrefs struct {
	UserID  int64  `json:"user_id"`
	Email   string `json:"email"`
	EmailOn bool   `json:"email_on"`
}

// Normalize trims the address.
func (p *NotifyPrefs) Normalize() { p.Email = strings.TrimSpace(p.Email) }

// Validate checks the settings: a plain address (no name, no list, as
// ValidEmail) when one is given, and one to send to when e-mails are asked
// for. It returns a *ValidationError on "email".
func (p *NotifyPrefs) Validate() error {
	msg := ""
	switch {
	case p.Email == "":
		if p.EmailOn {
			msg = "Hãy nhập địa chỉ e-mail để nhận thông báo."
		}
	case !ValidEmail(p.Email):
		msg = "Địa chỉ e-mail không hợp lệ; ví dụ: ten@coquan.gov.vn."
	}
	if msg != "" {
		return &ValidationError{Fields: FieldErrors{"email": msg}}
	}
	return nil
}

// MailNotice is a notification to e-mail, with what the message needs.
type MailNotice struct {
	Notification
	To        string // the address
	UserName  string // the recipient's display name
	SiteName  string
	SiteHost  string // "" for the default site
	MailTries int    // earlier attempts that failed
}

// NotificationStore reads the back office's notifications.
type NotificationStore interface {
	// FindNotifications lists a user's notifications on a site that are
	// due (ShowAt passed; a NoticeLive only while its item is still out),
	// newest first, with the total number.
	FindNotifications(ctx context.Context, f NotificationFilter) ([]*Notification, int, error)
	// FindNotification returns one of the user's due notifications on the
	// site; NotFound(KindNotification) for another's, or one not due.
	FindNotification(ctx context.Context, siteID, userID, id int64) (*Notification, error)
	// CountUnread counts the user's due, unread notifications on the site.
	CountUnread(ctx context.Context, siteID, userID int64) (int, error)
	// FindNotifyPrefs returns a user's e-mail settings: none (no address,
	// off) for a user who has set none.
	FindNotifyPrefs(ctx context.Context, userID int64) (*NotifyPrefs, error)
	// MailDue reports whether a notification waits to be e-mailed.
	MailDue(ctx context.Context) (bool, error)
}

// NotificationTx writes notifications inside the change they tell of.
type NotificationTx interface {
	// FindEditors returns the IDs of the site's editors and
	// administrators whose accounts are not disabled, the people who
	// approve.
	FindEditors(ctx context.Context, siteID int64) ([]int64, error)
	// FindNotifyPrefs reads a user's e-mail settings inside the
	// transaction.
	FindNotifyPrefs(ctx context.Context, userID int64) (*NotifyPrefs, error)
	// SetNotifyPrefs writes a user's e-mail settings.
	SetNotifyPrefs(ctx context.Context, p *NotifyPrefs) error
	// AddNotification stores a notification, to be e-mailed when mail is
	// set; it sets n.ID and n.CreatedAt (and n.ShowAt when zero, to the
	// transaction's time).
	AddNotification(ctx context.Context, n *Notification, mail bool) error
	// ReadNotifications marks the user's due notifications on the site
	// read: those with the IDs, or all when ids is nil. It returns how
	// many it marked.
	ReadNotifications(ctx context.Context, siteID, userID int64, ids []int64) (int, error)
	// ReadItemNotifications marks read the unread notifications about an
	// item: the user's (everyone's for 0), of the actions (any for none).
	ReadItemNotifications(ctx context.Context, item Ref, userID int64, actions ...string) error
	// CancelNotifications deletes the item's notifications that are not
	// due yet (a scheduled publication's NoticeLive), when a later step
	// changes what they would tell.
	CancelNotifications(ctx context.Context, item Ref) error
	// ClaimMail takes up to limit due notifications to e-mail, of
	// recipients with an address who asked for e-mails, and holds them
	// for lease (another process does not take them meanwhile). Those
	// due before since are given up: after a long stop, old news is not
	// sent.
	ClaimMail(ctx context.Context, since time.Time, lease time.Duration, limit int) ([]*MailNotice, error)
	// MailSent records that a notification was e-mailed.
	MailSent(ctx context.Context, id int64) error
	// MailFailed records a failed attempt: to try again from retry, or,
	// when retry is zero, never.
	MailFailed(ctx context.Context, id int64, retry time.Time) error
}

// NotificationService is the back office's notifications: what the store
// reads, and the user's own changes.
type NotificationService interface {
	NotificationStore
	// ReadNotifications marks the actor's notifications on the site read:
	// those with the IDs, or all when ids is nil. It returns how many.
	ReadNotifications(ctx context.Context, actor Actor, siteID int64, ids []int64) (int, error)
	// SetNotifyPrefs changes the actor's own e-mail settings (recorded in
	// the audit log of the site they are on); EINVALID (a
	// *ValidationError on "email") for a bad address.
	SetNotifyPrefs(ctx context.Context, actor Actor, siteID int64, p NotifyPrefs) (*NotifyPrefs, error)
}
