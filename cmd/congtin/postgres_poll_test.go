package main_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

var pollTokenRE = regexp.MustCompile(`name="token" value="([^"]+)"`)

// TestPostgresPollVotesAddUp: readers vote at once through two portals on
// one PostgreSQL database, each form drawn by one process and sent to
// either: the counts add up exactly, and the per-address limit holds
// across the processes (every vote here comes from 127.0.0.1): exactly
// -poll-votes-per-hour votes are counted, the others refused with 429.
func TestPostgresPollVotesAddUp(t *testing.T) {
	const limit, readers = 30, 40
	db := pgtest.URL(t)
	raw := storetest.MustOpenPostgres(t, db)
	svc := app.New(raw)
	site := storetest.MustSite(t, svc)
	now := time.Now()
	in := storetest.PollIn("Bạn thường đọc tin của cổng bằng thiết bị nào?", now.Add(-time.Hour), now.Add(time.Hour), "Điện thoại", "Máy tính", "Máy tính bảng")
	in.Multiple, in.MaxChoices, in.ShowResults = true, 2, true
	p, err := svc.CreatePoll(context.Background(), congtin.SystemActor("test"), site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	raw.Close()
	media := filepath.Join(t.TempDir(), "media")
	args := []string{"serve", "-db", db, "-media-dir", media, "-poll-votes-per-hour", strconv.Itoa(limit)}
	portals := []*Portal{StartPortal(t, args...), StartPortal(t, args...)}
	path := "/tham-do/" + strconv.FormatInt(p.ID, 10)

	// Reader i draws the form on one process and votes on the other when
	// i is odd; odd readers choose the first two options, even ones the
	// second.
	status := make([]int, readers)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			from, to := portals[(i/2)%2], portals[(i/2+i%2)%2]
			// The binding cookie is set for the form's host; both portals
			// are 127.0.0.1, so the jar sends it to either.
			req, _ := http.NewRequest("GET", from.URL+path, nil)
			req.Header.Set("User-Agent", browserUA)
			resp, err := c.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			m := pollTokenRE.FindSubmatch(page)
			if m == nil {
				t.Errorf("reader %d: no form on %s", i, from.URL)
				return
			}
			form := url.Values{"token": {string(m[1])}}
			choices := p.Options[1:2]
			if i%2 == 1 {
				choices = p.Options[0:2]
			}
			for _, o := range choices {
				form.Add("chon", strconv.FormatInt(o.ID, 10))
			}
			req, _ = http.NewRequest("POST", to.URL+path, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("User-Agent", browserUA)
			resp, err = c.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			status[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	counted := map[int]int{}
	var odd int
	for i, s := range status {
		counted[s]++
		if s == http.StatusSeeOther && i%2 == 1 {
			odd++
		}
	}
	if counted[http.StatusSeeOther] != limit || counted[http.StatusTooManyRequests] != readers-limit {
		t.Fatalf("answers %v, want %d counted (303) and %d over the limit (429)", counted, limit, readers-limit)
	}
	raw = storetest.MustOpenPostgres(t, db)
	got, err := app.New(raw).FindPollByID(context.Background(), site.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Voters != limit || got.Options[0].Votes != int64(odd) || got.Options[1].Votes != limit || got.Options[2].Votes != 0 {
		t.Fatalf("counts: %d voters, options %d %d %d; want %d, %d %d 0", got.Voters, got.Options[0].Votes, got.Options[1].Votes, got.Options[2].Votes, limit, odd, limit)
	}
	// Both processes show the same total at once: the pages are not
	// cached, and the home page's box is filled for each view.
	for _, pt := range portals {
		for _, pg := range []string{path, "/"} {
			code, body := pt.Get(pg, browserUA)
			want := "<strong>" + strconv.Itoa(limit) + "</strong> lượt bình chọn"
			if pg == "/" {
				want = "THĂM DÒ Ý KIẾN"
			}
			if code != 200 || !strings.Contains(body, want) {
				t.Errorf("%s%s: %d, without %q", pt.URL, pg, code, want)
			}
		}
	}
}
