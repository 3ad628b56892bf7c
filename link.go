package congtin

import (
	"context"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Link is an entry of the site's list of links: related agencies' portals
// and public services, shown in the footer of every page.
type Link struct {
	ID       int64  `json:"id"`
	SiteID   int64  `json:"-"`
	Name     string `json:"name"`
	URL      string `json:"url"`
	Group    string `json:"group"` // e.g. "Cơ quan liên quan", "Dịch vụ công"
	Position int    `json:"position"`
}

// DefaultLinkGroup is the group of a link entered without one.
const DefaultLinkGroup = "Liên kết"

// DefaultLinks are the links every new site starts with: the national
// public-service portal and the Government's portal, which Nghị định
// 42/2022/NĐ-CP asks every agency's portal to link to.
var DefaultLinks = []LinkInput{
	{Name: "Cổng Dịch vụ công quốc gia", URL: "https://dichvucong.gov.vn", Group: "Dịch vụ công", Position: 1},
	{Name: "Cổng thông tin điện tử Chính phủ", URL: "https://chinhphu.vn", Group: "Cơ quan liên quan", Position: 2},
}

// LinkInput is the link form.
type LinkInput struct {
	Name     string `json:"name"`
	URL      string `json:"url"`
	Group    string `json:"group"`
	Position int    `json:"position"`
}

// Normalize trims the fields and fills the default group.
func (in *LinkInput) Normalize() {
	NFC(&in.Name, &in.URL, &in.Group)
	in.Name, in.URL, in.Group = strings.TrimSpace(in.Name), strings.TrimSpace(in.URL), strings.TrimSpace(in.Group)
	if in.Group == "" {
		in.Group = DefaultLinkGroup
	}
}

// Validate checks the input without I/O; it returns a *ValidationError.
// Only absolute http and https addresses are links: javascript:, data:
// and the rest would run or show something on the portal's own origin.
func (in *LinkInput) Validate() error {
	fe := FieldErrors{}
	switch {
	case !validText(in.Name):
		fe["name"] = "Tên liên kết chứa ký tự không hợp lệ."
	case in.Name == "":
		fe["name"] = "Tên liên kết không được để trống."
	case utf8.RuneCountInString(in.Name) > 200:
		fe["name"] = "Tên liên kết quá dài: tối đa 200 ký tự."
	}
	switch {
	case !validText(in.Group) || utf8.RuneCountInString(in.Group) > 100:
		fe["group"] = "Nhóm quá dài (tối đa 100 ký tự) hoặc chứa ký tự không hợp lệ."
	}
	if !HTTPURL(in.URL) {
		fe["url"] = "Địa chỉ liên kết phải là địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https://, ví dụ https://dichvucong.gov.vn."
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// HTTPURL reports whether u is an absolute http or https URL with a host
// and nothing a browser would read otherwise (spaces, quotes, control
// characters, user info).
func HTTPURL(u string) bool {
	if u == "" || len(u) > MaxURLLen || !validText(u) || strings.ContainsAny(u, " \t\r\n\\<>\"'`") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && p.User == nil &&
		strings.HasPrefix(strings.ToLower(u), p.Scheme+"://")
}

// LinkService changes the list of links (LinkStore reads it). Its
// methods are for administrators (ActManage, else EFORBIDDEN) and write
// an audit entry.
type LinkService interface {
	// CreateLink adds a link. EINVALID for a name or URL that is not one.
	CreateLink(ctx context.Context, actor Actor, siteID int64, in LinkInput) (*Link, error)
	// UpdateLink changes a link; ENOTFOUND when the site has no such link.
	UpdateLink(ctx context.Context, actor Actor, siteID, id int64, in LinkInput) (*Link, error)
	// DeleteLink removes a link.
	DeleteLink(ctx context.Context, actor Actor, siteID, id int64) error
}

// LinkStore reads the footer's links.
type LinkStore interface {
	// FindLinks lists the site's links by position, then ID.
	FindLinks(ctx context.Context, siteID int64) ([]*Link, error)
}

// LinkTx writes the footer's links.
type LinkTx interface {
	// FindLink reads a link of the site; NotFound(KindLink).
	FindLink(ctx context.Context, siteID, id int64) (*Link, error)
	// InsertLink stores a new link and sets its ID.
	InsertLink(ctx context.Context, l *Link) error
	// UpdateLink writes a link's name, URL, group and position.
	UpdateLink(ctx context.Context, l *Link) error
	// DeleteLink deletes a link.
	DeleteLink(ctx context.Context, id int64) error
}
