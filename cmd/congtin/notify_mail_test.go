package main_test

import (
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/mail/smtptest"
)

// TestServeMailNeverBlocks: serve e-mails notifications in the
// background. With an SMTP server that accepts the connection and never
// answers, a reporter's submissions still answer at once; with one that
// refuses the message, the failure is logged, without the SMTP password
// or the recipient's address.
func TestServeMailNeverBlocks(t *testing.T) {
	const secret = "mật-khẩu-smtp-bí-mật"
	for _, tc := range []struct {
		name string
		opts smtptest.Options
	}{
		{"silent server", smtptest.Options{Silent: true}},
		{"refusing server", smtptest.Options{User: "congtin", Password: secret, Reject: "554 5.7.1 refused"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := "sqlite:" + filepath.Join(dir, "c.db")
			if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(1))); err != nil {
				t.Fatalf("import: %v\n%s", err, errOut)
			}
			nr := newNewsroom(t)
			nr.addStaff(db, phongvien, bientap)
			token := userToken(t, db, phongvien.name)
			sink := smtptest.Start(t, tc.opts)
			t.Setenv("CONGTIN_SMTP_PASSWORD", secret)
			p := StartPortal(t, "serve", "-db", db, "-smtp-host", sink.Host, "-smtp-port", strconv.Itoa(sink.Port),
				"-smtp-tls", "none", "-smtp-from", "thongbao@anphu.gov.vn", "-smtp-user", "congtin")

			// The editor asks for e-mails.
			const address = "bientap@anphu.gov.vn"
			session := signIn(t, p, bientap.name, newsroomNFC(staffPassword))
			form := url.Values{"email": {address}, "email_on": {"1"}}
			req, err := http.NewRequest("POST", p.URL+"/admin/thong-bao/e-mail", strings.NewReader(form.Encode()))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			req.AddCookie(session)
			if resp, body := do(t, req); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("e-mail settings: %d\n%s", resp.StatusCode, body)
			}

			// The reporter sends three articles; each submission tells the
			// editor, to be e-mailed.
			var cats struct {
				Categories []struct {
					ID int64 `json:"id"`
				} `json:"categories"`
			}
			api(t, p, token, "GET", "/api/v1/admin/categories", nil, &cats, http.StatusOK)
			if len(cats.Categories) == 0 {
				t.Fatal("no category")
			}
			var slowest time.Duration
			for i := range 3 {
				var a struct {
					ID int64 `json:"id"`
				}
				api(t, p, token, "POST", "/api/v1/admin/articles", map[string]any{"title": fmt.Sprintf("Bài số %d", i+1),
					"category_id": cats.Categories[0].ID, "body": "<p>Nội dung</p>"}, &a, http.StatusCreated)
				start := time.Now()
				api(t, p, token, "POST", fmt.Sprintf("/api/v1/admin/articles/%d/submit", a.ID), map[string]string{}, nil, http.StatusOK)
				slowest = max(slowest, time.Since(start))
			}
			if slowest > 3*time.Second {
				t.Errorf("a submission took %s with the SMTP server %s", slowest, tc.name)
			}
			if tc.opts.Reject == "" {
				return
			}
			var log string
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
				if log = p.Log(); strings.Contains(log, "e-mailing notifications failed") {
					break
				}
			}
			if !strings.Contains(log, "e-mailing notifications failed") || !strings.Contains(log, "554") {
				t.Fatalf("the refused e-mail is not logged:\n%s", log)
			}
			if strings.Contains(log, secret) || strings.Contains(log, address) {
				t.Errorf("the log names the SMTP password or the address:\n%s", log)
			}
			if n := len(sink.Messages()); n != 0 {
				t.Errorf("%d messages accepted by a server that refuses them", n)
			}
		})
	}
}
