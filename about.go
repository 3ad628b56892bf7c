package congtin

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Page is a free page of the Giới thiệu (about) section: functions and
// duties, history, contacts. It goes through the articles' workflow, and
// may have an English version, served under /en/about/.
type Page struct {
	ID     int64  `json:"id"`
	SiteID int64  `json:"-"`
	Slug   string `json:"slug"`
	Title  string `json:"title"`
	Body   string `json:"body"` // sanitized HTML
	// The English version; TitleEN is empty when there is none.
	SlugEN      string    `json:"slug_en,omitempty"`
	TitleEN     string    `json:"title_en,omitempty"`
	BodyEN      string    `json:"body_en,omitempty"`
	Position    int       `json:"position"` // order in the menu
	Status      string    `json:"status"`
	CreatedBy   int64     `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	PublishedAt time.Time `json:"published_at,omitzero"`
	// Version counts the page's content writes (see ArticleInput.Version).
	Version int64 `json:"version"`
}

// AboutPrefix and AboutPrefixEN are the paths of the about section.
const (
	AboutPrefix   = "/gioi-thieu"
	AboutPrefixEN = "/en/about"
	// OrgChartSlug is the organisation chart's place in the section; no
	// page may take it, nor the print view's.
	OrgChartSlug = "co-cau-to-chuc"
)

// Path returns the page's public path.
func (p *Page) Path() string { return AboutPrefix + "/" + p.Slug }

// PathEN returns the English version's path, or "" when there is none.
func (p *Page) PathEN() string {
	if !p.HasEnglish() {
		return ""
	}
	return AboutPrefixEN + "/" + p.SlugEN
}

// HasEnglish reports whether the page has an English version.
func (p *Page) HasEnglish() bool { return p.TitleEN != "" && p.SlugEN != "" }

// IsPublic reports whether readers may see the page.
func (p *Page) IsPublic() bool { return p.Status == StatusPublished }

// Item returns the page as the workflow sees it.
func (p *Page) Item() *Item {
	return &Item{Ref: Ref{Kind: KindPage, SiteID: p.SiteID, ID: p.ID}, Title: p.Title, Status: p.Status, CreatedBy: p.CreatedBy, PublishedAt: p.PublishedAt}
}

// CanEditUnits reports whether the actor may change the organisation
// chart: editors and above, as for publishing.
func CanEditUnits(actor Actor) bool { return Can(actor, ActPublish, &Item{}) }

// reservedPageSlugs are the section's own paths.
var reservedPageSlugs = map[string]bool{OrgChartSlug: true, "ban-in": true, "rss": true, "organisation": true, "contact-us": true}

// PageInput is the page form.
type PageInput struct {
	Title    string `json:"title"`
	Slug     string `json:"slug"` // empty: made from the title
	Body     string `json:"body"` // HTML; the store sanitizes it
	TitleEN  string `json:"title_en"`
	SlugEN   string `json:"slug_en"` // empty: made from the English title
	BodyEN   string `json:"body_en"`
	Position int    `json:"position"`
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64 `json:"version,omitempty"`
}

// Normalize trims the one-line fields and brings every text to NFC.
func (in *PageInput) Normalize() {
	NFC(&in.Title, &in.Slug, &in.Body, &in.TitleEN, &in.SlugEN, &in.BodyEN)
	for _, p := range []*string{&in.Title, &in.Slug, &in.TitleEN, &in.SlugEN} {
		*p = strings.TrimSpace(*p)
	}
}

// Validate checks the input without I/O; it returns a *ValidationError.
func (in *PageInput) Validate() error {
	fe := FieldErrors{}
	body := func(field, label, v string) {
		if !validText(v) {
			fe[field] = label + " chứa ký tự không hợp lệ."
		} else if len(v) > MaxBodyBytes {
			fe[field] = label + " quá dài: tối đa 2 MB."
		}
	}
	slug := func(field, v, from string) {
		s := v
		if s == "" {
			s = Slugify(from)
		}
		switch {
		case v != "" && !ValidSlug(v):
			fe[field] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."
		case s == "" && from != "":
			fe[field] = "Tiêu đề cần có chữ hoặc số để tạo đường dẫn; hãy nhập đường dẫn."
		case reservedPageSlugs[s]:
			fe[field] = "Đường dẫn “" + s + "” dành cho trang hệ thống; hãy chọn đường dẫn khác."
		}
	}
	checkText(fe, "title", "Tiêu đề", in.Title, MaxTitleLen, true)
	body("body", "Nội dung", in.Body)
	checkText(fe, "title_en", "Tiêu đề tiếng Anh", in.TitleEN, MaxTitleLen, false)
	body("body_en", "Nội dung tiếng Anh", in.BodyEN)
	if fe["title"] == "" {
		slug("slug", in.Slug, in.Title)
	}
	if in.TitleEN == "" && (strings.TrimSpace(in.BodyEN) != "" || in.SlugEN != "") {
		fe["title_en"] = "Hãy nhập tiêu đề tiếng Anh, hoặc để trống cả bản tiếng Anh."
	} else if in.TitleEN != "" && fe["title_en"] == "" {
		slug("slug_en", in.SlugEN, in.TitleEN)
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// Slugs returns the page's slugs as the store keeps them: given, or made
// from the titles; the English one is empty without an English version.
func (in *PageInput) Slugs() (vi, en string) {
	vi, en = in.Slug, in.SlugEN
	if vi == "" {
		vi = Slugify(in.Title)
	}
	if in.TitleEN == "" {
		en = ""
	} else if en == "" {
		en = Slugify(in.TitleEN)
	}
	return vi, en
}

// PageRevision is a saved version of a page.
type PageRevision struct {
	ID        int64     `json:"id"`
	PageID    int64     `json:"page_id"`
	UserID    int64     `json:"-"` // who made it; 0 for the system
	UserName  string    `json:"user_name"`
	CreatedAt time.Time `json:"created_at"`
	Note      string    `json:"note"`
	PageInput
}

// Unit is a unit (đơn vị) of the agency's organisation chart. Units nest.
type Unit struct {
	ID       int64    `json:"id"`
	SiteID   int64    `json:"-"`
	ParentID int64    `json:"parent_id,omitempty"`
	Name     string   `json:"name"`
	NameEN   string   `json:"name_en,omitempty"`
	Position int      `json:"position"`
	Phone    string   `json:"phone,omitempty"`
	Email    string   `json:"email,omitempty"`
	Leaders  []Leader `json:"leaders"`
	// Children is filled by UnitTree, not by the store.
	Children []*Unit `json:"children,omitempty"`
}

// Leader is one of a unit's leaders.
type Leader struct {
	Name    string `json:"name"`
	Title   string `json:"title"` // chức vụ, e.g. "Giám đốc"
	TitleEN string `json:"title_en,omitempty"`
	// Spokesperson marks the agency's spokesperson (người phát ngôn,
	// Nghị định 09/2017/NĐ-CP), shown on /phat-ngon with their phone and
	// e-mail, which the law asks to publish ("" : the unit's).
	Spokesperson bool   `json:"spokesperson,omitempty"`
	Phone        string `json:"phone,omitempty"`
	Email        string `json:"email,omitempty"`
}

// MaxLeaders bounds a unit's leaders.
const MaxLeaders = 20

// UnitInput is the unit form.
type UnitInput struct {
	ParentID int64    `json:"parent_id"`
	Name     string   `json:"name"`
	NameEN   string   `json:"name_en"`
	Position int      `json:"position"`
	Phone    string   `json:"phone"`
	Email    string   `json:"email"`
	Leaders  []Leader `json:"leaders"`
}

// Normalize trims the fields, brings them to NFC and drops empty leader
// rows.
func (in *UnitInput) Normalize() {
	NFC(&in.Name, &in.NameEN, &in.Phone, &in.Email)
	for i := range in.Leaders {
		l := &in.Leaders[i]
		NFC(&l.Name, &l.Title, &l.TitleEN, &l.Phone, &l.Email)
	}
	for _, p := range []*string{&in.Name, &in.NameEN, &in.Phone, &in.Email} {
		*p = strings.TrimSpace(*p)
	}
	var ls []Leader
	for _, l := range in.Leaders {
		l.Name, l.Title, l.TitleEN = strings.TrimSpace(l.Name), strings.TrimSpace(l.Title), strings.TrimSpace(l.TitleEN)
		l.Phone, l.Email = strings.TrimSpace(l.Phone), strings.TrimSpace(l.Email)
		if l.Name != "" || l.Title != "" || l.TitleEN != "" || l.Phone != "" || l.Email != "" {
			ls = append(ls, l)
		}
	}
	in.Leaders = ls
}

// checkUnitContact checks a phone number and an e-mail address of the
// organisation chart (a unit's, a leader's).
func checkUnitContact(fe FieldErrors, phoneField, emailField, phone, email string) {
	checkText(fe, phoneField, "Điện thoại", phone, 60, false)
	checkText(fe, emailField, "Email", email, 254, false)
	if fe[phoneField] == "" {
		for _, c := range phone {
			if !(c >= '0' && c <= '9' || strings.ContainsRune(" +().-/,;", c)) {
				fe[phoneField] = "Điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . - / , ;"
				break
			}
		}
	}
	if fe[emailField] == "" && email != "" {
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email || a.Name != "" {
			fe[emailField] = "Email không hợp lệ, ví dụ vanphong@anphu.gov.vn."
		}
	}
}

// Validate checks the input without I/O; it returns a *ValidationError.
func (in *UnitInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "name", "Tên đơn vị", in.Name, 300, true)
	checkText(fe, "name_en", "Tên tiếng Anh", in.NameEN, 300, false)
	checkUnitContact(fe, "phone", "email", in.Phone, in.Email)
	if len(in.Leaders) > MaxLeaders {
		fe["leaders"] = "Mỗi đơn vị có tối đa " + itoa(MaxLeaders) + " lãnh đạo."
	}
	for _, l := range in.Leaders {
		switch {
		case !validText(l.Name) || !validText(l.Title) || !validText(l.TitleEN):
			fe["leaders"] = "Tên hoặc chức vụ lãnh đạo chứa ký tự không hợp lệ."
		case l.Name == "":
			fe["leaders"] = "Hãy nhập họ tên cho mỗi lãnh đạo có chức vụ."
		case utf8.RuneCountInString(l.Name) > MaxAuthorLen || utf8.RuneCountInString(l.Title) > MaxAuthorLen || utf8.RuneCountInString(l.TitleEN) > MaxAuthorLen:
			fe["leaders"] = "Họ tên và chức vụ lãnh đạo tối đa " + itoa(MaxAuthorLen) + " ký tự."
		}
		lf := FieldErrors{}
		checkUnitContact(lf, "phone", "email", l.Phone, l.Email)
		for _, m := range lf {
			fe["leaders"] = l.Name + ": " + m
		}
	}
	if in.ParentID < 0 {
		fe["parent_id"] = "Đơn vị cấp trên không hợp lệ."
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// UnitTree nests a flat list of units (in order) under their parents and
// returns the top-level ones. A unit whose parent is missing, or a cycle,
// ends up at the top rather than lost.
func UnitTree(units []*Unit) []*Unit {
	byID := map[int64]*Unit{}
	out := make([]*Unit, 0, len(units))
	for _, u := range units {
		c := *u
		c.Children = nil
		byID[u.ID] = &c
	}
	for _, u := range units {
		c := byID[u.ID]
		p := byID[u.ParentID]
		if p == nil || u.ParentID == u.ID || descends(byID, p, u.ID) {
			out = append(out, c)
			continue
		}
		p.Children = append(p.Children, c)
	}
	return out
}

// descends reports whether p is id or lies below it.
func descends(byID map[int64]*Unit, p *Unit, id int64) bool {
	seen := map[int64]bool{}
	for p != nil && !seen[p.ID] {
		if p.ID == id {
			return true
		}
		seen[p.ID] = true
		p = byID[p.ParentID]
	}
	return false
}

// AboutService changes the about section: pages and the organisation
// chart (PageStore and UnitStore read them). Every method checks the
// actor's permission (EFORBIDDEN) and writes its audit entry in its
// transaction.
type AboutService interface {
	// CreatePage stores a new draft. EINVALID for bad input or a slug
	// taken by another page.
	CreatePage(ctx context.Context, actor Actor, siteID int64, in PageInput) (*Page, error)
	// UpdatePage saves new content and keeps a revision. ErrEdited when
	// in.Version is not the stored one.
	UpdatePage(ctx context.Context, actor Actor, siteID, id int64, in PageInput) (*Page, error)
	// UpdatePageStep saves the form and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdatePageStep(ctx context.Context, actor Actor, siteID, id int64, in PageInput, s Step) (*Item, bool, error)
	// TransitionPage moves a page along the workflow, as for articles.
	TransitionPage(ctx context.Context, actor Actor, siteID, id int64, act, comment string) (*Page, error)
	// RestorePageRevision makes a revision the page's content, as a new
	// revision.
	RestorePageRevision(ctx context.Context, actor Actor, siteID, revisionID int64) (*Page, error)

	// CreateUnit adds a unit (editors and above). EINVALID for a parent
	// outside the site.
	CreateUnit(ctx context.Context, actor Actor, siteID int64, in UnitInput) (*Unit, error)
	// UpdateUnit changes a unit; a parent that would make a cycle is
	// EINVALID.
	UpdateUnit(ctx context.Context, actor Actor, siteID, id int64, in UnitInput) (*Unit, error)
	// DeleteUnit removes a unit without sub-units (ECONFLICT otherwise).
	DeleteUnit(ctx context.Context, actor Actor, siteID, id int64) error
}

// PageStore reads the about section's pages.
type PageStore interface {
	// FindPages lists the site's pages in menu order (position, then
	// title), public ones only when public is set.
	FindPages(ctx context.Context, siteID int64, public bool) ([]*Page, error)
	// FindPage returns a page by ID; NotFound(KindPage) when the site has
	// none.
	FindPage(ctx context.Context, siteID, id int64) (*Page, error)
	// FindPageBySlug returns a page by its Vietnamese slug, or by its
	// English one when en is set; NotFound(KindPage) when none.
	FindPageBySlug(ctx context.Context, siteID int64, slug string, en bool) (*Page, error)
	// FindPageRevisions lists a page's revisions, newest first.
	FindPageRevisions(ctx context.Context, siteID, pageID int64) ([]*PageRevision, error)
}

// PageTx writes the about section's pages.
type PageTx interface {
	// FindPage reads a page inside the transaction.
	FindPage(ctx context.Context, siteID, id int64) (*Page, error)
	// PageSlugFree reports whether no page of the site other than self
	// has slug as its Vietnamese slug, or as its English one when en is
	// set.
	PageSlugFree(ctx context.Context, siteID int64, slug string, en bool, self int64) (bool, error)
	// InsertPage stores a new page as it is given and sets its ID.
	InsertPage(ctx context.Context, p *Page) error
	// UpdatePage writes a page's content (slugs, titles, bodies,
	// position) and its change time.
	UpdatePage(ctx context.Context, p *Page) error
	// AddPageRevision copies the page's stored content into a new
	// revision, r giving the page, who made it and why; it sets r.ID and
	// r.CreatedAt.
	AddPageRevision(ctx context.Context, r *PageRevision) error
	// FindPageRevision returns one revision of a page of the site;
	// NotFound(KindRevision).
	FindPageRevision(ctx context.Context, siteID, id int64) (*PageRevision, error)
}

// UnitStore reads the organisation chart.
type UnitStore interface {
	// FindUnits lists the site's units with their leaders, in order
	// (position, then name), flat; UnitTree nests them.
	FindUnits(ctx context.Context, siteID int64) ([]*Unit, error)
}

// UnitTx writes the organisation chart.
type UnitTx interface {
	// FindUnit reads a unit of the site with its leaders;
	// NotFound(KindUnit).
	FindUnit(ctx context.Context, siteID, id int64) (*Unit, error)
	// InsertUnit stores a new unit with its leaders and sets its ID.
	InsertUnit(ctx context.Context, u *Unit) error
	// UpdateUnit writes a unit's parent, names, position, contacts and
	// leaders.
	UpdateUnit(ctx context.Context, u *Unit) error
	// UnitChildren counts the units directly under a unit.
	UnitChildren(ctx context.Context, id int64) (int, error)
	// DeleteUnit deletes a unit and its leaders.
	DeleteUnit(ctx context.Context, id int64) error
}
