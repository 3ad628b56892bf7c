package admin

import (
	"net/http"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The edit forms of the workflow's kinds, as one: their id, which the
// workflow panel's buttons submit when the actor may save the form (the
// save and the step then go in one transaction), the step such a button
// asks for, and the conflict view of a save refused because someone else
// saved first.

// editFormID is the id of an edit page's form.
const editFormID = "edit-form"

// stepOf reads the workflow step a button of an edit form asks for,
// with the panel's comment; false when the form was sent with Lưu.
func stepOf(r *http.Request) (congtin.Step, bool) {
	act := r.PostForm.Get("action")
	if act == "" {
		return congtin.Step{}, false
	}
	return congtin.Step{Act: act, Comment: r.PostForm.Get("comment")}, true
}

// stepped words the confirmation of a step: the kind's own words or
// "Đã chuyển … sang trạng thái …", the scheduled time of a publication
// ahead, and, when the form changed something, that it was saved first.
func stepped(k *flowKind, ref congtin.Ref, act string, it *congtin.Item, wrote bool, now time.Time) string {
	msg := "Đã chuyển " + k.object(ref) + " sang trạng thái “" + congtin.StatusName(it.Status) + "”."
	switch act {
	case congtin.ActWithdraw:
		msg = "Đã rút lại " + k.object(ref) + "; trạng thái trở về “" + congtin.StatusName(it.Status) + "” để bạn sửa tiếp."
	case congtin.ActComment:
		msg = "Đã gửi ý kiến cho người soạn."
	}
	if k.done != nil {
		if m := k.done(act); m != "" {
			msg = m
		}
	}
	if it.Status == congtin.StatusPublished && it.PublishedAt.After(now) {
		msg = "Đã hẹn giờ xuất bản lúc " + it.PublishedAt.In(congtin.VietnamZone).Format("15:04:05 02/01/2006") + "."
	}
	if wrote {
		msg = "Đã lưu thay đổi. " + msg
	}
	return msg
}

// withSteps lets the page's workflow buttons submit its edit form, when
// the actor may save it, and puts back the comment typed with a refused
// step.
func withSteps(w *render.Workflow, canSave bool, r *http.Request) {
	if canSave {
		w.Form = editFormID
	}
	if r.Method == http.MethodPost && r.PostForm != nil {
		w.Comment = strings.ToValidUTF8(r.PostForm.Get("comment"), "\uFFFD")
	}
}

// whoSaved names who saved the newest of an item's revisions (newest
// first) and when; the item's change time when it has none.
func whoSaved[R any](revs []R, of func(R) (string, time.Time), updated time.Time) (string, time.Time) {
	if len(revs) == 0 {
		return "", updated
	}
	return of(revs[0])
}

// catLabel names a category with its ancestors, as the form's list does.
func catLabel(cs congtin.Categories, c *congtin.Category) string {
	var names []string
	for _, a := range cs.Ancestors(c) {
		names = append(names, a.Name)
	}
	return strings.Join(names, " › ")
}
