// Package pgtest gives each test a fresh, empty PostgreSQL database.
//
// With CONGTIN_TEST_POSTGRES set to a postgres:// URL, the databases are
// created on that server (the URL's user must be allowed to create
// databases). Otherwise the first call starts one throwaway PostgreSQL
// server for the whole test binary: initdb into a temporary directory,
// then the postgres server on a free loopback port, tuned for speed over
// durability. A missing PostgreSQL fails the test with how to get one: a
// PostgreSQL test that cannot run is a failure, not a skip.
//
// The server is the test binary's child and dies with it: Main (or Stop,
// for a package that has its own TestMain) stops it at the end, and the
// kernel stops it if the binary is killed first (a test timeout).
//
// A test that stops the database under a running program (a restart, an
// outage) must not do it to the shared server, which other tests use at
// the same time: NewServer starts one of its own that it can stop and
// start again.
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/congtin/congtin/internal/throwaway"
)

// EnvURL names the environment variable with the URL of a server to use
// instead of starting one.
const EnvURL = "CONGTIN_TEST_POSTGRES"

var (
	once   sync.Once
	srv    *server
	srvErr error
	seq    atomic.Int64
)

// server is where the test databases are created.
type server struct {
	url   *url.URL // of the maintenance database
	admin *sql.DB
	// A server started here, nil for CONGTIN_TEST_POSTGRES.
	cmd    *exec.Cmd
	exited chan struct{}
	dir    string
	// What run needs to start it again: the programs' directory, the
	// data directory, the user to run as, and the port it listens on.
	bin, data string
	attr      *syscall.SysProcAttr
	port      int
}

// URL returns the URL of a new, empty UTF-8 database for t, dropped when t
// ends.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		t.Fatalf("pgtest: %v", srvErr)
	}
	return srv.newDatabase(t)
}

// newDatabase creates a database for t and returns its URL.
func (s *server) newDatabase(t testing.TB) string {
	t.Helper()
	// The process ID keeps test binaries that share a server apart.
	name := fmt.Sprintf("congtin_t%d_%d", os.Getpid(), seq.Add(1))
	if err := s.createDatabase(name); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	admin := s.admin
	t.Cleanup(func() {
		// FORCE ends the connections the test left open. A failure here
		// leaves a database on a server that is thrown away, or named by
		// its process on a shared one; it fails no test.
		_, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + pgx.Identifier{name}.Sanitize() + ` WITH (FORCE)`)
	})
	u := *s.url
	u.Path = "/" + name
	return u.String()
}

// createDatabase creates an empty UTF-8 database. It asks for ICU's
// Vietnamese collation as the database's default, the likeliest choice of
// an agency's administrator: a query that orders text without COLLATE "C"
// then orders it differently from SQLite (bytes), and the comparisons
// with the SQLite store show it. A server without ICU gets the C locale.
func (s *server) createDatabase(name string) error {
	id := pgx.Identifier{name}.Sanitize()
	var errs []error
	for _, opts := range []string{
		`TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN'`,
		`TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`,
	} {
		_, err := s.admin.Exec(`CREATE DATABASE ` + id + ` ` + opts)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("create database: %w", errors.Join(errs...))
}

// Main runs the tests of a package, stops the server and exits: call it
// from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops the server started for this test binary, if any, and removes
// its files. A package with its own TestMain calls it after m.Run.
func Stop() {
	if srv == nil {
		return
	}
	srv.admin.Close()
	if srv.cmd == nil {
		return
	}
	// SIGQUIT is an immediate shutdown: nothing here is worth a checkpoint.
	srv.stop(syscall.SIGQUIT)
	os.RemoveAll(srv.dir)
}

// stop sends sig to the postgres process and waits until it has exited,
// killing it after 30 seconds.
func (s *server) stop(sig syscall.Signal) {
	_ = s.cmd.Process.Signal(sig)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

func start() (*server, error) {
	if v := os.Getenv(EnvURL); v != "" {
		return external(v)
	}
	return startLocal()
}

// external uses the server at raw.
func external(raw string) (*server, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return nil, fmt.Errorf("%s must be a postgres:// URL", EnvURL)
	}
	admin, err := sql.Open("pgx", u.String())
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EnvURL, err)
	}
	return &server{url: u, admin: admin}, nil
}

// binDir finds the PostgreSQL server programs: Debian's postgresql-15
// first, then wherever pg_config says.
func binDir() (string, error) {
	dirs := []string{"/usr/lib/postgresql/15/bin"}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	for _, d := range dirs {
		if throwaway.IsFile(filepath.Join(d, "initdb")) && throwaway.IsFile(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", fmt.Errorf("no PostgreSQL server programs (initdb, postgres) in %s: install PostgreSQL 15 "+
		"(apt-get install postgresql-15; scripts/test.sh does it) or set %s to a postgres:// URL of a server",
		strings.Join(dirs, " or "), EnvURL)
}

// startLocal starts a throwaway server for this test binary (or, through
// NewServer, for one test).
func startLocal() (*server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	// A server killed with its test binary may still run: its own pid
	// file keeps its folder.
	dir, err := throwaway.Mkdir(tempBase(), "congtin-pgtest-", "data/postmaster.pid")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, bin: bin}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(dir)
		}
	}()
	// initdb and postgres refuse to run as root: as root, they run as the
	// postgres system user, which then owns the directory.
	attr := &syscall.SysProcAttr{}
	if os.Geteuid() == 0 {
		pu, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, PostgreSQL must run as the postgres user: %w", err)
		}
		uid, _ := strconv.ParseUint(pu.Uid, 10, 32)
		gid, _ := strconv.ParseUint(pu.Gid, 10, 32)
		attr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, int(uid), int(gid)); err != nil {
			return nil, err
		}
	}
	s.data, s.attr = filepath.Join(dir, "data"), attr
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", s.data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions")
	initdb.Dir, initdb.Env, initdb.SysProcAttr = dir, childEnv(), attr
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	// A port can be taken between choosing and binding it: try a few.
	for range 3 {
		ports, perr := throwaway.FreePorts(1)
		if perr != nil {
			return nil, perr
		}
		if err = s.run(ports[0]); err == nil {
			ok = true
			return s, nil
		}
	}
	return nil, err
}

// tempBase is where the server's directory goes: the temporary directory,
// unless the postgres user could not reach into it.
func tempBase() string {
	base := os.TempDir()
	if os.Geteuid() == 0 {
		if fi, err := os.Stat(base); err != nil || fi.Mode().Perm()&0o001 == 0 {
			return "/tmp"
		}
	}
	return base
}

// childEnv is the environment of initdb and postgres: the C locale, and a
// server time zone ahead of UTC, so that a time handled in the server's
// zone by mistake shows in the tests.
func childEnv() []string {
	return []string{"PATH=/usr/bin:/bin", "LC_ALL=C", "LANG=C", "TZ=Asia/Ho_Chi_Minh"}
}

// run starts postgres on port and waits until it answers.
func (s *server) run(port int) error {
	logPath := filepath.Join(s.dir, "postgres.log")
	// Appended to: a server started again keeps the log of its first run.
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data, "-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+s.dir,
		// A throwaway server: no durability, as fast as it goes.
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=300", "-c", "timezone=Asia/Ho_Chi_Minh")
	a := *s.attr
	// Its own process group keeps a Ctrl-C at the terminal for the test
	// binary, which then stops the server; Pdeathsig stops it if the
	// binary dies without doing so.
	a.Setpgid, a.Pdeathsig = true, syscall.SIGQUIT
	cmd.Dir, cmd.Env, cmd.SysProcAttr, cmd.Stdout, cmd.Stderr = s.dir, childEnv(), &a, logf, logf
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()

	u := &url.URL{Scheme: "postgres", User: url.User("postgres"), Host: "127.0.0.1:" + strconv.Itoa(port), Path: "/postgres", RawQuery: "sslmode=disable"}
	admin, err := sql.Open("pgx", u.String())
	if err != nil {
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = admin.PingContext(ctx)
		cancel()
		if err == nil {
			s.url, s.admin, s.cmd, s.exited, s.port = u, admin, cmd, exited, port
			return nil
		}
		select {
		case <-exited:
			admin.Close()
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres exited: %s\n%s", cmd.ProcessState, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			admin.Close()
			_ = cmd.Process.Kill()
			<-exited
			log, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not answer in 60s: %v\n%s", err, log)
		}
	}
}
