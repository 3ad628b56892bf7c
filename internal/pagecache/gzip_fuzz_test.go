package pagecache

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// FuzzEntryWrite checks the gzip splicing on any page: the parts are the
// input cut at each 0 byte, a part "c" or "v" being the counter's or the
// view count's hole. The gzipped page must decompress (with the standard
// library's reader, which checks the CRC-32 and length and refuses
// bytes after the member) to the static
// parts with the live values written in, its trailer must hold that CRC
// and length, and the plain page must be the same text.
func FuzzEntryWrite(f *testing.F) {
	f.Add([]byte("<!doctype html><title>Trang chủ</title>\x00c\x00<p>Bài viết</p>\x00v\x00</html>"), int64(1234567), int64(89), int64(3), int64(42))
	f.Add([]byte("c\x00v\x00\x00\x00c"), int64(0), int64(-1), int64(1<<62), int64(-1<<63))
	f.Add(bytes.Repeat([]byte("Sở Tài chính \xff\x00"), 300), int64(1), int64(1), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, page []byte, total, today, active, views int64) {
		live := render.Live{Counter: congtin.VisitStats{Total: total, Today: today, Active: active}, Views: views}
		doc := &render.Doc{}
		var want []byte
		for _, p := range bytes.Split(page, []byte{0}) {
			switch string(p) {
			case "c":
				doc.Parts = append(doc.Parts, render.Part{Live: "counter"})
				want = render.AppendCounter(want, live.Counter)
			case "v":
				doc.Parts = append(doc.Parts, render.Part{Live: "views"})
				want = render.AppendViews(want, live.Views)
			default:
				doc.Parts = append(doc.Parts, render.Part{Static: p})
				want = append(want, p...)
			}
		}
		e := NewEntry(doc, 1, time.Unix(0, 0), nil)

		var gz bytes.Buffer
		gz.WriteString("kept") // Write appends to what the buffer holds
		if err := e.Write(&gz, live, true); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(gz.Bytes(), []byte("kept")) {
			t.Fatalf("Write overwrote the buffer's contents")
		}
		z := gz.Bytes()[len("kept"):]
		zr, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatalf("gzip header: %v", err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("gunzip: %v", err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("gunzipped page %q, want %q", got, want)
		}
		if tr := z[len(z)-8:]; binary.LittleEndian.Uint32(tr) != crc32.ChecksumIEEE(want) || binary.LittleEndian.Uint32(tr[4:]) != uint32(len(want)) {
			t.Fatalf("trailer %x, want CRC %08x length %d", tr, crc32.ChecksumIEEE(want), len(want))
		}

		var plain bytes.Buffer
		if err := e.Write(&plain, live, false); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(plain.Bytes(), want) {
			t.Fatalf("plain page %q, want %q", plain.Bytes(), want)
		}
	})
}
