package web_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/counters"
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

// Downloads are counted exactly, per resource, crawlers, HEAD requests
// and resumed parts left out, shown on the dataset page at once (pending
// ones included) and kept in the store across a restart of the counter.
func TestDatasetDownloads(t *testing.T) {
	e := newEnv(t)
	files := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	e.server.Files = files
	d := mustDataset(t, e, files, "Dân số các tỉnh năm 2025", true)
	file, link := d.Resources[0], d.Resources[1]
	c := client(false)
	for range 3 {
		if r := e.fetch(c, "GET", file.DownloadPath(), browserUA); r.status != 200 {
			t.Fatalf("download: %d", r.status)
		}
	}
	e.fetch(c, "GET", link.DownloadPath(), browserUA)
	e.fetch(c, "GET", file.DownloadPath(), googlebotUA)
	e.fetch(c, "GET", file.DownloadPath(), "python-requests/2.31")
	e.fetch(c, "HEAD", file.DownloadPath(), browserUA)
	e.fetch(c, "GET", file.DownloadPath(), browserUA, "Range", "bytes=10-")
	e.fetch(c, "GET", file.DownloadPath(), browserUA, "Sec-Purpose", "prefetch")

	shown := func() (total, fileN string) {
		t.Helper()
		page := e.get(d.Path())
		if page.status != 200 {
			t.Fatalf("page: %d", page.status)
		}
		tot := find(page.doc, class("dataset-downloads"))
		per := findAll(page.doc, class("resource-downloads"))
		if tot == nil || len(per) != 1 {
			t.Fatalf("no download counts on the page")
		}
		return text(tot), text(per[0])
	}
	check := func(when string) {
		t.Helper()
		total, fileN := shown()
		if total != "Tổng số lượt tải: 4" || fileN != "3 lượt tải" {
			t.Errorf("%s: %q, %q", when, total, fileN)
		}
	}
	check("pending")
	// A restart: the counter's batch written, a new counter over the
	// same store reads what is stored.
	if err := e.counter.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := e.raw.ResourceDownloads(t.Context(), d.ID)
	if err != nil || n[file.ID] != 3 || n[link.ID] != 1 {
		t.Fatalf("stored: %v %v", n, err)
	}
	fresh := counters.New(e.db, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
	e.server.Counter = fresh
	check("after restart")
	fresh.CountDownload(e.site.ID, d.ID, file.ID)
	if total, _ := shown(); total != "Tổng số lượt tải: 5" {
		t.Errorf("stored plus pending: %q", total)
	}
}
