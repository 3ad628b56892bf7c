package app

import (
	"context"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// datasetFlow is the open-data catalogue's part in the workflow.
var datasetFlow = &flow{noun: "tập dữ liệu", audit: "dataset"}

// checkDatasetInput checks, inside the transaction, what the input refers
// to: a publisher unit and themes of the site, and the resources removed,
// which must be cur's (nil for a new dataset); and how many resources it
// would have. It returns the themes named.
func checkDatasetInput(ctx context.Context, tx congtin.Tx, siteID int64, cur *congtin.Dataset, in *congtin.DatasetInput) ([]*congtin.DocumentTerm, error) {
	fe := congtin.FieldErrors{}
	if in.PublisherID != 0 {
		if ok, err := exists(tx.FindUnit(ctx, siteID, in.PublisherID)); err != nil {
			return nil, err
		} else if !ok {
			fe["publisher_id"] = "Đơn vị công bố này không còn trong cơ cấu tổ chức; hãy chọn đơn vị khác."
		}
	}
	var themes []*congtin.DocumentTerm
	seen := map[int64]bool{}
	for _, id := range in.ThemeIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		t, err := tx.FindDocumentTerm(ctx, siteID, congtin.ListThemes, id)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			fe["themes"] = "Một chủ đề đã chọn không còn tồn tại; hãy chọn lại."
			continue
		} else if err != nil {
			return nil, err
		}
		themes = append(themes, t)
	}
	have := map[int64]bool{}
	n := len(in.AddResources)
	if cur != nil {
		for _, r := range cur.Resources {
			have[r.ID] = true
		}
		n += len(cur.Resources)
	}
	for _, id := range in.RemoveResources {
		if !have[id] {
			fe["resources"] = "Tài nguyên cần gỡ không thuộc tập dữ liệu này."
		}
		n--
	}
	if n > congtin.MaxDatasetResources {
		fe["resources"] = "Mỗi tập dữ liệu có tối đa " + itoa(congtin.MaxDatasetResources) + " tài nguyên."
	}
	if len(fe) > 0 {
		return nil, &congtin.ValidationError{Fields: fe}
	}
	return themes, nil
}

// setDataset copies the form into d: the slug made from the title, the
// keywords split, the resources kept and added.
func setDataset(d *congtin.Dataset, in congtin.DatasetInput, themes []*congtin.DocumentTerm) {
	d.Title, d.Slug, d.Description = in.Title, congtin.Slugify(in.Title), in.Description
	d.PublisherID, d.Themes, d.Keywords = in.PublisherID, themes, congtin.SplitKeywords(in.Keywords)
	d.Licence, d.Frequency = in.Licence, in.Frequency
	d.TemporalStart, d.TemporalEnd, d.Spatial = in.TemporalStart, in.TemporalEnd, in.Spatial
	d.ContactName, d.ContactEmail, d.Issued, d.Modified = in.ContactName, in.ContactEmail, in.Issued, in.Modified
	removed := map[int64]bool{}
	for _, id := range in.RemoveResources {
		removed[id] = true
	}
	var rs []*congtin.Resource
	for _, r := range d.Resources {
		if !removed[r.ID] {
			rs = append(rs, r)
		}
	}
	for _, r := range in.AddResources {
		rs = append(rs, &congtin.Resource{Name: r.Name, Description: r.Description, Format: r.Format,
			MediaType: congtin.ResourceMediaType(r.Format, r.Kind), Kind: r.Kind, Size: r.Size, Hash: r.Hash, FileName: r.FileName,
			URL: r.URL, Preview: r.Preview})
	}
	d.Resources = rs
}

// datasetMeta spells out a dataset's fields besides its title and
// description, one a line, for its revisions and comparisons.
func datasetMeta(d *congtin.Dataset) string {
	var themes []string
	for _, t := range d.Themes {
		themes = append(themes, t.Name)
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(congtin.VietnamZone).Format("02/01/2006")
	}
	return strings.Join([]string{
		"Đơn vị công bố: " + itoa(d.PublisherID),
		"Chủ đề: " + strings.Join(themes, ", "),
		"Từ khóa: " + strings.Join(d.Keywords, ", "),
		"Giấy phép: " + d.Licence,
		"Tần suất cập nhật: " + d.Frequency,
		"Thời gian: " + day(d.TemporalStart) + " – " + day(d.TemporalEnd),
		"Phạm vi không gian: " + d.Spatial,
		"Liên hệ: " + d.ContactName + " " + d.ContactEmail,
		"Ngày ban hành: " + day(d.Issued),
		"Ngày cập nhật: " + day(d.Modified),
	}, "\n")
}

// resourceList spells out a dataset's resources (a new one has no ID
// yet, so it always differs).
func resourceList(rs []*congtin.Resource) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Name + " (" + r.Format + ") #" + itoa(r.ID))
	}
	return b.String()
}

// sameDataset reports whether two versions have the same content.
func sameDataset(a, b *congtin.Dataset) bool {
	return a.Title == b.Title && a.Description == b.Description && datasetMeta(a) == datasetMeta(b) &&
		resourceList(a.Resources) == resourceList(b.Resources)
}

// addDatasetRevision keeps d's content as a revision by the actor.
func addDatasetRevision(ctx context.Context, tx congtin.Tx, actor congtin.Actor, d *congtin.Dataset, note string) error {
	return tx.AddDatasetRevision(ctx, &congtin.DatasetRevision{SiteID: d.SiteID, DatasetID: d.ID, UserID: actor.UserID(),
		UserName: actor.Name(), Note: note, Title: d.Title, Description: d.Description, Meta: datasetMeta(d), Resources: resourceList(d.Resources)})
}

// CreateDataset implements congtin.DatasetService: a new draft by the
// actor, with its first revision and workflow note.
func (a *App) CreateDataset(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.DatasetInput) (*congtin.Dataset, error) {
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, forbidden("Bạn không có quyền tạo tập dữ liệu.")
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var d *congtin.Dataset
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		themes, err := checkDatasetInput(ctx, tx, siteID, nil, &in)
		if err != nil {
			return err
		}
		now := tx.Now()
		n := &congtin.Dataset{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
		setDataset(n, in, themes)
		if err := tx.InsertDataset(ctx, n); err != nil {
			return err
		}
		if err := addDatasetRevision(ctx, tx, actor, n, "Tạo mới"); err != nil {
			return err
		}
		ref := congtin.Ref{Kind: congtin.KindDataset, SiteID: siteID, ID: n.ID}
		if err := tx.AddNote(ctx, &congtin.Note{Item: ref, UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindDataset, SiteID: siteID}); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "dataset.create", "dataset", n.ID, n.Title)); err != nil {
			return err
		}
		d, err = tx.FindDataset(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// UpdateDataset implements congtin.DatasetService: new content, kept as a
// revision.
func (a *App) UpdateDataset(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DatasetInput) (*congtin.Dataset, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var d *congtin.Dataset
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, err = updateDataset(ctx, tx, actor, siteID, id, in, false); err != nil {
			return err
		}
		d, err = tx.FindDataset(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// updateDataset writes the form over dataset id inside tx, with its
// revision and audit entry, once the form is found to be loaded from the
// stored version; when onlyChanged, a form that changes nothing writes
// nothing. It reports whether it wrote.
func updateDataset(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.DatasetInput, onlyChanged bool) (bool, error) {
	cur, err := tx.FindDataset(ctx, siteID, id)
	if err != nil {
		return false, err
	}
	if !congtin.Can(actor, congtin.ActEdit, cur.Item()) {
		return false, forbidden("Bạn không có quyền sửa tập dữ liệu ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := congtin.CheckVersion(cur.Version, in.Version); err != nil {
		return false, err
	}
	themes, err := checkDatasetInput(ctx, tx, siteID, cur, &in)
	if err != nil {
		return false, err
	}
	before := *cur
	setDataset(cur, in, themes)
	ref := congtin.Ref{Kind: congtin.KindDataset, SiteID: siteID, ID: id}
	if onlyChanged && sameDataset(&before, cur) {
		return false, saved(ctx, tx, actor, ref)
	}
	if err := tx.UpdateDataset(ctx, cur); err != nil {
		return false, err
	}
	if err := addDatasetRevision(ctx, tx, actor, cur, "Sửa"); err != nil {
		return false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "dataset.edit", "dataset", id, cur.Title)); err != nil {
		return false, err
	}
	return true, saved(ctx, tx, actor, ref)
}

// UpdateDatasetStep implements congtin.DatasetService: the form saved and
// the step taken in one transaction.
func (a *App) UpdateDatasetStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DatasetInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	if err := a.checkStep(congtin.KindDataset, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if wrote, err = updateDataset(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindDataset, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return it, wrote, nil
}

// TransitionDataset implements congtin.DatasetService, through the one
// workflow.
func (a *App) TransitionDataset(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Dataset, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindDataset, SiteID: siteID, ID: id}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	return a.FindDatasetByID(ctx, siteID, id)
}
