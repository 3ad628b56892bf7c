package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// demoConsultation is a draft the demo puts out for comment, its period
// counted in days from now.
type demoConsultation struct {
	in           congtin.ConsultationInput
	opened, days int  // opened days ago, for days
	issued       bool // the register holds the document issued from it
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
		opened: 10, days: 60},
	{in: congtin.ConsultationInput{Number: "Dự thảo",
		Title:   "Quyết định ban hành quy chế quản lý cụm công nghiệp trên địa bàn tỉnh",
		Drafter: "Sở Công Thương",
		Summary: "Dự thảo quy chế phân công trách nhiệm quản lý nhà nước đối với các cụm công nghiệp.",
		Body:    `<p><strong>Điều 1.</strong> Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh.</p>`,
		Contact: "Phòng Quản lý công nghiệp, Sở Công Thương – 0263 3822 222"},
		opened: 75, days: 30},
	{in: congtin.ConsultationInput{Number: "Dự thảo lần 3",
		Title:   "Kế hoạch chuyển đổi số của tỉnh",
		Drafter: "Sở Khoa học và Công nghệ",
		Summary: "Dự thảo kế hoạch chuyển đổi số, đã được ban hành sau khi tiếp thu ý kiến góp ý.",
		Body:    `<p><strong>I. Mục đích, yêu cầu</strong></p><p>Phát triển chính quyền số, kinh tế số và xã hội số.</p>`,
		Contact: "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ – 0263 3822 333"},
		opened: 200, days: 30, issued: true},
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
		if _, err := s.TransitionConsultation(ctx, editor, siteID, c.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("consultation %q: publish: %w", in.Title, err)
		}
	}
	return nil
}
