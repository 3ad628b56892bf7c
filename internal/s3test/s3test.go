// Package s3test gives each test a fresh bucket on a real S3-compatible
// server: SeaweedFS's weed program (master, volume server, filer and S3
// gateway in one process, "weed mini"), started once per test binary on free loopback
// ports in a temporary directory. It is not a fake: signatures, ranges,
// presigned URLs and errors are the real server's.
//
// weed is found at $CONGTIN_WEED, then on PATH, then at
// ~/.cache/congtin/bin/weed, where scripts/test.sh builds it. A missing
// weed fails the test with how to get it: an object store test that
// cannot run is a failure, not a skip.
//
// The server is the test binary's child and dies with it: Main (or Stop)
// stops it at the end, and the kernel stops it if the binary is killed
// first. A test that stops the store under a running program uses a
// server of its own, from NewServer, which it can stop and start again.
package s3test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// The identity the server knows: tests sign with it. It guards nothing
// (the server listens on loopback only and is thrown away).
const (
	AccessKey = "congtintest"
	SecretKey = "congtin-test-secret-7f3a9c"
	// Region is the region the URLs name, so that no request asks the
	// server for its bucket's location first.
	Region = "us-east-1"
)

// EnvWeed names the environment variable with the path of the weed program.
const EnvWeed = "CONGTIN_WEED"

// startTimeout bounds the wait for a started server to store an object.
const startTimeout = 90 * time.Second

var (
	once   sync.Once
	srv    *server
	srvErr error
	seq    atomic.Int64
)

// URL returns the URL of a new, empty bucket for t, as s3.Open takes it,
// and puts the credentials in t's environment (AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY), where s3.Open looks first.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		t.Fatalf("s3test: %v", srvErr)
	}
	return srv.newBucket(t)
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
	if srv == nil {
		return
	}
	srv.stop()
	os.RemoveAll(srv.dir)
}

// server is one weed process and what it takes to start it again.
type server struct {
	weed   string
	dir    string
	ports  ports
	cmd    *exec.Cmd
	exited chan struct{}
	admin  *minio.Client
}

// ports are the loopback ports of the server's parts: HTTP and gRPC each.
type ports struct {
	master, masterGRPC, volume, volumeGRPC, filer, filerGRPC, s3, s3GRPC, admin, adminGRPC int
}

// endpoint is the S3 gateway's HOST:PORT.
func (s *server) endpoint() string { return "127.0.0.1:" + strconv.Itoa(s.ports.s3) }

// newBucket creates a bucket for t and returns its URL.
func (s *server) newBucket(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d-%d", os.Getpid(), seq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.admin.MakeBucket(ctx, name, minio.MakeBucketOptions{Region: Region}); err != nil {
		t.Fatalf("s3test: create bucket %s: %v", name, err)
	}
	SetCredentials(t)
	u := url.URL{Scheme: "s3", Host: name, Path: "/"}
	u.RawQuery = url.Values{"endpoint": {s.endpoint()}, "region": {Region}, "insecure": {"1"}}.Encode()
	return u.String()
}

// findWeed returns the path of the weed program.
func findWeed() (string, error) {
	if p := os.Getenv(EnvWeed); p != "" {
		if !isFile(p) {
			return "", fmt.Errorf("%s=%s: no such program", EnvWeed, p)
		}
		return p, nil
	}
	if p, err := exec.LookPath("weed"); err == nil {
		return p, nil
	}
	cached := ""
	if home, err := os.UserHomeDir(); err == nil {
		cached = filepath.Join(home, ".cache", "congtin", "bin", "weed")
		if isFile(cached) {
			return cached, nil
		}
	}
	return "", fmt.Errorf("no weed program (SeaweedFS's S3 server) at $%s, on PATH or at %s: "+
		"scripts/test.sh builds it there (go build github.com/seaweedfs/seaweedfs/weed), or set %s to one", EnvWeed, cached, EnvWeed)
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// start starts the server for this test binary.
func start() (*server, error) {
	weed, err := findWeed()
	if err != nil {
		return nil, err
	}
	reapStale()
	dir, err := os.MkdirTemp("", "congtin-s3test-")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s := &server{weed: weed, dir: dir}
	if err := s.configure(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// A port can be taken between choosing and binding it: try again
	// with new ones.
	for range 3 {
		if err = s.choosePorts(); err != nil {
			break
		}
		if err = s.run(); err == nil {
			return s, nil
		}
	}
	os.RemoveAll(dir)
	return nil, err
}

// configure writes the S3 gateway's identities and makes the data folder.
func (s *server) configure() error {
	conf := fmt.Sprintf(`{"identities": [{"name": "congtin", "credentials": [{"accessKey": %q, "secretKey": %q}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}`, AccessKey, SecretKey)
	if err := os.WriteFile(filepath.Join(s.dir, "s3.json"), []byte(conf), 0o600); err != nil {
		return err
	}
	return os.Mkdir(filepath.Join(s.dir, "data"), 0o755)
}

func (s *server) choosePorts() error {
	p := make([]int, 10)
	// Held open together, so that they are all different.
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for i := range p {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		ls = append(ls, l)
		p[i] = l.Addr().(*net.TCPAddr).Port
	}
	s.ports = ports{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]}
	return nil
}

// args is weed's command line: "weed mini", master, volume server, filer
// and S3 gateway in one process, with every port chosen here (two weeds
// run side by side) and nothing else started. It stores its first object
// about 6 s after it starts; "weed server" with the same parts takes
// 11 s, as its filer waits for peers a single-node cluster cannot have.
func (s *server) args() []string {
	p, d := s.ports, s.dir
	itoa := strconv.Itoa
	return []string{"-logtostderr", "mini",
		"-dir", filepath.Join(d, "data"), "-ip", "127.0.0.1", "-ip.bind", "127.0.0.1",
		"-master.port", itoa(p.master), "-master.port.grpc", itoa(p.masterGRPC),
		// No anonymous statistics sent out of a test.
		"-master.telemetry=false",
		// One master: its election after a restart need not wait the
		// default 10 s, twice, for peers that do not exist.
		"-master.electionTimeout", "1s",
		"-volume.port", itoa(p.volume), "-volume.port.grpc", itoa(p.volumeGRPC),
		"-filer.port", itoa(p.filer), "-filer.port.grpc", itoa(p.filerGRPC),
		"-filer.localSocket", filepath.Join(d, "filer.sock"),
		"-s3.port", itoa(p.s3), "-s3.port.grpc", itoa(p.s3GRPC),
		"-s3.localSocket", filepath.Join(d, "s3.sock"),
		"-s3.port.iceberg", "0", "-s3.port.lance", "0",
		"-s3.config", filepath.Join(d, "s3.json"),
		"-webdav=false", "-admin.ui=false",
		"-admin.port", itoa(p.admin), "-admin.port.grpc", itoa(p.adminGRPC), "-admin.port.legacy", "0",
	}
}

// CommandLine is weed's command line for the server of this test binary,
// for a test's log.
func CommandLine() string {
	if srv == nil {
		return ""
	}
	return srv.weed + " " + strings.Join(srv.args(), " ")
}

// run starts weed and waits until its S3 gateway stores an object.
func (s *server) run() error {
	logPath := filepath.Join(s.dir, "weed.log")
	// Appended to: a server started again keeps the log of its first run.
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(s.weed, s.args()...)
	// HOME in the directory: weed reads no configuration of the user's.
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = s.dir, []string{"HOME=" + s.dir, "PATH=/usr/bin:/bin"}, logf, logf
	// Its own process group keeps a Ctrl-C at the terminal for the test
	// binary, which then stops the server; Pdeathsig kills it if the
	// binary dies without doing so.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start weed: %w", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s.cmd, s.exited = cmd, exited

	admin, err := minio.New(s.endpoint(), &minio.Options{
		Creds: credentials.NewStaticV4(AccessKey, SecretKey, ""), Region: Region, MaxRetries: 1,
	})
	if err != nil {
		s.stop()
		return err
	}
	deadline := started.Add(startTimeout)
	for {
		err = probe(admin)
		if err == nil {
			s.admin = admin
			return nil
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("weed exited: %s\n%s", cmd.ProcessState, tail(log))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("weed's S3 gateway did not store an object in %v: %v\n%s", startTimeout, err, tail(log))
		}
	}
}

// probe stores and removes an object: the gateway answering is not enough,
// the filer and a volume must be up too.
func probe(c *minio.Client) error {
	// A request the gateway takes before the filer is ready hangs: try
	// again soon rather than wait for it.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	const bucket = "congtin-probe"
	if err := c.MakeBucket(ctx, bucket, minio.MakeBucketOptions{Region: Region}); err != nil {
		if code := minio.ToErrorResponse(err).Code; code != "BucketAlreadyOwnedByYou" && code != "BucketAlreadyExists" {
			return err
		}
	}
	if _, err := c.PutObject(ctx, bucket, "probe", strings.NewReader("ok"), 2, minio.PutObjectOptions{}); err != nil {
		return err
	}
	return c.RemoveObject(ctx, bucket, "probe", minio.RemoveObjectOptions{})
}

// tail is the end of a log, enough to see why weed failed.
func tail(log []byte) []byte {
	const max = 8000
	if len(log) > max {
		return log[len(log)-max:]
	}
	return log
}

// stop kills weed and waits until it has exited. A throwaway server
// needs no clean shutdown, which takes weed about 16 seconds; what it
// stored before is on disk (the restart tests check it).
func (s *server) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.exited
	s.cmd = nil
	// weed puts its gRPC sockets in /tmp whatever it is told; a killed
	// weed leaves them there.
	p := s.ports
	for name, port := range map[string]int{"master": p.masterGRPC, "volume": p.volumeGRPC, "filer": p.filerGRPC, "s3": p.s3GRPC, "admin": p.adminGRPC} {
		os.Remove(fmt.Sprintf("/tmp/seaweedfs-%s-grpc-%d.sock", name, port))
	}
}

// reapStale removes the directories of servers whose test binaries were
// killed before they could remove them (the servers died with them).
func reapStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "congtin-s3test-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "owner.pid"))
		if err != nil {
			continue // being set up right now, or not ours to judge
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err == nil && pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}
