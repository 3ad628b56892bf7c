package congtin

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Administrative procedures (Thủ tục hành chính, Nghị định 42/2022/NĐ-CP;
// issue 19): the procedures the agency settles, as the National Public
// Service Portal (dichvucong.gov.vn) and the national database of
// procedures (csdl.dichvucong.gov.vn) list them, each with a link to its
// record there, where the application is made.
//
// A procedure is a reference list copied from the national database, not
// content the newsroom writes: it has no editorial workflow and no
// revisions (the national database keeps the history of each procedure
// and a re-import overwrites the copy); a Public flag shows or hides it,
// and every change is in the audit log.

// Limits of a procedure's fields.
const (
	MaxProcedureCodeLen = 60
	MaxProcedureNameLen = 1000
	MaxProcedureLineLen = 500   // field, agency, processing time
	MaxProcedureFeeLen  = 2000  // fees may list several cases
	MaxProcedureTextLen = 20000 // steps, documents, legal basis
	// MaxProcedureImportRows bounds a CSV import; MaxProcedureImportBytes
	// its file.
	MaxProcedureImportRows  = 20000
	MaxProcedureImportBytes = 10 << 20
)

// Levels of government that carry out a procedure (cấp thực hiện).
const (
	LevelProvince = "tinh"
	LevelDistrict = "huyen"
	LevelCommune  = "xa"
)

// ProcedureLevels lists the levels in order, with their names.
var ProcedureLevels = []Choice{
	{Code: LevelProvince, Name: "Cấp tỉnh"},
	{Code: LevelDistrict, Name: "Cấp huyện"},
	{Code: LevelCommune, Name: "Cấp xã"},
}

// Online service levels (mức độ dịch vụ công trực tuyến) of Nghị định
// 42/2022/NĐ-CP: whole-process online, partly online, or none.
const (
	OnlineFull    = "toan-trinh"
	OnlinePartial = "mot-phan"
	OnlineNone    = "khong"
)

// OnlineLevels lists the online service levels with their names.
var OnlineLevels = []Choice{
	{Code: OnlineFull, Name: "Toàn trình"},
	{Code: OnlinePartial, Name: "Một phần"},
	{Code: OnlineNone, Name: "Không"},
}

// Choice is a code of a fixed list and its Vietnamese name.
type Choice struct {
	Code string
	Name string
}

// choiceName is the name of code in cs ("" for none).
func choiceName(cs []Choice, code string) string {
	for _, c := range cs {
		if c.Code == code {
			return c.Name
		}
	}
	return ""
}

// ValidLevel reports a code of ProcedureLevels.
func ValidLevel(code string) bool { return choiceName(ProcedureLevels, code) != "" }

// ValidOnline reports a code of OnlineLevels.
func ValidOnline(code string) bool { return choiceName(OnlineLevels, code) != "" }

// OnlineName is the name of an online service level.
func OnlineName(code string) string { return choiceName(OnlineLevels, code) }

// Procedure is an administrative procedure of the site.
type Procedure struct {
	ID     int64  `json:"id"`
	SiteID int64  `json:"-"`
	Code   string `json:"code"` // mã thủ tục: "1.001612", "1.000948.H38"
	Name   string `json:"name"`
	Field  string `json:"field"` // lĩnh vực: "Hộ tịch"
	// Levels are codes of ProcedureLevels, in that order.
	Levels   []string `json:"levels"`
	Agency   string   `json:"agency"`   // cơ quan thực hiện
	Duration string   `json:"duration"` // thời hạn giải quyết, as written: "05 ngày làm việc"
	Fee      string   `json:"fee"`      // phí, lệ phí, as written: "50.000 đồng/hồ sơ"
	Online   string   `json:"online"`   // a code of OnlineLevels
	// Steps, Documents and Legal are plain text, one item a line:
	// trình tự thực hiện, thành phần hồ sơ, căn cứ pháp lý.
	Steps     string    `json:"steps,omitempty"`
	Documents string    `json:"documents,omitempty"`
	Legal     string    `json:"legal,omitempty"`
	URL       string    `json:"url"` // its record on the National Public Service Portal
	Public    bool      `json:"-"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ProcedurePrefix is the public list's path.
const ProcedurePrefix = "/thu-tuc-hanh-chinh"

// Path is the procedure's public path: its code for people, its ID so that
// a corrected code never breaks a link.
func (p *Procedure) Path() string {
	id := strconv.FormatInt(p.ID, 10)
	if s := Slugify(p.Code); s != "" {
		return ProcedurePrefix + "/" + s + "-" + id
	}
	return ProcedurePrefix + "/" + id
}

// LevelNames names the procedure's levels, in order.
func (p *Procedure) LevelNames() []string {
	var out []string
	for _, l := range p.Levels {
		out = append(out, choiceName(ProcedureLevels, l))
	}
	return out
}

// OnlineName names the procedure's online service level.
func (p *Procedure) OnlineName() string { return OnlineName(p.Online) }

// Lines splits a multi-line text into its non-empty lines.
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// ProcedureInput is what the form or a row of an import gives.
type ProcedureInput struct {
	Code      string
	Name      string
	Field     string
	Levels    []string
	Agency    string
	Duration  string
	Fee       string
	Online    string
	Steps     string
	Documents string
	Legal     string
	URL       string
	Public    bool
}

// Normalize brings the texts to NFC, trims the one-line fields, orders
// the levels and fills the online level "none" when none is given.
func (in *ProcedureInput) Normalize() {
	NFC(&in.Code, &in.Name, &in.Field, &in.Agency, &in.Duration, &in.Fee, &in.Steps, &in.Documents, &in.Legal, &in.URL)
	for _, p := range []*string{&in.Code, &in.Name, &in.Field, &in.Agency, &in.Duration, &in.URL} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	for _, p := range []*string{&in.Fee, &in.Steps, &in.Documents, &in.Legal} {
		*p = strings.TrimSpace(strings.ReplaceAll(*p, "\r\n", "\n"))
	}
	var levels []string
	for _, l := range ProcedureLevels {
		for _, x := range in.Levels {
			if x == l.Code {
				levels = append(levels, l.Code)
				break
			}
		}
	}
	for _, x := range in.Levels {
		if !ValidLevel(x) {
			levels = append(levels, x) // kept for Validate to refuse
		}
	}
	in.Levels = levels
	if in.Online == "" {
		in.Online = OnlineNone
	}
}

// Validate checks the fields that need no database; it returns a
// *ValidationError.
func (in *ProcedureInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "code", "Mã thủ tục", in.Code, MaxProcedureCodeLen, true)
	if _, bad := fe["code"]; !bad && !validCode(in.Code) {
		fe["code"] = "Mã thủ tục “" + in.Code + "” không đúng dạng: chỉ gồm chữ số, chữ cái không dấu và dấu chấm, ví dụ 1.001612 hoặc 1.000948.H38."
	}
	checkText(fe, "name", "Tên thủ tục", in.Name, MaxProcedureNameLen, true)
	checkText(fe, "field", "Lĩnh vực", in.Field, MaxProcedureLineLen, true)
	checkText(fe, "agency", "Cơ quan thực hiện", in.Agency, MaxProcedureLineLen, false)
	checkText(fe, "duration", "Thời hạn giải quyết", in.Duration, MaxProcedureLineLen, false)
	checkText(fe, "fee", "Phí, lệ phí", in.Fee, MaxProcedureFeeLen, false)
	checkText(fe, "steps", "Trình tự thực hiện", in.Steps, MaxProcedureTextLen, false)
	checkText(fe, "documents", "Thành phần hồ sơ", in.Documents, MaxProcedureTextLen, false)
	checkText(fe, "legal", "Căn cứ pháp lý", in.Legal, MaxProcedureTextLen, false)
	if len(in.Levels) == 0 {
		fe["levels"] = "Hãy chọn ít nhất một cấp thực hiện: cấp tỉnh, cấp huyện hoặc cấp xã."
	}
	for _, l := range in.Levels {
		if !ValidLevel(l) {
			fe["levels"] = "Cấp thực hiện không hợp lệ: “" + l + "”. Chỉ nhận cấp tỉnh, cấp huyện, cấp xã."
		}
	}
	if !ValidOnline(in.Online) {
		fe["online"] = "Mức độ dịch vụ công trực tuyến không hợp lệ: “" + in.Online + "”. Chỉ nhận Toàn trình, Một phần hoặc Không."
	}
	if msg := CheckServiceURL(in.URL); msg != "" {
		fe["url"] = msg
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// validCode reports a code of the national database's shape: letters
// and digits in groups separated by dots or hyphens ("1.001612",
// "2.002156", "1.012345.000.00.00.H12").
func validCode(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlnum(c) {
			continue
		}
		if (c != '.' && c != '-') || !isAlnum(s[i-1]) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// CheckServiceURL returns why an address cannot be a procedure's link to
// the public service portal ("" when it can, or when it is empty). Only
// https addresses on dichvucong.gov.vn or a province's portal
// (dichvucong.<tỉnh>.gov.vn) are taken: the link sends citizens to file
// an application, so it must lead to the State's portal and nowhere else.
func CheckServiceURL(s string) string {
	if s == "" {
		return ""
	}
	const msg = "Đường dẫn phải là địa chỉ https trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc cổng dịch vụ công của tỉnh (dichvucong.<tỉnh>.gov.vn)"
	if !HTTPURL(s) {
		return msg + "; “" + clipText(s, 80) + "” không phải là địa chỉ web hợp lệ."
	}
	u, _ := url.Parse(s)
	if u.Scheme != "https" {
		return msg + "; không nhận địa chỉ http:// (không mã hóa)."
	}
	if !ServiceHost(u.Hostname()) || u.Port() != "" {
		return msg + "; không nhận máy chủ “" + u.Host + "”."
	}
	return ""
}

// ServiceHost reports dichvucong.gov.vn or dichvucong.<one label>.gov.vn.
func ServiceHost(host string) bool {
	host = strings.ToLower(host)
	if host == "dichvucong.gov.vn" {
		return true
	}
	mid, ok := strings.CutPrefix(host, "dichvucong.")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".gov.vn")
	if !ok || mid == "" || strings.Contains(mid, ".") {
		return false
	}
	for i := 0; i < len(mid); i++ {
		if !isAlnum(mid[i]) && mid[i] != '-' {
			return false
		}
	}
	return true
}

// clipText cuts s to n characters for a message.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// ProcedureFilter selects procedures; zero values mean no condition.
type ProcedureFilter struct {
	SiteID int64
	// Public keeps the procedures readers see.
	Public bool
	Field  string // exact
	Level  string // a code of ProcedureLevels
	Online string // a code of OnlineLevels
	// Q matches the folded words of the code, name, field and agency.
	Q      string
	Offset int
	Limit  int
}

// ProcedureRow is a row of an import: its line in the file and what it
// gives.
type ProcedureRow struct {
	Line int
	In   ProcedureInput
	// LegacyOnline is the old level (2, 3, 4) the row gave, mapped to
	// In.Online; "" when it gave a current one.
	LegacyOnline string
}

// RowProblem is what is wrong with one line of an import file.
type RowProblem struct {
	Line    int
	Message string
}

// ImportRowsError refuses a whole import file for the problems of its
// rows. errors.As finds it; its code is EINVALID.
type ImportRowsError struct {
	Problems []RowProblem
}

func (e *ImportRowsError) Error() string { return e.Unwrap().Error() }

// Unwrap gives the refusal as an application error, its message naming
// every line (ErrorMessage).
func (e *ImportRowsError) Unwrap() error {
	var b strings.Builder
	b.WriteString("Tệp chưa được nhập (không dòng nào được ghi): " + itoa(len(e.Problems)) + " dòng có lỗi.")
	for _, p := range e.Problems {
		b.WriteString("\nDòng " + itoa(p.Line) + ": " + p.Message)
	}
	return &Error{Code: EINVALID, Message: b.String()}
}

// ProcedureImportResult reports an import.
type ProcedureImportResult struct {
	Created, Updated int
	// Legacy counts the rows whose online level was an old one (mức độ
	// 2, 3, 4) mapped to today's: 4 → Toàn trình, 3 → Một phần, 2 and
	// below → Không.
	Legacy int
}

// Summary is the import's report in Vietnamese.
func (r *ProcedureImportResult) Summary() string {
	s := "Đã nhập " + itoa(r.Created+r.Updated) + " thủ tục (" + itoa(r.Created) + " mới, " + itoa(r.Updated) + " cập nhật)."
	if r.Legacy > 0 {
		s += " " + itoa(r.Legacy) + " dòng ghi mức độ cũ đã được chuyển theo Nghị định 42/2022/NĐ-CP: mức độ 4 → Toàn trình, mức độ 3 → Một phần, mức độ 2 trở xuống → Không."
	}
	return s
}

// ProcedureKey is a stored procedure as an import finds it by code.
type ProcedureKey struct {
	ID     int64
	Public bool
}

// ProcedureStore reads procedures.
type ProcedureStore interface {
	// FindProcedureByID returns any procedure of the site, public or not;
	// NotFound(KindProcedure) when there is none.
	FindProcedureByID(ctx context.Context, siteID, id int64) (*Procedure, error)
	// FindProcedures lists the procedures f selects, by field, then code,
	// and their total.
	FindProcedures(ctx context.Context, f ProcedureFilter) ([]*Procedure, int, error)
	// FindProcedureFields lists the distinct fields of the site's
	// procedures (public ones only when public), in order.
	FindProcedureFields(ctx context.Context, siteID int64, public bool) ([]string, error)
}

// ProcedureTx writes procedures. The store keeps each one's search text
// in step.
type ProcedureTx interface {
	// FindProcedure reads one in the transaction; NotFound as
	// FindProcedureByID.
	FindProcedure(ctx context.Context, siteID, id int64) (*Procedure, error)
	// ProcedureCodes maps the site's procedures' codes to their IDs and
	// flags.
	ProcedureCodes(ctx context.Context, siteID int64) (map[string]ProcedureKey, error)
	// InsertProcedure stores p and sets its ID and times.
	InsertProcedure(ctx context.Context, p *Procedure) error
	// UpdateProcedure writes p's fields and its change time.
	UpdateProcedure(ctx context.Context, p *Procedure) error
	// DeleteProcedure deletes one.
	DeleteProcedure(ctx context.Context, siteID, id int64) error
}

// ProcedureService is what the back office and the import do with
// procedures: for editors and administrators (ActProcedures, else
// EFORBIDDEN), each change with an audit entry.
type ProcedureService interface {
	// CreateProcedure stores a new one. EINVALID names the field, the
	// code already taken included.
	CreateProcedure(ctx context.Context, actor Actor, siteID int64, in ProcedureInput) (*Procedure, error)
	// UpdateProcedure saves one; ENOTFOUND when the site has none.
	UpdateProcedure(ctx context.Context, actor Actor, siteID, id int64, in ProcedureInput) (*Procedure, error)
	// SetProcedurePublic shows or hides one.
	SetProcedurePublic(ctx context.Context, actor Actor, siteID, id int64, public bool) (*Procedure, error)
	// DeleteProcedure deletes one.
	DeleteProcedure(ctx context.Context, actor Actor, siteID, id int64) error
	// ImportProcedures writes the rows of a file, all of them or none:
	// one bad row (empty name, a code twice in the file, a bad link, an
	// unknown level) refuses the file with an *ImportRowsError naming
	// each line. A code the site has is updated, so a re-run changes
	// nothing.
	ImportProcedures(ctx context.Context, actor Actor, siteID int64, rows []ProcedureRow) (*ProcedureImportResult, error)
}
