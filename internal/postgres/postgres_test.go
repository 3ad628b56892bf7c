package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"maps"
	"net"
	neturl "net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/search/relevance"
	"github.com/congtin/congtin/internal/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// MustOpenDB opens a fresh database of its own on the test server.
func MustOpenDB(t testing.TB) *postgres.DB {
	t.Helper()
	return storetest.MustOpenPostgres(t, pgtest.URL(t))
}

// MustOpen is the service layer over a fresh database of its own.
func MustOpen(t testing.TB) *app.App { return app.New(MustOpenDB(t)) }

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) congtin.Service { return MustOpen(t) })
}

// TestSearchRelevance runs the project's relevance set through the
// PostgreSQL store: tsvector candidates, the shared Vietnamese ranking.
func TestSearchRelevance(t *testing.T) {
	storetest.RunRelevance(t, MustOpen(t))
}

func site0() time.Time { return time.Date(2020, 1, 1, 8, 0, 0, 0, congtin.VietnamZone) }

// TestReopenKeepsDataAndMigratesOnce: a second Open finds the migrations
// recorded, and one that finds the search table empty (a restore without
// it) builds it.
func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	site := storetest.MustSite(t, app.New(db))
	storetest.MustImport(t, app.New(db), site.ID, storetest.Rec("Khánh thành cầu Nậm Mu", "Tin tức", site0()))
	raw := mustSQL(t, url)
	if _, err := raw.Exec(`DELETE FROM search_docs`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = storetest.MustOpenPostgres(t, url)
	_, n, err := db.FindArticles(t.Context(), congtin.ArticleFilter{SiteID: site.ID})
	if err != nil || n != 1 {
		t.Fatalf("after reopen: %d, %v", n, err)
	}
	var migrations int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM migrations`).Scan(&migrations); err != nil || migrations != migrationFiles(t) {
		t.Fatalf("migrations recorded: %d, %v; want %d", migrations, err, migrationFiles(t))
	}
	r, err := db.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: "cau nam mu"})
	if err != nil || r.Total != 1 {
		t.Fatalf("search after reopen: %+v, %v; the index should have been rebuilt", r, err)
	}
}

// TestMediaMigration: migration 0015 fills the image library's derived
// data for a database that had content before it.
func TestMediaMigration(t *testing.T) {
	url := pgtest.URL(t)
	storetest.MediaMigration(t, func(t *testing.T) (congtin.Service, *sql.DB) {
		return app.New(storetest.MustOpenPostgres(t, url)), mustSQL(t, url)
	})
}

// TestMigrateConcurrently: processes starting at once on an empty
// database migrate it once, and all of them open.
func TestMigrateConcurrently(t *testing.T) {
	url := pgtest.URL(t)
	const n = 8
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			db := postgres.NewDB(url)
			err := db.Open()
			if err == nil {
				_, err = app.New(db).DefaultSite(t.Context())
				db.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	raw := mustSQL(t, url)
	var migrations, sites int
	if err := raw.QueryRow(`SELECT (SELECT COUNT(*) FROM migrations), (SELECT COUNT(*) FROM sites)`).Scan(&migrations, &sites); err != nil {
		t.Fatal(err)
	}
	if migrations != migrationFiles(t) || sites != 1 {
		t.Fatalf("%d migrations, %d sites recorded; want %d and 1", migrations, sites, migrationFiles(t))
	}
}

// TestOpenRefusesNonUTF8: Vietnamese text needs a UTF-8 database.
func TestOpenRefusesNonUTF8(t *testing.T) {
	url := pgtest.URL(t)
	raw := mustSQL(t, url)
	if _, err := raw.Exec(`CREATE DATABASE latin TEMPLATE template0 ENCODING 'LATIN1' LOCALE 'C'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Exec(`DROP DATABASE latin WITH (FORCE)`) })
	db := postgres.NewDB(strings.Replace(url, pathOf(t, url), "/latin", 1))
	err := db.Open()
	if err == nil {
		db.Close()
		t.Fatal("opened a LATIN1 database")
	} else if !strings.Contains(err.Error(), "UTF8") {
		t.Fatalf("err = %v, want one that names UTF8", err)
	}
}

// TestConflicts: a taken name, host or image is ECONFLICT (or the record
// already there), also when several writers race for it, which the SQLite
// store, with its one writer, never sees.
func TestConflicts(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	ctx := t.Context()
	site := storetest.MustSite(t, app.New(db))
	u := &congtin.User{Username: "quantri", DisplayName: "Quản trị", PasswordHash: "x", SuperAdmin: true}
	if err := app.New(db).CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	actor := congtin.Actor{User: u, Role: congtin.RoleAdmin}
	if err := app.New(db).CreateUser(ctx, &congtin.User{Username: "quantri", DisplayName: "Khác", PasswordHash: "y"}); congtin.ErrorCode(err) != congtin.ECONFLICT {
		t.Fatalf("taken user name: %v, want ECONFLICT", err)
	}

	// Each racer has its own pool, as separate processes would.
	const racers = 6
	handles := make([]*postgres.DB, racers)
	for i := range handles {
		handles[i] = storetest.MustOpenPostgres(t, url)
	}
	race := func(what string, f func(db *postgres.DB) error) (ok, conflict int) {
		t.Helper()
		errs := make([]error, racers)
		var wg sync.WaitGroup
		for i, h := range handles {
			wg.Go(func() { errs[i] = f(h) })
		}
		wg.Wait()
		for _, err := range errs {
			switch congtin.ErrorCode(err) {
			case "":
				ok++
			case congtin.ECONFLICT:
				conflict++
			default:
				t.Errorf("%s: %v", what, err)
			}
		}
		return ok, conflict
	}
	if ok, conflict := race("create user", func(db *postgres.DB) error {
		return app.New(db).CreateUser(ctx, &congtin.User{Username: "bientap", DisplayName: "Biên tập", PasswordHash: "x"})
	}); ok != 1 || conflict != racers-1 {
		t.Fatalf("racing users: %d created, %d conflicts", ok, conflict)
	}
	if ok, conflict := race("create site", func(db *postgres.DB) error {
		_, err := app.New(db).CreateSite(ctx, actor, "soyte.anphu.gov.vn", "Sở Y tế")
		return err
	}); ok != 1 || conflict != racers-1 {
		t.Fatalf("racing sites: %d created, %d conflicts", ok, conflict)
	}
	ids := make(chan int64, racers)
	race("add media", func(db *postgres.DB) error {
		m, err := app.New(db).AddMedia(ctx, actor, &congtin.Media{SiteID: site.ID, Hash: "h1", Name: "a.jpg", ContentType: "image/jpeg", Width: 1, Height: 1})
		if err == nil {
			ids <- m.ID
		}
		return err
	})
	close(ids)
	first := <-ids
	for id := range ids {
		if id != first {
			t.Fatalf("one image, two records: %d and %d", first, id)
		}
	}
	if _, n, _ := db.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Action: "media"}); n != 1 {
		t.Fatalf("%d upload entries for one image, want 1", n)
	}

	// Racing imports of the same records: one set of categories and
	// articles, the others updating them.
	recs := []congtin.ArticleImport{storetest.Rec("Bài một", "Kinh tế > Nông nghiệp", site0()), storetest.Rec("Bài hai", "Kinh tế", site0())}
	recs[0].ExternalID = "x-1"
	// Each its own copy: PrepareImport normalizes the records in place.
	race("import", func(db *postgres.DB) error {
		_, err := app.New(db).ImportArticles(ctx, site.ID, slices.Clone(recs))
		return err
	})
	cats, _ := db.FindCategories(ctx, site.ID)
	_, n, _ := db.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID})
	if len(cats) != 2 || n != 2 {
		t.Fatalf("racing imports left %d categories and %d articles, want 2 and 2", len(cats), n)
	}
	// Racing category creations of one name: one category.
	ok, _ := race("create category", func(db *postgres.DB) error {
		_, err := app.New(db).CreateCategory(ctx, actor, site.ID, congtin.CategoryInput{Name: "Thời sự"})
		if congtin.ErrorCode(err) == congtin.EINVALID {
			return nil // the form error for a taken name
		}
		return err
	})
	if cats, _ := db.FindCategories(ctx, site.ID); ok != racers || len(cats) != 3 {
		t.Fatalf("racing categories: %d categories, want 3", len(cats))
	}
}

// TestConcurrentPublish: two editors publishing one submitted article at
// the same moment: one publishes, the other is told the state changed.
func TestConcurrentPublish(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	ctx := t.Context()
	site := storetest.MustSite(t, app.New(db))
	rep := storetest.MustUser(t, app.New(db), site.ID, "phongvien", congtin.RoleReporter)
	cat := storetest.MustCategory(t, app.New(db), storetest.MustUser(t, app.New(db), site.ID, "quantri", congtin.RoleAdmin), site.ID, congtin.CategoryInput{Name: "Tin tức"})
	const editors = 6
	var eds []congtin.Actor
	for i := range editors {
		eds = append(eds, storetest.MustUser(t, app.New(db), site.ID, fmt.Sprintf("bientap%d", i), congtin.RoleEditor))
	}
	for round := range 5 {
		a := storetest.MustCreateArticle(t, app.New(db), rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: fmt.Sprintf("Bài %d", round), Body: "<p>x</p>"})
		storetest.MustTransition(t, app.New(db), rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
		errs := make([]error, editors)
		var wg sync.WaitGroup
		for i, ed := range eds {
			h := storetest.MustOpenPostgres(t, url)
			wg.Go(func() {
				_, errs[i] = app.New(h).TransitionArticle(ctx, ed, site.ID, a.ID, congtin.ActReturn, "Sửa lại", time.Time{})
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if congtin.ErrorCode(err) != congtin.EFORBIDDEN {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		notes, _ := db.FindNotes(ctx, a.Item().Ref)
		if ok != 1 || len(notes) != 3 {
			t.Fatalf("round %d: %d editors returned the article, %d notes; want 1 and 3", round, ok, len(notes))
		}
	}
}

// TestCountersAcrossProcesses: batches written at once by several
// processes (pools) over the same rows add up exactly, and the writers do
// not deadlock whatever the order of their maps.
func TestCountersAcrossProcesses(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	ctx := t.Context()
	site := storetest.MustSite(t, app.New(db))
	var recs []congtin.ArticleImport
	for i := range 5 {
		recs = append(recs, storetest.Rec(fmt.Sprintf("Bài %d", i), "Tin tức", site0().Add(time.Duration(i)*time.Hour)))
	}
	res := storetest.MustImport(t, app.New(db), site.ID, recs...)
	const procs, rounds = 4, 25
	days := []string{"2026-03-01", "2026-03-02", "2026-03-03"}
	var wg sync.WaitGroup
	errs := make(chan error, procs*rounds)
	for range procs {
		h := storetest.MustOpenPostgres(t, url)
		wg.Go(func() {
			for range rounds {
				b := &congtin.CounterBatch{Views: map[congtin.ViewKey]int64{}, Visits: map[congtin.VisitKey]int64{}}
				for _, r := range res {
					for _, d := range days {
						b.Views[congtin.ViewKey{SiteID: site.ID, ArticleID: r.Article.ID, Day: d}] = 2
					}
				}
				for _, d := range days {
					b.Visits[congtin.VisitKey{SiteID: site.ID, Day: d}] = 3
				}
				if err := h.AddCounts(ctx, b); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, r := range res {
		if n, err := db.ArticleViews(ctx, r.Article.ID); err != nil || n != procs*rounds*int64(len(days))*2 {
			t.Fatalf("views of %d: %d, %v; want %d", r.Article.ID, n, err, procs*rounds*len(days)*2)
		}
	}
	total, today, err := db.Visits(ctx, site.ID, days[1])
	if err != nil || total != procs*rounds*int64(len(days))*3 || today != procs*rounds*3 {
		t.Fatalf("visits %d, %d, %v", total, today, err)
	}
}

// TestCountersPassNewsroomWrites: counting takes no part in the change
// log's lock, so a newsroom write holding it (a long import) does not
// hold up the counters' flush.
func TestCountersPassNewsroomWrites(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	site := storetest.MustSite(t, app.New(db))
	res := storetest.MustImport(t, app.New(db), site.ID, storetest.Rec("Bài một", "Tin tức", site0()))
	other := storetest.MustOpenPostgres(t, url)
	err := db.WithTx(t.Context(), func(tx congtin.Tx) error {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		return other.AddCounts(ctx, &congtin.CounterBatch{
			Views:  map[congtin.ViewKey]int64{{SiteID: site.ID, ArticleID: res[0].Article.ID, Day: "2026-03-02"}: 2},
			Visits: map[congtin.VisitKey]int64{{SiteID: site.ID, Day: "2026-03-02"}: 3},
		})
	})
	if err != nil {
		t.Fatalf("counting while a newsroom write holds the change log's lock: %v", err)
	}
	if n, err := db.ArticleViews(t.Context(), res[0].Article.ID); err != nil || n != 2 {
		t.Fatalf("views %d, %v; want 2", n, err)
	}
}

// TestIndexTokensMatchGo: PostgreSQL's parser, through the 'simple'
// configuration, must see the folded text exactly as Go's tokens, one
// lexeme per token at consecutive positions, or phrases and matches would
// differ from SQLite's. Checked over the relevance corpus.
func TestIndexTokensMatchGo(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	site := storetest.MustSite(t, app.New(db))
	storetest.MustImport(t, app.New(db), site.ID, relevance.Corpus()...)
	rows, err := mustSQL(t, url).Query(`SELECT article_id, title_f, lead_f, body_f, pairs::text,
		(SELECT string_agg(lexeme || ':' || array_to_string(positions, ',') || ':' || array_to_string(weights, ','), ' ' ORDER BY lexeme COLLATE "C") FROM unnest(doc))
		FROM search_docs ORDER BY article_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	docs := 0
	for rows.Next() {
		var id int64
		var f [3]string
		var pairs, got string
		if err := rows.Scan(&id, &f[0], &f[1], &f[2], &pairs, &got); err != nil {
			t.Fatal(err)
		}
		docs++
		// What the tsvector should be: each token at its position in the
		// three fields one after another, with its field's weight.
		type occ struct {
			pos     []string
			weights []string
		}
		want := map[string]*occ{}
		pos := 0
		for i, field := range f {
			for _, tok := range strings.Fields(field) {
				pos++
				o := want[tok]
				if o == nil {
					o = &occ{}
					want[tok] = o
				}
				o.pos = append(o.pos, strconv.Itoa(pos))
				o.weights = append(o.weights, "ABC"[i:i+1])
			}
		}
		var parts []string
		for _, tok := range slices.Sorted(maps.Keys(want)) {
			o := want[tok]
			parts = append(parts, tok+":"+strings.Join(o.pos, ",")+":"+strings.Join(o.weights, ","))
		}
		if w := strings.Join(parts, " "); got != w {
			t.Fatalf("article %d: tsvector\n\t%s\nwant\n\t%s", id, got, w)
		}
		wantPairs := strings.Fields(search.Pairs(f[0], f[1], f[2]))
		slices.Sort(wantPairs)
		wantPairs = slices.Compact(wantPairs)
		for i, p := range wantPairs {
			wantPairs[i] = "'" + p + "'"
		}
		if w := strings.Join(wantPairs, " "); pairs != w {
			t.Fatalf("article %d: pairs\n\t%s\nwant\n\t%s", id, pairs, w)
		}
	}
	if err := rows.Err(); err != nil || docs != len(relevance.Corpus()) {
		t.Fatalf("%d documents checked, %v", docs, err)
	}
	if n, err := db.SearchIndexBytes(t.Context()); err != nil || n <= 0 {
		t.Fatalf("index size %d, %v", n, err)
	}
}

// TestUnstorableText: text PostgreSQL cannot hold (a NUL byte; invalid
// UTF-8 is refused before the store by every Validate) that SQLite would
// store is refused as invalid input, not as an internal error.
func TestUnstorableText(t *testing.T) {
	db := MustOpenDB(t)
	site := storetest.MustSite(t, app.New(db))
	admin := storetest.MustUser(t, app.New(db), site.ID, "quantri", congtin.RoleAdmin)
	_, err := app.New(db).CreateCategory(t.Context(), admin, site.ID, congtin.CategoryInput{Name: "Tin\x00tức"})
	if congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("NUL in a category name: %v, want EINVALID", err)
	}
}

// migrationFiles counts the migrations the package embeds.
func migrationFiles(t testing.TB) int {
	t.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %v %v", files, err)
	}
	return len(files)
}

// mustSQL opens a plain connection pool to url, for looking behind the
// store.
func mustSQL(t testing.TB, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// pathOf returns the path of a URL: its "/database".
func pathOf(t testing.TB, raw string) string {
	t.Helper()
	u, err := neturl.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// TestChangeLogInCommitOrder: a reader walking the change log by ID while
// several processes write misses no change. IDs are taken when a row is
// inserted, so without the change log's lock a transaction that took a
// lower ID and committed later would be skipped by a reader already past
// it.
func TestChangeLogInCommitOrder(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	ctx := t.Context()
	site := storetest.MustSite(t, app.New(db))
	ed := storetest.MustUser(t, app.New(db), site.ID, "bientap", congtin.RoleEditor)
	var recs []congtin.ArticleImport
	for i := range 8 {
		recs = append(recs, storetest.Rec(fmt.Sprintf("Bài %d", i), "Tin tức", site0().Add(time.Duration(i)*time.Hour)))
	}
	res := storetest.MustImport(t, app.New(db), site.ID, recs...)
	start, err := db.LastChangeID(ctx)
	if err != nil {
		t.Fatal(err)
	}

	const writers, rounds = 4, 15
	var wg sync.WaitGroup
	done := make(chan struct{})
	for w := range writers {
		h := storetest.MustOpenPostgres(t, url)
		wg.Go(func() {
			for i := range rounds {
				a := res[(w+i)%len(res)].Article
				in := congtin.ArticleInput{CategoryID: a.CategoryID, Title: a.Title, Body: fmt.Sprintf("<p>Sửa %d của %d</p>", i, w)}
				if _, err := app.New(h).UpdateArticle(ctx, ed, site.ID, a.ID, in); err != nil {
					t.Error(err)
					return
				}
				if i%5 == 0 {
					if _, err := app.New(h).CreateCategory(ctx, congtin.SystemActor("test"), site.ID, congtin.CategoryInput{Name: fmt.Sprintf("Mục %d-%d", w, i)}); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()

	seen := map[int64]bool{}
	last := start
	read := func() {
		cs, err := db.ChangesAfter(ctx, last, 500)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			seen[c.ID] = true
			last = c.ID
		}
	}
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
		}
		read()
	}
	read()
	all, err := db.ChangesAfter(ctx, start, 10000)
	if err != nil {
		t.Fatal(err)
	}
	missed := 0
	for _, c := range all {
		if !seen[c.ID] {
			missed++
		}
	}
	if want := writers * (rounds + (rounds+4)/5); len(all) != want || missed > 0 {
		t.Fatalf("%d changes written (want %d), %d missed by the reader", len(all), want, missed)
	}
}

// TestServerAway: while the server cannot be reached (a restart, a
// network cut), the store says EUNAVAILABLE, which the web layer answers
// with 503; once it is back, the same store works again.
func TestServerAway(t *testing.T) {
	url := pgtest.URL(t)
	storetest.MustOpenPostgres(t, url) // migrated
	u, err := neturl.Parse(url)
	if err != nil {
		t.Fatal(err)
	}
	p := startProxy(t, u.Host)
	u.Host = p.addr
	db := storetest.MustOpenPostgres(t, u.String())
	ctx := t.Context()
	site := storetest.MustSite(t, app.New(db))

	p.cut()
	if _, err := db.FindSiteByHost(ctx, "example.gov.vn"); congtin.ErrorCode(err) != congtin.EUNAVAILABLE {
		t.Fatalf("server away: err = %v (code %q), want EUNAVAILABLE", err, congtin.ErrorCode(err))
	}
	err = db.AddCounts(ctx, &congtin.CounterBatch{Visits: map[congtin.VisitKey]int64{{SiteID: site.ID, Day: "2026-03-02"}: 1}})
	if congtin.ErrorCode(err) != congtin.EUNAVAILABLE {
		t.Fatalf("counting with the server away: err = %v, want EUNAVAILABLE", err)
	}
	p.resume()
	if got, err := db.FindSiteByHost(ctx, "example.gov.vn"); err != nil || got.ID != site.ID {
		t.Fatalf("server back: %v, %v", got, err)
	}
}

// proxy forwards TCP connections to a server until cut.
type proxy struct {
	t      testing.TB
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func startProxy(t testing.TB, target string) *proxy {
	p := &proxy{t: t, target: target}
	p.listen("127.0.0.1:0")
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) listen(addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
}

// cut closes the listener and every connection: the server is away.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// resume listens again on the same address: the server is back.
func (p *proxy) resume() { p.listen(p.addr) }

// TestSearchAnyInput: no query fails on its syntax. tsquery has operators
// of its own (& | ! <-> ( ) : * '), and none of what a reader types may
// reach it as one.
func TestSearchAnyInput(t *testing.T) {
	db := MustOpenDB(t)
	site := storetest.MustSite(t, app.New(db))
	storetest.MustImport(t, app.New(db), site.ID, storetest.Rec("Khánh thành cầu Nậm Mu", "Tin tức", site0()))
	var all []rune
	for r := rune(1); r < 0x2500; r += 7 {
		all = append(all, r)
	}
	inputs := []string{`a & b`, `a | b`, `!a`, `a <-> b`, `(a`, `a:*`, `a:A`, `'a'`, `"a`, `"a b"`, `“cầu nậm”`, `\`, `a\:b`,
		`''`, `' '`, `&&&`, `nam & | mu`, `cau:B <2> mu`, "nam\x00mu", "nam\xffmu", strings.Repeat("cầu ", 300), string(all)}
	for i := 0; i+40 <= len(all); i += 40 {
		inputs = append(inputs, string(all[i:i+40]))
	}
	for _, q := range inputs {
		for _, sort := range []string{congtin.SortRelevance, congtin.SortNewest} {
			if _, err := db.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: q, Sort: sort}); err != nil {
				t.Fatalf("query %q: %v", q, err)
			}
		}
	}
}
