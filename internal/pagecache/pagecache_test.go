package pagecache

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

func engine(t *testing.T) *render.Engine {
	t.Helper()
	e, err := render.New(func(s string) string { return "/static/" + s })
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// doc builds a page with a counter and a views hole between large static
// parts, so the compressed parts are real multi-block DEFLATE streams.
func doc() *render.Doc {
	big := strings.Repeat("Tin tức sự kiện huyện An Phú <p>Nội dung</p> ", 3000)
	return &render.Doc{Parts: []render.Part{
		{Static: []byte("<html>" + big)}, {Live: "views"}, {Static: []byte(big + "<aside>")}, {Live: "counter"}, {Static: []byte("</html>")},
	}}
}

// TestGzipDecodesToThePlainPage: the spliced gzip stream decodes, with the
// standard gzip reader, to exactly the page as the engine fills it, and so
// does the plain form, for several live values.
func TestGzipDecodesToThePlainPage(t *testing.T) {
	eng := engine(t)
	d := doc()
	e := NewEntry(d, 7, time.Now(), nil)
	for _, live := range []render.Live{
		{Views: 0}, {Views: 12345, Counter: congtin.VisitStats{Total: 9876543210, Today: 5, Active: 1}},
	} {
		var plain, zipped bytes.Buffer
		if err := e.Write(&plain, live, false); err != nil {
			t.Fatal(err)
		}
		if err := e.Write(&zipped, live, true); err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(&zipped)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("decoding the spliced gzip: %v", err)
		}
		var want bytes.Buffer
		if err := eng.Fill(&want, d, live); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) || !bytes.Equal(plain.Bytes(), want.Bytes()) {
			t.Fatalf("gzip decodes to %d bytes, plain is %d, the filled page %d", len(got), plain.Len(), want.Len())
		}
		if !strings.Contains(plain.String(), render.Number(live.Views)) {
			t.Fatalf("views %d not in the page", live.Views)
		}
		if zipped.Len() >= plain.Len()/4 {
			t.Errorf("gzip %d bytes for a %d-byte page: not compressed", zipped.Len(), plain.Len())
		}
	}
}

func TestETagFollowsLiveValues(t *testing.T) {
	e := NewEntry(doc(), 7, time.Now(), nil)
	a := e.ETag(render.Live{Views: 1})
	if a != e.ETag(render.Live{Views: 1}) || a == e.ETag(render.Live{Views: 2}) ||
		a == e.ETag(render.Live{Views: 1, Counter: congtin.VisitStats{Active: 1}}) {
		t.Fatal("ETag does not follow the live values")
	}
	other := &render.Doc{Parts: []render.Part{{Static: []byte("x")}}}
	if NewEntry(other, 0, time.Now(), nil).ETag(render.Live{Views: 1}) == a {
		t.Fatal("different pages share an ETag")
	}
}

func TestPurgeByTagAndBudget(t *testing.T) {
	c := New(1 << 20)
	small := func() *Entry {
		return NewEntry(&render.Doc{Parts: []render.Part{{Static: []byte(strings.Repeat("a", 1000))}}}, 0, time.Now(), nil)
	}
	put := func(key string, tags ...string) {
		e := small()
		e.tags = tags
		c.Put(key, e)
	}
	put("/a", "a:1", "c:1")
	put("/b", "a:2", "c:1")
	put("/c", "a:3", "c:2")
	if n := c.Purge("c:1"); n != 2 {
		t.Fatalf("purged %d, want 2", n)
	}
	if c.Get("/a") != nil || c.Get("/b") != nil || c.Get("/c") == nil {
		t.Fatal("wrong entries purged")
	}
	// Far more than the budget: the cache stays within it.
	for i := range 5000 {
		put("/p"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+time.Duration(i).String(), "t")
	}
	c.mu.RLock()
	size, n := c.size, len(c.entries)
	c.mu.RUnlock()
	if size > 1<<20 || n == 0 {
		t.Fatalf("cache holds %d bytes in %d entries, budget %d", size, n, 1<<20)
	}
	c.Purge("t")
	if left := c.Len(); left > 1 || (left == 1 && c.Get("/c") == nil) {
		t.Fatalf("tag index out of step: %d of %d entries left after purging their tag", left, n)
	}
}
