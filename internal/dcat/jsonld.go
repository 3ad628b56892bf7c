package dcat

import "encoding/json"

// JSONLD writes n as a JSON-LD document with the context inline, so that
// a harvester needs no second request (and none to a host we do not run)
// to read it. Every value is an explicit value object ({"@value",
// "@language"} or {"@id"}), so the meaning never depends on a term
// definition. json.Marshal escapes <, > and &, so the document is safe
// inside a script element as it is.
func JSONLD(n *Node) ([]byte, error) {
	doc := jsonNode(n)
	doc["@context"] = context
	return json.Marshal(doc)
}

func jsonNode(n *Node) map[string]any {
	m := map[string]any{}
	if n.ID != "" {
		m["@id"] = n.ID
	}
	if len(n.Types) > 0 {
		m["@type"] = n.Types
	}
	for _, p := range n.Props {
		vs, _ := m[p.Pred].([]any)
		for _, o := range p.Objs {
			vs = append(vs, jsonObj(o))
		}
		m[p.Pred] = vs
	}
	return m
}

func jsonObj(o Obj) any {
	switch {
	case o.Node != nil:
		return jsonNode(o.Node)
	case o.IRI != "":
		return map[string]string{"@id": o.IRI}
	case o.Datatype != "":
		return map[string]string{"@value": o.Lit, "@type": o.Datatype}
	}
	return map[string]string{"@value": o.Lit, "@language": lang}
}
