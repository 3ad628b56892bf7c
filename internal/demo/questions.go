package demo

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
)

// The demo's Q&A: a dozen questions from fictional citizens of the last
// four months. Eight were answered and published, two are being answered
// (one answer in draft, one sent for approval) and two arrived within the
// last day. The askers' names are made up and their addresses are under
// example.invalid, which can never receive mail.

// qaFields are the demo's Q&A fields, in order.
var qaFields = []string{"Đất đai", "Hộ tịch", "Thuế - Phí", "Giáo dục", "Y tế", "Lao động - Việc làm", "Kinh doanh", "Giao thông", "Nông nghiệp"}

// Stages a demo question reached.
const (
	qaNew       = iota // just received
	qaDraft            // an answer is being written
	qaSubmitted        // the answer waits for an editor
	qaPublished        // answered and published
)

// demoQuestion is a question of the demo. Its times are hours before the
// end of today in Vietnam (d*day + h is day -d at 24-h o'clock), so that
// answers come in office hours; a question just received counts them
// from now. Its answer is written the afternoon before it is answered,
// sent for approval two hours before and published at that time.
type demoQuestion struct {
	askedHoursAgo, answeredHoursAgo int
	stage                           int
	field                           string
	name, email                     string
	title, body                     string
	// answer is HTML as the editor writes it; {doc:key} is the path of
	// the demo document with that key.
	answer string
}

const day = 24

// codeAlphabet is the public form's alphabet of lookup codes.
const codeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

var demoQuestions = []demoQuestion{
	{askedHoursAgo: 118*day + 13, answeredHoursAgo: 112*day + 14, stage: qaPublished, field: "Đất đai",
		name: "Nguyễn Văn Hùng", email: "nguyenvanhung@example.invalid",
		title: "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu",
		body:  "Gia đình tôi sử dụng thửa đất ở ổn định từ năm 1998, không có tranh chấp. Nay muốn làm giấy chứng nhận lần đầu thì cần chuẩn bị những giấy tờ gì và nộp ở đâu? Xin cảm ơn.",
		answer: `<p>Chào ông Nguyễn Văn Hùng,</p>
<p>Hộ gia đình sử dụng đất ổn định, không có tranh chấp được xem xét cấp Giấy chứng nhận quyền sử dụng đất lần đầu. Hồ sơ gồm:</p>
<ul><li><p>Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu;</p></li>
<li><p>Giấy tờ về quyền sử dụng đất (nếu có); trường hợp không có, UBND xã xác nhận thời điểm sử dụng đất và tình trạng không tranh chấp;</p></li>
<li><p>Bản sao giấy tờ tùy thân và chứng từ thực hiện nghĩa vụ tài chính (nếu có).</p></li></ul>
<p>Ông nộp hồ sơ tại bộ phận một cửa của UBND xã nơi có đất hoặc tại Trung tâm Phục vụ hành chính công tỉnh; có thể nộp trực tuyến trên Cổng Dịch vụ công. Danh mục thủ tục được công bố tại <a href="{doc:qd-tthc}">quyết định của UBND tỉnh</a>.</p>`},
	{askedHoursAgo: 104*day + 4, answeredHoursAgo: 99*day + 9, stage: qaPublished, field: "Hộ tịch",
		name: "Trần Thị Mai Anh", email: "maianh.tran@example.invalid",
		title: "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
		body:  "Vợ chồng tôi chưa đăng ký kết hôn, nay sinh con thì đăng ký khai sinh cho cháu như thế nào, có ghi tên cha được không?",
		answer: `<p>Chào chị Trần Thị Mai Anh,</p>
<p>Trường hợp cha, mẹ chưa đăng ký kết hôn, việc khai sinh cho con được thực hiện kết hợp với việc nhận cha, con. Khi đi đăng ký, anh chị mang theo:</p>
<ol><li><p>Tờ khai đăng ký khai sinh và tờ khai đăng ký nhận cha, con;</p></li>
<li><p>Giấy chứng sinh của cháu;</p></li>
<li><p>Chứng cứ chứng minh quan hệ cha, con (văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con, hoặc giấy tờ, tài liệu khác).</p></li></ol>
<p>Hồ sơ nộp tại UBND xã, phường nơi cư trú của người cha hoặc người mẹ. Khi đó tên người cha được ghi vào Giấy khai sinh của cháu.</p>`},
	{askedHoursAgo: 93*day + 9, answeredHoursAgo: 90*day + 15, stage: qaPublished, field: "Thuế - Phí",
		name: "Lê Minh Tuấn", email: "leminhtuan85@example.invalid",
		title: "Lệ phí trước bạ khi mua lại xe máy cũ",
		body:  "Tôi mua lại xe máy cũ của người quen ở tỉnh khác. Khi sang tên tôi phải nộp lệ phí trước bạ theo mức nào và nộp ở đâu?",
		answer: `<p>Chào anh Lê Minh Tuấn,</p>
<p>Xe máy đã nộp lệ phí trước bạ lần đầu, khi chuyển nhượng cho tổ chức, cá nhân khác thì nộp lệ phí trước bạ <strong>lần thứ hai trở đi với mức 1%</strong> trên giá tính lệ phí trước bạ do cơ quan thuế xác định theo bảng giá.</p>
<p>Anh khai lệ phí trước bạ trực tuyến trên Cổng Dịch vụ công hoặc tại cơ quan thuế nơi đăng ký xe, nộp tiền qua ngân hàng hoặc ứng dụng thanh toán, sau đó làm thủ tục sang tên tại cơ quan đăng ký xe.</p>`},
	{askedHoursAgo: 80*day + 15, answeredHoursAgo: 75*day + 10, stage: qaPublished, field: "Nông nghiệp",
		name: "Phạm Văn Lợi", email: "phamvanloi.nongdan@example.invalid",
		title: "Hỗ trợ khi chuyển đất trồng lúa kém hiệu quả sang trồng cây ăn quả",
		body:  "Gia đình tôi có 5 sào ruộng trồng lúa năng suất thấp, muốn chuyển sang trồng bưởi. Xin hỏi tỉnh có hỗ trợ giống, phân bón không và làm hồ sơ thế nào?",
		answer: `<p>Chào ông Phạm Văn Lợi,</p>
<p>Việc chuyển đổi cơ cấu cây trồng trên đất trồng lúa kém hiệu quả được hỗ trợ theo <a href="{doc:nq-nongnghiep-moi}">Nghị quyết của HĐND tỉnh quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp</a>, với mức hỗ trợ một phần chi phí giống và vật tư cho diện tích chuyển đổi theo kế hoạch của địa phương.</p>
<p>Ông đăng ký với UBND xã để được đưa vào kế hoạch chuyển đổi; hồ sơ, thủ tục thực hiện theo <a href="{doc:hd-chuyendoi}">hướng dẫn của Sở Nông nghiệp và Môi trường</a>.</p>`},
	{askedHoursAgo: 66*day + 3, answeredHoursAgo: 62*day + 13, stage: qaPublished, field: "Y tế",
		name: "Đỗ Thị Hạnh", email: "dothihanh@example.invalid",
		title: "Đổi nơi đăng ký khám chữa bệnh bảo hiểm y tế ban đầu",
		body:  "Tôi mới chuyển về sống ở phường Tân Thịnh. Muốn đổi nơi đăng ký khám chữa bệnh ban đầu sang trạm y tế phường thì làm thế nào, có phải chờ đến đầu năm không?",
		answer: `<p>Chào bà Đỗ Thị Hạnh,</p>
<p>Người tham gia bảo hiểm y tế được thay đổi nơi đăng ký khám bệnh, chữa bệnh ban đầu <strong>vào tháng đầu của mỗi quý</strong>; trường hợp chuyển nơi cư trú thì được đổi ngay, không phải chờ.</p>
<p>Bà mang thẻ bảo hiểm y tế (hoặc dùng ứng dụng VssID) đến cơ quan bảo hiểm xã hội hoặc đề nghị trực tuyến trên Cổng Dịch vụ công. Trạm Y tế phường Tân Thịnh tiếp nhận đăng ký khám chữa bệnh ban đầu.</p>`},
	{askedHoursAgo: 51*day + 10, answeredHoursAgo: 47*day + 16, stage: qaPublished, field: "Lao động - Việc làm",
		name: "Hoàng Văn Nam", email: "hoangnam.work@example.invalid",
		title: "Hồ sơ hưởng trợ cấp thất nghiệp",
		body:  "Tôi vừa nghỉ việc ở công ty may sau 6 năm đóng bảo hiểm thất nghiệp. Tôi cần nộp hồ sơ ở đâu và trong thời hạn bao lâu?",
		answer: `<p>Chào anh Hoàng Văn Nam,</p>
<p>Trong thời hạn <strong>03 tháng</strong> kể từ ngày chấm dứt hợp đồng lao động, anh nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp tại Trung tâm Dịch vụ việc làm tỉnh (hoặc nộp trực tuyến). Hồ sơ gồm:</p>
<ul><li><p>Đề nghị hưởng trợ cấp thất nghiệp theo mẫu;</p></li>
<li><p>Bản sao quyết định thôi việc hoặc giấy tờ xác nhận chấm dứt hợp đồng lao động;</p></li>
<li><p>Sổ bảo hiểm xã hội.</p></li></ul>
<p>Trung tâm sẽ hẹn ngày trả kết quả và giới thiệu việc làm, học nghề nếu anh có nhu cầu.</p>`},
	{askedHoursAgo: 30*day + 2, answeredHoursAgo: 27*day + 9, stage: qaPublished, field: "Kinh doanh",
		name: "Vũ Thị Thu Trang", email: "thutrang.cafe@example.invalid",
		title: "Đăng ký hộ kinh doanh quán cà phê tại nhà",
		body:  "Tôi muốn mở quán cà phê nhỏ tại nhà riêng. Xin hỏi có phải đăng ký hộ kinh doanh không, thủ tục ra sao và mất bao lâu?",
		answer: `<p>Chào chị Vũ Thị Thu Trang,</p>
<p>Kinh doanh ăn uống có địa điểm cố định thì phải đăng ký hộ kinh doanh. Chị nộp giấy đề nghị đăng ký hộ kinh doanh kèm bản sao giấy tờ pháp lý của chủ hộ tại cơ quan đăng ký kinh doanh cấp xã hoặc qua Cổng Dịch vụ công; giấy chứng nhận được cấp trong <strong>03 ngày làm việc</strong> khi hồ sơ hợp lệ.</p>
<p>Sau khi đăng ký, chị cần bảo đảm điều kiện an toàn thực phẩm và phòng cháy, chữa cháy theo quy định.</p>`},
	{askedHoursAgo: 16*day + 5, answeredHoursAgo: 12*day + 14, stage: qaPublished, field: "Giao thông",
		name: "Bùi Quang Khải", email: "buiquangkhai@example.invalid",
		title: "Đường liên thôn bị xuống cấp, ai chịu trách nhiệm sửa chữa?",
		body:  "Đoạn đường liên thôn qua thôn Phú Mỹ, xã An Hải bị sụt lún, nhiều ổ gà sau mùa mưa, đi lại rất nguy hiểm. Xin hỏi cơ quan nào có trách nhiệm sửa chữa?",
		answer: `<p>Chào ông Bùi Quang Khải,</p>
<p>Theo <a href="{doc:qd-duong-moi}">Quy định về quản lý, vận hành và bảo trì đường giao thông nông thôn</a> do UBND tỉnh ban hành, đường thôn, liên thôn do UBND xã quản lý và tổ chức bảo trì.</p>
<p>Sở Xây dựng đã đề nghị UBND xã An Hải kiểm tra, cắm biển cảnh báo tại các vị trí sụt lún và sửa chữa trong tháng này bằng nguồn kinh phí bảo trì năm nay. Cảm ơn ông đã phản ánh.</p>`},

	{askedHoursAgo: 6*day + 11, answeredHoursAgo: 3*day + 15, stage: qaDraft, field: "Đất đai",
		name: "Ngô Văn Bình", email: "ngovanbinh@example.invalid",
		title: "Tranh chấp ranh giới đất với hộ liền kề",
		body:  "Hộ bên cạnh xây tường rào lấn sang đất nhà tôi khoảng nửa mét. Hai bên đã nói chuyện nhưng không thống nhất. Tôi phải gửi đơn đến đâu để được giải quyết?",
		answer: `<p>Chào ông Ngô Văn Bình,</p>
<p>Tranh chấp đất đai trước hết phải được hòa giải tại UBND xã nơi có đất…</p>`},
	{askedHoursAgo: 4*day + 8, answeredHoursAgo: 1*day + 14, stage: qaSubmitted, field: "Giáo dục",
		name: "Lý Thị Hoa", email: "lythihoa@example.invalid",
		title: "Miễn, giảm học phí cho con thuộc hộ cận nghèo",
		body:  "Gia đình tôi thuộc hộ cận nghèo, con đang học lớp 8 trường công lập. Xin hỏi cháu có được miễn hoặc giảm học phí không và cần nộp giấy tờ gì?",
		answer: `<p>Chào chị Lý Thị Hoa,</p>
<p>Học sinh thuộc hộ cận nghèo được giảm 50% học phí. Chị làm đơn đề nghị theo mẫu, kèm bản sao giấy chứng nhận hộ cận nghèo, nộp cho nhà trường trong vòng 45 ngày kể từ ngày khai giảng của học kỳ.</p>`},

	{askedHoursAgo: 26, stage: qaNew, field: "Y tế",
		name: "Trịnh Văn Sơn", email: "trinhvanson@example.invalid",
		title: "Trạm y tế xã có khám bệnh vào thứ Bảy, Chủ nhật không?",
		body:  "Con tôi hay bị sốt về đêm vào cuối tuần. Xin hỏi trạm y tế xã Tân Phú có trực khám bệnh vào thứ Bảy, Chủ nhật không, giờ nào?"},
	{askedHoursAgo: 5, stage: qaNew, field: "Thuế - Phí",
		name: "Đặng Thị Kim Oanh", email: "kimoanh.dang@example.invalid",
		title: "Nộp thuế sử dụng đất phi nông nghiệp chậm có bị phạt không?",
		body:  "Tôi quên chưa nộp thuế sử dụng đất phi nông nghiệp năm nay đúng hạn. Xin hỏi nộp chậm bị tính thêm bao nhiêu và có thể nộp qua ứng dụng ngân hàng không?"},
}

// FillQuestions writes the demo's Q&A fields and questions into a site: each
// question is submitted as the public form does (with a lookup code that
// only its hash keeps), then answered, sent for approval and published
// through the store as the newsroom would. Links in answers go to the demo
// documents when FillDocuments wrote them, else to a search of the
// register. The store's clock, when it has one, reads the time of each step.
func FillQuestions(ctx context.Context, s congtin.Service, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	editor := demoActor()
	at(now.Add(-200 * day * time.Hour))
	fields := map[string]int64{}
	for i, name := range qaFields {
		f, err := s.CreateQAField(ctx, editor, siteID, congtin.QAFieldInput{Name: name, Position: i + 1})
		if err != nil {
			return fmt.Errorf("Q&A field %q: %w", name, err)
		}
		fields[name] = f.ID
	}
	docs, err := demoDocPaths(ctx, s, siteID, now)
	if err != nil {
		return err
	}
	n := now.In(congtin.VietnamZone)
	endOfToday := time.Date(n.Year(), n.Month(), n.Day()+1, 0, 0, 0, 0, congtin.VietnamZone)
	hour := func(h int) time.Time { return endOfToday.Add(-time.Duration(h) * time.Hour) }
	for i, dq := range demoQuestions {
		in := congtin.QuestionInput{Name: dq.name, Email: dq.email, FieldID: fields[dq.field], Title: dq.title, Body: dq.body}
		// Fixed lookup codes, so that the demo is the same each time:
		// ANPHU-HDAP2, ANPHU-HDAP3, … (the lookup shows no personal data).
		code := "ANPHUHDAP" + string(codeAlphabet[i%len(codeAlphabet)])
		sub := congtin.Submission{CodeHash: auth.HashToken(code), Nonce: fmt.Sprintf("demo-question-%02d", i+1)}
		if dq.stage == qaNew {
			at(now.Add(-time.Duration(dq.askedHoursAgo) * time.Hour))
		} else {
			at(hour(dq.askedHoursAgo))
		}
		q, err := s.SubmitQuestion(ctx, siteID, in, sub)
		if err != nil {
			return fmt.Errorf("question %q: %w", dq.title, err)
		}
		if dq.stage == qaNew {
			continue
		}
		// Published answers come on a working day: a weekend moves them
		// on to Monday, still days before now.
		answered := hour(dq.answeredHoursAgo)
		if dq.stage == qaPublished {
			answered = workday(answered, 1)
		}
		at(answered.Add(-20 * time.Hour))
		edit := congtin.QuestionEdit{FieldID: q.FieldID, Title: q.Title, Body: q.Body, Answer: docs.Replace(dq.answer)}
		if _, err := s.UpdateQuestion(ctx, editor, siteID, q.ID, edit); err != nil {
			return fmt.Errorf("question %q: answer: %w", dq.title, err)
		}
		if dq.stage == qaDraft {
			continue
		}
		at(answered.Add(-2 * time.Hour))
		if _, err := s.TransitionQuestion(ctx, editor, siteID, q.ID, congtin.ActSubmit, ""); err != nil {
			return fmt.Errorf("question %q: submit: %w", dq.title, err)
		}
		if dq.stage == qaSubmitted {
			continue
		}
		at(answered)
		if _, err := s.TransitionQuestion(ctx, editor, siteID, q.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("question %q: publish: %w", dq.title, err)
		}
	}
	return nil
}

// demoDocPaths replaces {doc:key} in answers with the path of the demo
// document of that key, found by its number, or a search of the register
// for its number when it is not there.
func demoDocPaths(ctx context.Context, s congtin.Service, siteID int64, now time.Time) (*strings.Replacer, error) {
	types, err := termIDs(ctx, s, siteID, congtin.ListTypes)
	if err != nil {
		return nil, err
	}
	fields, err := termIDs(ctx, s, siteID, congtin.ListFields)
	if err != nil {
		return nil, err
	}
	ins, err := documentInputs(now, types, fields)
	if err != nil {
		return nil, err
	}
	var pairs []string
	for i, d := range demoDocs {
		if d.key == "" {
			continue
		}
		in := ins[i]
		in.Normalize()
		path := "/van-ban?q=" + url.QueryEscape(in.Number)
		found, _, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: siteID, Number: in.Number, Status: congtin.StatusPublished, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(found) > 0 {
			path = found[0].Path()
		}
		pairs = append(pairs, "{doc:"+d.key+"}", path)
	}
	return strings.NewReplacer(pairs...), nil
}
