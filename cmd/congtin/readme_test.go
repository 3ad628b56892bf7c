package main_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEDocumentsEveryFlag: the configuration reference in the README
// names every flag of every command, and every CONGTIN_ environment
// variable the flags mention, so it cannot fall behind the code.
func TestREADMEDocumentsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(readme)
	commands := [][]string{
		{"serve"}, {"demo"}, {"import"}, {"site", "set"}, {"site", "add"}, {"user", "add"},
		{"user", "token"}, {"user", "password"}, {"reindex"}, {"backup"}, {"restore"}, {"copy-db"},
		{"qa", "purge"},
	}
	flagRE := regexp.MustCompile(`(?m)^\s+-([a-z][a-z0-9-]*)`)
	envRE := regexp.MustCompile(`CONGTIN_[A-Z_]+`)
	seen := map[string]bool{}
	for _, c := range commands {
		out, _ := exec.Command(binary, append(c, "-h")...).CombinedOutput()
		flags := flagRE.FindAllStringSubmatch(string(out), -1)
		if len(flags) == 0 {
			t.Fatalf("congtin %s -h lists no flags:\n%s", strings.Join(c, " "), out)
		}
		for _, f := range flags {
			if seen[f[1]] {
				continue
			}
			seen[f[1]] = true
			if !strings.Contains(doc, "`-"+f[1]+"`") {
				t.Errorf("README does not document -%s (congtin %s)", f[1], strings.Join(c, " "))
			}
		}
		for _, v := range envRE.FindAllString(string(out), -1) {
			if !strings.Contains(doc, "`"+v+"`") {
				t.Errorf("README does not document %s (congtin %s)", v, strings.Join(c, " "))
			}
		}
	}
}
