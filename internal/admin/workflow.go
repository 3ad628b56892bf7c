package admin

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// workflowService is what the workflow's panel and step need.
type workflowService interface {
	FindNotes(ctx context.Context, item congtin.Ref) ([]*congtin.Note, error)
	Transition(ctx context.Context, actor congtin.Actor, item congtin.Ref, act, comment string, publishAt time.Time) (*congtin.Item, error)
}

// flowKind is a kind of content's part in the back office's workflow:
// where its items are and what its panel says. The step itself
// (handleStep), the panel (workflowPanel) and its template partials are
// the same for every kind.
type flowKind struct {
	kind congtin.Kind
	// heading heads the panel ("Duyệt bài"), headingID anchors it.
	heading, headingID string
	// object names the item in the confirmation ("bài", "văn bản").
	object func(r congtin.Ref) string
	// done words the confirmation of a step the kind's own way; "" (or
	// no done) for "Đã chuyển … sang trạng thái …".
	done func(act string) string
	// labels words a step's button the kind's own way.
	labels map[string]string
	// schedulable kinds offer a publication time with Xuất bản.
	schedulable bool
	// refusedBy are the fields whose own message heads the page when a
	// step is refused over one of them (a comment to give, an answer to
	// write first); the general message does otherwise.
	refusedBy []string
	// ref reads which item a request is about.
	ref func(s *Server, r *http.Request, rq *request) (congtin.Ref, error)
	// url is the item's edit page; the steps are posted to stepURL, or
	// to url + "/chuyen" without one.
	url, stepURL func(r congtin.Ref) string
}

// refOf makes a kind's ref out of the loader of its items.
func refOf[T interface{ Item() *congtin.Item }](load func(*Server, *http.Request, *request) (T, error)) func(*Server, *http.Request, *request) (congtin.Ref, error) {
	return func(s *Server, r *http.Request, rq *request) (congtin.Ref, error) {
		it, err := load(s, r, rq)
		if err != nil {
			return congtin.Ref{}, err
		}
		return it.Item().Ref, nil
	}
}

// steps are the workflow's actions, in the order the panel offers them.
var steps = []string{congtin.ActSubmit, congtin.ActWithdraw, congtin.ActReturn, congtin.ActPublish, congtin.ActDecline, congtin.ActUnpublish, congtin.ActComment}

// workflowPanel builds an edit page's workflow panel for the item: the
// steps the actor may take now, and the history.
func (s *Server) workflowPanel(ctx context.Context, rq *request, k *flowKind, it *congtin.Item) (render.Workflow, error) {
	w := render.Workflow{Heading: k.heading, HeadingID: k.headingID, Action: k.url(it.Ref) + "/chuyen", Week: it.Key,
		Schedulable: k.schedulable, Labels: k.labels}
	if k.stepURL != nil {
		w.Action = k.stepURL(it.Ref)
	}
	for _, act := range steps {
		if congtin.Can(rq.actor, act, it) {
			w.Steps = append(w.Steps, act)
		}
	}
	if congtin.Can(rq.actor, congtin.ActAudit, nil) {
		noun := k.object(it.Ref)
		if it.Kind == congtin.KindScheduleWeek {
			noun = "lịch tuần"
		}
		w.AuditURL, w.AuditLabel = auditItemURL(it.Ref), "Nhật ký của "+noun+" này"
	}
	var err error
	w.Notes, err = s.workflow.FindNotes(ctx, it.Ref)
	return w, err
}

// editFunc builds the edit page of the item a step was refused on: its
// template and the page. (It is handleStep's argument, not a flowKind
// field: an edit page builds its panel from the flowKind, which would
// then refer to itself.)
type editFunc func(r *http.Request, rq *request, ref congtin.Ref) (string, formPage, error)

// editOf makes a kind's editFunc out of its store's finder and its edit
// page's builder.
func editOf[T any, P formPage](name string, find func(ctx context.Context, siteID, id int64) (T, error),
	page func(*http.Request, *request, T) (P, error)) editFunc {
	return func(r *http.Request, rq *request, ref congtin.Ref) (string, formPage, error) {
		it, err := find(r.Context(), rq.site.ID, ref.ID)
		if err != nil {
			return "", nil, err
		}
		p, err := page(r, rq, it)
		return name, p, err
	}
}

// handleStep takes a workflow step on an item of the kind: the action
// and comment of the panel's form, and for a schedulable kind the
// publication time. A refused step shows the edit page again (edit) with
// the reason.
func (s *Server) handleStep(k *flowKind, edit editFunc) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		ref, err := k.ref(s, r, rq)
		if err == nil {
			err = parseForm(w, r)
		}
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		act := r.PostForm.Get("action")
		var publishAt time.Time
		if at := formValue(r, "publish_at"); at != "" && k.schedulable && act == congtin.ActPublish {
			publishAt, err = readPublishAt(at)
		}
		var it *congtin.Item
		if err == nil {
			it, err = s.workflow.Transition(r.Context(), rq.actor, ref, act, r.PostForm.Get("comment"), publishAt)
		}
		var ve *congtin.ValidationError
		if errors.As(err, &ve) {
			s.stepRefused(w, r, rq, k, edit, ref, ve)
			return
		}
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		s.redirect(w, r, k.url(ref), stepped(k, ref, act, it, false, s.now()))
	}
}

// stepRefused shows the item's edit page again with why a step was
// refused: beside the fields, and on top the message of the first of the
// kind's refusedBy fields that has one, or the general one.
func (s *Server) stepRefused(w http.ResponseWriter, r *http.Request, rq *request, k *flowKind, edit editFunc, ref congtin.Ref, ve *congtin.ValidationError) {
	name, page, err := edit(r, rq, ref)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	msg := "Chưa thực hiện được: " + congtin.ErrorMessage(ve)
	for _, f := range k.refusedBy {
		if m := ve.Fields[f]; m != "" {
			msg = "Chưa thực hiện được: " + m
			break
		}
	}
	page.Refuse(msg, ve.Fields)
	s.render(w, r, http.StatusBadRequest, name, page)
}

// readPublishAt reads a publication time: the form's datetime-local value
// in Vietnam time, or RFC 3339 from the API.
func readPublishAt(at string) (time.Time, error) {
	t, ok := parseLocalTime(at)
	if !ok {
		if t2, err := time.Parse(time.RFC3339, at); err == nil {
			t, ok = t2, true
		}
	}
	if !ok {
		return time.Time{}, &congtin.ValidationError{Fields: congtin.FieldErrors{"publish_at": "Thời gian xuất bản không hợp lệ."}}
	}
	return t, nil
}
