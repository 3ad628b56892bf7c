package main_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/storetest"
)

// askAt stores a citizen's question sent at a given time, straight into
// the database file, and returns its ID.
func askAt(t *testing.T, path string, at time.Time, title string) int64 {
	t.Helper()
	db := sqlite.NewDB(path)
	db.Now = func() time.Time { return at }
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	site := storetest.MustSite(t, db)
	return storetest.MustSubmit(t, db, site.ID, storetest.QuestionIn(title, 0), storetest.QuestionSub("ip-"+title)).ID
}

// personalData returns the name, e-mail, phone and address hash a
// question still holds, joined.
func personalData(t *testing.T, path string, id int64) string {
	t.Helper()
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
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
	if err != nil || !strings.HasPrefix(out, "blanked the personal data of 1 question(s) sent before ") || !strings.Contains(out, "(365 days)") {
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
	deadline := time.Now().Add(20 * time.Second)
	for personalData(t, path, old) != "" {
		if time.Now().After(deadline) {
			t.Fatalf("the portal did not purge the 3-day-old question with a 2-day period\n%s", p.Log())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if personalData(t, path, fresh) == "" {
		t.Fatal("the portal purged a question within the period")
	}
	if !strings.Contains(p.Log(), "blanked the personal data of old questions") {
		t.Errorf("the purge is not logged:\n%s", p.Log())
	}
	code, body := p.Get("/hoi-dap/gui-cau-hoi", browserUA)
	if code != 200 || !strings.Contains(body, fmt.Sprintf("được xóa sau %d ngày", 2)) {
		t.Fatalf("the form does not tell the retention period: %d", code)
	}
}
