package app_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// TestPreviewLinks: whoever may open an item in the back office gets a
// link to preview it (reporters: only what they wrote), for every kind
// with a preview; the link names the kind, the item, the site and its
// expiry, PreviewLife ahead; making one writes nothing.
func TestPreviewLinks(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	now := clockStart
	a.SetNow(func() time.Time { return now })
	site := storetest.MustSite(t, a)
	rep, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	rep2 := storetest.MustUser(t, a, site.ID, "phongvien2", congtin.RoleReporter)
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bản nháp", Body: "<p>Chưa đăng</p>"})
	page, err := a.CreatePage(ctx, rep, site.ID, congtin.PageInput{Title: "Chức năng, nhiệm vụ", Body: "<p>Nháp</p>"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := a.CreateDocument(ctx, ed, site.ID, goodDocument(t, a, site.ID))
	if err != nil {
		t.Fatal(err)
	}
	audits := auditCount(t, a, site.ID, "")

	for _, c := range []struct {
		actor congtin.Actor
		ref   congtin.Ref
		title string
	}{
		{rep, congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID}, art.Title},
		{ed, congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID}, art.Title},
		{ed, congtin.Ref{Kind: congtin.KindPage, SiteID: site.ID, ID: page.ID}, page.Title},
		{ed, congtin.Ref{Kind: congtin.KindDocument, SiteID: site.ID, ID: doc.ID}, doc.Number},
	} {
		it, l, err := a.PreviewLink(ctx, c.actor, c.ref)
		if err != nil {
			t.Fatalf("%s %d by %s: %v", c.ref.Kind, c.ref.ID, c.actor.User.Username, err)
		}
		if it.Title != c.title || l.Ref != c.ref || !l.Expires.Equal(now.Add(app.PreviewLife)) || len(l.Sig) != 43 {
			t.Fatalf("%s %d: item %q, link %+v", c.ref.Kind, c.ref.ID, it.Title, l)
		}
		u, err := url.Parse(l.Path())
		if err != nil {
			t.Fatal(err)
		}
		seg := map[congtin.Kind]string{congtin.KindArticle: "bai-viet", congtin.KindPage: "gioi-thieu", congtin.KindDocument: "van-ban"}[c.ref.Kind]
		q := u.Query()
		if u.Path != "/xem-truoc/"+seg+"/"+strconv.FormatInt(c.ref.ID, 10) || q.Get("cong") != strconv.FormatInt(site.ID, 10) ||
			q.Get("han") != strconv.FormatInt(now.Add(24*time.Hour).Unix(), 10) || q.Get("ky") != l.Sig {
			t.Fatalf("%s: path %s", c.ref.Kind, l.Path())
		}
		if err := a.CheckPreview(ctx, site.ID, l); err != nil {
			t.Fatalf("%s: its own link refused: %v", c.ref.Kind, err)
		}
	}

	_, _, err = a.PreviewLink(ctx, rep2, congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter previews another's article")
	_, _, err = a.PreviewLink(ctx, rep2, congtin.Ref{Kind: congtin.KindPage, SiteID: site.ID, ID: page.ID})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter previews another's page")
	_, _, err = a.PreviewLink(ctx, congtin.Actor{}, congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "no one previews")
	_, _, err = a.PreviewLink(ctx, ed, congtin.Ref{Kind: congtin.KindArticle, SiteID: site.ID, ID: art.ID + 1000})
	storetest.WantCode(t, err, congtin.ENOTFOUND, "a missing article")
	_, _, err = a.PreviewLink(ctx, ed, congtin.Ref{Kind: congtin.KindQuestion, SiteID: site.ID, ID: 1})
	storetest.WantCode(t, err, congtin.EINVALID, "a question has no preview")
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	_, _, err = a.PreviewLink(ctx, ed, congtin.Ref{Kind: congtin.KindArticle, SiteID: other.ID, ID: art.ID})
	storetest.WantCode(t, err, congtin.ENOTFOUND, "the article asked for on another site")

	wantAudit(t, a, site.ID, "", audits, "making preview links")
	wantArticleUntouched(t, a, site.ID, art, "making preview links")
}

// TestPreviewLinkChecked: a link works on its own site until it expires;
// any change to what it says is a forgery (EFORBIDDEN), whatever expiry
// it claims, and so is a link of another site; an expired one is EGONE.
func TestPreviewLinkChecked(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	now := clockStart
	a.SetNow(func() time.Time { return now })
	site := storetest.MustSite(t, a)
	_, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	art := storetest.MustCreateArticle(t, a, ed, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bản nháp", Body: "<p>x</p>"})
	art2 := storetest.MustCreateArticle(t, a, ed, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bản nháp khác", Body: "<p>y</p>"})
	_, l, err := a.PreviewLink(ctx, ed, art.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	_, l2, err := a.PreviewLink(ctx, ed, art2.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	if l.Sig == l2.Sig {
		t.Fatal("two articles' links carry the same signature")
	}
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")

	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	forged := map[string]congtin.PreviewLink{}
	add := func(name string, f func(*congtin.PreviewLink)) {
		c := l
		f(&c)
		forged[name] = c
	}
	add("another article", func(c *congtin.PreviewLink) { c.ID = art2.ID })
	add("another kind", func(c *congtin.PreviewLink) { c.Kind = congtin.KindDocument })
	add("a kind without preview", func(c *congtin.PreviewLink) { c.Kind = congtin.KindQuestion })
	add("a later expiry", func(c *congtin.PreviewLink) { c.Expires = c.Expires.Add(24 * time.Hour) })
	add("an earlier expiry", func(c *congtin.PreviewLink) { c.Expires = c.Expires.Add(-time.Hour) })
	add("a changed signature", func(c *congtin.PreviewLink) { c.Sig = flip(c.Sig) })
	add("a short signature", func(c *congtin.PreviewLink) { c.Sig = c.Sig[:20] })
	add("no signature", func(c *congtin.PreviewLink) { c.Sig = "" })
	add("another article's signature", func(c *congtin.PreviewLink) { c.Sig = l2.Sig })
	add("the site moved", func(c *congtin.PreviewLink) { c.SiteID = other.ID })
	add("no site", func(c *congtin.PreviewLink) { c.SiteID = 0 })
	add("no item", func(c *congtin.PreviewLink) { c.ID = 0 })
	add("padding", func(c *congtin.PreviewLink) { c.Sig += "=" })
	for name, c := range forged {
		err := a.CheckPreview(ctx, site.ID, c)
		storetest.WantCode(t, err, congtin.EFORBIDDEN, name)
		if !strings.Contains(congtin.ErrorMessage(err), "đã bị sửa đổi") {
			t.Errorf("%s: message %q", name, congtin.ErrorMessage(err))
		}
	}
	// A genuine link opened on another site's host.
	err = a.CheckPreview(ctx, other.ID, l)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a link opened on another site")
	if !strings.Contains(congtin.ErrorMessage(err), "cổng thông tin khác") {
		t.Errorf("another site: message %q", congtin.ErrorMessage(err))
	}

	now = now.Add(app.PreviewLife - time.Second)
	if err := a.CheckPreview(ctx, site.ID, l); err != nil {
		t.Fatalf("a second before it expires: %v", err)
	}
	now = now.Add(time.Second)
	err = a.CheckPreview(ctx, site.ID, l)
	storetest.WantCode(t, err, congtin.EGONE, "an expired link")
	if msg := congtin.ErrorMessage(err); !strings.Contains(msg, "hết hạn lúc 09:00 03/03/2026") || !strings.Contains(msg, "24 giờ") {
		t.Errorf("expired: message %q", msg)
	}
	// Expired and forged: told it is forged, not merely expired.
	err = a.CheckPreview(ctx, site.ID, forged["a changed signature"])
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "an expired, forged link")
}

// TestPreviewLinksSurviveRestart: the key is kept in the database, so a
// link made before a restart (or by another process on the same database)
// still opens.
func TestPreviewLinksSurviveRestart(t *testing.T) {
	ctx := t.Context()
	path := t.TempDir() + "/congtin.db"
	a := app.New(storetest.MustOpenSQLite(t, path))
	site := storetest.MustSite(t, a)
	_, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	art := storetest.MustCreateArticle(t, a, ed, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bản nháp", Body: "<p>x</p>"})
	_, l, err := a.PreviewLink(ctx, ed, art.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	b := app.New(storetest.MustOpenSQLite(t, path))
	if err := b.CheckPreview(ctx, site.ID, l); err != nil {
		t.Fatalf("another process refuses the link: %v", err)
	}
}
