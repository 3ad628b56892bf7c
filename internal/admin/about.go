package admin

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The about section's pages in the back office, with the articles'
// workflow, editor, revisions and audit log; and the organisation chart.

const pagesAdminPath = "/admin/gioi-thieu"

func pageAdminURL(id int64) string { return pagesAdminPath + "/" + strconv.FormatInt(id, 10) }

func (s *Server) handlePages(w http.ResponseWriter, r *http.Request, rq *request) {
	ps, err := s.Store.FindPages(r.Context(), rq.site.ID, false)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.AdminPagesPage{AdminBase: rq.base("Trang giới thiệu", "pages"), Pages: ps}
	page.Flash = flash(r)
	s.render(w, r, http.StatusOK, "admin/pages", page)
}

// pageEditPage prepares the page form.
func (s *Server) pageEditPage(r *http.Request, rq *request, p *congtin.Page) (*render.PageEditPage, error) {
	title := "Trang giới thiệu mới"
	if p != nil {
		title = "Sửa: " + p.Title
	}
	page := &render.PageEditPage{AdminBase: rq.base(title, "pages"), Page: p}
	page.Flash = flash(r)
	if p == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
		return page, nil
	}
	page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, p.Item())
	page.Input = congtin.PageInput{Title: p.Title, Slug: p.Slug, Body: p.Body, TitleEN: p.TitleEN, SlugEN: p.SlugEN, BodyEN: p.BodyEN, Position: p.Position}
	var err error
	if page.Workflow, err = s.workflowPanel(r.Context(), rq, pageFlow, p.Item()); err != nil {
		return nil, err
	}
	if p.IsPublic() {
		page.PublicURL, page.PublicURLEN = p.Path(), p.PathEN()
	}
	return page, nil
}

func readPageForm(r *http.Request) (congtin.PageInput, congtin.FieldErrors) {
	in := congtin.PageInput{Title: formValue(r, "title"), Slug: formValue(r, "slug"), Body: r.PostForm.Get("body"),
		TitleEN: formValue(r, "title_en"), SlugEN: formValue(r, "slug_en"), BodyEN: r.PostForm.Get("body_en")}
	fe := congtin.FieldErrors{}
	if v := formValue(r, "position"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fe["position"] = "Thứ tự phải là số."
		}
		in.Position = n
	}
	return in, fe
}

// pageFormError shows the form again with what was typed.
func (s *Server) pageFormError(w http.ResponseWriter, r *http.Request, rq *request, p *congtin.Page, in congtin.PageInput, fe congtin.FieldErrors, err error) {
	if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.pageEditPage(r, rq, p)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	fix := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	in.Title, in.Slug, in.Body, in.TitleEN, in.SlugEN, in.BodyEN = fix(in.Title), fix(in.Slug), fix(in.Body), fix(in.TitleEN), fix(in.SlugEN), fix(in.BodyEN)
	page.Input = in
	page.Errors = congtin.FieldErrors{}
	for k, v := range fe {
		page.Errors[k] = v
	}
	if ve, ok := err.(*congtin.ValidationError); ok {
		for k, v := range ve.Fields {
			page.Errors[k] = v
		}
	}
	page.Error = "Chưa lưu được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."
	s.render(w, r, http.StatusBadRequest, "admin/page_edit", page)
}

func (s *Server) handleNewPage(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.pageEditPage(r, rq, nil)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/page_edit", page)
}

func (s *Server) handleCreatePage(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readPageForm(r)
	var p *congtin.Page
	var err error
	if len(fe) == 0 {
		p, err = s.Store.CreatePage(r.Context(), rq.actor, rq.site.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.pageFormError(w, r, rq, nil, in, fe, err)
		return
	}
	redirect(w, r, pageAdminURL(p.ID), "Đã lưu trang (nháp).")
}

func (s *Server) loadPage(r *http.Request, rq *request) (*congtin.Page, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang giới thiệu.")
	}
	p, err := s.Store.FindPage(r.Context(), rq.site.ID, id)
	if err != nil {
		return nil, err
	}
	if !rq.actor.User.SuperAdmin && !congtin.AtLeast(rq.actor.Role, congtin.RoleEditor) && p.CreatedBy != rq.actor.User.ID {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn chỉ xem được trang do mình soạn.")
	}
	return p, nil
}

func (s *Server) handleEditPage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	var page *render.PageEditPage
	if err == nil {
		page, err = s.pageEditPage(r, rq, p)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/page_edit", page)
}

func (s *Server) handleSavePage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, p.Item())
	}
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readPageForm(r)
	if len(fe) == 0 {
		_, err = s.Store.UpdatePage(r.Context(), rq.actor, rq.site.ID, p.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.pageFormError(w, r, rq, p, in, fe, err)
		return
	}
	redirect(w, r, pageAdminURL(p.ID), "Đã lưu trang.")
}

// pageFlow is the about pages' part in the workflow.
var pageFlow = &flowKind{
	kind: congtin.KindPage, heading: "Duyệt trang", headingID: "duyet-trang",
	object: func(congtin.Ref) string { return "trang" },
	ref: func(s *Server, r *http.Request, rq *request) (congtin.Ref, error) {
		p, err := s.loadPage(r, rq)
		if err != nil {
			return congtin.Ref{}, err
		}
		return p.Item().Ref, nil
	},
	url: func(ref congtin.Ref) string { return pageAdminURL(ref.ID) },
}

// pageStepRefused shows the page's edit page again with a refused step's
// reason.
func (s *Server) pageStepRefused(w http.ResponseWriter, r *http.Request, rq *request, ref congtin.Ref, errs congtin.FieldErrors, msg string) {
	p, err := s.Store.FindPage(r.Context(), rq.site.ID, ref.ID)
	var page *render.PageEditPage
	if err == nil {
		page, err = s.pageEditPage(r, rq, p)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Errors, page.Error = errs, stepRefusal(errs, msg)
	s.render(w, r, http.StatusBadRequest, "admin/page_edit", page)
}

// stepRefusal is the message of a refused step on a page or a week: the
// comment's own message when the comment was refused.
func stepRefusal(errs congtin.FieldErrors, msg string) string {
	if m := errs["comment"]; m != "" {
		return "Chưa thực hiện được: " + m
	}
	return msg
}

func (s *Server) handlePageRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revs, err := s.Store.FindPageRevisions(r.Context(), rq.site.ID, p.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.PageRevisionsPage{AdminBase: rq.base("Phiên bản: "+p.Title, "pages"), Page: p, Revisions: revs,
		CanRestore: congtin.Can(rq.actor, congtin.ActRestore, p.Item())}
	page.Flash = flash(r)
	if v := r.URL.Query().Get("xem"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		for _, rev := range revs {
			if err == nil && rev.ID == id {
				page.Shown = rev
			}
		}
		if page.Shown == nil {
			s.error(w, r, rq, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản."))
			return
		}
	}
	s.render(w, r, http.StatusOK, "admin/page_revisions", page)
}

func (s *Server) handleRestorePage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revID, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		s.error(w, r, rq, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản."))
		return
	}
	revs, err := s.Store.FindPageRevisions(r.Context(), rq.site.ID, p.ID)
	found := false
	for _, rev := range revs {
		found = found || rev.ID == revID
	}
	if err == nil && !found {
		err = congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	}
	if err == nil {
		_, err = s.Store.RestorePageRevision(r.Context(), rq.actor, rq.site.ID, revID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	redirect(w, r, pageAdminURL(p.ID), "Đã khôi phục phiên bản #"+strconv.FormatInt(revID, 10)+".")
}

// The organisation chart.

const unitsAdminPath = "/admin/co-cau-to-chuc"

// maxLeaderRows is how many leader rows the unit form shows.
const maxLeaderRows = 6

// unitOptions lays the units out in tree order with their depth.
func unitOptions(units []*congtin.Unit) []render.UnitOption {
	var out []render.UnitOption
	var walk func(us []*congtin.Unit, depth int)
	walk = func(us []*congtin.Unit, depth int) {
		for _, u := range us {
			out = append(out, render.UnitOption{Unit: u, Depth: depth, Label: strings.Repeat("— ", depth) + u.Name})
			walk(u.Children, depth+1)
		}
	}
	walk(congtin.UnitTree(units), 0)
	return out
}

func (s *Server) unitsPage(r *http.Request, rq *request) (*render.UnitsPage, error) {
	units, err := s.Store.FindUnits(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.UnitsPage{AdminBase: rq.base("Cơ cấu tổ chức", "units"), Units: unitOptions(units)}
	page.Flash = flash(r)
	if v := r.URL.Query().Get("sua"); v != "" {
		id, _ := strconv.ParseInt(v, 10, 64)
		for _, u := range units {
			if u.ID == id {
				page.Editing = u
				page.Input = congtin.UnitInput{ParentID: u.ParentID, Name: u.Name, NameEN: u.NameEN, Position: u.Position,
					Phone: u.Phone, Email: u.Email, Leaders: u.Leaders}
			}
		}
		if page.Editing == nil {
			return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy đơn vị.")
		}
	}
	page.Leaders = padLeaders(page.Input.Leaders)
	return page, nil
}

func padLeaders(ls []congtin.Leader) []congtin.Leader {
	out := append([]congtin.Leader(nil), ls...)
	for len(out) < maxLeaderRows {
		out = append(out, congtin.Leader{})
	}
	return out
}

func (s *Server) handleUnits(w http.ResponseWriter, r *http.Request, rq *request) {
	page, err := s.unitsPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/units", page)
}

func readUnitForm(r *http.Request) (congtin.UnitInput, congtin.FieldErrors) {
	in := congtin.UnitInput{Name: formValue(r, "name"), NameEN: formValue(r, "name_en"), Phone: formValue(r, "phone"), Email: formValue(r, "email")}
	fe := congtin.FieldErrors{}
	if v := formValue(r, "parent_id"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			fe["parent_id"] = "Đơn vị cấp trên không hợp lệ."
		}
		in.ParentID = n
	}
	if v := formValue(r, "position"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fe["position"] = "Thứ tự phải là số."
		}
		in.Position = n
	}
	names, titles, titlesEN := r.PostForm["leader_name"], r.PostForm["leader_title"], r.PostForm["leader_title_en"]
	if len(names) > congtin.MaxLeaders+maxLeaderRows {
		fe["leaders"] = "Quá nhiều dòng lãnh đạo."
		return in, fe
	}
	for i, n := range names {
		l := congtin.Leader{Name: n}
		if i < len(titles) {
			l.Title = titles[i]
		}
		if i < len(titlesEN) {
			l.TitleEN = titlesEN[i]
		}
		in.Leaders = append(in.Leaders, l)
	}
	return in, fe
}

func (s *Server) unitFormError(w http.ResponseWriter, r *http.Request, rq *request, editing *congtin.Unit, in congtin.UnitInput, fe congtin.FieldErrors, err error) {
	if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.unitsPage(r, rq)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	fix := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	in.Name, in.NameEN, in.Phone, in.Email = fix(in.Name), fix(in.NameEN), fix(in.Phone), fix(in.Email)
	for i := range in.Leaders {
		in.Leaders[i] = congtin.Leader{Name: fix(in.Leaders[i].Name), Title: fix(in.Leaders[i].Title), TitleEN: fix(in.Leaders[i].TitleEN)}
	}
	page.Editing, page.Input, page.Leaders = editing, in, padLeaders(in.Leaders)
	page.Errors = congtin.FieldErrors{}
	for k, v := range fe {
		page.Errors[k] = v
	}
	if ve, ok := err.(*congtin.ValidationError); ok {
		for k, v := range ve.Fields {
			page.Errors[k] = v
		}
	}
	page.Error = "Chưa lưu được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."
	s.render(w, r, http.StatusBadRequest, "admin/units", page)
}

func canUnits(rq *request) error {
	if congtin.CanEditUnits(rq.actor) {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Chỉ biên tập viên và quản trị viên được sửa cơ cấu tổ chức.")
}

func (s *Server) handleCreateUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	err := canUnits(rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readUnitForm(r)
	var u *congtin.Unit
	if len(fe) == 0 {
		u, err = s.Store.CreateUnit(r.Context(), rq.actor, rq.site.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.unitFormError(w, r, rq, nil, in, fe, err)
		return
	}
	redirect(w, r, unitsAdminPath, "Đã thêm đơn vị “"+u.Name+"”.")
}

func (s *Server) handleSaveUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = canUnits(rq)
	}
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readUnitForm(r)
	var u *congtin.Unit
	if len(fe) == 0 {
		u, err = s.Store.UpdateUnit(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if len(fe) > 0 || err != nil {
		s.unitFormError(w, r, rq, &congtin.Unit{ID: id, Name: in.Name}, in, fe, err)
		return
	}
	redirect(w, r, unitsAdminPath, "Đã lưu đơn vị “"+u.Name+"”.")
}

func (s *Server) handleDeleteUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = canUnits(rq)
	}
	if err == nil {
		err = s.Store.DeleteUnit(r.Context(), rq.actor, rq.site.ID, id)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	redirect(w, r, unitsAdminPath, "Đã xóa đơn vị.")
}

// Links, for administrators.

func (s *Server) linksPage(r *http.Request, rq *request) (*render.AdminLinksPage, error) {
	ls, err := s.Store.FindLinks(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.AdminLinksPage{AdminBase: rq.base("Liên kết", "links"), Links: ls, Input: congtin.LinkInput{Group: congtin.DefaultLinkGroup}}
	page.Flash = flash(r)
	return page, nil
}

func (s *Server) handleLinks(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.linksPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/links", page)
}

func readLinkForm(r *http.Request) (congtin.LinkInput, error) {
	in := congtin.LinkInput{Name: formValue(r, "name"), URL: formValue(r, "url"), Group: formValue(r, "group")}
	if v := formValue(r, "position"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return in, &congtin.ValidationError{Fields: congtin.FieldErrors{"position": "Thứ tự phải là số."}}
		}
		in.Position = n
	}
	return in, nil
}

func (s *Server) linkFormError(w http.ResponseWriter, r *http.Request, rq *request, in congtin.LinkInput, err error) {
	if congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.linksPage(r, rq)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	fix := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	page.Input = congtin.LinkInput{Name: fix(in.Name), URL: fix(in.URL), Group: fix(in.Group), Position: in.Position}
	page.Error = "Chưa lưu được: " + congtin.ErrorMessage(err)
	if ve, ok := err.(*congtin.ValidationError); ok {
		page.Errors = ve.Fields
		for _, k := range []string{"position", "group", "name", "url"} {
			if m := ve.Fields[k]; m != "" {
				page.Error = "Chưa lưu được: " + m
			}
		}
	}
	s.render(w, r, http.StatusBadRequest, "admin/links", page)
}

func (s *Server) handleCreateLink(w http.ResponseWriter, r *http.Request, rq *request) {
	err := can(rq, congtin.ActManage, nil)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readLinkForm(r)
	if err == nil {
		_, err = s.Store.CreateLink(r.Context(), rq.actor, rq.site.ID, in)
	}
	if err != nil {
		s.linkFormError(w, r, rq, in, err)
		return
	}
	redirect(w, r, "/admin/lien-ket", "Đã thêm liên kết “"+in.Name+"”.")
}

func (s *Server) handleSaveLink(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = can(rq, congtin.ActManage, nil)
	}
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readLinkForm(r)
	if err == nil {
		_, err = s.Store.UpdateLink(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.linkFormError(w, r, rq, in, err)
		return
	}
	redirect(w, r, "/admin/lien-ket", "Đã lưu liên kết “"+in.Name+"”.")
}

func (s *Server) handleDeleteLink(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = can(rq, congtin.ActManage, nil)
	}
	if err == nil {
		err = s.Store.DeleteLink(r.Context(), rq.actor, rq.site.ID, id)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	redirect(w, r, "/admin/lien-ket", "Đã xóa liên kết.")
}
