package congtin

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Week is an ISO 8601 week: Monday to Sunday, in Vietnam time. The
// leadership's work schedule (lịch công tác) is kept and published by week.
type Week struct {
	Year int // the ISO week-numbering year, which differs from the calendar year around New Year
	Num  int // 1 to 52 or 53
}

// WeekOf returns the ISO week that holds t in Vietnam.
func WeekOf(t time.Time) Week {
	y, n := t.In(VietnamZone).ISOWeek()
	return Week{Year: y, Num: n}
}

// ParseWeek reads a week written as ISO 8601 does, "2026-W48". Anything
// else, a week 0 or a week past the year's last, is EINVALID with a
// message a reader can act on.
func ParseWeek(s string) (Week, error) {
	bad := Errorf(EINVALID, "Tuần không hợp lệ: “%s”. Hãy ghi tuần theo dạng năm-Wsố tuần, ví dụ 2026-W48.", clip(s, 40))
	y, n, ok := strings.Cut(s, "-W")
	if !ok || len(y) != 4 || len(n) != 2 {
		return Week{}, bad
	}
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || y[0] < '0' || y[0] > '9' || n[0] < '0' || n[0] > '9' {
		return Week{}, bad
	}
	w := Week{Year: year, Num: num}
	if year < 2000 || year > 2100 {
		return Week{}, Errorf(EINVALID, "Tuần %s nằm ngoài khoảng lịch công tác được lưu (năm 2000 đến 2100).", w)
	}
	if num < 1 || num > WeeksIn(year) {
		return Week{}, Errorf(EINVALID, "Năm %d không có tuần %d: năm này có %d tuần.", year, num, WeeksIn(year))
	}
	return w, nil
}

// clip shortens s for a message, keeping it valid UTF-8.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n]) + "…"
	}
	return s
}

// WeeksIn returns how many ISO weeks year has: 53 when 28 December, which
// always lies in the year's last week, is in week 53.
func WeeksIn(year int) int {
	_, n := time.Date(year, 12, 28, 12, 0, 0, 0, VietnamZone).ISOWeek()
	return n
}

// String writes the week as "2026-W48".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Monday returns the start of the week: Monday 00:00 in Vietnam.
func (w Week) Monday() time.Time {
	// 4 January is always in week 1.
	jan4 := time.Date(w.Year, 1, 4, 0, 0, 0, 0, VietnamZone)
	wd := int(jan4.Weekday()+6) % 7 // Monday 0 … Sunday 6
	return jan4.AddDate(0, 0, -wd+(w.Num-1)*7)
}

// End returns the start of the next week, the end of this one.
func (w Week) End() time.Time { return w.Monday().AddDate(0, 0, 7) }

// Next returns the week after w.
func (w Week) Next() Week { return WeekOf(w.Monday().AddDate(0, 0, 7)) }

// Prev returns the week before w.
func (w Week) Prev() Week { return WeekOf(w.Monday().AddDate(0, 0, -7)) }

// Limits of a schedule entry's text fields, in characters.
const (
	MaxScheduleContentLen = 2000
	MaxScheduleFieldLen   = 1000
	// MaxScheduleSpan bounds an entry's length: a visit or a conference
	// lasts days, not weeks.
	MaxScheduleSpan = 7 * 24 * time.Hour
)

// ScheduleEntry is one item of the leadership's weekly work schedule.
type ScheduleEntry struct {
	ID     int64     `json:"id"`
	SiteID int64     `json:"-"`
	Week   string    `json:"week"` // the ISO week of Start, "2026-W48"
	Start  time.Time `json:"start"`
	// End is zero when the schedule gives only a start time.
	End          time.Time `json:"end,omitzero"`
	Content      string    `json:"content"`      // nội dung
	Participants string    `json:"participants"` // thành phần
	Place        string    `json:"place"`        // địa điểm
	Chair        string    `json:"chair"`        // chủ trì: the presiding leader
	CreatedBy    int64     `json:"-"`
	UpdatedAt    time.Time `json:"updated_at"`
	// Version counts the entry's writes (see ArticleInput.Version).
	Version int64 `json:"-"`
}

// ScheduleInput is the schedule entry form.
type ScheduleInput struct {
	Start        time.Time `json:"start"`
	End          time.Time `json:"end"`
	Content      string    `json:"content"`
	Participants string    `json:"participants"`
	Place        string    `json:"place"`
	Chair        string    `json:"chair"`
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64 `json:"version,omitempty"`
}

// Normalize trims the text fields and brings them to NFC.
func (in *ScheduleInput) Normalize() {
	NFC(&in.Content, &in.Participants, &in.Place, &in.Chair)
	for _, p := range []*string{&in.Content, &in.Participants, &in.Place, &in.Chair} {
		*p = strings.TrimSpace(*p)
	}
}

// Validate checks the input without I/O; it returns a *ValidationError.
// An end before the start is the mistake editors make most (a morning
// meeting typed with an afternoon start), so it gets its own message.
func (in *ScheduleInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "content", "Nội dung", in.Content, MaxScheduleContentLen, true)
	checkText(fe, "participants", "Thành phần", in.Participants, MaxScheduleFieldLen, false)
	checkText(fe, "place", "Địa điểm", in.Place, MaxScheduleFieldLen, false)
	checkText(fe, "chair", "Chủ trì", in.Chair, MaxScheduleFieldLen, false)
	switch {
	case in.Start.IsZero():
		fe["start"] = "Hãy chọn ngày và giờ bắt đầu."
	case in.Start.In(VietnamZone).Year() < 2000 || in.Start.In(VietnamZone).Year() > 2100:
		fe["start"] = "Ngày bắt đầu phải trong khoảng năm 2000 đến 2100."
	case !in.End.IsZero() && !in.End.After(in.Start):
		fe["end"] = "Giờ kết thúc phải sau giờ bắt đầu (" + in.Start.In(VietnamZone).Format("15:04 02/01/2006") + ")."
	case !in.End.IsZero() && in.End.Sub(in.Start) > MaxScheduleSpan:
		fe["end"] = "Một mục lịch công tác kéo dài tối đa 7 ngày."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// ScheduleWeek is the workflow state of one week of the schedule. A week
// goes through the articles' states: reporters fill it as a draft and
// submit it, an editor publishes it; only published weeks are public.
type ScheduleWeek struct {
	SiteID int64  `json:"-"`
	Week   string `json:"week"`
	Status string `json:"status"`
	// Note is the comment of the last workflow step (why it was returned).
	Note        string    `json:"note,omitempty"`
	CreatedBy   int64     `json:"-"` // who started the week; a reporter may edit only weeks they started
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	PublishedAt time.Time `json:"published_at,omitzero"`
}

// Item returns the week as the workflow sees it.
func (w *ScheduleWeek) Item() *Item {
	return &Item{Ref: Ref{Kind: KindScheduleWeek, SiteID: w.SiteID, Key: w.Week}, Title: w.Week, Status: w.Status, CreatedBy: w.CreatedBy, PublishedAt: w.PublishedAt}
}

// ScheduleRevision is a saved version of a schedule entry, written on
// every change, including its deletion.
type ScheduleRevision struct {
	ID        int64     `json:"id"`
	EntryID   int64     `json:"entry_id"`
	Week      string    `json:"week"`
	UserID    int64     `json:"-"` // who made it; 0 for the system
	UserName  string    `json:"user_name"`
	CreatedAt time.Time `json:"created_at"`
	Note      string    `json:"note"` // "Tạo mới", "Sửa", "Xóa"
	ScheduleInput
}

// ScheduleService changes the work schedule (ScheduleStore reads it).
// Every method checks the actor's permission with Can inside its
// transaction (EFORBIDDEN) and writes its audit entry in the same
// transaction.
type ScheduleService interface {
	// CreateScheduleEntry adds an entry to the week of its start, starting
	// that week as a draft of the actor's when it has no state yet.
	// EINVALID for bad input; EFORBIDDEN when the actor may not edit the
	// week.
	CreateScheduleEntry(ctx context.Context, actor Actor, siteID int64, in ScheduleInput) (*ScheduleEntry, error)
	// UpdateScheduleEntry changes an entry; a new start may move it to
	// another week, which the actor must be allowed to edit too.
	UpdateScheduleEntry(ctx context.Context, actor Actor, siteID, id int64, in ScheduleInput) (*ScheduleEntry, error)
	// DeleteScheduleEntry removes an entry, keeping its last version as a
	// revision.
	DeleteScheduleEntry(ctx context.Context, actor Actor, siteID, id int64) error
	// TransitionScheduleWeek moves a week to the state act leads to
	// (ActSubmit, ActReturn, ActPublish, ActUnpublish). A week without
	// entries cannot be submitted or published (EINVALID).
	TransitionScheduleWeek(ctx context.Context, actor Actor, siteID int64, week Week, act, comment string) (*ScheduleWeek, error)
}

// CheckComment checks the comment of a workflow step on a week or a page:
// at most 2000 characters, and required to return the work to its writer
// or to send a comment alone.
func CheckComment(act, comment string) error {
	switch {
	case utf8.RuneCountInString(comment) > 2000 || !validText(comment):
		return &ValidationError{Fields: FieldErrors{"comment": "Ý kiến quá dài (tối đa 2000 ký tự) hoặc chứa ký tự không hợp lệ."}}
	case act == ActReturn && strings.TrimSpace(comment) == "":
		return &ValidationError{Fields: FieldErrors{"comment": "Hãy ghi ý kiến khi trả lại cho người soạn."}}
	case act == ActComment && strings.TrimSpace(comment) == "":
		return &ValidationError{Fields: FieldErrors{"comment": "Hãy nhập ý kiến cần gửi cho người soạn."}}
	}
	return nil
}

// ScheduleStore reads the work schedule.
type ScheduleStore interface {
	// FindScheduleWeek returns a week's state and all its entries, by
	// start time. A week without a row (nobody has written it) is a
	// draft nobody owns, with a zero UpdatedAt.
	FindScheduleWeek(ctx context.Context, siteID int64, week Week) (*ScheduleWeek, []*ScheduleEntry, error)
	// FindPublicSchedule returns entries of published weeks that start in
	// [from, to), by start time, at most limit (0: no limit).
	FindPublicSchedule(ctx context.Context, siteID int64, from, to time.Time, limit int) ([]*ScheduleEntry, error)
	// FindScheduleEntry returns any entry of the site;
	// NotFound(KindScheduleEntry).
	FindScheduleEntry(ctx context.Context, siteID, id int64) (*ScheduleEntry, error)
	// FindScheduleRevisions lists the revisions of a week's entries,
	// newest first.
	FindScheduleRevisions(ctx context.Context, siteID int64, week Week) ([]*ScheduleRevision, error)
}

// ScheduleTx writes the work schedule. A week's state changes through
// WorkflowTx (UpdateItem); these write its row and its entries.
type ScheduleTx interface {
	// FindWeek reads a week's row (week as "2026-W48");
	// NotFound(KindScheduleWeek) when the week has none.
	FindWeek(ctx context.Context, siteID int64, week string) (*ScheduleWeek, error)
	// InsertWeek stores a week's row as it is given (site, week, state,
	// writer), created and changed now.
	InsertWeek(ctx context.Context, w *ScheduleWeek) error
	// TouchWeek sets a week's change time to now.
	TouchWeek(ctx context.Context, siteID int64, week string) error
	// CountScheduleEntries counts a week's entries.
	CountScheduleEntries(ctx context.Context, siteID int64, week string) (int, error)
	// FindScheduleEntry reads an entry inside the transaction.
	FindScheduleEntry(ctx context.Context, siteID, id int64) (*ScheduleEntry, error)
	// InsertScheduleEntry stores a new entry as it is given, created and
	// changed now, and sets its ID.
	InsertScheduleEntry(ctx context.Context, e *ScheduleEntry) error
	// UpdateScheduleEntry writes an entry's week, times and text, and
	// its change time.
	UpdateScheduleEntry(ctx context.Context, e *ScheduleEntry) error
	// DeleteScheduleEntry deletes an entry (its revisions stay).
	DeleteScheduleEntry(ctx context.Context, id int64) error
	// AddScheduleRevision copies the entry's stored content into a new
	// revision, r giving the entry, who made it and why; it sets r.ID
	// and r.CreatedAt.
	AddScheduleRevision(ctx context.Context, r *ScheduleRevision) error
}
