package media

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// TestGateBoundsDecodes: however many uploads come at once, no more than
// the gate's slots are decoded together (counted inside the slot, not
// timed); a request past the queue is refused at once with a Vietnamese
// "try again", as is one whose context ends while it waits; every
// admitted one finishes (issue 16, finding 4).
func TestGateBoundsDecodes(t *testing.T) {
	img := encodePNG(t, photo(700, 500))
	g := NewGate(2, 3)
	var active, peak atomic.Int64
	hold := make(chan struct{})
	g.inside = func() {
		n := active.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		<-hold
	}
	done := func() { active.Add(-1) }

	var wg sync.WaitGroup
	errs := make(chan error, 5)
	start := func(n int) {
		for range n {
			wg.Go(func() {
				p, err := g.Process(t.Context(), bytes.NewReader(img), Limits{})
				done()
				if err == nil && len(p.Variants) == 0 {
					t.Error("no variants")
				}
				errs <- err
			})
		}
	}
	// Waits below poll the counters, without a clock.
	start(2)
	for active.Load() != 2 {
		time.Sleep(time.Millisecond)
	}
	// Both slots held: a request that ends while it waits gives up.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := g.Process(ctx, bytes.NewReader(img), Limits{}); congtin.ErrorCode(err) != congtin.ETOOMANY {
		t.Fatalf("an ended request: %v", err)
	}
	start(3)
	for g.waiting.Load() != 3 {
		time.Sleep(time.Millisecond)
	}
	// The queue is full: refused at once.
	_, err := g.Process(t.Context(), bytes.NewReader(img), Limits{})
	if congtin.ErrorCode(err) != congtin.ETOOMANY || congtin.ErrorMessage(err) == "" {
		t.Fatalf("past the queue: %v", err)
	}

	close(hold)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p := peak.Load(); p != 2 {
		t.Fatalf("at most %d decodes at once, want 2", p)
	}
}
