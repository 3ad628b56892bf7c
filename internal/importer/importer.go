// Package importer reads `congtin import` files and reports their faults in
// terms a person can fix: the record's index, the field, the line and
// column.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// DefaultMaxBytes is the largest file read unless the caller says
// otherwise: big enough for tens of thousands of articles, small enough
// that a wrong file cannot exhaust memory.
const DefaultMaxBytes = 256 << 20

// ReadJSON reads a JSON array of articles of at most maxBytes. It checks
// the whole file before returning anything, so the caller writes all of it
// or nothing.
func ReadJSON(r io.Reader, maxBytes int64) ([]congtin.ArticleImport, error) {
	return readArray[congtin.ArticleImport](r, maxBytes, "articles", "title, lead, body, category, author, published_at, slug, external_id, image, featured")
}

// ReadDocumentsJSON reads a JSON array of documents (congtin import
// -format documents) of at most maxBytes, checked as ReadJSON checks.
func ReadDocumentsJSON(r io.Reader, maxBytes int64) ([]congtin.DocumentImport, error) {
	return readArray[congtin.DocumentImport](r, maxBytes, "documents",
		"number, type, summary, issuer, signer, issued_on, effective_on, expires_on, field, external_id, status, files")
}

// readArray reads a JSON array of records of type T; noun names them and
// known lists their fields in messages.
func readArray[T any](r io.Reader, maxBytes int64, noun, known string) ([]T, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > maxBytes {
		return nil, fmt.Errorf("the file is larger than the limit of %d MB; split it into smaller files or raise -max-bytes", maxBytes>>20)
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		line, col := position(data, off)
		return nil, fmt.Errorf("invalid UTF-8 at line %d, column %d (byte %d): save the file as UTF-8", line, col, off)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from Windows editors
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the file is empty: expected a JSON array of " + noun)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(data, dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, errors.New("expected a JSON array of " + noun + ", [ {…}, {…} ], at the start of the file")
	}
	var out []T
	for i := 0; dec.More(); i++ {
		var rec T
		if err := dec.Decode(&rec); err != nil {
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &te) && te.Field != "":
				return nil, fmt.Errorf("record %d: field %q: expected %s, got a JSON %s", i, te.Field, kind(te.Type.Kind().String()), te.Value)
			case errors.As(err, &te):
				return nil, fmt.Errorf("record %d: expected an object {…}, got a JSON %s", i, te.Value)
			case strings.HasPrefix(err.Error(), "json: unknown field "):
				return nil, fmt.Errorf("record %d: unknown field %s (known: %s)", i, strings.TrimPrefix(err.Error(), "json: unknown field "), known)
			}
			return nil, fmt.Errorf("record %d: %w", i, syntaxError(data, dec, err))
		}
		out = append(out, rec)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntaxError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the closing ] of the array")
	}
	return out, nil
}

func kind(k string) string {
	if k == "bool" {
		return "true or false"
	}
	return "a " + k
}

func syntaxError(data []byte, dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, int(se.Offset))
		return fmt.Errorf("malformed JSON at line %d, column %d: %s", line, col, se.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return errors.New("malformed JSON: the file ends in the middle of the array (truncated?)")
	}
	line, col := position(data, int(dec.InputOffset()))
	return fmt.Errorf("malformed JSON near line %d, column %d: %v", line, col, err)
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// position turns a byte offset into a 1-based line and column (in
// characters).
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
