package dcat_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/dcat"
	"github.com/piprate/json-gold/ld"
)

const (
	dcatNS = "http://www.w3.org/ns/dcat#"
	dctNS  = "http://purl.org/dc/terms/"
)

func siteURL(p string) string { return "https://so.example.gov.vn" + p }

// hostile is a dataset whose texts hold what breaks naive writers: quotes,
// backslashes, line breaks, a control character, a closing script tag,
// and a link with characters an IRI may not hold.
func hostile() *congtin.Dataset {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, congtin.VietnamZone)
	return &congtin.Dataset{ID: 7, Slug: "dan-so", Title: `Dân số "2025" \ </script><script>alert(1)</script>`,
		Description: "Dòng một.\n\nDòng \"hai\"\t\x01.", PublisherName: "Cục Thống kê", Keywords: []string{"dân số", "tỉnh"},
		Themes: []*congtin.DocumentTerm{{ID: 3, Name: "Dân số - Xã hội"}}, Licence: "cc0-1.0", Frequency: "ANNUAL",
		TemporalStart: day, TemporalEnd: day.AddDate(1, 0, 0), Spatial: "Tỉnh Lâm Đồng", ContactName: "Phòng Dữ liệu", ContactEmail: "dulieu@example.gov.vn",
		Status: congtin.StatusPublished, PublishedAt: day, UpdatedAt: day.AddDate(0, 1, 0), CreatedAt: day,
		Resources: []*congtin.Resource{
			{ID: 11, DatasetID: 7, Name: "Bảng CSV", Format: congtin.FormatCSV, MediaType: "text/csv", Kind: congtin.FileCSV, Size: 1234, Hash: "ab"},
			{ID: 12, DatasetID: 7, Name: "API", Format: congtin.FormatAPI, URL: `https://api.example.gov.vn/a b"c{d}`},
		}}
}

// flatten expands the document with a JSON-LD processor and returns its
// nodes by @id: the check that it is JSON-LD and what it means in full
// IRIs.
func flatten(t *testing.T, doc []byte) map[string]map[string]any {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	proc := ld.NewJsonLdProcessor()
	opts := ld.NewJsonLdOptions("")
	// The context is inline: nothing may be fetched.
	opts.DocumentLoader = nil
	flat, err := proc.Flatten(v, nil, opts)
	if err != nil {
		t.Fatalf("not valid JSON-LD: %v", err)
	}
	nodes := map[string]map[string]any{}
	for _, n := range flat.([]any) {
		m := n.(map[string]any)
		nodes[m["@id"].(string)] = m
	}
	return nodes
}

func hasType(n map[string]any, iri string) bool {
	ts, _ := n["@type"].([]any)
	for _, x := range ts {
		if x == iri {
			return true
		}
	}
	return false
}

// value returns the first value (literal or @id) of a property.
func value(n map[string]any, prop string) string {
	vs, _ := n[prop].([]any)
	if len(vs) == 0 {
		return ""
	}
	m := vs[0].(map[string]any)
	if v, ok := m["@value"].(string); ok {
		return v
	}
	s, _ := m["@id"].(string)
	return s
}

func TestCatalogJSONLD(t *testing.T) {
	d := hostile()
	site := &congtin.Site{Name: "Cổng thông tin tỉnh", Agency: "UBND tỉnh"}
	doc, err := dcat.JSONLD(dcat.Catalog(site, siteURL, []*congtin.Dataset{d}))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(doc, []byte("<")) {
		t.Fatalf("a < is left raw: the document could close a script element: %s", doc)
	}
	nodes := flatten(t, doc)
	cat := nodes[siteURL("/du-lieu-mo")]
	if cat == nil || !hasType(cat, dcatNS+"Catalog") || value(cat, dctNS+"language") != "http://publications.europa.eu/resource/authority/language/VIE" ||
		value(cat, "http://xmlns.com/foaf/0.1/homepage") != siteURL("/") || value(cat, dctNS+"modified") != "2025-04-01" {
		t.Fatalf("catalogue: %v", cat)
	}
	ds := nodes[dcat.DatasetIRI(siteURL, d)]
	if ds == nil || !hasType(ds, dcatNS+"Dataset") {
		t.Fatalf("dataset missing: %v", nodes)
	}
	for prop, want := range map[string]string{
		dctNS + "title":                  d.Title,
		dctNS + "description":            d.Description,
		dctNS + "identifier":             "7",
		dctNS + "issued":                 "2025-03-01",
		dctNS + "license":                "https://creativecommons.org/publicdomain/zero/1.0/",
		dctNS + "accrualPeriodicity":     "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
		dcatNS + "landingPage":           siteURL("/du-lieu-mo/dan-so-7"),
		dcatNS + "keyword":               "dân số",
		dcatNS + "theme":                 siteURL("/du-lieu-mo?chu-de=3"),
		dcatNS + "distribution":          siteURL("/du-lieu-mo/dan-so-7#tai-nguyen-11"),
		"http://www.w3.org/ns/dcat#none": "",
	} {
		if got := value(ds, prop); got != want {
			t.Errorf("%s: %q, want %q", prop, got, want)
		}
	}
	// Blank nodes: publisher, period, contact point.
	blank := func(prop string) map[string]any { return nodes[value(ds, prop)] }
	if p := blank(dctNS + "publisher"); !hasType(p, "http://xmlns.com/foaf/0.1/Agent") || value(p, "http://xmlns.com/foaf/0.1/name") != "Cục Thống kê" {
		t.Errorf("publisher: %v", p)
	}
	if p := blank(dctNS + "temporal"); !hasType(p, dctNS+"PeriodOfTime") || value(p, dcatNS+"startDate") != "2025-03-01" || value(p, dcatNS+"endDate") != "2026-03-01" {
		t.Errorf("temporal: %v", p)
	}
	if k := blank(dcatNS + "contactPoint"); value(k, "http://www.w3.org/2006/vcard/ns#hasEmail") != "mailto:dulieu@example.gov.vn" || value(k, "http://www.w3.org/2006/vcard/ns#fn") != "Phòng Dữ liệu" {
		t.Errorf("contact: %v", k)
	}
	file := nodes[siteURL("/du-lieu-mo/dan-so-7#tai-nguyen-11")]
	if !hasType(file, dcatNS+"Distribution") || value(file, dcatNS+"downloadURL") != siteURL("/du-lieu-mo/7/tai-nguyen/11") ||
		value(file, dcatNS+"mediaType") != "https://www.iana.org/assignments/media-types/text/csv" ||
		value(file, dctNS+"format") != "http://publications.europa.eu/resource/authority/file-type/CSV" || value(file, dcatNS+"byteSize") != "1234" {
		t.Errorf("file distribution: %v", file)
	}
	if sz := file[dcatNS+"byteSize"].([]any)[0].(map[string]any)["@type"]; sz != "http://www.w3.org/2001/XMLSchema#nonNegativeInteger" {
		t.Errorf("byteSize type %v", sz)
	}
	link := nodes[siteURL("/du-lieu-mo/dan-so-7#tai-nguyen-12")]
	if got := value(link, dcatNS+"accessURL"); got != "https://api.example.gov.vn/a%20b%22c%7Bd%7D" || link[dcatNS+"downloadURL"] != nil {
		t.Errorf("link distribution: accessURL %q, %v", got, link)
	}
	// The same graph is valid RDF: every IRI and literal converts.
	var v any
	_ = json.Unmarshal(doc, &v)
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	nq, err := ld.NewJsonLdProcessor().ToRDF(v, opts)
	if err != nil || !strings.Contains(nq.(string), "<"+dcatNS+"Dataset>") {
		t.Fatalf("to RDF: %v", err)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"Dân số":         `"Dân số"`,
		`a "b" c`:        `"a \"b\" c"`,
		`C:\dữ liệu`:     `"C:\\dữ liệu"`,
		"một\nhai\r\tba": `"một\nhai\r\tba"`,
		"x\x01\x7fy":     `"x\u0001\u007Fy"`,
		"bad \xff byte":  "\"bad \uFFFD byte\"",
		"</script>":      `"</script>"`,
	} {
		if got := dcat.Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

// The Turtle says what the JSON-LD says: every IRI enclosed safely, every
// literal escaped on its own line, the prefixes of the context declared.
func TestCatalogTurtle(t *testing.T) {
	d := hostile()
	var b bytes.Buffer
	if err := dcat.Turtle(&b, dcat.Catalog(&congtin.Site{Name: "Cổng", Agency: "UBND"}, siteURL, []*congtin.Dataset{d})); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"@prefix dcat: <http://www.w3.org/ns/dcat#> .",
		"@prefix dct: <http://purl.org/dc/terms/> .",
		"<" + siteURL("/du-lieu-mo") + ">\n    a dcat:Catalog ;",
		"dcat:dataset <" + dcat.DatasetIRI(siteURL, d) + ">",
		"<" + dcat.DatasetIRI(siteURL, d) + ">\n    a dcat:Dataset ;",
		"dct:title " + dcat.Quote(d.Title) + "@vi ;",
		`dct:description "Dòng một.\n\nDòng \"hai\"\t\u0001."@vi ;`,
		`dcat:byteSize "1234"^^xsd:nonNegativeInteger`,
		"dcat:accessURL <https://api.example.gov.vn/a%20b%22c%7Bd%7D>",
		"dcat:contactPoint [\n        a vcard:Kind ;\n        vcard:fn \"Phòng Dữ liệu\"@vi ;\n        vcard:hasEmail <mailto:dulieu@example.gov.vn>\n    ]",
		"<" + siteURL("/du-lieu-mo?chu-de=3") + ">\n    a skos:Concept ;\n    skos:prefLabel \"Dân số - Xã hội\"@vi .",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Turtle lacks %q:\n%s", want, out)
		}
	}
	// Each statement ends its line; a literal never spans lines.
	for _, line := range strings.Split(out, "\n") {
		if strings.Count(strings.ReplaceAll(line, `\"`, ""), `"`)%2 != 0 {
			t.Errorf("unbalanced quotes: %q", line)
		}
	}
}
