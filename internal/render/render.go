// Package render turns typed page structs into HTML with html/template.
// Templates are embedded and parsed once at start-up; each page gets its own
// set (the layout, the partials and the page), so that pages cannot
// overwrite each other's blocks.
package render

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"
)

//go:embed templates
var templateFS embed.FS

// pages lists every page template. Start-up fails if a page file on disk is
// missing here or the other way round, so a new page cannot be forgotten.
var pages = []string{"home", "article", "list", "print", "error"}

// layoutless pages stand alone: the print view has no menus.
var layoutless = map[string]bool{"print": true}

// Engine renders pages.
type Engine struct {
	sets map[string]*template.Template
}

// New parses the templates. assetURL maps a static file name to its
// versioned URL.
func New(assetURL func(string) string) (*Engine, error) {
	onDisk, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range onDisk {
		names = append(names, strings.TrimSuffix(path.Base(p), ".html"))
	}
	sort.Strings(names)
	want := append([]string(nil), pages...)
	sort.Strings(want)
	if strings.Join(names, ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("render: page templates on disk %v differ from the registered pages %v", names, want)
	}
	funcs := Funcs(assetURL)
	e := &Engine{sets: map[string]*template.Template{}}
	for _, name := range pages {
		files := []string{"templates/partials/*.html", "templates/pages/" + name + ".html"}
		if !layoutless[name] {
			files = append([]string{"templates/layout.html"}, files...)
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("render: parse %s: %w", name, err)
		}
		e.sets[name] = t
	}
	return e, nil
}

// Render writes the page with the HTTP status. The page is rendered to a
// buffer first, so a template error never leaves half a page on the wire.
func (e *Engine) Render(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := e.sets[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	entry := "layout"
	if layoutless[name] {
		entry = name
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, entry, data); err != nil {
		return fmt.Errorf("render: %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}
