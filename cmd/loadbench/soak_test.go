package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSoak runs an 8 s soak on a tiny portal and checks the tables: every
// kind of the mix answered, and every check but memory passed (a soak of
// seconds measures memory while caches still fill).
func TestSoak(t *testing.T) {
	dir := t.TempDir()
	o := tinyOptions(dir, "sqlite:"+filepath.Join(dir, "bench.db"))
	// Long enough for forms drawn in the first seconds to be posted
	// 3.2 s later on a loaded machine.
	o.soak, o.soakFor, o.conns = true, 8*time.Second, 32
	if err := o.validate(); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	res, err := runSoak(context.Background(), &o, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	t.Logf("\n%s", out)

	rows := tableRows(out, "| kind |")
	for _, name := range []string{"article (rotating over 300)", "home", "category page 1", "category deep pages", "browse by date",
		"search", "feeds", "sitemap", kindQAForm, kindQAPost, kindSignInPage, kindSignIn, "total"} {
		c, ok := rows[name]
		switch {
		case !ok:
			t.Errorf("no row %q", name)
		case len(c) != 11:
			t.Errorf("row %q has %d cells: %q", name, len(c), c)
		case c[2] == "0":
			t.Errorf("row %q: no requests", name)
		case c[6] != "0" || c[7] != "0" || c[8] != "0":
			t.Errorf("row %q: 5xx, transport errors, unexpected: %q", name, c[6:9])
		}
	}
	checks := tableRows(out, "| check |")
	for _, name := range []string{"5xx answers", "transport errors", "unexpected answers", "lock-out by address", "Q&A limit by address", "exact view count", "questions stored"} {
		if c := checks[name]; len(c) != 4 || c[3] != "PASS" {
			t.Errorf("check %q: %q", name, c)
		}
	}
	if c := checks["RSS at the end vs at 4s"]; len(c) != 4 || !strings.Contains(c[1], "peak") {
		t.Errorf("no RSS row: %q", checks)
	}
	// The numbers behind the rows: questions went through the form and
	// were stored, wrong passwords were refused.
	if res.qa.accepted == 0 || res.qa.accepted != res.qa.stored {
		t.Errorf("questions: %+v", res.qa)
	}
	if si := res.signIns; si.sent == 0 || si.addrs < 2 {
		t.Errorf("sign-ins: %+v", si)
	}
	if f := res.failed(); len(slices.DeleteFunc(f, func(s string) bool { return s == "RSS" })) > 0 {
		t.Errorf("failed: %v", f)
	}
}

// passingSoak is a soak result whose every check passes.
func passingSoak() *soakResult {
	ok := newSoakStats()
	ok.requests, ok.classes[2] = 10, 10
	return &soakResult{
		opts:    options{soakFor: time.Minute},
		kinds:   []*soakKind{{name: "article", stats: ok}},
		rss:     rssCheck{at: 10 * time.Second, base: 100 << 20, peak: 108 << 20, end: 105 << 20},
		views:   viewCheck{articles: 3, served: 10, stored: 10},
		qa:      questionCheck{accepted: 4, stored: 4},
		signIns: limitCheck{limit: 20, sent: 40, addrs: 2, refused: 1},
		asks:    limitCheck{limit: 3, sent: 8, addrs: 2, refused: 1},
	}
}

// TestSoakChecks feeds the checks fake results, each failing one way.
func TestSoakChecks(t *testing.T) {
	if f := passingSoak().failed(); len(f) > 0 {
		t.Fatalf("a passing soak failed %v", f)
	}
	// Memory given back is no leak.
	fell := passingSoak()
	fell.rss.end = 80 << 20
	if f := fell.failed(); len(f) > 0 {
		t.Errorf("RSS falling by a fifth failed %v", f)
	}
	for _, tc := range []struct {
		want  string
		spoil func(*soakResult)
	}{
		{"no 5xx", func(r *soakResult) { r.kinds[0].stats.classes[5] = 1 }},
		{"no transport errors", func(r *soakResult) { r.kinds[0].stats.errors = 1 }},
		{"expected answers", func(r *soakResult) { r.kinds[0].stats.unexpected = 1 }},
		{"lock-out by address", func(r *soakResult) { r.signIns.early = []string{"10.0.0.1 after 3"} }},
		{"lock-out by address", func(r *soakResult) { r.signIns.sent = 0 }},
		{"Q&A limit by address", func(r *soakResult) { r.asks.early = []string{"10.0.0.2 after 1"} }},
		{"Q&A limit by address", func(r *soakResult) { r.asks.late = []string{"10.0.0.2 after 3 counted"} }},
		{"lock-out by address", func(r *soakResult) { r.signIns.late = []string{"10.0.0.1 after 20 counted"} }},
		{"RSS", func(r *soakResult) { r.rss.end = 111 << 20 }},
		{"RSS", func(r *soakResult) { r.rss.err = errors.New("no /proc") }},
		{"exact view count", func(r *soakResult) { r.views.mismatches = []string{"article 1: served 2, stored +1"} }},
		{"questions stored", func(r *soakResult) { r.qa.stored = 3 }},
		{"questions stored", func(r *soakResult) { r.qa.accepted, r.qa.stored = 0, 0 }},
		{"questions stored", func(r *soakResult) { r.qa.err = errors.New("closed") }},
	} {
		r := passingSoak()
		tc.spoil(r)
		if f := r.failed(); !slices.Equal(f, []string{tc.want}) {
			t.Errorf("failed() = %v, want [%s]", f, tc.want)
		}
		// The table says it too.
		var out bytes.Buffer
		r.portal, r.gen = newPortal(10, 4, 10), &generation{dbURL: "sqlite:x.db"}
		r.print(&out)
		if !strings.Contains(out.String(), "| FAIL |") {
			t.Errorf("%s: no FAIL in the table:\n%s", tc.want, out.String())
		}
	}
}

func TestRSSFrom(t *testing.T) {
	var samples []memory
	for i := range 61 {
		samples = append(samples, memory{rss: int64(100+i) << 20, anon: 1, file: 2})
	}
	c := rssFrom(samples, time.Minute)
	if c.err != nil || c.at != 10*time.Second || c.base != 110<<20 || c.end != 160<<20 || c.peak != 160<<20 {
		t.Errorf("one minute: %+v", c)
	}
	if c := rssFrom(samples[:6], 5*time.Second); c.err != nil || c.at != 2500*time.Millisecond || c.base != 102<<20 {
		t.Errorf("five seconds: %+v", c)
	}
	if c := rssFrom(samples[:2], time.Minute); c.err == nil {
		t.Errorf("two samples for a minute: %+v", c)
	}
}
