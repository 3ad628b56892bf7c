package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// documentFlow is the documents register's part in the workflow. Only
// published documents are in the register's index: it follows each step.
var documentFlow = &flow{noun: "văn bản", audit: "document",
	after: func(ctx context.Context, tx congtin.Tx, it *congtin.Item) error {
		return tx.IndexDocument(ctx, it.ID)
	}}

// checkList refuses a list other than the register's two and the
// open-data catalogue's themes.
func checkList(list string) error {
	if list != congtin.ListTypes && list != congtin.ListFields && list != congtin.ListThemes {
		return congtin.Errorf(congtin.EINVALID, "Danh mục không hợp lệ.")
	}
	return nil
}

// termLabel names a list's entries in messages and the audit log.
func termLabel(list string) string {
	switch list {
	case congtin.ListTypes:
		return "loại văn bản"
	case congtin.ListThemes:
		return "chủ đề dữ liệu"
	}
	return "lĩnh vực"
}

// termUser names what uses a list's entries, in messages.
func termUser(list string) string {
	if list == congtin.ListThemes {
		return "tập dữ liệu"
	}
	return "văn bản"
}

// findTerm reads an entry of a list, with the list's own message when
// there is none.
func findTerm(ctx context.Context, tx congtin.Tx, siteID int64, list string, id int64) (*congtin.DocumentTerm, error) {
	t, err := tx.FindDocumentTerm(ctx, siteID, list, id)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy mục này trong danh mục %s.", termLabel(list))
	}
	return t, err
}

// FindDocumentTerms implements congtin.DocumentStore, refusing an unknown
// list.
func (a *App) FindDocumentTerms(ctx context.Context, siteID int64, list string) ([]*congtin.DocumentTerm, error) {
	if err := checkList(list); err != nil {
		return nil, err
	}
	return a.Store.FindDocumentTerms(ctx, siteID, list)
}

// SaveDocumentTerm implements congtin.DocumentService: a new entry (id 0)
// or a new name and position for one. The site's administrators manage
// the lists.
func (a *App) SaveDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64, name string, position int) (*congtin.DocumentTerm, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if err := checkList(list); err != nil {
		return nil, err
	}
	congtin.NFC(&name)
	name = strings.TrimSpace(name)
	if err := congtin.ValidateTerm(name, position); err != nil {
		return nil, err
	}
	t := &congtin.DocumentTerm{ID: id, SiteID: siteID, Name: name, Position: position}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if free, err := tx.DocumentTermNameFree(ctx, siteID, list, name, id); err != nil {
			return err
		} else if !free {
			return invalid("name", "Đã có "+termLabel(list)+" “"+name+"”.")
		}
		action, detail := "document_term.create", termLabel(list)+": "+name
		if id == 0 {
			if err := tx.InsertDocumentTerm(ctx, list, t); err != nil {
				return err
			}
		} else {
			old, err := findTerm(ctx, tx, siteID, list, id)
			if err != nil {
				return err
			}
			if err := tx.UpdateDocumentTerm(ctx, list, t); err != nil {
				return err
			}
			action, detail = "document_term.update", termLabel(list)+": "+old.Name+" → "+name
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, action, termObject(list), t.ID, detail))
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// termObject is the audit log's object type of a list's entries.
func termObject(list string) string {
	if list == congtin.ListThemes {
		return "dataset_theme"
	}
	return "document_" + strings.TrimSuffix(list, "s")
}

// DeleteDocumentTerm implements congtin.DocumentService: only an entry no
// document uses goes.
func (a *App) DeleteDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64) error {
	if err := canManage(actor); err != nil {
		return err
	}
	if err := checkList(list); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		t, err := findTerm(ctx, tx, siteID, list, id)
		if err != nil {
			return err
		}
		if t.Uses > 0 {
			return congtin.Errorf(congtin.ECONFLICT, "Không xóa được “%s”: %d %s đang dùng mục này; hãy đổi các %s đó sang mục khác trước.",
				t.Name, t.Uses, termUser(list), termUser(list))
		}
		if err := tx.DeleteDocumentTerm(ctx, list, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "document_term.delete", termObject(list), id, termLabel(list)+": "+t.Name))
	})
}

// checkDocumentInput checks, inside the transaction, what the input refers
// to: the type and field of the site, the linked documents of the site
// (each link once), and the files removed, which must be cur's (nil for a
// new document); and how many files the document would have.
func checkDocumentInput(ctx context.Context, tx congtin.Tx, siteID int64, cur *congtin.Document, in *congtin.DocumentInput) error {
	fe := congtin.FieldErrors{}
	var self int64
	if cur != nil {
		self = cur.ID
	}
	if ok, err := exists(tx.FindDocumentTerm(ctx, siteID, congtin.ListTypes, in.TypeID)); err != nil {
		return err
	} else if !ok {
		fe["type_id"] = "Loại văn bản này không còn tồn tại; hãy chọn loại khác."
	}
	if in.FieldID != 0 {
		if ok, err := exists(tx.FindDocumentTerm(ctx, siteID, congtin.ListFields, in.FieldID)); err != nil {
			return err
		} else if !ok {
			fe["field_id"] = "Lĩnh vực này không còn tồn tại; hãy chọn lĩnh vực khác."
		}
	}
	seen := map[congtin.DocumentLinkInput]bool{}
	links := in.Links[:0:0]
	for _, l := range in.Links {
		if seen[l] {
			continue
		}
		seen[l] = true
		links = append(links, l)
		if l.TargetID == self {
			fe["links"] = "Văn bản không thể liên kết tới chính nó."
			continue
		}
		if ok, err := exists(tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: l.TargetID})); err != nil {
			return err
		} else if !ok {
			fe["links"] = "Không có văn bản mã " + strconv.FormatInt(l.TargetID, 10) + " để liên kết tới."
		}
	}
	in.Links = links
	var files []*congtin.DocumentFile
	if cur != nil {
		files = cur.Files
	}
	checkFiles(fe, "văn bản", files, in.AddFiles, in.RemoveFiles)
	if len(fe) > 0 {
		return &congtin.ValidationError{Fields: fe}
	}
	return nil
}

// exists reads a lookup's outcome: found, not there, or failed.
func exists[T any](_ T, err error) (bool, error) {
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return false, nil
	}
	return err == nil, err
}

// setDocument copies the form into the document: its fields, the slug of
// its number, its links, and its files: those kept (not removed) and the
// new ones, which it returns (queueFileTexts takes them once stored).
func setDocument(d *congtin.Document, in congtin.DocumentInput) (added []*congtin.DocumentFile) {
	d.TypeID, d.FieldID, d.Number, d.Slug = in.TypeID, in.FieldID, in.Number, congtin.DocNumberSlug(in.Number)
	d.Issuer, d.Signer, d.Summary = in.Issuer, in.Signer, in.Summary
	d.IssuedOn, d.EffectiveOn, d.ExpiresOn = in.IssuedOn, in.EffectiveOn, in.ExpiresOn
	d.Links = nil
	for _, l := range in.Links {
		d.Links = append(d.Links, &congtin.DocumentLink{Kind: l.Kind, ID: l.TargetID})
	}
	d.Files, added = applyFiles(d.Files, in.AddFiles, in.RemoveFiles)
	return added
}

// addDocumentRevision reads the document as written and keeps it as a
// revision by the actor; it returns the document.
func addDocumentRevision(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, note string) (*congtin.Document, error) {
	d, err := tx.FindDocument(ctx, siteID, id)
	if err != nil {
		return nil, err
	}
	var links, files []string
	for _, l := range d.Links {
		links = append(links, congtin.LinkName(l.Kind, false)+" "+l.Number+" (#"+strconv.FormatInt(l.ID, 10)+")")
	}
	for _, f := range d.Files {
		files = append(files, f.Name)
	}
	return d, tx.AddDocumentRevision(ctx, &congtin.DocumentRevision{SiteID: siteID, DocumentID: id, UserID: actor.UserID(), UserName: actor.Name(),
		TypeName: d.TypeName, FieldName: d.FieldName, Number: d.Number, Issuer: d.Issuer, Signer: d.Signer,
		IssuedOn: congtin.DayString(d.IssuedOn), EffectiveOn: congtin.DayString(d.EffectiveOn), ExpiresOn: congtin.DayString(d.ExpiresOn),
		Summary: d.Summary, Links: strings.Join(links, "; "), Files: strings.Join(files, "; "), Note: note})
}

// CreateDocument implements congtin.DocumentService: a new draft by the
// actor, with its first revision and workflow note.
func (a *App) CreateDocument(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.DocumentInput) (*congtin.Document, error) {
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, forbidden("Bạn không có quyền tạo văn bản.")
	}
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, err
	}
	var d *congtin.Document
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkDocumentInput(ctx, tx, siteID, nil, &in); err != nil {
			return err
		}
		now := tx.Now()
		d = &congtin.Document{SiteID: siteID, Status: congtin.StatusDraft, PublishedAt: now, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
		added := setDocument(d, in)
		if err := tx.InsertDocument(ctx, d); err != nil {
			return err
		}
		if err := queueFileTexts(ctx, tx, siteID, congtin.JobFileText, added); err != nil {
			return err
		}
		var err error
		if d, err = addDocumentRevision(ctx, tx, actor, siteID, d.ID, "Tạo mới"); err != nil {
			return err
		}
		if err := tx.AddNote(ctx, &congtin.Note{Item: d.Item().Ref, UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID}); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "document.create", "document", d.ID, d.Number))
	})
	if err != nil {
		return nil, err
	}
	a.wakeJobs()
	return d, nil
}

// UpdateDocument implements congtin.DocumentService: new fields, links and
// files, kept as a revision.
func (a *App) UpdateDocument(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput) (*congtin.Document, error) {
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, err
	}
	var d *congtin.Document
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		d, _, err = updateDocument(ctx, tx, actor, siteID, id, in, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	a.wakeJobs()
	return d, nil
}

// updateDocument writes the form over document id inside tx, with its
// revision and audit entry, once the form is found to be loaded from the
// stored version; when onlyChanged, a form that changes nothing writes
// nothing. It reports whether it wrote.
func updateDocument(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput, onlyChanged bool) (*congtin.Document, bool, error) {
	cur, err := tx.FindDocument(ctx, siteID, id)
	if err != nil {
		return nil, false, err
	}
	if !congtin.Can(actor, congtin.ActEdit, cur.Item()) {
		return nil, false, forbidden("Bạn không có quyền sửa văn bản ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := congtin.CheckVersion(cur.Version, in.Version); err != nil {
		return nil, false, err
	}
	if err := checkDocumentInput(ctx, tx, siteID, cur, &in); err != nil {
		return nil, false, err
	}
	before := documentContent(cur)
	added := setDocument(cur, in)
	ref := congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: id}
	if onlyChanged && documentContent(cur) == before {
		return cur, false, saved(ctx, tx, actor, ref)
	}
	if err := tx.UpdateDocument(ctx, cur); err != nil {
		return nil, false, err
	}
	if err := queueFileTexts(ctx, tx, siteID, congtin.JobFileText, added); err != nil {
		return nil, false, err
	}
	d, err := addDocumentRevision(ctx, tx, actor, siteID, id, "Sửa")
	if err != nil {
		return nil, false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "document.edit", "document", id, d.Number)); err != nil {
		return nil, false, err
	}
	return d, true, saved(ctx, tx, actor, ref)
}

// documentContent spells out what a document's form sets (its fields,
// links and files), to tell whether a form changes anything.
func documentContent(d *congtin.Document) string {
	var b strings.Builder
	for _, s := range []string{strconv.FormatInt(d.TypeID, 10), strconv.FormatInt(d.FieldID, 10), d.Number, d.Issuer, d.Signer,
		congtin.DayString(d.IssuedOn), congtin.DayString(d.EffectiveOn), congtin.DayString(d.ExpiresOn), d.Summary} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, l := range d.Links {
		b.WriteString(l.Kind + ":" + strconv.FormatInt(l.ID, 10) + ";")
	}
	b.WriteByte(0)
	for _, f := range d.Files {
		// A new file has no ID yet: it always changes the document.
		b.WriteString(strconv.FormatInt(f.ID, 10) + ";")
	}
	return b.String()
}

// UpdateDocumentStep implements congtin.DocumentService: the form saved
// and the step taken in one transaction.
func (a *App) UpdateDocumentStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, false, err
	}
	if err := a.checkStep(congtin.KindDocument, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, wrote, err = updateDocument(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	a.wakeJobs()
	return it, wrote, nil
}

// TransitionDocument implements congtin.DocumentService: a step of the
// workflow (Transition), which documents take without a publication time
// of their own.
func (a *App) TransitionDocument(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Document, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindDocument, SiteID: siteID, ID: id}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	return a.FindDocumentByID(ctx, siteID, id)
}
