package web_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSharedChromeFollowsSiteChanges: the menu, the category tree and
// the footer are rendered once per site (render.Chrome) and shared by
// every page drawn after. A page first drawn after a change must show the
// change, and each page still marks its own menu entry as current.
func TestSharedChromeFollowsSiteChanges(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	first, second := res[0], res[1] // in one category: one menu entry current
	other := e.mustImport(storetest.Rec("Hội nghị triển khai nhiệm vụ kinh tế", "Kinh tế", day0))[0]
	r := e.get(first.Article.Path(first.Category.Slug))
	if r.status != 200 || !strings.Contains(r.body, `href="/`+first.Category.Slug+`" aria-current="page"`) {
		t.Fatalf("first article: %d, or its category is not marked current", r.status)
	}
	// Settings, links and categories change; the next page drawn (not in
	// the page cache) shows them all.
	addr := "Số 9 đường Trần Phú, phường Hàm Rồng"
	if _, err := e.db.UpdateSite(t.Context(), e.site.ID, congtin.SiteUpdate{Address: &addr}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.CreateLink(t.Context(), congtin.SystemActor("test"), e.site.ID, congtin.LinkInput{Name: "Cổng Dịch vụ công quốc gia", URL: "https://dichvucong.gov.vn", Group: "Liên kết"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.UpdateCategory(t.Context(), congtin.SystemActor("test"), e.site.ID, other.Category.ID,
		congtin.CategoryInput{Name: "Chuyên mục đã đổi tên", Slug: other.Category.Slug}); err != nil {
		t.Fatal(err)
	}
	e.sync()
	r = e.get(second.Article.Path(second.Category.Slug))
	if r.status != 200 {
		t.Fatalf("second article: %d", r.status)
	}
	for _, want := range []string{addr, "dichvucong.gov.vn", "Chuyên mục đã đổi tên"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the page drawn after the changes lacks %q", want)
		}
	}
	r = e.get(other.Article.Path(other.Category.Slug))
	if r.status != 200 || !strings.Contains(r.body, `href="/`+other.Category.Slug+`" aria-current="page"`) {
		t.Fatalf("other article: %d, or its own category is not marked current", r.status)
	}
	if strings.Contains(r.body, `href="/`+first.Category.Slug+`" aria-current="page"`) {
		t.Error("the other article's page marks the first article's category as current")
	}
}
