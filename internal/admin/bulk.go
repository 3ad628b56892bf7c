package admin

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/render"
)

// Bulk actions: the rows checked in a list, one action, and a report of
// what happened to each. The service takes each item through the rules it
// meets alone (app.TransitionMany, app.MoveArticles); this file reads the
// form, asks before taking items off the public site, and words the
// report, which it hands to the list it goes back to in a short-lived
// cookie (post/redirect/get: a reload of the list does not post again,
// and the report, with the titles of the refused items, needs no room in
// the URL).

// listKind is a kind of content's list, as its bulk actions see it.
type listKind struct {
	kind congtin.Kind
	// path is the list; the bulk form posts to path + "/hang-loat".
	path string
	// noun counts items in the report ("3 bài", "3 văn bản").
	noun string
	// url is an item's edit page.
	url func(id int64) string
	// actions are the bulk actions an actor may choose.
	actions func(rq *request) []render.BulkAction
	// title reads an item's title for the confirmation, when the actor
	// may see it ("" otherwise).
	title func(s *Server, ctx context.Context, rq *request, id int64) string
}

// The bulk actions (the form's "hanh-dong").
const (
	bulkSubmit    = congtin.ActSubmit
	bulkPublish   = congtin.ActPublish
	bulkUnpublish = congtin.ActUnpublish
	bulkMove      = "move"
)

var articleList = &listKind{
	kind: congtin.KindArticle, path: "/admin/bai-viet", noun: "bài", url: articleURL,
	actions: func(rq *request) []render.BulkAction {
		if !congtin.Can(rq.actor, congtin.ActCreate, nil) {
			return nil
		}
		if !congtin.IsEditor(rq.actor) {
			return []render.BulkAction{{Value: bulkSubmit, Label: "Gửi duyệt"}, {Value: bulkMove, Label: "Chuyển chuyên mục"}}
		}
		return []render.BulkAction{{Value: bulkSubmit, Label: "Gửi duyệt"}, {Value: bulkPublish, Label: "Xuất bản"},
			{Value: bulkUnpublish, Label: "Gỡ bài", Confirm: true}, {Value: bulkMove, Label: "Chuyển chuyên mục"}}
	},
	title: func(s *Server, ctx context.Context, rq *request, id int64) string {
		if a, err := s.articles.FindArticleByID(ctx, rq.site.ID, id); err == nil && congtin.CanSee(rq.actor, a.Item()) {
			return a.Title
		}
		return ""
	},
}

var documentList = &listKind{
	kind: congtin.KindDocument, path: "/admin/van-ban", noun: "văn bản", url: documentURL,
	actions: func(rq *request) []render.BulkAction {
		if !congtin.Can(rq.actor, congtin.ActCreate, nil) {
			return nil
		}
		if !congtin.IsEditor(rq.actor) {
			return []render.BulkAction{{Value: bulkSubmit, Label: "Gửi duyệt"}}
		}
		return []render.BulkAction{{Value: bulkSubmit, Label: "Gửi duyệt"}, {Value: bulkPublish, Label: "Xuất bản"},
			{Value: bulkUnpublish, Label: "Gỡ văn bản", Confirm: true}}
	},
	title: func(s *Server, ctx context.Context, rq *request, id int64) string {
		if d, err := s.documents.FindDocumentByID(ctx, rq.site.ID, id); err == nil && congtin.CanSee(rq.actor, d.Item()) {
			return d.Number + " — " + d.Summary
		}
		return ""
	},
}

// bulkForm is the list's bulk action form for the actor; back is the
// list's URL query.
func (k *listKind) bulkForm(rq *request, back string) render.BulkForm {
	return render.BulkForm{Action: k.path + "/hang-loat", Back: back, Actions: k.actions(rq), Noun: k.noun}
}

// action returns the bulk action act if the actor may choose it.
func (k *listKind) action(rq *request, act string) *render.BulkAction {
	for _, a := range k.actions(rq) {
		if a.Value == act {
			return &a
		}
	}
	return nil
}

// handleBulk takes a bulk action on the rows checked in a list of the
// kind, and goes back to the list with the report.
func (s *Server) handleBulk(k *listKind) func(http.ResponseWriter, *http.Request, *request) {
	return func(w http.ResponseWriter, r *http.Request, rq *request) {
		if err := parseForm(w, r); err != nil {
			s.error(w, r, rq, err)
			return
		}
		back := r.PostForm.Get("quay-lai")
		if back != k.path && !strings.HasPrefix(back, k.path+"?") {
			back = k.path
		}
		var ids []int64
		for _, v := range r.PostForm["id"] {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id <= 0 {
				s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Danh sách mục đã chọn không hợp lệ."))
				return
			}
			ids = append(ids, id)
		}
		act := r.PostForm.Get("hanh-dong")
		a := k.action(rq, act)
		switch {
		case act == "":
			s.bulkRefused(w, r, k, back, "Hãy chọn thao tác cho các "+k.noun+" đã chọn.")
			return
		case a == nil && !congtin.Can(rq.actor, congtin.ActCreate, nil):
			s.error(w, r, rq, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này."))
			return
		case a == nil && congtin.IsEditor(rq.actor):
			s.error(w, r, rq, congtin.Errorf(congtin.EINVALID, "Thao tác hàng loạt không hợp lệ."))
			return
		case a == nil:
			s.error(w, r, rq, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với nhiều %s một lúc.", k.noun))
			return
		case len(ids) == 0:
			s.bulkRefused(w, r, k, back, "Hãy chọn ít nhất một "+k.noun+" trong danh sách.")
			return
		case len(ids) > congtin.MaxBulk:
			s.bulkRefused(w, r, k, back, "Mỗi lần chỉ thao tác được với tối đa "+strconv.Itoa(congtin.MaxBulk)+" "+k.noun+"; hãy chọn ít hơn.")
			return
		case a.Confirm && r.PostForm.Get("xac-nhan") == "":
			s.bulkConfirm(w, r, rq, k, a, ids, back)
			return
		}
		ctx := r.Context()
		var res []*congtin.BulkResult
		var err error
		var to string
		if act == bulkMove {
			var cat int64
			if cat, err = strconv.ParseInt(r.PostForm.Get("den-chuyen-muc"), 10, 64); err != nil || cat <= 0 {
				s.bulkRefused(w, r, k, back, "Hãy chọn chuyên mục để chuyển bài đến.")
				return
			}
			if cats, err := s.articles.FindCategories(ctx, rq.site.ID); err == nil {
				if c := congtin.Categories(cats).ByID(cat); c != nil {
					to = c.Name
				}
			}
			res, err = s.lists.MoveArticles(ctx, rq.actor, rq.site.ID, ids, cat)
		} else {
			res, err = s.lists.TransitionMany(ctx, rq.actor, k.kind, rq.site.ID, ids, act)
		}
		if res == nil {
			// Refused before anything was written.
			switch congtin.ErrorCode(err) {
			case congtin.EINVALID, congtin.EFORBIDDEN:
				s.bulkRefused(w, r, k, back, refusalMessage(err))
			default:
				s.error(w, r, rq, err)
			}
			return
		}
		if err != nil {
			s.Log.Error("bulk action stopped", "method", r.Method, "path", r.URL.Path, "action", act, "error", err)
		}
		setReport(w, r, k, k.report(act, to, res))
		http.Redirect(w, r, back, http.StatusSeeOther)
	}
}

// refusalMessage is the message of a refusal: a form error's own.
func refusalMessage(err error) string {
	if ve, ok := err.(*congtin.ValidationError); ok {
		for _, m := range ve.Fields {
			return m
		}
	}
	return congtin.ErrorMessage(err)
}

// bulkRefused goes back to the list with why nothing was done.
func (s *Server) bulkRefused(w http.ResponseWriter, r *http.Request, k *listKind, back, msg string) {
	setReport(w, r, k, &render.BulkReport{Groups: []render.BulkGroup{{Heading: msg, Refused: true}}})
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// bulkConfirm asks before an action that takes items off the public site,
// naming them. The browser asks itself when it runs admin.js; this page
// is for when it does not.
func (s *Server) bulkConfirm(w http.ResponseWriter, r *http.Request, rq *request, k *listKind, a *render.BulkAction, ids []int64, back string) {
	page := &render.BulkConfirmPage{AdminBase: rq.base(a.Label, sectionOf(k)), Bulk: k.bulkForm(rq, back), Act: a.Value,
		Question: a.Label + " " + strconv.Itoa(len(ids)) + " " + k.noun + " đã chọn khỏi cổng thông tin? Bạn đọc sẽ không xem được các " + k.noun + " này nữa.",
		Button:   a.Label + " (" + strconv.Itoa(len(ids)) + ")"}
	for _, id := range ids {
		it := render.BulkItem{ID: id, Title: k.title(s, r.Context(), rq, id)}
		if it.Title != "" {
			it.URL = k.url(id)
		}
		page.Items = append(page.Items, it)
	}
	s.render(w, r, http.StatusOK, "admin/bulk_confirm", page)
}

// sectionOf is the menu entry of a kind's list.
func sectionOf(k *listKind) string {
	if k.kind == congtin.KindDocument {
		return "documents"
	}
	return "articles"
}

// verbs word what each bulk action does, as a past participle ("đã xuất
// bản") and in "không … được".
var verbs = map[string]string{bulkSubmit: "gửi duyệt", bulkPublish: "xuất bản", bulkUnpublish: "gỡ", bulkMove: "chuyển"}

// report words the results of a bulk action: how many were done, and
// which were not, grouped by what happened, each with its reason.
func (k *listKind) report(act, to string, res []*congtin.BulkResult) *render.BulkReport {
	verb := verbs[act]
	var done, later int
	groups := map[string]*render.BulkGroup{}
	for _, r := range res {
		switch r.Outcome {
		case congtin.BulkDone:
			done++
			continue
		case congtin.BulkScheduled:
			later++
			continue
		}
		g := groups[r.Outcome]
		if g == nil {
			g = &render.BulkGroup{Refused: r.Outcome != congtin.BulkUnchanged}
			groups[r.Outcome] = g
		}
		it := render.BulkItem{ID: r.Ref.ID, Title: r.Title, Message: r.Message}
		if it.Title == "" {
			it.Title = k.noun + " #" + strconv.FormatInt(r.Ref.ID, 10)
		} else {
			it.URL = k.url(r.Ref.ID)
		}
		g.Items = append(g.Items, it)
	}
	rep := &render.BulkReport{}
	n := func(x int) string { return strconv.Itoa(x) + " " + k.noun }
	switch {
	case done > 0 && act == bulkMove:
		rep.Done = "Đã chuyển " + n(done) + " sang chuyên mục “" + to + "”."
	case done > 0 && act == bulkUnpublish:
		rep.Done = "Đã gỡ " + n(done) + " khỏi cổng thông tin."
	case done > 0:
		rep.Done = "Đã " + verb + " " + n(done) + "."
	}
	if later > 0 {
		rep.Done = strings.TrimSpace(rep.Done + " Đã hẹn giờ xuất bản " + n(later) + " theo thời gian đặt trong bài.")
	}
	if rep.Done == "" {
		rep.Done = "Không có " + k.noun + " nào được " + verb + "."
	}
	for _, o := range []string{congtin.BulkRefused, congtin.BulkUnchanged, congtin.BulkFailed} {
		g := groups[o]
		if g == nil {
			continue
		}
		switch o {
		case congtin.BulkRefused:
			g.Heading = n(len(g.Items)) + " không " + verb + " được:"
		case congtin.BulkUnchanged:
			g.Heading = n(len(g.Items)) + " giữ nguyên:"
		case congtin.BulkFailed:
			g.Heading = n(len(g.Items)) + " chưa được xử lý do hệ thống gián đoạn; xin thử lại:"
		}
		rep.Groups = append(rep.Groups, *g)
	}
	return rep
}

// The report's cookie: set by the bulk action, read once by its list.
const (
	reportCookie = "ct_bulk"
	// reportBytes bounds the cookie's value, under the 4 KB browsers
	// keep of a cookie: a long report names fewer items.
	reportBytes = 3500
	// reportTitle bounds a title in the report.
	reportTitle = 80
)

// storedReport is a report as the cookie holds it, with the list it is
// for.
type storedReport struct {
	List   string             `json:"l"`
	Report *render.BulkReport `json:"r"`
}

// setReport hands the report to the list k.
func setReport(w http.ResponseWriter, r *http.Request, k *listKind, rep *render.BulkReport) {
	for i := range rep.Groups {
		for j := range rep.Groups[i].Items {
			it := &rep.Groups[i].Items[j]
			if rs := []rune(it.Title); len(rs) > reportTitle {
				it.Title = string(rs[:reportTitle-1]) + "…"
			}
		}
	}
	var value string
	// Name fewer items until the report fits.
	for named := 10; ; named-- {
		for i := range rep.Groups {
			g := &rep.Groups[i]
			if len(g.Items) > named {
				g.More += len(g.Items) - named
				g.Items = g.Items[:named]
			}
		}
		b, err := json.Marshal(storedReport{List: k.path, Report: rep})
		if err != nil {
			return
		}
		value = base64.RawURLEncoding.EncodeToString(b)
		if len(value) <= reportBytes || named == 0 {
			break
		}
	}
	clientip.SetCookie(w, r, &http.Cookie{Name: reportCookie, Value: value, Path: "/admin/", MaxAge: 120,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// takeReport returns the report a bulk action left for the list k, once;
// nil when there is none.
func takeReport(w http.ResponseWriter, r *http.Request, k *listKind) *render.BulkReport {
	ck, err := r.Cookie(reportCookie)
	if err != nil || ck.Value == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(ck.Value)
	var st storedReport
	if err != nil || json.Unmarshal(b, &st) != nil || st.List != k.path || st.Report == nil {
		return nil
	}
	clientip.SetCookie(w, r, &http.Cookie{Name: reportCookie, Value: "", Path: "/admin/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return st.Report
}
