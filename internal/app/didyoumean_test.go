package app_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchSuggestion: "Có phải bạn muốn tìm" over a real database: a
// correction from the site's published words, offered only when the
// query found little and the correction finds more.
func TestSearchSuggestion(t *testing.T) {
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	storetest.MustImport(t, a, site.ID,
		storetest.Rec("Phát triển kinh tế biển", "Kinh tế", t0),
		storetest.Rec("Phát triển kinh tế nông nghiệp", "Kinh tế", t0.AddDate(0, 0, 1)),
		storetest.Rec("Thúc đẩy phát triển kinh tế số", "Kinh tế", t0.AddDate(0, 0, 2)),
		storetest.Rec("Nông nghiệp công nghệ cao", "Kinh tế", t0),
		storetest.Rec("Bảo đảm an ninh trật tự dịp Tết", "Thời sự", t0),
		storetest.Rec("Giữ vững an ninh trật tự", "Thời sự", t0),
		storetest.Rec("Phát triển du lịch", "Thời sự", t0),
		// Not public yet: its words are not the site's.
		storetest.Rec("Hội chợ thủy sản", "Kinh tế", time.Now().AddDate(1, 0, 0)),
	)
	cats, err := a.FindCategories(t.Context(), site.ID)
	if err != nil {
		t.Fatal(err)
	}
	var thoiSu int64
	for _, c := range cats {
		if c.Name == "Thời sự" {
			thoiSu = c.ID
		}
	}
	for _, tc := range []struct {
		name, q    string
		verbatim   bool
		cats       []int64
		suggestion string
	}{
		{"nothing found", "nong ngiep", false, nil, "nông nghiệp"},
		{"near matches only", "phat trienn kinh te", false, nil, "phát triển kinh tế"},
		// "tee" is Telex for "tê", and "kinh tê" finds plenty.
		{"read as telex, found plenty", "phat trien kinh tee", false, nil, ""},
		{"a word that is another word", "an nin trat tu", false, nil, "an ninh trật tự"},
		{"a wrong tone mark, and a letter missing", "Nông ngiệp công nghê cao", false, nil, "Nông nghiệp công nghệ cao"},
		// Telex first: "an nin trajt tuw" is searched as "an nin trật
		// tự", which is then corrected.
		{"telex, then corrected", "an nin trajt tuw", false, nil, "an ninh trật tự"},
		{"plenty found", "phat trien kinh te", false, nil, ""},
		{"right, but little to find", "kinh tế biển", false, nil, ""},
		{"the reader asked for exactly this", "nong ngiep", true, nil, ""},
		{"the correction finds no more in the category", "nong ngiep", false, []int64{thoiSu}, ""},
		{"found in the category", "an nin trat tu", false, []int64{thoiSu}, "an ninh trật tự"},
		{"a word not yet published", "thuy sann", false, nil, ""},
		{"nonsense", "qxzvw", false, nil, ""},
		{"one letter", "x", false, nil, ""},
		{"punctuation only", `"*-^`, false, nil, ""},
		{"a lone accent", "\u0301", false, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := a.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: tc.q, Verbatim: tc.verbatim, CategoryIDs: tc.cats, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Suggestion != tc.suggestion {
				t.Errorf("%q (%d found, approximate %v, searched %q): suggestion %q, want %q", tc.q, res.Total, res.Approximate, res.Searched, res.Suggestion, tc.suggestion)
			}
		})
	}
}
