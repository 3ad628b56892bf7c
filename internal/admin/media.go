package admin

import (
	"context"
	"errors"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/render"
)

// mediaService is what the image library and uploads need.
type mediaService interface {
	AddMedia(ctx context.Context, actor congtin.Actor, m *congtin.Media) (*congtin.Media, error)
	FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*congtin.Media, int, error)
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

// mediaJSON is what the editor receives after an upload.
type mediaJSON struct {
	ID     int64  `json:"id"`
	URL    string `json:"url"`
	SrcSet string `json:"srcset"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Alt    string `json:"alt"`
}

func toVariants(m *congtin.Media) []media.Variant {
	vs := make([]media.Variant, len(m.Variants))
	for i, v := range m.Variants {
		vs[i] = media.Variant{Width: v.Width, Height: v.Height, Key: v.Key}
	}
	return vs
}

func describe(m *congtin.Media) mediaJSON {
	j := mediaJSON{ID: m.ID, Width: m.Width, Height: m.Height, SrcSet: media.SrcSet(mediaPrefix, toVariants(m))}
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
			writeJSON(w, status, map[string]string{"error": congtin.ErrorMessage(err)})
			return
		}
		s.error(w, r, rq, err)
		return
	}
	if fromEditor {
		writeJSON(w, http.StatusCreated, describe(m))
		return
	}
	redirect(w, r, "/admin/media", "Đã tải ảnh lên.")
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
	p, err := media.Process(f, lim)
	if err != nil {
		return nil, err
	}
	for _, v := range p.Variants {
		if err := s.Media.Put(r.Context(), v.Key, v.Data, v.ContentType); err != nil {
			return nil, err
		}
	}
	name := strings.ToValidUTF8(path.Base(hdr.Filename), "")
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	rec := &congtin.Media{SiteID: rq.site.ID, Hash: p.Hash, Name: name, ContentType: p.ContentType, Width: p.Width, Height: p.Height, UploadedBy: rq.actor.User.ID}
	for _, v := range p.Variants {
		rec.Variants = append(rec.Variants, congtin.MediaVariant{Width: v.Width, Height: v.Height, Key: v.Key})
	}
	return s.library.AddMedia(r.Context(), rq.actor, rec)
}

func (s *Server) handleMediaLibrary(w http.ResponseWriter, r *http.Request, rq *request) {
	pageNo := 1
	ms, total, err := s.library.FindMedia(r.Context(), rq.site.ID, 0, 60)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.MediaPage{AdminBase: rq.base("Thư viện ảnh", "media"), Pager: adminPager("/admin/media", r.URL.Query(), pageNo, total)}
	page.Flash = flash(r)
	for _, m := range ms {
		d := describe(m)
		item := &render.MediaItem{Media: m, URL: d.URL, SrcSet: d.SrcSet}
		if len(m.Variants) > 0 {
			item.Thumb = mediaPrefix + m.Variants[0].Key
		}
		page.Media = append(page.Media, item)
	}
	s.render(w, r, http.StatusOK, "admin/media", page)
}
