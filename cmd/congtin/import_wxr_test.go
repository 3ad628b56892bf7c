package main_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/wxr/wxrgen"
	"golang.org/x/net/html"
	_ "modernc.org/sqlite"
)

// wxrArticleRE reads an article line of the import's report:
// "  post 123 new       published   /tin-tuc/slug-45  (old: …)".
var wxrArticleRE = regexp.MustCompile(`(?m)^  (post|page) (\d+) +(new|updated|unchanged) +(\S+) +(\S+)`)

type wxrArticle struct{ outcome, state, path string }

func wxrArticles(t *testing.T, report string) map[int64]wxrArticle {
	t.Helper()
	out := map[int64]wxrArticle{}
	for _, m := range wxrArticleRE.FindAllStringSubmatch(report, -1) {
		id, _ := strconv.ParseInt(m[2], 10, 64)
		out[id] = wxrArticle{m[3], m[4], m[5]}
	}
	return out
}

// dbState sums up a SQLite database: the row count of every table an
// import writes and a checksum of every article, for "nothing changed".
func dbState(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, table := range []string{"articles", "categories", "users", "memberships", "media", "redirects", "search_text"} {
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	rows, err := db.Query(`SELECT id, category_id, title, slug, lead, body, author, image, status, published_at, updated_at FROM articles ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var id, cat, pub, upd int64
		var title, slug, lead, body, author, image, status string
		if err := rows.Scan(&id, &cat, &title, &slug, &lead, &body, &author, &image, &status, &pub, &upd); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%d|%d|%s|%s|%s|%s|%s|%s|%s|%d|%d\n", id, cat, title, slug, lead, body, author, image, status, pub, upd)
	}
	return b.String() + hex.EncodeToString(h.Sum(nil))
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestImportWordPress imports a generated WordPress site of 600 posts with
// the real binary into a real SQLite file, serves it, and checks over
// HTTP every post: published ones at their new address (with title, lead,
// captions and stored images) and their old address answering 301 to it;
// drafts, private and scheduled ones not public; skipped ones absent. A
// second import changes nothing.
func TestImportWordPress(t *testing.T) {
	dir := t.TempDir()
	man, err := wxrgen.Generate(wxrgen.Config{Posts: 600, Seed: 7}, filepath.Join(dir, "wp"))
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "c.db")
	db := "sqlite:" + dbPath
	out, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, man.Export)
	if err != nil {
		t.Fatalf("import: %v\n%s\n%s", err, errOut, out)
	}
	arts := wxrArticles(t, out)
	posts, pages := 0, 0
	for _, p := range man.Posts {
		if p.Expect == wxrgen.ExpectSkipped {
			continue
		}
		if p.Type == "page" {
			pages++
		} else {
			posts++
		}
	}
	if posts+pages < 500 {
		t.Fatalf("the generator made %d importable posts, want 500 or more", posts+pages)
	}
	skippedPosts := man.Count(wxrgen.ExpectSkipped)
	for _, want := range []string{
		fmt.Sprintf("posts: %d new, 0 updated, 0 unchanged, %d skipped", posts, skippedPosts),
		fmt.Sprintf("pages: %d new, 0 updated, 0 unchanged, 0 skipped", pages),
		fmt.Sprintf("categories: %d new, 0 existing", len(man.Categories)+1), // + "Trang" for the pages
		fmt.Sprintf("authors: %d new users", len(man.Authors)),
		fmt.Sprintf("images: %d in the media library (%[1]d new), %d skipped", countOriginals(man), len(man.MissingFiles)),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report does not say %q:\n%s", want, tail(out))
		}
	}
	if len(arts) != posts+pages {
		t.Fatalf("the report lists %d articles, want %d", len(arts), posts+pages)
	}

	p := StartPortal(t, "serve", "-db", db)
	media := map[string]bool{}
	for _, wp := range man.Posts {
		old := wxrgen.OldPath(wp.Link)
		a, listed := arts[wp.ID]
		switch wp.Expect {
		case wxrgen.ExpectSkipped:
			if listed {
				t.Errorf("%s %d (%s) was imported: %+v", wp.Type, wp.ID, wp.Why, a)
			}
			if !regexp.MustCompile(`(?m)^  post ` + strconv.FormatInt(wp.ID, 10) + ` .*` + regexp.QuoteMeta(wp.Why)).MatchString(out) {
				t.Errorf("the report does not say post %d was skipped for %q", wp.ID, wp.Why)
			}
			if code, _ := p.Get(old, crawlerUA); code == http.StatusMovedPermanently {
				t.Errorf("the old address of skipped post %d redirects", wp.ID)
			}
			continue
		case wxrgen.ExpectPublic:
			checkPublicPost(t, p, wp, a, listed, media)
			continue
		}
		// Drafts, private and scheduled posts: in the database, not public.
		wantState := map[string]string{wxrgen.ExpectDraft: "draft", wxrgen.ExpectScheduled: "scheduled"}[wp.Expect]
		if !listed || a.state != wantState {
			t.Errorf("%s %d (%s): report says %+v, want %s", wp.Type, wp.ID, wp.Status, a, wantState)
			continue
		}
		for _, path := range []string{a.path, old} {
			if code, _ := p.Get(path, crawlerUA); code != http.StatusNotFound {
				t.Errorf("%s %d (%s) at %s: %d, want 404", wp.Type, wp.ID, wp.Status, path, code)
			}
		}
	}
	if len(media) < 50 {
		t.Fatalf("only %d distinct images seen on the pages", len(media))
	}
	for src := range media {
		req, _ := http.NewRequest("GET", p.URL+src, nil)
		resp, body := do(t, req)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || (ct != "image/jpeg" && ct != "image/png") || len(body) < 100 {
			t.Fatalf("GET %s: %d %s, %d bytes", src, resp.StatusCode, ct, len(body))
		}
	}
	// The hidden category of pages is not in the menu, nor listed.
	if code, _ := p.Get("/trang", crawlerUA); code != http.StatusNotFound {
		t.Errorf("/trang: %d, want 404 (a hidden category)", code)
	}

	// The same file again: nothing new, nothing changed.
	before := dbState(t, dbPath)
	files := countFiles(t, filepath.Join(dir, "media"))
	out2, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, man.Export)
	if err != nil {
		t.Fatalf("second import: %v\n%s", err, errOut)
	}
	for _, want := range []string{
		fmt.Sprintf("posts: 0 new, 0 updated, %d unchanged, %d skipped", posts, skippedPosts),
		fmt.Sprintf("pages: 0 new, 0 updated, %d unchanged", pages),
		fmt.Sprintf("categories: 0 new, %d existing", len(man.Categories)+1),
		fmt.Sprintf("authors: 0 new users, %d existing", len(man.Authors)),
		"(0 new)", "old addresses: 0 new, 0 changed",
	} {
		if !strings.Contains(out2, want) {
			t.Errorf("the second report does not say %q:\n%s", want, tail(out2))
		}
	}
	if after := dbState(t, dbPath); after != before {
		t.Fatalf("the second import changed the database:\n%s\n%s", before, after)
	}
	if n := countFiles(t, filepath.Join(dir, "media")); n != files {
		t.Fatalf("the second import left %d media files, was %d", n, files)
	}
	for id, a := range wxrArticles(t, out2) {
		if arts[id].path != a.path {
			t.Fatalf("post %d moved from %s to %s", id, arts[id].path, a.path)
		}
	}
	// The authors came in as users who cannot sign in yet.
	form := "username=nguyen-van-an&password=" + strings.Repeat("x", 12)
	req, _ := http.NewRequest("POST", p.URL+"/admin/dang-nhap", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if resp, _ := do(t, req); resp.StatusCode == http.StatusSeeOther {
		t.Fatal("an imported author signed in without a password being set")
	}
	// Once an administrator sets a password, they can.
	runCmdInput(t, "mật khẩu mới của An\n", "user", "password", "-db", db, "-name", "nguyen-van-an")
	signIn(t, p, "nguyen-van-an", "mật khẩu mới của An")
}

// countOriginals is how many distinct images the media library should
// hold: every attachment whose file exists.
func countOriginals(m *wxrgen.Manifest) int {
	n := 0
	filepath.WalkDir(m.Uploads, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !regexp.MustCompile(`-\d+x\d+\.`).MatchString(path) && !strings.HasSuffix(path, ".pdf") {
			n++
		}
		return nil
	})
	return n
}

func tail(s string) string {
	if i := strings.Index(s, "imported "); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		s = s[:3000] + "…"
	}
	return s
}

// checkPublicPost checks one published post: its old address answers 301
// to the new one, which shows its title, lead, caption and images.
func checkPublicPost(t *testing.T, p *Portal, wp wxrgen.Post, a wxrArticle, listed bool, media map[string]bool) {
	t.Helper()
	if !listed || a.state != "published" || a.outcome != "new" {
		t.Errorf("post %d: report says %+v", wp.ID, a)
		return
	}
	old := wxrgen.OldPath(wp.Link)
	req, _ := http.NewRequest("GET", p.URL+old, nil)
	req.Header.Set("User-Agent", crawlerUA)
	resp, _ := do(t, req)
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != a.path {
		t.Errorf("post %d: old address %s: %d to %q, want 301 to %s", wp.ID, old, resp.StatusCode, resp.Header.Get("Location"), a.path)
		return
	}
	if wp.Type == "post" {
		req, _ := http.NewRequest("GET", p.URL+"/?p="+strconv.FormatInt(wp.ID, 10), nil)
		if resp, _ := do(t, req); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != a.path {
			t.Errorf("post %d: /?p=%d: %d to %q", wp.ID, wp.ID, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	code, page := p.Get(a.path, crawlerUA)
	if code != http.StatusOK {
		t.Errorf("post %d at %s: %d", wp.ID, a.path, code)
		return
	}
	doc := parseHTML(t, page)
	if got := textOf(findElement(doc, isElement("h1", ""))); got != wp.Title {
		t.Errorf("post %d: title %q, want %q", wp.ID, got, wp.Title)
	}
	lead := textOf(findElement(doc, isElement("p", "lead")))
	if want := wp.Lead; want != "" && lead != want {
		t.Errorf("post %d: lead %q, want the excerpt %q", wp.ID, lead, want)
	} else if want == "" && wp.FirstParagraph != "" && lead != wp.FirstParagraph {
		t.Errorf("post %d: lead %q, want the first paragraph %q", wp.ID, lead, wp.FirstParagraph)
	}
	if strings.Contains(page, "wp-content/uploads") || strings.Contains(page, "[caption") || strings.Contains(page, "[gallery") || strings.Contains(page, "[su_note") {
		t.Errorf("post %d: the page still has WordPress markup", wp.ID)
	}
	imgs := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "img" && strings.HasPrefix(attrOf(n, "src"), "/media/") {
			imgs++
			media[attrOf(n, "src")] = true
			if attrOf(n, "srcset") == "" {
				t.Errorf("post %d: image %s without srcset", wp.ID, attrOf(n, "src"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(findElement(doc, isElement("div", "body")))
	if want := len(wp.Images) - len(wp.Missing); imgs < want {
		t.Errorf("post %d: %d stored images on the page, want at least %d (%v, missing %v)", wp.ID, imgs, want, wp.Images, wp.Missing)
	}
	if wp.Caption != "" && len(wp.Missing) == 0 && !strings.Contains(page, "<figcaption>"+wp.Caption+"</figcaption>") {
		t.Errorf("post %d: no caption %q", wp.ID, wp.Caption)
	}
}

// TestImportWordPressBadInput: a truncated export, one with an external
// entity or entity expansion, a 2 GB file and invalid UTF-8 are refused
// with a clear message and leave the database and the media folder as
// they were; a post with an impossible date is skipped, the others of
// its file come in.
func TestImportWordPressBadInput(t *testing.T) {
	dir := t.TempDir()
	man, err := wxrgen.Generate(wxrgen.Config{Posts: 30, Seed: 3}, filepath.Join(dir, "wp"))
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "c.db")
	db := "sqlite:" + dbPath
	if out, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, man.Export); err != nil {
		t.Fatalf("import: %v\n%s\n%s", err, errOut, out)
	}
	good, err := os.ReadFile(man.Export)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	head := `<?xml version="1.0" encoding="UTF-8" ?>` + "\n"
	doc := string(good)[len(head):]
	// Every title of the file refers to the entity, so an importer that
	// expanded it would write its text into every article.
	withEntity := func(decl string) string {
		return head + decl + "\n" + regexp.MustCompile(`<title>[^<]*</title>`).ReplaceAllString(doc, "<title>&xxe;</title>")
	}
	big := filepath.Join(dir, "big.xml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil { // sparse: nothing written
		t.Fatal(err)
	}
	f.Close()
	lines := strings.Count(string(good[:len(good)/2]), "\n") + 1

	before := dbState(t, dbPath)
	files := countFiles(t, filepath.Join(dir, "media"))
	for _, tt := range []struct {
		name string
		file string
		says []string
	}{
		{"truncated", write("t.xml", string(good[:len(good)/2])), []string{"line " + strconv.Itoa(lines), "truncated"}},
		{"xxe", write("xxe.xml", withEntity(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)), []string{"line 2", "external entity", "XXE"}},
		{"billion laughs", write("lol.xml", withEntity(`<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`+
			`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY xxe "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`)), []string{"declares entities", "billion laughs"}},
		{"2 GB", big, []string{"2048 MB", "larger than the limit of 512 MB"}},
		{"invalid utf-8", write("u.xml", strings.Replace(string(good), "Sở Y tế", "S\xff Y t\xe1", 1)), []string{"invalid UTF-8", "line "}},
		{"not wxr", write("n.xml", head+"<rss><channel><title>x</title></channel></rss>"), []string{"not a WordPress export"}},
		{"missing file", filepath.Join(dir, "nope.xml"), []string{"no such file"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, tt.file)
			if err == nil {
				t.Fatalf("import succeeded:\n%s", out)
			}
			for _, s := range append(tt.says, "nothing was imported") {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr %q does not say %q", errOut, s)
				}
			}
			if strings.Contains(errOut, "root:") || strings.Contains(errOut, "panic") || out != "" {
				t.Errorf("stdout %q, stderr %q", out, errOut)
			}
			if after := dbState(t, dbPath); after != before {
				t.Fatalf("the database changed:\n%s\n%s", before, after)
			}
			if n := countFiles(t, filepath.Join(dir, "media")); n != files {
				t.Fatalf("%d media files, were %d", n, files)
			}
		})
	}
	// Nothing of /etc/passwd anywhere in the database.
	raw, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "root:x:0:0") {
		t.Fatal("the database holds /etc/passwd")
	}

	// Impossible dates: that post is skipped, with the reason; the others
	// of the file come in; nothing that was there changes.
	dates := strings.NewReplacer(
		"https://soyte.anphu.gov.vn", "https://yte.phuoclong.gov.vn", // another site: new posts
	).Replace(string(good))
	dates = strings.Replace(dates, "<wp:post_date_gmt><![CDATA[2016-03-01", "<wp:post_date_gmt><![CDATA[2023-02-30", 1)
	rows := articleRows(t, dbPath)
	out, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-db", db, write("dates.xml", dates))
	if err != nil {
		t.Fatalf("import with a bad date: %v\n%s", err, errOut)
	}
	if !regexp.MustCompile(`(?m)^  post \d+ .*wp:post_date_gmt: invalid date "2023-02-30 `).MatchString(out) {
		t.Fatalf("the report does not name the impossible date:\n%s", tail(out))
	}
	newArts := wxrArticles(t, out)
	if want := len(man.Posts) - man.Count(wxrgen.ExpectSkipped) - 1; len(newArts) != want {
		t.Fatalf("%d articles from the file with a bad date, want %d", len(newArts), want)
	}
	// The first import's articles are as they were.
	now := articleRows(t, dbPath)
	for id, row := range rows {
		if now[id] != row {
			t.Fatalf("article %d changed:\n%s\n%s", id, row, now[id])
		}
	}
	if len(now) != len(rows)+len(newArts) {
		t.Fatalf("%d articles, want %d", len(now), len(rows)+len(newArts))
	}
}

// articleRows returns every article's row as text, by ID.
func articleRows(t *testing.T, path string) map[int64]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id, category_id, title, slug, lead, body, author, image, status, published_at, updated_at, IFNULL(external_id, '') FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id, cat, pub, upd int64
		var title, slug, lead, body, author, image, status, ext string
		if err := rows.Scan(&id, &cat, &title, &slug, &lead, &body, &author, &image, &status, &pub, &upd, &ext); err != nil {
			t.Fatal(err)
		}
		out[id] = fmt.Sprintf("%d|%s|%s|%s|%s|%s|%s|%s|%d|%d|%s", cat, title, slug, lead, body, author, image, status, pub, upd, ext)
	}
	return out
}

// TestImportWordPressPostgres: the same import on PostgreSQL, served by a
// portal on it: old addresses answer 301 to pages that are there, drafts
// stay hidden, and a second import changes nothing.
func TestImportWordPressPostgres(t *testing.T) {
	db := pgtest.URL(t)
	dir := t.TempDir()
	man, err := wxrgen.Generate(wxrgen.Config{Posts: 60, Seed: 11}, filepath.Join(dir, "wp"))
	if err != nil {
		t.Fatal(err)
	}
	mediaDir := filepath.Join(dir, "media")
	out, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-media-dir", mediaDir, "-db", db, man.Export)
	if err != nil {
		t.Fatalf("import: %v\n%s\n%s", err, errOut, out)
	}
	arts := wxrArticles(t, out)
	p := StartPortal(t, "serve", "-db", db, "-media-dir", mediaDir)
	media := map[string]bool{}
	checked := 0
	for _, wp := range man.Posts {
		a, listed := arts[wp.ID]
		switch wp.Expect {
		case wxrgen.ExpectPublic:
			checkPublicPost(t, p, wp, a, listed, media)
			checked++
		case wxrgen.ExpectDraft, wxrgen.ExpectScheduled:
			if code, _ := p.Get(wxrgen.OldPath(wp.Link), crawlerUA); !listed || code != http.StatusNotFound {
				t.Errorf("%s %d (%s): listed %v, old address %d", wp.Type, wp.ID, wp.Status, listed, code)
			}
		case wxrgen.ExpectSkipped:
			if listed {
				t.Errorf("skipped post %d was imported", wp.ID)
			}
		}
	}
	for src := range media {
		req, _ := http.NewRequest("GET", p.URL+src, nil)
		if resp, _ := do(t, req); resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", src, resp.StatusCode)
		}
	}
	out2, errOut, err := runCmd(t, "import", "-format", "wxr", "-uploads", man.Uploads, "-media-dir", mediaDir, "-db", db, man.Export)
	if err != nil {
		t.Fatalf("second import: %v\n%s", err, errOut)
	}
	if checked < 40 || !strings.Contains(out2, "posts: 0 new, 0 updated, ") || !strings.Contains(out2, "old addresses: 0 new, 0 changed") {
		t.Fatalf("%d posts checked; second import:\n%s", checked, tail(out2))
	}
}
