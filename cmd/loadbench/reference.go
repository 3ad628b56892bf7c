package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// referenceFlag, as the first argument, makes the program the reference
// server instead of the benchmark: a separate process, as congtin is, so
// that neither shares a runtime with the load generator.
const referenceFlag = "-reference-server"

// The reference page's files in its folder.
const (
	refBody    = "page.html"
	refHeaders = "headers.json"
)

// saveReference writes the page congtin served, with the headers that
// describe it, for the reference server. Headers of the one response
// (date, cookies, framing) are left out; Content-Length is kept when
// congtin sent one, so that both answer with the same framing.
func saveReference(dir string, resp *http.Response, body []byte) error {
	h := resp.Header.Clone()
	for _, k := range []string{"Date", "Set-Cookie", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"} {
		h.Del(k)
	}
	if resp.ContentLength >= 0 {
		h.Set("Content-Length", strconv.FormatInt(resp.ContentLength, 10))
	}
	data, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, refHeaders), data, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, refBody), body, 0o644)
}

// referenceMain serves the page saved in the folder args[0] on a free
// loopback port, printing the address as its first line, until SIGTERM.
func referenceMain(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadbench "+referenceFlag+" DIR")
		return 2
	}
	if err := serveReference(args[0]); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench reference server:", err)
		return 1
	}
	return 0
}

func serveReference(dir string) error {
	body, err := os.ReadFile(filepath.Join(dir, refBody))
	if err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(dir, refHeaders))
	if err != nil {
		return err
	}
	var hdr http.Header
	if err := json.Unmarshal(data, &hdr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	// The same server settings as congtin's.
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for k, v := range hdr {
				h[k] = v
			}
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(body)
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	fmt.Println(ln.Addr().String())
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// startReference starts this program again as the reference server for
// the page saved in dir and returns it with its base URL.
func startReference(dir string) (*process, string, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(self, referenceFlag, dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	p, err := start("reference server", cmd)
	if err != nil {
		return nil, "", err
	}
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		if _, _, err := net.SplitHostPort(a); err != nil {
			p.kill()
			return nil, "", fmt.Errorf("reference server: no address (%q): %s", a, p.logTail())
		}
		return p, "http://" + a, nil
	case <-time.After(30 * time.Second):
		p.kill()
		return nil, "", fmt.Errorf("reference server: no address within 30s: %s", p.logTail())
	}
}
