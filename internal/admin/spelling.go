package admin

import (
	"context"
	"net/http"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/search"
)

// spellingService is what the page of abbreviations and equivalent
// spellings needs.
type spellingService interface {
	FindSpellingGroups(ctx context.Context, siteID int64) ([]*congtin.SpellingGroup, error)
	CreateSpellingGroup(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.SpellingGroupInput) (*congtin.SpellingGroup, error)
	UpdateSpellingGroup(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.SpellingGroupInput) (*congtin.SpellingGroup, error)
	DeleteSpellingGroup(ctx context.Context, actor congtin.Actor, siteID, id int64) error
	SiteSpellings(ctx context.Context, siteID int64) (congtin.Spellings, error)
}

const spellingsPath = "/admin/cach-viet"

func (s *Server) spellingRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+spellingsPath, s.handleSpellings)
	page("POST "+spellingsPath, s.handleCreateSpellingGroup)
	page("POST "+spellingsPath+"/{id}", s.handleSaveSpellingGroup)
	page("POST "+spellingsPath+"/{id}/xoa", s.handleDeleteSpellingGroup)
}

// spellingsPage builds the page: the site's groups, the built-in ones,
// and what the try box reads in try (when sent).
func (s *Server) spellingsPage(r *http.Request, rq *request) (*render.AdminSpellingsPage, error) {
	gs, err := s.spellings.FindSpellingGroups(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.AdminSpellingsPage{AdminBase: rq.base("Từ viết tắt và cách viết tương đương", "spellings"),
		Builtin: search.BuiltinSpellings(), Groups: gs, Max: congtin.MaxSpellingGroups}
	if q := r.URL.Query(); q.Has("thu") {
		page.Try = strings.ToValidUTF8(strings.TrimSpace(q.Get("thu")), "\uFFFD")
		page.Tried = page.Try != ""
		if page.Tried {
			sp, err := s.spellings.SiteSpellings(r.Context(), rq.site.ID)
			if err != nil {
				return nil, err
			}
			t, _ := sp.(*search.Spellings)
			for _, e := range t.Explain(page.Try) {
				page.Reads = append(page.Reads, render.SpellingRead{Typed: e.Typed, Others: e.Others})
			}
		}
	}
	return page, nil
}

func (s *Server) handleSpellings(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var page *render.AdminSpellingsPage
	if err == nil {
		page, err = s.spellingsPage(r, rq)
	}
	if page != nil {
		page.Flash = s.flash(r)
	}
	s.show(w, r, rq, "admin/spellings", page, err)
}

func (s *Server) handleCreateSpellingGroup(w http.ResponseWriter, r *http.Request, rq *request) {
	s.saveSpellingGroup(w, r, rq, 0)
}

func (s *Server) handleSaveSpellingGroup(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveSpellingGroup(w, r, rq, id)
}

// saveSpellingGroup is the create and save handlers' common path: the
// form's text becomes a new group (id 0) or group id's spellings. A
// refusal shows the page again with the text as typed, in the form it
// came from.
func (s *Server) saveSpellingGroup(w http.ResponseWriter, r *http.Request, rq *request, id int64) {
	if err := allowedForm(w, r, rq, manager); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in := congtin.SpellingGroupInput{Text: formValue(r, "spellings")}
	var err error
	if id == 0 {
		_, err = s.spellings.CreateSpellingGroup(r.Context(), rq.actor, rq.site.ID, in)
	} else {
		_, err = s.spellings.UpdateSpellingGroup(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.refuseForm(w, r, rq, "admin/spellings", nil, err, notSavedField(err, "spellings"), func() (formPage, error) {
			page, err := s.spellingsPage(r, rq)
			if err != nil {
				return nil, err
			}
			text := in.Text
			repair(&text)
			if id == 0 {
				page.Input = text
			} else {
				page.EditID, page.EditText = id, text
			}
			return page, nil
		})
		return
	}
	done := "Đã lưu nhóm cách viết."
	if id == 0 {
		done = "Đã thêm nhóm cách viết."
	}
	s.redirect(w, r, spellingsPath, done)
}

func (s *Server) handleDeleteSpellingGroup(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, manager, s.spellings.DeleteSpellingGroup), spellingsPath, "Đã xóa nhóm cách viết.")
}
