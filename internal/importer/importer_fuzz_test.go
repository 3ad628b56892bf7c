package importer

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// FuzzReadJSON reads any file as `congtin import` does, then prepares its
// records as the service does before its transaction (congtin.PrepareImport:
// no I/O). Whatever the bytes, either a reader's error or records that keep
// every promise the writes rely on.
func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`[{"title":"Hội nghị tổng kết năm 2024","lead":"Sáng nay…","body":"<p>Nội dung</p>","category":"Tin tức > Hoạt động","author":"Phòng VH","published_at":"2024-12-30T08:00:00+07:00","slug":"hoi-nghi","external_id":"wp-12","image":"/media/a.jpg","featured":true}]`,
		"\xef\xbb\xbf[{\"title\":\"Đ\",\"body\":\"x\",\"category\":\"A > B > C > D > E > F\",\"published_at\":\"1945-09-02T09:00:00+07:00\"}]",
		`[{"title":"!!!","body":"x","category":"Tin","published_at":"2024-01-01T00:00:00Z"}, {"title": 3}]`,
		`[{"title":"a","lead":"b","category":" > ","published_at":"9999-12-31T23:59:59-23:59","image":"javascript:x"}`,
		`{"articles": []}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := ReadJSON(bytes.NewReader(data), 1<<20)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ReadJSON(%q): an empty error", data)
			}
			return
		}
		prepared, err := congtin.PrepareImport(recs)
		if err != nil {
			if congtin.ErrorCode(err) != congtin.EINVALID || !strings.HasPrefix(congtin.ErrorMessage(err), "record ") {
				t.Fatalf("PrepareImport(%q): error %q is not an invalid record's", data, err)
			}
			return
		}
		for i, p := range prepared {
			if !congtin.ValidSlug(p.Slug) {
				t.Fatalf("record %d of %q: slug %q", i, data, p.Slug)
			}
			if p.Title == "" || !utf8.ValidString(p.Title+p.Lead+p.Body+p.Category+p.Author) || strings.ContainsRune(p.Title+p.Lead+p.Body+p.Category+p.Author, 0) {
				t.Fatalf("record %d of %q: bad text in %+v", i, data, p.ArticleImport)
			}
			if n := len(p.CategoryPath); n < 1 || n > 5 {
				t.Fatalf("record %d of %q: %d categories", i, data, n)
			}
			for _, c := range p.CategoryPath {
				if congtin.Slugify(c) == "" {
					t.Fatalf("record %d of %q: category %q has no slug", i, data, c)
				}
			}
			if y := p.PublishedAt.Year(); y < 1945 || y > 9999 {
				t.Fatalf("record %d of %q: published in %d", i, data, y)
			}
			if p.Image != "" && !congtin.SafeURL(p.Image) {
				t.Fatalf("record %d of %q: image %q", i, data, p.Image)
			}
		}
	})
}
