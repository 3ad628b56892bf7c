package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

// demoProjects are three provincial projects at different stages. The
// first one links to the newest published document of the register when
// there is one.
var demoProjects = []congtin.ProjectInput{
	{Name: "Đường ven biển đoạn Cát Tiến – Đề Gi", Investor: "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
		Location: "Huyện Phù Cát", Investment: 1_625_000_000_000, Funding: congtin.FundCentral, StartYear: 2023, EndYear: 2026, Progress: 72,
		Stage: congtin.ProjectOngoing,
		Description: `<p>Tuyến dài 31,8 km, nền đường rộng 24 m, gồm 4 cầu lớn. Dự án nối các khu du lịch ven biển phía bắc tỉnh với Khu kinh tế Nhơn Hội.</p>` +
			`<p>Đã hoàn thành giải phóng mặt bằng 98%; đang thi công mặt đường và cầu Đề Gi.</p>`},
	{Name: "Trường Trung học phổ thông chuyên Lê Quý Đôn – khối phòng học bộ môn", Investor: "Sở Giáo dục và Đào tạo",
		Location: "Phường Quy Nhơn", Investment: 48_500_000_000, Funding: congtin.FundLocal, StartYear: 2024, EndYear: 2025, Progress: 100,
		Stage:       congtin.ProjectDone,
		Description: `<p>Khối nhà 5 tầng với 24 phòng học bộ môn và thư viện, đưa vào sử dụng từ năm học 2025–2026.</p>`},
	{Name: "Hồ chứa nước Đồng Mít – hệ thống kênh tưới", Investor: "Ban Quản lý dự án nông nghiệp và phát triển nông thôn tỉnh",
		Location: "Huyện Tây Sơn", Investment: 850_000_000_000, Funding: congtin.FundODA, StartYear: 2026, EndYear: 2029, Progress: 0,
		Stage:       congtin.ProjectPreparing,
		Description: `<p>Hệ thống kênh chính và kênh nhánh dài 42 km tưới cho 3.500 ha đất nông nghiệp, vốn vay Ngân hàng Phát triển châu Á.</p>`},
}

// demoBid is a procurement notice of the first demo project: its bidding
// opened some days ago for some days; a winner for one with a result.
type demoBid struct {
	in           congtin.ProcurementInput
	opened, days int
}

var demoBids = []demoBid{
	{in: congtin.ProcurementInput{Name: "Gói thầu số 12: Thi công cầu Đề Gi và đường dẫn hai đầu cầu",
		Entity: "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", Method: congtin.MethodOpen, EstimatedPrice: 312_450_000_000,
		Summary: "Thời gian thực hiện hợp đồng 540 ngày. Hồ sơ mời thầu phát hành miễn phí trên Hệ thống mạng đấu thầu quốc gia."},
		opened: 5, days: 25},
	{in: congtin.ProcurementInput{Name: "Gói thầu số 10: Tư vấn giám sát thi công xây dựng đoạn Km15 – Km31+800",
		Entity: "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", Method: congtin.MethodLimited, EstimatedPrice: 9_870_000_000,
		Summary: "Đang đánh giá hồ sơ dự thầu."},
		opened: 30, days: 22},
	{in: congtin.ProcurementInput{Name: "Gói thầu số 08: Mua sắm thiết bị phòng học bộ môn",
		Entity: "Sở Giáo dục và Đào tạo", Method: congtin.MethodCompetitive, EstimatedPrice: 6_240_000_000,
		Summary: "Cung cấp, lắp đặt thiết bị cho 24 phòng học bộ môn.", Winner: "Công ty Cổ phần Thiết bị giáo dục Miền Trung", WinningPrice: 5_985_300_000},
		opened: 120, days: 20},
}

// FillProjects writes the demo's projects and procurement notices, all
// published: one notice open for bids, one closed, one with its result.
func FillProjects(ctx context.Context, s congtin.Service, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	editor := demoActor()
	var ids []int64
	for i, in := range demoProjects {
		if i == 0 {
			ds, _, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: siteID, Status: congtin.StatusPublished, Limit: 1})
			if err != nil {
				return err
			}
			for _, d := range ds {
				in.DocumentIDs = append(in.DocumentIDs, d.ID)
			}
		}
		at(now.AddDate(0, 0, -200+i))
		p, err := s.CreateProject(ctx, editor, siteID, in)
		if err != nil {
			return fmt.Errorf("project %q: %w", in.Name, err)
		}
		if _, err := s.Transition(ctx, editor, congtin.Ref{Kind: congtin.KindProject, SiteID: siteID, ID: p.ID}, congtin.ActPublish, "", time.Time{}); err != nil {
			return fmt.Errorf("project %q: publish: %w", in.Name, err)
		}
		ids = append(ids, p.ID)
	}
	for i, d := range demoBids {
		in := d.in
		day := now.In(congtin.VietnamZone).AddDate(0, 0, -d.opened)
		in.OpensAt = time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, congtin.VietnamZone)
		in.ClosesAt = in.OpensAt.AddDate(0, 0, d.days).Add(1 * time.Hour)
		in.ProjectID = ids[0]
		if i == 2 {
			in.ProjectID = ids[1]
		}
		// Published as it opened; the result, if any, added after the close.
		winner, price := in.Winner, in.WinningPrice
		in.Winner, in.WinningPrice = "", 0
		at(in.OpensAt.Add(-time.Hour))
		b, err := s.CreateProcurement(ctx, editor, siteID, in)
		if err != nil {
			return fmt.Errorf("notice %q: %w", in.Name, err)
		}
		if _, err := s.Transition(ctx, editor, congtin.Ref{Kind: congtin.KindProcurement, SiteID: siteID, ID: b.ID}, congtin.ActPublish, "", time.Time{}); err != nil {
			return fmt.Errorf("notice %q: publish: %w", in.Name, err)
		}
		if winner == "" {
			continue
		}
		at(in.ClosesAt.AddDate(0, 0, 14))
		in.Winner, in.WinningPrice = winner, price
		if _, err := s.UpdateProcurement(ctx, editor, siteID, b.ID, in); err != nil {
			return fmt.Errorf("notice %q: result: %w", in.Name, err)
		}
	}
	return nil
}
