package app_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestArticleStepsRefused: the workflow checks the action, the article's
// state and the actor's role inside its transaction (the state may have
// changed since the page was loaded), and the publication time; a refused
// step writes nothing: no note, no revision, no audit entry.
func TestArticleStepsRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tin thử", Body: "<p>Thân bài</p>"})

	_, err := a.TransitionArticle(ctx, ed, site.ID, art.ID, "bogus", "", time.Time{})
	storetest.WantCode(t, err, congtin.EINVALID, "an unknown action")
	_, err = a.TransitionArticle(ctx, ed, site.ID, art.ID, congtin.ActEdit, "", time.Time{})
	storetest.WantCode(t, err, congtin.EINVALID, "an action that is no transition")
	_, err = a.TransitionArticle(ctx, ed, site.ID, art.ID, congtin.ActReturn, "Chưa gửi mà trả lại", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "return a draft")
	_, err = a.TransitionArticle(ctx, ed, site.ID, art.ID, congtin.ActUnpublish, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "unpublish a draft")
	_, err = a.TransitionArticle(ctx, rep, site.ID, art.ID, congtin.ActPublish, "", time.Time{})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter publishes")
	_, err = a.TransitionArticle(ctx, ed, site.ID, art.ID, congtin.ActPublish, "", time.Date(1900, 1, 1, 0, 0, 0, 0, congtin.VietnamZone))
	storetest.WantField(t, err, "published_at", "publish before 1945")

	wantArticleUntouched(t, a, site.ID, art, "refused steps")
}
