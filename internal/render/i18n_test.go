package render

import (
	"io/fs"
	"regexp"
	"testing"
)

// TestMessagesComplete: every word has both languages, and every key a
// template asks for exists.
func TestMessagesComplete(t *testing.T) {
	for lang, m := range messages {
		for other, om := range messages {
			for k := range m {
				if om[k] == "" {
					t.Errorf("%q has %s but not %s", k, lang, other)
				}
			}
		}
	}
	used := regexp.MustCompile(`\bt \$?\.?[A-Za-z.$]*Lang "([^"]+)"`)
	n := 0
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, p)
		if err != nil {
			return err
		}
		for _, m := range used.FindAllSubmatch(b, -1) {
			n++
			if _, ok := messages[LangVI][string(m[1])]; !ok {
				t.Errorf("%s asks for %q, which the catalogue lacks", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("found only %d uses of t in the templates", n)
	}
}

// TestT: Vietnamese by default, English when asked, the key when unknown.
func TestT(t *testing.T) {
	for _, c := range []struct{ lang, key, want string }{
		{"", "menu.home", "Trang chủ"},
		{LangVI, "skip", "Chuyển đến nội dung chính"},
		{LangEN, "menu.home", "Home"},
		{"fr", "menu.home", "Trang chủ"},
		{LangEN, "no.such.key", "no.such.key"},
	} {
		if got := T(c.lang, c.key); got != c.want {
			t.Errorf("T(%q, %q) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
	// The function is what templates call.
	if _, ok := Funcs(func(s string) string { return s })["t"].(func(string, string) string); !ok {
		t.Fatal("template func t has the wrong type")
	}
}
