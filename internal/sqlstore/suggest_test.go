package sqlstore_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/sqlstore"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSuggestWalksIndexes: the register's and the Q&A's suggestions walk
// migration 0019's indexes in their order (no sort of every match, no
// scan), on SQLite; the PostgreSQL plans are in docs/documents.md.
func TestSuggestWalksIndexes(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "c.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Now().Unix()
	for _, tc := range []struct {
		name, query, index string
		args               []any
	}{
		{"number", sqlstore.DocumentsByNumber, "INDEX document_keys_number (site_id=? AND number_f>? AND number_f<?)", []any{1, "115 kh", "115 kh~", now, 10}},
		{"summary", sqlstore.DocumentsBySummary, "INDEX document_keys_summary (site_id=? AND <expr>>? AND <expr><?)", []any{1, "ke hoach", "ke hoach~", now, 10}},
		{"long summary", sqlstore.DocumentsBySummaryLong, "INDEX document_keys_summary (site_id=? AND <expr>>? AND <expr><?)", []any{1, "a", "a~", "a", "a~", now, 10}},
		{"question", sqlstore.QuestionsByTitle, "INDEX questions_title (site_id=? AND title_f>? AND title_f<?)", []any{1, "hoc phi", "hoc phi~", 10}},
	} {
		rows, err := db.Pool().Query(`EXPLAIN QUERY PLAN `+tc.query, tc.args...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		t.Logf("%s: %s", tc.name, p)
		if !strings.Contains(p, tc.index) || strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "SCAN") {
			t.Errorf("%s: plan %s", tc.name, p)
		}
	}
}

// TestQuestionTitleBackfill: migration 0019 fills the title keys of the
// questions stored before it, in its transaction (afterMigration). The
// database is taken back to before 0019, with a question, and opened
// again.
func TestQuestionTitleBackfill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO sites (host, name, created_at, updated_at) VALUES ('backfill.example', 'Cổng', 0, 0)`,
		`INSERT INTO questions (site_id, code_hash, form_nonce, title, body, answer, status, created_at, updated_at)
			VALUES ((SELECT MAX(id) FROM sites), 'c1', 'n1', 'Học phí ĐẠI HỌC năm 2024?', 'x', '<p>y</p>', 'published', 0, 0)`,
		`DROP INDEX questions_title`,
		`DROP INDEX document_keys_number`,
		`DROP INDEX document_keys_summary`,
		`ALTER TABLE questions DROP COLUMN title_f`,
		`DELETE FROM migrations WHERE name = 'migrations/0019_register_suggest.sql'`,
	} {
		if _, err := db.Pool().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db = sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var key string
	if err := db.Pool().QueryRow(`SELECT title_f FROM questions WHERE code_hash = 'c1'`).Scan(&key); err != nil || key != "hoc phi dai hoc nam 2024" {
		t.Fatalf("title key %q, %v", key, err)
	}
}

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestSuggestWalksIndexesPostgres: the same walks on PostgreSQL, over
// enough rows (30,000 documents, 10,000 questions, statistics gathered)
// that the planner would rather scan and sort if the indexes did not give
// the order: each plan is a Limit over an index scan of migration 0019's
// index, with no Sort and no Seq Scan.
func TestSuggestWalksIndexesPostgres(t *testing.T) {
	db := storetest.MustOpenPostgres(t, pgtest.URL(t))
	pool := db.Pool()
	var site, typ int64
	if err := pool.QueryRow(`INSERT INTO sites (host, name, created_at, updated_at) VALUES ('plan.example', 'Cổng', now(), now()) RETURNING id`).Scan(&site); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(`INSERT INTO document_types (site_id, name) VALUES ($1, 'Kế hoạch') RETURNING id`, site).Scan(&typ); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO documents (site_id, type_id, number, number_key, slug, issuer, issued_on, summary, status, published_at, created_at, updated_at)
			SELECT $1, $2, i || '/KH-UBND', i || ' kh ubnd', 'x', 'UBND', '2024-01-01', 'Kế hoạch số ' || i,
			CASE WHEN i % 3 = 0 THEN 'draft' ELSE 'published' END, now(), now(), now() FROM generate_series(1, 30000) i`,
		`INSERT INTO document_keys (document_id, site_id, number_f, summary_f) SELECT id, site_id, number_key, 'ke hoach so ' || id FROM documents`,
		`INSERT INTO questions (site_id, code_hash, form_nonce, title, body, answer, status, title_f, created_at, updated_at)
			SELECT $1, 'c' || i, 'n' || i, 'Học phí ' || i, 'x', CASE WHEN i % 2 = 0 THEN '<p>y</p>' ELSE '' END,
			CASE WHEN i % 2 = 0 THEN 'published' ELSE 'submitted' END, 'hoc phi ' || i, now(), now() FROM generate_series(1, 10000) i`,
	} {
		args := []any{site, typ}
		if strings.Contains(q, "questions") {
			args = args[:1]
		} else if !strings.Contains(q, "$") {
			args = nil
		}
		if _, err := pool.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pool.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, tc := range []struct {
		name, query, index string
		args               []any
	}{
		{"number", sqlstore.DocumentsByNumber, "using document_keys_number on document_keys k", []any{site, "1", "1~", now, 10}},
		{"summary", sqlstore.DocumentsBySummary, "using document_keys_summary on document_keys k", []any{site, "ke hoach", "ke hoach~", now, 10}},
		{"long summary", sqlstore.DocumentsBySummaryLong, "using document_keys_summary on document_keys k", []any{site, "ke", "ke~", "ke", "ke~", now, 10}},
		{"question", sqlstore.QuestionsByTitle, "using questions_title on questions", []any{site, "hoc phi", "hoc phi~", 10}},
	} {
		var b strings.Builder
		n := 0
		for _, c := range tc.query {
			if c == '?' {
				n++
				fmt.Fprintf(&b, "$%d", n)
			} else {
				b.WriteRune(c)
			}
		}
		rows, err := pool.Query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) `+b.String(), tc.args...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var plan []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, line)
		}
		rows.Close()
		p := strings.Join(plan, "\n")
		t.Logf("%s:\n%s", tc.name, p)
		if !strings.Contains(p, tc.index) || strings.Contains(p, "Sort") || strings.Contains(p, "Seq Scan") || !strings.Contains(p, "rows=10 ") {
			t.Errorf("%s: plan\n%s", tc.name, p)
		}
	}
}
