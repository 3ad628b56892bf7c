package blob

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// downable is a remote store that can be stopped.
type downable struct {
	Store
	down  bool
	opens int
}

func (d *downable) Open(ctx context.Context, key string) (Object, error) {
	if d.down {
		return nil, ErrUnavailable(errors.New("connection refused"))
	}
	d.opens++
	return d.Store.Open(ctx, key)
}

func put(t *testing.T, s Store, key, data string) {
	t.Helper()
	if err := s.Put(context.Background(), key, strings.NewReader(data), int64(len(data)), "image/jpeg"); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, s Store, key string) (string, error) {
	t.Helper()
	f, err := s.Open(context.Background(), key)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return string(b), err
}

// TestCacheServesCopiesWhileRemoteIsDown: an object read once is read
// again from the local copy, also while the remote store is down; one
// never read answers the remote's error; the bound holds, the least
// recently read going first; a delete reaches both.
func TestCacheServesCopiesWhileRemoteIsDown(t *testing.T) {
	ctx := context.Background()
	remote := &downable{Store: Dir{Path: t.TempDir()}}
	local := t.TempDir()
	put(t, Dir{Path: local}, "zz/left-over.jpg", "from an earlier run")
	c, err := NewCache(ctx, remote, local, 100)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Dir{Path: local}).Stat(ctx, "zz/left-over.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("a copy from an earlier run is kept: %v", err)
	}
	put(t, c, "ab/one.jpg", "1111111111")
	put(t, c, "ab/two.jpg", "2222222222")
	put(t, c, "ab/big.jpg", strings.Repeat("x", 11)) // over a tenth of the bound
	for range 3 {
		if got, err := read(t, c, "ab/one.jpg"); err != nil || got != "1111111111" {
			t.Fatalf("read: %q %v", got, err)
		}
	}
	if remote.opens != 1 {
		t.Fatalf("%d reads reached the remote store, want 1", remote.opens)
	}
	remote.down = true
	if got, err := read(t, c, "ab/one.jpg"); err != nil || got != "1111111111" {
		t.Fatalf("read while the remote is down: %q %v", got, err)
	}
	if _, err := read(t, c, "ab/two.jpg"); congtin.ErrorCode(err) != congtin.EUNAVAILABLE {
		t.Fatalf("an object never read, remote down: %v, want unavailable", err)
	}
	remote.down = false
	if got, err := read(t, c, "ab/big.jpg"); err != nil || got != strings.Repeat("x", 11) {
		t.Fatalf("a large object: %q %v", got, err)
	}
	if _, err := (Dir{Path: local}).Stat(ctx, "ab/big.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatal("an object over a tenth of the bound was copied")
	}

	// Ten objects of 10 bytes fill the bound; one more evicts the least
	// recently read, which is ab/one.jpg only if it was not read lately.
	for i := range 10 {
		key := "cd/" + string(rune('a'+i)) + ".jpg"
		put(t, c, key, "0123456789")
		read(t, c, key)
		read(t, c, "ab/one.jpg") // kept warm
	}
	var n int
	var total int64
	Dir{Path: local}.List(ctx, "", func(i Info) error { n++; total += i.Size; return nil })
	if total > 100 {
		t.Fatalf("the local copies take %d bytes, bound 100", total)
	}
	if _, err := (Dir{Path: local}).Stat(ctx, "ab/one.jpg"); err != nil {
		t.Fatalf("the object read most often was evicted: %v", err)
	}
	if _, err := (Dir{Path: local}).Stat(ctx, "cd/a.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("the least recently read object is still there (%d files, %d bytes)", n, total)
	}

	if err := c.Delete(ctx, "ab/one.jpg"); err != nil {
		t.Fatal(err)
	}
	if _, err := read(t, c, "ab/one.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("a deleted object is still served: %v", err)
	}
	if b, _ := read(t, remote.Store, "ab/two.jpg"); !bytes.Equal([]byte(b), []byte("2222222222")) {
		t.Fatal("the remote lost an object")
	}
}
