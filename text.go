package congtin

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC brings each text to Unicode's composed form (NFC), in place.
// Vietnamese typed on some keyboards, or pasted from some programs, comes
// decomposed: "ế" as "e" and two combining marks. It looks the same, but
// search, sorting, slugs and the revisions' word comparison all see other
// bytes; every text a form saves goes through here. Invalid UTF-8 is left
// as it is, for validation to report.
func NFC(texts ...*string) {
	for _, p := range texts {
		if utf8.ValidString(*p) && !norm.NFC.IsNormalString(*p) {
			*p = norm.NFC.String(*p)
		}
	}
}

// validText reports whether s can be stored as text by every store: valid
// UTF-8 without NUL bytes (PostgreSQL refuses NUL in text; SQLite keeps
// it, and the two must agree).
func validText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// checkText records in fe the first problem of the one-line text field v
// (shown to the user as label): text no store can hold, empty when
// required, or longer than max characters.
func checkText(fe FieldErrors, field, label, v string, max int, required bool) {
	switch {
	case !validText(v):
		fe[field] = label + " chứa ký tự không hợp lệ."
	case required && v == "":
		fe[field] = label + " không được để trống."
	case utf8.RuneCountInString(v) > max:
		fe[field] = label + " quá dài: tối đa " + itoa(max) + " ký tự."
	}
}
