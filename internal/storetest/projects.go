package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// ProjectInput is a valid project of 2025–2027.
func ProjectInput() congtin.ProjectInput {
	return congtin.ProjectInput{Name: "Đường giao thông liên xã Phước Hòa – Phước Thắng", Investor: "Ban Quản lý dự án đầu tư xây dựng tỉnh",
		Location: "Huyện Tuy Phước", Investment: 12345678000, Funding: congtin.FundLocal, StartYear: 2025, EndYear: 2027, Progress: 40,
		Stage: congtin.ProjectOngoing, Description: `<p>Chiều dài 5,2 km.</p><script>alert(1)</script>`}
}

// ProcurementInput is a valid notice open from opens for 20 days.
func ProcurementInput(opens time.Time) congtin.ProcurementInput {
	return congtin.ProcurementInput{Name: "Gói thầu số 05: Thi công xây dựng nền, mặt đường", Entity: "Ban Quản lý dự án đầu tư xây dựng tỉnh",
		Method: congtin.MethodOpen, EstimatedPrice: 8500000000, OpensAt: opens, ClosesAt: opens.AddDate(0, 0, 20), Summary: "Thời gian thực hiện 18 tháng."}
}

// testProjects: a project's fields and linked documents round-trip; the
// public list filters by stage and year; a save keeps a revision and a
// stale form is refused; bad amounts, periods and documents are refused;
// another site sees nothing.
func testProjects(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	doc := MustPublishedDocument(t, s, ed, site.ID, "15/2025/NQ-HĐND")

	in := ProjectInput()
	in.DocumentIDs = []int64{doc.ID, doc.ID}
	p, err := s.CreateProject(ctx, rep, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindProjectByID(ctx, site.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != in.Name || got.Investor != in.Investor || got.Location != in.Location || got.Investment != 12345678000 ||
		got.Funding != congtin.FundLocal || got.StartYear != 2025 || got.EndYear != 2027 || got.Progress != 40 || got.Stage != congtin.ProjectOngoing ||
		got.Description != "<p>Chiều dài 5,2 km.</p>" || got.Status != congtin.StatusDraft || got.CreatedBy != rep.User.ID ||
		len(got.Documents) != 1 || got.Documents[0].ID != doc.ID || got.Documents[0].Number != "15/2025/NQ-HĐND" || !got.Documents[0].Public {
		t.Fatalf("round trip: %+v", got)
	}
	if got.Path() != "/du-an/"+got.Slug+"-"+itoa(got.ID) || got.Slug != "duong-giao-thong-lien-xa-phuoc-hoa-phuoc-thang" {
		t.Fatalf("path %q", got.Path())
	}
	public := func(f congtin.ProjectFilter) int {
		t.Helper()
		f.SiteID, f.Public = site.ID, true
		ps, n, err := s.FindProjects(ctx, f)
		if err != nil || n != len(ps) {
			t.Fatalf("public %+v: %d of %d, %v", f, len(ps), n, err)
		}
		return n
	}
	if n := public(congtin.ProjectFilter{}); n != 0 {
		t.Fatalf("a draft is public")
	}
	if _, err := s.Transition(ctx, ed, congtin.Ref{Kind: congtin.KindProject, SiteID: site.ID, ID: p.ID}, congtin.ActPublish, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    congtin.ProjectFilter
		want int
	}{
		{congtin.ProjectFilter{}, 1}, {congtin.ProjectFilter{Year: 2025}, 1}, {congtin.ProjectFilter{Year: 2027}, 1}, {congtin.ProjectFilter{Year: 2028}, 0},
		{congtin.ProjectFilter{Year: 2024}, 0}, {congtin.ProjectFilter{Stage: congtin.ProjectOngoing}, 1}, {congtin.ProjectFilter{Stage: congtin.ProjectDone}, 0},
	} {
		if n := public(tc.f); n != tc.want {
			t.Errorf("public %+v: %d, want %d", tc.f, n, tc.want)
		}
	}
	if _, n, err := s.FindProjects(ctx, congtin.ProjectFilter{SiteID: site.ID, Q: "phuoc thang"}); err != nil || n != 1 {
		t.Fatalf("search: %d, %v", n, err)
	}

	// An editor saves; the reporter's form, loaded before, is refused.
	in2 := ProjectInput()
	in2.Progress, in2.Stage, in2.Version = 100, congtin.ProjectDone, got.Version+1
	if _, err := s.UpdateProject(ctx, ed, site.ID, p.ID, in2); congtin.ErrorCode(err) != congtin.ECONFLICT {
		t.Fatalf("a form of a version not stored: %v", err)
	}
	in2.Version = got.Version
	if _, err := s.UpdateProject(ctx, ed, site.ID, p.ID, in2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProject(ctx, rep, site.ID, p.ID, in2); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("a reporter edits a published project: %v", err)
	}
	revs, err := s.FindProjectRevisions(ctx, site.ID, congtin.KindProject, p.ID)
	if err != nil || len(revs) != 2 || revs[0].Note != "Sửa" || !strings.Contains(revs[0].Content, "Tiến độ: 100%") ||
		!strings.Contains(revs[1].Content, "Tổng mức đầu tư: 12.345.678.000 đồng") || !strings.Contains(revs[1].Content, "15/2025/NQ-HĐND") {
		t.Fatalf("revisions: %v %+v", err, revs)
	}
	if n := public(congtin.ProjectFilter{Stage: congtin.ProjectDone}); n != 1 {
		t.Fatalf("done: %d", n)
	}

	// Bad input changes nothing.
	for field, mod := range map[string]func(*congtin.ProjectInput){
		"investment": func(in *congtin.ProjectInput) { in.Investment = -1 },
		"end_year":   func(in *congtin.ProjectInput) { in.EndYear = 2024 },
		"progress":   func(in *congtin.ProjectInput) { in.Progress = 101 },
		"funding":    func(in *congtin.ProjectInput) { in.Funding = "x" },
		"documents":  func(in *congtin.ProjectInput) { in.DocumentIDs = []int64{doc.ID + 1000} },
	} {
		bad := ProjectInput()
		mod(&bad)
		_, err := s.CreateProject(ctx, rep, site.ID, bad)
		WantField(t, err, field, "project "+field)
	}
	if _, n, _ := s.FindProjects(ctx, congtin.ProjectFilter{SiteID: site.ID}); n != 1 {
		t.Fatalf("bad input stored: %d", n)
	}

	other := MustCreateSite(t, s, "khac.example", "Khác")
	if _, err := s.FindProjectByID(ctx, other.ID, p.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site: %v", err)
	}
	if _, err := s.FindProjectByID(ctx, site.ID, p.ID+1000); congtin.ErrorMessage(err) != "Không tìm thấy dự án." {
		t.Fatalf("not found: %v", err)
	}
}

// testProcurements: a notice's fields round-trip with its project; its
// state follows the clock and the result; the public list filters by
// state and by the year of the closing in Vietnam time; a result before
// the closing and a closing before the opening are refused.
func testProcurements(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	c := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	p, err := s.CreateProject(ctx, ed, site.ID, ProjectInput())
	if err != nil {
		t.Fatal(err)
	}
	// Closes at 00:30 on 1 January 2027 in Vietnam: still 2026 in UTC.
	opens := time.Date(2026, 12, 12, 0, 30, 0, 0, congtin.VietnamZone)
	in := ProcurementInput(opens)
	in.ProjectID = p.ID
	b, err := s.CreateProcurement(ctx, ed, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != in.Name || b.Entity != in.Entity || b.ProjectID != p.ID || b.ProjectName != p.Name || b.ProjectPublic || b.Method != congtin.MethodOpen ||
		b.EstimatedPrice != 8500000000 || !b.OpensAt.Equal(opens) || !b.ClosesAt.Equal(in.ClosesAt) || b.Summary != in.Summary || b.Winner != "" {
		t.Fatalf("round trip: %+v", b)
	}
	ref := congtin.Ref{Kind: congtin.KindProcurement, SiteID: site.ID, ID: b.ID}
	if _, err := s.Transition(ctx, ed, ref, congtin.ActPublish, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	public := func(f congtin.ProcurementFilter) int {
		t.Helper()
		f.SiteID, f.Public = site.ID, true
		bs, n, err := s.FindProcurements(ctx, f)
		if err != nil || n != len(bs) {
			t.Fatalf("public %+v: %d of %d, %v", f, len(bs), n, err)
		}
		return n
	}
	after := in.ClosesAt.Add(time.Hour)
	for _, tc := range []struct {
		f    congtin.ProcurementFilter
		want int
	}{
		{congtin.ProcurementFilter{State: congtin.BidOpen}, 1}, {congtin.ProcurementFilter{State: congtin.BidClosed}, 0},
		{congtin.ProcurementFilter{State: congtin.BidClosed, Now: after}, 1}, {congtin.ProcurementFilter{State: congtin.BidOpen, Now: after}, 0},
		{congtin.ProcurementFilter{Year: 2027}, 1}, {congtin.ProcurementFilter{Year: 2026}, 0}, {congtin.ProcurementFilter{ProjectID: p.ID}, 1},
	} {
		if n := public(tc.f); n != tc.want {
			t.Errorf("public %+v: %d, want %d", tc.f, n, tc.want)
		}
	}
	if st := b.State(c.Now()); st != congtin.BidOpen {
		t.Fatalf("state %q", st)
	}

	// The result is refused while bids are still taken, then accepted.
	res := in
	res.Winner, res.WinningPrice, res.Version = "Công ty TNHH Xây dựng Phú Tài", 8120000000, b.Version
	_, err = s.UpdateProcurement(ctx, ed, site.ID, b.ID, res)
	WantField(t, err, "winner", "result before the closing")
	c.Set(after)
	if b, err = s.UpdateProcurement(ctx, ed, site.ID, b.ID, res); err != nil {
		t.Fatal(err)
	}
	if b.State(c.Now()) != congtin.BidResult || public(congtin.ProcurementFilter{State: congtin.BidResult}) != 1 || public(congtin.ProcurementFilter{State: congtin.BidClosed}) != 0 {
		t.Fatalf("result: %+v", b)
	}
	if revs, err := s.FindProjectRevisions(ctx, site.ID, congtin.KindProcurement, b.ID); err != nil || len(revs) != 2 ||
		!strings.Contains(revs[0].Content, "Giá trúng thầu: 8.120.000.000 đồng") {
		t.Fatalf("revisions: %v %+v", err, revs)
	}

	bad := ProcurementInput(opens)
	bad.ClosesAt = opens.Add(-time.Hour)
	_, err = s.CreateProcurement(ctx, ed, site.ID, bad)
	WantField(t, err, "closes_at", "closing before the opening")
	bad = ProcurementInput(opens)
	bad.ProjectID = p.ID + 1000
	_, err = s.CreateProcurement(ctx, ed, site.ID, bad)
	WantField(t, err, "project", "unknown project")
	if _, n, _ := s.FindProcurements(ctx, congtin.ProcurementFilter{SiteID: site.ID}); n != 1 {
		t.Fatalf("bad input stored: %d", n)
	}
	other := MustCreateSite(t, s, "khac.example", "Khác")
	if _, err := s.FindProcurementByID(ctx, other.ID, b.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site: %v", err)
	}
}
