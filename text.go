package congtin

import (
	"strings"
	"unicode/utf8"
)

// validText reports whether s can be stored as text by every store: valid
// UTF-8 without NUL bytes (PostgreSQL refuses NUL in text; SQLite keeps
// it, and the two must agree).
func validText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}
