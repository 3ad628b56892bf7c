package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The disclosure pages' groups (/admin/cong-khai): administrators name a
// group and tick the register's types and fields it shows, as they manage
// those lists.

type disclosureService interface {
	FindDisclosures(ctx context.Context, siteID int64) ([]*congtin.Disclosure, error)
	SaveDisclosure(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DisclosureInput) (*congtin.Disclosure, error)
	DeleteDisclosure(ctx context.Context, actor congtin.Actor, siteID, id int64) error
}

const disclosuresAdminPath = "/admin/cong-khai"

func (s *Server) disclosureRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+disclosuresAdminPath, s.handleDisclosuresAdmin)
	page("POST "+disclosuresAdminPath, s.handleSaveDisclosure)
	page("POST "+disclosuresAdminPath+"/xoa", s.handleDeleteDisclosure)
}

func (s *Server) handleDisclosuresAdmin(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := manager(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.renderDisclosures(w, r, rq, http.StatusOK, 0, nil, nil)
}

// renderDisclosures draws the groups' forms; failed is the form refused
// (its ID, -1 for the new one) with what was typed and why.
func (s *Server) renderDisclosures(w http.ResponseWriter, r *http.Request, rq *request, status int, failed int64, typed *render.DisclosureForm, err error) {
	ctx := r.Context()
	page := &render.AdminDisclosuresPage{AdminBase: rq.base("Trang công khai", "disclosures")}
	page.Flash = s.flash(r)
	gs, err2 := s.disclosures.FindDisclosures(ctx, rq.site.ID)
	var types, fields []*congtin.DocumentTerm
	if err2 == nil {
		types, err2 = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListTypes)
	}
	if err2 == nil {
		fields, err2 = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListFields)
	}
	if err2 != nil {
		s.error(w, r, rq, err2)
		return
	}
	var fe congtin.FieldErrors
	if err != nil {
		var ve *congtin.ValidationError
		if errors.As(err, &ve) {
			fe = ve.Fields
			page.Refuse("Chưa lưu được trang công khai; xem thông báo bên dưới.", nil)
		} else {
			page.Refuse(congtin.ErrorMessage(err), nil)
		}
	}
	// each completes a form with the lists, and the errors of the one
	// refused (ID -1: the new one).
	each := func(f render.DisclosureForm, id int64) render.DisclosureForm {
		if typed != nil && failed == id {
			path := f.Path
			f = *typed
			f.Path, f.Errors = path, fe
		}
		f.TypeTerms, f.FieldTerms = types, fields
		if f.Errors == nil {
			f.Errors = congtin.FieldErrors{}
		}
		return f
	}
	for _, g := range gs {
		page.Forms = append(page.Forms, each(render.DisclosureForm{ID: g.ID, Name: g.Name, Intro: g.Intro, Position: strconv.Itoa(g.Position),
			Path: g.Path(), Types: idSet(g.TypeIDs), Fields: idSet(g.FieldIDs)}, g.ID))
	}
	page.New = each(render.DisclosureForm{Position: strconv.Itoa(len(gs) + 1), Types: map[int64]bool{}, Fields: map[int64]bool{}}, -1)
	s.render(w, r, status, "admin/disclosures", page)
}

func idSet(ids []int64) map[int64]bool {
	m := map[int64]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// formIDs reads the IDs of the ticked boxes named key.
func formIDs(r *http.Request, key string) ([]int64, bool) {
	var out []int64
	for _, v := range r.PostForm[key] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, false
		}
		out = append(out, id)
	}
	return out, true
}

func (s *Server) handleSaveDisclosure(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	id, _ := strconv.ParseInt(formValue(r, "id"), 10, 64)
	failed := id
	if id <= 0 {
		id, failed = 0, -1
	}
	types, ok1 := formIDs(r, "types")
	fields, ok2 := formIDs(r, "fields")
	typed := &render.DisclosureForm{ID: id, Name: formValue(r, "name"), Intro: r.PostFormValue("intro"), Position: formValue(r, "position"),
		Types: idSet(types), Fields: idSet(fields)}
	pos, perr := strconv.Atoi(typed.Position)
	switch {
	case !ok1 || !ok2:
		err = &congtin.ValidationError{Fields: congtin.FieldErrors{"terms": "Loại văn bản hoặc lĩnh vực không hợp lệ."}}
	case perr != nil && typed.Position != "":
		err = &congtin.ValidationError{Fields: congtin.FieldErrors{"position": "Thứ tự phải là một số từ 0 đến 100000."}}
	default:
		var g *congtin.Disclosure
		g, err = s.disclosures.SaveDisclosure(r.Context(), rq.actor, rq.site.ID, id, congtin.DisclosureInput{Name: typed.Name, Intro: typed.Intro,
			TypeIDs: types, FieldIDs: fields, Position: pos})
		if err == nil {
			s.redirect(w, r, disclosuresAdminPath, "Đã lưu trang công khai “"+g.Name+"”.")
			return
		}
	}
	switch congtin.ErrorCode(err) {
	case congtin.EINVALID, congtin.ENOTFOUND:
		s.renderDisclosures(w, r, rq, http.StatusBadRequest, failed, typed, err)
	default:
		s.error(w, r, rq, err)
	}
}

func (s *Server) handleDeleteDisclosure(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err == nil {
		id, _ := strconv.ParseInt(formValue(r, "id"), 10, 64)
		err = s.disclosures.DeleteDisclosure(r.Context(), rq.actor, rq.site.ID, id)
	}
	s.finish(w, r, rq, err, disclosuresAdminPath, "Đã xóa trang công khai; các văn bản vẫn còn trong cơ sở dữ liệu văn bản.")
}
