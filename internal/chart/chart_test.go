package chart

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// node is an SVG element read back with encoding/xml.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []node     `xml:",any"`
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) num(t *testing.T, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attr(name), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.XMLName.Local, name, n.attr(name), err)
	}
	return v
}

// all returns the elements under n (n included) that match.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	if match(n) {
		out = append(out, n)
	}
	for i := range n.Nodes {
		out = append(out, n.Nodes[i].all(match)...)
	}
	return out
}

func byClass(name, class string) func(*node) bool {
	return func(n *node) bool { return n.XMLName.Local == name && (class == "" || n.attr("class") == class) }
}

func parse(t *testing.T, c Chart) *node {
	t.Helper()
	var root node
	if err := xml.Unmarshal([]byte(Render(c)), &root); err != nil {
		t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, Render(c))
	}
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root element %v", root.XMLName)
	}
	return &root
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func points(values ...int64) []Point {
	var ps []Point
	for i, v := range values {
		ps = append(ps, Point{Label: fmt.Sprintf("%02d/03", i+1), Tip: fmt.Sprintf("%02d/03/2026: %d lượt", i+1, v), Value: v})
	}
	return ps
}

func TestBars(t *testing.T) {
	// The largest value is a round number: it is the top of the axis.
	c := Chart{ID: "truy-cap", Title: "Lượt truy cập theo ngày", Desc: "Tổng 1.750 lượt", Kind: Bars, Points: points(250, 0, 1000, 500)}
	svg := parse(t, c)
	if svg.attr("role") != "img" || svg.attr("aria-labelledby") != "truy-cap-title truy-cap-desc" {
		t.Fatalf("role %q, aria-labelledby %q", svg.attr("role"), svg.attr("aria-labelledby"))
	}
	title := svg.all(func(n *node) bool { return n.XMLName.Local == "title" && n.attr("id") == "truy-cap-title" })
	desc := svg.all(func(n *node) bool { return n.XMLName.Local == "desc" && n.attr("id") == "truy-cap-desc" })
	if len(title) != 1 || title[0].Text != c.Title || len(desc) != 1 || desc[0].Text != c.Desc {
		t.Fatalf("title %v, desc %v", title, desc)
	}
	bars := svg.all(byClass("rect", "bar"))
	if len(bars) != 4 {
		t.Fatalf("%d bars, want 4", len(bars))
	}
	p := PlotArea()
	h := p.Y1 - p.Y0
	for i, want := range []float64{h / 4, 0, h, h / 2} {
		b := bars[i]
		if got := b.num(t, "height"); !near(got, want) {
			t.Errorf("bar %d: height %v, want %v", i, got, want)
		}
		if bottom := b.num(t, "y") + b.num(t, "height"); !near(bottom, p.Y1) {
			t.Errorf("bar %d: stands on %v, want the baseline %v", i, bottom, p.Y1)
		}
		if b.num(t, "x") < p.X0 || b.num(t, "x")+b.num(t, "width") > p.X1 || b.num(t, "width") <= 0 {
			t.Errorf("bar %d outside the plot: x %v width %v", i, b.num(t, "x"), b.num(t, "width"))
		}
		if i > 0 && b.num(t, "x") <= bars[i-1].num(t, "x") {
			t.Errorf("bar %d is not right of bar %d", i, i-1)
		}
		if tip := b.Nodes[0]; tip.XMLName.Local != "title" || tip.Text != c.Points[i].Tip {
			t.Errorf("bar %d tooltip %q", i, tip.Text)
		}
	}
	if !near(bars[2].num(t, "y"), p.Y0) {
		t.Fatalf("the largest bar's top is at %v, want the top of the plot %v", bars[2].num(t, "y"), p.Y0)
	}
	// Gridlines at 200, 400, …, 1000, labelled from 0.
	var labels []string
	for _, n := range svg.all(byClass("g", "y-labels"))[0].Nodes {
		labels = append(labels, n.Text)
	}
	if got := strings.Join(labels, " "); got != "0 200 400 600 800 1000" {
		t.Fatalf("y labels %q", got)
	}
	if n := len(svg.all(byClass("g", "grid"))[0].Nodes); n != 5 {
		t.Fatalf("%d gridlines, want 5", n)
	}
	var xl []string
	for _, n := range svg.all(byClass("g", "x-axis"))[0].all(byClass("text", "")) {
		xl = append(xl, n.Text)
	}
	if got := strings.Join(xl, " "); got != "01/03 02/03 03/03 04/03" {
		t.Fatalf("x labels %q", got)
	}
}

func TestLine(t *testing.T) {
	// 1234 is not round: the axis goes to 1500, and the top point sits at
	// 1234/1500 of the height.
	vals := []int64{3, 1234, 0, 600, 17}
	c := Chart{ID: "xem", Title: "Lượt xem", Kind: Line, Points: points(vals...), Format: func(n int64) string { return "~" + strconv.FormatInt(n, 10) }}
	svg := parse(t, c)
	lines := svg.all(byClass("polyline", "line"))
	if len(lines) != 1 {
		t.Fatalf("%d polylines", len(lines))
	}
	pts := strings.Fields(lines[0].attr("points"))
	if len(pts) != len(vals) {
		t.Fatalf("%d points on the line, want %d", len(pts), len(vals))
	}
	p := PlotArea()
	lowest := p.Y1
	for i, s := range pts {
		xs, ys, _ := strings.Cut(s, ",")
		x, _ := strconv.ParseFloat(xs, 64)
		y, _ := strconv.ParseFloat(ys, 64)
		want := p.Y1 - float64(vals[i])/1500*(p.Y1-p.Y0)
		if !near(y, want) {
			t.Errorf("point %d: y %v, want %v", i, y, want)
		}
		if x <= p.X0 || x >= p.X1 {
			t.Errorf("point %d: x %v outside the plot", i, x)
		}
		lowest = min(lowest, y)
	}
	if _, ys, _ := strings.Cut(pts[1], ","); ys != f(lowest) {
		t.Fatalf("the largest value is not the highest point")
	}
	if got := len(svg.all(byClass("circle", ""))); got != len(vals) {
		t.Fatalf("%d dots, want %d", got, len(vals))
	}
	if got := len(svg.all(byClass("g", "point"))); got != len(vals) {
		t.Fatalf("%d tooltip columns, want %d", got, len(vals))
	}
	var labels []string
	for _, n := range svg.all(byClass("g", "y-labels"))[0].Nodes {
		labels = append(labels, n.Text)
	}
	if got := strings.Join(labels, " "); got != "~0 ~500 ~1000 ~1500" {
		t.Fatalf("y labels %q", got)
	}
}

func TestManyPointsAndEmpty(t *testing.T) {
	// A year of days: every value still drawn, dots left out.
	vals := make([]int64, 366)
	for i := range vals {
		vals[i] = int64(i % 50)
	}
	ps := points(vals...)
	for i := range ps {
		if i%30 != 0 {
			ps[i].Label = ""
		}
	}
	svg := parse(t, Chart{ID: "nam", Kind: Line, Points: ps})
	if got := len(strings.Fields(svg.all(byClass("polyline", ""))[0].attr("points"))); got != 366 {
		t.Fatalf("%d points", got)
	}
	if got := len(svg.all(byClass("circle", ""))); got != 0 {
		t.Fatalf("%d dots on 366 days, want none", got)
	}
	if got := len(svg.all(byClass("g", "x-axis"))[0].all(byClass("text", ""))); got != 13 {
		t.Fatalf("%d x labels, want 13", got)
	}
	bars := parse(t, Chart{ID: "nam2", Kind: Bars, Points: ps}).all(byClass("rect", "bar"))
	if len(bars) != 366 {
		t.Fatalf("%d bars", len(bars))
	}
	// Nothing counted: flat at the baseline, an axis from 0 to 1.
	zero := parse(t, Chart{ID: "rong", Kind: Bars, Points: points(0, 0, 0)})
	for _, b := range zero.all(byClass("rect", "bar")) {
		if b.num(t, "height") != 0 {
			t.Fatalf("a zero bar has height %v", b.num(t, "height"))
		}
	}
	// No points at all still makes a well-formed, empty chart.
	none := parse(t, Chart{ID: "khong", Kind: Line})
	if len(none.all(byClass("polyline", ""))) != 0 || len(none.all(byClass("rect", "bar"))) != 0 {
		t.Fatal("an empty chart drew values")
	}
}

func TestEscaping(t *testing.T) {
	evil := `</title><script>alert(1)</script>"'&`
	c := Chart{ID: `x" onload="alert(1)`, Title: evil, Desc: evil, Color: `red" onclick="x`, Points: []Point{{Label: evil, Tip: evil, Value: 1}}}
	out := string(Render(c))
	if strings.Contains(out, "<script") || strings.Contains(out, `" onload`) || strings.Contains(out, `" onclick`) {
		t.Fatalf("unescaped input in %s", out)
	}
	svg := parse(t, c)
	if got := svg.all(byClass("title", ""))[0].Text; got != evil {
		t.Fatalf("title read back as %q", got)
	}
}

func TestScale(t *testing.T) {
	for _, tc := range []struct{ max, top, step int64 }{
		{0, 1, 1}, {-5, 1, 1}, {1, 1, 1}, {3, 3, 1}, {5, 5, 1}, {6, 6, 2}, {7, 8, 2}, {10, 10, 2}, {11, 15, 5},
		{54, 60, 20}, {100, 100, 20}, {101, 150, 50}, {999, 1000, 200}, {1000, 1000, 200}, {1234, 1500, 500},
		{4_128_356, 5_000_000, 1_000_000},
	} {
		top, step := Scale(tc.max)
		if top != tc.top || step != tc.step {
			t.Errorf("Scale(%d) = %d, %d; want %d, %d", tc.max, top, step, tc.top, tc.step)
		}
		if top < tc.max || top/step > maxSteps || top%step != 0 {
			t.Errorf("Scale(%d) = %d, %d breaks the rules", tc.max, top, step)
		}
	}
}
