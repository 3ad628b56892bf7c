package congtin

import (
	"context"
	"strings"
	"time"
)

// Disclosure pages (công khai): budget disclosure, statistics reports,
// strategies, master plans and plans, which Nghị định 42/2022/NĐ-CP asks a
// portal to publish. Each is a view of the documents register, not a
// model of its own: a named group of document types and fields, its
// documents listed by year and quarter of issue. Administrators set the
// groups; each site starts with DefaultDisclosures.

// Limits of a disclosure group.
const (
	MaxDisclosureNameLen  = 200
	MaxDisclosureIntroLen = 2000
	MaxDisclosureTerms    = 50
)

// DisclosurePrefix is the disclosure pages' path.
const DisclosurePrefix = "/cong-khai"

// Disclosure is a group of the register shown as a disclosure page.
type Disclosure struct {
	ID     int64  `json:"id"`
	SiteID int64  `json:"-"`
	Slug   string `json:"slug"`
	Name   string `json:"name"`
	Intro  string `json:"intro"` // plain text
	// TypeIDs and FieldIDs select the documents: of one of the types
	// when any is given, and of one of the fields when any is given.
	TypeIDs  []int64 `json:"type_ids"`
	FieldIDs []int64 `json:"field_ids"`
	Position int     `json:"position"`
}

// Path is the group's public page.
func (d *Disclosure) Path() string { return DisclosurePrefix + "/" + d.Slug }

// Query is the register's query of the group's public documents.
func (d *Disclosure) Query() DocumentQuery {
	return DocumentQuery{SiteID: d.SiteID, TypeIDs: d.TypeIDs, FieldIDs: d.FieldIDs}
}

// DefaultDisclosure is a group a new site starts with, its types and
// fields named as the register's default lists name them.
type DefaultDisclosure struct {
	Slug, Name, Intro string
	Types, Fields     []string
}

// DefaultDisclosures are the groups Nghị định 42/2022 names.
var DefaultDisclosures = []DefaultDisclosure{
	{Slug: "ngan-sach", Name: "Công khai ngân sách",
		Intro:  "Dự toán, tình hình thực hiện và quyết toán ngân sách nhà nước được công khai theo Luật Ngân sách nhà nước.",
		Fields: []string{"Kinh tế - Tài chính"}},
	{Slug: "bao-cao-thong-ke", Name: "Báo cáo thống kê",
		Intro: "Báo cáo định kỳ và báo cáo thống kê của cơ quan.", Types: []string{"Báo cáo"}},
	{Slug: "chien-luoc-quy-hoach-ke-hoach", Name: "Chiến lược – Quy hoạch – Kế hoạch",
		Intro: "Chiến lược, quy hoạch, kế hoạch phát triển và chương trình, đề án của cơ quan.", Types: []string{"Kế hoạch"}},
}

// DisclosureInput is the group's form.
type DisclosureInput struct {
	Name     string
	Intro    string
	TypeIDs  []int64
	FieldIDs []int64
	Position int
}

// Normalize trims the texts.
func (in *DisclosureInput) Normalize() {
	NFC(&in.Name, &in.Intro)
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Intro = strings.TrimSpace(strings.ReplaceAll(in.Intro, "\r\n", "\n"))
}

// Validate checks the texts, that the group selects something, and the
// number of its entries.
func (in *DisclosureInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "name", "Tên trang công khai", in.Name, MaxDisclosureNameLen, true)
	checkText(fe, "intro", "Giới thiệu", in.Intro, MaxDisclosureIntroLen, false)
	if fe["name"] == "" && Slugify(in.Name) == "" {
		fe["name"] = "Tên trang công khai cần có chữ hoặc số."
	}
	switch {
	case len(in.TypeIDs) == 0 && len(in.FieldIDs) == 0:
		fe["terms"] = "Hãy chọn ít nhất một loại văn bản hoặc một lĩnh vực cho trang công khai."
	case len(in.TypeIDs) > MaxDisclosureTerms || len(in.FieldIDs) > MaxDisclosureTerms:
		fe["terms"] = "Chọn quá nhiều loại văn bản hoặc lĩnh vực."
	}
	for _, id := range append(append([]int64{}, in.TypeIDs...), in.FieldIDs...) {
		if id <= 0 {
			fe["terms"] = "Loại văn bản hoặc lĩnh vực không hợp lệ."
		}
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// Quarter is the quarter (1–4) of a day, in Vietnam.
func Quarter(t time.Time) int { return (int(t.In(VietnamZone).Month())-1)/3 + 1 }

// DisclosureStore reads the disclosure groups.
type DisclosureStore interface {
	// FindDisclosures lists a site's groups by position, then name.
	FindDisclosures(ctx context.Context, siteID int64) ([]*Disclosure, error)
	// FindDisclosure returns the site's group with the slug;
	// NotFound(KindDisclosure) if none.
	FindDisclosure(ctx context.Context, siteID int64, slug string) (*Disclosure, error)
}

// DisclosureTx writes them.
type DisclosureTx interface {
	// FindDisclosureByID reads a group of the site; NotFound(KindDisclosure).
	FindDisclosureByID(ctx context.Context, siteID, id int64) (*Disclosure, error)
	// DisclosureNameFree reports whether no group of the site other than
	// self has the name or the slug.
	DisclosureNameFree(ctx context.Context, siteID int64, name, slug string, self int64) (bool, error)
	// CountDocumentTerms counts how many of ids are entries of the site's
	// list.
	CountDocumentTerms(ctx context.Context, siteID int64, list string, ids []int64) (int, error)
	// SaveDisclosure inserts d (ID 0, setting it) or replaces it.
	SaveDisclosure(ctx context.Context, d *Disclosure) error
	// DeleteDisclosure deletes a group.
	DeleteDisclosure(ctx context.Context, siteID, id int64) error
}

// DisclosureService is what administrators do with the groups.
type DisclosureService interface {
	// SaveDisclosure creates (id 0) or changes a group; a group keeps the
	// address it was created with, whatever its new name. EFORBIDDEN for
	// anyone but administrators; EINVALID names the field (a type or
	// field not the site's is "terms", a name or slug taken "name").
	SaveDisclosure(ctx context.Context, actor Actor, siteID, id int64, in DisclosureInput) (*Disclosure, error)
	// DeleteDisclosure removes a group (its documents stay in the register).
	DeleteDisclosure(ctx context.Context, actor Actor, siteID, id int64) error
}
