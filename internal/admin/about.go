package admin

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sanitize"
)

// The about section's pages in the back office, with the articles'
// workflow, editor, revisions and audit log; and the organisation chart.

const pagesAdminPath = "/admin/gioi-thieu"

func pageAdminURL(id int64) string { return pagesAdminPath + "/" + strconv.FormatInt(id, 10) }

func (s *Server) handlePages(w http.ResponseWriter, r *http.Request, rq *request) {
	ps, err := s.sections.FindPages(r.Context(), rq.site.ID, false)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.AdminPagesPage{AdminBase: rq.base("Trang giới thiệu", "pages"), Pages: ps}
	page.Flash = s.flash(r)
	s.render(w, r, http.StatusOK, "admin/pages", page)
}

// pageEditPage prepares the page form.
func (s *Server) pageEditPage(r *http.Request, rq *request, p *congtin.Page) (*render.PageEditPage, error) {
	title := "Trang giới thiệu mới"
	if p != nil {
		title = "Sửa: " + p.Title
	}
	page := &render.PageEditPage{AdminBase: rq.base(title, "pages"), Page: p}
	page.Flash = s.flash(r)
	if p == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
		return page, s.pageEditing(r, rq, page)
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
	return page, s.pageEditing(r, rq, page)
}

// pageEditing fills what the page form carries to keep its writer's
// work, when the actor may save it.
func (s *Server) pageEditing(r *http.Request, rq *request, page *render.PageEditPage) error {
	if !page.CanSave {
		return nil
	}
	var id, version int64
	if p := page.Page; p != nil {
		id, version = p.ID, p.Version
		withSteps(&page.Workflow, true, r)
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindPage, id, version)
	return err
}

// restorePage shows the writer's draft in the form, when asked to.
func restorePage(r *http.Request, page *render.PageEditPage) {
	if d := restoring(r, &page.Edit); d != nil {
		in, _ := readPageForm(withValues(r, d.Values))
		repair(&in.Title, &in.Slug, &in.Body, &in.TitleEN, &in.SlugEN, &in.BodyEN)
		page.Input, page.Flash = in, restoredFlash(d)
	}
}

// pageConflict compares the form refused with the page stored meanwhile.
func (s *Server) pageConflict(r *http.Request, rq *request, cur *congtin.Page, in congtin.PageInput) (*render.Conflict, error) {
	revs, err := s.sections.FindPageRevisions(r.Context(), rq.site.ID, cur.ID)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.PageRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	in.Normalize()
	slug, slugEN := in.Slugs()
	c.Compare("Tiêu đề", in.Title, cur.Title, false)
	c.Compare("Nội dung", sanitize.HTML(in.Body), cur.Body, true)
	c.Compare("Đường dẫn", slug, cur.Slug, false)
	c.Compare("Thứ tự trong menu", strconv.Itoa(in.Position), strconv.Itoa(cur.Position), false)
	c.Compare("Tiêu đề tiếng Anh", in.TitleEN, cur.TitleEN, false)
	c.Compare("Nội dung tiếng Anh", sanitize.HTML(in.BodyEN), cur.BodyEN, true)
	c.Compare("Đường dẫn tiếng Anh", slugEN, cur.SlugEN, false)
	return c, nil
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
	msg := invalidInput
	if isEdited(err) {
		msg = notSaved(err)
	}
	s.refuseForm(w, r, rq, "admin/page_edit", fe, err, msg, func() (formPage, error) {
		if isEdited(err) {
			cur, ferr := s.sections.FindPage(r.Context(), rq.site.ID, p.ID)
			if ferr != nil {
				return nil, ferr
			}
			p = cur
		}
		page, perr := s.pageEditPage(r, rq, p)
		if perr != nil {
			return nil, perr
		}
		var conflict *render.Conflict
		if isEdited(err) {
			if conflict, perr = s.pageConflict(r, rq, p, in); perr != nil {
				return nil, perr
			}
		}
		repair(&in.Title, &in.Slug, &in.Body, &in.TitleEN, &in.SlugEN, &in.BodyEN)
		page.Input = in
		var stored int64
		if p != nil {
			stored = p.Version
		}
		refused(&page.Edit, in.Version, conflict, stored)
		return page, nil
	})
}

func (s *Server) handleNewPage(w http.ResponseWriter, r *http.Request, rq *request) {
	err := can(rq, congtin.ActCreate, nil)
	var page *render.PageEditPage
	if err == nil {
		page, err = s.pageEditPage(r, rq, nil)
	}
	if err == nil {
		restorePage(r, page)
	}
	s.show(w, r, rq, "admin/page_edit", page, err)
}

func (s *Server) loadPage(r *http.Request, rq *request) (*congtin.Page, error) {
	return loadItem(r, rq, "Không tìm thấy trang giới thiệu.", "Bạn chỉ xem được trang do mình soạn.", s.sections.FindPage)
}

func (s *Server) handleEditPage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	var page *render.PageEditPage
	if err == nil {
		page, err = s.pageEditPage(r, rq, p)
	}
	if err == nil {
		restorePage(r, page)
	}
	s.show(w, r, rq, "admin/page_edit", page, err)
}

func (s *Server) handleCreatePage(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.savePage(w, r, rq, nil)
}

func (s *Server) handleSavePage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, p.Item())
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.savePage(w, r, rq, p)
}

// savePage is the create and save handlers' common path: the form
// becomes a new draft (p nil) or p's new content.
func (s *Server) savePage(w http.ResponseWriter, r *http.Request, rq *request, p *congtin.Page) {
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readPageForm(r)
	in.Version = formVersion(r.PostForm)
	st, stepping := stepOf(r)
	var saved *congtin.Page
	var it *congtin.Item
	var wrote bool
	var err error
	switch {
	case len(fe) > 0: // refused before the service is asked
	case p == nil:
		saved, err = s.sections.CreatePage(r.Context(), rq.actor, rq.site.ID, in)
	case stepping:
		it, wrote, err = s.sections.UpdatePageStep(r.Context(), rq.actor, rq.site.ID, p.ID, in, st)
	default:
		saved, err = s.sections.UpdatePage(r.Context(), rq.actor, rq.site.ID, p.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.pageFormError(w, r, rq, p, in, fe, err)
		return
	}
	if it != nil {
		s.redirect(w, r, pageAdminURL(p.ID), stepped(pageFlow, it.Ref, st.Act, it, wrote, s.now()))
		return
	}
	flash := "Đã lưu trang."
	if p == nil {
		flash = "Đã lưu trang (nháp)."
	}
	s.redirect(w, r, pageAdminURL(saved.ID), flash)
}

// pageFlow is the about pages' part in the workflow.
var pageFlow = &flowKind{
	kind: congtin.KindPage, heading: "Duyệt trang", headingID: "duyet-trang",
	object:    func(congtin.Ref) string { return "trang" },
	refusedBy: []string{"comment"},
	ref:       refOf((*Server).loadPage),
	url:       func(ref congtin.Ref) string { return pageAdminURL(ref.ID) },
}

func (s *Server) handlePageRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	var revs []*congtin.PageRevision
	if err == nil {
		revs, err = s.sections.FindPageRevisions(r.Context(), rq.site.ID, p.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.PageRevisionsPage{AdminBase: rq.base("Phiên bản: "+p.Title, "pages"), Page: p, Revisions: revs,
		CanRestore: congtin.Can(rq.actor, congtin.ActRestore, p.Item())}
	page.Flash = s.flash(r)
	if v := r.URL.Query().Get("xem"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			page.Shown, err = pageRevision(revs, id)
		}
		if err != nil {
			s.error(w, r, rq, noRevision())
			return
		}
	}
	s.render(w, r, http.StatusOK, "admin/page_revisions", page)
}

// pageRevision finds a revision in a page's list.
func pageRevision(revs []*congtin.PageRevision, id int64) (*congtin.PageRevision, error) {
	return findIn(revs, func(rev *congtin.PageRevision) int64 { return rev.ID })(id)
}

func (s *Server) handleRestorePage(w http.ResponseWriter, r *http.Request, rq *request) {
	p, err := s.loadPage(r, rq)
	var revID int64
	if err == nil {
		revID, err = revisionID(r)
	}
	var revs []*congtin.PageRevision
	if err == nil {
		revs, err = s.sections.FindPageRevisions(r.Context(), rq.site.ID, p.ID)
	}
	if err == nil {
		_, err = pageRevision(revs, revID)
	}
	if err == nil {
		_, err = s.sections.RestorePageRevision(r.Context(), rq.actor, rq.site.ID, revID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, pageAdminURL(p.ID), restored(revID))
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
	units, err := s.sections.FindUnits(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.UnitsPage{AdminBase: rq.base("Cơ cấu tổ chức", "units"), Units: unitOptions(units)}
	page.Flash = s.flash(r)
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
	s.show(w, r, rq, "admin/units", page, err)
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
	phones, emails := r.PostForm["leader_phone"], r.PostForm["leader_email"]
	spokes := map[int]bool{}
	for _, v := range r.PostForm["leader_spokesperson"] {
		if i, err := strconv.Atoi(v); err == nil {
			spokes[i] = true
		}
	}
	at := func(vs []string, i int) string {
		if i < len(vs) {
			return vs[i]
		}
		return ""
	}
	for i, n := range names {
		in.Leaders = append(in.Leaders, congtin.Leader{Name: n, Title: at(titles, i), TitleEN: at(titlesEN, i), Phone: at(phones, i), Email: at(emails, i),
			Spokesperson: spokes[i]})
	}
	return in, fe
}

func (s *Server) unitFormError(w http.ResponseWriter, r *http.Request, rq *request, editing *congtin.Unit, in congtin.UnitInput, fe congtin.FieldErrors, err error) {
	s.refuseForm(w, r, rq, "admin/units", fe, err, invalidInput, func() (formPage, error) {
		page, err := s.unitsPage(r, rq)
		if err == nil {
			repair(&in.Name, &in.NameEN, &in.Phone, &in.Email)
			for i := range in.Leaders {
				l := &in.Leaders[i]
				repair(&l.Name, &l.Title, &l.TitleEN)
			}
			page.Editing, page.Input, page.Leaders = editing, in, padLeaders(in.Leaders)
		}
		return page, err
	})
}

func canUnits(rq *request) error {
	if congtin.CanEditUnits(rq.actor) {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Chỉ biên tập viên và quản trị viên được sửa cơ cấu tổ chức.")
}

func (s *Server) handleCreateUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	s.saveUnit(w, r, rq, 0)
}

func (s *Server) handleSaveUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveUnit(w, r, rq, id)
}

// saveUnit is the create and save handlers' common path: the form
// becomes a new unit (id 0) or unit id's new content.
func (s *Server) saveUnit(w http.ResponseWriter, r *http.Request, rq *request, id int64) {
	if err := allowedForm(w, r, rq, canUnits); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readUnitForm(r)
	var u *congtin.Unit
	var err error
	switch {
	case len(fe) > 0: // refused before the service is asked
	case id == 0:
		u, err = s.sections.CreateUnit(r.Context(), rq.actor, rq.site.ID, in)
	default:
		u, err = s.sections.UpdateUnit(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if len(fe) > 0 || err != nil {
		var editing *congtin.Unit
		if id != 0 {
			editing = &congtin.Unit{ID: id, Name: in.Name}
		}
		s.unitFormError(w, r, rq, editing, in, fe, err)
		return
	}
	done := "Đã lưu đơn vị “"
	if id == 0 {
		done = "Đã thêm đơn vị “"
	}
	s.redirect(w, r, unitsAdminPath, done+u.Name+"”.")
}

func (s *Server) handleDeleteUnit(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, canUnits, s.sections.DeleteUnit), unitsAdminPath, "Đã xóa đơn vị.")
}

// Links, for administrators.

const linksAdminPath = "/admin/lien-ket"

func (s *Server) linksPage(r *http.Request, rq *request) (*render.AdminLinksPage, error) {
	ls, err := s.sections.FindLinks(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.AdminLinksPage{AdminBase: rq.base("Liên kết", "links"), Links: ls, Input: congtin.LinkInput{Group: congtin.DefaultLinkGroup}}
	page.Flash = s.flash(r)
	return page, nil
}

func (s *Server) handleLinks(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var page *render.AdminLinksPage
	if err == nil {
		page, err = s.linksPage(r, rq)
	}
	s.show(w, r, rq, "admin/links", page, err)
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

// linkFormError shows the form again; the message on top is a field's,
// the last field in the form's order that has one.
func (s *Server) linkFormError(w http.ResponseWriter, r *http.Request, rq *request, in congtin.LinkInput, err error) {
	s.refuseForm(w, r, rq, "admin/links", nil, err, notSavedField(err, "url", "name", "group", "position"), func() (formPage, error) {
		page, err := s.linksPage(r, rq)
		if err == nil {
			repair(&in.Name, &in.URL, &in.Group)
			page.Input = in
		}
		return page, err
	})
}

func (s *Server) handleCreateLink(w http.ResponseWriter, r *http.Request, rq *request) {
	s.saveLink(w, r, rq, 0)
}

func (s *Server) handleSaveLink(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveLink(w, r, rq, id)
}

// saveLink is the create and save handlers' common path: the form
// becomes a new link (id 0) or link id's new content.
func (s *Server) saveLink(w http.ResponseWriter, r *http.Request, rq *request, id int64) {
	if err := allowedForm(w, r, rq, manager); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readLinkForm(r)
	if err == nil && id == 0 {
		_, err = s.sections.CreateLink(r.Context(), rq.actor, rq.site.ID, in)
	} else if err == nil {
		_, err = s.sections.UpdateLink(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.linkFormError(w, r, rq, in, err)
		return
	}
	done := "Đã lưu liên kết “"
	if id == 0 {
		done = "Đã thêm liên kết “"
	}
	s.redirect(w, r, linksAdminPath, done+in.Name+"”.")
}

func (s *Server) handleDeleteLink(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, manager, s.sections.DeleteLink), linksAdminPath, "Đã xóa liên kết.")
}
