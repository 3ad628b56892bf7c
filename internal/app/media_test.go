package app_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestMediaUploadNeedsRole: uploading takes a role on the site; a refused
// upload writes nothing.
func TestMediaUploadNeedsRole(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	if _, err := a.AddMedia(ctx, rep, &congtin.Media{SiteID: site.ID, Hash: "b2", Name: "le-hoi.png", ContentType: "image/png", Width: 800, Height: 600}); err != nil {
		t.Fatal(err)
	}
	guest := storetest.MustUser(t, a, site.ID, "khach", "")
	m := congtin.Media{SiteID: site.ID, Hash: "d4", Name: "khach.jpg", ContentType: "image/jpeg", Width: 10, Height: 10}
	_, err := a.AddMedia(ctx, guest, &m)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "an upload without a role")
	if _, total, err := a.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Limit: 10}); err != nil || total != 1 {
		t.Fatalf("total %d after a refused upload, want 1 (%v)", total, err)
	}
	wantAudit(t, a, site.ID, "media", 1, "a refused upload")
}

// TestMediaChangeRules: who may change an image's texts or delete it,
// which texts are refused, and that a refusal writes nothing.
func TestMediaChangeRules(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	rep2 := storetest.MustUser(t, a, site.ID, "phongvien2", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "bientap", congtin.RoleEditor)
	admin := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	outsider := storetest.MustUser(t, a, other.ID, "quantri-so", congtin.RoleAdmin)
	guest := storetest.MustUser(t, a, site.ID, "khach", "")
	add := func(hash string, by congtin.Actor) *congtin.Media {
		t.Helper()
		m, err := a.AddMedia(ctx, by, &congtin.Media{SiteID: site.ID, Hash: hash, Name: hash + ".jpg", ContentType: "image/jpeg",
			Width: 10, Height: 10, UploadedBy: by.User.ID})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := add("a1", rep)
	uploads := auditCount(t, a, site.ID, "media")

	// Permissions.
	for _, c := range []struct {
		who  string
		by   congtin.Actor
		code string
	}{
		{"another reporter", rep2, congtin.EFORBIDDEN},
		{"no role on the site", guest, congtin.EFORBIDDEN},
	} {
		_, err := a.UpdateMedia(ctx, c.by, site.ID, m.ID, congtin.MediaInput{Alt: "Mô tả"})
		storetest.WantCode(t, err, c.code, "update by "+c.who)
		_, _, err = a.DeleteMedia(ctx, c.by, site.ID, m.ID)
		storetest.WantCode(t, err, c.code, "delete by "+c.who)
	}
	_, err := a.UpdateMedia(ctx, rep2, site.ID, m.ID, congtin.MediaInput{Alt: "Mô tả"})
	if msg := congtin.ErrorMessage(err); msg != "Bạn chỉ sửa hoặc xóa được ảnh do mình tải lên; ảnh của người khác do biên tập viên quản lý." {
		t.Errorf("another reporter is told %q", msg)
	}
	_, err = a.UpdateMedia(ctx, outsider, other.ID, m.ID, congtin.MediaInput{Alt: "Mô tả"})
	storetest.WantCode(t, err, congtin.ENOTFOUND, "another site's image, from that site")
	wantAudit(t, a, site.ID, "media", uploads, "refused changes")

	// Texts refused, each with its field's message; nothing written.
	for _, c := range []struct {
		what  string
		in    congtin.MediaInput
		field string
	}{
		{"a description too long", congtin.MediaInput{Alt: strings.Repeat("ả", congtin.MaxMediaAlt+1)}, "alt"},
		{"a description of two lines", congtin.MediaInput{Alt: "Dòng một\nDòng hai"}, "alt"},
		{"invalid UTF-8", congtin.MediaInput{Alt: "a\xffb"}, "alt"},
		{"a NUL byte", congtin.MediaInput{Caption: "a\x00b"}, "caption"},
		{"a caption too long", congtin.MediaInput{Caption: strings.Repeat("x", congtin.MaxMediaCaption+1)}, "caption"},
	} {
		_, err := a.UpdateMedia(ctx, rep, site.ID, m.ID, c.in)
		storetest.WantField(t, err, c.field, c.what)
	}
	if got, _ := a.FindMediaByID(ctx, site.ID, m.ID); got.Alt != "" || got.Caption != "" {
		t.Fatalf("refused texts were written: %+v", got)
	}
	wantAudit(t, a, site.ID, "media", uploads, "refused texts")

	// Allowed: the uploader, an editor, an administrator; the longest
	// texts fit; saving the same texts again logs nothing.
	long := congtin.MediaInput{Alt: strings.Repeat("ả", congtin.MaxMediaAlt), Caption: strings.Repeat("c", congtin.MaxMediaCaption)}
	for _, by := range []congtin.Actor{rep, ed, admin} {
		if _, err := a.UpdateMedia(ctx, by, site.ID, m.ID, congtin.MediaInput{Alt: "Của " + by.User.Username}); err != nil {
			t.Fatalf("update by %s: %v", by.User.Username, err)
		}
	}
	if _, err := a.UpdateMedia(ctx, rep, site.ID, m.ID, long); err != nil {
		t.Fatalf("the longest texts: %v", err)
	}
	if _, err := a.UpdateMedia(ctx, rep, site.ID, m.ID, long); err != nil {
		t.Fatal(err)
	}
	wantAudit(t, a, site.ID, "media.edit", 4, "changes")

	// Deleting: refused while an article shows it, even a draft, even as
	// its featured image only; then nothing is written.
	cat := storetest.MustCategory(t, a, admin, site.ID, congtin.CategoryInput{Name: "Tin tức"})
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài có ảnh",
		Image: "/media/a1/a1-1024.jpg"})
	_, _, err = a.DeleteMedia(ctx, ed, site.ID, m.ID)
	storetest.WantCode(t, err, congtin.ECONFLICT, "deleting a featured image")
	if msg := congtin.ErrorMessage(err); !strings.Contains(msg, "đang được dùng ở 1 nội dung") {
		t.Errorf("in use: %q", msg)
	}
	wantAudit(t, a, site.ID, "media.delete", 0, "a refused deletion")
	storetest.MustUpdateArticle(t, a, rep, site.ID, art.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài có ảnh"})
	// The uploader may delete it, a reporter's own; an editor any.
	m2 := add("b2", rep2)
	if _, _, err := a.DeleteMedia(ctx, rep, site.ID, m.ID); err != nil {
		t.Fatalf("the uploader deletes: %v", err)
	}
	if _, _, err := a.DeleteMedia(ctx, ed, site.ID, m2.ID); err != nil {
		t.Fatalf("an editor deletes: %v", err)
	}
	wantAudit(t, a, site.ID, "media.delete", 2, "deletions")
}
