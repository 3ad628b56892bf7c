package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestDisclosureAdmin: administrators set the groups; a group with nothing
// ticked, or another site's type, is refused beside its form with what
// was typed, and nothing changes; editors may not.
func TestDisclosureAdmin(t *testing.T) {
	e := newEnv(t)
	adm := e.as("qtv")
	if r := adm.get("/admin/cong-khai"); r.status != 200 || !strings.Contains(r.body, "Công khai ngân sách") {
		t.Fatalf("page: %d", r.status)
	}
	typ := storetest.TermID(t, e.db, e.site.ID, congtin.ListTypes, "Quyết định")
	foreign := storetest.TermID(t, e.db, e.site2.ID, congtin.ListTypes, "Quyết định")
	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"nothing ticked", url.Values{"name": {"Đầu tư công"}}, "Hãy chọn ít nhất một loại văn bản hoặc một lĩnh vực"},
		{"another site's type", url.Values{"name": {"Đầu tư công"}, "types": {strconv.FormatInt(foreign, 10)}}, "không còn trong danh mục"},
		{"a type that is no number", url.Values{"name": {"Đầu tư công"}, "types": {"x"}}, "không hợp lệ"},
		{"a taken name", url.Values{"name": {"Công khai ngân sách"}, "types": {strconv.FormatInt(typ, 10)}}, "Đã có trang công khai"},
	} {
		r := adm.post("/admin/cong-khai", tc.form)
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, tc.want) || !strings.Contains(r.body, `value="`+tc.form.Get("name")+`"`) {
			t.Errorf("%s: %d, want 400 with %q", tc.name, r.status, tc.want)
		}
	}
	gs, _ := e.db.FindDisclosures(t.Context(), e.site.ID)
	if len(gs) != 3 {
		t.Fatalf("refused forms changed the groups: %d", len(gs))
	}
	if r := adm.post("/admin/cong-khai", url.Values{"name": {"Đầu tư công"}, "types": {strconv.FormatInt(typ, 10)}, "position": {"4"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add: %d %.300s", r.status, r.body)
	}
	if r := e.as("btv").get("/admin/cong-khai"); r.status != http.StatusForbidden {
		t.Errorf("an editor opens the groups: %d", r.status)
	}
	if r := e.as("btv").post("/admin/cong-khai", url.Values{"name": {"Khác"}, "types": {strconv.FormatInt(typ, 10)}}); r.status != http.StatusForbidden {
		t.Errorf("an editor adds a group: %d", r.status)
	}
	if g, err := e.db.FindDisclosure(t.Context(), e.site.ID, "dau-tu-cong"); err != nil || len(g.TypeIDs) != 1 || g.TypeIDs[0] != typ {
		t.Fatalf("added: %+v %v", g, err)
	}
}
