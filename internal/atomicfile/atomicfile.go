// Package atomicfile writes a file so that readers see all of it or none
// of it, even across a crash, and opens it again for reading, every access
// confined to the store's folder: the image library and the documents
// register's attachments both store files this way.
package atomicfile

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
)

// Write copies r to a new temporary file in dir (under root), syncs it,
// renames it to name and syncs dir, so that the rename survives a crash.
// Temporary names start with ".tmp-", which callers' valid names never
// do, so a half-written file is never served. On error the temporary
// file is removed.
func Write(root *os.Root, dir, name string, r io.Reader) (err error) {
	tmp := dir + "/.tmp-" + rand.Text()
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close() // no-op error if already closed
			root.Remove(tmp)
			err = fmt.Errorf("write %s: %w", name, err)
		}
	}()
	if err := f.Chmod(0o644); err != nil { // whatever the umask
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := root.Rename(tmp, name); err != nil {
		return err
	}
	// Make the rename durable. Some file systems cannot sync a
	// directory; the file itself is complete either way.
	if df, err := root.Open(dir); err == nil {
		df.Sync()
		df.Close()
	}
	return nil
}

// MkdirRoot opens the folder dir as an os.Root for Write, making dir and,
// under it, the folders of name (slash-separated, as deep as it goes:
// "van-ban/ab/x.pdf") first when they are missing. They get mode 0o755
// whatever the umask, as Write gives its files 0o644. The caller closes
// the root.
func MkdirRoot(dir, name string) (*os.Root, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	folder := path.Dir(name)
	for i := range len(folder) + 1 {
		if i < len(folder) && folder[i] != '/' || folder == "." {
			continue
		}
		if err := mkdir(root, folder[:i]); err != nil {
			root.Close()
			return nil, err
		}
	}
	return root, nil
}

// mkdir makes the folder name under root with mode 0o755, whatever the
// umask, unless it exists.
func mkdir(root *os.Root, name string) error {
	err := root.Mkdir(name, 0o755)
	if errors.Is(err, fs.ErrExist) {
		return nil
	} else if err != nil {
		return err
	}
	f, err := root.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o755)
}

// Open opens the regular file name under dir for reading. It goes through
// an os.Root on dir, so that no name and no symbolic link reaches a file
// outside dir. A missing dir or file, or a name that is not a regular
// file, is an error that is fs.ErrNotExist.
func Open(dir, name string) (*os.File, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close() // the file stays open on its own
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("open %s: not a regular file: %w", name, fs.ErrNotExist)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
