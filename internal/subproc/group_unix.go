//go:build unix

package subproc

import (
	"os/exec"
	"syscall"
)

// killGroup starts the program in a process group of its own and kills
// the whole group when the run ends early: a program that started a
// child (a shell script, a helper) must not leave it running with the
// pipes open.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// signalOf names the signal that killed the process, or "".
func signalOf(ee *exec.ExitError) string {
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal().String()
	}
	return ""
}
