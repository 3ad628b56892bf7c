package admin

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/render"
)

// mediaService is what the image library and uploads need.
type mediaService interface {
	AddMedia(ctx context.Context, actor congtin.Actor, m *congtin.Media) (*congtin.Media, error)
	UpdateMedia(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.MediaInput) (*congtin.Media, error)
	DeleteMedia(ctx context.Context, actor congtin.Actor, siteID, id int64) (*congtin.Media, bool, error)
	FindMedia(ctx context.Context, f congtin.MediaFilter) ([]*congtin.Media, int, error)
	FindMediaByID(ctx context.Context, siteID, id int64) (*congtin.Media, error)
	FindMediaUses(ctx context.Context, siteID int64, hashes []string) (map[string][]congtin.MediaUse, error)
	FindMediaUploaders(ctx context.Context, siteID int64) ([]congtin.MediaUploader, error)
}

func (s *Server) mediaRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/media", s.handleMediaLibrary)
	page("POST /admin/media", s.handleUpload)
	page("GET /admin/media/{id}", s.handleMediaEdit)
	page("POST /admin/media/{id}", s.handleMediaSave)
	page("POST /admin/media/{id}/xoa", s.handleMediaDelete)
}

const mediaPrefix = "/media/"

// maxUploadOverhead is what a multipart request adds around the file.
const maxUploadOverhead = 1 << 20

func (s *Server) limits() media.Limits {
	if s.MediaLimits.MaxBytes > 0 {
		return s.MediaLimits
	}
	return media.DefaultLimits
}

// mediaJSON is what the editor receives after an upload, and for each
// image of the library its dialog lists.
type mediaJSON struct {
	ID      int64  `json:"id"`
	URL     string `json:"url"`
	SrcSet  string `json:"srcset"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	// The library's dialog shows these too.
	Name     string `json:"name,omitempty"`
	Thumb    string `json:"thumb,omitempty"`
	Uploader string `json:"uploader,omitempty"`
	Date     string `json:"date,omitempty"`
	Size     string `json:"size,omitempty"` // "1600×900 · 245 KB"
}

func toVariants(m *congtin.Media) []media.Variant {
	vs := make([]media.Variant, len(m.Variants))
	for i, v := range m.Variants {
		vs[i] = media.Variant{Width: v.Width, Height: v.Height, Key: v.Key}
	}
	return vs
}

func describe(m *congtin.Media) mediaJSON {
	j := mediaJSON{ID: m.ID, Width: m.Width, Height: m.Height, SrcSet: media.SrcSet(mediaPrefix, toVariants(m)), Alt: m.Alt, Caption: m.Caption}
	if n := len(m.Variants); n > 0 {
		// The editor shows the 1024 width (or the largest below it).
		best := m.Variants[0]
		for _, v := range m.Variants {
			if v.Width <= 1024 {
				best = v
			}
		}
		j.URL, j.Width, j.Height = mediaPrefix+best.Key, best.Width, best.Height
	}
	return j
}

// listed is an image as the library's dialog lists it.
func listed(m *congtin.Media) mediaJSON {
	j := describe(m)
	j.Name, j.Uploader, j.Size = m.Name, m.UploaderName, sizeText(m)
	j.Date = m.CreatedAt.In(congtin.VietnamZone).Format("02/01/2006")
	if len(m.Variants) > 0 {
		j.Thumb = mediaPrefix + m.Variants[0].Key
	}
	return j
}

// sizeText is an image's size in pixels and, when known, bytes.
func sizeText(m *congtin.Media) string {
	s := strconv.Itoa(m.Width) + "×" + strconv.Itoa(m.Height)
	if m.Size > 0 {
		s += " · " + render.FileSize(m.Size)
	}
	return s
}

// handleUpload takes one image: from the editor (answering JSON) or from
// the library's form (redirecting back).
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request, rq *request) {
	m, err := s.upload(w, r, rq)
	fromEditor := r.Header.Get("X-Requested-With") == "fetch" || strings.Contains(r.Header.Get("Accept"), "application/json")
	if err != nil {
		if fromEditor {
			status := http.StatusBadRequest
			if congtin.ErrorCode(err) != congtin.EINVALID {
				status = httperr.Status(err)
			}
			if status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", httperr.RetryAfter)
			}
			writeJSON(w, status, map[string]string{"error": httperr.Message(err, status)})
			return
		}
		s.error(w, r, rq, err)
		return
	}
	if fromEditor {
		writeJSON(w, http.StatusCreated, describe(m))
		return
	}
	s.redirect(w, r, mediaURL(m.ID), "Đã tải ảnh lên. Hãy nhập mô tả ảnh cho người khiếm thị.")
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, rq *request) (*congtin.Media, error) {
	if err := can(rq, congtin.ActUpload, nil); err != nil {
		return nil, err
	}
	lim := s.limits()
	r.Body = http.MaxBytesReader(w, r.Body, lim.MaxBytes+maxUploadOverhead)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, congtin.Errorf(congtin.EINVALID, "Ảnh quá lớn: tối đa %d MB.", lim.MaxBytes>>20)
		}
		return nil, congtin.Errorf(congtin.EINVALID, "Hãy chọn một tệp ảnh để tải lên.")
	}
	defer f.Close()
	p, err := s.Images.Process(r.Context(), f, lim)
	if err != nil {
		return nil, err
	}
	// The files first, the row after: a row never names a missing file.
	// What this upload added is taken back when the row is not written.
	added := &blob.Added{Store: s.Blobs}
	images := media.Files{Blobs: added}
	for _, v := range p.Variants {
		if err := images.Put(r.Context(), v.Key, v.Data, v.ContentType); err != nil {
			s.takeBack(r, added)
			return nil, err
		}
	}
	name := strings.ToValidUTF8(path.Base(hdr.Filename), "")
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	rec := &congtin.Media{SiteID: rq.site.ID, Hash: p.Hash, Name: name, ContentType: p.ContentType, Width: p.Width, Height: p.Height,
		UploadedBy: rq.actor.User.ID, Size: hdr.Size}
	for _, v := range p.Variants {
		rec.Variants = append(rec.Variants, congtin.MediaVariant{Width: v.Width, Height: v.Height, Key: v.Key})
	}
	m, err := s.library.AddMedia(r.Context(), rq.actor, rec)
	if err != nil {
		s.takeBack(r, added)
	}
	return m, err
}

// mediaURL is an image's page in the library.
func mediaURL(id int64) string { return "/admin/media/" + strconv.FormatInt(id, 10) }

// wantsJSON tells the library's dialog (which asks for JSON) from a
// browser opening the page.
func wantsJSON(r *http.Request) bool {
	return r.Header.Get("X-Requested-With") == "fetch" || strings.Contains(r.Header.Get("Accept"), "application/json")
}

// mediaFilter reads the library's filters: the words ("q"), the uploader
// ("nguoi-tai", a user ID), the days uploaded ("tu", "den", both
// included) and the page ("trang").
func mediaFilter(q url.Values, siteID int64) (congtin.MediaFilter, int, error) {
	f := congtin.MediaFilter{SiteID: siteID, Q: strings.TrimSpace(q.Get("q")), Limit: adminPageSize}
	if len(f.Q) > 200 {
		return f, 0, congtin.Errorf(congtin.EINVALID, "Từ khóa tìm ảnh quá dài: tối đa 200 ký tự.")
	}
	if v := q.Get("nguoi-tai"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return f, 0, congtin.Errorf(congtin.EINVALID, "Người tải lên không hợp lệ.")
		}
		f.UploadedBy = id
	}
	var err error
	if f.From, err = day(q.Get("tu"), "Ngày bắt đầu không hợp lệ; hãy chọn ngày."); err != nil {
		return f, 0, err
	}
	if f.To, err = day(q.Get("den"), "Ngày kết thúc không hợp lệ; hãy chọn ngày."); err != nil {
		return f, 0, err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1)
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, 0, congtin.Errorf(congtin.EINVALID, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
	}
	pageNo, err := listPage(q)
	if err != nil {
		return f, 0, err
	}
	f.Offset = (pageNo - 1) * adminPageSize
	return f, pageNo, nil
}

// day reads a yyyy-mm-dd day in Vietnam ("" is none).
func day(v, bad string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, v, congtin.VietnamZone)
	if err != nil || t.Year() < 1990 || t.Year() > 9999 {
		return time.Time{}, congtin.Errorf(congtin.EINVALID, "%s", bad)
	}
	return t, nil
}

// libraryJSON is a page of the library for its dialog in the editor.
type libraryJSON struct {
	Items []mediaJSON `json:"items"`
	Total int         `json:"total"`
	Page  int         `json:"page"`
	Pages int         `json:"pages"`
}

func (s *Server) handleMediaLibrary(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	f, pageNo, err := mediaFilter(q, rq.site.ID)
	if err == nil {
		err = can(rq, congtin.ActUpload, nil)
	}
	var ms []*congtin.Media
	var total int
	if err == nil {
		ms, total, err = s.library.FindMedia(r.Context(), f)
	}
	if wantsJSON(r) {
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		out := libraryJSON{Items: []mediaJSON{}, Total: total, Page: pageNo, Pages: (total + adminPageSize - 1) / adminPageSize}
		for _, m := range ms {
			out.Items = append(out.Items, listed(m))
		}
		writeJSON(w, http.StatusOK, out)
		return
	}
	page := &render.MediaPage{AdminBase: rq.base("Thư viện ảnh", "media"), Q: f.Q, Uploader: f.UploadedBy,
		From: q.Get("tu"), To: q.Get("den"), CanUpload: congtin.Can(rq.actor, congtin.ActUpload, nil)}
	page.Flash = s.flash(r)
	page.Filtered = f.Q != "" || f.UploadedBy != 0 || page.From != "" || page.To != ""
	if err != nil {
		// A filter that cannot be read is said on the page, with the
		// form to correct it; the list stays empty.
		if congtin.ErrorCode(err) != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		page.Error = congtin.ErrorMessage(err)
		repair(&page.Q, &page.From, &page.To)
		if page.Uploaders, err = s.library.FindMediaUploaders(r.Context(), rq.site.ID); err != nil {
			s.error(w, r, rq, err)
			return
		}
		s.render(w, r, http.StatusBadRequest, "admin/media", page)
		return
	}
	if page.Uploaders, err = s.library.FindMediaUploaders(r.Context(), rq.site.ID); err != nil {
		s.error(w, r, rq, err)
		return
	}
	hashes := make([]string, len(ms))
	for i, m := range ms {
		hashes[i] = m.Hash
	}
	uses, err := s.library.FindMediaUses(r.Context(), rq.site.ID, hashes)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	for _, m := range ms {
		item := mediaItem(m)
		item.Uses = len(uses[m.Hash])
		page.Media = append(page.Media, item)
	}
	page.Total = total
	page.Pager = adminPager("/admin/media", q, pageNo, total)
	s.render(w, r, http.StatusOK, "admin/media", page)
}

func mediaItem(m *congtin.Media) *render.MediaItem {
	d := describe(m)
	item := &render.MediaItem{Media: m, URL: d.URL, SrcSet: d.SrcSet, SizeText: sizeText(m)}
	if len(m.Variants) > 0 {
		v := m.Variants[0]
		item.Thumb, item.ThumbWidth, item.ThumbHeight = mediaPrefix+v.Key, v.Width, v.Height
	}
	return item
}

// loadMedia reads the {id} path value and the site's image.
func (s *Server) loadMedia(r *http.Request, rq *request) (*congtin.Media, error) {
	id, err := idIn(r, "id", "Không tìm thấy ảnh.")
	if err != nil {
		return nil, err
	}
	if err := can(rq, congtin.ActUpload, nil); err != nil {
		return nil, err
	}
	return s.library.FindMediaByID(r.Context(), rq.site.ID, id)
}

// mediaEditPage builds an image's page: its files, its texts, where it
// is used.
func (s *Server) mediaEditPage(r *http.Request, rq *request, m *congtin.Media) (*render.MediaEditPage, error) {
	page := &render.MediaEditPage{AdminBase: rq.base("Ảnh: "+m.Name, "media"), Item: mediaItem(m),
		Input: congtin.MediaInput{Alt: m.Alt, Caption: m.Caption}, CanChange: congtin.CanChangeMedia(rq.actor, m)}
	page.Flash = s.flash(r)
	for _, v := range m.Variants {
		page.Files = append(page.Files, render.MediaFile{Width: v.Width, Height: v.Height, URL: mediaPrefix + v.Key})
	}
	uses, err := s.library.FindMediaUses(r.Context(), rq.site.ID, []string{m.Hash})
	if err != nil {
		return nil, err
	}
	for _, u := range uses[m.Hash] {
		page.UseCount++
		if !congtin.CanSee(rq.actor, &congtin.Item{Ref: congtin.Ref{Kind: u.Kind, SiteID: rq.site.ID, ID: u.ID}, CreatedBy: u.CreatedBy}) {
			continue
		}
		l := render.MediaUseLink{MediaUse: u}
		switch u.Kind {
		case congtin.KindArticle:
			l.What, l.URL = "Bài viết", articleURL(u.ID)
		case congtin.KindPage:
			l.What, l.URL = "Trang giới thiệu", "/admin/gioi-thieu/"+strconv.FormatInt(u.ID, 10)
		case congtin.KindQuestion:
			l.What, l.URL = "Câu trả lời", "/admin/hoi-dap/"+strconv.FormatInt(u.ID, 10)
		case congtin.KindConsultation:
			l.What, l.URL = "Dự thảo lấy ý kiến", consultationAdminURL(u.ID)
		case congtin.KindProject:
			l.What, l.URL = "Dự án", projectAdminURL(u.ID)
		}
		page.Uses = append(page.Uses, l)
	}
	return page, nil
}

func (s *Server) handleMediaEdit(w http.ResponseWriter, r *http.Request, rq *request) {
	m, err := s.loadMedia(r, rq)
	var page *render.MediaEditPage
	if err == nil {
		page, err = s.mediaEditPage(r, rq, m)
	}
	s.show(w, r, rq, "admin/media_edit", page, err)
}

func (s *Server) handleMediaSave(w http.ResponseWriter, r *http.Request, rq *request) {
	m, err := s.loadMedia(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in := congtin.MediaInput{Alt: r.PostForm.Get("alt"), Caption: r.PostForm.Get("caption")}
	if _, err := s.library.UpdateMedia(r.Context(), rq.actor, rq.site.ID, m.ID, in); err != nil {
		s.refuseForm(w, r, rq, "admin/media_edit", nil, err, notSaved(err), func() (formPage, error) {
			page, err := s.mediaEditPage(r, rq, m)
			if err == nil {
				repair(&in.Alt, &in.Caption)
				page.Input = in
			}
			return page, err
		})
		return
	}
	s.redirect(w, r, mediaURL(m.ID), "Đã lưu mô tả và chú thích ảnh.")
}

// handleMediaDelete deletes an unused image: its record, then its files
// unless another site's library has the same image (files are shared by
// content). The form asks to confirm with a checkbox, which works without
// JavaScript; a post without it deletes nothing.
func (s *Server) handleMediaDelete(w http.ResponseWriter, r *http.Request, rq *request) {
	m, err := s.loadMedia(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if r.PostForm.Get("xac-nhan") != "1" {
		s.refuseForm(w, r, rq, "admin/media_edit", congtin.FieldErrors{"xac-nhan": "Hãy đánh dấu ô xác nhận trước khi xóa."}, nil,
			"Chưa xóa ảnh: hãy xác nhận bạn muốn xóa hẳn ảnh này.", func() (formPage, error) { return s.mediaEditPage(r, rq, m) })
		return
	}
	deleted, shared, err := s.library.DeleteMedia(r.Context(), rq.actor, rq.site.ID, m.ID)
	if congtin.ErrorCode(err) == congtin.ECONFLICT {
		// Someone put the image into an article since the page was
		// opened: the page again, with where it is now used.
		page, perr := s.mediaEditPage(r, rq, m)
		if perr != nil {
			s.error(w, r, rq, perr)
			return
		}
		page.Error = "Chưa xóa ảnh: " + congtin.ErrorMessage(err)
		s.render(w, r, http.StatusConflict, "admin/media_edit", page)
		return
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if !shared {
		for _, v := range deleted.Variants {
			if err := (media.Files{Blobs: s.Blobs}).Delete(r.Context(), v.Key); err != nil {
				// The record is gone; a file left behind only takes room.
				s.Log.Warn("delete media file", "key", v.Key, "error", err)
			}
		}
	}
	s.redirect(w, r, "/admin/media", "Đã xóa ảnh “"+trimName(deleted.Name)+"”.")
}

// trimName shortens a file name for a confirmation, which flash limits.
func trimName(name string) string {
	if r := []rune(name); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return name
}
