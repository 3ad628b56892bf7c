package main_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// procedureCodes reads the stored procedures: code, name and online level.
func procedureCodes(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT code || ' ' || name || ' ' || online FROM procedures ORDER BY code`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

// TestImportProcedures runs `congtin import -format procedures` on the
// UTF-8 (BOM) and Windows-1258 fixtures: the report with the old levels
// mapped, a re-run updating by code, a bad file refused with its lines
// named and nothing written, and -site checked.
func TestImportProcedures(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "c.db")
	db := "sqlite:" + dbPath
	bom := filepath.Join("..", "..", "internal", "importer", "testdata", "procedures-bom.csv")
	cp := filepath.Join("..", "..", "internal", "importer", "testdata", "procedures-cp1258.csv")
	out, errOut, err := runCmd(t, "import", "-format", "procedures", "-db", db, bom)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "Đã nhập 3 thủ tục (3 mới, 0 cập nhật).") ||
		!strings.Contains(out, "3 dòng ghi mức độ cũ đã được chuyển theo Nghị định 42/2022/NĐ-CP: mức độ 4 → Toàn trình, mức độ 3 → Một phần") {
		t.Fatalf("report %q", out)
	}
	if out, errOut, err = runCmd(t, "import", "-format", "procedures", "-db", db, cp); err != nil || !strings.Contains(out, "(2 mới, 0 cập nhật)") {
		t.Fatalf("Windows-1258: %v %q %q", err, out, errOut)
	}
	before := procedureCodes(t, dbPath)
	if !strings.Contains(before, "1.009972 Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt toan-trinh") ||
		!strings.Contains(before, "1.004227 Đăng ký đất đai, tài sản gắn liền với đất lần đầu khong") || strings.Count(before, "\n") != 5 {
		t.Fatalf("stored:\n%s", before)
	}
	if out, _, err = runCmd(t, "import", "-format", "procedures", "-db", db, bom); err != nil || !strings.Contains(out, "(0 mới, 3 cập nhật)") {
		t.Fatalf("re-run: %v %q", err, out)
	}
	if after := procedureCodes(t, dbPath); after != before {
		t.Fatalf("a re-run changed:\n%s\n%s", before, after)
	}

	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Đường dẫn\n"+
		"1.000001,Thủ tục mới,Hộ tịch,Cấp xã,Toàn trình,\n"+
		"1.000002,,Hộ tịch,Cấp xã,,\n"+
		"1.000003,Liên kết lạ,Hộ tịch,Cấp xã,,http://dichvucong.gov.vn/x\n"+
		"1.000004,Cấp lạ,Hộ tịch,Trung ương,,\n"+
		"1.000005,Mức lạ,Hộ tịch,Cấp xã,Mức độ 5,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = runCmd(t, "import", "-format", "procedures", "-db", db, bad)
	if err == nil {
		t.Fatal("a bad file was taken")
	}
	for _, want := range []string{"4 dòng có lỗi", "Dòng 3: Tên thủ tục không được để trống.", "Dòng 4: Đường dẫn phải là địa chỉ https",
		"Dòng 5: Cấp thực hiện không hợp lệ: “Trung ương”", "Dòng 6: Mức độ dịch vụ công trực tuyến không hợp lệ: “Mức độ 5”", "nothing was imported"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("refusal lacks %q:\n%s", want, errOut)
		}
	}
	if after := procedureCodes(t, dbPath); after != before {
		t.Fatalf("a refused file wrote:\n%s", after)
	}

	if _, errOut, err := runCmd(t, "import", "-format", "procedures", "-site", "khong-co.example", "-db", db, bom); err == nil ||
		!strings.Contains(errOut, `no site has the host "khong-co.example"`) {
		t.Errorf("unknown site: %v %q", err, errOut)
	}
	if _, errOut, err := runCmd(t, "import", "-site", "x.example", "-db", db, bom); err == nil || !strings.Contains(errOut, "-site goes with -format procedures") {
		t.Errorf("-site with json: %v %q", err, errOut)
	}
}
