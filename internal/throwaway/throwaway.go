// Package throwaway is what the servers tests and benchmarks start for
// themselves (PostgreSQL in internal/pgtest, SeaweedFS in internal/seaweed)
// share: a temporary folder that names its owner's process, the removal of
// folders whose owner died without cleaning up (a test binary killed at
// its timeout), and a free loopback port.
package throwaway

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ownerFile names the process that made a folder.
const ownerFile = "owner.pid"

// Mkdir removes the stale folders of this prefix under base, then makes a
// new one that names this process as its owner.
func Mkdir(base, prefix string, alsoAlive ...string) (string, error) {
	ReapStale(base, prefix, alsoAlive...)
	dir, err := os.MkdirTemp(base, prefix)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// ReapStale removes the folders base/prefix* whose owner is dead and whose
// pid files named in alsoAlive (relative to the folder: a server's own
// pid file, e.g. "data/postmaster.pid") name no live process either. A
// folder without its owner's file is being set up right now and is left.
func ReapStale(base, prefix string, alsoAlive ...string) {
	dirs, _ := filepath.Glob(filepath.Join(base, prefix+"*"))
	for _, d := range dirs {
		owner := filepath.Join(d, ownerFile)
		if !IsFile(owner) || alive(owner) {
			continue
		}
		live := false
		for _, p := range alsoAlive {
			live = live || alive(filepath.Join(d, p))
		}
		if !live {
			os.RemoveAll(d)
		}
	}
}

// alive reports whether the process whose ID starts the file pidFile runs,
// or might: an unreadable file counts as alive, so nothing is removed on a
// guess.
func alive(pidFile string) bool {
	b, err := os.ReadFile(pidFile)
	if errors.Is(err, os.ErrNotExist) {
		return false
	} else if err != nil {
		return true
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || pid <= 0 {
		return false
	}
	return syscall.Kill(pid, 0) != syscall.ESRCH
}

// IsFile reports whether p is a file (not a folder).
func IsFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// FreePorts returns n different loopback ports free a moment ago: the
// caller binds them soon and tries others if one was taken in between.
func FreePorts(n int) ([]int, error) {
	ports := make([]int, n)
	// Held open together, so that they are all different.
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports, nil
}
