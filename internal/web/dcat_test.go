package web_test

import (
	"encoding/json"
	"testing"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/piprate/json-gold/ld"
	"golang.org/x/net/html"
)

// A dataset's page carries its dcat:Dataset as JSON-LD; a title holding
// </script> stays inside the script element, read back whole.
func TestDatasetPageJSONLD(t *testing.T) {
	e := newEnv(t)
	files := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	e.server.Files = files
	title := `Số liệu </script><script>alert("x")</script> & <!-- 2025`
	d := mustDataset(t, e, files, title, true)
	page := e.get(d.Path())
	if page.status != 200 {
		t.Fatalf("page: %d", page.status)
	}
	var lds []*html.Node
	for _, s := range findAll(page.doc, tag("script")) {
		if attr(s, "type") == "application/ld+json" {
			lds = append(lds, s)
		} else if attr(s, "src") == "" {
			t.Fatalf("an inline script other than the JSON-LD: %q", text(s))
		}
	}
	if len(lds) != 1 {
		t.Fatalf("%d JSON-LD scripts", len(lds))
	}
	var doc any
	if err := json.Unmarshal([]byte(lds[0].FirstChild.Data), &doc); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, lds[0].FirstChild.Data)
	}
	flat, err := ld.NewJsonLdProcessor().Flatten(doc, nil, ld.NewJsonLdOptions(""))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range flat.([]any) {
		m := n.(map[string]any)
		if ts, _ := m["@type"].([]any); len(ts) == 1 && ts[0] == "http://www.w3.org/ns/dcat#Dataset" {
			v := m["http://purl.org/dc/terms/title"].([]any)[0].(map[string]any)["@value"]
			found = v == title && m["@id"] == e.srv.URL+d.Path()+"#dataset"
		}
	}
	if !found {
		t.Fatalf("no dcat:Dataset with the title in %v", flat)
	}
}
