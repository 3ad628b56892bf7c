package demo

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// The demo's documents register: about three years of the documents a
// province publishes, dated relative to now like everything else. One
// resolution and one regulation were replaced by newer ones (so "Hết
// hiệu lực" shows), two plans ran out, the newest regulation is not yet
// in force. Three carry real files (files.go: a Chromium-printed plan, a
// LibreOffice decision with its DOCX, a scanned notice that only OCR
// reads); most others a one-page PDF whose text repeats the summary
// without diacritics, as an old scanner-less office PDF would, so that a
// search for its words finds the file.

// demoDoc is a document of the demo, dated by how many days before now
// it was issued.
type demoDoc struct {
	key     string // for links between demo documents
	daysAgo int
	typ     string // a default type name (congtin.DefaultDocumentTypes)
	// number is the number's pattern: %[1]d the running number, %[2]d the
	// year (normative documents carry it: 12/2024/NQ-HĐND). perYear is
	// how many the issuer numbers in a year, which sets the running number
	// from the day of the year.
	number  string
	perYear int
	issuer  func(time.Time) string
	signer  string
	field   string // a default field name, "" for none
	summary string // {năm} is the year of issue, {năm sau} the next
	// effective and expires are days after the issue day; -1 for none.
	effective, expires int
	links              map[string]string // kind → key of the target
	noFile             bool
	// files names the real attachments under files/ (realFiles) the
	// document carries instead of a generated PDF.
	files []string
}

// The issuers. The 2025 merger of departments renamed agriculture's.
func fixed(name string) func(time.Time) string { return func(time.Time) string { return name } }

var (
	ubnd   = fixed("Ủy ban nhân dân tỉnh An Phú")
	hdnd   = fixed("Hội đồng nhân dân tỉnh An Phú")
	soTC   = fixed("Sở Tài chính")
	soYT   = fixed("Sở Y tế")
	soGD   = fixed("Sở Giáo dục và Đào tạo")
	soNV   = fixed("Sở Nội vụ")
	soNNMT = func(t time.Time) string {
		if t.Before(deptReform) {
			return "Sở Nông nghiệp và Phát triển nông thôn"
		}
		return "Sở Nông nghiệp và Môi trường"
	}
)

// The signers, as on the organisation chart.
const (
	sChuTich  = "Nguyễn Văn Thành"
	sPCTTT    = "Trần Minh Đức"
	sPCT      = "Lê Thị Hồng Nhung"
	sChanhVP  = "Phạm Quốc Huy"
	sHDND     = "Phan Văn Hậu"
	sGiamDocT = "Ngô Thị Mai"
	sGiamDocY = "Trịnh Thu Hà"
	sGiamDocG = "Lý Quang Vinh"
	sGiamDocN = "Bùi Văn Lâm"
	sGiamDocM = "Đặng Văn Phúc"
)

// demoDocs are in order of issue, the oldest first.
var demoDocs = []demoDoc{
	{key: "nq-nongnghiep", daysAgo: 1010, typ: "Nghị quyết", number: "%d/%d/NQ-HĐND", perYear: 40, issuer: hdnd, signer: sHDND, field: "Nông nghiệp",
		summary: "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp trên địa bàn tỉnh An Phú", effective: 10, expires: -1},
	{key: "qd-tthc", daysAgo: 960, typ: "Quyết định", number: "%d/QĐ-UBND", perYear: 3200, issuer: ubnd, signer: sChuTich, field: "Hành chính",
		summary: "Công bố danh mục thủ tục hành chính tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh", effective: 0, expires: -1},
	{daysAgo: 905, typ: "Kế hoạch", number: "%d/KH-UBND", perYear: 320, issuer: ubnd, signer: sPCT, field: "Văn hóa - Xã hội",
		summary: "Kế hoạch tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm {năm}", effective: 0, expires: 75},
	{daysAgo: 822, typ: "Chỉ thị", number: "%d/CT-UBND", perYear: 24, issuer: ubnd, signer: sChuTich, field: "Hành chính",
		summary: "Về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan hành chính nhà nước trên địa bàn tỉnh", effective: 0, expires: -1, noFile: true},
	{key: "qd-duong", daysAgo: 760, typ: "Quyết định", number: "%d/%d/QĐ-UBND", perYear: 45, issuer: ubnd, signer: sPCTTT, field: "Xây dựng - Giao thông",
		summary: "Ban hành Quy định về quản lý, bảo trì đường giao thông nông thôn trên địa bàn tỉnh An Phú", effective: 10, expires: -1},
	{key: "tb-yte", daysAgo: 701, typ: "Thông báo", number: "%d/TB-UBND", perYear: 480, issuer: ubnd, signer: sChanhVP, field: "Y tế",
		summary: "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế về công tác khám bệnh, chữa bệnh", effective: -1, expires: -1,
		files: []string{"thong-bao-ket-luan-y-te.pdf"}},
	{daysAgo: 642, typ: "Kế hoạch", number: "%d/KH-SYT", perYear: 150, issuer: soYT, signer: sGiamDocY, field: "Y tế",
		summary: "Kế hoạch triển khai tiêm chủng mở rộng năm {năm} trên địa bàn tỉnh", effective: 0, expires: -1},
	{daysAgo: 583, typ: "Hướng dẫn", number: "%d/HD-SGDĐT", perYear: 60, issuer: soGD, signer: sGiamDocG, field: "Giáo dục",
		summary: "Hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học {năm} - {năm sau}", effective: 0, expires: -1},
	{daysAgo: 521, typ: "Quyết định", number: "%d/QĐ-UBND", perYear: 3200, issuer: ubnd, signer: sChuTich, field: "Kinh tế - Tài chính",
		summary: "Giao dự toán thu, chi ngân sách nhà nước năm {năm sau} cho các cơ quan, đơn vị cấp tỉnh", effective: 0, expires: -1},
	{daysAgo: 468, typ: "Công văn", number: "%d/UBND-KT", perYear: 6000, issuer: ubnd, signer: sPCTTT, field: "Kinh tế - Tài chính",
		summary: "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công", effective: -1, expires: -1},
	{daysAgo: 433, typ: "Công văn", number: "%d/STC-QLNS", perYear: 2500, issuer: soTC, signer: sGiamDocT, field: "Kinh tế - Tài chính",
		summary: "Về việc hướng dẫn xây dựng dự toán ngân sách nhà nước năm {năm sau}", effective: -1, expires: -1},
	{daysAgo: 389, typ: "Kế hoạch", number: "%d/KH-UBND", perYear: 320, issuer: ubnd, signer: sPCT, field: "Y tế",
		summary: "Kế hoạch phòng, chống dịch bệnh sốt xuất huyết, tay chân miệng năm {năm}", effective: 0, expires: 240},
	{daysAgo: 352, typ: "Quyết định", number: "%d/QĐ-UBND", perYear: 3200, issuer: ubnd, signer: sPCTTT, field: "Tài nguyên - Môi trường",
		summary: "Phê duyệt kế hoạch sử dụng đất năm {năm} của tỉnh An Phú", effective: 0, expires: -1},
	{daysAgo: 301, typ: "Nghị quyết", number: "%d/NQ-HĐND", perYear: 90, issuer: hdnd, signer: sHDND, field: "Kinh tế - Tài chính",
		summary: "Về điều chỉnh kế hoạch đầu tư công trung hạn của tỉnh An Phú", effective: 0, expires: -1, noFile: true},
	{daysAgo: 262, typ: "Báo cáo", number: "%d/BC-UBND", perYear: 400, issuer: ubnd, signer: sChuTich, field: "Hành chính",
		summary: "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội và nhiệm vụ trọng tâm thời gian tới", effective: -1, expires: -1},
	{key: "nq-nongnghiep-moi", daysAgo: 231, typ: "Nghị quyết", number: "%d/%d/NQ-HĐND", perYear: 40, issuer: hdnd, signer: sHDND, field: "Nông nghiệp",
		summary: "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp, chuyển đổi cơ cấu cây trồng trên địa bàn tỉnh An Phú", effective: 12, expires: -1,
		links: map[string]string{congtin.LinkReplaces: "nq-nongnghiep"}},
	{key: "kh-chuyendoiso", daysAgo: 203, typ: "Kế hoạch", number: "%d/KH-UBND", perYear: 320, issuer: ubnd, signer: sPCTTT, field: "Hành chính",
		summary: "Kế hoạch chuyển đổi số, phát triển chính quyền số tỉnh An Phú năm {năm}", effective: 0, expires: -1,
		files: []string{"ke-hoach-chuyen-doi-so.pdf"}},
	{daysAgo: 172, typ: "Quyết định", number: "%d/QĐ-UBND", perYear: 3200, issuer: ubnd, signer: sPCT, field: "Giáo dục",
		summary: "Công nhận học sinh đạt giải kỳ thi chọn học sinh giỏi cấp tỉnh", effective: 0, expires: -1},
	{key: "hd-chuyendoi", daysAgo: 151, typ: "Hướng dẫn", number: "%d/HD-SNNMT", perYear: 80, issuer: soNNMT, signer: sGiamDocM, field: "Nông nghiệp",
		summary: "Hướng dẫn hồ sơ, thủ tục hưởng chính sách hỗ trợ chuyển đổi cơ cấu cây trồng", effective: 0, expires: -1,
		links: map[string]string{congtin.LinkGuides: "nq-nongnghiep-moi"}},
	{daysAgo: 138, typ: "Công văn", number: "%d/SYT-NVY", perYear: 3000, issuer: soYT, signer: sGiamDocY, field: "Y tế",
		summary: "Về việc tăng cường công tác phòng, chống dịch bệnh mùa mưa", effective: -1, expires: -1},
	{key: "qd-duong-moi", daysAgo: 109, typ: "Quyết định", number: "%d/%d/QĐ-UBND", perYear: 45, issuer: ubnd, signer: sPCTTT, field: "Xây dựng - Giao thông",
		summary: "Ban hành Quy định về quản lý, vận hành và bảo trì đường giao thông nông thôn trên địa bàn tỉnh An Phú", effective: 10, expires: -1,
		links: map[string]string{congtin.LinkReplaces: "qd-duong"}},
	{daysAgo: 81, typ: "Chỉ thị", number: "%d/CT-UBND", perYear: 24, issuer: ubnd, signer: sChuTich, field: "Tài nguyên - Môi trường",
		summary: "Về tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn", effective: 0, expires: -1},
	{daysAgo: 58, typ: "Thông báo", number: "%d/TB-SNV", perYear: 200, issuer: soNV, signer: sGiamDocN, field: "Nội vụ",
		summary: "Thông báo tuyển dụng công chức vào làm việc tại các cơ quan hành chính cấp tỉnh năm {năm}", effective: -1, expires: -1},
	{daysAgo: 34, typ: "Kế hoạch", number: "%d/KH-SNNMT", perYear: 150, issuer: soNNMT, signer: sGiamDocM, field: "Nông nghiệp",
		summary: "Kế hoạch sản xuất vụ Đông Xuân và phòng, chống hạn hán, xâm nhập mặn", effective: 0, expires: -1},
	{daysAgo: 19, typ: "Quyết định", number: "%d/QĐ-UBND", perYear: 3200, issuer: ubnd, signer: sChuTich, field: "Hành chính",
		summary: "Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình trên địa bàn tỉnh", effective: 0, expires: -1,
		links: map[string]string{congtin.LinkAmends: "qd-tthc"}},
	{daysAgo: 8, typ: "Công văn", number: "%d/UBND-VX", perYear: 6000, issuer: ubnd, signer: sPCT, field: "Văn hóa - Xã hội",
		summary: "Về việc rà soát, hỗ trợ hộ nghèo, hộ cận nghèo khó khăn về nhà ở", effective: -1, expires: -1, noFile: true},
	{key: "qd-attp", daysAgo: 3, typ: "Quyết định", number: "%d/%d/QĐ-UBND", perYear: 45, issuer: ubnd, signer: sChuTich, field: "Y tế",
		summary: "Ban hành Quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh An Phú", effective: 15, expires: -1,
		files: []string{"quyet-dinh-an-toan-thuc-pham.pdf", "quyet-dinh-an-toan-thuc-pham.docx"}},
}

// docDay is the issue day of a demo document: midnight in Vietnam, on
// the Friday before when the day falls on a weekend.
func docDay(now time.Time, daysAgo int) time.Time {
	n := now.In(congtin.VietnamZone)
	return workday(time.Date(n.Year(), n.Month(), n.Day()-daysAgo, 0, 0, 0, 0, congtin.VietnamZone), -1)
}

// workday moves a time off the weekend, by whole days in the direction
// dir (-1 back to Friday, +1 on to Monday).
func workday(t time.Time, dir int) time.Time {
	for t.In(congtin.VietnamZone).Weekday() == time.Saturday || t.In(congtin.VietnamZone).Weekday() == time.Sunday {
		t = t.AddDate(0, 0, dir)
	}
	return t
}

// number is a plausible number for the document issued on day: the
// issuer's running count by then, give or take a few.
func (d *demoDoc) numberOn(day time.Time, i int) string {
	n := max(1, day.YearDay()*d.perYear/366+i%7)
	if strings.Count(d.number, "%d") == 2 {
		return fmt.Sprintf(d.number, n, day.Year())
	}
	return fmt.Sprintf(d.number, n)
}

// DocumentInputs returns the demo documents as the form would send them
// at now, without files and with links by key, in order of issue.
func documentInputs(now time.Time, types, fields map[string]int64) ([]congtin.DocumentInput, error) {
	out := make([]congtin.DocumentInput, 0, len(demoDocs))
	for i := range demoDocs {
		d := &demoDocs[i]
		day := docDay(now, d.daysAgo)
		y := strconv.Itoa(day.Year())
		in := congtin.DocumentInput{
			TypeID:   types[d.typ],
			FieldID:  fields[d.field],
			Number:   d.numberOn(day, i),
			Issuer:   d.issuer(day),
			Signer:   d.signer,
			IssuedOn: day,
			Summary:  strings.NewReplacer("{năm sau}", strconv.Itoa(day.Year()+1), "{năm}", y).Replace(d.summary),
		}
		if in.TypeID == 0 || d.field != "" && in.FieldID == 0 {
			return nil, fmt.Errorf("document %s: no type %q or field %q", in.Number, d.typ, d.field)
		}
		if d.effective >= 0 {
			in.EffectiveOn = day.AddDate(0, 0, d.effective)
		}
		if d.expires >= 0 {
			in.ExpiresOn = day.AddDate(0, 0, d.expires)
		}
		out = append(out, in)
	}
	return out, nil
}

// documentPDF is the attachment of a document: a one-page text in the
// layout of an administrative document, without diacritics (the PDF's
// standard font has no Vietnamese letters).
func documentPDF(typ string, in congtin.DocumentInput) []byte {
	day := in.IssuedOn
	lines := []string{
		strings.ToUpper(ascii(in.Issuer)),
		"CONG HOA XA HOI CHU NGHIA VIET NAM - Doc lap - Tu do - Hanh phuc",
		"",
		"So: " + ascii(in.Number),
		fmt.Sprintf("An Phu, ngay %02d thang %02d nam %d", day.Day(), day.Month(), day.Year()),
		"",
		strings.ToUpper(ascii(typ)),
	}
	lines = append(lines, wrap(ascii(in.Summary), 75)...)
	lines = append(lines, "",
		"Can cu Luat To chuc chinh quyen dia phuong;",
		"Can cu cac van ban quy pham phap luat co lien quan;",
		"Theo de nghi cua thu truong co quan chuyen mon,",
		"",
		"Dieu 1. "+ascii(in.Summary)+".",
		"Dieu 2. Van ban co hieu luc ke tu ngay ky, tru truong hop co quy dinh khac.",
		"Dieu 3. Thu truong cac co quan, don vi va cac to chuc, ca nhan co lien quan",
		"chiu trach nhiem thi hanh van ban nay.",
		"",
		"Noi nhan: Nhu Dieu 3; Luu: VT.",
		"",
		"                                                  "+ascii(in.Signer),
		"",
		"(Ban dien tu dang tai tren Cong thong tin dien tu tinh An Phu - du lieu mau)",
	)
	var out []string
	for _, l := range lines {
		out = append(out, wrap(l, 78)...)
	}
	return docfile.MakePDF(out...)
}

// ascii writes Vietnamese without diacritics: "Đường" → "Duong".
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r < 128:
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width bytes at spaces; an empty
// text is one empty line.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 || len(s) <= width {
		return []string{s}
	}
	var out []string
	line := ""
	for _, w := range words {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(out, line)
}

// FillDocuments writes the demo documents into a site, attaching their
// PDFs through files as the back office's upload does (spooled, sniffed,
// text extracted, stored by hash), then creates and publishes each
// through the store, which indexes it and writes its audit entries. The
// store's clock, when it has one, reads the day each was entered.
func FillDocuments(ctx context.Context, s congtin.Service, files docfile.Store, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	types, err := termIDs(ctx, s, siteID, congtin.ListTypes)
	if err != nil {
		return err
	}
	fields, err := termIDs(ctx, s, siteID, congtin.ListFields)
	if err != nil {
		return err
	}
	ins, err := documentInputs(now, types, fields)
	if err != nil {
		return err
	}
	editor := demoActor()
	ids := map[string]int64{}
	for i, in := range ins {
		d := &demoDocs[i]
		for _, kind := range congtin.LinkKinds {
			if key, ok := d.links[kind]; ok {
				in.Links = append(in.Links, congtin.DocumentLinkInput{Kind: kind, TargetID: ids[key]})
			}
		}
		if !d.noFile {
			if in.AddFiles, err = d.attach(ctx, files, in); err != nil {
				return fmt.Errorf("document %s: %w", in.Number, err)
			}
		}
		// Entered the next working morning, published before noon; never
		// after now.
		entered := workday(in.IssuedOn.Add(24*time.Hour+8*time.Hour+time.Duration(i%5)*7*time.Minute), 1)
		if latest := now.Add(-2 * time.Hour); entered.After(latest) {
			entered = latest
		}
		at(entered)
		doc, err := s.CreateDocument(ctx, editor, siteID, in)
		if err != nil {
			return fmt.Errorf("document %s: %w", in.Number, err)
		}
		at(entered.Add(95 * time.Minute))
		if _, err := s.TransitionDocument(ctx, editor, siteID, doc.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("document %s: publish: %w", in.Number, err)
		}
		if d.key != "" {
			ids[d.key] = doc.ID
		}
	}
	return nil
}

// storeFile checks and stores a file the way an upload is: through
// docfile.Receive, then the file store; the text is read in the
// background, as an upload's.
func storeFile(ctx context.Context, files docfile.Store, name string, data []byte) (congtin.DocumentFileInput, error) {
	u, err := docfile.Receive("", name, bytes.NewReader(data), docfile.DefaultMaxBytes)
	if err != nil {
		return congtin.DocumentFileInput{}, err
	}
	defer u.Close()
	return u.Input(), u.Save(ctx, files)
}

// termIDs maps the names of a site's list to their IDs.
func termIDs(ctx context.Context, s congtin.Service, siteID int64, list string) (map[string]int64, error) {
	terms, err := s.FindDocumentTerms(ctx, siteID, list)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(terms))
	for _, t := range terms {
		ids[t.Name] = t.ID
	}
	return ids, nil
}

// demoActor is who the demo writes as: a system user, nothing a person
// signed.
func demoActor() congtin.Actor {
	return congtin.Actor{User: &congtin.User{Username: "demo", DisplayName: "Dữ liệu mẫu", SuperAdmin: true}}
}

// Clock is implemented by stores whose clock can be set; both stores
// can.
type Clock interface {
	SetNow(now func() time.Time)
}

// storeClock returns a function that sets the store's clock to a moment,
// so that what the demo writes carries the dates of a history and not
// all of today; the zero time puts the clock back to time.Now. For a
// store without a clock it does nothing.
func storeClock(s congtin.Service) func(time.Time) {
	c, ok := s.(Clock)
	if !ok {
		return func(time.Time) {}
	}
	return func(t time.Time) {
		if t.IsZero() {
			c.SetNow(time.Now)
			return
		}
		c.SetNow(func() time.Time { return t })
	}
}
