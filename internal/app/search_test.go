package app_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchTyping: when a query is read as Telex or VNI typing, and when
// it is not.
func TestSearchTyping(t *testing.T) {
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	storetest.MustImport(t, a, site.ID,
		storetest.Rec("Chuyển hóa địa bàn trọng điểm", "Tin tức", t0),
		storetest.Rec("Chuyển hóa địa bàn phức tạp", "Tin tức", t0.AddDate(0, 0, 1)),
		// "bus" is Telex for "bú", and found as typed three times.
		storetest.Rec("Tuyến xe bus nội tỉnh", "Tin tức", t0),
		storetest.Rec("Xe bus điện", "Tin tức", t0),
		storetest.Rec("Giá vé xe bus", "Tin tức", t0),
		storetest.Rec("Trẻ được bú mẹ sớm", "Tin tức", t0),
		storetest.Rec("Trẻ bú bình", "Tin tức", t0),
		storetest.Rec("Bé bú no", "Tin tức", t0),
		storetest.Rec("Bú đêm", "Tin tức", t0),
	)
	for _, tc := range []struct {
		name, q          string
		verbatim         bool
		total            int
		searched, typing string
	}{
		{"telex", "chuyeenr hoas ddiaj banf", false, 2, "chuyển hóa địa bàn", "telex"},
		{"vni", "chuye63n ho1a", false, 2, "chuyển hóa", "vni"},
		{"verbatim", "chuyeenr hoas", true, 0, "", ""},
		{"plenty as typed, though the decoded finds more", "bus", false, 3, "", ""},
		{"diacritics typed", "chuyển hoas", false, 0, "", ""},
		{"decoded finds no more", "tieems chungr", false, 0, "", ""},
		{"no key", "chuyen hoa", false, 2, "", ""},
		// As typed, only a near match (three words of four); read as
		// Telex, the article holds every word, and that reading wins.
		{"near match as typed, whole when read", "tuyen xe noi tinhr", false, 1, "tuyen xe noi tỉnh", "telex"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := a.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: tc.q, Verbatim: tc.verbatim, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tc.total || len(res.Hits) != tc.total || res.Searched != tc.searched || res.Typing != tc.typing {
				t.Errorf("%q: %d (%d hits), searched %q %q; want %d, %q %q", tc.q, res.Total, len(res.Hits), res.Searched, res.Typing, tc.total, tc.searched, tc.typing)
			}
		})
	}
}
