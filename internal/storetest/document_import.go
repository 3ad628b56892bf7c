package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// testDocumentImport runs the documents import's SQL (the external ID
// written, found again, numbers looked up by their folded key) through
// the service: a second import updates, a new type is added, the
// document is published and findable by its file's text.
func testDocumentImport(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	recs := func(summary string) []congtin.DocumentImport {
		return []congtin.DocumentImport{
			{Number: "115/KH-UBND", Type: "Kế hoạch", Summary: summary, Issuer: "UBND tỉnh", IssuedOn: "2024-03-01", ExternalID: "old-1",
				Attached: []congtin.DocumentFileInput{{Name: "a.pdf", Kind: congtin.FilePDF, Size: 10, Hash: strings.Repeat("c", 64), Text: "zebrafinch greenhouse"}}},
			{Number: "07/QĐ-UBND", Type: "Công văn hỏa tốc", Summary: "Thành lập tổ công tác", Issuer: "UBND tỉnh", IssuedOn: "2024-01-15", ExternalID: "old-2", Status: congtin.StatusDraft},
		}
	}
	res, err := s.ImportDocuments(ctx, site.ID, recs("Kế hoạch chuyển đổi số"))
	if err != nil || len(res.Documents) != 2 || !res.Created[0] || !res.Created[1] || len(res.NewTypes) != 1 || res.NewTypes[0] != "Công văn hỏa tốc" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	first := res.Documents[0]
	if first.Status != congtin.StatusPublished || len(first.Files) != 1 || res.Documents[1].Status != congtin.StatusDraft {
		t.Fatalf("imported %+v %+v", first, res.Documents[1])
	}
	found, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: "zebrafinch"})
	if err != nil || found.Total != 1 || found.Documents[0].ID != first.ID {
		t.Fatalf("search by file text: %+v, %v", found, err)
	}
	res, err = s.ImportDocuments(ctx, site.ID, recs("Kế hoạch chuyển đổi số (sửa)"))
	if err != nil || res.Created[0] || res.Created[1] || res.Documents[0].ID != first.ID || res.Documents[0].Summary != "Kế hoạch chuyển đổi số (sửa)" ||
		len(res.Documents[0].Files) != 1 || len(res.NewTypes) != 0 {
		t.Fatalf("re-import: %+v, %v", res, err)
	}
	if _, n, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: site.ID}); err != nil || n != 2 {
		t.Fatalf("after re-import: %d documents, %v", n, err)
	}
	// The number, spelt otherwise, under another external ID: refused.
	other := recs("x")[:1]
	other[0].Number, other[0].ExternalID = "115 / KH–UBND", "new-1"
	if _, err := s.ImportDocuments(ctx, site.ID, other); congtin.ErrorCode(err) != congtin.EINVALID || !strings.Contains(congtin.ErrorMessage(err), "old-1") {
		t.Fatalf("number held by another external ID: %v", err)
	}
}
