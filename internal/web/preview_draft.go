package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
)

// Previews: an item not (or not yet) public — a draft, an article waiting
// for approval or scheduled, a page or a document — drawn in the portal's
// own layout, by a signed link the back office makes
// (congtin.PreviewLink): /xem-truoc/{kind}/{id}?cong=…&han=…&ky=…. The
// link is the only permission: it works without signing in, until it
// expires. A preview changes nothing: it counts no visit and no view, sets
// no cookie, is neither served from nor kept in the page cache, and tells
// browsers, proxies and search engines to keep nothing (Cache-Control:
// no-store, X-Robots-Tag and a robots meta). It may be framed by the back
// office's preview page on the same host, as every page may be
// (X-Frame-Options: SAMEORIGIN, frame-ancestors 'self'), and by nothing
// else.

// PreviewReader is what the previews read besides the articles and
// documents: the check of the link, and about pages by ID.
type PreviewReader interface {
	// CheckPreview checks a link opened on the site: EFORBIDDEN for a
	// forged, altered or another site's link, EGONE for an expired one.
	CheckPreview(ctx context.Context, siteID int64, l congtin.PreviewLink) error
	// FindPage returns any about page of the site; ENOTFOUND when none.
	FindPage(ctx context.Context, siteID, id int64) (*congtin.Page, error)
}

func (s *Server) previewRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+congtin.PreviewPrefix+"{kind}/{id}", s.handlePreview)
	mux.HandleFunc("GET "+congtin.PreviewPrefix+"van-ban/{id}/tep/{file}", s.handlePreviewFile)
}

// previewLink reads the link a request was made with. A part that cannot
// be read is left zero, which the check refuses as it refuses any forgery.
func previewLink(r *http.Request) congtin.PreviewLink {
	q := r.URL.Query()
	var l congtin.PreviewLink
	l.Kind, _ = congtin.PreviewKind(r.PathValue("kind"))
	l.ID, _ = parseID(r.PathValue("id"))
	l.SiteID, _ = parseID(q.Get("cong"))
	if exp, ok := parseID(q.Get("han")); ok {
		l.Expires = time.Unix(exp, 0)
	}
	l.Sig = q.Get("ky")
	return l
}

// openPreview sets the headers of every preview answer, error pages
// included, and checks the request's link; ok is false when the reader
// got the error page instead.
func (s *Server) openPreview(w http.ResponseWriter, r *http.Request, l congtin.PreviewLink) bool {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow, noarchive")
	// The link is the permission: it must not leave in a Referer.
	h.Set("Referrer-Policy", "no-referrer")
	err := s.Previews.CheckPreview(r.Context(), siteFrom(r.Context()).ID, l)
	if err == nil {
		return true
	}
	switch congtin.ErrorCode(err) {
	case congtin.EFORBIDDEN:
		s.errorPage(w, r, err, "Liên kết xem trước không hợp lệ")
	case congtin.EGONE:
		s.errorPage(w, r, err, "Liên kết xem trước đã hết hạn")
	default:
		s.error(w, r, err)
	}
	return false
}

// previewMark says on the page what is previewed: whether readers can see
// it (published: its time has come), and its state.
func previewMark(l congtin.PreviewLink, state string, publishedAt time.Time) *render.PreviewMark {
	m := &render.PreviewMark{Headline: "chưa xuất bản", Detail: "Trạng thái: " + congtin.StatusName(state), Expires: l.Expires}
	switch state {
	case congtin.StatusPublished:
		m.Headline, m.Detail = "đã xuất bản", "Nội dung đã lưu, như người đọc đang thấy"
	case congtin.StatusUnpublished:
		m.Headline = "đã gỡ khỏi cổng"
	case congtin.StatusScheduled:
		m.Detail = "Hẹn giờ xuất bản lúc " + publishedAt.In(congtin.VietnamZone).Format("15:04 02/01/2006")
	}
	return m
}

func (s *Server) handlePreview(w http.ResponseWriter, r *http.Request) {
	l := previewLink(r)
	if !s.openPreview(w, r, l) {
		return
	}
	switch l.Kind {
	case congtin.KindArticle:
		s.previewArticle(w, r, l)
	case congtin.KindPage:
		s.previewPage(w, r, l)
	case congtin.KindDocument:
		s.previewDocument(w, r, l)
	}
}

// previewArticle draws an article as its page will be once published:
// dated as publishing it now would date it (a scheduled article at its
// time, one taken down at the time it kept), between the category's
// newer and older articles, with the counters as the site shows them,
// without counting this request.
func (s *Server) previewArticle(w http.ResponseWriter, r *http.Request, l congtin.PreviewLink) {
	ctx := r.Context()
	site := siteFrom(ctx)
	now := s.now()
	a, err := s.Articles.FindArticleByID(ctx, site.ID, l.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	cat := categoriesFrom(ctx).ByID(a.CategoryID)
	if cat == nil {
		s.error(w, r, congtin.NotFound(congtin.KindCategory))
		return
	}
	shown := *a
	// No step is taken: the time only depends on the state and now.
	shown.PublishedAt, _ = congtin.TransitionTime(a.Item(), congtin.ActPublish, time.Time{}, now)
	base, err := s.base(w, r, site, false)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page, err := s.articleView(ctx, site, base, &shown, cat)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if page.Views, err = s.Counter.ArticleViews(ctx, site.ID, a.ID); err != nil {
		s.error(w, r, err)
		return
	}
	page.PreviewMark = previewMark(l, a.State(now), a.PublishedAt)
	s.render(w, http.StatusOK, "article", page)
}

// previewPage draws an about page in its section, listed in the sidebar
// where it will be once published.
func (s *Server) previewPage(w http.ResponseWriter, r *http.Request, l congtin.PreviewLink) {
	ctx := r.Context()
	site := siteFrom(ctx)
	p, err := s.Previews.FindPage(ctx, site.ID, l.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	pages, err := s.publicPages(r, site)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutPage{Page: p, Heading: p.Title, Body: p.Body}
	if page.Base, err = s.base(w, r, site, false); err != nil {
		s.error(w, r, err)
		return
	}
	aboutSide(&page.Base, withPage(pages, p), p.Path())
	page.ActiveSlug = "gioi-thieu"
	page.Title = p.Title
	page.PreviewMark = previewMark(l, p.Status, p.PublishedAt)
	s.render(w, http.StatusOK, "about", page)
}

// withPage returns the public pages with p among them, in menu order
// (position, then title), as they will be once p is published.
func withPage(pages []*congtin.Page, p *congtin.Page) []*congtin.Page {
	out := make([]*congtin.Page, 0, len(pages)+1)
	placed := false
	for _, q := range pages {
		if q.ID == p.ID {
			return pages
		}
		if !placed && (p.Position < q.Position || p.Position == q.Position && p.Title < q.Title) {
			out, placed = append(out, p), true
		}
		out = append(out, q)
	}
	if !placed {
		out = append(out, p)
	}
	return out
}

// previewDocument draws a document of the register, its attachments
// downloadable by the same link.
func (s *Server) previewDocument(w http.ResponseWriter, r *http.Request, l congtin.PreviewLink) {
	ctx := r.Context()
	site := siteFrom(ctx)
	d, err := s.Documents.FindDocumentByID(ctx, site.ID, l.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := s.documentPage(d)
	page.PrintURL = ""
	for i := range page.Files {
		page.Files[i].URL = congtin.PreviewPrefix + "van-ban/" + strconv.FormatInt(d.ID, 10) + "/tep/" +
			strconv.FormatInt(page.Files[i].ID, 10) + "?" + l.Query()
	}
	if page.Base, err = s.base(w, r, site, false); err != nil {
		s.error(w, r, err)
		return
	}
	page.Title = d.TypeName + " " + d.Number
	page.Description = d.Summary
	page.ActiveSlug = "van-ban"
	page.PreviewMark = previewMark(l, d.Item().State(s.now()), d.PublishedAt)
	s.render(w, http.StatusOK, "document", page)
}

// handlePreviewFile serves an attachment of a previewed document.
func (s *Server) handlePreviewFile(w http.ResponseWriter, r *http.Request) {
	l := previewLink(r)
	l.Kind = congtin.KindDocument
	if !s.openPreview(w, r, l) {
		return
	}
	fid, ok := parseID(r.PathValue("file"))
	if !ok || s.Files == nil {
		s.error(w, r, congtin.NotFound(congtin.KindDocumentFile))
		return
	}
	d, err := s.Documents.FindDocumentByID(r.Context(), siteFrom(r.Context()).ID, l.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	for _, f := range d.Files {
		if f.ID == fid {
			if err := docfile.Serve(w, r, s.Files, f, false); err != nil {
				s.error(w, r, err)
			}
			return
		}
	}
	s.error(w, r, congtin.NotFound(congtin.KindDocumentFile))
}
