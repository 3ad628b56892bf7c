package congtin

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Investment projects (Dự án đầu tư, Nghị định 42/2022/NĐ-CP): what the
// agency invests in, by whom, with how much money, and how far along. A
// project goes through the shared workflow like every other kind, checked
// by the same permission table (Can). Procurement notices, which may name
// a project, are in procurement.go.

// Limits of a project's fields.
const (
	MaxProjectNameLen     = 500
	MaxProjectInvestorLen = 300
	MaxProjectLocationLen = 300
	MaxProjectDocuments   = 20
	// Years a project's period may name.
	MinProjectYear = 1945
	MaxProjectYear = 2100
)

// Stages of a project (its own state, not the workflow's).
const (
	ProjectPreparing = "preparing" // chuẩn bị đầu tư
	ProjectOngoing   = "ongoing"   // đang thực hiện
	ProjectSuspended = "suspended" // tạm dừng
	ProjectDone      = "done"      // hoàn thành
)

// ProjectStages lists the stages in their order, for forms and filters.
var ProjectStages = []string{ProjectPreparing, ProjectOngoing, ProjectSuspended, ProjectDone}

// ProjectStageName is a stage's Vietnamese name ("" for none known).
func ProjectStageName(s string) string {
	switch s {
	case ProjectPreparing:
		return "Chuẩn bị đầu tư"
	case ProjectOngoing:
		return "Đang thực hiện"
	case ProjectSuspended:
		return "Tạm dừng"
	case ProjectDone:
		return "Hoàn thành"
	}
	return ""
}

// Sources of a project's funding, a fixed list.
const (
	FundCentral = "central" // ngân sách trung ương
	FundLocal   = "local"   // ngân sách địa phương
	FundODA     = "oda"
	FundPPP     = "ppp" // vốn doanh nghiệp, đối tác công tư
	FundOther   = "other"
)

// FundingSources lists the sources in their order.
var FundingSources = []string{FundCentral, FundLocal, FundODA, FundPPP, FundOther}

// FundingName is a funding source's Vietnamese name ("" for none known).
func FundingName(s string) string {
	switch s {
	case FundCentral:
		return "Ngân sách trung ương"
	case FundLocal:
		return "Ngân sách địa phương"
	case FundODA:
		return "Vốn ODA"
	case FundPPP:
		return "Vốn doanh nghiệp/PPP"
	case FundOther:
		return "Nguồn khác"
	}
	return ""
}

// Project is an investment project.
type Project struct {
	ID       int64  `json:"id"`
	SiteID   int64  `json:"site_id"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	Investor string `json:"investor"` // chủ đầu tư
	Location string `json:"location"`
	// Investment is the total investment in đồng.
	Investment int64  `json:"investment"`
	Funding    string `json:"funding"` // one of FundingSources
	// StartYear and EndYear bound the period, both included.
	StartYear int    `json:"start_year"`
	EndYear   int    `json:"end_year"`
	Progress  int    `json:"progress"` // percent, 0–100
	Stage     string `json:"stage"`    // one of ProjectStages
	// Description is sanitized HTML.
	Description string `json:"description"`
	// Documents are the documents of the register linked to it, in order.
	Documents   []ProjectDocument `json:"documents,omitempty"`
	Status      string            `json:"status"`
	PublishedAt time.Time         `json:"published_at"`
	CreatedAt   time.Time         `json:"created_at"`
	UpdatedAt   time.Time         `json:"updated_at"`
	CreatedBy   int64             `json:"created_by,omitempty"`
	Version     int64             `json:"version"`
}

// ProjectDocument is a document of the register a project names: Public
// says whether readers may follow the link.
type ProjectDocument struct {
	ID     int64  `json:"id"`
	Number string `json:"number"`
	Title  string `json:"title"`
	Slug   string `json:"-"`
	Public bool   `json:"-"`
}

// Path is the document's public path.
func (d ProjectDocument) Path() string { return DocumentPath(d.Slug, d.ID) }

// ProjectPath is a project's public path.
func ProjectPath(slug string, id int64) string { return itemPath("/du-an/", slug, id) }

// itemPath joins a section, a slug and an ID: the slug for people, the ID
// so that a corrected name never breaks a link.
func itemPath(section, slug string, id int64) string {
	if slug == "" {
		return section + strconv.FormatInt(id, 10)
	}
	return section + slug + "-" + strconv.FormatInt(id, 10)
}

// Path returns the project's canonical public path.
func (p *Project) Path() string { return ProjectPath(p.Slug, p.ID) }

// IsPublic reports whether readers may see the project at now.
func (p *Project) IsPublic(now time.Time) bool {
	return p.Status == StatusPublished && !p.PublishedAt.After(now)
}

// Item returns the project as the workflow sees it (nil for none).
func (p *Project) Item() *Item {
	if p == nil {
		return nil
	}
	return &Item{Ref: Ref{Kind: KindProject, SiteID: p.SiteID, ID: p.ID}, Title: p.Name, Status: p.Status,
		CreatedBy: p.CreatedBy, PublishedAt: p.PublishedAt}
}

// Summary spells out the project's content, one field a line, for its
// revisions.
func (p *Project) Content() string {
	var docs []string
	for _, d := range p.Documents {
		docs = append(docs, "#"+strconv.FormatInt(d.ID, 10)+" "+d.Number)
	}
	return lines("Tên dự án", p.Name, "Chủ đầu tư", p.Investor, "Địa điểm", p.Location, "Tổng mức đầu tư", FormatVND(p.Investment),
		"Nguồn vốn", FundingName(p.Funding), "Thời gian thực hiện", strconv.Itoa(p.StartYear)+"–"+strconv.Itoa(p.EndYear),
		"Tiến độ", strconv.Itoa(p.Progress)+"%", "Tình trạng", ProjectStageName(p.Stage), "Văn bản liên quan", strings.Join(docs, "; "),
		"Mô tả", p.Description)
}

// lines writes label: value pairs one a line, leaving out empty values.
func lines(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			b.WriteString(kv[i] + ": " + kv[i+1] + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ProjectInput is what the back office's form sends.
type ProjectInput struct {
	Name, Investor, Location string
	Investment               int64
	Funding                  string
	StartYear, EndYear       int
	Progress                 int
	Stage                    string
	Description              string // HTML from the editor; the service sanitizes it
	DocumentIDs              []int64
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64
}

// Normalize brings the texts to NFC and trims the one-line fields.
func (in *ProjectInput) Normalize() {
	NFC(&in.Name, &in.Investor, &in.Location, &in.Description)
	for _, p := range []*string{&in.Name, &in.Investor, &in.Location} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
}

// Validate checks the fields that need no database.
func (in *ProjectInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "name", "Tên dự án", in.Name, MaxProjectNameLen, true)
	checkText(fe, "investor", "Chủ đầu tư", in.Investor, MaxProjectInvestorLen, true)
	checkText(fe, "location", "Địa điểm", in.Location, MaxProjectLocationLen, false)
	if fe["name"] == "" && Slugify(in.Name) == "" {
		fe["name"] = "Tên dự án cần có chữ hoặc số."
	}
	checkHTML(fe, "description", "Mô tả dự án", in.Description)
	checkVND(fe, "investment", "Tổng mức đầu tư", in.Investment)
	if FundingName(in.Funding) == "" {
		fe["funding"] = "Hãy chọn nguồn vốn trong danh sách."
	}
	if ProjectStageName(in.Stage) == "" {
		fe["stage"] = "Hãy chọn tình trạng dự án trong danh sách."
	}
	switch {
	case in.StartYear < MinProjectYear || in.StartYear > MaxProjectYear:
		fe["start_year"] = "Năm bắt đầu phải từ " + itoa(MinProjectYear) + " đến " + itoa(MaxProjectYear) + "."
	case in.EndYear < MinProjectYear || in.EndYear > MaxProjectYear:
		fe["end_year"] = "Năm kết thúc phải từ " + itoa(MinProjectYear) + " đến " + itoa(MaxProjectYear) + "."
	case in.EndYear < in.StartYear:
		fe["end_year"] = "Năm kết thúc không được trước năm bắt đầu."
	}
	if in.Progress < 0 || in.Progress > 100 {
		fe["progress"] = "Tiến độ là một số phần trăm từ 0 đến 100."
	}
	if len(in.DocumentIDs) > MaxProjectDocuments {
		fe["documents"] = "Tối đa " + itoa(MaxProjectDocuments) + " văn bản liên quan."
	}
	for _, id := range in.DocumentIDs {
		if id <= 0 {
			fe["documents"] = "Văn bản liên quan không hợp lệ."
		}
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// checkHTML refuses an editor's text that the database cannot hold or
// that is too long.
func checkHTML(fe FieldErrors, field, label, v string) {
	if !validText(v) {
		fe[field] = label + " chứa ký tự không hợp lệ."
	} else if len(v) > MaxBodyBytes {
		fe[field] = label + " quá dài."
	}
}

// checkVND refuses an amount out of range (the form's text was read by
// ParseVND; an API or an import may give any number).
func checkVND(fe FieldErrors, field, label string, n int64) {
	if n < 0 {
		fe[field] = label + " không được là số âm."
	} else if n > MaxVND {
		fe[field] = label + " quá lớn: tối đa " + FormatVND(MaxVND) + "."
	}
}

// ProjectRevision is a stored version of a project's or a procurement
// notice's content, spelled out one field a line (Project.Content,
// Procurement.Content).
type ProjectRevision struct {
	ID        int64
	SiteID    int64
	Kind      Kind // KindProject or KindProcurement
	ItemID    int64
	UserID    int64
	UserName  string
	CreatedAt time.Time
	Note      string
	Title     string
	Content   string
}

// ProjectFilter selects projects. Zero values mean "no condition"; the
// conditions combine.
type ProjectFilter struct {
	SiteID int64
	// Public keeps the published ones that readers may see at Now.
	Public bool
	Now    time.Time // zero: the store's clock
	// Stage keeps one stage; Year the projects whose period includes it.
	Stage string
	Year  int
	// The back office's conditions.
	Status    string
	CreatedBy int64
	Q         string // matches the folded words of the name, investor and location
	Offset    int
	Limit     int
}

// ProjectStore reads projects and procurement notices' revisions.
type ProjectStore interface {
	// FindProjectByID returns any project of the site with its linked
	// documents; NotFound(KindProject) if there is none.
	FindProjectByID(ctx context.Context, siteID, id int64) (*Project, error)
	// FindProjects lists projects matching f and their total: public
	// lists by the latest start, the back office's by the latest change.
	FindProjects(ctx context.Context, f ProjectFilter) ([]*Project, int, error)
	// FindProjectRevisions lists the revisions of a project or a
	// procurement notice (k), newest first.
	FindProjectRevisions(ctx context.Context, siteID int64, k Kind, id int64) ([]*ProjectRevision, error)
}

// ProjectTx writes projects.
type ProjectTx interface {
	// FindProject reads one in the transaction; NotFound as
	// FindProjectByID.
	FindProject(ctx context.Context, siteID, id int64) (*Project, error)
	// InsertProject stores p (its DocumentIDs from p.Documents) and sets
	// its ID.
	InsertProject(ctx context.Context, p *Project) error
	// UpdateProject writes p's content and bumps its version.
	UpdateProject(ctx context.Context, p *Project) error
	// AddProjectRevision stores r and sets its ID and time.
	AddProjectRevision(ctx context.Context, r *ProjectRevision) error
}

// ProjectService is what the back office does with projects.
type ProjectService interface {
	// CreateProject stores a new draft by the actor. EFORBIDDEN for a
	// role that may not write; EINVALID names the field (a linked
	// document not of the site included).
	CreateProject(ctx context.Context, actor Actor, siteID int64, in ProjectInput) (*Project, error)
	// UpdateProject saves new content and keeps a revision. EFORBIDDEN
	// when the actor may not edit it in its state; ErrEdited when
	// in.Version is not the stored one.
	UpdateProject(ctx context.Context, actor Actor, siteID, id int64, in ProjectInput) (*Project, error)
	// UpdateProjectStep saves the form and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdateProjectStep(ctx context.Context, actor Actor, siteID, id int64, in ProjectInput, s Step) (*Item, bool, error)
}
