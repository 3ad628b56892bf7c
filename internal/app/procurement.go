package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

// procurementFlow is the procurement notices' part in the workflow.
var procurementFlow = &flow{noun: "thông báo mời thầu", audit: "procurement"}

// procurements is how the service writes procurement notices.
var procurements = &record[*congtin.Procurement, congtin.ProcurementInput]{
	kind: congtin.KindProcurement, noun: "thông báo mời thầu", audit: "procurement",
	item:    (*congtin.Procurement).Item,
	content: (*congtin.Procurement).Content,
	stored:  func(p *congtin.Procurement) int64 { return p.Version },
	loaded:  func(in *congtin.ProcurementInput) int64 { return in.Version },
	find: func(ctx context.Context, tx congtin.Tx, siteID, id int64) (*congtin.Procurement, error) {
		return tx.FindProcurement(ctx, siteID, id)
	},
	fresh: func(siteID int64, actor congtin.Actor, now time.Time) *congtin.Procurement {
		return &congtin.Procurement{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
	},
	apply: applyProcurement,
	insert: func(ctx context.Context, tx congtin.Tx, p *congtin.Procurement) error {
		return tx.InsertProcurement(ctx, p)
	},
	update: func(ctx context.Context, tx congtin.Tx, p *congtin.Procurement) error {
		return tx.UpdateProcurement(ctx, p)
	},
}

// applyProcurement checks that the project named is the site's, then
// copies the form into p.
func applyProcurement(ctx context.Context, tx congtin.Tx, siteID int64, p *congtin.Procurement, in *congtin.ProcurementInput) error {
	p.ProjectName = ""
	if in.ProjectID != 0 {
		it, err := tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindProject, SiteID: siteID, ID: in.ProjectID})
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return invalid("project", "Không có dự án mã "+itoa(in.ProjectID)+"; hãy chọn dự án khác.")
		} else if err != nil {
			return err
		}
		p.ProjectName = it.Title
	}
	p.Name, p.Slug, p.Entity, p.ProjectID, p.Method = in.Name, congtin.Slugify(in.Name), in.Entity, in.ProjectID, in.Method
	p.EstimatedPrice, p.OpensAt, p.ClosesAt, p.Summary = in.EstimatedPrice, in.OpensAt.UTC(), in.ClosesAt.UTC(), in.Summary
	p.Winner, p.WinningPrice = in.Winner, in.WinningPrice
	return nil
}

// checkProcurement normalizes and validates the form at the store's
// clock: a result only once the bidding has closed.
func (a *App) checkProcurement(in *congtin.ProcurementInput) error {
	in.Normalize()
	return in.Validate(a.Now())
}

// CreateProcurement implements congtin.ProcurementService.
func (a *App) CreateProcurement(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProcurementInput) (*congtin.Procurement, error) {
	if err := a.checkProcurement(&in); err != nil {
		return nil, err
	}
	return procurements.create(ctx, a, actor, siteID, in)
}

// UpdateProcurement implements congtin.ProcurementService.
func (a *App) UpdateProcurement(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput) (*congtin.Procurement, error) {
	if err := a.checkProcurement(&in); err != nil {
		return nil, err
	}
	return procurements.edit(ctx, a, actor, siteID, id, in)
}

// UpdateProcurementStep implements congtin.ProcurementService.
func (a *App) UpdateProcurementStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput, s congtin.Step) (*congtin.Item, bool, error) {
	if err := a.checkProcurement(&in); err != nil {
		return nil, false, err
	}
	return procurements.saveStep(ctx, a, actor, siteID, id, in, s)
}
