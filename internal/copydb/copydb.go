package copydb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Kind is the kind of value a column holds, as its store gives it to Go.
type Kind int

// The kinds. A store maps each of its column types to one of them, and
// reads and writes values of exactly these Go types (or nil for NULL).
const (
	Integer Kind = iota + 1 // int64
	Text                    // string
	Bool                    // bool
	Time                    // time.Time, whole seconds, UTC
)

func (k Kind) String() string {
	switch k {
	case Integer:
		return "integer"
	case Text:
		return "text"
	case Bool:
		return "boolean"
	case Time:
		return "time"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Column is a column of a table.
type Column struct {
	Name string
	Kind Kind
}

// ForeignKey is a column that refers to a column of another table (or of
// its own).
type ForeignKey struct {
	Column    string
	Table     string
	RefColumn string
}

// Table describes a table as a store's catalogue has it.
type Table struct {
	Name        string
	Columns     []Column // in the table's order
	Key         []string // the primary key's columns, in order; rows are read in this order
	ForeignKeys []ForeignKey
}

// Reader reads a database inside one transaction.
type Reader interface {
	// Migrations lists the names of the migrations applied.
	Migrations(ctx context.Context) ([]string, error)
	// Tables describes the tables an installation consists of, leaving out
	// the store's bookkeeping (migrations), its change log and its search
	// index.
	Tables(ctx context.Context) ([]Table, error)
	// Count counts a table's rows.
	Count(ctx context.Context, table string) (int64, error)
	// Rows calls fn with each row of t, the values of cols in that order,
	// in the order of t's key. fn may keep the slice.
	Rows(ctx context.Context, t Table, cols []string, fn func(row []any) error) error
}

// Source is a database read in one snapshot: everything it reads is as it
// was at one moment, whatever is written meanwhile.
type Source interface {
	Reader
	// Close ends the snapshot.
	Close() error
}

// Target is one write transaction on the database copied into. Nothing it
// writes is seen by others until Commit.
type Target interface {
	Reader
	// Lock keeps other writers out of the tables until the transaction
	// ends, so that what was checked empty stays empty.
	Lock(ctx context.Context, tables []string) error
	// Delete deletes every row of a table.
	Delete(ctx context.Context, table string) error
	// Insert inserts rows, each holding the values of cols in that order,
	// of the kinds the Target's Tables gives.
	Insert(ctx context.Context, table string, cols []string, rows [][]any) error
	// Finish makes the copied rows a working installation: it moves the
	// ID generators past the copied IDs and builds the search index, and
	// returns how many articles it indexed.
	Finish(ctx context.Context) (indexed int, err error)
	Commit() error
	Rollback() error
}

// Store is a database copy-db reads from or writes into; both congtin
// stores implement it.
type Store interface {
	// CopyID identifies the database: two stores opened on the same
	// database return the same string, whatever the paths or URLs that
	// named it.
	CopyID(ctx context.Context) (string, error)
	// CopySource starts a read-only snapshot of the database.
	CopySource(ctx context.Context) (Source, error)
	// CopyTarget starts the write transaction of a copy into the database.
	CopyTarget(ctx context.Context) (Target, error)
}

// TableCount is a table's row count in the source and, after the commit,
// in the target.
type TableCount struct {
	Table          string
	Source, Target int64
}

// Result is what a copy did.
type Result struct {
	Tables    []TableCount // in the order they were copied
	Indexed   int          // articles in the target's search index
	Committed bool         // the target's transaction committed
	Elapsed   time.Duration
}

// ErrSameDatabase is returned when the source and the target are one database.
var ErrSameDatabase = errors.New("the source and the target are the same database")

// NotEmptyError is returned when the target holds an installation already.
type NotEmptyError struct {
	Counts map[string]int64 // rows found per table; "sites" counts the sites besides the default one
}

func (e *NotEmptyError) Error() string {
	var parts []string
	for _, w := range []struct{ table, one, many string }{
		{"sites", "site besides the default one", "sites besides the default one"},
		{"categories", "category", "categories"},
		{"articles", "article", "articles"},
		{"users", "user", "users"},
	} {
		switch n := e.Counts[w.table]; {
		case n == 1:
			parts = append(parts, "1 "+w.one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, w.many))
		}
	}
	return "the target database is not empty (it has " + strings.Join(parts, ", ") + "); copy-db only copies into a new, empty database"
}

// batchRows and batchBytes bound the rows handed to Target.Insert at once.
const (
	batchRows  = 500
	batchBytes = 4 << 20
)

// Copy copies everything in from into to, in one transaction on to: all of
// it or, on any error (a cancelled ctx included), nothing. to must be
// empty: no articles, users or categories, and no site but the default
// one that a first start creates; that site and any traces of an empty
// portal having run (visit counts, failed sign-ins) are replaced by the
// copy. After the commit Copy counts every table in a new snapshot of to
// and compares the counts with the source's; a difference is an error
// (with the Result). Progress lines go to progress.
func Copy(ctx context.Context, from, to Store, progress io.Writer) (res *Result, err error) {
	start := time.Now()
	res = &Result{}
	defer func() { res.Elapsed = time.Since(start) }()
	say := func(format string, args ...any) { fmt.Fprintf(progress, "copy-db: "+format+"\n", args...) }

	fromID, err := from.CopyID(ctx)
	if err != nil {
		return res, fmt.Errorf("source: %w", err)
	}
	toID, err := to.CopyID(ctx)
	if err != nil {
		return res, fmt.Errorf("target: %w", err)
	}
	if fromID == toID {
		return res, ErrSameDatabase
	}

	src, err := from.CopySource(ctx)
	if err != nil {
		return res, fmt.Errorf("source: %w", err)
	}
	defer src.Close()
	dst, err := to.CopyTarget(ctx)
	if err != nil {
		return res, fmt.Errorf("target: %w", err)
	}
	defer dst.Rollback()

	if err := sameMigrations(ctx, src, dst); err != nil {
		return res, err
	}
	srcTables, err := src.Tables(ctx)
	if err != nil {
		return res, fmt.Errorf("source: %w", err)
	}
	dstTables, err := dst.Tables(ctx)
	if err != nil {
		return res, fmt.Errorf("target: %w", err)
	}
	plans, err := Plan(srcTables, dstTables)
	if err != nil {
		return res, err
	}
	names := make([]string, len(plans))
	for i, p := range plans {
		names[i] = p.Target.Name
	}
	if err := dst.Lock(ctx, names); err != nil {
		return res, fmt.Errorf("target: lock: %w", err)
	}
	if err := checkEmpty(ctx, dst); err != nil {
		return res, err
	}
	// What an empty portal that has run once leaves: its default site,
	// visit counts, failed sign-ins. Children first.
	for _, p := range slices.Backward(plans) {
		n, err := dst.Count(ctx, p.Target.Name)
		if err != nil {
			return res, fmt.Errorf("target: %w", err)
		}
		if n > 0 {
			say("the target's %s: %d rows left by a first start, replaced by the copy", p.Target.Name, n)
			if err := dst.Delete(ctx, p.Target.Name); err != nil {
				return res, fmt.Errorf("target: %w", err)
			}
		}
	}

	counts := make([]int64, len(plans))
	for i, p := range plans {
		if counts[i], err = src.Count(ctx, p.Source.Name); err != nil {
			return res, fmt.Errorf("source: %w", err)
		}
	}
	for i, p := range plans {
		if err := copyTable(ctx, src, dst, p, counts[i], say); err != nil {
			return res, err
		}
	}
	say("building the search index")
	if res.Indexed, err = dst.Finish(ctx); err != nil {
		return res, fmt.Errorf("target: %w", err)
	}
	say("committing")
	if err := dst.Commit(); err != nil {
		return res, fmt.Errorf("target: commit: %w", err)
	}
	res.Committed = true

	// Counted anew, in a snapshot of the target as others now see it.
	check, err := to.CopySource(ctx)
	if err != nil {
		return res, fmt.Errorf("target: verify: %w", err)
	}
	defer check.Close()
	var bad []string
	for i, p := range plans {
		n, err := check.Count(ctx, p.Target.Name)
		if err != nil {
			return res, fmt.Errorf("target: verify: %w", err)
		}
		res.Tables = append(res.Tables, TableCount{Table: p.Target.Name, Source: counts[i], Target: n})
		if n != counts[i] {
			bad = append(bad, fmt.Sprintf("%s: %d in the source, %d in the target", p.Target.Name, counts[i], n))
		}
	}
	if len(bad) > 0 {
		return res, fmt.Errorf("the row counts differ: %s", strings.Join(bad, "; "))
	}
	return res, nil
}

// sameMigrations checks that both databases have applied the same
// migrations: otherwise their tables differ, and the message says which
// congtin to run.
func sameMigrations(ctx context.Context, src, dst Reader) error {
	a, err := src.Migrations(ctx)
	if err != nil {
		return fmt.Errorf("source: %w", err)
	}
	b, err := dst.Migrations(ctx)
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	var onlySrc, onlyDst []string
	for _, m := range a {
		if !slices.Contains(b, m) {
			onlySrc = append(onlySrc, m)
		}
	}
	for _, m := range b {
		if !slices.Contains(a, m) {
			onlyDst = append(onlyDst, m)
		}
	}
	if len(onlySrc) > 0 || len(onlyDst) > 0 {
		return fmt.Errorf("the two databases are at different versions (migrations only in the source: %v; only in the target: %v): run copy-db with the newest congtin, which brings both up to date",
			onlySrc, onlyDst)
	}
	return nil
}

// checkEmpty refuses a target that holds an installation: any article,
// user, category or citizen's question, or any site but the default one
// (host ""), which a first start of congtin creates by itself.
func checkEmpty(ctx context.Context, dst Target) error {
	found := map[string]int64{}
	for _, t := range []string{"articles", "users", "categories", "questions"} {
		n, err := dst.Count(ctx, t)
		if err != nil {
			return fmt.Errorf("target: %w", err)
		}
		if n > 0 {
			found[t] = n
		}
	}
	sites := Table{Name: "sites", Key: []string{"id"}}
	err := dst.Rows(ctx, sites, []string{"host"}, func(row []any) error {
		if host, _ := row[0].(string); host != "" {
			found["sites"]++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	if len(found) > 0 {
		return &NotEmptyError{Counts: found}
	}
	return nil
}

// TablePlan is how one table is copied: the source's and the target's
// descriptions, the columns in the target's order, and a converter per
// column from the source's kind to the target's.
type TablePlan struct {
	Source, Target Table
	Columns        []string
	Convert        []Converter
	// selfRefs are the positions (in Columns) of foreign keys into the
	// table itself and of the columns they refer to.
	selfRefs [][2]int
}

// Plan matches the source's tables with the target's and orders them so
// that every table comes after the tables it refers to. Every table and
// column must exist on both sides, with kinds a Converter exists for.
func Plan(src, dst []Table) ([]*TablePlan, error) {
	byName := map[string]Table{}
	for _, t := range src {
		byName[t.Name] = t
	}
	var problems []string
	var plans []*TablePlan
	for _, dt := range dst {
		st, ok := byName[dt.Name]
		if !ok {
			problems = append(problems, "table "+dt.Name+" is missing in the source")
			continue
		}
		delete(byName, dt.Name)
		p := &TablePlan{Source: st, Target: dt}
		srcCols := map[string]Kind{}
		for _, c := range st.Columns {
			srcCols[c.Name] = c.Kind
		}
		for _, c := range dt.Columns {
			sk, ok := srcCols[c.Name]
			if !ok {
				problems = append(problems, fmt.Sprintf("column %s.%s is missing in the source", dt.Name, c.Name))
				continue
			}
			delete(srcCols, c.Name)
			conv, err := NewConverter(sk, c.Kind)
			if err != nil {
				problems = append(problems, fmt.Sprintf("column %s.%s: %v", dt.Name, c.Name, err))
				continue
			}
			p.Columns = append(p.Columns, c.Name)
			p.Convert = append(p.Convert, conv)
		}
		for _, name := range sortedKeys(srcCols) {
			problems = append(problems, fmt.Sprintf("column %s.%s is missing in the target", dt.Name, name))
		}
		for _, fk := range dt.ForeignKeys {
			if fk.Table != dt.Name {
				continue
			}
			i, j := slices.Index(p.Columns, fk.Column), slices.Index(p.Columns, fk.RefColumn)
			if i < 0 || j < 0 {
				problems = append(problems, fmt.Sprintf("table %s: foreign key %s → %s: no such column", dt.Name, fk.Column, fk.RefColumn))
				continue
			}
			p.selfRefs = append(p.selfRefs, [2]int{i, j})
		}
		plans = append(plans, p)
	}
	for _, name := range sortedKeys(byName) {
		problems = append(problems, "table "+name+" is missing in the target")
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("the two databases' tables differ, so copy-db cannot copy them:\n\t%s", strings.Join(problems, "\n\t"))
	}
	return order(plans)
}

// order sorts the tables so that each follows the tables its foreign keys
// refer to: each time, the first table in the catalogue's order whose
// tables are all placed.
func order(plans []*TablePlan) ([]*TablePlan, error) {
	known := map[string]bool{}
	for _, p := range plans {
		known[p.Target.Name] = true
	}
	done := map[string]bool{}
	ready := func(p *TablePlan) bool {
		for _, fk := range p.Target.ForeignKeys {
			if fk.Table != p.Target.Name && known[fk.Table] && !done[fk.Table] {
				return false
			}
		}
		return true
	}
	var out []*TablePlan
	for len(out) < len(plans) {
		i := slices.IndexFunc(plans, func(p *TablePlan) bool { return !done[p.Target.Name] && ready(p) })
		if i < 0 {
			var left []string
			for _, p := range plans {
				if !done[p.Target.Name] {
					left = append(left, p.Target.Name)
				}
			}
			return nil, fmt.Errorf("the foreign keys of %s refer to each other in a circle: copy-db cannot order them", strings.Join(left, ", "))
		}
		done[plans[i].Target.Name] = true
		out = append(out, plans[i])
	}
	return out, nil
}

// copyTable copies one table's rows in batches.
func copyTable(ctx context.Context, src Source, dst Target, p *TablePlan, total int64, say func(string, ...any)) error {
	name := p.Target.Name
	if total == 0 {
		say("%s: no rows", name)
	} else {
		say("copying %s: %d rows", name, total)
	}
	start, last := time.Now(), time.Now()
	var batch [][]any
	size, n := 0, int64(0)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := dst.Insert(ctx, name, p.Columns, batch); err != nil {
			return fmt.Errorf("target: %s: %w", name, err)
		}
		n += int64(len(batch))
		batch, size = batch[:0], 0
		if time.Since(last) >= time.Second {
			say("copying %s: %d of %d rows", name, n, total)
			last = time.Now()
		}
		return nil
	}
	add := func(row []any) error {
		for i, conv := range p.Convert {
			v, err := conv(row[i])
			if err != nil {
				return fmt.Errorf("source: %s.%s, row %v: %w", name, p.Columns[i], keyOf(p, row), err)
			}
			row[i] = v
			if s, ok := v.(string); ok {
				size += len(s)
			}
		}
		batch = append(batch, row)
		if len(batch) >= batchRows || size >= batchBytes {
			return flush()
		}
		return nil
	}
	// Errors of add are the copy's own, already prefixed; any other error
	// from Rows is the source's.
	var addErr error
	keep := func(row []any) error {
		addErr = add(row)
		return addErr
	}
	var err error
	if len(p.selfRefs) == 0 {
		err = src.Rows(ctx, p.Source, p.Columns, keep)
	} else {
		// A table that refers to itself (categories: parent_id) is read
		// whole, a few hundred rows, and written parents first: a
		// category moved under a newer one has a parent with a higher ID.
		var rows [][]any
		err = src.Rows(ctx, p.Source, p.Columns, func(row []any) error {
			rows = append(rows, row)
			return nil
		})
		if err == nil {
			for _, row := range parentsFirst(rows, p.selfRefs) {
				if keep(row) != nil {
					break
				}
			}
		}
	}
	switch {
	case addErr != nil:
		return addErr
	case err != nil:
		return fmt.Errorf("source: %s: %w", name, err)
	}
	if err := flush(); err != nil {
		return err
	}
	if total > 0 || n > 0 {
		say("copied %s: %d rows in %s", name, n, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// parentsFirst orders rows so that a row comes after the row each of its
// self-references points to. Rows pointing at nothing that exists keep
// their place at the end, for the target's foreign key to report.
func parentsFirst(rows [][]any, refs [][2]int) [][]any {
	out := make([][]any, 0, len(rows))
	written := map[any]bool{}
	pending := rows
	for len(pending) > 0 {
		var next [][]any
		for _, row := range pending {
			ok := true
			for _, r := range refs {
				if v := row[r[0]]; v != nil && !written[mapKey(v)] {
					ok = false
				}
			}
			if !ok {
				next = append(next, row)
				continue
			}
			out = append(out, row)
			for _, r := range refs {
				written[mapKey(row[r[1]])] = true
			}
		}
		if len(next) == len(pending) {
			return append(out, next...)
		}
		pending = next
	}
	return out
}

// mapKey makes a value usable as a map key.
func mapKey(v any) any {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v
}

// keyOf returns a row's primary key values, for messages.
func keyOf(p *TablePlan, row []any) []any {
	var k []any
	for _, c := range p.Source.Key {
		if i := slices.Index(p.Columns, c); i >= 0 {
			k = append(k, row[i])
		}
	}
	return k
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
