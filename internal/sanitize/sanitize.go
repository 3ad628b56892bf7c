// Package sanitize holds the one HTML policy for article bodies, whether an
// editor wrote them or an import brought them. Everything that stores a body
// goes through HTML; nothing else decides what HTML is allowed.
package sanitize

import (
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

var (
	once   sync.Once
	policy *bluemonday.Policy
)

// newPolicy builds the allowlist: bluemonday's user-generated-content policy
// (links, images, lists, tables, emphasis, headings; no script, no event
// handlers, no javascript: or data: URLs) plus figures with captions and a
// text-align style, the only style an editor needs that cannot break the
// page layout.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("figure", "figcaption", "caption", "u", "s", "mark", "small")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,2}$`)).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center", "justify").OnElements("p", "h2", "h3", "h4", "td", "th", "figcaption")
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	// Images are shown at their container's width by CSS; fixed sizes from
	// Word pastes would overflow phones.
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,4}$`)).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	// Uploaded images come in several widths; srcset may only name our own
	// /media/ files, so it cannot smuggle in another URL scheme.
	p.AllowAttrs("srcset").Matching(regexp.MustCompile(`^/media/[a-z0-9/._-]+ [0-9]{1,5}w(, /media/[a-z0-9/._-]+ [0-9]{1,5}w)*$`)).OnElements("img")
	p.AllowAttrs("sizes").Matching(regexp.MustCompile(`^[a-z0-9()., :-]{1,200}$`)).OnElements("img")
	// Links leaving the site open in place; nofollow is for untrusted
	// comments, and these bodies come from the agency's own staff.
	p.RequireNoFollowOnLinks(false)
	p.RequireNoFollowOnFullyQualifiedLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}

// HTML returns body with everything outside the policy removed.
func HTML(body string) string {
	once.Do(func() { policy = newPolicy() })
	return policy.Sanitize(body)
}
