package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/importer"
)

// runImportDocuments imports a documents register: the records read and
// checked, their files checked and stored as the back office stores an
// upload, then every document written in one transaction, or none.
func runImportDocuments(ctx context.Context, cfg *config.Config, name string, maxBytes int64, stdout, stderr io.Writer) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	recs, err := importer.ReadDocumentsJSON(f, maxBytes)
	f.Close()
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", name, err)
	}
	db, site, err := openSite(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	blobs, err := openBlobs(cfg)
	if err != nil {
		return err
	}
	// The files are stored before the documents are written; what this
	// import added is taken back when they are not.
	added := &blob.Added{Store: blobs}
	files := docfile.Files{Blobs: added}
	takeBack := func() {
		if err := added.Remove(ctx); err != nil {
			fmt.Fprintf(stderr, "files stored for this import are left in the media store (congtin media check lists them): %v\n", err)
		}
	}
	var progress func(done, total int)
	if isTerminal(stderr) {
		progress = func(done, total int) {
			fmt.Fprintf(stderr, "\rđã đọc %d/%d tệp", done, total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	fileMax := int64(max(cfg.FileMaxMB, 1)) << 20
	if err := importer.AttachDocumentFiles(ctx, filepath.Dir(name), recs, fileMax, files, progress); err != nil {
		takeBack()
		return fmt.Errorf("import %s: %w; nothing was imported", name, err)
	}
	if progress != nil {
		fmt.Fprintf(stderr, "đang ghi %d văn bản…\n", len(recs))
	}
	res, err := db.ImportDocuments(ctx, site.ID, recs)
	if err != nil {
		takeBack()
		return importFailed(name, err)
	}
	created := 0
	for i, d := range res.Documents {
		fmt.Fprintln(stdout, d.Path())
		if res.Created[i] {
			created++
		}
	}
	fmt.Fprintf(stderr, "imported %d documents (%d new, %d updated)\n", len(res.Documents), created, len(res.Documents)-created)
	if len(res.NewTypes) > 0 {
		fmt.Fprintf(stderr, "new document types added to the list: %s\n", strings.Join(res.NewTypes, ", "))
	}
	if len(res.NewFields) > 0 {
		fmt.Fprintf(stderr, "new fields added to the list: %s\n", strings.Join(res.NewFields, ", "))
	}
	// The files' text (and OCR of scans) is read by the server's
	// background worker, not here: an import of a thousand scans would
	// otherwise take hours.
	if queued, _, err := db.CountJobs(ctx, congtin.JobFileText); err == nil && queued > 0 {
		fmt.Fprintf(stderr, "%d attached files queued to have their text read (OCR for scans) by the running server (congtin serve)\n", queued)
	}
	if len(res.Documents) >= bulkRows {
		maintain(ctx, db.DB, stderr)
	}
	return nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
