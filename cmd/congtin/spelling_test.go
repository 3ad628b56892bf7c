package main_test

import (
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func init() {
	// The page of abbreviations and equivalent spellings, and its try box.
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "abbreviations and spellings", path: "/admin/cach-viet"},
		adminPage{name: "abbreviations tried", path: "/admin/cach-viet?thu=UBND+t%E1%BB%89nh+TP.HCM"},
	)
}

// TestSiteSpellingsEndToEnd: through the real binary and HTTP, an
// administrator adds "QLTT; quản lý thị trường" in the back office, and
// the public search finds by "QLTT" an article that only says "quản lý
// thị trường", and the other way round, without a restart; the result
// pages cached before the change are not served after it.
func TestSiteSpellingsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	recs := []map[string]any{
		{"title": "Ra quân kiểm tra hàng giả dịp cuối năm", "lead": "Lực lượng quản lý thị trường tỉnh kiểm tra các chợ đầu mối.",
			"body": "<p>Đoàn làm việc tại chợ.</p>", "category": "Kinh tế", "author": "Minh Anh",
			"published_at": "2026-01-05T09:00:00+07:00", "external_id": "long"},
		{"title": "Đội QLTT số 3 tổng kết công tác năm", "lead": "Hội nghị tổng kết của đội.",
			"body": "<p>Đội xử lý nhiều vụ việc.</p>", "category": "Kinh tế", "author": "Minh Anh",
			"published_at": "2026-01-06T09:00:00+07:00", "external_id": "short"},
	}
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", recs)); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	addUser(t, db, "qtv", "Quản trị", "admin", "mat-khau-rat-dai-1")
	addUser(t, db, "btv", "Biên tập", "editor", "mat-khau-rat-dai-2")
	p := StartPortal(t, "serve", "-db", db)

	long, short := "Ra quân kiểm tra hàng giả dịp cuối năm", "Đội QLTT số 3 tổng kết công tác năm"
	titles := func(q string) []string {
		t.Helper()
		status, body := p.Get("/tim-kiem?q="+url.QueryEscape(q), browserUA)
		if status != http.StatusOK {
			t.Fatalf("search %q: %d", q, status)
		}
		if strings.Contains(body, "kết quả gần đúng") {
			return nil // near matches: not found
		}
		var out []string
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "h2" && strings.Contains(attrOf(n, "class"), "card-title") {
				out = append(out, strings.TrimSpace(textOf(n)))
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(parseHTML(t, body))
		slices.Sort(out)
		return out
	}
	both := []string{short, long}
	slices.Sort(both)
	if got := titles("QLTT"); !slices.Equal(got, []string{short}) {
		t.Fatalf("QLTT before the group: %q", got)
	}
	if got := titles("quản lý thị trường"); !slices.Equal(got, []string{long}) {
		t.Fatalf("the long form before the group: %q", got)
	}

	post := func(session *http.Cookie, path string, form url.Values) *http.Response {
		t.Helper()
		req, err := http.NewRequest("POST", p.URL+path, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("User-Agent", browserUA)
		req.AddCookie(session)
		resp, _ := do(t, req)
		return resp
	}
	group := url.Values{"spellings": {"QLTT; quản lý thị trường"}}
	if r := post(signIn(t, p, "btv", "mat-khau-rat-dai-2"), "/admin/cach-viet", group); r.StatusCode != http.StatusForbidden {
		t.Fatalf("an editor adds a group: %d", r.StatusCode)
	}
	admin := signIn(t, p, "qtv", "mat-khau-rat-dai-1")
	if r := post(admin, "/admin/cach-viet", url.Values{"spellings": {"QLTT"}}); r.StatusCode != http.StatusBadRequest {
		t.Fatalf("a group of one spelling: %d", r.StatusCode)
	}
	if r := post(admin, "/admin/cach-viet", group); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("the admin adds the group: %d", r.StatusCode)
	}
	// The cached result pages go when the process reads the change log,
	// a few times a second.
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Equal(titles("QLTT"), both) {
		if time.Now().After(deadline) {
			t.Fatalf("QLTT with the group: %q", titles("QLTT"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := titles("quản lý thị trường"); !slices.Equal(got, both) {
		t.Fatalf("the long form with the group: %q", got)
	}
	if got := titles("quan ly thi truong"); !slices.Equal(got, both) {
		t.Fatalf("the long form without diacritics: %q", got)
	}
	_, page := adminGet(t, p, "/admin/cach-viet", admin)
	if !strings.Contains(page, "QLTT; quản lý thị trường") {
		t.Fatal("the page does not list the group")
	}
}
