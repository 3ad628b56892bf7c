package app

import (
	"context"

	"github.com/congtin/congtin"
)

// Drafts and edit locks: what the back office keeps of an editor's work
// between saves. A draft or a lock is only for an item the actor may edit
// (a new item: one of a kind the actor may create), so that nobody learns
// through them what they could not open, and nothing a draft holds is
// ever published: it lives in a table of its own until the form is saved
// (the save deletes it, in its transaction) or dismissed.

// draftNoun names a kind's items in messages.
func draftNoun(k congtin.Kind) string {
	switch k {
	case congtin.KindArticle:
		return "bài viết"
	case congtin.KindPage:
		return "trang"
	case congtin.KindDocument:
		return "văn bản"
	case congtin.KindQuestion:
		return "câu hỏi"
	case congtin.KindScheduleEntry:
		return "mục lịch"
	case congtin.KindConsultation:
		return "dự thảo"
	case congtin.KindDataset:
		return "tập dữ liệu"
	case congtin.KindProject:
		return "dự án"
	case congtin.KindProcurement:
		return "thông báo mời thầu"
	}
	return "mục này"
}

// checkDraftRef refuses a reference that names no form the back office
// autosaves.
func checkDraftRef(r congtin.Ref) error {
	if !congtin.IsDraftKind(r.Kind) || r.ID < 0 || r.Key != "" || r.Kind == congtin.KindQuestion && r.ID == 0 {
		return congtin.Errorf(congtin.EINVALID, "Không có biểu mẫu này để lưu tạm.")
	}
	return nil
}

// checkEditable refuses, inside tx, an actor who may not save the form
// of the item r names: the item must exist on the site and the actor be
// allowed to edit it, or, for a new item (ID 0), to create one.
func checkEditable(ctx context.Context, tx congtin.Tx, actor congtin.Actor, r congtin.Ref) error {
	if err := checkDraftRef(r); err != nil {
		return err
	}
	noun := draftNoun(r.Kind)
	if r.ID == 0 {
		if !congtin.Can(actor, congtin.ActCreate, nil) {
			return forbidden("Bạn không có quyền soạn %s mới.", noun)
		}
		return nil
	}
	var it *congtin.Item
	if r.Kind == congtin.KindScheduleEntry {
		e, err := tx.FindScheduleEntry(ctx, r.SiteID, r.ID)
		if err != nil {
			return err
		}
		w, err := tx.FindWeek(ctx, r.SiteID, e.Week)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			// A week nobody has started is anyone's to write.
			if !congtin.Can(actor, congtin.ActCreate, nil) {
				return forbidden("Bạn không có quyền soạn lịch công tác.")
			}
			return nil
		} else if err != nil {
			return err
		}
		it = w.Item()
	} else {
		var err error
		if it, err = tx.FindItem(ctx, r); err != nil {
			return err
		}
	}
	if !congtin.Can(actor, congtin.ActEdit, it) {
		return forbidden("Bạn không có quyền sửa %s này ở trạng thái “%s”.", noun, congtin.StatusName(it.Status))
	}
	return nil
}

// SaveDraft implements congtin.DraftService.
func (a *App) SaveDraft(ctx context.Context, actor congtin.Actor, d *congtin.Draft) error {
	if err := checkDraftRef(d.Item); err != nil {
		return err
	}
	if len(d.Values) > congtin.DraftMaxFields || d.Size() > congtin.DraftMaxBytes {
		return congtin.Errorf(congtin.EINVALID, "Nội dung quá lớn để lưu tạm (tối đa %d MB); hãy lưu biểu mẫu.", congtin.DraftMaxBytes>>20)
	}
	if d.Version < 0 {
		return congtin.Errorf(congtin.EINVALID, "Phiên bản không hợp lệ.")
	}
	d.UserID = actor.UserID()
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkEditable(ctx, tx, actor, d.Item); err != nil {
			return err
		}
		return tx.PutDraft(ctx, d)
	})
}

// DiscardDraft implements congtin.DraftService: the actor forgets their
// own draft only.
func (a *App) DiscardDraft(ctx context.Context, actor congtin.Actor, r congtin.Ref) error {
	if err := checkDraftRef(r); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		return tx.DeleteDraft(ctx, actor.UserID(), r)
	})
}

// HoldLock implements congtin.DraftService.
func (a *App) HoldLock(ctx context.Context, actor congtin.Actor, r congtin.Ref) ([]*congtin.EditLock, error) {
	if err := checkDraftRef(r); err != nil {
		return nil, err
	}
	if r.ID == 0 {
		return nil, congtin.Errorf(congtin.EINVALID, "Một mục mới chưa có ai khác sửa.")
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkEditable(ctx, tx, actor, r); err != nil {
			return err
		}
		return tx.PutLock(ctx, &congtin.EditLock{Item: r, UserID: actor.UserID(), UserName: actor.Name()})
	})
	if err != nil {
		return nil, err
	}
	return a.OtherEditors(ctx, actor, r)
}

// ReleaseLock implements congtin.DraftService.
func (a *App) ReleaseLock(ctx context.Context, actor congtin.Actor, r congtin.Ref) error {
	if err := checkDraftRef(r); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		return tx.DeleteLock(ctx, actor.UserID(), r)
	})
}

// OtherEditors implements congtin.DraftService: the locks renewed within
// congtin.LockTTL, but the actor's own.
func (a *App) OtherEditors(ctx context.Context, actor congtin.Actor, r congtin.Ref) ([]*congtin.EditLock, error) {
	ls, err := a.FindLocks(ctx, r, a.Now().Add(-congtin.LockTTL))
	if err != nil {
		return nil, err
	}
	others := ls[:0]
	for _, l := range ls {
		if l.UserID != actor.UserID() {
			others = append(others, l)
		}
	}
	return others, nil
}

// saved is the end of a form's save inside its transaction: the editor's
// draft of the item (ID 0: of a new one) is no longer needed.
func saved(ctx context.Context, tx congtin.Tx, actor congtin.Actor, r congtin.Ref) error {
	return tx.DeleteDraft(ctx, actor.UserID(), r)
}
