package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

// pressReleases are the demo's press releases (thông cáo báo chí), in a
// category under Thông báo that /phat-ngon lists, published days ago.
var pressReleases = []struct {
	daysAgo     int
	title, lead string
	paras       []string
}{
	{3, "Thông cáo báo chí về kết quả phiên họp thường kỳ tháng 11 của UBND tỉnh",
		"UBND tỉnh thông tin kết quả phiên họp thường kỳ tháng 11, thảo luận tình hình kinh tế – xã hội và các nhiệm vụ trọng tâm cuối năm.",
		[]string{"Phiên họp đã cho ý kiến về dự thảo báo cáo tình hình kinh tế – xã hội năm 2026, kế hoạch năm 2027 và các dự thảo nghị quyết trình HĐND tỉnh tại kỳ họp cuối năm.",
			"Người phát ngôn của UBND tỉnh trả lời các câu hỏi của phóng viên về tiến độ giải ngân vốn đầu tư công và công tác chuẩn bị Tết Nguyên đán."}},
	{12, "Thông cáo báo chí về tình hình mưa lũ và công tác khắc phục hậu quả",
		"Ban Chỉ huy phòng, chống thiên tai tỉnh thông tin tình hình mưa lũ trên địa bàn và các biện pháp khắc phục hậu quả.",
		[]string{"Đến 17 giờ ngày hôm qua, các lực lượng chức năng đã sơ tán an toàn 1.250 hộ dân khỏi vùng nguy cơ sạt lở, ngập sâu.",
			"UBND tỉnh đề nghị Nhân dân theo dõi thông tin chính thức trên Cổng thông tin điện tử tỉnh và các phương tiện thông tin đại chúng."}},
	{30, "Thông cáo báo chí về Hội nghị xúc tiến đầu tư năm 2026",
		"Hội nghị xúc tiến đầu tư của tỉnh thu hút hơn 300 đại biểu, nhà đầu tư trong và ngoài nước.",
		[]string{"Tại hội nghị, UBND tỉnh đã trao quyết định chủ trương đầu tư và giấy chứng nhận đăng ký đầu tư cho 12 dự án với tổng vốn đăng ký 15.200 tỷ đồng."}},
}

// FillPressReleases imports the demo's press releases.
func FillPressReleases(ctx context.Context, s congtin.Service, siteID int64, now time.Time) error {
	var recs []congtin.ArticleImport
	for _, p := range pressReleases {
		body := ""
		for _, para := range p.paras {
			body += "<p>" + para + "</p>"
		}
		at := now.In(congtin.VietnamZone).AddDate(0, 0, -p.daysAgo).Truncate(time.Hour)
		recs = append(recs, congtin.ArticleImport{Title: p.title, Lead: p.lead, Body: body, Category: "Thông báo" + congtin.CategoryPathSep + "Thông cáo báo chí",
			Author: "Văn phòng UBND tỉnh", PublishedAt: at.Format(time.RFC3339)})
	}
	if _, err := s.ImportArticles(ctx, siteID, recs); err != nil {
		return fmt.Errorf("press releases: %w", err)
	}
	return nil
}
