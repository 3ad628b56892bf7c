package admin

import (
	"context"
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
