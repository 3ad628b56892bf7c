package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/s3test"
)

// The tests here run congtin as a province's platform does: nodes that
// share one PostgreSQL database and one S3-compatible object store
// (SeaweedFS, real, on loopback) but no disk.

// nodes is two portals with their own working folders.
type nodes struct {
	cluster
	store string // the -media-store URL
}

// newNodes starts two portals on a new database and a new bucket, each in
// its own working folder with its own -media-dir (which, with an object
// store, holds only the node's local copies).
func newNodes(t *testing.T, n int, user, password string) (*nodes, []string) {
	t.Helper()
	c := &nodes{store: s3test.URL(t)}
	c.db = pgtest.URL(t)
	dir := t.TempDir()
	out, errOut, err := runCmd(t, "import", "-db", c.db, writeJSON(t, dir, "a.json", articleRecords(n)))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	addUser(t, c.db, user, "Lê Biên Tập", "admin", password)
	serve := func(name string) *Portal {
		work := filepath.Join(dir, name)
		if err := os.MkdirAll(work, 0o755); err != nil {
			t.Fatal(err)
		}
		return StartPortalIn(t, work, "serve", "-db", c.db, "-media-store", c.store, "-media-dir", filepath.Join(work, "media"))
	}
	c.a, c.b = serve("node-a"), serve("node-b")
	c.openSQL(t)
	return c, paths
}

// testJPEG is a photo-sized JPEG, wide enough for every srcset width.
func testJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// multipartBody is a form with fields and one file.
func multipartBody(t *testing.T, fields url.Values, field, name, ctype string, data []byte) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, field, name))
	h.Set("Content-Type", ctype)
	w, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	mw.Close()
	return &b, mw.FormDataContentType()
}

// uploadImage uploads a JPEG through a portal's API and returns what the
// editor is given: the image's URL and srcset.
func uploadImage(t *testing.T, p *Portal, token string, data []byte) (*http.Response, map[string]any) {
	t.Helper()
	body, ctype := multipartBody(t, nil, "file", "anh-hoi-nghi.jpg", "image/jpeg", data)
	req, _ := http.NewRequest("POST", p.URL+"/api/v1/admin/media", body)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", ctype)
	resp, b := do(t, req)
	var out map[string]any
	json.Unmarshal([]byte(b), &out)
	return resp, out
}

var srcsetRE = regexp.MustCompile(`srcset="([^"]+)"`)

// TestNodesShareNoDisk: an image uploaded through node A is in an article
// node B serves, every srcset width of it served by B; a document attached
// on A downloads from B, its text searchable on both once one of them
// (exactly one) has read it; an edit on A reaches B's cached page within a
// second. The nodes share PostgreSQL and the object store, no folder.
func TestNodesShareNoDisk(t *testing.T) {
	const password = "mat-khau-bien-tap-1"
	c, paths := newNodes(t, 3, "bientap", password)
	token := userToken(t, c.db, "bientap")

	// The image, through A's API, as the editor's dialog sends it.
	photo := testJPEG(t, 1600, 1000)
	resp, img := uploadImage(t, c.a, token, photo)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload on A: %d %v", resp.StatusCode, img)
	}
	srcset, _ := img["srcset"].(string)
	src, _ := img["url"].(string)
	if strings.Count(srcset, "w,")+1 < 3 || src == "" {
		t.Fatalf("upload answered %v", img)
	}
	var cats struct{ Categories []congtin.Category }
	api(t, c.a, token, "GET", "/api/v1/admin/categories", nil, &cats, 200)
	var a congtin.Article
	api(t, c.a, token, "POST", "/api/v1/admin/articles", congtin.ArticleInput{CategoryID: cats.Categories[0].ID,
		Title: "Hội nghị tổng kết công tác chuyển đổi số năm 2026", Lead: "Ủy ban nhân dân tỉnh tổ chức hội nghị.",
		Body:   fmt.Sprintf(`<p>Toàn cảnh hội nghị.</p><figure><img src=%q srcset=%q alt="Toàn cảnh hội nghị"></figure>`, src, srcset),
		Author: "Minh Anh"}, &a, 201)
	api(t, c.a, token, "POST", fmt.Sprintf("/api/v1/admin/articles/%d/publish", a.ID), map[string]string{}, &a, 200)
	catPath := paths[0][:strings.LastIndexByte(paths[0], '/')]
	path := a.Path(catPath[1:])

	code, page := c.b.Get(path, browserUA)
	if code != 200 {
		t.Fatalf("B %s: %d", path, code)
	}
	m := srcsetRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("B's article page has no srcset")
	}
	widths := 0
	for _, cand := range strings.Split(m[1], ",") {
		u := strings.Fields(strings.TrimSpace(cand))[0]
		for _, p := range []*Portal{c.b, c.a} {
			resp, body := get(t, p.URL+u)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" || len(body) < 1000 {
				t.Fatalf("%s%s: %d %q, %d bytes", p.URL, u, resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
			}
		}
		widths++
	}
	if widths < 3 {
		t.Fatalf("srcset %q has %d widths", m[1], widths)
	}

	// A document with a PDF, attached on A through the back office.
	session := signIn(t, c.a, "bientap", password)
	var typeID, fieldID int64
	c.sql.QueryRow(`SELECT id FROM document_types WHERE name = 'Kế hoạch'`).Scan(&typeID)
	c.sql.QueryRow(`SELECT id FROM document_fields WHERE name = 'Nông nghiệp'`).Scan(&fieldID)
	pdf := docfiletest.PDF("Kế hoạch phát triển hợp tác xã nông nghiệp kiểu mới", "giai đoạn 2026 đến 2030")
	body, ctype := multipartBody(t, url.Values{
		"number": {"15/KH-UBND"}, "type_id": {strconv.FormatInt(typeID, 10)}, "field_id": {strconv.FormatInt(fieldID, 10)},
		"issuer": {"Ủy ban nhân dân tỉnh An Phú"}, "signer": {"Trần Văn Bình"}, "issued_on": {"2026-02-10"},
		"effective_on": {"2026-02-10"}, "summary": {"Kế hoạch phát triển hợp tác xã"},
	}, "files", "ke-hoach-15.pdf", "application/pdf", pdf)
	req, _ := http.NewRequest("POST", c.a.URL+"/admin/van-ban/moi", body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(session)
	resp, out := do(t, req)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("document on A: %d\n%s", resp.StatusCode, out)
	}
	loc, _ := url.Parse(resp.Header.Get("Location")) // /admin/van-ban/{id}?…
	docURL := loc.Path
	form := url.Values{"action": {"publish"}}
	req, _ = http.NewRequest("POST", c.a.URL+docURL+"/chuyen", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(session)
	if resp, out := do(t, req); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish the document on A: %d\n%s", resp.StatusCode, out)
	}
	var docPath, fileURL string
	var docID int64
	fmt.Sscanf(docURL, "/admin/van-ban/%d", &docID)
	var slug string
	if err := c.sql.QueryRow(`SELECT slug FROM documents WHERE id = $1`, docID).Scan(&slug); err != nil {
		t.Fatal(err)
	}
	docPath = congtin.DocumentPath(slug, docID)
	code, page = c.b.Get(docPath, browserUA)
	if code != 200 {
		t.Fatalf("B %s: %d", docPath, code)
	}
	if m := regexp.MustCompile(`href="(/van-ban/[^"]+/tep/[^"]+)"`).FindStringSubmatch(page); m != nil {
		fileURL = m[1]
	} else {
		t.Fatalf("B's document page has no file link:\n%s", page)
	}
	resp2, got := get(t, c.b.URL+fileURL)
	if resp2.StatusCode != 200 || !bytes.Equal(got, pdf) {
		t.Fatalf("B %s: %d, %d bytes (want the %d uploaded)", fileURL, resp2.StatusCode, len(got), len(pdf))
	}
	// Its text is read once, by one node, and found on both. The reading
	// is done when its job is gone (the text and the job's end commit
	// together); the search alone cannot tell, since the summary already
	// holds most of the words and the register shows near matches.
	since := time.Now()
	waitFor(t, "the attachment's job done", since, func() bool { return c.count(t, `SELECT COUNT(*) FROM jobs`) == 0 })
	for _, p := range []*Portal{c.a, c.b} {
		waitFor(t, "the attachment's text searchable on "+p.URL, since, func() bool {
			_, page := p.Get("/van-ban?q="+url.QueryEscape("hợp tác xã kiểu mới"), browserUA)
			return strings.Contains(page, "15/KH-UBND")
		})
	}
	if n := strings.Count(c.a.Log(), "attachment text read") + strings.Count(c.b.Log(), "attachment text read"); n != 1 {
		t.Fatalf("the attachment was read %d times by the two nodes, want once", n)
	}
	if n := c.count(t, `SELECT COUNT(*) FROM jobs`); n != 0 {
		t.Fatalf("%d jobs left", n)
	}

	// An edit on A reaches B's cached article page within a second.
	for range 2 {
		c.b.Get(path, browserUA)
	}
	start := time.Now()
	api(t, c.a, token, "PUT", fmt.Sprintf("/api/v1/admin/articles/%d", a.ID), congtin.ArticleInput{CategoryID: cats.Categories[0].ID,
		Title: "Hội nghị tổng kết công tác chuyển đổi số năm 2026, cập nhật", Lead: a.Lead, Body: a.Body, Author: a.Author, Version: a.Version}, &a, 200)
	if d := waitFor(t, "the edit on B", start, func() bool {
		// The new title gives a new address: B's old page, cached,
		// must give way to a redirect to it.
		code, page := c.b.Get(path, browserUA)
		return code == http.StatusMovedPermanently || strings.Contains(page, "chuyển đổi số năm 2026, cập nhật")
	}); d > withinOneSecond {
		t.Errorf("B showed the edit made on A after %v", d)
	}
}

// get fetches a URL and reads the body.
func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := noRedirects.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}
