package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// importActor writes an import's revisions, workflow notes and audit
// entries.
var importActor = congtin.SystemActor("import")

// preparedDocument is a record checked without I/O.
type preparedDocument struct {
	in               congtin.DocumentInput
	typeName, field  string
	status, external string
	label            string
}

// ImportDocuments implements congtin.DocumentImportService. It runs from
// the command line, as the system: no permission applies.
func (a *App) ImportDocuments(ctx context.Context, siteID int64, recs []congtin.DocumentImport) (*congtin.DocumentImportResult, error) {
	prepared, err := a.prepareDocuments(recs)
	if err != nil {
		return nil, err
	}
	// The lists as they are; the transaction adds what is missing (a name
	// added meanwhile fails its unique index, and nothing is written).
	terms := map[string]map[string]int64{}
	for _, list := range []string{congtin.ListTypes, congtin.ListFields} {
		ts, err := a.Store.FindDocumentTerms(ctx, siteID, list)
		if err != nil {
			return nil, err
		}
		terms[list] = map[string]int64{}
		for _, t := range ts {
			terms[list][strings.ToLower(t.Name)] = t.ID
		}
	}
	var res *congtin.DocumentImportResult
	err = a.WithTx(ctx, func(tx congtin.Tx) error {
		res = &congtin.DocumentImportResult{}
		term := func(list, name string) (int64, error) {
			if name == "" {
				return 0, nil
			}
			if id, ok := terms[list][strings.ToLower(name)]; ok {
				return id, nil
			}
			t := &congtin.DocumentTerm{SiteID: siteID, Name: name, Position: len(terms[list]) + 1}
			if err := tx.InsertDocumentTerm(ctx, list, t); err != nil {
				return 0, err
			}
			if err := tx.AddAudit(ctx, importActor.Entry(siteID, "document_term.create", termObject(list), t.ID, termLabel(list)+": "+name)); err != nil {
				return 0, err
			}
			terms[list][strings.ToLower(name)] = t.ID
			if list == congtin.ListTypes {
				res.NewTypes = append(res.NewTypes, name)
			} else {
				res.NewFields = append(res.NewFields, name)
			}
			return t.ID, nil
		}
		for i := range prepared {
			p := &prepared[i]
			var err error
			if p.in.TypeID, err = term(congtin.ListTypes, p.typeName); err != nil {
				return err
			}
			if p.in.FieldID, err = term(congtin.ListFields, p.field); err != nil {
				return err
			}
			d, created, err := importDocument(ctx, tx, siteID, p)
			if err != nil {
				if congtin.ErrorCode(err) == congtin.EINVALID {
					return congtin.Errorf(congtin.EINVALID, "%s: %s", p.label, validationText(err))
				}
				return fmt.Errorf("import document %d: %w", i, err)
			}
			res.Documents = append(res.Documents, d)
			res.Created = append(res.Created, created)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.wakeJobs()
	return res, nil
}

// prepareDocuments checks every record as the back office's form is
// checked, and the file as a whole: no number or external ID twice.
func (a *App) prepareDocuments(recs []congtin.DocumentImport) ([]preparedDocument, error) {
	if len(recs) == 0 {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp không có bản ghi nào.")
	}
	now := a.Now()
	out := make([]preparedDocument, len(recs))
	numbers, externals := map[string]int{}, map[string]int{}
	for i := range recs {
		r := &recs[i]
		p := &out[i]
		p.label = r.Label(i)
		fail := func(format string, args ...any) error {
			return congtin.Errorf(congtin.EINVALID, "%s: %s", p.label, fmt.Sprintf(format, args...))
		}
		congtin.NFC(&r.Type, &r.Field)
		p.typeName, p.field = strings.TrimSpace(r.Type), strings.TrimSpace(r.Field)
		p.external, p.status = strings.TrimSpace(r.ExternalID), strings.TrimSpace(r.Status)
		if p.status == "" {
			p.status = congtin.StatusPublished
		}
		if !congtin.ValidStatus(p.status) {
			return nil, fail("trạng thái “%s” không hợp lệ; dùng published, draft, submitted, returned hoặc unpublished.", p.status)
		}
		if strings.TrimSpace(r.Number) == "" {
			return nil, fail("thiếu số, ký hiệu (number).")
		}
		if strings.TrimSpace(r.Summary) == "" {
			return nil, fail("thiếu trích yếu (summary).")
		}
		if p.typeName == "" {
			return nil, fail("thiếu loại văn bản (type).")
		}
		for _, t := range []struct{ list, name string }{{congtin.ListTypes, p.typeName}, {congtin.ListFields, p.field}} {
			if t.name == "" {
				continue
			}
			if err := congtin.ValidateTerm(t.name, 0); err != nil {
				return nil, fail("%s “%s”: %s", termLabel(t.list), t.name, validationText(err))
			}
		}
		p.in = congtin.DocumentInput{Number: r.Number, Issuer: r.Issuer, Signer: r.Signer, Summary: r.Summary, AddFiles: r.Attached, TypeID: 1}
		for _, d := range []struct {
			field, label, text string
			to                 *time.Time
		}{
			{"issued_on", "ngày ban hành", r.IssuedOn, &p.in.IssuedOn},
			{"effective_on", "ngày hiệu lực", r.EffectiveOn, &p.in.EffectiveOn},
			{"expires_on", "ngày hết hiệu lực", r.ExpiresOn, &p.in.ExpiresOn},
		} {
			t, ok := congtin.ParseDay(strings.TrimSpace(d.text))
			if !ok {
				return nil, fail("%s (%s) “%s” không đọc được; hãy ghi dạng năm-tháng-ngày, ví dụ 2024-03-15.", d.label, d.field, d.text)
			}
			*d.to = t
		}
		p.in.Normalize()
		if err := p.in.Validate(now); err != nil {
			return nil, fail("%s", validationText(err))
		}
		if len(p.in.AddFiles) > congtin.MaxDocFiles {
			return nil, fail("quá nhiều tệp: tối đa %d.", congtin.MaxDocFiles)
		}
		key := search.NumberKey(p.in.Number)
		if j, ok := numbers[key]; ok {
			return nil, fail("số, ký hiệu trùng với %s; mỗi văn bản một số.", strings.ToLower(recs[j].Label(j)[:1])+recs[j].Label(j)[1:])
		}
		numbers[key] = i
		if p.external != "" {
			if j, ok := externals[p.external]; ok {
				return nil, fail("external_id “%s” trùng với %s.", p.external, strings.ToLower(recs[j].Label(j)[:1])+recs[j].Label(j)[1:])
			}
			externals[p.external] = i
		}
	}
	return out, nil
}

// validationText spells out an EINVALID error for a line of text: each
// field's message, in the fields' order.
func validationText(err error) string {
	var ve *congtin.ValidationError
	if !errors.As(err, &ve) {
		return congtin.ErrorMessage(err)
	}
	keys := make([]string, 0, len(ve.Fields))
	for k := range ve.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, len(keys))
	for i, k := range keys {
		msgs[i] = k + ": " + ve.Fields[k]
	}
	return strings.Join(msgs, "; ")
}

// importDocument writes one record: the document its external ID names
// updated (fields, files; its state set as the record says), or a new
// one created in the record's state. A number another document holds
// (entered by hand, or imported with another external ID) is refused: the
// register would show the same document twice.
func importDocument(ctx context.Context, tx congtin.Tx, siteID int64, p *preparedDocument) (*congtin.Document, bool, error) {
	var cur *congtin.Document
	if p.external != "" {
		id, err := tx.FindDocumentIDByExternalID(ctx, siteID, p.external)
		switch {
		case err == nil:
			if cur, err = tx.FindDocument(ctx, siteID, id); err != nil {
				return nil, false, err
			}
		case congtin.ErrorCode(err) != congtin.ENOTFOUND:
			return nil, false, err
		}
	}
	uses, err := tx.DocumentsNumbered(ctx, siteID, p.in.Number)
	if err != nil {
		return nil, false, err
	}
	for _, u := range uses {
		if cur != nil && u.ID == cur.ID {
			continue
		}
		if u.ExternalID == "" {
			return nil, false, congtin.Errorf(congtin.EINVALID, "số, ký hiệu đã có ở văn bản #%d nhập trong trang quản trị; hãy xóa văn bản đó hoặc bỏ bản ghi này khỏi tệp.", u.ID)
		}
		return nil, false, congtin.Errorf(congtin.EINVALID, "số, ký hiệu đã có ở văn bản #%d, nhập với external_id “%s”.", u.ID, u.ExternalID)
	}
	in := p.in
	if cur != nil {
		// The record's files are the document's files: those already
		// attached (same bytes) are kept, the others removed, new ones added.
		have := map[string]int64{}
		for _, f := range cur.Files {
			have[f.Hash] = f.ID
		}
		want := map[string]bool{}
		in.AddFiles = nil
		for _, f := range p.in.AddFiles {
			want[f.Hash] = true
			if _, ok := have[f.Hash]; !ok {
				in.AddFiles = append(in.AddFiles, f)
			}
		}
		for _, f := range cur.Files {
			if !want[f.Hash] {
				in.RemoveFiles = append(in.RemoveFiles, f.ID)
			}
		}
	}
	if err := checkDocumentInput(ctx, tx, siteID, cur, &in); err != nil {
		return nil, false, err
	}
	ref := congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID}
	if cur == nil {
		now := tx.Now()
		d := &congtin.Document{SiteID: siteID, Status: p.status, PublishedAt: now, CreatedAt: now, UpdatedAt: now, ExternalID: p.external}
		added := setDocument(d, in)
		if err := tx.InsertDocument(ctx, d); err != nil {
			return nil, false, err
		}
		if err := queueFileTexts(ctx, tx, siteID, congtin.JobFileText, added); err != nil {
			return nil, false, err
		}
		ref.ID = d.ID
		if _, err := addDocumentRevision(ctx, tx, importActor, siteID, d.ID, "Nhập từ tệp"); err != nil {
			return nil, false, err
		}
		if err := tx.AddNote(ctx, &congtin.Note{Item: ref, UserName: importActor.Name(), Action: congtin.ActCreate, Status: p.status}); err != nil {
			return nil, false, err
		}
		if err := tx.AddAudit(ctx, importActor.Entry(siteID, "document.import", "document", d.ID, d.Number)); err != nil {
			return nil, false, err
		}
	} else {
		ref.ID = cur.ID
		before := documentContent(cur)
		added := setDocument(cur, in)
		if documentContent(cur) != before {
			if err := tx.UpdateDocument(ctx, cur); err != nil {
				return nil, false, err
			}
			if err := queueFileTexts(ctx, tx, siteID, congtin.JobFileText, added); err != nil {
				return nil, false, err
			}
			if _, err := addDocumentRevision(ctx, tx, importActor, siteID, cur.ID, "Cập nhật từ tệp nhập"); err != nil {
				return nil, false, err
			}
			if err := tx.AddAudit(ctx, importActor.Entry(siteID, "document.import", "document", cur.ID, cur.Number)); err != nil {
				return nil, false, err
			}
		}
		if cur.Status != p.status {
			it := cur.Item()
			it.Status = p.status
			if err := tx.UpdateItem(ctx, it, ""); err != nil {
				return nil, false, err
			}
			if err := tx.IndexDocument(ctx, cur.ID); err != nil {
				return nil, false, err
			}
		}
	}
	d, err := tx.FindDocument(ctx, siteID, ref.ID)
	return d, cur == nil, err
}
