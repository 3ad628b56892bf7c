package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"sync"
)

// Chrome keeps the parts of the public layout that every page of a site
// shares (the menu, the sidebar's category tree, the footer), rendered.
// They were a third of the template work of an uncached article page,
// walked through reflection for every page of a deep archive although
// they change only when the site's settings, categories or links do.
//
// One Chrome belongs to one site as read at one moment: the web server
// keeps it with the site's categories and links and drops them together
// when the change log says the site changed, so nothing here is ever
// stale. A fragment is keyed by what else it reads: the menu entry
// marked current and the footer's year.
type Chrome struct {
	mu sync.RWMutex
	m  map[string]template.HTML
}

// maxChrome bounds the fragments one site keeps: one per menu entry that
// can be current, which a site has a few dozen of.
const maxChrome = 512

// NewChrome returns an empty fragment cache for one site.
func NewChrome() *Chrome { return &Chrome{} }

func (c *Chrome) get(key string) (template.HTML, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	h, ok := c.m[key]
	return h, ok
}

func (c *Chrome) put(key string, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxChrome {
		c.m = map[string]template.HTML{}
	}
	c.m[key] = h
}

// chromed is a page built on Base (every public page embeds it).
type chromed interface{ chromeBase() *Base }

func (b *Base) chromeBase() *Base { return b }

// chromeFunc renders one of the layout's shared fragments for a page,
// from its site's Chrome when the page has one. Only Vietnamese pages
// share them: the English pages build their own menu.
func (e *Engine) chromeFunc(name string, data any) (template.HTML, error) {
	var b *Base
	if p, ok := data.(chromed); ok {
		b = p.chromeBase()
	}
	var key string
	if b != nil && b.Chrome != nil && b.Lang == "" {
		key = name + "\x00" + b.ActiveSlug + "\x00" + strconv.Itoa(b.Year)
		if h, ok := b.Chrome.get(key); ok {
			return h, nil
		}
	}
	// The fragments are defined in layout.html, the same in every
	// public page's set.
	var buf bytes.Buffer
	if err := e.sets["home"].ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("chrome %s: %w", name, err)
	}
	h := template.HTML(buf.String()) // produced by html/template: escaped
	if key != "" {
		b.Chrome.put(key, h)
	}
	return h, nil
}
