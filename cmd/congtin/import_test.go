package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestImportThenServeCountsAcrossRestart imports with the real command,
// serves with the real binary, counts 100 views, restarts gracefully and
// finds every one of them.
func TestImportThenServeCountsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	file := writeJSON(t, dir, "a.json", articleRecords(15))
	out, errOut, err := runCmd(t, "import", "-db", db, file)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 15 || !strings.HasPrefix(paths[0], "/van-hoa-xa-hoi/day-manh-cong-tac-chuyen-hoa-dia-ban-trong-diem-dot-1-") {
		t.Fatalf("import printed %q", out)
	}
	// Idempotent: a second run updates, never duplicates.
	out2, errOut, err := runCmd(t, "import", "-db", db, file)
	if err != nil || out2 != out || !strings.Contains(errOut, "0 new, 15 updated") {
		t.Fatalf("re-import: %v %q %q", err, out2, errOut)
	}

	p := StartPortal(t, "serve", "-db", db)
	path := paths[0]
	if got := p.Views(path); got != "0" {
		t.Fatalf("initial views %s", got)
	}
	for range 100 {
		if code, _ := p.Get(path, browserUA); code != 200 {
			t.Fatalf("status %d", code)
		}
	}
	for range 100 {
		p.Get(path, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
	}
	if got := p.Views(path); got != "100" {
		t.Fatalf("after 100 browser and 100 Googlebot GETs: %s, want 100", got)
	}
	// Graceful restart: SIGTERM writes what is pending.
	for range 7 {
		p.Get(path, browserUA)
	}
	if err := p.Stop(syscall.SIGTERM); err != nil {
		t.Fatalf("graceful stop: %v\n%s", err, p.Log())
	}
	p2 := StartPortal(t, "serve", "-db", db)
	if got := p2.Views(path); got != "107" {
		t.Fatalf("after restart: %s, want 107", got)
	}
}

// TestImportBadInput: every bad file is refused with a message that names
// the problem, and the database is left as it was.
func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	good := writeJSON(t, dir, "good.json", articleRecords(3))
	if _, errOut, err := runCmd(t, "import", "-db", db, good); err != nil {
		t.Fatalf("import: %v %s", err, errOut)
	}
	recs := func(edit func([]map[string]any)) []map[string]any {
		r := articleRecords(4)
		r[3]["external_id"] = "new-one"
		edit(r)
		return r
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A 50 MB file: one record whose body is far over the limit.
	head := `[{"title":"Tin","category":"Tin tức","published_at":"2019-10-01T10:40:00+07:00","body":"`
	big := make([]byte, 50<<20)
	copy(big, head)
	for i := len(head); i < len(big)-3; i++ {
		big[i] = 'a'
	}
	copy(big[len(big)-3:], `"}]`)
	for _, tt := range []struct {
		name string
		file string
		says []string
	}{
		{"malformed", write("m.json", []byte(`[{"title": "a",]`)), []string{"malformed JSON at line 1"}},
		{"truncated", write("t.json", []byte(`[{"title": "a"}, {"title"`)), []string{"malformed JSON"}},
		{"not an array", write("o.json", []byte(`{"title": "a"}`)), []string{"expected a JSON array"}},
		{"empty", write("e.json", nil), []string{"empty"}},
		{"missing title", writeJSON(t, dir, "mt.json", recs(func(r []map[string]any) { delete(r[3], "title") })), []string{"record 3", "title"}},
		{"unparsable date", writeJSON(t, dir, "d.json", recs(func(r []map[string]any) { r[3]["published_at"] = "2019-02-30T10:00:00+07:00" })), []string{"record 3", "published_at"}},
		{"date without offset", writeJSON(t, dir, "d2.json", recs(func(r []map[string]any) { r[3]["published_at"] = "2019-10-01 10:40" })), []string{"record 3", "published_at"}},
		{"wrong type", writeJSON(t, dir, "w.json", recs(func(r []map[string]any) { r[3]["featured"] = "yes" })), []string{"record 3", "featured"}},
		{"unknown field", writeJSON(t, dir, "u.json", recs(func(r []map[string]any) { r[3]["titel"] = "x" })), []string{"record 3", "titel"}},
		{"invalid utf-8", write("i.json", []byte("[{\"title\": \"Tin \xff\xfe\"}]")), []string{"invalid UTF-8 at line 1"}},
		{"50 MB body", write("big.json", big), []string{"record 0", "body"}},
		{"javascript image", writeJSON(t, dir, "j.json", recs(func(r []map[string]any) { r[3]["image"] = "javascript:alert(1)" })), []string{"record 3", "image"}},
		{"missing file", filepath.Join(dir, "nope.json"), []string{"no such file"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, err := runCmd(t, "import", "-db", db, tt.file)
			if err == nil {
				t.Fatal("import succeeded")
			}
			for _, s := range tt.says {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr %q does not say %q", errOut, s)
				}
			}
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine") {
				t.Errorf("crashed: %s", errOut)
			}
		})
	}
	// The file over the size limit is refused before it is parsed.
	if _, errOut, err := runCmd(t, "import", "-db", db, "-max-bytes", "1000", filepath.Join(dir, "big.json")); err == nil || !strings.Contains(errOut, "larger than the limit") {
		t.Errorf("size limit: %v %q", err, errOut)
	}
	// Nothing of the bad files got in: still the 3 good articles.
	out, _, err := runCmd(t, "import", "-db", db, good)
	if err != nil || len(strings.Fields(out)) != 3 {
		t.Fatalf("re-import of the good file: %v %q", err, out)
	}
	p := StartPortal(t, "serve", "-db", db)
	_, body := p.Get("/van-hoa-xa-hoi", browserUA)
	if n := strings.Count(body, `class="card"`); n != 3 {
		t.Fatalf("category lists %d articles, want 3", n)
	}
	if strings.Contains(body, "new-one") {
		t.Fatal("a record of a failed import was written")
	}
}

// TestScriptInBodyIsSanitized: a <script> in an imported body never
// reaches the page.
func TestScriptInBodyIsSanitized(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	recs := articleRecords(1)
	recs[0]["body"] = `<p>An toàn</p><script>alert("xss")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><p style="position:fixed">y</p>`
	out, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "s.json", recs))
	if err != nil {
		t.Fatalf("import: %v %s", err, errOut)
	}
	p := StartPortal(t, "serve", "-db", db)
	_, body := p.Get(strings.TrimSpace(out), browserUA)
	for _, bad := range []string{`alert("xss")`, "onerror", "javascript:", "position:fixed"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(body, "An toàn") {
		t.Error("the safe text was lost")
	}
}

// TestImportProgressLines: an import whose stderr is not a terminal (a
// log, a pipe) reports each step's progress as plain lines, one at every
// tenth, with no carriage returns.
func TestImportProgressLines(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	_, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(20)))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	if strings.Contains(errOut, "\r") {
		t.Errorf("stderr redraws a bar though it is not a terminal: %q", errOut)
	}
	var want []string
	for i := 1; i <= 10; i++ {
		want = append(want, fmt.Sprintf("ghi bài viết: %d/20 (%d%%)", 2*i, 10*i))
	}
	want = append(want, "lập chỉ mục tìm kiếm: 20/20 (100%)")
	var got []string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.HasPrefix(l, "ghi bài viết:") || strings.HasPrefix(l, "lập chỉ mục tìm kiếm:") {
			got = append(got, l)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("progress lines:\n%s\nwant:\n%s\n(stderr %q)", strings.Join(got, "\n"), strings.Join(want, "\n"), errOut)
	}
}
