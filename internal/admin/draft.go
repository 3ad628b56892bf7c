package admin

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/render"
)

// No lost work: the edit forms of the workflow's kinds (articles, about
// pages, documents, questions' answers) and the schedule's entry form are
// autosaved as the writer's draft (edit.js posts them here every 15
// seconds while they have unsaved changes, and when the page is left),
// offered back on the edit page ("Khôi phục / Bỏ qua"), and kept when a
// save arrives after the session has ended. While a form is open its page
// renews a soft lock, and the others see who is editing. Every request
// here is a POST through the cross-origin protection of Handler, and the
// service lets a user keep drafts and locks only for items they may edit.

// draftService is what the drafts, locks and edit conflicts need.
type draftService interface {
	FindDraft(ctx context.Context, userID int64, item congtin.Ref) (*congtin.Draft, error)
	FindExpiredSession(ctx context.Context, tokenHash string) (*congtin.Session, error)
	SaveDraft(ctx context.Context, actor congtin.Actor, d *congtin.Draft) error
	DiscardDraft(ctx context.Context, actor congtin.Actor, item congtin.Ref) error
	HoldLock(ctx context.Context, actor congtin.Actor, item congtin.Ref) ([]*congtin.EditLock, error)
	ReleaseLock(ctx context.Context, actor congtin.Actor, item congtin.Ref) error
	OtherEditors(ctx context.Context, actor congtin.Actor, item congtin.Ref) ([]*congtin.EditLock, error)
}

// draftKind is a kind whose edit form is autosaved: the slug that names
// it in the back office's paths, and its edit page.
type draftKind struct {
	kind congtin.Kind
	slug string
	// edit is the edit page of item id, or the form of a new one (id 0),
	// for which the form's own values may say more (a new schedule
	// entry's week).
	edit func(id int64, form url.Values) string
}

// draftKinds are the back office's autosaved forms.
var draftKinds = []draftKind{
	{congtin.KindArticle, "bai-viet", func(id int64, _ url.Values) string {
		if id == 0 {
			return "/admin/bai-viet/moi"
		}
		return articleURL(id)
	}},
	{congtin.KindPage, "gioi-thieu", func(id int64, _ url.Values) string {
		if id == 0 {
			return pagesAdminPath + "/moi"
		}
		return pageAdminURL(id)
	}},
	{congtin.KindDocument, "van-ban", func(id int64, _ url.Values) string {
		if id == 0 {
			return "/admin/van-ban/moi"
		}
		return documentURL(id)
	}},
	{congtin.KindConsultation, "lay-y-kien", func(id int64, _ url.Values) string {
		if id == 0 {
			return consultationsAdminPath + "/moi"
		}
		return consultationAdminURL(id)
	}},
	{congtin.KindDataset, "du-lieu-mo", func(id int64, _ url.Values) string {
		if id == 0 {
			return datasetsAdminPath + "/moi"
		}
		return datasetAdminURL(id)
	}},
	{congtin.KindProject, "du-an", func(id int64, _ url.Values) string {
		if id == 0 {
			return projectsAdminPath + "/moi"
		}
		return projectAdminURL(id)
	}},
	{congtin.KindProcurement, "dau-thau", func(id int64, _ url.Values) string {
		if id == 0 {
			return procurementsAdminPath + "/moi"
		}
		return procurementAdminURL(id)
	}},
	{congtin.KindQuestion, "hoi-dap", func(id int64, _ url.Values) string { return questionURL(id) }},
	{congtin.KindScheduleEntry, "lich-cong-tac", func(id int64, form url.Values) string {
		if id == 0 {
			if w, err := congtin.ParseWeek(strings.TrimSpace(form.Get("tuan"))); err == nil {
				return scheduleWeekURL(w)
			}
			return scheduleAdminPath
		}
		return scheduleEntryURL(id)
	}},
}

// scheduleEntryURL is a schedule entry's edit page.
func scheduleEntryURL(id int64) string {
	return scheduleAdminPath + "/muc/" + strconv.FormatInt(id, 10)
}

// draftKindOf returns the autosaved kind k.
func draftKindOf(k congtin.Kind) *draftKind {
	for i := range draftKinds {
		if draftKinds[i].kind == k {
			return &draftKinds[i]
		}
	}
	return nil
}

// draftRoutes adds the autosave and the soft locks.
func (s *Server) draftRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("POST /admin/ban-nhap/{kind}/{id}", s.handleAutosave)
	page("POST /admin/ban-nhap/{kind}/{id}/bo", s.handleDiscardDraft)
	page("POST /admin/dang-sua/{kind}/{id}", s.handleHeartbeat)
	page("POST /admin/dang-sua/{kind}/{id}/roi", s.handleRelease)
}

// draftRef reads the {kind} and {id} path values of the autosave and
// lock endpoints.
func draftRef(r *http.Request, rq *request) (congtin.Ref, *draftKind, error) {
	notFound := congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy biểu mẫu này.")
	var dk *draftKind
	for i := range draftKinds {
		if draftKinds[i].slug == r.PathValue("kind") {
			dk = &draftKinds[i]
		}
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if dk == nil || err != nil || id < 0 {
		return congtin.Ref{}, nil, notFound
	}
	return congtin.Ref{Kind: dk.kind, SiteID: rq.site.ID, ID: id}, dk, nil
}

// formValues are the fields of a form to keep as a draft: what was typed,
// without the button that sent it.
func formValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if k != "action" {
			out[k] = vs
		}
	}
	return out
}

// formVersion reads the version a form was loaded from (its hidden field
// "version"); 0 when it has none or it is not a number.
func formVersion(v url.Values) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(v.Get("version")), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// savedAtText words when a draft was saved.
func savedAtText(t time.Time) string {
	return t.In(congtin.VietnamZone).Format("15:04:05")
}

// handleAutosave stores the posted form as the user's draft of the item.
// It answers JSON for edit.js (a beacon sent while the page is left does
// not read it).
func (s *Server) handleAutosave(w http.ResponseWriter, r *http.Request, rq *request) {
	ref, _, err := draftRef(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	var d *congtin.Draft
	if err == nil {
		values := formValues(r.PostForm)
		d = &congtin.Draft{Item: ref, Version: formVersion(values), Values: values}
		err = s.drafts.SaveDraft(r.Context(), rq.actor, d)
	}
	if err != nil {
		s.jsonError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"saved_at": savedAtText(d.SavedAt),
		"message": "Đã lưu tạm lúc " + savedAtText(d.SavedAt) + " (chưa lưu vào bài)."})
}

// jsonError answers a request of edit.js with the error as JSON, as the
// API does.
func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	r.Header.Set("X-Requested-With", "fetch")
	s.error(w, r, rq, err)
}

// handleDiscardDraft forgets the user's draft ("Bỏ qua") and shows the
// edit page again.
func (s *Server) handleDiscardDraft(w http.ResponseWriter, r *http.Request, rq *request) {
	ref, dk, err := draftRef(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err == nil {
		err = s.drafts.DiscardDraft(r.Context(), rq.actor, ref)
	}
	if r.Header.Get("X-Requested-With") == "fetch" {
		if err != nil {
			s.jsonError(w, r, rq, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, dk.edit(ref.ID, r.PostForm), "Đã bỏ nội dung chưa lưu.")
}

// lockInfo is one of the others who have an item open, as edit.js shows
// them.
type lockInfo struct {
	Name  string `json:"name"`
	Since string `json:"since"`
}

// handleHeartbeat renews the user's soft lock of the item and answers who
// else has it open, with the sentence the page shows.
func (s *Server) handleHeartbeat(w http.ResponseWriter, r *http.Request, rq *request) {
	ref, _, err := draftRef(r, rq)
	var others []*congtin.EditLock
	if err == nil {
		others, err = s.drafts.HoldLock(r.Context(), rq.actor, ref)
	}
	if err != nil {
		s.jsonError(w, r, rq, err)
		return
	}
	out := struct {
		Others  []lockInfo `json:"others"`
		Message string     `json:"message"`
	}{Others: []lockInfo{}, Message: render.OthersEditing(others)}
	for _, l := range others {
		out.Others = append(out.Others, lockInfo{Name: l.UserName, Since: l.Since.In(congtin.VietnamZone).Format("15:04")})
	}
	writeJSON(w, http.StatusOK, out)
}

// handleRelease ends the user's soft lock when the page is left.
func (s *Server) handleRelease(w http.ResponseWriter, r *http.Request, rq *request) {
	ref, _, err := draftRef(r, rq)
	if err == nil {
		err = s.drafts.ReleaseLock(r.Context(), rq.actor, ref)
	}
	if err != nil {
		s.jsonError(w, r, rq, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// editState builds what an edit form carries for item id of kind k (0: a
// new one) loaded at version: the autosave's and the lock's addresses,
// the user's draft when there is one, and who else has the item open.
func (s *Server) editState(r *http.Request, rq *request, k congtin.Kind, id, version int64) (render.Editing, error) {
	dk := draftKindOf(k)
	path := "/" + dk.slug + "/" + strconv.FormatInt(id, 10)
	e := render.Editing{Version: version, DraftURL: "/admin/ban-nhap" + path, FormURL: dk.edit(id, r.URL.Query()),
		DraftKey: "congtin-ban-nhap:" + strconv.FormatInt(rq.actor.UserID(), 10) + ":" + string(k) + ":" + strconv.FormatInt(id, 10)}
	e.RestoreURL = restoreURL(e.FormURL)
	ref := congtin.Ref{Kind: k, SiteID: rq.site.ID, ID: id}
	d, err := s.drafts.FindDraft(r.Context(), rq.actor.UserID(), ref)
	switch {
	case err == nil:
		e.Draft = d
		e.DraftOutdated = id != 0 && d.Version != 0 && d.Version != version
	case congtin.ErrorCode(err) != congtin.ENOTFOUND:
		return e, err
	}
	if id != 0 {
		e.LockURL = "/admin/dang-sua" + path
		if e.Others, err = s.drafts.OtherEditors(r.Context(), rq.actor, ref); err != nil {
			return e, err
		}
	}
	return e, nil
}

// restoreURL is an edit page showing the user's draft.
func restoreURL(edit string) string {
	if strings.Contains(edit, "?") {
		return edit + "&khoi-phuc=1"
	}
	return edit + "?khoi-phuc=1"
}

// restoring returns the draft an edit page was asked to show (?khoi-phuc),
// nil when it was not or there is none. The page shows the draft's values
// in its form as if they had been posted (withValues), with the version
// the draft's form was loaded from, marked as unsaved.
func restoring(r *http.Request, e *render.Editing) *congtin.Draft {
	if r.URL.Query().Get("khoi-phuc") == "" || e.Draft == nil {
		return nil
	}
	e.Restored, e.Dirty, e.Version = true, true, e.Draft.Version
	return e.Draft
}

// restoredFlash confirms a restored draft.
func restoredFlash(d *congtin.Draft) string {
	return "Đã khôi phục nội dung chưa lưu lúc " + d.SavedAt.In(congtin.VietnamZone).Format("15:04:05 02/01/2006") +
		". Hãy xem lại rồi bấm Lưu; bấm Bỏ qua nếu không cần."
}

// withValues is the request as if its form had been posted with v: the
// edit pages read a restored draft with their forms' own readers.
func withValues(r *http.Request, v url.Values) *http.Request {
	r2 := r.Clone(r.Context())
	r2.PostForm, r2.Form = v, v
	return r2
}

// refused marks an edit form shown again after a refused save: it carries
// the version it was loaded from (typed), unless the save was refused
// because someone saved meanwhile, when it carries the stored one (so the
// merged text goes through) and the comparison (conflict). It warns
// before leaving from the start.
func refused(e *render.Editing, typed int64, conflict *render.Conflict, stored int64) {
	e.Dirty, e.Version = true, typed
	if conflict != nil {
		e.Conflict, e.Version = conflict, stored
	}
}

// isEdited reports whether a save was refused because the item was saved
// by someone else since its form was loaded.
func isEdited(err error) bool { return errors.Is(err, congtin.ErrEdited) }

// A form posted after the session has ended.

// formTarget reads which autosaved form a POST to path saves: its kind
// and item (0: a new one). Workflow steps, deletions and other forms are
// not among them.
func formTarget(path string) (*draftKind, int64, bool) {
	rest, ok := strings.CutPrefix(path, "/admin/")
	if !ok {
		return nil, 0, false
	}
	parts := strings.Split(rest, "/")
	if parts[0] == "lich-cong-tac" {
		switch {
		case len(parts) == 1:
			return draftKindOf(congtin.KindScheduleEntry), 0, true
		case len(parts) == 3 && parts[1] == "muc":
			id, err := strconv.ParseInt(parts[2], 10, 64)
			return draftKindOf(congtin.KindScheduleEntry), id, err == nil && id > 0
		}
		return nil, 0, false
	}
	if len(parts) != 2 {
		return nil, 0, false
	}
	for i := range draftKinds {
		dk := &draftKinds[i]
		if dk.slug != parts[0] || dk.kind == congtin.KindScheduleEntry {
			continue
		}
		if parts[1] == "moi" {
			return dk, 0, dk.kind != congtin.KindQuestion
		}
		id, err := strconv.ParseInt(parts[1], 10, 64)
		return dk, id, err == nil && id > 0
	}
	return nil, 0, false
}

// readTextForm reads a form's text fields, urlencoded or multipart (a
// document's files are left out), within the back office's form limit.
func readTextForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		if err := parseForm(w, r); err != nil {
			return nil, err
		}
		return r.PostForm, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	v := url.Values{}
	size := 0
	for parts := 0; parts <= maxFormParts; parts++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			return v, nil
		}
		if err != nil {
			return nil, err
		}
		if p.FileName() != "" {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, int64(maxFormValues-size+1)))
		if err != nil {
			return nil, err
		}
		if size += len(b); size > maxFormValues {
			return nil, errors.New("form too large")
		}
		v.Add(p.FormName(), string(b))
	}
	return nil, errors.New("too many parts")
}

// keepPosted keeps a form of the autosaved kinds posted after the session
// has ended, and answers it with the sign-in page, which says why it
// asks; after signing in the writer is back on the form with the text.
// When the expired session still names its user (a session stays known
// congtin.ExpiredSessionKept after it ends), the text becomes that user's
// draft, which no one else can restore; otherwise the sign-in page
// carries it, and it becomes the draft of whoever signs in there: the
// text never leaves the browser that typed it until someone has signed
// in. It reports false for a request it does not keep (another form, or
// one it cannot read), which is sent to the sign-in page as before.
func (s *Server) keepPosted(w http.ResponseWriter, r *http.Request) bool {
	dk, id, ok := formTarget(r.URL.Path)
	if !ok {
		return false
	}
	values, err := readTextForm(w, r)
	if err != nil || len(values) == 0 {
		return false
	}
	values = formValues(values)
	ctx := r.Context()
	site := congtin.SiteFromContext(ctx)
	back := restoreURL(dk.edit(id, values))
	if ck, err := r.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if sess, err := s.drafts.FindExpiredSession(ctx, auth.HashToken(ck.Value)); err == nil {
			rq, err := s.withRole(ctx, site, sess.User, nil, clientip.Addr(r))
			if err == nil {
				d := &congtin.Draft{Item: congtin.Ref{Kind: dk.kind, SiteID: site.ID, ID: id}, Version: formVersion(values), Values: values}
				if err = s.drafts.SaveDraft(ctx, rq.actor, d); err == nil {
					http.Redirect(w, r, "/admin/dang-nhap?het-han=giu&next="+url.QueryEscape(back), http.StatusSeeOther)
					return true
				}
			}
			s.Log.Warn("expired session: form not kept as a draft", "path", r.URL.Path, "user", sess.UserID, "error", err)
		}
	}
	page := &render.LoginPage{Next: back, KeptPath: r.URL.Path}
	for k, vs := range values {
		for _, v := range vs {
			page.Kept = append(page.Kept, render.KeptField{Name: keptPrefix + k, Value: strings.ToValidUTF8(v, "\uFFFD")})
		}
	}
	page.Site = site
	page.Title = "Đăng nhập"
	page.Notice = keptNotice
	s.render(w, r, http.StatusUnauthorized, "admin/login", page)
	return true
}

// The sign-in page's fields that carry a kept form: its path, and each
// field under its name with this prefix.
const (
	keptPrefix = "giu."
	keptPath   = "giu-cho"
)

// keptNotice is what the sign-in page says when it carries a form.
const keptNotice = "Phiên đăng nhập đã hết hạn khi bạn lưu; nội dung đã được giữ lại trong trang này. Hãy đăng nhập lại: biểu mẫu sẽ hiện lại với nội dung của bạn để bạn lưu tiếp."

// keptFields reads the kept form a sign-in carries, with its path.
func keptFields(form url.Values) (string, url.Values) {
	path := form.Get(keptPath)
	if path == "" {
		return "", nil
	}
	v := url.Values{}
	for k, vs := range form {
		if name, ok := strings.CutPrefix(k, keptPrefix); ok {
			v[name] = vs
		}
	}
	return path, v
}

// keepAfterSignIn stores the form a sign-in carried as the signed-in
// user's draft, when the user may edit what it was posted to.
func (s *Server) keepAfterSignIn(r *http.Request, u *congtin.User) {
	path, values := keptFields(r.PostForm)
	dk, id, ok := formTarget(path)
	if !ok || len(values) == 0 {
		return
	}
	site := congtin.SiteFromContext(r.Context())
	rq, err := s.withRole(r.Context(), site, u, nil, clientip.Addr(r))
	if err == nil {
		err = s.drafts.SaveDraft(r.Context(), rq.actor, &congtin.Draft{Item: congtin.Ref{Kind: dk.kind, SiteID: site.ID, ID: id},
			Version: formVersion(values), Values: values})
	}
	if err != nil {
		s.Log.Warn("sign-in: kept form not saved as a draft", "path", path, "user", u.ID, "error", err)
	}
}
