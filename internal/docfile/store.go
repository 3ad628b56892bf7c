package docfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/atomicfile"
)

// Store keeps attachments by content hash and kind. An object store can
// implement it as well as the local disk.
type Store interface {
	// Put stores the bytes read from r under the hash (the SHA-256 of
	// those bytes, hex) and kind. Putting a hash already stored succeeds
	// without writing.
	Put(ctx context.Context, hash, kind string, r io.Reader) error
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

// Disk is a Store on the local file system, under Dir (for example
// media/van-ban beside the images). Every access goes through an os.Root
// on Dir. Files are written to a temporary name, synced and renamed, so a
// reader never sees half a file.
type Disk struct {
	Dir string
}

var _ Store = Disk{}

// Put implements Store.
func (d Disk) Put(ctx context.Context, hash, kind string, r io.Reader) (err error) {
	key, ok := Key(hash, kind)
	if !ok {
		return fmt.Errorf("docfile: bad key %q.%q", hash, kind)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.Dir == "" {
		return errors.New("docfile: Disk.Dir is empty")
	}
	root, err := atomicfile.MkdirRoot(d.Dir, key)
	if err != nil {
		return fmt.Errorf("docfile: %w", err)
	}
	defer root.Close()
	if fi, err := root.Stat(key); err == nil && fi.Mode().IsRegular() {
		return nil // content addressed: the same bytes are there
	}
	if err := atomicfile.Write(root, path.Dir(key), key, r); err != nil {
		return fmt.Errorf("docfile: %w", err)
	}
	return nil
}

// Open implements Store.
func (d Disk) Open(ctx context.Context, hash, kind string) (io.ReadSeekCloser, error) {
	key, ok := Key(hash, kind)
	notFound := congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp đính kèm.")
	if !ok {
		return nil, notFound
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := atomicfile.Open(d.Dir, key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notFound
	} else if err != nil {
		return nil, fmt.Errorf("docfile: %w", err)
	}
	return f, nil
}
