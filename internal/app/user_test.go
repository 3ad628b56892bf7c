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

// TestChangeRoleOnlyMembers: a site's administrator changes the roles of
// the site's members only; another site's user (or no user) is refused as
// not found, gets no role and no audit entry (issue 16, finding 4). A
// reporter may change no role; an administrator keeps their own.
func TestChangeRoleOnlyMembers(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	admin := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	admin.IP = testIP
	member := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter).User
	stranger := storetest.MustUser(t, a, other.ID, "nguoiso", congtin.RoleEditor).User
	reporter := congtin.Actor{User: member, Role: congtin.RoleReporter, IP: testIP}

	for _, c := range []struct {
		actor congtin.Actor
		user  int64
		role  string
		code  string
		what  string
	}{
		{admin, stranger.ID, congtin.RoleEditor, congtin.ENOTFOUND, "another site's user"},
		{admin, stranger.ID, "", congtin.ENOTFOUND, "removing another site's user"},
		{admin, stranger.ID + 100, congtin.RoleEditor, congtin.ENOTFOUND, "no such user"},
		{reporter, member.ID, congtin.RoleAdmin, congtin.EFORBIDDEN, "a reporter"},
		{admin, member.ID, "owner", congtin.EINVALID, "an unknown role"},
		{admin, admin.User.ID, congtin.RoleEditor, congtin.EINVALID, "giving up one's own role"},
	} {
		u, err := a.ChangeRole(ctx, c.actor, site.ID, c.user, c.role)
		storetest.WantCode(t, err, c.code, c.what)
		if u != nil {
			t.Fatalf("%s: the user %q is given back", c.what, u.Username)
		}
	}
	if r, _ := a.FindRole(ctx, site.ID, stranger.ID); r != "" {
		t.Fatalf("another site's user got the role %q", r)
	}
	if r, _ := a.FindRole(ctx, other.ID, stranger.ID); r != congtin.RoleEditor {
		t.Fatalf("their own site's role is now %q", r)
	}
	wantAudit(t, a, site.ID, "user.role", 0, "refused changes")

	u, err := a.ChangeRole(ctx, admin, site.ID, member.ID, congtin.RoleEditor)
	if err != nil || u.Username != "phongvien" {
		t.Fatalf("a member's role: %+v, %v", u, err)
	}
	if r, _ := a.FindRole(ctx, site.ID, member.ID); r != congtin.RoleEditor {
		t.Fatalf("the member's role is %q", r)
	}
	wantAudit(t, a, site.ID, "user.role", 1, "a changed role")
	if _, err := a.ChangeRole(ctx, admin, site.ID, member.ID, ""); err != nil {
		t.Fatal(err)
	}
	_, err = a.ChangeRole(ctx, admin, site.ID, member.ID, congtin.RoleEditor)
	storetest.WantCode(t, err, congtin.ENOTFOUND, "a removed member")
}
