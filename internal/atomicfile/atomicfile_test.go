package atomicfile

import (
	"errors"
	"io"
	"os"
	"strings"
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
