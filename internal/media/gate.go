package media

import (
	"context"
	"io"
	"runtime"
	"sync/atomic"

	"github.com/congtin/congtin"
)

// Gate bounds how many images are decoded and scaled at once. A decoded
// image is width × height × 4 bytes and its scaling keeps every core
// busy: two 6300×6300 uploads at once took 12 s each and 461 MB
// (issue 16). Reading the upload and its header stay outside the gate;
// only what costs memory and CPU waits for a slot.
type Gate struct {
	slots    chan struct{}
	waiting  atomic.Int64
	maxQueue int64

	// inside, when set, runs while a slot is held: tests count there.
	inside func()
}

// NewGate returns a gate of n slots (n < 1: one per core) that lets at
// most queue more requests wait (queue < 0: 4 per slot); one more is
// refused at once.
func NewGate(n, queue int) *Gate {
	if n < 1 {
		n = runtime.NumCPU()
	}
	if queue < 0 {
		queue = 4 * n
	}
	return &Gate{slots: make(chan struct{}, n), maxQueue: int64(queue)}
}

// errBusy is what an editor reads when the gate is full or their request
// ended while it waited.
func errBusy() error {
	return congtin.Errorf(congtin.ETOOMANY, "Máy chủ đang xử lý nhiều ảnh cùng lúc; xin vui lòng thử lại sau ít phút.")
}

// Process is Process holding one of the gate's slots while the image is
// decoded, scaled and encoded. A full queue, or ctx ending while it
// waits, gives an ETOOMANY error.
func (g *Gate) Process(ctx context.Context, r io.Reader, lim Limits) (*Processed, error) {
	return process(r, lim, func() (func(), error) { return g.enter(ctx) })
}

// enter waits for a slot and returns its release.
func (g *Gate) enter(ctx context.Context) (func(), error) {
	select {
	case g.slots <- struct{}{}:
		return g.held(), nil
	default:
	}
	if g.waiting.Add(1) > g.maxQueue {
		g.waiting.Add(-1)
		return nil, errBusy()
	}
	defer g.waiting.Add(-1)
	select {
	case g.slots <- struct{}{}:
		return g.held(), nil
	case <-ctx.Done():
		return nil, errBusy()
	}
}

// held runs the test hook in a slot just taken and returns its release.
func (g *Gate) held() func() {
	if g.inside != nil {
		g.inside()
	}
	return func() { <-g.slots }
}
