// Package s3test gives each test a fresh bucket on a real S3-compatible
// server: SeaweedFS (package seaweed), started once per test binary on
// free loopback ports in a temporary directory. It is not a fake:
// signatures, ranges, presigned URLs and errors are the real server's.
//
// A missing weed program fails the test with how to get it: an object
// store test that cannot run is a failure, not a skip.
//
// The server is the test binary's child and dies with it: Main (or Stop)
// stops it at the end, and the kernel stops it if the binary is killed
// first. A test that stops the store under a running program uses a
// server of its own, from NewServer, which it can stop and start again.
package s3test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/seaweed"
)

// The identity the server knows: tests sign with it.
const (
	AccessKey = seaweed.AccessKey
	SecretKey = seaweed.SecretKey
	Region    = seaweed.Region
)

// EnvWeed names the environment variable with the path of the weed program.
const EnvWeed = seaweed.EnvWeed

var (
	once   sync.Once
	srv    *seaweed.Server
	srvErr error
	seq    atomic.Int64
)

// URL returns the URL of a new, empty bucket for t, as s3.Open takes it,
// and puts the credentials in t's environment (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY), where s3.Open looks first.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { srv, srvErr = seaweed.Start() })
	if srvErr != nil {
		t.Fatalf("s3test: %v", srvErr)
	}
	return newBucket(t, srv)
}

// SetCredentials puts the server's credentials in t's environment, and
// takes away any other source of them that would be read instead.
func SetCredentials(t testing.TB) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", SecretKey)
	t.Setenv("AWS_SESSION_TOKEN", "")
}

// Main runs the tests of a package, stops the server and exits: call it
// from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops the server started for this test binary, if any, and removes
// its files.
func Stop() {
	if srv != nil {
		srv.Remove()
	}
}

// newBucket creates a bucket for t on s and returns its URL.
func newBucket(t testing.TB, s *seaweed.Server) string {
	t.Helper()
	name := fmt.Sprintf("t%d-%d", os.Getpid(), seq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	u, err := s.NewBucket(ctx, name)
	if err != nil {
		t.Fatalf("s3test: %v", err)
	}
	SetCredentials(t)
	return u
}

// CommandLine is weed's command line for the server of this test binary,
// for a test's log.
func CommandLine() string {
	if srv == nil {
		return ""
	}
	return srv.CommandLine()
}
