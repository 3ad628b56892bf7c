package congtin

import (
	"context"
	"strconv"
	"time"
)

// PreviewLink is a signed, expiring link to see an item in the portal's
// own layout before it is public: a draft, an article waiting for
// approval, one scheduled, one taken down. It names the kind, the item,
// the site and the moment it stops working; Sig is the service's
// signature of all four, so changing any of them breaks it. Whoever holds
// the link may see the item until then, signed in or not: it is made to
// be opened in the back office's preview frames, or sent to the leader
// who approves the text.
type PreviewLink struct {
	Ref
	Expires time.Time
	Sig     string
}

// previewKinds are the kinds a preview shows, with the segment of their
// preview path.
var previewKinds = map[Kind]string{
	KindArticle:  "bai-viet",
	KindPage:     "gioi-thieu",
	KindDocument: "van-ban",
}

// PreviewPrefix starts every preview path.
const PreviewPrefix = "/xem-truoc/"

// Previewable reports whether items of the kind can be previewed.
func Previewable(k Kind) bool { return previewKinds[k] != "" }

// PreviewKind returns the kind a preview path's segment names.
func PreviewKind(segment string) (Kind, bool) {
	for k, s := range previewKinds {
		if s == segment {
			return k, true
		}
	}
	return "", false
}

// Path is the link's path and query, on the item's site:
// /xem-truoc/bai-viet/12?cong=1&han=1767225600&ky=….
func (l PreviewLink) Path() string {
	return PreviewPrefix + previewKinds[l.Kind] + "/" + strconv.FormatInt(l.ID, 10) + "?" + l.Query()
}

// Query is the link's query: the site, the expiry and the signature.
// Pages reached from a preview (a document's attachments) carry it too.
func (l PreviewLink) Query() string {
	return "cong=" + strconv.FormatInt(l.SiteID, 10) + "&han=" + strconv.FormatInt(l.Expires.Unix(), 10) + "&ky=" + l.Sig
}

// PreviewService makes and checks preview links.
type PreviewService interface {
	// PreviewLink signs a link to preview the item, for an actor who may
	// open it in the back office (reporters: their own). It returns the
	// item as the workflow sees it. EFORBIDDEN when the actor may not see
	// it, ENOTFOUND when the site has no such item, EINVALID for a kind
	// that has no preview.
	PreviewLink(ctx context.Context, actor Actor, item Ref) (*Item, PreviewLink, error)
	// CheckPreview checks a link opened on the site siteID: nil when it
	// is the service's own, unaltered, for that site and not expired;
	// EFORBIDDEN for a forged or altered link or another site's; EGONE for
	// an expired one.
	CheckPreview(ctx context.Context, siteID int64, l PreviewLink) error
}
