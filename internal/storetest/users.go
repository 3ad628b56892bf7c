package storetest

import (
	"context"
	"testing"

	"github.com/congtin/congtin"
)

// testUsers: create, find, password hash, disabling.
func testUsers(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	hash := "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"
	u := &congtin.User{Username: "nguyenvana", DisplayName: "Nguyễn Văn A", PasswordHash: hash, SuperAdmin: true}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || u.CreatedAt.IsZero() {
		t.Fatalf("CreateUser did not set ID and CreatedAt: %+v", u)
	}
	v := &congtin.User{Username: "tran.thi-b_2", DisplayName: "Trần Thị B", PasswordHash: "hash-b"}
	if err := s.CreateUser(ctx, v); err != nil {
		t.Fatal(err)
	}
	if v.ID == u.ID {
		t.Fatalf("two users share ID %d", u.ID)
	}
	same := func(got *congtin.User, err error, want *congtin.User, what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got.ID != want.ID || got.Username != want.Username || got.DisplayName != want.DisplayName || got.PasswordHash != want.PasswordHash ||
			got.SuperAdmin != want.SuperAdmin || got.Disabled != want.Disabled || !got.CreatedAt.Equal(want.CreatedAt) {
			t.Fatalf("%s: got %+v, want %+v", what, got, want)
		}
	}
	got, err := s.FindUserByUsername(ctx, "nguyenvana")
	same(got, err, u, "FindUserByUsername")
	got, err = s.FindUserByID(ctx, u.ID)
	same(got, err, u, "FindUserByID")
	got, err = s.FindUserByUsername(ctx, v.Username)
	same(got, err, v, "FindUserByUsername, second user")

	// A taken or bad name is the service's to refuse (internal/app's
	// TestCreateUserRefused).
	_, err = s.FindUserByUsername(ctx, "NGUYENVANA")
	WantCode(t, err, congtin.ENOTFOUND, "user names are stored lower-case and matched exactly")
	_, err = s.FindUserByID(ctx, v.ID+1000)
	WantCode(t, err, congtin.ENOTFOUND, "a missing user ID")

	if err := s.SetPasswordHash(ctx, u.ID, "new-hash", 0); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindUserByUsername(ctx, "nguyenvana"); got.PasswordHash != "new-hash" {
		t.Fatalf("password hash %q, want new-hash", got.PasswordHash)
	}
	if got, _ := s.FindUserByID(ctx, v.ID); got.PasswordHash != "hash-b" {
		t.Fatalf("another user's hash changed: %q", got.PasswordHash)
	}
	WantCode(t, s.SetPasswordHash(ctx, v.ID+1000, "x", 0), congtin.ENOTFOUND, "password of a missing user")

	if err := s.SetDisabled(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindUserByID(ctx, u.ID); !got.Disabled {
		t.Fatal("disabled user not marked disabled")
	}
	if got, _ := s.FindUserByID(ctx, v.ID); got.Disabled {
		t.Fatal("another user was disabled")
	}
	if err := s.SetDisabled(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindUserByUsername(ctx, "nguyenvana"); got.Disabled {
		t.Fatal("enabled user still disabled")
	}
	WantCode(t, s.SetDisabled(ctx, v.ID+1000, true), congtin.ENOTFOUND, "disable a missing user")
}

// testRoles: roles are held per site; FindMembers lists a site's users.
func testRoles(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	charlie := MustUser(t, s, site.ID, "charlie", "").User
	alpha := MustUser(t, s, site.ID, "alpha", "").User
	bravo := MustUser(t, s, site.ID, "bravo", "").User

	role := func(siteID, userID int64) string {
		t.Helper()
		r, err := s.FindRole(ctx, siteID, userID)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := role(site.ID, alpha.ID); r != "" {
		t.Fatalf("role before any: %q", r)
	}
	for _, c := range []struct {
		site, user int64
		role       string
	}{
		{site.ID, alpha.ID, congtin.RoleReporter}, {site.ID, bravo.ID, congtin.RoleEditor},
		{site.ID, charlie.ID, congtin.RoleAdmin}, {other.ID, alpha.ID, congtin.RoleAdmin},
	} {
		if err := s.SetRole(ctx, c.site, c.user, c.role); err != nil {
			t.Fatal(err)
		}
	}
	if r := role(site.ID, alpha.ID); r != congtin.RoleReporter {
		t.Fatalf("alpha on the first site: %q", r)
	}
	if r := role(other.ID, alpha.ID); r != congtin.RoleAdmin {
		t.Fatalf("alpha on the second site: %q", r)
	}
	if r := role(other.ID, bravo.ID); r != "" {
		t.Fatalf("bravo on the second site: %q, want none", r)
	}
	if err := s.SetRole(ctx, site.ID, alpha.ID, congtin.RoleEditor); err != nil {
		t.Fatal(err)
	}
	if r := role(site.ID, alpha.ID); r != congtin.RoleEditor {
		t.Fatalf("alpha after a change: %q", r)
	}
	if r := role(other.ID, alpha.ID); r != congtin.RoleAdmin {
		t.Fatalf("a change on one site touched the other: %q", r)
	}

	members := func(siteID int64) []string {
		t.Helper()
		ms, err := s.FindMembers(ctx, siteID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			if m.SiteID != siteID || m.User == nil || m.User.ID != m.UserID {
				t.Fatalf("membership %+v", m)
			}
			out = append(out, m.User.Username+":"+m.Role)
		}
		return out
	}
	wantStrings(t, members(site.ID), []string{"alpha:editor", "bravo:editor", "charlie:admin"}, "members, by user name")
	wantStrings(t, members(other.ID), []string{"alpha:admin"}, "members of the second site")

	if err := s.SetRole(ctx, site.ID, bravo.ID, ""); err != nil {
		t.Fatal(err)
	}
	if r := role(site.ID, bravo.ID); r != "" {
		t.Fatalf("removed role still %q", r)
	}
	wantStrings(t, members(site.ID), []string{"alpha:editor", "charlie:admin"}, "members after a removal")
	if err := s.SetRole(ctx, site.ID, bravo.ID, ""); err != nil {
		t.Fatalf("removing a role twice: %v", err)
	}
	// An unknown role is the service's to refuse (internal/app's
	// TestSetRoleRefusesUnknownRole).
	WantCode(t, s.SetRole(ctx, site.ID, charlie.ID+1000, congtin.RoleEditor), congtin.ENOTFOUND, "a role for a missing user")
	WantCode(t, s.SetRole(ctx, other.ID+1000, alpha.ID, congtin.RoleEditor), congtin.ENOTFOUND, "a role on a missing site")
}

func wantStrings(t *testing.T, got, want []string, what string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %q, want %q", what, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: got %q, want %q", what, got, want)
		}
	}
}
