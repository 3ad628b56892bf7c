package media

import "testing"

func TestSrcSet(t *testing.T) {
	two := []Variant{{Width: 320, Key: "ab/abcd-320.jpg"}, {Width: 640, Key: "ab/abcd-640.jpg"}}
	tests := []struct {
		name, prefix string
		vs           []Variant
		want         string
	}{
		{"two", "/media", two, "/media/ab/abcd-320.jpg 320w, /media/ab/abcd-640.jpg 640w"},
		{"trailing slash", "/media/", two, "/media/ab/abcd-320.jpg 320w, /media/ab/abcd-640.jpg 640w"},
		{"absolute prefix", "https://anh.example.gov.vn", two[:1], "https://anh.example.gov.vn/ab/abcd-320.jpg 320w"},
		{"empty prefix", "", two[1:], "/ab/abcd-640.jpg 640w"},
		{"no variants", "/media", nil, ""},
	}
	for _, tt := range tests {
		if got := SrcSet(tt.prefix, tt.vs); got != tt.want {
			t.Errorf("%s: SrcSet = %q, want %q", tt.name, got, tt.want)
		}
	}
}
