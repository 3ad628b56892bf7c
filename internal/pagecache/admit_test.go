package pagecache

import (
	"fmt"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/render"
)

// TestAdmission: on a full cache, a crawler's one-off pages do not evict
// the pages readers come back to; a page asked for twice is kept; while
// there is room, every page is kept.
func TestAdmission(t *testing.T) {
	page := func(i int) *Entry {
		return NewEntry(&render.Doc{Parts: []render.Part{{Static: fmt.Appendf(nil, "<html>trang %d %0400d</html>", i, i)}}}, 0, time.Now(), nil)
	}
	size := 0
	for i := range 20 {
		size = max(size, page(i).size)
	}
	c := New(20 * size) // room for the 20 hot pages
	serve := func(key string, i int) bool {
		if c.Get(key) != nil {
			return true
		}
		c.Put(key, page(i))
		return false
	}
	// While there is room: kept at once.
	for i := range 20 {
		serve(fmt.Sprintf("/hot/%d", i), i)
	}
	if c.Len() != 20 {
		t.Fatalf("%d pages kept while there was room, want 20", c.Len())
	}
	// A crawler asks for 5,000 pages once each: none of the 20 goes.
	for i := range 5000 {
		serve(fmt.Sprintf("/archive/%d", i), i)
	}
	for i := range 20 {
		if c.Get(fmt.Sprintf("/hot/%d", i)) == nil {
			t.Fatalf("/hot/%d was evicted by one-off pages", i)
		}
	}
	if c.Refused() != 5000 {
		t.Errorf("%d pages refused, want 5000", c.Refused())
	}
	// A page asked for a second time is kept (evicting one at random).
	serve("/archive/7", 7)
	if c.Get("/archive/7") == nil {
		t.Fatal("a page asked for twice was not kept")
	}
	if c.Size() > 20*size {
		t.Fatalf("over budget: %d > %d", c.Size(), 20*size)
	}
}
