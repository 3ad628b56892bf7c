package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// CKAN's names: a package's is its public path's last segment
// ("so-lieu-dan-so-12"), an organization's (a publishing unit) and a
// group's (a theme) their slugged name with the ID, all within CKAN's
// [a-z0-9_-]{2,100}; the ID at the end is what is looked up, as on the
// pages, so a renamed title or unit never breaks a harvester's link.
func ckanName(name string, id int64) string {
	if slug := congtin.Slugify(name); slug != "" {
		return slug + "-" + strconv.FormatInt(id, 10)
	}
	return strconv.FormatInt(id, 10)
}

// ckanTime is CKAN's timestamp: UTC, microseconds, no zone.
func ckanTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000") }

// ckanGroup is an organization or group dict as CKAN lists them.
func ckanGroup(id int64, title string, org bool, count int) map[string]any {
	typ := "group"
	if org {
		typ = "organization"
	}
	g := map[string]any{"id": strconv.FormatInt(id, 10), "name": ckanName(title, id), "title": title, "display_name": title,
		"description": "", "type": typ, "is_organization": org, "state": "active", "image_url": ""}
	if count >= 0 {
		g["package_count"] = count
	}
	return g
}

// ckanPackage is a dataset as package_show gives it.
func (s *Server) ckanPackage(site *congtin.Site, d *congtin.Dataset) map[string]any {
	id := strconv.FormatInt(d.ID, 10)
	l := d.LicenceInfo()
	p := map[string]any{
		"id": id, "name": strings.TrimPrefix(d.Path(), "/du-lieu-mo/"), "title": d.Title, "notes": d.Description, "type": "dataset",
		"state": "active", "private": false, "isopen": true, "version": nil,
		"url": s.siteURL(site, d.Path()), "author": nil, "author_email": nil,
		"maintainer": nilIfEmpty(d.ContactName), "maintainer_email": nilIfEmpty(d.ContactEmail),
		"license_id": l.Code, "license_title": l.Name, "license_url": l.URL,
		"metadata_created": ckanTime(d.CreatedAt), "metadata_modified": ckanTime(d.UpdatedAt),
		"organization": nil, "owner_org": nil,
	}
	if d.PublisherID != 0 {
		org := ckanGroup(d.PublisherID, d.PublisherName, true, -1)
		p["organization"], p["owner_org"] = org, org["id"]
	}
	groups := []map[string]any{}
	for _, t := range d.Themes {
		groups = append(groups, ckanGroup(t.ID, t.Name, false, -1))
	}
	tags := []map[string]any{}
	for _, k := range d.Keywords {
		tags = append(tags, map[string]any{"name": k, "display_name": k, "state": "active", "vocabulary_id": nil})
	}
	resources := []map[string]any{}
	for i, r := range d.Resources {
		res := map[string]any{
			"id": strconv.FormatInt(r.ID, 10), "package_id": id, "name": r.Name, "description": r.Description,
			"format": r.Format, "mimetype": nilIfEmpty(r.MediaType), "size": nil, "position": i, "state": "active",
			"created": ckanTime(r.CreatedAt), "last_modified": nil, "url": r.URL, "url_type": nil,
		}
		if r.IsFile() {
			res["url"], res["url_type"], res["size"] = s.siteURL(site, r.DownloadPath()), "upload", r.Size
		}
		resources = append(resources, res)
	}
	// Extras with the keys ckanext-dcat maps to DCAT, for what CKAN's core
	// fields do not hold.
	extras := []map[string]string{}
	extra := func(k, v string) {
		if v != "" {
			extras = append(extras, map[string]string{"key": k, "value": v})
		}
	}
	if f := d.FrequencyInfo(); f != nil {
		extra("frequency", f.URI)
	}
	extra("issued", congtin.Day(d.IssuedOn()))
	extra("modified", congtin.Day(d.ModifiedOn()))
	if !d.TemporalStart.IsZero() {
		extra("temporal_start", congtin.Day(d.TemporalStart))
	}
	if !d.TemporalEnd.IsZero() {
		extra("temporal_end", congtin.Day(d.TemporalEnd))
	}
	extra("spatial_text", d.Spatial)
	p["groups"], p["tags"], p["resources"], p["extras"] = groups, tags, resources, extras
	p["num_tags"], p["num_resources"] = len(tags), len(resources)
	return p
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (s *Server) ckanPackageList(r *http.Request, p ckanParams) (any, error) {
	limit, err := p.natural("limit", 0)
	if err != nil {
		return nil, err
	}
	offset, err := p.natural("offset", 0)
	if err != nil {
		return nil, err
	}
	site := siteFrom(r.Context())
	ds, err := s.publicDatasets(r.Context(), site)
	if err != nil {
		return nil, err
	}
	names := []string{}
	for _, d := range ds {
		names = append(names, s.ckanPackage(site, d)["name"].(string))
	}
	// CKAN lists names in order.
	slices.Sort(names)
	names = names[min(offset, len(names)):]
	if limit > 0 {
		names = names[:min(limit, len(names))]
	}
	return names, nil
}

func (s *Server) ckanPackageShow(r *http.Request, p ckanParams) (any, error) {
	ref := strings.TrimSpace(p["id"])
	if ref == "" {
		return nil, ckanInvalid("id", "Missing value")
	}
	// CKAN takes the name or the id: here the ID ends both.
	id, ok := articleID(ref)
	d, err := s.findPublicDataset(r, id, ok)
	if err != nil {
		if c := congtin.ErrorCode(err); c == congtin.ENOTFOUND || c == congtin.EGONE {
			return nil, ckanNotFound()
		}
		return nil, err
	}
	return s.ckanPackage(siteFrom(r.Context()), d), nil
}

func (s *Server) ckanPackageSearch(r *http.Request, p ckanParams) (any, error) {
	rows, err := p.natural("rows", ckanRowsDefault)
	if err != nil {
		return nil, err
	}
	start, err := p.natural("start", 0)
	if err != nil {
		return nil, err
	}
	rows = min(rows, ckanRowsMax)
	site := siteFrom(r.Context())
	f := congtin.DatasetFilter{SiteID: site.ID, Public: true, Now: s.now()}
	if q := strings.TrimSpace(p["q"]); q != "" && q != "*:*" {
		// The catalogue's Vietnamese search, as on /du-lieu-mo.
		f.Q = listQuery(q)
	}
	none, err := ckanFilterQuery(p["fq"], &f)
	if err != nil {
		return nil, err
	}
	result := map[string]any{"count": 0, "results": []any{}, "sort": "metadata_modified desc", "facets": map[string]any{}, "search_facets": map[string]any{}}
	if none {
		return result, nil
	}
	// rows=0 asks for the count alone.
	f.Offset, f.Limit = start, max(rows, 1)
	ds, total, err := s.Datasets.FindDatasets(r.Context(), f)
	if err != nil {
		return nil, err
	}
	results := []any{}
	for _, d := range ds[:min(rows, len(ds))] {
		results = append(results, s.ckanPackage(site, d))
	}
	result["count"], result["results"] = total, results
	return result, nil
}

// ckanFilterQuery reads package_search's fq, Solr's field:value clauses
// joined by AND, for the four fields the catalogue filters by. A value
// naming nothing (an unknown organization) selects nothing, as in CKAN;
// another field is refused, since ignoring it would return more than
// was asked for.
func ckanFilterQuery(fq string, f *congtin.DatasetFilter) (none bool, err error) {
	for _, clause := range fqClauses(fq) {
		field, value, ok := strings.Cut(strings.TrimPrefix(clause, "+"), ":")
		value = strings.Trim(value, `"`)
		if !ok || value == "" {
			return false, &ckanError{http.StatusBadRequest, map[string]any{"__type": "Search Query Error",
				"message": "Search Query is invalid: điều kiện lọc “" + clip(clause) + "” không đúng dạng trường:giá trị."}}
		}
		switch field {
		case "organization", "owner_org":
			id, ok := articleID(value)
			none = none || !ok || (f.PublisherID != 0 && f.PublisherID != id)
			f.PublisherID = id
		case "groups":
			id, ok := articleID(value)
			none = none || !ok || (f.ThemeID != 0 && f.ThemeID != id)
			f.ThemeID = id
		case "res_format":
			v := strings.ToUpper(value)
			none = none || !congtin.ValidFormat(v) || (f.Format != "" && f.Format != v)
			f.Format = v
		case "license_id":
			none = none || congtin.LicenceOf(value) == nil || (f.Licence != "" && f.Licence != value)
			f.Licence = value
		default:
			return false, &ckanError{http.StatusBadRequest, map[string]any{"__type": "Search Query Error",
				"message": "Search Query is invalid: không lọc được theo trường “" + clip(field) + "”; hãy dùng organization, groups, res_format hoặc license_id."}}
		}
	}
	return none, nil
}

// fqClauses splits fq at spaces outside quotes, dropping the AND between
// clauses.
func fqClauses(fq string) []string {
	var out []string
	var b strings.Builder
	quoted := false
	flush := func() {
		if c := b.String(); c != "" && c != "AND" && c != "&&" {
			out = append(out, c)
		}
		b.Reset()
	}
	for _, r := range fq {
		switch {
		case r == '"':
			quoted = !quoted
			b.WriteRune(r)
		case !quoted && (r == ' ' || r == '\t' || r == '\n'):
			flush()
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return out
}

func (s *Server) ckanFacetList(r *http.Request, p ckanParams, org bool) (any, error) {
	site := siteFrom(r.Context())
	fs, err := s.Datasets.FindDatasetFacets(r.Context(), congtin.DatasetFilter{SiteID: site.ID, Public: true, Now: s.now()})
	if err != nil {
		return nil, err
	}
	values := fs.Themes
	if org {
		values = fs.Publishers
	}
	var groups []map[string]any
	for _, v := range values {
		groups = append(groups, ckanGroup(v.ID, v.Name, org, v.Count))
	}
	slices.SortFunc(groups, func(a, b map[string]any) int { return strings.Compare(a["name"].(string), b["name"].(string)) })
	if p.flag("all_fields") {
		return append([]map[string]any{}, groups...), nil
	}
	names := []string{}
	for _, g := range groups {
		names = append(names, g["name"].(string))
	}
	return names, nil
}

// ckanOrganizationList lists the publishing units of published datasets.
func (s *Server) ckanOrganizationList(r *http.Request, p ckanParams) (any, error) {
	return s.ckanFacetList(r, p, true)
}

// ckanGroupList lists the themes of published datasets.
func (s *Server) ckanGroupList(r *http.Request, p ckanParams) (any, error) {
	return s.ckanFacetList(r, p, false)
}

func (s *Server) ckanStatusShow(r *http.Request, _ ckanParams) (any, error) {
	site := siteFrom(r.Context())
	return map[string]any{
		"site_title": site.Name, "site_url": s.siteURL(site, "/"), "site_description": site.Tagline,
		// The version of CKAN whose action API this subset follows.
		"ckan_version": "2.10.0", "locale_default": "vi", "error_emails_to": nil, "extensions": []string{},
	}, nil
}
