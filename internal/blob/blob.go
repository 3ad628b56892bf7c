// Package blob is where congtin keeps files that are not rows: the image
// library's variants and the documents register's attachments. A Store is
// either a folder on the local disk (Dir, the default) or a bucket of an
// S3-compatible object store (package s3), so that several congtin nodes
// that share no disk serve the same files.
//
// Keys are slash-separated relative names chosen by congtin, never by a
// user: "ab/abcdef-640.jpg" for an image, "van-ban/ab/<sha256>.pdf" for an
// attachment. They carry the content hash, so an object is written once
// and never changes: putting a key again carries the same bytes.
package blob

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// Store keeps immutable files by key.
type Store interface {
	// Put stores size bytes read from r under key, with the content
	// type served for it. It returns only when the whole object is
	// stored and checked (its size, and where the store can, its
	// checksum): a caller may then commit the row that names it. A
	// reader that fails or is short leaves nothing under key.
	Put(ctx context.Context, key string, r io.Reader, size int64, contentType string) error
	// Open returns the stored object for reading, or an error with the
	// code congtin.ENOTFOUND when there is none. Reads and seeks may be
	// served by ranged requests; the caller closes it.
	Open(ctx context.Context, key string) (Object, error)
	// Stat describes the object under key, or returns ENOTFOUND.
	Stat(ctx context.Context, key string) (Info, error)
	// Delete removes the object under key; a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// List calls fn for every object whose key starts with prefix, in
	// no promised order, until fn returns an error (which List returns).
	List(ctx context.Context, prefix string, fn func(Info) error) error
}

// Object is an opened stored file: http.ServeContent serves it, ranges
// included.
type Object interface {
	io.ReadSeekCloser
}

// Info describes a stored object.
type Info struct {
	Key      string
	Size     int64
	Modified time.Time
}

// Pinger is a Store that can say whether it answers: /readyz asks it.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Presigner is a Store that can hand a reader a short-lived URL of its
// own for a large download, instead of the bytes passing through congtin.
type Presigner interface {
	// PresignGet returns a URL valid for ttl that serves key with the
	// given Content-Type and Content-Disposition.
	PresignGet(ctx context.Context, key string, ttl time.Duration, contentType, disposition string) (string, error)
}

// maxKeyLen bounds a key well below any file system's or object store's
// limits.
const maxKeyLen = 300

// ValidKey reports whether key is a name congtin would choose: segments of
// [a-z0-9._-] separated by single slashes, none empty and none starting
// with a dot (so no "..", no dot files, no temporary files of Dir), no
// upper case, no backslash, not absolute.
func ValidKey(key string) bool {
	if key == "" || len(key) > maxKeyLen {
		return false
	}
	for seg := range strings.SplitSeq(key, "/") {
		if seg == "" || seg[0] == '.' {
			return false
		}
		for i := range len(seg) {
			c := seg[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
				return false
			}
		}
	}
	return true
}

// ErrNotFound is the error of a missing object.
func ErrNotFound() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp.")
}

// ErrUnavailable wraps the error of a store that does not answer or
// refuses a write: the code is congtin.EUNAVAILABLE and the reader is told
// to try again; nothing was saved. err stays in the chain for the log.
func ErrUnavailable(err error) error {
	return fmt.Errorf("blob store: %w: %w", congtin.Errorf(congtin.EUNAVAILABLE,
		"Kho lưu trữ tệp đang không trả lời nên tệp chưa được lưu. Hãy thử lại sau ít phút."), err)
}
