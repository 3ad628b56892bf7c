package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestUnsearchableQueryNote: a query with no letter or digit (issue 16's
// list, and NUL) answers a normal page on each search, which says in
// Vietnamese why nothing was found; a query with a word does not.
func TestUnsearchableQueryNote(t *testing.T) {
	e := newEnv(t)
	fixture(e)
	const note = "không có chữ hay số nào nên không tìm được"
	for _, q := range []string{"*", `"`, "-", "^", "😀", "\u0301", "\x00", " * - "} {
		for _, p := range []string{"/tim-kiem", "/van-ban", "/hoi-dap"} {
			r := e.get(p + "?q=" + url.QueryEscape(q))
			if r.status != 200 || !strings.Contains(r.body, note) {
				t.Errorf("%s?q=%q: %d, note shown %v", p, q, r.status, strings.Contains(r.body, note))
			}
		}
	}
	for _, p := range []string{"/tim-kiem", "/van-ban", "/hoi-dap"} {
		if r := e.get(p + "?q=" + url.QueryEscape("văn hóa")); r.status != 200 || strings.Contains(r.body, note) {
			t.Errorf("%s with a word: %d, note shown", p, r.status)
		}
	}
}
