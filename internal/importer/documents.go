package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// AttachDocumentFiles checks every record's files, then reads and stores
// each as the back office stores an upload (docfile.Receive: kind sniffed;
// then the file store; the text is read in the background once the
// import is written) and sets the records' Attached.
// A path must name a regular file inside dir, the JSON file's folder (no
// absolute path, no "..", no symbolic link leading out), of at most
// maxBytes. Every path is checked before any file is read; an error names
// the record. progress, when not nil, is told of each file stored.
func AttachDocumentFiles(ctx context.Context, dir string, recs []congtin.DocumentImport, maxBytes int64, store docfile.Store, progress func(done, total int)) error {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	if root, err = filepath.Abs(root); err != nil {
		return err
	}
	paths := make([][]string, len(recs))
	total := 0
	for i := range recs {
		r := &recs[i]
		for _, p := range r.Files {
			full, err := resolve(root, p, maxBytes)
			if err != nil {
				return fmt.Errorf("%s: tệp “%s”: %w", r.Label(i), p, err)
			}
			paths[i] = append(paths[i], full)
			total++
		}
	}
	done := 0
	for i := range recs {
		r := &recs[i]
		r.Attached = nil
		for j, full := range paths[i] {
			f, err := attach(ctx, full, maxBytes, store)
			if err != nil {
				return fmt.Errorf("%s: tệp “%s”: %w", r.Label(i), r.Files[j], err)
			}
			r.Attached = append(r.Attached, f)
			done++
			if progress != nil {
				progress(done, total)
			}
		}
	}
	return nil
}

// resolve returns the real path of p, relative to root, when it is a
// regular file inside root no larger than maxBytes.
func resolve(root, p string, maxBytes int64) (string, error) {
	if strings.TrimSpace(p) == "" {
		return "", errors.New("đường dẫn trống")
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || filepath.VolumeName(p) != "" {
		return "", errors.New("đường dẫn phải tương đối so với thư mục của tệp JSON, không được là đường dẫn tuyệt đối")
	}
	full, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(p)))
	if errors.Is(err, os.ErrNotExist) {
		return "", errors.New("không tìm thấy tệp")
	} else if err != nil {
		return "", fmt.Errorf("không đọc được tệp: %w", err)
	}
	if rel, err := filepath.Rel(root, full); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", errors.New("tệp nằm ngoài thư mục của tệp JSON; chỉ nhập được tệp trong thư mục đó")
	}
	st, err := os.Stat(full)
	switch {
	case err != nil:
		return "", fmt.Errorf("không đọc được tệp: %w", err)
	case !st.Mode().IsRegular():
		return "", errors.New("không phải là một tệp")
	case st.Size() > maxBytes:
		return "", fmt.Errorf("tệp quá lớn: tối đa %d MB mỗi tệp", maxBytes>>20)
	case st.Size() == 0:
		return "", errors.New("tệp rỗng")
	}
	return full, nil
}

// attach reads one file through docfile.Receive and stores it; its text
// is read in the background once the import is written.
func attach(ctx context.Context, path string, maxBytes int64, store docfile.Store) (congtin.DocumentFileInput, error) {
	f, err := os.Open(path)
	if err != nil {
		return congtin.DocumentFileInput{}, fmt.Errorf("không đọc được tệp: %w", err)
	}
	defer f.Close()
	u, err := docfile.Receive("", filepath.Base(path), f, maxBytes)
	switch {
	case errors.Is(err, docfile.ErrTooLarge):
		return congtin.DocumentFileInput{}, fmt.Errorf("tệp quá lớn: tối đa %d MB mỗi tệp", maxBytes>>20)
	case congtin.ErrorCode(err) == congtin.EINVALID:
		return congtin.DocumentFileInput{}, errors.New(congtin.ErrorMessage(err))
	case err != nil:
		return congtin.DocumentFileInput{}, err
	}
	defer u.Close()
	return u.Input(), u.Save(ctx, store)
}
