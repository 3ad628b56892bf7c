package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/atomicfile"
)

// Store keeps processed images by key (Variant.Key). An object store can
// implement it as well as the local disk.
type Store interface {
	// Put stores data under key. It is idempotent: keys are content
	// addressed, so putting the same key again carries the same bytes
	// and succeeds.
	Put(ctx context.Context, key string, data []byte, contentType string) error
	// Open returns the stored file, or a congtin.ENOTFOUND error when
	// there is none. The caller closes it.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	// Delete removes the file stored under key; a key with no file is
	// not an error. Keys are content addressed and shared by every site
	// with the same image: the caller deletes only files no library
	// holds any more.
	Delete(ctx context.Context, key string) error
}

// maxKeyLen bounds a key well below any file system's name limits.
const maxKeyLen = 200

// ValidKey reports whether key has the form of a variant key:
// two characters of [a-z0-9], a slash, then a name of [a-z0-9-] with the
// extension .jpg or .png. Nothing else is a key: no "..", no absolute path,
// no backslash, no upper case, no dot file.
func ValidKey(key string) bool {
	if len(key) < len("ab/x.jpg") || len(key) > maxKeyLen {
		return false
	}
	if !isKeyChar(key[0], false) || !isKeyChar(key[1], false) || key[2] != '/' {
		return false
	}
	name := key[3:]
	stem, ok := strings.CutSuffix(name, ".jpg")
	if !ok {
		if stem, ok = strings.CutSuffix(name, ".png"); !ok {
			return false
		}
	}
	if stem == "" {
		return false
	}
	for i := range len(stem) {
		if !isKeyChar(stem[i], true) {
			return false
		}
	}
	return true
}

func isKeyChar(c byte, dash bool) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || dash && c == '-'
}

// contentTypeOf returns the content type that the extension of a valid key
// stands for.
func contentTypeOf(key string) string {
	if strings.HasSuffix(key, ".png") {
		return ContentTypePNG
	}
	return ContentTypeJPEG
}

func errBadKey() error {
	return congtin.Errorf(congtin.EINVALID, "Đường dẫn ảnh không hợp lệ.")
}

func errNoImage() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy ảnh.")
}

// Disk is a Store on the local file system: the file for key "ab/x.jpg" is
// Dir/ab/x.jpg. Every access goes through an os.Root opened on Dir, so that
// no key and no symbolic link can reach a file outside Dir; keys are also
// checked with ValidKey before anything is touched.
//
// Files are written atomically: to a temporary file in the same directory,
// synced, then renamed over the key. A reader sees the old file, or the
// whole new one, never a part. The content type is not stored: the key's
// extension implies it.
type Disk struct {
	Dir string
}

var _ Store = Disk{}

// Put implements Store. It creates Dir and the key's directory if needed
// (mode 0o755) and writes the file with mode 0o644. Putting bytes equal to
// those already stored does not write again.
func (d Disk) Put(ctx context.Context, key string, data []byte, contentType string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ValidKey(key) {
		return errBadKey()
	}
	if want := contentTypeOf(key); contentType != want {
		return fmt.Errorf("media: content type %q for key %q, want %q", contentType, key, want)
	}
	if d.Dir == "" {
		return errors.New("media: Disk.Dir is empty")
	}
	root, err := atomicfile.MkdirRoot(d.Dir, key)
	if err != nil {
		return fmt.Errorf("media: %w", err)
	}
	defer root.Close()
	if old, err := root.ReadFile(key); err == nil && bytes.Equal(old, data) {
		return nil // already there: nothing to do
	}
	if err := atomicfile.Write(root, path.Dir(key), key, bytes.NewReader(data)); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}

// Open implements Store.
func (d Disk) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !ValidKey(key) {
		return nil, errBadKey()
	}
	if d.Dir == "" {
		return nil, errors.New("media: Disk.Dir is empty")
	}
	f, err := atomicfile.Open(d.Dir, key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoImage()
	} else if err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	return f, nil
}

// Delete implements Store. A key with no file is not an error.
func (d Disk) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ValidKey(key) {
		return errBadKey()
	}
	root, err := os.OpenRoot(d.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("media: %w", err)
	}
	defer root.Close()
	if err := root.Remove(key); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}
