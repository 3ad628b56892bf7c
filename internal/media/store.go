package media

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
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

// Files is a Store over a blob.Store: the image with key "ab/x.jpg" is
// the object "ab/x.jpg", so that over blob.Dir{Path: MEDIA_DIR} it is the
// file MEDIA_DIR/ab/x.jpg, as installs have always had it. Keys are
// checked with ValidKey before the blob store is asked anything. The
// content type is not stored apart: the key's extension implies it.
type Files struct {
	Blobs blob.Store
}

var _ Store = Files{}

// Put implements Store. Bytes already stored under the key are not
// written again (the key carries their hash).
func (f Files) Put(ctx context.Context, key string, data []byte, contentType string) error {
	if !ValidKey(key) {
		return errBadKey()
	}
	if want := contentTypeOf(key); contentType != want {
		return fmt.Errorf("media: content type %q for key %q, want %q", contentType, key, want)
	}
	if err := f.Blobs.Put(ctx, key, bytes.NewReader(data), int64(len(data)), contentType); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}

// Open implements Store.
func (f Files) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	if !ValidKey(key) {
		return nil, errBadKey()
	}
	o, err := f.Blobs.Open(ctx, key)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return nil, errNoImage()
	} else if err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	return o, nil
}

// Delete implements Store. A key with no file is not an error.
func (f Files) Delete(ctx context.Context, key string) error {
	if !ValidKey(key) {
		return errBadKey()
	}
	if err := f.Blobs.Delete(ctx, key); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}
