package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// changeCount returns the store's newest change ID.
func changeCount(t *testing.T, s congtin.Service) int64 {
	t.Helper()
	id, err := s.LastChangeID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// wantWholeSiteChange fails unless a whole-site change of the site was
// logged after the change ID before (none when want is false).
func wantWholeSiteChange(t *testing.T, s congtin.Service, siteID, before int64, want bool, what string) {
	t.Helper()
	got, err := s.ChangesAfter(context.Background(), before, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := slices.ContainsFunc(got, func(c *congtin.Change) bool { return c.WholeSite() && c.SiteID == siteID })
	if found != want {
		t.Fatalf("%s: whole-site change logged = %v, want %v (%d changes)", what, found, want, len(got))
	}
}

func vnTime(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, congtin.VietnamZone)
}

func testSchedule(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Sở")
	pv := MustUser(t, s, site.ID, "pv1", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "btv", congtin.RoleEditor)
	w48 := congtin.Week{Year: 2026, Num: 48}

	// A week nobody wrote is an empty draft.
	wk, es, err := s.FindScheduleWeek(ctx, site.ID, w48)
	if err != nil || wk.Status != congtin.StatusDraft || len(es) != 0 {
		t.Fatalf("empty week: %+v %v %v", wk, es, err)
	}
	in := congtin.ScheduleInput{Start: vnTime(2026, 11, 24, 14, 0), End: vnTime(2026, 11, 24, 16, 30),
		Content: " Họp Ủy ban nhân dân tỉnh <b>thường kỳ</b> ", Participants: "Lãnh đạo các sở", Place: "Phòng họp số 1", Chair: "Chủ tịch UBND tỉnh"}
	e1, err := s.CreateScheduleEntry(ctx, pv, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if e1.Week != "2026-W48" || !e1.Start.Equal(in.Start) || !e1.End.Equal(in.End) || e1.Content != "Họp Ủy ban nhân dân tỉnh <b>thường kỳ</b>" {
		t.Fatalf("created: %+v", e1)
	}
	// Stored as typed: the page escapes it.
	early, err := s.CreateScheduleEntry(ctx, pv, site.ID, congtin.ScheduleInput{Start: vnTime(2026, 11, 23, 7, 30), Content: "Chào cờ đầu tuần"})
	if err != nil || !early.End.IsZero() {
		t.Fatalf("entry without an end: %+v %v", early, err)
	}

	// The week lists its entries by start. (Bad input, and the steps a
	// role or the week's state does not allow, are the service's to
	// refuse: internal/app's TestScheduleRefused.)
	if _, es, _ := s.FindScheduleWeek(ctx, site.ID, w48); len(es) != 2 || es[0].ID != early.ID || es[1].ID != e1.ID {
		t.Fatalf("the week: %d entries, want the 2 by start", len(es))
	}

	// The week is not public before it is published.
	if got, err := s.FindPublicSchedule(ctx, site.ID, w48.Monday(), w48.End(), 0); err != nil || len(got) != 0 {
		t.Fatalf("draft week public: %v %v", got, err)
	}
	// The reporter submits; the editor returns it, and publishes it.
	if _, err := s.TransitionScheduleWeek(ctx, pv, site.ID, w48, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	wk, err = s.TransitionScheduleWeek(ctx, ed, site.ID, w48, congtin.ActReturn, "Bổ sung thành phần")
	if err != nil || wk.Status != congtin.StatusReturned || wk.Note != "Bổ sung thành phần" {
		t.Fatalf("return: %+v %v", wk, err)
	}
	in.Participants = "Lãnh đạo các sở, ngành"
	if _, err := s.UpdateScheduleEntry(ctx, pv, site.ID, e1.ID, in); err != nil {
		t.Fatal(err)
	}
	before := changeCount(t, s)
	wk, err = s.TransitionScheduleWeek(ctx, ed, site.ID, w48, congtin.ActPublish, "")
	if err != nil || wk.Status != congtin.StatusPublished || wk.PublishedAt.IsZero() {
		t.Fatalf("publish: %+v %v", wk, err)
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "publishing a week")

	pub, err := s.FindPublicSchedule(ctx, site.ID, w48.Monday(), w48.End(), 0)
	if err != nil || len(pub) != 2 || pub[1].Participants != "Lãnh đạo các sở, ngành" {
		t.Fatalf("published week: %+v %v", pub, err)
	}
	if got, _ := s.FindPublicSchedule(ctx, site.ID, vnTime(2026, 11, 24, 0, 0), w48.End(), 1); len(got) != 1 || got[0].ID != e1.ID {
		t.Fatalf("from Tuesday, limit 1: %+v", got)
	}
	if got, _ := s.FindPublicSchedule(ctx, other.ID, w48.Monday(), w48.End(), 0); len(got) != 0 {
		t.Fatalf("another site sees %d entries", len(got))
	}
	if _, err := s.FindScheduleEntry(ctx, other.ID, e1.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's entry: %v", err)
	}

	// An editor edits the published week: public at once, and logged.
	before = changeCount(t, s)
	in.Start, in.End = vnTime(2026, 11, 25, 8, 0), time.Time{}
	moved, err := s.UpdateScheduleEntry(ctx, ed, site.ID, e1.ID, in)
	if err != nil || moved.Week != "2026-W48" || !moved.End.IsZero() {
		t.Fatalf("editor's edit: %+v %v", moved, err)
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "editing a published week")
	// Moving an entry into next week starts that week as the editor's draft.
	in.Start = vnTime(2026, 12, 1, 8, 0)
	moved, err = s.UpdateScheduleEntry(ctx, ed, site.ID, e1.ID, in)
	if err != nil || moved.Week != "2026-W49" {
		t.Fatalf("move to next week: %+v %v", moved, err)
	}
	if wk, es, _ := s.FindScheduleWeek(ctx, site.ID, w48.Next()); wk.Status != congtin.StatusDraft || len(es) != 1 {
		t.Fatalf("next week: %+v, %d entries", wk, len(es))
	}
	if got, _ := s.FindPublicSchedule(ctx, site.ID, w48.Monday(), w48.Next().End(), 0); len(got) != 1 || got[0].ID != early.ID {
		t.Fatalf("after the move, public: %+v", got)
	}
	// A draft week's edits change no public page.
	before = changeCount(t, s)
	in.Content = "Làm việc với Sở Y tế"
	if _, err := s.UpdateScheduleEntry(ctx, ed, site.ID, e1.ID, in); err != nil {
		t.Fatal(err)
	}
	wantWholeSiteChange(t, s, site.ID, before, false, "editing a draft week")

	if err := s.DeleteScheduleEntry(ctx, ed, site.ID, early.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindScheduleEntry(ctx, site.ID, early.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("deleted entry: %v", err)
	}
	WantCode(t, s.DeleteScheduleEntry(ctx, ed, site.ID, early.ID), congtin.ENOTFOUND, "delete twice")
	revs, err := s.FindScheduleRevisions(ctx, site.ID, w48)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, r := range revs {
		notes = append(notes, r.Note)
	}
	if want := []string{"Xóa", "Sửa", "Sửa", "Tạo mới", "Tạo mới"}; !slices.Equal(notes, want) {
		t.Fatalf("week 48 revisions %v, want %v", notes, want)
	}
	if revs[0].Content != "Chào cờ đầu tuần" || revs[0].UserName != ed.User.DisplayName {
		t.Fatalf("deletion revision: %+v", revs[0])
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "schedule"})
	for _, want := range []string{"schedule.create", "schedule.submit", "schedule.return", "schedule.publish", "schedule.edit", "schedule.delete"} {
		if !slices.Contains(acts, want) {
			t.Errorf("audit log lacks %s: %v", want, acts)
		}
	}
	// Unpublishing takes the week off the site.
	if _, err := s.TransitionScheduleWeek(ctx, ed, site.ID, w48, congtin.ActUnpublish, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindPublicSchedule(ctx, site.ID, w48.Monday(), w48.End(), 0); len(got) != 0 {
		t.Fatalf("unpublished week still public: %d", len(got))
	}
	// The week's workflow history, named by its key.
	ns, err := s.FindNotes(ctx, congtin.Ref{Kind: congtin.KindScheduleWeek, SiteID: site.ID, Key: "2026-W48"})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, n := range ns {
		steps = append(steps, n.Action+":"+n.Status+":"+n.Comment)
	}
	if want := []string{"submit:submitted:", "return:returned:Bổ sung thành phần", "publish:published:", "unpublish:unpublished:"}; !slices.Equal(steps, want) {
		t.Fatalf("week 48 notes %v, want %v", steps, want)
	}
}

func testAboutPages(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Sở")
	pv := MustUser(t, s, site.ID, "pv1", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "btv", congtin.RoleEditor)

	in := congtin.PageInput{Title: "Chức năng, nhiệm vụ", Body: `<p onclick="x()">Ủy ban <script>alert(1)</script><strong>nhân dân</strong></p>`,
		TitleEN: "Functions and duties", BodyEN: "<p>The People's Committee <img src=x onerror=alert(1)></p>", Position: 2}
	p, err := s.CreatePage(ctx, pv, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Slug != "chuc-nang-nhiem-vu" || p.SlugEN != "functions-and-duties" || p.Status != congtin.StatusDraft {
		t.Fatalf("created: %+v", p)
	}
	for _, b := range []string{p.Body, p.BodyEN} {
		if strings.Contains(b, "script") || strings.Contains(b, "onclick") || strings.Contains(b, "onerror") {
			t.Fatalf("body not sanitized: %q", b)
		}
	}
	if !strings.Contains(p.Body, "<strong>nhân dân</strong>") {
		t.Fatalf("sanitizing lost the text: %q", p.Body)
	}
	hist, err := s.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Lịch sử hình thành", Body: "<p>Năm 1900</p>", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Slugs are unique per site in each language (the service refuses a
	// taken or reserved one: internal/app's TestPageRefused); another site
	// may have the same.
	if _, err := s.CreatePage(ctx, ed, other.ID, congtin.PageInput{Title: "Chức năng, nhiệm vụ"}); err != nil {
		t.Fatalf("same slug on another site: %v", err)
	}

	if ps, _ := s.FindPages(ctx, site.ID, true); len(ps) != 0 {
		t.Fatalf("drafts public: %d", len(ps))
	}
	before := changeCount(t, s)
	for _, id := range []int64{p.ID, hist.ID} {
		if _, err := s.TransitionPage(ctx, ed, site.ID, id, congtin.ActPublish, ""); err != nil {
			t.Fatal(err)
		}
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "publishing a page")
	ps, err := s.FindPages(ctx, site.ID, true)
	if err != nil || len(ps) != 2 || ps[0].ID != hist.ID || ps[1].ID != p.ID {
		t.Fatalf("public pages in menu order: %+v %v", ps, err)
	}
	got, err := s.FindPageBySlug(ctx, site.ID, "functions-and-duties", true)
	if err != nil || got.ID != p.ID || got.PathEN() != "/en/about/functions-and-duties" || got.Path() != "/gioi-thieu/chuc-nang-nhiem-vu" {
		t.Fatalf("by English slug: %+v %v", got, err)
	}
	if _, err := s.FindPageBySlug(ctx, site.ID, "", true); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("empty English slug: %v", err)
	}
	if _, err := s.FindPageBySlug(ctx, site.ID, "lich-su-\xff", false); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("invalid slug: %v", err)
	}
	if _, err := s.FindPage(ctx, other.ID, p.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's page: %v", err)
	}
	// An editor edits a published page, with a revision, and can restore
	// the first one.
	in2 := in
	in2.Title, in2.Slug, in2.TitleEN = "Chức năng và nhiệm vụ", "chuc-nang-nhiem-vu", ""
	in2.BodyEN = ""
	up, err := s.UpdatePage(ctx, ed, site.ID, p.ID, in2)
	if err != nil || up.Title != "Chức năng và nhiệm vụ" || up.HasEnglish() || up.SlugEN != "" {
		t.Fatalf("update: %+v %v", up, err)
	}
	revs, err := s.FindPageRevisions(ctx, site.ID, p.ID)
	if err != nil || len(revs) != 2 || revs[0].Note != "Sửa" || revs[1].Note != "Tạo mới" {
		t.Fatalf("revisions: %+v %v", revs, err)
	}
	back, err := s.RestorePageRevision(ctx, ed, site.ID, revs[1].ID)
	if err != nil || back.Title != "Chức năng, nhiệm vụ" || back.SlugEN != "functions-and-duties" || back.Status != congtin.StatusPublished {
		t.Fatalf("restore: %+v %v", back, err)
	}
	if _, err := s.RestorePageRevision(ctx, ed, other.ID, revs[1].ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("restore from another site: %v", err)
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "page"})
	if want := []string{"page.restore", "page.edit", "page.publish", "page.publish", "page.create", "page.create"}; !slices.Equal(acts, want) {
		t.Fatalf("audit %v, want %v", acts, want)
	}
	if _, err := s.TransitionPage(ctx, ed, site.ID, hist.ID, congtin.ActUnpublish, ""); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.FindPages(ctx, site.ID, true); len(ps) != 1 {
		t.Fatalf("after unpublish: %d public pages", len(ps))
	}
	if ps, _ := s.FindPages(ctx, site.ID, false); len(ps) != 2 {
		t.Fatalf("all pages: %d", len(ps))
	}
	ns, err := s.FindNotes(ctx, congtin.Ref{Kind: congtin.KindPage, SiteID: site.ID, ID: hist.ID})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, n := range ns {
		steps = append(steps, n.Action+":"+n.Status+":"+n.UserName)
	}
	if want := []string{"create:draft:" + ed.User.DisplayName, "publish:published:" + ed.User.DisplayName, "unpublish:unpublished:" + ed.User.DisplayName}; !slices.Equal(steps, want) {
		t.Fatalf("page notes %v, want %v", steps, want)
	}
}

func testUnits(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Sở")
	ed := MustUser(t, s, site.ID, "btv", congtin.RoleEditor)

	// Who may change the chart and what a unit must be are the service's
	// rules (internal/app's TestUnitRefused).
	top, err := s.CreateUnit(ctx, ed, site.ID, congtin.UnitInput{Name: " Ủy ban nhân dân tỉnh ", NameEN: "Provincial People's Committee", Phone: "(0200) 3 868 686",
		Email: "ubnd@anphu.gov.vn", Leaders: []congtin.Leader{{Name: "Nguyễn Văn An", Title: "Chủ tịch", TitleEN: "Chairman"}, {}, {Name: "Trần Thị Bình", Title: "Phó Chủ tịch"}}})
	if err != nil {
		t.Fatal(err)
	}
	if top.Name != "Ủy ban nhân dân tỉnh" || len(top.Leaders) != 2 || top.Leaders[1].Name != "Trần Thị Bình" {
		t.Fatalf("created: %+v", top)
	}
	vp, err := s.CreateUnit(ctx, ed, site.ID, congtin.UnitInput{Name: "Văn phòng UBND", ParentID: top.ID, Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	so, err := s.CreateUnit(ctx, ed, site.ID, congtin.UnitInput{Name: "Sở Y tế", ParentID: top.ID, Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	before := changeCount(t, s)
	if _, err := s.UpdateUnit(ctx, ed, site.ID, top.ID, congtin.UnitInput{Name: "UBND tỉnh", Leaders: []congtin.Leader{{Name: "Lê Văn Cường", Title: "Chủ tịch",
		Spokesperson: true, Phone: "0912 868 600", Email: "phatngon@anphu.gov.vn"}}}); err != nil {
		t.Fatal(err)
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "changing a unit")
	us, err := s.FindUnits(ctx, site.ID)
	if err != nil || len(us) != 3 {
		t.Fatalf("units: %+v %v", us, err)
	}
	tree := congtin.UnitTree(us)
	if l := tree[0].Leaders[0]; !l.Spokesperson || l.Phone != "0912 868 600" || l.Email != "phatngon@anphu.gov.vn" {
		t.Fatalf("the spokesperson's mark and contacts: %+v", l)
	}
	if len(tree) != 1 || tree[0].Name != "UBND tỉnh" || len(tree[0].Leaders) != 1 || len(tree[0].Children) != 2 ||
		tree[0].Children[0].ID != so.ID || tree[0].Children[1].ID != vp.ID {
		t.Fatalf("tree: %+v", tree)
	}
	if err := s.DeleteUnit(ctx, ed, site.ID, vp.ID); err != nil {
		t.Fatal(err)
	}
	WantCode(t, s.DeleteUnit(ctx, ed, other.ID, so.ID), congtin.ENOTFOUND, "delete another site's unit")
	if us, _ := s.FindUnits(ctx, other.ID); len(us) != 0 {
		t.Fatalf("another site has %d units", len(us))
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "unit"})
	if want := []string{"unit.delete", "unit.update", "unit.create", "unit.create", "unit.create"}; !slices.Equal(acts, want) {
		t.Fatalf("audit %v, want %v", acts, want)
	}
}

func testLinks(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	// Every site starts with the national portals.
	ls, err := s.FindLinks(ctx, site.ID)
	if err != nil || len(ls) != 2 || ls[0].URL != "https://dichvucong.gov.vn" || ls[1].URL != "https://chinhphu.vn" {
		t.Fatalf("default links: %+v %v", ls, err)
	}
	other := MustCreateSite(t, s, "so.example", "Sở")
	if ls, _ := s.FindLinks(ctx, other.ID); len(ls) != 2 {
		t.Fatalf("a new site has %d links, want the 2 defaults", len(ls))
	}
	ad := MustUser(t, s, site.ID, "qtv", congtin.RoleAdmin)
	in := congtin.LinkInput{Name: "Sở Y tế", URL: "https://soyte.anphu.gov.vn/", Group: "Cơ quan liên quan", Position: 5}
	// Who may change the links and which addresses they take are the
	// service's rules (internal/app's TestLinkRefused).
	before := changeCount(t, s)
	l, err := s.CreateLink(ctx, ad, site.ID, in)
	if err != nil || l.Group != "Cơ quan liên quan" {
		t.Fatalf("create: %+v %v", l, err)
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "adding a link")
	in.Group, in.Position = "", 0
	l, err = s.UpdateLink(ctx, ad, site.ID, l.ID, in)
	if err != nil || l.Group != congtin.DefaultLinkGroup {
		t.Fatalf("update: %+v %v", l, err)
	}
	ls, _ = s.FindLinks(ctx, site.ID)
	if len(ls) != 3 || ls[0].ID != l.ID {
		t.Fatalf("order by position: %+v", ls)
	}
	_, err = s.UpdateLink(ctx, ad, other.ID, l.ID, in)
	WantCode(t, err, congtin.ENOTFOUND, "update another site's link")
	if err := s.DeleteLink(ctx, ad, site.ID, l.ID); err != nil {
		t.Fatal(err)
	}
	if ls, _ := s.FindLinks(ctx, site.ID); len(ls) != 2 {
		t.Fatalf("after delete: %d", len(ls))
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "link"})
	if want := []string{"link.delete", "link.update", "link.create"}; !slices.Equal(acts, want) {
		t.Fatalf("audit %v, want %v", acts, want)
	}
}
