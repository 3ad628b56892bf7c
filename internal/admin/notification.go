package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// notificationService is what the notifications' page and the header's
// count need.
type notificationService interface {
	FindNotifications(ctx context.Context, f congtin.NotificationFilter) ([]*congtin.Notification, int, error)
	FindNotification(ctx context.Context, siteID, userID, id int64) (*congtin.Notification, error)
	CountUnread(ctx context.Context, siteID, userID int64) (int, error)
	FindNotifyPrefs(ctx context.Context, userID int64) (*congtin.NotifyPrefs, error)
	ReadNotifications(ctx context.Context, actor congtin.Actor, siteID int64, ids []int64) (int, error)
	SetNotifyPrefs(ctx context.Context, actor congtin.Actor, siteID int64, p congtin.NotifyPrefs) (*congtin.NotifyPrefs, error)
}

const notificationsPath = "/admin/thong-bao"

func (s *Server) notificationRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+notificationsPath, s.handleNotifications)
	page("POST "+notificationsPath+"/da-doc", s.handleReadNotifications)
	page("POST "+notificationsPath+"/e-mail", s.handleNotifyPrefs)
	page("POST "+notificationsPath+"/{id}", s.handleOpenNotification)
}

// flowKinds are the kinds with a workflow, for the links of
// notifications and of the audit log.
var flowKinds = map[congtin.Kind]*flowKind{}

func init() {
	for _, k := range []*flowKind{articleFlow, pageFlow, documentFlow, questionFlow, scheduleFlow, consultationFlow, projectFlow, procurementFlow} {
		flowKinds[k.kind] = k
	}
}

// ItemURL is the back-office page of an item with a workflow (its edit
// page, a schedule week's page), "" for another kind; e-mails link to it.
func ItemURL(r congtin.Ref) string {
	if k := flowKinds[r.Kind]; k != nil {
		return k.url(r)
	}
	return ""
}

// unread counts the user's unread notifications for the header; a
// failure is logged and shows none, as the page itself is not about them.
func (s *Server) unread(ctx context.Context, rq *request) int {
	n, err := s.notices.CountUnread(ctx, rq.site.ID, rq.actor.User.ID)
	if err != nil && ctx.Err() == nil {
		s.Log.Warn("counting unread notifications failed", "error", err)
	}
	return n
}

// notificationsPage builds the page: the user's notifications, newest
// first, all or the unread ones, and their e-mail settings.
func (s *Server) notificationsPage(r *http.Request, rq *request) (*render.NotificationsPage, error) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		return nil, err
	}
	page := &render.NotificationsPage{AdminBase: rq.base("Thông báo", "notifications"), OnlyUnread: q.Get("chua-doc") != "", Mail: s.Mail}
	page.Flash = s.flash(r)
	ns, total, err := s.notices.FindNotifications(ctx, congtin.NotificationFilter{SiteID: rq.site.ID, UserID: rq.actor.User.ID,
		Unread: page.OnlyUnread, Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	if err != nil {
		return nil, err
	}
	for _, n := range ns {
		page.Notices = append(page.Notices, &render.Notice{Notification: n, URL: ItemURL(n.Item)})
	}
	page.Total = total
	page.Pager = adminPager(notificationsPath, q, pageNo, total)
	prefs, err := s.notices.FindNotifyPrefs(ctx, rq.actor.User.ID)
	if err != nil {
		return nil, err
	}
	page.Prefs = *prefs
	return page, nil
}

func (s *Server) handleNotifications(w http.ResponseWriter, r *http.Request, rq *request) {
	page, err := s.notificationsPage(r, rq)
	s.show(w, r, rq, "admin/notifications", page, err)
}

// handleReadNotifications marks notifications read: those whose IDs the
// form sends ("id"), or all of them when it sends none.
func (s *Server) handleReadNotifications(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	var ids []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Thông báo không hợp lệ."))
			return
		}
		ids = append(ids, id)
	}
	if len(ids) > adminPageSize {
		s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Chọn quá nhiều thông báo một lúc."))
		return
	}
	n, err := s.notices.ReadNotifications(r.Context(), rq.actor, rq.site.ID, ids)
	msg := "Không còn thông báo nào chưa đọc."
	switch {
	case len(ids) == 1 && n == 1:
		msg = "Đã đánh dấu thông báo là đã đọc."
	case n > 0:
		msg = "Đã đánh dấu " + strconv.Itoa(n) + " thông báo là đã đọc."
	}
	back := notificationsPath
	if r.URL.Query().Get("chua-doc") != "" || r.PostForm.Get("chua-doc") != "" {
		back += "?chua-doc=1"
	}
	s.finish(w, r, rq, err, back, msg)
}

// handleOpenNotification marks a notification read and goes to its item.
func (s *Server) handleOpenNotification(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := idIn(r, "id", "Không tìm thấy thông báo.")
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	n, err := s.notices.FindNotification(r.Context(), rq.site.ID, rq.actor.User.ID, id)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if _, err := s.notices.ReadNotifications(r.Context(), rq.actor, rq.site.ID, []int64{id}); err != nil {
		s.error(w, r, rq, err)
		return
	}
	http.Redirect(w, r, ItemURL(n.Item), http.StatusSeeOther)
}

// handleNotifyPrefs saves the user's e-mail settings.
func (s *Server) handleNotifyPrefs(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in := congtin.NotifyPrefs{Email: formValue(r, "email"), EmailOn: r.PostForm.Get("email_on") != ""}
	if !s.Mail {
		s.error(w, r, rq, congtin.Errorf(congtin.ECONFLICT, "Máy chủ chưa được cấu hình để gửi e-mail."))
		return
	}
	p, err := s.notices.SetNotifyPrefs(r.Context(), rq.actor, rq.site.ID, in)
	if err != nil {
		s.refuseForm(w, r, rq, "admin/notifications", nil, err, notSaved(err), func() (formPage, error) {
			page, err := s.notificationsPage(r, rq)
			if err == nil {
				repair(&in.Email)
				page.Prefs = in
			}
			return page, err
		})
		return
	}
	msg := "Đã lưu: thông báo sẽ được gửi đến e-mail của bạn."
	if !p.EmailOn {
		msg = "Đã lưu. Bạn sẽ không nhận thông báo qua e-mail."
	}
	s.redirect(w, r, notificationsPath, msg)
}
