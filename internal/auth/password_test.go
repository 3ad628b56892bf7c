package auth

import "testing"

func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword("mật khẩu rất dài 123")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "mật khẩu rất dài 123") {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"", "mật khẩu rất dài 12", "MẬT KHẨU RẤT DÀI 123"} {
		if CheckPassword(h, bad) {
			t.Fatalf("wrong password %q accepted", bad)
		}
	}
	for _, junk := range []string{"", "$argon2id$", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA", "$bcrypt$x$y$z$w"} {
		if CheckPassword(junk, "x") {
			t.Fatalf("junk hash %q accepted", junk)
		}
	}
	h2, _ := HashPassword("mật khẩu rất dài 123")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
}

func TestTokens(t *testing.T) {
	a, ha := NewToken()
	b, _ := NewToken()
	if a == b || len(a) < 40 || HashToken(a) != ha || ha == a {
		t.Fatalf("tokens %q %q hash %q", a, b, ha)
	}
}
