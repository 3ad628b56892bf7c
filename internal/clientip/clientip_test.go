package clientip

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestParseTrusted(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		bad  bool
	}{
		{"", 0, false},
		{"127.0.0.1", 1, false},
		{" 10.0.0.0/8 , ::1, 2001:db8::/32 ,", 3, false},
		{"10.0.0.1/8", 1, false}, // masked, not refused
		{"localhost", 0, true},
		{"10.0.0.0/33", 0, true},
		{"10.0.0.0/8;", 0, true},
		{"fe80::1%eth0", 0, true},
	} {
		got, err := ParseTrusted(tc.in)
		if (err != nil) != tc.bad || len(got) != tc.want {
			t.Errorf("ParseTrusted(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestResolve(t *testing.T) {
	trusted, err := ParseTrusted("127.0.0.1, 10.0.0.0/8, ::1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		trust   Trusted
		peer    string
		tls     bool
		hdr     []string // name, value pairs
		addr    string
		https   bool
		plain   bool
		proxied bool
	}{
		{name: "direct, no headers", trust: trusted, peer: "198.51.100.9:5000", addr: "198.51.100.9"},
		{name: "untrusted peer's headers ignored", trust: trusted, peer: "198.51.100.9:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.8;proto=https"}, addr: "198.51.100.9"},
		{name: "nobody trusted by default", peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"}, addr: "127.0.0.1"},
		{name: "direct, mapped IPv4", trust: trusted, peer: "[::ffff:198.51.100.9]:5000", addr: "198.51.100.9"},
		{name: "direct, with a zone", trust: trusted, peer: "[fe80::1%eth0]:5000", addr: "fe80::1"},
		{name: "direct TLS", trust: trusted, peer: "198.51.100.9:5000", tls: true, addr: "198.51.100.9", https: true},
		{name: "nginx", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"}, addr: "203.0.113.7", https: true, proxied: true},
		{name: "forged left part", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "1.2.3.4, 203.0.113.7"}, addr: "203.0.113.7", proxied: true},
		{name: "chain of trusted proxies", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.1.2.3", "X-Forwarded-For", "10.9.9.9"}, addr: "203.0.113.7", proxied: true},
		{name: "every hop trusted", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "10.1.2.3"}, addr: "10.1.2.3", proxied: true},
		{name: "garbage stops the walk", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7, nonsense"}, addr: "127.0.0.1", proxied: true},
		{name: "port and IPv6", trust: trusted, peer: "[::1]:5000",
			hdr: []string{"X-Forwarded-For", "[2001:db8::7]:443"}, addr: "2001:db8::7", proxied: true},
		{name: "mapped IPv4 peer", trust: trusted, peer: "[::ffff:127.0.0.1]:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7"}, addr: "203.0.113.7", proxied: true},
		{name: "plain http said", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "http"}, addr: "203.0.113.7", plain: true, proxied: true},
		{name: "Forwarded", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"Forwarded", `for=1.2.3.4;proto=http, for="[2001:db8::cafe]:4711";proto=https;by=x`}, addr: "2001:db8::cafe", https: true, proxied: true},
		{name: "Forwarded through a trusted hop", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"Forwarded", `for=203.0.113.7;proto=https, for=10.0.0.2;proto=http`}, addr: "203.0.113.7", https: true, proxied: true},
		{name: "Forwarded unknown", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"Forwarded", `for=unknown;proto=https`}, addr: "127.0.0.1", https: true, proxied: true},
		{name: "X-Forwarded-For wins over Forwarded", trust: trusted, peer: "127.0.0.1:5000",
			hdr: []string{"Forwarded", "for=1.2.3.4;proto=https", "X-Forwarded-For", "203.0.113.7"}, addr: "203.0.113.7", proxied: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tc.peer
			if tc.tls {
				r.TLS = &tls.ConnectionState{}
			}
			for i := 0; i < len(tc.hdr); i += 2 {
				r.Header.Add(tc.hdr[i], tc.hdr[i+1])
			}
			c := tc.trust.Resolve(r)
			if c.Addr != tc.addr || c.HTTPS != tc.https || c.PlainProxied != tc.plain || (c.Proxy != "") != tc.proxied {
				t.Fatalf("got %+v, want addr %s https %v plain %v proxied %v", c, tc.addr, tc.https, tc.plain, tc.proxied)
			}
		})
	}
}

// TestFromWithoutMiddleware: a handler run without the middleware sees
// the peer, never the headers.
func TestFromWithoutMiddleware(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:4000"
	r.Header.Set("X-Forwarded-For", "203.0.113.7")
	r.Header.Set("X-Forwarded-Proto", "https")
	if Addr(r) != "127.0.0.1" || Secure(r) {
		t.Fatalf("got %+v", From(r))
	}
	r = r.WithContext(NewContext(r.Context(), Client{Addr: "203.0.113.7", HTTPS: true}))
	w := httptest.NewRecorder()
	SetCookie(w, r, &http.Cookie{Name: "a", Value: "b"})
	if Addr(r) != "203.0.113.7" || !w.Result().Cookies()[0].Secure {
		t.Fatalf("from the context: %+v %v", From(r), w.Header())
	}
}
