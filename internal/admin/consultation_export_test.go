package admin

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// exportFixture is a consultation and its comments, given out of order:
// on Điều 10, Điều 2 (twice) and the whole draft (twice), with markup, a
// spreadsheet formula and other formula-like starts in what citizens
// typed, Vietnamese names, one comment's contact purged. Times are UTC;
// the exports show them in Vietnam time (one crosses midnight there).
func exportFixture() (*congtin.Consultation, []*congtin.ConsultationComment) {
	t0 := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC) // 08:00 in Vietnam
	c := &congtin.Consultation{ID: 7, SiteID: 3, Number: "Dự thảo lần 2",
		Title: "Nghị quyết hỗ trợ nông nghiệp công nghệ cao", Drafter: "Sở Nông nghiệp và Môi trường",
		OpensAt: t0, ClosesAt: t0.Add(30*24*time.Hour + 9*time.Hour)}
	cm := func(id int64, art int, name, org, email, phone, body string, at time.Time, status string) *congtin.ConsultationComment {
		return &congtin.ConsultationComment{ID: id, SiteID: 3, ConsultationID: 7, Article: art, Name: name,
			Organization: org, Email: email, Phone: phone, Body: body, CreatedAt: at, Status: status}
	}
	onTen := cm(11, 10, "Trần Thị Bình", "Hợp tác xã Ea Kao", "", "0912 345 678", "Đề nghị bỏ Điều 10.", t0.Add(3*time.Hour), congtin.CommentPending)
	onTwo := cm(12, 2, "Nguyễn Văn Á", "", "a@example.vn", "", `=HYPERLINK("http://lua-dao.example","Bấm vào đây")`+"\nvà dòng hai",
		t0.Add(2*time.Hour), congtin.CommentPublished)
	onTwo.FileName, onTwo.Answer = "gop-y-dieu-2.pdf", "Tiếp thu, sửa khoản 1 Điều 2."
	script := cm(13, 0, "<script>alert(1)</script>", "", "x@example.vn", "", "<b>Không</b> đồng ý & đề nghị <i>làm rõ</i>",
		time.Date(2026, 3, 5, 17, 30, 0, 0, time.UTC), congtin.CommentHidden)
	twoLater := cm(14, 2, "Lê Hoàng", "", "", "", "+84 là mã vùng; ý kiến thứ hai về Điều 2", t0.Add(72*time.Hour), congtin.CommentPending)
	twoLater.Purged = true
	general := cm(15, 0, "@Phạm Minh", "UBND xã Hòa Thắng", "pham@example.vn", "0262 3852 111", "-Ý kiến chung: đồng ý.", t0.Add(time.Hour), congtin.CommentPublished)
	return c, []*congtin.ConsultationComment{onTen, onTwo, script, twoLater, general}
}

// wantRows are the fixture's rows in both exports: the whole draft, then
// Điều 2, then Điều 10 (numeric, not "10" before "2"), each by time sent.
var wantRows = [][]string{
	{"1", "Góp ý chung", "@Phạm Minh\nUBND xã Hòa Thắng", "pham@example.vn\n0262 3852 111", "02/03/2026 09:00",
		"-Ý kiến chung: đồng ý.", "", "", "Đã công bố"},
	{"2", "Góp ý chung", "<script>alert(1)</script>", "x@example.vn", "06/03/2026 00:30",
		"<b>Không</b> đồng ý & đề nghị <i>làm rõ</i>", "", "", "Không công bố"},
	{"3", "Điều 2", "Nguyễn Văn Á", "a@example.vn", "02/03/2026 10:00",
		`=HYPERLINK("http://lua-dao.example","Bấm vào đây")` + "\nvà dòng hai", "gop-y-dieu-2.pdf", "Tiếp thu, sửa khoản 1 Điều 2.", "Đã công bố"},
	{"4", "Điều 2", "Lê Hoàng", "Đã xoá sau thời hạn lưu giữ", "05/03/2026 08:00",
		"+84 là mã vùng; ý kiến thứ hai về Điều 2", "", "", "Chờ duyệt"},
	{"5", "Điều 10", "Trần Thị Bình\nHợp tác xã Ea Kao", "0912 345 678", "02/03/2026 11:00",
		"Đề nghị bỏ Điều 10.", "", "", "Chờ duyệt"},
}

// TestCommentsDOCX: LibreOffice opens the Word export and reads one
// table: the header repeated on each page, a heading row per article
// (the whole draft, Điều 2, Điều 10), and each comment in its article's
// group, its cells in the right columns, markup shown as text. Above the
// table, the draft, its period in Vietnam time and the counts.
func TestCommentsDOCX(t *testing.T) {
	c, comments := exportFixture()
	var b bytes.Buffer
	now := time.Date(2026, 4, 2, 2, 0, 0, 0, time.UTC)
	if err := commentsDOCX(&b, c, comments, now); err != nil {
		t.Fatal(err)
	}
	doc := docfiletest.OpenDOCX(t, b.Bytes())
	tables := docfiletest.Tables(doc)
	if len(tables) != 1 {
		t.Fatalf("LibreOffice reads %d tables, want 1", len(tables))
	}
	tb := tables[0]
	if !reflect.DeepEqual(tb.Head, [][]string{exportColumns}) {
		t.Errorf("header rows (repeated on each page): %q", tb.Head)
	}
	want := [][]string{{"Góp ý chung (2 ý kiến)"}, wantRows[0], wantRows[1],
		{"Điều 2 (2 ý kiến)"}, wantRows[2], wantRows[3],
		{"Điều 10 (1 ý kiến)"}, wantRows[4]}
	if len(tb.Body) != len(want) {
		t.Fatalf("LibreOffice reads %d rows, want %d:\n%q", len(tb.Body), len(want), tb.Body)
	}
	for i := range want {
		if !reflect.DeepEqual(tb.Body[i], want[i]) {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, tb.Body[i], want[i])
		}
	}
	// The comment on Điều 2 is in the row whose Điều cell says so.
	for _, row := range tb.Body {
		if len(row) > 5 && strings.HasPrefix(row[5], "=HYPERLINK") && row[1] != "Điều 2" {
			t.Errorf("the comment on Điều 2 is in a row of %q", row[1])
		}
	}
	var text strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode && n.Parent.DataAtom != atom.Title && n.Parent.DataAtom != atom.Style {
			text.WriteString(n.Data + " ")
		}
	}
	page := strings.Join(strings.Fields(text.String()), " ")
	for _, s := range []string{"TỔNG HỢP Ý KIẾN GÓP Ý", "Nghị quyết hỗ trợ nông nghiệp công nghệ cao",
		"Số hiệu dự thảo: Dự thảo lần 2", "Cơ quan chủ trì soạn thảo: Sở Nông nghiệp và Môi trường",
		"Thời gian lấy ý kiến: từ 02/03/2026 08:00 đến 01/04/2026 17:00 (giờ Việt Nam).",
		"Số ý kiến nhận được: 5 (Đã công bố: 2; Chờ duyệt: 2; Không công bố: 1). Số điều của dự thảo được góp ý: 2.",
		"Ngày lập: 02/04/2026 09:00."} {
		if !strings.Contains(page, s) {
			t.Errorf("the document does not say %q:\n%s", s, page)
		}
	}
}

// TestCommentsCSV: the CSV export starts with a byte order mark, parses
// with encoding/csv, has the same columns and rows in the same order as
// the Word table (without the groups' headings), and defuses every cell
// a spreadsheet would run as a formula with a leading apostrophe.
func TestCommentsCSV(t *testing.T) {
	c, comments := exportFixture()
	var b bytes.Buffer
	if err := commentsCSV(&b, c, comments); err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(b.Bytes(), []byte("\xef\xbb\xbf"))
	if !ok {
		t.Fatalf("the CSV does not start with a UTF-8 byte order mark: %q", b.Bytes()[:min(b.Len(), 10)])
	}
	recs, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{exportColumns}
	for _, r := range wantRows {
		want = append(want, append([]string(nil), r...))
	}
	want[1][2] = "'" + want[1][2] // @Phạm Minh
	want[1][5] = "'" + want[1][5] // -Ý kiến chung
	want[3][5] = "'" + want[3][5] // =HYPERLINK(…)
	want[4][5] = "'" + want[4][5] // +84 …
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("CSV rows:\n got %q\nwant %q", recs, want)
	}
	if !bytes.Contains(rest, []byte("\r\n")) {
		t.Error("the CSV's lines do not end with CRLF, as Excel writes them")
	}
	if exportColumns[0] != "STT" {
		t.Error("writing the CSV changed the columns' names")
	}
}

// TestExportRefusesOtherComments: a comment of another consultation, or
// of another site, is refused and nothing is written: the export holds
// private contacts.
func TestExportRefusesOtherComments(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*congtin.ConsultationComment)
	}{
		{"other consultation", func(cm *congtin.ConsultationComment) { cm.ConsultationID = 8 }},
		{"other site", func(cm *congtin.ConsultationComment) { cm.SiteID = 4 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, comments := exportFixture()
			tc.edit(comments[2])
			var d, s bytes.Buffer
			if err := commentsDOCX(&d, c, comments, time.Now()); err == nil || d.Len() > 0 {
				t.Errorf("commentsDOCX: %v, %d bytes written", err, d.Len())
			}
			if err := commentsCSV(&s, c, comments); err == nil || s.Len() > 0 {
				t.Errorf("commentsCSV: %v, %d bytes written", err, s.Len())
			}
		})
	}
}

// TestGroupComments: the groups come in numeric order of the article,
// the whole draft first (a negative article counts as the whole draft),
// by time and then ID within one, and the caller's slice is left as it
// was.
func TestGroupComments(t *testing.T) {
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	in := []*congtin.ConsultationComment{
		{ID: 1, Article: 10, CreatedAt: at}, {ID: 2, Article: 2, CreatedAt: at.Add(time.Hour)},
		{ID: 3, Article: -1, CreatedAt: at}, {ID: 4, Article: 2, CreatedAt: at},
		{ID: 6, Article: 0, CreatedAt: at.Add(time.Minute)}, {ID: 5, Article: 0, CreatedAt: at.Add(time.Minute)},
	}
	var got [][]int64
	var arts []int
	for _, g := range groupComments(in) {
		arts = append(arts, g.Article)
		var ids []int64
		for _, c := range g.Comments {
			ids = append(ids, c.ID)
		}
		got = append(got, ids)
	}
	if want := [][]int64{{3, 5, 6}, {4, 2}, {1}}; !reflect.DeepEqual(got, want) || !reflect.DeepEqual(arts, []int{0, 2, 10}) {
		t.Errorf("groups %v of articles %v, want %v of [0 2 10]", got, arts, want)
	}
	if in[0].ID != 1 || in[5].ID != 5 {
		t.Error("groupComments reordered the caller's slice")
	}
}
