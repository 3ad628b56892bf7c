package mail_test

import (
	"context"
	"crypto/tls"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/mail"
	"github.com/congtin/congtin/internal/mail/smtptest"
)

const (
	secret = "mật-khẩu-smtp-bí-mật"
	from   = "thongbao@anphu.gov.vn"
)

var msg = mail.Message{
	To: "phongvien@anphu.gov.vn", ToName: "Trần Phóng Viên", FromName: "Cổng thông tin điện tử tỉnh An Phú",
	Subject: "Trả lại: bài viết “Hội nghị triển khai nhiệm vụ năm 2027 của tỉnh, với một tiêu đề rất dài để gấp dòng”",
	Body:    "Chào Trần Phóng Viên,\n\nLê Biên Tập đã trả lại bài viết.\nÝ kiến: “Bổ sung số liệu” = 95%.\n",
}

// TestSendStartTLS: over STARTTLS with a password, the message arrives
// whole: its Vietnamese subject and body, who it is from and to, over
// TLS, signed in.
func TestSendStartTLS(t *testing.T) {
	s := smtptest.Start(t, smtptest.Options{StartTLS: true, RequireTLS: true, User: "congtin", Password: secret})
	c := &mail.Config{Host: s.Host, Port: s.Port, From: from, Username: "congtin", Password: secret, TLSConfig: &tls.Config{RootCAs: s.RootCAs}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := c.Send(t.Context(), msg); err != nil {
		t.Fatal(err)
	}
	m := s.Wait(t, 1, 5*time.Second)[0]
	if !m.TLS || m.User != "congtin" || m.From != from || len(m.To) != 1 || m.To[0] != msg.To {
		t.Errorf("the message came over TLS %v, signed in as %q, from %q to %q", m.TLS, m.User, m.From, m.To)
	}
	if m.Subject != msg.Subject {
		t.Errorf("subject %q, want %q", m.Subject, msg.Subject)
	}
	if m.Body != msg.Body {
		t.Errorf("body %q, want %q", m.Body, msg.Body)
	}
	if got := m.Header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	if m.Header.Get("Auto-Submitted") != "auto-generated" || m.Header.Get("Message-Id") == "" || m.Header.Get("Date") == "" {
		t.Errorf("headers: %v", m.Header)
	}
	if to, _ := m.Header.AddressList("To"); len(to) != 1 || to[0].Name != msg.ToName || to[0].Address != msg.To {
		t.Errorf("To %v", to)
	}
	if f, _ := m.Header.AddressList("From"); len(f) != 1 || f[0].Name != msg.FromName || f[0].Address != from {
		t.Errorf("From %v", f)
	}
	for _, l := range strings.Split(m.Raw, "\r\n") {
		if len(l) > 998 {
			t.Errorf("a line of %d bytes", len(l))
		}
	}
	if strings.Contains(m.Raw, secret) {
		t.Error("the message holds the password")
	}
}

// TestSendRefused: every way a send fails is an error that says what
// happened, and none names the password.
func TestSendRefused(t *testing.T) {
	ctx := t.Context()
	noTLS := smtptest.Start(t, smtptest.Options{})
	auth := smtptest.Start(t, smtptest.Options{StartTLS: true, User: "congtin", Password: secret})
	reject := smtptest.Start(t, smtptest.Options{Reject: "554 5.7.1 spam"})
	silent := smtptest.Start(t, smtptest.Options{Silent: true})
	for _, c := range []struct {
		name string
		cfg  mail.Config
		want string
	}{
		{"no STARTTLS offered", mail.Config{Host: noTLS.Host, Port: noTLS.Port, From: from}, "does not offer STARTTLS"},
		{"untrusted certificate", mail.Config{Host: auth.Host, Port: auth.Port, From: from, Username: "congtin", Password: secret}, "certificate"},
		{"wrong password", mail.Config{Host: auth.Host, Port: auth.Port, From: from, Username: "congtin", Password: secret + "x",
			TLSConfig: &tls.Config{RootCAs: auth.RootCAs}}, "535"},
		{"no sign-in offered", mail.Config{Host: noTLS.Host, Port: noTLS.Port, From: from, TLS: mail.None, Username: "congtin", Password: secret}, "AUTH"},
		{"message refused", mail.Config{Host: reject.Host, Port: reject.Port, From: from, TLS: mail.None}, "554"},
		{"server silent", mail.Config{Host: silent.Host, Port: silent.Port, From: from, TLS: mail.None, Timeout: 300 * time.Millisecond}, "no answer within 300ms"},
		{"nobody listening", mail.Config{Host: "127.0.0.1", Port: 1, From: from, TLS: mail.None}, "connect"},
	} {
		start := time.Now()
		err := c.cfg.Send(ctx, msg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error about %q", c.name, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("%s: the error names the password: %v", c.name, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %s", c.name, d)
		}
	}
	if n := len(reject.Messages()) + len(noTLS.Messages()); n != 0 {
		t.Errorf("%d messages were accepted", n)
	}
}

// TestSendCancelled: a cancelled context ends a conversation at once,
// whatever the timeout.
func TestSendCancelled(t *testing.T) {
	silent := smtptest.Start(t, smtptest.Options{Silent: true})
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	err := (&mail.Config{Host: silent.Host, Port: silent.Port, From: from, TLS: mail.None, Timeout: time.Minute}).Send(ctx, msg)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("%v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestSendPlain: without TLS to a relay on this machine.
func TestSendPlain(t *testing.T) {
	s := smtptest.Start(t, smtptest.Options{})
	c := &mail.Config{Host: s.Host, Port: s.Port, From: from, TLS: mail.None}
	if err := c.Send(t.Context(), msg); err != nil {
		t.Fatal(err)
	}
	if m := s.Wait(t, 1, 5*time.Second)[0]; m.TLS || m.Body != msg.Body {
		t.Errorf("TLS %v, body %q", m.TLS, m.Body)
	}
}

// TestHeaderInjection: a line break in a subject or a name cannot add a
// header; a recipient that is not one plain address is refused.
func TestHeaderInjection(t *testing.T) {
	s := smtptest.Start(t, smtptest.Options{})
	c := &mail.Config{Host: s.Host, Port: s.Port, From: from, TLS: mail.None}
	m := msg
	m.Subject = "Tin\r\nBcc: ke-gian@example.com"
	m.ToName = "Tên\nBcc: ke-gian@example.com"
	if err := c.Send(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	got := s.Wait(t, 1, 5*time.Second)[0]
	if got.Header.Get("Bcc") != "" || len(got.To) != 1 {
		t.Errorf("a header was injected: %v, to %v", got.Header, got.To)
	}
	for _, to := range []string{"a@b.vn, c@d.vn", "Tên <a@b.vn>", "a@b.vn\r\nRCPT TO:<c@d.vn>", ""} {
		m := msg
		m.To = to
		if err := c.Send(t.Context(), m); err == nil {
			t.Errorf("sent to %q", to)
		}
	}
	if n := len(s.Messages()); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

// TestValidate: the settings a start-up refuses.
func TestValidate(t *testing.T) {
	ok := mail.Config{Host: "smtp.anphu.gov.vn", Port: 587, From: from}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*mail.Config){
		"no host":           func(c *mail.Config) { c.Host = "" },
		"port 0":            func(c *mail.Config) { c.Port = 0 },
		"port 70000":        func(c *mail.Config) { c.Port = 70000 },
		"TLS mode":          func(c *mail.Config) { c.TLS = "ssl" },
		"from with a name":  func(c *mail.Config) { c.From = "Cổng <" + from + ">" },
		"from empty":        func(c *mail.Config) { c.From = "" },
		"password, no user": func(c *mail.Config) { c.Password = secret },
	} {
		c := ok
		change(&c)
		err := c.Validate()
		if err == nil {
			t.Errorf("%s: accepted", name)
		} else if strings.Contains(err.Error(), secret) {
			t.Errorf("%s: the error names the password", name)
		}
	}
}
