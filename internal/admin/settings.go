package admin

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

func (s *Server) handleSettings(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.SettingsPage{AdminBase: rq.base("Cài đặt", "settings"), Form: *rq.site}
	page.Flash = flash(r)
	s.render(w, r, http.StatusOK, "admin/settings", page)
}

func (s *Server) handleSaveSettings(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	f := congtin.Site{Name: formValue(r, "name"), Tagline: formValue(r, "tagline"), Agency: formValue(r, "agency"),
		Address: formValue(r, "address"), Phone: formValue(r, "phone"), Email: formValue(r, "email")}
	var err error
	if v := formValue(r, "counter_offset"); v != "" {
		if f.CounterOffset, err = strconv.ParseInt(v, 10, 64); err != nil {
			err = congtin.Errorf(congtin.EINVALID, "Số lượt truy cập ban đầu phải là số nguyên.")
		}
	}
	if err == nil {
		_, err = s.Store.UpdateSiteAs(r.Context(), rq.actor, rq.site.ID, congtin.SiteUpdate{
			Name: &f.Name, Tagline: &f.Tagline, Agency: &f.Agency, Address: &f.Address, Phone: &f.Phone, Email: &f.Email, CounterOffset: &f.CounterOffset})
	}
	if err != nil {
		if congtin.ErrorCode(err) != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		for _, p := range []*string{&f.Name, &f.Tagline, &f.Agency, &f.Address, &f.Phone, &f.Email} {
			*p = strings.ToValidUTF8(*p, "\uFFFD")
		}
		page := &render.SettingsPage{AdminBase: rq.base("Cài đặt", "settings"), Form: f}
		page.Error = congtin.ErrorMessage(err)
		s.render(w, r, http.StatusBadRequest, "admin/settings", page)
		return
	}
	redirect(w, r, "/admin/cai-dat", "Đã lưu cài đặt.")
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
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
	entries, total, err := s.Store.FindAudit(r.Context(), f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Entries, page.Total, page.Filter = entries, total, f
	page.Pager = adminPager("/admin/nhat-ky", q, pageNo, total)
	s.render(w, r, http.StatusOK, "admin/audit", page)
}

func (s *Server) handleSites(w http.ResponseWriter, r *http.Request, rq *request) {
	s.sitesPage(w, r, rq, http.StatusOK, "", "", nil)
}

func (s *Server) sitesPage(w http.ResponseWriter, r *http.Request, rq *request, status int, host, name string, err error) {
	if !rq.actor.User.SuperAdmin {
		s.error(w, r, rq, congtin.Errorf(congtin.EFORBIDDEN, "Chỉ siêu quản trị mới quản lý các cổng thông tin."))
		return
	}
	sites, ferr := s.Store.FindSites(r.Context())
	if ferr != nil {
		s.error(w, r, rq, ferr)
		return
	}
	page := &render.SitesPage{AdminBase: rq.base("Cổng thông tin", "sites"), Sites: sites, Host: strings.ToValidUTF8(host, ""), Name: strings.ToValidUTF8(name, "")}
	page.Flash = flash(r)
	if err != nil {
		page.Error = congtin.ErrorMessage(err)
	}
	s.render(w, r, status, "admin/sites", page)
}

func (s *Server) handleCreateSite(w http.ResponseWriter, r *http.Request, rq *request) {
	if !rq.actor.User.SuperAdmin {
		s.error(w, r, rq, congtin.Errorf(congtin.EFORBIDDEN, "Chỉ siêu quản trị mới tạo được cổng thông tin."))
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	host, name := formValue(r, "host"), formValue(r, "name")
	if _, err := s.Store.CreateSite(r.Context(), rq.actor, host, name); err != nil {
		if c := congtin.ErrorCode(err); c != congtin.EINVALID && c != congtin.ECONFLICT {
			s.error(w, r, rq, err)
			return
		}
		s.sitesPage(w, r, rq, http.StatusBadRequest, host, name, err)
		return
	}
	redirect(w, r, "/admin/cong", "Đã thêm cổng "+host+".")
}
