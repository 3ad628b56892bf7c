package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/tabular"
)

// The open-data catalogue (Dữ liệu mở) in the back office: the list, the
// form with its resources (files uploaded, links added) and the workflow
// panel, the revisions. Its themes are managed with the register's lists
// (/admin/danh-muc-van-ban).

const datasetsAdminPath = "/admin/du-lieu-mo"

// DefaultDatasetMaxBytes is the largest dataset file taken unless
// configured (-dataset-max-mb).
const DefaultDatasetMaxBytes = 50 << 20

func datasetAdminURL(id int64) string {
	return datasetsAdminPath + "/" + strconv.FormatInt(id, 10)
}

// datasetService is what the catalogue's pages need.
type datasetService interface {
	FindDatasetByID(ctx context.Context, siteID, id int64) (*congtin.Dataset, error)
	FindDatasets(ctx context.Context, f congtin.DatasetFilter) ([]*congtin.Dataset, int, error)
	FindDatasetRevisions(ctx context.Context, siteID, id int64) ([]*congtin.DatasetRevision, error)
	FindUnits(ctx context.Context, siteID int64) ([]*congtin.Unit, error)
	CreateDataset(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.DatasetInput) (*congtin.Dataset, error)
	UpdateDataset(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DatasetInput) (*congtin.Dataset, error)
	UpdateDatasetStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DatasetInput, s congtin.Step) (*congtin.Item, bool, error)
}

func (s *Server) datasetRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+datasetsAdminPath, s.handleDatasets)
	page("GET "+datasetsAdminPath+"/moi", s.handleNewDataset)
	page("POST "+datasetsAdminPath+"/moi", s.handleCreateDataset)
	page("GET "+datasetsAdminPath+"/{id}", s.handleEditDataset)
	page("POST "+datasetsAdminPath+"/{id}", s.handleSaveDataset)
	page("POST "+datasetsAdminPath+"/{id}/chuyen", s.handleStep(datasetFlow,
		editOf("admin/dataset_edit", s.datasets.FindDatasetByID, s.datasetEditPage)))
	page("GET "+datasetsAdminPath+"/{id}/phien-ban", s.handleDatasetRevisions)
	page("GET "+datasetsAdminPath+"/{id}/tai-nguyen/{rid}", s.handleAdminResource)
}

func (s *Server) datasetMaxBytes() int64 {
	if s.DatasetMaxBytes > 0 {
		return s.DatasetMaxBytes
	}
	return DefaultDatasetMaxBytes
}

// datasetFlow is the catalogue's part in the workflow.
var datasetFlow = &flowKind{
	kind: congtin.KindDataset, heading: "Duyệt tập dữ liệu", headingID: "duyet-du-lieu",
	object:    func(congtin.Ref) string { return "tập dữ liệu" },
	refusedBy: []string{"comment"},
	ref:       refOf((*Server).loadDataset),
	url:       func(ref congtin.Ref) string { return datasetAdminURL(ref.ID) },
}

func (s *Server) loadDataset(r *http.Request, rq *request) (*congtin.Dataset, error) {
	return loadItem(r, rq, "Không tìm thấy tập dữ liệu.", "Bạn chỉ xem được tập dữ liệu do mình soạn.", s.datasets.FindDatasetByID)
}

// handleAdminResource serves a dataset's file to the staff who may see
// the dataset, whatever its state.
func (s *Server) handleAdminResource(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDataset(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	rid, _ := strconv.ParseInt(r.PathValue("rid"), 10, 64)
	for _, res := range d.Resources {
		if res.ID == rid && res.IsFile() {
			if err := docfile.Serve(w, r, docfile.Files{Blobs: s.Blobs}, res.File(), false); err != nil {
				s.error(w, r, rq, err)
			}
			return
		}
	}
	s.error(w, r, rq, congtin.NotFound(congtin.KindResource))
}

// handleDatasets lists the datasets (a reporter's own), newest change
// first, searched and filtered as the URL says.
func (s *Server) handleDatasets(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, documentStatuses, []string{byChange})
	lq.form.Path, lq.form.Mine = datasetsAdminPath, "Tập dữ liệu của tôi"
	f := congtin.DatasetFilter{SiteID: rq.site.ID, Status: lq.form.Status, CreatedBy: lq.writer(rq), Q: lq.form.Q,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize}
	ds, total, err := s.datasets.FindDatasets(ctx, f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	st, err := s.loadStaff(ctx, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.AdminDatasetsPage{AdminBase: rq.base("Dữ liệu mở", "datasets")}
	page.Filter, page.Writers, page.MineURL, page.Total = lq.form, st.options, mineURL(datasetsAdminPath, rq), total
	page.Pager = adminPager(datasetsAdminPath, q, pageNo, total)
	for _, d := range ds {
		page.Rows = append(page.Rows, render.DatasetRow{Dataset: d, Writer: st.name(ctx, d.CreatedBy)})
	}
	page.Flash = s.flash(r)
	status := http.StatusOK
	if msg := lq.message(); msg != "" {
		page.Refuse(msg, lq.errs)
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin/datasets", page)
}

// datasetForm is what the form shows of a stored dataset.
func datasetForm(d *congtin.Dataset) render.DatasetForm {
	f := render.DatasetForm{Title: d.Title, Description: d.Description, Keywords: strings.Join(d.Keywords, ", "), Licence: d.Licence,
		Frequency: d.Frequency, Spatial: d.Spatial, ContactName: d.ContactName, ContactEmail: d.ContactEmail,
		TemporalStart: congtin.DayString(d.TemporalStart), TemporalEnd: congtin.DayString(d.TemporalEnd),
		Issued: congtin.DayString(d.Issued), Modified: congtin.DayString(d.Modified), PublisherID: d.PublisherID, ThemeIDs: map[int64]bool{}}
	for _, t := range d.Themes {
		f.ThemeIDs[t.ID] = true
	}
	return f
}

// datasetEditPage prepares the form page for d (nil: a new one).
func (s *Server) datasetEditPage(r *http.Request, rq *request, d *congtin.Dataset) (*render.DatasetEditPage, error) {
	title := "Tập dữ liệu mới"
	if d != nil {
		title = "Sửa: " + d.Title
	}
	page := &render.DatasetEditPage{AdminBase: rq.base(title, "datasets"), Dataset: d, MaxMB: s.datasetMaxBytes() >> 20,
		Licences: congtin.Licences, Frequencies: congtin.Frequencies, Formats: congtin.ResourceFormats,
		Form: render.DatasetForm{Licence: congtin.DefaultLicence, LinkFormat: congtin.FormatAPI}}
	page.Flash = s.flash(r)
	var err error
	if page.Units, err = s.datasets.FindUnits(r.Context(), rq.site.ID); err != nil {
		return nil, err
	}
	if page.Themes, err = s.documents.FindDocumentTerms(r.Context(), rq.site.ID, congtin.ListThemes); err != nil {
		return nil, err
	}
	var id, version int64
	if d == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
	} else {
		id, version = d.ID, d.Version
		page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, d.Item())
		page.Form = datasetForm(d)
		page.Form.LinkFormat = congtin.FormatAPI
		if page.Workflow, err = s.workflowPanel(r.Context(), rq, datasetFlow, d.Item()); err != nil {
			return nil, err
		}
		if d.IsPublic(s.now()) {
			page.PublicURL = d.Path()
		}
		withSteps(&page.Workflow, page.CanSave, r)
	}
	if !page.CanSave {
		return page, nil
	}
	page.Edit, err = s.editState(r, rq, congtin.KindDataset, id, version)
	return page, err
}

// restoreDataset shows the writer's draft in the form, when asked to.
func (s *Server) restoreDataset(r *http.Request, rq *request, page *render.DatasetEditPage) {
	if d := restoring(r, &page.Edit); d != nil {
		_, form, _ := s.datasetInput(withValues(r, d.Values), nil)
		page.Form, page.Flash = form, restoredFlash(d)
	}
}

// datasetInput reads the form and its files (u; nil for none): the input
// for the service, the form as typed (to show again), and what could not
// be read (a day, a number, a file's table).
func (s *Server) datasetInput(r *http.Request, u *documentUpload) (congtin.DatasetInput, render.DatasetForm, congtin.FieldErrors) {
	v := func(k string) string { return formValue(r, k) }
	form := render.DatasetForm{Title: v("title"), Description: r.PostForm.Get("description"), Keywords: r.PostForm.Get("keywords"),
		Licence: v("licence"), Frequency: v("frequency"), Spatial: v("spatial"), ContactName: v("contact_name"), ContactEmail: v("contact_email"),
		TemporalStart: v("temporal_start"), TemporalEnd: v("temporal_end"), Issued: v("issued"), Modified: v("modified"),
		LinkName: v("link_name"), LinkURL: v("link_url"), LinkFormat: v("link_format"), ThemeIDs: map[int64]bool{}}
	in := congtin.DatasetInput{Title: form.Title, Description: form.Description, Keywords: form.Keywords, Licence: form.Licence,
		Frequency: form.Frequency, Spatial: form.Spatial, ContactName: form.ContactName, ContactEmail: form.ContactEmail,
		Version: formVersion(r.PostForm)}
	fe := congtin.FieldErrors{}
	if p := v("publisher_id"); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id < 0 {
			fe["publisher_id"] = "Đơn vị công bố không hợp lệ."
		}
		in.PublisherID, form.PublisherID = id, id
	}
	for _, x := range r.PostForm["theme"] {
		if id, err := strconv.ParseInt(x, 10, 64); err == nil && id > 0 {
			in.ThemeIDs = append(in.ThemeIDs, id)
			form.ThemeIDs[id] = true
		} else {
			fe["themes"] = "Chủ đề không hợp lệ."
		}
	}
	for _, d := range []struct {
		field, label, text string
		out                *time.Time
	}{
		{"temporal_start", "Ngày bắt đầu", form.TemporalStart, &in.TemporalStart}, {"temporal_end", "Ngày kết thúc", form.TemporalEnd, &in.TemporalEnd},
		{"issued", "Ngày ban hành dữ liệu", form.Issued, &in.Issued}, {"modified", "Ngày cập nhật dữ liệu", form.Modified, &in.Modified},
	} {
		t, ok := congtin.ParseDay(d.text)
		if !ok {
			fe[d.field] = d.label + " không hợp lệ: “" + clipText(d.text) + "”. Hãy chọn một ngày có thật, dạng năm-tháng-ngày."
			continue
		}
		*d.out = t
	}
	for _, x := range r.PostForm["remove_resource"] {
		if id, err := strconv.ParseInt(x, 10, 64); err == nil && id > 0 {
			in.RemoveResources = append(in.RemoveResources, id)
		}
	}
	if u != nil {
		for _, f := range u.files {
			// The preview is read once, here, from the spooled file: no
			// page view reads the file again.
			p, err := tabular.Preview(f.ReaderAt(), f.Size, f.Kind)
			if err != nil {
				fe["resources"] = "Tệp “" + f.Name + "”: " + congtin.ErrorMessage(err)
				continue
			}
			in.AddResources = append(in.AddResources, congtin.ResourceInput{Name: f.Name, Kind: f.Kind, Size: f.Size, Hash: f.Hash,
				FileName: f.Name, Preview: p})
		}
	}
	if form.LinkFormat == "" {
		form.LinkFormat = congtin.FormatAPI // the select's first choice for a link
	}
	if form.LinkURL != "" || form.LinkName != "" {
		in.AddResources = append(in.AddResources, congtin.ResourceInput{Name: form.LinkName, URL: form.LinkURL, Format: form.LinkFormat})
	}
	repair(&form.Title, &form.Description, &form.Keywords, &form.Spatial, &form.ContactName, &form.ContactEmail, &form.LinkName, &form.LinkURL,
		&form.TemporalStart, &form.TemporalEnd, &form.Issued, &form.Modified, &form.Licence, &form.Frequency, &form.LinkFormat)
	return in, form, fe
}

// datasetFormError shows the form again with what was typed.
func (s *Server) datasetFormError(w http.ResponseWriter, r *http.Request, rq *request, d *congtin.Dataset, in congtin.DatasetInput,
	form render.DatasetForm, fe congtin.FieldErrors, err error) {
	msg := invalidInput
	if isEdited(err) {
		msg = notSaved(err)
	}
	s.refuseForm(w, r, rq, "admin/dataset_edit", fe, err, msg, func() (formPage, error) {
		if isEdited(err) {
			cur, ferr := s.datasets.FindDatasetByID(r.Context(), rq.site.ID, d.ID)
			if ferr != nil {
				return nil, ferr
			}
			d = cur
		}
		page, perr := s.datasetEditPage(r, rq, d)
		if perr != nil {
			return nil, perr
		}
		var conflict *render.Conflict
		if isEdited(err) {
			conflict = &render.Conflict{}
			conflict.Compare("Tên tập dữ liệu", in.Title, d.Title, false)
			conflict.Compare("Mô tả", in.Description, d.Description, false)
		}
		page.Form = form
		var stored int64
		if d != nil {
			stored = d.Version
		}
		refused(&page.Edit, in.Version, conflict, stored)
		return page, nil
	})
}

func (s *Server) handleNewDataset(w http.ResponseWriter, r *http.Request, rq *request) {
	err := can(rq, congtin.ActCreate, nil)
	var page *render.DatasetEditPage
	if err == nil {
		page, err = s.datasetEditPage(r, rq, nil)
	}
	if err == nil {
		s.restoreDataset(r, rq, page)
	}
	s.show(w, r, rq, "admin/dataset_edit", page, err)
}

func (s *Server) handleEditDataset(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDataset(r, rq)
	var page *render.DatasetEditPage
	if err == nil {
		page, err = s.datasetEditPage(r, rq, d)
	}
	if err == nil {
		s.restoreDataset(r, rq, page)
	}
	s.show(w, r, rq, "admin/dataset_edit", page, err)
}

func (s *Server) handleCreateDataset(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveDataset(w, r, rq, nil)
}

func (s *Server) handleSaveDataset(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDataset(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, d.Item())
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveDataset(w, r, rq, d)
}

// saveDataset is the create and save handlers' common path, as
// saveConsultation's: the files spooled, sniffed by content and bounded
// as they arrive, stored before the row, taken back when it is not
// written.
func (s *Server) saveDataset(w http.ResponseWriter, r *http.Request, rq *request, d *congtin.Dataset) {
	u, err := readUploadForm(w, r, s.datasetMaxBytes(), tabular.Sniff)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	defer u.close()
	r.PostForm = u.values
	in, form, fe := s.datasetInput(r, u)
	switch {
	case u.tooBig:
		w.Header().Set("Connection", "close")
		fe["resources"] = fmt.Sprintf("Tệp dữ liệu quá lớn: mỗi tệp tối đa %d MB, mỗi lần lưu tối đa %d tệp. Tập dữ liệu chưa được lưu.",
			s.datasetMaxBytes()>>20, maxFilesPerSave)
	case u.refused != nil:
		fe["resources"] = congtin.ErrorMessage(u.refused)
	}
	if len(fe) == 0 {
		in.Normalize()
		var ve *congtin.ValidationError
		if verr := in.Validate(); errors.As(verr, &ve) {
			fe = ve.Fields
		}
	}
	added := &blob.Added{Store: s.Blobs}
	if len(fe) == 0 {
		for _, f := range u.files {
			if err := f.Save(r.Context(), docfile.Files{Blobs: added}); err != nil {
				s.takeBack(r, added)
				s.error(w, r, rq, err)
				return
			}
		}
	}
	st, stepping := stepOf(r)
	var saved *congtin.Dataset
	var it *congtin.Item
	var wrote bool
	switch {
	case len(fe) > 0: // refused before the service is asked
	case d == nil:
		saved, err = s.datasets.CreateDataset(r.Context(), rq.actor, rq.site.ID, in)
	case stepping:
		it, wrote, err = s.datasets.UpdateDatasetStep(r.Context(), rq.actor, rq.site.ID, d.ID, in, st)
	default:
		saved, err = s.datasets.UpdateDataset(r.Context(), rq.actor, rq.site.ID, d.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.takeBack(r, added)
		s.datasetFormError(w, r, rq, d, in, form, fe, err)
		return
	}
	if it != nil {
		s.redirect(w, r, datasetAdminURL(d.ID), stepped(datasetFlow, it.Ref, st.Act, it, wrote, s.now()))
		return
	}
	flash := "Đã lưu tập dữ liệu."
	if d == nil {
		flash = "Đã lưu tập dữ liệu (nháp)."
	}
	s.redirect(w, r, datasetAdminURL(saved.ID), flash)
}

func (s *Server) handleDatasetRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDataset(r, rq)
	var revs []*congtin.DatasetRevision
	if err == nil {
		revs, err = s.datasets.FindDatasetRevisions(r.Context(), rq.site.ID, d.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.DatasetRevisionsPage{AdminBase: rq.base("Phiên bản: "+d.Title, "datasets"), Dataset: d, Revisions: revs}
	if v := r.URL.Query().Get("xem"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			page.Shown, err = findIn(revs, func(rev *congtin.DatasetRevision) int64 { return rev.ID })(id)
		}
		if err != nil {
			s.error(w, r, rq, noRevision())
			return
		}
	}
	s.render(w, r, http.StatusOK, "admin/dataset_revisions", page)
}
