// Package chart draws simple bar and line charts as inline SVG on the
// server, so the back office shows its statistics without a JavaScript
// chart library or an outside service, and the charts print and scale
// like the rest of the page.
//
// A chart is one series of whole numbers, one point per category on the
// x axis (in the statistics, a day). The y axis starts at 0 and ends at a
// round number at or above the largest value, with gridlines at round
// steps. The SVG carries role="img" with a <title> and <desc>; the page is
// expected to give the figures as a table too.
package chart

import (
	"html/template"
	"strconv"
	"strings"
)

// Kind is how the values are drawn.
type Kind int

const (
	// Bars draws a bar per point.
	Bars Kind = iota
	// Line joins the points with a line over a lightly filled area.
	Line
)

// Point is one value of the series.
type Point struct {
	Label string // shown under the x axis at this point; "" for none
	Tip   string // shown when the pointer rests on the point
	Value int64  // 0 or more; negative values are drawn as 0
}

// Chart is a chart to draw.
type Chart struct {
	ID     string // unique on the page: the title and desc IDs derive from it
	Title  string
	Desc   string
	Kind   Kind
	Color  string // CSS color of the bars or line; a dark blue if empty
	Points []Point
	// Format writes the y axis' numbers; strconv.FormatInt if nil.
	Format func(int64) string
}

// The drawing's size in SVG units; the page scales it to its width. The
// margins hold the y axis labels (left) and the x axis labels (bottom).
const (
	Width        = 960
	Height       = 300
	marginLeft   = 72
	marginRight  = 12
	marginTop    = 14
	marginBottom = 34
	maxSteps     = 5 // gridlines above the baseline, at most
)

// Plot is where the values are drawn inside the SVG.
type Plot struct {
	X0, Y0, X1, Y1 float64 // left, top, right, bottom
}

// PlotArea returns the area the values are drawn in.
func PlotArea() Plot {
	return Plot{X0: marginLeft, Y0: marginTop, X1: Width - marginRight, Y1: Height - marginBottom}
}

// Scale returns the top of the y axis and the step between gridlines for
// a largest value: round numbers (1, 2 or 5 times a power of ten) with at
// most maxSteps steps, the top at or above max. An empty or all-zero
// series gets an axis from 0 to 1.
func Scale(max int64) (top, step int64) {
	if max <= 0 {
		return 1, 1
	}
	mag := int64(1)
	for mag*10 <= max/maxSteps {
		mag *= 10
	}
	for _, m := range []int64{1, 2, 5, 10, 20} {
		step = m * mag
		if steps := (max + step - 1) / step; steps <= maxSteps {
			return steps * step, step
		}
	}
	return max, max // not reached: 20*mag steps always fit
}

// Render returns the chart as an <svg> element. Every text in it is
// escaped; the result is safe to put in a page.
func Render(c Chart) template.HTML {
	format := c.Format
	if format == nil {
		format = func(n int64) string { return strconv.FormatInt(n, 10) }
	}
	color := c.Color
	if color == "" {
		color = "#0b4a8b"
	}
	var largest int64
	for _, p := range c.Points {
		largest = max(largest, p.Value)
	}
	top, step := Scale(largest)
	p := PlotArea()
	y := func(v int64) float64 {
		return p.Y1 - float64(max(v, 0))/float64(top)*(p.Y1-p.Y0)
	}
	n := len(c.Points)
	slot := (p.X1 - p.X0) / float64(max(n, 1))
	center := func(i int) float64 { return p.X0 + (float64(i)+0.5)*slot }

	var b strings.Builder
	id := esc(c.ID)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ` + itoa(Width) + ` ` + itoa(Height) + `"`)
	b.WriteString(` role="img" aria-labelledby="` + id + `-title ` + id + `-desc" font-size="14">`)
	b.WriteString(`<title id="` + id + `-title">` + esc(c.Title) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + esc(c.Desc) + `</desc>`)

	// Gridlines with their values, the baseline last so it is drawn on top.
	b.WriteString(`<g class="grid" stroke="#e1e4e8" stroke-width="1">`)
	for v := step; v <= top; v += step {
		b.WriteString(`<line x1="` + f(p.X0) + `" y1="` + f(y(v)) + `" x2="` + f(p.X1) + `" y2="` + f(y(v)) + `"/>`)
	}
	b.WriteString(`</g><g class="y-labels" fill="#555" text-anchor="end">`)
	for v := int64(0); v <= top; v += step {
		b.WriteString(`<text x="` + f(p.X0-8) + `" y="` + f(y(v)+4) + `">` + esc(format(v)) + `</text>`)
	}
	b.WriteString(`</g>`)

	switch c.Kind {
	case Line:
		var pts []string
		for i, pt := range c.Points {
			pts = append(pts, f(center(i))+","+f(y(pt.Value)))
		}
		b.WriteString(`<g class="series">`)
		if n > 0 {
			area := "M" + f(center(0)) + "," + f(p.Y1) + " L" + strings.Join(pts, " L") + " L" + f(center(n-1)) + "," + f(p.Y1) + " Z"
			b.WriteString(`<path class="area" d="` + area + `" fill="` + esc(color) + `" fill-opacity="0.12" stroke="none"/>`)
			b.WriteString(`<polyline class="line" points="` + strings.Join(pts, " ") + `" fill="none" stroke="` + esc(color) + `" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`)
		}
		// Dots only where they stay apart; the tooltips go on invisible
		// columns over each day, easy to hit however many days there are.
		r := 0.0
		if slot >= 8 {
			r = min(4, slot/4)
		}
		for i, pt := range c.Points {
			b.WriteString(`<g class="point"><rect x="` + f(p.X0+float64(i)*slot) + `" y="` + f(p.Y0) + `" width="` + f(slot) + `" height="` + f(p.Y1-p.Y0) + `" fill="transparent"/>`)
			if r > 0 {
				b.WriteString(`<circle cx="` + f(center(i)) + `" cy="` + f(y(pt.Value)) + `" r="` + f(r) + `" fill="#fff" stroke="` + esc(color) + `" stroke-width="2"/>`)
			}
			b.WriteString(`<title>` + esc(pt.Tip) + `</title></g>`)
		}
		b.WriteString(`</g>`)
	default:
		// A bar fills 70% of its slot; at least a hairline apart.
		gap := max(slot*0.15, 0.5)
		if slot < 2 {
			gap = 0
		}
		b.WriteString(`<g class="series" fill="` + esc(color) + `">`)
		for i, pt := range c.Points {
			yv := y(pt.Value)
			b.WriteString(`<rect class="bar" x="` + f(p.X0+float64(i)*slot+gap) + `" y="` + f(yv) + `" width="` + f(slot-2*gap) + `" height="` + f(p.Y1-yv) + `">`)
			b.WriteString(`<title>` + esc(pt.Tip) + `</title></rect>`)
		}
		b.WriteString(`</g>`)
	}

	b.WriteString(`<g class="x-axis" fill="#555" text-anchor="middle">`)
	b.WriteString(`<line x1="` + f(p.X0) + `" y1="` + f(p.Y1) + `" x2="` + f(p.X1) + `" y2="` + f(p.Y1) + `" stroke="#8a8a92" stroke-width="1"/>`)
	for i, pt := range c.Points {
		if pt.Label == "" {
			continue
		}
		x := f(center(i))
		b.WriteString(`<line x1="` + x + `" y1="` + f(p.Y1) + `" x2="` + x + `" y2="` + f(p.Y1+5) + `" stroke="#8a8a92" stroke-width="1"/>`)
		b.WriteString(`<text x="` + x + `" y="` + f(p.Y1+20) + `">` + esc(pt.Label) + `</text>`)
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

// f writes a coordinate with at most two decimals, which is finer than
// any screen shows a 960-unit drawing.
func f(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func itoa(n int) string { return strconv.Itoa(n) }

// esc escapes text for both HTML and XML: the SVG is inline in HTML, and
// the tests read it back as XML.
func esc(s string) string { return template.HTMLEscapeString(s) }
