package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// TestLiveFragments: the Go-built fragments are well-formed HTML with the
// numbers in both their machine and their Vietnamese forms.
func TestLiveFragments(t *testing.T) {
	c := string(AppendCounter(nil, congtin.VisitStats{Total: 1234567, Today: 1500, Active: 3}))
	for _, want := range []string{`data-total="1234567"`, `1.234.567 lượt`, `data-today="1500">1.500<`, `data-active="3">3<`,
		`<span class="digit" aria-hidden="true">1</span><span class="digit" aria-hidden="true">2</span>`, "SỐ LƯỢT TRUY CẬP"} {
		if !strings.Contains(c, want) {
			t.Errorf("counter lacks %q:\n%s", want, c)
		}
	}
	if got := string(AppendViews(nil, 12345)); got != `<strong data-views="12345">12.345</strong>` {
		t.Errorf("views: %s", got)
	}
	// Balanced: parsing and rendering back changes nothing but whitespace.
	doc, err := html.Parse(strings.NewReader("<body>" + c))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	html.Render(&b, doc)
	if strings.Count(b.String(), "<span") != strings.Count(c, "<span") || !strings.Contains(b.String(), "</section>") {
		t.Errorf("counter HTML does not parse back the same:\n%s", b.String())
	}
}
