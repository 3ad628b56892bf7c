package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// projectFlow is the projects' part in the workflow: a project is shown
// to readers when it is published.
var projectFlow = &flow{noun: "dự án", audit: "project"}

// projects is how the service writes projects.
var projects = &record[*congtin.Project, congtin.ProjectInput]{
	kind: congtin.KindProject, noun: "dự án", audit: "project",
	item:    (*congtin.Project).Item,
	content: (*congtin.Project).Content,
	stored:  func(p *congtin.Project) int64 { return p.Version },
	loaded:  func(in *congtin.ProjectInput) int64 { return in.Version },
	find: func(ctx context.Context, tx congtin.Tx, siteID, id int64) (*congtin.Project, error) {
		return tx.FindProject(ctx, siteID, id)
	},
	fresh: func(siteID int64, actor congtin.Actor, now time.Time) *congtin.Project {
		return &congtin.Project{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
	},
	apply:  applyProject,
	insert: func(ctx context.Context, tx congtin.Tx, p *congtin.Project) error { return tx.InsertProject(ctx, p) },
	update: func(ctx context.Context, tx congtin.Tx, p *congtin.Project) error { return tx.UpdateProject(ctx, p) },
}

// applyProject checks that the linked documents are the site's, then
// copies the form into p: the slug made from the name, the description
// sanitized by the one policy.
func applyProject(ctx context.Context, tx congtin.Tx, siteID int64, p *congtin.Project, in *congtin.ProjectInput) error {
	var docs []congtin.ProjectDocument
	seen := map[int64]bool{}
	for _, id := range in.DocumentIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		it, err := tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: id})
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return invalid("documents", "Không có văn bản mã "+itoa(id)+" trong cơ sở dữ liệu văn bản; hãy chọn văn bản khác.")
		} else if err != nil {
			return err
		}
		docs = append(docs, congtin.ProjectDocument{ID: id, Number: it.Title})
	}
	p.Name, p.Slug, p.Investor, p.Location = in.Name, congtin.Slugify(in.Name), in.Investor, in.Location
	p.Investment, p.Funding, p.StartYear, p.EndYear = in.Investment, in.Funding, in.StartYear, in.EndYear
	p.Progress, p.Stage, p.Description, p.Documents = in.Progress, in.Stage, sanitize.HTML(in.Description), docs
	return nil
}

// CreateProject implements congtin.ProjectService.
func (a *App) CreateProject(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProjectInput) (*congtin.Project, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return projects.create(ctx, a, actor, siteID, in)
}

// UpdateProject implements congtin.ProjectService.
func (a *App) UpdateProject(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput) (*congtin.Project, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return projects.edit(ctx, a, actor, siteID, id, in)
}

// UpdateProjectStep implements congtin.ProjectService.
func (a *App) UpdateProjectStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	return projects.saveStep(ctx, a, actor, siteID, id, in, s)
}
