package main_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/s3test"
)

// binary is the congtin command built once for these tests: they run the
// real program, as a user would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "congtin-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "congtin")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	pgtest.Stop()
	s3test.Stop()
	os.RemoveAll(dir)
	os.Exit(code)
}

const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

// runCmd runs congtin with args and returns stdout, stderr and the error.
func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// Portal is a running `congtin serve` process.
type Portal struct {
	t    *testing.T
	cmd  *exec.Cmd
	URL  string
	done chan error
	mu   sync.Mutex
	log  strings.Builder
}

var addrRE = regexp.MustCompile(`addr"?[=:]"?(127\.0\.0\.1:\d+)`) // text or JSON log

// StartPortal starts `congtin serve` (or another serving subcommand) on a
// free loopback port and waits until it answers.
func StartPortal(t *testing.T, args ...string) *Portal {
	t.Helper()
	return StartPortalIn(t, "", args...)
}

// StartPortalIn is StartPortal with dir as the working directory (empty:
// the test's), as nodes of a cluster have one each.
func StartPortalIn(t *testing.T, dir string, args ...string) *Portal {
	t.Helper()
	args = append(args, "-addr", "127.0.0.1:0", "-flush", "100ms")
	p := &Portal{t: t, cmd: exec.Command(binary, args...), done: make(chan error, 1)}
	p.cmd.Dir = dir
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.log.WriteString(line + "\n")
			p.mu.Unlock()
			if m := addrRE.FindStringSubmatch(line); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
		p.done <- p.cmd.Wait()
	}()
	select {
	case a := <-addr:
		p.URL = "http://" + a
	case err := <-p.done:
		t.Fatalf("congtin exited before serving: %v\n%s", err, p.Log())
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("congtin did not start\n%s", p.Log())
	}
	t.Cleanup(func() {
		// A failed test shows how the portal ended and its last words:
		// a browser's "connection refused" says only that it is gone.
		if t.Failed() {
			select {
			case err := <-p.done:
				p.done <- err
				t.Logf("congtin had exited (%v); the end of its log:\n%s", err, logTail(p.Log(), 60))
			default:
				t.Logf("congtin was still running; the end of its log:\n%s", logTail(p.Log(), 30))
			}
		}
		p.Stop(syscall.SIGKILL)
	})
	return p
}

// logTail is the last n lines of a log.
func logTail(log string, n int) string {
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Log returns what the process has logged so far.
func (p *Portal) Log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// Stop sends sig and waits for the process to exit, returning its error.
func (p *Portal) Stop(sig syscall.Signal) error {
	if p.cmd.ProcessState != nil {
		return nil
	}
	_ = p.cmd.Process.Signal(sig)
	select {
	case err := <-p.done:
		return err
	case <-time.After(30 * time.Second):
		p.cmd.Process.Kill()
		return fmt.Errorf("did not exit after %v", sig)
	}
}

// Get fetches path with a user agent, not following redirects.
func (p *Portal) Get(path, ua string) (int, string) {
	p.t.Helper()
	req, _ := http.NewRequest("GET", p.URL+path, nil)
	req.Header.Set("User-Agent", ua)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 30 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var viewsRE = regexp.MustCompile(`data-views="(\d+)"`)

// Views reads an article's shown count as a crawler, which does not count.
func (p *Portal) Views(path string) string {
	p.t.Helper()
	_, body := p.Get(path, "Googlebot/2.1 (+http://www.google.com/bot.html)")
	m := viewsRE.FindStringSubmatch(body)
	if m == nil {
		p.t.Fatalf("no view count on %s", path)
	}
	return m[1]
}

// writeJSON writes v as a JSON file in dir.
func writeJSON(t *testing.T, dir, name string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// articleRecords is an import file's content: n articles in one category,
// a day apart, the first on Tuesday 2019-10-01 10:40.
func articleRecords(n int) []map[string]any {
	var recs []map[string]any
	t0 := time.Date(2019, 10, 1, 10, 40, 0, 0, time.FixedZone("ICT", 7*3600))
	for i := range n {
		recs = append(recs, map[string]any{
			"title":        fmt.Sprintf("Đẩy mạnh công tác chuyển hóa địa bàn trọng điểm, đợt %d", i+1),
			"lead":         "Ban Chỉ đạo tỉnh sơ kết công tác chuyển hóa địa bàn trọng điểm về an ninh trật tự.",
			"body":         "<p>Đoạn một.</p><ul><li>Một</li></ul><p>Đoạn hai.</p>",
			"category":     "Văn hóa - xã hội",
			"author":       "Minh Anh",
			"published_at": t0.AddDate(0, 0, i).Format(time.RFC3339),
			"external_id":  fmt.Sprintf("test-%d", i),
		})
	}
	return recs
}
