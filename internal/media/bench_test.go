package media

import (
	"bytes"
	"testing"
)

// BenchmarkProcessJPEG4000x3000 processes a 12-megapixel photograph into
// its four variants.
func BenchmarkProcessJPEG4000x3000(b *testing.B) {
	data := encodeJPEG(b, photo(4000, 3000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(bytes.NewReader(data), DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
