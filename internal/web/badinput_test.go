package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestBadInput: junk in URLs and query strings gets a normal Vietnamese 4xx
// page, never a 500 or a Go error text.
func TestBadInput(t *testing.T) {
	e := newEnv(t)
	fixture(e)
	for _, tt := range []struct {
		path   string
		status int
		says   string // a phrase the page must show
	}{
		{"/khong-co-chuyen-muc", 404, "Không tìm thấy trang"},
		{"/van-hoa-xa-hoi?trang=-1", 400, "Số trang không hợp lệ"},
		{"/van-hoa-xa-hoi?trang=abc", 400, "Số trang không hợp lệ"},
		{"/van-hoa-xa-hoi?trang=0", 400, "Số trang không hợp lệ"},
		{"/van-hoa-xa-hoi?trang=99999999", 400, "Số trang không hợp lệ"},
		{"/van-hoa-xa-hoi?trang=999999", 404, "không tồn tại"},
		{"/van-hoa-xa-hoi?trang=2", 404, "không tồn tại"}, // 20 articles fit on page 1
		{"/van-hoa-xa-hoi?trang=1e3", 400, "Số trang không hợp lệ"},
		{"/van-hoa-xa-hoi?truoc=abc", 400, "Mã bài viết không hợp lệ"},
		{"/van-hoa-xa-hoi?truoc=999999", 404, "Không tìm thấy"},
		{"/theo-ngay?ngay=2019-02-30", 400, "Ngày không hợp lệ"},
		{"/theo-ngay?ngay=2019-13-01", 400, "Ngày không hợp lệ"},
		{"/theo-ngay?ngay=abc", 400, "Ngày không hợp lệ"},
		{"/theo-ngay?ngay=%ff%fe", 400, "Ngày không hợp lệ"},
		{"/theo-ngay?ngay=" + strings.Repeat("9", 5000), 400, "Ngày không hợp lệ"},
		{"/theo-ngay?tu=2019-10-05&den=2019-10-01", 400, "phải trước"},
		{"/theo-ngay?tu=1900-01-01&den=2019-10-01", 400, "quá dài"},
		{"/theo-ngay?ngay=2019-10-01&chuyen-muc=khong-co", 400, "không tồn tại"},
		{"/theo-ngay?ngay=2019-10-01&trang=-5", 400, "Số trang không hợp lệ"},
		{"/theo-ngay?ngay=2019-10-01&trang=5", 404, "không tồn tại"},
		{"/van-hoa-xa-hoi/abc", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi/abc-0", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi/abc-007", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi/abc-99999999999999999999", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi/abc-999999", 404, "Không tìm thấy"},
		{"/a/b/c/d", 404, "Không tìm thấy"},
		{"/%ff%fe", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi%00", 404, "Không tìm thấy"},
		{"/" + strings.Repeat("a", 3000), 404, "Không tìm thấy"},
		{"/ban-in/abc", 404, "Không tìm thấy"},
		{"/ban-in/-1", 404, "Không tìm thấy"},
		{"/ban-in/999999", 404, "Không tìm thấy"},
		{"/static/khong-co.css", 404, ""},
		{"/static/../../../../etc/passwd", 404, ""},
		{"/static/%2e%2e/%2e%2e/etc/passwd", 404, ""},
		{"/..%2f..%2fetc%2fpasswd", 404, "Không tìm thấy"},
		{"/van-hoa-xa-hoi/<script>alert(1)</script>", 404, "Không tìm thấy"},
	} {
		t.Run(tt.path[:min(len(tt.path), 60)], func(t *testing.T) {
			r := e.fetch(client(false), "GET", tt.path, browserUA)
			// The mux cleans paths with ".." by redirecting; follow once.
			if r.status == http.StatusMovedPermanently || r.status == http.StatusTemporaryRedirect {
				r = e.fetch(client(false), "GET", r.header.Get("Location"), browserUA)
			}
			if r.status != tt.status {
				t.Fatalf("status %d, want %d; body %.300s", r.status, tt.status, r.body)
			}
			if strings.Contains(r.body, "root:") || strings.Contains(r.body, "goroutine") || strings.Contains(r.body, "runtime error") {
				t.Fatal("leaked internals")
			}
			if tt.says != "" {
				if r.doc == nil || attr(find(r.doc, tag("html")), "lang") != "vi" {
					t.Fatalf("not a Vietnamese HTML page: %.200s", r.body)
				}
				if !strings.Contains(text(r.doc), tt.says) {
					t.Fatalf("page does not say %q: %.300s", tt.says, text(find(r.doc, tag("main"))))
				}
			}
			if strings.Contains(r.body, "<script>alert(1)</script>") {
				t.Fatal("input echoed unescaped")
			}
		})
	}
	// Methods other than GET and HEAD are refused, not 500.
	if r := e.fetch(client(false), "POST", "/van-hoa-xa-hoi", browserUA); r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", r.status)
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	r := e.get("/")
	for k, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	} {
		if got := r.header.Get(k); got != want {
			t.Errorf("%s = %q", k, got)
		}
	}
	if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") && strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("CSP %q", csp)
	}
}
