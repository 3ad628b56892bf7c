package admin

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// auditService is what the audit log's page and API need.
type auditService interface {
	FindAudit(ctx context.Context, f congtin.AuditFilter) ([]*congtin.AuditEntry, int, error)
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := manager(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	q := r.URL.Query()
	f := congtin.AuditFilter{SiteID: rq.site.ID, Username: strings.TrimSpace(q.Get("user")), Action: q.Get("action"), Limit: adminPageSize}
	page := &render.AuditPage{AdminBase: rq.base("Nhật ký", "audit"), From: q.Get("tu"), To: q.Get("den")}
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
	page.Pager = adminPager("/admin/nhat-ky", q, pageNo, total)
	s.render(w, r, http.StatusOK, "admin/audit", page)
}
