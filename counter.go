package congtin

import (
	"context"
	"time"
)

// VisitStats is what the SỐ LƯỢT TRUY CẬP box shows.
type VisitStats struct {
	Total  int64 // all visits, plus the site's counter offset
	Today  int64 // visits today, Vietnam time
	Active int64 // visitors seen in the last five minutes
}

// CounterBatch is a batch of counted events to add to the store at once.
type CounterBatch struct {
	// Views per article ID, per Vietnam day.
	Views map[ViewKey]int64
	// Visits per site, per Vietnam day.
	Visits map[VisitKey]int64
	// Downloads per dataset resource, per Vietnam day.
	Downloads map[DownloadKey]int64
}

// DownloadKey identifies a resource's downloads on one day.
type DownloadKey struct {
	SiteID     int64
	DatasetID  int64
	ResourceID int64
	Day        string
}

// ViewKey identifies an article's views on one day.
type ViewKey struct {
	SiteID    int64
	ArticleID int64
	Day       string // YYYY-MM-DD, Vietnam time
}

// VisitKey identifies a site's visits on one day.
type VisitKey struct {
	SiteID int64
	Day    string
}

// Empty reports whether the batch has nothing to write.
func (b *CounterBatch) Empty() bool {
	return len(b.Views) == 0 && len(b.Visits) == 0 && len(b.Downloads) == 0
}

// NowFunc returns the current time; stores and counters take one so that
// tests can fix the clock.
type NowFunc func() time.Time

// CounterStore keeps the visit and view counters. Counting happens in
// memory (package counters); the store only adds batches and reads
// totals. No rule applies: the service passes these through.
type CounterStore interface {
	// AddCounts adds a batch in one transaction of its own: all of it or
	// nothing. It does not queue behind the newsroom's writes (on
	// PostgreSQL it takes no change-log lock): counters only ever add.
	AddCounts(ctx context.Context, b *CounterBatch) error

	// ArticleViews returns the stored view count of an article;
	// NotFound(KindArticle) when there is none.
	ArticleViews(ctx context.Context, articleID int64) (int64, error)

	// Visits returns the stored total (without the site's offset) and the
	// stored count for the day.
	Visits(ctx context.Context, siteID int64, day string) (total, today int64, err error)

	// ResourceDownloads returns the stored downloads of each resource of
	// a dataset that has any, by resource ID.
	ResourceDownloads(ctx context.Context, datasetID int64) (map[int64]int64, error)
}
