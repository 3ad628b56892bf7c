package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/congtin/congtin/internal/atomicfile"
)

// Dir is a Store in a folder of the local disk: the object "ab/x.jpg" is
// the file Dir/ab/x.jpg. Every access goes through an os.Root on Dir, so
// no key and no symbolic link reaches a file outside it. Files are written
// atomically (a temporary file, synced, renamed): a reader sees the whole
// file or none.
type Dir struct {
	Path string
}

var _ Store = Dir{}

func (d Dir) check(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ValidKey(key) {
		return fmt.Errorf("blob: bad key %q", key)
	}
	if d.Path == "" {
		return errors.New("blob: Dir.Path is empty")
	}
	return nil
}

// Put implements Store. A key already stored with the same size is left
// as it is: keys are content addressed.
func (d Dir) Put(ctx context.Context, key string, r io.Reader, size int64, contentType string) error {
	if err := d.check(ctx, key); err != nil {
		return err
	}
	root, err := atomicfile.MkdirRoot(d.Path, key)
	if err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	defer root.Close()
	if fi, err := root.Stat(key); err == nil && fi.Mode().IsRegular() && fi.Size() == size {
		return nil
	}
	// A reader that ends early (or goes on) must not leave a file of
	// the wrong size under the key.
	if err := atomicfile.Write(root, path.Dir(key), key, Exact(r, size)); err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	return nil
}

// Open implements Store.
func (d Dir) Open(ctx context.Context, key string) (Object, error) {
	if err := d.check(ctx, key); err != nil {
		return nil, err
	}
	f, err := atomicfile.Open(d.Path, key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound()
	} else if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return f, nil
}

// Stat implements Store.
func (d Dir) Stat(ctx context.Context, key string) (Info, error) {
	f, err := d.Open(ctx, key)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	fi, err := f.(*os.File).Stat()
	if err != nil {
		return Info{}, fmt.Errorf("blob: %w", err)
	}
	return Info{Key: key, Size: fi.Size(), Modified: fi.ModTime()}, nil
}

// Delete implements Store.
func (d Dir) Delete(ctx context.Context, key string) error {
	if err := d.check(ctx, key); err != nil {
		return err
	}
	root, err := os.OpenRoot(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	defer root.Close()
	if err := root.Remove(key); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("blob: %w", err)
	}
	return nil
}

// List implements Store. Temporary files of a write in progress, and
// anything else whose name is not a valid key, are not objects.
func (d Dir) List(ctx context.Context, prefix string, fn func(Info) error) error {
	if d.Path == "" {
		return errors.New("blob: Dir.Path is empty")
	}
	root, err := os.OpenRoot(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("blob: %w", err)
	}
	defer root.Close()
	return fs.WalkDir(root.FS(), ".", func(name string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if de.IsDir() {
			// Skip folders that cannot hold a key with the prefix.
			if name != "." && !strings.HasPrefix(name+"/", prefix) && !strings.HasPrefix(prefix, name+"/") {
				return fs.SkipDir
			}
			return nil
		}
		key := filepath.ToSlash(name)
		if !de.Type().IsRegular() || !ValidKey(key) || !strings.HasPrefix(key, prefix) {
			return nil
		}
		fi, err := de.Info()
		if err != nil {
			return err
		}
		return fn(Info{Key: key, Size: fi.Size(), Modified: fi.ModTime()})
	})
}
