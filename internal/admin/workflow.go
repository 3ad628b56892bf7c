package admin

import (
	"context"
	"net/http"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

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
	// labels words a step's button the kind's own way.
	labels map[string]string
	// schedulable kinds offer a publication time with Xuất bản.
	schedulable bool
	// ref reads which item a request is about.
	ref func(s *Server, r *http.Request, rq *request) (congtin.Ref, error)
	// url is the item's edit page; the steps are posted to stepURL, or
	// to url + "/chuyen" without one.
	url, stepURL func(r congtin.Ref) string
}

// steps are the workflow's actions, in the order the panel offers them.
var steps = []string{congtin.ActSubmit, congtin.ActReturn, congtin.ActPublish, congtin.ActDecline, congtin.ActUnpublish}

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
	var err error
	w.Notes, err = s.Store.FindNotes(ctx, it.Ref)
	return w, err
}

// refusedFunc shows an item's edit page again with a refused step's
// reason: the fields' messages and one for the page.
type refusedFunc func(w http.ResponseWriter, r *http.Request, rq *request, ref congtin.Ref, errs congtin.FieldErrors, msg string)

// handleStep takes a workflow step on an item of the kind: the action
// and comment of the panel's form, and for a schedulable kind the
// publication time. A refused step shows the edit page again with the
// reason (refused).
func (s *Server) handleStep(k *flowKind, refused refusedFunc) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		ref, err := k.ref(s, r, rq)
		if err == nil {
			err = parseForm(w, r)
		}
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		var publishAt time.Time
		if at := formValue(r, "publish_at"); at != "" && k.schedulable && r.PostForm.Get("action") == congtin.ActPublish {
			if publishAt, err = readPublishAt(at); err != nil {
				refused(w, r, rq, ref, err.(*congtin.ValidationError).Fields, "Chưa thực hiện được: "+congtin.ErrorMessage(err))
				return
			}
		}
		it, err := s.Store.Transition(r.Context(), rq.actor, ref, r.PostForm.Get("action"), r.PostForm.Get("comment"), publishAt)
		if err != nil {
			if ve, ok := err.(*congtin.ValidationError); ok {
				refused(w, r, rq, ref, ve.Fields, "Chưa thực hiện được: "+congtin.ErrorMessage(err))
				return
			}
			s.error(w, r, rq, err)
			return
		}
		msg := "Đã chuyển " + k.object(ref) + " sang trạng thái “" + congtin.StatusName(it.Status) + "”."
		if it.Status == congtin.StatusPublished && it.PublishedAt.After(s.now()) {
			msg = "Đã hẹn giờ xuất bản lúc " + it.PublishedAt.In(congtin.VietnamZone).Format("15:04:05 02/01/2006") + "."
		}
		redirect(w, r, k.url(ref), msg)
	}
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
