// Package seaweed runs a throwaway SeaweedFS: its weed program (master,
// volume server, filer and S3 gateway in one process, "weed mini") on
// free loopback ports in a temporary directory, with one identity the
// callers sign with. The tests' object store (internal/s3test) and
// loadbench's comparison of media in a folder and in an object store
// both start it here.
//
// weed is found at $CONGTIN_WEED, then on PATH, then at
// ~/.cache/congtin/bin/weed, where scripts/weed.sh builds it.
//
// The server is its starter's child and dies with it: Pdeathsig kills it
// if the starter dies without calling Remove.
package seaweed

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/congtin/congtin/internal/throwaway"
)

// The identity the server knows: its users sign with it. It guards
// nothing (the server listens on loopback only and is thrown away).
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

// Server is one weed process and what it takes to start it again: its
// data and its ports stay across Stop and Run, so the URLs it gave out
// stay good.
type Server struct {
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

// Endpoint is the S3 gateway's HOST:PORT.
func (s *Server) Endpoint() string { return "127.0.0.1:" + strconv.Itoa(s.ports.s3) }

// NewBucket creates the bucket name and returns its URL, as s3.Open
// takes it. The caller puts AccessKey and SecretKey where s3.Open reads
// credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
func (s *Server) NewBucket(ctx context.Context, name string) (string, error) {
	if err := s.admin.MakeBucket(ctx, name, minio.MakeBucketOptions{Region: Region}); err != nil {
		return "", fmt.Errorf("seaweed: create bucket %s: %w", name, err)
	}
	u := url.URL{Scheme: "s3", Host: name, Path: "/"}
	u.RawQuery = url.Values{"endpoint": {s.Endpoint()}, "region": {Region}, "insecure": {"1"}}.Encode()
	return u.String(), nil
}

// findWeed returns the path of the weed program.
func findWeed() (string, error) {
	if p := os.Getenv(EnvWeed); p != "" {
		if !throwaway.IsFile(p) {
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
		if throwaway.IsFile(cached) {
			return cached, nil
		}
	}
	return "", fmt.Errorf("no weed program (SeaweedFS's S3 server) at $%s, on PATH or at %s: "+
		"scripts/test.sh builds it there (go build github.com/seaweedfs/seaweedfs/weed), or set %s to one", EnvWeed, cached, EnvWeed)
}

// Start starts a server in a new temporary directory and returns once it
// stores an object. Remove stops it and removes the directory.
func Start() (*Server, error) {
	weed, err := findWeed()
	if err != nil {
		return nil, err
	}
	dir, err := throwaway.Mkdir(os.TempDir(), "congtin-s3test-")
	if err != nil {
		return nil, err
	}
	s := &Server{weed: weed, dir: dir}
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
		if err = s.Run(); err == nil {
			return s, nil
		}
	}
	os.RemoveAll(dir)
	return nil, err
}

// configure writes the S3 gateway's identities and makes the data folder.
func (s *Server) configure() error {
	conf := fmt.Sprintf(`{"identities": [{"name": "congtin", "credentials": [{"accessKey": %q, "secretKey": %q}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]}]}`, AccessKey, SecretKey)
	if err := os.WriteFile(filepath.Join(s.dir, "s3.json"), []byte(conf), 0o600); err != nil {
		return err
	}
	return os.Mkdir(filepath.Join(s.dir, "data"), 0o755)
}

func (s *Server) choosePorts() error {
	p, err := throwaway.FreePorts(10)
	if err != nil {
		return err
	}
	s.ports = ports{p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]}
	return nil
}

// args is weed's command line: "weed mini", master, volume server, filer
// and S3 gateway in one process, with every port chosen here (two weeds
// run side by side) and nothing else started. It stores its first object
// about 6 s after it starts; "weed server" with the same parts takes
// 11 s, as its filer waits for peers a single-node cluster cannot have.
func (s *Server) args() []string {
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

// CommandLine is weed's command line, for a log.
func (s *Server) CommandLine() string { return s.weed + " " + strings.Join(s.args(), " ") }

// Run starts weed (again, after Stop: on the same ports with the same
// data) and waits until its S3 gateway stores an object.
func (s *Server) Run() error {
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
	// Its own process group keeps a Ctrl-C at the terminal for the
	// starter, which then stops the server; Pdeathsig kills it if the
	// starter dies without doing so.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start weed: %w", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s.cmd, s.exited = cmd, exited

	admin, err := minio.New(s.Endpoint(), &minio.Options{
		Creds: credentials.NewStaticV4(AccessKey, SecretKey, ""), Region: Region, MaxRetries: 1,
	})
	if err != nil {
		s.Stop()
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
			s.Stop()
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

// Stop kills weed and waits until it has exited. A throwaway server
// needs no clean shutdown, which takes weed about 16 seconds; what it
// stored before is on disk (s3test's restart tests check it).
func (s *Server) Stop() {
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

// Remove stops the server and removes its directory.
func (s *Server) Remove() {
	s.Stop()
	os.RemoveAll(s.dir)
}
