package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// DatasetInput is a valid dataset with one uploaded CSV and one API link,
// published by unit and of the theme themeID.
func DatasetInput(unit, themeID int64) congtin.DatasetInput {
	return congtin.DatasetInput{Title: "Danh sách trường học trên địa bàn tỉnh", Description: "Tên, địa chỉ, cấp học của các trường.\n\nCập nhật đầu năm học.",
		PublisherID: unit, ThemeIDs: []int64{themeID}, Keywords: "trường học; giáo dục, Giáo dục\nđịa chỉ", Frequency: "ANNUAL",
		TemporalStart: day("2025-09-01"), TemporalEnd: day("2026-05-31"), Spatial: "Tỉnh Lâm Đồng",
		ContactName: "Phòng Thống kê", ContactEmail: "thongke@example.gov.vn", Issued: day("2025-10-01"),
		AddResources: []congtin.ResourceInput{
			{Name: "Danh sách trường (CSV)", Kind: congtin.FileCSV, Size: 120, Hash: strings.Repeat("e", 64), FileName: "truong.csv",
				Preview: &congtin.DataPreview{Header: []string{"Tên", "Tỉnh"}, Rows: [][]string{{"THPT Chu Văn An", "Hà Nội"}}, Encoding: "Windows-1258"}},
			{Name: "Dịch vụ tra cứu", Format: congtin.FormatAPI, URL: "https://api.example.gov.vn/truong"},
		}}
}

// testDatasets: a dataset's fields, themes and resources round-trip; the
// public catalogue holds only the published ones, with facets that count
// them by theme, publisher, format and licence and filters that combine;
// the list's search; revisions; the files in use; site isolation and
// not-found; a theme in use is not deleted.
func testDatasets(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	sys := congtin.SystemActor("test")
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	unit, err := s.CreateUnit(ctx, sys, site.ID, congtin.UnitInput{Name: "Sở Giáo dục và Đào tạo"})
	if err != nil {
		t.Fatal(err)
	}
	edu := TermID(t, s, site.ID, congtin.ListThemes, "Giáo dục")
	health := TermID(t, s, site.ID, congtin.ListThemes, "Y tế")

	in := DatasetInput(unit.ID, edu)
	d, err := s.CreateDataset(ctx, rep, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindDatasetByID(ctx, site.ID, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != in.Title || got.Description != in.Description || got.PublisherID != unit.ID || got.PublisherName != "Sở Giáo dục và Đào tạo" ||
		len(got.Themes) != 1 || got.Themes[0].Name != "Giáo dục" || strings.Join(got.Keywords, "|") != "trường học|giáo dục|địa chỉ" ||
		got.Licence != congtin.DefaultLicence || got.Frequency != "ANNUAL" || !got.TemporalStart.Equal(in.TemporalStart) ||
		!got.TemporalEnd.Equal(in.TemporalEnd) || got.Spatial != in.Spatial || got.ContactName != in.ContactName ||
		got.ContactEmail != in.ContactEmail || !got.Issued.Equal(in.Issued) || !got.Modified.IsZero() || got.Status != congtin.StatusDraft ||
		got.CreatedBy != rep.User.ID || got.Slug != "danh-sach-truong-hoc-tren-dia-ban-tinh" || got.Version != 0 {
		t.Fatalf("round trip: %+v", got)
	}
	if got.Path() != "/du-lieu-mo/"+got.Slug+"-"+itoa(got.ID) || !got.ModifiedOn().Equal(got.UpdatedAt) {
		t.Fatalf("path %q", got.Path())
	}
	if len(got.Resources) != 2 {
		t.Fatalf("resources: %+v", got.Resources)
	}
	csv, api := got.Resources[0], got.Resources[1]
	if csv.Format != congtin.FormatCSV || csv.MediaType != "text/csv" || csv.Kind != congtin.FileCSV || csv.Size != 120 ||
		csv.FileName != "truong.csv" || csv.Preview == nil || csv.Preview.Rows[0][1] != "Hà Nội" || csv.Preview.Encoding != "Windows-1258" ||
		csv.DatasetID != d.ID || csv.Position != 1 {
		t.Fatalf("file resource: %+v %+v", csv, csv.Preview)
	}
	if api.Format != congtin.FormatAPI || api.URL != "https://api.example.gov.vn/truong" || api.IsFile() || api.Preview != nil || api.Position != 2 {
		t.Fatalf("link resource: %+v", api)
	}
	if r, err := s.FindResource(ctx, site.ID, d.ID, csv.ID); err != nil || r.Hash != csv.Hash || r.Preview == nil {
		t.Fatalf("find resource: %+v, %v", r, err)
	}
	if _, err := s.FindResource(ctx, site.ID, d.ID+1, csv.ID); congtin.ErrorMessage(err) != "Không tìm thấy tài nguyên dữ liệu." {
		t.Fatalf("resource of another dataset: %v", err)
	}

	// A link that would run a script is refused and nothing is written.
	bad := in
	bad.AddResources = []congtin.ResourceInput{{Name: "X", Format: congtin.FormatAPI, URL: "javascript:alert(1)"}}
	if _, err := s.CreateDataset(ctx, rep, site.ID, bad); congtin.ErrorCode(err) != congtin.EINVALID || !strings.Contains(congtin.ErrorMessage(err)+fieldMessages(err), "http") {
		t.Fatalf("javascript: link: %v", err)
	}

	// The catalogue: only published datasets, with facets.
	public := func(f congtin.DatasetFilter) int {
		t.Helper()
		f.SiteID, f.Public = site.ID, true
		ds, n, err := s.FindDatasets(ctx, f)
		if err != nil || n != len(ds) {
			t.Fatalf("public %+v: %d of %d, %v", f, len(ds), n, err)
		}
		return n
	}
	if public(congtin.DatasetFilter{}) != 0 {
		t.Fatal("a draft is public")
	}
	if _, err := s.TransitionDataset(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	second := congtin.DatasetInput{Title: "Cơ sở y tế", Description: "Bệnh viện và trạm y tế.", ThemeIDs: []int64{health}, Licence: "cc0-1.0",
		AddResources: []congtin.ResourceInput{{Name: "Bảng tính", Kind: congtin.FileXLSX, Size: 300, Hash: strings.Repeat("f", 64), FileName: "yte.xlsx"}}}
	d2, err := s.CreateDataset(ctx, ed, site.ID, second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDataset(ctx, ed, site.ID, d2.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    congtin.DatasetFilter
		want int
	}{
		{congtin.DatasetFilter{}, 2},
		{congtin.DatasetFilter{ThemeID: edu}, 1},
		{congtin.DatasetFilter{PublisherID: unit.ID}, 1},
		{congtin.DatasetFilter{Format: congtin.FormatXLSX}, 1},
		{congtin.DatasetFilter{Format: congtin.FormatAPI, ThemeID: edu}, 1},
		{congtin.DatasetFilter{Format: congtin.FormatAPI, ThemeID: health}, 0},
		{congtin.DatasetFilter{Licence: "cc0-1.0"}, 1},
		{congtin.DatasetFilter{Q: "truong hoc"}, 1},
		{congtin.DatasetFilter{Q: "Lâm Đồng"}, 1},
		{congtin.DatasetFilter{Q: "tra cứu"}, 1}, // a resource's name
		{congtin.DatasetFilter{Q: "giao thông"}, 0},
	} {
		if n := public(tc.f); n != tc.want {
			t.Errorf("%+v: %d, want %d", tc.f, n, tc.want)
		}
	}
	fs, err := s.FindDatasetFacets(ctx, congtin.DatasetFilter{SiteID: site.ID, Public: true})
	if err != nil {
		t.Fatal(err)
	}
	facet := func(fs []congtin.Facet) string {
		var b []string
		for _, f := range fs {
			b = append(b, f.Name+"="+itoa(int64(f.Count)))
		}
		return strings.Join(b, ", ")
	}
	if got := facet(fs.Themes); got != "Giáo dục=1, Y tế=1" {
		t.Errorf("themes facet: %s", got)
	}
	if got := facet(fs.Publishers); got != "Sở Giáo dục và Đào tạo=1" || fs.Publishers[0].ID != unit.ID {
		t.Errorf("publishers facet: %s", got)
	}
	if got := facet(fs.Formats); got != "API=1, CSV=1, XLSX=1" {
		t.Errorf("formats facet: %s", got)
	}
	if got := facet(fs.Licences); got != congtin.LicenceOf("cc-by-4.0").Name+"=1, "+congtin.LicenceOf("cc0-1.0").Name+"=1" {
		t.Errorf("licences facet: %s", got)
	}
	if fs, err := s.FindDatasetFacets(ctx, congtin.DatasetFilter{SiteID: site.ID, Public: true, ThemeID: health}); err != nil || facet(fs.Formats) != "XLSX=1" {
		t.Errorf("facets within a theme: %+v, %v", fs, err)
	}

	// An edit: a resource removed, a revision kept.
	upd := in
	upd.Version, upd.Title, upd.RemoveResources, upd.AddResources = got.Version, "Danh sách trường học", []int64{api.ID}, nil
	d3, err := s.UpdateDataset(ctx, ed, site.ID, d.ID, upd)
	if err != nil {
		t.Fatal(err)
	}
	if len(d3.Resources) != 1 || d3.Resources[0].ID != csv.ID || d3.Version != 1 || d3.Slug != "danh-sach-truong-hoc" {
		t.Fatalf("after the edit: %+v", d3)
	}
	revs, err := s.FindDatasetRevisions(ctx, site.ID, d.ID)
	if err != nil || len(revs) != 2 || revs[0].Title != upd.Title || revs[1].Note != "Tạo mới" || !strings.Contains(revs[1].Resources, "Dịch vụ tra cứu") ||
		!strings.Contains(revs[0].Meta, "Phạm vi không gian: Tỉnh Lâm Đồng") || revs[1].UserName != rep.Name() {
		t.Fatalf("revisions: %+v, %v", revs, err)
	}
	rm := upd
	rm.Version, rm.RemoveResources = d3.Version, []int64{d2.Resources[0].ID}
	if _, err := s.UpdateDataset(ctx, ed, site.ID, d.ID, rm); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("removing another dataset's resource: %v", err)
	}

	// The uploaded files are in use for the media check.
	refs, err := s.FindFileRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for _, a := range refs.Attachments {
		if a.Hash == strings.Repeat("e", 64) && a.Kind == congtin.FileCSV || a.Hash == strings.Repeat("f", 64) && a.Kind == congtin.FileXLSX {
			kept++
		}
	}
	if kept != 2 {
		t.Fatalf("the files in use name %d of the datasets' 2 files", kept)
	}

	// A theme in use stays; the list names it among the themes.
	if err := s.DeleteDocumentTerm(ctx, sys, site.ID, congtin.ListThemes, edu); congtin.ErrorCode(err) != congtin.ECONFLICT ||
		!strings.Contains(congtin.ErrorMessage(err), "tập dữ liệu") {
		t.Fatalf("deleting a theme in use: %v", err)
	}

	// Another site sees nothing of it.
	other := MustCreateSite(t, s, "khac.example", "Khác")
	if _, err := s.FindDatasetByID(ctx, other.ID, d.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site: %v", err)
	}
	if _, n, err := s.FindDatasets(ctx, congtin.DatasetFilter{SiteID: other.ID}); err != nil || n != 0 {
		t.Fatalf("other site's list: %d, %v", n, err)
	}
	if themes, err := s.FindDocumentTerms(ctx, other.ID, congtin.ListThemes); err != nil || len(themes) != len(congtin.DefaultDatasetThemes) {
		t.Fatalf("a new site's themes: %d, %v", len(themes), err)
	}
	if _, err := s.FindDatasetByID(ctx, site.ID, d.ID+1000); congtin.ErrorMessage(err) != "Không tìm thấy tập dữ liệu." {
		t.Fatalf("not found: %v", err)
	}
}

// fieldMessages joins a validation error's field messages.
func fieldMessages(err error) string {
	var b strings.Builder
	if ve, ok := err.(*congtin.ValidationError); ok {
		for _, m := range ve.Fields {
			b.WriteString(m)
		}
	}
	return b.String()
}
