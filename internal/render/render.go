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
	"sync"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin"
)

//go:embed templates
var templateFS embed.FS

// pages lists every page template with the layout it renders in: the
// public "layout", the back office's "admin", or "print" for the print
// views ("" for a page that stands alone). Start-up fails if a page file
// on disk is missing here or the other way round, so a new page cannot be
// forgotten. Public pages live in templates/pages, back-office pages in
// templates/admin/pages under the name "admin/NAME".
var pages = map[string]string{
	"home": "layout", "article": "layout", "list": "layout", "error": "layout", "print": "print", "search": "layout", "feeds": "layout",
	"admin/login": "admin", "admin/dashboard": "admin", "admin/articles": "admin", "admin/article_edit": "admin",
	"admin/revisions": "admin", "admin/media": "admin", "admin/categories": "admin", "admin/users": "admin",
	"admin/settings": "admin", "admin/audit": "admin", "admin/password": "admin", "admin/sites": "admin", "admin/error": "admin",
	"admin/stats": "admin", "admin/notifications": "admin",
	// Hỏi đáp (Q&A).
	"qa_list": "layout", "qa_question": "layout", "qa_form": "layout", "qa_lookup": "layout", "qa_print": "print",
	"admin/questions": "admin", "admin/question_edit": "admin", "admin/question_revisions": "admin", "admin/qa_fields": "admin",
	// The portal's own sections (schedule, about, links, English).
	"schedule": "layout", "schedule_print": "print", "about_index": "layout", "about": "layout", "orgchart": "layout",
	"links": "layout", "about_print": "print",
	"admin/schedule": "admin", "admin/pages": "admin", "admin/page_edit": "admin", "admin/page_revisions": "admin",
	"admin/units": "admin", "admin/links": "admin",
	// The site's abbreviations and equivalent spellings, for its searches.
	"admin/spellings": "admin",
	// The lists' bulk actions: the confirmation without JavaScript.
	"admin/bulk_confirm": "admin",
	// The image library's page of one image.
	"admin/media_edit": "admin",
	// Previews of items before they are public.
	"admin/preview": "admin",
	// API tokens: listed and revoked.
	"admin/tokens": "admin",
	// Thăm dò ý kiến (polls).
	"polls": "layout", "poll": "layout", "admin/polls": "admin", "admin/poll_edit": "admin",
}

// Engine renders pages.
type Engine struct {
	sets map[string]*template.Template
	// now is the clock of the states pages show (an article's Hẹn giờ);
	// nil: time.Now.
	now atomic.Pointer[func() time.Time]
	// sizes are the last rendered size of each page, by name: Doc's
	// buffer starts that large instead of doubling its way up from 64
	// bytes (a third of an uncached article's allocations).
	sizes sync.Map // name → *atomic.Int64
}

// SetClock makes the pages show states at now's time instead of the
// system's (tests move the clock).
func (e *Engine) SetClock(now func() time.Time) { e.now.Store(&now) }

func (e *Engine) clock() time.Time {
	if f := e.now.Load(); f != nil && *f != nil {
		return (*f)()
	}
	return time.Now()
}

func pageFile(name string) string {
	if rest, ok := strings.CutPrefix(name, "admin/"); ok {
		return "templates/admin/pages/" + rest + ".html"
	}
	return "templates/pages/" + name + ".html"
}

// New parses the templates. assetURL maps a static file name to its
// versioned URL.
func New(assetURL func(string) string) (*Engine, error) {
	var onDisk []string
	for _, pattern := range []string{"templates/pages/*.html", "templates/admin/pages/*.html"} {
		files, err := fs.Glob(templateFS, pattern)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if strings.HasPrefix(f, "templates/admin/") {
				name = "admin/" + name
			}
			onDisk = append(onDisk, name)
		}
	}
	var want []string
	for name := range pages {
		want = append(want, name)
	}
	sort.Strings(onDisk)
	sort.Strings(want)
	if strings.Join(onDisk, ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("render: page templates on disk %v differ from the registered pages %v", onDisk, want)
	}
	funcs := Funcs(assetURL)
	e := &Engine{sets: map[string]*template.Template{}}
	// articleState is an article's state as the back office shows it:
	// Hẹn giờ for one published with its time ahead.
	funcs["articleState"] = func(a *congtin.Article) string { return a.State(e.clock()) }
	funcs["chrome"] = e.chromeFunc
	for name, layout := range pages {
		var files []string
		switch layout {
		case "layout":
			files = []string{"templates/layout.html", "templates/partials/*.html"}
		case "admin":
			files = []string{"templates/admin/layout.html", "templates/admin/partials/*.html"}
		case "print":
			files = []string{"templates/print.html", "templates/partials/*.html"}
		default:
			files = []string{"templates/partials/*.html"}
		}
		t, err := template.New(path.Base(name)).Funcs(funcs).ParseFS(templateFS, append(files, pageFile(name))...)
		if err != nil {
			return nil, fmt.Errorf("render: parse %s: %w", name, err)
		}
		e.sets[name] = t
	}
	return e, nil
}

// Render writes the page with the HTTP status. The page is rendered to a
// buffer first, so a template error never leaves half a page on the wire.
// Live values come from the page itself (see LiveSource).
func (e *Engine) Render(w http.ResponseWriter, status int, name string, data any) error {
	d, err := e.Doc(name, data)
	if err != nil {
		return err
	}
	var v Live
	if src, ok := data.(LiveSource); ok {
		v = src.LiveValues()
	}
	var buf bytes.Buffer
	if err := e.Fill(&buf, d, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err = w.Write(buf.Bytes())
	return err
}
