package wxr

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxLeadFromBody is the longest first paragraph taken as the lead; a
// longer one is the story itself, not a summary.
const maxLeadFromBody = 600

// bodyHTML finishes a body after autop and the shortcodes: it parses it
// as a browser would (which also closes what WordPress left open), brings
// its uploaded images into the media library and points them there, drops
// images whose files are missing (returning why), and, with takeLead,
// moves a short first paragraph out as the lead.
func bodyHTML(s string, im *images, takeLead bool) (out, lead string, problems []Skip) {
	ctx := &nethtml.Node{Type: nethtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := nethtml.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return s, "", nil // the sanitizer still sees it
	}
	root := &nethtml.Node{Type: nethtml.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == nethtml.ElementNode {
				switch c.DataAtom {
				case atom.Img:
					if rel, why := rewriteImage(c, im); why != "" {
						problems = append(problems, Skip{What: "image " + rel, Why: why})
						dropImage(c)
					}
				case atom.A:
					if rel := uploadPath(getAttr(c, "href")); rel != "" && isImagePath(rel) {
						if m, _ := im.get(rel); m != nil {
							setAttr(c, "href", largest(m))
						}
					}
				}
				walk(c)
				if c.DataAtom == atom.Figure && c.Parent != nil {
					fixFigure(c)
				}
			}
			c = next
		}
	}
	walk(root)
	if takeLead {
		lead = takeFirstParagraph(root)
	}
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := nethtml.Render(&b, c); err != nil {
			return s, "", problems
		}
	}
	return strings.TrimSpace(b.String()), lead, problems
}

// rewriteImage points an <img> of the uploads folder at its stored copy,
// with the sizes the portal serves. It returns why the image must go, or
// "" (also for images from elsewhere, which are left as they are).
func rewriteImage(n *nethtml.Node, im *images) (rel, why string) {
	rel = uploadPath(getAttr(n, "src"))
	if rel == "" {
		return "", ""
	}
	m, why := im.get(rel)
	if m == nil {
		return rel, why
	}
	best, srcset := display(m)
	var attrs []nethtml.Attribute
	for _, a := range n.Attr {
		switch a.Key {
		case "alt", "title":
			attrs = append(attrs, a)
		}
	}
	n.Attr = append(attrs,
		nethtml.Attribute{Key: "src", Val: mediaPrefix + best.Key},
		nethtml.Attribute{Key: "srcset", Val: srcset},
		nethtml.Attribute{Key: "sizes", Val: imageSizes},
		nethtml.Attribute{Key: "width", Val: strconv.Itoa(best.Width)},
		nethtml.Attribute{Key: "height", Val: strconv.Itoa(best.Height)},
	)
	return rel, ""
}

// dropImage removes an image, and the link around it when the link held
// nothing else.
func dropImage(n *nethtml.Node) {
	p := n.Parent
	p.RemoveChild(n)
	if p.DataAtom == atom.A && p.Parent != nil && strings.TrimSpace(textContent(p)) == "" && !hasElement(p, atom.Img) {
		p.Parent.RemoveChild(p)
	}
}

// fixFigure turns a figure that lost its image into a paragraph of its
// caption, or removes it when it had none.
func fixFigure(f *nethtml.Node) {
	if hasElement(f, atom.Img) {
		return
	}
	var caption *nethtml.Node
	for c := f.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Figcaption {
			caption = c
		}
	}
	if caption == nil || strings.TrimSpace(textContent(caption)) == "" {
		f.Parent.RemoveChild(f)
		return
	}
	p := &nethtml.Node{Type: nethtml.ElementNode, Data: "p", DataAtom: atom.P}
	for c := caption.FirstChild; c != nil; {
		next := c.NextSibling
		caption.RemoveChild(c)
		p.AppendChild(c)
		c = next
	}
	f.Parent.InsertBefore(p, f)
	f.Parent.RemoveChild(f)
}

// takeFirstParagraph removes the first block of the body and returns its
// text when it is a short paragraph of text followed by more.
func takeFirstParagraph(root *nethtml.Node) string {
	first := root.FirstChild
	for first != nil && (first.Type == nethtml.CommentNode || first.Type == nethtml.TextNode && strings.TrimSpace(first.Data) == "") {
		first = first.NextSibling
	}
	if first == nil || first.DataAtom != atom.P || hasElement(first, atom.Img) || hasElement(first, atom.Iframe) {
		return ""
	}
	text := strings.Join(strings.Fields(textContent(first)), " ")
	if text == "" || utf8.RuneCountInString(text) > maxLeadFromBody {
		return ""
	}
	rest := false
	for c := first.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == nethtml.ElementNode || c.Type == nethtml.TextNode && strings.TrimSpace(c.Data) != "" {
			rest = true
			break
		}
	}
	if !rest {
		return ""
	}
	root.RemoveChild(first)
	return text
}

func hasElement(n *nethtml.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == nethtml.ElementNode && (c.DataAtom == a || hasElement(c, a)) {
			return true
		}
	}
	return false
}

func textContent(n *nethtml.Node) string {
	var b strings.Builder
	var walk func(*nethtml.Node)
	walk = func(n *nethtml.Node) {
		if n.Type == nethtml.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == nethtml.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func getAttr(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *nethtml.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, nethtml.Attribute{Key: key, Val: val})
}

// plainText turns a fragment of HTML (an excerpt, a title) into text:
// tags dropped, entities decoded, white space folded.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	ctx := &nethtml.Node{Type: nethtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := nethtml.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textContent(n))
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
