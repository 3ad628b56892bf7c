package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkCachedArticle is the cost of one article page served from the
// page cache, counted as a view by a new visitor, gzipped: the handler's
// own work, without the network.
func BenchmarkCachedArticle(b *testing.B) {
	e := newEnv(b)
	res := fixture(e)
	path := res[11].Article.Path(res[11].Category.Slug)
	h := e.srv.Config.Handler
	for _, gz := range []bool{false, true} {
		name := "plain"
		if gz {
			name = "gzip"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", path, nil)
				req.Header.Set("User-Agent", browserUA)
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}

// BenchmarkUncachedArticle is the cost of rendering one article page
// without the page cache: the service layer's and the store's reads (the
// article, its category, the newer and older lists, the counters), the
// templates, the view counted. It follows what a change to the layers
// below the handlers costs a reader.
func BenchmarkUncachedArticle(b *testing.B) {
	e := newEnv(b)
	res := fixture(e)
	path := res[11].Article.Path(res[11].Category.Slug)
	e.server.Cache = nil
	h := e.srv.Config.Handler
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("User-Agent", browserUA)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
