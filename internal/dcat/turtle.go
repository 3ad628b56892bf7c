package dcat

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Turtle writes n and every node with an IRI it reaches as Turtle
// (RDF 1.1). No Go Turtle library is maintained on the module proxy, so
// this is a small writer of the few forms the catalogue needs: prefixed
// predicates and types, <IRI>s, blank nodes in [ … ], and strings
// escaped as the grammar's STRING_LITERAL_QUOTE requires.
func Turtle(w io.Writer, n *Node) error {
	bw := bufio.NewWriter(w)
	for _, p := range prefixes {
		fmt.Fprintf(bw, "@prefix %s: <%s> .\n", p.Name, p.IRI)
	}
	t := &turtle{w: bw, done: map[string]bool{}}
	t.queue = append(t.queue, n)
	for len(t.queue) > 0 {
		n := t.queue[0]
		t.queue = t.queue[1:]
		if n.ID != "" && t.done[n.ID] {
			continue
		}
		t.done[n.ID] = true
		bw.WriteString("\n")
		if n.ID == "" {
			bw.WriteString("[]")
		} else {
			bw.WriteString("<" + n.ID + ">")
		}
		t.props(n, "    ")
		bw.WriteString(" .\n")
	}
	return bw.Flush()
}

type turtle struct {
	w     *bufio.Writer
	queue []*Node
	done  map[string]bool
}

// props writes the node's predicate-object list, one predicate a line.
func (t *turtle) props(n *Node, indent string) {
	sep := "\n" + indent
	if len(n.Types) > 0 {
		t.w.WriteString(sep + "a " + strings.Join(n.Types, ", "))
		sep = " ;\n" + indent
	}
	for _, p := range n.Props {
		t.w.WriteString(sep + p.Pred + " ")
		for i, o := range p.Objs {
			if i > 0 {
				t.w.WriteString(", ")
			}
			t.obj(o, indent)
		}
		sep = " ;\n" + indent
	}
}

func (t *turtle) obj(o Obj, indent string) {
	switch {
	case o.Node != nil && o.Node.ID != "":
		// A named node is written once, at the top level, however often
		// it is referred to (a theme shared by many datasets).
		t.w.WriteString("<" + o.Node.ID + ">")
		t.queue = append(t.queue, o.Node)
	case o.Node != nil:
		t.w.WriteString("[")
		t.props(o.Node, indent+"    ")
		t.w.WriteString("\n" + indent + "]")
	case o.IRI != "":
		t.w.WriteString("<" + o.IRI + ">")
	default:
		t.w.WriteString(Quote(o.Lit))
		if o.Datatype != "" {
			t.w.WriteString("^^" + o.Datatype)
		} else {
			t.w.WriteString("@" + lang)
		}
	}
}

// Quote writes s as a Turtle string literal: the quote, the backslash and
// the line breaks escaped, other control characters as \uXXXX, invalid
// UTF-8 as U+FFFD.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
