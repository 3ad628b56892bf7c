package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/congtin/congtin"
)

// TestCategoryRenameRedirects: renaming a category's address keeps the old
// one working as a 301, for the category page and its articles.
func TestCategoryRenameRedirects(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusPublished)
	oldPath := a.Path(e.cat.Slug)
	c := e.as("qtv")
	r := c.post(fmt.Sprintf("/admin/chuyen-muc/%d", e.cat.ID), url.Values{"name": {"Tin tức - Sự kiện"}, "slug": {"tin-tuc-su-kien"}, "position": {"3"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("rename: %d %.300s", r.status, r.body)
	}
	pub := e.client("")
	if r := pub.get("/tin-tuc?trang=1"); r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/tin-tuc-su-kien?trang=1" {
		t.Fatalf("old category address: %d %q", r.status, r.header.Get("Location"))
	}
	if r := pub.get(oldPath); r.status != http.StatusMovedPermanently || r.header.Get("Location") != a.Path("tin-tuc-su-kien") {
		t.Fatalf("old article address: %d %q", r.status, r.header.Get("Location"))
	}
	if r := pub.get("/tin-tuc-su-kien"); r.status != http.StatusOK {
		t.Fatalf("new address: %d", r.status)
	}
	// Hiding takes it off the menu and its page.
	r = c.post(fmt.Sprintf("/admin/chuyen-muc/%d", e.cat.ID), url.Values{"name": {"Tin tức - Sự kiện"}, "hidden": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("hide: %d", r.status)
	}
	if r := pub.get("/tin-tuc-su-kien"); r.status != http.StatusNotFound {
		t.Fatalf("hidden category page: %d", r.status)
	}
	// A category with articles cannot be deleted; an empty one can.
	if r := c.post(fmt.Sprintf("/admin/chuyen-muc/%d/xoa", e.cat.ID), nil); r.status != http.StatusConflict {
		t.Fatalf("delete non-empty: %d", r.status)
	}
	empty, err := e.db.CreateCategory(t.Context(), congtin.Actor{User: e.users["qtv"], Role: congtin.RoleAdmin}, e.site.ID, congtin.CategoryInput{Name: "Trống"})
	if err != nil {
		t.Fatal(err)
	}
	if r := c.post(fmt.Sprintf("/admin/chuyen-muc/%d/xoa", empty.ID), nil); r.status != http.StatusSeeOther {
		t.Fatalf("delete empty: %d", r.status)
	}
	// Nesting under itself is refused.
	r = c.post(fmt.Sprintf("/admin/chuyen-muc/%d", e.cat.ID), url.Values{"name": {"Tin tức - Sự kiện"}, "parent_id": {fmt.Sprint(e.cat.ID)}})
	if r.status != http.StatusBadRequest {
		t.Fatalf("self parent: %d", r.status)
	}
}
