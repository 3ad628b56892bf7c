// Package mail sends the back office's notifications by e-mail through an
// SMTP server: one short plain-text message per notification, within a
// time limit, over TLS unless told otherwise. It holds no queue: the
// service layer keeps the notifications to send in the database and
// calls Send outside any transaction (see app.MailNotifications).
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"time"
)

// How the connection to the SMTP server is secured.
const (
	// StartTLS starts in plain text and upgrades with STARTTLS before
	// anything else is said: the submission port, 587. The server must
	// offer it.
	StartTLS = "starttls"
	// TLS speaks TLS from the first byte: port 465.
	TLS = "tls"
	// None sends in plain text: only for a relay on the same machine or
	// network. Go's SMTP client refuses to send a password this way
	// except to localhost.
	None = "none"
)

// DefaultTimeout bounds a whole message: connecting, greeting, TLS,
// sign-in and sending.
const DefaultTimeout = 30 * time.Second

// Config is an SMTP server to send through.
type Config struct {
	Host     string
	Port     int
	From     string // the sender's address, e.g. thongbao@anphu.gov.vn
	Username string // "" for a server that needs no sign-in
	Password string
	TLS      string // StartTLS (""), TLS or None
	// Timeout bounds a message (DefaultTimeout when zero).
	Timeout time.Duration
	// TLSConfig replaces the TLS settings (the server name is set when
	// empty): tests trust their own certificate with it.
	TLSConfig *tls.Config
}

// Message is one e-mail.
type Message struct {
	To       string // a plain address
	ToName   string
	FromName string // shown with Config.From
	Subject  string
	Body     string // plain text
}

// Validate checks the settings once, at start-up.
func (c *Config) Validate() error {
	switch {
	case c.Host == "" || strings.ContainsAny(c.Host, " /\r\n"):
		return errors.New("mail: the SMTP host is missing or not a host name")
	case c.Port < 1 || c.Port > 65535:
		return fmt.Errorf("mail: the SMTP port must be from 1 to 65535, got %d", c.Port)
	case c.TLS != "" && c.TLS != StartTLS && c.TLS != TLS && c.TLS != None:
		return fmt.Errorf("mail: the SMTP TLS mode must be starttls, tls or none, got %q", c.TLS)
	case c.Username == "" && c.Password != "":
		return errors.New("mail: an SMTP password is set without a user name")
	}
	if err := plainAddress(c.From); err != nil {
		return fmt.Errorf("mail: the sender address %q: %w", c.From, err)
	}
	return nil
}

// plainAddress checks an address as a message header and SMTP command
// take it: name@domain and nothing else.
func plainAddress(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || strings.ContainsAny(s, "\r\n<> ") {
		return errors.New("not a plain e-mail address")
	}
	return nil
}

func (c *Config) mode() string {
	if c.TLS == "" {
		return StartTLS
	}
	return c.TLS
}

func (c *Config) tlsConfig() *tls.Config {
	t := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.TLSConfig != nil {
		t = c.TLSConfig.Clone()
	}
	if t.ServerName == "" {
		t.ServerName = c.Host
	}
	return t
}

// Send sends one message, within the timeout and ctx. Its errors name
// the step that failed and what the server said, never the password.
func (c *Config) Send(ctx context.Context, m Message) error {
	if err := plainAddress(m.To); err != nil {
		return fmt.Errorf("mail: recipient: %w", err)
	}
	msg, err := c.compose(m, time.Now())
	if err != nil {
		return err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	d := net.Dialer{Deadline: deadline}
	var conn net.Conn
	if c.mode() == TLS {
		conn, err = (&tls.Dialer{NetDialer: &d, Config: c.tlsConfig()}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return fmt.Errorf("mail: connect to %s: %w", addr, err)
	}
	// Every read and write ends by the deadline, and a cancelled ctx
	// (the server shutting down) ends the conversation at once.
	_ = conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	defer conn.Close()
	if err := c.converse(conn, m.To, msg); err != nil {
		var ne net.Error
		switch {
		case errors.Is(ctx.Err(), context.Canceled):
			return fmt.Errorf("mail: %s: %w (%w)", addr, ctx.Err(), err)
		case ctx.Err() != nil || errors.As(err, &ne) && ne.Timeout():
			return fmt.Errorf("mail: %s: no answer within %s: %w", addr, timeout, err)
		}
		return fmt.Errorf("mail: %s: %w", addr, err)
	}
	return nil
}

// converse speaks SMTP on conn: greeting, TLS, sign-in, one message.
func (c *Config) converse(conn net.Conn, to string, msg []byte) error {
	cl, err := smtp.NewClient(conn, c.Host)
	if err != nil {
		return fmt.Errorf("greeting: %w", err)
	}
	defer cl.Close()
	if err := cl.Hello(helloName(c.From)); err != nil {
		return fmt.Errorf("EHLO: %w", err)
	}
	if c.mode() == StartTLS {
		if ok, _ := cl.Extension("STARTTLS"); !ok {
			return errors.New("the server does not offer STARTTLS; set the TLS mode to tls or none")
		}
		if err := cl.StartTLS(c.tlsConfig()); err != nil {
			return fmt.Errorf("STARTTLS: %w", err)
		}
	}
	if c.Username != "" {
		if ok, _ := cl.Extension("AUTH"); !ok {
			return errors.New("the server does not offer sign-in (AUTH)")
		}
		// The error says why, never what was sent.
		if err := cl.Auth(smtp.PlainAuth("", c.Username, c.Password, c.Host)); err != nil {
			return fmt.Errorf("sign-in as %s: %w", c.Username, err)
		}
	}
	if err := cl.Mail(c.From); err != nil {
		return fmt.Errorf("MAIL FROM: %w", err)
	}
	if err := cl.Rcpt(to); err != nil {
		return fmt.Errorf("RCPT TO: %w", err)
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("message refused: %w", err)
	}
	return cl.Quit()
}

// helloName is the name the client gives in EHLO: the sender's domain,
// which is ours, rather than "localhost", which some servers refuse.
func helloName(from string) string {
	if at := strings.LastIndexByte(from, '@'); at >= 0 && at < len(from)-1 {
		return from[at+1:]
	}
	return "localhost"
}

// oneLine keeps a header value on one line: a line break in it would
// start another header.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r < ' ' && r != '\t' {
			return ' '
		}
		return r
	}, s)), " ")
}

// compose writes the message: headers (non-ASCII words encoded as RFC
// 2047 says, long ones folded), a UTF-8 plain-text body in
// quoted-printable, lines ending in CRLF.
func (c *Config) compose(m Message, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	header := func(k, v string) {
		b.WriteString(k + ": " + v + "\r\n")
	}
	header("From", (&mail.Address{Name: oneLine(m.FromName), Address: c.From}).String())
	header("To", (&mail.Address{Name: oneLine(m.ToName), Address: m.To}).String())
	header("Subject", strings.ReplaceAll(mime.QEncoding.Encode("utf-8", oneLine(m.Subject)), "?= =?", "?=\r\n =?"))
	header("Date", now.Format(time.RFC1123Z))
	id := make([]byte, 12)
	if _, err := rand.Read(id); err != nil {
		return nil, err
	}
	header("Message-ID", "<"+hex.EncodeToString(id)+"@"+helloName(c.From)+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	// An automatic message: no out-of-office replies to it (RFC 3834).
	header("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
