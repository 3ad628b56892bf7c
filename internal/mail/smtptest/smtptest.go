// Package smtptest is a small SMTP server for tests, on loopback: it
// keeps the messages it is sent, and can ask for STARTTLS and a password,
// refuse messages, or never answer, so that the sending side's errors and
// time limits can be tested. It speaks only what congtin's sender needs.
package smtptest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is a message the server accepted.
type Message struct {
	From    string   // MAIL FROM
	To      []string // RCPT TO
	Raw     string   // as sent, CRLF and all
	TLS     bool     // sent over TLS
	User    string   // who signed in ("" for nobody)
	Header  mail.Header
	Subject string // decoded
	Body    string // decoded, with \n line ends
}

// Options choose how the server behaves.
type Options struct {
	// StartTLS offers STARTTLS with a certificate made for the test
	// (trust it with Server.RootCAs); RequireTLS refuses a message sent
	// without it.
	StartTLS, RequireTLS bool
	// User and Password: sign-in (AUTH PLAIN) is offered and required.
	User, Password string
	// Reject answers DATA's end with this reply ("554 5.7.1 refused").
	Reject string
	// Silent accepts connections and never answers (to test time limits).
	Silent bool
}

// Server is a running test SMTP server.
type Server struct {
	// Addr is its host:port on 127.0.0.1.
	Addr string
	// Host and Port are Addr's parts.
	Host string
	Port int
	// RootCAs trusts the server's certificate (with Options.StartTLS).
	RootCAs *x509.CertPool

	opts Options
	ln   net.Listener
	cert tls.Certificate

	mu       sync.Mutex
	msgs     []Message
	arrived  chan struct{}
	sessions sync.WaitGroup
	conns    map[net.Conn]bool
}

// Start starts a server on a free loopback port; it stops when the test
// ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), opts: opts, ln: ln, arrived: make(chan struct{}, 1000), conns: map[net.Conn]bool{}}
	s.Host = "127.0.0.1"
	s.Port = ln.Addr().(*net.TCPAddr).Port
	if opts.StartTLS {
		s.cert, s.RootCAs = selfSigned(t)
	}
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and ends its sessions.
func (s *Server) Close() {
	s.ln.Close()
	s.mu.Lock()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.sessions.Wait()
}

// Messages returns the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait waits until the server has n messages, for at most d, and returns
// them; the test fails when they do not come.
func (s *Server) Wait(t testing.TB, n int, d time.Duration) []Message {
	t.Helper()
	deadline := time.After(d)
	for {
		if ms := s.Messages(); len(ms) >= n {
			return ms
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("smtptest: %d messages after %s, want %d", len(s.Messages()), d, n)
			return nil
		}
	}
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns[c] = true
		s.mu.Unlock()
		s.sessions.Add(1)
		go func() {
			defer s.sessions.Done()
			defer func() {
				s.mu.Lock()
				delete(s.conns, c)
				s.mu.Unlock()
				c.Close()
			}()
			if s.opts.Silent {
				_, _ = io.Copy(io.Discard, c)
				return
			}
			s.session(c)
		}()
	}
}

// session speaks SMTP with one client.
func (s *Server) session(c net.Conn) {
	_ = c.SetDeadline(time.Now().Add(time.Minute))
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(lines ...string) {
		for _, l := range lines {
			w.WriteString(l + "\r\n")
		}
		w.Flush()
	}
	reply("220 smtptest ESMTP")
	var (
		msg      Message
		secure   bool
		user     string
		greeted  bool
		inactive = func() { msg = Message{} }
	)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			greeted = true
			ext := []string{"250-smtptest", "250-8BITMIME"}
			if s.opts.StartTLS && !secure {
				ext = append(ext, "250-STARTTLS")
			}
			if s.opts.User != "" {
				ext = append(ext, "250-AUTH PLAIN")
			}
			ext = append(ext, "250 SMTPUTF8")
			reply(ext...)
		case "STARTTLS":
			if !s.opts.StartTLS || secure {
				reply("502 5.5.1 not offered")
				continue
			}
			reply("220 2.0.0 go ahead")
			tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{s.cert}})
			if err := tc.Handshake(); err != nil {
				return
			}
			c, secure = tc, true
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
			greeted = false
		case "AUTH":
			mech, initial, _ := strings.Cut(arg, " ")
			if s.opts.User == "" || !strings.EqualFold(mech, "PLAIN") {
				reply("504 5.5.4 not offered")
				continue
			}
			if initial == "" {
				reply("334 ")
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				initial = strings.TrimSpace(l)
			}
			raw, _ := base64.StdEncoding.DecodeString(initial)
			parts := strings.Split(string(raw), "\x00")
			if len(parts) == 3 && parts[1] == s.opts.User && parts[2] == s.opts.Password {
				user = parts[1]
				reply("235 2.7.0 accepted")
			} else {
				reply("535 5.7.8 wrong user name or password")
			}
		case "MAIL":
			switch {
			case !greeted:
				reply("503 5.5.1 say EHLO first")
			case s.opts.RequireTLS && !secure:
				reply("530 5.7.0 must issue STARTTLS first")
			case s.opts.User != "" && user == "":
				reply("530 5.7.0 authentication required")
			default:
				inactive()
				msg.From = path(arg)
				reply("250 2.1.0 ok")
			}
		case "RCPT":
			if msg.From == "" {
				reply("503 5.5.1 MAIL first")
				continue
			}
			msg.To = append(msg.To, path(arg))
			reply("250 2.1.5 ok")
		case "DATA":
			if len(msg.To) == 0 {
				reply("503 5.5.1 RCPT first")
				continue
			}
			reply("354 end with <CRLF>.<CRLF>")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(strings.TrimPrefix(l, "."))
			}
			if s.opts.Reject != "" {
				reply(s.opts.Reject)
				inactive()
				continue
			}
			msg.Raw, msg.TLS, msg.User = data.String(), secure, user
			msg.parse()
			s.mu.Lock()
			s.msgs = append(s.msgs, msg)
			s.mu.Unlock()
			select {
			case s.arrived <- struct{}{}:
			default:
			}
			inactive()
			reply("250 2.0.0 queued")
		case "RSET":
			inactive()
			reply("250 2.0.0 ok")
		case "NOOP":
			reply("250 2.0.0 ok")
		case "QUIT":
			reply("221 2.0.0 bye")
			return
		default:
			reply("500 5.5.2 unknown command")
		}
	}
}

// path is the address of a MAIL FROM:<a> or RCPT TO:<a> command's
// argument, without its parameters.
func path(arg string) string {
	_, a, _ := strings.Cut(arg, "<")
	a, _, _ = strings.Cut(a, ">")
	return a
}

// parse decodes the message's headers, subject and body.
func (m *Message) parse() {
	pm, err := mail.ReadMessage(strings.NewReader(m.Raw))
	if err != nil {
		return
	}
	m.Header = pm.Header
	dec := new(mime.WordDecoder)
	if s, err := dec.DecodeHeader(pm.Header.Get("Subject")); err == nil {
		m.Subject = s
	}
	var body io.Reader = pm.Body
	if strings.EqualFold(pm.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(pm.Body)
	}
	b, _ := io.ReadAll(body)
	m.Body = strings.ReplaceAll(string(b), "\r\n", "\n")
}

// selfSigned makes a certificate for 127.0.0.1 and the pool that trusts
// it.
func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtptest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}, pool
}
