package postgres_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/search/relevance"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/storetest"
)

// The tests here run the same calls on a SQLite store and on a PostgreSQL
// store and compare everything the calls return, byte for byte once
// encoded as JSON (times with their zone, IDs, orders, error codes and
// messages). The shared suite checks what a store must do; these check
// that the two stores do it the same way.

func openSQLite(t *testing.T) *sqlite.DB {
	t.Helper()
	return storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "congtin.db"))
}

// testClock is a clock both stores read; the scenario moves it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *testClock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// recorder writes down what a scenario's calls return.
type recorder struct {
	lines []string
}

// add records the result of a call: v as JSON, and err by its code and
// message (and the fields of a validation error).
func (r *recorder) add(step string, v any, err error) {
	var b strings.Builder
	b.WriteString(step + ": ")
	if err != nil {
		var ve *congtin.ValidationError
		if errors.As(err, &ve) {
			fields, _ := json.Marshal(ve.Fields)
			fmt.Fprintf(&b, "invalid %s", fields)
		} else {
			fmt.Fprintf(&b, "error %s %q", congtin.ErrorCode(err), congtin.ErrorMessage(err))
		}
	} else {
		j, jerr := json.Marshal(v)
		if jerr != nil {
			j = []byte(jerr.Error())
		}
		// Invalid UTF-8 that SQLite keeps is written by encoding/json as
		// U+FFFD escaped; the PostgreSQL store stores U+FFFD itself (see
		// clean), which encoding/json writes as is. The strings read the
		// same; the bytes are shown alike.
		b.WriteString(strings.ReplaceAll(string(j), `\ufffd`, "\uFFFD"))
	}
	r.lines = append(r.lines, b.String())
}

// compare fails t for every line where the two records differ.
func compare(t *testing.T, lite, pg []string) {
	t.Helper()
	bad := 0
	for i := 0; i < max(len(lite), len(pg)); i++ {
		var a, b string
		if i < len(lite) {
			a = lite[i]
		}
		if i < len(pg) {
			b = pg[i]
		}
		if a != b {
			bad++
			if bad <= 15 {
				t.Errorf("step %d differs:\n\tsqlite:   %s\n\tpostgres: %s", i, a, b)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d steps differ", bad, max(len(lite), len(pg)))
	}
}

// TestScenarioMatchesSQLite runs one long newsroom scenario on both
// stores: sites, users, roles, categories with Vietnamese names that sort
// differently by bytes and by language, the editorial workflow with
// revisions and notes, imports with fractional seconds and zones, counters,
// sessions, tokens, the sign-in lock-out, the audit log, media and search,
// with a clock that does not sit on whole seconds or in UTC.
func TestScenarioMatchesSQLite(t *testing.T) {
	lite, pg := openSQLite(t), MustOpenDB(t)
	run := func(s congtin.Service, setNow func(func() time.Time)) []string {
		c := &testClock{t: time.Date(2026, 3, 2, 9, 0, 0, 123456789, congtin.VietnamZone)}
		setNow(c.Now)
		r := &recorder{}
		scenario(t.Context(), s, c, r)
		return r.lines
	}
	a := run(app.New(lite), lite.SetNow)
	b := run(app.New(pg), pg.SetNow)
	if len(a) < 100 {
		t.Fatalf("the scenario recorded only %d steps", len(a))
	}
	compare(t, a, b)
}

func scenario(ctx context.Context, s congtin.Service, c *testClock, r *recorder) {
	// Sites.
	def, err := s.DefaultSite(ctx)
	r.add("default site", def, err)
	def2, err := s.DefaultSite(ctx)
	r.add("default site again", def2, err)
	super := &congtin.User{Username: "sieuquantri", DisplayName: "Siêu quản trị", PasswordHash: "x", SuperAdmin: true}
	r.add("create super", super, s.CreateUser(ctx, super))
	root := congtin.Actor{User: super, Role: congtin.RoleAdmin, IP: "10.0.0.1"}
	for _, h := range []string{"z.gov.vn", "b.gov.vn", "a.gov.vn", "b-c.gov.vn", "B.gov.vn", "a.gov.vn"} {
		site, err := s.CreateSite(ctx, root, h, "Cổng "+h)
		r.add("create site "+h, site, err)
	}
	sites, err := s.FindSites(ctx)
	r.add("find sites", sites, err)
	for _, h := range []string{"A.GOV.VN", "nowhere.example", "", "x\xff"} {
		site, err := s.FindSiteByHost(ctx, h)
		r.add("site by host "+h, site, err)
	}
	name, off := "Cổng thông tin điện tử tỉnh An Phú", int64(123)
	site, err := s.UpdateSite(ctx, def.ID, congtin.SiteUpdate{Name: &name, CounterOffset: &off})
	r.add("update site", site, err)
	site, err = s.UpdateSiteAs(ctx, root, 9999, congtin.SiteUpdate{Name: &name})
	r.add("update missing site", site, err)
	sid := def.ID

	// Users and roles; names whose order differs by bytes and by language.
	users := map[string]*congtin.User{}
	// Keys are short; the names sort differently by bytes and by language.
	for _, n := range []string{"ab", "a.b", "a_c", "a-d", "z", "ab"} {
		u := &congtin.User{Username: "an" + n, DisplayName: "Người " + n, PasswordHash: "h-" + n}
		err := s.CreateUser(ctx, u)
		r.add("create user "+n, u, err)
		if err == nil {
			users[n] = u
		}
		c.Add(1500 * time.Millisecond)
	}
	r.add("bad user", nil, s.CreateUser(ctx, &congtin.User{Username: "X", DisplayName: "x"}))
	for _, nr := range [][2]string{{"ab", congtin.RoleReporter}, {"a.b", congtin.RoleEditor}, {"a_c", congtin.RoleAdmin}, {"a-d", congtin.RoleReporter}} {
		r.add("role "+nr[0], nil, s.SetRole(ctx, sid, users[nr[0]].ID, nr[1]))
	}
	r.add("role z then none", nil, s.SetRole(ctx, sid, users["z"].ID, congtin.RoleEditor))
	r.add("role none", nil, s.SetRole(ctx, sid, users["z"].ID, ""))
	r.add("role missing user", nil, s.SetRole(ctx, sid, 9999, congtin.RoleEditor))
	r.add("role bad", nil, s.SetRole(ctx, sid, users["z"].ID, "boss"))
	members, err := s.FindMembers(ctx, sid)
	r.add("members", members, err)
	role, err := s.FindRole(ctx, sid, users["a.b"].ID)
	r.add("find role", role, err)
	role, err = s.FindRole(ctx, sid, users["z"].ID)
	r.add("find no role", role, err)
	for _, n := range []string{"anab", "nobody", "a\xffb", "a\x00b"} {
		u, err := s.FindUserByUsername(ctx, n)
		r.add("user by name "+n, u, err)
	}
	u, err := s.FindUserByID(ctx, users["z"].ID)
	r.add("user by id", u, err)
	reporter := congtin.Actor{User: users["ab"], Role: congtin.RoleReporter, IP: "10.0.0.2"}
	editor := congtin.Actor{User: users["a.b"], Role: congtin.RoleEditor, IP: "10.0.0.3"}
	admin := congtin.Actor{User: users["a_c"], Role: congtin.RoleAdmin, IP: "10.0.0.4"}

	// Categories: equal positions, so the names decide the order.
	cats := map[string]*congtin.Category{}
	for _, n := range []string{"Đời sống", "Du lịch", "Ánh sáng", "an ninh", "Bình luận", "Z", "á", "Ánh sáng"} {
		cat, err := s.CreateCategory(ctx, admin, sid, congtin.CategoryInput{Name: n, Position: 5})
		r.add("create category "+n, cat, err)
		if err == nil {
			cats[n] = cat
		}
	}
	child, err := s.CreateCategory(ctx, admin, sid, congtin.CategoryInput{Name: "Giao thông", ParentID: cats["an ninh"].ID, Position: 1})
	r.add("create child", child, err)
	cat, err := s.CreateCategory(ctx, admin, sid, congtin.CategoryInput{Name: "Khác", Slug: "du-lich"})
	r.add("create taken slug", cat, err)
	cat, err = s.CreateCategory(ctx, admin, sid, congtin.CategoryInput{Name: "Khác", ParentID: 9999})
	r.add("create missing parent", cat, err)
	cat, err = s.UpdateCategory(ctx, admin, sid, cats["Du lịch"].ID, congtin.CategoryInput{Name: "Du lịch - Văn hóa", Slug: "du-lich-van-hoa", Position: 2})
	r.add("rename category", cat, err)
	cat, err = s.UpdateCategory(ctx, admin, sid, cats["an ninh"].ID, congtin.CategoryInput{Name: "an ninh", ParentID: child.ID})
	r.add("category under its child", cat, err)
	cat, err = s.UpdateCategory(ctx, admin, sid, cats["Z"].ID, congtin.CategoryInput{Name: "á", Position: 5})
	r.add("category to a taken name", cat, err)
	for _, slug := range []string{"du-lich", "du-lich-van-hoa", "nowhere", "\xff"} {
		cat, err := s.FindCategoryRedirect(ctx, sid, slug)
		r.add("redirect "+slug, cat, err)
	}
	r.add("delete parent", nil, s.DeleteCategory(ctx, admin, sid, cats["an ninh"].ID))
	r.add("delete empty", nil, s.DeleteCategory(ctx, admin, sid, cats["Z"].ID))
	r.add("delete missing", nil, s.DeleteCategory(ctx, admin, sid, 9999))
	list, err := s.FindCategories(ctx, sid)
	r.add("categories", list, err)

	// The editorial workflow, with times in another zone and fractions of
	// seconds.
	c.Add(time.Hour + 700*time.Millisecond)
	a, err := s.CreateArticle(ctx, reporter, sid, congtin.ArticleInput{CategoryID: cats["Bình luận"].ID, Title: "Khánh thành cầu Nậm Mu",
		Lead: "Cây cầu nối hai xã.", Body: `<p>Sáng nay, <b>cầu</b> đã thông xe.</p><script>x()</script>`, Author: "Minh Anh"})
	r.add("create article", a, err)
	c.Add(90 * time.Second)
	a2, err := s.CreateArticle(ctx, reporter, sid, congtin.ArticleInput{CategoryID: cats["Bình luận"].ID, Title: "Hẹn giờ đăng",
		Body: "<p>Bài hẹn giờ</p>", PublishedAt: time.Date(2026, 3, 10, 8, 0, 0, 999999999, time.FixedZone("X", -5*3600))})
	r.add("create article with time", a2, err)
	a3, err := s.CreateArticle(ctx, reporter, sid, congtin.ArticleInput{CategoryID: 9999, Title: "Lạc chuyên mục", Body: "<p>x</p>"})
	r.add("create article, missing category", a3, err)
	c.Add(2*time.Minute + 300*time.Millisecond)
	a, err = s.UpdateArticle(ctx, reporter, sid, a.ID, congtin.ArticleInput{CategoryID: cats["Bình luận"].ID, Title: "Khánh thành cầu Nậm Mu mới",
		Lead: "Cây cầu nối hai xã vùng cao.", Body: "<p>Sáng nay cầu đã thông xe.</p>", Author: "Minh Anh"})
	r.add("update article", a, err)
	for _, step := range []struct {
		who     congtin.Actor
		id      int64
		act     string
		comment string
		at      time.Time
	}{
		{reporter, a.ID, congtin.ActSubmit, "", time.Time{}},
		{editor, a.ID, congtin.ActReturn, "Thêm ảnh.", time.Time{}},
		{reporter, a.ID, congtin.ActSubmit, "", time.Time{}},
		{reporter, a.ID, congtin.ActPublish, "", time.Time{}},
		{editor, a.ID, congtin.ActPublish, "", time.Time{}},
		{reporter, a2.ID, congtin.ActSubmit, "", time.Time{}},
		{editor, a2.ID, congtin.ActPublish, "", time.Date(2026, 4, 1, 7, 30, 15, 500000000, time.FixedZone("Y", 3600))},
		{editor, a2.ID, "fly", "", time.Time{}},
		{editor, 9999, congtin.ActSubmit, "", time.Time{}},
	} {
		c.Add(61*time.Second + 250*time.Millisecond)
		got, err := s.TransitionArticle(ctx, step.who, sid, step.id, step.act, step.comment, step.at)
		r.add("transition "+step.act, got, err)
	}
	revs, err := s.FindRevisions(ctx, sid, a.ID)
	r.add("revisions", revs, err)
	if len(revs) > 1 {
		rev, err := s.FindRevision(ctx, sid, revs[len(revs)-1].ID)
		r.add("first revision", rev, err)
		c.Add(10 * time.Second)
		got, err := s.RestoreRevision(ctx, editor, sid, rev.ID)
		r.add("restore", got, err)
		got, err = s.RestoreRevision(ctx, reporter, sid, rev.ID)
		r.add("restore as reporter", got, err)
	}
	rev, err := s.FindRevision(ctx, sid, 9999)
	r.add("missing revision", rev, err)
	notes, err := s.FindNotes(ctx, a.Item().Ref)
	r.add("notes", notes, err)
	for _, f := range []congtin.AdminArticleFilter{{SiteID: sid}, {SiteID: sid, Status: congtin.StatusPublished}, {SiteID: sid, CreatedBy: users["ab"].ID, Limit: 1, Offset: 1}, {SiteID: sid, Status: "\xff"}} {
		list, n, err := s.FindAdminArticles(ctx, f)
		r.add(fmt.Sprintf("admin articles %+v", f), []any{list, n}, err)
	}

	// Imports: fractional seconds, zones, a date before 1970, re-imports.
	recs := []congtin.ArticleImport{
		{Title: "Tin một", Body: "<p>Một</p>", Category: "Tin tức > Trong tỉnh", PublishedAt: "2019-10-01T10:40:00.750+07:00"},
		{Title: "Tin hai", Body: "<p>Hai</p>", Category: "Tin tức", PublishedAt: "2019-10-01T03:40:00.250Z", ExternalID: "ext-2", Featured: true},
		{Title: "Tin xưa", Body: "<p>Xưa</p>", Category: "Lịch sử", PublishedAt: "1954-05-07T17:30:00.5+07:00"},
		{Title: "Tin một", Body: "<p>Một bản khác</p>", Category: "Tin tức > Trong tỉnh", PublishedAt: "2019-10-01T10:40:00.100+07:00"},
	}
	res, err := s.ImportArticles(ctx, sid, recs)
	r.add("import", res, err)
	c.Add(time.Minute)
	recs[1].Lead = "Tóm tắt mới"
	res, err = s.ImportArticles(ctx, sid, recs)
	r.add("re-import", res, err)
	for _, id := range []int64{a.ID, 9999} {
		got, err := s.FindArticleByID(ctx, sid, id)
		r.add("article by id", got, err)
	}
	r.add("unpublish", nil, s.SetArticleStatus(ctx, sid, a.ID, congtin.StatusUnpublished))
	r.add("republish", nil, s.SetArticleStatus(ctx, sid, a.ID, congtin.StatusPublished))
	r.add("bad status", nil, s.SetArticleStatus(ctx, sid, a.ID, "gone"))
	yes := true
	for _, f := range []congtin.ArticleFilter{
		{SiteID: sid},
		{SiteID: sid, Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)},
		{SiteID: sid, Featured: &yes},
		{SiteID: sid, From: time.Date(2019, 10, 1, 0, 0, 0, 0, congtin.VietnamZone), To: time.Date(2019, 10, 1, 10, 40, 0, 600000000, congtin.VietnamZone)},
		{SiteID: sid, Oldest: true, Limit: 2, Offset: 1},
		{SiteID: sid, CategoryIDs: []int64{cats["Bình luận"].ID}},
		{SiteID: sid, Before: a, Limit: 1},
		{SiteID: sid, After: &congtin.Article{ID: 1, PublishedAt: time.Date(1954, 5, 7, 17, 30, 0, 900000000, congtin.VietnamZone)}},
	} {
		list, n, err := s.FindArticles(ctx, f)
		r.add("find articles", []any{list, n}, err)
	}

	// Counters.
	b := &congtin.CounterBatch{
		Views:  map[congtin.ViewKey]int64{{SiteID: sid, ArticleID: a.ID, Day: "2026-03-02"}: 3, {SiteID: sid, ArticleID: a2.ID, Day: "2026-03-02"}: 1},
		Visits: map[congtin.VisitKey]int64{{SiteID: sid, Day: "2026-03-02"}: 7},
	}
	r.add("add counts", nil, s.AddCounts(ctx, b))
	r.add("add counts again", nil, s.AddCounts(ctx, b))
	views, err := s.ArticleViews(ctx, a.ID)
	r.add("views", views, err)
	views, err = s.ArticleViews(ctx, 9999)
	r.add("views of none", views, err)
	total, today, err := s.Visits(ctx, sid, "2026-03-02")
	r.add("visits", []int64{total, today}, err)
	total, today, err = s.Visits(ctx, sid, "2026-03-03")
	r.add("visits other day", []int64{total, today}, err)

	// Sessions and tokens.
	sess := &congtin.Session{UserID: users["a.b"].ID, IP: "10.0.0.3", ExpiresAt: c.Now().Add(time.Hour + 400*time.Millisecond)}
	r.add("create session", sess, s.CreateSession(ctx, sess, "hash-1"))
	sess2 := &congtin.Session{UserID: users["a.b"].ID, IP: "10.0.0.3", ExpiresAt: c.Now().Add(24 * time.Hour)}
	r.add("create session 2", sess2, s.CreateSession(ctx, sess2, "hash-2"))
	for _, h := range []string{"hash-1", "hash-2", "nope", "\xff"} {
		got, err := s.FindSession(ctx, h)
		r.add("session "+h, got, err)
	}
	c.Add(time.Hour)
	got, err := s.FindSession(ctx, "hash-1")
	r.add("session at its expiry", got, err)
	c.Add(time.Second)
	got, err = s.FindSession(ctx, "hash-1")
	r.add("expired session", got, err)
	r.add("password", nil, s.SetPasswordHash(ctx, users["a.b"].ID, "new", sess2.ID))
	r.add("password of none", nil, s.SetPasswordHash(ctx, 9999, "new", 0))
	got, err = s.FindSession(ctx, "hash-2")
	r.add("kept session", got, err)
	r.add("token", nil, s.CreateAPIToken(ctx, users["a_c"].ID, "máy chủ", "tok-1"))
	tu, err := s.FindUserByAPIToken(ctx, "tok-1")
	r.add("user by token", tu, err)
	r.add("disable", nil, s.SetDisabled(ctx, users["a_c"].ID, true))
	tu, err = s.FindUserByAPIToken(ctx, "tok-1")
	r.add("disabled user's token", tu, err)
	r.add("enable", nil, s.SetDisabled(ctx, users["a_c"].ID, false))
	r.add("disable none", nil, s.SetDisabled(ctx, 9999, true))
	r.add("logout", nil, s.DeleteSession(ctx, "hash-2"))
	got, err = s.FindSession(ctx, "hash-2")
	r.add("session after logout", got, err)

	// The lock-out window, on fractions of seconds.
	start := c.Now()
	for i, n := range []string{"anab", "anab", "ANAB", "a\xffb", "anab"} {
		r.add(fmt.Sprintf("failure %d", i), nil, s.RecordLoginFailure(ctx, n, "10.9.9.9"))
		c.Add(700 * time.Millisecond)
	}
	for _, since := range []time.Time{start, start.Add(600 * time.Millisecond), start.Add(1100 * time.Millisecond), start.Add(time.Hour)} {
		for _, n := range []string{"anab", "a\xffb"} {
			byUser, byIP, err := s.CountLoginFailures(ctx, n, "10.9.9.9", since)
			r.add("count failures "+n, []int{byUser, byIP}, err)
		}
	}
	r.add("clear failures", nil, s.ClearLoginFailures(ctx, "anab"))
	byUser, byIP, err := s.CountLoginFailures(ctx, "anab", "10.9.9.9", start)
	r.add("count after clear", []int{byUser, byIP}, err)

	// Media.
	m := &congtin.Media{SiteID: sid, Hash: "abc", Name: "ảnh.jpg", ContentType: "image/jpeg", Width: 1600, Height: 900, UploadedBy: users["ab"].ID,
		Variants: []congtin.MediaVariant{{Width: 320, Height: 180, Key: "ab/abc-320.jpg"}}}
	got2, err := s.AddMedia(ctx, reporter, m)
	r.add("add media", got2, err)
	c.Add(time.Minute)
	got2, err = s.AddMedia(ctx, reporter, m)
	r.add("add media again", got2, err)
	m2 := *m
	m2.Hash, m2.Variants = "def", nil
	got2, err = s.AddMedia(ctx, reporter, &m2)
	r.add("add other media", got2, err)
	media, n, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: sid, Limit: 1})
	r.add("find media", []any{media, n}, err)
	media, n, err = s.FindMedia(ctx, congtin.MediaFilter{SiteID: sid, Offset: 1})
	r.add("find media page 2", []any{media, n}, err)

	// The audit log of all of the above.
	r.add("audit bad name", nil, s.AddAudit(ctx, &congtin.AuditEntry{SiteID: sid, Username: "x\xffy", IP: "1.2.3.4", Action: "login_failed"}))
	for _, f := range []congtin.AuditFilter{
		{SiteID: sid, Limit: 1000},
		{SiteID: sid, Action: "article"},
		{SiteID: sid, Action: "article.publish"},
		{SiteID: sid, Action: "art"},
		{SiteID: sid, Username: "anab", Limit: 3, Offset: 1},
		{SiteID: sid, ObjectType: "category", ObjectID: cats["Du lịch"].ID},
		{SiteID: sid, From: start.Add(-500 * time.Millisecond), To: c.Now().Add(time.Second)},
		{SiteID: 9999},
	} {
		list, n, err := s.FindAudit(ctx, f)
		r.add(fmt.Sprintf("audit %+v", f), []any{list, n}, err)
	}

	// Search.
	r.add("reindex", nil, func() error { _, err := s.Reindex(ctx); return err }())
	for _, q := range []congtin.SearchQuery{
		{SiteID: sid, Q: "nam mu"},
		{SiteID: sid, Q: "Nậm Mu", Sort: congtin.SortNewest},
		{SiteID: sid, Q: `"cầu nậm"`},
		{SiteID: sid, Q: "tin"},
		{SiteID: sid, Q: "tin", From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2019, 10, 1, 10, 40, 0, 500000000, congtin.VietnamZone)},
		{SiteID: sid, Q: "hẹn giờ"},
		{SiteID: sid, Q: "hẹn giờ", Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)},
		{SiteID: sid, Q: "!!!"},
	} {
		res, err := s.Search(ctx, q)
		r.add("search "+q.Q, res, err)
	}

	// The change log the triggers wrote for all of the above.
	last, err := s.LastChangeID(ctx)
	r.add("last change", last, err)
	changes, err := s.ChangesAfter(ctx, 0, 1000)
	r.add("changes", changes, err)
	changes, err = s.ChangesAfter(ctx, 3, 2)
	r.add("changes after 3", changes, err)
	live, err := s.WentLive(ctx, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))
	r.add("went live", live, err)
	r.add("prune", nil, s.PruneChanges(ctx, 5))
	changes, err = s.ChangesAfter(ctx, 0, 1000)
	r.add("changes after pruning", changes, err)
}

// TestSearchMatchesSQLite imports the relevance corpus into both stores
// and compares, for every relevance query and many more made from the
// corpus's own titles, quoted and not, newest first, filtered and paged,
// the totals, the articles and the scores the two stores return.
func TestSearchMatchesSQLite(t *testing.T) {
	lite, pg := openSQLite(t), MustOpenDB(t)
	fixed := func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone) }
	lite.SetNow(fixed)
	pg.SetNow(fixed)
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)
	var queries []congtin.SearchQuery
	add := func(q congtin.SearchQuery) {
		queries = append(queries, q)
		quoted := q
		quoted.Q = `"` + q.Q + `"`
		newest := q
		newest.Sort = congtin.SortNewest
		paged := q
		paged.Offset, paged.Limit = 3, 4
		queries = append(queries, quoted, newest, paged)
	}
	for _, q := range relevance.Queries() {
		add(congtin.SearchQuery{Q: q.Q, Limit: 50, Now: now})
	}
	corpus := relevance.Corpus()
	for i, a := range corpus {
		if i%9 != 0 {
			continue
		}
		w := strings.Fields(a.Title)
		if len(w) >= 4 {
			add(congtin.SearchQuery{Q: strings.Join(w[:2], " "), Limit: 30, Now: now})
			add(congtin.SearchQuery{Q: strings.Join(w[1:4], " "), Now: now})
			add(congtin.SearchQuery{Q: w[2], Limit: 100, Now: now})
		}
	}
	// Words in most of the corpus, with filters that keep most of it:
	// more matches than are ranked, so which ones are ranked shows.
	wide := func(q string) congtin.SearchQuery {
		return congtin.SearchQuery{Q: q, Now: now, From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	add(wide("tỉnh"))
	add(wide("các"))
	add(wide("các tỉnh"))
	add(wide("cac dia phuong"))
	for _, q := range []string{"", "!!!", "a", "và", "2024", "xyzzy qwerty", strings.Repeat("an ninh ", 40), "tỉnh", "Tỉnh ủy", "d", "đ"} {
		add(congtin.SearchQuery{Q: q, Now: now})
		add(congtin.SearchQuery{Q: q, Now: time.Date(2022, 6, 1, 0, 0, 0, 0, congtin.VietnamZone)})
		add(congtin.SearchQuery{Q: q, Now: now, From: time.Date(2023, 1, 1, 0, 0, 0, 0, congtin.VietnamZone), To: time.Date(2024, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)})
	}

	record := func(s congtin.Service) []string {
		site := storetest.MustSite(t, s)
		storetest.MustImport(t, s, site.ID, corpus...)
		cats, err := s.FindCategories(t.Context(), site.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := &recorder{}
		for _, q := range queries {
			q.SiteID = site.ID
			res, err := s.Search(t.Context(), q)
			r.add(fmt.Sprintf("%q sort=%q offset=%d limit=%d now=%s from=%s", q.Q, q.Sort, q.Offset, q.Limit, q.Now.Format(time.DateOnly), q.From.Format(time.DateOnly)), brief(res), err)
		}
		// Each category with its children, for a few words.
		cs := congtin.Categories(cats)
		for _, c := range cs {
			for _, w := range []string{"tỉnh", "phát triển", "dân"} {
				res, err := s.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: w, CategoryIDs: cs.Subtree(c.ID), Now: now})
				r.add("category "+c.Name+" "+w, brief(res), err)
			}
		}
		return r.lines
	}
	compare(t, record(app.New(lite)), record(app.New(pg)))
	t.Logf("%d searches compared", len(queries))
}

// brief is a search result as its total and its hits' IDs, external IDs,
// scores and times: enough to tell two results apart, short enough to read.
func brief(res *congtin.SearchResult) string {
	if res == nil {
		return "nil"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "total=%d capped=%v", res.Total, res.Capped)
	for _, h := range res.Hits {
		fmt.Fprintf(&b, " %d/%s/%v/%s", h.Article.ID, h.Article.ExternalID, h.Score, h.Article.PublishedAt.Format(time.RFC3339))
	}
	return b.String()
}
