package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testRestoreKeepsSchedule: restoring an earlier revision of a scheduled
// article must not publish it ahead of its time. The first revision holds
// the draft's placeholder time (its creation); copying that back makes the
// article public at once.
func testRestoreKeepsSchedule(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	rep, ed, cat := MustDesk(t, s, site.ID, "Thông báo")
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Lịch cắt điện tuần sau", Body: "<p>Bản đầu</p>"})
	MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	at := time.Now().Add(48 * time.Hour).Truncate(time.Second)
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", at)
	MustUpdateArticle(t, s, ed, site.ID, a.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Lịch cắt điện tuần sau", Body: "<p>Bản sửa</p>"})
	revs, err := s.FindRevisions(ctx, site.ID, a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %v", revs, err)
	}
	got, err := s.RestoreRevision(ctx, ed, site.ID, revs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "<p>Bản đầu</p>" {
		t.Fatalf("restored body %q", got.Body)
	}
	if !got.PublishedAt.Equal(at) {
		t.Errorf("after restoring the first revision, published_at = %v, want the scheduled %v", got.PublishedAt, at)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "a scheduled article after a restore")
}
