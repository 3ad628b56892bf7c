package admin_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"golang.org/x/net/html"
)

// attachment is a file to send with the document form.
type attachment struct {
	name, ctype string
	data        []byte
}

// documentForm builds the multipart body the form sends.
func documentForm(t *testing.T, fields url.Values, files ...attachment) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files"; filename="%s"`, f.name))
		h.Set("Content-Type", f.ctype)
		w, _ := mw.CreatePart(h)
		w.Write(f.data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// termByName finds a list entry of the default site.
func (e *env) termByName(list, name string) int64 {
	e.t.Helper()
	terms, err := e.db.FindDocumentTerms(e.t.Context(), e.site.ID, list)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, x := range terms {
		if x.Name == name {
			return x.ID
		}
	}
	e.t.Fatalf("no %q", name)
	return 0
}

func (e *env) docFields(number, summary string) url.Values {
	return url.Values{
		"number": {number}, "type_id": {strconv.FormatInt(e.termByName(congtin.ListTypes, "Kế hoạch"), 10)},
		"field_id": {strconv.FormatInt(e.termByName(congtin.ListFields, "Nông nghiệp"), 10)},
		"issuer":   {"Ủy ban nhân dân tỉnh An Phú"}, "signer": {"Trần Văn Bình"},
		"issued_on": {"2026-02-10"}, "effective_on": {"2026-02-10"}, "summary": {summary},
	}
}

// links returns the href of every <a> in a page, parsed as HTML.
func links(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key == "href" {
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func hasLink(t *testing.T, page, href string) bool {
	for _, l := range links(t, page) {
		if l == href {
			return true
		}
	}
	return false
}

// elements returns the text of every element with the tag.
func elements(t *testing.T, page, tag string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var s string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s += text(c)
		}
		return s
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, text(n))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func (e *env) countDocuments() int {
	e.t.Helper()
	_, n, err := e.db.FindAdminDocuments(e.t.Context(), congtin.AdminDocumentFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

func (e *env) storedFiles() []string {
	var out []string
	filepath.Walk(filepath.Join(e.media, "van-ban"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestDocumentWorkflow creates a document with a PDF and a DOCX as a
// reporter, has it approved and published by an editor, and finds it the
// ways readers do.
func TestDocumentWorkflow(t *testing.T) {
	e := newEnv(t)
	pv, btv, reader := e.as("pv1"), e.as("btv"), e.client("")
	pdf := docfiletest.PDF("Irrigation plan for the dry season", "quokka wombat platypus")
	docx := docfiletest.DOCX("Phụ lục: danh mục công trình thủy lợi", "kênh mương nội đồng")

	if r := pv.get("/admin/van-ban/moi"); r.status != 200 || !strings.Contains(r.body, `enctype="multipart/form-data"`) {
		t.Fatalf("new form: %d", r.status)
	}
	body, ctype := documentForm(t, e.docFields("115/KH-UBND", "Kế hoạch tưới tiêu mùa khô năm 2026"),
		attachment{"Kế hoạch 115.pdf", "application/pdf", pdf}, attachment{"phu-luc.docx", "application/octet-stream", docx})
	r := pv.do("POST", "/admin/van-ban/moi", body, ctype)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/admin/van-ban/") {
		t.Fatalf("create: %d %s %.400s", r.status, r.header.Get("Location"), r.body)
	}
	loc, _ := url.Parse(r.header.Get("Location"))
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc.Path, "/admin/van-ban/"), 10, 64)
	d, err := e.db.FindDocumentByID(t.Context(), e.site.ID, id)
	if err != nil || d.Status != congtin.StatusDraft || len(d.Files) != 2 || d.Files[0].Kind != congtin.FilePDF || d.Files[1].Kind != congtin.FileDOCX {
		t.Fatalf("stored: %+v, %v", d, err)
	}
	if got := len(e.storedFiles()); got != 2 {
		t.Fatalf("%d files on disk, want 2", got)
	}
	// The files are stored, their text not read yet: that is the
	// background worker's, after the request.
	if r := pv.get("/admin/van-ban/" + strconv.FormatInt(id, 10)); r.status != 200 || strings.Count(r.body, "Đang nhận dạng") != 2 {
		t.Fatalf("edit page before reading: %d, %d × Đang nhận dạng", r.status, strings.Count(r.body, "Đang nhận dạng"))
	}
	if n := e.readFiles(); n != 2 {
		t.Fatalf("%d files read, want 2", n)
	}
	if r := pv.get("/admin/van-ban/" + strconv.FormatInt(id, 10)); r.status != 200 || strings.Count(r.body, "Đã có văn bản") != 2 {
		t.Fatalf("edit page after reading: %d, %d × Đã có văn bản", r.status, strings.Count(r.body, "Đã có văn bản"))
	}
	// Not public yet.
	if r := reader.get(d.Path()); r.status != 404 {
		t.Fatalf("draft page: %d", r.status)
	}
	if r := reader.get("/van-ban/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(d.Files[0].ID, 10)); r.status != 404 {
		t.Fatalf("draft attachment: %d", r.status)
	}
	// The newsroom opens it; no shared cache may keep it (issue 16).
	if r := pv.get("/admin/van-ban/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(d.Files[0].ID, 10)); r.status != 200 ||
		r.header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("draft attachment in the back office: %d, Cache-Control %q", r.status, r.header.Get("Cache-Control"))
	}
	// The reporter cannot publish, submits; the editor publishes.
	act := func(c *client, action string) *resp {
		return c.post("/admin/van-ban/"+strconv.FormatInt(id, 10)+"/chuyen", url.Values{"action": {action}})
	}
	if r := act(pv, "publish"); r.status != 403 {
		t.Fatalf("reporter publish: %d", r.status)
	}
	if r := act(pv, "submit"); r.status != 303 {
		t.Fatalf("submit: %d %.300s", r.status, r.body)
	}
	if r := act(btv, "return"); r.status != 400 || !strings.Contains(r.body, "Hãy ghi ý kiến") {
		t.Fatalf("return without a comment: %d", r.status)
	}
	if r := act(btv, "publish"); r.status != 303 {
		t.Fatalf("publish: %d %.300s", r.status, r.body)
	}

	// Found by its number typed without diacritics or punctuation, by a
	// word of its summary, by a word only in its PDF, by one only in its
	// DOCX; and not by a word it does not hold.
	for _, q := range []string{"115 kh ubnd", "tuoi tieu", "quokka", "kenh muong noi dong"} {
		r := reader.get("/van-ban?q=" + url.QueryEscape(q))
		if r.status != 200 || !hasLink(t, r.body, d.Path()) {
			t.Errorf("q=%q: %d, no link to %s", q, r.status, d.Path())
		}
	}
	if r := reader.get("/van-ban?q=kangaroo"); r.status != 200 || hasLink(t, r.body, d.Path()) || !strings.Contains(r.body, "Không có văn bản nào phù hợp") {
		t.Errorf("a word it does not hold: %d", r.status)
	}
	// Facets: the type links with its count, the year filter works both ways.
	list := reader.get("/van-ban")
	typeURL := "/van-ban?loai=" + strconv.FormatInt(e.termByName(congtin.ListTypes, "Kế hoạch"), 10)
	if !hasLink(t, list.body, typeURL) || !hasLink(t, list.body, "/van-ban?nam=2026") || !hasLink(t, list.body, "/van-ban?hieu-luc=con-hieu-luc") {
		t.Fatalf("facet links missing: %v", links(t, list.body))
	}
	if r := reader.get(typeURL + "&nam=2026&hieu-luc=con-hieu-luc"); !hasLink(t, r.body, d.Path()) {
		t.Error("filtered list lacks the document")
	}
	if r := reader.get("/van-ban?nam=2025"); hasLink(t, r.body, d.Path()) {
		t.Error("year 2025 lists a 2026 document")
	}
	if r := reader.get("/van-ban?nam=abc"); r.status != 400 || !strings.Contains(r.body, "Năm ban hành không hợp lệ") {
		t.Errorf("bad year: %d", r.status)
	}

	// The document page: every field in the table, the attachments.
	page := reader.get(d.Path())
	if page.status != 200 {
		t.Fatalf("page: %d", page.status)
	}
	cells := strings.Join(elements(t, page.body, "td"), "|")
	for _, want := range []string{"115/KH-UBND", "Kế hoạch", "Nông nghiệp", "Ủy ban nhân dân tỉnh An Phú", "Trần Văn Bình", "10/02/2026", "Còn hiệu lực"} {
		if !strings.Contains(cells, want) {
			t.Errorf("field table lacks %q: %s", want, cells)
		}
	}
	fileURL := "/van-ban/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(d.Files[0].ID, 10)
	if !hasLink(t, page.body, fileURL) || !strings.Contains(page.body, "(PDF, ") || !strings.Contains(page.body, "(Word, ") {
		t.Fatalf("attachments not listed")
	}
	if r := reader.get("/van-ban/sai-so-hieu-" + strconv.FormatInt(id, 10)); r.status != 301 || r.header.Get("Location") != d.Path() {
		t.Errorf("old slug: %d %s", r.status, r.header.Get("Location"))
	}

	// Downloads: never inline, the sniffed type, the bytes as uploaded.
	dl := reader.get(fileURL)
	if dl.status != 200 || dl.body != string(pdf) || dl.header.Get("Content-Type") != "application/pdf" ||
		dl.header.Get("X-Content-Type-Options") != "nosniff" ||
		dl.header.Get("Content-Disposition") != `attachment; filename="K_ ho_ch 115.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20115.pdf` {
		t.Fatalf("pdf download: %d %v", dl.status, dl.header)
	}
	dl = reader.get("/van-ban/" + strconv.FormatInt(id, 10) + "/tep/" + strconv.FormatInt(d.Files[1].ID, 10))
	if dl.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
		!strings.HasPrefix(dl.header.Get("Content-Disposition"), "attachment;") || dl.body != string(docx) {
		t.Fatalf("docx download: %v", dl.header)
	}

	// Print view, RSS, sitemap, JSON API.
	if r := reader.get("/ban-in/van-ban/" + strconv.FormatInt(id, 10)); r.status != 200 || !strings.Contains(r.body, "115/KH-UBND") || !strings.Contains(r.body, "In văn bản") {
		t.Errorf("print: %d", r.status)
	}
	if r := reader.get("/rss/van-ban"); r.status != 200 || !strings.Contains(r.body, "<title>Kế hoạch 115/KH-UBND</title>") {
		t.Errorf("rss: %d %.300s", r.status, r.body)
	}
	if r := reader.get("/sitemap.xml"); !strings.Contains(r.body, "/sitemap/van-ban.xml</loc>") {
		t.Errorf("sitemap index lacks the register")
	}
	if r := reader.get("/sitemap/van-ban.xml"); !strings.Contains(r.body, d.Path()+"</loc>") {
		t.Errorf("register sitemap lacks the document")
	}
	var api struct {
		Total   int `json:"total"`
		Results []struct {
			ID      int64  `json:"id"`
			Number  string `json:"number"`
			InForce bool   `json:"in_force"`
		} `json:"results"`
	}
	r = reader.get("/api/v1/van-ban?q=" + url.QueryEscape("115 kh ubnd"))
	if err := json.Unmarshal([]byte(r.body), &api); err != nil || api.Total != 1 || api.Results[0].Number != "115/KH-UBND" || !api.Results[0].InForce {
		t.Fatalf("api: %v %+v %s", err, api, r.body)
	}
	// One document: with its files.
	var one struct {
		Number string `json:"number"`
		Files  []struct {
			URL         string `json:"url"`
			ContentType string `json:"content_type"`
			Size        int64  `json:"size"`
		} `json:"files"`
	}
	r = reader.get("/api/v1/van-ban/" + strconv.FormatInt(id, 10))
	if err := json.Unmarshal([]byte(r.body), &one); err != nil || r.status != 200 || one.Number != "115/KH-UBND" || len(one.Files) != 2 ||
		one.Files[0].ContentType != "application/pdf" || one.Files[0].Size != int64(len(pdf)) || !strings.HasSuffix(one.Files[0].URL, fileURL) {
		t.Errorf("api document: %d %s", r.status, r.body)
	}
	if r := reader.get("/api/v1/van-ban/999"); r.status != 404 || !strings.Contains(r.body, "Không tìm thấy văn bản") {
		t.Errorf("api missing document: %d %s", r.status, r.body)
	}
	if r := reader.get("/api/v1/van-ban?hieu-luc=sai"); r.status != 400 || !strings.Contains(r.body, "không hợp lệ") {
		t.Errorf("api bad filter: %d %s", r.status, r.body)
	}

	// A newer plan replaces it: the old one shows "Hết hiệu lực" and
	// links to its replacement.
	body, ctype = documentForm(t, mergeValues(e.docFields("20/KH-UBND", "Kế hoạch tưới tiêu thay thế"), url.Values{"links_replaces": {"115 / kh-ubnd"}}))
	r = btv.do("POST", "/admin/van-ban/moi", body, ctype)
	if r.status != 303 {
		t.Fatalf("second: %d %.500s", r.status, r.body)
	}
	loc, _ = url.Parse(r.header.Get("Location"))
	id2, _ := strconv.ParseInt(strings.TrimPrefix(loc.Path, "/admin/van-ban/"), 10, 64)
	btv.post("/admin/van-ban/"+strconv.FormatInt(id2, 10)+"/chuyen", url.Values{"action": {"publish"}})
	d2, _ := e.db.FindDocumentByID(t.Context(), e.site.ID, id2)
	page = reader.get(d.Path())
	if !strings.Contains(page.body, "Văn bản này đã hết hiệu lực: được thay thế bởi Kế hoạch số 20/KH-UBND") || !hasLink(t, page.body, d2.Path()) {
		t.Fatalf("replaced page: %.2000s", page.body)
	}
	if r := reader.get("/van-ban?hieu-luc=het-hieu-luc"); !hasLink(t, r.body, d.Path()) || hasLink(t, r.body, d2.Path()) {
		t.Error("expired filter")
	}

	// The audit log has the steps.
	entries, _, err := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, ObjectType: "document", ObjectID: id})
	if err != nil || len(entries) != 3 || entries[0].Action != "document.publish" || entries[2].Action != "document.create" || entries[2].Username != "pv1" {
		t.Fatalf("audit: %+v, %v", entries, err)
	}
}

func mergeValues(a, b url.Values) url.Values {
	for k, v := range b {
		a[k] = v
	}
	return a
}

// TestDocumentBadInput tries what a careless or hostile user sends.
func TestDocumentBadInput(t *testing.T) {
	e := newEnv(t)
	pv := e.as("pv1")
	post := func(fields url.Values, files ...attachment) *resp {
		body, ctype := documentForm(t, fields, files...)
		return pv.do("POST", "/admin/van-ban/moi", body, ctype)
	}
	nothingSaved := func(what string) {
		t.Helper()
		if n := e.countDocuments(); n != 0 {
			t.Fatalf("%s: %d documents saved", what, n)
		}
		if f := e.storedFiles(); len(f) != 0 {
			t.Fatalf("%s: files stored: %v", what, f)
		}
	}

	// Executables claiming to be PDF.
	for _, exe := range [][]byte{append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0}, 500)...), append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0}, 500)...)} {
		r := post(e.docFields("1/QĐ-UBND", "Quyết định"), attachment{"quyet-dinh.pdf", "application/pdf", exe}, attachment{"ok.pdf", "application/pdf", docfiletest.PDF("fine")})
		if r.status != 400 || !strings.Contains(r.body, "Tệp “quyet-dinh.pdf”: Tệp là chương trình chạy được") || !strings.Contains(r.body, `value="1/QĐ-UBND"`) && !strings.Contains(r.body, "Chưa lưu được") {
			t.Fatalf("executable: %d %.600s", r.status, r.body)
		}
		nothingSaved("executable")
	}

	// 200 MB, announced: refused before the body is read.
	var sent atomic.Int64
	big := &countingReader{r: io.MultiReader(strings.NewReader("--x\r\n"), zeroReader{}), n: &sent, limit: 200 << 20}
	req, _ := http.NewRequest("POST", e.srv.URL+"/admin/van-ban/moi", big)
	req.ContentLength = 200 << 20
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	st, rbody := sendBig(t, pv, req)
	if st != http.StatusRequestEntityTooLarge || !strings.Contains(rbody, "Tệp đính kèm quá lớn: mỗi tệp tối đa 20 MB") {
		t.Fatalf("200 MB announced: %d %.300s", st, rbody)
	}
	if sent.Load() > 25<<20 {
		t.Fatalf("the server read %d bytes of an announced 200 MB body", sent.Load())
	}
	t.Logf("200 MB announced: status %d, %d bytes read", st, sent.Load())
	nothingSaved("200 MB announced")

	// 200 MB streamed without a length: refused once the file passes
	// 20 MB, without reading the rest.
	sent.Store(0)
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		for k, vs := range e.docFields("2/KH-UBND", "Kế hoạch lớn") {
			mw.WriteField(k, vs[0])
		}
		fw, _ := mw.CreateFormFile("files", "lon.pdf")
		fw.Write([]byte("%PDF-1.4\n"))
		_, err := io.Copy(fw, &countingReader{r: zeroReader{}, n: &sent, limit: 200 << 20})
		if err == nil {
			mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, _ = http.NewRequest("POST", e.srv.URL+"/admin/van-ban/moi", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	st, rbody = sendBig(t, pv, req)
	pr.CloseWithError(io.ErrClosedPipe)
	if st != http.StatusRequestEntityTooLarge || !strings.Contains(rbody, "Tệp đính kèm quá lớn") {
		t.Fatalf("200 MB streamed: %d %.300s", st, rbody)
	}
	if sent.Load() >= 100<<20 {
		t.Fatalf("the client sent %d bytes before the refusal", sent.Load())
	}
	t.Logf("200 MB streamed: status %d, %d bytes sent", st, sent.Load())
	nothingSaved("200 MB streamed")

	// Numbers: look-alikes normalized or refused clearly.
	for _, c := range []struct{ number, msg string }{
		{"115/КН-UBND", "không thuộc bảng chữ cái Latin"},
		{"115/KH\x00-UBND", "ký tự điều khiển"},
		{strings.Repeat("115/KH-UBND ", 20), "Số, ký hiệu quá dài"},
		{"115/KH-UBND ☎", "không được chứa “☎”"},
		{"   ", "Số, ký hiệu không được để trống"},
	} {
		r := post(e.docFields(c.number, "Kế hoạch"))
		if r.status != 400 || !strings.Contains(r.body, c.msg) {
			t.Errorf("number %q: %d, want %q in %.300s", c.number, r.status, c.msg, r.body)
		}
	}
	nothingSaved("bad numbers")

	// Dates.
	for _, c := range []struct {
		field, value, msg string
	}{
		{"issued_on", "2026-02-30", "Ngày ban hành không hợp lệ: “2026-02-30”"},
		{"issued_on", "hôm qua", "Ngày ban hành không hợp lệ"},
		{"expires_on", "2026-01-01", "Ngày hết hiệu lực phải sau ngày ban hành"},
		{"effective_on", "2026-01-01", "Ngày hiệu lực không được trước ngày ban hành"},
		{"issued_on", "1900-01-01", "Ngày ban hành phải trong khoảng"},
	} {
		f := e.docFields("3/KH-UBND", "Kế hoạch")
		f.Set(c.field, c.value)
		if r := post(f); r.status != 400 || !strings.Contains(r.body, c.msg) {
			t.Errorf("%s=%s: %d, want %q", c.field, c.value, r.status, c.msg)
		}
	}
	nothingSaved("bad dates")

	// A full-width number with an en dash and spaces is normalized; HTML
	// in the summary is kept as text and escaped on the page; a broken PDF
	// is attached with a notice but not indexed.
	f := e.docFields("１１５ / KH – UBND", `Kế hoạch <script>alert("x")</script><b>đậm</b>`)
	r := post(f, attachment{"hong.pdf", "application/pdf", []byte("%PDF-1.7\n1 0 obj garbage without streams")})
	if r.status != 303 {
		t.Fatalf("normalized: %d %.500s", r.status, r.body)
	}
	if flash, _ := url.QueryUnescape(r.header.Get("Location")); !strings.Contains(flash, "Chữ trong tệp đính kèm đang được đọc") {
		t.Errorf("no word that the file is being read: %s", flash)
	}
	e.readFiles()
	if page := e.as("pv1").get(r.header.Get("Location")); !strings.Contains(page.body, "Không đọc được") || !strings.Contains(page.body, "Không đọc được chữ trong tệp PDF") {
		t.Errorf("the broken PDF's state is not shown: %.300s", page.body)
	}
	ds, _, _ := e.db.FindAdminDocuments(t.Context(), congtin.AdminDocumentFilter{SiteID: e.site.ID})
	if len(ds) != 1 || ds[0].Number != "115/KH-UBND" {
		t.Fatalf("normalized number: %+v", ds)
	}
	btv := e.as("btv")
	btv.post("/admin/van-ban/"+strconv.FormatInt(ds[0].ID, 10)+"/chuyen", url.Values{"action": {"publish"}})
	page := e.client("").get(ds[0].Path())
	if page.status != 200 || strings.Contains(page.body, `<script>alert("x")`) || !strings.Contains(page.body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;") {
		t.Fatalf("summary not escaped: %.3000s", page.body)
	}
	for _, s := range elements(t, page.body, "script") {
		if strings.Contains(s, "alert") {
			t.Fatal("a script element from the summary")
		}
	}

	// Cross-site POSTs are refused whoever is signed in.
	pv.hdr.Set("Sec-Fetch-Site", "cross-site")
	body, ctype := documentForm(t, e.docFields("9/KH", "x"))
	if r := pv.do("POST", "/admin/van-ban/moi", body, ctype); r.status != 403 {
		t.Errorf("cross-site: %d", r.status)
	}
	pv.hdr.Del("Sec-Fetch-Site")

	// Reporters do not manage the lists; administrators do.
	if r := pv.get("/admin/danh-muc-van-ban"); r.status != 403 {
		t.Errorf("reporter lists: %d", r.status)
	}
	if r := pv.post("/admin/danh-muc-van-ban", url.Values{"list": {"types"}, "name": {"Tờ trình"}}); r.status != 403 {
		t.Errorf("reporter adds a type: %d", r.status)
	}
	qtv := e.as("qtv")
	if r := qtv.post("/admin/danh-muc-van-ban", url.Values{"list": {"types"}, "name": {"Tờ trình"}, "position": {"30"}}); r.status != 303 {
		t.Errorf("admin adds a type: %d %.300s", r.status, r.body)
	}
	if r := qtv.post("/admin/danh-muc-van-ban", url.Values{"list": {"types"}, "name": {"Tờ trình"}}); r.status != 400 || !strings.Contains(r.body, "Đã có loại văn bản “Tờ trình”") {
		t.Errorf("duplicate type: %d", r.status)
	}
	used := strconv.FormatInt(e.termByName(congtin.ListTypes, "Kế hoạch"), 10)
	if r := qtv.post("/admin/danh-muc-van-ban/xoa", url.Values{"list": {"types"}, "id": {used}}); r.status != 409 || !strings.Contains(r.body, "văn bản đang dùng mục này") {
		t.Errorf("deleting a used type: %d", r.status)
	}
	// Another reporter cannot open or change this reporter's document.
	pv2 := e.as("pv2")
	if r := pv2.get("/admin/van-ban/" + strconv.FormatInt(ds[0].ID, 10)); r.status != 403 {
		t.Errorf("other reporter: %d", r.status)
	}
}

// sendBig sends a request whose body the server refuses to read; it
// returns the status and body (0 when no answer came).
func sendBig(t *testing.T, c *client, req *http.Request) (int, string) {
	t.Helper()
	req.Header.Set("User-Agent", "Mozilla/5.0 Chrome/126.0")
	r, err := c.http.Do(req)
	if err != nil {
		return 0, ""
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, string(b)
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// countingReader counts what is read and ends after limit bytes.
type countingReader struct {
	r     io.Reader
	n     *atomic.Int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n.Load() >= c.limit {
		return 0, io.EOF
	}
	if rest := c.limit - c.n.Load(); int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// TestArticleLinksToDocuments: an article body may link to a document, and
// the link survives the sanitizer and reaches the page.
func TestArticleLinksToDocuments(t *testing.T) {
	e := newEnv(t)
	btv := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	a, err := e.db.CreateArticle(t.Context(), btv, e.site.ID, congtin.ArticleInput{CategoryID: e.cat.ID, Title: "Triển khai kế hoạch 115",
		Body: `<p>Xem <a href="/van-ban/115-kh-ubnd-7">Kế hoạch 115/KH-UBND</a> và <a href="/van-ban/7">bản gốc</a>, không phải <a href="javascript:alert(1)">đây</a>.</p>`})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.TransitionArticle(t.Context(), btv, e.site.ID, a.ID, congtin.ActPublish, "", a.PublishedAt); err != nil {
		t.Fatal(err)
	}
	page := e.client("").get(a.Path(e.cat.Slug))
	if page.status != 200 || !hasLink(t, page.body, "/van-ban/115-kh-ubnd-7") || !hasLink(t, page.body, "/van-ban/7") {
		t.Fatalf("article page lacks the document links: %d %v", page.status, links(t, page.body))
	}
	for _, l := range links(t, page.body) {
		if strings.HasPrefix(l, "javascript:") {
			t.Fatal("javascript: link kept")
		}
	}
}
