package storetest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// testDocumentPDFText attaches a Vietnamese PDF printed by headless
// Chromium (CID fonts with ToUnicode maps), read by pdftotext through
// docfile.Spool as the back office does, and finds the document by
// phrases only its file holds, with and without diacritics.
func testDocumentPDFText(t *testing.T, s congtin.Service) {
	docfiletest.Tool(t, "pdftotext")
	ctx := context.Background()
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	pdf := docfiletest.ChromiumPDF(t, `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif","Times New Roman",serif}.pb{break-after:page}</style></head><body>
<p class="pb">Ủy ban nhân dân tỉnh An Phú về việc phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh.</p>
<p>Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các khu dân cư ven sông Trà Khúc.</p>
</body></html>`)
	up, err := docfile.Spool("", "ke-hoach-sot-xuat-huyet.pdf", bytes.NewReader(pdf), docfile.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	if up.TextNote != "" || !strings.Contains(up.Text, "diệt lăng quăng, bọ gậy") {
		t.Fatalf("spooled text %q, note %q", up.Text, up.TextNote)
	}
	d, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{
		TypeID: TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch"), Number: "77/KH-UBND", Issuer: "Ủy ban nhân dân tỉnh An Phú",
		IssuedOn: day("2026-05-04"), EffectiveOn: day("2026-05-04"), Summary: "Kế hoạch y tế dự phòng năm 2026",
		AddFiles: []congtin.DocumentFileInput{{Name: up.Name, Kind: up.Kind, Size: up.Size, Hash: up.Hash, Text: up.Text, TextNote: up.TextNote}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"sốt xuất huyết", `"diệt lăng quăng, bọ gậy"`, "lang quang bo gay", "sông Trà Khúc"} {
		res, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatal(err)
		}
		if ids := docIDs(res); len(ids) != 1 || ids[0] != d.ID {
			t.Errorf("search %q: %v, want [%d]", q, ids, d.ID)
		}
	}
	if res, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: `"bọ gậy tại các khu dân cư ven biển"`}); err != nil || res.Total != 0 {
		t.Errorf("a phrase not in the file: %d found, %v", res.Total, err)
	}
}
