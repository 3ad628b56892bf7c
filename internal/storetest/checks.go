package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testChecks runs the queries the service layer asks before it writes
// (is a name, slug, host or user name free, is an item in use, was a form
// sent, how many questions came from an address) straight on the store's
// transaction, so that both databases answer them alike: the rules built
// on them are tested once, in package app.
func testChecks(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	st, ok := s.(congtin.Store)
	if !ok {
		t.Fatalf("%T does not give its store's transactions", s)
	}
	sys := congtin.SystemActor("storetest")
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	parent := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Kinh tế"})
	child := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: parent.ID})
	if _, err := s.UpdateCategory(ctx, sys, site.ID, child.ID, congtin.CategoryInput{Name: "Nông nghiệp", Slug: "nong-nghiep-moi", ParentID: parent.ID}); err != nil {
		t.Fatal(err)
	}
	empty := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Trống"})
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: child.ID, Title: "Một bài"})
	page, err := s.CreatePage(ctx, sys, site.ID, congtin.PageInput{Title: "Chức năng nhiệm vụ", TitleEN: "Functions"})
	if err != nil {
		t.Fatal(err)
	}
	field, err := s.CreateQAField(ctx, sys, site.ID, congtin.QAFieldInput{Name: "Đất đai"})
	if err != nil {
		t.Fatal(err)
	}
	unused, err := s.CreateQAField(ctx, sys, site.ID, congtin.QAFieldInput{Name: "Xây dựng"})
	if err != nil {
		t.Fatal(err)
	}
	sent := QuestionSub("ip-a")
	MustSubmit(t, s, site.ID, QuestionIn("Cấp sổ đỏ", field.ID), sent)
	top, err := s.CreateUnit(ctx, sys, site.ID, congtin.UnitInput{Name: "Văn phòng"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUnit(ctx, sys, site.ID, congtin.UnitInput{Name: "Phòng Tổng hợp", ParentID: top.ID}); err != nil {
		t.Fatal(err)
	}
	week := congtin.WeekOf(time.Now())
	if _, err := s.CreateScheduleEntry(ctx, sys, site.ID, congtin.ScheduleInput{Start: week.Monday().Add(8 * time.Hour), Content: "Giao ban"}); err != nil {
		t.Fatal(err)
	}
	docType := TermID(t, s, site.ID, congtin.ListTypes, "Quyết định")

	type check struct {
		what string
		got  func(congtin.Tx) (any, error)
		want any
	}
	free := func(b bool) any { return b }
	for _, c := range []check{
		{"a new category slug", func(tx congtin.Tx) (any, error) { return tx.CategorySlugFree(ctx, site.ID, "du-lich", 0) }, free(true)},
		{"a category's slug", func(tx congtin.Tx) (any, error) { return tx.CategorySlugFree(ctx, site.ID, parent.Slug, 0) }, free(false)},
		{"a category's own slug", func(tx congtin.Tx) (any, error) { return tx.CategorySlugFree(ctx, site.ID, parent.Slug, parent.ID) }, free(true)},
		{"a renamed category's old slug", func(tx congtin.Tx) (any, error) { return tx.CategorySlugFree(ctx, site.ID, child.Slug, 0) }, free(false)},
		{"a slug of another site", func(tx congtin.Tx) (any, error) { return tx.CategorySlugFree(ctx, other.ID, parent.Slug, 0) }, free(true)},
		{"a name under the same parent", func(tx congtin.Tx) (any, error) {
			return tx.CategoryNameFree(ctx, site.ID, parent.ID, "Nông nghiệp", 0)
		}, free(false)},
		{"the same name at the top", func(tx congtin.Tx) (any, error) { return tx.CategoryNameFree(ctx, site.ID, 0, "Nông nghiệp", 0) }, free(true)},
		{"a category with a child", func(tx congtin.Tx) (any, error) { return tx.CategoryInUse(ctx, parent.ID) }, 1},
		{"a category with an article", func(tx congtin.Tx) (any, error) { return tx.CategoryInUse(ctx, child.ID) }, 1},
		{"an empty category", func(tx congtin.Tx) (any, error) { return tx.CategoryInUse(ctx, empty.ID) }, 0},
		{"a page's slug", func(tx congtin.Tx) (any, error) { return tx.PageSlugFree(ctx, site.ID, page.Slug, false, 0) }, free(false)},
		{"a page's English slug", func(tx congtin.Tx) (any, error) { return tx.PageSlugFree(ctx, site.ID, page.SlugEN, true, 0) }, free(false)},
		{"a page's own slug", func(tx congtin.Tx) (any, error) { return tx.PageSlugFree(ctx, site.ID, page.Slug, false, page.ID) }, free(true)},
		{"a new page slug", func(tx congtin.Tx) (any, error) { return tx.PageSlugFree(ctx, site.ID, "lich-su", false, 0) }, free(true)},
		{"a unit with a sub-unit", func(tx congtin.Tx) (any, error) { return tx.UnitChildren(ctx, top.ID) }, 1},
		{"a document type's name", func(tx congtin.Tx) (any, error) {
			return tx.DocumentTermNameFree(ctx, site.ID, congtin.ListTypes, "Quyết định", 0)
		}, free(false)},
		{"a document type's own name", func(tx congtin.Tx) (any, error) {
			return tx.DocumentTermNameFree(ctx, site.ID, congtin.ListTypes, "Quyết định", docType)
		}, free(true)},
		{"a type's name as a field", func(tx congtin.Tx) (any, error) {
			return tx.DocumentTermNameFree(ctx, site.ID, congtin.ListFields, "Quyết định", 0)
		}, free(true)},
		{"a used form", func(tx congtin.Tx) (any, error) { return tx.QuestionNonceUsed(ctx, sent.Nonce) }, true},
		{"a new form", func(tx congtin.Tx) (any, error) { return tx.QuestionNonceUsed(ctx, "nonce-never-sent") }, false},
		{"questions from an address", func(tx congtin.Tx) (any, error) {
			return tx.CountQuestionsFrom(ctx, "ip-a", time.Now().Add(-time.Hour))
		}, 1},
		{"questions from an address, later", func(tx congtin.Tx) (any, error) {
			return tx.CountQuestionsFrom(ctx, "ip-a", time.Now().Add(time.Hour))
		}, 0},
		{"a site with fields", func(tx congtin.Tx) (any, error) { return tx.HasQAFields(ctx, site.ID) }, true},
		{"a site without fields", func(tx congtin.Tx) (any, error) { return tx.HasQAFields(ctx, other.ID) }, false},
		{"a field's name", func(tx congtin.Tx) (any, error) { return tx.QAFieldNameFree(ctx, site.ID, "Đất đai", "dat-dai", 0) }, free(false)},
		{"a field's own name", func(tx congtin.Tx) (any, error) {
			return tx.QAFieldNameFree(ctx, site.ID, "Đất đai", "dat-dai", field.ID)
		}, free(true)},
		{"a field's name on another site", func(tx congtin.Tx) (any, error) {
			return tx.QAFieldNameFree(ctx, other.ID, "Đất đai", "dat-dai", 0)
		}, free(true)},
		{"a field with a question", func(tx congtin.Tx) (any, error) { return tx.QAFieldInUse(ctx, field.ID) }, 1},
		{"a field without", func(tx congtin.Tx) (any, error) { return tx.QAFieldInUse(ctx, unused.ID) }, 0},
		{"a taken user name", func(tx congtin.Tx) (any, error) { return tx.UsernameFree(ctx, "phongvien") }, free(false)},
		{"a new user name", func(tx congtin.Tx) (any, error) { return tx.UsernameFree(ctx, "bientap") }, free(true)},
		{"a week's entries", func(tx congtin.Tx) (any, error) { return tx.CountScheduleEntries(ctx, site.ID, week.String()) }, 1},
		{"another week's", func(tx congtin.Tx) (any, error) {
			return tx.CountScheduleEntries(ctx, site.ID, week.Next().String())
		}, 0},
		{"a site's host", func(tx congtin.Tx) (any, error) {
			s, err := tx.FindSiteWithHost(ctx, "so.example")
			if err != nil {
				return nil, err
			}
			return s.ID, nil
		}, other.ID},
	} {
		var got any
		if err := st.WithTx(ctx, func(tx congtin.Tx) (err error) {
			got, err = c.got(tx)
			return err
		}); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if got != c.want {
			t.Errorf("%s: %v, want %v", c.what, got, c.want)
		}
	}
	err = st.WithTx(ctx, func(tx congtin.Tx) error {
		_, err := tx.FindSiteWithHost(ctx, "chua-co.example")
		return err
	})
	WantCode(t, err, congtin.ENOTFOUND, "a host no site has")
}
