package admin

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The work schedule in the back office: one week a page, its entries
// added, changed and deleted by reporters on their draft weeks and by
// editors on any, the week sent for approval and published as a whole.

const scheduleAdminPath = "/admin/lich-cong-tac"

func scheduleWeekURL(w congtin.Week) string { return scheduleAdminPath + "?tuan=" + w.String() }

// adminWeek reads ?tuan= (the current week when missing).
func (s *Server) adminWeek(r *http.Request, v string) (congtin.Week, error) {
	if v == "" {
		return congtin.WeekOf(s.now()), nil
	}
	return congtin.ParseWeek(v)
}

// schedulePage loads a week for the back office.
func (s *Server) schedulePage(r *http.Request, rq *request, week congtin.Week) (*render.AdminSchedulePage, error) {
	ctx := r.Context()
	st, es, err := s.sections.FindScheduleWeek(ctx, rq.site.ID, week)
	if err != nil {
		return nil, err
	}
	revs, err := s.sections.FindScheduleRevisions(ctx, rq.site.ID, week)
	if err != nil {
		return nil, err
	}
	mon := week.Monday()
	page := &render.AdminSchedulePage{AdminBase: rq.base("Lịch công tác tuần "+strconv.Itoa(week.Num)+"/"+strconv.Itoa(week.Year), "schedule"),
		Week: week, WeekValue: week.String(), State: st, Entries: es, Revisions: revs,
		Range:   render.DayLabel(mon) + " – " + render.DayLabel(mon.AddDate(0, 0, 6)),
		PrevURL: scheduleWeekURL(week.Prev()), NextURL: scheduleWeekURL(week.Next()),
		Form: render.ScheduleForm{Date: congtin.Day(mon)},
	}
	page.Flash = s.flash(r)
	wf := st.Item()
	if st.UpdatedAt.IsZero() {
		// Nobody has started the week: whoever adds the first entry owns it.
		page.CanEdit = congtin.Can(rq.actor, congtin.ActCreate, nil)
		wf.CreatedBy = rq.actor.User.ID
	} else {
		page.CanEdit = congtin.Can(rq.actor, congtin.ActEdit, wf)
	}
	if page.Workflow, err = s.workflowPanel(ctx, rq, scheduleFlow, wf); err != nil {
		return nil, err
	}
	if len(es) == 0 {
		page.Workflow.Steps = nil // a week without entries is not sent or published
	}
	if st.Status == congtin.StatusPublished {
		page.PublicURL = "/lich-cong-tac?tuan=" + week.String()
	}
	return page, nil
}

func (s *Server) handleSchedule(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	week, err := s.adminWeek(r, strings.TrimSpace(q.Get("tuan")))
	if len(q["tuan"]) > 1 {
		err = congtin.Errorf(congtin.EINVALID, "Hãy chọn một tuần, ví dụ ?tuan=2026-W48.")
	}
	var page *render.AdminSchedulePage
	if err == nil {
		page, err = s.schedulePage(r, rq, week)
	}
	if err == nil {
		err = s.scheduleEditing(r, rq, page, true)
	}
	s.show(w, r, rq, "admin/schedule", page, err)
}

// scheduleEditing fills what the entry form (of page.Editing, or a new
// entry) carries to keep its writer's work, when the actor may save it,
// and shows the writer's draft in it when asked to (restore).
func (s *Server) scheduleEditing(r *http.Request, rq *request, page *render.AdminSchedulePage, restore bool) error {
	if !page.CanEdit {
		return nil
	}
	var id, version int64
	if e := page.Editing; e != nil {
		id, version = e.ID, e.Version
	}
	var err error
	if page.Edit, err = s.editState(r, rq, congtin.KindScheduleEntry, id, version); err != nil {
		return err
	}
	if !restore {
		return nil
	}
	if d := restoring(r, &page.Edit); d != nil {
		f, _, _ := readScheduleForm(withValues(r, d.Values))
		repair(&f.Date, &f.Start, &f.End, &f.Content, &f.Participants, &f.Place, &f.Chair)
		page.Form, page.Flash = f, restoredFlash(d)
	}
	return nil
}

// scheduleConflict compares the entry form refused with the entry stored
// meanwhile.
func (s *Server) scheduleConflict(r *http.Request, rq *request, cur *congtin.ScheduleEntry, f render.ScheduleForm) (*render.Conflict, error) {
	week, err := congtin.ParseWeek(cur.Week)
	if err != nil {
		return nil, err
	}
	revs, err := s.sections.FindScheduleRevisions(r.Context(), rq.site.ID, week)
	if err != nil {
		return nil, err
	}
	var mine []*congtin.ScheduleRevision
	for _, rev := range revs {
		if rev.EntryID == cur.ID {
			mine = append(mine, rev)
		}
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(mine, func(rev *congtin.ScheduleRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	stored := scheduleFormOf(cur)
	trim := strings.TrimSpace
	c.Compare("Ngày", f.Date, stored.Date, false)
	c.Compare("Giờ bắt đầu", f.Start, stored.Start, false)
	c.Compare("Giờ kết thúc", f.End, stored.End, false)
	c.Compare("Nội dung", trim(f.Content), stored.Content, false)
	c.Compare("Thành phần", trim(f.Participants), stored.Participants, false)
	c.Compare("Địa điểm", trim(f.Place), stored.Place, false)
	c.Compare("Chủ trì", trim(f.Chair), stored.Chair, false)
	return c, nil
}

// scheduleFormOf fills the entry form with a stored entry.
func scheduleFormOf(e *congtin.ScheduleEntry) render.ScheduleForm {
	f := render.ScheduleForm{Date: congtin.Day(e.Start), Start: e.Start.In(congtin.VietnamZone).Format("15:04"),
		Content: e.Content, Participants: e.Participants, Place: e.Place, Chair: e.Chair}
	if !e.End.IsZero() {
		f.End = e.End.In(congtin.VietnamZone).Format("15:04")
	}
	return f
}

// readScheduleForm reads the entry form: a day, a start time and an
// optional end time on that day, in Vietnam time.
func readScheduleForm(r *http.Request) (render.ScheduleForm, congtin.ScheduleInput, congtin.FieldErrors) {
	f := render.ScheduleForm{Date: formValue(r, "ngay"), Start: formValue(r, "bat_dau"), End: formValue(r, "ket_thuc"),
		Content: formValue(r, "noi_dung"), Participants: formValue(r, "thanh_phan"), Place: formValue(r, "dia_diem"), Chair: formValue(r, "chu_tri")}
	in := congtin.ScheduleInput{Content: f.Content, Participants: f.Participants, Place: f.Place, Chair: f.Chair,
		Version: formVersion(r.PostForm)}
	fe := congtin.FieldErrors{}
	day, err := time.ParseInLocation(time.DateOnly, f.Date, congtin.VietnamZone)
	if err != nil {
		fe["start"] = "Hãy chọn ngày (ngày/tháng/năm)."
	}
	clock := func(v string) (time.Duration, bool) {
		for _, l := range []string{"15:04", "15:04:05"} {
			if t, err := time.Parse(l, v); err == nil {
				return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
			}
		}
		return 0, false
	}
	if fe["start"] == "" {
		if d, ok := clock(f.Start); !ok {
			fe["start"] = "Hãy nhập giờ bắt đầu, ví dụ 08:00."
		} else {
			in.Start = day.Add(d)
		}
	}
	if f.End != "" && fe["start"] == "" {
		if d, ok := clock(f.End); !ok {
			fe["end"] = "Giờ kết thúc không hợp lệ; ví dụ 11:30, hoặc để trống."
		} else {
			in.End = day.Add(d)
		}
	}
	return f, in, fe
}

// scheduleFormError shows the week again with the form as typed; an
// end time the service refused is said on top.
func (s *Server) scheduleFormError(w http.ResponseWriter, r *http.Request, rq *request, week congtin.Week, editing *congtin.ScheduleEntry,
	f render.ScheduleForm, fe congtin.FieldErrors, err error) {
	msg := invalidInput
	if m := fieldErrors(fe, err)["end"]; m != "" {
		msg = "Chưa lưu được: " + m
	}
	if isEdited(err) {
		msg = notSaved(err)
	}
	s.refuseForm(w, r, rq, "admin/schedule", fe, err, msg, func() (formPage, error) {
		var conflict *render.Conflict
		if isEdited(err) && editing != nil {
			cur, ferr := s.sections.FindScheduleEntry(r.Context(), rq.site.ID, editing.ID)
			if ferr != nil {
				return nil, ferr
			}
			if conflict, ferr = s.scheduleConflict(r, rq, cur, f); ferr != nil {
				return nil, ferr
			}
			editing = cur
		}
		page, perr := s.schedulePage(r, rq, week)
		if perr != nil {
			return nil, perr
		}
		repair(&f.Date, &f.Start, &f.End, &f.Content, &f.Participants, &f.Place, &f.Chair)
		page.Form, page.Editing = f, editing
		if perr = s.scheduleEditing(r, rq, page, false); perr != nil {
			return nil, perr
		}
		var stored int64
		if editing != nil {
			stored = editing.Version
		}
		refused(&page.Edit, formVersion(r.PostForm), conflict, stored)
		return page, nil
	})
}

func (s *Server) handleCreateScheduleEntry(w http.ResponseWriter, r *http.Request, rq *request) {
	err := parseForm(w, r)
	var week congtin.Week
	if err == nil {
		week, err = s.adminWeek(r, formValue(r, "tuan"))
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveScheduleEntry(w, r, rq, week, nil)
}

// clipFlash shortens text for a confirmation.
func clipFlash(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func (s *Server) loadScheduleEntry(r *http.Request, rq *request) (*congtin.ScheduleEntry, congtin.Week, error) {
	id, err := idIn(r, "id", "Không tìm thấy mục lịch công tác.")
	var e *congtin.ScheduleEntry
	if err == nil {
		e, err = s.sections.FindScheduleEntry(r.Context(), rq.site.ID, id)
	}
	if err != nil {
		return nil, congtin.Week{}, err
	}
	week, err := congtin.ParseWeek(e.Week)
	return e, week, err
}

func (s *Server) handleEditScheduleEntry(w http.ResponseWriter, r *http.Request, rq *request) {
	e, week, err := s.loadScheduleEntry(r, rq)
	var page *render.AdminSchedulePage
	if err == nil {
		page, err = s.schedulePage(r, rq, week)
	}
	if err == nil {
		page.Editing = e
		page.Form = scheduleFormOf(e)
		err = s.scheduleEditing(r, rq, page, true)
	}
	s.show(w, r, rq, "admin/schedule", page, err)
}

func (s *Server) handleSaveScheduleEntry(w http.ResponseWriter, r *http.Request, rq *request) {
	e, week, err := s.loadScheduleEntry(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveScheduleEntry(w, r, rq, week, e)
}

// saveScheduleEntry is the create and save handlers' common path: the
// form becomes a new entry (e nil) or e's new content; a refused one is
// shown again on week.
func (s *Server) saveScheduleEntry(w http.ResponseWriter, r *http.Request, rq *request, week congtin.Week, e *congtin.ScheduleEntry) {
	f, in, fe := readScheduleForm(r)
	var saved *congtin.ScheduleEntry
	var err error
	switch {
	case len(fe) > 0: // refused before the service is asked
	case e == nil:
		saved, err = s.sections.CreateScheduleEntry(r.Context(), rq.actor, rq.site.ID, in)
	default:
		saved, err = s.sections.UpdateScheduleEntry(r.Context(), rq.actor, rq.site.ID, e.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.scheduleFormError(w, r, rq, week, e, f, fe, err)
		return
	}
	done := "Đã lưu lịch: "
	if e == nil {
		done = "Đã thêm lịch: "
	}
	w2, _ := congtin.ParseWeek(saved.Week)
	s.redirect(w, r, scheduleWeekURL(w2), done+clipFlash(saved.Content))
}

func (s *Server) handleDeleteScheduleEntry(w http.ResponseWriter, r *http.Request, rq *request) {
	e, week, err := s.loadScheduleEntry(r, rq)
	if err == nil {
		err = s.sections.DeleteScheduleEntry(r.Context(), rq.actor, rq.site.ID, e.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, scheduleWeekURL(week), "Đã xóa lịch: "+clipFlash(e.Content))
}

// scheduleFlow is the work schedule's part in the workflow: a week, named
// by the form's tuan, is one item.
var scheduleFlow = &flowKind{
	kind: congtin.KindScheduleWeek, heading: "Duyệt lịch tuần", headingID: "duyet-lich",
	object:    func(ref congtin.Ref) string { return "lịch tuần " + ref.Key },
	labels:    map[string]string{congtin.ActPublish: "Xuất bản lịch tuần", congtin.ActUnpublish: "Gỡ lịch tuần"},
	refusedBy: []string{"comment"},
	ref: func(s *Server, r *http.Request, rq *request) (congtin.Ref, error) {
		// The week is a field of the step's form: parse it here (the
		// step parses it again, which does nothing), with the size
		// limit of every form.
		if err := parseForm(nil, r); err != nil {
			return congtin.Ref{}, err
		}
		week, err := congtin.ParseWeek(formValue(r, "tuan"))
		if err != nil {
			return congtin.Ref{}, err
		}
		return congtin.Ref{Kind: congtin.KindScheduleWeek, SiteID: rq.site.ID, Key: week.String()}, nil
	},
	url: func(ref congtin.Ref) string {
		week, _ := congtin.ParseWeek(ref.Key)
		return scheduleWeekURL(week)
	},
	stepURL: func(congtin.Ref) string { return scheduleAdminPath + "/chuyen" },
}

// scheduleEdit builds the week a step was refused on.
func (s *Server) scheduleEdit(r *http.Request, rq *request, ref congtin.Ref) (string, formPage, error) {
	week, err := congtin.ParseWeek(ref.Key)
	var page *render.AdminSchedulePage
	if err == nil {
		page, err = s.schedulePage(r, rq, week)
	}
	if err == nil {
		err = s.scheduleEditing(r, rq, page, false)
	}
	return "admin/schedule", page, err
}
