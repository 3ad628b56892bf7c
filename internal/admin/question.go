package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sanitize"
)

// The back office's Q&A ("Hỏi đáp"): the inbox of citizens' questions,
// the answer form with the article workflow, revisions, and the list of
// fields. Every POST passes the cross-origin protection of Handler and
// checks the actor's role here (congtin.CanQuestion), and the service
// checks it again inside its transaction. The workflow's steps are the
// shared ones (handleStep, workflowPanel).

// questionService is what the Q&A's pages need.
type questionService interface {
	FindQuestions(ctx context.Context, f congtin.QuestionFilter) ([]*congtin.Question, int, error)
	FindQuestionByID(ctx context.Context, siteID, id int64) (*congtin.Question, error)
	FindQuestionRevisions(ctx context.Context, siteID, questionID int64) ([]*congtin.QuestionRevision, error)
	UpdateQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit) (*congtin.Question, error)
	UpdateQuestionStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit, s congtin.Step) (*congtin.Item, bool, error)
	FindUserByID(ctx context.Context, id int64) (*congtin.User, error)
	FindQAFields(ctx context.Context, siteID int64) (congtin.QAFields, error)
	CreateQAField(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.QAFieldInput) (*congtin.QAField, error)
	UpdateQAField(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QAFieldInput) (*congtin.QAField, error)
	DeleteQAField(ctx context.Context, actor congtin.Actor, siteID, id int64) error
}

// questionRoutes registers the section's pages.
func (s *Server) questionRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/hoi-dap", s.handleQuestions)
	page("GET /admin/hoi-dap/{id}", s.handleQuestion)
	page("POST /admin/hoi-dap/{id}", s.handleSaveQuestion)
	page("POST /admin/hoi-dap/{id}/chuyen", s.handleStep(questionFlow, editOf("admin/question_edit", s.qa.FindQuestionByID, s.questionPage)))
	page("GET /admin/hoi-dap/{id}/phien-ban", s.handleQuestionRevisions)
	page("GET /admin/hoi-dap-linh-vuc", s.handleQAFields)
	page("POST /admin/hoi-dap-linh-vuc", s.handleCreateQAField)
	page("POST /admin/hoi-dap-linh-vuc/{id}", s.handleUpdateQAField)
	page("POST /admin/hoi-dap-linh-vuc/{id}/xoa", s.handleDeleteQAField)
}

// canQuestion refuses with EFORBIDDEN when the actor may not act.
func canQuestion(rq *request, act string, q *congtin.Question) error {
	if congtin.CanQuestion(rq.actor, act, q) {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này.")
}

var questionStates = []string{congtin.StatusDraft, congtin.StatusSubmitted, congtin.StatusReturned, congtin.StatusPublished, congtin.StatusUnpublished}

func (s *Server) handleQuestions(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := canQuestion(rq, "", nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	status, pageNo, err := listStatusPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	search := strings.TrimSpace(strings.ToValidUTF8(q.Get("q"), " "))
	if utf8.RuneCountInString(search) > 200 {
		search = string([]rune(search)[:200])
	}
	fields, err := s.qa.FindQAFields(ctx, rq.site.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	qs, total, err := s.qa.FindQuestions(ctx, congtin.QuestionFilter{SiteID: rq.site.ID, Status: status, Q: search,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.QuestionsPage{AdminBase: rq.base("Hỏi đáp", "questions"), Status: status, Q: search, Questions: qs, Fields: fields,
		Total: total, Counts: map[string]int{}, Pager: adminPager("/admin/hoi-dap", q, pageNo, total),
		CanFields: congtin.Can(rq.actor, congtin.ActManage, nil)}
	page.Flash = s.flash(r)
	for _, st := range questionStates {
		_, n, err := s.qa.FindQuestions(ctx, congtin.QuestionFilter{SiteID: rq.site.ID, Status: st, Limit: 1})
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		page.Counts[st] = n
	}
	s.render(w, r, http.StatusOK, "admin/questions", page)
}

// loadQuestion reads the {id} path value and the question of the site.
// A question nobody has taken on is anyone's to answer: the newsroom
// sees them all.
func (s *Server) loadQuestion(r *http.Request, rq *request) (*congtin.Question, error) {
	return loadItem(r, rq, "Không tìm thấy câu hỏi.", "", func(ctx context.Context, siteID, id int64) (*congtin.Question, error) {
		if err := canQuestion(rq, "", nil); err != nil {
			return nil, err
		}
		return s.qa.FindQuestionByID(ctx, siteID, id)
	})
}

// questionPage prepares the answer form of a question.
func (s *Server) questionPage(r *http.Request, rq *request, q *congtin.Question) (*render.QuestionEditPage, error) {
	ctx := r.Context()
	fields, err := s.qa.FindQAFields(ctx, rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.QuestionEditPage{AdminBase: rq.base("Câu hỏi: "+q.Title, "questions"), Question: q, Fields: fields,
		Input:   congtin.QuestionEdit{FieldID: q.FieldID, Title: q.Title, Body: q.Body, Answer: q.Answer},
		CanSave: congtin.CanQuestion(rq.actor, congtin.ActEdit, q)}
	page.Flash = s.flash(r)
	if page.Workflow, err = s.workflowPanel(ctx, rq, questionFlow, q.Item()); err != nil {
		return nil, err
	}
	if q.AnsweredBy != 0 {
		if u, err := s.qa.FindUserByID(ctx, q.AnsweredBy); err == nil {
			page.Answerer = u.DisplayName
		}
	}
	if q.IsPublic() {
		page.PublicURL = q.Path()
	}
	if page.CanSave {
		withSteps(&page.Workflow, true, r)
		if page.Edit, err = s.editState(r, rq, congtin.KindQuestion, q.ID, q.Version); err != nil {
			return nil, err
		}
	}
	return page, nil
}

// questionConflict compares the edit refused with the question stored
// meanwhile.
func (s *Server) questionConflict(r *http.Request, rq *request, cur *congtin.Question, in congtin.QuestionEdit, fields congtin.QAFields) (*render.Conflict, error) {
	revs, err := s.qa.FindQuestionRevisions(r.Context(), rq.site.ID, cur.ID)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.QuestionRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	in.Normalize()
	field := func(id int64) string {
		for _, f := range fields {
			if f.ID == id {
				return f.Name
			}
		}
		return ""
	}
	c.Compare("Lĩnh vực", field(in.FieldID), field(cur.FieldID), false)
	c.Compare("Tiêu đề câu hỏi", in.Title, cur.Title, false)
	c.Compare("Nội dung câu hỏi", in.Body, cur.Body, false)
	c.Compare("Câu trả lời", sanitize.HTML(in.Answer), cur.Answer, true)
	return c, nil
}

// readQuestionForm reads the answer form; field errors it finds itself
// come back with the input.
func readQuestionForm(r *http.Request) (congtin.QuestionEdit, congtin.FieldErrors) {
	in := congtin.QuestionEdit{Title: formValue(r, "title"), Body: r.PostForm.Get("body"), Answer: r.PostForm.Get("answer"),
		Version: formVersion(r.PostForm)}
	fe := congtin.FieldErrors{}
	if v := formValue(r, "field_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe["field_id"] = "Hãy chọn lĩnh vực."
		}
		in.FieldID = id
	}
	return in, fe
}

func (s *Server) handleQuestion(w http.ResponseWriter, r *http.Request, rq *request) {
	q, err := s.loadQuestion(r, rq)
	var page *render.QuestionEditPage
	if err == nil {
		page, err = s.questionPage(r, rq, q)
	}
	if err == nil {
		if d := restoring(r, &page.Edit); d != nil {
			in, _ := readQuestionForm(withValues(r, d.Values))
			repair(&in.Title, &in.Body, &in.Answer)
			page.Input, page.Flash = in, restoredFlash(d)
		}
	}
	s.show(w, r, rq, "admin/question_edit", page, err)
}

func (s *Server) handleSaveQuestion(w http.ResponseWriter, r *http.Request, rq *request) {
	q, err := s.loadQuestion(r, rq)
	if err == nil {
		err = canQuestion(rq, congtin.ActEdit, q)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, fe := readQuestionForm(r)
	st, stepping := stepOf(r)
	var it *congtin.Item
	var wrote bool
	switch {
	case len(fe) > 0: // refused before the service is asked
	case stepping:
		// A button of the workflow panel: the answer is saved with the
		// step, in one transaction.
		it, wrote, err = s.qa.UpdateQuestionStep(r.Context(), rq.actor, rq.site.ID, q.ID, in, st)
	default:
		_, err = s.qa.UpdateQuestion(r.Context(), rq.actor, rq.site.ID, q.ID, in)
	}
	if len(fe) > 0 || err != nil {
		msg := invalidInput
		if isEdited(err) {
			msg = notSaved(err)
		} else if stepping {
			msg = notSavedField(err, "answer", "comment")
		}
		s.refuseForm(w, r, rq, "admin/question_edit", fe, err, msg, func() (formPage, error) {
			if isEdited(err) {
				cur, ferr := s.qa.FindQuestionByID(r.Context(), rq.site.ID, q.ID)
				if ferr != nil {
					return nil, ferr
				}
				q = cur
			}
			page, perr := s.questionPage(r, rq, q)
			if perr != nil {
				return nil, perr
			}
			var conflict *render.Conflict
			if isEdited(err) {
				if conflict, perr = s.questionConflict(r, rq, q, in, page.Fields); perr != nil {
					return nil, perr
				}
			}
			repair(&in.Title, &in.Body, &in.Answer)
			page.Input = in
			refused(&page.Edit, in.Version, conflict, q.Version)
			return page, nil
		})
		return
	}
	if it != nil {
		s.redirect(w, r, questionURL(q.ID), stepped(questionFlow, it.Ref, st.Act, it, wrote, s.now()))
		return
	}
	s.redirect(w, r, questionURL(q.ID), "Đã lưu câu trả lời.")
}

// questionFlow is the Q&A's part in the workflow.
var questionFlow = &flowKind{
	kind: congtin.KindQuestion, heading: "Duyệt câu trả lời", headingID: "duyet",
	object: func(congtin.Ref) string { return "câu hỏi" },
	// Publishing puts out the question with its answer; declining keeps
	// both from the public.
	done: func(act string) string {
		switch act {
		case congtin.ActPublish:
			return "Đã xuất bản câu hỏi và câu trả lời."
		case congtin.ActDecline:
			return "Đã đánh dấu câu hỏi là không công bố."
		}
		return ""
	},
	refusedBy: []string{"answer", "comment"},
	ref:       refOf((*Server).loadQuestion),
	url:       func(ref congtin.Ref) string { return questionURL(ref.ID) },
}

// questionURL is a question's page.
func questionURL(id int64) string { return "/admin/hoi-dap/" + strconv.FormatInt(id, 10) }

// handleQuestionRevisions lists a question's revisions and compares two
// (by default the newest with the one before it).
func (s *Server) handleQuestionRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	q, err := s.loadQuestion(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revs, err := s.qa.FindQuestionRevisions(r.Context(), rq.site.ID, q.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.QuestionRevisionsPage{AdminBase: rq.base("Phiên bản", "questions"), Question: q, Revisions: revs}
	id := func(rev *congtin.QuestionRevision) int64 { return rev.ID }
	if page.A, page.B, err = compared(r.URL.Query(), revs, id, findIn(revs, id)); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.A != nil && page.B != nil {
		page.Title = diff.Text(page.A.Title, page.B.Title)
		page.Body = diff.Text(page.A.Body, page.B.Body)
		page.Answer = diff.HTML(page.A.Answer, page.B.Answer)
	}
	s.render(w, r, http.StatusOK, "admin/question_revisions", page)
}

func (s *Server) qaFieldsPage(r *http.Request, rq *request) (*render.QAFieldsPage, error) {
	fields, err := s.qa.FindQAFields(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.QAFieldsPage{AdminBase: rq.base("Lĩnh vực hỏi đáp", "questions"), Fields: fields}
	page.Flash = s.flash(r)
	return page, nil
}

func (s *Server) handleQAFields(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var page *render.QAFieldsPage
	if err == nil {
		page, err = s.qaFieldsPage(r, rq)
	}
	s.show(w, r, rq, "admin/qa_fields", page, err)
}

func readQAFieldForm(r *http.Request) (congtin.QAFieldInput, error) {
	in := congtin.QAFieldInput{Name: formValue(r, "name")}
	if v := formValue(r, "position"); v != "" {
		var err error
		if in.Position, err = strconv.Atoi(v); err != nil {
			return in, &congtin.ValidationError{Fields: congtin.FieldErrors{"position": "Thứ tự phải là số."}}
		}
	}
	return in, nil
}

func (s *Server) qaFieldFormError(w http.ResponseWriter, r *http.Request, rq *request, in congtin.QAFieldInput, err error) {
	s.refuseForm(w, r, rq, "admin/qa_fields", nil, err, notSavedField(err), func() (formPage, error) {
		page, err := s.qaFieldsPage(r, rq)
		if err == nil {
			repair(&in.Name)
			page.Input = in
		}
		return page, err
	})
}

// qaFieldAction runs a change of the field list for an administrator.
func (s *Server) qaFieldAction(w http.ResponseWriter, r *http.Request, rq *request, do func(in congtin.QAFieldInput, id int64) error, msg string) {
	err := allowedForm(w, r, rq, manager)
	var id int64
	if err == nil && r.PathValue("id") != "" {
		id, err = idIn(r, "id", "Không tìm thấy lĩnh vực.")
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, err := readQAFieldForm(r)
	if err == nil {
		err = do(in, id)
	}
	if err != nil {
		s.qaFieldFormError(w, r, rq, in, err)
		return
	}
	s.redirect(w, r, "/admin/hoi-dap-linh-vuc", msg)
}

func (s *Server) handleCreateQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(in congtin.QAFieldInput, _ int64) error {
		_, err := s.qa.CreateQAField(r.Context(), rq.actor, rq.site.ID, in)
		return err
	}, "Đã thêm lĩnh vực.")
}

func (s *Server) handleUpdateQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(in congtin.QAFieldInput, id int64) error {
		_, err := s.qa.UpdateQAField(r.Context(), rq.actor, rq.site.ID, id, in)
		return err
	}, "Đã lưu lĩnh vực.")
}

func (s *Server) handleDeleteQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(_ congtin.QAFieldInput, id int64) error {
		return s.qa.DeleteQAField(r.Context(), rq.actor, rq.site.ID, id)
	}, "Đã xóa lĩnh vực.")
}
