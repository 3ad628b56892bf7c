package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestPermissionMatrix walks every role (and a user of another site) over
// every action and expects success where the role allows it and 403
// everywhere else. The expectations are written out here, not derived from
// congtin.Can, so that a change to the rules shows up as a failure.
func TestPermissionMatrix(t *testing.T) {
	e := newEnv(t)
	n := 0 // makes names unique
	type act struct {
		name  string
		state string // the article's state first; "" when no article is needed
		do    func(c *client, a *congtin.Article) *resp
	}
	id := func(a *congtin.Article) string { return fmt.Sprint(a.ID) }
	edit := url.Values{"title": {"Tiêu đề mới"}, "body": {"<p>Mới</p>"}, "category_id": {fmt.Sprint(e.cat.ID)}}
	transition := func(action string) func(c *client, a *congtin.Article) *resp {
		return func(c *client, a *congtin.Article) *resp {
			return c.post("/admin/bai-viet/"+id(a)+"/chuyen", url.Values{"action": {action}, "comment": {"Cần sửa đoạn mở đầu"}})
		}
	}
	acts := []act{
		{"xem bài", congtin.StatusDraft, func(c *client, a *congtin.Article) *resp { return c.get("/admin/bai-viet/" + id(a)) }},
		{"sửa nháp", congtin.StatusDraft, func(c *client, a *congtin.Article) *resp { return c.post("/admin/bai-viet/"+id(a), edit) }},
		{"sửa bài chờ duyệt", congtin.StatusSubmitted, func(c *client, a *congtin.Article) *resp { return c.post("/admin/bai-viet/"+id(a), edit) }},
		{"sửa bài đã xuất bản", congtin.StatusPublished, func(c *client, a *congtin.Article) *resp { return c.post("/admin/bai-viet/"+id(a), edit) }},
		{"gửi duyệt", congtin.StatusDraft, transition("submit")},
		{"trả lại", congtin.StatusSubmitted, transition("return")},
		{"xuất bản", congtin.StatusSubmitted, transition("publish")},
		{"gỡ bài", congtin.StatusPublished, transition("unpublish")},
		{"rút lại", congtin.StatusSubmitted, transition("withdraw")},
		{"gửi ý kiến", congtin.StatusSubmitted, transition("comment")},
		{"thông báo", "", func(c *client, _ *congtin.Article) *resp { return c.get("/admin/thong-bao") }},
		{"khôi phục", congtin.StatusDraft, func(c *client, a *congtin.Article) *resp {
			revs, err := e.db.FindRevisions(t.Context(), e.site.ID, a.ID)
			if err != nil || len(revs) == 0 {
				t.Fatalf("revisions: %v", err)
			}
			return c.post(fmt.Sprintf("/admin/bai-viet/%d/phien-ban/%d/khoi-phuc", a.ID, revs[0].ID), nil)
		}},
		{"phiên bản", congtin.StatusDraft, func(c *client, a *congtin.Article) *resp { return c.get("/admin/bai-viet/" + id(a) + "/phien-ban") }},
		{"viết bài", "", func(c *client, _ *congtin.Article) *resp { return c.post("/admin/bai-viet/moi", edit) }},
		{"tải ảnh", "", func(c *client, _ *congtin.Article) *resp {
			return upload(c, "/admin/media", "anh.png", pngBytes(t, 40, 30))
		}},
		{"thêm chuyên mục", "", func(c *client, _ *congtin.Article) *resp {
			n++
			return c.post("/admin/chuyen-muc", url.Values{"name": {fmt.Sprintf("Chuyên mục %d", n)}})
		}},
		{"sửa chuyên mục", "", func(c *client, _ *congtin.Article) *resp {
			return c.post(fmt.Sprintf("/admin/chuyen-muc/%d", e.cat.ID), url.Values{"name": {"Tin tức"}, "slug": {e.cat.Slug}})
		}},
		{"thêm người dùng", "", func(c *client, _ *congtin.Article) *resp {
			return c.post("/admin/nguoi-dung", url.Values{"username": {"pv2"}, "role": {"reporter"}})
		}},
		{"cài đặt", "", func(c *client, _ *congtin.Article) *resp {
			return c.post("/admin/cai-dat", url.Values{"name": {"Cổng thông tin điện tử tỉnh An Phú"}})
		}},
		{"nhật ký", "", func(c *client, _ *congtin.Article) *resp { return c.get("/admin/nhat-ky") }},
		{"người dùng", "", func(c *client, _ *congtin.Article) *resp { return c.get("/admin/nguoi-dung") }},
		{"thống kê", "", func(c *client, _ *congtin.Article) *resp { return c.get("/admin/thong-ke") }},
		{"tải thống kê", "", func(c *client, _ *congtin.Article) *resp { return c.get("/admin/thong-ke.csv?kind=days") }},
		{"tạo cổng", "", func(c *client, _ *congtin.Article) *resp {
			n++
			return c.post("/admin/cong", url.Values{"host": {fmt.Sprintf("x%d.example", n)}, "name": {"Cổng mới"}})
		}},
	}
	// Who may do what: reporter-owner, another reporter, editor, admin,
	// admin of another site, super administrator.
	allowed := map[string]string{
		//                       pv1 pv2 btv qtv qt2 super
		"xem bài":             "1 0 1 1 0 1",
		"sửa nháp":            "1 0 1 1 0 1",
		"sửa bài chờ duyệt":   "0 0 1 1 0 1",
		"sửa bài đã xuất bản": "0 0 1 1 0 1",
		"gửi duyệt":           "1 0 1 1 0 1",
		"trả lại":             "0 0 1 1 0 1",
		"xuất bản":            "0 0 1 1 0 1",
		"gỡ bài":              "0 0 1 1 0 1",
		"rút lại":             "1 0 0 0 0 0",
		"gửi ý kiến":          "0 0 1 1 0 1",
		"thông báo":           "1 1 1 1 0 1",
		"khôi phục":           "1 0 1 1 0 1",
		"phiên bản":           "1 0 1 1 0 1",
		"viết bài":            "1 1 1 1 0 1",
		"tải ảnh":             "1 1 1 1 0 1",
		"thêm chuyên mục":     "0 0 0 1 0 1",
		"sửa chuyên mục":      "0 0 0 1 0 1",
		"thêm người dùng":     "0 0 0 1 0 1",
		"cài đặt":             "0 0 0 1 0 1",
		"nhật ký":             "0 0 1 1 0 1",
		"người dùng":          "0 0 0 1 0 1",
		"thống kê":            "0 0 1 1 0 1",
		"tải thống kê":        "0 0 1 1 0 1",
		"tạo cổng":            "0 0 0 0 0 1",
	}
	actors := []string{"pv1", "pv2", "btv", "qtv", "qt2", "super"}
	clients := map[string]*client{}
	for _, name := range actors {
		c := e.client("")
		if name == "qt2" {
			// qt2 signs in on its own site, then acts on the default one
			// with the same browser.
			c = e.client("so.example").login(name)
			c.host = ""
			clients[name] = c
			continue
		}
		clients[name] = c.login(name)
	}
	for _, a := range acts {
		flags := strings.Fields(allowed[a.name])
		if len(flags) != len(actors) {
			t.Fatalf("no expectations for %q", a.name)
		}
		for i, name := range actors {
			t.Run(a.name+"/"+name, func(t *testing.T) {
				var art *congtin.Article
				if a.state != "" {
					art = e.article("pv1", a.state)
				}
				r := a.do(clients[name], art)
				if flags[i] == "1" {
					if r.status != http.StatusOK && r.status != http.StatusSeeOther && r.status != http.StatusCreated {
						t.Fatalf("allowed, got %d: %.400s", r.status, r.body)
					}
					return
				}
				if r.status != http.StatusForbidden {
					t.Fatalf("forbidden, got %d: %.400s", r.status, r.body)
				}
				if !strings.Contains(r.body, "quyền") {
					t.Fatalf("403 without a Vietnamese explanation: %.300s", r.body)
				}
				if art != nil {
					after, _ := e.db.FindArticleByID(t.Context(), e.site.ID, art.ID)
					if after.Status != art.Status || after.Title != art.Title {
						t.Fatalf("a refused action changed the article: %s → %s", art.Status, after.Status)
					}
				}
			})
		}
	}

	// Nothing of one site shows on another: site 2's article is not found
	// through site 1's host, even for an editor of site 1.
	other, err := e.db.CreateArticle(t.Context(), congtin.Actor{User: e.users["qt2"], Role: congtin.RoleAdmin}, e.site2.ID,
		congtin.ArticleInput{CategoryID: e.cat2.ID, Title: "Bài của Sở", Body: "<p>x</p>"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/admin/bai-viet/" + fmt.Sprint(other.ID)} {
		if r := clients["btv"].get(p); r.status != http.StatusNotFound {
			t.Errorf("site 2 article via site 1: %d", r.status)
		}
		if r := clients["super"].get(p); r.status != http.StatusNotFound {
			t.Errorf("site 2 article via site 1 as super admin: %d", r.status)
		}
	}
	// Anonymous visitors are sent to sign in, and change nothing. A
	// form of the newsroom's work gets the sign-in page itself, which
	// carries what was posted (a save after the session ended); the
	// editor's requests are told in JSON.
	anon := e.client("")
	for _, a := range acts {
		var art *congtin.Article
		if a.state != "" {
			art = e.article("pv1", a.state)
		}
		r := a.do(anon, art)
		redirected := r.status == http.StatusSeeOther && strings.HasPrefix(r.header.Get("Location"), "/admin/dang-nhap")
		signInPage := r.status == http.StatusUnauthorized && (strings.Contains(r.body, `action="/admin/dang-nhap"`) || strings.Contains(r.body, `"expired": true`))
		if !redirected && !signInPage {
			t.Errorf("anonymous %s: %d %s", a.name, r.status, r.header.Get("Location"))
		}
	}
}

// TestAPIPermissions: the JSON API applies the same rules.
func TestAPIPermissions(t *testing.T) {
	e := newEnv(t)
	api := func(name string) *client {
		c := e.client("")
		c.hdr.Set("Authorization", "Bearer "+e.token(name))
		return c
	}
	a := e.article("pv1", congtin.StatusSubmitted)
	p := fmt.Sprintf("/api/v1/admin/articles/%d/publish", a.ID)
	if r := api("pv1").postJSON(p, map[string]string{}); r.status != http.StatusForbidden {
		t.Errorf("reporter publish via API: %d %s", r.status, r.body)
	}
	if r := api("qt2").postJSON(p, map[string]string{}); r.status != http.StatusForbidden {
		t.Errorf("other site's admin via API: %d %s", r.status, r.body)
	}
	if r := api("btv").postJSON(p, map[string]string{}); r.status != http.StatusOK || !strings.Contains(r.body, `"status": "published"`) {
		t.Errorf("editor publish via API: %d %s", r.status, r.body)
	}
	bad := e.client("")
	bad.hdr.Set("Authorization", "Bearer nope")
	if r := bad.get("/api/v1/admin/articles"); r.status != http.StatusUnauthorized {
		t.Errorf("bad token: %d", r.status)
	}
	// A session cookie does not open the API.
	if r := e.as("qtv").get("/api/v1/admin/articles"); r.status != http.StatusUnauthorized {
		t.Errorf("cookie on the API: %d", r.status)
	}
	// Create through the API, with field errors for bad input.
	r := api("pv2").postJSON("/api/v1/admin/articles", map[string]any{"title": "", "category_id": e.cat.ID})
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Tiêu đề không được để trống") {
		t.Errorf("empty title via API: %d %s", r.status, r.body)
	}
	r = api("pv2").postJSON("/api/v1/admin/articles", map[string]any{"title": "Bài qua API", "category_id": e.cat.ID, "body": "<p>x</p>"})
	if r.status != http.StatusCreated || !strings.Contains(r.body, `"status": "draft"`) {
		t.Errorf("create via API: %d %s", r.status, r.body)
	}
}
