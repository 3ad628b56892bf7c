package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.NotificationStore = (*DB)(nil)
var _ congtin.NotificationTx = (*Tx)(nil)

// The e-mail states of a notification (column mail_state).
const (
	mailNone    = 0 // not to be e-mailed
	mailPending = 1 // to send, not before mail_after
	mailSent    = 2
	mailGivenUp = 3
)

// mailMaxTries is how many failed attempts give a notification's e-mail
// up whatever the service layer asks (it decides the waits between).
const mailMaxTries = 5

// notificationColumns are a notification's (n) columns as
// scanNotification reads them. The notice that a scheduled item went out
// gives the item's publication time as it is now, which an edit may have
// moved since the notice was written.
var notificationColumns = `n.id, n.site_id, n.user_id, n.kind, n.item_id, n.item_key, n.title, n.action, n.actor_name, n.comment,
	CASE WHEN n.action = '` + congtin.NoticeLive + `' THEN COALESCE(` + itemColumn("published_at") + `, n.published_at) ELSE n.published_at END,
	n.created_at, n.show_at, n.read_at`

// flowKindNames are the kinds of flowTables, in order.
func flowKindNames() []string {
	kinds := make([]string, 0, len(flowTables))
	for k := range flowTables {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	return kinds
}

// itemWhere is the condition that a row t of f's table is the item a
// notification (n) is about.
func itemWhere(f flowTable) string {
	item := "n.item_id"
	if f.key != "id" {
		item = "n.item_key"
	}
	return `t.site_id = n.site_id AND t.` + f.key + ` = ` + item
}

// itemColumn is a column of the item a notification (n) is about,
// whatever its kind.
func itemColumn(col string) string {
	var b strings.Builder
	b.WriteString("CASE n.kind")
	for _, k := range flowKindNames() {
		f := flowTables[congtin.Kind(k)]
		// The kinds are the code's own constants, not input.
		b.WriteString(` WHEN '` + k + `' THEN (SELECT t.` + col + ` FROM ` + f.table + ` t WHERE ` + itemWhere(f) + `)`)
	}
	b.WriteString(" END")
	return b.String()
}

func scanNotification(row scanner, after ...any) (*congtin.Notification, error) {
	var n congtin.Notification
	err := row.Scan(append([]any{&n.ID, &n.SiteID, &n.UserID, &n.Item.Kind, &n.Item.ID, &n.Item.Key, &n.Title, &n.Action, &n.ActorName, &n.Comment,
		at(&n.PublishedAt), at(&n.CreatedAt), at(&n.ShowAt), at(&n.ReadAt)}, after...)...)
	n.Item.SiteID = n.SiteID
	return &n, err
}

// due is the condition that a notification (n) is due at the time of
// its arguments: its time has come and, for the notice that a scheduled
// item went out, the item is still published and its time has come too
// (it may have been taken down, or moved later, since). Built once from
// flowTables; args gives its arguments for a time.
var due = func() struct {
	cond  string
	times int
} {
	var live []string
	for _, k := range flowKindNames() {
		f := flowTables[congtin.Kind(k)]
		// The kinds are the code's own constants, not input.
		live = append(live, `(n.kind = '`+k+`' AND EXISTS (SELECT 1 FROM `+f.table+` t WHERE `+itemWhere(f)+
			` AND t.status = '`+congtin.StatusPublished+`' AND t.published_at <= ?))`)
	}
	return struct {
		cond  string
		times int
	}{
		cond:  `n.show_at <= ? AND (n.action <> '` + congtin.NoticeLive + `' OR ` + strings.Join(live, " OR ") + `)`,
		times: 1 + len(live),
	}
}()

// dueArgs are due.cond's arguments at now.
func dueArgs(now time.Time) []any {
	args := make([]any, due.times)
	for i := range args {
		args[i] = now
	}
	return args
}

// FindNotifications implements congtin.NotificationStore.
func (db *DB) FindNotifications(ctx context.Context, f congtin.NotificationFilter) ([]*congtin.Notification, int, error) {
	var w where
	w.add("n.user_id = ?", f.UserID)
	w.add("n.site_id = ?", f.SiteID)
	if f.Unread {
		w.add("n.read_at IS NULL")
	}
	w.add(due.cond, dueArgs(db.Now())...)
	total, err := db.count(ctx, `SELECT COUNT(*) FROM notifications n WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count notifications", err)
	}
	ns, err := list(ctx, db.conn, func(row scanner) (*congtin.Notification, error) { return scanNotification(row) },
		`SELECT `+notificationColumns+` FROM notifications n WHERE `+w.String()+` ORDER BY n.show_at DESC, n.id DESC LIMIT ? OFFSET ?`,
		append(w.args, limit(f.Limit, 30), max(f.Offset, 0))...)
	return ns, total, db.wrap("find notifications", err)
}

// FindNotification implements congtin.NotificationStore.
func (db *DB) FindNotification(ctx context.Context, siteID, userID, id int64) (*congtin.Notification, error) {
	n, err := scanNotification(db.QueryRow(ctx, `SELECT `+notificationColumns+` FROM notifications n WHERE n.id = ? AND n.user_id = ? AND n.site_id = ? AND `+due.cond,
		append([]any{id, userID, siteID}, dueArgs(db.Now())...)...))
	return n, db.wrap("find notification", found(err, congtin.KindNotification))
}

// CountUnread implements congtin.NotificationStore.
func (db *DB) CountUnread(ctx context.Context, siteID, userID int64) (int, error) {
	n, err := db.count(ctx, `SELECT COUNT(*) FROM notifications n WHERE n.user_id = ? AND n.site_id = ? AND n.read_at IS NULL AND `+due.cond,
		append([]any{userID, siteID}, dueArgs(db.Now())...)...)
	return n, db.wrap("count unread notifications", err)
}

func (c conn) findNotifyPrefs(ctx context.Context, userID int64) (*congtin.NotifyPrefs, error) {
	p := &congtin.NotifyPrefs{UserID: userID}
	err := c.QueryRow(ctx, `SELECT email, email_on FROM notify_prefs WHERE user_id = ?`, userID).Scan(&p.Email, &p.EmailOn)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil // none set: no e-mails
	}
	return p, c.db.wrap("find notify prefs", err)
}

// FindNotifyPrefs implements congtin.NotificationStore.
func (db *DB) FindNotifyPrefs(ctx context.Context, userID int64) (*congtin.NotifyPrefs, error) {
	return db.findNotifyPrefs(ctx, userID)
}

// FindNotifyPrefs implements congtin.NotificationTx.
func (tx *Tx) FindNotifyPrefs(ctx context.Context, userID int64) (*congtin.NotifyPrefs, error) {
	return tx.findNotifyPrefs(ctx, userID)
}

// MailDue implements congtin.NotificationStore.
func (db *DB) MailDue(ctx context.Context) (bool, error) {
	now := db.Now()
	ok, err := db.exists(ctx, `SELECT 1 FROM notifications n WHERE n.mail_state = ? AND (n.mail_after IS NULL OR n.mail_after <= ?) AND `+due.cond,
		append([]any{mailPending, now}, dueArgs(now)...)...)
	return ok, db.wrap("mail due", err)
}

// FindEditors implements congtin.NotificationTx.
func (tx *Tx) FindEditors(ctx context.Context, siteID int64) ([]int64, error) {
	ids, err := list(ctx, tx.conn, func(row scanner) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	}, `SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.site_id = ? AND m.role IN (?, ?) AND u.disabled = FALSE ORDER BY m.user_id`, siteID, congtin.RoleEditor, congtin.RoleAdmin)
	return ids, tx.db.wrap("find editors", err)
}

// SetNotifyPrefs implements congtin.NotificationTx.
func (tx *Tx) SetNotifyPrefs(ctx context.Context, p *congtin.NotifyPrefs) error {
	_, err := tx.Exec(ctx, `INSERT INTO notify_prefs (user_id, email, email_on) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, email_on = excluded.email_on`, p.UserID, p.Email, p.EmailOn)
	return tx.db.wrap("set notify prefs", err)
}

// AddNotification implements congtin.NotificationTx.
func (tx *Tx) AddNotification(ctx context.Context, n *congtin.Notification, mail bool) error {
	n.CreatedAt = tx.now
	if n.ShowAt.IsZero() {
		n.ShowAt = tx.now
	}
	state := mailNone
	if mail {
		state = mailPending
	}
	id, err := tx.insert(ctx, `INSERT INTO notifications (site_id, user_id, kind, item_id, item_key, title, action, actor_name, comment,
		published_at, created_at, show_at, mail_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.Item.SiteID, n.UserID, n.Item.Kind, n.Item.ID, n.Item.Key, clean(n.Title), n.Action, clean(n.ActorName), n.Comment,
		nullTime(n.PublishedAt), n.CreatedAt, n.ShowAt, state)
	n.ID, n.SiteID = id, n.Item.SiteID
	return tx.db.wrap("add notification", err)
}

// ReadNotifications implements congtin.NotificationTx.
func (tx *Tx) ReadNotifications(ctx context.Context, siteID, userID int64, which []int64) (int, error) {
	if which != nil && len(which) == 0 {
		return 0, nil
	}
	var w where
	w.add("n.user_id = ?", userID)
	w.add("n.site_id = ?", siteID)
	w.add("n.read_at IS NULL")
	if which != nil {
		w.add("n.id IN ("+placeholders(len(which))+")", ids(which)...)
	}
	w.add(due.cond, dueArgs(tx.now)...)
	// The alias n of the conditions names the table in the subquery.
	res, err := tx.Exec(ctx, `UPDATE notifications SET read_at = ? WHERE id IN (SELECT n.id FROM notifications n WHERE `+w.String()+`)`,
		append([]any{tx.now}, w.args...)...)
	if err != nil {
		return 0, tx.db.wrap("read notifications", err)
	}
	done, err := res.RowsAffected()
	return int(done), tx.db.wrap("read notifications", err)
}

// ReadItemNotifications implements congtin.NotificationTx.
func (tx *Tx) ReadItemNotifications(ctx context.Context, r congtin.Ref, userID int64, actions ...string) error {
	var w where
	w.add("kind = ? AND item_id = ? AND item_key = ? AND site_id = ?", r.Kind, r.ID, r.Key, r.SiteID)
	w.add("read_at IS NULL")
	w.add("show_at <= ?", tx.now)
	if userID != 0 {
		w.add("user_id = ?", userID)
	}
	if len(actions) > 0 {
		args := make([]any, len(actions))
		for i, a := range actions {
			args[i] = a
		}
		w.add("action IN ("+placeholders(len(actions))+")", args...)
	}
	_, err := tx.Exec(ctx, `UPDATE notifications SET read_at = ? WHERE `+w.String(), append([]any{tx.now}, w.args...)...)
	return tx.db.wrap("read item notifications", err)
}

// CancelNotifications implements congtin.NotificationTx.
func (tx *Tx) CancelNotifications(ctx context.Context, r congtin.Ref) error {
	_, err := tx.Exec(ctx, `DELETE FROM notifications WHERE kind = ? AND item_id = ? AND item_key = ? AND site_id = ? AND show_at > ?`,
		r.Kind, r.ID, r.Key, r.SiteID, tx.now)
	return tx.db.wrap("cancel notifications", err)
}

// ClaimMail implements congtin.NotificationTx.
func (tx *Tx) ClaimMail(ctx context.Context, since time.Time, lease time.Duration, n int) ([]*congtin.MailNotice, error) {
	if _, err := tx.Exec(ctx, `UPDATE notifications SET mail_state = ? WHERE mail_state = ? AND show_at < ?`, mailGivenUp, mailPending, since); err != nil {
		return nil, tx.db.wrap("claim mail", err)
	}
	ms, err := list(ctx, tx.conn, func(row scanner) (*congtin.MailNotice, error) {
		var m congtin.MailNotice
		nt, err := scanNotification(row, &m.To, &m.UserName, &m.SiteName, &m.SiteHost, &m.MailTries)
		if nt != nil {
			m.Notification = *nt
		}
		return &m, err
	}, `SELECT `+notificationColumns+`, p.email, u.display_name, s.name, s.host, n.mail_tries
		FROM notifications n JOIN notify_prefs p ON p.user_id = n.user_id JOIN users u ON u.id = n.user_id JOIN sites s ON s.id = n.site_id
		WHERE n.mail_state = ? AND (n.mail_after IS NULL OR n.mail_after <= ?) AND p.email_on = TRUE AND p.email <> '' AND u.disabled = FALSE AND `+due.cond+`
		ORDER BY n.show_at, n.id LIMIT ?`,
		append(append([]any{mailPending, tx.now}, dueArgs(tx.now)...), limit(n, 20))...)
	if err != nil {
		return nil, tx.db.wrap("claim mail", err)
	}
	for _, m := range ms {
		if _, err := tx.Exec(ctx, `UPDATE notifications SET mail_after = ? WHERE id = ?`, tx.now.Add(lease), m.ID); err != nil {
			return nil, tx.db.wrap("claim mail", err)
		}
	}
	// Due ones nobody can receive any more (the address removed, e-mails
	// turned off, the account disabled) are not kept waiting.
	_, err = tx.Exec(ctx, `UPDATE notifications SET mail_state = ? WHERE mail_state = ? AND show_at <= ? AND NOT EXISTS (
		SELECT 1 FROM notify_prefs p JOIN users u ON u.id = p.user_id
		WHERE p.user_id = notifications.user_id AND p.email_on = TRUE AND p.email <> '' AND u.disabled = FALSE)`, mailNone, mailPending, tx.now)
	return ms, tx.db.wrap("claim mail", err)
}

// MailSent implements congtin.NotificationTx.
func (tx *Tx) MailSent(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `UPDATE notifications SET mail_state = ?, mail_after = NULL WHERE id = ?`, mailSent, id)
	return tx.db.wrap("mail sent", err)
}

// MailFailed implements congtin.NotificationTx. After mailMaxTries
// failures it gives up, whatever retry says.
func (tx *Tx) MailFailed(ctx context.Context, id int64, retry time.Time) error {
	giveUpAt := mailMaxTries
	if retry.IsZero() {
		giveUpAt = 0 // now
	}
	_, err := tx.Exec(ctx, `UPDATE notifications SET mail_tries = mail_tries + 1, mail_after = ?,
		mail_state = CASE WHEN mail_tries + 1 >= ? THEN ? ELSE mail_state END WHERE id = ?`,
		nullTime(retry), giveUpAt, mailGivenUp, id)
	return tx.db.wrap("mail failed", err)
}
