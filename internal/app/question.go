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

// questionFlow is the Q&A's part in the workflow: an answer goes out when
// it is published, never at a time ahead, and only once it is written.
var questionFlow = &flow{noun: "câu hỏi", audit: "question", check: checkAnswered}

// checkAnswered refuses to send for approval or to publish a question
// whose answer is empty (congtin.CheckAnswered).
func checkAnswered(ctx context.Context, tx congtin.Tx, it *congtin.Item, act string) error {
	if act != congtin.ActSubmit && act != congtin.ActPublish {
		return nil
	}
	q, err := tx.FindQuestion(ctx, it.SiteID, it.ID)
	if err != nil {
		return err
	}
	return congtin.CheckAnswered(q, act)
}

// Errors of the Q&A's forms.
func noQAField() error { return invalid("field_id", "Hãy chọn lĩnh vực.") }
func qaFieldGone() error {
	return invalid("field_id", "Lĩnh vực này không còn tồn tại; hãy chọn lĩnh vực khác.")
}
func formUsed() error {
	return congtin.Errorf(congtin.ECONFLICT, "Câu hỏi từ biểu mẫu này đã được gửi rồi. Muốn hỏi thêm, xin mở lại biểu mẫu.")
}

// checkQAField makes sure the field is the site's; none chosen is only
// right for a site without fields.
func checkQAField(ctx context.Context, tx congtin.Tx, siteID, id int64) error {
	if id == 0 {
		if has, err := tx.HasQAFields(ctx, siteID); err != nil {
			return err
		} else if has {
			return noQAField()
		}
		return nil
	}
	if _, err := tx.FindQAField(ctx, siteID, id); congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return qaFieldGone()
	} else if err != nil {
		return err
	}
	return nil
}

// questionWriteErr is the error of a question's write: a field deleted by
// a concurrent writer since checkQAField is the form error it gives.
func questionWriteErr(err error) error {
	if errors.Is(err, congtin.ErrGone) {
		return qaFieldGone()
	}
	return err
}

// SubmitQuestion implements congtin.QuestionService: a citizen's
// question, with its first revision, and no audit entry. The nonce and
// the sender's count are checked in the transaction of the insert, which
// the store runs one at a time with the other writes, so that neither a
// form sent twice at once nor a flood from one sender gets past them.
func (a *App) SubmitQuestion(ctx context.Context, siteID int64, in congtin.QuestionInput, sub congtin.Submission) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if sub.CodeHash == "" || sub.Nonce == "" {
		return nil, errors.New("submit question: a code hash and a nonce are required")
	}
	var q *congtin.Question
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkQAField(ctx, tx, siteID, in.FieldID); err != nil {
			return err
		}
		if used, err := tx.QuestionNonceUsed(ctx, sub.Nonce); err != nil {
			return err
		} else if used {
			return formUsed()
		}
		if sub.Limit > 0 && sub.IPHash != "" {
			n, err := tx.CountQuestionsFrom(ctx, sub.IPHash, tx.Now().Add(-sub.Window))
			if err != nil {
				return err
			}
			if n >= sub.Limit {
				return congtin.TooManyQuestions(sub)
			}
		}
		now := tx.Now()
		q = &congtin.Question{SiteID: siteID, FieldID: in.FieldID, Title: in.Title, Body: in.Body, Status: congtin.StatusDraft,
			Name: in.Name, Email: in.Email, Phone: in.Phone, IPHash: sub.IPHash, CreatedAt: now, UpdatedAt: now}
		if err := tx.InsertQuestion(ctx, q, sub.CodeHash, sub.Nonce); errors.Is(err, congtin.ErrConflict) {
			return formUsed() // the same form sent twice at the same moment: the other one won
		} else if err != nil {
			return questionWriteErr(err)
		}
		return tx.AddQuestionRevision(ctx, &congtin.QuestionRevision{QuestionID: q.ID, Note: "Câu hỏi gốc của người hỏi"})
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// UpdateQuestion implements congtin.QuestionService: the newsroom's edit,
// the answer sanitized, kept as a revision. Whoever first saves an answer
// takes the question on.
func (a *App) UpdateQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit) (*congtin.Question, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var q *congtin.Question
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		q, _, err = updateQuestion(ctx, tx, actor, siteID, id, in, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// updateQuestion writes the edit over question id inside tx, with its
// revision and audit entry, once the form is found to be loaded from the
// stored version; when onlyChanged, an edit that changes nothing writes
// nothing. It reports whether it wrote.
func updateQuestion(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit, onlyChanged bool) (*congtin.Question, bool, error) {
	q, err := tx.FindQuestion(ctx, siteID, id)
	if err != nil {
		return nil, false, err
	}
	if !congtin.CanQuestion(actor, congtin.ActEdit, q) {
		return nil, false, forbidden("Bạn không có quyền sửa câu trả lời này khi câu hỏi ở trạng thái “%s”.", congtin.StatusName(q.Status))
	}
	if err := congtin.CheckVersion(q.Version, in.Version); err != nil {
		return nil, false, err
	}
	if err := checkQAField(ctx, tx, siteID, in.FieldID); err != nil {
		return nil, false, err
	}
	answer := sanitize.HTML(in.Answer)
	ref := congtin.Ref{Kind: congtin.KindQuestion, SiteID: siteID, ID: id}
	if onlyChanged && q.FieldID == in.FieldID && q.Title == in.Title && q.Body == in.Body && q.Answer == answer {
		return q, false, saved(ctx, tx, actor, ref)
	}
	q.FieldID, q.Title, q.Body, q.Answer = in.FieldID, in.Title, in.Body, answer
	if q.AnsweredBy == 0 {
		q.AnsweredBy = actor.UserID()
	}
	if err := tx.UpdateQuestion(ctx, q); err != nil {
		return nil, false, questionWriteErr(err)
	}
	if err := tx.AddQuestionRevision(ctx, &congtin.QuestionRevision{QuestionID: id, UserID: actor.UserID(), UserName: actor.Name(), Note: "Sửa"}); err != nil {
		return nil, false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "question.edit", "question", id, q.Title)); err != nil {
		return nil, false, err
	}
	return q, true, saved(ctx, tx, actor, ref)
}

// UpdateQuestionStep implements congtin.QuestionService: the edit saved
// and the step taken in one transaction (an answer sent for approval as
// it is on the screen).
func (a *App) UpdateQuestionStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QuestionEdit, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	if err := a.checkStep(congtin.KindQuestion, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, wrote, err = updateQuestion(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindQuestion, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return it, wrote, nil
}

// TransitionQuestion implements congtin.QuestionService: the workflow's
// Transition for a question.
func (a *App) TransitionQuestion(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Question, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindQuestion, SiteID: siteID, ID: id}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	return a.FindQuestionByID(ctx, siteID, id)
}

// PurgeQuestionData implements congtin.QuestionService, with an audit
// entry per site by the system.
func (a *App) PurgeQuestionData(ctx context.Context, before time.Time) (int, error) {
	var n int
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		perSite, err := tx.PurgeQuestions(ctx, before)
		if err != nil {
			return err
		}
		for _, site := range slices.Sorted(maps.Keys(perSite)) {
			n += perSite[site]
			if err := tx.AddAudit(ctx, congtin.Actor{}.Entry(site, "question.purge", "question", 0, congtin.PurgeDetail(perSite[site], before))); err != nil {
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

// checkQAFieldName refuses a name, or a slug, that another field of the
// site has.
func checkQAFieldName(ctx context.Context, tx congtin.Tx, f *congtin.QAField) error {
	if free, err := tx.QAFieldNameFree(ctx, f.SiteID, f.Name, f.Slug, f.ID); err != nil {
		return err
	} else if !free {
		return invalid("name", "Đã có lĩnh vực “"+f.Name+"” (hoặc một tên rất giống).")
	}
	return nil
}

// CreateQAField implements congtin.QuestionService.
func (a *App) CreateQAField(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.QAFieldInput) (*congtin.QAField, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	f := &congtin.QAField{SiteID: siteID, Name: in.Name, Slug: congtin.Slugify(in.Name), Position: in.Position}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkQAFieldName(ctx, tx, f); err != nil {
			return err
		}
		if err := tx.InsertQAField(ctx, f); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "qa_field.create", "qa_field", f.ID, f.Name))
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// UpdateQAField implements congtin.QuestionService.
func (a *App) UpdateQAField(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QAFieldInput) (*congtin.QAField, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	f := &congtin.QAField{ID: id, SiteID: siteID, Name: in.Name, Slug: congtin.Slugify(in.Name), Position: in.Position}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindQAField(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := checkQAFieldName(ctx, tx, f); err != nil {
			return err
		}
		if err := tx.UpdateQAField(ctx, f); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "qa_field.update", "qa_field", id, cur.Name+" → "+f.Name))
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// DeleteQAField implements congtin.QuestionService: only a field no
// question is filed under goes.
func (a *App) DeleteQAField(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManage(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindQAField(ctx, siteID, id)
		if err != nil {
			return err
		}
		n, err := tx.QAFieldInUse(ctx, id)
		if err != nil {
			return err
		}
		inUse := congtin.Errorf(congtin.ECONFLICT, "Không thể xóa lĩnh vực “%s”: đang có %d câu hỏi thuộc lĩnh vực này.", cur.Name, max(n, 1))
		if n > 0 {
			return inUse
		}
		if err := tx.DeleteQAField(ctx, id); errors.Is(err, congtin.ErrGone) {
			return inUse // a question filed under it meanwhile
		} else if err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "qa_field.delete", "qa_field", id, cur.Name))
	})
}
