package app

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/congtin/congtin"
)

// canRunPolls refuses an actor who may not manage the site's polls.
func canRunPolls(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActPolls, nil) {
		return forbidden("Chỉ biên tập viên và quản trị viên được quản lý các cuộc thăm dò ý kiến.")
	}
	return nil
}

// pollDetail names a poll in the audit log.
func pollDetail(p *congtin.Poll) string { return p.Question }

// pollOptions turns the form's options into the poll's, in order.
func pollOptions(in congtin.PollInput) []*congtin.PollOption {
	out := make([]*congtin.PollOption, len(in.Options))
	for i, o := range in.Options {
		out[i] = &congtin.PollOption{ID: o.ID, Label: o.Label}
	}
	return out
}

// CreatePoll implements congtin.PollService.
func (a *App) CreatePoll(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.PollInput) (*congtin.Poll, error) {
	if err := canRunPolls(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	for i := range in.Options {
		in.Options[i].ID = 0 // a new poll has only new options
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	p := &congtin.Poll{SiteID: siteID, Question: in.Question, Multiple: in.Multiple, MaxChoices: in.MaxChoices,
		ShowResults: in.ShowResults, OpensAt: in.OpensAt, ClosesAt: in.ClosesAt, Options: pollOptions(in)}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := tx.InsertPoll(ctx, p); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "poll.create", "poll", p.ID, pollDetail(p)))
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// UpdatePoll implements congtin.PollService. Once a poll has votes, its
// options keep what was voted for: none is removed and none changes its
// text (an option may still be added, and the order changed).
func (a *App) UpdatePoll(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PollInput) (*congtin.Poll, error) {
	if err := canRunPolls(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var p *congtin.Poll
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindPoll(ctx, siteID, id)
		if err != nil {
			return err
		}
		old := map[int64]*congtin.PollOption{}
		for _, o := range cur.Options {
			old[o.ID] = o
		}
		given := map[int64]bool{}
		for _, o := range in.Options {
			if o.ID == 0 {
				continue
			}
			prev, ok := old[o.ID]
			if !ok || given[o.ID] {
				return invalid("options", "Phương án không thuộc cuộc thăm dò này; xin tải lại trang rồi sửa lại.")
			}
			given[o.ID] = true
			if cur.Voters > 0 && prev.Label != o.Label {
				return invalid("options", "Cuộc thăm dò đã có người bình chọn nên không sửa được nội dung phương án “"+prev.Label+"”; chỉ có thể thêm phương án mới hoặc đổi thứ tự.")
			}
		}
		if cur.Voters > 0 && (in.Multiple != cur.Multiple || in.MaxChoices < cur.MaxChoices) {
			// Votes already cast would not fit the new rule.
			return invalid("max_choices", "Cuộc thăm dò đã có người bình chọn nên không đổi được cách chọn hay giảm số phương án được chọn.")
		}
		if cur.Voters > 0 {
			for _, o := range cur.Options {
				if !given[o.ID] {
					return invalid("options", "Cuộc thăm dò đã có người bình chọn nên không xóa được phương án “"+o.Label+"”.")
				}
			}
		}
		p = &congtin.Poll{ID: id, SiteID: siteID, Question: in.Question, Multiple: in.Multiple, MaxChoices: in.MaxChoices,
			ShowResults: in.ShowResults, OpensAt: in.OpensAt, ClosesAt: in.ClosesAt, Options: pollOptions(in)}
		if err := tx.UpdatePoll(ctx, p); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "poll.update", "poll", id, pollDetail(p))); err != nil {
			return err
		}
		p, err = tx.FindPoll(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// ClosePoll implements congtin.PollService.
func (a *App) ClosePoll(ctx context.Context, actor congtin.Actor, siteID, id int64) (*congtin.Poll, error) {
	if err := canRunPolls(actor); err != nil {
		return nil, err
	}
	var p *congtin.Poll
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		if p, err = tx.FindPoll(ctx, siteID, id); err != nil {
			return err
		}
		now := tx.Now()
		if p.State(now) == congtin.PollClosed {
			return congtin.Errorf(congtin.EINVALID, "Cuộc thăm dò này đã kết thúc rồi.")
		}
		p.ClosesAt = now
		if p.OpensAt.After(now) {
			p.OpensAt = now.Add(-time.Second) // never opened: it ends now
		}
		if err := tx.UpdatePoll(ctx, p); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "poll.close", "poll", id, pollDetail(p)))
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// DeletePoll implements congtin.PollService.
func (a *App) DeletePoll(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canRunPolls(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		p, err := tx.FindPoll(ctx, siteID, id)
		if err != nil {
			return err
		}
		if p.Voters > 0 {
			return congtin.Errorf(congtin.EINVALID, "Cuộc thăm dò đã có %d lượt bình chọn nên không xóa được; có thể kết thúc sớm để lưu lại kết quả.", p.Voters)
		}
		if err := tx.DeletePoll(ctx, siteID, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "poll.delete", "poll", id, pollDetail(p)))
	})
}

// errVoteUsed is a ballot's form sent a second time.
func errVoteUsed() error {
	return congtin.Errorf(congtin.ECONFLICT, "Phiếu bình chọn từ biểu mẫu này đã được gửi rồi; lượt bình chọn của bạn đã được ghi nhận.")
}

// Vote implements congtin.PollService. The checks and the counts run in
// one write transaction, which the store runs one at a time with the
// other writes: a replayed ballot or a flood from one address cannot slip
// between the check and the count.
func (a *App) Vote(ctx context.Context, siteID, pollID int64, optionIDs []int64, b congtin.Ballot) (*congtin.Poll, error) {
	if b.Nonce == "" {
		return nil, errors.New("vote: a ballot nonce is required")
	}
	var p *congtin.Poll
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		if p, err = tx.FindPoll(ctx, siteID, pollID); err != nil {
			return err
		}
		if err := congtin.CheckChoices(p, optionIDs, tx.Now()); err != nil {
			return err
		}
		if used, err := tx.PollNonceUsed(ctx, b.Nonce); err != nil {
			return err
		} else if used {
			return errVoteUsed()
		}
		if b.Limit > 0 && b.IPHash != "" {
			n, err := tx.CountPollVotesFrom(ctx, b.IPHash, tx.Now().Add(-b.Window))
			if err != nil {
				return err
			}
			if n >= b.Limit {
				return congtin.Errorf(congtin.ETOOMANY, "Địa chỉ mạng của bạn đã bình chọn %s lần trong %s vừa qua, mức tối đa cho phép. Xin vui lòng thử lại sau.",
					strconv.Itoa(b.Limit), windowName(b.Window))
			}
		}
		if err := tx.AddPollVote(ctx, pollID, optionIDs, b); errors.Is(err, congtin.ErrConflict) {
			return errVoteUsed()
		} else if err != nil {
			return err
		}
		p, err = tx.FindPoll(ctx, siteID, pollID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// windowName says a limit's window in Vietnamese: "1 giờ", "30 phút".
func windowName(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return strconv.Itoa(int(d/time.Hour)) + " giờ"
	}
	return strconv.Itoa(int(d/time.Minute)) + " phút"
}
