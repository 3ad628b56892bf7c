package admin

import (
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

func (s *Server) categoriesPage(r *http.Request, rq *request) (*render.CategoriesPage, error) {
	cats, err := s.Store.FindCategories(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.CategoriesPage{AdminBase: rq.base("Chuyên mục", "categories"), Cats: cats}
	page.Flash = flash(r)
	return page, nil
}

func (s *Server) handleCategories(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.categoriesPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/categories", page)
}

func readCategoryForm(r *http.Request) (congtin.CategoryInput, error) {
	in := congtin.CategoryInput{Name: formValue(r, "name"), Slug: formValue(r, "slug"), Hidden: r.PostForm.Get("hidden") != ""}
	var err error
	if v := formValue(r, "parent_id"); v != "" {
		if in.ParentID, err = strconv.ParseInt(v, 10, 64); err != nil || in.ParentID < 0 {
			return in, &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Chuyên mục cha không hợp lệ."}}
		}
	}
	if v := formValue(r, "position"); v != "" {
		if in.Position, err = strconv.Atoi(v); err != nil {
			return in, &congtin.ValidationError{Fields: congtin.FieldErrors{"position": "Thứ tự phải là số."}}
		}
	}
	return in, nil
}

func (s *Server) categoryFormError(w http.ResponseWriter, r *http.Request, rq *request, in congtin.CategoryInput, err error) {
	if congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.categoriesPage(r, rq)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	page.Input = in
	page.Error = "Chưa lưu được: " + congtin.ErrorMessage(err)
	if ve, ok := err.(*congtin.ValidationError); ok {
		page.Errors = ve.Fields
		for _, m := range ve.Fields {
			page.Error = "Chưa lưu được: " + m
		}
	}
	s.render(w, r, http.StatusBadRequest, "admin/categories", page)
}

func (s *Server) handleCreateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readCategoryForm(r)
	if err == nil {
		_, err = s.Store.CreateCategory(r.Context(), rq.actor, rq.site.ID, in)
	}
	if err != nil {
		s.categoryFormError(w, r, rq, in, err)
		return
	}
	redirect(w, r, "/admin/chuyen-muc", "Đã thêm chuyên mục “"+in.Name+"”.")
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy.")
	}
	return id, nil
}

func (s *Server) handleUpdateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
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
	in, err := readCategoryForm(r)
	if err == nil {
		_, err = s.Store.UpdateCategory(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.categoryFormError(w, r, rq, congtin.CategoryInput{}, err)
		return
	}
	redirect(w, r, "/admin/chuyen-muc", "Đã lưu chuyên mục “"+in.Name+"”.")
}

func (s *Server) handleDeleteCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = can(rq, congtin.ActManage, nil)
	}
	if err == nil {
		err = s.Store.DeleteCategory(r.Context(), rq.actor, rq.site.ID, id)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	redirect(w, r, "/admin/chuyen-muc", "Đã xóa chuyên mục.")
}
