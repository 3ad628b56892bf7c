package docfile

import (
	"strings"
	"unicode"
)

// NeedsOCR: placeholder until the text-layer check lands.
func NeedsOCR(page string) bool {
	letters := 0
	for _, r := range page {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters < 20 || !plausibleText(strings.TrimSpace(page))
}
