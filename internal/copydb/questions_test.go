package copydb_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/copydb"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

// qaFill stores a field, an answered and published question, one still
// waiting (its publication and purge times NULL) and one purged, and
// returns the questions as the source store reads them.
func qaFill(t *testing.T, db congtin.Service) []*congtin.Question {
	t.Helper()
	ctx := context.Background()
	site := storetest.MustSite(t, db)
	ed := storetest.MustUser(t, db, site.ID, "bientap", congtin.RoleEditor)
	f, err := db.CreateQAField(ctx, congtin.SystemActor("storetest"), site.ID, congtin.QAFieldInput{Name: "Đất đai"})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.MustSubmit(t, db, site.ID, storetest.QuestionIn("Cấp sổ đỏ", f.ID), storetest.QuestionSub("ip-a"))
	if _, err := db.UpdateQuestion(ctx, ed, site.ID, a.ID, congtin.QuestionEdit{FieldID: f.ID, Title: a.Title, Body: a.Body, Answer: "<p>Nộp tại bộ phận một cửa.</p>"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TransitionQuestion(ctx, ed, site.ID, a.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	storetest.MustSubmit(t, db, site.ID, storetest.QuestionIn("Chờ trả lời", f.ID), storetest.QuestionSub("ip-b"))
	if _, err := db.Secret(ctx, "qa-form"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PurgeQuestionData(ctx, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	storetest.MustSubmit(t, db, site.ID, storetest.QuestionIn("Sau khi xóa", f.ID), storetest.QuestionSub("ip-c"))
	qs, _, err := db.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID})
	if err != nil || len(qs) != 3 {
		t.Fatalf("source questions: %d, %v", len(qs), err)
	}
	return qs
}

// TestCopyQuestions: questions, with their NULL and set times, fields,
// revisions and the secrets, go from SQLite to PostgreSQL and back
// unchanged; searching the copy finds them; a target that holds
// questions is refused.
func TestCopyQuestions(t *testing.T) {
	ctx := context.Background()
	lite := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "xa.db"))
	want := qaFill(t, app.New(lite))
	pg := storetest.MustOpenPostgres(t, pgtest.URL(t))
	back := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "lai.db"))
	for _, hop := range []struct {
		name     string
		from, to copydb.Store
		read     congtin.Service
	}{{"SQLite to PostgreSQL", lite, pg, app.New(pg)}, {"PostgreSQL to SQLite", pg, back, app.New(back)}} {
		if _, err := copydb.Copy(ctx, hop.from, hop.to, &lineWriter{fn: func(string) {}}); err != nil {
			t.Fatalf("%s: %v", hop.name, err)
		}
		got, _, err := hop.read.FindQuestions(ctx, congtin.QuestionFilter{SiteID: 1})
		if err != nil || len(got) != len(want) {
			t.Fatalf("%s: %d questions, %v", hop.name, len(got), err)
		}
		for i, q := range got {
			w := want[i]
			if q.ID != w.ID || q.Title != w.Title || q.Body != w.Body || q.Answer != w.Answer || q.Status != w.Status || q.FieldID != w.FieldID ||
				q.Name != w.Name || q.Email != w.Email || q.IPHash != w.IPHash || !q.CreatedAt.Equal(w.CreatedAt) ||
				!q.PublishedAt.Equal(w.PublishedAt) || !q.PurgedAt.Equal(w.PurgedAt) {
				t.Fatalf("%s: question %d\n got %+v\nwant %+v", hop.name, i, q, w)
			}
		}
		if _, n, err := hop.read.FindQuestions(ctx, congtin.QuestionFilter{SiteID: 1, Status: congtin.StatusPublished, Q: "so do"}); err != nil || n != 1 {
			t.Fatalf("%s: search in the copy: %d, %v", hop.name, n, err)
		}
		for _, name := range []string{"qa-form"} {
			a, _ := lite.Secret(ctx, name)
			b, err := hop.read.Secret(ctx, name)
			if err != nil || string(a) != string(b) {
				t.Fatalf("%s: the secret %s changed", hop.name, name)
			}
		}
	}
	// Each copy's ID sequence goes on after the copied rows.
	for _, db := range []congtin.Service{app.New(pg), app.New(back)} {
		q, err := db.SubmitQuestion(ctx, 1, storetest.QuestionIn("Câu mới sau khi chép", want[0].FieldID), storetest.QuestionSub("ip-new"))
		if err != nil || q.ID <= want[0].ID {
			t.Fatalf("a new question after the copy: %+v, %v", q, err)
		}
	}
	// A target with only a question (a portal that has been running, say)
	// holds an installation.
	dst := storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "moi.db"))
	site := storetest.MustSite(t, app.New(dst))
	storetest.MustSubmit(t, app.New(dst), site.ID, storetest.QuestionIn("Đã có", 0), storetest.QuestionSub("ip-z"))
	_, err := copydb.Copy(ctx, lite, dst, &lineWriter{fn: func(string) {}})
	var ne *copydb.NotEmptyError
	if !errors.As(err, &ne) || ne.Counts["questions"] != 1 {
		t.Fatalf("err = %v, want a NotEmptyError naming 1 question", err)
	}
}
