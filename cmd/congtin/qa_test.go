package main_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// askAt stores a citizen's question sent at a given time, straight into
// the database file, and returns its ID.
func askAt(t *testing.T, path string, at time.Time, title string) int64 {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	raw.SetNow(func() time.Time { return at })
	db := app.New(raw)
	defer raw.Close()
	site := storetest.MustSite(t, db)
	return storetest.MustSubmit(t, db, site.ID, storetest.QuestionIn(title, 0), storetest.QuestionSub("ip-"+title)).ID
}

// personalData returns the name, e-mail, phone and address hash a
// question still holds, joined.
func personalData(t *testing.T, path string, id int64) string {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	db := app.New(raw)
	defer raw.Close()
	site := storetest.MustSite(t, db)
	q, err := db.FindQuestionByID(context.Background(), site.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	if q.Title == "" || q.Body == "" {
		t.Fatalf("question %d lost its text: %+v", id, q)
	}
	return q.Name + q.Email + q.Phone + q.IPHash
}

// TestQAPurgeCommand: `congtin qa purge` blanks the personal data of the
// questions older than the retention period, and only those.
func TestQAPurgeCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	now := time.Now()
	old := askAt(t, path, now.Add(-400*24*time.Hour), "Cũ")
	month := askAt(t, path, now.Add(-40*24*time.Hour), "Tháng trước")
	fresh := askAt(t, path, now.Add(-2*time.Hour), "Mới")
	db := "sqlite:" + path

	out, errOut, err := runCmd(t, "qa", "purge", "-db", db)
	if err != nil || !strings.HasPrefix(out, "blanked the personal data of 1 question(s) and 0 comment(s) on drafts sent before ") || !strings.Contains(out, "(365 days)") {
		t.Fatalf("purge: %v %q %s", err, out, errOut)
	}
	if personalData(t, path, old) != "" || personalData(t, path, month) == "" || personalData(t, path, fresh) == "" {
		t.Fatalf("after the default purge: old %q, month %q, fresh %q", personalData(t, path, old), personalData(t, path, month), personalData(t, path, fresh))
	}
	if out, _, err := runCmd(t, "qa", "purge", "-db", db); err != nil || !strings.HasPrefix(out, "blanked the personal data of 0 question(s)") {
		t.Fatalf("second purge: %v %q", err, out)
	}
	t.Setenv("CONGTIN_QA_RETENTION_DAYS", "30")
	if out, _, err := runCmd(t, "qa", "purge", "-db", db); err != nil || !strings.Contains(out, " 1 question(s)") || !strings.Contains(out, "(30 days)") {
		t.Fatalf("purge with the environment's 30 days: %v %q", err, out)
	}
	if personalData(t, path, month) != "" || personalData(t, path, fresh) == "" {
		t.Fatal("the 30-day purge did not take the month-old question's data, or took the fresh one's")
	}
	for _, bad := range [][]string{
		{"qa", "purge", "-db", db, "-qa-retention-days", "0"},
		{"qa", "purge", "-db", db, "-qa-retention-days", "-1"},
		{"qa", "purge", "-db", db, "-qa-retention-days", "một năm"},
		{"qa", "purge", "-db", db, "extra"},
		{"qa", "xoa"},
		{"qa"},
	} {
		if _, errOut, err := runCmd(t, bad...); err == nil || errOut == "" {
			t.Errorf("congtin %s: accepted (%q)", strings.Join(bad, " "), errOut)
		}
	}
	if personalData(t, path, fresh) == "" {
		t.Fatal("a refused command purged something")
	}
}

// TestServePurgesOldQuestions: a running portal purges by itself, at start
// and every hour after.
func TestServePurgesOldQuestions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	old := askAt(t, path, time.Now().Add(-3*24*time.Hour), "Ba ngày")
	fresh := askAt(t, path, time.Now().Add(-time.Hour), "Một giờ")
	p := StartPortal(t, "serve", "-db", "sqlite:"+path, "-qa-retention-days", "2")
	// The log line follows the purge's commit: wait for both.
	deadline := time.Now().Add(20 * time.Second)
	for personalData(t, path, old) != "" || !strings.Contains(p.Log(), "blanked the personal data of old questions") {
		if time.Now().After(deadline) {
			t.Fatalf("the portal did not purge the 3-day-old question with a 2-day period, or did not log it\n%s", p.Log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if personalData(t, path, fresh) == "" {
		t.Fatal("the portal purged a question within the period")
	}
	code, body := p.Get("/hoi-dap/gui-cau-hoi", browserUA)
	if code != 200 || !strings.Contains(body, fmt.Sprintf("được xóa sau %d ngày", 2)) {
		t.Fatalf("the form does not tell the retention period: %d", code)
	}
}

// fillQuestions gives copy-db's test portal a Q&A section: fields, a
// published answer with its notes and revisions, a question still
// waiting, one whose personal data was purged, and the secrets.
func fillQuestions(t *testing.T, db congtin.Service, admin, editor, reporter congtin.Actor, siteID int64) {
	t.Helper()
	ctx := context.Background()
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := db.CreateQAField(ctx, admin, siteID, congtin.QAFieldInput{Name: "Đất đai"})
	ok(err)
	_, err = db.CreateQAField(ctx, admin, siteID, congtin.QAFieldInput{Name: "Giáo dục", Position: 2})
	ok(err)
	old := storetest.MustSubmit(t, db, siteID, storetest.QuestionIn("Cấp sổ đỏ lần đầu", f.ID), storetest.QuestionSub("ip-cu"))
	_, err = db.PurgeQuestionData(ctx, time.Now().Add(time.Minute))
	ok(err)
	q := storetest.MustSubmit(t, db, siteID, storetest.QuestionIn("Chuyển mục đích sử dụng đất", f.ID), storetest.QuestionSub("ip-moi"))
	_, err = db.UpdateQuestion(ctx, reporter, siteID, q.ID, congtin.QuestionEdit{FieldID: f.ID, Title: q.Title, Body: q.Body, Answer: "<p>Nộp hồ sơ tại <strong>bộ phận một cửa</strong>.</p>"})
	ok(err)
	_, err = db.TransitionQuestion(ctx, reporter, siteID, q.ID, congtin.ActSubmit, "")
	ok(err)
	_, err = db.TransitionQuestion(ctx, editor, siteID, q.ID, congtin.ActPublish, "")
	ok(err)
	storetest.MustSubmit(t, db, siteID, storetest.QuestionIn("Học phí mầm non", 0+f.ID), storetest.QuestionSub("ip-cho"))
	_, err = db.TransitionQuestion(ctx, editor, siteID, old.ID, congtin.ActDecline, "Trùng câu đã trả lời")
	ok(err)
	_, err = db.Secret(ctx, "qa-form")
	ok(err)
}

// compareQuestions checks a site's Q&A section is the same in both
// stores, personal data included (the JSON the other comparisons use
// leaves it out).
func compareQuestions(t *testing.T, src, dst congtin.Service, siteID int64) {
	t.Helper()
	ctx := context.Background()
	read := func(s congtin.Service) string {
		t.Helper()
		var b strings.Builder
		fs, err := s.FindQAFields(ctx, siteID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			fmt.Fprintf(&b, "field %+v\n", *f)
		}
		qs, n, err := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: siteID, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d questions\n", n)
		for _, q := range qs {
			fmt.Fprintf(&b, "%+v\n", *q)
			revs, err := s.FindQuestionRevisions(ctx, siteID, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			notes, err := s.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: siteID, ID: q.ID})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range revs {
				fmt.Fprintf(&b, " revision %+v\n", *r)
			}
			for _, n := range notes {
				fmt.Fprintf(&b, " note %+v\n", *n)
			}
		}
		_, hits, err := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: siteID, Status: congtin.StatusPublished, Q: "muc dich su dung dat"})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "search: %d\n", hits)
		key, err := s.Secret(ctx, "qa-form")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "secret %x\n", key)
		return b.String()
	}
	if a, b := read(src), read(dst); a != b {
		t.Errorf("the Q&A section differs after the copy:\nsource:\n%s\ntarget:\n%s", a, b)
	}
}
