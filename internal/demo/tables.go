package demo

import (
	"strconv"
	"strings"
	"time"
)

// Table builders: each returns a paragraph introducing the table and the
// table itself, with figures drawn from the generator.

// table writes an HTML table. A row starting with "*" is a total row and is
// set in bold.
func table(head []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString("<table>\n<thead><tr>")
	for _, h := range head {
		b.WriteString("<th>" + h + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range rows {
		b.WriteString("<tr>")
		total := strings.HasPrefix(row[0], "*")
		for _, c := range row {
			c = strings.TrimPrefix(c, "*")
			if total {
				c = "<strong>" + c + "</strong>"
			}
			b.WriteString("<td>" + c + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

// units returns between lo and hi of the province's local units as they
// were named at t, in a fixed order and capitalized for a table.
func (g *generator) units(t time.Time, lo, hi int) []string {
	var names []string
	for _, i := range g.sample(len(districts), g.between(lo, hi)) {
		names = append(names, capitalize(districts[i].unit(t)))
	}
	return names
}

func pct(part, whole int) string { return dec(float64(part)*100/float64(whole), 1) }

func tableIndicators(g *generator, v map[string]string, t time.Time) (string, string) {
	rows := [][]string{
		{"Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", num(g.between(1800, 9000)), g.decimal(103, 125, 1)},
		{"Kim ngạch xuất khẩu", "triệu USD", num(g.between(300, 1500)), g.decimal(105, 130, 1)},
		{"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", num(g.between(15000, 60000)), g.decimal(106, 114, 1)},
		{"Tổng vốn đầu tư toàn xã hội", "tỷ đồng", num(g.between(8000, 40000)), g.decimal(104, 115, 1)},
		{"Số doanh nghiệp thành lập mới", "doanh nghiệp", num(g.between(150, 900)), g.decimal(95, 125, 1)},
		{"Lượt khách du lịch", "nghìn lượt", num(g.between(800, 4500)), g.decimal(105, 135, 1)},
	}
	var pick [][]string
	for _, i := range g.sample(len(rows), g.between(4, 6)) {
		pick = append(pick, rows[i])
	}
	return "Một số chỉ tiêu kinh tế chủ yếu " + expand("{ky}", v) + ":",
		table([]string{"Chỉ tiêu", "Đơn vị tính", "Thực hiện", "So với cùng kỳ (%)"}, pick)
}

func tableHarvest(g *generator, v map[string]string, t time.Time) (string, string) {
	var rows [][]string
	var area, output int
	for _, u := range g.units(t, 5, 7) {
		a := g.between(15, 90) * 100
		yield := g.between(550, 685)
		o := a * yield / 100
		area += a
		output += o
		rows = append(rows, []string{u, num(a), dec(float64(yield)/10, 1), num(o)})
	}
	rows = append(rows, []string{"*Toàn tỉnh", num(area), dec(float64(output)*10/float64(area), 1), num(output)})
	return "Kết quả sản xuất lúa tại một số địa phương như sau:",
		table([]string{"Địa phương", "Diện tích (ha)", "Năng suất (tạ/ha)", "Sản lượng (tấn)"}, rows)
}

func tableDisbursement(g *generator, v map[string]string, t time.Time) (string, string) {
	owners := []string{
		"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
		"Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
		"Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp tỉnh",
		capitalize(v["sogd"]),
		capitalize(v["syt"]),
	}
	var rows [][]string
	plan, paid := 0, 0
	for _, i := range g.sample(len(owners), g.between(3, 5)) {
		p := g.between(120, 1600)
		d := p * g.between(22, 96) / 100
		plan += p
		paid += d
		rows = append(rows, []string{owners[i], num(p), num(d), pct(d, p)})
	}
	for _, i := range g.sample(len(districts), g.between(2, 3)) {
		p := g.between(60, 400)
		d := p * g.between(30, 98) / 100
		plan += p
		paid += d
		rows = append(rows, []string{"UBND " + districts[i].unit(t), num(p), num(d), pct(d, p)})
	}
	rows = append(rows, []string{"*Tổng cộng", num(plan), num(paid), pct(paid, plan)})
	return "Tình hình giải ngân của một số chủ đầu tư:",
		table([]string{"Chủ đầu tư", "Kế hoạch vốn (tỷ đồng)", "Đã giải ngân (tỷ đồng)", "Tỷ lệ (%)"}, rows)
}

var weekdays = []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

func tableReception(g *generator, v map[string]string, t time.Time) (string, string) {
	first := time.Date(t.Year(), t.Month()+1, 1, 9, 0, 0, 0, ict)
	people := append([]string{"Chủ tịch UBND tỉnh " + chairman}, prefixAll("Phó Chủ tịch UBND tỉnh ", viceChairmen)...)
	var rows [][]string
	day := first.AddDate(0, 0, g.between(2, 6))
	for _, who := range people {
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			day = day.AddDate(0, 0, 1)
		}
		place := "Trụ sở Tiếp công dân tỉnh"
		if g.r.IntN(3) == 0 {
			place = "Trụ sở UBND " + districts[g.r.IntN(len(districts))].unit(day)
		}
		rows = append(rows, []string{weekdays[day.Weekday()] + ", ngày " + dmy(day), who, place})
		day = day.AddDate(0, 0, g.between(4, 8))
	}
	return "Lịch tiếp công dân định kỳ tháng " + v["thangsau"] + " cụ thể như sau:",
		table([]string{"Thời gian", "Người chủ trì tiếp công dân", "Địa điểm"}, rows)
}

func prefixAll(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + x
	}
	return out
}

func tableExam(g *generator, v map[string]string, t time.Time) (string, string) {
	var rows [][]string
	total, rooms := 0, 0
	for _, i := range g.sample(len(districts), g.between(5, 7)) {
		n := g.between(280, 1150)
		r := (n + 23) / 24
		total += n
		rooms += r
		rows = append(rows, []string{"Trường THPT " + districts[i].name, num(n), strconv.Itoa(r)})
	}
	rows = append(rows, []string{"*Cộng", num(total), num(rooms)})
	return "Số thí sinh và phòng thi tại một số điểm thi:",
		table([]string{"Điểm thi", "Số thí sinh", "Số phòng thi"}, rows)
}

func tableVaccination(g *generator, v map[string]string, t time.Time) (string, string) {
	var rows [][]string
	for _, u := range g.units(t, 5, 8) {
		n := g.between(350, 2400)
		d := n * g.between(880, 995) / 1000
		rows = append(rows, []string{u, num(n), num(d), pct(d, n)})
	}
	return "Kết quả tiêm chủng tại các địa phương:",
		table([]string{"Địa phương", "Số trẻ trong diện tiêm", "Số trẻ đã được tiêm", "Tỷ lệ (%)"}, rows)
}

func tableRecruitment(g *generator, v map[string]string, t time.Time) (string, string) {
	jobs := [][]string{
		{"Trường THPT " + g.pick(districtNames()), "Giáo viên Toán", "Đại học Sư phạm Toán"},
		{"Trường THPT " + g.pick(districtNames()), "Giáo viên Ngữ văn", "Đại học Sư phạm Ngữ văn"},
		{"Trường THPT Chuyên An Phú", "Giáo viên Tin học", "Đại học Sư phạm Tin học"},
		{"Bệnh viện Đa khoa tỉnh", "Bác sĩ", "Đại học Y khoa"},
		{"Bệnh viện Sản - Nhi tỉnh", "Điều dưỡng", "Cao đẳng Điều dưỡng trở lên"},
		{"Trung tâm Kiểm soát bệnh tật tỉnh", "Kỹ thuật viên xét nghiệm", "Đại học Kỹ thuật xét nghiệm y học"},
		{"Trung tâm Chuyển đổi số tỉnh", "Quản trị hệ thống thông tin", "Đại học Công nghệ thông tin"},
		{"Trung tâm Khuyến nông tỉnh", "Khuyến nông viên", "Đại học Nông học"},
		{"Thư viện tỉnh", "Thư viện viên", "Đại học Thông tin - Thư viện"},
	}
	var rows [][]string
	sum := 0
	for _, i := range g.sample(len(jobs), g.between(4, 6)) {
		n := g.between(1, 6)
		sum += n
		rows = append(rows, []string{jobs[i][0], jobs[i][1], strconv.Itoa(n), jobs[i][2]})
	}
	rows = append(rows, []string{"*Tổng cộng", "", strconv.Itoa(sum), ""})
	return "Chỉ tiêu tuyển dụng cụ thể như sau:",
		table([]string{"Đơn vị", "Vị trí việc làm", "Chỉ tiêu", "Yêu cầu trình độ"}, rows)
}

func districtNames() []string {
	out := make([]string, len(districts))
	for i, d := range districts {
		out[i] = d.name
	}
	return out
}

func tableSecurity(g *generator, v map[string]string, t time.Time) (string, string) {
	solved := g.between(86, 97)
	rows := [][]string{
		{"Số vụ phạm pháp hình sự xảy ra", num(g.between(120, 480)) + " vụ", "giảm " + g.decimal(3, 15, 1) + "%"},
		{"Tỷ lệ điều tra, khám phá án hình sự", strconv.Itoa(solved) + "%", "vượt chỉ tiêu được giao"},
		{"Phát hiện, bắt giữ vụ phạm tội về ma túy", num(g.between(40, 190)) + " vụ", "tăng " + strconv.Itoa(g.between(3, 20)) + " vụ"},
		{"Triệt phá băng, nhóm tội phạm", strconv.Itoa(g.between(5, 30)) + " băng, nhóm", "tăng " + strconv.Itoa(g.between(1, 6)) + " băng, nhóm"},
		{"Tai nạn giao thông", num(g.between(40, 160)) + " vụ", "giảm " + g.decimal(4, 22, 1) + "%"},
		{"Xử lý vi phạm trật tự an toàn giao thông", num(g.between(9000, 38000)) + " trường hợp", "tăng " + g.decimal(2, 18, 1) + "%"},
	}
	var pick [][]string
	for _, i := range g.sample(len(rows), g.between(4, 6)) {
		pick = append(pick, rows[i])
	}
	return "Một số kết quả nổi bật " + expand("{ky}", v) + ":",
		table([]string{"Nội dung", "Kết quả", "So với cùng kỳ"}, pick)
}

func tableOCOP(g *generator, v map[string]string, t time.Time) (string, string) {
	owners := []string{"Hợp tác xã Nông nghiệp ", "Hợp tác xã Dịch vụ tổng hợp ", "Tổ hợp tác sản xuất ", "Hộ kinh doanh "}
	var rows [][]string
	for _, i := range g.sample(len(ocops), g.between(4, 6)) {
		d := &districts[g.r.IntN(len(districts))]
		owner := g.pick(owners)
		if strings.HasPrefix(owner, "Hộ") {
			owner += g.pick([]string{"Nguyễn Văn Bình", "Lò Thị Mai", "Trần Thị Hoa", "Hoàng Văn Sáng", "Vũ Thị Thu"})
		} else {
			owner += bare(g.rural(d))
		}
		rows = append(rows, []string{capitalize(ocops[i]), owner, capitalize(d.unit(t)), strconv.Itoa(g.between(3, 4)) + " sao"})
	}
	return "Một số sản phẩm được công nhận trong đợt này:",
		table([]string{"Sản phẩm", "Chủ thể", "Địa phương", "Hạng"}, rows)
}
