package app

import (
	"context"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// Who is told of which step, in the step's transaction:
//
//   - sent for approval: the site's editors and administrators;
//   - returned, commented on, published (and, for a scheduled item, when
//     its time comes), taken down, declined: the item's writer;
//   - withdrawn: nobody; the editors' notices of the submission are read.
//
// Nobody is told of their own step; the actor's own unread notices about
// the item are read by it (they have dealt with it), and once an editor
// has handled a submission the other editors' notices of it are too.

// notify writes the notifications of a step (see above). after is the
// item as the step left it.
func (a *App) notify(ctx context.Context, tx congtin.Tx, actor congtin.Actor, after *congtin.Item, s congtin.Step) error {
	r, me := after.Ref, actor.UserID()
	if s.Act != congtin.ActComment {
		// A later step changes what a notice still to come would tell: a
		// scheduled publication taken down, or set for another time.
		if err := tx.CancelNotifications(ctx, r); err != nil {
			return err
		}
	}
	if me != 0 {
		if err := tx.ReadItemNotifications(ctx, r, me); err != nil {
			return err
		}
	}
	switch s.Act {
	case congtin.ActReturn, congtin.ActPublish, congtin.ActDecline, congtin.ActWithdraw:
		if err := tx.ReadItemNotifications(ctx, r, 0, congtin.ActSubmit); err != nil {
			return err
		}
	}
	var to []int64
	switch s.Act {
	case congtin.ActSubmit:
		var err error
		if to, err = tx.FindEditors(ctx, r.SiteID); err != nil {
			return err
		}
	case congtin.ActReturn, congtin.ActPublish, congtin.ActUnpublish, congtin.ActDecline, congtin.ActComment:
		if after.CreatedBy != 0 {
			to = []int64{after.CreatedBy}
		}
	}
	now := tx.Now()
	for _, uid := range to {
		if uid == me {
			continue
		}
		mail, err := a.wantsMail(ctx, tx, uid)
		if err != nil {
			return err
		}
		n := &congtin.Notification{UserID: uid, Item: r, Title: after.Title, Action: s.Act, ActorName: actor.Name(), Comment: s.Comment}
		if s.Act == congtin.ActPublish {
			n.PublishedAt = after.PublishedAt
		}
		if err := tx.AddNotification(ctx, n, mail); err != nil {
			return err
		}
		if s.Act == congtin.ActPublish && after.PublishedAt.After(now) {
			live := &congtin.Notification{UserID: uid, Item: r, Title: after.Title, Action: congtin.NoticeLive,
				PublishedAt: after.PublishedAt, ShowAt: after.PublishedAt}
			if err := tx.AddNotification(ctx, live, mail); err != nil {
				return err
			}
		}
		if mail {
			a.wakeMail()
		}
	}
	return nil
}

// wantsMail reports whether the user is to be e-mailed their
// notifications: e-mail is on for the installation (an SMTP server is
// set), and the user gave an address and asked for them.
func (a *App) wantsMail(ctx context.Context, tx congtin.Tx, userID int64) (bool, error) {
	if !a.Mail {
		return false, nil
	}
	p, err := tx.FindNotifyPrefs(ctx, userID)
	if err != nil {
		return false, err
	}
	return p.EmailOn && p.Email != "", nil
}

// ReadNotifications implements congtin.NotificationService: a user marks
// only their own notifications.
func (a *App) ReadNotifications(ctx context.Context, actor congtin.Actor, siteID int64, ids []int64) (int, error) {
	if actor.User == nil {
		return 0, forbidden("Hãy đăng nhập.")
	}
	var n int
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		n, err = tx.ReadNotifications(ctx, siteID, actor.UserID(), ids)
		return err
	})
	return n, err
}

// SetNotifyPrefs implements congtin.NotificationService: a user sets
// their own, and the change is in the site's audit log (where their
// notifications go), without the address.
func (a *App) SetNotifyPrefs(ctx context.Context, actor congtin.Actor, siteID int64, p congtin.NotifyPrefs) (*congtin.NotifyPrefs, error) {
	if actor.User == nil || actor.User.Disabled {
		return nil, forbidden("Hãy đăng nhập.")
	}
	p.UserID = actor.UserID()
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := tx.SetNotifyPrefs(ctx, &p); err != nil {
			return err
		}
		detail := "tắt nhận thông báo qua e-mail"
		if p.EmailOn {
			detail = "bật nhận thông báo qua e-mail"
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "user.notify", "user", p.UserID, detail))
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// Email is a message to one person.
type Email struct {
	To, ToName string
	FromName   string // the site's name
	Subject    string
	Body       string // plain text
}

// How notifications are e-mailed.
const (
	// mailBatch is how many notifications one round sends at most.
	mailBatch = 20
	// mailLease is how long a round holds the notifications it took;
	// longer than a round's sends with their timeouts, after which
	// another process (or this one after a crash) takes them again.
	mailLease = 15 * time.Minute
	// mailMaxAge: a notification due longer ago is not e-mailed (after
	// the server was stopped, or e-mail set up, old news is not sent).
	mailMaxAge = 24 * time.Hour
)

// mailRetry is the wait after the nth failed attempt (1, 2, …); zero:
// give up.
func mailRetry(n int) time.Duration {
	switch n {
	case 1:
		return time.Minute
	case 2:
		return 5 * time.Minute
	case 3:
		return 30 * time.Minute
	}
	return 0
}

// MailNotifications e-mails the notifications that are due to the users
// who asked for them: up to a batch, taken in a transaction so that two
// processes do not both send one, each sent by send outside any
// transaction, and its result written down (a failed one is tried again a
// few times, later). link gives a notification's address in the back
// office ("" for none). It returns how many were sent and the first
// error of send, which names no secret.
func (a *App) MailNotifications(ctx context.Context, send func(context.Context, Email) error, link func(*congtin.MailNotice) string) (int, error) {
	var ms []*congtin.MailNotice
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		ms, err = tx.ClaimMail(ctx, tx.Now().Add(-mailMaxAge), mailLease, mailBatch)
		return err
	})
	if err != nil {
		return 0, err
	}
	sent := 0
	var first error
	for _, m := range ms {
		serr := send(ctx, noticeEmail(m, link(m)))
		err := a.WithTx(ctx, func(tx congtin.Tx) error {
			if serr == nil {
				return tx.MailSent(ctx, m.ID)
			}
			var retry time.Time
			if d := mailRetry(m.MailTries + 1); d > 0 {
				retry = tx.Now().Add(d)
			}
			return tx.MailFailed(ctx, m.ID, retry)
		})
		if serr == nil {
			sent++
		} else if first == nil {
			first = serr
		}
		if err != nil {
			return sent, err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return sent, first
}

// noticeEmail writes a notification's e-mail.
func noticeEmail(m *congtin.MailNotice, link string) Email {
	var b strings.Builder
	b.WriteString("Chào " + m.UserName + ",\n\n")
	b.WriteString(m.Text() + "\n")
	if m.Comment != "" {
		b.WriteString("\nÝ kiến: “" + m.Comment + "”\n")
	}
	if link != "" {
		b.WriteString("\nMở trong trang quản trị: " + link + "\n")
	}
	b.WriteString("\n-- \n" + m.SiteName + "\n")
	b.WriteString("Thư được gửi tự động vì bạn đã chọn nhận thông báo qua e-mail; để thôi nhận, hãy bỏ chọn ở trang Thông báo của trang quản trị.\n")
	return Email{To: m.To, ToName: m.UserName, FromName: m.SiteName, Subject: m.Subject(), Body: b.String()}
}

// wakeMail tells MailWake's reader that a notification waits to be
// e-mailed (it looks once the step's transaction has ended).
func (a *App) wakeMail() {
	select {
	case a.mailWake <- struct{}{}:
	default:
	}
}

// MailWake receives when a step has written a notification to e-mail, so
// that the sender need not wait for its next round.
func (a *App) MailWake() <-chan struct{} { return a.mailWake }
