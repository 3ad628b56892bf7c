package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/congtin/congtin"
)

// A page is rendered once into a Doc: its static parts, with holes where
// live values go (the SỐ LƯỢT TRUY CẬP box and an article's view count).
// The Doc can be cached and filled with the current values for each
// reader, so a cached page still shows exact, live counters.

// Live holds the values that fill a Doc's holes.
type Live struct {
	Counter   congtin.VisitStats
	Views     int64
	NoCounter bool // leave the counter box out
	// Poll is the home page's poll box, already rendered (Engine.PollBox):
	// its counts and whether this browser has voted are the reader's.
	Poll []byte
}

// LiveSource is a page that knows its own live values, for pages rendered
// straight to the response.
type LiveSource interface{ LiveValues() Live }

// LiveValues implements LiveSource.
func (b *Base) LiveValues() Live { return Live{Counter: b.Counter, NoCounter: b.NoCounter} }

// LiveValues implements LiveSource.
func (p *HomePage) LiveValues() Live {
	return Live{Counter: p.Counter, NoCounter: p.NoCounter, Poll: p.PollBox}
}

// LiveValues implements LiveSource.
func (p *ArticlePage) LiveValues() Live { return Live{Counter: p.Counter, Views: p.Views} }

// LiveValues implements LiveSource: the print views show no counters.
func (p *PrintBase) LiveValues() Live { return Live{} }

// Markers use characters from Unicode's private use area, which the
// escaper leaves alone and no sanitized text can hold where a marker would
// be mistaken: they are only looked for between the layout's own tags.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// liveNames are the holes a template may ask for (see WriteLive).
var liveNames = map[string]bool{"counter": true, "views": true, "poll": true}

func liveMarker(name string) (template.HTML, error) {
	if !liveNames[name] {
		return "", fmt.Errorf("render: no live value %q", name)
	}
	return template.HTML(markOpen + name + markClose), nil
}

// Part is a piece of a Doc: static bytes, or the name of a live value.
type Part struct {
	Static []byte
	Live   string
}

// Doc is a rendered page with holes.
type Doc struct {
	Parts []Part
}

// Has reports whether the page has a hole for the named live value.
func (d *Doc) Has(name string) bool {
	for _, p := range d.Parts {
		if p.Live == name {
			return true
		}
	}
	return false
}

// Size is the length of the static parts.
func (d *Doc) Size() int {
	n := 0
	for _, p := range d.Parts {
		n += len(p.Static)
	}
	return n
}

// Doc renders a page into a Doc.
func (e *Engine) Doc(name string, data any) (*Doc, error) {
	t, ok := e.sets[name]
	if !ok {
		return nil, fmt.Errorf("render: no page %q", name)
	}
	entry := pages[name]
	if entry == "" {
		entry = name[strings.LastIndexByte(name, '/')+1:]
	}
	v, _ := e.sizes.LoadOrStore(name, new(atomic.Int64))
	size := v.(*atomic.Int64)
	var buf bytes.Buffer
	buf.Grow(int(size.Load()) + 1024)
	if err := t.ExecuteTemplate(&buf, entry, data); err != nil {
		return nil, fmt.Errorf("render: %s: %w", name, err)
	}
	size.Store(int64(buf.Len()))
	return split(buf.Bytes()), nil
}

// split cuts rendered HTML at the markers.
func split(b []byte) *Doc {
	d := &Doc{}
	for {
		i := bytes.Index(b, []byte(markOpen))
		if i < 0 {
			break
		}
		j := bytes.Index(b[i:], []byte(markClose))
		if j < 0 {
			break
		}
		name := string(b[i+len(markOpen) : i+j])
		if !liveNames[name] {
			break
		}
		d.Parts = append(d.Parts, Part{Static: b[:i:i]}, Part{Live: name})
		b = b[i+j+len(markClose):]
	}
	d.Parts = append(d.Parts, Part{Static: b})
	return d
}

// WriteLive writes one live value's HTML. These two fragments are built
// in Go rather than by a template: they are written for every reader of
// every cached page, and template execution (reflection) cost more than
// the rest of serving such a page. They hold only digits and fixed text.
func (e *Engine) WriteLive(w io.Writer, name string, v Live) error {
	var b []byte
	switch name {
	case "counter":
		if v.NoCounter {
			return nil
		}
		b = AppendCounter(make([]byte, 0, 1024), v.Counter)
	case "views":
		b = AppendViews(make([]byte, 0, 64), v.Views)
	case "poll":
		b = v.Poll
	default:
		return fmt.Errorf("render: no live value %q", name)
	}
	_, err := w.Write(b)
	return err
}

// AppendCounter appends the SỐ LƯỢT TRUY CẬP box.
func AppendCounter(b []byte, st congtin.VisitStats) []byte {
	b = append(b, `<section class="box counter" aria-labelledby="so-luot-truy-cap">
  <h2 id="so-luot-truy-cap" class="box-title">SỐ LƯỢT TRUY CẬP</h2>
  <p class="odometer" data-total="`...)
	b = strconv.AppendInt(b, st.Total, 10)
	b = append(b, `"><span class="visually-hidden">`...)
	b = append(b, Number(st.Total)...)
	b = append(b, ` lượt</span>`...)
	for _, d := range Digits(st.Total) {
		b = append(b, `<span class="digit" aria-hidden="true">`...)
		b = append(b, d...)
		b = append(b, `</span>`...)
	}
	b = append(b, `</p>
  <dl class="counter-stats">
    <div><dt>Đang truy cập</dt><dd data-active="`...)
	b = strconv.AppendInt(b, st.Active, 10)
	b = append(b, `">`...)
	b = append(b, Number(st.Active)...)
	b = append(b, `</dd></div>
    <div><dt>Hôm nay</dt><dd data-today="`...)
	b = strconv.AppendInt(b, st.Today, 10)
	b = append(b, `">`...)
	b = append(b, Number(st.Today)...)
	return append(b, `</dd></div>
  </dl>
</section>`...)
}

// AppendViews appends an article's view count.
func AppendViews(b []byte, n int64) []byte {
	b = append(b, `<strong data-views="`...)
	b = strconv.AppendInt(b, n, 10)
	b = append(b, `">`...)
	b = append(b, Number(n)...)
	return append(b, `</strong>`...)
}

// Fill writes the page with its live values.
func (e *Engine) Fill(w io.Writer, d *Doc, v Live) error {
	for _, p := range d.Parts {
		if p.Live == "" {
			if _, err := w.Write(p.Static); err != nil {
				return err
			}
			continue
		}
		if err := e.WriteLive(w, p.Live, v); err != nil {
			return err
		}
	}
	return nil
}
