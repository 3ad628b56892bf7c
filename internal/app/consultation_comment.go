package app

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

var _ congtin.CommentService = (*App)(nil)

// commentFormUsed is the refusal of a comment form sent a second time.
func commentFormUsed() error {
	return congtin.Errorf(congtin.ECONFLICT, "Ý kiến từ biểu mẫu này đã được gửi rồi. Muốn góp thêm ý kiến, xin mở lại biểu mẫu.")
}

// canModerate refuses an actor who may not publish the consultation: a
// comment published speaks on the agency's page, as the draft does.
func canModerate(actor congtin.Actor, c *congtin.Consultation) error {
	if !congtin.Can(actor, congtin.ActPublish, c.Item()) {
		return forbidden("Chỉ biên tập viên và quản trị viên được duyệt, trả lời ý kiến góp ý và công bố báo cáo tiếp thu.")
	}
	return nil
}

// TooManyComments is the error for a sender over the comment limit.
func TooManyComments(sub congtin.Submission) error {
	return congtin.Errorf(congtin.ETOOMANY, "Bạn đã gửi %d ý kiến trong %d phút vừa qua. Để tránh thư rác, mỗi người chỉ gửi được chừng ấy ý kiến; xin vui lòng đợi ít phút rồi gửi tiếp.",
		sub.Limit, int(sub.Window/time.Minute))
}

// SubmitComment implements congtin.CommentService: a citizen's comment,
// pending moderation, and no audit entry (the audit log keeps addresses
// in clear, which a citizen's must not be). The period, the nonce and the
// sender's count are checked in the transaction of the insert, so that a
// comment sent as the period closes, a form sent twice at once or a
// flood from one sender cannot slip past them.
func (a *App) SubmitComment(ctx context.Context, siteID, consultationID int64, in congtin.CommentInput, sub congtin.Submission) (*congtin.ConsultationComment, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if sub.CodeHash == "" || sub.Nonce == "" {
		return nil, errors.New("submit comment: a code hash and a nonce are required")
	}
	var m *congtin.ConsultationComment
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		c, err := tx.FindConsultation(ctx, siteID, consultationID)
		if err != nil {
			return err
		}
		now := tx.Now()
		if !c.IsPublic(now) {
			return congtin.NotFound(congtin.KindConsultation)
		}
		if now.Before(c.OpensAt) || !now.Before(c.ClosesAt) {
			return c.ClosedError(now)
		}
		if used, err := tx.CommentNonceUsed(ctx, sub.Nonce); err != nil {
			return err
		} else if used {
			return commentFormUsed()
		}
		if sub.Limit > 0 && sub.IPHash != "" {
			n, err := tx.CountCommentsFrom(ctx, sub.IPHash, now.Add(-sub.Window))
			if err != nil {
				return err
			}
			if n >= sub.Limit {
				return TooManyComments(sub)
			}
		}
		m = &congtin.ConsultationComment{SiteID: siteID, ConsultationID: consultationID, Name: in.Name, Organization: in.Organization,
			Email: in.Email, Phone: in.Phone, Article: in.Article, Body: in.Body, Status: congtin.CommentPending, IPHash: sub.IPHash,
			CreatedAt: now, UpdatedAt: now}
		if f := in.File; f != nil {
			m.FileName, m.FileKind, m.FileSize, m.FileHash = f.Name, f.Kind, f.Size, f.Hash
		}
		if err := tx.InsertComment(ctx, m, sub.CodeHash, sub.Nonce); errors.Is(err, congtin.ErrConflict) {
			return commentFormUsed() // the same form sent twice at the same moment: the other one won
		} else if err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// moderationAudit names what a decision did, for the audit log: the
// reason for hiding a comment is kept there and nowhere else.
func moderationAudit(cur *congtin.ConsultationComment, m congtin.CommentModeration) (action, detail string) {
	detail = cur.ArticleName() + " — " + cur.Name
	switch {
	case m.Status != cur.Status && m.Status == congtin.CommentHidden:
		return "comment.hide", detail + " — Lý do: " + m.Reason
	case m.Status != cur.Status && m.Status == congtin.CommentPublished:
		return "comment.publish", detail
	case m.Status != cur.Status:
		return "comment.requeue", detail
	}
	return "comment.answer", detail
}

// ModerateComment implements congtin.CommentService: a comment published,
// hidden (with the reason in the audit log) or put back in the queue, its
// article corrected and its answer written, with one audit entry.
func (a *App) ModerateComment(ctx context.Context, actor congtin.Actor, siteID, id int64, m congtin.CommentModeration) (*congtin.ConsultationComment, error) {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return nil, err
	}
	var out *congtin.ConsultationComment
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindComment(ctx, siteID, id)
		if err != nil {
			return err
		}
		c, err := tx.FindConsultation(ctx, siteID, cur.ConsultationID)
		if err != nil {
			return err
		}
		if err := canModerate(actor, c); err != nil {
			return err
		}
		if err := congtin.CheckVersion(cur.Version, m.Version); err != nil {
			return err
		}
		if m.Status == cur.Status && m.Answer == cur.Answer && m.Article == cur.Article {
			out = cur // nothing to write, nothing to log
			return nil
		}
		action, detail := moderationAudit(cur, m)
		next := *cur
		next.Status, next.Article = m.Status, m.Article
		if m.Answer != cur.Answer {
			next.Answer, next.AnsweredBy, next.AnsweredAt = m.Answer, actor.UserID(), tx.Now()
			if m.Answer == "" {
				next.AnsweredBy, next.AnsweredAt = 0, time.Time{}
			}
			if action == "comment.answer" && m.Answer == "" {
				action = "comment.unanswer"
			}
		}
		if err := tx.UpdateComment(ctx, &next); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, action, "comment", id, detail)); err != nil {
			return err
		}
		out, err = tx.FindComment(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PublishReport implements congtin.CommentService: the drafting body's
// report, after the close only (a report on comments still coming in
// would be incomplete). An empty text without a file takes the report
// down.
func (a *App) PublishReport(ctx context.Context, actor congtin.Actor, siteID, consultationID int64, r congtin.ConsultationReport) (*congtin.Consultation, error) {
	html := sanitize.HTML(r.HTML)
	if len(html) > congtin.MaxBodyBytes {
		return nil, invalid("report", "Nội dung báo cáo quá dài.")
	}
	if f := r.File; f != nil && (f.Hash == "" || f.Size <= 0 || congtin.FileContentType(f.Kind) == "application/octet-stream") {
		return nil, invalid("report_file", "Tệp báo cáo không hợp lệ.")
	}
	var out *congtin.Consultation
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		c, err := tx.FindConsultation(ctx, siteID, consultationID)
		if err != nil {
			return err
		}
		if err := canModerate(actor, c); err != nil {
			return err
		}
		if err := congtin.CheckVersion(c.Version, r.Version); err != nil {
			return err
		}
		now := tx.Now()
		if now.Before(c.ClosesAt) {
			return invalid("report", "Chỉ công bố báo cáo tổng hợp, tiếp thu, giải trình sau khi hết thời gian lấy ý kiến ("+
				c.ClosesAt.In(congtin.VietnamZone).Format("15:04 ngày 02/01/2006")+").")
		}
		file := c.ReportFile
		switch {
		case r.File != nil:
			file = &congtin.DocumentFile{Name: r.File.Name, Kind: r.File.Kind, Size: r.File.Size, Hash: r.File.Hash}
		case r.RemoveFile:
			file = nil
		}
		at, action := c.ReportAt, "consultation.report"
		if at.IsZero() {
			at = now
		}
		if congtin.AnswerEmpty(html) && file == nil {
			at, action = time.Time{}, "consultation.report_remove"
		}
		if err := tx.SetConsultationReport(ctx, siteID, consultationID, html, at, file); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, action, "consultation", consultationID, c.Number+" "+c.Title)); err != nil {
			return err
		}
		out, err = tx.FindConsultation(ctx, siteID, consultationID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PurgeCommentData implements congtin.CommentService, with an audit entry
// per site by the system.
func (a *App) PurgeCommentData(ctx context.Context, before time.Time) (int, error) {
	var n int
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		perSite, err := tx.PurgeComments(ctx, before)
		if err != nil {
			return err
		}
		for _, site := range slices.Sorted(maps.Keys(perSite)) {
			n += perSite[site]
			detail := "Xóa thông tin liên hệ (email, điện thoại, mã địa chỉ) của " + itoa(int64(perSite[site])) + " ý kiến góp ý dự thảo gửi trước " +
				before.In(congtin.VietnamZone).Format("02/01/2006 15:04") + ", theo thời hạn lưu trữ."
			if err := tx.AddAudit(ctx, congtin.Actor{}.Entry(site, "comment.purge", "comment", 0, detail)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
