package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestAutosaveEndpoint checks the autosave's refusals: a draft is kept
// only for an item its writer may edit, within the limits, under a known
// kind; a refused one stores nothing, and nobody reads another's draft.
func TestAutosaveEndpoint(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusDraft)
	path := fmt.Sprintf("/admin/ban-nhap/bai-viet/%d", a.ID)
	ref := congtin.Ref{Kind: congtin.KindArticle, SiteID: e.site.ID, ID: a.ID}
	pv1, pv2 := e.as("pv1"), e.as("pv2")
	pv1.hdr.Set("X-Requested-With", "fetch")
	pv2.hdr.Set("X-Requested-With", "fetch")

	form := url.Values{"title": {"Tiêu đề đang soạn"}, "version": {"1"}}
	if r := pv1.post(path, form); r.status != http.StatusOK || !strings.Contains(r.body, "Đã lưu tạm") {
		t.Fatalf("own draft: %d %s", r.status, r.body)
	}
	if d, err := e.db.FindDraft(t.Context(), e.users["pv1"].ID, ref); err != nil || url.Values(d.Values).Get("title") != "Tiêu đề đang soạn" {
		t.Fatalf("stored draft: %+v, %v", d, err)
	}

	// Another reporter may not edit the article: refused, nothing kept.
	if r := pv2.post(path, url.Values{"title": {"Của người khác"}}); r.status != http.StatusForbidden {
		t.Fatalf("another reporter's draft: %d %s", r.status, r.body)
	}
	if d, err := e.db.FindDraft(t.Context(), e.users["pv2"].ID, ref); err == nil && d != nil {
		t.Fatalf("a refused draft was kept: %+v", d)
	}

	// Unknown kinds and ids are not found; too many fields are refused
	// with the reason; none of them changes the stored draft.
	for _, p := range []string{"/admin/ban-nhap/khong-co/1", "/admin/ban-nhap/bai-viet/abc", "/admin/ban-nhap/bai-viet/-1"} {
		if r := pv1.post(p, form); r.status != http.StatusNotFound {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
	big := url.Values{}
	for i := range congtin.DraftMaxFields + 1 {
		big.Set(fmt.Sprintf("f%d", i), "x")
	}
	if r := pv1.post(path, big); r.status != http.StatusBadRequest || !strings.Contains(r.body, "quá lớn") {
		t.Fatalf("too many fields: %d %s", r.status, r.body)
	}
	if d, err := e.db.FindDraft(t.Context(), e.users["pv1"].ID, ref); err != nil || url.Values(d.Values).Get("title") != "Tiêu đề đang soạn" {
		t.Fatalf("the draft after refusals: %+v, %v", d, err)
	}
}
