package admin

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
	"github.com/congtin/congtin/internal/render"
)

// handleRevisions lists an article's revisions and compares two of them
// (by default the newest with the one before it).
func (s *Server) handleRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	a, err := s.openArticle(r, rq)
	var revs []*congtin.Revision
	if err == nil {
		revs, err = s.articles.FindRevisions(ctx, rq.site.ID, a.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.RevisionsPage{AdminBase: rq.base("Phiên bản", "articles"), Article: a, Revisions: revs,
		CanRestor: congtin.Can(rq.actor, congtin.ActRestore, a.Item())}
	page.Flash = s.flash(r)
	// The list has no bodies: the two compared are read in full.
	page.A, page.B, err = compared(r.URL.Query(), revs, func(rev *congtin.Revision) int64 { return rev.ID },
		func(id int64) (*congtin.Revision, error) {
			rev, err := s.articles.FindRevision(ctx, rq.site.ID, id)
			if err == nil && rev.ArticleID != a.ID {
				return nil, noRevision()
			}
			return rev, err
		})
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

// compared reads which two of an item's revisions (newest first) to
// compare: ?a= and ?b=, by default the one before the newest and the
// newest. id gives a revision's ID; find returns the item's revision with
// an ID, and ENOTFOUND for another's. A missing one (an item with a
// single revision) is nil.
func compared[R any](q url.Values, revs []R, id func(R) int64, find func(id int64) (R, error)) (a, b R, err error) {
	pick := func(param string, def int) (R, error) {
		var none R
		v := q.Get(param)
		if v == "" {
			if def < len(revs) {
				return find(id(revs[def]))
			}
			return none, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return none, congtin.Errorf(congtin.EINVALID, "Mã phiên bản không hợp lệ.")
		}
		return find(n)
	}
	if a, err = pick("a", 1); err == nil {
		b, err = pick("b", 0)
	}
	return a, b, err
}

// findIn finds a revision in the list of an item's revisions.
func findIn[R any](revs []R, id func(R) int64) func(int64) (R, error) {
	return func(n int64) (R, error) {
		for _, rev := range revs {
			if id(rev) == n {
				return rev, nil
			}
		}
		var none R
		return none, noRevision()
	}
}

// revisionID reads the {rev} path value.
func revisionID(r *http.Request) (int64, error) {
	return idIn(r, "rev", "Không tìm thấy phiên bản.")
}

// restored is the confirmation of a restored revision.
func restored(revID int64) string {
	return "Đã khôi phục phiên bản #" + strconv.FormatInt(revID, 10) + "."
}

func (s *Server) handleRestore(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	var revID int64
	if err == nil {
		revID, err = revisionID(r)
	}
	var rev *congtin.Revision
	if err == nil {
		rev, err = s.articles.FindRevision(r.Context(), rq.site.ID, revID)
	}
	if err == nil && rev.ArticleID != a.ID {
		err = noRevision()
	}
	if err == nil {
		err = can(rq, congtin.ActRestore, a.Item())
	}
	if err == nil {
		_, err = s.articles.RestoreRevision(r.Context(), rq.actor, rq.site.ID, revID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, articleURL(a.ID), restored(revID))
}
