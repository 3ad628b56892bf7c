package admin

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// auditService is what the audit log's page and API need.
type auditService interface {
	FindAudit(ctx context.Context, f congtin.AuditFilter) ([]*congtin.AuditEntry, int, error)
}

const auditPath = "/admin/nhat-ky"

// auditActions are the choices of the audit log's action filter: a code
// ("article.publish") or a prefix ("article": every action on articles).
var auditActions = []string{
	"login", "login_failed", "logout",
	"article", "article.create", "article.edit", "article.submit", "article.withdraw", "article.return",
	"article.publish", "article.unpublish", "article.comment", "article.restore",
	"document", "page", "question", "schedule",
	"category", "media", "link", "unit", "user", "site",
}

// auditOptions labels auditActions in Vietnamese.
func auditOptions() []render.Option {
	out := make([]render.Option, len(auditActions))
	for i, a := range auditActions {
		label := congtin.AuditActionName(a)
		if !strings.Contains(a, ".") && !strings.HasPrefix(a, "log") {
			label += ": mọi thao tác"
		}
		out[i] = render.Option{Value: a, Label: label}
	}
	return out
}

// auditItemURL is the audit log of one item, which its page links to
// ("Nhật ký của bài này").
func auditItemURL(r congtin.Ref) string {
	v := url.Values{"loai": {string(r.Kind)}}
	if r.Kind == congtin.KindScheduleWeek {
		v.Set("tuan", r.Key)
	} else {
		v.Set("ma", strconv.FormatInt(r.ID, 10))
	}
	return auditPath + "?" + v.Encode()
}

// auditItem reads the item the log is limited to (loai and ma, or tuan
// for a schedule week) into the filter; nil when none is asked for.
func auditItem(q url.Values, f *congtin.AuditFilter) (*render.AuditItem, error) {
	kind := congtin.Kind(q.Get("loai"))
	if kind == "" {
		return nil, nil
	}
	k := flowKinds[kind]
	if k == nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Loại nội dung không hợp lệ.")
	}
	r := congtin.Ref{Kind: kind, SiteID: f.SiteID}
	name := congtin.NoticeNoun(kind)
	if kind == congtin.KindScheduleWeek {
		w, err := congtin.ParseWeek(q.Get("tuan"))
		if err != nil {
			return nil, err
		}
		r.Key = w.String()
		// The week's steps and its entries' changes begin with it.
		f.ItemKey = r.Key
		if f.Action == "" {
			f.Action = "schedule"
		}
		name += " tuần " + strconv.Itoa(w.Num) + "/" + strconv.Itoa(w.Year)
	} else {
		id, err := strconv.ParseInt(q.Get("ma"), 10, 64)
		if err != nil || id <= 0 {
			return nil, congtin.Errorf(congtin.EINVALID, "Mã nội dung không hợp lệ.")
		}
		r.ID = id
		f.ObjectType, f.ObjectID = string(kind), id
		name += " #" + strconv.FormatInt(id, 10)
	}
	return &render.AuditItem{Ref: r, Name: name, URL: k.url(r)}, nil
}

// entryURL is the page of an entry's object when it is an item with a
// workflow that has an ID.
func entryURL(e *congtin.AuditEntry) string {
	k := flowKinds[congtin.Kind(e.ObjectType)]
	if k == nil || e.ObjectID == 0 {
		return ""
	}
	return k.url(congtin.Ref{Kind: k.kind, SiteID: e.SiteID, ID: e.ObjectID})
}

// handleAudit shows the site's audit log to its editors and
// administrators: filtered by user, action, dates, or one item.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActAudit, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	q := r.URL.Query()
	f := congtin.AuditFilter{SiteID: rq.site.ID, Username: strings.TrimSpace(q.Get("user")), Action: q.Get("action"), Limit: adminPageSize}
	page := &render.AuditPage{AdminBase: rq.base("Nhật ký", "audit"), From: q.Get("tu"), To: q.Get("den"), Actions: auditOptions(), ItemURL: entryURL}
	var err error
	if page.Item, err = auditItem(q, &f); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.From != "" {
		t, err := time.ParseInLocation(time.DateOnly, page.From, congtin.VietnamZone)
		if err != nil {
			s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Ngày bắt đầu không hợp lệ."))
			return
		}
		f.From = t
	}
	if page.To != "" {
		t, err := time.ParseInLocation(time.DateOnly, page.To, congtin.VietnamZone)
		if err != nil {
			s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Ngày kết thúc không hợp lệ."))
			return
		}
		f.To = t.AddDate(0, 0, 1)
	}
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	f.Offset = (pageNo - 1) * adminPageSize
	entries, total, err := s.audit.FindAudit(r.Context(), f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Entries, page.Total, page.Filter = entries, total, f
	page.Pager = adminPager(auditPath, q, pageNo, total)
	s.render(w, r, http.StatusOK, "admin/audit", page)
}
