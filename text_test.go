package congtin

import "testing"

// TestNULRefused: text every store must keep alike refuses NUL bytes.
func TestNULRefused(t *testing.T) {
	if err := (&CategoryInput{Name: "Tin\x00tức"}).Validate(); ErrorCode(err) != EINVALID {
		t.Fatalf("category name with NUL: %v", err)
	}
	if err := (&CategoryInput{Name: "Tin tức"}).Validate(); err != nil {
		t.Fatalf("plain name refused: %v", err)
	}
	if validText("a\x00b") || validText("\xff") || !validText("Bạc Liêu") {
		t.Fatal("validText")
	}
}
