package blob

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/congtin/congtin"
)

// Added is a Store that notes the objects put through it that were not
// there before: what one request (an upload, a save, an import) added.
// Files are stored before the rows that name them commit; when those rows
// are not written, Remove takes back exactly what the request added. An
// object that was there before is kept: keys are content addressed, so it
// belongs to rows already written.
//
// Two requests putting the same new object at once both see it missing;
// if one fails and removes it, the other's row names a missing file until
// it is uploaded again (`congtin media check` lists it). That window is
// as short as a row's transaction.
type Added struct {
	Store
	keys []string
}

// Put implements Store: it asks Stat first and notes key when there was
// no object under it, before the put, so that a put failing half way is
// taken back too.
func (a *Added) Put(ctx context.Context, key string, r io.Reader, size int64, contentType string) error {
	if _, err := a.Stat(ctx, key); congtin.ErrorCode(err) == congtin.ENOTFOUND {
		a.keys = append(a.keys, key)
	} else if err != nil {
		return err
	}
	return a.Store.Put(ctx, key, r, size, contentType)
}

// Len is the number of objects noted so far: a mark for RemoveFrom.
func (a *Added) Len() int { return len(a.keys) }

// Remove deletes every object noted and forgets them.
func (a *Added) Remove(ctx context.Context) error { return a.RemoveFrom(ctx, 0) }

// removeTimeout bounds the clean-up of a request that failed, maybe
// because the store does not answer.
const removeTimeout = 10 * time.Second

// RemoveFrom deletes the objects noted since the mark n (a Len) and
// forgets them. It runs even when ctx is cancelled (the reader may have
// gone), for at most ten seconds; its error, for the log, joins every
// deletion's.
func (a *Added) RemoveFrom(ctx context.Context, n int) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), removeTimeout)
	defer cancel()
	var errs []error
	for _, k := range a.keys[n:] {
		if err := a.Store.Delete(ctx, k); err != nil {
			errs = append(errs, err)
		}
	}
	a.keys = a.keys[:n]
	return errors.Join(errs...)
}
