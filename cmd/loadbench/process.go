package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// buildCongtin builds the binary being measured into dir. It needs the
// working directory to be inside the module, as scripts/loadbench.sh makes
// sure.
func buildCongtin(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "congtin")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/congtin/congtin/cmd/congtin")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build congtin (run from the repository, or give -congtin): %v\n%s", err, out)
	}
	return bin, nil
}

// process is a started child process.
type process struct {
	name string
	cmd  *exec.Cmd
	log  *logBuffer // its stderr (and stdout, unless piped elsewhere)
	done chan struct{}
	err  error // from Wait, once done is closed
}

func start(name string, cmd *exec.Cmd) (*process, error) {
	p := &process{name: name, cmd: cmd, log: &logBuffer{}, done: make(chan struct{})}
	cmd.Stderr = p.log
	if cmd.Stdout == nil {
		cmd.Stdout = cmd.Stderr
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *process) pid() int { return p.cmd.Process.Pid }

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// logTail is the end of the process's output, for error messages.
func (p *process) logTail() string { return p.log.tail() }

// stop sends SIGTERM and waits for the process to exit, killing it after
// timeout. The error says whether it exited cleanly.
func (p *process) stop(timeout time.Duration) error {
	if !p.exited() {
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("%s: SIGTERM: %w", p.name, err)
		}
	}
	select {
	case <-p.done:
	case <-time.After(timeout):
		_ = p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("%s did not exit within %s of SIGTERM; killed", p.name, timeout)
	}
	if p.err != nil {
		return fmt.Errorf("%s exited after SIGTERM with %v: %s", p.name, p.err, p.logTail())
	}
	return nil
}

// kill ends the process if it still runs, for the error paths.
func (p *process) kill() {
	if !p.exited() {
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// startCongtin runs congtin serve on a free loopback port and waits for
// the first 200 on /, returning the time from exec to that response;
// extra are more flags for serve.
func startCongtin(ctx context.Context, bin, dbURL string, flush time.Duration, extra ...string) (*process, string, time.Duration, error) {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, "", 0, err
	}
	base := "http://" + addr
	client := setupClient()
	defer client.CloseIdleConnections()
	began := time.Now()
	// Request logs off: the benchmark measures serving, and a log line per
	// request would also load this process, which reads the pipe.
	cmd := exec.Command(bin, append([]string{"serve", "-addr", addr, "-flush", flush.String(), "-log-requests=false"}, extra...)...)
	cmd.Env = withDB(dbURL)
	p, err := start("congtin", cmd)
	if err != nil {
		return nil, "", 0, err
	}
	deadline := began.Add(2 * time.Minute)
	for {
		status, _, err := fetch(ctx, client, base+"/")
		if err == nil && status == http.StatusOK {
			return p, base, time.Since(began), nil
		}
		if p.exited() {
			return nil, "", 0, fmt.Errorf("congtin exited before serving a page: %v: %s", p.err, p.logTail())
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			p.kill()
			return nil, "", 0, fmt.Errorf("congtin served no page within %s (last: %d %v): %s", time.Since(began).Round(time.Second), status, err, p.logTail())
		}
		// Retry at once after an answer that was not 200; wait a little
		// while nothing listens yet.
		if err != nil {
			time.Sleep(2 * time.Millisecond)
		}
	}
}

// freeLoopbackAddr returns a loopback address nothing listens on now.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	return addr, ln.Close()
}

// memory is what /proc/PID/status says of a process's memory.
type memory struct {
	peak, rss, anon, file int64 // bytes: VmHWM, VmRSS, RssAnon, RssFile
	err                   error
}

// readMemory reads /proc/PID/status (Linux only).
func readMemory(pid int) memory {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{err: err}
	}
	defer f.Close()
	var m memory
	fields := map[string]*int64{"VmHWM:": &m.peak, "VmRSS:": &m.rss, "RssAnon:": &m.anon, "RssFile:": &m.file}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 3 && fs[2] == "kB" {
			if p := fields[fs[0]]; p != nil {
				kb, _ := strconv.ParseInt(fs[1], 10, 64)
				*p = kb << 10
			}
		}
	}
	if err := sc.Err(); err != nil {
		return memory{err: err}
	}
	if m.peak == 0 {
		return memory{err: errors.New("no VmHWM in /proc/PID/status")}
	}
	return m
}

// logBuffer keeps the end of a child's output, readable while the child
// writes it.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	// Keep the last half megabyte or so: the tail is what errors show.
	if l.b.Len() > 1<<20 {
		rest := bytes.Clone(l.b.Bytes()[l.b.Len()-(512<<10):])
		l.b.Reset()
		l.b.Write(rest)
	}
	return l.b.Write(b)
}

// tail returns the last 2,000 bytes.
func (l *logBuffer) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return strings.TrimSpace(s)
}

// cpuTicks returns the CPU time a process has used, in clock ticks (Linux).
func cpuTicks(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: count fields
	// from after it. utime and stime are fields 14 and 15.
	i := bytes.LastIndexByte(data, ')')
	fs := strings.Fields(string(data[i+1:]))
	if i < 0 || len(fs) < 13 {
		return 0, errors.New("unexpected /proc/PID/stat")
	}
	u, err1 := strconv.ParseInt(fs[11], 10, 64)
	s, err2 := strconv.ParseInt(fs[12], 10, 64)
	return u + s, errors.Join(err1, err2)
}

// waitIdle waits until the process uses less than a quarter of a core, so
// that requests it still works on (ones a client gave up on) do not slow
// the next scenario. It gives up after limit, and at once where /proc is
// missing.
func waitIdle(ctx context.Context, pid int, limit time.Duration) (time.Duration, bool) {
	const every = time.Second
	began := time.Now()
	last, err := cpuTicks(pid)
	if err != nil {
		return 0, true
	}
	for time.Since(began) < limit && ctx.Err() == nil {
		time.Sleep(every)
		now, err := cpuTicks(pid)
		if err != nil {
			return time.Since(began), true
		}
		if now-last <= 25 { // 250 ms of CPU at 100 ticks a second
			return time.Since(began), true
		}
		last = now
	}
	return time.Since(began), false
}

// memSampler polls a process's memory while the load runs, for the peaks
// by kind that VmHWM does not give, and for how it moves over time.
type memSampler struct {
	stop, done chan struct{}
	peak       memory   // the largest of each field seen
	series     []memory // every sample, the first at the start; read after finish
}

func sampleMemory(pid int, every time.Duration) *memSampler {
	m := &memSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s := readMemory(pid)
			m.series = append(m.series, s)
			if s.err == nil {
				m.peak.rss = max(m.peak.rss, s.rss)
				m.peak.anon = max(m.peak.anon, s.anon)
				m.peak.file = max(m.peak.file, s.file)
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// finish stops the sampling and returns the peaks.
func (m *memSampler) finish() memory {
	close(m.stop)
	<-m.done
	return m.peak
}
