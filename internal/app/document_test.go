package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// day is the start of a day ("2024-03-15") in Vietnam.
func day(s string) time.Time {
	t, ok := congtin.ParseDay(s)
	if !ok {
		panic(s)
	}
	return t
}

// documentCount returns how many documents the site has, in any state.
func documentCount(t *testing.T, a *app.App, siteID int64) int {
	t.Helper()
	_, n, err := a.FindAdminDocuments(t.Context(), congtin.AdminDocumentFilter{SiteID: siteID})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// goodDocument is a valid plan of the site's default lists.
func goodDocument(t *testing.T, a *app.App, siteID int64) congtin.DocumentInput {
	return congtin.DocumentInput{TypeID: storetest.TermID(t, a, siteID, congtin.ListTypes, "Kế hoạch"),
		FieldID: storetest.TermID(t, a, siteID, congtin.ListFields, "Nông nghiệp"), Number: "115/KH-UBND",
		Issuer: "Ủy ban nhân dân tỉnh An Phú", Signer: "Nguyễn Văn A", IssuedOn: day("2024-03-15"), EffectiveOn: day("2024-03-15"),
		Summary: "Kế hoạch phát triển nông nghiệp công nghệ cao",
		AddFiles: []congtin.DocumentFileInput{
			{Name: "ke-hoach.pdf", Kind: congtin.FilePDF, Size: 1234, Hash: strings.Repeat("a", 64), Text: "hydroponics greenhouse"},
		}}
}

// TestDocumentTermRefused: the lists are the register's two, and a name is
// taken once per list; a type in use is not deleted.
func TestDocumentTermRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	adm := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	ed := storetest.MustUser(t, a, site.ID, "bientap", congtin.RoleEditor)
	plan := storetest.TermID(t, a, site.ID, congtin.ListTypes, "Kế hoạch")

	tt, err := a.SaveDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, 0, "Tờ trình", 20)
	if err != nil {
		t.Fatal(err)
	}
	audits := auditCount(t, a, site.ID, "document_term")
	_, err = a.SaveDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, tt.ID, "Kế hoạch", 20)
	storetest.WantField(t, err, "name", "a taken type name")
	if _, err := a.SaveDocumentTerm(ctx, adm, site.ID, "nothing", 0, "x", 0); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("unknown list: %v", err)
	}
	if storetest.TermID(t, a, site.ID, congtin.ListTypes, "Tờ trình") != tt.ID {
		t.Fatal("a refused rename renamed the type")
	}

	// A used type cannot go.
	d, err := a.CreateDocument(ctx, ed, site.ID, goodDocument(t, a, site.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteDocumentTerm(ctx, adm, site.ID, congtin.ListTypes, plan); congtin.ErrorCode(err) != congtin.ECONFLICT {
		t.Fatalf("deleting a used type: %v", err)
	}
	if storetest.TermID(t, a, site.ID, congtin.ListTypes, "Kế hoạch") != plan {
		t.Fatal("a refused deletion deleted the type")
	}
	wantAudit(t, a, site.ID, "document_term", audits, "refused changes of the lists")
}

// TestDocumentInputRefused: bad input is refused on its field, and writes
// nothing.
func TestDocumentInputRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	good := goodDocument(t, a, site.ID)

	bad := good
	bad.ExpiresOn = day("2024-01-01")
	_, err := a.CreateDocument(ctx, rep, site.ID, bad)
	storetest.WantField(t, err, "expires_on", "expiry before issue")
	bad = good
	bad.Number = "115/КН-UBND" // Cyrillic К and Н
	_, err = a.CreateDocument(ctx, rep, site.ID, bad)
	storetest.WantField(t, err, "number", "a Cyrillic look-alike")
	bad = good
	bad.Number = "115\x00/KH"
	_, err = a.CreateDocument(ctx, rep, site.ID, bad)
	storetest.WantField(t, err, "number", "a NUL")
	bad = good
	bad.TypeID = 999999
	_, err = a.CreateDocument(ctx, rep, site.ID, bad)
	storetest.WantField(t, err, "type_id", "a type of no site")
	bad = good
	bad.Links = []congtin.DocumentLinkInput{{Kind: congtin.LinkReplaces, TargetID: 999999}}
	_, err = a.CreateDocument(ctx, rep, site.ID, bad)
	storetest.WantField(t, err, "links", "a link to nothing")
	if n := documentCount(t, a, site.ID); n != 0 {
		t.Fatalf("after refused input: %d documents", n)
	}
	wantAudit(t, a, site.ID, "document", 0, "refused input")
}

// TestDocumentOtherSiteRefused: a document takes its type and its links
// from its own site only.
func TestDocumentOtherSiteRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ed := storetest.MustUser(t, a, site.ID, "bientap", congtin.RoleEditor)
	plan := storetest.TermID(t, a, site.ID, congtin.ListTypes, "Kế hoạch")
	d, err := a.CreateDocument(ctx, ed, site.ID, goodDocument(t, a, site.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}

	other := storetest.MustCreateSite(t, a, "soyte.anphu.gov.vn", "Sở Y tế")
	oed := storetest.MustUser(t, a, other.ID, "bientap2", congtin.RoleEditor)
	otype := storetest.TermID(t, a, other.ID, congtin.ListTypes, "Công văn")
	_, err = a.CreateDocument(ctx, oed, other.ID, congtin.DocumentInput{TypeID: plan, Number: "1/CV", Issuer: "Sở", IssuedOn: day("2024-01-01"), Summary: "x"})
	storetest.WantField(t, err, "type_id", "another site's type")
	_, err = a.CreateDocument(ctx, oed, other.ID, congtin.DocumentInput{TypeID: otype, Number: "1/CV", Issuer: "Sở", IssuedOn: day("2024-01-01"), Summary: "x",
		Links: []congtin.DocumentLinkInput{{Kind: congtin.LinkAmends, TargetID: d.ID}}})
	storetest.WantField(t, err, "links", "a link to another site's document")
	if n := documentCount(t, a, other.ID); n != 0 {
		t.Fatalf("after refused input: %d documents on the other site", n)
	}
}

// TestDocumentWorkflowRefused: a reporter may not publish, nor edit a
// document once it is submitted.
func TestDocumentWorkflowRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	good := goodDocument(t, a, site.ID)
	d, err := a.CreateDocument(ctx, rep, site.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.TransitionDocument(ctx, rep, site.ID, d.ID, congtin.ActPublish, ""); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("reporter publishing: %v", err)
	}
	if _, err := a.TransitionDocument(ctx, rep, site.ID, d.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	// A submitted document is no longer the reporter's to edit.
	changed := good
	changed.Summary = "Kế hoạch đã sửa"
	if _, err := a.UpdateDocument(ctx, rep, site.ID, d.ID, changed); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("reporter editing a submitted document: %v", err)
	}
	got, err := a.FindDocumentByID(ctx, site.ID, d.ID)
	if err != nil || got.Status != congtin.StatusSubmitted || got.Summary != good.Summary {
		t.Fatalf("after refused changes: %+v, %v", got, err)
	}
	if ns, err := a.FindNotes(ctx, d.Item().Ref); err != nil || len(ns) != 2 {
		t.Fatalf("refused steps wrote notes: %+v, %v", ns, err)
	}
	if revs, err := a.FindDocumentRevisions(ctx, site.ID, d.ID); err != nil || len(revs) != 1 {
		t.Fatalf("a refused edit wrote a revision: %+v, %v", revs, err)
	}
}
