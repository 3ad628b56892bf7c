package admin

import (
	"errors"
	"maps"
	"net/http"
	"strings"

	"github.com/congtin/congtin"
)

// What every back-office form does when its input is refused, by its own
// checks while it is read or by the service: the page again, status 400,
// with what was typed, the messages beside the fields and one on top.

// invalidInput heads a form whose fields carry the reasons.
const invalidInput = "Chưa lưu được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."

// formPage is a back-office page with a form: every page embeds
// render.AdminBase, which sets its messages.
type formPage interface {
	Refuse(msg string, errs congtin.FieldErrors)
}

// repair replaces invalid UTF-8 in text typed into a form, which is shown
// back in the page: the text is kept as it is for validation to report,
// and the page itself must stay valid.
func repair(typed ...*string) {
	for _, p := range typed {
		*p = strings.ToValidUTF8(*p, "\uFFFD")
	}
}

// fieldErrors merges the messages found while reading a form (fe) with
// those of the service's refusal (err).
func fieldErrors(fe congtin.FieldErrors, err error) congtin.FieldErrors {
	out := congtin.FieldErrors{}
	maps.Copy(out, fe)
	var ve *congtin.ValidationError
	if errors.As(err, &ve) {
		maps.Copy(out, ve.Fields)
	}
	return out
}

// notSaved heads a refused form with the service's reason, or, when the
// form's own checks stopped it before the service was asked (err nil),
// with invalidInput.
func notSaved(err error) string {
	if err == nil {
		return invalidInput
	}
	return "Chưa lưu được: " + congtin.ErrorMessage(err)
}

// firstError returns the message of the first field, in form order, that
// has one; any field's when none of them has.
func firstError(fe congtin.FieldErrors, order ...string) string {
	for _, f := range order {
		if m := fe[f]; m != "" {
			return m
		}
	}
	for _, m := range fe {
		return m
	}
	return ""
}

// notSavedField heads a refused form with the message of one of its
// fields, the first in order that has one (firstError), on forms short
// enough to say it on top; notSaved's otherwise.
func notSavedField(err error, order ...string) string {
	if m := firstError(fieldErrors(nil, err), order...); m != "" {
		return "Chưa lưu được: " + m
	}
	return notSaved(err)
}

// refuseForm answers a form whose input was refused: fe are the messages
// found while reading it and err the service's refusal (nil when the form
// was not sent on). page builds the form's page with what was typed put
// back, repaired; msg heads it. A save refused because someone else saved
// first (congtin.ErrEdited) comes back too, with status 409: the page
// shows the conflict. Any other error than invalid input gets the error
// page instead.
func (s *Server) refuseForm(w http.ResponseWriter, r *http.Request, rq *request, name string, fe congtin.FieldErrors, err error, msg string, page func() (formPage, error)) {
	status := http.StatusBadRequest
	if isEdited(err) {
		status = http.StatusConflict
	} else if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	p, perr := page()
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	p.Refuse(msg, fieldErrors(fe, err))
	s.render(w, r, status, name, p)
}

// allowedForm reads the form of a POST once allow has let the actor send
// it.
func allowedForm(w http.ResponseWriter, r *http.Request, rq *request, allow func(*request) error) error {
	if err := allow(rq); err != nil {
		return err
	}
	return parseForm(w, r)
}
