package dcat

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
)

// Node is a resource of the RDF graph: a subject with an IRI, or a blank
// node (ID "") written inside the one that names it. Predicates and
// types are prefixed names of the context's prefixes ("dct:title").
type Node struct {
	ID    string
	Types []string
	Props []Prop
}

// Prop is a predicate and its objects, in the order they are written.
type Prop struct {
	Pred string
	Objs []Obj
}

// Obj is an object: an IRI, a node, or a literal (in Vietnamese unless it
// has a datatype).
type Obj struct {
	IRI      string
	Node     *Node
	Lit      string
	Datatype string // a prefixed name ("xsd:date"); "" for a language-tagged string
	isLit    bool
}

// lang is the language of the catalogue's texts.
const lang = "vi"

// Text is a literal in Vietnamese.
func Text(s string) Obj { return Obj{Lit: s, isLit: true} }

// Typed is a literal of a datatype.
func Typed(s, datatype string) Obj { return Obj{Lit: s, Datatype: datatype, isLit: true} }

// IRI names a resource by its address.
func IRI(s string) Obj { return Obj{IRI: iri(s)} }

// Ref is a node as an object.
func Ref(n *Node) Obj { return Obj{Node: n} }

// Add appends objects to the node under pred, leaving out a predicate
// without objects, and empty literals and IRIs, so that a field left
// blank is simply absent.
func (n *Node) Add(pred string, objs ...Obj) *Node {
	var kept []Obj
	for _, o := range objs {
		if o.Node != nil || o.IRI != "" || (o.isLit && o.Lit != "") {
			kept = append(kept, o)
		}
	}
	if len(kept) > 0 {
		n.Props = append(n.Props, Prop{Pred: pred, Objs: kept})
	}
	return n
}

//go:embed context.jsonld
var contextFile []byte

// prefix is a prefix of the context, the one list both serializations
// use.
type prefix struct{ Name, IRI string }

var (
	context  map[string]string
	prefixes []prefix
)

func init() {
	var f struct {
		Context map[string]string `json:"@context"`
	}
	if err := json.Unmarshal(contextFile, &f); err != nil || len(f.Context) == 0 {
		panic("dcat: bad context.jsonld")
	}
	context = f.Context
	for name, v := range f.Context {
		prefixes = append(prefixes, prefix{name, v})
	}
	slices.SortFunc(prefixes, func(a, b prefix) int { return strings.Compare(a.Name, b.Name) })
}

// iri makes an address safe in both serializations: Turtle's IRIREF
// excludes spaces, controls and <>"{}|^`\, so they are percent-encoded
// (which any URL parser reads back as the same address). A resource's
// link is checked as http(s) when saved, but may still hold them.
func iri(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c == 0x7f || strings.IndexByte("<>\"{}|^`\\", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return strings.ToValidUTF8(b.String(), "%EF%BF%BD")
}
