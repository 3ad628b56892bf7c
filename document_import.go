package congtin

import (
	"context"
	"strconv"
	"strings"
)

// DocumentImport is one record of a `congtin import -format documents`
// file: a document of an agency's existing register.
type DocumentImport struct {
	Number      string   `json:"number"`  // số, ký hiệu
	Type        string   `json:"type"`    // a name of the types list; created when new
	Summary     string   `json:"summary"` // trích yếu
	Issuer      string   `json:"issuer"`
	Signer      string   `json:"signer,omitempty"`
	IssuedOn    string   `json:"issued_on"` // YYYY-MM-DD
	EffectiveOn string   `json:"effective_on,omitempty"`
	ExpiresOn   string   `json:"expires_on,omitempty"`
	Field       string   `json:"field,omitempty"` // a name of the fields list; created when new
	ExternalID  string   `json:"external_id,omitempty"`
	Status      string   `json:"status,omitempty"` // StatusPublished when empty
	Files       []string `json:"files,omitempty"`  // paths relative to the JSON file

	// Attached are the record's files, checked and stored by the caller
	// (as the back office stores an upload), in the order of Files.
	Attached []DocumentFileInput `json:"-"`
}

// Label names the record in messages: its place in the file (from 1) and
// its number.
func (r *DocumentImport) Label(i int) string {
	l := "Bản ghi thứ " + strconv.Itoa(i+1)
	if n := strings.TrimSpace(r.Number); n != "" {
		l += " (số " + clip(n, 60) + ")"
	}
	return l
}

// DocumentImportResult is what an import of documents did.
type DocumentImportResult struct {
	Documents []*Document // in the file's order
	Created   []bool      // per document: new, not updated
	NewTypes  []string    // entries the import added to the types list
	NewFields []string    // and to the fields list
}

// DocumentImportService imports an existing register.
type DocumentImportService interface {
	// ImportDocuments checks every record, then writes them all in one
	// transaction, or none: a record whose external ID an earlier import
	// wrote updates that document (its fields and files); unknown types
	// and fields are added to the lists. EINVALID names the record (its
	// place and number) and what is wrong: a missing number or summary,
	// an unreadable day, an unknown status, a number twice in the file or
	// held by another document of the site.
	ImportDocuments(ctx context.Context, siteID int64, recs []DocumentImport) (*DocumentImportResult, error)
}
