package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// The fixtures are made by a short Python script (see the commit that
// added them): procedures-bom.csv is UTF-8 with a byte-order mark, CRLF
// lines, semicolons and the national database's column names (Mã TTHC,
// Tên TTHC, Mức độ DVC with the old levels 4, 3, 2); procedures-cp1258.csv
// is Windows-1258 as Excel saves it in a Vietnamese locale (base letters
// followed by combining tone marks), commas, the plain column names and a
// quoted legal basis of two lines.

func readFixture(t *testing.T, name string) []congtin.ProcedureRow {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadProceduresCSV(f, congtin.MaxProcedureImportBytes)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestReadProceduresBOM(t *testing.T) {
	rows := readFixture(t, "procedures-bom.csv")
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if r.Line != 2 || r.In.Code != "1.001193" || r.In.Name != "Thủ tục đăng ký khai sinh" || r.In.Field != "Hộ tịch" ||
		strings.Join(r.In.Levels, ",") != "xa" || r.In.Agency != "Ủy ban nhân dân cấp xã" || r.In.Duration != "Ngay trong ngày" ||
		r.In.Fee != "Miễn lệ phí" || r.In.Online != congtin.OnlineFull || r.LegacyOnline != "4" ||
		!strings.HasSuffix(r.In.URL, "ma_thu_tuc=1.001193") {
		t.Fatalf("row 2: %+v", r)
	}
	if rows[1].In.Online != congtin.OnlinePartial || rows[1].LegacyOnline != "3" {
		t.Errorf("row 3: %+v", rows[1])
	}
	r = rows[2]
	if r.Line != 4 || r.In.Online != congtin.OnlineNone || r.LegacyOnline != "2" || strings.Join(r.In.Levels, ",") != "huyen,xa" ||
		r.In.Name != "Đăng ký đất đai, tài sản gắn liền với đất lần đầu" || r.In.URL != "https://dichvucong.lamdong.gov.vn/thu-tuc/1.004227" {
		t.Errorf("row 4: %+v", r)
	}
	for _, r := range rows {
		r.In.Normalize()
		if err := r.In.Validate(); err != nil {
			t.Errorf("line %d: %v", r.Line, err)
		}
	}
}

func TestReadProceduresWindows1258(t *testing.T) {
	rows := readFixture(t, "procedures-cp1258.csv")
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if r.Line != 2 || r.In.Code != "1.009972" || r.In.Name != "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt" ||
		r.In.Field != "Xây dựng" || strings.Join(r.In.Levels, ",") != "tinh" || r.In.Agency != "Sở Xây dựng" ||
		r.In.Fee != "150.000 đồng/giấy phép" || r.In.Online != congtin.OnlineFull || r.LegacyOnline != "" ||
		strings.ReplaceAll(r.In.Legal, "\r\n", "\n") != "Luật Xây dựng năm 2014\nNghị định số 15/2021/NĐ-CP" {
		t.Fatalf("row 2: %+v", r)
	}
	// The quoted two-line cell moves the next row's line down.
	r = rows[1]
	if r.Line != 4 || r.In.Code != "2.002156" || strings.Join(r.In.Levels, ",") != "huyen,xa" || r.In.Online != congtin.OnlinePartial || r.In.URL != "" {
		t.Errorf("row 4: %+v", r)
	}
}

func TestReadProceduresRefused(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		max       int64
		want      string
	}{
		{"empty", " \r\n", 1 << 20, "Tệp trống"},
		{"no code column", "Tên thủ tục,Lĩnh vực\nA,B\n", 1 << 20, "thiếu cột “Mã thủ tục”"},
		{"two code columns", "Mã thủ tục,Mã TTHC,Tên thủ tục\n1,2,A\n", 1 << 20, "hai cột"},
		{"broken quotes", "Mã thủ tục,Tên thủ tục\n1.1,\"A\n1.2,B\"x\n", 1 << 20, "dòng"},
		{"extra cells", "Mã thủ tục,Tên thủ tục\n1.1,A,B\n", 1 << 20, "Dòng 2 có nhiều ô hơn"},
		{"too large", "Mã thủ tục,Tên thủ tục\n" + strings.Repeat("1.1,A\n", 100), 100, "Tệp quá lớn"},
	} {
		_, err := ReadProceduresCSV(strings.NewReader(c.csv), c.max)
		if congtin.ErrorCode(err) != congtin.EINVALID || !strings.Contains(congtin.ErrorMessage(err), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestParseOnline(t *testing.T) {
	for v, want := range map[string]string{"": "khong/", "Toàn trình": "toan-trinh/", "MỘT PHẦN": "mot-phan/", "Không": "khong/",
		"4": "toan-trinh/4", "Mức độ 3": "mot-phan/3", "mức 2": "khong/2", "Mức độ 1": "khong/1", "Mức độ 5": "Mức độ 5/", "cao": "cao/"} {
		o, l := ParseOnline(v)
		if o+"/"+l != want {
			t.Errorf("%q: %s/%s, want %s", v, o, l, want)
		}
	}
}
