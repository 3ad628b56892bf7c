package media

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
)

const goodKey = "ab/abcdef0123-640.jpg"

func TestValidKey(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{goodKey, true},
		{"00/0-1.png", true},
		{"ab/" + strings.Repeat("a", 64) + "-1600.jpg", true},
		{"", false},
		{"../x", false},
		{"/etc/passwd", false},
		{"ab/../../x.jpg", false},
		{"ab/..", false},
		{"AB/x.jpg", false},
		{"ab/X.jpg", false},
		{"ab/x.JPG", false},
		{"ab/x.gif", false},
		{"ab/x.jpeg", false},
		{"ab/x", false},
		{"ab/.jpg", false},
		{"ab/.x.jpg", false},
		{"ab/x.y.jpg", false},
		{"ab\\x.jpg", false},
		{"ab/x\\y.jpg", false},
		{"ab//x.jpg", false},
		{"ab/x/y.jpg", false},
		{"ab/x.jpg/", false},
		{"a/x.jpg", false},
		{"abc/x.jpg", false},
		{"ab/x y.jpg", false},
		{"ab/x\x00.jpg", false},
		{"ab/x.jpg\x00", false},
		{"ab/ж.jpg", false},
		{"./ab/x.jpg", false},
		{"ab/" + strings.Repeat("a", maxKeyLen) + ".jpg", false},
	}
	for _, tt := range tests {
		if got := ValidKey(tt.key); got != tt.want {
			t.Errorf("ValidKey(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// disk is Files over a folder (blob.Dir), with the folder's path: the
// layout installs have is checked on it.
type disk struct {
	Files
	Dir string
}

// newDisk returns Files over a fresh folder, and that folder's parent,
// which must hold nothing but the folder.
func newDisk(t *testing.T) (disk, string) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "media")
	return disk{Files{Blobs: blob.Dir{Path: dir}}, dir}, parent
}

// listTree lists every path under dir, relative to it.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Bad keys are refused before the file system is touched at all.
func TestFilesRejectsBadKeys(t *testing.T) {
	ctx := context.Background()
	for _, key := range []string{
		"../x", "/etc/passwd", "ab/../../x.jpg", "AB/x.jpg", "ab\\..\\x.jpg",
		"..", "ab/x.txt", "", "ab/.tmp-x.jpg", "../../../../tmp/x.jpg",
	} {
		t.Run(key, func(t *testing.T) {
			d, parent := newDisk(t)
			err := d.Put(ctx, key, []byte("data"), ContentTypeJPEG)
			wantInvalid(t, err, "Đường dẫn ảnh không hợp lệ.")
			f, err := d.Open(ctx, key)
			if f != nil {
				f.Close()
			}
			wantInvalid(t, err, "Đường dẫn ảnh không hợp lệ.")
			if got := listTree(t, parent); len(got) != 0 {
				t.Errorf("file system touched: %v", got)
			}
		})
	}
}

func TestFilesRoundTrip(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	data := []byte("\xFF\xD8\xFFnot really a jpeg, the store does not care")
	if err := d.Put(ctx, goodKey, data, ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}
	// Idempotent: the same key and bytes again.
	if err := d.Put(ctx, goodKey, data, ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}

	f, err := d.Open(ctx, goodKey)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %q, %v; want %q", got, err, data)
	}
	if _, err := f.Seek(3, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(f); !bytes.Equal(got, data[3:]) {
		t.Errorf("after Seek: %q", got)
	}

	// Layout and permissions; no temporary file left behind.
	if got := listTree(t, d.Dir); strings.Join(got, " ") != "ab "+goodKey {
		t.Errorf("tree %v", got)
	}
	for name, want := range map[string]fs.FileMode{"ab": 0o755 | fs.ModeDir, goodKey: 0o644} {
		fi, err := os.Stat(filepath.Join(d.Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != want {
			t.Errorf("%s: mode %v, want %v", name, fi.Mode(), want)
		}
	}
}

// Replacing a file is atomic: readers holding the old file keep reading it
// whole, new readers get the new one.
func TestFilesReplace(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	if err := d.Put(ctx, goodKey, []byte("old"), ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}
	old, err := d.Open(ctx, goodKey)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if err := d.Put(ctx, goodKey, []byte("new!"), ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(old); string(got) != "old" {
		t.Errorf("old reader got %q", got)
	}
	f, err := d.Open(ctx, goodKey)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := io.ReadAll(f); string(got) != "new!" {
		t.Errorf("new reader got %q", got)
	}
}

func TestFilesConcurrentPut(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	data := bytes.Repeat([]byte("x"), 1<<16)
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Go(func() { errs[i] = d.Put(ctx, goodKey, data, ContentTypeJPEG) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if got := listTree(t, d.Dir); len(got) != 2 {
		t.Errorf("tree %v, want the directory and one file", got)
	}
}

func TestFilesNotFound(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	// The directory does not even exist yet.
	if _, err := d.Open(ctx, goodKey); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("missing Dir: err %v, want ENOTFOUND", err)
	}
	if err := d.Put(ctx, "ab/other.png", []byte("x"), ContentTypePNG); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{goodKey, "cd/x.jpg"} {
		if _, err := d.Open(ctx, key); congtin.ErrorCode(err) != congtin.ENOTFOUND {
			t.Errorf("Open(%q): err %v, want ENOTFOUND", key, err)
		}
	}
	// A directory where a file should be is not an image either.
	if err := os.MkdirAll(filepath.Join(d.Dir, "ef", "x.jpg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Open(ctx, "ef/x.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("directory: err %v, want ENOTFOUND", err)
	}
}

// A symbolic link inside Dir cannot lead a read or a write outside it.
func TestFilesSymlinkEscape(t *testing.T) {
	ctx := context.Background()
	d, parent := newDisk(t)
	outside := filepath.Join(parent, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.jpg"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(d.Dir, "ab")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if f, err := d.Open(ctx, "ab/secret.jpg"); err == nil {
		f.Close()
		t.Error("Open followed a symlink out of Dir")
	}
	if err := d.Put(ctx, "ab/new.jpg", []byte("x"), ContentTypeJPEG); err == nil {
		t.Error("Put followed a symlink out of Dir")
	}
	if got := listTree(t, outside); len(got) != 1 {
		t.Errorf("outside holds %v", got)
	}
}

func TestFilesMisuse(t *testing.T) {
	d, _ := newDisk(t)
	ctx := context.Background()
	if err := d.Put(ctx, goodKey, []byte("x"), ContentTypePNG); err == nil {
		t.Error("Put accepted a PNG content type for a .jpg key")
	}
	if err := (Files{Blobs: blob.Dir{}}).Put(ctx, goodKey, []byte("x"), ContentTypeJPEG); err == nil {
		t.Error("Put with an empty Dir succeeded")
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := d.Put(canceled, goodKey, []byte("x"), ContentTypeJPEG); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a canceled context: %v", err)
	}
	if _, err := d.Open(canceled, goodKey); !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a canceled context: %v", err)
	}
}

// What Process produces, Files stores and serves back unchanged.
func TestProcessThenStore(t *testing.T) {
	ctx := context.Background()
	d, _ := newDisk(t)
	p := mustProcess(t, encodeJPEG(t, photo(700, 400)))
	for _, v := range p.Variants {
		if err := d.Put(ctx, v.Key, v.Data, v.ContentType); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range p.Variants {
		f, err := d.Open(ctx, v.Key)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(f)
		f.Close()
		if !bytes.Equal(got, v.Data) {
			t.Errorf("%s: stored bytes differ", v.Key)
		}
	}
}
