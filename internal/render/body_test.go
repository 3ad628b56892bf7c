package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBodyWrapsTables(t *testing.T) {
	const wrap1 = `<div class="table-wrap" role="region" aria-label="Bảng 1">`
	const wrap2 = `<div class="table-wrap" role="region" aria-label="Bảng 2">`
	for _, c := range []struct{ name, in, want string }{
		{"no table", `<p>Đoạn &lt;table&gt; một.</p>`, `<p>Đoạn &lt;table&gt; một.</p>`},
		{"one table", `<p>a</p><table><tr><td>Ô</td></tr></table><p>b</p>`,
			`<p>a</p>` + wrap1 + `<table><tr><td>Ô</td></tr></table></div><p>b</p>`},
		{"two tables, attributes kept", `<table class="x"><tr><td>1</td></tr></table><TABLE><tr><td>2</td></tr></TABLE>`,
			wrap1 + `<table class="x"><tr><td>1</td></tr></table></div>` + wrap2 + `<TABLE><tr><td>2</td></tr></TABLE></div>`},
		{"nested", `<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>`,
			wrap1 + `<table><tr><td>` + wrap2 + `<table><tr><td>x</td></tr></table></div></td></tr></table></div>`},
		{"stray end tag", `<p>a</table>b</p>`, `<p>a</table>b</p>`},
		{"stray end tag after a table", `<table><tr><td>1</td></tr></table></table><p>b</p>`,
			wrap1 + `<table><tr><td>1</td></tr></table></div></table><p>b</p>`},
		{"unclosed", `<table><tr><td>x`, wrap1 + `<table><tr><td>x`},
		{"the word in text", `<p>&lt;table&gt; and table</p>`, `<p>&lt;table&gt; and table</p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(Body(c.in)); got != c.want {
				t.Errorf("Body(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// TestBodyStrayEndTagKeepsThePage checks, with a real HTML parser, that a
// body with a stray </table> keeps its text inside the body and does not
// close the page's own elements.
func TestBodyStrayEndTagKeepsThePage(t *testing.T) {
	body := `<table><tr><td>x</td></tr></table></table><p id="b">b</p>`
	page := `<article><div class="body">` + string(Body(body)) + `</div><p id="author">A</p></article>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" {
				byID[a.Val] = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if b := byID["b"]; b == nil || b.Parent.Data != "div" || b.Parent.Attr[0].Val != "body" {
		t.Errorf("the body's last paragraph left the body: %s", page)
	}
	if a := byID["author"]; a == nil || a.Parent.Data != "article" {
		t.Errorf("the author line left the article: %s", page)
	}
}
