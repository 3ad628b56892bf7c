//go:build !unix

package subproc

import "os/exec"

// killGroup does nothing where there are no process groups: the program
// alone is killed.
func killGroup(*exec.Cmd) {}

// signalOf names the signal that killed the process: -1 is the exit code
// of a process killed by one.
func signalOf(ee *exec.ExitError) string {
	if ee.ExitCode() == -1 {
		return ee.String()
	}
	return ""
}
