package main_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFuzzScriptRunsEveryTarget: scripts/fuzz.sh keeps a list of the fuzz
// targets it runs; it must name every Fuzz function of the module's
// tests, each in its package, and nothing else, so a new target cannot be
// left out of the long runs.
func TestFuzzScriptRunsEveryTarget(t *testing.T) {
	script, err := os.ReadFile("../../scripts/fuzz.sh")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range regexp.MustCompile(`(?m)^\s+"(\S+) (Fuzz\w*)"$`).FindAllStringSubmatch(string(script), -1) {
		listed = append(listed, m[1]+" "+m[2])
	}
	if len(listed) == 0 {
		t.Fatal("scripts/fuzz.sh lists no targets")
	}

	var found []string
	root := "../.."
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") || len(fn.Type.Params.List) != 1 {
				continue
			}
			if star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr); !ok || !isTestingF(star.X) {
				continue
			}
			pkg, _ := filepath.Rel(root, filepath.Dir(path))
			if pkg == "." {
				found = append(found, ". "+fn.Name.Name)
			} else {
				found = append(found, "./"+filepath.ToSlash(pkg)+" "+fn.Name.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatal("found no fuzz targets in the module")
	}
	for _, f := range found {
		if !slices.Contains(listed, f) {
			t.Errorf("scripts/fuzz.sh does not run %s: add it to its targets", f)
		}
	}
	for _, l := range listed {
		if !slices.Contains(found, l) {
			t.Errorf("scripts/fuzz.sh runs %s, which is not a fuzz target of the module", l)
		}
	}
}

// isTestingF reports whether x is testing.F.
func isTestingF(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "testing" && sel.Sel.Name == "F"
}
