package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/docfile"
)

// demoConsultation is a draft the demo puts out for comment, its period
// counted in days from now.
type demoConsultation struct {
	in           congtin.ConsultationInput
	opened, days int  // opened days ago, for days
	issued       bool // the register holds the document issued from it
	comments     []demoComment
	report       string // the report on the comments, published after the close
}

// demoComment is a comment sent on the day after the opening given, and
// its moderation: published (with an answer, if any) or left pending.
type demoComment struct {
	day                     int
	name, org, email, phone string
	article                 int
	body, answer            string
	published, hidden       bool
	hideReason              string
}

var demoConsultations = []demoConsultation{
	{in: congtin.ConsultationInput{Number: "Dự thảo lần 2",
		Title:   "Nghị quyết quy định chính sách hỗ trợ phát triển nông nghiệp ứng dụng công nghệ cao giai đoạn 2026–2030",
		Drafter: "Sở Nông nghiệp và Môi trường",
		Summary: "Dự thảo quy định đối tượng, điều kiện và mức hỗ trợ xây dựng nhà màng, nhà lưới, hệ thống tưới tiết kiệm nước và chứng nhận sản phẩm.",
		Body: `<h2>Chương I. Quy định chung</h2><p><strong>Điều 1. Phạm vi điều chỉnh</strong></p>` +
			`<p>Nghị quyết này quy định chính sách hỗ trợ phát triển nông nghiệp ứng dụng công nghệ cao trên địa bàn tỉnh giai đoạn 2026–2030.</p>` +
			`<p><strong>Điều 2. Đối tượng áp dụng</strong></p><ol><li>Hợp tác xã, tổ hợp tác sản xuất nông nghiệp.</li>` +
			`<li>Doanh nghiệp đầu tư vào nông nghiệp ứng dụng công nghệ cao.</li><li>Hộ gia đình, cá nhân sản xuất nông nghiệp.</li></ol>` +
			`<p><strong>Điều 3. Mức hỗ trợ</strong></p><p>Hỗ trợ 50% chi phí xây dựng nhà màng, nhà lưới, tối đa 500 triệu đồng cho mỗi dự án.</p>`,
		Contact: "Phòng Kế hoạch – Tài chính, Sở Nông nghiệp và Môi trường\nĐiện thoại: 0263 3822 111\nThư điện tử: khtc.snnmt@anphu.gov.vn"},
		opened: 10, days: 60,
		comments: []demoComment{
			{day: 1, name: "Nguyễn Văn Hùng", org: "Hợp tác xã Nông nghiệp Tân Phú", email: "htx.tanphu@example.vn", article: 2,
				body:   "Đề nghị bổ sung tổ hợp tác và hộ kinh doanh vào khoản 1 Điều 2, vì nhiều tổ hợp tác trồng rau trên địa bàn đã đầu tư nhà lưới nhưng chưa thành lập hợp tác xã.",
				answer: "Cơ quan soạn thảo tiếp thu: khoản 1 Điều 2 được sửa thành “Hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác sản xuất nông nghiệp”.", published: true},
			{day: 2, name: "Lê Thị Mai", email: "lethimai@example.vn", article: 3,
				body:   "Mức hỗ trợ tối đa 500 triệu đồng mỗi dự án là thấp so với chi phí nhà màng hiện nay (khoảng 350.000 đồng/m²). Đề nghị nâng lên 1 tỷ đồng đối với dự án từ 5.000 m² trở lên.",
				answer: "Cơ quan soạn thảo ghi nhận; mức hỗ trợ được cân đối theo khả năng ngân sách tỉnh giai đoạn 2026–2030 nên giữ như dự thảo, đồng thời bổ sung hỗ trợ lãi suất vay tại Điều 4.", published: true},
			{day: 3, name: "Phạm Quốc Bảo", org: "Công ty TNHH Nông sản sạch An Phú", phone: "0912 345 678", article: 0,
				body: "Nhất trí với dự thảo. Đề nghị quy định rõ thời hạn giải quyết hồ sơ đề nghị hỗ trợ (không quá 15 ngày làm việc).", published: true},
			{day: 4, name: "Trần Minh", email: "tranminh@example.vn", article: 3,
				body: "Đề nghị làm rõ chi phí xây dựng nhà màng có bao gồm hệ thống tưới nhỏ giọt hay không."},
		}},
	{in: congtin.ConsultationInput{Number: "Dự thảo",
		Title:   "Quyết định ban hành quy chế quản lý cụm công nghiệp trên địa bàn tỉnh",
		Drafter: "Sở Công Thương",
		Summary: "Dự thảo quy chế phân công trách nhiệm quản lý nhà nước đối với các cụm công nghiệp.",
		Body:    `<p><strong>Điều 1.</strong> Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh.</p>`,
		Contact: "Phòng Quản lý công nghiệp, Sở Công Thương – 0263 3822 222"},
		opened: 75, days: 30,
		comments: []demoComment{
			{day: 2, name: "Hoàng Văn Nam", org: "UBND huyện Tân Châu", email: "vp.tanchau@example.vn", article: 1,
				body:   "Đề nghị giao Ủy ban nhân dân cấp huyện làm chủ đầu tư hạ tầng kỹ thuật cụm công nghiệp khi không có doanh nghiệp đăng ký.",
				answer: "Tiếp thu, bổ sung vào Điều 5 của Quy chế.", published: true},
			{day: 5, name: "Đỗ Thị Lan", email: "dothilan@example.vn", article: 1,
				body: "Quảng cáo dịch vụ không liên quan đến dự thảo.", hidden: true, hideReason: "Nội dung quảng cáo, không góp ý cho dự thảo"},
		},
	},
	{in: congtin.ConsultationInput{Number: "Dự thảo lần 3",
		Title:   "Kế hoạch chuyển đổi số của tỉnh",
		Drafter: "Sở Khoa học và Công nghệ",
		Summary: "Dự thảo kế hoạch chuyển đổi số, đã được ban hành sau khi tiếp thu ý kiến góp ý.",
		Body:    `<p><strong>I. Mục đích, yêu cầu</strong></p><p>Phát triển chính quyền số, kinh tế số và xã hội số.</p>`,
		Contact: "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ – 0263 3822 333"},
		opened: 200, days: 30, issued: true,
		comments: []demoComment{
			{day: 3, name: "Vũ Thanh Tâm", org: "Hội Doanh nghiệp nhỏ và vừa tỉnh", email: "hoidn@example.vn", article: 0,
				body:   "Đề nghị bổ sung chỉ tiêu tỷ lệ doanh nghiệp nhỏ và vừa sử dụng hóa đơn điện tử và chữ ký số vào mục tiêu của kế hoạch.",
				answer: "Tiếp thu, bổ sung vào mục II.2 của Kế hoạch.", published: true},
		},
		report: `<p>Sở Khoa học và Công nghệ nhận được <strong>1 ý kiến</strong> góp ý của tổ chức qua Cổng thông tin điện tử ` +
			`và đã tiếp thu toàn bộ (bổ sung mục II.2 của Kế hoạch). Kế hoạch đã được ban hành.</p>`},
}

// FillConsultations writes the demo's consultations on draft documents:
// one open for comment, one whose period has ended, and one whose
// document the register now holds (after FillDocuments: the newest
// published document of the register stands for it). Each has its draft
// attached as a PDF, stored through files as an upload is, and is
// published by the demo editor on the day it opened.
func FillConsultations(ctx context.Context, s congtin.Service, files docfile.Store, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	editor := demoActor()
	for _, d := range demoConsultations {
		in := d.in
		day := now.In(congtin.VietnamZone).AddDate(0, 0, -d.opened)
		in.OpensAt = time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, congtin.VietnamZone)
		in.ClosesAt = in.OpensAt.AddDate(0, 0, d.days).Add(9 * time.Hour)
		if d.issued {
			ds, _, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: siteID, Status: congtin.StatusPublished, Limit: 1})
			if err != nil {
				return err
			}
			if len(ds) > 0 {
				in.DocumentID = ds[0].ID
			}
		}
		lines := append([]string{ascii(in.Number + ": " + in.Title), ascii(in.Drafter)}, wrap(ascii(in.Summary), 80)...)
		f, err := storeFile(ctx, files, "du-thao-"+congtin.Slugify(in.Title)+".pdf", docfile.MakePDF(lines...))
		if err != nil {
			return fmt.Errorf("consultation %q: %w", in.Title, err)
		}
		in.AddFiles = []congtin.DocumentFileInput{f}
		at(in.OpensAt.Add(-2 * time.Hour))
		c, err := s.CreateConsultation(ctx, editor, siteID, in)
		if err != nil {
			return fmt.Errorf("consultation %q: %w", in.Title, err)
		}
		at(in.OpensAt.Add(-time.Hour))
		if c, err = s.TransitionConsultation(ctx, editor, siteID, c.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("consultation %q: publish: %w", in.Title, err)
		}
		if err := fillComments(ctx, s, files, c, d, now, at); err != nil {
			return fmt.Errorf("consultation %q: %w", in.Title, err)
		}
	}
	return nil
}

// fillComments sends the demo's comments on c on their days, moderates
// them the day after, and publishes the report after the close.
func fillComments(ctx context.Context, s congtin.Service, files docfile.Store, c *congtin.Consultation, d demoConsultation, now time.Time, at func(time.Time)) error {
	editor := demoActor()
	for i, dc := range d.comments {
		sent := c.OpensAt.AddDate(0, 0, dc.day).Add(time.Duration(i) * time.Hour)
		if !sent.Before(now) || !sent.Before(c.ClosesAt) {
			continue
		}
		in := congtin.CommentInput{Name: dc.name, Organization: dc.org, Email: dc.email, Phone: dc.phone, Article: dc.article, Body: dc.body}
		if i == 0 {
			f, err := storeFile(ctx, files, "y-kien-gop-y.pdf", docfile.MakePDF(wrap(ascii(dc.body), 80)...))
			if err != nil {
				return err
			}
			in.File = &f
		}
		// Nobody knows these codes: the demo's senders never look up.
		key := fmt.Sprintf("demo-%d-%d-%d", c.SiteID, c.ID, i)
		at(sent)
		m, err := s.SubmitComment(ctx, c.SiteID, c.ID, in, congtin.Submission{CodeHash: auth.HashToken(key), Nonce: key})
		if err != nil {
			return fmt.Errorf("comment %d: %w", i, err)
		}
		mod := congtin.CommentModeration{Status: congtin.CommentPending, Article: dc.article, Version: m.Version}
		switch {
		case dc.published:
			mod.Status, mod.Answer = congtin.CommentPublished, dc.answer
		case dc.hidden:
			mod.Status, mod.Reason = congtin.CommentHidden, dc.hideReason
		default:
			continue
		}
		at(sent.Add(24 * time.Hour))
		if _, err := s.ModerateComment(ctx, editor, c.SiteID, m.ID, mod); err != nil {
			return fmt.Errorf("comment %d: moderate: %w", i, err)
		}
	}
	if d.report == "" || c.ClosesAt.After(now) {
		return nil
	}
	f, err := storeFile(ctx, files, "bao-cao-tiep-thu-giai-trinh.pdf", docfile.MakePDF(ascii("Bao cao tong hop, tiep thu, giai trinh y kien: "+c.Title)))
	if err != nil {
		return err
	}
	at(c.ClosesAt.Add(72 * time.Hour))
	cur, err := s.FindConsultationByID(ctx, c.SiteID, c.ID)
	if err != nil {
		return err
	}
	_, err = s.PublishReport(ctx, editor, c.SiteID, c.ID, congtin.ConsultationReport{HTML: d.report, File: &f, Version: cur.Version})
	return err
}
