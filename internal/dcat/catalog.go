package dcat

import (
	"mime"
	"strconv"
	"time"

	"github.com/congtin/congtin"
)

// EU vocabularies DCAT-AP takes its values from.
const (
	fileTypeBase  = "http://publications.europa.eu/resource/authority/file-type/"
	languageVI    = "http://publications.europa.eu/resource/authority/language/VIE"
	mediaTypeBase = "https://www.iana.org/assignments/media-types/"
)

// URLFunc makes a site path absolute ((*congtin.Site).URL with the
// server's base URL).
type URLFunc func(path string) string

// DatasetIRI is a dataset's identity in the graph: its page's address
// with a fragment, as the page itself is the landing page (a
// foaf:Document, not the dataset).
func DatasetIRI(url URLFunc, d *congtin.Dataset) string { return iri(url(d.Path()) + "#dataset") }

// Catalog is the dcat:Catalog of a site with the datasets given (the
// published ones: the caller chooses).
func Catalog(site *congtin.Site, url URLFunc, ds []*congtin.Dataset) *Node {
	c := &Node{ID: iri(url("/du-lieu-mo")), Types: []string{"dcat:Catalog"}}
	c.Add("dct:title", Text("Danh mục dữ liệu mở của "+site.Name))
	c.Add("dct:description", Text("Các tập dữ liệu mở do "+agency(site)+" công bố trên "+site.Name+
		" (Nghị định 47/2020/NĐ-CP)."))
	c.Add("dct:publisher", Ref(agent(agency(site))))
	c.Add("foaf:homepage", IRI(url("/")))
	c.Add("dct:language", IRI(languageVI))
	var issued, modified time.Time
	for _, d := range ds {
		if t := d.IssuedOn(); issued.IsZero() || t.Before(issued) {
			issued = t
		}
		if t := d.ModifiedOn(); t.After(modified) {
			modified = t
		}
	}
	if len(ds) > 0 {
		c.Add("dct:issued", date(issued))
		c.Add("dct:modified", date(modified))
	}
	themes := map[int64]*Node{}
	for _, d := range ds {
		c.Add("dcat:dataset", Ref(dataset(site, url, d, themes)))
	}
	return c
}

// Dataset is the dcat:Dataset of one dataset, as its page embeds it.
func Dataset(site *congtin.Site, url URLFunc, d *congtin.Dataset) *Node {
	return dataset(site, url, d, map[int64]*Node{})
}

func dataset(site *congtin.Site, url URLFunc, d *congtin.Dataset, themes map[int64]*Node) *Node {
	n := &Node{ID: DatasetIRI(url, d), Types: []string{"dcat:Dataset"}}
	n.Add("dct:title", Text(d.Title))
	n.Add("dct:description", Text(d.Description))
	n.Add("dct:identifier", Typed(strconv.FormatInt(d.ID, 10), "xsd:string"))
	n.Add("dct:issued", date(d.IssuedOn()))
	n.Add("dct:modified", date(d.ModifiedOn()))
	publisher := d.PublisherName
	if publisher == "" {
		publisher = agency(site)
	}
	n.Add("dct:publisher", Ref(agent(publisher)))
	for _, t := range d.Themes {
		// Themes are the site's own list, with no IRIs in an EU
		// vocabulary yet: each is named by the catalogue filtered by it,
		// a page that exists, as a skos:Concept with its label.
		tn := themes[t.ID]
		if tn == nil {
			tn = &Node{ID: iri(url("/du-lieu-mo?chu-de=" + strconv.FormatInt(t.ID, 10))), Types: []string{"skos:Concept"}}
			tn.Add("skos:prefLabel", Text(t.Name))
			themes[t.ID] = tn
		}
		n.Add("dcat:theme", Ref(tn))
	}
	for _, k := range d.Keywords {
		n.Add("dcat:keyword", Text(k))
	}
	licence := d.LicenceInfo()
	n.Add("dct:license", IRI(licence.URL))
	if f := d.FrequencyInfo(); f != nil {
		n.Add("dct:accrualPeriodicity", IRI(f.URI))
	}
	if !d.TemporalStart.IsZero() || !d.TemporalEnd.IsZero() {
		p := &Node{Types: []string{"dct:PeriodOfTime"}}
		if !d.TemporalStart.IsZero() {
			p.Add("dcat:startDate", date(d.TemporalStart))
		}
		if !d.TemporalEnd.IsZero() {
			p.Add("dcat:endDate", date(d.TemporalEnd))
		}
		n.Add("dct:temporal", Ref(p))
	}
	if d.Spatial != "" {
		loc := &Node{Types: []string{"dct:Location"}}
		loc.Add("skos:prefLabel", Text(d.Spatial))
		n.Add("dct:spatial", Ref(loc))
	}
	if d.ContactName != "" || d.ContactEmail != "" {
		k := &Node{Types: []string{"vcard:Kind"}}
		name := d.ContactName
		if name == "" {
			name = publisher
		}
		k.Add("vcard:fn", Text(name))
		if d.ContactEmail != "" {
			k.Add("vcard:hasEmail", IRI("mailto:"+d.ContactEmail))
		}
		n.Add("dcat:contactPoint", Ref(k))
	}
	n.Add("dcat:landingPage", IRI(url(d.Path())))
	for _, r := range d.Resources {
		n.Add("dcat:distribution", Ref(distribution(url, d, r, licence)))
	}
	return n
}

func distribution(url URLFunc, d *congtin.Dataset, r *congtin.Resource, licence *congtin.Licence) *Node {
	n := &Node{ID: iri(url(d.Path()) + "#tai-nguyen-" + strconv.FormatInt(r.ID, 10)), Types: []string{"dcat:Distribution"}}
	n.Add("dct:title", Text(r.Name))
	n.Add("dct:description", Text(r.Description))
	if r.IsFile() {
		// A file is reached and downloaded at the same address, which
		// counts the download.
		n.Add("dcat:accessURL", IRI(url(r.DownloadPath())))
		n.Add("dcat:downloadURL", IRI(url(r.DownloadPath())))
		n.Add("dcat:byteSize", Typed(strconv.FormatInt(r.Size, 10), "xsd:nonNegativeInteger"))
	} else {
		n.Add("dcat:accessURL", IRI(r.URL))
	}
	mt := r.MediaType
	if mt == "" {
		mt = congtin.ResourceMediaType(r.Format, r.Kind)
	}
	if t, _, err := mime.ParseMediaType(mt); err == nil {
		n.Add("dcat:mediaType", IRI(mediaTypeBase+t))
	}
	switch r.Format {
	case congtin.FormatCSV, congtin.FormatXLSX, congtin.FormatJSON:
		n.Add("dct:format", IRI(fileTypeBase+r.Format))
	}
	n.Add("dct:license", IRI(licence.URL))
	return n
}

// agent is a foaf:Agent with its name.
func agent(name string) *Node {
	n := &Node{Types: []string{"foaf:Agent"}}
	n.Add("foaf:name", Text(name))
	return n
}

// agency is the agency that publishes the site's data.
func agency(site *congtin.Site) string {
	if site.Agency != "" {
		return site.Agency
	}
	return site.Name
}

// date is a day, in Vietnam, as xsd:date.
func date(t time.Time) Obj { return Typed(congtin.Day(t), "xsd:date") }
