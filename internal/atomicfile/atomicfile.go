// Package atomicfile writes a file so that readers see all of it or none
// of it, even across a crash: the image library and the documents
// register's attachments both store files this way.
package atomicfile

import (
	"crypto/rand"
	"fmt"
	"io"
	"os"
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
