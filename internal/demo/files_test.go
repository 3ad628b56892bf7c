package demo

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"html"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"golang.org/x/text/unicode/norm"
)

// The real attachments in files/ are made by this file's generator:
//
//	go test ./internal/demo -run TestDemoFiles -update-demo-files
//
// with Debian's chromium, libreoffice-writer-nogui, fonts-liberation,
// poppler-utils and img2pdf (docfiletest's ChromiumPDF, LibreOfficePDF
// and ScanPDF). Without the flag, TestDemoFiles checks that the committed
// files are what the inputs below describe.
var updateDemoFiles = flag.Bool("update-demo-files", false, "rebuild internal/demo/files from the generator's inputs")

// demoFileSpec is one real attachment: the document it belongs to, a
// phrase that only its text holds (not the document's summary, nor any
// other file), and the paragraphs its text layer must show (none for the
// scan, whose only text is what OCR reads).
type demoFileSpec struct {
	name       string
	key        string
	phrase     string
	paragraphs []string
	pages      int
}

// maxScanBytes bounds the scan in the repository and the demo binary.
const maxScanBytes = 400 << 10

// scanQuality is the JPEG quality of the scanned page: low enough for
// maxScanBytes with the scanner's grain, high enough for OCR.
const scanQuality = 35

// The number and date of a document are left blank, as on the copy
// printed for signature: the demo dates its documents relative to today,
// so a typed number would contradict the register's.
const (
	blank   = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
	dateRow = "An Phú, ngày" + blank + "tháng" + blank + "năm" + blank
	demoRow = "(Bản điện tử đăng tải trên Cổng thông tin điện tử tỉnh An Phú - dữ liệu mẫu)"
)

var planParagraphs = []string{
	"Căn cứ Luật Tổ chức chính quyền địa phương; Luật Giao dịch điện tử;",
	"Căn cứ Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
	"Căn cứ Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số tỉnh An Phú, Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số, phát triển chính quyền số trong năm với các nội dung sau:",
	"I. MỤC ĐÍCH, YÊU CẦU",
	"1. Nâng cao hiệu quả hoạt động của các cơ quan nhà nước trên môi trường số; bảo đảm 100% văn bản trao đổi giữa các cơ quan hành chính cấp tỉnh, cấp xã (trừ văn bản mật) được gửi, nhận dưới dạng điện tử, có chữ ký số.",
	"2. Người dân, doanh nghiệp được cung cấp dịch vụ công trực tuyến thuận tiện, không phải khai lại thông tin đã có trong cơ sở dữ liệu; tỷ lệ hồ sơ nộp trực tuyến đạt từ 80% trở lên.",
	"3. Các nhiệm vụ được giao cụ thể cho từng cơ quan, đơn vị, có thời hạn hoàn thành và sản phẩm rõ ràng; gắn trách nhiệm của người đứng đầu với kết quả chuyển đổi số.",
	"II. NHIỆM VỤ TRỌNG TÂM",
	"1. Hoàn thiện hạ tầng số: nâng cấp Trung tâm dữ liệu tỉnh; mở rộng mạng truyền số liệu chuyên dùng đến tất cả các xã, phường; bảo đảm an toàn thông tin theo cấp độ cho các hệ thống dùng chung.",
	"2. Phát triển dữ liệu số: xây dựng kho dữ liệu dùng chung của tỉnh, kết nối, chia sẻ với Cơ sở dữ liệu quốc gia về dân cư; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực.",
	"3. Ứng dụng công nghệ mới: thí điểm trợ lý ảo hỗ trợ công chức tra cứu văn bản quy phạm pháp luật và soạn thảo văn bản hành chính tại Văn phòng Ủy ban nhân dân tỉnh và ba sở; đánh giá, nhân rộng trong quý IV.",
	"III. KINH PHÍ THỰC HIỆN",
	"Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách tỉnh trong dự toán được giao của các cơ quan, đơn vị và các nguồn vốn hợp pháp khác theo quy định.",
	"IV. TỔ CHỨC THỰC HIỆN",
	"1. Văn phòng Ủy ban nhân dân tỉnh chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng quý.",
	"2. Sở Tài chính tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch theo khả năng cân đối ngân sách.",
	"3. Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm tổ chức thực hiện các nhiệm vụ được giao. Trong quá trình triển khai, nếu có khó khăn, vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết.",
}

var decisionParagraphs = []string{
	"ỦY BAN NHÂN DÂN TỈNH AN PHÚ",
	"Căn cứ Luật Tổ chức chính quyền địa phương;",
	"Căn cứ Luật Ban hành văn bản quy phạm pháp luật;",
	"Căn cứ Luật An toàn thực phẩm;",
	"Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm;",
	"Theo đề nghị của Giám đốc Sở Y tế.",
	"QUYẾT ĐỊNH:",
	"Điều 1. Ban hành kèm theo Quyết định này Quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh An Phú.",
	"Điều 2. Quyết định này có hiệu lực thi hành sau mười lăm ngày kể từ ngày ký.",
	"Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở: Y tế, Công Thương, Tài chính; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
	"\f",
	"QUY ĐỊNH",
	"Phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh An Phú",
	"Điều 1. Phạm vi điều chỉnh. Quy định này phân cấp trách nhiệm quản lý nhà nước về an toàn thực phẩm giữa các sở, ngành và Ủy ban nhân dân cấp xã đối với các cơ sở sản xuất, kinh doanh thực phẩm trên địa bàn tỉnh.",
	"Điều 2. Sở Y tế quản lý các cơ sở sản xuất nước uống đóng chai, thực phẩm bảo vệ sức khỏe và bếp ăn tập thể của các khu công nghiệp có từ hai trăm suất ăn mỗi bữa trở lên.",
	"Điều 3. Ủy ban nhân dân cấp xã quản lý các cơ sở kinh doanh thức ăn đường phố, cơ sở sản xuất thực phẩm nhỏ lẻ và chợ trên địa bàn; kiểm tra định kỳ ít nhất hai lần mỗi năm và báo cáo kết quả về Sở Y tế.",
	demoRow,
}

var noticeParagraphs = []string{
	"Ngày" + blank + ", tại trụ sở Ủy ban nhân dân tỉnh, đồng chí Nguyễn Văn Thành, Chủ tịch Ủy ban nhân dân tỉnh chủ trì buổi làm việc với Sở Y tế về công tác khám bệnh, chữa bệnh. Sau khi nghe Giám đốc Sở Y tế báo cáo và ý kiến của các đại biểu, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:",
	"1. Ghi nhận những kết quả ngành Y tế đạt được; chất lượng khám bệnh, chữa bệnh từng bước được nâng lên, tình trạng quá tải ở các bệnh viện tuyến tỉnh đã giảm.",
	"2. Giao Sở Y tế chủ trì xây dựng đề án bệnh viện vệ tinh của Bệnh viện Đa khoa tỉnh tại các trung tâm y tế khu vực, trình Ủy ban nhân dân tỉnh trong quý tới.",
	"3. Giao Sở Tài chính cân đối, bố trí kinh phí mua sắm trang thiết bị y tế thiết yếu; Sở Nội vụ tham mưu chính sách thu hút bác sĩ về công tác tại tuyến cơ sở.",
	"Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
}

var demoFileSpecs = []demoFileSpec{
	{name: "ke-hoach-chuyen-doi-so.pdf", key: "kh-chuyendoiso", phrase: "trợ lý ảo hỗ trợ công chức tra cứu văn bản", paragraphs: planParagraphs, pages: 2},
	{name: "quyet-dinh-an-toan-thuc-pham.pdf", key: "qd-attp", phrase: "bếp ăn tập thể của các khu công nghiệp", paragraphs: decisionParagraphs, pages: 2},
	{name: "quyet-dinh-an-toan-thuc-pham.docx", key: "qd-attp", phrase: "bếp ăn tập thể của các khu công nghiệp", paragraphs: decisionParagraphs},
	{name: "thong-bao-ket-luan-y-te.pdf", key: "tb-yte", phrase: "đề án bệnh viện vệ tinh", pages: 1},
}

// pageHTML is an administrative document as a clerk lays it out in A4:
// the agency and the national motto side by side, the number and the
// place and date, the title, the body, the recipients and the signature.
// stamp adds the agency's red seal over the signature, as on the signed
// original.
func pageHTML(agency, number, title, subtitle string, body []string, signRole, signer string, stamp bool) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page{size:A4;margin:2cm 1.5cm 2cm 3cm}
body{font-family:"Times New Roman",serif;font-size:14pt;line-height:1.3;margin:0}
table{width:100%;border-collapse:collapse}td{vertical-align:top;text-align:center;padding:0;font-size:12.5pt;white-space:nowrap}
p{text-align:justify;text-indent:1cm;margin:0 0 6pt}
.h{font-weight:bold}.c{text-align:center;text-indent:0}.small{font-size:11pt}
.brk{break-before:page}
.sign{position:relative;width:45%;margin-left:55%;text-align:center;margin-top:12pt}
.seal{position:absolute;left:-0.8cm;top:0.5cm;width:4cm;height:4cm;border:3px solid #d0161b;border-radius:50%;color:#d0161b;opacity:.85}
.seal div{position:absolute;inset:0.25cm;border:1.5px solid #d0161b;border-radius:50%;font:bold 9pt sans-serif;display:flex;align-items:center;justify-content:center;text-align:center}
</style></head><body>
<table><tr><td style="width:40%" class="h">`)
	b.WriteString(strings.ReplaceAll(html.EscapeString(agency), "\n", "<br>"))
	b.WriteString(`</td><td class="h">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr><tr><td>Số:` + blank + html.EscapeString(number) + `</td><td><i>` + dateRow + `</i></td></tr></table>
`)
	fmt.Fprintf(&b, "<p class=\"c h\" style=\"margin-top:14pt\">%s</p><p class=\"c h\">%s</p>\n", html.EscapeString(title), html.EscapeString(subtitle))
	for _, p := range body {
		if p == "\f" {
			b.WriteString(`<div class="brk"></div>`)
			continue
		}
		class := ""
		if strings.ToUpper(p) == p {
			class = ` class="h"`
		}
		fmt.Fprintf(&b, "<p%s>%s</p>\n", class, html.EscapeString(p))
	}
	b.WriteString(`<div class="sign">`)
	if stamp {
		b.WriteString(`<div class="seal"><div>ỦY BAN NHÂN DÂN<br>★<br>TỈNH AN PHÚ</div></div>`)
	}
	fmt.Fprintf(&b, `<p class="c h">%s</p><svg width="160" height="60" viewBox="0 0 160 60"><path d="M10 40 C30 5, 45 55, 60 30 S90 10, 100 35 S130 50, 150 20" stroke="#1a237e" stroke-width="2.5" fill="none"/></svg><p class="c h">%s</p></div>`,
		strings.ReplaceAll(html.EscapeString(signRole), "\n", "<br>"), html.EscapeString(signer))
	fmt.Fprintf(&b, `<p class="small" style="text-indent:0"><b><i>Nơi nhận:</i></b><br>- Như trên;<br>- Lưu: VT.</p><p class="small c">%s</p></body></html>`, html.EscapeString(demoRow))
	return b.String()
}

// planWithBreak is the plan's body with its second page starting at the
// new technology task, so the file's phrase is on page 2.
func planWithBreak() []string {
	i := slices.IndexFunc(planParagraphs, func(p string) bool { return strings.HasPrefix(p, "3. Ứng dụng") })
	return slices.Concat(planParagraphs[:i], []string{"\f"}, planParagraphs[i:], []string{demoRow})
}

// makeDemoFiles builds every file of demoFileSpecs, by name.
func makeDemoFiles(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	out["ke-hoach-chuyen-doi-so.pdf"] = docfiletest.ChromiumPDF(t, pageHTML("ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ", "/KH-UBND", "KẾ HOẠCH",
		"Chuyển đổi số, phát triển chính quyền số tỉnh An Phú", planWithBreak(), "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC", sPCTTT, false))
	head := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:" + blank + "/20" + blank + "/QĐ-UBND", dateRow,
		"QUYẾT ĐỊNH", "Ban hành Quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh An Phú"}
	sign := []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", sChuTich}
	docx, pdf := docfiletest.LibreOfficePDF(t, slices.Concat([]string{"ỦY BAN NHÂN DÂN TỈNH AN PHÚ"}, head, decisionParagraphs[:10], sign, decisionParagraphs[10:])...)
	out["quyet-dinh-an-toan-thuc-pham.docx"], out["quyet-dinh-an-toan-thuc-pham.pdf"] = docx, pdf

	// One page, its JPEG made smaller than the scanner's own.
	pages := docfiletest.ScanPages(t, pageHTML("ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ", "/TB-UBND", "THÔNG BÁO",
		"Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế về công tác khám bệnh, chữa bệnh", noticeParagraphs,
		"TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", sChanhVP, true))
	if len(pages) != 1 {
		t.Fatalf("the notice prints on %d pages, want 1", len(pages))
	}
	img, err := jpeg.Decode(bytes.NewReader(pages[0]))
	if err != nil {
		t.Fatal(err)
	}
	var small bytes.Buffer
	if err := jpeg.Encode(&small, img, &jpeg.Options{Quality: scanQuality}); err != nil {
		t.Fatal(err)
	}
	out["thong-bao-ket-luan-y-te.pdf"] = docfiletest.ImagesPDF(t, [][]byte{small.Bytes()})
	return out
}

// TestDemoFiles checks the real attachments in files/ against their
// inputs, or rebuilds them with -update-demo-files: the text PDFs carry
// embedded fonts with ToUnicode maps and show every paragraph, the scan
// has no font and no text layer, the DOCX is in Times New Roman, and
// each holds its phrase.
func TestDemoFiles(t *testing.T) {
	if *updateDemoFiles {
		for name, data := range makeDemoFiles(t) {
			if err := os.WriteFile(filepath.Join("files", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote files/%s, %d bytes", name, len(data))
		}
	}
	x := &docfile.Extractor{PDFToText: docfiletest.Tool(t, "pdftotext")}
	embedded, err := fs.Glob(realFiles, "files/*")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range demoFileSpecs {
		names = append(names, "files/"+s.name)
	}
	slices.Sort(names)
	if !slices.Equal(embedded, names) {
		t.Errorf("embedded %v, want %v", embedded, names)
	}
	for _, s := range demoFileSpecs {
		t.Run(s.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("files", s.name))
			if err != nil {
				t.Fatal(err)
			}
			if e, _ := realFiles.ReadFile("files/" + s.name); !*updateDemoFiles && !bytes.Equal(e, data) {
				t.Error("the embedded file differs from the one on disk")
			}
			t.Logf("%d bytes", len(data))
			if strings.HasSuffix(s.name, ".docx") {
				checkDemoDOCX(t, s, data)
				return
			}
			path := filepath.Join(t.TempDir(), "f.pdf")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			pages, _, err := x.PDFPages(context.Background(), path)
			if err != nil || len(pages) != s.pages {
				t.Fatalf("%d pages, %v; want %d", len(pages), err, s.pages)
			}
			fonts := docfiletest.Fonts(t, data)
			if s.paragraphs == nil {
				// The scan: images only, read by OCR alone.
				for i, p := range pages {
					if strings.TrimSpace(p) != "" {
						t.Errorf("the scan's page %d has a text layer: %q", i+1, p)
					}
				}
				if len(fonts) != 0 || len(data) > maxScanBytes {
					t.Errorf("the scan has %d fonts and %d bytes; want none and at most %d", len(fonts), len(data), maxScanBytes)
				}
				return
			}
			liberation := false
			for _, f := range fonts {
				liberation = liberation || strings.Contains(f.Name, "+LiberationSerif")
				if !f.Embedded || !f.ToUnicode {
					t.Errorf("font %+v: want it embedded, with a ToUnicode map", f)
				}
			}
			if !liberation {
				t.Errorf("fonts %+v: no Liberation Serif, fontconfig's Times New Roman", fonts)
			}
			text := docfile.JoinPages(pages, 1<<20)
			checkParagraphs(t, text, s)
			if i := strings.Index(text, s.phrase); i >= 0 && s.pages > 1 && docfile.PageAt(text, i) != 2 {
				t.Errorf("%q on page %d, want 2", s.phrase, docfile.PageAt(text, i))
			}
		})
	}
}

// checkParagraphs checks that text holds the spec's phrase and each of
// its paragraphs word for word (runs of spaces and line breaks made one
// space): a word pdftotext split in justified text ("ch ịu") must have
// been joined again.
func checkParagraphs(t *testing.T, text string, s demoFileSpec) {
	t.Helper()
	flat := strings.Join(strings.Fields(norm.NFC.String(text)), " ")
	for _, p := range append([]string{s.phrase}, s.paragraphs...) {
		if !strings.Contains(flat, strings.Join(strings.Fields(p), " ")) {
			t.Errorf("the text lacks %q:\n%s", p, text)
		}
	}
}

// checkDemoDOCX checks the Word document the decision's PDF was made
// from: Times New Roman, and the same paragraphs.
func checkDemoDOCX(t *testing.T, s demoFileSpec, data []byte) {
	t.Helper()
	text, err := docfile.DOCXText(bytes.NewReader(data), int64(len(data)), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	checkParagraphs(t, text, s)
	docfiletest.CheckTimesNewRoman(t, data)
}
