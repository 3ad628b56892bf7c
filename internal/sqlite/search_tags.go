package sqlite

import (
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sqlstore"
)

// Tags are tokens before the words of an article's index entry that FTS5 matches
// as it matches words, so that a search in a category or a date range
// walks only the articles in them, however common its words: _s<site>,
// _c<category>, _y<year> and _m<year><month> of publication (Vietnam
// time). Folded words are [a-z0-9]+, so a tag, which starts with "_",
// never matches a word. An article's tags are written with its index
// entry, which every write of the article rewrites.

func articleTags(d *sqlstore.IndexDoc) string {
	t := d.PublishedAt.In(congtin.VietnamZone)
	return fmt.Sprintf("_s%d _c%d _y%04d _m%04d%02d", d.SiteID, d.CategoryID, t.Year(), t.Year(), int(t.Month()))
}

// filterTags is the condition of a search's site and categories.
func filterTags(sq congtin.SearchQuery) string {
	e := ftsTerm(fmt.Sprintf("_s%d", sq.SiteID))
	if len(sq.CategoryIDs) > 0 {
		cs := make([]string, len(sq.CategoryIDs))
		for i, id := range sq.CategoryIDs {
			cs[i] = ftsTerm(fmt.Sprintf("_c%d", id))
		}
		e += " AND (" + strings.Join(cs, " OR ") + ")"
	}
	return e
}

// monthOf returns the first instant of t's month, Vietnam time.
func monthOf(t time.Time) time.Time {
	t = t.In(congtin.VietnamZone)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, congtin.VietnamZone)
}

// periodTags returns the tags of the months that overlap [from, to): a
// year's tag for each whole year, month tags for the rest, so that a
// range of decades stays a few dozen tags. A zero from starts in 1970; a
// zero to ends at now (articles are not found before they are
// published).
func periodTags(from, to, now time.Time) []string {
	if to.IsZero() {
		to = now
		if to.IsZero() {
			to = time.Now()
		}
		to = to.Add(time.Second)
	}
	if from.IsZero() {
		from = time.Date(1970, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)
	}
	var tags []string
	m, end := monthOf(from), to
	if !end.After(m) {
		return []string{ftsTerm("_m000000")} // an empty range: no month
	}
	for m.Before(end) {
		if m.Month() == time.January && !m.AddDate(1, 0, 0).After(monthOf(end.Add(-time.Nanosecond)).AddDate(0, 1, 0)) {
			tags = append(tags, ftsTerm(fmt.Sprintf("_y%04d", m.Year())))
			m = m.AddDate(1, 0, 0)
			continue
		}
		tags = append(tags, ftsTerm(fmt.Sprintf("_m%04d%02d", m.Year(), int(m.Month()))))
		m = m.AddDate(0, 1, 0)
	}
	return tags
}
