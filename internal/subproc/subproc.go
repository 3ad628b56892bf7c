// Package subproc runs an external program (pdftotext, pdftoppm,
// tesseract) as a bounded subprocess, the way congtin runs every program
// that reads an uploaded file:
//
//   - no shell: the program and its arguments are a list, and the caller
//     passes temporary paths, never a name a user chose;
//   - a time limit: the process (and its process group, so a child it
//     started cannot keep the pipes open) is killed at the deadline;
//   - a memory limit: Go cannot set a child's rlimit between fork and
//     exec, so when util-linux's prlimit is installed the program runs as
//     `prlimit --as=N --core=0 -- prog …`; prlimit execs the program, so
//     its exit and signals are the program's own;
//   - an output cap: stdout is read through a limit and the process is
//     stopped once the cap is passed; what came first is kept;
//   - a minimal environment: LANG=C.UTF-8 and PATH=/usr/bin:/bin, plus
//     what the caller adds.
package subproc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"time"
)

// Limits bound one run of a program.
type Limits struct {
	Timeout   time.Duration // killed at the deadline; 0: only the caller's context
	MaxMemory int64         // bytes of address space, via prlimit when it exists; 0: no limit
	MaxOutput int64         // bytes of stdout kept; the process is stopped when passed; 0: DefaultMaxOutput
	Prlimit   string        // path of prlimit; "" looks it up in PATH; "-" never uses it
	Dir       string        // working directory (a temporary one), optional
	Env       []string      // added to the minimal environment, e.g. "OMP_THREAD_LIMIT=1"
}

// DefaultMaxOutput is the output cap when Limits.MaxOutput is 0.
const DefaultMaxOutput = 16 << 20

// stderrKept is how much of stderr a Result and an error keep: enough
// for a program's message, not for a flood.
const stderrKept = 4096

// waitDelay is how long Wait waits for the pipes after the process is
// killed.
const waitDelay = 2 * time.Second

// Result is what a run gave.
type Result struct {
	Stdout    []byte
	Truncated bool   // stdout passed MaxOutput: the process was stopped, Stdout is its first MaxOutput bytes
	Stderr    string // the first 4 KiB
	// Unlimited reports that MaxMemory was asked for but prlimit was not
	// found, so the program ran without a memory limit (worth a log line).
	Unlimited bool
}

// ErrNotFound is the error of a program that is not installed (or not
// executable).
var ErrNotFound = errors.New("subproc: program not found")

// ErrTimeout is the error of a run stopped at its deadline.
var ErrTimeout = errors.New("subproc: time limit reached")

// Crashed is the error of a program killed by a signal: a crash, or,
// under the memory limit, an allocation that failed (SIGSEGV, SIGABRT,
// SIGKILL).
type Crashed struct {
	Prog   string
	Signal string // e.g. "segmentation fault"
	Stderr string
}

func (e *Crashed) Error() string {
	return fmt.Sprintf("%s killed by signal: %s: %s", e.Prog, e.Signal, e.Stderr)
}

// Failed is the error of a program that exited with a status other than 0.
type Failed struct {
	Prog   string
	Code   int
	Stderr string
}

func (e *Failed) Error() string {
	return fmt.Sprintf("%s exited with status %d: %s", e.Prog, e.Code, e.Stderr)
}

// Run runs prog with args within l and returns its output. prog is looked
// up in PATH unless it is a path. The error is ErrNotFound, ErrTimeout
// (wrapped), *Crashed, *Failed, or the caller's context's error; a run
// stopped at the output cap is not an error (Result.Truncated).
func Run(ctx context.Context, l Limits, prog string, args ...string) (*Result, error) {
	path, err := exec.LookPath(prog)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotFound, prog, err)
	}
	res := &Result{}
	name := path
	if l.MaxMemory > 0 {
		if lim := prlimit(l.Prlimit); lim != "" {
			name = lim
			args = append([]string{"--as=" + strconv.FormatInt(l.MaxMemory, 10), "--core=0", "--", path}, args...)
		} else {
			res.Unlimited = true
		}
	}
	if l.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, l.Timeout)
		defer cancel()
	}
	// A context of its own, cancelled to stop the program at the output
	// cap, so the deadline's error stays the caller's to read.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()

	cmd := exec.CommandContext(runCtx, name, args...)
	killGroup(cmd)
	cmd.WaitDelay = waitDelay
	cmd.Dir = l.Dir
	cmd.Env = append([]string{"LANG=C.UTF-8", "PATH=/usr/bin:/bin"}, l.Env...)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: stderrKept}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, ctxErr(ctx, prog)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrNotFound, prog, err)
	}
	limit := l.MaxOutput
	if limit <= 0 {
		limit = DefaultMaxOutput
	}
	stdout, rerr := io.ReadAll(io.LimitReader(out, limit+1))
	if int64(len(stdout)) > limit {
		res.Truncated = true
		stdout = stdout[:limit]
		stop()
	}
	werr := cmd.Wait()
	res.Stdout, res.Stderr = stdout, stderr.String()
	switch {
	case res.Truncated:
		return res, nil
	case ctx.Err() != nil:
		return res, ctxErr(ctx, prog)
	case werr != nil:
		var ee *exec.ExitError
		if errors.As(werr, &ee) {
			if sig := signalOf(ee); sig != "" {
				return res, &Crashed{Prog: prog, Signal: sig, Stderr: res.Stderr}
			}
			return res, &Failed{Prog: prog, Code: ee.ExitCode(), Stderr: res.Stderr}
		}
		return res, fmt.Errorf("%s: %w", prog, werr)
	case rerr != nil:
		return res, fmt.Errorf("%s: reading output: %w", prog, rerr)
	}
	return res, nil
}

// ctxErr is the error of a run its context ended: ErrTimeout at a
// deadline, the context's own error when the caller cancelled it.
func ctxErr(ctx context.Context, prog string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", prog, ErrTimeout)
	}
	return fmt.Errorf("%s: %w", prog, ctx.Err())
}

func prlimit(p string) string {
	switch p {
	case "-":
		return ""
	case "":
		p = "prlimit"
	}
	path, err := exec.LookPath(p)
	if err != nil {
		return ""
	}
	return path
}

// limitedWriter keeps the first n bytes written and drops the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
