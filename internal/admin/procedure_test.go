package admin_test

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// procedureForm is the back office's procedure form.
func procedureForm(code, name string) url.Values {
	return url.Values{"code": {code}, "name": {name}, "field": {"Hộ tịch"}, "levels": {"xa", "huyen"}, "agency": {"UBND cấp xã"},
		"duration": {"Ngay trong ngày"}, "fee": {"Miễn lệ phí"}, "online": {"toan-trinh"}, "public": {"1"},
		"url": {"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + code}}
}

// procedures reads the site's procedures' codes, in the list's order.
func (e *env) procedures() string {
	e.t.Helper()
	ps, _, err := e.db.FindProcedures(e.t.Context(), congtin.ProcedureFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return strings.Join(out, " ")
}

// uploadCSV posts a CSV to the import form as a browser does.
func uploadCSV(t *testing.T, c *client, name string, data []byte) *resp {
	b, ctype := multipartFile(t, "file", name, data)
	return c.do("POST", "/admin/thu-tuc-hanh-chinh/nhap", b, ctype)
}

// TestProcedureAdmin: editors keep the procedures (reporters read the
// list only); a bad form is refused in Vietnamese with what was typed and
// nothing saved; hide, show and delete; the CSV import in the back office
// takes a good file whole and refuses a bad one naming its lines.
func TestProcedureAdmin(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	wantStatus(t, pv.get("/admin/thu-tuc-hanh-chinh"), http.StatusOK, "a reporter's list")
	for _, r := range []*resp{pv.get("/admin/thu-tuc-hanh-chinh/moi"), pv.post("/admin/thu-tuc-hanh-chinh/moi", procedureForm("1.001193", "Khai sinh")),
		pv.get("/admin/thu-tuc-hanh-chinh/nhap"), uploadCSV(t, pv, "a.csv", []byte("Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện\n1.1,A,B,Cấp xã\n"))} {
		wantStatus(t, r, http.StatusForbidden, "a reporter's change")
	}
	if e.procedures() != "" {
		t.Fatal("a reporter wrote")
	}

	r := btv.post("/admin/thu-tuc-hanh-chinh/moi", procedureForm("1.001193", "Đăng ký khai sinh"))
	wantStatus(t, r, http.StatusSeeOther, "create")
	loc, _, _ := strings.Cut(r.header.Get("Location"), "?")
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/thu-tuc-hanh-chinh/"), 10, 64)
	if e.procedures() != "1.001193" || id == 0 {
		t.Fatalf("created %q %q", e.procedures(), r.header.Get("Location"))
	}
	for _, b := range []struct {
		name string
		set  map[string]string
		msg  string
	}{
		{"a taken code", map[string]string{}, "Mã thủ tục “1.001193” đã có trong danh mục."},
		{"no name", map[string]string{"code": "1.2", "name": ""}, "Tên thủ tục không được để trống."},
		{"another host", map[string]string{"code": "1.3", "url": "https://dichvucong.example.com/x"}, "không nhận máy chủ “dichvucong.example.com”"},
		{"javascript", map[string]string{"code": "1.4", "url": "javascript:alert(1)"}, "không phải là địa chỉ web hợp lệ"},
		{"a level", map[string]string{"code": "1.5", "levels": "trung-uong"}, "Cấp thực hiện không hợp lệ"},
		{"a bad code", map[string]string{"code": "1 .6<"}, "không đúng dạng"},
	} {
		f := procedureForm("1.001193", "Tên mới")
		for k, v := range b.set {
			f.Set(k, v)
		}
		r := btv.post("/admin/thu-tuc-hanh-chinh/moi", f)
		wantStatus(t, r, http.StatusBadRequest, b.name)
		wantText(t, r, b.msg, b.name)
		if !strings.Contains(r.body, "Tên mới") && b.set["name"] == "" && b.name != "no name" {
			t.Errorf("%s: what was typed is lost", b.name)
		}
	}
	if e.procedures() != "1.001193" {
		t.Fatalf("a refused form wrote: %q", e.procedures())
	}

	// Hide, show, delete.
	path := "/admin/thu-tuc-hanh-chinh/" + strconv.FormatInt(id, 10)
	wantStatus(t, btv.post(path+"/hien-thi", url.Values{"public": {"0"}}), http.StatusSeeOther, "hide")
	if p, _ := e.db.FindProcedureByID(e.t.Context(), e.site.ID, id); p.Public {
		t.Fatal("not hidden")
	}
	wantText(t, btv.get(path), "Hiển thị trên cổng", "the edit page of a hidden one")
	wantStatus(t, btv.post(path+"/xoa", nil), http.StatusSeeOther, "delete")
	wantStatus(t, btv.get(path), http.StatusNotFound, "deleted")

	// The import: a good file whole, a re-run updating, a bad one refused.
	bom, err := os.ReadFile("../importer/testdata/procedures-bom.csv")
	if err != nil {
		t.Fatal(err)
	}
	r = uploadCSV(t, btv, "thu-tuc.csv", bom)
	wantStatus(t, r, http.StatusSeeOther, "import")
	if e.procedures() != "1.000894 1.001193 1.004227" {
		t.Fatalf("imported %q", e.procedures())
	}
	wantText(t, btv.get(r.header.Get("Location")), "Đã nhập 3 thủ tục (3 mới, 0 cập nhật). 3 dòng ghi mức độ cũ", "the import's report")
	bad := bytes.Replace(bom, []byte("Mức độ 3"), []byte("Mức độ 7"), 1)
	bad = bytes.Replace(bad, []byte("Thủ tục đăng ký khai sinh"), []byte(""), 1)
	r = uploadCSV(t, btv, "thu-tuc.csv", bad)
	wantStatus(t, r, http.StatusBadRequest, "a bad file")
	wantText(t, r, "Dòng 2: Tên thủ tục không được để trống.", "the bad line")
	wantText(t, r, "Dòng 3: Mức độ dịch vụ công trực tuyến không hợp lệ: “Mức độ 7”", "the bad line")
	wantText(t, r, "tệp có 2 dòng lỗi", "the refusal")
	for _, c := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"no header", []byte("1.1;A\n"), "thiếu cột “Mã thủ tục”"},
		{"too large", append([]byte("Mã thủ tục,Tên thủ tục\n"), bytes.Repeat([]byte("1.1,A\n"), 2<<20)...), "Tệp quá lớn: tối đa 10 MB."},
	} {
		r := uploadCSV(t, btv, "x.csv", c.data)
		wantStatus(t, r, http.StatusBadRequest, c.name)
		wantText(t, r, c.msg, c.name)
	}
	if e.procedures() != "1.000894 1.001193 1.004227" {
		t.Fatalf("a refused file wrote: %q", e.procedures())
	}
	want := "procedure.import procedure.delete procedure.hide procedure.create"
	es, _, _ := e.db.FindAudit(e.t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "procedure"})
	var got []string
	for _, a := range es {
		got = append(got, a.Action)
	}
	if strings.Join(got, " ") != want {
		t.Errorf("audit %q", got)
	}
}
