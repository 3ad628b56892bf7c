package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

// record is what creating, saving and stepping differ in between the
// kinds whose revisions are kept as spelled-out content
// (congtin.ProjectRevision): projects and procurement notices. T is the
// stored item (a pointer), In the form, normalized and validated by the
// caller.
type record[T any, In any] struct {
	kind  congtin.Kind
	noun  string // "dự án", in messages
	audit string // the audit log's prefix: project.create…
	// item is the workflow's view of v; content spells v out for its
	// revision, and tells whether a save changed anything.
	item    func(v T) *congtin.Item
	content func(v T) string
	stored  func(v T) int64 // v's version
	loaded  func(in *In) int64
	find    func(ctx context.Context, tx congtin.Tx, siteID, id int64) (T, error)
	// fresh is a new draft of the site by the actor at now.
	fresh func(siteID int64, actor congtin.Actor, now time.Time) T
	// apply checks, in the transaction, what the input refers to (a
	// document, a project of the site), then copies it into v.
	apply  func(ctx context.Context, tx congtin.Tx, siteID int64, v T, in *In) error
	insert func(ctx context.Context, tx congtin.Tx, v T) error
	update func(ctx context.Context, tx congtin.Tx, v T) error
}

func (k *record[T, In]) ref(v T) congtin.Ref { return k.item(v).Ref }

// written records a write of v: its revision, the audit entry and the
// writer's autosaved form gone.
func (k *record[T, In]) written(ctx context.Context, tx congtin.Tx, actor congtin.Actor, v T, note, act string) error {
	it := k.item(v)
	if err := tx.AddProjectRevision(ctx, &congtin.ProjectRevision{SiteID: it.SiteID, Kind: k.kind, ItemID: it.ID, UserID: actor.UserID(),
		UserName: actor.Name(), Note: note, Title: it.Title, Content: k.content(v)}); err != nil {
		return err
	}
	if err := tx.AddAudit(ctx, actor.Entry(it.SiteID, k.audit+"."+act, k.audit, it.ID, it.Title)); err != nil {
		return err
	}
	return saved(ctx, tx, actor, k.ref(v))
}

// create stores a new draft by the actor, with its first revision and
// workflow note, and reads it back.
func (k *record[T, In]) create(ctx context.Context, a *App, actor congtin.Actor, siteID int64, in In) (T, error) {
	var out T
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return out, forbidden("Bạn không có quyền tạo %s.", k.noun)
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		v := k.fresh(siteID, actor, tx.Now())
		if err := k.apply(ctx, tx, siteID, v, &in); err != nil {
			return err
		}
		if err := k.insert(ctx, tx, v); err != nil {
			return err
		}
		if err := tx.AddNote(ctx, &congtin.Note{Item: k.ref(v), UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		// The autosaved form of a new item has no ID yet.
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: k.kind, SiteID: siteID}); err != nil {
			return err
		}
		if err := k.written(ctx, tx, actor, v, "Tạo mới", "create"); err != nil {
			return err
		}
		var err error
		out, err = k.find(ctx, tx, siteID, k.ref(v).ID)
		return err
	})
	return out, err
}

// save writes the form over item id inside tx, with its revision and
// audit entry, once the form is found to be loaded from the stored
// version; when onlyChanged, a form that changes nothing writes nothing.
// It reports whether it wrote.
func (k *record[T, In]) save(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in In, onlyChanged bool) (bool, error) {
	cur, err := k.find(ctx, tx, siteID, id)
	if err != nil {
		return false, err
	}
	it := k.item(cur)
	if !congtin.Can(actor, congtin.ActEdit, it) {
		return false, forbidden("Bạn không có quyền sửa %s ở trạng thái “%s”.", k.noun, congtin.StatusName(it.Status))
	}
	if err := congtin.CheckVersion(k.stored(cur), k.loaded(&in)); err != nil {
		return false, err
	}
	before := k.content(cur)
	if err := k.apply(ctx, tx, siteID, cur, &in); err != nil {
		return false, err
	}
	if onlyChanged && before == k.content(cur) {
		return false, saved(ctx, tx, actor, it.Ref)
	}
	if err := k.update(ctx, tx, cur); err != nil {
		return false, err
	}
	return true, k.written(ctx, tx, actor, cur, "Sửa", "edit")
}

// edit saves new content in a transaction of its own and reads it back.
func (k *record[T, In]) edit(ctx context.Context, a *App, actor congtin.Actor, siteID, id int64, in In) (T, error) {
	var out T
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, err = k.save(ctx, tx, actor, siteID, id, in, false); err != nil {
			return err
		}
		out, err = k.find(ctx, tx, siteID, id)
		return err
	})
	return out, err
}

// saveStep saves the form and takes the step s in one transaction.
func (k *record[T, In]) saveStep(ctx context.Context, a *App, actor congtin.Actor, siteID, id int64, in In, s congtin.Step) (*congtin.Item, bool, error) {
	if err := a.checkStep(k.kind, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if wrote, err = k.save(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: k.kind, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return it, wrote, nil
}
