package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// ProcedureInput is a valid procedure of the civil-status field.
func ProcedureInput(code, name string) congtin.ProcedureInput {
	return congtin.ProcedureInput{Code: code, Name: name, Field: "Hộ tịch", Levels: []string{congtin.LevelCommune, congtin.LevelDistrict},
		Agency: "Ủy ban nhân dân cấp xã", Duration: "Ngay trong ngày", Fee: "Miễn lệ phí đăng ký khai sinh đúng hạn\r\n8.000 đồng/việc",
		Online: congtin.OnlineFull, Steps: "Bước 1: Nộp hồ sơ\nBước 2: Nhận kết quả", Documents: "Tờ khai\nGiấy chứng sinh",
		Legal: "Luật Hộ tịch năm 2014", URL: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
		Public: true}
}

// testProcedures: a procedure's fields round-trip; a code is the site's
// once; the public list holds only the public ones, filtered by field,
// level and online level and searched without diacritics or by code;
// site isolation and not-found; only editors and administrators change
// them, each change audited.
func testProcedures(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "xa-an-phu.example.vn", "Xã An Phú")
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)

	in := ProcedureInput(" 1.001193 ", "Thủ tục  đăng ký khai sinh")
	p, err := s.CreateProcedure(ctx, ed, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindProcedureByID(ctx, site.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Code != "1.001193" || got.Name != "Thủ tục đăng ký khai sinh" || got.Field != "Hộ tịch" ||
		strings.Join(got.Levels, ",") != "huyen,xa" || got.Agency != in.Agency || got.Duration != "Ngay trong ngày" ||
		got.Fee != "Miễn lệ phí đăng ký khai sinh đúng hạn\n8.000 đồng/việc" || got.Online != congtin.OnlineFull ||
		got.Steps != in.Steps || got.Documents != in.Documents || got.Legal != in.Legal || got.URL != in.URL || !got.Public ||
		!got.CreatedAt.Equal(clockStart) || !got.UpdatedAt.Equal(clockStart) {
		t.Fatalf("round trip: %+v", got)
	}
	if got.Path() != "/thu-tuc-hanh-chinh/1-001193-"+fmt.Sprint(p.ID) {
		t.Errorf("path %q", got.Path())
	}

	// A code is the site's once; another site may have it.
	if _, err := s.CreateProcedure(ctx, ed, site.ID, ProcedureInput("1.001193", "Khác")); congtin.ErrorCode(err) != congtin.EINVALID ||
		!strings.Contains(fieldError(err, "code"), "đã có") {
		t.Fatalf("code taken: %v", err)
	}
	if _, err := s.CreateProcedure(ctx, congtin.SystemActor("t"), other.ID, ProcedureInput("1.001193", "Đăng ký khai sinh")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindProcedureByID(ctx, other.ID, p.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's: %v", err)
	}

	// Reporters read; they change nothing.
	if _, err := s.CreateProcedure(ctx, rep, site.ID, ProcedureInput("9.9", "X")); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("reporter: %v", err)
	}
	if _, err := s.ImportProcedures(ctx, rep, site.ID, []congtin.ProcedureRow{{Line: 2, In: ProcedureInput("9.9", "X")}}); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("reporter import: %v", err)
	}

	land := ProcedureInput("1.004227", "Đăng ký đất đai lần đầu")
	land.Field, land.Levels, land.Online, land.Agency = "Đất đai", []string{congtin.LevelDistrict}, congtin.OnlinePartial, "Văn phòng đăng ký đất đai"
	l, err := s.CreateProcedure(ctx, ed, site.ID, land)
	if err != nil {
		t.Fatal(err)
	}
	build := ProcedureInput("1.009972", "Cấp giấy phép xây dựng mới")
	build.Field, build.Levels, build.Online = "Xây dựng", []string{congtin.LevelProvince}, congtin.OnlineNone
	b, err := s.CreateProcedure(ctx, ed, site.ID, build)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetProcedurePublic(ctx, ed, site.ID, b.ID, false); err != nil {
		t.Fatal(err)
	}

	codes := func(f congtin.ProcedureFilter) string {
		t.Helper()
		f.SiteID = site.ID
		ps, total, err := s.FindProcedures(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.Code)
		}
		if total != len(ps) {
			t.Errorf("%+v: total %d for %d", f, total, len(ps))
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		f    congtin.ProcedureFilter
		want string
	}{
		{congtin.ProcedureFilter{}, "1.001193 1.009972 1.004227"}, // by field (as bytes: Đ last), then code
		{congtin.ProcedureFilter{Public: true}, "1.001193 1.004227"},
		{congtin.ProcedureFilter{Public: true, Field: "Hộ tịch"}, "1.001193"},
		{congtin.ProcedureFilter{Public: true, Level: congtin.LevelDistrict}, "1.001193 1.004227"},
		{congtin.ProcedureFilter{Public: true, Level: congtin.LevelCommune}, "1.001193"},
		{congtin.ProcedureFilter{Level: congtin.LevelProvince}, "1.009972"},
		{congtin.ProcedureFilter{Public: true, Online: congtin.OnlinePartial}, "1.004227"},
		{congtin.ProcedureFilter{Public: true, Q: "dang ky khai sinh"}, "1.001193"},
		{congtin.ProcedureFilter{Public: true, Q: "ĐẤT ĐAI"}, "1.004227"},
		{congtin.ProcedureFilter{Public: true, Q: "van phong dang ky"}, "1.004227"}, // the agency
		{congtin.ProcedureFilter{Public: true, Q: "1.004227"}, "1.004227"},
		{congtin.ProcedureFilter{Public: true, Q: "xay dung"}, ""}, // hidden
		{congtin.ProcedureFilter{Q: "xay dung"}, "1.009972"},
		{congtin.ProcedureFilter{Q: "?!"}, ""},
	} {
		if got := codes(c.f); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
	if fs, err := s.FindProcedureFields(ctx, site.ID, true); err != nil || strings.Join(fs, "|") != "Hộ tịch|Đất đai" {
		t.Errorf("public fields %q %v", fs, err)
	}
	if fs, _ := s.FindProcedureFields(ctx, site.ID, false); len(fs) != 3 {
		t.Errorf("fields %q", fs)
	}

	// An update keeps the ID; a delete removes it.
	land.Name = "Đăng ký đất đai, tài sản gắn liền với đất lần đầu"
	if u, err := s.UpdateProcedure(ctx, ed, site.ID, l.ID, land); err != nil || u.Name != land.Name {
		t.Fatalf("update %+v %v", u, err)
	}
	if err := s.DeleteProcedure(ctx, ed, site.ID, l.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindProcedureByID(ctx, site.ID, l.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("deleted: %v", err)
	}
	if err := s.DeleteProcedure(ctx, ed, site.ID, l.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("deleted twice: %v", err)
	}
	want := "procedure.delete procedure.update procedure.hide procedure.create procedure.create procedure.create"
	if got := strings.Join(AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "procedure"}), " "); got != want {
		t.Errorf("audit %q, want %q", got, want)
	}
}

// fieldError is the message of a field of a validation error.
func fieldError(err error, field string) string {
	var ve *congtin.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields[field]
	}
	return ""
}

// testProcedureImport: an import writes every row or none; a bad row
// refuses the file naming its line; a re-run updates by code and keeps a
// hidden procedure hidden; 10,000 rows go in one transaction.
func testProcedureImport(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	count := func() int {
		t.Helper()
		_, n, err := s.FindProcedures(ctx, congtin.ProcedureFilter{SiteID: site.ID})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	rows := []congtin.ProcedureRow{
		{Line: 2, In: ProcedureInput("1.001193", "Đăng ký khai sinh")},
		{Line: 3, In: ProcedureInput("2.000986", "Đăng ký kết hôn"), LegacyOnline: "4"},
	}
	res, err := s.ImportProcedures(ctx, ed, site.ID, rows)
	if err != nil || res.Created != 2 || res.Updated != 0 || res.Legacy != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	ps, _, _ := s.FindProcedures(ctx, congtin.ProcedureFilter{SiteID: site.ID, Q: "ket hon"})
	if len(ps) != 1 || !ps[0].Public {
		t.Fatalf("imported: %+v", ps)
	}
	if _, err := s.SetProcedurePublic(ctx, ed, site.ID, ps[0].ID, false); err != nil {
		t.Fatal(err)
	}
	res, err = s.ImportProcedures(ctx, ed, site.ID, []congtin.ProcedureRow{
		{Line: 2, In: ProcedureInput("1.001193", "Đăng ký khai sinh")},
		{Line: 3, In: ProcedureInput("2.000986", "Đăng ký kết hôn")},
	})
	if err != nil || res.Created != 0 || res.Updated != 2 || count() != 2 {
		t.Fatalf("re-run %+v %v (%d)", res, err, count())
	}
	if p, _ := s.FindProcedureByID(ctx, site.ID, ps[0].ID); p.Public {
		t.Error("a hidden procedure was shown again by a re-import")
	}

	// One bad row refuses the file; each bad line is named.
	bad := []congtin.ProcedureRow{
		{Line: 2, In: ProcedureInput("1.000001", "Một thủ tục mới")},
		{Line: 3, In: ProcedureInput("1.000002", "")},
		{Line: 4, In: ProcedureInput("1.000001", "Trùng mã")},
		{Line: 5, In: ProcedureInput("1.000005", "Liên kết lạ")},
		{Line: 6, In: ProcedureInput("1.000006", "Cấp lạ")},
	}
	bad[3].In.URL = "https://dichvucong.gov.vn.example.com/x"
	bad[4].In.Levels = []string{"trung-uong"}
	_, err = s.ImportProcedures(ctx, ed, site.ID, bad)
	var re *congtin.ImportRowsError
	if !errors.As(err, &re) || congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("bad rows: %v", err)
	}
	var lines []string
	for _, p := range re.Problems {
		lines = append(lines, fmt.Sprint(p.Line))
	}
	msg := congtin.ErrorMessage(err)
	if strings.Join(lines, ",") != "3,4,5,6" || !strings.Contains(msg, "Dòng 3: Tên thủ tục không được để trống.") ||
		!strings.Contains(msg, "Dòng 4: mã thủ tục “1.000001” đã có ở dòng 2") || !strings.Contains(msg, "dichvucong.gov.vn.example.com") ||
		!strings.Contains(msg, "Dòng 6: Cấp thực hiện không hợp lệ") {
		t.Fatalf("problems: %s", msg)
	}
	if count() != 2 {
		t.Fatalf("a refused file wrote rows: %d", count())
	}

	// 10,000 rows in one transaction.
	big := make([]congtin.ProcedureRow, 10000)
	for i := range big {
		big[i] = congtin.ProcedureRow{Line: i + 2, In: ProcedureInput(fmt.Sprintf("3.%06d", i), fmt.Sprintf("Thủ tục số %d", i))}
	}
	start := time.Now()
	res, err = s.ImportProcedures(ctx, ed, site.ID, big)
	if err != nil || res.Created != 10000 {
		t.Fatalf("10,000 rows: %+v %v", res, err)
	}
	took := time.Since(start)
	t.Logf("10,000 procedures imported in %v", took)
	if took > 30*time.Second {
		t.Errorf("10,000 procedures took %v", took)
	}
	if count() != 10002 {
		t.Errorf("count %d", count())
	}
}
