package congtin

import (
	"context"
	"strings"
	"unicode/utf8"
)

// CategoryInput is the category form.
type CategoryInput struct {
	Name     string `json:"name"`
	Slug     string `json:"slug"` // empty: made from the name
	ParentID int64  `json:"parent_id"`
	Position int    `json:"position"`
	Hidden   bool   `json:"hidden"`
}

// Validate checks the input without I/O.
func (in *CategoryInput) Validate() error {
	NFC(&in.Name, &in.Slug)
	in.Name, in.Slug = strings.TrimSpace(in.Name), strings.TrimSpace(in.Slug)
	fe := FieldErrors{}
	switch {
	case in.Name == "":
		fe["name"] = "Tên chuyên mục không được để trống."
	case !validText(in.Name) || utf8.RuneCountInString(in.Name) > MaxCategoryLen:
		fe["name"] = "Tên chuyên mục quá dài hoặc chứa ký tự không hợp lệ."
	case in.Slug == "" && Slugify(in.Name) == "":
		fe["name"] = "Tên chuyên mục cần có chữ hoặc số."
	}
	if in.Slug != "" && !ValidSlug(in.Slug) {
		fe["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."
	} else if ReservedSlug(in.Slug) || in.Slug == "" && ReservedSlug(Slugify(in.Name)) {
		fe["slug"] = "Đường dẫn này dành cho trang hệ thống; hãy chọn đường dẫn khác."
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// CategoryAdminService changes categories. Each method writes its audit
// entry in the same transaction.
type CategoryAdminService interface {
	// CreateCategory adds a category. ECONFLICT when the slug is taken.
	CreateCategory(ctx context.Context, actor Actor, siteID int64, in CategoryInput) (*Category, error)
	// UpdateCategory renames, moves, reorders or hides a category. A new
	// slug keeps the old one as a redirect. A parent that would make a
	// cycle is EINVALID.
	UpdateCategory(ctx context.Context, actor Actor, siteID, id int64, in CategoryInput) (*Category, error)
	// DeleteCategory removes an empty category: one with articles or
	// children is ECONFLICT.
	DeleteCategory(ctx context.Context, actor Actor, siteID, id int64) error
}

// SiteAdminService creates and lists sites.
type SiteAdminService interface {
	// CreateSite adds a site for a host name, with the default document
	// lists and links. ECONFLICT if the host is taken; only a super
	// administrator may (EFORBIDDEN otherwise).
	CreateSite(ctx context.Context, actor Actor, host, name string) (*Site, error)
	// FindSites lists every site.
	FindSites(ctx context.Context) ([]*Site, error)
	// UpdateSiteAs changes a site's settings with an audit entry, in one
	// transaction; the actor must manage the site (ActManage).
	UpdateSiteAs(ctx context.Context, actor Actor, id int64, upd SiteUpdate) (*Site, error)
}

// ValidateHost checks a host name for a site.
func ValidateHost(h string) error {
	if len(h) < 1 || len(h) > 253 {
		return Errorf(EINVALID, "Tên miền không hợp lệ.")
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return Errorf(EINVALID, "Tên miền chỉ gồm chữ thường, số, dấu chấm và gạch ngang, ví dụ soyte.anphu.gov.vn.")
		}
	}
	if strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return Errorf(EINVALID, "Tên miền không hợp lệ.")
	}
	return nil
}
