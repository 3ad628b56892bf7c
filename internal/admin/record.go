package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// What the back office's pages of projects and procurement notices share:
// their revisions (one table, congtin.ProjectRevision) and the comparison
// shown when someone else saved first.

// projectService is what the projects' and notices' pages need.
type projectService interface {
	FindProjectByID(ctx context.Context, siteID, id int64) (*congtin.Project, error)
	FindProjects(ctx context.Context, f congtin.ProjectFilter) ([]*congtin.Project, int, error)
	FindProjectRevisions(ctx context.Context, siteID int64, k congtin.Kind, id int64) ([]*congtin.ProjectRevision, error)
	CreateProject(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProjectInput) (*congtin.Project, error)
	UpdateProject(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput) (*congtin.Project, error)
	UpdateProjectStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput, s congtin.Step) (*congtin.Item, bool, error)
	FindProcurementByID(ctx context.Context, siteID, id int64) (*congtin.Procurement, error)
	FindProcurements(ctx context.Context, f congtin.ProcurementFilter) ([]*congtin.Procurement, int, error)
	CreateProcurement(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProcurementInput) (*congtin.Procurement, error)
	UpdateProcurement(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput) (*congtin.Procurement, error)
	UpdateProcurementStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput, s congtin.Step) (*congtin.Item, bool, error)
}

// recordConflict compares the content of a refused form (mine) with the
// version stored meanwhile, line by line as the revisions spell them.
func (s *Server) recordConflict(r *http.Request, rq *request, k congtin.Kind, id int64, mine, stored string, updated time.Time) (*render.Conflict, error) {
	revs, err := s.projects.FindProjectRevisions(r.Context(), rq.site.ID, k, id)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.ProjectRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, updated)
	m, st := contentFields(mine), contentFields(stored)
	for _, f := range st.order {
		c.Compare(f, m.values[f], st.values[f], false)
	}
	return c, nil
}

// fields are the "label: value" lines of a spelled-out content.
type fields struct {
	order  []string
	values map[string]string
}

func contentFields(s string) fields {
	f := fields{values: map[string]string{}}
	for _, l := range strings.Split(s, "\n") {
		label, v, ok := strings.Cut(l, ": ")
		if !ok {
			continue
		}
		if _, seen := f.values[label]; !seen {
			f.order = append(f.order, label)
		}
		f.values[label] = v
	}
	return f
}

// handleRecordRevisions lists the revisions of the item load reads, and
// shows the one ?xem asks for.
func (s *Server) handleRecordRevisions(k congtin.Kind, section, back string, load func(*http.Request, *request) (*congtin.Item, error)) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		it, err := load(r, rq)
		var revs []*congtin.ProjectRevision
		if err == nil {
			revs, err = s.projects.FindProjectRevisions(r.Context(), rq.site.ID, k, it.ID)
		}
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		itemURL := back + "/" + strconv.FormatInt(it.ID, 10)
		page := &render.RecordRevisionsPage{AdminBase: rq.base("Phiên bản: "+it.Title, section), Heading: it.Title, BackURL: itemURL,
			BackLabel: "« Về " + congtin.NoticeNoun(k), URL: itemURL + "/phien-ban", Revisions: revs}
		if v := r.URL.Query().Get("xem"); v != "" {
			id, err := strconv.ParseInt(v, 10, 64)
			if err == nil {
				page.Shown, err = findIn(revs, func(rev *congtin.ProjectRevision) int64 { return rev.ID })(id)
			}
			if err != nil {
				s.error(w, r, rq, noRevision())
				return
			}
		}
		s.render(w, r, http.StatusOK, "admin/record_revisions", page)
	}
}

// vndInput shows an amount in a form as people type it: 12.345.678.000.
func vndInput(n int64) string {
	return strings.TrimSuffix(congtin.FormatVND(n), " đồng")
}

// readVND reads an amount typed into field; the message says what is
// wrong with it (nothing typed is 0 unless required).
func readVND(r *http.Request, fe congtin.FieldErrors, field string, required bool) (string, int64) {
	v := formValue(r, field)
	if v == "" && !required {
		return v, 0
	}
	n, err := congtin.ParseVND(v)
	if err != nil {
		fe[field] = congtin.ErrorMessage(err)
	}
	return v, n
}

// readInt reads a whole number typed into field.
func readInt(r *http.Request, fe congtin.FieldErrors, field, msg string) (string, int) {
	v := formValue(r, field)
	n, err := strconv.Atoi(v)
	if err != nil {
		fe[field] = msg
	}
	return v, n
}

// recordForm is what the edit and save handlers of projects and notices
// differ in: T the stored item, In the service's input, F the form as
// typed, P the edit page.
type recordForm[T interface{ Item() *congtin.Item }, In any, F any, P formPage] struct {
	flow     *flowKind
	template string // the edit page's
	flash    string // the confirmation of a save
	load     func(s *Server, r *http.Request, rq *request) (T, error)
	find     func(s *Server) func(ctx context.Context, siteID, id int64) (T, error)
	page     func(s *Server, r *http.Request, rq *request, v T) (P, error)
	// input reads the form; check normalizes and validates it.
	input func(s *Server, r *http.Request, rq *request) (In, F, congtin.FieldErrors)
	check func(s *Server, in *In) error
	// create, update and step are the service's.
	create func(s *Server, ctx context.Context, actor congtin.Actor, siteID int64, in In) (T, error)
	update func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in In) (T, error)
	step   func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in In, st congtin.Step) (*congtin.Item, bool, error)
	// typed and stored are the form's version and the item's; content
	// spells out the form and the stored version for the comparison, with
	// the stored one's change time.
	typed   func(in In) int64
	stored  func(v T) int64
	content func(in In, cur T) (mine, stored string, updated time.Time)
	// fill puts the typed form into the page and returns its editing
	// state.
	fill func(page P, form F) *render.Editing
}

// handleEdit shows the form of a new item (no {id}) or of the one named.
func (k *recordForm[T, In, F, P]) handleEdit(s *Server) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		var v T
		var err error
		if r.PathValue("id") != "" {
			v, err = k.load(s, r, rq)
		} else {
			err = can(rq, congtin.ActCreate, nil)
		}
		var page P
		if err == nil {
			page, err = k.page(s, r, rq, v)
		}
		s.show(w, r, rq, k.template, page, err)
	}
}

// handleSave saves the form as a new draft (no {id}) or over the item,
// with a workflow step when a button of the panel sent it.
func (k *recordForm[T, In, F, P]) handleSave(s *Server) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		var cur T
		var err error
		existing := r.PathValue("id") != ""
		if existing {
			if cur, err = k.load(s, r, rq); err == nil {
				err = allowedForm(w, r, rq, func(rq *request) error { return can(rq, congtin.ActEdit, cur.Item()) })
			}
		} else {
			err = allowedForm(w, r, rq, func(rq *request) error { return can(rq, congtin.ActCreate, nil) })
		}
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		in, form, fe := k.input(s, r, rq)
		if len(fe) == 0 {
			var ve *congtin.ValidationError
			if verr := k.check(s, &in); errors.As(verr, &ve) {
				fe = ve.Fields
			}
		}
		st, stepping := stepOf(r)
		var saved T
		var it *congtin.Item
		var wrote bool
		switch {
		case len(fe) > 0:
		case !existing:
			saved, err = k.create(s, r.Context(), rq.actor, rq.site.ID, in)
		case stepping:
			it, wrote, err = k.step(s, r.Context(), rq.actor, rq.site.ID, cur.Item().ID, in, st)
		default:
			saved, err = k.update(s, r.Context(), rq.actor, rq.site.ID, cur.Item().ID, in)
		}
		if len(fe) > 0 || err != nil {
			k.refuse(s, w, r, rq, cur, existing, in, form, fe, err)
			return
		}
		if it != nil {
			s.redirect(w, r, k.flow.url(it.Ref), stepped(k.flow, it.Ref, st.Act, it, wrote, s.now()))
			return
		}
		s.redirect(w, r, k.flow.url(saved.Item().Ref), k.flash)
	}
}

// refuse shows the form again with what was typed, and when someone else
// saved first, how the two versions differ.
func (k *recordForm[T, In, F, P]) refuse(s *Server, w http.ResponseWriter, r *http.Request, rq *request, cur T, existing bool, in In, form F,
	fe congtin.FieldErrors, err error) {
	msg := invalidInput
	if isEdited(err) {
		msg = notSaved(err)
	}
	s.refuseForm(w, r, rq, k.template, fe, err, msg, func() (formPage, error) {
		var conflict *render.Conflict
		if isEdited(err) {
			it := cur.Item()
			stored, ferr := k.find(s)(r.Context(), rq.site.ID, it.ID)
			if ferr != nil {
				return nil, ferr
			}
			mine, content, updated := k.content(in, stored)
			if conflict, ferr = s.recordConflict(r, rq, it.Kind, it.ID, mine, content, updated); ferr != nil {
				return nil, ferr
			}
			cur = stored
		}
		page, perr := k.page(s, r, rq, cur)
		if perr != nil {
			return nil, perr
		}
		var stored int64
		if existing {
			stored = k.stored(cur)
		}
		refused(k.fill(page, form), k.typed(in), conflict, stored)
		return page, nil
	})
}
