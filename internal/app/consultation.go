package app

import (
	"context"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// consultationFlow is the consultations' part in the workflow: a draft
// is put out for comment when it is published.
var consultationFlow = &flow{noun: "dự thảo lấy ý kiến", audit: "consultation"}

// checkConsultationInput checks, inside the transaction, what the input
// refers to: a resulting document of the site, and the files removed,
// which must be cur's (nil for a new consultation); and how many files it
// would have.
func checkConsultationInput(ctx context.Context, tx congtin.Tx, siteID int64, cur *congtin.Consultation, in *congtin.ConsultationInput) error {
	fe := congtin.FieldErrors{}
	if in.DocumentID != 0 {
		if ok, err := exists(tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: in.DocumentID})); err != nil {
			return err
		} else if !ok {
			fe["document_id"] = "Không có văn bản mã " + itoa(in.DocumentID) + " trong cơ sở dữ liệu văn bản; hãy chọn văn bản khác."
		}
	}
	var have []*congtin.DocumentFile
	if cur != nil {
		have = cur.Files
	}
	checkFiles(fe, "dự thảo", have, in.AddFiles, in.RemoveFiles)
	if len(fe) > 0 {
		return &congtin.ValidationError{Fields: fe}
	}
	return nil
}

// setConsultation copies the form into c: the slug made from the title,
// the draft's text sanitized by the one policy, the files kept and added;
// it returns the new files.
func setConsultation(c *congtin.Consultation, in congtin.ConsultationInput) (added []*congtin.DocumentFile) {
	c.Number, c.Title, c.Slug, c.Drafter = in.Number, in.Title, congtin.Slugify(in.Title), in.Drafter
	c.Summary, c.Body, c.Contact = in.Summary, sanitize.HTML(in.Body), in.Contact
	c.OpensAt, c.ClosesAt, c.DocumentID = in.OpensAt.UTC(), in.ClosesAt.UTC(), in.DocumentID
	c.Files, added = applyFiles(c.Files, in.AddFiles, in.RemoveFiles)
	return added
}

// sameConsultation reports whether two versions have the same content.
func sameConsultation(a, b *congtin.Consultation) bool {
	return a.Number == b.Number && a.Title == b.Title && a.Drafter == b.Drafter && a.Summary == b.Summary && a.Body == b.Body &&
		a.OpensAt.Equal(b.OpensAt) && a.ClosesAt.Equal(b.ClosesAt) && a.Contact == b.Contact && a.DocumentID == b.DocumentID &&
		fileNames(a.Files) == fileNames(b.Files)
}

// fileNames spells out a list of files (a new one has no ID yet, so it
// always differs), for revisions and comparisons.
func fileNames(fs []*congtin.DocumentFile) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Name + " #" + itoa(f.ID))
	}
	return b.String()
}

// addConsultationRevision keeps c's content as a revision by the actor.
func addConsultationRevision(ctx context.Context, tx congtin.Tx, actor congtin.Actor, c *congtin.Consultation, note string) error {
	return tx.AddConsultationRevision(ctx, &congtin.ConsultationRevision{SiteID: c.SiteID, ConsultationID: c.ID, UserID: actor.UserID(),
		UserName: actor.Name(), Note: note, Number: c.Number, Title: c.Title, Drafter: c.Drafter, Summary: c.Summary, Body: c.Body,
		OpensAt: c.OpensAt, ClosesAt: c.ClosesAt, Contact: c.Contact, DocumentID: c.DocumentID, Files: fileNames(c.Files)})
}

// CreateConsultation implements congtin.ConsultationService: a new draft
// by the actor, with its first revision and workflow note.
func (a *App) CreateConsultation(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ConsultationInput) (*congtin.Consultation, error) {
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, forbidden("Bạn không có quyền tạo dự thảo lấy ý kiến.")
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var c *congtin.Consultation
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkConsultationInput(ctx, tx, siteID, nil, &in); err != nil {
			return err
		}
		now := tx.Now()
		n := &congtin.Consultation{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
		added := setConsultation(n, in)
		if err := tx.InsertConsultation(ctx, n); err != nil {
			return err
		}
		if err := queueFileTexts(ctx, tx, siteID, congtin.JobConsultationFileText, added); err != nil {
			return err
		}
		if err := addConsultationRevision(ctx, tx, actor, n, "Tạo mới"); err != nil {
			return err
		}
		ref := congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID, ID: n.ID}
		if err := tx.AddNote(ctx, &congtin.Note{Item: ref, UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID}); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "consultation.create", "consultation", n.ID, n.Number+" "+n.Title)); err != nil {
			return err
		}
		var err error
		c, err = tx.FindConsultation(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	a.wakeJobs()
	return c, nil
}

// UpdateConsultation implements congtin.ConsultationService: new content,
// kept as a revision.
func (a *App) UpdateConsultation(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ConsultationInput) (*congtin.Consultation, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var c *congtin.Consultation
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, err = updateConsultation(ctx, tx, actor, siteID, id, in, false); err != nil {
			return err
		}
		c, err = tx.FindConsultation(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	a.wakeJobs()
	return c, nil
}

// updateConsultation writes the form over consultation id inside tx,
// with its revision and audit entry, once the form is found to be loaded
// from the stored version; when onlyChanged, a form that changes nothing
// writes nothing. It reports whether it wrote.
func updateConsultation(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.ConsultationInput, onlyChanged bool) (bool, error) {
	cur, err := tx.FindConsultation(ctx, siteID, id)
	if err != nil {
		return false, err
	}
	if !congtin.Can(actor, congtin.ActEdit, cur.Item()) {
		return false, forbidden("Bạn không có quyền sửa dự thảo lấy ý kiến ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := congtin.CheckVersion(cur.Version, in.Version); err != nil {
		return false, err
	}
	if err := checkConsultationInput(ctx, tx, siteID, cur, &in); err != nil {
		return false, err
	}
	before := *cur
	added := setConsultation(cur, in)
	ref := congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID, ID: id}
	if onlyChanged && sameConsultation(&before, cur) {
		return false, saved(ctx, tx, actor, ref)
	}
	if err := tx.UpdateConsultation(ctx, cur); err != nil {
		return false, err
	}
	if err := queueFileTexts(ctx, tx, siteID, congtin.JobConsultationFileText, added); err != nil {
		return false, err
	}
	if err := addConsultationRevision(ctx, tx, actor, cur, "Sửa"); err != nil {
		return false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "consultation.edit", "consultation", id, cur.Number+" "+cur.Title)); err != nil {
		return false, err
	}
	return true, saved(ctx, tx, actor, ref)
}

// UpdateConsultationStep implements congtin.ConsultationService: the form
// saved and the step taken in one transaction.
func (a *App) UpdateConsultationStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ConsultationInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	if err := a.checkStep(congtin.KindConsultation, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if wrote, err = updateConsultation(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	a.wakeJobs()
	return it, wrote, nil
}

// TransitionConsultation implements congtin.ConsultationService, through
// the one workflow.
func (a *App) TransitionConsultation(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Consultation, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID, ID: id}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	return a.FindConsultationByID(ctx, siteID, id)
}
