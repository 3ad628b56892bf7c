package app

import (
	"context"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// flow is a kind of content's part in the editorial workflow. Everything
// else about a step (the state machine, the permission table, the
// comment, the publication time, the note and the audit entry) is the
// same for every kind and lives in Transition.
type flow struct {
	// noun names the kind in messages ("bài viết", "văn bản").
	noun string
	// audit prefixes the audit log's actions ("article" → article.publish).
	audit string
	// schedulable kinds may be given a publication time ahead.
	schedulable bool
	// find reads the item in the transaction; nil: tx.FindItem.
	find func(ctx context.Context, tx congtin.Tx, actor congtin.Actor, r congtin.Ref) (*congtin.Item, error)
	// check refuses a step the item is not ready for (an unanswered
	// question, an empty week), inside the transaction; nil: none.
	check func(ctx context.Context, tx congtin.Tx, it *congtin.Item, act string) error
	// after runs once the step is written (the documents' index); nil:
	// nothing.
	after func(ctx context.Context, tx congtin.Tx, it *congtin.Item) error
}

// flows holds every kind that goes through the workflow. A new kind adds
// its line here (and its table to the store's list, sqlstore.flowTables).
var flows = map[congtin.Kind]*flow{
	congtin.KindArticle:      articleFlow,
	congtin.KindPage:         pageFlow,
	congtin.KindDocument:     documentFlow,
	congtin.KindQuestion:     questionFlow,
	congtin.KindScheduleWeek: scheduleFlow,
	congtin.KindConsultation: consultationFlow,
	congtin.KindDataset:      datasetFlow,
	congtin.KindProject:      projectFlow,
	congtin.KindProcurement:  procurementFlow,
}

// Transition moves an item one step along the workflow (submit,
// withdraw, return, publish, unpublish, decline, or a comment, which
// changes no state) with the editor's comment, in a transaction of its
// own: see step.
func (a *App) Transition(ctx context.Context, actor congtin.Actor, r congtin.Ref, act, comment string, publishAt time.Time) (*congtin.Item, error) {
	s := congtin.Step{Act: act, Comment: comment, PublishAt: publishAt}
	if err := a.checkStep(r.Kind, &s); err != nil {
		return nil, err
	}
	var it *congtin.Item
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		it, err = a.step(ctx, tx, actor, r, s)
		return err
	})
	if err != nil {
		return nil, err
	}
	return it, nil
}

// checkStep checks what a step asks for before any transaction: a step
// the kind knows, a valid comment, a publication time within reach for a
// kind that can be scheduled (and none for another). It trims the
// comment.
func (a *App) checkStep(k congtin.Kind, s *congtin.Step) error {
	f := flows[k]
	if f == nil || !congtin.IsStep(s.Act) {
		return congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	congtin.NFC(&s.Comment)
	s.Comment = strings.TrimSpace(s.Comment)
	if err := congtin.CheckComment(s.Act, s.Comment); err != nil {
		return err
	}
	if !f.schedulable {
		s.PublishAt = time.Time{}
	} else if !s.PublishAt.IsZero() && s.PublishAt.After(a.Now().Add(congtin.MaxPublishSpan)) {
		return invalid("publish_at", "Thời gian xuất bản quá xa trong tương lai (tối đa 5 năm).")
	}
	return nil
}

// step takes one step on an item inside tx, as a part of a larger change
// (a save that sends the article for approval) or alone: it checks the
// step against the item's state and the actor's role inside the
// transaction (the state may have changed since the page was loaded),
// writes the new state and publication time, a workflow note and an audit
// entry. For a schedulable kind, s.PublishAt (when not zero) is the
// publication time; a time ahead schedules it. s must have passed
// checkStep.
func (a *App) step(ctx context.Context, tx congtin.Tx, actor congtin.Actor, r congtin.Ref, s congtin.Step) (*congtin.Item, error) {
	f := flows[r.Kind]
	act, comment := s.Act, s.Comment
	next := congtin.NextStatus(act)
	find := f.find
	if find == nil {
		find = func(ctx context.Context, tx congtin.Tx, _ congtin.Actor, r congtin.Ref) (*congtin.Item, error) {
			return tx.FindItem(ctx, r)
		}
	}
	cur, err := find(ctx, tx, actor, r)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, act, cur) {
		return nil, forbidden("Bạn không có quyền thực hiện thao tác này với %s ở trạng thái “%s”.", f.noun, congtin.StatusName(cur.Status))
	}
	if f.check != nil {
		if err := f.check(ctx, tx, cur, act); err != nil {
			return nil, err
		}
	}
	c := *cur
	it := &c
	if act == congtin.ActComment {
		next = cur.Status // a comment alone changes nothing of the item
	}
	it.Status = next
	if it.PublishedAt, err = congtin.TransitionTime(cur, act, s.PublishAt, tx.Now()); err != nil {
		return nil, err
	}
	if it.CreatedBy == 0 && act == congtin.ActSubmit {
		it.CreatedBy = actor.UserID() // who sends a question's answer takes it on
	}
	if act != congtin.ActComment {
		if err := tx.UpdateItem(ctx, it, comment); err != nil {
			return nil, err
		}
	}
	note := &congtin.Note{Item: r, UserName: actor.Name(), Action: act, Status: next, Comment: comment}
	if act == congtin.ActPublish {
		note.PublishedAt = it.PublishedAt
	}
	if err := tx.AddNote(ctx, note); err != nil {
		return nil, err
	}
	detail := it.Title + ": " + congtin.StatusName(cur.Status) + " → " + stepName(act, next)
	if act == congtin.ActComment {
		detail = it.Title + ": ý kiến"
	}
	if act == congtin.ActPublish && it.PublishedAt.After(tx.Now()) {
		detail += ", hẹn giờ " + it.PublishedAt.In(congtin.VietnamZone).Format("02/01/2006 15:04:05")
	}
	if comment != "" {
		detail += ": " + comment
	}
	if err := tx.AddAudit(ctx, actor.Entry(r.SiteID, f.audit+"."+act, string(r.Kind), r.ID, detail)); err != nil {
		return nil, err
	}
	if f.after != nil && act != congtin.ActComment {
		if err := f.after(ctx, tx, it); err != nil {
			return nil, err
		}
	}
	return it, a.notifyStep(ctx, tx, actor, cur, it, s)
}

// notifyStep tells the people an item's step concerns (its writer, when
// an editor returns or publishes it), inside the step's transaction: see
// notify.
func (a *App) notifyStep(ctx context.Context, tx congtin.Tx, actor congtin.Actor, before, after *congtin.Item, s congtin.Step) error {
	return a.notify(ctx, tx, actor, after, s)
}

// stepName names the state a step leads to; declining a question is
// worded as the asker sees it.
func stepName(act, next string) string {
	if act == congtin.ActDecline {
		return congtin.QAStateName(congtin.QADeclined)
	}
	return congtin.StatusName(next)
}

// revisionNote is the note of a revision made by restoring another.
func revisionNote(id int64) string {
	return "Khôi phục phiên bản #" + itoa(id)
}
