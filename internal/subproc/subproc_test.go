package subproc_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/subproc"
)

// script writes an executable shell script into a temporary directory:
// a fake program that behaves badly on purpose.
func script(t *testing.T, body string) string { return docfiletest.Program(t, body) }

func TestRunOK(t *testing.T) {
	p := script(t, `echo "$1 $LANG $PATH $EXTRA $HOME"; pwd; echo warn >&2`)
	dir := t.TempDir()
	res, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second, Dir: dir, Env: []string{"EXTRA=x"}}, p, "tiếng Việt")
	if err != nil {
		t.Fatal(err)
	}
	want := "tiếng Việt C.UTF-8 /usr/bin:/bin x \n" + dir + "\n"
	if string(res.Stdout) != want || res.Stderr != "warn\n" || res.Truncated {
		t.Errorf("got %q, stderr %q, truncated %v; want %q", res.Stdout, res.Stderr, res.Truncated, want)
	}
}

func TestRunTimeout(t *testing.T) {
	// The sleep is the script's child: killing the script alone would
	// leave it holding stdout open.
	p := script(t, "echo started; sleep 30; echo never")
	start := time.Now()
	_, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 300 * time.Millisecond}, p)
	if !errors.Is(err, subproc.ErrTimeout) {
		t.Fatalf("err %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("stopped after %v, want about 300ms", d)
	}
}

func TestRunCancelled(t *testing.T) {
	p := script(t, "sleep 30")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := subproc.Run(ctx, subproc.Limits{Timeout: 10 * time.Second}, p)
	if !errors.Is(err, context.Canceled) || errors.Is(err, subproc.ErrTimeout) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

func TestRunCrashed(t *testing.T) {
	p := script(t, "echo dying >&2; kill -SEGV $$")
	_, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second}, p)
	var c *subproc.Crashed
	if !errors.As(err, &c) {
		t.Fatalf("err %v, want *Crashed", err)
	}
	if c.Signal != "segmentation fault" || c.Stderr != "dying\n" {
		t.Errorf("signal %q, stderr %q", c.Signal, c.Stderr)
	}
}

func TestRunFailed(t *testing.T) {
	p := script(t, "echo 'Error opening file' >&2; exit 3")
	_, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second}, p)
	var f *subproc.Failed
	if !errors.As(err, &f) || f.Code != 3 || f.Stderr != "Error opening file\n" {
		t.Fatalf("err %#v, want *Failed with status 3 and the message", err)
	}
}

func TestRunOutputCap(t *testing.T) {
	p := script(t, "yes 'chữ chữ chữ'")
	start := time.Now()
	res, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 10 * time.Second, MaxOutput: 1000}, p)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || len(res.Stdout) != 1000 || !strings.HasPrefix(string(res.Stdout), "chữ chữ chữ\n") {
		t.Errorf("truncated %v, %d bytes", res.Truncated, len(res.Stdout))
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("stopped after %v", d)
	}
}

func TestRunStderrCap(t *testing.T) {
	p := script(t, "yes error | head -c 100000 >&2; exit 1")
	_, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second}, p)
	var f *subproc.Failed
	if !errors.As(err, &f) || len(f.Stderr) != 4096 {
		t.Fatalf("err %v: want *Failed with 4 KiB of stderr", err)
	}
}

func TestRunNotFound(t *testing.T) {
	for _, prog := range []string{"congtin-no-such-program", filepath.Join(t.TempDir(), "missing")} {
		if _, err := subproc.Run(context.Background(), subproc.Limits{}, prog); !errors.Is(err, subproc.ErrNotFound) {
			t.Errorf("%s: err %v, want ErrNotFound", prog, err)
		}
	}
	// A file that is not executable is not a program either.
	p := filepath.Join(t.TempDir(), "data")
	os.WriteFile(p, []byte("#!/bin/sh\n"), 0o600)
	if _, err := subproc.Run(context.Background(), subproc.Limits{}, p); !errors.Is(err, subproc.ErrNotFound) {
		t.Errorf("not executable: err %v, want ErrNotFound", err)
	}
}

func TestRunMemoryLimit(t *testing.T) {
	lim := docfiletest.Tool(t, "prlimit")
	// The shell reports its limit: prlimit set it before exec.
	p := script(t, "ulimit -v")
	res, err := subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second, MaxMemory: 256 << 20, Prlimit: lim}, p)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(res.Stdout)); got != "262144" || res.Unlimited {
		t.Errorf("ulimit -v %q (unlimited %v), want 262144 KiB", got, res.Unlimited)
	}
	// A program that allocates past it is refused memory and fails.
	res, err = subproc.Run(context.Background(), subproc.Limits{Timeout: 10 * time.Second, MaxMemory: 64 << 20, Prlimit: lim},
		"/bin/sh", "-c", `x=$(head -c 200000000 /dev/zero | tr '\0' a); echo ${#x}`)
	if err == nil {
		t.Fatalf("allocating 200 MB under a 64 MB limit succeeded: %q", res.Stdout)
	}
	// Without prlimit the run goes on, and says so.
	res, err = subproc.Run(context.Background(), subproc.Limits{Timeout: 5 * time.Second, MaxMemory: 256 << 20, Prlimit: "-"}, p)
	if err != nil || !res.Unlimited || strings.TrimSpace(string(res.Stdout)) != "unlimited" {
		t.Errorf("without prlimit: %v, unlimited %v, %q", err, res.Unlimited, res.Stdout)
	}
}
