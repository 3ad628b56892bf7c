package app

import "testing"

// TestSpellingCacheRace: a table read before a save dropped the site's
// is not put back after the drop (it may predate the save).
func TestSpellingCacheRace(t *testing.T) {
	var c spellingCache
	_, drops := c.get(1)
	c.put(1, &siteSpellings{version: 1}, drops)
	e, drops := c.get(1)
	if e == nil || e.version != 1 {
		t.Fatalf("put: %+v", e)
	}
	c.drop(1) // a save, between a search's read and its put
	c.put(1, &siteSpellings{version: 1}, drops)
	if e, _ := c.get(1); e != nil {
		t.Fatalf("a table from before the save was kept: %+v", e)
	}
}
