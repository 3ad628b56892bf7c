package admin

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
	"github.com/congtin/congtin/internal/render"
)

// The back office's Q&A ("Hỏi đáp"): the inbox of citizens' questions,
// the answer form with the article workflow, revisions, and the list of
// fields. Every POST passes the cross-origin protection of Handler and
// checks the actor's role here (congtin.CanQuestion), and the service
// checks it again inside its transaction. The workflow's steps are the
// shared ones (handleStep, workflowPanel).

// questionRoutes registers the section's pages.
func (s *Server) questionRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/hoi-dap", s.handleQuestions)
	page("GET /admin/hoi-dap/{id}", s.handleQuestion)
	page("POST /admin/hoi-dap/{id}", s.handleSaveQuestion)
	page("POST /admin/hoi-dap/{id}/chuyen", s.handleStep(questionFlow, s.questionStepRefused))
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
	fields, err := s.Store.FindQAFields(ctx, rq.site.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	qs, total, err := s.Store.FindQuestions(ctx, congtin.QuestionFilter{SiteID: rq.site.ID, Status: status, Q: search,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.QuestionsPage{AdminBase: rq.base("Hỏi đáp", "questions"), Status: status, Q: search, Questions: qs, Fields: fields,
		Total: total, Counts: map[string]int{}, Pager: adminPager("/admin/hoi-dap", q, pageNo, total),
		CanFields: congtin.Can(rq.actor, congtin.ActManage, nil)}
	page.Flash = flash(r)
	for _, st := range questionStates {
		_, n, err := s.Store.FindQuestions(ctx, congtin.QuestionFilter{SiteID: rq.site.ID, Status: st, Limit: 1})
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		page.Counts[st] = n
	}
	s.render(w, r, http.StatusOK, "admin/questions", page)
}

// loadQuestion reads the {id} path value and the question of the site.
func (s *Server) loadQuestion(r *http.Request, rq *request) (*congtin.Question, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy câu hỏi.")
	}
	if err := canQuestion(rq, "", nil); err != nil {
		return nil, err
	}
	return s.Store.FindQuestionByID(r.Context(), rq.site.ID, id)
}

// questionPage prepares the answer form of a question.
func (s *Server) questionPage(r *http.Request, rq *request, q *congtin.Question) (*render.QuestionEditPage, error) {
	ctx := r.Context()
	fields, err := s.Store.FindQAFields(ctx, rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.QuestionEditPage{AdminBase: rq.base("Câu hỏi: "+q.Title, "questions"), Question: q, Fields: fields,
		Input:   congtin.QuestionEdit{FieldID: q.FieldID, Title: q.Title, Body: q.Body, Answer: q.Answer},
		CanSave: congtin.CanQuestion(rq.actor, congtin.ActEdit, q)}
	page.Flash = flash(r)
	if page.Workflow, err = s.workflowPanel(ctx, rq, questionFlow, q.Item()); err != nil {
		return nil, err
	}
	if q.AnsweredBy != 0 {
		if u, err := s.Store.FindUserByID(ctx, q.AnsweredBy); err == nil {
			page.Answerer = u.DisplayName
		}
	}
	if q.IsPublic() {
		page.PublicURL = q.Path()
	}
	return page, nil
}

func (s *Server) handleQuestion(w http.ResponseWriter, r *http.Request, rq *request) {
	q, err := s.loadQuestion(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.questionPage(r, rq, q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/question_edit", page)
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
	in := congtin.QuestionEdit{Title: formValue(r, "title"), Body: r.PostForm.Get("body"), Answer: r.PostForm.Get("answer")}
	fe := congtin.FieldErrors{}
	if v := formValue(r, "field_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe["field_id"] = "Hãy chọn lĩnh vực."
		}
		in.FieldID = id
	}
	if len(fe) == 0 {
		_, err = s.Store.UpdateQuestion(r.Context(), rq.actor, rq.site.ID, q.ID, in)
	}
	if len(fe) > 0 || err != nil {
		if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		page, perr := s.questionPage(r, rq, q)
		if perr != nil {
			s.error(w, r, rq, perr)
			return
		}
		fix := func(v string) string { return strings.ToValidUTF8(v, "\uFFFD") }
		page.Input = congtin.QuestionEdit{FieldID: in.FieldID, Title: fix(in.Title), Body: fix(in.Body), Answer: fix(in.Answer)}
		page.Errors = fe
		if ve, ok := err.(*congtin.ValidationError); ok {
			page.Errors = ve.Fields
		}
		page.Error = "Chưa lưu được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."
		s.render(w, r, http.StatusBadRequest, "admin/question_edit", page)
		return
	}
	redirect(w, r, "/admin/hoi-dap/"+strconv.FormatInt(q.ID, 10), "Đã lưu câu trả lời.")
}

// questionFlow is the Q&A's part in the workflow.
var questionFlow = &flowKind{
	kind: congtin.KindQuestion, heading: "Duyệt câu trả lời", headingID: "duyet",
	object: func(congtin.Ref) string { return "câu hỏi" },
	ref: func(s *Server, r *http.Request, rq *request) (congtin.Ref, error) {
		q, err := s.loadQuestion(r, rq)
		if err != nil {
			return congtin.Ref{}, err
		}
		return q.Item().Ref, nil
	},
	url: func(ref congtin.Ref) string { return "/admin/hoi-dap/" + strconv.FormatInt(ref.ID, 10) },
}

// questionStepRefused shows the question's page again with a refused
// step's reason: the field's own message (an answer to write first, a
// comment to give) when there is one.
func (s *Server) questionStepRefused(w http.ResponseWriter, r *http.Request, rq *request, ref congtin.Ref, errs congtin.FieldErrors, msg string) {
	q, err := s.Store.FindQuestionByID(r.Context(), rq.site.ID, ref.ID)
	var page *render.QuestionEditPage
	if err == nil {
		page, err = s.questionPage(r, rq, q)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Errors, page.Error = errs, msg
	for _, m := range errs {
		page.Error = "Chưa thực hiện được: " + m
	}
	s.render(w, r, http.StatusBadRequest, "admin/question_edit", page)
}

// handleQuestionRevisions lists a question's revisions and compares two
// (by default the newest with the one before it).
func (s *Server) handleQuestionRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	q, err := s.loadQuestion(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	revs, err := s.Store.FindQuestionRevisions(r.Context(), rq.site.ID, q.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.QuestionRevisionsPage{AdminBase: rq.base("Phiên bản", "questions"), Question: q, Revisions: revs}
	pick := func(param string, def int) (*congtin.QuestionRevision, error) {
		v := r.URL.Query().Get(param)
		if v == "" {
			if def < len(revs) {
				return revs[def], nil
			}
			return nil, nil
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, congtin.Errorf(congtin.EINVALID, "Mã phiên bản không hợp lệ.")
		}
		for _, rev := range revs {
			if rev.ID == id {
				return rev, nil
			}
		}
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	}
	if page.A, err = pick("a", 1); err == nil {
		page.B, err = pick("b", 0)
	}
	if err != nil {
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
	fields, err := s.Store.FindQAFields(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.QAFieldsPage{AdminBase: rq.base("Lĩnh vực hỏi đáp", "questions"), Fields: fields}
	page.Flash = flash(r)
	return page, nil
}

func (s *Server) handleQAFields(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.qaFieldsPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/qa_fields", page)
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
	if congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.qaFieldsPage(r, rq)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	in.Name = strings.ToValidUTF8(in.Name, "\uFFFD")
	page.Input = in
	page.Error = "Chưa lưu được: " + congtin.ErrorMessage(err)
	if ve, ok := err.(*congtin.ValidationError); ok {
		page.Errors = ve.Fields
		for _, m := range ve.Fields {
			page.Error = "Chưa lưu được: " + m
		}
	}
	s.render(w, r, http.StatusBadRequest, "admin/qa_fields", page)
}

// qaFieldAction runs a change of the field list for an administrator.
func (s *Server) qaFieldAction(w http.ResponseWriter, r *http.Request, rq *request, do func(in congtin.QAFieldInput, id int64) error, msg string) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	var id int64
	if v := r.PathValue("id"); v != "" {
		var err error
		if id, err = strconv.ParseInt(v, 10, 64); err != nil || id <= 0 {
			s.error(w, r, rq, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy lĩnh vực."))
			return
		}
	}
	in, err := readQAFieldForm(r)
	if err == nil {
		err = do(in, id)
	}
	if err != nil {
		s.qaFieldFormError(w, r, rq, in, err)
		return
	}
	redirect(w, r, "/admin/hoi-dap-linh-vuc", msg)
}

func (s *Server) handleCreateQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(in congtin.QAFieldInput, _ int64) error {
		_, err := s.Store.CreateQAField(r.Context(), rq.actor, rq.site.ID, in)
		return err
	}, "Đã thêm lĩnh vực.")
}

func (s *Server) handleUpdateQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(in congtin.QAFieldInput, id int64) error {
		_, err := s.Store.UpdateQAField(r.Context(), rq.actor, rq.site.ID, id, in)
		return err
	}, "Đã lưu lĩnh vực.")
}

func (s *Server) handleDeleteQAField(w http.ResponseWriter, r *http.Request, rq *request) {
	s.qaFieldAction(w, r, rq, func(_ congtin.QAFieldInput, id int64) error {
		return s.Store.DeleteQAField(r.Context(), rq.actor, rq.site.ID, id)
	}, "Đã xóa lĩnh vực.")
}
