package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// siteService is what the settings and the sites' page need.
type siteService interface {
	UpdateSiteAs(ctx context.Context, actor congtin.Actor, id int64, upd congtin.SiteUpdate) (*congtin.Site, error)
	FindSites(ctx context.Context) ([]*congtin.Site, error)
	CreateSite(ctx context.Context, actor congtin.Actor, host, name string) (*congtin.Site, error)
}

func (s *Server) handleSettings(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := manager(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.SettingsPage{AdminBase: rq.base("Cài đặt", "settings"), Form: *rq.site}
	page.Flash = s.flash(r)
	s.render(w, r, http.StatusOK, "admin/settings", page)
}

func (s *Server) handleSaveSettings(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := allowedForm(w, r, rq, manager); err != nil {
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
		_, err = s.sites.UpdateSiteAs(r.Context(), rq.actor, rq.site.ID, congtin.SiteUpdate{
			Name: &f.Name, Tagline: &f.Tagline, Agency: &f.Agency, Address: &f.Address, Phone: &f.Phone, Email: &f.Email, CounterOffset: &f.CounterOffset})
	}
	if err != nil {
		s.refuseForm(w, r, rq, "admin/settings", nil, err, congtin.ErrorMessage(err), func() (formPage, error) {
			repair(&f.Name, &f.Tagline, &f.Agency, &f.Address, &f.Phone, &f.Email)
			return &render.SettingsPage{AdminBase: rq.base("Cài đặt", "settings"), Form: f}, nil
		})
		return
	}
	s.redirect(w, r, "/admin/cai-dat", "Đã lưu cài đặt.")
}

func (s *Server) handleSites(w http.ResponseWriter, r *http.Request, rq *request) {
	s.sitesPage(w, r, rq, http.StatusOK, "", "", nil)
}

func (s *Server) sitesPage(w http.ResponseWriter, r *http.Request, rq *request, status int, host, name string, err error) {
	if !rq.actor.User.SuperAdmin {
		s.error(w, r, rq, congtin.Errorf(congtin.EFORBIDDEN, "Chỉ siêu quản trị mới quản lý các cổng thông tin."))
		return
	}
	sites, ferr := s.sites.FindSites(r.Context())
	if ferr != nil {
		s.error(w, r, rq, ferr)
		return
	}
	page := &render.SitesPage{AdminBase: rq.base("Cổng thông tin", "sites"), Sites: sites, Host: strings.ToValidUTF8(host, ""), Name: strings.ToValidUTF8(name, "")}
	page.Flash = s.flash(r)
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
	if _, err := s.sites.CreateSite(r.Context(), rq.actor, host, name); err != nil {
		if c := congtin.ErrorCode(err); c != congtin.EINVALID && c != congtin.ECONFLICT {
			s.error(w, r, rq, err)
			return
		}
		s.sitesPage(w, r, rq, http.StatusBadRequest, host, name, err)
		return
	}
	s.redirect(w, r, "/admin/cong", "Đã thêm cổng "+host+".")
}
