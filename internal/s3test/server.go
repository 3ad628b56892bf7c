package s3test

import (
	"testing"
	"time"

	"github.com/congtin/congtin/internal/seaweed"
)

// Server is an S3 server of one test's own, which the test may stop and
// start again to see what a program does while its object store is away
// and once it is back. It keeps its data and its ports across restarts,
// so the URLs it gave out stay good.
type Server struct {
	t  testing.TB
	s  *seaweed.Server
	up bool
}

// NewServer starts a server for t. It is stopped and removed when t ends.
func NewServer(t testing.TB) *Server {
	t.Helper()
	s, err := seaweed.Start()
	if err != nil {
		t.Fatalf("s3test: %v", err)
	}
	t.Cleanup(s.Remove)
	return &Server{t: t, s: s, up: true}
}

// URL returns the URL of a new, empty bucket on the server, and puts the
// credentials in t's environment. The server must be running.
func (s *Server) URL(t testing.TB) string {
	t.Helper()
	if !s.up {
		t.Fatalf("s3test: URL of a stopped server")
	}
	return newBucket(t, s.s)
}

// Stop stops the server; it returns once the process has exited and
// nothing listens on its ports.
func (s *Server) Stop() {
	s.t.Helper()
	if !s.up {
		s.t.Fatalf("s3test: Stop of a stopped server")
	}
	s.s.Stop()
	s.up = false
}

// Start starts the stopped server again, on the same ports with the same
// data, and returns once it stores an object.
func (s *Server) Start() {
	s.t.Helper()
	if s.up {
		s.t.Fatalf("s3test: Start of a running server")
	}
	var err error
	// The ports were ours a moment ago; only another program taking one
	// meanwhile stops this.
	for range 3 {
		if err = s.s.Run(); err == nil {
			s.up = true
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("s3test: start again: %v", err)
}
