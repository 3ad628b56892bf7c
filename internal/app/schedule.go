package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

// scheduleFlow is the work schedule's part in the workflow: a week goes
// through it as a whole. Weeks are named by their key ("2026-W48"); a
// week without a row is a draft of whoever starts it, and it must have
// entries before it is sent for approval or published.
var scheduleFlow = &flow{noun: "lịch tuần", audit: "schedule", find: findWeekItem, check: checkWeek}

// findWeekItem reads a week's workflow state; a week nobody has written
// yet is a draft of the actor's.
func findWeekItem(ctx context.Context, tx congtin.Tx, actor congtin.Actor, r congtin.Ref) (*congtin.Item, error) {
	if _, err := congtin.ParseWeek(r.Key); err != nil {
		return nil, err
	}
	it, err := tx.FindItem(ctx, r)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return &congtin.Item{Ref: r, Title: r.Key, Status: congtin.StatusDraft, CreatedBy: actor.UserID()}, nil
	}
	return it, err
}

// checkWeek refuses to send or publish a week without entries, and gives
// a week its row (as the draft it was) before its step is written.
func checkWeek(ctx context.Context, tx congtin.Tx, it *congtin.Item, act string) error {
	if act == congtin.ActSubmit || act == congtin.ActPublish {
		if n, err := tx.CountScheduleEntries(ctx, it.SiteID, it.Key); err != nil {
			return err
		} else if n == 0 {
			return congtin.Errorf(congtin.EINVALID, "Tuần %s chưa có mục lịch nào; hãy thêm lịch trước khi gửi duyệt hoặc xuất bản.", it.Key)
		}
	}
	if _, err := tx.FindWeek(ctx, it.SiteID, it.Key); congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return tx.InsertWeek(ctx, &congtin.ScheduleWeek{SiteID: it.SiteID, Week: it.Key, Status: it.Status, CreatedBy: it.CreatedBy})
	} else if err != nil {
		return err
	}
	return nil
}

// editableWeek checks that the actor may change the entries of a week,
// and gives the week a row (a draft of the actor's) when it has none.
func editableWeek(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID int64, week string) error {
	w, err := tx.FindWeek(ctx, siteID, week)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		if !congtin.Can(actor, congtin.ActCreate, nil) {
			return forbidden("Bạn không có quyền soạn lịch công tác.")
		}
		return tx.InsertWeek(ctx, &congtin.ScheduleWeek{SiteID: siteID, Week: week, Status: congtin.StatusDraft, CreatedBy: actor.UserID()})
	} else if err != nil {
		return err
	}
	if !congtin.Can(actor, congtin.ActEdit, w.Item()) {
		return forbidden("Bạn không thể sửa lịch tuần %s ở trạng thái “%s”.", week, congtin.StatusName(w.Status))
	}
	return tx.TouchWeek(ctx, siteID, week)
}

// scheduleDetail names an entry in the audit log.
func scheduleDetail(week string, start time.Time, content string) string {
	return week + ", " + start.In(congtin.VietnamZone).Format("15:04 02/01/2006") + ": " + content
}

// scheduleRevision is a revision of the entry's stored content by the
// actor.
func scheduleRevision(actor congtin.Actor, id int64, note string) *congtin.ScheduleRevision {
	return &congtin.ScheduleRevision{EntryID: id, UserID: actor.UserID(), UserName: actor.Name(), Note: note}
}

// setEntry copies the form into the entry, in the week of its start.
func setEntry(e *congtin.ScheduleEntry, in congtin.ScheduleInput) {
	e.Week = congtin.WeekOf(in.Start).String()
	e.Start, e.End, e.Content, e.Participants, e.Place, e.Chair = in.Start, in.End, in.Content, in.Participants, in.Place, in.Chair
}

// CreateScheduleEntry implements congtin.ScheduleService.
func (a *App) CreateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var e *congtin.ScheduleEntry
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		n := &congtin.ScheduleEntry{SiteID: siteID, CreatedBy: actor.UserID()}
		setEntry(n, in)
		if err := editableWeek(ctx, tx, actor, siteID, n.Week); err != nil {
			return err
		}
		if err := tx.InsertScheduleEntry(ctx, n); err != nil {
			return err
		}
		if err := tx.AddScheduleRevision(ctx, scheduleRevision(actor, n.ID, "Tạo mới")); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "schedule.create", "schedule", n.ID, scheduleDetail(n.Week, n.Start, n.Content))); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindScheduleEntry, SiteID: siteID}); err != nil {
			return err
		}
		var err error
		e, err = tx.FindScheduleEntry(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// UpdateScheduleEntry implements congtin.ScheduleService: the actor must
// be allowed to edit the entry's week and, when a new start moves it,
// the week it moves to.
func (a *App) UpdateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var e *congtin.ScheduleEntry
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindScheduleEntry(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
			return err
		}
		if err := congtin.CheckVersion(cur.Version, in.Version); err != nil {
			return err
		}
		from := cur.Week
		setEntry(cur, in)
		if cur.Week != from {
			if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
				return err
			}
		}
		if err := tx.UpdateScheduleEntry(ctx, cur); err != nil {
			return err
		}
		if err := tx.AddScheduleRevision(ctx, scheduleRevision(actor, id, "Sửa")); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "schedule.edit", "schedule", id, scheduleDetail(cur.Week, cur.Start, cur.Content))); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindScheduleEntry, SiteID: siteID, ID: id}); err != nil {
			return err
		}
		e, err = tx.FindScheduleEntry(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// DeleteScheduleEntry implements congtin.ScheduleService: the entry's
// last version stays as a revision.
func (a *App) DeleteScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindScheduleEntry(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := editableWeek(ctx, tx, actor, siteID, cur.Week); err != nil {
			return err
		}
		if err := tx.AddScheduleRevision(ctx, scheduleRevision(actor, id, "Xóa")); err != nil {
			return err
		}
		if err := tx.DeleteScheduleEntry(ctx, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "schedule.delete", "schedule", id, scheduleDetail(cur.Week, cur.Start, cur.Content)))
	})
}

// TransitionScheduleWeek implements congtin.ScheduleService, through the
// one workflow.
func (a *App) TransitionScheduleWeek(ctx context.Context, actor congtin.Actor, siteID int64, week congtin.Week, act, comment string) (*congtin.ScheduleWeek, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindScheduleWeek, SiteID: siteID, Key: week.String()}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	w, _, err := a.FindScheduleWeek(ctx, siteID, week)
	return w, err
}
