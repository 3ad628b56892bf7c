package main_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

// commune is a SQLite installation filled as a commune's portal is: by
// the commands, by the back office (here: the store's methods it calls)
// and by readers (counters).
type commune struct {
	path, db  string   // the file, and its -db setting
	paths     []string // public paths the import printed
	titles    []string // their titles
	passwords map[string]string
	apiToken  string // bientap's, made by `congtin user token`
	session   string // a signed-in browser's cookie value, of bientap
	users     []string
	days      []string // days with visits
	oldSlug   string   // a renamed category's former slug
	documents []int64  // of the register, on the default site
}

// fillCommune builds a commune's installation with a row in every table.
func fillCommune(t *testing.T, dir string) *commune {
	t.Helper()
	ctx := context.Background()
	c := &commune{path: filepath.Join(dir, "xa-an-phu.db"), passwords: map[string]string{}}
	c.db = "sqlite:" + c.path
	must := func(args ...string) string {
		t.Helper()
		out, errOut, err := runCmd(t, args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args[:2], " "), err, errOut)
		}
		return out
	}

	// Through the commands: articles (nested categories, a featured one),
	// settings, a second site, users with roles, an API token.
	recs := articleRecords(30)
	for i := range recs {
		if i%3 == 1 {
			recs[i]["category"] = "Kinh tế > Nông nghiệp"
		}
	}
	recs[2]["featured"] = true
	out := must("import", "-db", c.db, writeJSON(t, dir, "bai.json", recs))
	c.paths = strings.Fields(out)
	if len(c.paths) != 30 {
		t.Fatalf("import printed %q", out)
	}
	for _, r := range recs {
		c.titles = append(c.titles, r["title"].(string))
	}
	must("site", "set", "-db", c.db, "-name", "Cổng thông tin điện tử xã An Phú", "-agency", "Ủy ban nhân dân xã An Phú",
		"-phone", "0296 3861 234", "-counter-offset", "4000000", "-canonical-host", "anphu.example")
	if out := must("site", "add", "-db", c.db, "-host", "soyte.anphu.gov.vn", "-name", "Sở Y tế tỉnh An Phú", "-scheme", "http"); !strings.Contains(out, "URLs http://soyte.anphu.gov.vn/") {
		t.Fatalf("site add printed %q", out)
	}
	if _, errOut, err := runCmd(t, "site", "set", "-db", c.db, "-site", "khac.example", "-name", "X"); err == nil || !strings.Contains(errOut, "no site has the host") {
		t.Fatalf("site set -site with a host no site has: %v, %s", err, errOut)
	}
	for _, u := range []struct{ name, role, display string }{
		{"quantri", "admin", "Quản trị viên"}, {"bientap", "editor", "Trần Thị Biên Tập"}, {"phongvien", "reporter", "Lê Văn Phóng"}, {"nghihuu", "reporter", "Người đã nghỉ"},
	} {
		pw := "mat-khau-cua-" + u.name
		c.passwords[u.name] = pw
		file := filepath.Join(dir, u.name+".pw")
		if err := os.WriteFile(file, []byte(pw+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		args := []string{"user", "add", "-db", c.db, "-name", u.name, "-role", u.role, "-display", u.display, "-password-file", file}
		if u.name == "quantri" {
			args = append(args, "-super")
		}
		must(args...)
		c.users = append(c.users, u.name)
	}
	c.apiToken = strings.TrimSpace(must("user", "token", "-db", c.db, "-name", "bientap", "-label", "tích hợp"))

	// Through the store, as the back office and the portal write.
	raw := storetest.MustOpenSQLite(t, c.path)
	db := app.New(raw)
	defer raw.Close()
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	site, err := db.DefaultSite(ctx)
	ok(err)
	sites, err := db.FindSites(ctx)
	ok(err)
	user := map[string]*congtin.User{}
	for _, name := range c.users {
		user[name], err = db.FindUserByUsername(ctx, name)
		ok(err)
	}
	admin := congtin.Actor{User: user["quantri"], Role: congtin.RoleAdmin, IP: "10.0.0.2"}
	editor := congtin.Actor{User: user["bientap"], Role: congtin.RoleEditor, IP: "10.0.0.7"}
	reporter := congtin.Actor{User: user["phongvien"], Role: congtin.RoleReporter, IP: "10.0.0.9"}
	ok(db.SetDisabled(ctx, user["nghihuu"].ID, true))
	ok(db.SetRole(ctx, sites[1].ID, user["bientap"].ID, congtin.RoleAdmin))

	// A category moved under a newer one (its parent's ID is higher than
	// its own), renamed to a new address (a redirect), and a hidden one.
	special, err := db.CreateCategory(ctx, admin, site.ID, congtin.CategoryInput{Name: "Chuyên đề", Position: 5})
	ok(err)
	files, err := db.CreateCategory(ctx, admin, site.ID, congtin.CategoryInput{Name: "Hồ sơ lưu trữ", Position: 6, Hidden: true})
	ok(err)
	c.oldSlug = special.Slug
	_, err = db.UpdateCategory(ctx, admin, site.ID, special.ID, congtin.CategoryInput{Name: "Chuyên đề chuyển đổi số", Slug: "chuyen-de-chuyen-doi-so", ParentID: files.ID, Position: 1})
	ok(err)

	// An old WordPress address of the first article, as a WordPress
	// import of the same article (unchanged) leaves it.
	first, err := db.FindArticleByID(ctx, site.ID, articleID(t, c.paths[0]))
	ok(err)
	_, err = db.ImportWordPress(ctx, site.ID, &congtin.WordPressImport{
		Categories: []congtin.WPCategory{{Key: "vh", Name: "Văn hóa - xã hội", Slug: "van-hoa-xa-hoi"}},
		Posts: []congtin.WPPost{{ExternalID: first.ExternalID, Category: "vh", AuthorName: first.Author, Title: first.Title, Slug: first.Slug,
			Lead: first.Lead, Body: first.Body, Image: first.Image, Featured: first.Featured, Status: first.Status, PublishedAt: first.PublishedAt,
			OldPaths: []string{congtin.OldPath("/2019/10/01/bài-viết-cũ/", "")}}},
	})
	ok(err)

	// The workflow: a draft edited twice, submitted and returned with a
	// comment; another published ahead of time (scheduled); an imported
	// article taken down.
	draft, err := db.CreateArticle(ctx, reporter, site.ID, congtin.ArticleInput{CategoryID: special.ID, Title: "Xã An Phú ra mắt mô hình chuyển đổi số cộng đồng",
		Lead: "Tổ công nghệ số cộng đồng đã đến từng ấp.", Body: "<p>Bản nháp đầu.</p>", Author: "Lê Văn Phóng"})
	ok(err)
	_, err = db.UpdateArticle(ctx, reporter, site.ID, draft.ID, congtin.ArticleInput{CategoryID: special.ID, Title: draft.Title, Lead: draft.Lead,
		Body: "<p>Bản nháp thứ hai, có <strong>số liệu</strong>.</p>", Author: "Lê Văn Phóng"})
	ok(err)
	_, err = db.TransitionArticle(ctx, reporter, site.ID, draft.ID, congtin.ActSubmit, "", time.Time{})
	ok(err)
	_, err = db.TransitionArticle(ctx, editor, site.ID, draft.ID, congtin.ActReturn, "Cần bổ sung số hộ dân tham gia.", time.Time{})
	ok(err)
	sched, err := db.CreateArticle(ctx, editor, site.ID, congtin.ArticleInput{CategoryID: files.ID, Title: "Thông báo lịch tiếp công dân tháng tới",
		Body: "<p>Lịch tiếp công dân.</p>", Author: "Văn phòng", Featured: true, Image: "/media/9f/9f86d081884c7d65-320.jpg"})
	ok(err)
	_, err = db.TransitionArticle(ctx, editor, site.ID, sched.ID, congtin.ActPublish, "", time.Now().Add(72*time.Hour).Truncate(time.Second))
	ok(err)
	taken := articleID(t, c.paths[29])
	_, err = db.TransitionArticle(ctx, editor, site.ID, taken, congtin.ActUnpublish, "Thông tin đã cũ.", time.Time{})
	ok(err)
	_, err = db.ImportArticles(ctx, sites[1].ID, []congtin.ArticleImport{{Title: "Tiêm chủng mở rộng đợt hai", Body: "<p>Sở Y tế thông báo.</p>",
		Category: "Y tế dự phòng", PublishedAt: "2024-03-05T08:00:00+07:00", ExternalID: "yt-1"}})
	ok(err)

	// Readers: views and visits over two days; a session, a failed
	// sign-in, an image, an audit entry of the back office.
	c.days = []string{"2024-05-01", "2024-05-02"}
	ok(db.AddCounts(ctx, &congtin.CounterBatch{
		Views: map[congtin.ViewKey]int64{
			{SiteID: site.ID, ArticleID: articleID(t, c.paths[0]), Day: c.days[0]}: 17,
			{SiteID: site.ID, ArticleID: articleID(t, c.paths[0]), Day: c.days[1]}: 4,
			{SiteID: site.ID, ArticleID: articleID(t, c.paths[1]), Day: c.days[1]}: 9,
		},
		Visits: map[congtin.VisitKey]int64{{SiteID: site.ID, Day: c.days[0]}: 120, {SiteID: site.ID, Day: c.days[1]}: 95, {SiteID: sites[1].ID, Day: c.days[1]}: 3},
	}))
	var hash string
	c.session, hash = auth.NewToken()
	ok(db.CreateSession(ctx, &congtin.Session{UserID: user["bientap"].ID, IP: "10.0.0.7", ExpiresAt: time.Now().Add(24 * time.Hour)}, hash))
	ok(db.RecordLoginFailure(ctx, "bientap", "203.0.113.9"))
	pic, err := db.AddMedia(ctx, editor, &congtin.Media{SiteID: site.ID, Hash: "9f86d081884c7d65", Name: "hoi-nghi.jpg", ContentType: "image/jpeg",
		Width: 1600, Height: 900, UploadedBy: user["bientap"].ID, Size: 245_760, Variants: []congtin.MediaVariant{{Width: 320, Height: 180, Key: "9f/9f86d081884c7d65-320.jpg"}}})
	ok(err)
	// Its description and caption; the scheduled article shows it (media_uses).
	_, err = db.UpdateMedia(ctx, editor, site.ID, pic.ID, congtin.MediaInput{Alt: "Toàn cảnh hội nghị", Caption: "Ảnh: Văn phòng xã"})
	ok(err)
	ok(db.AddAudit(ctx, &congtin.AuditEntry{SiteID: site.ID, UserID: user["bientap"].ID, Username: "bientap", IP: "10.0.0.7", Action: "login"}))
	// The back office keeps an editor's unsaved form, and who has an
	// article open.
	schedRef := congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: sched.ID}
	ok(db.SaveDraft(ctx, editor, &congtin.Draft{Item: schedRef, Version: 1, Values: map[string][]string{"title": {"Thông báo lịch tiếp công dân tháng sau"}, "version": {"1"}}}))
	_, err = db.HoldLock(ctx, editor, schedRef)
	ok(err)
	// How the editor wants to be told (the steps above wrote their
	// notifications).
	_, err = db.SetNotifyPrefs(ctx, editor, site.ID, congtin.NotifyPrefs{Email: "bientap@anphu.gov.vn", EmailOn: true})
	ok(err)

	// The documents register: a plan with an attachment whose text is
	// indexed, replaced by a newer one; a renamed list entry.
	terms, err := db.FindDocumentTerms(ctx, site.ID, congtin.ListTypes)
	ok(err)
	_, err = db.SaveDocumentTerm(ctx, admin, site.ID, congtin.ListFields, 0, "Chuyển đổi số", 20)
	ok(err)
	plan := congtin.DocumentInput{TypeID: terms[5].ID, Number: "98/KH-UBND", Issuer: "Ủy ban nhân dân xã An Phú", IssuedOn: time.Date(2024, 4, 2, 0, 0, 0, 0, congtin.VietnamZone),
		Summary: "Kế hoạch chuyển đổi số năm 2024", AddFiles: []congtin.DocumentFileInput{{Name: "ke-hoach.pdf", Kind: congtin.FilePDF, Size: 1000,
			Hash: strings.Repeat("ab", 32), Text: "reservoir quokka", TextNote: ""}}}
	old, err := db.CreateDocument(ctx, reporter, site.ID, plan)
	ok(err)
	_, err = db.TransitionDocument(ctx, editor, site.ID, old.ID, congtin.ActPublish, "")
	ok(err)
	plan.Number, plan.Summary, plan.IssuedOn = "115/KH-UBND", "Kế hoạch chuyển đổi số năm 2025", time.Date(2025, 3, 1, 0, 0, 0, 0, congtin.VietnamZone)
	plan.Links = []congtin.DocumentLinkInput{{Kind: congtin.LinkReplaces, TargetID: old.ID}}
	// An attachment not read yet: its queued job (jobs) is copied, so the
	// target's worker reads it.
	plan.AddFiles = append(plan.AddFiles, congtin.DocumentFileInput{Name: "phu-luc.pdf", Kind: congtin.FilePDF, Size: 500, Hash: strings.Repeat("cd", 32)})
	newer, err := db.CreateDocument(ctx, editor, site.ID, plan)
	ok(err)
	_, err = db.TransitionDocument(ctx, editor, site.ID, newer.ID, congtin.ActPublish, "")
	ok(err)
	c.documents = []int64{old.ID, newer.ID}
	// A consultation on the draft of the newer plan, which it links to
	// (consultations, consultation_revisions), with the draft attached
	// (consultation_files).
	draftIn := storetest.ConsultationInput(time.Date(2025, 1, 6, 8, 0, 0, 0, congtin.VietnamZone))
	draftIn.DocumentID = newer.ID
	draftIn.AddFiles = []congtin.DocumentFileInput{{Name: "du-thao.pdf", Kind: congtin.FilePDF, Size: 700, Hash: strings.Repeat("ef", 32), Text: "greenhouse zebrafinch"}}
	k, err := db.CreateConsultation(ctx, reporter, site.ID, draftIn)
	ok(err)
	k, err = db.TransitionConsultation(ctx, editor, site.ID, k.ID, congtin.ActPublish, "")
	ok(err)
	// Its report, now that it has closed (the report_* columns), and a
	// comment with an attachment on one open now (consultation_comments).
	_, err = db.PublishReport(ctx, editor, site.ID, k.ID, congtin.ConsultationReport{HTML: "<p>Báo cáo tiếp thu</p>", Version: k.Version,
		File: &congtin.DocumentFileInput{Name: "bao-cao.pdf", Kind: congtin.FilePDF, Size: 300, Hash: strings.Repeat("f1", 32)}})
	ok(err)
	open, err := db.CreateConsultation(ctx, reporter, site.ID, storetest.ConsultationInput(time.Now().Add(-time.Hour)))
	ok(err)
	_, err = db.TransitionConsultation(ctx, editor, site.ID, open.ID, congtin.ActPublish, "")
	ok(err)
	comment := storetest.CommentIn("Đề nghị làm rõ đối tượng được hỗ trợ.", 3)
	comment.File = &congtin.DocumentFileInput{Name: "gop-y.docx", Kind: congtin.FileDOCX, Size: 400, Hash: strings.Repeat("f2", 32)}
	_, err = db.SubmitComment(ctx, site.ID, open.ID, comment, storetest.QuestionSub("copy-ip"))
	ok(err)
	// A project linked to the newer plan (projects, project_documents,
	// project_revisions) and a notice of it (procurements).
	projIn := storetest.ProjectInput()
	projIn.DocumentIDs = []int64{newer.ID}
	proj, err := db.CreateProject(ctx, reporter, site.ID, projIn)
	ok(err)
	bidIn := storetest.ProcurementInput(time.Date(2025, 2, 3, 8, 0, 0, 0, congtin.VietnamZone))
	bidIn.ProjectID, bidIn.Winner, bidIn.WinningPrice = proj.ID, "Công ty Cổ phần Xây dựng Bình Định", 8100000000
	_, err = db.CreateProcurement(ctx, editor, site.ID, bidIn)
	ok(err)
	fillQuestions(t, db, admin, editor, reporter, site.ID)
	// The site's own abbreviations (spelling_groups, spelling_versions).
	_, err = db.CreateSpellingGroup(ctx, admin, site.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường"})
	ok(err)
	// The sections: a published schedule with its history, about pages
	// with English versions and revisions, the organisation chart, links.
	ok(demo.FillSections(ctx, db, site.ID, time.Now()))
	// A published dataset of a unit, with a theme, an uploaded CSV and an
	// API link (datasets, dataset_themes, dataset_theme_links,
	// dataset_resources, dataset_revisions).
	units, err := db.FindUnits(ctx, site.ID)
	ok(err)
	themes, err := db.FindDocumentTerms(ctx, site.ID, congtin.ListThemes)
	ok(err)
	ds, err := db.CreateDataset(ctx, reporter, site.ID, storetest.DatasetInput(units[0].ID, themes[2].ID))
	ok(err)
	_, err = db.TransitionDataset(ctx, editor, site.ID, ds.ID, congtin.ActPublish, "")
	ok(err)
	// Downloads of its file (resource_download_days).
	ok(db.AddCounts(ctx, &congtin.CounterBatch{Downloads: map[congtin.DownloadKey]int64{
		{SiteID: site.ID, DatasetID: ds.ID, ResourceID: ds.Resources[0].ID, Day: c.days[0]}: 5}}))
	// An open and a closed poll with votes (polls, poll_options, poll_votes).
	ok(demo.FillPolls(ctx, db, site.ID, time.Now()))
	// An administrative procedure (procedures).
	_, err = db.CreateProcedure(ctx, editor, site.ID, storetest.ProcedureInput("1.001193", "Đăng ký khai sinh"))
	ok(err)
	return c
}

// articleID is the ID at the end of an article's path.
func articleID(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(path[strings.LastIndexByte(path, '-')+1:], 10, 64)
	if err != nil {
		t.Fatalf("no ID in %q", path)
	}
	return id
}

// withPassword puts a password into a test database's URL: the test
// server ignores it, and nothing may print it.
func withPassword(t *testing.T, raw, pw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword("postgres", pw)
	return u.String()
}

// copyCounts reads the table copy-db prints: table → source, target.
func copyCounts(t *testing.T, out string) map[string][2]int64 {
	t.Helper()
	counts := map[string][2]int64{}
	sc := bufio.NewScanner(strings.NewReader(out))
	header := false
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 3 && f[0] == "table" && f[1] == "source" {
			header = true
			continue
		}
		if !header || len(f) < 3 {
			continue
		}
		a, err1 := strconv.ParseInt(f[1], 10, 64)
		b, err2 := strconv.ParseInt(f[2], 10, 64)
		if err1 != nil || err2 != nil {
			header = false
			continue
		}
		counts[f[0]] = [2]int64{a, b}
	}
	if len(counts) == 0 {
		t.Fatalf("no table of counts in:\n%s", out)
	}
	return counts
}

// sqliteDump reads every ordinary table of a SQLite file, each row as a
// line, sorted: what two copies must agree on, byte for byte. The change
// log is left out: each database logs its own writes.
func sqliteDump(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names := queryStrings(t, db, `SELECT m.name FROM sqlite_master m JOIN pragma_table_list t ON t.schema = 'main' AND t.name = m.name
		WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name <> 'changes'`)
	dump := map[string][]string{}
	for _, name := range names {
		rows, err := db.Query(`SELECT * FROM "` + name + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%#v ", cols[i], v)
			}
			lines = append(lines, b.String())
		}
		rows.Close()
		slices.Sort(lines)
		dump[name] = lines
	}
	return dump
}

func queryStrings(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// sameJSON fails the test unless a and b encode the same.
func sameJSON(t *testing.T, what string, a, b any) {
	t.Helper()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("%s differs:\nsource: %s\ntarget: %s", what, ja, jb)
	}
}

// compareStores reads the commune through the store interfaces of both
// databases and compares what they return.
func compareStores(t *testing.T, c *commune, src, dst congtin.Service) {
	t.Helper()
	ctx := context.Background()
	both := func(what string, f func(s congtin.Service) (any, error)) {
		t.Helper()
		a, errA := f(src)
		b, errB := f(dst)
		if errA != nil || errB != nil {
			t.Fatalf("%s: source %v, target %v", what, errA, errB)
		}
		sameJSON(t, what, a, b)
	}
	sites, err := src.FindSites(ctx)
	if err != nil || len(sites) != 2 {
		t.Fatalf("sites %v, %v", sites, err)
	}
	both("sites", func(s congtin.Service) (any, error) { return s.FindSites(ctx) })
	articles := 0
	for _, site := range sites {
		both("categories", func(s congtin.Service) (any, error) { return s.FindCategories(ctx, site.ID) })
		both("members", func(s congtin.Service) (any, error) { return s.FindMembers(ctx, site.ID) })
		compareQuestions(t, src, dst, site.ID)
		both("pages", func(s congtin.Service) (any, error) { return s.FindPages(ctx, site.ID, false) })
		both("units", func(s congtin.Service) (any, error) { return s.FindUnits(ctx, site.ID) })
		both("links", func(s congtin.Service) (any, error) { return s.FindLinks(ctx, site.ID) })
		both("spellings", func(s congtin.Service) (any, error) { return s.FindSpellingGroups(ctx, site.ID) })
		both("schedule", func(s congtin.Service) (any, error) {
			w, es, err := s.FindScheduleWeek(ctx, site.ID, congtin.WeekOf(time.Now()))
			return []any{w, es}, err
		})
		both("schedule history", func(s congtin.Service) (any, error) {
			return s.FindScheduleRevisions(ctx, site.ID, congtin.WeekOf(time.Now()))
		})
		both("media", func(s congtin.Service) (any, error) {
			m, n, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Limit: 100})
			return []any{m, n}, err
		})
		for _, day := range c.days {
			both("visits "+day, func(s congtin.Service) (any, error) {
				total, today, err := s.Visits(ctx, site.ID, day)
				return []int64{total, today}, err
			})
		}
		list, _, err := src.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		both("article list", func(s congtin.Service) (any, error) {
			as, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Limit: 1000})
			return []any{as, n}, err
		})
		for _, a := range list {
			articles++
			what := fmt.Sprintf("article %d", a.ID)
			both(what, func(s congtin.Service) (any, error) { return s.FindArticleByID(ctx, site.ID, a.ID) })
			both(what+" views", func(s congtin.Service) (any, error) { return s.ArticleViews(ctx, a.ID) })
			both(what+" notes", func(s congtin.Service) (any, error) { return s.FindNotes(ctx, a.Item().Ref) })
			revs, err := src.FindRevisions(ctx, site.ID, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			both(what+" revisions", func(s congtin.Service) (any, error) { return s.FindRevisions(ctx, site.ID, a.ID) })
			for _, r := range revs {
				both(fmt.Sprintf("revision %d", r.ID), func(s congtin.Service) (any, error) { return s.FindRevision(ctx, site.ID, r.ID) })
			}
		}
		both("search", func(s congtin.Service) (any, error) {
			res, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: "chuyen hoa dia ban", Limit: 50})
			if err != nil {
				return nil, err
			}
			var ids []int64
			for _, h := range res.Hits {
				ids = append(ids, h.Article.ID)
			}
			return []any{ids, res.Total}, nil
		})
	}
	if articles < 32 {
		t.Fatalf("compared %d articles", articles)
	}
	both("audit log", func(s congtin.Service) (any, error) {
		es, n, err := s.FindAudit(ctx, congtin.AuditFilter{Limit: 1000})
		return []any{es, n}, err
	})
	both("category redirect", func(s congtin.Service) (any, error) { return s.FindCategoryRedirect(ctx, sites[0].ID, c.oldSlug) })
	for _, id := range c.documents {
		both(fmt.Sprintf("document %d", id), func(s congtin.Service) (any, error) { return s.FindDocumentByID(ctx, sites[0].ID, id) })
		both(fmt.Sprintf("document %d revisions", id), func(s congtin.Service) (any, error) { return s.FindDocumentRevisions(ctx, sites[0].ID, id) })
		ref := congtin.Ref{Kind: congtin.KindDocument, SiteID: sites[0].ID, ID: id}
		both(fmt.Sprintf("document %d notes", id), func(s congtin.Service) (any, error) { return s.FindNotes(ctx, ref) })
	}
	for _, q := range []string{"115 kh ubnd", "quokka", ""} {
		both("documents "+q, func(s congtin.Service) (any, error) {
			res, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: sites[0].ID, Q: q, Facets: true})
			if err == nil && res.Total == 0 {
				err = fmt.Errorf("no document found by %q", q)
			}
			return res, err
		})
	}
	for _, site := range sites {
		for _, list := range []string{congtin.ListTypes, congtin.ListFields} {
			both("document "+list, func(s congtin.Service) (any, error) { return s.FindDocumentTerms(ctx, site.ID, list) })
		}
	}
	both("old address", func(s congtin.Service) (any, error) {
		return s.FindRedirect(ctx, sites[0].ID, "/2019/10/01/bài-viết-cũ")
	})
	for _, name := range c.users {
		// PasswordHash is left out of the JSON: compared on its own.
		a, errA := src.FindUserByUsername(ctx, name)
		b, errB := dst.FindUserByUsername(ctx, name)
		if errA != nil || errB != nil {
			t.Fatalf("user %s: %v, %v", name, errA, errB)
		}
		sameJSON(t, "user "+name, a, b)
		if a.PasswordHash == "" || a.PasswordHash != b.PasswordHash {
			t.Errorf("user %s: password hash %q, target %q", name, a.PasswordHash, b.PasswordHash)
		}
		both("user by ID "+name, func(s congtin.Service) (any, error) { return s.FindUserByID(ctx, a.ID) })
		both("role "+name, func(s congtin.Service) (any, error) { return s.FindRole(ctx, sites[0].ID, a.ID) })
	}
	both("session", func(s congtin.Service) (any, error) { return s.FindSession(ctx, auth.HashToken(c.session)) })
	both("API token", func(s congtin.Service) (any, error) { return s.FindUserByAPIToken(ctx, auth.HashToken(c.apiToken)) })
	both("login failures", func(s congtin.Service) (any, error) {
		u, ip, err := s.CountLoginFailures(ctx, "bientap", "203.0.113.9", time.Now().Add(-time.Hour))
		return []int{u, ip}, err
	})
}

// noSecret fails the test if the password shows in what a command wrote.
func noSecret(t *testing.T, pw string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, pw) {
			t.Fatalf("the password is in the output:\n%s", s)
		}
	}
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err == nil {
		return 0
	}
	return -1
}

// TestCopyDBSQLiteToPostgres moves a commune's installation from SQLite to
// PostgreSQL with `congtin copy-db`, as README describes: every table is
// copied with equal counts; the stores return the same articles,
// revisions, notes, users (passwords included), roles, sessions, tokens,
// counters and audit log from both; the portal serves the old addresses
// and finds them by search from PostgreSQL; the old password signs in;
// what is created afterwards gets new IDs above the copied ones; and a
// copy back to SQLite gives the same rows, byte for byte.
func TestCopyDBSQLiteToPostgres(t *testing.T) {
	dir := t.TempDir()
	c := fillCommune(t, dir)
	const pw = "mat-khau-cua-tinh-2024"
	target := withPassword(t, pgtest.URL(t), pw)

	out, errOut, err := runCmd(t, "copy-db", "--from", c.db, "--to", target)
	if err != nil {
		t.Fatalf("copy-db: %v\n%s\n%s", err, out, errOut)
	}
	noSecret(t, pw, out, errOut)
	for _, want := range []string{"copying articles", "building the search index", "committing"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no progress line %q in:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "search index: 31 articles") {
		t.Errorf("the index should hold the 29 imported articles still public, the scheduled one and the Sở Y tế's one, and no draft:\n%s", out)
	}
	counts := copyCounts(t, out)
	lite, err := sql.Open("sqlite", "file:"+c.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	tables := queryStrings(t, lite, `SELECT m.name FROM sqlite_master m JOIN pragma_table_list t ON t.schema = 'main' AND t.name = m.name
		WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND m.name NOT IN ('migrations', 'changes', 'article_keys', 'document_keys', 'search_text')`) // derived: rebuilt on the target
	lite.Close()
	for _, name := range tables {
		n, ok := counts[name]
		switch {
		case !ok:
			t.Errorf("table %s is not in the counts copy-db printed", name)
		case n[0] != n[1]:
			t.Errorf("table %s: %d rows in the source, %d in the target", name, n[0], n[1])
		case n[0] == 0:
			t.Errorf("table %s is empty in the source: the test copies nothing of it", name)
		}
	}
	if len(counts) != len(tables) {
		t.Errorf("copy-db printed %d tables, SQLite has %d to copy: %v", len(counts), len(tables), tables)
	}

	srcRaw := storetest.MustOpenSQLite(t, c.path)
	src := app.New(srcRaw)
	defer srcRaw.Close()
	dstRaw := storetest.MustOpenPostgres(t, target)
	dst := app.New(dstRaw)
	defer dstRaw.Close()
	compareStores(t, c, src, dst)
	// The back office's search keys are written on the target, not
	// copied: its lists find what the source's find.
	for _, q := range []string{"chuyen hoa dia ban dot 7", "chuyển hóa", `"dia ban trong diem"`} {
		for _, site := range []int64{1, 2} {
			f := congtin.AdminArticleFilter{SiteID: site, Q: q, Limit: 100}
			want, n, err := src.FindAdminArticles(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			got, m, err := dst.FindAdminArticles(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			if n != m || len(want) != len(got) || site == 1 && n == 0 {
				t.Errorf("the back office's search for %q on site %d: %d found on the target, %d on the source", q, site, m, n)
			}
		}
	}
	maxArticle, maxUser := int64(0), int64(0)
	for _, p := range c.paths {
		maxArticle = max(maxArticle, articleID(t, p))
	}
	all, _, err := src.FindAdminArticles(context.Background(), congtin.AdminArticleFilter{SiteID: 2, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		maxArticle = max(maxArticle, a.ID)
	}
	for _, name := range c.users {
		u, _ := src.FindUserByUsername(context.Background(), name)
		maxUser = max(maxUser, u.ID)
	}

	// Back to SQLite: the same rows as the original, every column.
	back := filepath.Join(dir, "back.db")
	out, errOut, err = runCmd(t, "copy-db", "-from", target, "-to", "sqlite:"+back)
	if err != nil {
		t.Fatalf("copy-db back: %v\n%s\n%s", err, out, errOut)
	}
	noSecret(t, pw, out, errOut)
	for name, n := range copyCounts(t, out) {
		if n != counts[name] {
			t.Errorf("%s: %v after the round trip, %v before", name, n, counts[name])
		}
	}
	want, got := sqliteDump(t, c.path), sqliteDump(t, back)
	for name, rows := range want {
		if !slices.Equal(rows, got[name]) {
			t.Errorf("table %s differs after SQLite → PostgreSQL → SQLite:\nbefore: %q\nafter:  %q", name, rows, got[name])
		}
	}

	// The portal on PostgreSQL.
	p := StartPortal(t, "serve", "-db", target, "-media-dir", filepath.Join(dir, "media"))
	code, body := p.Get(c.paths[0], browserUA)
	if code != 200 || !strings.Contains(body, "chuyển hóa địa bàn trọng điểm, đợt 1<") {
		t.Fatalf("the old address of the first article: %d", code)
	}
	if code, _ := p.Get("/"+c.oldSlug, browserUA); code != http.StatusMovedPermanently {
		t.Errorf("the renamed category's old address: %d, want 301", code)
	}
	if req, _ := http.NewRequest("GET", p.URL+"/2019/10/01/b%C3%A0i-vi%E1%BA%BFt-c%C5%A9/", nil); req != nil {
		if resp, _ := do(t, req); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != c.paths[0] {
			t.Errorf("the first article's old WordPress address: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	code, body = p.Get("/tim-kiem?q="+url.QueryEscape("chuyen hoa dia ban dot 7"), browserUA)
	if code != 200 || !strings.Contains(body, `href="`+c.paths[6]+`"`) {
		t.Fatalf("search on the target: %d, no link to %s", code, c.paths[6])
	}

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 30 * time.Second}
	resp, err := client.PostForm(p.URL+"/admin/dang-nhap", url.Values{"username": {"bientap"}, "password": {c.passwords["bientap"]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == "ct_admin" && ck.Value != "" {
			cookie = ck
		}
	}
	if resp.StatusCode != http.StatusSeeOther || cookie == nil {
		t.Fatalf("sign-in with the old password: %d, cookie %v", resp.StatusCode, cookie)
	}
	for what, value := range map[string]string{"new session": cookie.Value, "copied session": c.session} {
		req, _ := http.NewRequest("GET", p.URL+"/admin/", nil)
		req.AddCookie(&http.Cookie{Name: "ct_admin", Value: value})
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("back office with the %s: %d", what, resp.StatusCode)
		}
	}

	// The copied API token writes a new article: its ID follows the
	// copied ones (the sequence was moved), as does a new user's.
	req, _ := http.NewRequest("POST", p.URL+"/api/v1/admin/articles", strings.NewReader(
		`{"category_id": 1, "title": "Bài đầu tiên viết trên máy chủ của tỉnh", "body": "<p>Nội dung.</p>", "author": "Biên tập"}`))
	req.Header.Set("Authorization", "Bearer "+c.apiToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var created congtin.Article
	err = json.NewDecoder(resp.Body).Decode(&created)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || err != nil {
		t.Fatalf("new article through the API: %d, %v", resp.StatusCode, err)
	}
	if created.ID != maxArticle+1 {
		t.Errorf("the new article's ID is %d, want %d (after the copied ones)", created.ID, maxArticle+1)
	}
	pwFile := filepath.Join(dir, "moi.pw")
	if err := os.WriteFile(pwFile, []byte("mat-khau-nguoi-moi\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := runCmd(t, "user", "add", "-db", target, "-name", "nguoimoi", "-role", "reporter", "-password-file", pwFile); err != nil {
		t.Fatalf("user add on the target: %v\n%s", err, errOut)
	}
	if u, err := dst.FindUserByUsername(context.Background(), "nguoimoi"); err != nil || u.ID != maxUser+1 {
		t.Errorf("the new user: %+v, %v; want ID %d", u, err, maxUser+1)
	}
	if err := p.Stop(syscall.SIGTERM); err != nil {
		t.Fatalf("stop: %v\n%s", err, p.Log())
	}
	noSecret(t, pw, p.Log())
}

// TestCopyDBRefuses: the copies copy-db must not make, each refused with a
// message, exit status 1, and no database changed or created.
func TestCopyDBRefuses(t *testing.T) {
	dir := t.TempDir()
	srcPath := filepath.Join(dir, "xa.db")
	src := "sqlite:" + srcPath
	if _, errOut, err := runCmd(t, "import", "-db", src, writeJSON(t, dir, "a.json", articleRecords(3))); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	refused := func(t *testing.T, want string, args ...string) string {
		t.Helper()
		out, errOut, err := runCmd(t, append([]string{"copy-db"}, args...)...)
		if exitCode(err) != 1 || !strings.Contains(errOut, want) {
			t.Fatalf("exit %d (%v), want 1 and %q in:\n%s%s", exitCode(err), err, want, out, errOut)
		}
		return out + errOut
	}

	t.Run("NonEmptyTarget", func(t *testing.T) {
		target := pgtest.URL(t)
		if _, errOut, err := runCmd(t, "import", "-db", target, writeJSON(t, t.TempDir(), "b.json", articleRecords(2))); err != nil {
			t.Fatalf("import: %v\n%s", err, errOut)
		}
		before := pgState(t, target)
		refused(t, "the target database is not empty (it has 1 category, 2 articles)", "-from", src, "-to", target)
		if after := pgState(t, target); after != before {
			t.Fatalf("the target changed:\nbefore %s\nafter  %s", before, after)
		}
	})

	t.Run("MissingSource", func(t *testing.T) {
		d := t.TempDir()
		missing, target := filepath.Join(d, "khong-co.db"), filepath.Join(d, "dich.db")
		refused(t, "the source sqlite:"+missing+" does not exist", "-from", "sqlite:"+missing, "-to", "sqlite:"+target)
		for _, p := range []string{missing, target} {
			if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s was created (%v)", p, err)
			}
		}
	})

	t.Run("BadTargetURL", func(t *testing.T) {
		const pw = "khong-duoc-in-ra"
		for _, target := range []string{
			"postgres://congtin:" + pw + "@127.0.0.1:1/congtin?sslmode=disable&connect_timeout=5",
			"postgres://congtin@127.0.0.1:1/congtin?sslmode=disable&password=" + pw,
		} {
			text := refused(t, "copy-db: target postgres://congtin", "-from", src, "-to", target)
			noSecret(t, pw, text)
			if !strings.Contains(text, "connect") {
				t.Errorf("the message does not say the connection failed:\n%s", text)
			}
		}
	})

	t.Run("SameDatabase", func(t *testing.T) {
		refused(t, "the source and the target are the same database", "-from", src, "-to", "sqlite:"+dir+"/./../"+filepath.Base(dir)+"/xa.db")
		link := filepath.Join(t.TempDir(), "lien-ket.db")
		if err := os.Symlink(srcPath, link); err != nil {
			t.Fatal(err)
		}
		refused(t, "the source and the target are the same database", "-from", src, "-to", "sqlite:"+link)
		target := pgtest.URL(t)
		if _, errOut, err := runCmd(t, "copy-db", "-from", src, "-to", target); err != nil {
			t.Fatalf("copy-db: %v\n%s", err, errOut)
		}
		before := pgState(t, target)
		refused(t, "the source and the target are the same database", "-from", target, "-to", target+"&application_name=copy-db")
		if after := pgState(t, target); after != before {
			t.Fatalf("the database changed:\nbefore %s\nafter  %s", before, after)
		}
	})

	t.Run("Usage", func(t *testing.T) {
		refused(t, "give -from and -to", "-from", src)
		refused(t, "-to: config: -db must look like sqlite:PATH", "-from", src, "-to", "mysql://x@y/z")
	})
}

// pgState sums up a PostgreSQL database: its counts per table, the last
// IDs of its articles and change log.
func pgState(t *testing.T, url string) string {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s string
	err = db.QueryRow(`SELECT format('sites %s, categories %s, articles %s (max %s), users %s, audit %s, changes max %s',
		(SELECT COUNT(*) FROM sites), (SELECT COUNT(*) FROM categories), (SELECT COUNT(*) FROM articles), (SELECT MAX(id) FROM articles),
		(SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM audit_log), (SELECT MAX(id) FROM changes))`).Scan(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCopyDBIntoStartedTarget: an administrator who first started the
// portal on the new database, to see that it connects, can still copy
// into it: the default site that start created, and the visit it counted,
// are replaced by the copy.
func TestCopyDBIntoStartedTarget(t *testing.T) {
	dir := t.TempDir()
	src := "sqlite:" + filepath.Join(dir, "xa.db")
	if _, errOut, err := runCmd(t, "import", "-db", src, writeJSON(t, dir, "a.json", articleRecords(3))); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	target := pgtest.URL(t)
	p := StartPortal(t, "serve", "-db", target, "-media-dir", filepath.Join(dir, "media"))
	if code, _ := p.Get("/", browserUA); code != 200 {
		t.Fatalf("home of the empty portal: %d", code)
	}
	if err := p.Stop(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if s := pgState(t, target); !strings.HasPrefix(s, "sites 1, categories 0, articles 0") {
		t.Fatalf("after a first start: %s", s)
	}
	out, errOut, err := runCmd(t, "copy-db", "-from", src, "-to", target)
	if err != nil {
		t.Fatalf("copy-db: %v\n%s\n%s", err, out, errOut)
	}
	if !strings.Contains(errOut, "the target's sites: 1 rows left by a first start, replaced by the copy") {
		t.Errorf("no word of the replaced site in:\n%s", errOut)
	}
	for name, n := range copyCounts(t, out) {
		if n[0] != n[1] {
			t.Errorf("%s: %v", name, n)
		}
	}
}

// TestCopyDBInterrupted interrupts a copy to PostgreSQL with SIGINT (as
// Ctrl-C) while it writes the articles: it exits with status 1, saying so,
// the target is left empty, and a second copy succeeds.
func TestCopyDBInterrupted(t *testing.T) {
	dir := t.TempDir()
	srcPath := filepath.Join(dir, "xa.db")
	raw := storetest.MustOpenSQLite(t, srcPath)
	db := app.New(raw)
	site, err := db.DefaultSite(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var recs []congtin.ArticleImport
	t0 := time.Date(2015, 1, 1, 8, 0, 0, 0, congtin.VietnamZone)
	for i := range 4000 {
		recs = append(recs, congtin.ArticleImport{
			Title: fmt.Sprintf("Tin hoạt động của Ủy ban nhân dân xã, số %d", i), Category: "Tin tức",
			Body:        "<p>" + strings.Repeat("Hội nghị sơ kết công tác cải cách hành chính và chuyển đổi số. ", 30) + "</p>",
			PublishedAt: t0.Add(time.Duration(i) * 6 * time.Hour).Format(time.RFC3339), ExternalID: fmt.Sprintf("x-%d", i),
		})
	}
	if _, err := db.ImportArticles(context.Background(), site.ID, recs); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	target := pgtest.URL(t)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "copy-db", "-from", "sqlite:"+srcPath, "-to", target)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	sc := bufio.NewScanner(stderr)
	signalled := false
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if !signalled && strings.Contains(sc.Text(), "copying articles") {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			signalled = true
		}
	}
	err = cmd.Wait()
	if !signalled || exitCode(err) != 1 || !strings.Contains(log.String(), "interrupted; the target is unchanged") {
		t.Fatalf("signalled %v, exit %d (%v):\n%s", signalled, exitCode(err), err, log.String())
	}
	if s := pgState(t, target); !strings.HasPrefix(s, "sites 0, categories 0, articles 0") {
		t.Fatalf("after the interrupted copy the target has %s", s)
	}
	out, errOut, err := runCmd(t, "copy-db", "-from", "sqlite:"+srcPath, "-to", target)
	if err != nil {
		t.Fatalf("copy-db after the interrupted one: %v\n%s", err, errOut)
	}
	if n := copyCounts(t, out)["articles"]; n != [2]int64{4000, 4000} {
		t.Fatalf("articles: %v", n)
	}
}
