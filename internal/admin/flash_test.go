package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFlashSigned: the confirmation after a redirect is shown when the
// back office made it; a confirmation typed into a link, or one altered,
// is not (issue 16, finding 4).
func TestFlashSigned(t *testing.T) {
	e := newEnv(t)
	qtv := e.as("qtv")
	r := qtv.post("/admin/cai-dat", url.Values{"name": {"Cổng thông tin điện tử"}})
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.Contains(loc, "ok=") || !strings.Contains(loc, "&k=") {
		t.Fatalf("saving the settings: %d, Location %q", r.status, loc)
	}
	shown := func(path string) bool {
		r := qtv.get(path)
		wantStatus(t, r, http.StatusOK, path)
		return strings.Contains(r.body, `class="flash`)
	}
	if !shown(loc) || !strings.Contains(qtv.get(loc).body, "Đã lưu cài đặt.") {
		t.Fatalf("the genuine confirmation is not shown: %s", loc)
	}
	u, _ := url.Parse(loc)
	q := u.Query()
	forged := "Tài khoản của bạn bị khóa, hãy gọi 0900 000 000"
	for _, v := range []url.Values{
		{"ok": {forged}},
		{"ok": {forged}, "k": {q.Get("k")}},
		{"ok": {q.Get("ok") + " "}, "k": {q.Get("k")}},
		{"ok": {q.Get("ok")}, "k": {"x"}},
	} {
		if shown(u.Path + "?" + v.Encode()) {
			t.Errorf("%v is shown", v)
		}
	}
}
