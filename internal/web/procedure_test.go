package web_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
)

// The procedures' list shows the public ones with their online level as a
// badge, searched without diacritics or by code and filtered by field,
// level and online level; a procedure's page has every field and the link
// to file online; the print view, the API and the sitemap; a hidden one
// and bad parameters answer with the reader's messages, never a 500.
func TestProcedurePages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	sys := congtin.SystemActor("test")
	birth, err := e.db.CreateProcedure(ctx, sys, e.site.ID, storetest.ProcedureInput("1.001193", "Thủ tục đăng ký khai sinh"))
	if err != nil {
		t.Fatal(err)
	}
	land := storetest.ProcedureInput("1.004227", "Đăng ký đất đai lần đầu")
	land.Field, land.Levels, land.Online, land.URL = "Đất đai", []string{congtin.LevelDistrict}, congtin.OnlinePartial, ""
	if _, err := e.db.CreateProcedure(ctx, sys, e.site.ID, land); err != nil {
		t.Fatal(err)
	}
	hidden := storetest.ProcedureInput("1.009972", "Cấp giấy phép xây dựng")
	hidden.Public = false
	h, err := e.db.CreateProcedure(ctx, sys, e.site.ID, hidden)
	if err != nil {
		t.Fatal(err)
	}

	list := e.get("/thu-tuc-hanh-chinh")
	if list.status != 200 {
		t.Fatalf("list: %d\n%s", list.status, list.body)
	}
	rows := findAll(find(list.doc, class("proc-table")), tag("tr"))
	if len(rows) != 3 || !strings.Contains(text(rows[1]), "1.001193") || !strings.Contains(text(rows[1]), "Cấp huyện, Cấp xã") ||
		!strings.Contains(text(rows[1]), "Ngay trong ngày") {
		t.Fatalf("rows: %d %q", len(rows), text(list.doc))
	}
	if b := find(rows[1], class("badge")); b == nil || text(b) != "Toàn trình" || !strings.Contains(attr(b, "class"), "online-toan-trinh") {
		t.Fatalf("badge: %v", b)
	}
	if strings.Contains(list.body, hidden.Name) {
		t.Fatal("a hidden procedure is listed")
	}
	count := func(path string) int {
		t.Helper()
		r := e.get(path)
		if r.status != 200 {
			t.Fatalf("%s: %d", path, r.status)
		}
		if tb := find(r.doc, class("proc-table")); tb != nil {
			return len(findAll(tb, tag("tr"))) - 1
		}
		return 0
	}
	for path, want := range map[string]int{
		"/thu-tuc-hanh-chinh?q=dang+ky+khai+sinh":                1,
		"/thu-tuc-hanh-chinh?q=%C4%91%E1%BA%A5t+%C4%91ai":        1, // đất đai
		"/thu-tuc-hanh-chinh?q=1.004227":                         1,
		"/thu-tuc-hanh-chinh?q=xay+dung":                         0,
		"/thu-tuc-hanh-chinh?linh-vuc=H%E1%BB%99+t%E1%BB%8Bch":   1,
		"/thu-tuc-hanh-chinh?cap=huyen":                          2,
		"/thu-tuc-hanh-chinh?cap=xa":                             1,
		"/thu-tuc-hanh-chinh?muc-do=mot-phan&q=dang+ky":          1,
		"/thu-tuc-hanh-chinh?muc-do=khong":                       0,
		"/thu-tuc-hanh-chinh?linh-vuc=Kh%C3%B4ng+c%C3%B3&cap=xa": 0,
	} {
		if got := count(path); got != want {
			t.Errorf("%s: %d rows, want %d", path, got, want)
		}
	}
	for _, path := range []string{"/thu-tuc-hanh-chinh?cap=trung-uong", "/thu-tuc-hanh-chinh?muc-do=4", "/thu-tuc-hanh-chinh?trang=0",
		"/thu-tuc-hanh-chinh?trang=9", "/thu-tuc-hanh-chinh?linh-vuc=%FF", "/api/v1/thu-tuc-hanh-chinh?cap=x"} {
		r := e.get(path)
		if r.status != 400 && r.status != 404 {
			t.Errorf("%s: %d", path, r.status)
		}
		if !strings.Contains(r.body, "không hợp lệ") && !strings.Contains(r.body, "Không") {
			t.Errorf("%s: no Vietnamese message: %s", path, r.body)
		}
	}

	// The page: every field and the link to file online.
	if birth.Path() != "/thu-tuc-hanh-chinh/1-001193-"+strconv.FormatInt(birth.ID, 10) {
		t.Fatalf("path %q", birth.Path())
	}
	if r := e.get("/thu-tuc-hanh-chinh/sai-" + strconv.FormatInt(birth.ID, 10)); r.status != 301 || r.header.Get("Location") != birth.Path() {
		t.Fatalf("old code: %d %q", r.status, r.header.Get("Location"))
	}
	page := e.get(birth.Path())
	if page.status != 200 {
		t.Fatalf("page: %d", page.status)
	}
	body := text(page.doc)
	for _, want := range []string{"Thủ tục đăng ký khai sinh", "1.001193", "Hộ tịch", "Cấp huyện, Cấp xã", "Ủy ban nhân dân cấp xã", "Ngay trong ngày",
		"8.000 đồng/việc", "Toàn trình", "Bước 2: Nhận kết quả", "Giấy chứng sinh", "Luật Hộ tịch năm 2014"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	apply := find(page.doc, func(n *html.Node) bool {
		return n.Data == "a" && strings.HasPrefix(text(n), "Nộp hồ sơ trực tuyến")
	})
	if apply == nil || attr(apply, "href") != birth.URL {
		t.Fatalf("apply link: %v", apply)
	}
	print := e.get("/ban-in/thu-tuc-hanh-chinh/" + strconv.FormatInt(birth.ID, 10))
	if print.status != 200 || !strings.Contains(text(print.doc), "Luật Hộ tịch năm 2014") || !strings.Contains(print.body, birth.URL) {
		t.Fatalf("print: %d", print.status)
	}
	for _, path := range []string{h.Path(), "/ban-in/thu-tuc-hanh-chinh/" + strconv.FormatInt(h.ID, 10), "/thu-tuc-hanh-chinh/khong-co",
		"/api/v1/thu-tuc-hanh-chinh/" + strconv.FormatInt(h.ID, 10), "/api/v1/thu-tuc-hanh-chinh/abc"} {
		if r := e.get(path); r.status != 404 {
			t.Errorf("%s: %d", path, r.status)
		}
	}

	// The API.
	api := e.get("/api/v1/thu-tuc-hanh-chinh?q=khai+sinh")
	var out struct {
		Total   int
		Results []map[string]any
	}
	if err := json.Unmarshal([]byte(api.body), &out); err != nil || out.Total != 1 || out.Results[0]["code"] != "1.001193" ||
		out.Results[0]["online"] != "toan-trinh" || out.Results[0]["service_url"] != birth.URL || out.Results[0]["steps"] != nil {
		t.Fatalf("API list: %v %s", err, api.body)
	}
	one := e.get("/api/v1/thu-tuc-hanh-chinh/" + strconv.FormatInt(birth.ID, 10))
	var p map[string]any
	if err := json.Unmarshal([]byte(one.body), &p); err != nil || p["name"] != "Thủ tục đăng ký khai sinh" || len(p["steps"].([]any)) != 2 ||
		strings.Join([]string{p["levels"].([]any)[0].(string), p["levels"].([]any)[1].(string)}, ",") != "huyen,xa" {
		t.Fatalf("API one: %v %s", err, one.body)
	}

	// The sitemap and the menu.
	if sm := e.get("/sitemap/thu-tuc-hanh-chinh.xml"); !strings.Contains(sm.body, birth.Path()) || strings.Contains(sm.body, h.Path()) {
		t.Errorf("sitemap:\n%s", sm.body)
	}
	if idx := e.get("/sitemap.xml"); !strings.Contains(idx.body, "/sitemap/thu-tuc-hanh-chinh.xml") {
		t.Error("not in the sitemap index")
	}
	if nav := find(list.doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == "/thu-tuc-hanh-chinh" }); nav == nil {
		t.Error("no menu entry")
	}
}
