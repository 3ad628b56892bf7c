package docfile

import (
	"context"
	"fmt"
	"io"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
)

// Store keeps attachments by content hash and kind. An object store can
// implement it as well as the local disk.
type Store interface {
	// Put stores the size bytes read from r under the hash (the SHA-256
	// of those bytes, hex) and kind. Putting a hash already stored
	// succeeds without writing.
	Put(ctx context.Context, hash, kind string, r io.Reader, size int64) error
	// Open returns the stored file, or a congtin.ENOTFOUND error.
	Open(ctx context.Context, hash, kind string) (io.ReadSeekCloser, error)
}

// Key returns the relative path of a file: "ab/abcdef….pdf". The hash is
// checked to be 64 lower-case hex digits and the kind one of the known
// ones, so no key can leave the store's directory.
func Key(hash, kind string) (string, bool) {
	if len(hash) != 64 || congtin.FileContentType(kind) == "application/octet-stream" {
		return "", false
	}
	for i := range len(hash) {
		c := hash[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", false
		}
	}
	return hash[:2] + "/" + hash + "." + kind, true
}

// Prefix is the folder of attachments in the blob store, beside the
// images: "van-ban/ab/<sha256>.pdf" is MEDIA_DIR/van-ban/ab/<sha256>.pdf
// over blob.Dir, as installs have always had it.
const Prefix = "van-ban/"

// Files is a Store over a blob.Store, attachments under Prefix.
type Files struct {
	Blobs blob.Store
	// RedirectAbove: a public attachment larger than this many bytes is
	// downloaded by a redirect to a presigned URL when Blobs is a
	// blob.Presigner (Serve); 0 never redirects.
	RedirectAbove int64
}

var _ Store = Files{}

// BlobKey is the blob store's key of an attachment.
func BlobKey(hash, kind string) (string, bool) {
	key, ok := Key(hash, kind)
	return Prefix + key, ok
}

// Put implements Store.
func (f Files) Put(ctx context.Context, hash, kind string, r io.Reader, size int64) error {
	key, ok := BlobKey(hash, kind)
	if !ok {
		return fmt.Errorf("docfile: bad key %q.%q", hash, kind)
	}
	if err := f.Blobs.Put(ctx, key, r, size, congtin.FileContentType(kind)); err != nil {
		return fmt.Errorf("docfile: %w", err)
	}
	return nil
}

// Open implements Store.
func (f Files) Open(ctx context.Context, hash, kind string) (io.ReadSeekCloser, error) {
	key, ok := BlobKey(hash, kind)
	if !ok {
		return nil, errNoFile()
	}
	o, err := f.Blobs.Open(ctx, key)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return nil, errNoFile()
	} else if err != nil {
		return nil, fmt.Errorf("docfile: %w", err)
	}
	return o, nil
}

// presign returns a presigned URL for a file larger than RedirectAbove
// when the blob store makes them, "" otherwise.
func (f Files) presign(ctx context.Context, df *congtin.DocumentFile, ctype, disposition string) (string, error) {
	p, ok := f.Blobs.(blob.Presigner)
	if !ok || f.RedirectAbove <= 0 || df.Size <= f.RedirectAbove {
		return "", nil
	}
	key, ok := BlobKey(df.Hash, df.Kind)
	if !ok {
		return "", errNoFile()
	}
	u, err := p.PresignGet(ctx, key, PresignTTL, ctype, disposition)
	if err != nil {
		return "", fmt.Errorf("docfile: presign: %w", err)
	}
	return u, nil
}

func errNoFile() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp đính kèm.")
}
