package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// ConsultationInput is a valid consultation open for 30 days from opens.
func ConsultationInput(opens time.Time) congtin.ConsultationInput {
	return congtin.ConsultationInput{Number: "Dự thảo lần 2", Title: "Nghị quyết về chính sách hỗ trợ nông nghiệp công nghệ cao",
		Drafter: "Sở Nông nghiệp và Môi trường", Summary: "Quy định mức hỗ trợ nhà màng, nhà lưới.",
		Body: `<p>Điều 1. Phạm vi điều chỉnh</p><script>alert(1)</script>`, OpensAt: opens, ClosesAt: opens.AddDate(0, 0, 30),
		Contact: "Phòng Kế hoạch, điện thoại 0263 3822 111"}
}

// MustPublishedDocument is a published document of the register.
func MustPublishedDocument(t *testing.T, s congtin.Service, actor congtin.Actor, siteID int64, number string) *congtin.Document {
	t.Helper()
	ctx := context.Background()
	d, err := s.CreateDocument(ctx, actor, siteID, congtin.DocumentInput{TypeID: TermID(t, s, siteID, congtin.ListTypes, "Nghị quyết"),
		Number: number, Issuer: "Hội đồng nhân dân tỉnh", IssuedOn: day("2026-03-01"), Summary: "Nghị quyết ban hành"})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.TransitionDocument(ctx, actor, siteID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	return d
}

// testConsultations: a consultation's fields round-trip; the public
// lists group by phase at the time asked (upcoming, open, closed, with a
// result once the issued document is public); the lists' search; the
// revisions; site isolation and not-found.
func testConsultations(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	c := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)

	in := ConsultationInput(clockStart.Add(24 * time.Hour))
	k, err := s.CreateConsultation(ctx, rep, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindConsultationByID(ctx, site.ID, k.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Number != in.Number || got.Title != in.Title || got.Drafter != in.Drafter || got.Summary != in.Summary ||
		got.Body != "<p>Điều 1. Phạm vi điều chỉnh</p>" || !got.OpensAt.Equal(in.OpensAt) || !got.ClosesAt.Equal(in.ClosesAt) ||
		got.Contact != in.Contact || got.DocumentID != 0 || got.Status != congtin.StatusDraft || got.CreatedBy != rep.User.ID ||
		got.Slug != "nghi-quyet-ve-chinh-sach-ho-tro-nong-nghiep-cong-nghe-cao" || got.Version != 0 {
		t.Fatalf("round trip: %+v", got)
	}
	if got.Path() != "/lay-y-kien/"+got.Slug+"-"+itoa(got.ID) {
		t.Fatalf("path %q", got.Path())
	}
	public := func(phase string, at time.Time) []*congtin.Consultation {
		t.Helper()
		cs, n, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Public: true, Phase: phase, Now: at})
		if err != nil || n != len(cs) {
			t.Fatalf("public %q: %d of %d, %v", phase, len(cs), n, err)
		}
		return cs
	}
	if cs := public("", c.Now().Add(48*time.Hour)); len(cs) != 0 {
		t.Fatalf("a draft is public: %+v", cs[0])
	}
	if _, err := s.TransitionConsultation(ctx, ed, site.ID, k.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at    time.Time
		phase string
	}{
		{clockStart.Add(time.Hour), congtin.ConsultUpcoming},
		{in.OpensAt, congtin.ConsultOpen},
		{in.ClosesAt.Add(-time.Second), congtin.ConsultOpen},
		{in.ClosesAt, congtin.ConsultClosed},
	} {
		for _, phase := range []string{congtin.ConsultUpcoming, congtin.ConsultOpen, congtin.ConsultClosed, congtin.ConsultResult} {
			if n := len(public(phase, tc.at)); (phase == tc.phase) != (n == 1) {
				t.Errorf("at %v: %d in %q, want it in %q", tc.at, n, phase, tc.phase)
			}
		}
	}

	// The issued document makes it a result once the document is public.
	doc := MustPublishedDocument(t, s, ed, site.ID, "15/2026/NQ-HĐND")
	upd := in
	upd.DocumentID, upd.Title, upd.Version = doc.ID, "Nghị quyết hỗ trợ nông nghiệp", got.Version
	k2, err := s.UpdateConsultation(ctx, ed, site.ID, k.ID, upd)
	if err != nil {
		t.Fatal(err)
	}
	if k2.DocumentID != doc.ID || k2.DocumentNumber != "15/2026/NQ-HĐND" || !k2.DocumentPublic || k2.Version != 1 ||
		k2.DocumentPath() != doc.Path() || k2.Slug != "nghi-quyet-ho-tro-nong-nghiep" {
		t.Fatalf("with its document: %+v", k2)
	}
	if cs := public(congtin.ConsultResult, in.ClosesAt.Add(time.Hour)); len(cs) != 1 || cs[0].Phase(in.ClosesAt) != congtin.ConsultResult {
		t.Fatalf("result list: %+v", cs)
	}
	if cs := public(congtin.ConsultClosed, in.ClosesAt.Add(time.Hour)); len(cs) != 0 {
		t.Fatalf("a result also listed as closed")
	}

	// The lists' own search: folded words of number, title, drafter, summary.
	for q, want := range map[string]int{"nong nghiep": 1, "Sở Nông nghiệp": 1, "nhà màng": 1, "giao thông": 0} {
		if _, n, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Q: q}); err != nil || n != want {
			t.Errorf("search %q: %d, %v; want %d", q, n, err, want)
		}
	}
	if _, n, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Status: congtin.StatusDraft}); err != nil || n != 0 {
		t.Errorf("drafts: %d, %v", n, err)
	}

	revs, err := s.FindConsultationRevisions(ctx, site.ID, k.ID)
	if err != nil || len(revs) != 2 || revs[0].Title != upd.Title || revs[0].DocumentID != doc.ID || revs[1].Title != in.Title ||
		revs[1].UserName != rep.Name() || revs[1].Note != "Tạo mới" || !revs[1].ClosesAt.Equal(in.ClosesAt) {
		t.Fatalf("revisions: %+v, %v", revs, err)
	}

	// Attachments: stored with the consultation, read in the background
	// by the documents' worker, then found by the lists' search; the
	// file store's list of attachments in use names them.
	withFiles := upd
	withFiles.Version = k2.Version
	withFiles.AddFiles = []congtin.DocumentFileInput{
		{Name: "du-thao.pdf", Kind: congtin.FilePDF, Size: 2048, Hash: strings.Repeat("c", 64)},
		{Name: "to-trinh.docx", Kind: congtin.FileDOCX, Size: 1024, Hash: strings.Repeat("d", 64), Text: "Tờ trình dự thảo"},
	}
	k3, err := s.UpdateConsultation(ctx, ed, site.ID, k.ID, withFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(k3.Files) != 2 || k3.Files[0].Name != "du-thao.pdf" || k3.Files[0].TextState != congtin.TextPending ||
		k3.Files[1].TextState != congtin.TextDone || k3.Files[0].DocumentID != k.ID || k3.Files[0].Size != 2048 {
		t.Fatalf("files: %+v", k3.Files)
	}
	search := func(q string) int {
		t.Helper()
		_, n, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if search("zebrafinch") != 0 || search("tờ trình") != 1 {
		t.Fatalf("before the reading: %d, %d", search("zebrafinch"), search("tờ trình"))
	}
	r := &fakeReader{text: map[string]congtin.FileText{"du-thao.pdf": {State: congtin.TextDone, Text: "zebrafinch greenhouse", Source: congtin.TextFromPDF}}}
	if n, err := s.RunFileTextJobs(ctx, r, "w1", nil); err != nil || n != 1 {
		t.Fatalf("jobs: %d, %v", n, err)
	}
	if search("zebrafinch") != 1 {
		t.Fatal("the text read from the attachment is not searched")
	}
	if f, err := s.FindConsultationFile(ctx, site.ID, k3.Files[0].ID); err != nil || f.TextState != congtin.TextDone || f.TextSource != congtin.TextFromPDF {
		t.Fatalf("after the reading: %+v, %v", f, err)
	}
	refs, err := s.FindFileRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, a := range refs.Attachments {
		if a.Hash == strings.Repeat("c", 64) || a.Hash == strings.Repeat("d", 64) {
			kept++
		}
	}
	if kept != 2 {
		t.Fatalf("the attachments in use name %d of the consultation's 2 files", kept)
	}
	// Removing one keeps the other; a file of another item is refused.
	rm := upd
	rm.Version, rm.RemoveFiles = k3.Version, []int64{k3.Files[0].ID}
	k4, err := s.UpdateConsultation(ctx, ed, site.ID, k.ID, rm)
	if err != nil || len(k4.Files) != 1 || k4.Files[0].Name != "to-trinh.docx" || search("zebrafinch") != 0 {
		t.Fatalf("after removing a file: %+v, %v", k4, err)
	}
	if revs, err := s.FindConsultationRevisions(ctx, site.ID, k.ID); err != nil || !strings.Contains(revs[1].Files, "du-thao.pdf") {
		t.Fatalf("revision files: %+v, %v", revs, err)
	}

	// Another site sees nothing of it.
	other := MustCreateSite(t, s, "khac.example", "Khác")
	if _, err := s.FindConsultationByID(ctx, other.ID, k.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site: %v", err)
	}
	if _, n, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: other.ID}); err != nil || n != 0 {
		t.Fatalf("other site's list: %d, %v", n, err)
	}
	if _, err := s.FindConsultationByID(ctx, site.ID, k.ID+1000); congtin.ErrorMessage(err) != "Không tìm thấy dự thảo lấy ý kiến." {
		t.Fatalf("not found: %v", err)
	}
}
