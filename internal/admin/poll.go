package admin

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// pollService is what the back office of polls needs.
type pollService interface {
	FindPollByID(ctx context.Context, siteID, id int64) (*congtin.Poll, error)
	FindPolls(ctx context.Context, f congtin.PollFilter) ([]*congtin.Poll, int, error)
	CreatePoll(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.PollInput) (*congtin.Poll, error)
	UpdatePoll(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PollInput) (*congtin.Poll, error)
	ClosePoll(ctx context.Context, actor congtin.Actor, siteID, id int64) (*congtin.Poll, error)
	DeletePoll(ctx context.Context, actor congtin.Actor, siteID, id int64) error
}

const pollsAdminPath = "/admin/tham-do"

// pollSpareRows are the empty option rows the form offers.
const pollSpareRows = 4

func (s *Server) pollRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/tham-do", s.handlePollsAdmin)
	page("GET /admin/tham-do/moi", s.handleNewPoll)
	page("POST /admin/tham-do/moi", s.handleCreatePoll)
	page("GET /admin/tham-do/{id}", s.handleEditPoll)
	page("POST /admin/tham-do/{id}", s.handleSavePoll)
	page("POST /admin/tham-do/{id}/ket-thuc", s.handleClosePoll)
	page("POST /admin/tham-do/{id}/xoa", s.handleDeletePoll)
	page("GET /admin/tham-do/{id}/ket-qua.csv", s.handlePollCSV)
}

// pollRunner refuses an actor who may not manage polls.
func pollRunner(rq *request) error { return can(rq, congtin.ActPolls, nil) }

func (s *Server) handlePollsAdmin(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := pollRunner(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	ps, _, err := s.polls.FindPolls(r.Context(), congtin.PollFilter{SiteID: rq.site.ID, Limit: 500})
	page := &render.AdminPollsPage{AdminBase: rq.base("Thăm dò ý kiến", "polls")}
	page.Flash = s.flash(r)
	now := s.now()
	for _, p := range ps {
		page.Polls = append(page.Polls, render.AdminPollRow{Poll: p, StateName: congtin.PollStateName(p.State(now))})
	}
	s.show(w, r, rq, "admin/polls", page, err)
}

// pollForm fills the form from a poll, with spare rows for new options.
func pollForm(p *congtin.Poll) render.AdminPollForm {
	f := render.AdminPollForm{Question: p.Question, Multiple: p.Multiple, MaxChoices: p.MaxChoices, ShowResults: p.ShowResults,
		OpensAt: localTimeValue(p.OpensAt), ClosesAt: localTimeValue(p.ClosesAt)}
	if !p.Multiple {
		f.MaxChoices = 0
	}
	for i, o := range p.Options {
		f.Options = append(f.Options, render.AdminPollOption{ID: o.ID, Label: o.Label, Position: i + 1, Votes: o.Votes})
	}
	return withSpareRows(f)
}

func withSpareRows(f render.AdminPollForm) render.AdminPollForm {
	for i := 0; i < pollSpareRows && len(f.Options) < congtin.PollMaxOptions; i++ {
		f.Options = append(f.Options, render.AdminPollOption{Position: len(f.Options) + 1})
	}
	return f
}

func (s *Server) pollEditPage(rq *request, id int64, p *congtin.Poll) *render.AdminPollEditPage {
	page := &render.AdminPollEditPage{AdminBase: rq.base("Tạo cuộc thăm dò ý kiến", "polls")}
	if p == nil {
		// A new poll opens now for a week.
		now := s.now().Truncate(time.Minute)
		page.Input = withSpareRows(render.AdminPollForm{OpensAt: localTimeValue(now), ClosesAt: localTimeValue(now.Add(7 * 24 * time.Hour))})
		return page
	}
	now := s.now()
	page.ID, page.Title = id, "Sửa cuộc thăm dò"
	page.Input, page.Voters = pollForm(p), p.Voters
	page.StateName, page.Closed = congtin.PollStateName(p.State(now)), p.State(now) == congtin.PollClosed
	v := render.NewPollView(p, now, false, nil, "/tham-do/"+strconv.FormatInt(p.ID, 10))
	page.Results = &v
	return page
}

func (s *Server) handleNewPoll(w http.ResponseWriter, r *http.Request, rq *request) {
	err := pollRunner(rq)
	s.show(w, r, rq, "admin/poll_edit", s.pollEditPage(rq, 0, nil), err)
}

func (s *Server) handleEditPoll(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = pollRunner(rq)
	}
	var p *congtin.Poll
	if err == nil {
		p, err = s.polls.FindPollByID(r.Context(), rq.site.ID, id)
	}
	var page *render.AdminPollEditPage
	if err == nil {
		page = s.pollEditPage(rq, id, p)
		page.Flash = s.flash(r)
	}
	s.show(w, r, rq, "admin/poll_edit", page, err)
}

// readPollForm reads the poll form: the options in the order of their
// numbers (rows with the same number keep the form's order).
func readPollForm(r *http.Request) (congtin.PollInput, render.AdminPollForm, congtin.FieldErrors) {
	fe := congtin.FieldErrors{}
	f := render.AdminPollForm{Question: formValue(r, "question"), Multiple: formValue(r, "multiple") == "1", ShowResults: formValue(r, "show_results") != "",
		OpensAt: formValue(r, "opens_at"), ClosesAt: formValue(r, "closes_at")}
	in := congtin.PollInput{Question: f.Question, Multiple: f.Multiple, ShowResults: f.ShowResults}
	if v := formValue(r, "max_choices"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fe["max_choices"] = "Số phương án tối đa phải là số."
		}
		f.MaxChoices, in.MaxChoices = n, n
	}
	var ok bool
	if in.OpensAt, ok = parseLocalTime(f.OpensAt); !ok && f.OpensAt != "" {
		fe["opens_at"] = "Thời điểm bắt đầu không đúng dạng ngày giờ."
	}
	if in.ClosesAt, ok = parseLocalTime(f.ClosesAt); !ok && f.ClosesAt != "" {
		fe["closes_at"] = "Thời điểm kết thúc không đúng dạng ngày giờ."
	}
	ids, pos, labels := r.PostForm["option_id"], r.PostForm["option_pos"], r.PostForm["option_label"]
	if len(ids) != len(labels) || len(pos) != len(labels) || len(labels) > 100 {
		fe["options"] = "Danh sách phương án gửi lên không hợp lệ; xin tải lại trang."
		return in, f, fe
	}
	for i := range labels {
		o := render.AdminPollOption{Label: labels[i], Position: i + 1}
		if id, err := strconv.ParseInt(ids[i], 10, 64); err == nil && id > 0 {
			o.ID = id
		}
		if n, err := strconv.Atoi(pos[i]); err == nil {
			o.Position = n
		}
		f.Options = append(f.Options, o)
	}
	slices.SortStableFunc(f.Options, func(a, b render.AdminPollOption) int { return a.Position - b.Position })
	for _, o := range f.Options {
		// A spare row left empty is no option; an existing option
		// emptied is one removed.
		if o.Label == "" {
			continue
		}
		in.Options = append(in.Options, congtin.PollOptionInput{ID: o.ID, Label: o.Label})
	}
	return in, f, fe
}

func (s *Server) handleCreatePoll(w http.ResponseWriter, r *http.Request, rq *request) {
	s.savePoll(w, r, rq, 0)
}

func (s *Server) handleSavePoll(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.savePoll(w, r, rq, id)
}

// savePoll creates a poll (id 0) or saves poll id, or shows the form
// again with what was typed and why it was not saved.
func (s *Server) savePoll(w http.ResponseWriter, r *http.Request, rq *request, id int64) {
	if err := allowedForm(w, r, rq, pollRunner); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, form, fe := readPollForm(r)
	var err error
	var p *congtin.Poll
	if len(fe) == 0 && id == 0 {
		p, err = s.polls.CreatePoll(r.Context(), rq.actor, rq.site.ID, in)
	} else if len(fe) == 0 {
		p, err = s.polls.UpdatePoll(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if len(fe) > 0 || err != nil {
		s.refuseForm(w, r, rq, "admin/poll_edit", fe, err, notSavedField(err, "closes_at", "opens_at", "max_choices", "options", "question"), func() (formPage, error) {
			var cur *congtin.Poll
			if id != 0 {
				var err error
				if cur, err = s.polls.FindPollByID(r.Context(), rq.site.ID, id); err != nil {
					return nil, err
				}
			}
			page := s.pollEditPage(rq, id, cur)
			repair(&form.Question)
			for i := range form.Options {
				repair(&form.Options[i].Label)
			}
			page.Input = form
			return page, nil
		})
		return
	}
	done := "Đã lưu cuộc thăm dò."
	if id == 0 {
		done = "Đã tạo cuộc thăm dò."
	}
	s.redirect(w, r, pollsAdminPath+"/"+strconv.FormatInt(p.ID, 10), done)
}

func (s *Server) handleClosePoll(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = pollRunner(rq)
	}
	if err == nil {
		_, err = s.polls.ClosePoll(r.Context(), rq.actor, rq.site.ID, id)
	}
	s.finish(w, r, rq, err, pollsAdminPath+"/"+strconv.FormatInt(id, 10), "Đã kết thúc cuộc thăm dò; kết quả được công bố trên cổng.")
}

func (s *Server) handleDeletePoll(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, pollRunner, s.polls.DeletePoll), pollsAdminPath, "Đã xóa cuộc thăm dò.")
}

// handlePollCSV exports a poll's results: one row per option, in order.
func (s *Server) handlePollCSV(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = pollRunner(rq)
	}
	var p *congtin.Poll
	if err == nil {
		p, err = s.polls.FindPollByID(r.Context(), rq.site.ID, id)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	v := render.NewPollView(p, s.now(), false, nil, "")
	rows := [][]string{{"Câu hỏi", p.Question}, {"Thời gian", localTimeValue(p.OpensAt) + " – " + localTimeValue(p.ClosesAt)},
		{"Lượt bình chọn", num(p.Voters)}, {}, {"Số thứ tự", "Phương án", "Số phiếu", "Tỷ lệ"}}
	for i, o := range v.Options {
		rows = append(rows, []string{strconv.Itoa(i + 1), o.Label, num(o.Votes), o.Percent})
	}
	s.writeCSV(w, r, rq, rows, "tham-do-"+strconv.FormatInt(id, 10)+".csv")
}
