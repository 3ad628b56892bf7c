package admin

import (
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
	"github.com/congtin/congtin/internal/render"
)

// handleRevisions lists an article's revisions and compares two of them
// (by default the newest with the one before it).
func (s *Server) handleRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	a, err := s.loadArticle(r, rq)
	if err == nil {
		err = canSee(rq, a)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revs, err := s.Store.FindRevisions(ctx, rq.site.ID, a.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.RevisionsPage{AdminBase: rq.base("Phiên bản", "articles"), Article: a, Revisions: revs,
		CanRestor: congtin.Can(rq.actor, congtin.ActRestore, a.Item())}
	page.Flash = flash(r)
	pick := func(param string, def int) (*congtin.Revision, error) {
		v := r.URL.Query().Get(param)
		if v == "" {
			if def < len(revs) {
				return s.Store.FindRevision(ctx, rq.site.ID, revs[def].ID)
			}
			return nil, nil
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, congtin.Errorf(congtin.EINVALID, "Mã phiên bản không hợp lệ.")
		}
		rev, err := s.Store.FindRevision(ctx, rq.site.ID, id)
		if err == nil && rev.ArticleID != a.ID {
			return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
		}
		return rev, err
	}
	if page.A, err = pick("a", 1); err == nil {
		page.B, err = pick("b", 0)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.A != nil && page.B != nil {
		page.Title = diff.Text(page.A.Title, page.B.Title)
		page.Lead = diff.Text(page.A.Lead, page.B.Lead)
		page.Body = diff.HTML(page.A.Body, page.B.Body)
	}
	s.render(w, r, http.StatusOK, "admin/revisions", page)
}

func (s *Server) handleRestore(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revID, err := strconv.ParseInt(r.PathValue("rev"), 10, 64)
	if err != nil {
		s.error(w, r, rq, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản."))
		return
	}
	rev, err := s.Store.FindRevision(r.Context(), rq.site.ID, revID)
	if err == nil && rev.ArticleID != a.ID {
		err = congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	}
	if err == nil {
		err = can(rq, congtin.ActRestore, a.Item())
	}
	if err == nil {
		_, err = s.Store.RestoreRevision(r.Context(), rq.actor, rq.site.ID, revID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	redirect(w, r, "/admin/bai-viet/"+strconv.FormatInt(a.ID, 10), "Đã khôi phục phiên bản #"+strconv.FormatInt(revID, 10)+".")
}
