package copydb_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/copydb"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

var update = flag.Bool("update", false, "rewrite testdata/schema.golden")

func TestMain(m *testing.M) { pgtest.Main(m) }

func tables(t *testing.T, s copydb.Store) []copydb.Table {
	t.Helper()
	src, err := s.CopySource(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ts, err := src.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// catalogue lists the tables a database's catalogue holds, as the raw
// catalogue has them rather than as the store describes them.
func catalogue(t *testing.T, driver, dsn, query string) []string {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// TestSchemaGolden writes down the tables and columns copy-db copies, as
// both stores describe them after their migrations, and the tables it
// leaves out, and compares that with testdata/schema.golden. A migration
// that adds a table or a column fails it: check that copy-db copies it
// right (a table it must leave out goes into copySkipped in both stores),
// then run `go test ./internal/copydb -run TestSchemaGolden -update`.
// Independently of the golden file, the two dialects must match: the same
// tables and columns, each of kinds a converter joins, both ways.
func TestSchemaGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "congtin.db")
	lite := storetest.MustOpenSQLite(t, path)
	url := pgtest.URL(t)
	pg := storetest.MustOpenPostgres(t, url)
	lt, pt := tables(t, lite), tables(t, pg)
	if _, err := copydb.Plan(lt, pt); err != nil {
		t.Errorf("SQLite to PostgreSQL: %v", err)
	}
	if _, err := copydb.Plan(pt, lt); err != nil {
		t.Errorf("PostgreSQL to SQLite: %v", err)
	}

	var b bytes.Buffer
	b.WriteString("# The tables copy-db copies: column, kind on SQLite, kind on PostgreSQL.\n")
	b.WriteString("# Regenerate with: go test ./internal/copydb -run TestSchemaGolden -update\n")
	pgByName := map[string]copydb.Table{}
	for _, t := range pt {
		pgByName[t.Name] = t
	}
	for _, tl := range lt {
		tp := pgByName[tl.Name]
		key := "no key"
		if len(tl.Key) > 0 {
			key = "key " + strings.Join(tl.Key, ", ")
		}
		fmt.Fprintf(&b, "\n%s (%s)\n", tl.Name, key)
		if !slices.Equal(tl.Key, tp.Key) {
			fmt.Fprintf(&b, "\tPostgreSQL key: %s\n", strings.Join(tp.Key, ", "))
		}
		pk := map[string]copydb.Kind{}
		for _, c := range tp.Columns {
			pk[c.Name] = c.Kind
		}
		for _, c := range tl.Columns {
			fmt.Fprintf(&b, "\t%-16s %-8s %s\n", c.Name, c.Kind, pk[c.Name])
		}
		fks := func(fs []copydb.ForeignKey) []string {
			var out []string
			for _, f := range fs {
				out = append(out, fmt.Sprintf("%s → %s.%s", f.Column, f.Table, f.RefColumn))
			}
			slices.Sort(out)
			return out
		}
		lf, pf := fks(tl.ForeignKeys), fks(tp.ForeignKeys)
		for _, f := range lf {
			fmt.Fprintf(&b, "\tforeign key %s\n", f)
		}
		if !slices.Equal(lf, pf) {
			fmt.Fprintf(&b, "\tPostgreSQL foreign keys: %s\n", strings.Join(pf, "; "))
		}
	}
	left := func(all []string, copied []copydb.Table) []string {
		var out []string
		for _, n := range all {
			if !slices.ContainsFunc(copied, func(t copydb.Table) bool { return t.Name == n }) {
				out = append(out, n)
			}
		}
		return out
	}
	liteAll := catalogue(t, "sqlite", "file:"+path+"?mode=ro", `SELECT name FROM sqlite_master WHERE type = 'table'`)
	pgAll := catalogue(t, "pgx", url, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	fmt.Fprintf(&b, "\nleft out on SQLite: %s\n", strings.Join(left(liteAll, lt), ", "))
	fmt.Fprintf(&b, "left out on PostgreSQL: %s\n", strings.Join(left(pgAll, pt), ", "))

	golden := filepath.Join("testdata", "schema.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	if !bytes.Equal(want, b.Bytes()) {
		t.Fatalf("the schema copy-db sees changed: check that copy-db handles the change, then run "+
			"go test ./internal/copydb -run TestSchemaGolden -update\n--- got:\n%s\n--- want:\n%s", b.Bytes(), want)
	}
}

// lineWriter calls fn with each line written to it.
type lineWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
	fn  func(string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil {
			w.buf.WriteString(line)
			return len(p), nil
		}
		w.fn(strings.TrimSuffix(line, "\n"))
	}
}

// fill imports n articles in two categories.
func fill(t *testing.T, db congtin.Service, n int) {
	t.Helper()
	ctx := context.Background()
	site, err := db.DefaultSite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2020, 1, 1, 8, 0, 0, 0, congtin.VietnamZone)
	var recs []congtin.ArticleImport
	for i := range n {
		recs = append(recs, congtin.ArticleImport{
			Title:       fmt.Sprintf("Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội, số %d", i),
			Lead:        "Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị.",
			Body:        "<p>" + strings.Repeat("Nội dung bài viết về công tác chuyển đổi số ở địa phương. ", 20) + "</p>",
			Category:    []string{"Tin tức", "Kinh tế > Nông nghiệp"}[i%2],
			PublishedAt: t0.Add(time.Duration(i) * time.Hour).Format(time.RFC3339),
			ExternalID:  fmt.Sprintf("cu-%d", i),
		})
	}
	if _, err := db.ImportArticles(ctx, site.ID, recs); err != nil {
		t.Fatal(err)
	}
}

// TestCopyCancelled cancels a copy in the middle of the articles, as
// Ctrl-C does: nothing reaches the target, which takes the whole copy
// afterwards.
func TestCopyCancelled(t *testing.T) {
	src := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "xa.db"))
	fill(t, app.New(src), 1200)
	dst := storetest.MustOpenPostgres(t, pgtest.URL(t))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	progress := &lineWriter{fn: func(line string) {
		if strings.Contains(line, "copying articles") {
			cancel()
		}
	}}
	res, err := copydb.Copy(ctx, src, dst, progress)
	if !errors.Is(err, context.Canceled) || res.Committed {
		t.Fatalf("cancelled copy: committed %v, err %v", res.Committed, err)
	}
	check, err := dst.CopySource(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"sites", "categories", "articles"} {
		if n, err := check.Count(context.Background(), table); err != nil || n != 0 {
			t.Errorf("%s after a cancelled copy: %d rows, %v", table, n, err)
		}
	}
	check.Close()

	res, err = copydb.Copy(context.Background(), src, dst, &lineWriter{fn: func(string) {}})
	if err != nil {
		t.Fatalf("copy after the cancelled one: %v", err)
	}
	for _, tc := range res.Tables {
		if tc.Table == "articles" && (tc.Source != 1200 || tc.Target != 1200) {
			t.Fatalf("articles: %+v", tc)
		}
	}
	if res.Indexed != 1200 {
		t.Fatalf("indexed %d articles, want 1200", res.Indexed)
	}
}

// TestCopyRefusesNonEmptyTarget: a target with an installation is left
// as it was.
func TestCopyRefusesNonEmptyTarget(t *testing.T) {
	src := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "xa.db"))
	fill(t, app.New(src), 3)
	dst := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "tinh.db"))
	fill(t, app.New(dst), 2)
	_, err := copydb.Copy(context.Background(), src, dst, &lineWriter{fn: func(string) {}})
	var ne *copydb.NotEmptyError
	if !errors.As(err, &ne) || ne.Counts["articles"] != 2 || ne.Counts["categories"] != 3 {
		t.Fatalf("err = %v, want a NotEmptyError with 2 articles and 3 categories", err)
	}
	_, n, err := dst.FindArticles(context.Background(), congtin.ArticleFilter{SiteID: 1, Limit: 10})
	if err != nil || n != 2 {
		t.Fatalf("the target has %d articles, %v", n, err)
	}
}
