package main_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// crawlerUA is a user agent whose requests count no view.
const crawlerUA = "Googlebot/2.1 (+http://www.google.com/bot.html)"

// runCmdInput runs congtin with args and stdin, failing the test on error,
// and returns stdout.
func runCmdInput(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("congtin %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("congtin %s did not finish", strings.Join(args, " "))
	}
	return stdout.String()
}

// addUser adds a back-office user with a role on the default site, giving
// the password on standard input as an administrator would pipe it.
func addUser(t *testing.T, db, name, display, role, password string) {
	t.Helper()
	runCmdInput(t, password+"\n", "user", "add", "-db", db, "-name", name, "-display", display, "-role", role)
}

// userToken returns a new API token of a user, from `congtin user token`.
func userToken(t *testing.T, db, name string) string {
	t.Helper()
	token := strings.TrimSpace(runCmdInput(t, "", "user", "token", "-db", db, "-name", name))
	if token == "" || strings.ContainsAny(token, " \n") {
		t.Fatalf("user token printed %q", token)
	}
	return token
}

// noRedirects is a client that returns redirects instead of following
// them, with a timeout that bounds every request.
var noRedirects = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Timeout:       10 * time.Second,
}

// do sends a request and returns the response with its body read.
func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	return resp, string(b)
}

// api calls the admin JSON API of a portal with a bearer token, sending in
// (when not nil) as JSON and decoding the answer into out (when not nil).
// It fails the test unless the status is want.
func api(t *testing.T, p *Portal, token, method, path string, in, out any, want int) {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, p.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, b := do(t, req)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d, want %d: %s", method, path, resp.StatusCode, want, b)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(b), out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
}

// parseHTML parses a page, failing the test if it cannot.
func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findElement returns the first element in n's tree that match accepts,
// or nil.
func findElement(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, match); f != nil {
			return f
		}
	}
	return nil
}

// isElement matches elements named tag with class among their classes
// (any class when class is "").
func isElement(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Data != tag {
			return false
		}
		return class == "" || strings.Contains(" "+attrOf(n, "class")+" ", " "+class+" ")
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text inside n, its spaces collapsed.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// elementText returns the text of the first element named tag (with
// class, when not "") in a page, or "". It may be called from any
// goroutine.
func elementText(page, tag, class string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	return textOf(findElement(doc, isElement(tag, class)))
}

// linksTo counts the links to href in a page by the list they are in: the
// <section> around them, named by its aria-labelledby ("" outside any).
func linksTo(t *testing.T, page, href string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	var walk func(n *html.Node, section string)
	walk = func(n *html.Node, section string) {
		if n.Type == html.ElementNode {
			if n.Data == "section" {
				section = attrOf(n, "aria-labelledby")
			}
			if n.Data == "a" && attrOf(n, "href") == href {
				counts[section]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, section)
		}
	}
	walk(parseHTML(t, page), "")
	return counts
}

// sessionCookie is the back office's session cookie.
const sessionCookie = "ct_admin"

// signIn signs in to a portal's back office as a browser would (a
// same-origin form POST) and returns the session cookie it was given.
func signIn(t *testing.T, p *Portal, name, password string) *http.Cookie {
	t.Helper()
	form := url.Values{"username": {name}, "password": {password}, "next": {"/admin/"}}
	req, err := http.NewRequest("POST", p.URL+"/admin/dang-nhap", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("User-Agent", browserUA)
	resp, body := do(t, req)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/admin/" {
		t.Fatalf("sign in as %s: %d to %q\n%s", name, resp.StatusCode, resp.Header.Get("Location"), body)
	}
	for _, c := range resp.Cookies() {
		if c.Name == sessionCookie && c.Value != "" {
			return c
		}
	}
	t.Fatalf("sign in as %s: no session cookie in %q", name, resp.Header.Values("Set-Cookie"))
	return nil
}

// adminGet fetches a back-office page with a session cookie.
func adminGet(t *testing.T, p *Portal, path string, session *http.Cookie) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", p.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", browserUA)
	req.AddCookie(session)
	return do(t, req)
}
