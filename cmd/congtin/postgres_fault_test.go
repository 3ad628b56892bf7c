package main_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/pgtest"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// unavailableHeading is the heading of the page a reader gets while the
// database cannot be reached.
const unavailableHeading = "Hệ thống tạm thời gián đoạn"

// loadKind is a kind of page the load asks for.
type loadKind int

const (
	// An article page: cached after its first request, and a counted view.
	kindArticle loadKind = iota
	// A search: never cached, so it needs the database every time.
	kindSearch
	// The search as JSON: never cached either.
	kindSearchAPI
	// A category page past the last one: never cached (only 200s are),
	// and a 404 only the database can decide (it counts the articles).
	kindPastLastPage
)

func (k loadKind) String() string {
	return [...]string{"article", "search", "search-api", "past-last-page"}[k]
}

// upStatus is what each kind answers while the database is there.
var upStatus = map[loadKind]int{kindArticle: 200, kindSearch: 200, kindSearchAPI: 200, kindPastLastPage: 404}

// loadResult is one request of the load and its answer.
type loadResult struct {
	kind       loadKind
	path       string
	start, end time.Time
	status     int   // 0 when no answer came
	err        error // why no answer came, or the body could not be read
	retryAfter string
	heading    string // the <h1> of an HTML error page
}

// TestPostgresRestartUnderLoad stops PostgreSQL under a loaded portal for
// two seconds and starts it again. While it is away, every page that
// needs it answers 503 with the Vietnamese page and Retry-After, none
// answers 500 or keeps the reader waiting; cached article pages keep
// being served. Once it is back, the portal recovers by itself within a
// few seconds, and every view a reader was answered lands in the
// database: the counters kept them through the outage and wrote them
// after it.
func TestPostgresRestartUnderLoad(t *testing.T) {
	pg := pgtest.NewServer(t)
	db := pg.URL(t)
	dir := t.TempDir()
	out, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(20)))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 20 {
		t.Fatalf("import printed %q", out)
	}
	catPath := paths[0][:strings.LastIndexByte(paths[0], '/')]
	const password = "mat-khau-bien-tap-1"
	addUser(t, db, "bientap", "Nguyễn Biên Tập", "editor", password)
	token := userToken(t, db, "bientap")
	p := StartPortal(t, "serve", "-db", db, "-media-dir", filepath.Join(dir, "media"))
	session := signIn(t, p, "bientap", password)
	// Each article page once, as a crawler: cached, no view counted.
	for _, path := range paths {
		if code, _ := p.Get(path, crawlerUA); code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
	}

	var (
		mu      sync.Mutex
		results []loadResult
	)
	// The client gives up after 5 s; every answer must come well before.
	client := &http.Client{
		Timeout:       5 * time.Second,
		Transport:     &http.Transport{MaxIdleConnsPerHost: 8},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	get := func(kind loadKind, path string) loadResult {
		res := loadResult{kind: kind, path: path, start: time.Now()}
		req, _ := http.NewRequest("GET", p.URL+path, nil)
		req.Header.Set("User-Agent", browserUA)
		resp, err := client.Do(req)
		if err != nil {
			res.end, res.err = time.Now(), err
			return res
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		res.end, res.status, res.err = time.Now(), resp.StatusCode, err
		res.retryAfter = resp.Header.Get("Retry-After")
		if resp.StatusCode >= 400 && strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			res.heading = elementText(string(body), "h1", "")
			// No counter box while the database is away: zeros would lie.
			if resp.StatusCode == http.StatusServiceUnavailable && strings.Contains(string(body), "SỐ LƯỢT TRUY CẬP") {
				res.heading += " (with a visit counter)"
			}
		}
		return res
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var halting sync.Once
	halt := func() {
		halting.Do(func() { close(stop) })
		wg.Wait()
	}
	// A test that fails half-way stops its load before its portal.
	t.Cleanup(halt)
	for w := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				var kind loadKind
				var path string
				switch n := w + i*8; n % 8 {
				case 5:
					// Result pages are cached too; a query not asked before
					// (the page number past the results is part of the key)
					// needs the database.
					kind, path = kindSearch, "/tim-kiem?q="+url.QueryEscape(fmt.Sprintf("chuyển hóa đợt %d", n%40))+fmt.Sprintf("&trang=%d", 1000+n)
				case 6:
					kind, path = kindSearchAPI, "/api/v1/search?q="+url.QueryEscape(fmt.Sprintf("địa bàn %d", n%40))
				case 7:
					kind, path = kindPastLastPage, fmt.Sprintf("%s?trang=%d", catPath, 2+n%50)
				default:
					kind, path = kindArticle, paths[(w+i)%len(paths)]
				}
				res := get(kind, path)
				mu.Lock()
				results = append(results, res)
				mu.Unlock()
				time.Sleep(2 * time.Millisecond)
			}
		})
	}

	time.Sleep(time.Second)
	stopping := time.Now()
	pg.Stop() // a fast shutdown; returns once postgres has exited
	down := time.Now()
	day := congtin.Day(down)

	// The back office while the database is away: signing in (checking
	// the password needs the database), a page behind the session cookie,
	// and the API with a token. None of them may say the password, the
	// session or the token is wrong: they are not.
	form := url.Values{"username": {"bientap"}, "password": {password}, "next": {"/admin/"}}
	req, _ := http.NewRequest("POST", p.URL+"/admin/dang-nhap", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	checkUnavailable(t, "POST /admin/dang-nhap", req)
	req, _ = http.NewRequest("GET", p.URL+"/admin/", nil)
	req.AddCookie(session)
	checkUnavailable(t, "GET /admin/ signed in", req)
	req, _ = http.NewRequest("GET", p.URL+"/api/v1/admin/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	checkUnavailable(t, "GET /api/v1/admin/me", req)

	time.Sleep(2*time.Second - time.Since(down))
	starting := time.Now()
	pg.Start()
	up := time.Now()
	time.Sleep(2 * time.Second)
	halt()
	t.Logf("postgres stopped in %v, away %v, started in %v", down.Sub(stopping).Round(time.Millisecond),
		starting.Sub(down).Round(time.Millisecond), up.Sub(starting).Round(time.Millisecond))

	// The session and the token outlived the outage.
	if resp, body := adminGet(t, p, "/admin/", session); resp.StatusCode != 200 || !strings.Contains(elementText(body, "div", "admin-user"), "Nguyễn Biên Tập") {
		t.Errorf("the back office after the outage: %d, %q", resp.StatusCode, elementText(body, "div", "admin-user"))
	}
	api(t, p, token, "GET", "/api/v1/admin/me", nil, nil, 200)

	// Every view answered before the SIGTERM, counted through the outage,
	// is written by the time the portal exits.
	acked := 0
	for _, r := range results {
		if r.kind == kindArticle && r.status == 200 && r.err == nil {
			acked++
		}
	}
	if err := p.Stop(syscall.SIGTERM); err != nil {
		t.Fatalf("graceful stop after the outage: %v\n%s", err, p.Log())
	}

	var (
		perKind        = map[loadKind]map[int]int{}
		downUncached   int
		downCached     = map[int]int{}
		lastBad        time.Time // the end of the last answer a working database would not give
		afterRecovered int
		slowest        time.Duration
	)
	// Back within a second: database/sql drops the connections the
	// restart broke (pgx checks one idle for a second before reuse), and
	// opens new ones.
	const recoverWithin = time.Second
	// The first few wrong answers tell enough.
	wrong := 0
	report := func(format string, args ...any) {
		t.Helper()
		if wrong++; wrong <= 10 {
			t.Errorf(format, args...)
		}
	}
	for _, r := range results {
		if perKind[r.kind] == nil {
			perKind[r.kind] = map[int]int{}
		}
		perKind[r.kind][r.status]++
		if d := r.end.Sub(r.start); d > slowest {
			slowest = d
		}
		if r.err != nil {
			report("%s: no answer after %v (started %v after the stop): %v", r.path, r.end.Sub(r.start), r.start.Sub(stopping), r.err)
			continue
		}
		ok := r.status == upStatus[r.kind]
		if !ok {
			lastBad = r.end
		}
		switch {
		case !ok && r.status != http.StatusServiceUnavailable:
			report("%s: %d (started %v after the stop)", r.path, r.status, r.start.Sub(stopping))
		case !ok && (r.end.Before(stopping) || r.start.After(up.Add(recoverWithin))):
			report("%s: 503 while the database was there (started %v after the stop)", r.path, r.start.Sub(stopping))
		case r.status == http.StatusServiceUnavailable && (r.retryAfter == "" || r.kind != kindSearchAPI && r.heading != unavailableHeading):
			report("%s: 503 with Retry-After %q and heading %q", r.path, r.retryAfter, r.heading)
		}
		if r.start.After(up.Add(recoverWithin)) {
			afterRecovered++
		}
		// Wholly inside the outage.
		if r.start.After(down) && r.end.Before(starting) {
			if r.kind == kindArticle {
				downCached[r.status]++
			} else {
				downUncached++
				if r.status != http.StatusServiceUnavailable {
					report("%s: %d while the database was away", r.path, r.status)
				}
			}
		}
	}
	if wrong > 10 {
		t.Errorf("and %d more wrong answers", wrong-10)
	}
	t.Logf("%d requests, slowest %v; by kind and status %v; during the outage: %d uncached (all 503), cached articles %v; "+
		"the last 503 answered %v after postgres began starting, which took %v; %d requests more than %v after that",
		len(results), slowest.Round(time.Millisecond), perKind, downUncached, downCached, lastBad.Sub(starting).Round(time.Millisecond),
		up.Sub(starting).Round(time.Millisecond), afterRecovered, recoverWithin)
	if slowest > 3*time.Second {
		t.Errorf("a request took %v: the portal must not keep readers waiting for the database", slowest)
	}
	if downUncached < 20 {
		t.Errorf("only %d uncached requests while the database was away: no load", downUncached)
	}
	// A cached page needs no database: it keeps being served, with its
	// counters from the last values read plus this process's own counts.
	// That is the point of caching the page, not a leak of stale data:
	// nothing could have changed it while the database was away. (Past
	// midnight the day's visit count has to be read, so it may not.)
	if allOK := downCached[200] > 0 && len(downCached) == 1; !allOK && congtin.Day(time.Now()) == day {
		t.Errorf("cached article pages during the outage: %v, want all 200", downCached)
	}
	if afterRecovered < 100 {
		t.Errorf("only %d requests more than %v after postgres was back", afterRecovered, recoverWithin)
	}

	sdb, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var stored, daily int64
	if err := sdb.QueryRow(`SELECT (SELECT COALESCE(SUM(views), 0) FROM articles), (SELECT COALESCE(SUM(views), 0) FROM article_view_days)`).
		Scan(&stored, &daily); err != nil {
		t.Fatal(err)
	}
	t.Logf("views answered %d, stored %d (by day %d)", acked, stored, daily)
	if acked < 200 {
		t.Fatalf("only %d views answered: no load", acked)
	}
	if stored != int64(acked) || daily != stored {
		t.Fatalf("stored %d views (%d by day); %d were answered", stored, daily, acked)
	}
}

// checkUnavailable sends a request while the database is away and checks
// it gets, soon, a 503 with Retry-After: the Vietnamese page, or JSON
// with the message for the API.
func checkUnavailable(t *testing.T, what string, req *http.Request) {
	t.Helper()
	req.Header.Set("User-Agent", browserUA)
	start := time.Now()
	resp, body := do(t, req)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("%s: answered after %v", what, d)
	}
	var says string
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		var e struct{ Error string }
		_ = json.Unmarshal([]byte(body), &e)
		says = e.Error
	} else if says = elementText(body, "h1", ""); says == unavailableHeading {
		says = httperr.UnavailableMessage // the heading is what the page is checked by
	}
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || says != httperr.UnavailableMessage {
		t.Errorf("%s while the database is away: %d, Retry-After %q, saying %q", what, resp.StatusCode, resp.Header.Get("Retry-After"), says)
	}
}
