package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/congtin/congtin"
)

// Bulk actions take one action on the items an editor checked in a list.
// Each item goes through the rules it would meet alone, in a transaction
// of its own, and the results say item by item what happened. An editor
// who checks twenty articles to publish, one of which a reporter has
// taken back meanwhile, gets nineteen published and is told which one was
// not and why, instead of nothing done and a hunt for the culprit; every
// item's step is whole on its own (state, note, audit entry), so nothing
// is left half done between two items.

// bulkActs are the steps a list can take on many items at once. A return
// needs a comment of its own for each writer, so it is not among them.
var bulkActs = []string{congtin.ActSubmit, congtin.ActPublish, congtin.ActUnpublish}

// TransitionMany implements congtin.BulkService.
func (a *App) TransitionMany(ctx context.Context, actor congtin.Actor, kind congtin.Kind, siteID int64, ids []int64, act string) ([]*congtin.BulkResult, error) {
	if !slices.Contains(bulkActs, act) || kind == congtin.KindScheduleWeek {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác hàng loạt không hợp lệ.")
	}
	ids, err := bulkIDs(ids)
	if err != nil {
		return nil, err
	}
	s := congtin.Step{Act: act}
	if err := a.checkStep(kind, &s); err != nil {
		return nil, err
	}
	f := flows[kind]
	find := f.find
	if find == nil {
		find = func(ctx context.Context, tx congtin.Tx, _ congtin.Actor, r congtin.Ref) (*congtin.Item, error) {
			return tx.FindItem(ctx, r)
		}
	}
	return a.bulk(ctx, kind, siteID, ids, func(tx congtin.Tx, res *congtin.BulkResult) error {
		cur, err := find(ctx, tx, actor, res.Ref)
		if err != nil {
			return err
		}
		if !congtin.CanSee(actor, cur) {
			return congtin.NotFound(kind)
		}
		res.Title = cur.Title
		if msg := already(actor, act, cur, f.noun, tx); msg != "" {
			res.Outcome, res.Message = congtin.BulkUnchanged, msg
			return nil
		}
		it, err := a.step(ctx, tx, actor, res.Ref, s)
		if err != nil {
			return err
		}
		res.Item, res.Outcome = it, congtin.BulkDone
		if it.Status == congtin.StatusPublished && it.PublishedAt.After(tx.Now()) {
			res.Outcome = congtin.BulkScheduled
		}
		return nil
	})
}

// already returns why the step act has nothing to do on the item (it is
// already published, taken down, waiting for approval), when the actor
// could have taken the step from the state before; "" otherwise. A
// scheduled article is left to its time: a bulk publication is no way to
// change it.
func already(actor congtin.Actor, act string, it *congtin.Item, noun string, tx congtin.Tx) string {
	var before, msg string
	switch {
	case act == congtin.ActSubmit && it.Status == congtin.StatusSubmitted:
		before, msg = congtin.StatusDraft, upperFirst(noun)+" đang chờ duyệt."
	case act == congtin.ActPublish && it.Status == congtin.StatusPublished:
		before, msg = congtin.StatusDraft, upperFirst(noun)+" đã được xuất bản từ trước."
		if it.PublishedAt.After(tx.Now()) {
			msg = upperFirst(noun) + " đã hẹn giờ xuất bản lúc " + it.PublishedAt.In(congtin.VietnamZone).Format("15:04 02/01/2006") +
				"; hãy mở " + noun + " nếu muốn đổi giờ."
		}
	case act == congtin.ActUnpublish && it.Status == congtin.StatusUnpublished:
		before, msg = congtin.StatusPublished, upperFirst(noun)+" đã được gỡ từ trước."
	default:
		return ""
	}
	was := *it
	was.Status = before
	if !congtin.Can(actor, act, &was) {
		return ""
	}
	return msg
}

// MoveArticles implements congtin.BulkService.
func (a *App) MoveArticles(ctx context.Context, actor congtin.Actor, siteID int64, ids []int64, categoryID int64) ([]*congtin.BulkResult, error) {
	ids, err := bulkIDs(ids)
	if err != nil {
		return nil, err
	}
	cats, err := a.FindCategories(ctx, siteID)
	if err != nil {
		return nil, err
	}
	to := congtin.Categories(cats).ByID(categoryID)
	if to == nil {
		return nil, invalid("category_id", "Hãy chọn chuyên mục để chuyển bài đến.")
	}
	return a.bulk(ctx, congtin.KindArticle, siteID, ids, func(tx congtin.Tx, res *congtin.BulkResult) error {
		art, err := tx.FindArticle(ctx, siteID, res.Ref.ID)
		if err != nil {
			return err
		}
		if !congtin.CanSee(actor, art.Item()) {
			return congtin.NotFound(congtin.KindArticle)
		}
		res.Title = art.Title
		if art.CategoryID == categoryID {
			res.Outcome, res.Message = congtin.BulkUnchanged, "Bài viết đã ở chuyên mục “"+to.Name+"”."
			return nil
		}
		if !congtin.Can(actor, congtin.ActEdit, art.Item()) {
			return forbidden("Bạn không có quyền sửa bài viết ở trạng thái “%s”.", congtin.StatusName(art.Status))
		}
		// The category may have gone since the list was loaded.
		if err := checkCategory(ctx, tx, siteID, categoryID); err != nil {
			return err
		}
		from := "?"
		if c := congtin.Categories(cats).ByID(art.CategoryID); c != nil {
			from = c.Name
		}
		art.CategoryID = categoryID
		if err := tx.UpdateArticle(ctx, art); err != nil {
			return err
		}
		note := "Chuyển chuyên mục: “" + from + "” → “" + to.Name + "”"
		if err := tx.AddRevision(ctx, &congtin.Revision{ArticleID: art.ID, UserID: actor.UserID(), UserName: actor.Name(), Note: note}); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "article.edit", "article", art.ID, art.Title+": "+note)); err != nil {
			return err
		}
		res.Item, res.Outcome = art.Item(), congtin.BulkDone
		return nil
	})
}

// bulkIDs checks the IDs of a bulk action: at least one, at most
// congtin.MaxBulk, each once, in the order given.
func bulkIDs(ids []int64) ([]int64, error) {
	var out []int64
	seen := map[int64]bool{}
	for _, id := range ids {
		if id > 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	switch {
	case len(out) == 0:
		return nil, congtin.Errorf(congtin.EINVALID, "Hãy chọn ít nhất một mục trong danh sách.")
	case len(out) > congtin.MaxBulk:
		return nil, congtin.Errorf(congtin.EINVALID, "Mỗi lần chỉ thao tác được với tối đa %d mục; hãy chọn ít hơn.", congtin.MaxBulk)
	}
	return out, nil
}

// bulk runs one on each item, each in a transaction of its own. one fills
// the item's result (its title as soon as the actor may see it); an error
// rolls the item back, and one the actor can act on (a permission, a
// state, a gone item, a concurrent change) is the item's refusal. Any
// other stops the run: the database is failing, and the items not tried
// are marked so.
func (a *App) bulk(ctx context.Context, kind congtin.Kind, siteID int64, ids []int64, one func(tx congtin.Tx, res *congtin.BulkResult) error) ([]*congtin.BulkResult, error) {
	out := make([]*congtin.BulkResult, 0, len(ids))
	for i, id := range ids {
		res := &congtin.BulkResult{Ref: congtin.Ref{Kind: kind, SiteID: siteID, ID: id}}
		err := a.WithTx(ctx, func(tx congtin.Tx) error {
			*res = congtin.BulkResult{Ref: res.Ref}
			return one(tx, res)
		})
		switch congtin.ErrorCode(err) {
		case "":
		case congtin.EFORBIDDEN, congtin.ENOTFOUND, congtin.EINVALID, congtin.ECONFLICT:
			res.Outcome, res.Message, res.Item = congtin.BulkRefused, refusal(err), nil
		default:
			for _, id := range ids[i:] {
				out = append(out, &congtin.BulkResult{Ref: congtin.Ref{Kind: kind, SiteID: siteID, ID: id}, Outcome: congtin.BulkFailed,
					Message: "Chưa thực hiện được do hệ thống gián đoạn; xin thử lại sau."})
			}
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// refusal is the message of an item's refusal: a form error's own
// messages rather than the form's general one.
func refusal(err error) string {
	var ve *congtin.ValidationError
	if errors.As(err, &ve) {
		msgs := make([]string, 0, len(ve.Fields))
		for _, m := range ve.Fields {
			msgs = append(msgs, m)
		}
		slices.Sort(msgs)
		return strings.Join(msgs, " ")
	}
	return congtin.ErrorMessage(err)
}

// upperFirst capitalizes the first letter of a Vietnamese noun.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
