package congtin

import (
	"context"
	"strings"
)

type contextKey int

const siteContextKey contextKey = 0

// NewContextWithSite returns a context that carries the site a request is
// for.
func NewContextWithSite(ctx context.Context, s *Site) context.Context {
	return context.WithValue(ctx, siteContextKey, s)
}

// SiteFromContext returns the request's site, or nil.
func SiteFromContext(ctx context.Context) *Site {
	s, _ := ctx.Value(siteContextKey).(*Site)
	return s
}

// HostName returns the host of a Host header without its port, lower-cased.
func HostName(hostport string) string {
	h := hostport
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	return strings.ToLower(strings.Trim(h, "[]"))
}
