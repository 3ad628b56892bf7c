package storetest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/importer"
	"github.com/congtin/congtin/internal/ocr"
)

// testDocumentRealFiles imports, as `congtin import -format documents`
// does, documents whose files were made at test time the ways agencies
// make them: a DOCX in Times New Roman turned into a PDF by LibreOffice, a
// page printed to PDF by Chromium, a signed page scanned (rendered,
// turned a little, noised, wrapped in a PDF by img2pdf) and the same scan
// as a JPEG. Nothing is found by the files' words until their jobs run;
// then a phrase that only the file holds finds its document (for the
// scans, through OCR).
func testDocumentRealFiles(t *testing.T, s congtin.Service) {
	docfiletest.Tool(t, "pdftotext", "tesseract")
	ctx := context.Background()
	site := MustSite(t, s)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	_, libre := docfiletest.LibreOfficePDF(t,
		"ỦY BAN NHÂN DÂN TỈNH AN PHÚ",
		"QUYẾT ĐỊNH về việc phê duyệt danh mục công trình kè chống sạt lở bờ sông năm 2026.",
		"Điều 1. Phê duyệt danh mục gồm mười hai công trình kè chống sạt lở tại các huyện ven sông Hậu.")
	chromium := docfiletest.ChromiumPDF(t, `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif",serif;font-size:14pt}</style></head><body>
<p>Sở Nông nghiệp và Phát triển nông thôn hướng dẫn gieo sạ lúa vụ Đông Xuân theo lịch xuống giống tập trung né rầy nâu.</p>
</body></html>`)
	page := `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif",serif;font-size:15pt;line-height:1.5;margin:2cm}</style></head><body>
<p>THÔNG BÁO</p>
<p>Ủy ban nhân dân xã Tân Lập thông báo lịch cắt điện để nâng cấp trạm biến áp Gò Sặt vào sáng thứ Bảy.</p>
<p>Đề nghị các hộ gia đình chủ động sắp xếp việc sản xuất, sinh hoạt.</p>
</body></html>`
	scan := docfiletest.ScanPDF(t, page)
	photo := docfiletest.ScanImage(t, `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif",serif;font-size:15pt;line-height:1.5;margin:2cm}</style></head><body>
<p>GIẤY MỜI</p>
<p>Kính mời đại biểu dự hội nghị tổng kết mô hình nuôi tôm càng xanh xen canh trong ruộng lúa.</p>
</body></html>`)
	recs := []congtin.DocumentImport{
		// Hostile files first in the queue: they end as a clear state and
		// the others are read all the same.
		{Number: "01/BC-UBND", Type: "Báo cáo", Summary: "Báo cáo có mật khẩu", Issuer: "UBND huyện", IssuedOn: "2026-05-30",
			ExternalID: "vb-x1", Files: []string{write("bc-01.pdf", docfiletest.EncryptedPDF())}},
		{Number: "02/BC-UBND", Type: "Báo cáo", Summary: "Ảnh quét khổ lớn", Issuer: "UBND huyện", IssuedOn: "2026-05-31",
			ExternalID: "vb-x2", Files: []string{write("bc-02.jpg", docfiletest.BombJPEG(t))}},
		{Number: "1520/QĐ-UBND", Type: "Quyết định", Summary: "Phê duyệt danh mục công trình", Issuer: "UBND tỉnh", IssuedOn: "2026-06-01",
			ExternalID: "vb-1", Files: []string{write("qd-1520.pdf", libre)}},
		{Number: "88/HD-SNN", Type: "Hướng dẫn", Summary: "Hướng dẫn sản xuất vụ lúa", Issuer: "Sở Nông nghiệp", IssuedOn: "2026-06-02",
			ExternalID: "vb-2", Files: []string{write("hd-88.pdf", chromium)}},
		{Number: "12/TB-UBND", Type: "Thông báo", Summary: "Thông báo của UBND xã", Issuer: "UBND xã Tân Lập", IssuedOn: "2026-06-03",
			ExternalID: "vb-3", Files: []string{write("tb-12-scan.pdf", scan)}},
		{Number: "05/GM-UBND", Type: "Giấy mời", Summary: "Mời dự hội nghị", Issuer: "UBND huyện", IssuedOn: "2026-06-04",
			ExternalID: "vb-4", Files: []string{write("gm-05.jpg", photo)}},
	}
	files := docfile.Files{Blobs: blob.Dir{Path: filepath.Join(dir, "store")}}
	if err := importer.AttachDocumentFiles(ctx, dir, recs, docfile.DefaultMaxBytes, files, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportDocuments(ctx, site.ID, recs)
	if err != nil {
		t.Fatal(err)
	}
	phrases := []string{"", "", "kè chống sạt lở bờ sông", "xuống giống tập trung né rầy nâu", "nâng cấp trạm biến áp Gò Sặt", "tôm càng xanh xen canh trong ruộng lúa"}
	find := func(q string) []int64 {
		t.Helper()
		r, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: `"` + q + `"`})
		if err != nil {
			t.Fatal(err)
		}
		return docIDs(r)
	}
	for i, d := range res.Documents {
		if d.Files[0].TextState != congtin.TextPending {
			t.Fatalf("%s: imported in state %q, want pending", d.Number, d.Files[0].TextState)
		}
		if ids := find(phrases[i]); phrases[i] != "" && len(ids) != 0 {
			t.Fatalf("%q found before the files were read: %v", phrases[i], ids)
		}
	}
	r := &docfile.TextReader{Files: files, OCR: &ocr.Reader{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if n, err := s.RunFileTextJobs(ctx, r, "test", r.Log); err != nil || n != len(recs) {
		t.Fatalf("RunFileTextJobs = %d, %v; want %d", n, err, len(recs))
	}
	wantSource := []string{"", "", congtin.TextFromPDF, congtin.TextFromPDF, congtin.TextFromOCR, congtin.TextFromOCR}
	for i, d := range res.Documents {
		f, err := s.FindDocumentFileText(ctx, site.ID, d.Files[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if phrases[i] == "" {
			if f.TextState != congtin.TextFailed || f.TextNote == "" {
				t.Errorf("%s: state %q note %q, want failed with a reason", d.Number, f.TextState, f.TextNote)
			}
			continue
		}
		if f.TextState != congtin.TextDone || f.TextSource != wantSource[i] {
			t.Errorf("%s: state %q source %q note %q, want done from %s", d.Number, f.TextState, f.TextSource, f.TextNote, wantSource[i])
		}
		if ids := find(phrases[i]); len(ids) != 1 || ids[0] != d.ID {
			t.Errorf("%q finds %v, want [%d] (%s); its text: %.300q", phrases[i], ids, d.ID, d.Number, f.Text)
		}
	}
}
