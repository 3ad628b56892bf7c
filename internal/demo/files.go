package demo

import (
	"context"
	"embed"
	"path"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// realFiles are attachments made as an agency makes them, so the demo
// shows what the register does with real files: a plan printed to PDF by
// Chromium, a decision typed in Times New Roman and exported by
// LibreOffice (with its DOCX), and a stamped notice scanned to a PDF of
// page images, whose text only OCR reads. They are committed because the
// demo must start without Chromium or LibreOffice; TestDemoFiles
// (files_test.go) rebuilds them with -update-demo-files and checks them.
//
//go:embed files/*.pdf files/*.docx
var realFiles embed.FS

// attach stores a document's attachments as uploads are stored: its real
// files when it has some, otherwise a PDF generated from its fields.
// Each file is named after the document's number.
func (d *demoDoc) attach(ctx context.Context, files docfile.Store, in congtin.DocumentInput) ([]congtin.DocumentFileInput, error) {
	base := strings.ReplaceAll(in.Number, "/", "-")
	if len(d.files) == 0 {
		f, err := storeFile(ctx, files, base+".pdf", documentPDF(d.typ, in))
		return []congtin.DocumentFileInput{f}, err
	}
	var out []congtin.DocumentFileInput
	for _, name := range d.files {
		data, err := realFiles.ReadFile("files/" + name)
		if err != nil {
			return nil, err
		}
		f, err := storeFile(ctx, files, base+path.Ext(name), data)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}
