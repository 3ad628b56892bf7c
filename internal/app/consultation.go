package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// consultationFlow is the consultations' part in the workflow: a draft
// is put out for comment when it is published.
var consultationFlow = &flow{noun: "dự thảo lấy ý kiến", audit: "consultation"}

// checkConsultationDocument refuses a resulting document that is not one
// of the site's.
func checkConsultationDocument(ctx context.Context, tx congtin.Tx, siteID int64, in *congtin.ConsultationInput) error {
	if in.DocumentID == 0 {
		return nil
	}
	if ok, err := exists(tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: in.DocumentID})); err != nil {
		return err
	} else if !ok {
		return invalid("document_id", "Không có văn bản mã "+itoa(in.DocumentID)+" trong cơ sở dữ liệu văn bản; hãy chọn văn bản khác.")
	}
	return nil
}

// setConsultation copies the form into c: the slug made from the title,
// the draft's text sanitized by the one policy.
func setConsultation(c *congtin.Consultation, in congtin.ConsultationInput) {
	c.Number, c.Title, c.Slug, c.Drafter = in.Number, in.Title, congtin.Slugify(in.Title), in.Drafter
	c.Summary, c.Body, c.Contact = in.Summary, sanitize.HTML(in.Body), in.Contact
	c.OpensAt, c.ClosesAt, c.DocumentID = in.OpensAt.UTC(), in.ClosesAt.UTC(), in.DocumentID
}

// sameConsultation reports whether two versions have the same content.
func sameConsultation(a, b *congtin.Consultation) bool {
	return a.Number == b.Number && a.Title == b.Title && a.Drafter == b.Drafter && a.Summary == b.Summary && a.Body == b.Body &&
		a.OpensAt.Equal(b.OpensAt) && a.ClosesAt.Equal(b.ClosesAt) && a.Contact == b.Contact && a.DocumentID == b.DocumentID
}

// addConsultationRevision keeps c's content as a revision by the actor.
func addConsultationRevision(ctx context.Context, tx congtin.Tx, actor congtin.Actor, c *congtin.Consultation, note string) error {
	return tx.AddConsultationRevision(ctx, &congtin.ConsultationRevision{SiteID: c.SiteID, ConsultationID: c.ID, UserID: actor.UserID(),
		UserName: actor.Name(), Note: note, Number: c.Number, Title: c.Title, Drafter: c.Drafter, Summary: c.Summary, Body: c.Body,
		OpensAt: c.OpensAt, ClosesAt: c.ClosesAt, Contact: c.Contact, DocumentID: c.DocumentID})
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
		if err := checkConsultationDocument(ctx, tx, siteID, &in); err != nil {
			return err
		}
		now := tx.Now()
		n := &congtin.Consultation{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
		setConsultation(n, in)
		if err := tx.InsertConsultation(ctx, n); err != nil {
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
	if err := checkConsultationDocument(ctx, tx, siteID, &in); err != nil {
		return false, err
	}
	before := *cur
	setConsultation(cur, in)
	ref := congtin.Ref{Kind: congtin.KindConsultation, SiteID: siteID, ID: id}
	if onlyChanged && sameConsultation(&before, cur) {
		return false, saved(ctx, tx, actor, ref)
	}
	if err := tx.UpdateConsultation(ctx, cur); err != nil {
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
