package web

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/render"
)

var headings = map[int]string{
	http.StatusBadRequest:          "Yêu cầu không hợp lệ",
	http.StatusNotFound:            "Không tìm thấy trang",
	http.StatusGone:                "Bài viết đã được gỡ",
	http.StatusConflict:            "Xung đột dữ liệu",
	http.StatusForbidden:           "Không có quyền truy cập",
	http.StatusUnauthorized:        "Cần đăng nhập",
	http.StatusTooManyRequests:     "Quá nhiều yêu cầu",
	http.StatusInternalServerError: "Lỗi hệ thống",
	http.StatusServiceUnavailable:  "Hệ thống tạm thời gián đoạn",
}

// error renders the Vietnamese error page for err. Internal errors are
// logged with the request and shown to the reader without details.
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) { s.errorPage(w, r, err, "") }

// errorPage is error with the page's heading, when it is not the status's
// own.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error, heading string) {
	code := congtin.ErrorCode(err)
	status := httperr.Status(err)
	msg := httperr.Message(err, status)
	if status == http.StatusInternalServerError {
		s.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		msg = "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
	}
	if status == http.StatusServiceUnavailable {
		s.Log.Warn("service unavailable", "method", r.Method, "path", r.URL.Path, "error", err)
		w.Header().Set("Retry-After", httperr.RetryAfter)
	}
	if status == http.StatusNotFound && code != congtin.ENOTFOUND {
		msg = "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."
	}
	if heading == "" {
		heading = headings[status]
	}
	page := &render.ErrorPage{Status: status, Heading: heading, Message: msg}
	page.Title = page.Heading
	// The error page keeps the site's header and menu when the database
	// answers; when it does not, a bare page still explains.
	if site := siteFrom(r.Context()); site != nil && status != http.StatusInternalServerError && status != http.StatusServiceUnavailable {
		if b, err := s.base(w, r, site, false); err == nil {
			page.Base = b
		}
	}
	if page.Site == nil {
		// Without the database: the site and its menu as this request
		// found them, and no counter rather than a wrong one.
		page.Site = &congtin.Site{Name: "Cổng thông tin điện tử"}
		if site := siteFrom(r.Context()); site != nil {
			page.Site = site
			page.Categories = categoriesFrom(r.Context())
			page.Menu = page.Categories.Top()
		}
		page.NoCounter = true
		page.Year = s.now().In(congtin.VietnamZone).Year()
	}
	if English(r) {
		englishError(page)
	}
	w.Header().Set("Cache-Control", "no-store")
	if err := s.Render.Render(w, status, "error", page); err != nil {
		s.Log.Error("render error page", "error", err)
		http.Error(w, page.Heading, status)
	}
}

// notFound is the error for any path the portal does not serve.
func notFound() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.")
}

// englishHeadings are the error pages' headings under /en/.
var englishHeadings = map[int]string{
	http.StatusBadRequest:          "Bad request",
	http.StatusNotFound:            "Page not found",
	http.StatusGone:                "Page removed",
	http.StatusConflict:            "Conflict",
	http.StatusForbidden:           "Access denied",
	http.StatusUnauthorized:        "Sign-in required",
	http.StatusTooManyRequests:     "Too many requests",
	http.StatusInternalServerError: "System error",
	http.StatusServiceUnavailable:  "Temporarily unavailable",
}

// englishError turns an error page English for a reader of /en/: the
// store's messages are Vietnamese, so the message is the status's own.
func englishError(page *render.ErrorPage) {
	page.Heading = englishHeadings[page.Status]
	page.Title = page.Heading
	switch page.Status {
	case http.StatusNotFound:
		page.Message = "The page you are looking for does not exist or has been moved."
	case http.StatusServiceUnavailable:
		page.Message = "The portal cannot reach its database at the moment. Please try again in a few minutes."
	case http.StatusInternalServerError:
		page.Message = "Something went wrong. Please try again later."
	default:
		page.Message = page.Heading + "."
	}
	englishBase(&page.Base, nil, "")
	page.LangSwitch = "/"
}
