package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestCreateUserRefused: a user name is free, lower-case letters, digits
// and a few marks, long enough; a display name is not blank. A refused
// user is not stored, and the user who has the name is left alone.
func TestCreateUserRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	u := &congtin.User{Username: "nguyenvana", DisplayName: "Nguyễn Văn A", PasswordHash: "hash-a", SuperAdmin: true}
	if err := a.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	err := a.CreateUser(ctx, &congtin.User{Username: "nguyenvana", DisplayName: "Người khác", PasswordHash: "x"})
	storetest.WantCode(t, err, congtin.ECONFLICT, "a taken user name")
	got, err := a.FindUserByUsername(ctx, "nguyenvana")
	if err != nil || got.ID != u.ID || got.DisplayName != u.DisplayName || got.PasswordHash != u.PasswordHash || !got.SuperAdmin || !got.CreatedAt.Equal(u.CreatedAt) {
		t.Fatalf("after the refused duplicate: %+v, %v; want %+v", got, err, u)
	}
	for _, name := range []string{"NguyenVanA", "ab", "có-dấu", "a b c", ""} {
		err = a.CreateUser(ctx, &congtin.User{Username: name, DisplayName: "Tên", PasswordHash: "x"})
		storetest.WantCode(t, err, congtin.EINVALID, "user name "+name)
	}
	err = a.CreateUser(ctx, &congtin.User{Username: "khongten", DisplayName: "  ", PasswordHash: "x"})
	storetest.WantCode(t, err, congtin.EINVALID, "a blank display name")
	_, err = a.FindUserByUsername(ctx, "khongten")
	storetest.WantCode(t, err, congtin.ENOTFOUND, "a refused user was not stored")
}

// TestSetRoleRefusesUnknownRole: a role is one of the portal's.
func TestSetRoleRefusesUnknownRole(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	bravo := storetest.MustUser(t, a, site.ID, "bravo", "").User
	storetest.WantCode(t, a.SetRole(ctx, site.ID, bravo.ID, "owner"), congtin.EINVALID, "an unknown role")
	if r, err := a.FindRole(ctx, site.ID, bravo.ID); err != nil || r != "" {
		t.Fatalf("an unknown role was stored: %q, %v", r, err)
	}
}
