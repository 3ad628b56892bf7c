package admin

import (
	"context"
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// previewService is what the preview pages need.
type previewService interface {
	PreviewLink(ctx context.Context, actor congtin.Actor, item congtin.Ref) (*congtin.Item, congtin.PreviewLink, error)
}

// previewKind is a kind of content's preview page: what it calls the
// item, the menu entry it belongs to, the item's edit page.
type previewKind struct {
	kind    congtin.Kind
	noun    string // "bài viết"
	section string // the menu entry marked current
	edit    func(id int64) string
}

var (
	articlePreview  = &previewKind{kind: congtin.KindArticle, noun: "bài viết", section: "articles", edit: articleURL}
	pagePreview     = &previewKind{kind: congtin.KindPage, noun: "trang giới thiệu", section: "pages", edit: pageAdminURL}
	documentPreview = &previewKind{kind: congtin.KindDocument, noun: "văn bản", section: "documents", edit: documentURL}
)

// previewRoutes adds the preview pages: the item as readers would see it
// on the portal, at a computer's width and a phone's, by a signed link
// that works without signing in (see congtin.PreviewLink).
func (s *Server) previewRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/bai-viet/{id}/xem-truoc", s.handlePreview(articlePreview))
	page("GET /admin/gioi-thieu/{id}/xem-truoc", s.handlePreview(pagePreview))
	page("GET /admin/van-ban/{id}/xem-truoc", s.handlePreview(documentPreview))
}

// handlePreview shows the preview page of the {id} item of the kind. The
// service checks that the actor may open the item (reporters: their own)
// before it signs a link.
func (s *Server) handlePreview(k *previewKind) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		id, err := idIn(r, "id", congtin.ErrorMessage(congtin.NotFound(k.kind)))
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		it, link, err := s.preview.PreviewLink(r.Context(), rq.actor, congtin.Ref{Kind: k.kind, SiteID: rq.site.ID, ID: id})
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		page := &render.PreviewPage{AdminBase: rq.base("Xem trước: "+it.Title, k.section), Item: it, Noun: k.noun,
			State: it.State(s.now()), URL: link.Path(), AbsURL: rq.site.URL(s.BaseURL, link.Path()), Expires: link.Expires, EditURL: k.edit(id)}
		page.Flash = s.flash(r)
		s.render(w, r, http.StatusOK, "admin/preview", page)
	}
}
