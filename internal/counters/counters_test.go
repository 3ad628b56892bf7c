package counters

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// fakeStore keeps counts in maps and can be told to fail.
type fakeStore struct {
	mu     sync.Mutex
	views  map[int64]int64
	visits map[string]int64
	total  int64
	dl     map[[2]int64]int64 // dataset, resource → downloads
	fail   bool
	writes int
}

func newFake() *fakeStore {
	return &fakeStore{views: map[int64]int64{}, visits: map[string]int64{}, dl: map[[2]int64]int64{}}
}

func (f *fakeStore) AddCounts(_ context.Context, b *congtin.CounterBatch) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return errors.New("database is down")
	}
	f.writes++
	for k, v := range b.Views {
		f.views[k.ArticleID] += v
	}
	for k, v := range b.Visits {
		f.visits[k.Day] += v
		f.total += v
	}
	for k, v := range b.Downloads {
		f.dl[[2]int64{k.DatasetID, k.ResourceID}] += v
	}
	return nil
}

func (f *fakeStore) ResourceDownloads(_ context.Context, dataset int64) (map[int64]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[int64]int64{}
	for k, v := range f.dl {
		if k[0] == dataset {
			out[k[1]] = v
		}
	}
	return out, nil
}

func (f *fakeStore) ArticleViews(_ context.Context, id int64) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.views[id], nil
}

func (f *fakeStore) Visits(_ context.Context, _ int64, day string) (int64, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.total, f.visits[day], nil
}

var discard = slog.New(slog.NewTextHandler(io.Discard, nil))

func TestFlushFailureKeepsCounts(t *testing.T) {
	f := newFake()
	c := New(f, time.Hour, discard)
	for range 10 {
		c.CountView(1, 7)
	}
	f.fail = true
	if err := c.Flush(context.Background()); err == nil {
		t.Fatal("flush to a failing store succeeded")
	}
	if n, _ := c.ArticleViews(context.Background(), 1, 7); n != 10 {
		t.Fatalf("after a failed flush: %d, want 10", n)
	}
	f.fail = false
	c.CountView(1, 7)
	if err := c.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.views[7] != 11 {
		t.Fatalf("stored %d, want 11", f.views[7])
	}
	if n, _ := c.ArticleViews(context.Background(), 1, 7); n != 11 {
		t.Fatalf("after flush: %d, want 11", n)
	}
}

// TestExactWhileFlushing reads the count while batches are written
// concurrently: it may only ever grow, and ends exact.
func TestExactWhileFlushing(t *testing.T) {
	f := newFake()
	c := New(f, time.Millisecond, discard)
	c.Start()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 5000 {
			c.CountView(1, 3)
		}
	}()
	var last int64
	for range 2000 {
		n, err := c.ArticleViews(context.Background(), 1, 3)
		if err != nil {
			t.Fatal(err)
		}
		if n < last {
			t.Fatalf("count went back from %d to %d", last, n)
		}
		last = n
	}
	wg.Wait()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if f.views[3] != 5000 {
		t.Fatalf("stored %d, want 5000", f.views[3])
	}
	if f.writes < 2 {
		t.Logf("only %d batches written", f.writes)
	}
}

func TestVisitStatsAndActiveWindow(t *testing.T) {
	f := newFake()
	c := New(f, time.Hour, discard)
	now := time.Date(2024, 5, 1, 23, 50, 0, 0, congtin.VietnamZone)
	c.SetClock(func() time.Time { return now })
	site := &congtin.Site{ID: 1, CounterOffset: 1000}
	c.CountVisit(1, "a")
	c.CountVisit(1, "b")
	c.See(1, "a")
	st, _ := c.VisitStats(context.Background(), site)
	if st.Total != 1002 || st.Today != 2 || st.Active != 2 {
		t.Fatalf("stats %+v", st)
	}
	c.Flush(context.Background())
	// Past midnight in Vietnam, fifteen minutes on: a new day, nobody active.
	now = now.Add(15 * time.Minute)
	c.pruneActive()
	c.CountVisit(1, "c")
	st, _ = c.VisitStats(context.Background(), site)
	if st.Total != 1003 || st.Today != 1 || st.Active != 1 {
		t.Fatalf("next day: %+v", st)
	}
}

// countingStore counts the reads that reach the store.
type countingStore struct {
	*fakeStore
	reads int
}

func (s *countingStore) ArticleViews(ctx context.Context, id int64) (int64, error) {
	s.reads++
	return s.fakeStore.ArticleViews(ctx, id)
}

// TestSnapshotsSeeOtherProcesses: a page view reads the store at most once
// per interval, stays exact for this process's own counts, and picks up
// what another process wrote once the interval has passed.
func TestSnapshotsSeeOtherProcesses(t *testing.T) {
	f := &countingStore{fakeStore: newFake()}
	c := New(f, time.Second, discard)
	now := time.Date(2024, 5, 1, 9, 0, 0, 0, congtin.VietnamZone)
	c.SetClock(func() time.Time { return now })
	ctx := context.Background()
	for i := range 5 {
		c.CountView(1, 9)
		if n, _ := c.ArticleViews(ctx, 1, 9); n != int64(i+1) {
			t.Fatalf("view %d: count %d", i+1, n)
		}
	}
	if err := c.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.ArticleViews(ctx, 1, 9); n != 5 {
		t.Fatalf("after flush: %d, want 5", n)
	}
	if f.reads != 1 {
		t.Fatalf("%d store reads within one interval, want 1", f.reads)
	}
	// Another process stores 100 views of the same article.
	f.fakeStore.AddCounts(ctx, &congtin.CounterBatch{Views: map[congtin.ViewKey]int64{{SiteID: 1, ArticleID: 9, Day: "2024-05-01"}: 100}})
	now = now.Add(2 * time.Second)
	if n, _ := c.ArticleViews(ctx, 1, 9); n != 105 {
		t.Fatalf("after the interval: %d, want 105", n)
	}
}

// unreadableStore fails every read while down.
type unreadableStore struct {
	*fakeStore
	down bool
}

func (s *unreadableStore) ArticleViews(ctx context.Context, id int64) (int64, error) {
	if s.down {
		return 0, errors.New("database is down")
	}
	return s.fakeStore.ArticleViews(ctx, id)
}

// TestSnapshotsOutliveAnOutage: while the store can be neither read nor
// written, an article's count is its last stored value plus this
// process's own views, however many intervals and prunes pass; the
// snapshot of an article nobody reads goes after ActiveWindow.
func TestSnapshotsOutliveAnOutage(t *testing.T) {
	f := &unreadableStore{fakeStore: newFake()}
	c := New(f, time.Second, discard)
	now := time.Date(2024, 5, 1, 9, 0, 0, 0, congtin.VietnamZone)
	c.SetClock(func() time.Time { return now })
	ctx := context.Background()
	f.fakeStore.AddCounts(ctx, &congtin.CounterBatch{Views: map[congtin.ViewKey]int64{{SiteID: 1, ArticleID: 9, Day: "2024-05-01"}: 7}})
	if n, err := c.ArticleViews(ctx, 1, 9); n != 7 || err != nil {
		t.Fatalf("before: %d, %v", n, err)
	}
	f.down, f.fail = true, true
	for i := range 10 {
		now = now.Add(time.Second)
		c.pruneActive()
		c.CountView(1, 9)
		if err := c.Flush(ctx); err == nil {
			t.Fatal("flush to a store that is down worked")
		}
		if n, err := c.ArticleViews(ctx, 1, 9); n != int64(8+i) || err != nil {
			t.Fatalf("%d s into the outage: %d, %v; want %d", i+1, n, err, 8+i)
		}
	}
	now = now.Add(ActiveWindow)
	c.pruneActive()
	if _, err := c.ArticleViews(ctx, 1, 9); err == nil {
		t.Fatal("a snapshot unread for ActiveWindow was kept")
	}
	f.down, f.fail = false, false
	if n, err := c.ArticleViews(ctx, 1, 9); n != 17 || err != nil {
		t.Fatalf("after the outage: %d, %v; want 17", n, err)
	}
}

// Downloads are exact while pending, while a flush fails, and once
// written; another dataset's pending downloads are not added.
func TestDownloadsExact(t *testing.T) {
	ctx := context.Background()
	f := newFake()
	c := New(f, time.Hour, discard)
	for range 3 {
		c.CountDownload(1, 10, 100)
	}
	c.CountDownload(1, 10, 101)
	c.CountDownload(1, 11, 110)
	want := func(when string, n100, n101 int64) {
		t.Helper()
		n, err := c.DatasetDownloads(ctx, 10)
		if err != nil || n[100] != n100 || n[101] != n101 || n[110] != 0 {
			t.Fatalf("%s: %v, %v", when, n, err)
		}
	}
	want("pending", 3, 1)
	f.fail = true
	if err := c.Flush(ctx); err == nil {
		t.Fatal("flush should fail")
	}
	want("after a failed flush", 3, 1)
	f.fail = false
	if err := c.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if f.dl[[2]int64{10, 100}] != 3 || f.dl[[2]int64{11, 110}] != 1 {
		t.Fatalf("stored: %v", f.dl)
	}
	c.CountDownload(1, 10, 101)
	want("stored plus pending", 3, 2)
}
