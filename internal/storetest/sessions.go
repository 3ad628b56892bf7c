package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testSessions: create, find, delete, rotate; a password change or a
// disabled account ends sessions.
func testSessions(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	u := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter).User
	v := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor).User
	exp := time.Now().Add(time.Hour).Truncate(time.Second)
	create := func(userID int64, hash string, exp time.Time) *congtin.Session {
		t.Helper()
		sess := &congtin.Session{UserID: userID, IP: "198.51.100.4", ExpiresAt: exp}
		if err := s.CreateSession(ctx, sess, hash); err != nil {
			t.Fatal(err)
		}
		if sess.ID == 0 || sess.CreatedAt.IsZero() {
			t.Fatalf("CreateSession did not set ID and CreatedAt: %+v", sess)
		}
		return sess
	}
	alive := func(hash string, want *congtin.Session) {
		t.Helper()
		got, err := s.FindSession(ctx, hash)
		if err != nil {
			t.Fatalf("session %s: %v", hash, err)
		}
		if got.ID != want.ID || got.UserID != want.UserID || got.IP != want.IP || !got.ExpiresAt.Equal(want.ExpiresAt) ||
			!got.CreatedAt.Equal(want.CreatedAt) || got.User == nil || got.User.ID != want.UserID {
			t.Fatalf("session %s: got %+v, want %+v", hash, got, want)
		}
	}
	gone := func(hash, what string) {
		t.Helper()
		_, err := s.FindSession(ctx, hash)
		WantCode(t, err, congtin.ENOTFOUND, what)
	}

	s1 := create(u.ID, "hash-1", exp)
	alive("hash-1", s1)
	if got, _ := s.FindSession(ctx, "hash-1"); got.User.Username != u.Username || got.User.DisplayName != u.DisplayName {
		t.Fatalf("session's user: %+v", got.User)
	}
	gone("hash-unknown", "an unknown token")
	create(u.ID, "hash-expired", time.Now().Add(-time.Minute))
	gone("hash-expired", "an expired session")

	// Rotation: a new token, then the old one ends.
	s2 := create(u.ID, "hash-2", exp)
	if err := s.DeleteSession(ctx, "hash-1"); err != nil {
		t.Fatal(err)
	}
	gone("hash-1", "the rotated-out session")
	alive("hash-2", s2)
	if err := s.DeleteSession(ctx, "hash-1"); err != nil {
		t.Fatalf("deleting an ended session: %v", err)
	}

	// A password change ends the user's other sessions.
	s3 := create(u.ID, "hash-3", exp)
	create(u.ID, "hash-4", exp)
	sv := create(v.ID, "hash-v", exp)
	if err := s.SetPasswordHash(ctx, u.ID, "hash-new", s3.ID); err != nil {
		t.Fatal(err)
	}
	alive("hash-3", s3)
	gone("hash-2", "another session after a password change")
	gone("hash-4", "another session after a password change")
	alive("hash-v", sv)
	if err := s.SetPasswordHash(ctx, u.ID, "hash-newer", 0); err != nil {
		t.Fatal(err)
	}
	gone("hash-3", "every session after a password change keeping none")
	alive("hash-v", sv)

	// Disabling ends the sessions for good: enabling does not bring them back.
	create(u.ID, "hash-5", exp)
	if err := s.SetDisabled(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	gone("hash-5", "a disabled user's session")
	if err := s.SetDisabled(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	gone("hash-5", "a session ended by disabling, after enabling")
	alive("hash-v", sv)
	s6 := create(u.ID, "hash-6", exp)
	alive("hash-6", s6)
}

// testSessionExpiry: a session ends when the store's clock reaches its
// expiry.
func testSessionExpiry(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	u := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter).User
	sess := &congtin.Session{UserID: u.ID, ExpiresAt: clockStart.Add(30 * time.Minute)}
	if err := s.CreateSession(ctx, sess, "hash-1"); err != nil {
		t.Fatal(err)
	}
	if !sess.CreatedAt.Equal(clockStart) {
		t.Fatalf("created at %v, want the store's clock %v", sess.CreatedAt, clockStart)
	}
	clk.Set(clockStart.Add(30*time.Minute - time.Second))
	if _, err := s.FindSession(ctx, "hash-1"); err != nil {
		t.Fatalf("a second before expiry: %v", err)
	}
	clk.Set(clockStart.Add(30 * time.Minute))
	_, err := s.FindSession(ctx, "hash-1")
	WantCode(t, err, congtin.ENOTFOUND, "at expiry")
	clk.Set(clockStart.Add(time.Hour))
	_, err = s.FindSession(ctx, "hash-1")
	WantCode(t, err, congtin.ENOTFOUND, "after expiry")
}

// testAPITokens: a token finds its user while the user is enabled.
func testAPITokens(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	u := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter).User
	v := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor).User
	owner := func(hash string) int64 {
		t.Helper()
		got, err := s.FindUserByAPIToken(ctx, hash)
		if err != nil {
			t.Fatalf("token %s: %v", hash, err)
		}
		return got.ID
	}
	for _, c := range []struct {
		user       int64
		name, hash string
	}{{u.ID, "Hệ thống văn bản", "tok-u"}, {u.ID, "", "tok-u2"}, {v.ID, "Nhập tin", "tok-v"}} {
		if err := s.CreateAPIToken(ctx, c.user, c.name, c.hash); err != nil {
			t.Fatal(err)
		}
	}
	if owner("tok-u") != u.ID || owner("tok-u2") != u.ID || owner("tok-v") != v.ID {
		t.Fatal("tokens found the wrong users")
	}
	if got, _ := s.FindUserByAPIToken(ctx, "tok-u"); got.Username != u.Username || got.PasswordHash != u.PasswordHash {
		t.Fatalf("token's user: %+v", got)
	}
	_, err := s.FindUserByAPIToken(ctx, "tok-unknown")
	WantCode(t, err, congtin.ENOTFOUND, "an unknown token")
	if err := s.CreateAPIToken(ctx, v.ID, "", "tok-u"); err == nil {
		t.Fatal("a second token with the same hash was accepted")
	}
	if owner("tok-u") != u.ID {
		t.Fatal("a refused token took over an existing hash")
	}

	// A disabled user's tokens stop working, and work again once enabled.
	if err := s.SetDisabled(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	_, err = s.FindUserByAPIToken(ctx, "tok-u")
	WantCode(t, err, congtin.ENOTFOUND, "a disabled user's token")
	if owner("tok-v") != v.ID {
		t.Fatal("disabling one user stopped another's token")
	}
	if err := s.SetDisabled(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	if owner("tok-u") != u.ID {
		t.Fatal("an enabled user's token does not work")
	}

	// The list: names, users, times as stored, never a secret; by site
	// member or by user; the last use written at most once a minute.
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	w := MustUser(t, s, other.ID, "nguoiso", congtin.RoleEditor).User
	if err := s.CreateAPIToken(ctx, w.ID, "Sở", "tok-w"); err != nil {
		t.Fatal(err)
	}
	names := func(ks []*congtin.APIToken, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, k := range ks {
			out = append(out, k.Username+"/"+k.Name)
		}
		return out
	}
	wantStrings(t, names(s.FindAPITokens(ctx, site.ID, 0)), []string{"bientap/Nhập tin", "phongvien/", "phongvien/Hệ thống văn bản"}, "the site's members' tokens, newest first")
	wantStrings(t, names(s.FindAPITokens(ctx, 0, u.ID)), []string{"phongvien/", "phongvien/Hệ thống văn bản"}, "a user's tokens")
	wantStrings(t, names(s.FindAPITokens(ctx, other.ID, 0)), []string{"nguoiso/Sở"}, "another site's")
	clk := mustClock(t, s, clockStart)
	ks, _ := s.FindAPITokens(ctx, 0, v.ID)
	if len(ks) != 1 || ks[0].ID == 0 || ks[0].UserID != v.ID || ks[0].DisplayName != v.DisplayName || ks[0].CreatedAt.IsZero() || !ks[0].LastUsedAt.IsZero() {
		t.Fatalf("a token never used: %+v", ks)
	}
	used := func() time.Time {
		t.Helper()
		ks, err := s.FindAPITokens(ctx, 0, v.ID)
		if err != nil || len(ks) != 1 {
			t.Fatalf("%v, %v", ks, err)
		}
		return ks[0].LastUsedAt
	}
	for _, c := range []struct {
		after time.Duration
		want  time.Time
	}{{0, clockStart}, {30 * time.Second, clockStart}, {61 * time.Second, clockStart.Add(61 * time.Second)}} {
		clk.Set(clockStart.Add(c.after))
		if err := s.MarkAPITokenUsed(ctx, "tok-v"); err != nil {
			t.Fatal(err)
		}
		if got := used(); !got.Equal(c.want) {
			t.Fatalf("used at +%v: last use %v, want %v", c.after, got, c.want)
		}
	}
	if err := s.MarkAPITokenUsed(ctx, "tok-unknown\xff"); err != nil {
		t.Fatalf("an unknown token's use: %v", err)
	}

	// A new password ends every token of the user, and only theirs.
	if err := s.SetPasswordHash(ctx, u.ID, "hash-new", 0); err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"tok-u", "tok-u2"} {
		_, err = s.FindUserByAPIToken(ctx, h)
		WantCode(t, err, congtin.ENOTFOUND, "a token after its user's new password")
	}
	if owner("tok-v") != v.ID {
		t.Fatal("one user's new password ended another's token")
	}
	wantStrings(t, names(s.FindAPITokens(ctx, 0, u.ID)), nil, "a user's tokens after a new password")
}

// testLoginFailures: failures count per name and per address, and a good
// sign-in clears the name's.
func testLoginFailures(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	const ip1, ip2, ip3 = "198.51.100.1", "198.51.100.2", "2001:db8::3"
	since := time.Now().Add(-time.Hour)
	count := func(user, ip string, since time.Time) [2]int {
		t.Helper()
		byUser, byIP, err := s.CountLoginFailures(ctx, user, ip, since)
		if err != nil {
			t.Fatal(err)
		}
		return [2]int{byUser, byIP}
	}
	if c := count("alice", ip1, since); c != [2]int{0, 0} {
		t.Fatalf("before any failure: %v", c)
	}
	record := func(user, ip string, n int) {
		t.Helper()
		for range n {
			if err := s.RecordLoginFailure(ctx, user, ip); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Names need not belong to a user: failures for unknown names count too.
	record("alice", ip1, 3)
	record("bob", ip1, 2)
	record("alice", ip2, 1)
	record("carol", ip3, 1)
	for _, c := range []struct {
		user, ip string
		want     [2]int
	}{
		{"alice", ip1, [2]int{4, 5}},
		{"bob", ip2, [2]int{2, 1}},
		{"carol", ip3, [2]int{1, 1}},
		{"dave", "192.0.2.9", [2]int{0, 0}},
	} {
		if got := count(c.user, c.ip, since); got != c.want {
			t.Fatalf("%s from %s: (byUser, byIP) = %v, want %v", c.user, c.ip, got, c.want)
		}
	}
	if c := count("alice", ip1, time.Now().Add(time.Hour)); c != [2]int{0, 0} {
		t.Fatalf("since a time ahead: %v", c)
	}
	if err := s.ClearLoginFailures(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if c := count("alice", ip1, since); c != [2]int{0, 2} {
		t.Fatalf("after clearing alice: %v, want [0 2] (bob's failures from the address stay)", c)
	}
	if c := count("bob", ip2, since); c != [2]int{2, 0} {
		t.Fatalf("bob after clearing alice: %v", c)
	}
}

// testLoginFailureWindow: only failures since the given time count.
func testLoginFailureWindow(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	const ip1, ip2 = "198.51.100.1", "198.51.100.2"
	record := func(user, ip string) {
		t.Helper()
		if err := s.RecordLoginFailure(ctx, user, ip); err != nil {
			t.Fatal(err)
		}
	}
	record("alice", ip1)
	clk.Add(10 * time.Minute)
	record("alice", ip1)
	record("bob", ip1)
	clk.Add(10 * time.Minute)
	record("alice", ip2)
	for _, c := range []struct {
		since        time.Duration
		byUser, byIP int
	}{
		{0, 3, 3},
		{5 * time.Minute, 2, 2},
		{10 * time.Minute, 2, 2}, // the window includes its start
		{10*time.Minute + time.Second, 1, 0},
		{20*time.Minute + time.Second, 0, 0},
	} {
		byUser, byIP, err := s.CountLoginFailures(ctx, "alice", ip1, clockStart.Add(c.since))
		if err != nil || byUser != c.byUser || byIP != c.byIP {
			t.Fatalf("since start+%v: (%d, %d, %v), want (%d, %d)", c.since, byUser, byIP, err, c.byUser, c.byIP)
		}
	}
}
