package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestSpellingsPage: the page of abbreviations and equivalent spellings,
// for administrators only; bad input is refused with its reason and the
// text as typed, in the form it came from, and changes nothing; a saved
// group is searched at once, on the public site too.
func TestSpellingsPage(t *testing.T) {
	const spellingsPath = "/admin/cach-viet"
	e := newEnv(t)
	qtv, btv, pv := e.as("qtv"), e.as("btv"), e.as("pv1")
	for _, c := range []*client{btv, pv} {
		wantStatus(t, c.get(spellingsPath), http.StatusForbidden, "a non-admin opens the page")
		wantStatus(t, c.post(spellingsPath, url.Values{"spellings": {"QLTT; quản lý thị trường"}}), http.StatusForbidden, "a non-admin adds a group")
	}
	if strings.Contains(btv.get("/admin/").body, spellingsPath) {
		t.Error("the editor's menu links the page")
	}
	r := qtv.get(spellingsPath)
	wantStatus(t, r, http.StatusOK, "the admin opens the page")
	wantText(t, r, "Từ viết tắt và cách viết tương đương", "heading")
	wantText(t, r, "UBND; Ủy ban nhân dân", "the built-in groups")
	wantText(t, r, "cách nhau bằng dấu chấm phẩy (;) hoặc mỗi cách viết một dòng", "how to write a group")
	if !strings.Contains(r.body, `href="/admin/cach-viet" aria-current="page"`) {
		t.Error("the menu does not mark the page")
	}

	groups := func() []*congtin.SpellingGroup {
		t.Helper()
		gs, err := e.db.FindSpellingGroups(t.Context(), e.site.ID)
		if err != nil {
			t.Fatal(err)
		}
		return gs
	}
	for _, tt := range []struct{ text, want string }{
		{"", "Hãy nhập các cách viết"},
		{"QLTT", "Một nhóm cần ít nhất hai cách viết"},
		{"QLTT; ?!", "không có chữ hay số"},
		{"SXKD; " + strings.Repeat("x", 81), "tối đa 80 ký tự"},
		{"UBND; UB nhân dân", "đã có trong danh sách có sẵn"},
		{"a\xffb; c", "ký tự không hợp lệ"},
	} {
		r := qtv.post(spellingsPath, url.Values{"spellings": {tt.text}})
		wantStatus(t, r, http.StatusBadRequest, tt.text)
		wantText(t, r, "Chưa lưu được: ", tt.text)
		wantText(t, r, tt.want, tt.text)
		doc := hpParse(t, r.body)
		ta := hpFirst(doc, hpID("spellings"))
		if ta == nil || hpVal(ta, "aria-invalid") != "true" || hpText(ta) != strings.ToValidUTF8(strings.TrimSpace(tt.text), "\uFFFD") {
			t.Errorf("%q: the form does not keep the text or mark it", tt.text)
		}
	}
	if gs := groups(); len(gs) != 0 {
		t.Fatalf("refused groups were saved: %+v", gs)
	}

	// A group added; HTML in it is text.
	r = qtv.post(spellingsPath, url.Values{"spellings": {"QLTT\nquản lý thị trường\n<script>alert(1)</script>"}})
	wantStatus(t, r, http.StatusSeeOther, "add a group")
	gs := groups()
	if len(gs) != 1 || len(gs[0].Spellings) != 3 {
		t.Fatalf("after adding: %+v", gs)
	}
	r = qtv.get(spellingsPath)
	if strings.Contains(r.body, "<script>alert(1)") {
		t.Fatal("a spelling is not escaped")
	}
	doc := hpParse(t, r.body)
	row := hpFirst(doc, hpID(fmt.Sprintf("cach-viet-%d", gs[0].ID)))
	if row == nil || hpText(row) != "QLTT; quản lý thị trường; <script>alert(1)</script>" {
		t.Fatalf("the group's field: %v", row)
	}
	wantText(t, r, "Người qtv", "who changed the group")

	// A refused edit comes back in the group's own field.
	second := qtv.post(spellingsPath, url.Values{"spellings": {"Sở GTVT; Sở Giao thông vận tải"}})
	wantStatus(t, second, http.StatusSeeOther, "a second group")
	gs = groups()
	r = qtv.post(fmt.Sprintf("%s/%d", spellingsPath, gs[1].ID), url.Values{"spellings": {"Sở GTVT; QLTT"}})
	wantStatus(t, r, http.StatusBadRequest, "an edit taking another group's spelling")
	wantText(t, r, "“QLTT” đã có trong nhóm “QLTT; quản lý thị trường; <script>alert(1)</script>” của cổng", "the other group named")
	doc = hpParse(t, r.body)
	field := hpFirst(doc, hpID(fmt.Sprintf("cach-viet-%d", gs[1].ID)))
	if field == nil || hpText(field) != "Sở GTVT; QLTT" || hpVal(field, "aria-invalid") != "true" {
		t.Errorf("the refused edit's field: %v", field)
	}
	if ta := hpFirst(doc, hpID("spellings")); ta == nil || hpVal(ta, "aria-invalid") == "true" {
		t.Error("the add form is marked for an edit's error")
	}
	if gs2 := groups(); gs2[1].Text() != "Sở GTVT; Sở Giao thông vận tải" {
		t.Fatalf("a refused edit changed the group: %+v", gs2[1])
	}
	// Not found, across sites too; a path that is not an ID.
	wantStatus(t, qtv.post(spellingsPath+"/999999", url.Values{"spellings": {"a1; b1"}}), http.StatusNotFound, "no such group")
	wantStatus(t, qtv.post(spellingsPath+"/abc/xoa", nil), http.StatusNotFound, "a bad ID")
	qt2 := e.client("so.example").login("qt2")
	wantStatus(t, qt2.post(fmt.Sprintf("%s/%d/xoa", spellingsPath, gs[0].ID), nil), http.StatusNotFound, "another site's admin deletes")
	// A cross-site POST is refused.
	qtv.hdr.Set("Sec-Fetch-Site", "cross-site")
	wantStatus(t, qtv.post(fmt.Sprintf("%s/%d/xoa", spellingsPath, gs[0].ID), nil), http.StatusForbidden, "a cross-site POST")
	qtv.hdr.Del("Sec-Fetch-Site")
	if len(groups()) != 2 {
		t.Fatal("a refused delete deleted")
	}

	// The try box reads a query with the site's groups and the built-in.
	r = qtv.get(spellingsPath + "?thu=" + url.QueryEscape("Đội QLTT và TP.HCM"))
	wantStatus(t, r, http.StatusOK, "try")
	wantText(t, r, "QLTT → “quản lý thị trường”, “<script>alert(1)</script>”", "the site's group tried")
	wantText(t, r, "TP.HCM → “TPHCM”", "a built-in group tried")
	r = qtv.get(spellingsPath + "?thu=" + url.QueryEscape("an ninh"))
	wantText(t, r, "không có từ viết tắt hay cách viết tương đương nào", "nothing to read")
	for _, q := range []string{"%ff", strings.Repeat("QLTT ", 2000), "\"", "*", "NEAR(", "🙂"} {
		wantStatus(t, qtv.get(spellingsPath+"?thu="+url.QueryEscape(q)), http.StatusOK, "try "+q[:min(len(q), 10)])
	}

	wantStatus(t, qtv.get(spellingsPath+"?thu=%ff%fe"), http.StatusOK, "try invalid UTF-8")

	// Deleted, audit-logged.
	wantStatus(t, qtv.post(fmt.Sprintf("%s/%d/xoa", spellingsPath, gs[1].ID), nil), http.StatusSeeOther, "delete")
	if len(groups()) != 1 {
		t.Fatal("not deleted")
	}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "spelling", Limit: 10})
	if len(es) != 3 || es[0].Action != "spelling.delete" || es[2].Action != "spelling.create" || es[2].Username != "qtv" {
		t.Errorf("audit: %+v", es)
	}
}
