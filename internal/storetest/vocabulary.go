package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testPublishedTexts: the titles and leads a site's "did you mean"
// vocabulary is built from are those of its public articles only: not
// another site's, not one scheduled for later; fn's error stops it.
func testPublishedTexts(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so-vocab.example", "Cổng Sở")
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	MustImport(t, s, site.ID, Rec("Nông nghiệp công nghệ cao", "Tin tức", t0), Rec("An ninh trật tự", "Tin tức", t0),
		Rec("Hội chợ thủy sản", "Tin tức", time.Now().AddDate(1, 0, 0)))
	MustImport(t, s, other.ID, Rec("Du lịch biển", "Tin tức", t0))
	var got []string
	if err := s.PublishedTexts(ctx, site.ID, time.Time{}, func(title, lead string) error {
		got = append(got, title+" | "+lead)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{"An ninh trật tự | Tóm tắt An ninh trật tự", "Nông nghiệp công nghệ cao | Tóm tắt Nông nghiệp công nghệ cao"}
	if !slices.Equal(got, want) {
		t.Errorf("published texts: %q, want %q", got, want)
	}
	stop := errors.New("stop")
	n := 0
	if err := s.PublishedTexts(ctx, site.ID, time.Time{}, func(string, string) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: %v after %d", err, n)
	}
}
