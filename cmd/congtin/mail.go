package main

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/mail"
)

// mailEvery is how often serve looks for notifications to e-mail besides
// when a step wakes it: notices that come due by themselves (a scheduled
// article gone out), retries, and those written by another process.
const mailEvery = 20 * time.Second

// mailLoop e-mails the notifications that are due, through the SMTP
// server, until ctx ends: in the background, so that a slow or broken
// mail server never holds up a request; failures are logged, without the
// password or the address.
func mailLoop(ctx context.Context, a *app.App, smtp *mail.Config, baseURL string, log *slog.Logger) {
	send := func(ctx context.Context, e app.Email) error {
		return smtp.Send(ctx, mail.Message{To: e.To, ToName: e.ToName, FromName: e.FromName, Subject: e.Subject, Body: e.Body})
	}
	link := func(m *congtin.MailNotice) string { return noticeLink(baseURL, m) }
	t := time.NewTicker(mailEvery)
	defer t.Stop()
	woken := false
	for {
		// Woken by a step, the round goes straight to its transaction,
		// which waits for the step's to end; otherwise a cheap read
		// first.
		due := woken
		if !due {
			var err error
			if due, err = a.MailDue(ctx); err != nil && ctx.Err() == nil {
				log.Warn("looking for notifications to e-mail failed", "error", err)
			}
		}
		for due && ctx.Err() == nil {
			n, err := a.MailNotifications(ctx, send, link)
			if err != nil && ctx.Err() == nil {
				log.Warn("e-mailing notifications failed; they are tried again later", "error", err)
			}
			if n > 0 {
				log.Info("e-mailed notifications", "sent", n)
			}
			due = n > 0 && err == nil // a full round may have left more
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			woken = false
		case <-a.MailWake():
			woken = true
		}
	}
}

// noticeLink is a notification's item in the back office: on its site's
// host name, or for the default site (which has none) on -base-url; ""
// for the default site without a -base-url.
func noticeLink(baseURL string, m *congtin.MailNotice) string {
	base := strings.TrimSuffix(baseURL, "/")
	if m.SiteHost != "" {
		base = "https://" + m.SiteHost
	}
	if base == "" {
		return ""
	}
	return base + admin.ItemURL(m.Item)
}
