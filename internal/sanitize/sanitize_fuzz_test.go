package sanitize

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzHTML checks the policy on any input: sanitizing its output changes
// nothing, and the output, parsed as a browser parses it, holds no
// script-running element, no event handler and no URL of another scheme
// than the policy's.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		`<p style="text-align: center">Đoàn công tác <a href="https://example.org/x?a=1&amp;b=2">làm việc</a></p>`,
		`<figure><img src="/media/ab/abc-640.jpg" srcset="/media/ab/abc-320.jpg 320w, /media/ab/abc-640.jpg 640w" width="640" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>`,
		`<table><tr><th scope="col" colspan="2">A</th></tr><tr><td>1</td><td>2</td></tr></table>`,
		`<a href="java&#x09;script:alert(1)">x</a><img src=x onerror=alert(1)><svg onload=alert(1)>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<math><mi><style><img src=x onerror=alert(1)></style></mi></math><iframe srcdoc="<script>alert(1)</script>">`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := HTML(s)
		if again := HTML(out); again != out {
			t.Fatalf("HTML(%q) = %q, but sanitizing that gives %q", s, out, again)
		}
		if err := checkSafe(out); err != nil {
			t.Fatalf("HTML(%q) = %q: %v", s, out, err)
		}
	})
}

// unsafeElements run script, load other documents or restyle the page.
var unsafeElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Frame: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Form: true, atom.Base: true,
	atom.Link: true, atom.Meta: true, atom.Noscript: true, atom.Template: true,
}

// urlAttrs hold a URL (srcset a list of them).
var urlAttrs = map[string]bool{
	"href": true, "src": true, "srcset": true, "cite": true, "action": true, "formaction": true,
	"poster": true, "background": true, "longdesc": true, "xlink:href": true, "data": true,
}

// scheme is what a browser reads as a URL's scheme, once it has dropped
// tabs and newlines anywhere and leading spaces and controls.
var scheme = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`)

// textAlign is the one style the policy allows (CSS is case-insensitive).
var textAlign = regexp.MustCompile(`(?i)^text-align: ?(left|right|center|justify);?$`)

// checkSafe parses body as a page's content and walks every node.
func checkSafe(body string) error {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(body), ctx)
	if err != nil {
		return err
	}
	var walk func(n *html.Node) error
	walk = func(n *html.Node) error {
		if n.Type == html.ElementNode {
			if unsafeElements[n.DataAtom] || n.Namespace != "" {
				return fmt.Errorf("element <%s> (namespace %q) survived", n.Data, n.Namespace)
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					return fmt.Errorf("event handler %s=%q survived on <%s>", a.Key, a.Val, n.Data)
				case key == "style" && !textAlign.MatchString(a.Val):
					return fmt.Errorf("style %q survived on <%s>", a.Val, n.Data)
				case urlAttrs[key]:
					for _, u := range strings.Split(a.Val, ",") {
						u = strings.TrimLeft(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u), "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
						if m := scheme.FindStringSubmatch(u); m != nil {
							switch strings.ToLower(m[1]) {
							case "http", "https", "mailto", "tel":
							default:
								return fmt.Errorf("URL %s=%q with scheme %q survived on <%s>", a.Key, a.Val, m[1], n.Data)
							}
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range nodes {
		if err := walk(n); err != nil {
			return err
		}
	}
	return nil
}

// TestCheckSafe makes sure the walk FuzzHTML trusts finds what it must.
func TestCheckSafe(t *testing.T) {
	for body, safe := range map[string]bool{
		`<p style="text-align: center"><a href="https://a.vn/x">x</a><img src="/media/a.jpg" alt=""></p>`: true,
		`<p>a:b <a href="/tin-tuc/a:b">x</a> <a href="tel:+84">t</a></p>`:                                 true,
		`<p><script>x</script></p>`:              false,
		`<img src=x OnError=alert(1)>`:           false,
		`<a href=" java&#x09;script:alert(1)">x`: false,
		`<a href="vbscript:x">x</a>`:             false,
		`<img src="data:image/png;base64,AA">`:   false,
		`<img srcset="/a.jpg 1x, data:x 2x">`:    false,
		`<p style="background:url(x)">a</p>`:     false,
		`<svg><a href="/x">x</a></svg>`:          false,
		`<iframe src="/x"></iframe>`:             false,
	} {
		if err := checkSafe(body); (err == nil) != safe {
			t.Errorf("checkSafe(%q) = %v, want safe=%v", body, err, safe)
		}
	}
}
