package main_test

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// deployDir holds the deployment files these tests check: the systemd
// unit, the Dockerfile and the compose layout of docs/deploy/README.md.
const deployDir = "../../docs/deploy"

// TestDeploySystemdUnit checks docs/deploy/congtin.service with
// systemd-analyze (verify must be silent, the security exposure low), that
// its hardening is written out, and that its syscall filter still lets
// congtin run pdftotext, pdftoppm, tesseract and prlimit.
func TestDeploySystemdUnit(t *testing.T) {
	analyze := lookTool(t, "systemd", "systemd-analyze", "/usr/bin/systemd-analyze")
	unit := readDeploy(t, "congtin.service")

	// verify needs ExecStart's program to exist: the binary under test.
	dir := t.TempDir()
	const exec0 = "ExecStart=/usr/local/bin/congtin serve\n"
	if strings.Count(unit, exec0) != 1 {
		t.Fatalf("congtin.service: want %q once", exec0)
	}
	path := filepath.Join(dir, "congtin.service")
	if err := os.WriteFile(path, []byte(strings.Replace(unit, exec0, "ExecStart="+binary+" serve\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// verify exits 0 even for unknown keys and unparsable values: it
	// only warns, so any output is a failure.
	if out, err := exec.Command(analyze, "verify", "--man=no", path).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify congtin.service: %v\n%s", err, out)
	}
	// Exposure on systemd's 0-10 scale, threshold in tenths: 2.0 or less
	// is what systemd calls OK.
	if out, err := exec.Command(analyze, "security", "--offline=yes", "--threshold=20", path).CombinedOutput(); err != nil {
		t.Errorf("systemd-analyze security: exposure above 2.0 (%v)\n%s", err, logTail(string(out), 3))
	}

	set := unitSettings(unit)
	for key, want := range map[string]string{
		"DynamicUser":             "yes",
		"StateDirectory":          "congtin",
		"ProtectSystem":           "strict",
		"ProtectHome":             "yes",
		"PrivateTmp":              "yes",
		"NoNewPrivileges":         "yes",
		"CapabilityBoundingSet":   "",
		"RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
		"SystemCallFilter":        "@system-service",
		"Restart":                 "on-failure",
		"EnvironmentFile":         "-/etc/congtin/congtin.env",
	} {
		if !slices.Contains(set[key], want) {
			t.Errorf("congtin.service: no %s=%s (has %q)", key, want, set[key])
		}
	}
	for _, key := range []string{"MemoryMax", "TimeoutStopSec"} {
		if len(set[key]) == 0 {
			t.Errorf("congtin.service: no %s", key)
		}
	}
	// The data must be where the unit lets congtin write.
	for _, v := range set["Environment"] {
		if name, val, _ := strings.Cut(v, "="); (name == "CONGTIN_DB" || name == "CONGTIN_MEDIA_DIR") && !strings.Contains(val, "/var/lib/congtin/") {
			t.Errorf("congtin.service: %s outside the StateDirectory /var/lib/congtin", v)
		}
	}

	// What the text-reading subprocesses need: fork and exec, waiting,
	// and prlimit's limits. @system-service allows them; a "~" line must
	// not take them away.
	needed := []string{"execve", "clone", "clone3", "fork", "vfork", "wait4", "prlimit64", "setrlimit"}
	allowed := map[string]bool{}
	for _, v := range set["SystemCallFilter"] {
		deny := strings.HasPrefix(v, "~")
		for _, name := range strings.Fields(strings.TrimPrefix(v, "~")) {
			for call := range syscallsOf(t, analyze, name) {
				allowed[call] = !deny
			}
		}
	}
	for _, call := range needed {
		if !allowed[call] {
			t.Errorf("congtin.service's SystemCallFilter refuses %s, which running pdftotext/tesseract under prlimit needs", call)
		}
	}

	checkRealSettings(t, "congtin.service", unit)
}

// TestDeployDockerfile checks docs/deploy/Dockerfile's stages, then runs
// its go build command as written and checks the binary is static, so the
// image cannot come to need cgo (and a C library distroless lacks).
func TestDeployDockerfile(t *testing.T) {
	stages := dockerStages(readDeploy(t, "Dockerfile"))
	byName := map[string]dockerStage{}
	for _, s := range stages {
		byName[s.name] = s
	}
	build, ok := byName["build"]
	if !ok || !strings.HasPrefix(build.from, "golang:") {
		t.Fatalf("Dockerfile: no golang build stage named build (stages %v)", stages)
	}
	// The image's Go must be the one go.mod asks for.
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(gomod))
	if goVersion == nil || build.from != "golang:"+goVersion[1] {
		t.Errorf("Dockerfile: build stage FROM %s, go.mod wants go %v", build.from, goVersion)
	}
	if last := stages[len(stages)-1]; !strings.HasPrefix(last.from, "gcr.io/distroless/static") {
		t.Errorf("Dockerfile: the default (last) stage is FROM %s, want gcr.io/distroless/static", last.from)
	}
	if full, ok := byName["full"]; !ok || !strings.HasPrefix(full.from, "debian:") || !strings.Contains(full.text, "tesseract-ocr-vie") || !strings.Contains(full.text, "poppler-utils") {
		t.Errorf("Dockerfile: no debian stage named full with poppler-utils and tesseract-ocr-vie")
	}
	for _, s := range []dockerStage{byName["full"], stages[len(stages)-1]} {
		user := s.instruction("USER ")
		if user == "" || strings.HasPrefix(user, "0") || strings.HasPrefix(user, "root") {
			t.Errorf("Dockerfile stage %s: runs as %q, want an unprivileged user", s.name, user)
		}
		for _, ins := range []string{"VOLUME /var/lib/congtin", "EXPOSE 8080", "ENTRYPOINT"} {
			if !strings.Contains(s.text, "\n"+ins) {
				t.Errorf("Dockerfile stage %s: no %s", s.name, ins)
			}
		}
	}

	// The build stage's ENV CGO_ENABLED=0 and its go build, run as the
	// image runs them (output path aside).
	if !regexp.MustCompile(`(?m)^ENV CGO_ENABLED=0$`).MatchString(build.text) {
		t.Fatalf("Dockerfile: the build stage lacks ENV CGO_ENABLED=0")
	}
	run := "go build " + build.instruction("RUN go build ")
	args := shellFields(run)
	out := slices.Index(args, "-o")
	if out < 0 || out+1 >= len(args) || !slices.Contains(args, "-trimpath") || !slices.Contains(args, "./cmd/congtin") {
		t.Fatalf("Dockerfile: the build stage's go build is %q, want -trimpath, -o and ./cmd/congtin", run)
	}
	bin := filepath.Join(t.TempDir(), "congtin")
	args[out+1] = bin
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", run, err, b)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the Dockerfile's binary is dynamically linked (%s): distroless/static cannot run it", p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the Dockerfile's binary needs %v", libs)
	}
	if f.Section(".symtab") != nil {
		t.Errorf("the Dockerfile's binary keeps its symbol table: -ldflags \"-s -w\" not applied")
	}
}

// TestDeployCompose validates docs/deploy/compose.yaml with docker-compose
// (which needs no engine for config), with the example secret files in
// place, and checks that its layout hangs together.
func TestDeployCompose(t *testing.T) {
	compose := lookTool(t, "docker-compose", "docker-compose", "/usr/bin/docker-compose")
	// compose.yaml builds from ../.. and reads its secrets beside itself:
	// a copy, so that nothing is written into the repository.
	root := t.TempDir()
	dir := filepath.Join(root, "docs", "deploy")
	if err := os.CopyFS(dir, os.DirFS(deployDir)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"congtin.env", "postgres.env", "s3.json"} {
		b := readDeploy(t, name+".example")
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "tls"), 0o700); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(compose, append([]string{"-f", "compose.yaml", "--project-name", "congtin"}, args...)...)
		cmd.Dir = dir
		// Nothing from the machine's own compose settings.
		cmd.Env = slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, "COMPOSE_") || strings.HasPrefix(v, "DOCKER_") })
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("docker-compose %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run("config", "-q"); strings.TrimSpace(out) != "" {
		t.Errorf("docker-compose config -q warns:\n%s", out)
	}
	services := strings.Fields(run("config", "--services"))
	slices.Sort(services)
	if want := []string{"congtin-a", "congtin-b", "nginx", "postgres", "seaweedfs", "seaweedfs-bucket"}; !slices.Equal(services, want) {
		t.Errorf("compose services %v, want %v", services, want)
	}

	// Every long-running service has a health check the others wait on.
	doc := readDeploy(t, "compose.yaml")
	if n := strings.Count(doc, "\n  healthcheck:\n") + strings.Count(doc, "\n    healthcheck:\n"); n != 4 {
		t.Errorf("compose.yaml: %d health checks, want 4 (congtin's shared one, postgres, seaweedfs, nginx)", n)
	}
	// congtin trusts exactly nginx's fixed address.
	ip := regexp.MustCompile(`ipv4_address: (\S+)`).FindStringSubmatch(doc)
	proxies := regexp.MustCompile(`- -trusted-proxies\n\s+- (\S+)`).FindStringSubmatch(doc)
	if ip == nil || proxies == nil || proxies[1] != ip[1]+"/32" {
		t.Errorf("compose.yaml: nginx at %v, congtin trusts %v", ip, proxies)
	}
	// The nodes share no disk: no bind mount or named volume on congtin.
	if anchor := doc[strings.Index(doc, "x-congtin:"):strings.Index(doc, "\nservices:")]; strings.Contains(anchor, "volumes:") {
		t.Errorf("compose.yaml: the congtin nodes mount volumes; they must share nothing but PostgreSQL and the object store")
	}
	// The S3 identity congtin signs with is the one SeaweedFS knows.
	env, s3 := readDeploy(t, "congtin.env.example"), readDeploy(t, "s3.json.example")
	for _, pair := range [][2]string{{"AWS_ACCESS_KEY_ID", `"accessKey": "`}, {"AWS_SECRET_ACCESS_KEY", `"secretKey": "`}} {
		v := regexp.MustCompile(`(?m)^` + pair[0] + `=(.+)$`).FindStringSubmatch(env)
		if v == nil || !strings.Contains(s3, pair[1]+v[1]+`"`) {
			t.Errorf("congtin.env.example's %s is not s3.json.example's", pair[0])
		}
	}
	checkRealSettings(t, "compose.yaml", doc)
	checkRealSettings(t, "congtin.env.example", env)
}

// TestDeployNginxCompose checks that the compose layout's nginx proxies
// exactly as docs/nginx/congtin.conf does, and that nginx accepts the file.
func TestDeployNginxCompose(t *testing.T) {
	conf := readDeploy(t, "nginx-compose.conf")
	ref, err := os.ReadFile("../../docs/nginx/congtin.conf")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := proxyLocation(conf), proxyLocation(string(ref)); a == "" || a != b {
		t.Errorf("nginx-compose.conf's location / differs from docs/nginx/congtin.conf's:\n%s\n---\n%s", a, b)
	}
	nginx := docfiletest.Tool(t, "nginx", "/usr/sbin/nginx")
	dir := t.TempDir()
	certPath, keyPath := filepath.Join(dir, "portal.crt"), filepath.Join(dir, "portal.key")
	selfSigned(t, certPath, keyPath)
	// nginx -t resolves upstream names, which exist only inside compose.
	for _, rep := range [][2]string{
		{"server congtin-a:8080", "server 127.0.0.1:" + freePort(t)},
		{"server congtin-b:8080", "server 127.0.0.1:" + freePort(t)},
		{"listen 80;", "listen 127.0.0.1:" + freePort(t) + ";"},
		{"listen [::]:80;", ""},
		{"listen 443 ssl http2;", "listen 127.0.0.1:" + freePort(t) + " ssl http2;"},
		{"listen [::]:443 ssl http2;", ""},
		{"/etc/nginx/tls/portal.crt", certPath},
		{"/etc/nginx/tls/portal.key", keyPath},
	} {
		if c := strings.Count(conf, rep[0]); c != 1 {
			t.Fatalf("nginx-compose.conf has %q %d times, want once", rep[0], c)
		}
		conf = strings.Replace(conf, rep[0], rep[1], 1)
	}
	if err := os.WriteFile(filepath.Join(dir, "congtin.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	main := "events {}\nhttp {\n    include " + filepath.Join(dir, "congtin.conf") + ";\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(nginx, "-t", "-q", "-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-e", "stderr", "-g", "pid "+filepath.Join(dir, "nginx.pid")+"; error_log stderr;").CombinedOutput()
	if err != nil {
		t.Errorf("nginx -t nginx-compose.conf: %v\n%s", err, out)
	}
}

// proxyLocation returns the "location / {…}" block that proxies to
// congtin, or "".
func proxyLocation(conf string) string {
	m := regexp.MustCompile(`(?s)\n    location / \{\n        proxy_pass .*?\n    \}\n`).FindString(conf)
	return m
}

// checkRealSettings fails for every -flag (in a "- -flag" list item or a
// command line) and CONGTIN_ variable of a deployment file that
// `congtin serve -h` does not know: the files must name only what exists.
func checkRealSettings(t *testing.T, name, text string) {
	t.Helper()
	// -h exits with status 1, as every flag error does.
	_, help, _ := runCmd(t, "serve", "-h")
	if !strings.Contains(help, "Usage of serve") {
		t.Fatalf("congtin serve -h printed no usage:\n%s", help)
	}
	flags := regexp.MustCompile(`(?m)^\s*- -([a-z][a-z-]*)$`).FindAllStringSubmatch(text, -1)
	if strings.Contains(text, "ExecStart=") {
		flags = append(flags, regexp.MustCompile(` -([a-z][a-z-]*)`).FindAllStringSubmatch(text[strings.Index(text, "ExecStart="):], 1)...)
	}
	for _, f := range flags {
		if !strings.Contains(help, "\n  -"+f[1]+" ") && !strings.Contains(help, "\n  -"+f[1]+"\n") && !strings.Contains(help, " -"+f[1]+" ") {
			t.Errorf("%s: congtin serve has no flag -%s", name, f[1])
		}
	}
	// CONGTIN_SMTP_* stands for a family: some variable must start so.
	for _, v := range regexp.MustCompile(`CONGTIN_[A-Z_]*[A-Z](_\*)?`).FindAllString(text, -1) {
		word := `\b` + v + `\b`
		if family, ok := strings.CutSuffix(v, "*"); ok {
			word = `\b` + family + `[A-Z_]*[A-Z]\b`
		}
		if !regexp.MustCompile(word).MatchString(help) {
			t.Errorf("%s: congtin serve reads no %s", name, v)
		}
	}
}

// dockerStage is one FROM … AS … section of a Dockerfile.
type dockerStage struct {
	from, name, text string
}

// instruction returns what follows prefix on the stage's last line that
// starts with it, or "".
func (s dockerStage) instruction(prefix string) string {
	var last string
	for line := range strings.Lines(s.text) {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			last = strings.TrimSpace(rest)
		}
	}
	return last
}

// dockerStages splits a Dockerfile into its stages, continuation lines
// joined.
func dockerStages(file string) []dockerStage {
	file = strings.ReplaceAll(file, "\\\n", " ")
	var stages []dockerStage
	for line := range strings.Lines(file) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "FROM" {
			s := dockerStage{from: f[1]}
			if len(f) == 4 && strings.EqualFold(f[2], "AS") {
				s.name = f[3]
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) > 0 && !strings.HasPrefix(line, "#") {
			stages[len(stages)-1].text += "\n" + strings.TrimRight(line, "\n")
		}
	}
	return stages
}

// shellFields splits a RUN line as sh would, for the plain words and
// double-quoted strings a go build line holds.
func shellFields(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
			}
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out
}

// syscallsOf expands a systemd syscall group (@name, nested groups
// included) or a single call into the calls it names.
func syscallsOf(t *testing.T, analyze, name string) map[string]bool {
	t.Helper()
	calls := map[string]bool{}
	if !strings.HasPrefix(name, "@") {
		calls[name] = true
		return calls
	}
	out, err := exec.Command(analyze, "syscall-filter", name).Output()
	if err != nil {
		t.Fatalf("systemd-analyze syscall-filter %s: %v", name, err)
	}
	for i, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if i == 0 || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for c := range syscallsOf(t, analyze, line) {
			calls[c] = true
		}
	}
	return calls
}

// unitSettings reads a unit file's Key=Value lines, every value of a key
// repeated.
func unitSettings(unit string) map[string][]string {
	set := map[string][]string{}
	for line := range strings.Lines(unit) {
		line = strings.TrimSpace(line)
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			set[k] = append(set[k], v)
		}
	}
	return set
}

// readDeploy returns a file of docs/deploy.
func readDeploy(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(deployDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lookTool finds a program (a name in PATH, or an absolute path) and
// fails the test naming the Debian package to install when there is none:
// unlike docfiletest.Tool it never skips, so a deployment file cannot go
// unchecked because its checker is missing (scripts/test.sh installs it).
func lookTool(t *testing.T, pkg string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatalf("%s not found: install Debian's %s package (apt-get install %s)", names[0], pkg, pkg)
	return ""
}
