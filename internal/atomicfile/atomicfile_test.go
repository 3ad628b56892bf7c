package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

type failingReader struct{ n int }

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n > 0 {
		f.n--
		return copy(p, "part"), nil
	}
	return 0, errors.New("disk full")
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(dir+"/a", 0o755); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := Write(root, "a", "a/ok.txt", strings.NewReader("xin chào")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dir + "/a/ok.txt"); string(b) != "xin chào" {
		t.Fatalf("got %q", b)
	}
	// A reader that fails half-way leaves nothing behind, not even the
	// temporary file, and the error names the file.
	err = Write(root, "a", "a/bad.txt", io.MultiReader(&failingReader{n: 2}))
	if err == nil || !strings.Contains(err.Error(), "a/bad.txt") {
		t.Fatalf("error %v", err)
	}
	entries, _ := os.ReadDir(dir + "/a")
	if len(entries) != 1 || entries[0].Name() != "ok.txt" {
		t.Fatalf("left behind: %v", entries)
	}
	// Names cannot leave the root.
	if err := Write(root, "a", "../escape.txt", strings.NewReader("x")); err == nil {
		t.Fatal("wrote outside the root")
	}
}

// An attachment's key has two folders ("van-ban/ab/…"): both are made.
func TestMkdirRootNested(t *testing.T) {
	dir := t.TempDir() + "/store"
	root, err := MkdirRoot(dir, "van-ban/ab/abc.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := Write(root, "van-ban/ab", "van-ban/ab/abc.pdf", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"/van-ban", "/van-ban/ab"} {
		if fi, err := os.Stat(dir + d); err != nil || fi.Mode().Perm() != 0o755 {
			t.Fatalf("folder %s: %v %v, want mode 0755", d, fi, err)
		}
	}
}

func TestMkdirRootAndOpen(t *testing.T) {
	dir := t.TempDir() + "/store"
	old := syscall.Umask(0o077)
	root, err := MkdirRoot(dir, "ab/abc.txt")
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	// The folder of the name is readable by the web server whatever the
	// umask, as the files are.
	if fi, err := os.Stat(dir + "/ab"); err != nil || fi.Mode().Perm() != 0o755 {
		t.Fatalf("folder ab: %v %v, want mode 0755", fi, err)
	}
	if err := Write(root, "ab", "ab/abc.txt", strings.NewReader("văn bản")); err != nil {
		t.Fatal(err)
	}
	f, err := Open(dir, "ab/abc.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "văn bản" {
		t.Fatalf("read %q", b)
	}
	// Nothing there, and what is not a regular file, is not there.
	if err := os.Symlink("/etc/hostname", dir+"/ab/link.txt"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dir, name string }{
		{dir, "ab/missing.txt"}, {dir + "/missing", "ab/abc.txt"}, {dir, "ab"},
	} {
		if f, err := Open(c.dir, c.name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Open(%q, %q) = %v, %v; want fs.ErrNotExist", c.dir, c.name, f, err)
		}
	}
	// Names and links cannot leave dir.
	for _, name := range []string{"../store/ab/abc.txt", "ab/link.txt"} {
		if f, err := Open(dir, name); err == nil {
			f.Close()
			t.Errorf("Open(%q) reached outside the folder", name)
		}
	}
}
