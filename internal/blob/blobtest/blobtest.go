// Package blobtest is the behaviour suite every blob.Store passes: the
// local folder (blob.Dir) and the S3 bucket (package s3, on a real
// SeaweedFS server) run the same tests, so that congtin behaves the same
// on one machine and on several.
package blobtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
)

// Run runs the suite; newStore returns an empty store for one test.
func Run(t *testing.T, newStore func(t *testing.T) blob.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, blob.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"RangeRequest", testRangeRequest},
		{"PutAgain", testPutAgain},
		{"Missing", testMissing},
		{"Delete", testDelete},
		{"List", testList},
		{"BadKeys", testBadKeys},
		{"BadReaders", testBadReaders},
		{"ConcurrentPuts", testConcurrentPuts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newStore(t)) })
	}
}

// Bytes returns n pseudo-random bytes, different for each seed.
func Bytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// MustPut stores data under key and fails the test if it cannot.
func MustPut(t testing.TB, s blob.Store, key string, data []byte) {
	t.Helper()
	if err := s.Put(context.Background(), key, bytes.NewReader(data), int64(len(data)), "application/octet-stream"); err != nil {
		t.Fatalf("put %s: %v", key, err)
	}
}

// ReadAll opens key and returns its bytes.
func ReadAll(t testing.TB, s blob.Store, key string) []byte {
	t.Helper()
	obj, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer obj.Close()
	b, err := io.ReadAll(obj)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return b
}

// Keys lists the keys under prefix, sorted.
func Keys(t testing.TB, s blob.Store, prefix string) []string {
	t.Helper()
	var keys []string
	err := s.List(context.Background(), prefix, func(i blob.Info) error {
		keys = append(keys, i.Key)
		return nil
	})
	if err != nil {
		t.Fatalf("list %q: %v", prefix, err)
	}
	slices.Sort(keys)
	return keys
}

// ServeRange serves key through http.ServeContent, as congtin's handlers
// do, asks it for the bytes first to last (inclusive) and checks that the
// answer is those bytes of data.
func ServeRange(t testing.TB, s blob.Store, key string, data []byte, first, last int) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		obj, err := s.Open(r.Context(), key)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer obj.Close()
		http.ServeContent(w, r, key, time.Time{}, obj)
	}))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", first, last))
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("status %d, want 206: %s", resp.StatusCode, got)
	}
	if want := fmt.Sprintf("bytes %d-%d/%d", first, last, len(data)); resp.Header.Get("Content-Range") != want {
		t.Errorf("Content-Range %q, want %q", resp.Header.Get("Content-Range"), want)
	}
	if !bytes.Equal(got, data[first:last+1]) {
		t.Fatalf("the range's %d bytes differ from the object's", len(got))
	}
}

func testRoundTrip(t *testing.T, s blob.Store) {
	ctx := context.Background()
	data := Bytes(1, 70_000)
	key := "ab/abcdef-640.jpg"
	if err := s.Put(ctx, key, bytes.NewReader(data), int64(len(data)), "image/jpeg"); err != nil {
		t.Fatal(err)
	}
	if got := ReadAll(t, s, key); !bytes.Equal(got, data) {
		t.Fatalf("read %d bytes back, differing from the %d put", len(got), len(data))
	}
	info, err := s.Stat(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if info.Key != key || info.Size != int64(len(data)) {
		t.Errorf("stat: %+v", info)
	}
	if d := time.Since(info.Modified); d < -time.Hour || d > time.Hour {
		t.Errorf("stat: modified %v, now %v", info.Modified, time.Now())
	}
	// An empty file is a file.
	MustPut(t, s, "empty.txt", nil)
	if got := ReadAll(t, s, "empty.txt"); len(got) != 0 {
		t.Errorf("empty file read as %d bytes", len(got))
	}
}

func testRangeRequest(t *testing.T, s blob.Store) {
	data := Bytes(2, 5_000_000)
	MustPut(t, s, "van-ban/ab/big.pdf", data)
	ServeRange(t, s, "van-ban/ab/big.pdf", data, 4_000_000, 4_000_099)
	ServeRange(t, s, "van-ban/ab/big.pdf", data, 0, 9)
	ServeRange(t, s, "van-ban/ab/big.pdf", data, len(data)-10, len(data)-1)
}

func testPutAgain(t *testing.T, s blob.Store) {
	data := Bytes(3, 1000)
	MustPut(t, s, "ab/x.png", data)
	MustPut(t, s, "ab/x.png", data)
	if got := Keys(t, s, ""); !slices.Equal(got, []string{"ab/x.png"}) {
		t.Fatalf("keys %q", got)
	}
	if got := ReadAll(t, s, "ab/x.png"); !bytes.Equal(got, data) {
		t.Fatal("a second put changed the object")
	}
}

func wantNotFound(t *testing.T, what string, err error) {
	t.Helper()
	if congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("%s: %v, want code %s", what, err, congtin.ENOTFOUND)
	}
}

func testMissing(t *testing.T, s blob.Store) {
	ctx := context.Background()
	obj, err := s.Open(ctx, "ab/missing.jpg")
	if err == nil {
		obj.Close()
	}
	wantNotFound(t, "open", err)
	_, err = s.Stat(ctx, "ab/missing.jpg")
	wantNotFound(t, "stat", err)
	// In an existing folder too.
	MustPut(t, s, "ab/there.jpg", []byte("x"))
	_, err = s.Stat(ctx, "ab/missing.jpg")
	wantNotFound(t, "stat beside another", err)
}

func testDelete(t *testing.T, s blob.Store) {
	ctx := context.Background()
	if err := s.Delete(ctx, "ab/never.jpg"); err != nil {
		t.Fatalf("delete of a missing key: %v", err)
	}
	MustPut(t, s, "ab/gone.jpg", []byte("gone"))
	MustPut(t, s, "ab/kept.jpg", []byte("kept"))
	if err := s.Delete(ctx, "ab/gone.jpg"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Stat(ctx, "ab/gone.jpg")
	wantNotFound(t, "stat after delete", err)
	if got := Keys(t, s, ""); !slices.Equal(got, []string{"ab/kept.jpg"}) {
		t.Fatalf("keys %q", got)
	}
	if err := s.Delete(ctx, "ab/gone.jpg"); err != nil {
		t.Fatalf("second delete: %v", err)
	}
}

func testList(t *testing.T, s blob.Store) {
	if got := Keys(t, s, ""); len(got) != 0 {
		t.Fatalf("an empty store lists %q", got)
	}
	all := []string{"a/1.jpg", "a/2.jpg", "ab/4.jpg", "b/3.pdf", "van-ban/cd/5.pdf"}
	for i, k := range all {
		MustPut(t, s, k, Bytes(uint64(i), 10+i))
	}
	for _, tc := range []struct {
		prefix string
		want   []string
	}{
		{"", all},
		{"a/", all[:2]},
		{"a", all[:3]},
		{"van-ban/", all[4:]},
		{"van-ban/cd/5", all[4:]},
		{"c", nil},
	} {
		if got := Keys(t, s, tc.prefix); !slices.Equal(got, tc.want) {
			t.Errorf("list %q: %q, want %q", tc.prefix, got, tc.want)
		}
	}
	var sizes []int64
	err := s.List(context.Background(), "b/", func(i blob.Info) error {
		sizes = append(sizes, i.Size)
		if i.Modified.IsZero() {
			t.Errorf("%s: no modification time", i.Key)
		}
		return nil
	})
	if err != nil || !slices.Equal(sizes, []int64{13}) {
		t.Errorf("list b/: sizes %v, %v", sizes, err)
	}
	stop := errors.New("enough")
	n := 0
	err = s.List(context.Background(), "", func(blob.Info) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("a stopping fn: %v after %d calls", err, n)
	}
}

func testBadKeys(t *testing.T, s blob.Store) {
	ctx := context.Background()
	for _, key := range []string{"", "/abs.jpg", "../up.jpg", "a/../b.jpg", "a//b.jpg", "a/", "Upper.jpg",
		".hidden", "ab/.tmp-1", `a\b.jpg`, "a b.jpg", "ảnh.jpg", strings.Repeat("a", 301)} {
		if err := s.Put(ctx, key, strings.NewReader("x"), 1, "text/plain"); err == nil {
			t.Errorf("put %q: no error", key)
		}
		if obj, err := s.Open(ctx, key); err == nil {
			obj.Close()
			t.Errorf("open %q: no error", key)
		}
		if _, err := s.Stat(ctx, key); err == nil {
			t.Errorf("stat %q: no error", key)
		}
		if err := s.Delete(ctx, key); err == nil {
			t.Errorf("delete %q: no error", key)
		}
	}
	if got := Keys(t, s, ""); len(got) != 0 {
		t.Fatalf("bad keys wrote %q", got)
	}
}

// failingReader gives n bytes, then an error.
type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("the upload was cut")
	}
	k := min(len(p), f.n)
	f.n -= k
	return k, nil
}

func testBadReaders(t *testing.T, s blob.Store) {
	ctx := context.Background()
	data := Bytes(4, 100_000)
	for _, tc := range []struct {
		name string
		r    io.Reader
		size int64
	}{
		{"failing", &failingReader{n: 60_000}, 100_000},
		{"short", bytes.NewReader(data[:50_000]), 100_000},
		{"long", bytes.NewReader(data), 50_000},
		{"failing large", io.MultiReader(bytes.NewReader(Bytes(5, 9<<20)), &failingReader{}), 10 << 20},
	} {
		key := "ab/" + strings.ReplaceAll(tc.name, " ", "-") + ".jpg"
		if err := s.Put(ctx, key, tc.r, tc.size, "image/jpeg"); err == nil {
			t.Errorf("%s reader: no error", tc.name)
		}
		_, err := s.Stat(ctx, key)
		wantNotFound(t, tc.name+" reader: stat", err)
	}
	if got := Keys(t, s, ""); len(got) != 0 {
		t.Fatalf("bad readers left %q", got)
	}
	// A failed put of a key leaves the object already stored there (a
	// store may also see the key is there and not read at all).
	MustPut(t, s, "ab/kept.jpg", data)
	_ = s.Put(ctx, "ab/kept.jpg", &failingReader{n: 10}, int64(len(data)), "image/jpeg")
	if got := ReadAll(t, s, "ab/kept.jpg"); !bytes.Equal(got, data) {
		t.Error("a failed put damaged the stored object")
	}
}

func testConcurrentPuts(t *testing.T, s blob.Store) {
	data := Bytes(6, 300_000)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			errs[i] = s.Put(context.Background(), "ab/same.jpg", bytes.NewReader(data), int64(len(data)), "image/jpeg")
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("put %d: %v", i, err)
		}
	}
	if got := ReadAll(t, s, "ab/same.jpg"); !bytes.Equal(got, data) {
		t.Fatal("concurrent puts stored other bytes")
	}
	if got := Keys(t, s, ""); !slices.Equal(got, []string{"ab/same.jpg"}) {
		t.Fatalf("keys %q", got)
	}
}
