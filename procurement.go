package congtin

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Procurement notices (Thông báo mời thầu, mua sắm công): a bid package
// put out by a procuring entity, open for bids until its closing time,
// later with its result. A notice may name a project of projects.go and
// goes through the shared workflow.

// Limits of a notice's fields.
const (
	MaxProcurementNameLen    = 500
	MaxProcurementEntityLen  = 300
	MaxProcurementWinnerLen  = 300
	MaxProcurementSummaryLen = 4000
)

// Methods of selecting a contractor (Luật Đấu thầu), a fixed list.
const (
	MethodOpen        = "open"        // đấu thầu rộng rãi
	MethodLimited     = "limited"     // đấu thầu hạn chế
	MethodDirect      = "direct"      // chỉ định thầu
	MethodCompetitive = "competitive" // chào hàng cạnh tranh
	MethodShopping    = "shopping"    // mua sắm trực tiếp
	MethodSelf        = "self"        // tự thực hiện
)

// ProcurementMethods lists the methods in their order.
var ProcurementMethods = []string{MethodOpen, MethodLimited, MethodDirect, MethodCompetitive, MethodShopping, MethodSelf}

// ProcurementMethodName is a method's Vietnamese name ("" for none known).
func ProcurementMethodName(m string) string {
	switch m {
	case MethodOpen:
		return "Đấu thầu rộng rãi"
	case MethodLimited:
		return "Đấu thầu hạn chế"
	case MethodDirect:
		return "Chỉ định thầu"
	case MethodCompetitive:
		return "Chào hàng cạnh tranh"
	case MethodShopping:
		return "Mua sắm trực tiếp"
	case MethodSelf:
		return "Tự thực hiện"
	}
	return ""
}

// Where a notice stands, derived from its closing time and its result.
const (
	BidOpen   = "open"   // đang mời thầu
	BidClosed = "closed" // đã đóng thầu
	BidResult = "result" // đã có kết quả
)

// BidStates lists them in their order.
var BidStates = []string{BidOpen, BidClosed, BidResult}

// BidStateName is a state's Vietnamese name ("" for none known).
func BidStateName(s string) string {
	switch s {
	case BidOpen:
		return "Đang mời thầu"
	case BidClosed:
		return "Đã đóng thầu"
	case BidResult:
		return "Đã có kết quả"
	}
	return ""
}

// Procurement is a procurement notice.
type Procurement struct {
	ID     int64  `json:"id"`
	SiteID int64  `json:"site_id"`
	Name   string `json:"name"` // tên gói thầu
	Slug   string `json:"slug"`
	Entity string `json:"entity"` // bên mời thầu
	// ProjectID is the project it belongs to, 0 for none; ProjectName and
	// ProjectSlug name it and ProjectPublic says whether readers may
	// follow the link.
	ProjectID      int64  `json:"project_id,omitempty"`
	ProjectName    string `json:"project_name,omitempty"`
	ProjectSlug    string `json:"-"`
	ProjectPublic  bool   `json:"-"`
	Method         string `json:"method"` // one of ProcurementMethods
	EstimatedPrice int64  `json:"estimated_price"`
	// OpensAt and ClosesAt bound the bidding: bids are taken from the
	// opening up to the closing (đóng thầu).
	OpensAt  time.Time `json:"opens_at"`
	ClosesAt time.Time `json:"closes_at"`
	Summary  string    `json:"summary"` // plain text
	// Winner and WinningPrice are the result, "" and 0 until then.
	Winner       string    `json:"winner,omitempty"`
	WinningPrice int64     `json:"winning_price,omitempty"`
	Status       string    `json:"status"`
	PublishedAt  time.Time `json:"published_at"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	CreatedBy    int64     `json:"created_by,omitempty"`
	Version      int64     `json:"version"`
}

// ProcurementPath is a notice's public path.
func ProcurementPath(slug string, id int64) string { return itemPath("/dau-thau/", slug, id) }

// Path returns the notice's canonical public path.
func (p *Procurement) Path() string { return ProcurementPath(p.Slug, p.ID) }

// ProjectPath returns the public path of its project ("" for none).
func (p *Procurement) ProjectPath() string {
	if p.ProjectID == 0 {
		return ""
	}
	return ProjectPath(p.ProjectSlug, p.ProjectID)
}

// IsPublic reports whether readers may see the notice at now.
func (p *Procurement) IsPublic(now time.Time) bool {
	return p.Status == StatusPublished && !p.PublishedAt.After(now)
}

// State says where the notice stands at now: a result once it has one,
// closed from its closing time, open before.
func (p *Procurement) State(now time.Time) string {
	switch {
	case p.Winner != "":
		return BidResult
	case !now.Before(p.ClosesAt):
		return BidClosed
	}
	return BidOpen
}

// Item returns the notice as the workflow sees it (nil for none).
func (p *Procurement) Item() *Item {
	if p == nil {
		return nil
	}
	return &Item{Ref: Ref{Kind: KindProcurement, SiteID: p.SiteID, ID: p.ID}, Title: p.Name, Status: p.Status,
		CreatedBy: p.CreatedBy, PublishedAt: p.PublishedAt}
}

// Content spells out the notice's content, one field a line, for its
// revisions.
func (p *Procurement) Content() string {
	vn := func(t time.Time) string { return t.In(VietnamZone).Format("15:04 02/01/2006") }
	project := ""
	if p.ProjectID != 0 {
		project = "#" + strconv.FormatInt(p.ProjectID, 10) + " " + p.ProjectName
	}
	winning := ""
	if p.Winner != "" {
		winning = FormatVND(p.WinningPrice)
	}
	return lines("Tên gói thầu", p.Name, "Bên mời thầu", p.Entity, "Dự án", project, "Hình thức", ProcurementMethodName(p.Method),
		"Giá gói thầu", FormatVND(p.EstimatedPrice), "Mở thầu", vn(p.OpensAt), "Đóng thầu", vn(p.ClosesAt), "Tóm tắt", p.Summary,
		"Nhà thầu trúng thầu", p.Winner, "Giá trúng thầu", winning)
}

// ProcurementInput is what the back office's form sends.
type ProcurementInput struct {
	Name, Entity      string
	ProjectID         int64
	Method            string
	EstimatedPrice    int64
	OpensAt, ClosesAt time.Time
	Summary           string
	Winner            string
	WinningPrice      int64
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64
}

// Normalize brings the texts to NFC and trims them.
func (in *ProcurementInput) Normalize() {
	NFC(&in.Name, &in.Entity, &in.Summary, &in.Winner)
	for _, p := range []*string{&in.Name, &in.Entity, &in.Winner} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	in.Summary = strings.TrimSpace(in.Summary)
}

// Validate checks the fields that need no database at now: the bidding
// closes after it opens, and a result is given only once it has closed,
// with both the winner and the price.
func (in *ProcurementInput) Validate(now time.Time) error {
	fe := FieldErrors{}
	checkText(fe, "name", "Tên gói thầu", in.Name, MaxProcurementNameLen, true)
	checkText(fe, "entity", "Bên mời thầu", in.Entity, MaxProcurementEntityLen, true)
	checkText(fe, "summary", "Tóm tắt", in.Summary, MaxProcurementSummaryLen, false)
	checkText(fe, "winner", "Nhà thầu trúng thầu", in.Winner, MaxProcurementWinnerLen, false)
	if fe["name"] == "" && Slugify(in.Name) == "" {
		fe["name"] = "Tên gói thầu cần có chữ hoặc số."
	}
	if ProcurementMethodName(in.Method) == "" {
		fe["method"] = "Hãy chọn hình thức lựa chọn nhà thầu trong danh sách."
	}
	checkVND(fe, "estimated_price", "Giá gói thầu", in.EstimatedPrice)
	checkVND(fe, "winning_price", "Giá trúng thầu", in.WinningPrice)
	switch {
	case in.OpensAt.IsZero():
		fe["opens_at"] = "Hãy nhập thời điểm mở thầu."
	case in.OpensAt.Before(minDocumentDay):
		fe["opens_at"] = "Thời điểm mở thầu không hợp lệ."
	}
	switch {
	case in.ClosesAt.IsZero():
		fe["closes_at"] = "Hãy nhập thời điểm đóng thầu."
	case in.OpensAt.IsZero():
	case !in.ClosesAt.After(in.OpensAt):
		fe["closes_at"] = "Thời điểm đóng thầu phải sau thời điểm mở thầu."
	}
	if in.ProjectID < 0 {
		fe["project"] = "Dự án không hợp lệ."
	}
	hasResult := in.Winner != "" || in.WinningPrice != 0
	switch {
	case !hasResult:
	case fe["closes_at"] == "" && !in.ClosesAt.IsZero() && now.Before(in.ClosesAt):
		fe["winner"] = "Chỉ nhập kết quả lựa chọn nhà thầu sau thời điểm đóng thầu."
	case in.Winner == "" && fe["winner"] == "":
		fe["winner"] = "Hãy nhập nhà thầu trúng thầu cùng giá trúng thầu."
	case in.WinningPrice <= 0 && fe["winning_price"] == "":
		fe["winning_price"] = "Hãy nhập giá trúng thầu cùng nhà thầu trúng thầu."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// ProcurementFilter selects notices. Zero values mean "no condition";
// the conditions combine.
type ProcurementFilter struct {
	SiteID int64
	// Public keeps the published ones readers may see at Now; State those
	// in one state at Now; Year those closing in that year (Vietnam time).
	Public bool
	Now    time.Time // zero: the store's clock
	State  string
	Year   int
	// ProjectID keeps a project's notices.
	ProjectID int64
	// The back office's conditions.
	Status    string
	CreatedBy int64
	Q         string // matches the folded words of the name, entity and winner
	Offset    int
	Limit     int
}

// ProcurementStore reads procurement notices.
type ProcurementStore interface {
	// FindProcurementByID returns any notice of the site with its
	// project's name; NotFound(KindProcurement) if there is none.
	FindProcurementByID(ctx context.Context, siteID, id int64) (*Procurement, error)
	// FindProcurements lists notices matching f and their total: public
	// lists by the latest closing, the back office's by the latest change.
	FindProcurements(ctx context.Context, f ProcurementFilter) ([]*Procurement, int, error)
}

// ProcurementTx writes procurement notices.
type ProcurementTx interface {
	// FindProcurement reads one in the transaction; NotFound as
	// FindProcurementByID.
	FindProcurement(ctx context.Context, siteID, id int64) (*Procurement, error)
	// InsertProcurement stores p and sets its ID.
	InsertProcurement(ctx context.Context, p *Procurement) error
	// UpdateProcurement writes p's content and bumps its version.
	UpdateProcurement(ctx context.Context, p *Procurement) error
}

// ProcurementService is what the back office does with notices.
type ProcurementService interface {
	// CreateProcurement stores a new draft by the actor. EFORBIDDEN for a
	// role that may not write; EINVALID names the field (a project not of
	// the site included).
	CreateProcurement(ctx context.Context, actor Actor, siteID int64, in ProcurementInput) (*Procurement, error)
	// UpdateProcurement saves new content and keeps a revision (see
	// ProjectService.UpdateProject).
	UpdateProcurement(ctx context.Context, actor Actor, siteID, id int64, in ProcurementInput) (*Procurement, error)
	// UpdateProcurementStep saves the form and takes the step s in one
	// transaction.
	UpdateProcurementStep(ctx context.Context, actor Actor, siteID, id int64, in ProcurementInput, s Step) (*Item, bool, error)
}
