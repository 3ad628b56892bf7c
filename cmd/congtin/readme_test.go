package main_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestConfigurationDocumentsEveryFlag: the configuration reference
// (docs/configuration.md) names every flag of every command, and every
// CONGTIN_ environment variable the flags mention, so it cannot fall
// behind the code.
func TestConfigurationDocumentsEveryFlag(t *testing.T) {
	ref, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(ref)
	commands := [][]string{
		{"serve"}, {"demo"}, {"import"}, {"site", "set"}, {"site", "add"}, {"user", "add"},
		{"user", "token"}, {"user", "password"}, {"reindex"}, {"backup"}, {"restore"}, {"copy-db"},
		{"qa", "purge"}, {"media", "check"},
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
				t.Errorf("docs/configuration.md does not document -%s (congtin %s)", f[1], strings.Join(c, " "))
			}
		}
		for _, v := range envRE.FindAllString(string(out), -1) {
			if !strings.Contains(doc, "`"+v+"`") {
				t.Errorf("docs/configuration.md does not document %s (congtin %s)", v, strings.Join(c, " "))
			}
		}
	}
}

// TestREADME: the README stays short enough to read (at most 12,000
// characters), the package map it links to (docs/architecture.md) names
// every package of the module, and
// every guide it links to exists.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(readme)
	archDoc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	arch := string(archDoc)
	if len(doc) > 12000 {
		t.Errorf("README.md is %d characters; keep it at most 12,000 and move details to docs/", len(doc))
	}
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}", "github.com/congtin/congtin/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	pkgs := strings.Fields(string(out))
	if len(pkgs) < 20 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	for _, p := range pkgs {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, "github.com/congtin/congtin"), "/")
		if rel == "" {
			rel = "congtin"
		}
		if !strings.Contains(arch, "`"+rel+"`") {
			t.Errorf("the package map in docs/architecture.md does not name %s", rel)
		}
	}
	for _, m := range regexp.MustCompile(`\]\((docs/[^)#]+)`).FindAllStringSubmatch(doc, -1) {
		if _, err := os.Stat("../../" + m[1]); err != nil {
			t.Errorf("the README links to %s: %v", m[1], err)
		}
	}
}
