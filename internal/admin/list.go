package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The back office's lists of articles and documents share their filters
// (a search, the state, the writer, a range of days, each kept in the URL
// and so in the pager's links), their writer column and their bulk
// actions (bulk.go). What differs per kind (an article's category, a
// document's type and field) is read by the kind's own handler.

// listService is what the lists need besides each kind's own service:
// the staff, for the writer filter and column, and the bulk actions.
type listService interface {
	FindMembers(ctx context.Context, siteID int64) ([]*congtin.Membership, error)
	FindUserByID(ctx context.Context, id int64) (*congtin.User, error)
	TransitionMany(ctx context.Context, actor congtin.Actor, kind congtin.Kind, siteID int64, ids []int64, act string) ([]*congtin.BulkResult, error)
	MoveArticles(ctx context.Context, actor congtin.Actor, siteID int64, ids []int64, categoryID int64) ([]*congtin.BulkResult, error)
}

// listRoutes adds the lists' bulk actions.
func (s *Server) listRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("POST /admin/bai-viet/hang-loat", s.handleBulk(articleList))
	page("POST /admin/van-ban/hang-loat", s.handleBulk(documentList))
}

// Date ranges a list can bound (the URL's "theo").
const (
	byChange      = "cap-nhat"
	byPublication = "xuat-ban"
	byIssue       = "ban-hanh"
)

// dateNames name the dates a range can bound.
var dateNames = map[string]string{byChange: "Ngày cập nhật", byPublication: "Ngày xuất bản", byIssue: "Ngày ban hành"}

// listStatusName names a list's state filter.
func listStatusName(st string) string {
	return congtin.StatusName(st) // Hẹn giờ for StatusScheduled
}

// listQuery is a list's filters read from the URL: the form's values as
// typed, the range of days as times ([from, to), to the day after the
// last), and the messages of the values that could not be read, by the
// field they go with.
type listQuery struct {
	form     render.ListFilter
	from, to time.Time
	errs     congtin.FieldErrors
}

// readListQuery reads the filters the lists share. statuses are the
// states the kind's filter offers; dates the ranges it can bound, the
// first the default.
func readListQuery(q url.Values, statuses, dates []string) *listQuery {
	lq := &listQuery{errs: congtin.FieldErrors{}}
	f := &lq.form
	for _, st := range statuses {
		f.Statuses = append(f.Statuses, render.ListOption{Value: st, Label: listStatusName(st)})
	}
	for _, d := range dates {
		f.Dates = append(f.Dates, render.ListOption{Value: d, Label: dateNames[d]})
	}
	f.Q = strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), ""))
	if len([]rune(f.Q)) > 200 {
		f.Q = string([]rune(f.Q)[:200])
		lq.errs["q"] = "Từ khóa quá dài: chỉ tìm theo 200 ký tự đầu."
	}
	if st := q.Get("trang-thai"); st != "" {
		if slices.Contains(statuses, st) {
			f.Status = st
		} else {
			lq.errs["trang-thai"] = "Trạng thái không hợp lệ."
		}
	}
	f.Writer = lq.id(q, "nguoi-viet", "Người viết không hợp lệ.")
	f.By = q.Get("theo")
	if f.By == "" {
		f.By = dates[0]
	} else if !slices.Contains(dates, f.By) {
		f.By = dates[0]
		lq.errs["theo"] = "Loại ngày không hợp lệ."
	}
	f.From, lq.from = lq.day(q, "tu", "Ngày bắt đầu không hợp lệ; hãy chọn ngày.")
	f.To, lq.to = lq.day(q, "den", "Ngày kết thúc không hợp lệ; hãy chọn ngày.")
	if !lq.to.IsZero() {
		lq.to = lq.to.AddDate(0, 0, 1) // the whole last day
	}
	if !lq.from.IsZero() && !lq.to.IsZero() && !lq.from.Before(lq.to) {
		lq.errs["den"] = "Ngày kết thúc phải từ ngày bắt đầu trở đi."
		lq.from, lq.to = time.Time{}, time.Time{}
	}
	return lq
}

// id reads an ID of the URL (0 when absent).
func (lq *listQuery) id(q url.Values, key, msg string) int64 {
	v := q.Get(key)
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		lq.errs[key] = msg
		return 0
	}
	return id
}

// day reads a day of the URL (YYYY-MM-DD) as midnight in Vietnam.
func (lq *listQuery) day(q url.Values, key, msg string) (string, time.Time) {
	v := q.Get(key)
	if v == "" {
		return "", time.Time{}
	}
	t, err := time.ParseInLocation(time.DateOnly, v, congtin.VietnamZone)
	if err != nil || t.Year() < 1945 || t.Year() > 9999 {
		lq.errs[key] = msg
		return "", time.Time{}
	}
	return v, t
}

// message is the page's message for the values that could not be read,
// which the list leaves out of its filter.
func (lq *listQuery) message() string {
	if len(lq.errs) == 0 {
		return ""
	}
	return "Một số điều kiện lọc không hợp lệ nên chưa được áp dụng; xem thông báo bên dưới từng ô."
}

// writer is the writer a list is limited to: a reporter's own, or the
// one an editor chose (0: everyone's).
func (lq *listQuery) writer(rq *request) int64 {
	if own := ownOnly(rq); own != 0 {
		lq.form.Writer = 0
		return own
	}
	return lq.form.Writer
}

// staff names the writers of a list: the site's staff, and anyone else
// who wrote one of its rows (someone who has left the site).
type staff struct {
	s     *Server
	names map[int64]string
	// options are the site's staff, by name, for an editor's filter.
	options []render.WriterOption
}

// loadStaff reads the site's staff. The writer filter is an editor's:
// a reporter lists only their own.
func (s *Server) loadStaff(ctx context.Context, rq *request) (*staff, error) {
	st := &staff{s: s, names: map[int64]string{}}
	ms, err := s.lists.FindMembers(ctx, rq.site.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.User != nil {
			st.names[m.UserID] = m.User.DisplayName
			st.options = append(st.options, render.WriterOption{ID: m.UserID, Name: m.User.DisplayName})
		}
	}
	if _, ok := st.names[rq.actor.User.ID]; !ok { // a super administrator
		st.names[rq.actor.User.ID] = rq.actor.User.DisplayName
		st.options = append(st.options, render.WriterOption{ID: rq.actor.User.ID, Name: rq.actor.User.DisplayName})
	}
	c := collate.New(language.Vietnamese)
	slices.SortStableFunc(st.options, func(a, b render.WriterOption) int { return c.CompareString(a.Name, b.Name) })
	if ownOnly(rq) != 0 {
		st.options = nil
	}
	return st, nil
}

// name returns the display name of the user id; "" for none (an imported
// item).
func (st *staff) name(ctx context.Context, id int64) string {
	if id == 0 {
		return ""
	}
	if n, ok := st.names[id]; ok {
		return n
	}
	n := "#" + strconv.FormatInt(id, 10)
	if u, err := st.s.lists.FindUserByID(ctx, id); err == nil {
		n = u.DisplayName
	}
	st.names[id] = n
	return n
}

// listURL is the list at path with the URL's filters and page, for the
// way back after a bulk action; the confirmation of the last one is left
// out.
func listURL(path string, q url.Values) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "ok" {
			v[k] = vs
		}
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// mineURL is the list at path limited to the actor's own, for an editor
// (a reporter's lists are theirs already).
func mineURL(path string, rq *request) string {
	if ownOnly(rq) != 0 {
		return ""
	}
	return path + "?nguoi-viet=" + strconv.FormatInt(rq.actor.User.ID, 10)
}
