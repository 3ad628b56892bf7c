package admin_test

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// titled makes an article with a title by a user in a state.
func (e *env) titled(owner, status, title string) *congtin.Article {
	e.t.Helper()
	a := e.article(owner, status)
	ed := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	in := congtin.ArticleInput{CategoryID: a.CategoryID, Title: title, Lead: a.Lead, Body: a.Body}
	a, err := e.db.UpdateArticle(e.t.Context(), ed, e.site.ID, a.ID, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// status is an article's state in the store.
func (e *env) status(id int64) string {
	e.t.Helper()
	a, err := e.db.FindArticleByID(e.t.Context(), e.site.ID, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.Status
}

// listed reports which of the articles the page links to.
func listed(page string, as ...*congtin.Article) []bool {
	out := make([]bool, len(as))
	for i, a := range as {
		out[i] = strings.Contains(page, `href="/admin/bai-viet/`+strconv.FormatInt(a.ID, 10)+`"`)
	}
	return out
}

func wantListed(t *testing.T, what, page string, as []*congtin.Article, want ...bool) {
	t.Helper()
	got := listed(page, as...)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: article %q listed %v, want %v", what, as[i].Title, got[i], want[i])
		}
	}
}

func TestArticleListSearchAndFilters(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	sub, err := e.db.CreateCategory(ctx, congtin.SystemActor("test"), e.site.ID, congtin.CategoryInput{Name: "Địa phương", ParentID: e.cat.ID})
	if err != nil {
		t.Fatal(err)
	}
	a := e.titled("pv1", congtin.StatusDraft, "Nâng cấp đường Hồ Chí Minh")
	b := e.titled("pv2", congtin.StatusSubmitted, "Đường ven biển Hòa Vang")
	c := e.titled("pv1", congtin.StatusPublished, "Lễ hội pháo hoa")
	ed := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	if _, err := e.db.UpdateArticle(ctx, ed, e.site.ID, b.ID, congtin.ArticleInput{CategoryID: sub.ID, Title: b.Title, Body: b.Body}); err != nil {
		t.Fatal(err)
	}
	all := []*congtin.Article{a, b, c}

	editor := e.as("btv")
	r := editor.get("/admin/bai-viet?q=duong")
	if r.status != http.StatusOK {
		t.Fatalf("search: %d", r.status)
	}
	wantListed(t, "“duong”", r.body, all, true, true, false)
	if !strings.Contains(r.body, `value="duong"`) || !strings.Contains(r.body, "Tìm thấy 2 bài viết.") {
		t.Errorf("the search is not kept in the form, or the count is missing")
	}
	// The columns name the writer and the category.
	if !strings.Contains(r.body, "<td>Người pv2</td>") || !strings.Contains(r.body, "<td>Địa phương</td>") {
		t.Errorf("the writer and category columns are missing:\n%s", r.body)
	}
	r = editor.get("/admin/bai-viet?q=" + url.QueryEscape("đường hồ chí minh"))
	wantListed(t, "with diacritics", r.body, all, true, false, false)
	// A category lists the ones below it too.
	r = editor.get("/admin/bai-viet?chuyen-muc=" + strconv.FormatInt(e.cat.ID, 10))
	wantListed(t, "the parent category", r.body, all, true, true, true)
	r = editor.get("/admin/bai-viet?chuyen-muc=" + strconv.FormatInt(sub.ID, 10))
	wantListed(t, "the child category", r.body, all, false, true, false)
	r = editor.get("/admin/bai-viet?nguoi-viet=" + strconv.FormatInt(e.users["pv1"].ID, 10) + "&q=duong")
	wantListed(t, "a writer and a search", r.body, all, true, false, false)
	r = editor.get("/admin/bai-viet?trang-thai=published")
	wantListed(t, "published", r.body, all, false, false, true)
	r = editor.get("/admin/bai-viet?theo=xuat-ban&tu=2026-03-02&den=2026-03-02")
	wantListed(t, "published today", r.body, all, false, false, true)
	r = editor.get("/admin/bai-viet?theo=xuat-ban&tu=2026-03-03")
	wantListed(t, "published from tomorrow", r.body, all, false, false, false)
	// "Bài của tôi" is the editor's own: none here.
	if !strings.Contains(r.body, `href="/admin/bai-viet?nguoi-viet=`+strconv.FormatInt(e.users["btv"].ID, 10)+`"`) {
		t.Error("no link to the editor's own articles")
	}

	// A reporter lists their own only, whatever the URL asks.
	rep := e.as("pv1")
	r = rep.get("/admin/bai-viet?q=duong&nguoi-viet=" + strconv.FormatInt(e.users["pv2"].ID, 10))
	wantListed(t, "a reporter asking for another's", r.body, all, true, false, false)
	if strings.Contains(r.body, `id="nguoi-viet"`) || strings.Contains(r.body, "Bài của tôi") {
		t.Error("a reporter is offered the writer filter")
	}

	// Bad filters: said beside each field, left out, the list shown.
	r = editor.get("/admin/bai-viet?trang-thai=xoa&tu=hom-qua&den=2026-13-01&nguoi-viet=abc&chuyen-muc=999999&theo=nam")
	if r.status != http.StatusBadRequest {
		t.Fatalf("bad filters: %d", r.status)
	}
	for _, msg := range []string{"Trạng thái không hợp lệ.", "Ngày bắt đầu không hợp lệ", "Ngày kết thúc không hợp lệ", "Người viết không hợp lệ.",
		"Chuyên mục này không còn tồn tại.", "Loại ngày không hợp lệ.", "chưa được áp dụng"} {
		if !strings.Contains(html.UnescapeString(r.body), msg) {
			t.Errorf("bad filters: no %q", msg)
		}
	}
	wantListed(t, "bad filters", r.body, all, true, true, true)
	r = editor.get("/admin/bai-viet?tu=2026-03-05&den=2026-03-01")
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Ngày kết thúc phải từ ngày bắt đầu trở đi.") {
		t.Errorf("a range backwards: %d", r.status)
	}
	r = editor.get("/admin/bai-viet?q=" + url.QueryEscape(strings.Repeat("đường ", 50)))
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Từ khóa quá dài") {
		t.Errorf("a long search: %d", r.status)
	}
	for _, q := range []string{"%", "\"", "'; DROP TABLE articles; --", "?!", "*"} {
		if r := editor.get("/admin/bai-viet?q=" + url.QueryEscape(q)); r.status != http.StatusOK || strings.Contains(r.body, `href="/admin/bai-viet/`+strconv.FormatInt(c.ID, 10)+`"`) {
			t.Errorf("search %q: %d, or lists an article", q, r.status)
		}
	}
	if r := editor.get("/admin/bai-viet?trang=abc"); r.status != http.StatusBadRequest {
		t.Errorf("a bad page number: %d", r.status)
	}

	// The pager keeps the filters.
	for i := range 35 {
		e.titled("pv1", congtin.StatusDraft, "Đường số "+strconv.Itoa(i))
	}
	r = editor.get("/admin/bai-viet?q=duong&trang-thai=draft")
	if !strings.Contains(html.UnescapeString(r.body), "/admin/bai-viet?q=duong&trang=2&trang-thai=draft") &&
		!strings.Contains(html.UnescapeString(r.body), "trang-thai=draft&trang=2") {
		t.Errorf("the pager loses the filters:\n%s", r.body)
	}
}

func TestBulkActions(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	sub := e.titled("pv1", congtin.StatusSubmitted, "Bài chờ duyệt")
	draft := e.titled("pv2", congtin.StatusDraft, "Bài nháp của người khác")
	pub := e.titled("pv1", congtin.StatusPublished, "Bài đã đăng")
	other, err := e.db.CreateArticle(ctx, congtin.SystemActor("test"), e.site2.ID, congtin.ArticleInput{CategoryID: e.cat2.ID, Title: "Bài cổng khác", Body: "<p>x</p>"})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(as ...int64) []string {
		var out []string
		for _, a := range as {
			out = append(out, strconv.FormatInt(a, 10))
		}
		return out
	}
	editor := e.as("btv")
	report := func(c *client, r *resp, wantBack string) string {
		t.Helper()
		if r.status != http.StatusSeeOther || r.header.Get("Location") != wantBack {
			t.Fatalf("bulk action: %d to %q, want 303 to %q: %.400s", r.status, r.header.Get("Location"), wantBack, r.body)
		}
		page := c.get(wantBack)
		if page.status != http.StatusOK {
			t.Fatalf("the list after a bulk action: %d", page.status)
		}
		i := strings.Index(page.body, `<div class="bulk-report"`)
		if i < 0 {
			t.Fatalf("no report on the list")
		}
		j := strings.Index(page.body[i:], `<p id="list-total"`)
		// Shown once.
		if again := c.get(wantBack); strings.Contains(again.body, `class="bulk-report"`) {
			t.Error("the report is shown again on a reload")
		}
		return html.UnescapeString(page.body[i : i+j])
	}

	// An editor publishes a submitted article and another's draft; an
	// article already published is left as it was, another site's is not
	// found. Each said in the report.
	back := "/admin/bai-viet?q=bai&trang-thai="
	rep := report(editor, editor.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"publish"}, "quay-lai": {back},
		"id": ids(sub.ID, draft.ID, pub.ID, other.ID)}), back)
	for _, want := range []string{"Đã xuất bản 2 bài.", "1 bài không xuất bản được:", "bài #" + strconv.FormatInt(other.ID, 10), "1 bài giữ nguyên:", "Bài đã đăng", "đã được xuất bản từ trước"} {
		if !strings.Contains(rep, want) {
			t.Errorf("the report lacks %q:\n%s", want, rep)
		}
	}
	if e.status(sub.ID) != congtin.StatusPublished || e.status(draft.ID) != congtin.StatusPublished {
		t.Errorf("after the bulk publication: %s, %s", e.status(sub.ID), e.status(draft.ID))
	}
	if a, _ := e.db.FindArticleByID(ctx, e.site2.ID, other.ID); a.Status != congtin.StatusDraft {
		t.Errorf("another site's article became %s", a.Status)
	}

	// Unpublishing asks first (without JavaScript, on a page of its own)
	// and changes nothing until confirmed.
	r := editor.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"unpublish"}, "id": ids(sub.ID, draft.ID), "quay-lai": {"/admin/bai-viet"}})
	if r.status != http.StatusOK || !strings.Contains(html.UnescapeString(r.body), "Gỡ bài 2 bài đã chọn khỏi cổng thông tin?") ||
		!strings.Contains(r.body, "Bài chờ duyệt") || !strings.Contains(r.body, `name="xac-nhan"`) {
		t.Fatalf("unpublishing without confirmation: %d %.2000s", r.status, r.body)
	}
	if e.status(sub.ID) != congtin.StatusPublished {
		t.Fatal("asking for confirmation unpublished")
	}
	rep = report(editor, editor.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"unpublish"}, "id": ids(sub.ID, draft.ID), "xac-nhan": {"1"}, "quay-lai": {"/admin/bai-viet"}}), "/admin/bai-viet")
	if !strings.Contains(rep, "Đã gỡ 2 bài khỏi cổng thông tin.") || e.status(sub.ID) != congtin.StatusUnpublished {
		t.Errorf("confirmed unpublishing: %s\n%s", e.status(sub.ID), rep)
	}

	// A reporter may not publish, even by posting the form by hand:
	// nothing changes.
	reporter := e.as("pv1")
	mine := e.titled("pv1", congtin.StatusDraft, "Bài mới của tôi")
	r = reporter.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"publish"}, "id": ids(mine.ID)})
	if r.status != http.StatusForbidden || e.status(mine.ID) != congtin.StatusDraft {
		t.Errorf("a reporter's bulk publication: %d, %s", r.status, e.status(mine.ID))
	}
	// A reporter submits their own; another's draft is not theirs to
	// see: reported as not found, not named.
	theirs := e.titled("pv2", congtin.StatusDraft, "Bí mật của pv2")
	rep = report(reporter, reporter.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"submit"}, "id": ids(mine.ID, theirs.ID)}), "/admin/bai-viet")
	if !strings.Contains(rep, "Đã gửi duyệt 1 bài.") || !strings.Contains(rep, "1 bài không gửi duyệt được:") || strings.Contains(rep, "Bí mật") {
		t.Errorf("a reporter's bulk submission:\n%s", rep)
	}
	if e.status(mine.ID) != congtin.StatusSubmitted || e.status(theirs.ID) != congtin.StatusDraft {
		t.Errorf("after a reporter's bulk submission: %s, %s", e.status(mine.ID), e.status(theirs.ID))
	}

	// Moving: to a category, with its revision; a category to choose.
	cat2, err := e.db.CreateCategory(ctx, congtin.SystemActor("test"), e.site.ID, congtin.CategoryInput{Name: "Thời sự"})
	if err != nil {
		t.Fatal(err)
	}
	rep = report(editor, editor.post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"move"}, "den-chuyen-muc": {strconv.FormatInt(cat2.ID, 10)}, "id": ids(pub.ID)}), "/admin/bai-viet")
	if !strings.Contains(rep, "Đã chuyển 1 bài sang chuyên mục “Thời sự”.") {
		t.Errorf("a bulk move:\n%s", rep)
	}
	if a, _ := e.db.FindArticleByID(ctx, e.site.ID, pub.ID); a.CategoryID != cat2.ID {
		t.Errorf("the moved article is in category %d", a.CategoryID)
	}

	// Bad input: a clear message, nothing changed.
	before := e.status(mine.ID)
	for _, c := range []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"id": ids(mine.ID)}, "Hãy chọn thao tác cho các bài đã chọn."},
		{url.Values{"hanh-dong": {"publish"}}, "Hãy chọn ít nhất một bài trong danh sách."},
		{url.Values{"hanh-dong": {"move"}, "id": ids(mine.ID)}, "Hãy chọn chuyên mục để chuyển bài đến."},
		{url.Values{"hanh-dong": {"move"}, "den-chuyen-muc": {"999999"}, "id": ids(mine.ID)}, "Hãy chọn chuyên mục để chuyển bài đến."},
		{url.Values{"hanh-dong": {"move"}, "den-chuyen-muc": {strconv.FormatInt(e.cat2.ID, 10)}, "id": ids(mine.ID)}, "Hãy chọn chuyên mục để chuyển bài đến."},
		{url.Values{"hanh-dong": {"publish"}, "id": ids(make([]int64, 101)...)}, "tối đa 100 bài"},
	} {
		if c.form.Has("id") && c.form.Get("id") == "0" {
			var many []string
			for i := range 101 {
				many = append(many, strconv.Itoa(i+1))
			}
			c.form["id"] = many
		}
		rep := report(editor, editor.post("/admin/bai-viet/hang-loat", c.form), "/admin/bai-viet")
		if !strings.Contains(rep, c.msg) {
			t.Errorf("%v: the report says %q, want %q", c.form, rep, c.msg)
		}
	}
	for _, c := range []struct {
		form url.Values
		code int
	}{
		{url.Values{"hanh-dong": {"publish"}, "id": {"abc"}}, http.StatusBadRequest},
		{url.Values{"hanh-dong": {"publish"}, "id": {"-3"}}, http.StatusBadRequest},
		{url.Values{"hanh-dong": {"delete"}, "id": ids(mine.ID)}, http.StatusBadRequest},
	} {
		if r := editor.post("/admin/bai-viet/hang-loat", c.form); r.status != c.code {
			t.Errorf("%v: %d, want %d", c.form, r.status, c.code)
		}
	}
	if e.status(mine.ID) != before {
		t.Errorf("bad input changed the article: %s", e.status(mine.ID))
	}
	// The way back stays on the list.
	for _, back := range []string{"https://evil.example/", "//evil.example/admin/bai-viet", "/admin/van-ban", "/admin/bai-viet-khac"} {
		r := editor.post("/admin/bai-viet/hang-loat", url.Values{"quay-lai": {back}, "id": ids(mine.ID)})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/admin/bai-viet" {
			t.Errorf("back to %q: %d %q", back, r.status, r.header.Get("Location"))
		}
	}
	// Signed out: the sign-in page, nothing done.
	if r := e.client("").post("/admin/bai-viet/hang-loat", url.Values{"hanh-dong": {"publish"}, "id": ids(mine.ID)}); r.status == http.StatusSeeOther && !strings.Contains(r.header.Get("Location"), "dang-nhap") || e.status(mine.ID) != before {
		t.Errorf("signed out: %d %q", r.status, r.header.Get("Location"))
	}
}

func TestDocumentListSearchAndBulk(t *testing.T) {
	e := newEnv(t)
	editor := e.as("btv")
	for _, d := range [][2]string{{"115/KH-UBND", "Kế hoạch phòng chống dịch bệnh gia súc"}, {"20/KH-UBND", "Kế hoạch làm đường giao thông"}} {
		if r := editor.post("/admin/van-ban/moi", e.docFields(d[0], d[1])); r.status != http.StatusSeeOther {
			t.Fatalf("create %s: %d %.300s", d[0], r.status, r.body)
		}
	}
	ds, _, err := e.db.FindAdminDocuments(t.Context(), congtin.AdminDocumentFilter{SiteID: e.site.ID})
	if err != nil || len(ds) != 2 {
		t.Fatal(ds, err)
	}
	r := editor.get("/admin/van-ban?q=gia+suc")
	if r.status != http.StatusOK || !strings.Contains(r.body, "115/KH-UBND") || strings.Contains(r.body, "20/KH-UBND") {
		t.Errorf("search “gia suc”: %d", r.status)
	}
	r = editor.get("/admin/van-ban?q=" + url.QueryEscape("115/KH"))
	if !strings.Contains(r.body, "115/KH-UBND") || strings.Contains(r.body, "20/KH-UBND") {
		t.Errorf("search by number")
	}
	r = editor.post("/admin/van-ban/hang-loat", url.Values{"hanh-dong": {"publish"}, "id": {strconv.FormatInt(ds[0].ID, 10), strconv.FormatInt(ds[1].ID, 10)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("bulk publication: %d", r.status)
	}
	page := html.UnescapeString(editor.get("/admin/van-ban").body)
	if !strings.Contains(page, "Đã xuất bản 2 văn bản.") {
		t.Errorf("no report on the documents list")
	}
	ds, _, _ = e.db.FindAdminDocuments(t.Context(), congtin.AdminDocumentFilter{SiteID: e.site.ID, Status: congtin.StatusPublished})
	if len(ds) != 2 {
		t.Errorf("%d documents published, want 2", len(ds))
	}
	if r := editor.get("/admin/van-ban?loai=abc&theo=xuat-ban"); r.status != http.StatusBadRequest {
		t.Errorf("bad document filters: %d", r.status)
	}
}
