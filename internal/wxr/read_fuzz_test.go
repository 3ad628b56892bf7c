package wxr

import (
	"bytes"
	"context"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/wxr/wxrgen"
)

// fuzzExpander expands [caption] as the import does and [gallery] to
// nothing: galleries need the export's attachments and the media store.
type fuzzExpander struct{}

func (fuzzExpander) caption(attrs map[string]string, content string) string {
	return captionHTML(attrs, content)
}
func (fuzzExpander) gallery(map[string]string) string { return "" }

// FuzzRead reads any bytes as a WXR export, bounded as the import bounds
// it, and runs each item's body through the import's conversion
// (paragraphs, shortcodes, images with no uploads folder). Whatever the
// bytes: no panic, valid UTF-8 out of a read that succeeds, and a body
// whose size stays proportionate to its input.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		sample,
		`<?xml version="1.0"?>` + wxrgen.RSS + `<channel><item><title>a</title><content:encoded><![CDATA[[caption id="x" width="9"][caption]<img src="/wp-content/uploads/a.jpg">[/caption] b[/caption]

<!-- wp:paragraph --><p>Đoạn</p><!-- /wp:paragraph -->]]></content:encoded><wp:post_type>post</wp:post_type></item></channel></rss>`,
		`<rss><channel><item><title>&nbsp;</title></item></channel></rss>`,
		"\xef\xbb\xbf<rss><channel><item><wp:postmeta><wp:meta_key>k</wp:meta_key></wp:postmeta></item>",
	} {
		f.Add([]byte(s))
	}
	const maxBytes = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		exp, err := Read(bytes.NewReader(data), maxBytes)
		if err != nil {
			return
		}
		for _, it := range exp.Items {
			for _, s := range []string{it.Title, it.Content, it.Excerpt, it.PostName, it.Creator} {
				if !utf8.ValidString(s) {
					t.Fatalf("Read(%q): item field %q is not UTF-8", data, s)
				}
			}
			im, err := newImages(context.Background(), "", nil, media.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			body := it.Content
			if !isBlockEditor(body) {
				body = autop(body)
			}
			body = expandShortcodes(unautopShortcodes(body), fuzzExpander{})
			body, lead, _ := bodyHTML(body, im, plainText(it.Excerpt) == "")
			if n := len(body) + len(lead); n > 64*len(it.Content)+4096 {
				t.Fatalf("Read(%q): a body of %d bytes became %d", data, len(it.Content), n)
			}
		}
	})
}
