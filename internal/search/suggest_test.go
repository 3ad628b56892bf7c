package search

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestTitlePrefix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Tiêm chủ", "tiem chu"},
		{"tiem chu", "tiem chu"},
		{"TIÊM-CHỦ", "tiem chu"},
		{norm.NFD.String("Đường điện về bản"), "duong dien ve ban"},
		{"đ", "d"},
		{"an ", "an "},      // a finished word
		{"an\u00a0", "an "}, // a no-break space from a phone's keyboard
		{"  an", "an"},      // leading spaces mean nothing
		{"\u0301", ""},      // a lone combining accent
		{"🙂", ""},           // an emoji
		{"\"*-^", ""},       // punctuation only
		{"\xff", ""},        // not UTF-8
		{"NEAR(", "near"},   // FTS syntax is only text
		{"title:x", "title x"},
		{"a OR", "a or"},
	} {
		if got := TitlePrefix(tc.in); got != tc.want {
			t.Errorf("TitlePrefix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A pasted page costs no more than a title.
	if got := TitlePrefix(strings.Repeat("ấ", 10000)); len(got) > maxPrefix {
		t.Errorf("10,000 characters give a prefix of %d bytes", len(got))
	}
	if got := TitlePrefix(strings.Repeat("ab ", 5000)); len(got) > maxPrefix || strings.HasSuffix(got, " ") {
		t.Errorf("a long text gives %q…", got[:20])
	}
}
