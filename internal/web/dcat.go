package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/dcat"
)

// The catalogue in DCAT-AP for harvesters: /du-lieu-mo/catalog.jsonld and
// /du-lieu-mo/catalog.ttl, every published dataset in one document (a
// ministry's catalogue holds hundreds, not millions; the national portal
// harvests it whole).

// harvestPage is how many datasets one query of a whole-catalogue read
// takes.
const harvestPage = 500

// publicDatasets reads every dataset of the site that readers may see,
// with its resources.
func (s *Server) publicDatasets(ctx context.Context, site *congtin.Site) ([]*congtin.Dataset, error) {
	f := congtin.DatasetFilter{SiteID: site.ID, Public: true, Now: s.now(), Limit: harvestPage}
	var all []*congtin.Dataset
	for {
		ds, total, err := s.Datasets.FindDatasets(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, ds...)
		f.Offset += harvestPage
		if len(ds) == 0 || f.Offset >= total {
			return all, nil
		}
	}
}

// siteURLs is the dcat package's view of siteURL.
func (s *Server) siteURLs(site *congtin.Site) dcat.URLFunc {
	return func(path string) string { return s.siteURL(site, path) }
}

func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	ds, err := s.publicDatasets(r.Context(), site)
	if err != nil {
		s.error(w, r, err)
		return
	}
	g := dcat.Catalog(site, s.siteURLs(site), ds)
	var b bytes.Buffer
	contentType := "text/turtle; charset=utf-8"
	if strings.HasSuffix(r.URL.Path, ".jsonld") {
		contentType = "application/ld+json"
		var out []byte
		if out, err = dcat.JSONLD(g); err == nil {
			b.Write(out)
		}
	} else {
		err = dcat.Turtle(&b, g)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "public, max-age=600")
	w.Write(b.Bytes())
}
