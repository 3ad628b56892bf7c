package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/corpus"
)

// generatorVersion names the generated content in the cache key; change it
// whenever portal.record changes, so that no older portal is reused.
const generatorVersion = 1

// Category names, top level and below; beyond these lists they are numbered.
var (
	topNames = []string{"Tin tức - Sự kiện", "Kinh tế", "Văn hóa - xã hội", "Quốc phòng - An ninh", "Chính trị",
		"Khoa học - Công nghệ", "Pháp luật", "Đối ngoại", "Thông báo", "Chỉ đạo điều hành"}
	childNames = []string{"Nông nghiệp", "Công nghiệp", "Thương mại - Dịch vụ", "Y tế", "Giáo dục", "Du lịch",
		"Thể thao", "Môi trường", "Giao thông", "Xây dựng", "Tài chính - Ngân sách", "Lao động - Việc làm",
		"Cải cách hành chính", "Chuyển đổi số", "Dân tộc - Tôn giáo", "An ninh trật tự", "Biên giới - Biển đảo",
		"Thanh niên", "Phụ nữ", "Cựu chiến binh"}
	authors = []string{"Minh Anh", "Thu Hà", "Quốc Bảo", "PV", "Hoàng Long", "Ngọc Lan"}
)

// portal describes the generated portal. Record j is in category j mod
// len(cats), published at start + j·step, so every category holds n/len(cats)
// articles spread over seven years, about 40 a day for 100,000.
type portal struct {
	n, words int
	// cats are the categories as import records name them: a quarter top
	// level, the others under them ("Kinh tế > Nông nghiệp"). A top-level
	// category page lists its children's articles too, as on real portals,
	// so with 20 categories each of the five top-level ones holds a fifth
	// of the articles: 1,000 pages of 20 for 100,000.
	cats  []string
	start time.Time
	step  time.Duration
}

func newPortal(n, categories, words int) *portal {
	tops := max(1, categories/4)
	children := make([][]string, tops)
	for i := range categories - tops {
		name := fmt.Sprintf("Chuyên đề %d", i+1)
		if i < len(childNames) {
			name = childNames[i]
		}
		children[i%tops] = append(children[i%tops], name)
	}
	p := &portal{n: n, words: words, start: time.Date(2018, 1, 1, 7, 30, 0, 0, congtin.VietnamZone)}
	for t := range tops {
		top := fmt.Sprintf("Chuyên mục %d", t+1)
		if t < len(topNames) {
			top = topNames[t]
		}
		p.cats = append(p.cats, top)
		for _, c := range children[t] {
			p.cats = append(p.cats, top+congtin.CategoryPathSep+c)
		}
	}
	p.step = max(time.Second, 7*365*24*time.Hour/time.Duration(n))
	return p
}

// key names the portal in the cache.
func (p *portal) key() string {
	return fmt.Sprintf("n%d-c%d-w%d-v%d", p.n, len(p.cats), p.words, generatorVersion)
}

func (p *portal) publishedAt(j int) time.Time { return p.start.Add(time.Duration(j) * p.step) }

// record returns the import record of article j; g must have made the
// records before it, in order.
func (p *portal) record(g *corpus.Generator, j int) congtin.ArticleImport {
	return congtin.ArticleImport{
		Title:       g.Title(),
		Lead:        g.Lead(),
		Body:        g.Body(p.words),
		Category:    p.cats[j%len(p.cats)],
		Author:      authors[j%len(authors)],
		PublishedAt: p.publishedAt(j).Format(time.RFC3339),
		ExternalID:  fmt.Sprintf("loadbench-%d", j),
		Featured:    j%100 == 0,
	}
}

// single is the record of the one article the main article scenario asks for.
func (p *portal) single() int { return p.n / 2 }

// rotating returns k records spread evenly over the portal (all of them
// when there are fewer).
func (p *portal) rotating(k int) []int {
	k = min(k, p.n)
	out := make([]int, k)
	for i := range out {
		out[i] = int(int64(i) * int64(p.n) / int64(k))
	}
	return out
}

// generation is a portal ready in a database.
type generation struct {
	dbURL string
	paths []string      // the public path of record j, as congtin import printed it
	took  time.Duration // zero when it came from the cache
	where string        // the cache manifest
}

// preparePortal returns the portal's database, generating it unless a
// manifest from an earlier run with the same key says it is there. The
// default database is a SQLite file in the cache folder, owned by
// loadbench. A SQLite -db given by the user is imported into only when the
// file does not exist yet, or with -fresh; any other -db (PostgreSQL)
// whenever no manifest of it is in the cache folder. Import runs update
// the articles of earlier ones, by external ID, and add no duplicates.
func preparePortal(ctx context.Context, p *portal, o *options, bin, work string, stderr io.Writer) (*generation, error) {
	gen := &generation{dbURL: o.db}
	owned := o.db == ""
	sqlitePath, isSQLite := strings.CutPrefix(o.db, "sqlite:")
	switch {
	case owned:
		dir := filepath.Join(o.cache, p.key())
		sqlitePath, isSQLite = filepath.Join(dir, "congtin.db"), true
		gen.dbURL = "sqlite:" + sqlitePath
		gen.where = filepath.Join(dir, "manifest.txt")
	case isSQLite:
		if sqlitePath == "" {
			return nil, errors.New("-db sqlite: needs a path")
		}
		gen.where = sqlitePath + ".loadbench"
	default:
		// Another store (postgres://…): congtin import writes to it as
		// well; the manifest stays here, keyed by the URL.
		h := sha256.Sum256([]byte(o.db))
		gen.where = filepath.Join(o.cache, "manifest-"+hex.EncodeToString(h[:6])+"-"+p.key()+".txt")
	}
	if !o.fresh {
		paths, err := readManifest(gen.where, p)
		if err == nil && isSQLite {
			if _, serr := os.Stat(sqlitePath); serr != nil {
				err = fmt.Errorf("the manifest is there but the database is not: %w", serr)
			}
		}
		if err == nil {
			gen.paths = paths
			fmt.Fprintf(stderr, "portal: cached, %s (delete %s or give -fresh to generate again)\n", dbForLog(gen.dbURL), gen.where)
			return gen, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "portal: not using the cache: %v\n", err)
		}
		if !owned && isSQLite {
			if _, err := os.Stat(sqlitePath); err == nil {
				return nil, fmt.Errorf("%s exists and was not generated by loadbench with these flags; give another -db, or -fresh to import %d articles into it anyway", sqlitePath, p.n)
			}
		}
	}
	if owned {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(sqlitePath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(gen.where), 0o755); err != nil {
		return nil, err
	}
	if isSQLite {
		if err := os.MkdirAll(filepath.Dir(sqlitePath), 0o755); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(stderr, "portal: generating %d articles into %s through congtin import\n", p.n, dbForLog(gen.dbURL))
	start := time.Now()
	paths, err := generate(ctx, p, bin, gen.dbURL, work, stderr)
	if err != nil {
		return nil, err
	}
	gen.took, gen.paths = time.Since(start), paths
	if err := writeManifest(gen.where, p, paths); err != nil {
		return nil, err
	}
	return gen, nil
}

// importBatch is the number of records per congtin import: a file of some
// 30 MB at most, far below its size limit. Fewer, larger batches save
// congtin's start-up per file, which grows with the database.
func importBatch(words int) int { return max(1, min(5000, 40_000_000/(words*7+2000))) }

// generate writes the portal's records as JSON files, one batch at a time,
// and imports each with `congtin import`, the path every real import takes.
// The next batch is written while the current one is imported.
func generate(ctx context.Context, p *portal, bin, dbURL, work string, stderr io.Writer) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct {
		file string
		n    int
		err  error
	}
	size := importBatch(p.words)
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		g := corpus.New(rand.New(rand.NewPCG(7, 12)))
		for i := 0; i < p.n; i += size {
			recs := make([]congtin.ArticleImport, 0, size)
			for j := i; j < min(p.n, i+size); j++ {
				recs = append(recs, p.record(g, j))
			}
			b := batch{file: filepath.Join(work, fmt.Sprintf("import-%d.json", i)), n: len(recs)}
			b.err = writeJSON(b.file, recs)
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	paths := make([]string, 0, p.n)
	start, lastReport := time.Now(), time.Now()
	for b := range batches {
		if b.err != nil {
			return nil, b.err
		}
		var out, errOut bytes.Buffer
		cmd := exec.CommandContext(ctx, bin, "import", b.file)
		cmd.Env = withDB(dbURL)
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("congtin import: %v: %s", err, bytes.TrimSpace(errOut.Bytes()))
		}
		_ = os.Remove(b.file)
		got := strings.Fields(out.String())
		if len(got) != b.n {
			return nil, fmt.Errorf("congtin import printed %d paths for %d records", len(got), b.n)
		}
		paths = append(paths, got...)
		if time.Since(lastReport) > 15*time.Second || len(paths) == p.n {
			lastReport = time.Now()
			fmt.Fprintf(stderr, "portal: imported %d of %d articles in %s\n", len(paths), p.n, time.Since(start).Round(time.Second))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(paths) != p.n {
		return nil, fmt.Errorf("generated %d of %d articles", len(paths), p.n)
	}
	return paths, nil
}

// withDB is the environment for a congtin command on the database: in
// CONGTIN_DB rather than -db, so that a password in it stays out of the
// process list.
func withDB(dbURL string) []string { return append(os.Environ(), "CONGTIN_DB="+dbURL) }

// dbForLog hides a password in a database URL, as congtin's log does.
func dbForLog(dbURL string) string { return (&config.Config{DB: dbURL}).DBForLog() }

func writeJSON(name string, v any) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

const manifestHeader = "congtin-loadbench portal "

// writeManifest records that the portal is complete, with its paths; it
// goes last, by rename, so an interrupted generation leaves none.
func writeManifest(name string, p *portal, paths []string) error {
	var b strings.Builder
	b.WriteString(manifestHeader + p.key() + "\n")
	for _, s := range paths {
		b.WriteString(s + "\n")
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func readManifest(name string, p *portal) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if lines[0] != manifestHeader+p.key() {
		return nil, fmt.Errorf("%s is of another portal (%q)", name, strings.TrimPrefix(lines[0], manifestHeader))
	}
	if len(lines)-1 != p.n {
		return nil, fmt.Errorf("%s lists %d articles, not %d", name, len(lines)-1, p.n)
	}
	return lines[1:], nil
}
