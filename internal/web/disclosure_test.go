package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestDisclosurePages: /cong-khai lists the site's groups; a group's page
// shows its documents of the newest year by quarter, newest first, and
// the years as links; a bad year is a Vietnamese 400 and an unknown group
// a 404.
func TestDisclosurePages(t *testing.T) {
	e := newEnv(t)
	doc := func(number, typ string, issued time.Time) {
		d, err := e.db.CreateDocument(t.Context(), pollActor, e.site.ID, congtin.DocumentInput{TypeID: storetest.TermID(t, e.db, e.site.ID, congtin.ListTypes, typ),
			Number: number, Issuer: "Ủy ban nhân dân tỉnh", IssuedOn: issued, Summary: typ + " số " + number})
		if err == nil {
			_, err = e.db.TransitionDocument(t.Context(), pollActor, e.site.ID, d.ID, congtin.ActPublish, "")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	vn := func(s string) time.Time {
		d, _ := time.ParseInLocation(time.DateOnly, s, congtin.VietnamZone)
		return d
	}
	doc("12/KH-UBND", "Kế hoạch", vn("2026-02-10"))
	doc("140/KH-UBND", "Kế hoạch", vn("2026-11-20"))
	doc("98/KH-UBND", "Kế hoạch", vn("2025-11-03"))
	doc("15/QĐ-UBND", "Quyết định", vn("2026-02-11"))
	r := e.get("/cong-khai")
	if r.status != 200 || !strings.Contains(text(r.doc), "Công khai ngân sách") || !strings.Contains(text(r.doc), "Chiến lược – Quy hoạch – Kế hoạch") {
		t.Fatalf("/cong-khai: %d", r.status)
	}
	r = e.get("/cong-khai/chien-luoc-quy-hoach-ke-hoach")
	q4, q1 := find(r.doc, id("quy-4")), find(r.doc, id("quy-1"))
	if r.status != 200 || q4 == nil || q1 == nil || text(q4) != "Quý IV năm 2026" || !strings.Contains(text(q4.Parent), "140/KH-UBND") ||
		!strings.Contains(text(q1.Parent), "12/KH-UBND") || strings.Contains(r.body, "15/QĐ-UBND") || strings.Contains(r.body, "98/KH-UBND") {
		t.Fatalf("the group's page: %d\n%s", r.status, text(r.doc))
	}
	if strings.Index(r.body, "quy-4") > strings.Index(r.body, "quy-1") {
		t.Error("the quarters are not newest first")
	}
	if y := text(find(r.doc, class("year-links"))); !strings.Contains(y, "2026 (2)") || !strings.Contains(y, "2025 (1)") {
		t.Errorf("years: %q", y)
	}
	if r = e.get("/cong-khai/chien-luoc-quy-hoach-ke-hoach?nam=2025"); r.status != 200 || !strings.Contains(r.body, "98/KH-UBND") || strings.Contains(r.body, "140/KH-UBND") {
		t.Fatalf("2025: %d", r.status)
	}
	if r = e.get("/cong-khai/chien-luoc-quy-hoach-ke-hoach?nam=abc"); r.status != http.StatusBadRequest || !strings.Contains(text(r.doc), "Năm “abc” không hợp lệ") {
		t.Fatalf("bad year: %d", r.status)
	}
	if r = e.get("/cong-khai/khong-co"); r.status != http.StatusNotFound || !strings.Contains(text(r.doc), "Không tìm thấy trang công khai.") {
		t.Fatalf("unknown group: %d", r.status)
	}
}
