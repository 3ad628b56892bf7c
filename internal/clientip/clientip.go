// Package clientip says who a request comes from: the client's address and
// whether it arrived over HTTPS, believing the forwarding headers
// (X-Forwarded-For, X-Forwarded-Proto, RFC 7239 Forwarded) only from the
// reverse proxies an operator named. Anyone can send those headers; taken
// from an untrusted peer they would let a client pick its own address and
// walk past every per-address limit.
//
// The public site resolves a request once (web's middleware puts the
// Client in the context); the back office, mounted inside it, reads the
// same value through Addr, Secure and SetCookie.
package clientip

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// Trusted is the set of peers whose forwarding headers are believed. The
// zero value trusts nobody.
type Trusted []netip.Prefix

// ParseTrusted reads a comma-separated list of CIDRs; a bare address
// stands for itself alone (/32 or /128).
func ParseTrusted(list string) (Trusted, error) {
	var t Trusted
	for part := range strings.SplitSeq(list, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.Contains(part, "/") {
			p, err := netip.ParsePrefix(part)
			if err != nil {
				return nil, fmt.Errorf("%q is not a CIDR such as 10.0.0.0/8 or 127.0.0.1/32", part)
			}
			t = append(t, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(part)
		if err != nil || a.Zone() != "" {
			return nil, fmt.Errorf("%q is not an IP address or a CIDR such as 10.0.0.0/8", part)
		}
		a = a.Unmap()
		t = append(t, netip.PrefixFrom(a, a.BitLen()))
	}
	return t, nil
}

// String lists the CIDRs as -trusted-proxies takes them; "none" when
// nobody is trusted.
func (t Trusted) String() string {
	if len(t) == 0 {
		return "none"
	}
	parts := make([]string, len(t))
	for i, p := range t {
		parts[i] = p.String()
	}
	return strings.Join(parts, ",")
}

func (t Trusted) contains(a netip.Addr) bool {
	for _, p := range t {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Client is what is known of a request's sender.
type Client struct {
	// Addr is the client's IP address: the TCP peer's, or, when the peer
	// is a trusted proxy, the rightmost forwarded address that is not
	// itself a trusted proxy.
	Addr string
	// HTTPS: the request came over TLS, to congtin or to a trusted proxy
	// that said so.
	HTTPS bool
	// Proxy is the trusted peer that forwarded the request; empty when it
	// came directly.
	Proxy string
	// PlainProxied: a trusted proxy said the client reached it over plain
	// HTTP (a request an HTTPS site redirects).
	PlainProxied bool
	// SiteHTTPS: the site is configured for HTTPS, so its cookies are
	// Secure even on a request that does not say how it came.
	SiteHTTPS bool
}

// Resolve works out a request's client from its peer and, when the peer
// is trusted, the forwarding headers. X-Forwarded-For (with
// X-Forwarded-Proto) is read when present, otherwise Forwarded: a proxy
// sets one of them, and nginx always sets the first.
func (t Trusted) Resolve(r *http.Request) Client {
	c := Client{HTTPS: r.TLS != nil}
	peer, ok := parseRawAddr(r.RemoteAddr)
	if !ok {
		// Not an address (a test's or a Unix socket's peer): keep what
		// is there, without the port.
		c.Addr = hostOnly(r.RemoteAddr)
		return c
	}
	c.Addr = hostOnly(r.RemoteAddr) // as net formats it: canonical, and no allocation
	if peer.Is4In6() || strings.ContainsRune(c.Addr, '%') {
		c.Addr = peer.Unmap().WithZone("").String()
	}
	peer = peer.Unmap().WithZone("")
	if !t.contains(peer) {
		return c
	}
	c.Proxy = c.Addr
	var hops []hop
	if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
		for _, v := range xff {
			for f := range strings.SplitSeq(v, ",") {
				hops = append(hops, hop{forAddr: strings.TrimSpace(f)})
			}
		}
		// The nearest proxy's word, when a chain of them each added one.
		if ps := r.Header.Values("X-Forwarded-Proto"); len(ps) > 0 {
			last := ps[len(ps)-1]
			last = last[strings.LastIndexByte(last, ',')+1:]
			if len(hops) > 0 {
				hops[len(hops)-1].proto = strings.TrimSpace(last)
			}
		}
	} else {
		hops = parseForwarded(r.Header.Values("Forwarded"))
	}
	// From the right: each trusted proxy vouches for the hop before it;
	// the first address that is not a trusted proxy is the client. What
	// lies further left came from the client and is not believed.
	proto := ""
	for i := len(hops) - 1; i >= 0; i-- {
		if hops[i].proto != "" && proto == "" {
			proto = hops[i].proto
		}
		a, ok := parseAddr(hops[i].forAddr)
		if !ok {
			// "unknown", an obfuscated name or garbage: the proxy that
			// passed it on is the last address known.
			break
		}
		c.Addr = a.String()
		if hops[i].proto != "" {
			proto = hops[i].proto
		}
		if !t.contains(a) {
			break
		}
	}
	switch strings.ToLower(proto) {
	case "https":
		c.HTTPS = true
	case "http":
		c.PlainProxied = r.TLS == nil
	}
	return c
}

// hop is one proxy's report: the address it received the request from,
// and over which scheme when it said.
type hop struct {
	forAddr, proto string
}

// parseForwarded reads RFC 7239 Forwarded headers into hops, left to
// right. Only for= and proto= matter here.
func parseForwarded(values []string) []hop {
	var hops []hop
	for _, v := range values {
		for _, elem := range splitUnquoted(v, ',') {
			var h hop
			for _, pair := range splitUnquoted(elem, ';') {
				k, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
				if !ok {
					continue
				}
				val = strings.Trim(strings.TrimSpace(val), `"`)
				switch strings.ToLower(strings.TrimSpace(k)) {
				case "for":
					h.forAddr = val
				case "proto":
					h.proto = val
				}
			}
			hops = append(hops, h)
		}
	}
	return hops
}

// splitUnquoted splits s at sep outside double quotes.
func splitUnquoted(s string, sep byte) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case '\\':
			if quoted {
				i++
			}
		case sep:
			if !quoted {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// parseAddr reads an address with or without a port ("192.0.2.1",
// "192.0.2.1:80", "[2001:db8::1]:80", "[2001:db8::1]"), IPv4-mapped
// IPv6 addresses as IPv4 and without a zone.
func parseAddr(s string) (netip.Addr, bool) {
	a, ok := parseRawAddr(s)
	return a.Unmap().WithZone(""), ok
}

// parseRawAddr is parseAddr keeping a mapped address and a zone as given.
func parseRawAddr(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, perr := netip.ParseAddrPort(s)
		if perr != nil {
			inner, ok := strings.CutPrefix(s, "[")
			if inner, ok2 := strings.CutSuffix(inner, "]"); ok && ok2 {
				a, err = netip.ParseAddr(inner)
			}
			if err != nil {
				return netip.Addr{}, false
			}
		} else {
			a = ap.Addr()
		}
	}
	return a, true
}

// hostOnly strips a port from host:port.
func hostOnly(hostport string) string {
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.Contains(hostport[i:], "]") {
		hostport = hostport[:i]
	}
	return strings.Trim(hostport, "[]")
}

type ctxKey struct{}

// NewContext returns ctx carrying c.
func NewContext(ctx context.Context, c Client) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

// From returns the request's client as resolved by the middleware; a
// request that did not pass it (a handler tested on its own) is taken
// from its peer, trusting nobody.
func From(r *http.Request) Client {
	if c, ok := r.Context().Value(ctxKey{}).(Client); ok {
		return c
	}
	return Trusted(nil).Resolve(r)
}

// Addr is the client's address, for the per-address limits, the audit log
// and the request log.
func Addr(r *http.Request) string { return From(r).Addr }

// Secure tells whether cookies set on this request must be Secure: it
// came over HTTPS, or its site is an HTTPS site.
func Secure(r *http.Request) bool {
	c := From(r)
	return c.HTTPS || c.SiteHTTPS
}

// SetCookie sets c, Secure when the request asks for it: the one place
// that decides, for every cookie congtin sets.
func SetCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	c.Secure = Secure(r)
	http.SetCookie(w, c)
}
