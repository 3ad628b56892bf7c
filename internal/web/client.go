package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
)

// withClient resolves the request's client once (its address, whether it
// came over HTTPS), for every limit, log line and cookie after it, and
// tells browsers that reached an HTTPS request to keep to HTTPS. HSTS on
// a plain-http response would be ignored by browsers, and wrong.
func (s *Server) withClient(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trusting := len(s.TrustedProxies) > 0
		var c clientip.Client
		https := r.TLS != nil
		if trusting {
			c = s.TrustedProxies.Resolve(r)
			https = c.HTTPS
		}
		if https && s.HSTSMaxAge > 0 {
			w.Header().Set("Strict-Transport-Security", "max-age="+strconv.Itoa(s.HSTSMaxAge))
		}
		if !trusting {
			// clientip.From works the client out from the peer alone, as
			// Resolve would: no context value, no copy of the request.
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(clientip.NewContext(r.Context(), c)))
	})
}

// httpsOnly keeps an HTTPS site's readers on HTTPS: a request a trusted
// proxy received over plain http is sent to the https address (GET and
// HEAD) or refused (anything else: its body would have crossed the
// network in clear already, and a redirect would make the browser send it
// again). On such a site every cookie is Secure.
func (s *Server) httpsOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.siteScheme(siteFrom(r.Context())) != "https" {
			next.ServeHTTP(w, r)
			return
		}
		c := clientip.From(r)
		if c.PlainProxied {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				s.error(w, r, congtin.Errorf(congtin.EINVALID, "Cổng thông tin này chỉ nhận dữ liệu gửi qua kết nối bảo mật (https). Hãy mở lại trang bằng địa chỉ bắt đầu với https:// rồi gửi lại."))
				return
			}
			u := s.siteURL(siteFrom(r.Context()), r.URL.RequestURI())
			http.Redirect(w, r, u, http.StatusPermanentRedirect)
			return
		}
		c.SiteHTTPS = true
		next.ServeHTTP(w, r.WithContext(clientip.NewContext(r.Context(), c)))
	})
}

// siteScheme is the scheme a site is published on, as its URLs say
// (siteURL: -base-url for the default site, else the site's own scheme
// and host): "https", "http", or "" when its URLs are relative (a default
// site given no address). site may be nil (static files, health checks).
func (s *Server) siteScheme(site *congtin.Site) string {
	if site == nil {
		return ""
	}
	scheme, _, ok := strings.Cut(s.siteURL(site, "/"), "://")
	if !ok {
		return ""
	}
	return strings.ToLower(scheme)
}
