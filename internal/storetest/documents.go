package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

func day(s string) time.Time {
	t, ok := congtin.ParseDay(s)
	if !ok {
		panic(s)
	}
	return t
}

// TermID returns the ID of the entry of the site's list (congtin.ListTypes
// or congtin.ListFields) named name, and fails the test when there is none.
func TermID(t *testing.T, s congtin.Service, siteID int64, list, name string) int64 {
	t.Helper()
	terms, err := s.FindDocumentTerms(context.Background(), siteID, list)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range terms {
		if x.Name == name {
			return x.ID
		}
	}
	t.Fatalf("no %s %q in %v", list, name, terms)
	return 0
}

func docIDs(res *congtin.DocumentResult) []int64 {
	var out []int64
	for _, d := range res.Documents {
		out = append(out, d.ID)
	}
	return out
}

func facet(vs []congtin.FacetValue, value string) int {
	for _, v := range vs {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

// testDocuments takes documents of the register through the workflow and
// the public search: lists, validation, files, links, facets, status in
// force, revisions, notes and audit entries, and site isolation.
func testDocuments(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	adm := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)

	// The default site has the usual lists.
	plan := TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch")
	decision := TermID(t, s, site.ID, congtin.ListTypes, "Quyết định")
	agri := TermID(t, s, site.ID, congtin.ListFields, "Nông nghiệp")

	// Managed lists: add, delete (a duplicate name, an unknown list and a
	// type in use are the service's refusals: internal/app's
	// TestDocumentTermRefused).
	tt, err := s.SaveDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, 0, "  Tờ trình ", 20)
	if err != nil || tt.Name != "Tờ trình" {
		t.Fatalf("add type: %+v, %v", tt, err)
	}
	if _, err := s.SaveDocumentTerm(ctx, adm, site.ID, congtin.ListFields, 999999, "x", 0); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("unknown term: %v", err)
	}

	// Bad input is the service's to refuse (internal/app's
	// TestDocumentInputRefused).
	good := congtin.DocumentInput{TypeID: plan, FieldID: agri, Number: "１１５/KH–UBND", Issuer: "Ủy ban nhân dân tỉnh An Phú",
		Signer: "Nguyễn Văn A", IssuedOn: day("2024-03-15"), EffectiveOn: day("2024-03-15"),
		Summary: "Kế hoạch phát triển nông nghiệp công nghệ cao <script>alert(1)</script>",
		AddFiles: []congtin.DocumentFileInput{
			{Name: "ke-hoach.pdf", Kind: congtin.FilePDF, Size: 1234, Hash: strings.Repeat("a", 64), Text: "hydroponics greenhouse zebrafinch internet"},
			{Name: "phu-luc.docx", Kind: congtin.FileDOCX, Size: 999, Hash: strings.Repeat("b", 64), Text: "Phụ lục danh mục dự án"},
		}}
	if ds, n, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: site.ID}); err != nil || n != 0 || len(ds) != 0 {
		t.Fatalf("before any document: %d documents, %v", n, err)
	}

	// An older plan, published, that the new one will replace.
	old, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: decision, Number: "42/QĐ-UBND", Issuer: "Ủy ban nhân dân huyện",
		IssuedOn: day("2021-06-01"), Summary: "Quyết định cũ về thủy lợi"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, old.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}

	good.Links = []congtin.DocumentLinkInput{{Kind: congtin.LinkReplaces, TargetID: old.ID}, {Kind: congtin.LinkReplaces, TargetID: old.ID}}
	d, err := s.CreateDocument(ctx, rep, site.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	if d.Number != "115/KH-UBND" || d.Slug != "115-kh-ubnd" || d.Status != congtin.StatusDraft || d.CreatedBy != rep.User.ID ||
		d.TypeName != "Kế hoạch" || d.FieldName != "Nông nghiệp" || congtin.Day(d.IssuedOn) != "2024-03-15" || !d.ExpiresOn.IsZero() {
		t.Fatalf("created: %+v", d)
	}
	if d.Path() != "/van-ban/115-kh-ubnd-"+itoa(d.ID) {
		t.Fatalf("path %s", d.Path())
	}
	if len(d.Files) != 2 || d.Files[0].Name != "ke-hoach.pdf" || d.Files[1].Kind != congtin.FileDOCX || len(d.Links) != 1 || d.Links[0].ID != old.ID {
		t.Fatalf("files %v links %v", d.Files, d.Links)
	}
	if !strings.Contains(d.Summary, "<script>") {
		t.Fatalf("the summary is plain text, kept as typed (escaped when shown): %q", d.Summary)
	}
	// A draft is not public and not found.
	if res, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: "115 kh ubnd"}); err != nil || res.Total != 0 {
		t.Fatalf("draft found: %+v, %v", res, err)
	}
	// The reporter submits; the editor returns it, and publishes it once
	// it is sent again (what they may not do is internal/app's
	// TestDocumentWorkflowRefused).
	if _, err := s.TransitionDocument(ctx, rep, site.ID, d.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActReturn, "Thiếu phụ lục"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, rep, site.ID, d.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	d, err = s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, "")
	if err != nil || d.Status != congtin.StatusPublished {
		t.Fatalf("publish: %+v, %v", d, err)
	}

	find := func(q congtin.DocumentQuery) *congtin.DocumentResult {
		t.Helper()
		q.SiteID = site.ID
		res, err := s.FindDocuments(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, q := range []string{"115 kh ubnd", "115/KH-UBND", "115-kh-ubnd", "cong nghe cao", "công nghệ cao", "zebrafinch", "phu luc du an", "An Phú", "Nguyen Van A",
		// A loanword's other spelling: the attachment says "internet".
		"in-tơ-nét greenhouse"} {
		if got := docIDs(find(congtin.DocumentQuery{Q: q})); len(got) != 1 || got[0] != d.ID {
			t.Errorf("query %q found %v, want [%d]", q, got, d.ID)
		}
	}
	// A query of only punctuation, symbols or a lone mark finds nothing
	// and still gives the register's filters their facets.
	for _, q := range []string{"*", "\"", "-", "^", "\u0301", "😀", "()", "\x00", "\xff"} {
		if res := find(congtin.DocumentQuery{Q: q, Facets: true}); res.Total != 0 || len(res.Documents) != 0 || res.Facets == nil {
			t.Errorf("query %q: %+v", q, res)
		}
	}
	for _, q := range []string{"116 kh ubnd", "zebra", "???", "\"ubnd 115\""} {
		if got := docIDs(find(congtin.DocumentQuery{Q: q})); len(got) != 0 {
			t.Errorf("query %q found %v, want nothing", q, got)
		}
	}
	// Both documents are public; the old one is replaced.
	all := find(congtin.DocumentQuery{Facets: true})
	if got := docIDs(all); len(got) != 2 || got[0] != d.ID || got[1] != old.ID {
		t.Fatalf("list %v, want newest issue first", got)
	}
	if all.Documents[1].ReplacedBy != d.ID || !all.Documents[1].Expired(time.Now()) || all.Documents[0].Expired(time.Now()) {
		t.Fatalf("replacement: %+v", all.Documents[1])
	}
	f := all.Facets
	if facet(f.Types, "Kế hoạch") != 1 || facet(f.Types, "Quyết định") != 1 || facet(f.Years, "2024") != 1 || facet(f.Years, "2021") != 1 ||
		facet(f.Force, congtin.InForce) != 1 || facet(f.Force, congtin.Expired) != 1 || facet(f.Fields, "Nông nghiệp") != 1 ||
		facet(f.Issuers, "Ủy ban nhân dân tỉnh An Phú") != 1 {
		t.Fatalf("facets %+v", f)
	}
	if got := docIDs(find(congtin.DocumentQuery{Force: congtin.Expired})); len(got) != 1 || got[0] != old.ID {
		t.Fatalf("expired: %v", got)
	}
	if got := docIDs(find(congtin.DocumentQuery{Force: congtin.InForce, Year: 2024, TypeID: plan, FieldID: agri, Issuer: "Ủy ban nhân dân tỉnh An Phú"})); len(got) != 1 || got[0] != d.ID {
		t.Fatalf("all filters: %v", got)
	}
	// A facet's counts ignore its own condition, so the other values stay
	// offered.
	if r := find(congtin.DocumentQuery{Year: 2021, Facets: true}); r.Total != 1 || facet(r.Facets.Years, "2024") != 1 || facet(r.Facets.Types, "Kế hoạch") != 0 {
		t.Fatalf("facets with a year: %+v", r.Facets)
	}
	// The old document's page shows what replaced it.
	got, err := s.FindDocumentByID(ctx, site.ID, old.ID)
	if err != nil || len(got.Backlinks) != 1 || got.Backlinks[0].ID != d.ID || got.Backlinks[0].Kind != congtin.LinkReplaces || !got.Backlinks[0].Public {
		t.Fatalf("backlinks: %+v, %v", got, err)
	}

	// An edit removes a file and keeps a revision; the index follows.
	in := good
	in.Links = nil
	in.AddFiles = nil
	in.RemoveFiles = []int64{d.Files[0].ID}
	in.Summary = "Kế hoạch phát triển thủy sản"
	d, err = s.UpdateDocument(ctx, ed, site.ID, d.ID, in)
	if err != nil || len(d.Files) != 1 || d.Files[0].Name != "phu-luc.docx" || len(d.Links) != 0 {
		t.Fatalf("update: %+v, %v", d, err)
	}
	if got := docIDs(find(congtin.DocumentQuery{Q: "zebrafinch"})); len(got) != 0 {
		t.Fatalf("removed file's text still found: %v", got)
	}
	if got := docIDs(find(congtin.DocumentQuery{Q: "thuy san"})); len(got) != 1 {
		t.Fatalf("new summary not found: %v", got)
	}
	if got := find(congtin.DocumentQuery{Force: congtin.Expired}); got.Total != 0 {
		t.Fatalf("the old document is in force again once nothing replaces it: %v", docIDs(got))
	}
	file, err := s.FindDocumentFile(ctx, site.ID, d.Files[0].ID)
	if err != nil || file.Hash != strings.Repeat("b", 64) || file.DocumentID != d.ID {
		t.Fatalf("file: %+v, %v", file, err)
	}
	revs, err := s.FindDocumentRevisions(ctx, site.ID, d.ID)
	if err != nil || len(revs) != 2 || revs[0].Summary != in.Summary || revs[1].Files != "ke-hoach.pdf; phu-luc.docx" || !strings.Contains(revs[1].Links, "42/QĐ-UBND") {
		t.Fatalf("revisions: %+v, %v", revs, err)
	}
	notes, err := s.FindNotes(ctx, d.Item().Ref)
	if err != nil || len(notes) != 5 || notes[2].Status != congtin.StatusReturned || notes[2].Comment != "Thiếu phụ lục" || notes[4].Status != congtin.StatusPublished {
		t.Fatalf("notes: %+v, %v", notes, err)
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, ObjectType: "document", ObjectID: d.ID})
	if strings.Join(acts, ",") != "document.edit,document.publish,document.submit,document.return,document.submit,document.create" {
		t.Fatalf("audit: %v", acts)
	}
	// Admin lookups by number, whatever its spelling.
	if ds, n, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: site.ID, Number: "115 / kh-ubnd"}); err != nil || n != 1 || ds[0].ID != d.ID {
		t.Fatalf("by number: %v, %d, %v", ds, n, err)
	}
	if ds, n, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: site.ID, CreatedBy: rep.User.ID}); err != nil || n != 1 || ds[0].ID != d.ID {
		t.Fatalf("by author: %v, %d, %v", ds, n, err)
	}

	// The lists count the documents of each entry; an unused one can go.
	for _, x := range []struct {
		list string
		id   int64
		uses int
	}{{congtin.ListTypes, plan, 1}, {congtin.ListTypes, decision, 1}, {congtin.ListTypes, tt.ID, 0}, {congtin.ListFields, agri, 1}} {
		terms, err := s.FindDocumentTerms(ctx, site.ID, x.list)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, term := range terms {
			if term.ID == x.id {
				found = true
				if term.Uses != x.uses {
					t.Fatalf("%s %q used by %d documents, want %d", x.list, term.Name, term.Uses, x.uses)
				}
			}
		}
		if !found {
			t.Fatalf("no %s entry %d", x.list, x.id)
		}
	}
	if err := s.DeleteDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, tt.ID); err != nil {
		t.Fatal(err)
	}
	// Renaming a type renames it in the index too.
	if _, err := s.SaveDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, plan, "Kế hoạch hành động", 6); err != nil {
		t.Fatal(err)
	}
	if got := docIDs(find(congtin.DocumentQuery{Q: "hanh dong"})); len(got) != 1 || got[0] != d.ID {
		t.Fatalf("renamed type not searchable: %v", got)
	}

	// Unpublishing takes it out of the register and the index.
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActUnpublish, ""); err != nil {
		t.Fatal(err)
	}
	if got := find(congtin.DocumentQuery{Q: "115 kh ubnd"}); got.Total != 0 {
		t.Fatalf("unpublished still found")
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ReindexDocuments(ctx); err != nil || n != 2 {
		t.Fatalf("reindex: %d, %v", n, err)
	}
	if got := docIDs(find(congtin.DocumentQuery{Q: "115 kh ubnd"})); len(got) != 1 {
		t.Fatalf("after reindex: %v", got)
	}

	// Another site has its own lists and sees none of this site.
	other := MustCreateSite(t, s, "soyte.anphu.gov.vn", "Sở Y tế")
	oed := MustUser(t, s, other.ID, "bientap2", congtin.RoleEditor)
	otype := TermID(t, s, other.ID, congtin.ListTypes, "Công văn")
	if otype == plan || otype == decision {
		t.Fatal("sites share list entries")
	}
	if _, err := s.FindDocumentByID(ctx, other.ID, d.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site reads a document: %v", err)
	}
	// Another site's type and documents are not its own to use (the
	// service's field errors: internal/app's TestDocumentOtherSiteRefused);
	// its lists do not list them.
	if terms, err := s.FindDocumentTerms(ctx, other.ID, congtin.ListTypes); err != nil || slices.ContainsFunc(terms, func(x *congtin.DocumentTerm) bool { return x.ID == plan }) {
		t.Fatalf("another site's types: %+v, %v", terms, err)
	}
	if _, err := s.CreateDocument(ctx, oed, other.ID, congtin.DocumentInput{TypeID: otype, Number: "1/CV", Issuer: "Sở", IssuedOn: day("2024-01-01"), Summary: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := find(congtin.DocumentQuery{}); got.Total != 2 {
		t.Fatalf("site list: %d", got.Total)
	}
	if r, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: other.ID, Q: "115 kh ubnd"}); err != nil || r.Total != 0 {
		t.Fatalf("other site's search: %+v, %v", r, err)
	}
}

func itoa(n int64) string {
	const digits = "0123456789"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{digits[n%10]}, b...)
	}
	return string(b)
}
