package docfiletest

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// LibreOfficePDF makes a Word document and its PDF the way an agency's
// clerk does: paragraphs set in Times New Roman 13 pt, saved as DOCX by
// LibreOffice, and that DOCX exported to PDF by LibreOffice. A paragraph
// "\f" starts a new page. Debian has no Times New Roman; fontconfig
// substitutes the metric-compatible Liberation Serif, which LibreOffice
// embeds (subset, with ToUnicode maps).
//
// LibreOffice runs bounded (a time limit, its own profile and HOME in a
// temporary folder, so tests running at once do not share a profile).
func LibreOfficePDF(t testing.TB, paragraphs ...string) (docx, pdf []byte) {
	t.Helper()
	office := Tool(t, "libreoffice", "soffice")
	dir := t.TempDir()
	var page bytes.Buffer
	page.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>` + "\n")
	style := "font-family:'Times New Roman';font-size:13pt"
	for _, p := range paragraphs {
		if p == "\f" {
			style += ";page-break-before:always"
			continue
		}
		page.WriteString(`<p style="` + style + `">`)
		xmlEscape(&page, p)
		page.WriteString("</p>\n")
		style = "font-family:'Times New Roman';font-size:13pt"
	}
	src := filepath.Join(dir, "van-ban.html")
	if err := os.WriteFile(src, page.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	docxPath := convert(t, office, dir, src, "docx:MS Word 2007 XML", "docx")
	pdfPath := convert(t, office, dir, docxPath, "pdf", "pdf")
	var err error
	if docx, err = os.ReadFile(docxPath); err != nil {
		t.Fatal(err)
	}
	if pdf, err = os.ReadFile(pdfPath); err != nil {
		t.Fatal(err)
	}
	return docx, pdf
}

// convert runs `soffice --headless --convert-to filter` on in, writing
// into a fresh folder under dir, and returns the path of the result,
// named after in with the extension ext.
func convert(t testing.TB, office, dir, in, filter, ext string) string {
	t.Helper()
	out, err := os.MkdirTemp(dir, "out-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, office,
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", filter, "--outdir", out, in)
	cmd.Env = []string{"HOME=" + filepath.Join(dir, "home"), "PATH=/usr/bin:/bin", "LANG=C.UTF-8"}
	cmd.WaitDelay = 5 * time.Second
	b, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("libreoffice --convert-to %s: no result in 120 s\n%s", filter, b)
	}
	if err != nil {
		t.Fatalf("libreoffice --convert-to %s: %v\n%s", filter, err, b)
	}
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	res := filepath.Join(out, base+"."+ext)
	if _, err := os.Stat(res); err != nil {
		// LibreOffice exits 0 even when a conversion failed.
		t.Fatalf("libreoffice --convert-to %s wrote no %s: %v\n%s", filter, filepath.Base(res), err, b)
	}
	return res
}

// CheckTimesNewRoman fails the test unless the DOCX sets its text in
// Times New Roman, as an agency's Word documents do.
func CheckTimesNewRoman(t testing.TB, docx []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xml, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(xml, []byte(`w:ascii="Times New Roman"`)) {
		t.Error("the DOCX does not set its text in Times New Roman")
	}
}

// ConvertWithLibreOffice converts the file in with LibreOffice
// (`soffice --headless --convert-to filter`, bounded as LibreOfficePDF
// runs it) and returns the path of the result, whose extension is ext,
// in a temporary folder of the test. Without LibreOffice the test fails
// or skips as Tool says.
func ConvertWithLibreOffice(t testing.TB, in, filter, ext string) string {
	t.Helper()
	office := Tool(t, "libreoffice", "soffice")
	return convert(t, office, t.TempDir(), in, filter, ext)
}
