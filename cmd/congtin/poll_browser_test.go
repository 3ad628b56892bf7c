package main_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/storetest"
)

// TestBrowserPoll: in a real headless Chromium, a reader votes in a poll
// without JavaScript (the form posts, the results page shows the thanks,
// the chart and the table) and, in another poll, with it (the results
// replace the form in place); a second vote from the same browser, from a
// form opened before the first, is refused politely; the home page's box
// then shows the reader's vote. Screenshots of the poll with its results
// and of the home page's box at 1280 and 360 px are saved.
func TestBrowserPoll(t *testing.T) {
	browserPath := findBrowser(t)
	path := filepath.Join(t.TempDir(), "c.db")
	single, multi := pollBrowserSetup(t, path)
	portal := StartPortal(t, "serve", "-db", "sqlite:"+path)
	shots := screenshotDir(t)
	tabCtx := startBrowser(t, browserPath, 2*time.Minute)
	b := &tab{t: t, ctx: tabCtx, shots: shots}
	singleURL := portal.URL + "/tham-do/" + strconv.FormatInt(single.ID, 10)

	// A second tab of the same browser opens the poll's form now, before
	// the vote: its vote later is the browser's second.
	tab2Ctx, cancel2 := chromedp.NewContext(tabCtx)
	defer cancel2()
	b2 := &tab{t: t, ctx: tab2Ctx, shots: shots}
	b2.navigate(singleURL)
	b2.visible(".poll-form button[type=submit]", "Bình chọn")

	// Without JavaScript: the form posts, the browser follows the redirect.
	b.do(noScript(true))
	b.navigate(portal.URL + "/")
	b.visible(".poll-box .box-title", "THĂM DÒ Ý KIẾN")
	b.navigate(singleURL)
	b.do(chromedp.Click(chromedp.CSS(`label[for="td-` + strconv.FormatInt(single.ID, 10) + `-` + strconv.FormatInt(single.Options[1].ID, 10) + `"]`)))
	u := b.clickAndWait(".poll-form button[type=submit]", pathIs("/tham-do/"+strconv.FormatInt(single.ID, 10)))
	if u.Query().Get("da-binh-chon") != "1" {
		t.Fatalf("after the vote without JavaScript: %s", u)
	}
	b.visible(".form-notice", "Cảm ơn bạn đã bình chọn! Lượt bình chọn của bạn đã được ghi nhận.")
	if chart := b.elements(".poll-chart svg[role=img]"); len(chart) != 1 || !chart[0].shown() {
		t.Fatalf("the results have no chart: %+v", chart)
	}
	if rows := b.elements(".poll-table tbody tr"); len(rows) != 3 || !strings.Contains(rows[1].Text, "Không") || !strings.Contains(rows[1].Text, "100,0%") {
		t.Fatalf("the results table: %q", texts(rows))
	}
	if len(b.elements(".poll-form")) != 0 {
		t.Error("the form is shown again after the vote")
	}
	b.do(noScript(false))

	// The form opened before the vote, sent now: refused politely.
	// (The answer is at the same address: the page itself changes.)
	b2.do(chromedp.Click(chromedp.CSS(".poll-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".form-error")))
	if msg := b2.visible(".form-error", "").Text; !strings.HasPrefix(msg, "Bạn đã bình chọn cho câu hỏi này rồi.") {
		t.Errorf("second vote: %q", msg)
	}
	if n := pollVoters(t, path, single.ID); n != 1 {
		t.Fatalf("%d votes counted, want 1", n)
	}

	// With JavaScript: the vote is sent in the background and the results
	// replace the form, on the same page.
	multiURL := portal.URL + "/tham-do/" + strconv.FormatInt(multi.ID, 10)
	b.navigate(multiURL)
	for _, o := range multi.Options[:2] {
		b.do(chromedp.Click(chromedp.CSS(`label[for="td-` + strconv.FormatInt(multi.ID, 10) + `-` + strconv.FormatInt(o.ID, 10) + `"]`)))
	}
	b.do(chromedp.Click(chromedp.CSS(".poll-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".poll-body .form-notice")))
	if href := evaluate[string](b, `location.href`); href != multiURL {
		t.Errorf("the page changed to %s", href)
	}
	b.visible(".form-notice", "Cảm ơn bạn đã bình chọn! Lượt bình chọn của bạn đã được ghi nhận.")
	if focused := evaluate[bool](b, `document.activeElement.classList.contains("form-notice")`); !focused {
		t.Error("the thanks does not take the focus, for screen readers")
	}
	if chart := b.elements(".poll-chart svg[role=img]"); len(chart) != 1 || !chart[0].shown() {
		t.Fatalf("no chart in place: %+v", chart)
	}
	b.screenshot("tham-do-ket-qua-js.png")

	// The home page's box shows the reader's own state, and the pages at
	// 1280 and 360 px without sideways scrolling.
	b.navigate(portal.URL + "/")
	b.visible(".poll-box .poll-voted", "Bạn đã bình chọn cho câu hỏi này. Cảm ơn bạn đã tham gia!")
	for _, p := range []struct{ url, name string }{{singleURL, "tham-do-ket-qua"}, {portal.URL + "/", "trang-chu-tham-do"}} {
		for _, w := range []int64{1280, 360} {
			if w == 360 {
				b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
			} else {
				b.do(chromedp.EmulateViewport(1280, 900))
			}
			b.navigate(p.url)
			if w == 360 {
				b.checkNoHorizontalScroll(360)
			}
			b.screenshot(p.name + "-" + strconv.FormatInt(w, 10) + ".png")
		}
	}
	t.Logf("screenshots saved in %s", shots)
}

// noScript turns the tab's JavaScript off (or back on), as a reader's
// browser without it.
func noScript(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	})
}

// pollBrowserSetup fills the database with the demo's polls and a newer
// single-choice poll with shown results; it returns that poll and the
// demo's open multiple-choice one.
func pollBrowserSetup(t *testing.T, path string) (single, multi *congtin.Poll) {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	db := app.New(raw)
	defer raw.Close()
	ctx := context.Background()
	site := storetest.MustSite(t, db)
	now := time.Now()
	if err := demo.FillPolls(ctx, db, site.ID, now); err != nil {
		t.Fatal(err)
	}
	open, _, err := db.FindPolls(ctx, congtin.PollFilter{SiteID: site.ID, State: congtin.PollOpen, Now: now})
	if err != nil || len(open) != 1 || !open[0].Multiple {
		t.Fatalf("the demo's open polls: %v", err)
	}
	in := storetest.PollIn("Bạn có hài lòng với thời gian giải quyết hồ sơ tại Bộ phận một cửa?", now.Add(-time.Hour), now.Add(7*24*time.Hour), "Có", "Không", "Chưa có ý kiến")
	in.ShowResults = true
	single, err = db.CreatePoll(ctx, congtin.SystemActor("storetest"), site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	return single, open[0]
}

// pollVoters reads a poll's votes from the running portal's database.
func pollVoters(t *testing.T, path string, id int64) int64 {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	defer raw.Close()
	db := app.New(raw)
	site := storetest.MustSite(t, db)
	p, err := db.FindPollByID(context.Background(), site.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Voters
}
