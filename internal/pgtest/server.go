package pgtest

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// Server is a PostgreSQL server of one test's own, which the test may stop
// and start again to see what a program does while its database is away
// and once it is back. It keeps its data directory and its port across
// restarts, so the URLs it gave out stay good.
//
// It is always started here, CONGTIN_TEST_POSTGRES set or not: a server
// reached by URL is not the test's to stop. Its methods are for the
// test's own goroutine, as they fail the test on error.
type Server struct {
	t  testing.TB
	s  *server
	up bool
}

// NewServer starts a server for t: initdb into a new temporary directory,
// then postgres on a free loopback port. It is stopped and removed when t
// ends.
func NewServer(t testing.TB) *Server {
	t.Helper()
	s, err := startLocal()
	if err != nil {
		t.Fatalf("pgtest: a server the test can stop and start must be started here, %s set or not: %v", EnvURL, err)
	}
	srv := &Server{t: t, s: s, up: true}
	t.Cleanup(func() {
		if srv.up {
			s.admin.Close()
			s.stop(syscall.SIGQUIT)
		}
		os.RemoveAll(s.dir)
	})
	return srv
}

// URL returns the URL of a new, empty UTF-8 database on the server. The
// server must be running.
func (s *Server) URL(t testing.TB) string {
	t.Helper()
	if !s.up {
		t.Fatalf("pgtest: URL of a stopped server")
	}
	return s.s.newDatabase(t)
}

// Stop stops the server with a fast shutdown (SIGINT, pg_ctl's default
// mode): PostgreSQL ends every session, rolling back the transactions in
// progress, writes a checkpoint and exits. Stop returns once the process
// has exited: nothing listens on the port any more.
func (s *Server) Stop() {
	s.t.Helper()
	if !s.up {
		s.t.Fatalf("pgtest: Stop of a stopped server")
	}
	s.s.admin.Close()
	s.s.stop(syscall.SIGINT)
	s.up = false
}

// Start starts the stopped server again, on the same port with the same
// data, and returns once it answers.
func (s *Server) Start() {
	s.t.Helper()
	if s.up {
		s.t.Fatalf("pgtest: Start of a running server")
	}
	var err error
	// The port was ours a moment ago, and PostgreSQL binds it with
	// SO_REUSEADDR; only another program taking it meanwhile stops this.
	for range 3 {
		if err = s.s.run(s.s.port); err == nil {
			s.up = true
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("pgtest: start again on port %d: %v", s.s.port, err)
}
