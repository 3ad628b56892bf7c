package demo

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// nows are the moments the tests generate the demo for: a working
// afternoon, an early morning (before any office hour of the day), a
// Sunday, and a date before the 2025 reforms.
var nows = []time.Time{
	time.Date(2025, 11, 26, 15, 30, 0, 0, ict),
	time.Date(2026, 3, 2, 6, 5, 0, 0, ict),
	time.Date(2025, 8, 31, 10, 0, 0, 0, time.UTC),
	time.Date(2023, 5, 15, 9, 0, 0, 0, ict),
}

func TestContent(t *testing.T) {
	for _, now := range nows {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) { checkContent(t, now) })
	}
}

func checkContent(t *testing.T, now time.Time) {
	site, recs := Content(now)
	if site.Name == "" || site.Agency == "" || site.Email == "" || site.CounterOffset < 1_000_000 || site.CounterOffset > 9_999_999 {
		t.Errorf("site settings incomplete: %+v", site)
	}
	if !strings.HasSuffix(site.Email, ".example") {
		t.Errorf("site email %q is not on an example domain", site.Email)
	}
	if len(recs) < 200 {
		t.Fatalf("got %d articles, want at least 200", len(recs))
	}

	ids := map[string]bool{}
	pairs := map[string]bool{}
	perCategory := map[string]int{}
	var oldest, newest time.Time
	featured, withImage := 0, 0
	for i := range recs {
		r := recs[i]
		r.Normalize()
		at, ferr := r.Validate()
		if ferr != nil {
			t.Errorf("article %s %q: %v", r.ExternalID, r.Title, ferr)
			continue
		}
		if r != recs[i] {
			t.Errorf("article %s changes when normalized", r.ExternalID)
		}
		if r.Slug != "" {
			t.Errorf("article %s has a slug; the importer derives it", r.ExternalID)
		}
		if _, off := at.Zone(); off != 7*3600 {
			t.Errorf("article %s published_at %s is not in +07:00", r.ExternalID, r.PublishedAt)
		}
		if at.After(now) {
			t.Errorf("article %s published at %s, after now %s", r.ExternalID, r.PublishedAt, now)
		}
		if m := at.Hour()*60 + at.Minute(); m < 7*60 || m > 17*60+30 {
			t.Errorf("article %s published at %s, outside office hours", r.ExternalID, r.PublishedAt)
		}
		if ids[r.ExternalID] || !strings.HasPrefix(r.ExternalID, "demo-") {
			t.Errorf("external ID %q repeated or malformed", r.ExternalID)
		}
		ids[r.ExternalID] = true
		pair := r.Title + "\x00" + r.PublishedAt
		if pairs[pair] {
			t.Errorf("title and date repeated: %q %s", r.Title, r.PublishedAt)
		}
		pairs[pair] = true
		perCategory[r.Category]++
		if oldest.IsZero() || at.Before(oldest) {
			oldest = at
		}
		if at.After(newest) {
			newest = at
		}
		if i > 0 {
			prev, _ := time.Parse(time.RFC3339, recs[i-1].PublishedAt)
			if !prev.Before(at) {
				t.Errorf("article %s is not after the one before it", r.ExternalID)
			}
		}
		if r.Featured {
			featured++
		}
		if r.Image != "" {
			withImage++
		}
		checkText(t, r.ExternalID+" title", r.Title)
		checkText(t, r.ExternalID+" lead", r.Lead)
		checkText(t, r.ExternalID+" author", r.Author)
		if strings.ContainsAny(r.Lead, "<>") {
			t.Errorf("article %s lead is not plain text: %q", r.ExternalID, r.Lead)
		}
		if n := strings.Count(r.Lead, ". ") + 1; n > 3 {
			t.Errorf("article %s lead has %d sentences", r.ExternalID, n)
		}
		checkBody(t, r.ExternalID, r.Body)
	}

	if span := newest.Sub(oldest); span < 4*365*24*time.Hour {
		t.Errorf("articles span %v, want at least 4 years", span)
	}
	if age := now.Sub(newest); age > 48*time.Hour {
		t.Errorf("newest article is %v old, want at most two days", age)
	}
	for c, n := range perCategory {
		if n < 5 {
			t.Errorf("category %q has %d articles, want at least 5", c, n)
		}
		if strings.Contains(c, ">") {
			parent, _, _ := strings.Cut(c, " > ")
			if strings.Count(c, " > ") != 1 || perCategory[parent] == 0 {
				t.Errorf("category %q is malformed or its parent has no articles", c)
			}
		}
	}
	if featured < 5 || featured > 12 {
		t.Errorf("%d featured articles, want about 8", featured)
	}
	if share := float64(withImage) / float64(len(recs)); share < 0.10 || share > 0.22 {
		t.Errorf("%.0f%% of articles have an image, want about 15%%", share*100)
	}
	// The featured ones are among the newest.
	for _, r := range recs[:len(recs)-20] {
		if r.Featured {
			t.Errorf("old article %s is featured", r.ExternalID)
		}
	}
}

var (
	tagRe      = regexp.MustCompile(`<(/?)([a-z0-9]+)([^>]*)>`)
	eventRe    = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	srcRe      = regexp.MustCompile(`src="(/static/demo/[^"]+)"`)
	allowedTag = map[string]bool{
		"p": true, "h2": true, "h3": true, "ul": true, "ol": true, "li": true, "strong": true, "em": true, "a": true,
		"figure": true, "img": true, "figcaption": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	}
)

// checkText fails on text that is empty, untrimmed or still holds a
// placeholder.
func checkText(t *testing.T, what, s string) {
	t.Helper()
	if s == "" && !strings.HasSuffix(what, "lead") {
		t.Errorf("%s is empty", what)
	}
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, "{}") || strings.Contains(s, "  ") {
		t.Errorf("%s is malformed: %q", what, s)
	}
}

// checkBody checks the HTML of a body: allowed, balanced tags, no script,
// style or event handler, 4–10 paragraphs, images that exist.
func checkBody(t *testing.T, id, body string) {
	t.Helper()
	lower := strings.ToLower(body)
	if strings.Contains(lower, "<script") || strings.Contains(lower, "style=") || strings.Contains(lower, "javascript:") {
		t.Errorf("article %s body has script or style: %q", id, body)
	}
	if strings.ContainsAny(body, "{}") {
		t.Errorf("article %s body holds a placeholder: %q", id, body)
	}
	if n := strings.Count(body, "<p>"); n < 4 || n > 10 {
		t.Errorf("article %s body has %d paragraphs, want 4–10", id, n)
	}
	var stack []string
	for _, m := range tagRe.FindAllStringSubmatch(body, -1) {
		closing, name, attrs := m[1] == "/", m[2], m[3]
		if !allowedTag[name] {
			t.Errorf("article %s body has tag <%s>", id, name)
		}
		if eventRe.MatchString(attrs) {
			t.Errorf("article %s body has an event handler: %q", id, m[0])
		}
		switch {
		case name == "img":
			if closing {
				t.Errorf("article %s body closes <img>", id)
			}
			if !strings.Contains(attrs, `alt="`) {
				t.Errorf("article %s image has no alt text: %q", id, m[0])
			}
		case closing:
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Errorf("article %s body: </%s> does not close %v", id, name, stack)
				return
			}
			stack = stack[:len(stack)-1]
		default:
			stack = append(stack, name)
		}
		if name == "a" && !closing && !regexp.MustCompile(`^ href="(https://[a-z.]+\.example/[^"]*|mailto:[a-z@.]+\.example)"$`).MatchString(attrs) {
			t.Errorf("article %s link is not to an example domain: %q", id, m[0])
		}
	}
	if len(stack) > 0 {
		t.Errorf("article %s body leaves %v open", id, stack)
	}
	for _, m := range srcRe.FindAllStringSubmatch(body, -1) {
		checkImage(t, id, m[1])
	}
}

func TestImagesExist(t *testing.T) {
	_, recs := Content(nows[0])
	for _, r := range recs {
		if r.Image != "" {
			checkImage(t, r.ExternalID, r.Image)
		}
	}
	// Every image any template may use, not only those drawn this time.
	for _, c := range categories {
		for _, name := range c.images {
			checkImage(t, c.name, "/static/demo/"+name+".svg")
		}
		for _, tp := range c.topics {
			for _, name := range tp.images {
				checkImage(t, c.name, "/static/demo/"+name+".svg")
			}
		}
	}
}

// checkImage fails unless path names a small, script-free SVG in the
// static folder.
func checkImage(t *testing.T, id, path string) {
	t.Helper()
	name, ok := strings.CutPrefix(path, "/static/demo/")
	if !ok || strings.Contains(name, "/") {
		t.Errorf("%s: image %q is not in /static/demo/", id, path)
		return
	}
	data, err := os.ReadFile(filepath.Join("..", "static", "files", "demo", name))
	if err != nil {
		t.Errorf("%s: image %q: %v", id, path, err)
		return
	}
	s := strings.ToLower(string(data))
	if len(data) > 4096 || strings.Contains(s, "<script") || eventRe.MatchString(s) || strings.Contains(s, "xlink:href") || strings.Contains(s, "http://") && !strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("%s: image %q is too large or unsafe", id, path)
	}
}

func TestSVGFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "static", "files", "demo", "*.svg"))
	if err != nil || len(files) < 6 {
		t.Fatalf("want at least 6 demo SVGs, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if len(data) > 4096 {
			t.Errorf("%s is %d bytes, want under 4 KB", f, len(data))
		}
		if !strings.Contains(s, `viewBox="0 0 1200 675"`) {
			t.Errorf("%s has no 1200x675 viewBox", f)
		}
		if strings.Count(s, "http") != 1 || strings.Contains(strings.ToLower(s), "<script") || eventRe.MatchString(s) || strings.Contains(s, "href") {
			t.Errorf("%s has scripts or external references", f)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, now := range nows {
		s1, a1 := Content(now)
		s2, a2 := Content(now)
		if !reflect.DeepEqual(s1, s2) || !reflect.DeepEqual(a1, a2) {
			t.Errorf("Content(%v) differs between calls", now)
		}
	}
}

// TestTemplates expands every template string, so that a misspelt
// placeholder fails here rather than only when the dice pick it.
func TestTemplates(t *testing.T) {
	g := &generator{r: rand.New(rand.NewPCG(3, 4))}
	for _, at := range []time.Time{
		time.Date(2021, 3, 10, 9, 0, 0, 0, ict),   // before the reforms
		time.Date(2025, 12, 10, 15, 0, 0, 0, ict), // after them
	} {
		v := g.vars(at)
		v["tacgia"] = "PV"
		for _, c := range categories {
			all := append(append([]string{}, c.shared...), c.closing...)
			all = append(all, c.authors...)
			if len(c.closing) == 0 || len(c.topics) == 0 {
				t.Errorf("category %q has no closing paragraphs or topics", c.name)
			}
			yearRound := 0
			for _, tp := range c.topics {
				if len(tp.months) == 0 {
					yearRound++
				}
				if len(tp.titles) == 0 || len(tp.leads) == 0 || len(tp.paras) < 3 {
					t.Errorf("category %q: topic %q has too few titles, leads or paragraphs", c.name, tp.titles)
				}
				if len(tp.open) > 0 && len(tp.open) != len(tp.titles) {
					t.Errorf("category %q: topic %q has %d openings for %d titles", c.name, tp.titles, len(tp.open), len(tp.titles))
				}
				for _, i := range tp.open {
					if i < 0 || i >= len(tp.paras) {
						t.Errorf("category %q: topic %q opens with paragraph %d of %d", c.name, tp.titles, i, len(tp.paras))
					}
				}
				if len(tp.list) > 0 && tp.listIntro == "" {
					t.Errorf("category %q: topic %q has a list without an introduction", c.name, tp.titles)
				}
				all = append(all, tp.titles...)
				all = append(all, tp.leads...)
				all = append(all, tp.paras...)
				all = append(all, tp.heads...)
				all = append(all, tp.list...)
				all = append(all, tp.captions...)
				all = append(all, tp.listIntro, tp.listHead, tp.author)
				if tp.table != nil {
					intro, html := tp.table(g, v, at)
					all = append(all, intro, html)
				}
			}
			if yearRound < 2 {
				t.Errorf("category %q has %d year-round topics, want at least 2", c.name, yearRound)
			}
			for _, s := range all {
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("category %q: %v", c.name, r)
						}
					}()
					if out := expand(s, v); strings.ContainsAny(out, "{}") {
						t.Errorf("category %q: %q expands to %q", c.name, s, out)
					}
				}()
			}
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{num(1234567), "1.234.567"},
		{num(999), "999"},
		{dec(7.456, 2), "7,46"},
		{dec(12345.5, 1), "12.345,5"},
		{canChi(2024), "Giáp Thìn 2024"},
		{canChi(2025), "Ất Tỵ 2025"},
		{roman(9), "IX"},
		{roman(11), "XI"},
		{sentences("huyện Hòa An. xã Tân Hòa có 1.200 ha."), "Huyện Hòa An. Xã Tân Hòa có 1.200 ha."},
		{sentences("<strong>quyết định</strong> số 1"), "<strong>Quyết định</strong> số 1"},
		{sentences("thư điện tử gopy@anphu.gov.vn.example. xem thêm"), "Thư điện tử gopy@anphu.gov.vn.example. Xem thêm"},
		{sentences("đạt 1,2 ha. “tôi rất vui”"), "Đạt 1,2 ha. “Tôi rất vui”"},
		{pad4(7), "0007"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
