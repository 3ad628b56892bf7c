package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// Bounds of a preview, whatever the file.
const (
	// maxHeadBytes is how much of a CSV file is read at most: 100 rows of
	// a real table fit many times over; a longer row is cut there.
	maxHeadBytes = 4 << 20
	// detectBytes is how much of it the encoding and separator are told
	// from.
	detectBytes = 64 << 10
	// MaxColumns and MaxCell bound what a row shows.
	MaxColumns = 60
	MaxCell    = 300
)

// CSV returns the header and the first congtin.PreviewRows rows of a CSV
// file read from r: its encoding detected, its separator (comma,
// semicolon or tab) sniffed. It reads at most maxHeadBytes.
func CSV(r io.Reader) (*congtin.DataPreview, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxHeadBytes+1))
	if err != nil {
		return nil, err
	}
	cut := len(raw) > maxHeadBytes
	if cut {
		raw = raw[:maxHeadBytes]
	}
	enc := Detect(raw[:min(len(raw), detectBytes)])
	if cut {
		raw = dropPartialLine(raw)
	}
	text := Decode(raw, enc)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = Separator(text[:min(len(text), detectBytes)])
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	p := &congtin.DataPreview{Encoding: enc}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, congtin.Errorf(congtin.EINVALID, "Tệp CSV không đọc được ở dòng %d.", len(p.Rows)+2)
		}
		if p.Header == nil {
			p.Header = clip(rec)
			continue
		}
		if len(p.Rows) == congtin.PreviewRows {
			p.More = true
			break
		}
		p.Rows = append(p.Rows, clip(rec))
	}
	if cut {
		p.More = true
	}
	if p.Header == nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp CSV không có dòng nào.")
	}
	return p, nil
}

// dropPartialLine cuts bytes read up to a bound back to the last whole
// line.
func dropPartialLine(b []byte) []byte {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[:i+1]
	}
	return b
}

// Separator tells a CSV's separator from its first lines: of comma,
// semicolon (Excel in Vietnamese locales) and tab, the one found the same
// number of times, at least once, on most lines; a comma when none is.
func Separator(text string) rune {
	lines := strings.Split(text, "\n")
	if len(lines) > 20 {
		lines = lines[:20]
	}
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // maybe cut off
	}
	best, bestScore := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		first := outsideQuotes(lines[0], sep)
		if first == 0 {
			continue
		}
		same := 0
		for _, l := range lines {
			if strings.TrimSpace(l) == "" || outsideQuotes(l, sep) == first {
				same++
			}
		}
		if score := same*1000 + first; same*5 >= len(lines)*4 && score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}

// HeaderSeparator tells a CSV's separator from its header row alone: of
// comma, semicolon and tab, the one found most often in it outside
// quotes (a comma when none is). Separator compares lines, which a
// table of multi-line cells breaks up; its header is one line.
func HeaderSeparator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, most := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		if n := outsideQuotes(first, sep); n > most {
			best, most = sep, n
		}
	}
	return best
}

// outsideQuotes counts sep in a line outside double quotes.
func outsideQuotes(line string, sep rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == sep && !quoted:
			n++
		}
	}
	return n
}

// clip bounds a row to MaxColumns cells of MaxCell characters, trimmed.
func clip(rec []string) []string {
	if len(rec) > MaxColumns {
		rec = rec[:MaxColumns]
	}
	out := make([]string, len(rec))
	for i, c := range rec {
		c = strings.TrimSpace(c)
		if utf8.RuneCountInString(c) > MaxCell {
			c = string([]rune(c)[:MaxCell]) + "…"
		}
		out[i] = c
	}
	return out
}
