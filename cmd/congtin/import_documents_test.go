package main_test

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/docfile"
)

// docRegister reads what the import could change: each document's
// number, summary, status and external ID, its files, the lists.
func docRegister(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id || ' ' || number || ' ' || summary || ' ' || status || ' ' || COALESCE(external_id, '') FROM documents ORDER BY id`,
		`SELECT document_id || ' ' || name || ' ' || hash FROM document_files ORDER BY id`,
		`SELECT name FROM document_types ORDER BY id`, `SELECT name FROM document_fields ORDER BY id`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

// TestImportDocuments runs `congtin import -format documents` on a folder
// of a JSON file and PDFs made at test time: the paths printed in order,
// a second run updating, and every bad input refused with the record
// named and the register unchanged.
func TestImportDocuments(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "c.db")
	db := "sqlite:" + dbPath
	src := filepath.Join(dir, "register")
	if err := os.MkdirAll(filepath.Join(src, "pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pdf/kh115.pdf", docfile.MakePDF("Ke hoach trien khai chuyen doi so nam 2024"))
	write("pdf/qd7.pdf", docfile.MakePDF("Quyet dinh ve viec thanh lap to cong tac"))
	recs := []map[string]any{
		{"number": "115/KH-UBND", "type": "Kế hoạch", "summary": "Kế hoạch chuyển đổi số năm 2024", "issuer": "UBND tỉnh", "signer": "Nguyễn Văn A",
			"issued_on": "2024-03-01", "effective_on": "2024-03-01", "field": "Hành chính", "external_id": "old-1", "files": []string{"pdf/kh115.pdf"}},
		{"number": "07/QĐ-UBND", "type": "Công văn hỏa tốc", "summary": "Thành lập tổ công tác", "issuer": "UBND tỉnh",
			"issued_on": "2024-01-15", "field": "Lĩnh vực mới", "external_id": "old-2", "files": []string{"pdf/qd7.pdf"}},
	}
	save := func(rs []map[string]any) string {
		t.Helper()
		data, _ := json.Marshal(rs)
		write("register.json", data)
		return filepath.Join(src, "register.json")
	}
	file := save(recs)
	out, errOut, err := runCmd(t, "import", "-format", "documents", "-db", db, file)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 2 || !strings.HasPrefix(paths[0], "/van-ban/115-kh-ubnd-") || !strings.HasPrefix(paths[1], "/van-ban/07-qd-ubnd-") {
		t.Fatalf("printed %q", out)
	}
	if !strings.Contains(errOut, "2 new, 0 updated") || !strings.Contains(errOut, "Công văn hỏa tốc") || !strings.Contains(errOut, "Lĩnh vực mới") {
		t.Fatalf("report %q", errOut)
	}
	if strings.Contains(errOut, "đã đọc") {
		t.Fatalf("a progress line on a pipe: %q", errOut)
	}
	// The files' text is not read by the import: it is queued for the
	// server's background worker.
	if !strings.Contains(errOut, "2 attached files queued to have their text read") {
		t.Fatalf("no word of the queued files: %q", errOut)
	}
	// A second run with a new summary updates, never duplicates.
	recs[0]["summary"] = "Kế hoạch chuyển đổi số năm 2024 (sửa)"
	file = save(recs)
	out2, errOut, err := runCmd(t, "import", "-format", "documents", "-db", db, file)
	if err != nil || out2 != out || !strings.Contains(errOut, "0 new, 2 updated") {
		t.Fatalf("re-import: %v %q %q", err, out2, errOut)
	}
	before := docRegister(t, dbPath)
	if !strings.Contains(before, "(sửa)") || strings.Count(before, "old-") != 2 {
		t.Fatalf("register after re-import:\n%s", before)
	}

	if err := os.Symlink("/etc/hostname", filepath.Join(src, "out.pdf")); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 2<<20)
	copy(big, docfile.MakePDF("lon"))
	write("big.pdf", big)
	clone := func(change func(r []map[string]any) []map[string]any) []map[string]any {
		var c []map[string]any
		data, _ := json.Marshal(recs)
		json.Unmarshal(data, &c)
		return change(c)
	}
	for _, c := range []struct {
		name string
		recs []map[string]any
		raw  string
		want string
	}{
		{name: "missing file", recs: clone(func(r []map[string]any) []map[string]any { r[1]["files"] = []string{"pdf/khong-co.pdf"}; return r }),
			want: "Bản ghi thứ 2 (số 07/QĐ-UBND): tệp “pdf/khong-co.pdf”: không tìm thấy tệp"},
		{name: "dot dot", recs: clone(func(r []map[string]any) []map[string]any { r[0]["files"] = []string{"../c.db"}; return r }),
			want: "Bản ghi thứ 1 (số 115/KH-UBND): tệp “../c.db”: tệp nằm ngoài thư mục"},
		{name: "absolute", recs: clone(func(r []map[string]any) []map[string]any { r[0]["files"] = []string{"/etc/hostname"}; return r }),
			want: "không được là đường dẫn tuyệt đối"},
		{name: "symlink out", recs: clone(func(r []map[string]any) []map[string]any { r[1]["files"] = []string{"out.pdf"}; return r }),
			want: "Bản ghi thứ 2 (số 07/QĐ-UBND): tệp “out.pdf”: tệp nằm ngoài thư mục"},
		{name: "too large", recs: clone(func(r []map[string]any) []map[string]any { r[1]["files"] = []string{"big.pdf"}; return r }),
			want: "tệp quá lớn: tối đa 1 MB"},
		{name: "duplicate number", recs: clone(func(r []map[string]any) []map[string]any {
			return append(r, map[string]any{"number": "115 / KH–UBND", "type": "Kế hoạch", "summary": "x", "issuer": "y", "issued_on": "2024-01-01"})
		}), want: "Bản ghi thứ 3 (số 115 / KH–UBND): số, ký hiệu trùng với bản ghi thứ 1"},
		{name: "number of another external id", recs: clone(func(r []map[string]any) []map[string]any { r[0]["external_id"] = "other"; return r }),
			want: "Bản ghi thứ 1 (số 115/KH-UBND): số, ký hiệu đã có ở văn bản #1, nhập với external_id “old-1”"},
		{name: "bad date", recs: clone(func(r []map[string]any) []map[string]any { r[1]["issued_on"] = "15/01/2024"; return r }),
			want: "Bản ghi thứ 2 (số 07/QĐ-UBND): ngày ban hành (issued_on) “15/01/2024” không đọc được"},
		{name: "unknown status", recs: clone(func(r []map[string]any) []map[string]any { r[0]["status"] = "archived"; return r }),
			want: "Bản ghi thứ 1 (số 115/KH-UBND): trạng thái “archived” không hợp lệ"},
		{name: "no number", recs: clone(func(r []map[string]any) []map[string]any { r[1]["number"] = " "; return r }),
			want: "Bản ghi thứ 2: thiếu số, ký hiệu"},
		{name: "no summary", recs: clone(func(r []map[string]any) []map[string]any { r[1]["summary"] = ""; return r }),
			want: "Bản ghi thứ 2 (số 07/QĐ-UBND): thiếu trích yếu"},
		{name: "malformed JSON", raw: `[{"number": "1/QĐ"`, want: "malformed JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.raw != "" {
				write("register.json", []byte(c.raw))
			} else {
				save(c.recs)
			}
			out, errOut, err := runCmd(t, "import", "-format", "documents", "-file-max-mb", "1", "-db", db, file)
			if err == nil || out != "" || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported") {
				t.Fatalf("err %v, out %q, stderr %q; want %q", err, out, errOut, c.want)
			}
			if after := docRegister(t, dbPath); after != before {
				t.Fatalf("register changed:\n%s\nwas\n%s", after, before)
			}
		})
	}

	// The server, once started, reads the queued files: the register then
	// finds a document by a word only its file holds.
	portal := StartPortal(t, "serve", "-db", db)
	deadline := time.Now().Add(time.Minute)
	for {
		// "triển khai" is in the PDF only, not in the summary.
		res, err := http.Get(portal.URL + "/van-ban?q=trien+khai")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		body := string(b)
		if strings.Contains(body, paths[0]) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the imported file's words are not found a minute after the server started:\n%.2000s", body)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
