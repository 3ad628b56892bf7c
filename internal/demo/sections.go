package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/congtin/congtin"
)

// The demo's sections besides the news: three published weeks of the
// leadership's work schedule around now (last week, this week, next
// week), the about pages (three with an English version), the
// organisation chart and a few links. Like the articles, they depend on
// now only.

// ScheduleEntries returns the demo schedule for the weeks around now.
func ScheduleEntries(now time.Time) []congtin.ScheduleInput {
	mon := congtin.WeekOf(now).Monday()
	at := func(week, day, h, m int) time.Time {
		return mon.AddDate(0, 0, 7*week+day).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	type e struct {
		week, day, h, m, eh, em    int
		content, who, place, chair string
	}
	const (
		ct   = "Chủ tịch UBND tỉnh Nguyễn Văn Thành"
		pct1 = "Phó Chủ tịch Thường trực UBND tỉnh Trần Minh Đức"
		pct2 = "Phó Chủ tịch UBND tỉnh Lê Thị Hồng Nhung"
	)
	list := []e{
		{-1, 0, 8, 0, 11, 30, "Họp giao ban lãnh đạo UBND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh", "Phòng họp số 1, UBND tỉnh", ct},
		{-1, 1, 14, 0, 17, 0, "Làm việc với Sở Tài chính về dự toán ngân sách năm sau", "Lãnh đạo Sở Tài chính, Sở Kế hoạch", "Phòng họp số 2, UBND tỉnh", pct1},
		{-1, 3, 8, 30, 0, 0, "Kiểm tra tiến độ xây dựng trường học vùng khó khăn", "Sở Giáo dục và Đào tạo, Sở Xây dựng", "Xã Tân Phú", pct2},
		{-1, 4, 7, 30, 11, 0, "Hội nghị trực tuyến của Chính phủ với các địa phương", "Theo giấy mời", "Điểm cầu UBND tỉnh", ct},

		{0, 0, 7, 30, 8, 0, "Chào cờ đầu tuần", "Toàn thể cán bộ, công chức Văn phòng UBND tỉnh", "Sân cơ quan UBND tỉnh", ""},
		{0, 0, 8, 0, 11, 30, "Họp giao ban lãnh đạo UBND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh", "Phòng họp số 1, UBND tỉnh", ct},
		{0, 0, 14, 0, 16, 30, "Làm việc với Sở Y tế về công tác phòng, chống dịch bệnh mùa mưa", "Lãnh đạo Sở Y tế, Trung tâm Kiểm soát bệnh tật tỉnh", "Phòng họp số 2, UBND tỉnh", pct2},
		{0, 1, 8, 0, 11, 30, "Phiên họp thường kỳ tháng của UBND tỉnh", "Thành viên UBND tỉnh; đại diện Thường trực HĐND tỉnh", "Hội trường UBND tỉnh", ct},
		{0, 1, 14, 0, 17, 0, "Tiếp công dân định kỳ", "Thanh tra tỉnh, Ban Tiếp công dân tỉnh, các sở liên quan", "Trụ sở Tiếp công dân tỉnh", ct},
		{0, 2, 8, 0, 0, 0, "Kiểm tra công tác chuyển đổi số tại Trung tâm Phục vụ hành chính công tỉnh", "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", pct1},
		{0, 2, 14, 0, 16, 0, "Họp Ban Chỉ đạo thực hiện các chương trình mục tiêu quốc gia", "Thành viên Ban Chỉ đạo", "Phòng họp số 1, UBND tỉnh", pct1},
		{0, 3, 7, 30, 11, 30, "Dự Lễ khởi công dự án đường ven biển đoạn qua xã An Hải", "Sở Xây dựng, Ban Quản lý dự án, UBND xã An Hải", "Xã An Hải", ct},
		{0, 3, 14, 0, 17, 0, "Làm việc với Sở Nông nghiệp và Môi trường về sản xuất vụ Đông Xuân", "Lãnh đạo Sở Nông nghiệp và Môi trường, các đơn vị liên quan", "Phòng họp số 2, UBND tỉnh", pct2},
		{0, 4, 8, 0, 10, 0, "Tiếp và làm việc với Đoàn công tác của Bộ Nội vụ", "Sở Nội vụ, Văn phòng UBND tỉnh", "Phòng khách UBND tỉnh", ct},
		{0, 4, 14, 0, 16, 30, "Hội nghị sơ kết công tác cải cách hành chính", "Lãnh đạo các sở, ban, ngành; Chủ tịch UBND các xã, phường", "Hội trường UBND tỉnh", pct1},
		{0, 5, 7, 0, 11, 0, "Dự Ngày hội Đại đoàn kết toàn dân tộc tại khu dân cư", "Ủy ban MTTQ Việt Nam tỉnh", "Phường Tân Thịnh", pct2},

		{1, 0, 8, 0, 11, 30, "Họp giao ban lãnh đạo UBND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh", "Phòng họp số 1, UBND tỉnh", ct},
		{1, 1, 8, 0, 17, 0, "Kỳ họp chuyên đề của HĐND tỉnh", "Thành viên UBND tỉnh", "Hội trường HĐND tỉnh", ct},
		{1, 2, 14, 0, 16, 0, "Làm việc với Sở Giáo dục và Đào tạo về chuẩn bị kỳ thi học sinh giỏi", "Lãnh đạo Sở Giáo dục và Đào tạo", "Phòng họp số 2, UBND tỉnh", pct2},
		{1, 3, 8, 0, 11, 0, "Đối thoại với doanh nghiệp về tháo gỡ khó khăn sản xuất, kinh doanh", "Hiệp hội Doanh nghiệp tỉnh, các sở liên quan", "Trung tâm Hội nghị tỉnh", pct1},
		{1, 4, 14, 0, 0, 0, "Họp Hội đồng thi đua - khen thưởng tỉnh", "Thành viên Hội đồng", "Phòng họp số 1, UBND tỉnh", ct},
	}
	out := make([]congtin.ScheduleInput, 0, len(list))
	for _, x := range list {
		in := congtin.ScheduleInput{Start: at(x.week, x.day, x.h, x.m), Content: x.content, Participants: x.who, Place: x.place, Chair: x.chair}
		if x.eh > 0 {
			in.End = at(x.week, x.day, x.eh, x.em)
		}
		out = append(out, in)
	}
	return out
}

// AboutPages returns the demo's about pages, to be published.
func AboutPages() []congtin.PageInput {
	return []congtin.PageInput{
		{Title: "Chức năng, nhiệm vụ", Position: 1,
			Body: `<p>Ủy ban nhân dân tỉnh An Phú là cơ quan chấp hành của Hội đồng nhân dân tỉnh, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân tỉnh và cơ quan hành chính nhà nước cấp trên.</p>
<h2>Nhiệm vụ, quyền hạn</h2>
<ul><li><p>Xây dựng, trình Hội đồng nhân dân tỉnh quyết định các nội dung thuộc thẩm quyền và tổ chức thực hiện các nghị quyết của Hội đồng nhân dân tỉnh.</p></li>
<li><p>Quy định tổ chức bộ máy và nhiệm vụ, quyền hạn cụ thể của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.</p></li>
<li><p>Tổ chức thực hiện ngân sách địa phương; thực hiện nhiệm vụ, quyền hạn do cơ quan nhà nước cấp trên phân cấp, ủy quyền.</p></li>
<li><p>Kiểm tra, thanh tra việc chấp hành Hiến pháp, pháp luật trên địa bàn tỉnh.</p></li></ul>`,
			TitleEN: "Functions and duties",
			BodyEN: `<p>The People's Committee of An Phu Province is the executive body of the Provincial People's Council and the local state administrative body. It answers to the Provincial People's Council and to the state administrative bodies above it.</p>
<h2>Duties and powers</h2>
<ul><li><p>Prepare the matters the Provincial People's Council decides on, and carry out its resolutions.</p></li>
<li><p>Organise the specialised agencies of the Provincial People's Committee and set their duties.</p></li>
<li><p>Manage the provincial budget and carry out the tasks delegated by higher state bodies.</p></li>
<li><p>Inspect compliance with the Constitution and the law in the province.</p></li></ul>`},
		{Title: "Lịch sử hình thành", Position: 2,
			Body: `<p>Tỉnh An Phú được thành lập năm 1976 trên cơ sở hợp nhất hai tỉnh ven biển. Năm 1991, tỉnh được tái lập với địa giới như hiện nay.</p>
<p>Ngày 1/7/2025, thực hiện chủ trương sắp xếp đơn vị hành chính, chính quyền địa phương cấp huyện kết thúc hoạt động; tỉnh An Phú tổ chức chính quyền địa phương hai cấp gồm tỉnh và các xã, phường.</p>`,
			TitleEN: "History",
			BodyEN: `<p>An Phu Province was founded in 1976 from two coastal provinces. It was re-established within its present borders in 1991.</p>
<p>On 1 July 2025 the district level of local government came to an end: An Phu now has two levels of local government, the province and its communes and wards.</p>`},
		{Title: "Điều kiện tự nhiên", Position: 3,
			Body: `<p>Tỉnh An Phú nằm ở vùng duyên hải, có diện tích tự nhiên khoảng 4.800 km², bờ biển dài 120 km, khí hậu nhiệt đới gió mùa với hai mùa mưa, khô rõ rệt.</p>`},
		{Title: "Liên hệ", Position: 4, SlugEN: "contact",
			Body: `<p><strong>Văn phòng Ủy ban nhân dân tỉnh An Phú</strong></p>
<p>Địa chỉ: Số 18 đường Lê Lợi, phường Tân Thịnh, tỉnh An Phú</p>
<p>Điện thoại: (0200) 3 868 686 · Email: vanphong@anphu.gov.vn.example</p>
<p>Giờ làm việc: sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ Sáu.</p>`,
			TitleEN: "Contact us",
			BodyEN: `<p><strong>Office of the People's Committee of An Phu Province</strong></p>
<p>Address: 18 Le Loi Street, Tan Thinh Ward, An Phu Province, Viet Nam</p>
<p>Phone: +84 200 3 868 686 · Email: vanphong@anphu.gov.vn.example</p>
<p>Office hours: 7:30 to 11:30 and 13:30 to 17:00, Monday to Friday (UTC+7).</p>`},
	}
}

// demoUnit is a unit of the demo chart with its sub-units.
type demoUnit struct {
	in       congtin.UnitInput
	children []demoUnit
}

func unit(name, nameEN, phone, email string, leaders []congtin.Leader, children ...demoUnit) demoUnit {
	return demoUnit{in: congtin.UnitInput{Name: name, NameEN: nameEN, Phone: phone, Email: email, Leaders: leaders}, children: children}
}

func lead(name, title, titleEN string) congtin.Leader {
	return congtin.Leader{Name: name, Title: title, TitleEN: titleEN}
}

// spokesperson marks l as the agency's spokesperson, with their contacts.
func spokesperson(l congtin.Leader, phone, email string) congtin.Leader {
	l.Spokesperson, l.Phone, l.Email = true, phone, email
	return l
}

// orgChart is the demo province's organisation chart.
var orgChart = []demoUnit{
	unit("Ủy ban nhân dân tỉnh An Phú", "People's Committee of An Phu Province", "(0200) 3 868 686", "ubnd@anphu.gov.vn.example",
		[]congtin.Leader{lead("Nguyễn Văn Thành", "Chủ tịch", "Chairman"), lead("Trần Minh Đức", "Phó Chủ tịch Thường trực", "Standing Vice Chairman"),
			lead("Lê Thị Hồng Nhung", "Phó Chủ tịch", "Vice Chairwoman")},
		unit("Văn phòng UBND tỉnh", "Office of the Provincial People's Committee", "(0200) 3 868 600", "vanphong@anphu.gov.vn.example",
			[]congtin.Leader{spokesperson(lead("Phạm Quốc Huy", "Chánh Văn phòng", "Chief of Office"), "0912 868 600", "phatngon@anphu.gov.vn.example"),
				lead("Đỗ Thị Lan", "Phó Chánh Văn phòng", "Deputy Chief of Office")},
			unit("Trung tâm Phục vụ hành chính công", "Public Administration Service Centre", "(0200) 3 868 111", "hcc@anphu.gov.vn.example",
				[]congtin.Leader{lead("Vũ Thanh Tùng", "Giám đốc", "Director")}),
			unit("Cổng thông tin điện tử tỉnh", "Provincial Web Portal", "(0200) 3 868 222", "banbientap@anphu.gov.vn.example",
				[]congtin.Leader{lead("Hoàng Minh Khoa", "Trưởng Ban biên tập", "Editor-in-Chief")})),
		unit("Sở Nội vụ", "Department of Home Affairs", "(0200) 3 861 234", "sonv@anphu.gov.vn.example",
			[]congtin.Leader{lead("Bùi Văn Lâm", "Giám đốc", "Director")}),
		unit("Sở Tài chính", "Department of Finance", "(0200) 3 862 345", "sotc@anphu.gov.vn.example",
			[]congtin.Leader{lead("Ngô Thị Mai", "Giám đốc", "Director")}),
		unit("Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", "(0200) 3 863 456", "sonnmt@anphu.gov.vn.example",
			[]congtin.Leader{lead("Đặng Văn Phúc", "Giám đốc", "Director")}),
		unit("Sở Y tế", "Department of Health", "(0200) 3 864 567", "soyt@anphu.gov.vn.example",
			[]congtin.Leader{lead("Trịnh Thu Hà", "Giám đốc", "Director")}),
		unit("Sở Giáo dục và Đào tạo", "Department of Education and Training", "(0200) 3 865 678", "sogddt@anphu.gov.vn.example",
			[]congtin.Leader{lead("Lý Quang Vinh", "Giám đốc", "Director")})),
}

// Links are the demo's links beside the two every site starts with.
var Links = []congtin.LinkInput{
	{Name: "Cổng thông tin điện tử Quốc hội", URL: "https://quochoi.vn", Group: "Cơ quan liên quan", Position: 3},
	{Name: "Cơ sở dữ liệu quốc gia về văn bản pháp luật", URL: "https://vbpl.vn", Group: "Cơ quan liên quan", Position: 4},
	{Name: "Công báo Chính phủ", URL: "https://congbao.chinhphu.vn", Group: "Cơ quan liên quan", Position: 5},
}

// FillSections writes the demo's schedule, about pages, chart and links
// into a site, as a system user: nothing a person signed.
func FillSections(ctx context.Context, s congtin.Service, siteID int64, now time.Time) error {
	sys := demoActor()
	var weeks []congtin.Week // in order, so that the audit log is the same each time
	for _, in := range ScheduleEntries(now) {
		if _, err := s.CreateScheduleEntry(ctx, sys, siteID, in); err != nil {
			return fmt.Errorf("schedule: %w", err)
		}
		if w := congtin.WeekOf(in.Start); !slices.Contains(weeks, w) {
			weeks = append(weeks, w)
		}
	}
	for _, w := range weeks {
		if _, err := s.TransitionScheduleWeek(ctx, sys, siteID, w, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("schedule: publish %s: %w", w, err)
		}
	}
	for _, in := range AboutPages() {
		p, err := s.CreatePage(ctx, sys, siteID, in)
		if err != nil {
			return fmt.Errorf("page %q: %w", in.Title, err)
		}
		if _, err := s.TransitionPage(ctx, sys, siteID, p.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("page %q: %w", in.Title, err)
		}
	}
	var add func(us []demoUnit, parent int64) error
	add = func(us []demoUnit, parent int64) error {
		for i, u := range us {
			in := u.in
			in.ParentID, in.Position = parent, i+1
			created, err := s.CreateUnit(ctx, sys, siteID, in)
			if err != nil {
				return fmt.Errorf("unit %q: %w", in.Name, err)
			}
			if err := add(u.children, created.ID); err != nil {
				return err
			}
		}
		return nil
	}
	if err := add(orgChart, 0); err != nil {
		return err
	}
	for _, l := range Links {
		if _, err := s.CreateLink(ctx, sys, siteID, l); err != nil {
			return fmt.Errorf("link %q: %w", l.Name, err)
		}
	}
	return nil
}
