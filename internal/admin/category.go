package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// categoryService is what the categories' page and API need.
type categoryService interface {
	FindCategories(ctx context.Context, siteID int64) ([]*congtin.Category, error)
	CreateCategory(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.CategoryInput) (*congtin.Category, error)
	UpdateCategory(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.CategoryInput) (*congtin.Category, error)
	DeleteCategory(ctx context.Context, actor congtin.Actor, siteID, id int64) error
}

const categoriesAdminPath = "/admin/chuyen-muc"

func (s *Server) categoriesPage(r *http.Request, rq *request) (*render.CategoriesPage, error) {
	cats, err := s.categories.FindCategories(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.CategoriesPage{AdminBase: rq.base("Chuyên mục", "categories"), Cats: cats}
	page.Flash = s.flash(r)
	return page, nil
}

func (s *Server) handleCategories(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var page *render.CategoriesPage
	if err == nil {
		page, err = s.categoriesPage(r, rq)
	}
	s.show(w, r, rq, "admin/categories", page, err)
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

// categoryFormError shows the page again with the creation form as in
// (empty after a refused change to a listed category).
func (s *Server) categoryFormError(w http.ResponseWriter, r *http.Request, rq *request, in congtin.CategoryInput, err error) {
	s.refuseForm(w, r, rq, "admin/categories", nil, err, notSavedField(err), func() (formPage, error) {
		page, err := s.categoriesPage(r, rq)
		if err == nil {
			repair(&in.Name, &in.Slug)
			page.Input = in
		}
		return page, err
	})
}

func (s *Server) handleCreateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := allowedForm(w, r, rq, manager); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readCategoryForm(r)
	if err == nil {
		_, err = s.categories.CreateCategory(r.Context(), rq.actor, rq.site.ID, in)
	}
	if err != nil {
		s.categoryFormError(w, r, rq, in, err)
		return
	}
	s.redirect(w, r, categoriesAdminPath, "Đã thêm chuyên mục “"+in.Name+"”.")
}

func (s *Server) handleUpdateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = allowedForm(w, r, rq, manager)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readCategoryForm(r)
	if err == nil {
		_, err = s.categories.UpdateCategory(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.categoryFormError(w, r, rq, congtin.CategoryInput{}, err)
		return
	}
	s.redirect(w, r, categoriesAdminPath, "Đã lưu chuyên mục “"+in.Name+"”.")
}

func (s *Server) handleDeleteCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, manager, s.categories.DeleteCategory), categoriesAdminPath, "Đã xóa chuyên mục.")
}
