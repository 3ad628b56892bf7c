package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/render"
)

// privatePage marks a response meant for one reader only: the form with
// its token and what they typed, their lookup code and its result. It is
// stored nowhere, not indexed, and the code in its URL is not passed on
// as a referrer.
func privatePage(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	h.Set("Referrer-Policy", "no-referrer")
}

// qaCrossOrigin refuses cross-site POSTs of the question form with a
// Vietnamese page, as the back office does for its forms.
func (s *Server) qaCrossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.error(w, r, congtin.Errorf(congtin.EFORBIDDEN, "Yêu cầu bị từ chối vì đến từ một trang web khác (chống giả mạo yêu cầu). Xin mở biểu mẫu trên cổng thông tin rồi gửi lại."))
	}))
	return cop.Handler(next)
}

// renderQAForm draws the question form. A token is given when the
// sender's token is still good (its age goes on counting); otherwise a
// new one is signed now.
func (s *Server) renderQAForm(w http.ResponseWriter, r *http.Request, status int, in congtin.QuestionInput, token, msg string, fe congtin.FieldErrors) {
	ctx := r.Context()
	site := siteFrom(ctx)
	keys, err := s.qaKeys(ctx)
	if err != nil {
		s.error(w, r, err)
		return
	}
	fields, ok := s.qaFields(w, r, site)
	if !ok {
		return
	}
	base, err := s.base(w, r, site, status == http.StatusOK)
	if err != nil {
		s.error(w, r, err)
		return
	}
	binding := formBinding(w, r)
	if token == "" {
		token = keys.sign(site.ID, s.now(), binding)
	}
	fix := func(v string) string { return strings.ToValidUTF8(v, "\uFFFD") }
	in.Name, in.Email, in.Phone, in.Title, in.Body = fix(in.Name), fix(in.Email), fix(in.Phone), fix(in.Title), fix(in.Body)
	page := &render.QAFormPage{Base: base, Fields: fields, Input: in, Token: token, Honeypot: qaHoneypot, Errors: fe, Error: msg, RetentionDays: s.QARetentionDays}
	if page.Errors == nil {
		page.Errors = congtin.FieldErrors{}
	}
	page.Title, page.ActiveSlug = "Gửi câu hỏi", "hoi-dap"
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/hoi-dap/gui-cau-hoi")
	privatePage(w)
	s.render(w, status, "qa_form", page)
}

func (s *Server) handleQAForm(w http.ResponseWriter, r *http.Request) {
	s.renderQAForm(w, r, http.StatusOK, congtin.QuestionInput{}, "", "", nil)
}

// Messages of the spam defence: plain, and telling a person what to do.
const (
	msgQATrap    = "Không gửi được câu hỏi: biểu mẫu có một ô ẩn không được để trống (thường do trình duyệt tự điền). Xin kiểm tra lại rồi bấm “Gửi câu hỏi”."
	msgQAToken   = "Biểu mẫu không hợp lệ hoặc đã được mở trên một trình duyệt khác. Nội dung bạn nhập vẫn còn dưới đây; xin bấm “Gửi câu hỏi” lần nữa."
	msgQATooFast = "Bạn gửi quá nhanh sau khi mở biểu mẫu. Xin đọc lại câu hỏi rồi bấm “Gửi câu hỏi” lần nữa."
	msgQATooOld  = "Biểu mẫu đã mở quá 2 giờ nên đã hết hạn. Nội dung bạn nhập vẫn còn dưới đây; xin bấm “Gửi câu hỏi” lần nữa."
)

func (s *Server) handleQASubmit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	r.Body = http.MaxBytesReader(w, r.Body, qaMaxFormBytes)
	if err := r.ParseForm(); err != nil {
		s.error(w, r, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên quá lớn hoặc không hợp lệ (tối đa 256 KB). Câu hỏi dài nhất là 5.000 ký tự."))
		return
	}
	form := r.PostForm
	in := congtin.QuestionInput{Name: form.Get("name"), Email: form.Get("email"), Phone: form.Get("phone"), Title: form.Get("title"), Body: form.Get("body")}
	fe := congtin.FieldErrors{}
	if v := strings.TrimSpace(form.Get("field_id")); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe["field_id"] = "Hãy chọn lĩnh vực."
		}
		in.FieldID = id
	}
	keys, err := s.qaKeys(ctx)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if form.Get(qaHoneypot) != "" {
		s.renderQAForm(w, r, http.StatusBadRequest, in, "", msgQATrap, nil)
		return
	}
	token := form.Get("token")
	tok, ok := keys.verify(token, site.ID, bindingOf(r, qaCookie))
	if !ok {
		s.renderQAForm(w, r, http.StatusBadRequest, in, "", msgQAToken, nil)
		return
	}
	switch age := s.now().Sub(tok.issued); {
	case age < qaMinFormAge:
		// The same token: its age goes on counting while they read.
		s.renderQAForm(w, r, http.StatusBadRequest, in, token, msgQATooFast, nil)
		return
	case age > qaMaxFormAge:
		s.renderQAForm(w, r, http.StatusBadRequest, in, "", msgQATooOld, nil)
		return
	}
	if len(fe) > 0 {
		s.renderQAForm(w, r, http.StatusBadRequest, in, token, "Chưa gửi được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô.", fe)
		return
	}
	code := newCode()
	sub := congtin.Submission{CodeHash: auth.HashToken(code), Nonce: tok.nonce, IPHash: keys.senderHash(r), Limit: qaSubmitLimit, Window: qaSubmitWindow}
	if _, err := s.QA.SubmitQuestion(ctx, site.ID, in, sub); err != nil {
		switch congtin.ErrorCode(err) {
		case congtin.EINVALID:
			if ve, ok := err.(*congtin.ValidationError); ok {
				s.renderQAForm(w, r, http.StatusBadRequest, in, token, "Chưa gửi được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô.", ve.Fields)
				return
			}
			s.renderQAForm(w, r, http.StatusBadRequest, in, token, "Chưa gửi được: "+congtin.ErrorMessage(err), nil)
		case congtin.ETOOMANY:
			w.Header().Set("Retry-After", strconv.Itoa(int(qaSubmitWindow.Seconds())))
			s.renderQAForm(w, r, http.StatusTooManyRequests, in, "", congtin.ErrorMessage(err), nil)
		default:
			s.error(w, r, err)
		}
		return
	}
	http.Redirect(w, r, "/hoi-dap/da-gui?ma="+url.QueryEscape(displayCode(code)), http.StatusSeeOther)
}

func (s *Server) handleQASent(w http.ResponseWriter, r *http.Request) {
	s.qaLookup(w, r, true)
}

func (s *Server) handleQALookup(w http.ResponseWriter, r *http.Request) {
	s.qaLookup(w, r, false)
}

// qaLookup shows a question's state by its code: the lookup page, or the
// thank-you page right after sending.
func (s *Server) qaLookup(w http.ResponseWriter, r *http.Request, sent bool) {
	ctx := r.Context()
	site := siteFrom(ctx)
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	raw := r.URL.Query().Get("ma")
	page := &render.QALookupPage{Base: base, Sent: sent, Input: strings.ToValidUTF8(clip(raw), "\uFFFD")}
	page.Title, page.ActiveSlug = "Tra cứu câu hỏi", "hoi-dap"
	if sent {
		page.Title = "Đã gửi câu hỏi"
	}
	status := http.StatusOK
	privatePage(w)
	defer func() {
		s.render(w, status, "qa_lookup", page)
	}()
	if raw == "" && !sent {
		return // the empty lookup form
	}
	code, st, msg := s.lookupCode(w, r, raw)
	if st != 0 {
		status, page.Error = st, msg
		if st == http.StatusTooManyRequests || st == http.StatusBadRequest {
			page.Sent = false // the keys' failure keeps the thank-you heading
		}
		return
	}
	q, err := s.QA.FindQuestionByCode(ctx, site.ID, auth.HashToken(code))
	if err != nil {
		status, page.Sent = httperr.Status(err), false
		page.Error = congtin.ErrorMessage(err)
		if status == http.StatusInternalServerError || status == http.StatusServiceUnavailable {
			s.Log.Error("lookup question", "error", err)
			page.Error = "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
		}
		return
	}
	found := &render.QALookup{Code: displayCode(code), Title: q.Title, AskedAt: q.CreatedAt, State: q.State(), StateName: congtin.QAStateName(q.State())}
	if q.IsPublic() {
		fields, err := s.QA.FindQAFields(ctx, site.ID)
		if err != nil {
			status, page.Error = http.StatusInternalServerError, "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
			s.Log.Error("lookup question", "error", err)
			return
		}
		it := qaItem(q, fields)
		found.Item = &it
	}
	page.Found = found
	page.Input = displayCode(code)
}
