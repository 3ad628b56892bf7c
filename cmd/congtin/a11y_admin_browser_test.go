package main_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// adminPage is a back-office page the accessibility test checks, signed
// in as the demo portal's editor-in-chief (an administrator). path may be
// found on the demo portal by find, given the back office's pages as a
// fetcher.
type adminPage struct {
	name string
	path string
	// find, when set, finds the path on the running portal (say, the
	// edit page of a demo article): get returns a page's HTML.
	find func(t *testing.T, get func(path string) string) string
	// signedOut pages (the sign-in page) are checked in a browser of
	// their own that has never signed in.
	signedOut bool
}

// adminA11yPages are the back-office pages checked. A file that adds or
// changes a back-office page adds it here, in an init of its own.
var adminA11yPages = []adminPage{
	{name: "dashboard", path: "/admin/"},
	{name: "articles", path: "/admin/bai-viet"},
	{name: "new article", path: "/admin/bai-viet/moi"},
	{name: "article edit", find: firstLink(`/admin/bai-viet/\d+`, "/admin/bai-viet")},
	{name: "documents", path: "/admin/van-ban"},
	{name: "document edit", find: firstLink(`/admin/van-ban/\d+`, "/admin/van-ban")},
	{name: "Q&A inbox", path: "/admin/hoi-dap"},
	{name: "question edit", find: firstLink(`/admin/hoi-dap/\d+`, "/admin/hoi-dap")},
	{name: "work schedule", path: "/admin/lich-cong-tac"},
	{name: "about pages", path: "/admin/gioi-thieu"},
	{name: "about page edit", find: firstLink(`/admin/gioi-thieu/\d+`, "/admin/gioi-thieu")},
	{name: "polls", path: "/admin/tham-do"},
	{name: "new poll", path: "/admin/tham-do/moi"},
	{name: "poll edit with results", find: firstLink(`/admin/tham-do/\d+`, "/admin/tham-do")},
}

// firstLink finds the first link matching re on the page at list.
func firstLink(re, list string) func(*testing.T, func(string) string) string {
	return func(t *testing.T, get func(string) string) string {
		t.Helper()
		m := regexp.MustCompile(`href="(` + re + `)"`).FindStringSubmatch(get(list))
		if m == nil {
			t.Fatalf("no link matching %s on %s", re, list)
		}
		return m[1]
	}
}

// TestBrowserAccessibilityBackOffice checks the back-office pages against
// WCAG 2.1 AA with axe-core, at 1280 px and at 360 px, signed in.
func TestBrowserAccessibilityBackOffice(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	requireEditorBundle(t)
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	nr := newNewsroom(t)
	nr.portal = StartPortal(t, "demo", "-db", db)
	chief := staff{"tongbientap", "admin", "Tổng Biên Tập"}
	nr.addStaff(db, chief)
	browserCtx := nr.startBrowser(browserPath)
	b := nr.tab(nr.person(browserCtx, chief.name), 5*time.Minute)
	anon := nr.tab(nr.person(browserCtx, "visitor"), 5*time.Minute)
	nr.begin("sign in")
	nr.signIn(b, chief)

	get := func(path string) string {
		t.Helper()
		b.navigate(nr.portal.URL + path)
		return evaluate[string](b, `document.documentElement.outerHTML`)
	}
	pages := make([]adminPage, 0, len(adminA11yPages))
	for _, p := range adminA11yPages {
		if p.find != nil {
			p.path = p.find(t, get)
		}
		pages = append(pages, p)
	}
	total := 0
	for _, vp := range []viewport{desktop, phone} {
		b.do(vp.emulate())
		anon.do(vp.emulate())
		for _, p := range pages {
			nr.begin(p.name + " at " + vp.name)
			on := b
			if p.signedOut {
				on = anon
			}
			on.navigate(nr.portal.URL + p.path)
			if !p.signedOut && strings.Contains(evaluate[string](on, `location.pathname`), "/dang-nhap") {
				t.Fatalf("%s: the back office asked to sign in again", p.name)
			}
			problems := on.audit(axeJS)
			total += len(problems)
			for _, pr := range problems {
				t.Errorf("%s at %s (%s): %s", p.name, vp.name, p.path, pr)
			}
		}
	}
	t.Logf("axe-core: %d violations on %d back-office pages at %s and %s", total, len(pages), desktop.name, phone.name)
	b.do(chromedp.Evaluate[chromedp.Void](`void 0`))
}
