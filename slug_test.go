package congtin_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

func TestSlugify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Văn hóa - xã hội", "van-hoa-xa-hoi"},
		{"Đẩy mạnh công tác chuyển hóa địa bàn", "day-manh-cong-tac-chuyen-hoa-dia-ban"},
		{"ĐỒNG BẰNG SÔNG CỬU LONG", "dong-bang-song-cuu-long"},
		{"Kế hoạch số 115/KH-UBND", "ke-hoach-so-115-kh-ubnd"},
		{"  --Tin  nóng!!  ", "tin-nong"},
		{"Thủy lợi, khoẻ mạnh", "thuy-loi-khoe-manh"},
		{norm.NFD.String("Nguyễn Thị Ánh Tuyết"), "nguyen-thi-anh-tuyet"},
		{"!!!", ""},
		{"中文", ""},
		{"Tin 😀 vui", "tin-vui"},
	} {
		if got := congtin.Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := congtin.Slugify(strings.Repeat("Phát triển kinh tế bền vững ", 10))
	if len(long) > congtin.MaxSlugLen || strings.HasSuffix(long, "-") || !congtin.ValidSlug(long) {
		t.Errorf("long slug %q (%d)", long, len(long))
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"van-hoa": true, "a1": true, "": false, "-a": false, "a-": false, "a--b": false, "Văn": false, "a_b": false, "a/b": false,
	} {
		if got := congtin.ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v", s, got)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"/static/a.svg": true, "https://example.org/a.jpg": true, "http://x.vn/a": true,
		"javascript:alert(1)": false, "//evil.example/a": false, "data:image/png;base64,AA": false,
		"/a b": false, "ftp://x/y": false, "https://": false,
	} {
		if got := congtin.SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %v", u, got)
		}
	}
}

func TestCategoriesSubtreeSurvivesCycles(t *testing.T) {
	cs := congtin.Categories{{ID: 1, ParentID: 3}, {ID: 2, ParentID: 1}, {ID: 3, ParentID: 2}, {ID: 4}}
	if got := cs.Subtree(1); len(got) != 3 {
		t.Fatalf("Subtree = %v", got)
	}
	if got := cs.Ancestors(cs.ByID(2)); len(got) != 3 {
		t.Fatalf("Ancestors = %v", got)
	}
}
