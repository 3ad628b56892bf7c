package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSpellingGroupRefused: only the site's administrator changes the
// list, and a group that would not work, or would blur another, is
// refused with the reason, changing nothing.
func TestSpellingGroupRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ad := storetest.MustUser(t, a, site.ID, "qtv", congtin.RoleAdmin)
	good := congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường"}
	for _, role := range []string{congtin.RoleEditor, congtin.RoleReporter} {
		u := storetest.MustUser(t, a, site.ID, "u"+role, role)
		_, err := a.CreateSpellingGroup(ctx, u, site.ID, good)
		storetest.WantCode(t, err, congtin.EFORBIDDEN, role+" adds a group")
	}
	g, err := a.CreateSpellingGroup(ctx, ad, site.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	_, err = a.UpdateSpellingGroup(ctx, ed, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường; QL thị trường"})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "an editor edits a group")
	storetest.WantCode(t, a.DeleteSpellingGroup(ctx, ed, site.ID, g.ID), congtin.EFORBIDDEN, "an editor deletes a group")
	wantAudit(t, a, site.ID, "spelling", 1, "refused actors")

	for _, tt := range []struct{ text, want string }{
		{"", "Hãy nhập các cách viết"},
		{" ; \n ;", "Hãy nhập các cách viết"},
		{"QLĐT", "cần ít nhất hai cách viết"},
		{"SXKD; ...", "“...” không có chữ hay số"},
		{"SXKD; -", "“-” không có chữ hay số"},
		{"SXKD; 🙂", "không có chữ hay số"},
		{"SXKD; \u0301", "không có chữ hay số"},
		{"TP.HCM; tp hcm; TP-HCM", "được tìm như nhau"},
		{"sản xuất; san xuat", "được tìm như nhau"},
		{"SXKD; " + strings.Repeat("sản xuất ", 10), "quá dài: tối đa 80 ký tự"},
		{"a1; a2; a3; a4; a5; a6; a7; a8; a9; a10; a11", "tối đa 10 cách viết"},
		{"UBND; UB nhân dân", "đã có trong danh sách có sẵn, ở nhóm “UBND; Ủy ban nhân dân”"},
		{"vac-xin; vắcxin", "“vac-xin” đã có trong danh sách có sẵn"},
		{"Quản lý thị trường; QL thị trường", "đã có trong nhóm “QLTT; quản lý thị trường” của cổng"},
		{"bad\x00; text", "ký tự không hợp lệ"},
		{"bad\xff; text", "ký tự không hợp lệ"},
	} {
		_, err := a.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: tt.text})
		storetest.WantField(t, err, "spellings", tt.text)
		if msg := congtin.ErrorMessage(err) + " " + fieldMessage(err); !strings.Contains(msg, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, msg, tt.want)
		}
	}
	// A group may keep its own spellings when edited; it may not take
	// those of a built-in group.
	if _, err := a.UpdateSpellingGroup(ctx, ad, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTT\nquản lý thị trường\n\nQL thị trường"}); err != nil {
		t.Fatalf("edit keeping its spellings: %v", err)
	}
	_, err = a.UpdateSpellingGroup(ctx, ad, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTT; BHYT"})
	storetest.WantField(t, err, "spellings", "an edit taking a built-in spelling")
	_, err = a.UpdateSpellingGroup(ctx, ad, site.ID, g.ID+100, good)
	storetest.WantCode(t, err, congtin.ENOTFOUND, "an edit of no group")
	gs, _ := a.FindSpellingGroups(ctx, site.ID)
	if len(gs) != 1 || len(gs[0].Spellings) != 3 {
		t.Fatalf("after refusals: %+v", gs)
	}
	wantAudit(t, a, site.ID, "spelling", 2, "refused groups")

	// HTML is text, stored as typed: the pages escape it.
	h, err := a.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "<script>alert(1)</script>; <b>x</b>"})
	if err != nil || h.Spellings[0] != "<script>alert(1)</script>" {
		t.Fatalf("html as text: %+v %v", h, err)
	}
}

// fieldMessage is the message of the "spellings" field of a refusal.
func fieldMessage(err error) string {
	if ve, ok := err.(*congtin.ValidationError); ok {
		return ve.Fields["spellings"]
	}
	return ""
}

// TestSpellingGroupLimit: a site's list holds at most
// MaxSpellingGroups groups.
func TestSpellingGroupLimit(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ad := storetest.MustUser(t, a, site.ID, "qtv", congtin.RoleAdmin)
	for i := range congtin.MaxSpellingGroups {
		n := strings.Repeat("x", i/26+1) + string(rune('a'+i%26))
		if _, err := a.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "k" + n + "; long " + n}); err != nil {
			t.Fatalf("group %d: %v", i, err)
		}
	}
	_, err := a.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường"})
	storetest.WantField(t, err, "spellings", "one group too many")
	if !strings.Contains(fieldMessage(err), "đã có đủ 300 nhóm") {
		t.Errorf("message: %q", fieldMessage(err))
	}
}

// TestSpellingCacheDropped: a search finds an article through a group as
// soon as the group is saved, and stops when it is deleted, with no
// restart and no wait: the save drops the site's compiled table.
func TestSpellingCacheDropped(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ad := storetest.MustUser(t, a, site.ID, "qtv", congtin.RoleAdmin)
	rep, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Ra quân kiểm tra hàng giả",
		Lead: "Lực lượng quản lý thị trường kiểm tra các chợ", Body: "<p>Nội dung.</p>", Author: "Minh"})
	storetest.MustTransition(t, a, ed, site.ID, art.ID, congtin.ActPublish, "", time.Time{})
	hits := func() int {
		t.Helper()
		r, err := a.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: "QLTT kiểm tra"})
		if err != nil {
			t.Fatal(err)
		}
		if r.Approximate {
			return 0
		}
		return len(r.Hits)
	}
	if n := hits(); n != 0 { // and the site's table is now in memory
		t.Fatalf("before the group: %d hits", n)
	}
	g, err := a.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường"})
	if err != nil {
		t.Fatal(err)
	}
	if n := hits(); n != 1 {
		t.Fatalf("after saving the group: %d hits, want 1", n)
	}
	if _, err := a.UpdateSpellingGroup(ctx, ad, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTTT; quản lý thị trường"}); err != nil {
		t.Fatal(err)
	}
	if n := hits(); n != 0 {
		t.Fatalf("after the edit: %d hits, want 0", n)
	}
	if _, err := a.UpdateSpellingGroup(ctx, ad, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường"}); err != nil {
		t.Fatal(err)
	}
	if n := hits(); n != 1 {
		t.Fatalf("after the edit back: %d hits, want 1", n)
	}
	if err := a.DeleteSpellingGroup(ctx, ad, site.ID, g.ID); err != nil {
		t.Fatal(err)
	}
	if n := hits(); n != 0 {
		t.Fatalf("after the delete: %d hits, want 0", n)
	}
}
