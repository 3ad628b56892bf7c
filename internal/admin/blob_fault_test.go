package admin_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// faultyBlobs is the media folder behind a store that can be down (every
// call fails as an object store that does not answer) or fail one put.
type faultyBlobs struct {
	blob.Dir
	mu      sync.Mutex
	down    bool
	failPut int // the number of the put that fails, counted from set; 0: none
	puts    int
}

var errRefused = errors.New("dial tcp 127.0.0.1:8333: connection refused")

// set makes the store down or up, and the nth put from now fail.
func (f *faultyBlobs) set(down bool, failPut int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down, f.failPut, f.puts = down, failPut, 0
}

func (f *faultyBlobs) isDown() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.down
}

func (f *faultyBlobs) Put(ctx context.Context, key string, r io.Reader, size int64, ctype string) error {
	f.mu.Lock()
	f.puts++
	fail := f.down || f.puts == f.failPut
	f.mu.Unlock()
	if fail {
		return blob.ErrUnavailable(errRefused)
	}
	return f.Dir.Put(ctx, key, r, size, ctype)
}

func (f *faultyBlobs) Stat(ctx context.Context, key string) (blob.Info, error) {
	if f.isDown() {
		return blob.Info{}, blob.ErrUnavailable(errRefused)
	}
	return f.Dir.Stat(ctx, key)
}

func (f *faultyBlobs) Delete(ctx context.Context, key string) error {
	if f.isDown() {
		return blob.ErrUnavailable(errRefused)
	}
	return f.Dir.Delete(ctx, key)
}

// storeDown is what an editor reads when the file store does not answer.
const storeDown = "Kho lưu trữ tệp đang không trả lời nên tệp chưa được lưu. Hãy thử lại sau ít phút."

func faultyEnv(t *testing.T) (*env, *faultyBlobs) {
	e := newEnv(t)
	fb := &faultyBlobs{Dir: blob.Dir{Path: e.media}}
	e.blobs = fb
	e.restart()
	return e, fb
}

func (e *env) mediaCount() int {
	e.t.Helper()
	_, n, err := e.db.FindMedia(e.t.Context(), congtin.MediaFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestUploadStoreFaults: an image upload whose files cannot all be
// stored, or whose row is not written, answers a clear error and leaves
// no row and no file; once the store is back, the same upload works
// without a restart.
func TestUploadStoreFaults(t *testing.T) {
	e, fb := faultyEnv(t)
	pv := e.as("pv1")
	img := pngBytes(t, 700, 400) // three sizes: 320, 640, 700

	for _, c := range []struct {
		name    string
		down    bool
		failPut int
	}{{"down", true, 0}, {"third size fails", false, 3}} {
		fb.set(c.down, c.failPut)
		// From the editor: JSON with the store's message.
		r := upload(pv, "/admin/media", "anh.png", img)
		if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, storeDown) || r.header.Get("Retry-After") == "" {
			t.Fatalf("%s, editor: %d %s", c.name, r.status, r.body)
		}
		if n, files := e.mediaCount(), e.badMediaFiles(); n != 0 || files != 0 {
			t.Fatalf("%s, editor: %d rows, %d files left", c.name, n, files)
		}
		// From the library's form: the error page with the same message.
		fb.set(c.down, c.failPut)
		body, ctype := multipartFile(t, "file", "anh.png", img)
		r = pv.do("POST", "/admin/media", body, ctype)
		if r.status != http.StatusServiceUnavailable || !strings.Contains(strings.Join(texts(t, r.body, hpTag("p")), " "), storeDown) {
			t.Fatalf("%s, page: %d %.600s", c.name, r.status, r.body)
		}
		if n, files := e.mediaCount(), e.badMediaFiles(); n != 0 || files != 0 {
			t.Fatalf("%s, page: %d rows, %d files left", c.name, n, files)
		}
	}

	// The row fails after the files are stored (the database went
	// away): the files go too.
	fb.set(false, 0)
	e.raw.Close()
	r := upload(pv, "/admin/media", "anh.png", img)
	if r.status < 500 {
		t.Fatalf("database closed: %d %s", r.status, r.body)
	}
	if files := e.badMediaFiles(); files != 0 {
		t.Fatalf("database closed: %d files left", files)
	}
	e.restart()
	pv = e.as("pv1")

	// Back: the same upload works and its three files are there.
	fb.set(false, 0)
	m := e.uploaded(pv, "anh.png", 700, 400)
	if len(m.Variants) != 3 || e.badMediaFiles() != 3 {
		t.Fatalf("after the store is back: %d variants, %d files", len(m.Variants), e.badMediaFiles())
	}
	if r := e.client("").get("/media/" + m.Variants[0].Key); r.status != http.StatusOK {
		t.Fatalf("image: %d", r.status)
	}
}

// TestDocumentStoreFaults: a document saved with attachments the store
// cannot take, or whose row is refused, keeps no document, no file row
// and no file; with the store back the same save works.
func TestDocumentStoreFaults(t *testing.T) {
	e, fb := faultyEnv(t)
	pv := e.as("pv1")
	pdf := attachment{"ke-hoach.pdf", "application/pdf", docfiletest.PDF("Kế hoạch tưới tiêu")}
	docx := attachment{"phu-luc.docx", "application/octet-stream", docfiletest.DOCX("Phụ lục công trình")}
	fields := e.docFields("115/KH-UBND", "Kế hoạch tưới tiêu mùa khô năm 2026")

	for _, c := range []struct {
		name    string
		down    bool
		failPut int
	}{{"down", true, 0}, {"second file fails", false, 2}} {
		fb.set(c.down, c.failPut)
		body, ctype := documentForm(t, fields, pdf, docx)
		r := pv.do("POST", "/admin/van-ban/moi", body, ctype)
		if r.status != http.StatusServiceUnavailable || !strings.Contains(strings.Join(texts(t, r.body, hpTag("p")), " "), storeDown) {
			t.Fatalf("%s: %d %.600s", c.name, r.status, r.body)
		}
		if n, files := e.countDocuments(), e.storedFiles(); n != 0 || len(files) != 0 {
			t.Fatalf("%s: %d documents, files left %v", c.name, n, files)
		}
	}

	// Back: the document is saved with both files.
	fb.set(false, 0)
	body, ctype := documentForm(t, fields, pdf)
	r := pv.do("POST", "/admin/van-ban/moi", body, ctype)
	if r.status != http.StatusSeeOther {
		t.Fatalf("store back: %d %.600s", r.status, r.body)
	}
	loc, _ := url.Parse(r.header.Get("Location"))
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc.Path, "/admin/van-ban/"), 10, 64)
	d, err := e.db.FindDocumentByID(t.Context(), e.site.ID, id)
	if err != nil || len(d.Files) != 1 || len(e.storedFiles()) != 1 {
		t.Fatalf("store back: %+v %v, files %v", d, err, e.storedFiles())
	}

	// The row's transaction is refused (someone saved meanwhile): the
	// new attachment goes, the one the document had stays.
	edit := e.docFields("115/KH-UBND", "Kế hoạch tưới tiêu mùa khô năm 2026 (sửa)")
	edit.Set("version", strconv.FormatInt(d.Version, 10))
	body, ctype = documentForm(t, edit)
	if r := pv.do("POST", "/admin/van-ban/"+strconv.FormatInt(id, 10), body, ctype); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d %.600s", r.status, r.body)
	}
	stale := e.docFields("115/KH-UBND", "Trích yếu sửa sau")
	stale.Set("version", strconv.FormatInt(d.Version, 10))
	body, ctype = documentForm(t, stale, docx)
	if r := pv.do("POST", "/admin/van-ban/"+strconv.FormatInt(id, 10), body, ctype); r.status != http.StatusConflict {
		t.Fatalf("stale save: %d %.600s", r.status, r.body)
	}
	if d2, _ := e.db.FindDocumentByID(t.Context(), e.site.ID, id); len(d2.Files) != 1 || len(e.storedFiles()) != 1 {
		t.Fatalf("stale save: %d file rows, files %v", len(d2.Files), e.storedFiles())
	}
}
