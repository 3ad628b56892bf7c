package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSpokespersonPage: /phat-ngon shows the leaders marked as
// spokesperson with their own contacts or, lacking them, their unit's,
// and the newest press releases of the category thong-cao-bao-chi with
// its feed; a site without either says so.
func TestSpokespersonPage(t *testing.T) {
	e := newEnv(t)
	if r := e.get("/phat-ngon"); r.status != 200 || !strings.Contains(text(r.doc), "Cơ quan chưa công bố người phát ngôn") ||
		!strings.Contains(text(r.doc), "Chưa có thông cáo báo chí.") {
		t.Fatalf("empty: %d %s", r.status, text(r.doc))
	}
	_, err := e.db.CreateUnit(t.Context(), pollActor, e.site.ID, congtin.UnitInput{Name: "Văn phòng UBND tỉnh", Phone: "(0200) 3 868 600",
		Email: "vanphong@anphu.gov.vn", Leaders: []congtin.Leader{
			{Name: "Phạm Quốc Huy", Title: "Chánh Văn phòng", Spokesperson: true, Phone: "0912 868 600"},
			{Name: "Đỗ Thị Lan", Title: "Phó Chánh Văn phòng"}}})
	if err != nil {
		t.Fatal(err)
	}
	rec := storetest.Rec("Thông cáo báo chí về phiên họp tháng 11", "Thông báo"+congtin.CategoryPathSep+"Thông cáo báo chí", time.Now().Add(-time.Hour))
	e.mustImport(rec)
	e.sync()
	r := e.get("/phat-ngon")
	page := text(r.doc)
	if r.status != 200 || !strings.Contains(page, "Phạm Quốc Huy") || !strings.Contains(page, "0912 868 600") || !strings.Contains(page, "vanphong@anphu.gov.vn") ||
		strings.Contains(page, "Đỗ Thị Lan") || !strings.Contains(page, "Thông cáo báo chí về phiên họp tháng 11") || !strings.Contains(r.body, `href="/rss/thong-cao-bao-chi"`) {
		t.Fatalf("/phat-ngon: %d %s", r.status, page)
	}
}
