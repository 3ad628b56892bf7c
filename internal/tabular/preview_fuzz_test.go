package tabular

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// FuzzPreview checks a dataset file's sniffing and preview on any bytes:
// a refusal is a reader's error with a message; an accepted table shows
// at most PreviewRows rows of at most MaxColumns cells, each valid UTF-8
// in NFC of at most MaxCell characters (and the ellipsis).
func FuzzPreview(f *testing.F) {
	for _, name := range []string{"provinces-utf8.csv", "provinces-cp1258.csv", "provinces-tcvn3.csv", "provinces-bom-semicolon.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(xlsx(3))
	f.Add([]byte(`{"a": [1, {"b": null}]}`))
	f.Add([]byte("a;b\n\"x;\"\"y\";2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, err := Sniff(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if congtin.ErrorCode(err) != congtin.EINVALID || congtin.ErrorMessage(err) == "" {
				t.Fatalf("Sniff(%q): %v is not a refusal with a message", data, err)
			}
			return
		}
		p, err := Preview(bytes.NewReader(data), int64(len(data)), kind)
		if err != nil {
			if congtin.ErrorCode(err) != congtin.EINVALID || congtin.ErrorMessage(err) == "" {
				t.Fatalf("Preview(%q): %v is not a refusal with a message", data, err)
			}
			return
		}
		if p == nil {
			if kind != congtin.FileJSON {
				t.Fatalf("Preview(%q, %s): no table", data, kind)
			}
			return
		}
		if len(p.Rows) > congtin.PreviewRows {
			t.Fatalf("%d rows", len(p.Rows))
		}
		for _, row := range append([][]string{p.Header}, p.Rows...) {
			if len(row) > MaxColumns {
				t.Fatalf("%d cells", len(row))
			}
			for _, c := range row {
				if !utf8.ValidString(c) || utf8.RuneCountInString(c) > MaxCell+1 {
					t.Fatalf("cell %q", c)
				}
			}
		}
	})
}
