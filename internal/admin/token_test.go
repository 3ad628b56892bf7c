package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestTokensListedAndRevoked: the back office lists API tokens (never
// their secret) with when they were last used: an administrator the
// site's members', a reporter their own. A token is revoked by a
// same-origin POST of someone who may see it, audited; another site's is
// not found and left alone. A new password ends a user's tokens (issue
// 16, finding 4).
func TestTokensListedAndRevoked(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	apiAt := func(host, tok string) int {
		c := e.client(host)
		c.hdr.Set("Authorization", "Bearer "+tok)
		return c.get("/api/v1/admin/articles").status
	}
	api := func(tok string) int { return apiAt("", tok) }
	pvTok, btvTok, qt2Tok := e.token("pv1"), e.token("btv"), e.token("qt2")
	if api(pvTok) != http.StatusOK {
		t.Fatal("the reporter's token does not open the API")
	}
	idOf := func(user string) int64 {
		ks, err := e.db.FindAPITokens(ctx, 0, e.users[user].ID)
		if err != nil || len(ks) != 1 {
			t.Fatalf("%s's tokens: %v, %v", user, ks, err)
		}
		return ks[0].ID
	}
	revoke := func(c *client, id int64) *resp {
		return c.post("/admin/khoa-api/"+strconv.FormatInt(id, 10)+"/thu-hoi", url.Values{})
	}

	qtv, pv := e.as("qtv"), e.as("pv1")
	page := qtv.get("/admin/khoa-api")
	wantStatus(t, page, http.StatusOK, "the administrator's list")
	if !strings.Contains(page.body, "pv1") || !strings.Contains(page.body, "btv") || strings.Contains(page.body, "qt2") ||
		strings.Contains(page.body, pvTok) || !strings.Contains(page.body, "Chưa dùng") {
		t.Fatalf("the administrator's list:\n%s", page.body)
	}
	page = pv.get("/admin/khoa-api")
	if page.status != http.StatusOK || !strings.Contains(page.body, "Thu hồi") || strings.Contains(page.body, "btv") {
		t.Fatalf("the reporter's list: %d\n%s", page.status, page.body)
	}

	before := len(e.mustAudit(t, "token.revoke"))
	for _, c := range []struct {
		who    *client
		id     int64
		status int
		what   string
	}{
		{pv, idOf("btv"), http.StatusNotFound, "a reporter, another's token"},
		{qtv, idOf("qt2"), http.StatusNotFound, "another site's member's token"},
		{qtv, 999999, http.StatusNotFound, "no such token"},
	} {
		if r := revoke(c.who, c.id); r.status != c.status {
			t.Errorf("%s: %d, want %d", c.what, r.status, c.status)
		}
	}
	cross := e.as("qtv")
	cross.hdr.Set("Sec-Fetch-Site", "cross-site")
	if r := revoke(cross, idOf("btv")); r.status != http.StatusForbidden {
		t.Errorf("a cross-site revoke: %d", r.status)
	}
	if api(btvTok) != http.StatusOK || apiAt(e.site2.Host, qt2Tok) != http.StatusOK || len(e.mustAudit(t, "token.revoke")) != before {
		t.Fatal("a refused revoke changed something")
	}

	if r := revoke(qtv, idOf("btv")); r.status != http.StatusSeeOther {
		t.Fatalf("the administrator revokes a member's token: %d %s", r.status, r.body)
	}
	if api(btvTok) != http.StatusUnauthorized || len(e.mustAudit(t, "token.revoke")) != before+1 {
		t.Fatal("the revoked token still works, or no audit entry")
	}
	if r := revoke(pv, idOf("pv1")); r.status != http.StatusSeeOther || api(pvTok) != http.StatusUnauthorized {
		t.Fatalf("the reporter revokes their own: %d", r.status)
	}

	// A new password (the user's own change) ends the user's tokens.
	tok := e.token("btv")
	btv := e.as("btv")
	r := btv.post("/admin/mat-khau", url.Values{"current": {password}, "new": {"mat-khau-moi-rat-dai-1"}, "confirm": {"mat-khau-moi-rat-dai-1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("changing the password: %d %s", r.status, r.body)
	}
	if api(tok) != http.StatusUnauthorized {
		t.Fatal("a token survived its user's new password")
	}
}

func (e *env) mustAudit(t *testing.T, action string) []*congtin.AuditEntry {
	t.Helper()
	es, _, err := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: action})
	if err != nil {
		t.Fatal(err)
	}
	return es
}
