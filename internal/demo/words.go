package demo

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// category is one section of the demo portal with the templates of its
// articles.
type category struct {
	name    string   // display name; a child is "Parent > Child"
	count   int      // how many articles it gets
	images  []string // pictures fitting any of its articles, names without .svg
	authors []string // reporters of units writing for the category
	shared  []string // paragraphs that fit any topic of the category
	closing []string // paragraphs that can end any of its articles
	topics  []topic
}

// topic is one kind of news story: its title variants, leads and the
// paragraphs a body is sampled from. Every string is a template whose
// {placeholders} are filled by generator.vars.
type topic struct {
	months    []int    // months in which the story happens; none means any
	fromDay   int      // earliest day of the month it can be published on
	titles    []string // title variants
	leads     []string // 1–3 plain sentences each; paired with titles if as many
	paras     []string // the opening one always, others sampled in order
	open      []int    // per title, the paragraph that opens the body; 0 if none
	heads     []string // optional subheadings: [0] in the text, [1] before the list
	listIntro string   // paragraph introducing the list
	listHead  string   // alternative <h3> introducing the list
	list      []string // list items, sampled in order
	ordered   bool     // numbered list
	table     func(g *generator, v map[string]string, t time.Time) (intro, html string)
	images    []string // pictures fitting the story; the category's if none
	captions  []string // captions of a picture in the body; none, no picture
	author    string   // fixed byline, e.g. the issuing office of a notice
}

// district is a district-level unit of the fictional province as it was
// until the 2025 reform; afterwards its centre became a commune or ward of
// the same name.
type district struct {
	kind     string // thành phố, thị xã or huyện
	name     string
	mountain bool
	coastal  bool
	communes []string // communes and wards, with their kind
}

var districts = []district{
	{"thành phố", "Phú Thịnh", false, false, []string{"phường Tân Thịnh", "phường Hòa Bình", "phường Phú Lợi", "phường Đông Xuyên", "xã An Hòa", "xã Phú Xuân"}},
	{"thị xã", "Tân Lập", false, false, []string{"phường Tân An", "phường Bình Minh", "xã Tân Lộc", "xã Hưng Đạo"}},
	{"huyện", "Đông Hưng", false, false, []string{"xã Đông Phong", "xã Đông La", "xã Minh Tân", "xã Hồng Việt", "xã Trọng Quan"}},
	{"huyện", "Hòa An", false, false, []string{"xã Tân Hòa", "xã Hòa Tiến", "xã Phú Mỹ", "xã An Lạc"}},
	{"huyện", "Vĩnh Lợi", false, true, []string{"xã Vĩnh Hưng", "xã Vĩnh Thành", "xã Long Hòa", "xã Thạnh Phú"}},
	{"huyện", "Long Mỹ", false, true, []string{"xã Long Hải", "xã Mỹ Hòa", "xã Bình Thạnh", "xã Hải Đông"}},
	{"huyện", "Sơn Thủy", true, false, []string{"xã Phìn Sa", "xã Nà Khoang", "xã Thượng Sơn", "xã Trung Thành", "xã Làng Mới"}},
	{"huyện", "Cẩm Giang", true, false, []string{"xã Cẩm Sơn", "xã Bản Lầm", "xã Khánh Thượng", "xã Tân Phong"}},
}

// unit names the district at time t: its own name before the 2025 reform,
// the commune or ward that succeeded it afterwards.
func (d *district) unit(t time.Time) string {
	if t.Before(districtReform) {
		return d.kind + " " + d.name
	}
	if d.kind == "huyện" {
		return "xã " + d.name
	}
	return "phường " + d.name
}

// ttyt names the district's health centre, which became a regional one
// with the reform.
func (d *district) ttyt(t time.Time) string {
	if t.Before(districtReform) {
		return "Trung tâm Y tế " + d.kind + " " + d.name
	}
	return "Trung tâm Y tế khu vực " + d.name
}

// People of the provincial leadership. All are fictional.
const (
	secretary = "Nguyễn Thanh Sơn"   // Bí thư Tỉnh ủy
	deputySec = "Đặng Văn Hòa"       // Phó Bí thư Thường trực Tỉnh ủy
	council   = "Phạm Thị Hồng Vân"  // Chủ tịch HĐND tỉnh
	chairman  = "Lê Minh Khoa"       // Chủ tịch UBND tỉnh
	frontHead = "Lương Thị Thu Hiền" // Chủ tịch Ủy ban MTTQ Việt Nam tỉnh
)

var viceChairmen = []string{"Trần Quốc Hưng", "Hoàng Thị Lan", "Võ Đức Trung"}

// reporters is the general pool of bylines.
var reporters = []string{
	"Minh Anh - Trung tâm Truyền thông tỉnh", "Thu Hà", "PV", "Hoàng Long", "Bảo Ngọc",
	"Đức Thịnh - Trung tâm Truyền thông tỉnh", "Hải Yến", "Quốc Việt", "Thanh Hương", "PV",
	"Ngọc Mai - Văn phòng UBND tỉnh", "Văn Tuấn", "Lan Phương", "Trung Kiên",
	"Phương Thảo - Trung tâm Truyền thông tỉnh", "Mạnh Cường", "Thu Trang",
}

var (
	crops = []string{"bưởi da xanh", "cam sành", "chè", "cây dược liệu", "rau an toàn", "chuối tiêu hồng", "mắc ca", "sen lấy hạt", "dứa", "lúa chất lượng cao"}
	ocops = []string{"mật ong rừng", "chè Shan tuyết", "miến dong", "nước mắm truyền thống", "gạo thơm", "bưởi da xanh", "cam sành", "nấm linh chi", "tương nếp", "bánh đa vừng", "tinh bột nghệ", "cá khô một nắng", "chuối sấy dẻo", "trà hoa vàng"}
	// festivals pair a festival with where it is held.
	festivals = [][2]string{
		{"Lễ hội Cầu ngư", "{xabien}"},
		{"Lễ hội Lồng tồng", "{xanui}"},
		{"Lễ hội Gầu Tào", "{xanui}"},
		{"Lễ hội Xuống đồng", "{xa}"},
		{"Lễ hội Đền Mẫu An Phú", "{tp}"},
		{"Lễ hội Đình làng {xa_ten}", "{xa}"},
		{"Lễ hội Chùa Thiên Phúc", "{huyen}"},
		{"Lễ hội Hoa ban", "{xanui}"},
	}
	ethnic = []string{"Tày", "Dao", "Mường", "H'Mông", "Nùng", "Thái"}
	roads  = []string{"Dự án đường tỉnh ĐT.{dt} đoạn qua {huyen}", "Dự án cầu {xa_ten} bắc qua sông Phú", "Dự án đường ven biển đoạn qua {huyenbien}", "Dự án đường tránh Quốc lộ {ql} đoạn qua {tp}", "Dự án đường trục trung tâm {tp}", "Dự án đường liên xã {xa_ten} - {xa2_ten}", "Dự án kè chống sạt lở bờ sông Phú đoạn qua {huyen}", "Dự án hồ chứa nước {xanui_ten}"}
	parks  = []string{"Khu công nghiệp Tân Lập", "Khu công nghiệp Phú Thịnh II", "Cụm công nghiệp {huyen_ten}", "Khu công nghiệp Đông Hưng", "Cụm công nghiệp Vĩnh Lợi"}
	// projects pair an investment project with its investor.
	projects = [][2]string{
		{"Nhà máy chế biến nông sản xuất khẩu", "Công ty Cổ phần Thực phẩm Xanh An Phú"},
		{"Nhà máy may mặc xuất khẩu", "Công ty TNHH May mặc Hòa An"},
		{"Khu du lịch sinh thái {xanui_ten}", "Công ty Cổ phần Đầu tư Phú Thịnh"},
		{"Trung tâm thương mại {tp}", "Công ty Cổ phần Phát triển Đô thị Tân Lập"},
		{"Nhà máy sản xuất linh kiện điện tử", "Công ty TNHH Linh kiện Điện tử Đông Hưng"},
		{"Nhà máy chế biến gỗ công nghệ cao", "Công ty Cổ phần Lâm sản Sơn Thủy"},
		{"Khu đô thị mới phía Nam {tp}", "Công ty Cổ phần Phát triển Đô thị Tân Lập"},
		{"Nhà máy chế biến thủy sản {huyenbien_ten}", "Công ty Cổ phần Thủy sản Long Mỹ"},
	}
	drafts    = []string{"Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa", "Quyết định ban hành Quy chế quản lý, vận hành Cổng dịch vụ công tỉnh", "Quy hoạch chi tiết xây dựng Khu đô thị mới phía Nam {tp}", "Quyết định quy định bảng giá đất trên địa bàn tỉnh", "Nghị quyết quy định mức thu học phí đối với cơ sở giáo dục công lập", "Quyết định quy định phân cấp quản lý đường bộ trên địa bàn tỉnh"}
	hospitals = []string{"Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản - Nhi tỉnh", "Bệnh viện Y dược cổ truyền tỉnh", "Bệnh viện Đa khoa khu vực Cẩm Giang"}
	highways  = []string{"28C", "36", "41B"}
	stems     = []string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	branches  = []string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
)

// canChi names a lunar year the Vietnamese way, e.g. "Giáp Thìn 2024".
func canChi(y int) string {
	return stems[(y-4)%10] + " " + branches[(y-4)%12] + " " + strconv.Itoa(y)
}

// roman writes small numbers as Roman numerals, for council terms.
func roman(n int) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// num writes an integer with Vietnamese thousands separators: 12.345.
func num(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// dec writes x with the given number of decimals and a decimal comma.
func dec(x float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	x = math.Round(x*p) / p
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	if frac == "" {
		return num(n)
	}
	return num(n) + "," + frac
}

// dmy writes a date as Vietnamese papers do: 5/3/2024.
func dmy(t time.Time) string {
	return strconv.Itoa(t.Day()) + "/" + strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Year())
}

// dm writes a day of the current year: 5/3.
func dm(t time.Time) string {
	return strconv.Itoa(t.Day()) + "/" + strconv.Itoa(int(t.Month()))
}

// between returns a random integer in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// decimal returns a random number in [lo, hi] written with decimals.
func (g *generator) decimal(lo, hi float64, decimals int) string {
	return dec(lo+g.r.Float64()*(hi-lo), decimals)
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// vars returns the placeholder values of one article published at t: its
// dates, places, people, offices and numbers.
func (g *generator) vars(t time.Time) map[string]string {
	y, m := t.Year(), int(t.Month())
	v := map[string]string{}
	set := func(k string, val string) { v[k] = val }
	itoa := strconv.Itoa

	// Dates. The event happened the same day when the story is published
	// in the afternoon, the day before otherwise.
	set("nam", itoa(y))
	set("namtruoc", itoa(y-1))
	set("namsau", itoa(y+1))
	planYear := y
	if m >= 11 {
		planYear = y + 1
	}
	set("namkh", itoa(planYear))
	set("namkhtruoc", itoa(planYear-1))
	set("thang", itoa(m))
	set("thangnay", itoa(m)+"/"+itoa(y))
	next := time.Date(y, t.Month()+1, 1, 0, 0, 0, 0, ict)
	set("thangsau", itoa(int(next.Month()))+"/"+itoa(next.Year()))
	event := t
	switch {
	case t.Hour() >= 15:
		set("buoi", g.pick([]string{"Sáng", "Chiều"}))
	case t.Hour() >= 12:
		set("buoi", "Sáng")
	default:
		event = t.AddDate(0, 0, -1)
		set("buoi", g.pick([]string{"Sáng", "Chiều"}))
	}
	set("ngay", dm(event))
	if m <= 6 {
		set("dot", "1")
	} else {
		set("dot", "2")
	}
	set("ngayvb", dmy(t.AddDate(0, 0, -g.between(2, 30))))
	set("hanchot", dmy(t.AddDate(0, 0, g.between(15, 30))))
	set("ngaysau", dmy(t.AddDate(0, 0, g.between(3, 9))))
	switch {
	case m == 1:
		set("ky", "năm "+itoa(y-1))
	case m == 2:
		set("ky", "tháng 1/"+itoa(y))
	case m == 4:
		set("ky", "quý I/"+itoa(y))
	case m == 12:
		set("ky", "11 tháng năm "+itoa(y))
	default:
		set("ky", itoa(m-1)+" tháng đầu năm "+itoa(y))
	}
	progress := float64(m-1)*8.3 + float64(g.between(-4, 9))
	if m == 1 {
		progress = float64(g.between(96, 112))
	}
	progress = math.Max(progress, 4.5) + g.r.Float64()
	set("ptdt", dec(progress, 1))
	plan := g.between(4200, 9800)
	set("vondt", num(plan))
	set("giaingan", num(int(float64(plan)*progress/100)))
	school := y
	if m < 8 {
		school = y - 1
	}
	set("namhoc", itoa(school)+" - "+itoa(school+1))
	newSchool := y
	if m > 9 {
		newSchool = y + 1
	}
	set("namhocmoi", itoa(newSchool)+" - "+itoa(newSchool+1))
	tetYear := y
	if m == 12 {
		tetYear = y + 1
	}
	set("tet", canChi(tetYear))
	anniversary := y
	if m == 12 {
		anniversary = y + 1
	}
	set("namtl", itoa(anniversary))
	set("tailap", itoa(anniversary-1997))
	set("k_dang", itoa(y-1930))
	set("k_tbls", itoa(y-1947))
	set("k_qdnd", itoa(y-1944))
	set("k_cand", itoa(y-1945))
	set("k_quockhanh", itoa(y-1945))
	set("k_nhagiao", itoa(y-1982))
	set("k_thaythuoc", itoa(y-1955))
	switch {
	case m == 12 || m == 1:
		set("kynghi", "Tết Nguyên đán "+canChi(tetYear))
	case m == 4:
		set("kynghi", "Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 1/5 năm "+itoa(y))
	default:
		set("kynghi", "Quốc khánh 2/9 năm "+itoa(y))
	}
	term := 10
	switch {
	case t.Before(time.Date(2021, 6, 1, 0, 0, 0, 0, ict)):
		term = 9
	case !t.Before(time.Date(2026, 4, 1, 0, 0, 0, 0, ict)):
		term = 11
	}
	set("khoa", "khóa "+roman(term))
	first := 2016 + 5*(term-9)
	set("nhiemky", itoa(first)+" - "+itoa(first+5))
	period := 2021 + 5*((y-2021)/5)
	if y < 2021 {
		period = 2016
	}
	set("giaidoan", itoa(period)+" - "+itoa(period+4))
	party := "XX"
	switch {
	case t.Before(time.Date(2020, 10, 1, 0, 0, 0, 0, ict)):
		party = "XIX"
	case !t.Before(time.Date(2025, 10, 1, 0, 0, 0, 0, ict)):
		party = "XXI"
	}
	set("khoadang", "khóa "+party)

	// Places. {xa} is always a rural commune; its district is {huyen},
	// mostly a rural one.
	pre := t.Before(districtReform)
	d := g.districtWhere(func(d *district) bool { return d.kind == "huyện" })
	if g.r.IntN(7) == 0 {
		d = &districts[g.r.IntN(len(districts))]
	}
	xa := g.rural(d)
	set("xa", xa)
	set("xa_ten", bare(xa))
	set("ttyt", d.ttyt(t))
	// After the reform a story about a district is about a commune.
	if pre {
		set("huyen", d.unit(t))
		set("huyen_ten", d.name)
		set("xahuyen", xa+", "+d.kind+" "+d.name)
	} else {
		set("huyen", xa)
		set("huyen_ten", bare(xa))
		set("xahuyen", xa)
	}
	xa2 := g.rural(d)
	for xa2 == xa {
		xa2 = g.rural(d)
	}
	set("xa2_ten", bare(xa2))
	d2 := &districts[g.r.IntN(len(districts))]
	for d2 == d {
		d2 = &districts[g.r.IntN(len(districts))]
	}
	if pre {
		set("huyen2", d2.unit(t))
	} else {
		set("huyen2", g.rural(d2))
	}
	nui := g.districtWhere(func(d *district) bool { return d.mountain })
	xanui := g.rural(nui)
	set("xanui", xanui)
	set("xanui_ten", bare(xanui))
	bien := g.districtWhere(func(d *district) bool { return d.coastal })
	xabien := g.rural(bien)
	set("xabien", xabien)
	if pre {
		set("huyennui", nui.unit(t))
		set("xanuihuyen", xanui+", "+nui.kind+" "+nui.name)
		set("huyenbien", bien.unit(t))
		set("huyenbien_ten", bien.name)
	} else {
		set("huyennui", xanui)
		set("xanuihuyen", xanui)
		set("huyenbien", xabien)
		set("huyenbien_ten", bare(xabien))
	}
	city := &districts[0]
	ward := city.communes[g.r.IntN(4)]
	set("phuong", ward)
	set("tp", city.unit(t))
	if pre {
		set("phuongtp", ward+", "+city.kind+" "+city.name)
	} else {
		set("phuongtp", ward)
	}
	if pre {
		set("diaphuong", "các huyện, thị xã, thành phố")
		set("cap", "cấp huyện")
	} else {
		set("diaphuong", "các xã, phường")
		set("cap", "cấp xã")
	}

	// People. {ld} is the leader a story is about: the chairman or one of
	// the vice-chairmen of the provincial people's committee.
	set("ct", "Chủ tịch UBND tỉnh "+chairman)
	set("bt", "Bí thư Tỉnh ủy "+secretary)
	set("bt_ten", secretary)
	set("pbt", "Phó Bí thư Thường trực Tỉnh ủy "+deputySec)
	set("hd", "Chủ tịch HĐND tỉnh "+council)
	set("hd_ten", council)
	set("mt", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh "+frontHead)
	vice := g.pick(viceChairmen)
	set("pct", "Phó Chủ tịch UBND tỉnh "+vice)
	set("pct_ten", vice)
	ldName, ldTitle := vice, "Phó Chủ tịch UBND tỉnh"
	if g.r.IntN(5) < 2 {
		ldName, ldTitle = chairman, "Chủ tịch UBND tỉnh"
	}
	set("ld", ldTitle+" "+ldName)
	set("ld_ten", ldName)
	set("ld_cv", ldTitle)
	set("ld_dc", "đồng chí "+ldName+", "+ldTitle)

	// Offices, named as they were at t.
	dept := func(key, before, after string) {
		if t.Before(deptReform) {
			set(key, before)
		} else {
			set(key, after)
		}
	}
	dept("songnn", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường")
	dept("sotnmt", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường")
	dept("sokhdt", "Sở Kế hoạch và Đầu tư", "Sở Tài chính")
	dept("sldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ")
	dept("sgtvt", "Sở Giao thông vận tải", "Sở Xây dựng")
	dept("stttt", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ")
	set("sotc", "Sở Tài chính")
	set("sogd", "Sở Giáo dục và Đào tạo")
	set("syt", "Sở Y tế")
	set("sovh", "Sở Văn hóa, Thể thao và Du lịch")
	set("sxd", "Sở Xây dựng")
	set("sct", "Sở Công Thương")
	set("sonv", "Sở Nội vụ")

	// Things.
	set("caytrong", g.pick(crops))
	set("ocop", g.pick(ocops))
	fest := festivals[g.r.IntN(len(festivals))]
	set("lehoi", fest[0])
	set("lehoi_noi", fest[1])
	set("dantoc", g.pick(ethnic))
	set("duangt", g.pick(roads))
	set("kcn", g.pick(parks))
	project := projects[g.r.IntN(len(projects))]
	set("duandt", project[0])
	set("nhadt", project[1])
	set("dnnongsan", g.pick([]string{"Công ty Cổ phần Thực phẩm Xanh An Phú", "Công ty Cổ phần Nông nghiệp Sơn Thủy", "Công ty TNHH Nông sản Việt An"}))
	set("nhadtnha", g.pick([]string{"Công ty Cổ phần Phát triển Đô thị Tân Lập", "Công ty Cổ phần Đầu tư Phú Thịnh", "Tổng Công ty Xây dựng An Phú"}))
	set("duthao", g.pick(drafts))
	set("benhvien", g.pick(hospitals))
	set("ql", g.pick(highways))
	set("dt", itoa(g.between(711, 768)))
	set("truong", g.pick([]string{"Trường THPT {huyen_ten}", "Trường THCS {xa_ten}", "Trường Tiểu học {xa_ten}", "Trường Mầm non {xa_ten}", "Trường Phổ thông dân tộc bán trú {xanui_ten}"}))
	set("thpt", g.pick([]string{"Trường THPT {huyen_ten}", "Trường THPT Chuyên An Phú", "Trường THPT Phú Thịnh", "Trường Phổ thông dân tộc nội trú tỉnh"}))

	// Numbers, in ranges that read naturally where the templates use them.
	set("n1", itoa(g.between(2, 9)))
	set("n1b", itoa(g.between(2, 9)))
	set("n2", itoa(g.between(12, 68)))
	set("n2b", itoa(g.between(12, 68)))
	set("n3", itoa(g.between(120, 950)))
	set("n3b", itoa(g.between(120, 950)))
	set("n4", num(g.between(1200, 9800)))
	set("n4b", num(g.between(1200, 9800)))
	set("n5", num(g.between(12, 98)*1000+g.between(0, 999)))
	set("ty", num(g.between(150, 4800)))
	set("ty2", num(g.between(12, 480)))
	set("tongvon", num(g.between(50, 250)*100))
	set("ptdv", g.decimal(5.0, 8.5, 2))
	set("ptbl", g.decimal(8.5, 14.5, 1))
	set("vondn", num(g.between(40, 120)*1000))
	set("sodn", num(g.between(2100, 5800)))
	set("gtha", itoa(g.between(120, 250)))
	set("sohtx", itoa(g.between(280, 520)))
	set("quymo", itoa(g.between(5, 120)))
	set("pt6", g.decimal(60, 85, 1))
	set("pt6b", g.decimal(55, 85, 1))
	set("ptbh", g.decimal(90, 95.5, 1))
	set("tuoi", itoa(g.between(62, 81)))
	set("sotthc", num(g.between(1750, 2150)))
	set("pt", g.decimal(5.6, 9.4, 2))
	set("ptb", g.decimal(6.5, 8.5, 1))
	set("pt2", g.decimal(86.5, 99.4, 1))
	set("pt2b", g.decimal(86.5, 99.4, 1))
	set("pt3", g.decimal(12.5, 45.8, 1))
	set("pt4", g.decimal(1.2, 4.8, 2))
	set("tn", itoa(g.between(58, 95)))
	set("ha", num(g.between(12, 240)*100))
	set("so", itoa(g.between(50, 3600)))
	set("so2", itoa(g.between(20, 480)))
	set("lan", itoa(g.between(5, 28)))
	set("kyhop", itoa(g.between(3, 32)))
	set("thungansach", num(g.between(3200, 9800)))
	set("sotruong", itoa(g.between(420, 640)))
	set("hocsinh", num(g.between(180, 320)*1000+g.between(0, 999)))
	set("thisinh", num(g.between(9000, 22000)))
	set("vieclam", num(g.between(14000, 24000)))
	all := g.between(18, 26)
	set("chitieu", itoa(all-g.between(0, 3))+"/"+itoa(all))
	return v
}

// rural returns a random commune of d, preferring rural ones.
func (g *generator) rural(d *district) string {
	var xs []string
	for _, c := range d.communes {
		if strings.HasPrefix(c, "xã ") {
			xs = append(xs, c)
		}
	}
	return g.pick(xs)
}

// districtWhere returns a random district with the property.
func (g *generator) districtWhere(ok func(*district) bool) *district {
	var ds []*district
	for i := range districts {
		if ok(&districts[i]) {
			ds = append(ds, &districts[i])
		}
	}
	return ds[g.r.IntN(len(ds))]
}

// bare strips the kind from a commune: "xã Tân Hòa" → "Tân Hòa".
func bare(s string) string {
	for _, k := range []string{"xã ", "phường "} {
		if rest, ok := strings.CutPrefix(s, k); ok {
			return rest
		}
	}
	return s
}
