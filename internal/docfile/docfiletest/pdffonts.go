package docfiletest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Font is one line of poppler's pdffonts: a font a PDF uses.
type Font struct {
	Name, Type, Encoding string
	Embedded, Subset     bool
	ToUnicode            bool // "uni yes": the text of its codes is mapped
}

// Fonts lists the fonts of a PDF with poppler's pdffonts, so a test can
// check it holds the kind of fonts it is about.
func Fonts(t testing.TB, pdf []byte) []Font {
	t.Helper()
	prog := Tool(t, "pdffonts")
	path := filepath.Join(t.TempDir(), "fonts.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, prog, "--", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var fonts []Font
	lines := strings.Split(string(out), "\n")
	for _, line := range lines[min(2, len(lines)):] {
		// name type encoding emb sub uni object ID; the type ("CID
		// TrueType") may hold spaces, the last six columns do not.
		f := strings.Fields(line)
		if len(f) < 8 {
			continue
		}
		n := len(f)
		fonts = append(fonts, Font{
			Name: f[0], Type: strings.Join(f[1:n-6], " "), Encoding: f[n-6],
			Embedded: f[n-5] == "yes", Subset: f[n-4] == "yes", ToUnicode: f[n-3] == "yes",
		})
	}
	return fonts
}
