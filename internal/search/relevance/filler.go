package relevance

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// ict is Vietnam's time zone, in which every date of the corpus is written.
var ict = time.FixedZone("ICT", 7*3600)

// The filler's publication dates lie in this range.
var (
	fillerFrom = time.Date(2017, 1, 1, 0, 0, 0, 0, ict)
	fillerTo   = time.Date(2026, 10, 31, 0, 0, 0, 0, ict)
)

// filler generates n articles with ExternalIDs from externalID(first) on.
// The texts come from the templates below with a fixed seed, so the result
// never changes. The templates keep the queries' phrases out: a filler
// article may hold "an", "ninh", "trật" and "tự", or "bạc" and "liêu", but
// never side by side as the queries have them.
func filler(first, n int) []congtin.ArticleImport {
	g := &gen{r: rand.New(rand.NewPCG(20171024, 115)), titles: map[string]bool{}}
	out := make([]congtin.ArticleImport, n)
	for i := range out {
		out[i] = g.article(externalID(first + i))
	}
	return out
}

type gen struct {
	r      *rand.Rand
	titles map[string]bool
}

// section is a category with the templates of its filler articles.
type section struct {
	cat       string
	weight    int
	titles    []string
	sentences []string
}

var sections = []section{
	{catNews, 5, []string{
		"{unit} tổng kết công tác năm {year}",
		"Lãnh đạo tỉnh làm việc tại {place}",
		"Đoàn công tác tỉnh {prov} thăm và làm việc tại An Phú",
		"Kỳ họp thứ {k} Hội đồng nhân dân tỉnh khai mạc",
		"{unit} triển khai nhiệm vụ năm {year}",
		"Gặp mặt người có uy tín tiêu biểu tại {place}",
		"Hội nghị giao ban báo chí tháng {month}/{year}",
	}, []string{
		"Tại buổi làm việc, lãnh đạo {place} đã báo cáo kết quả thực hiện các nhiệm vụ kinh tế - xã hội.",
		"Đoàn đã đi kiểm tra thực tế một số công trình dân sinh và thăm hỏi các gia đình chính sách.",
		"Hội nghị đã biểu quyết thông qua {k} nghị quyết với tỷ lệ tán thành cao.",
		"Các cơ quan báo chí được cung cấp thông tin đầy đủ, kịp thời về những vấn đề dư luận quan tâm.",
		"Hai bên thống nhất tăng cường trao đổi đoàn, chia sẻ kinh nghiệm trong công tác quản lý.",
	}},
	{catSecurity, 4, []string{
		"{place} giao nhận quân năm {year}",
		"Diễn tập khu vực phòng thủ tại {place}",
		"{place} huấn luyện dân quân tự vệ năm {year}",
		"Triệt phá đường dây cho vay nặng lãi tại {place}",
		"Tuyên truyền phòng cháy, chữa cháy tại {place}",
		"Công an tỉnh ra mắt mô hình camera giám sát tại {place}",
	}, []string{
		"Năm {year}, {place} giao {n} thanh niên lên đường nhập ngũ, đạt 100% chỉ tiêu.",
		"Lực lượng công an đã điều tra, khám phá {n} vụ phạm pháp hình sự, bắt giữ {n2} đối tượng.",
		"Buổi diễn tập diễn ra an toàn, đúng kế hoạch, sát với tình huống thực tế.",
		"Các đơn vị đã tổ chức {n} buổi tuyên truyền pháp luật cho hơn {n3} lượt người dân.",
		"Công tác phòng cháy, chữa cháy tại khu dân cư và cơ sở sản xuất được kiểm tra thường xuyên.",
		"Bộ Chỉ huy Quân sự tỉnh đã huấn luyện cho {n2} cán bộ, chiến sĩ dân quân theo chương trình mới.",
		"Công tác bảo vệ an ninh chính trị nội bộ, an ninh kinh tế được triển khai đồng bộ.",
		"Mô hình camera giám sát do người dân tự đóng góp kinh phí lắp đặt đã phát huy hiệu quả.",
		"Người có uy tín trong đồng bào dân tộc thiểu số tích cực vận động con cháu chấp hành pháp luật.",
	}},
	{catEconomy, 3, []string{
		"Thu ngân sách {period} năm {year} tăng {pct}%",
		"Xuất khẩu {period} năm {year} đạt {n2} triệu USD",
		"Đối thoại với doanh nghiệp năm {year}",
		"Chỉ số sản xuất công nghiệp {period} năm {year} tăng {pct}%",
	}, []string{
		"Tổng thu ngân sách trên địa bàn {period} ước đạt {n3} tỷ đồng, tăng {pct}% so với cùng kỳ.",
		"Kim ngạch xuất khẩu hàng hóa đạt {n2} triệu USD, chủ yếu là thủy sản, hạt điều và hàng may mặc.",
		"Nhiều doanh nghiệp đã mở rộng sản xuất, tạo việc làm ổn định cho {n3} lao động.",
		"Chỉ số sản xuất công nghiệp tăng {pct}%, trong đó ngành chế biến, chế tạo giữ vai trò dẫn dắt.",
		"Tỉnh sẽ tiếp tục cải thiện môi trường kinh doanh, hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận vốn vay.",
		"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng {pct}% so với cùng kỳ năm trước.",
		"Các dự án trọng điểm về giao thông, cảng biển đang được đẩy nhanh tiến độ.",
	}},
	{catFarming, 3, []string{
		"{place} thu hoạch {crop} được mùa, được giá",
		"Cải tạo đất bạc màu ở {place}",
		"Nhân rộng mô hình trồng {crop} tại {place}",
		"Vụ đông xuân năm {year}: {place} gieo trồng vượt kế hoạch",
	}, []string{
		"Vụ đông xuân năm nay, {place} gieo trồng {n2} ha lúa, năng suất bình quân đạt {yield} tạ/ha.",
		"Giá {crop} ổn định giúp nông dân có lãi khoảng {n} triệu đồng mỗi héc-ta.",
		"Ngành nông nghiệp khuyến cáo bà con theo dõi chặt chẽ sâu bệnh, bón phân cân đối, không sử dụng thuốc trôi nổi.",
		"Mô hình trồng {crop} theo tiêu chuẩn VietGAP đã được nhân rộng ra {n} hộ.",
		"Hợp tác xã bao tiêu toàn bộ sản phẩm, giúp bà con yên tâm mở rộng diện tích.",
		"Đàn gia súc, gia cầm phát triển ổn định; công tác phòng dịch bệnh được chú trọng.",
		"Nhiều hộ chuyển đổi đất trồng lúa kém hiệu quả sang nuôi trồng thủy sản.",
	}},
	{catSociety, 3, []string{
		"Khai mạc lễ hội {fest} năm {year}",
		"Trao quà cho hộ nghèo tại {place}",
		"{place} xây dựng đời sống văn hóa ở khu dân cư",
		"Trùng tu di tích đình làng tại {place}",
	}, []string{
		"Lễ hội năm nay có nhiều hoạt động văn hóa, thể thao đặc sắc, thu hút hàng nghìn lượt người tham gia.",
		"Dịp này, {unit} trao {n} suất quà, mỗi suất trị giá 500 nghìn đồng, cho các hộ nghèo và gia đình chính sách.",
		"Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa được triển khai sâu rộng ở khu dân cư.",
		"Toàn tỉnh hiện có {n3} hộ nghèo, giảm {pct}% so với cùng kỳ.",
		"Các di tích lịch sử, văn hóa được trùng tu, tôn tạo bằng nguồn vốn xã hội hóa.",
		"Chương trình nghệ thuật do Nhà hát tỉnh biểu diễn đã để lại nhiều cảm xúc cho khán giả.",
	}},
	{catHealth, 2, []string{
		"{place} ra quân diệt lăng quăng phòng sốt xuất huyết",
		"Bệnh viện Đa khoa tỉnh ứng dụng kỹ thuật mới năm {year}",
		"Nâng cao chất lượng khám chữa bệnh tại {place}",
	}, []string{
		"Trong {period}, toàn tỉnh ghi nhận {n2} ca sốt xuất huyết, giảm so với cùng kỳ năm trước.",
		"Bệnh viện Đa khoa tỉnh đã tiếp nhận, điều trị cho {n3} lượt bệnh nhân.",
		"Ngành y tế khuyến cáo người dân diệt lăng quăng, loại bỏ vật dụng chứa nước đọng quanh nhà.",
		"Các trạm y tế xã được bổ sung trang thiết bị, bảo đảm khám chữa bệnh bảo hiểm y tế tại tuyến cơ sở.",
		"Tỷ lệ người dân tham gia bảo hiểm y tế đạt {pct2}%.",
	}},
	{catSchool, 2, []string{
		"Kỳ thi tốt nghiệp trung học phổ thông năm {year} diễn ra an toàn",
		"{place} khánh thành trường mầm non mới",
		"Tuyên dương học sinh giỏi năm {year}",
	}, []string{
		"Toàn tỉnh có {n3} thí sinh dự thi, tỷ lệ đỗ tốt nghiệp đạt {pct2}%.",
		"Ngành giáo dục đã tuyển dụng thêm {n2} giáo viên cho các trường vùng khó khăn.",
		"Nhiều phòng học được xây mới, thay thế phòng học tạm, bảo đảm an toàn cho học sinh.",
		"Phong trào khuyến học, khuyến tài được các dòng họ, thôn xóm hưởng ứng tích cực.",
		"Học sinh của tỉnh giành {k} giải tại kỳ thi học sinh giỏi quốc gia.",
	}},
	{catNotice, 2, []string{
		"Thông báo tuyển dụng viên chức năm {year}",
		"Thông báo lấy ý kiến nhân dân tại {place}",
		"Thông báo kết quả xét tuyển công chức năm {year}",
		"Thông báo lịch làm việc của Văn phòng tháng {month}/{year}",
	}, []string{
		"Hồ sơ nộp trực tiếp tại Bộ phận một cửa hoặc qua Cổng dịch vụ công trực tuyến của tỉnh.",
		"Thời gian nhận hồ sơ trong giờ hành chính các ngày làm việc, kể từ ngày {date}.",
		"Mọi thông tin chi tiết xin liên hệ Văn phòng theo số điện thoại (0200) 3 868 686.",
		"Cơ quan thông báo để các tổ chức, cá nhân biết và thực hiện.",
		"Người dự tuyển phải có đủ sức khỏe, lý lịch rõ ràng và văn bằng phù hợp với vị trí việc làm.",
		"Ý kiến góp ý gửi bằng văn bản về Sở Tư pháp trước ngày {date}.",
	}},
}

// general sentences fit an article of any category.
var general = []string{
	"Sáng {date}, {unit} tổ chức hội nghị triển khai nhiệm vụ trọng tâm năm {year}.",
	"Tham dự có đại diện lãnh đạo các sở, ngành, địa phương cùng {n} đại biểu là người có uy tín trong cộng đồng.",
	"Theo báo cáo, năm qua {unit} đã hoàn thành các chỉ tiêu chủ yếu, trong đó {k} chỉ tiêu vượt kế hoạch.",
	"Phát biểu chỉ đạo, {person} đề nghị các đơn vị bám sát cơ sở, nắm chắc tình hình và xử lý dứt điểm các vụ việc tồn đọng.",
	"Dịp này, {n} tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
	"Các ý kiến tại hội nghị tập trung vào những khó khăn trong công tác phối hợp giữa các ngành và cơ sở.",
	"{person} nhấn mạnh, mọi chủ trương phải được cụ thể hóa bằng kế hoạch, có lộ trình và phân công trách nhiệm rõ ràng.",
	"Kết quả trên cho thấy sự chỉ đạo quyết liệt của cấp ủy, chính quyền và sự vào cuộc của cả hệ thống chính trị.",
	"Thời gian tới, các địa phương cần tiếp tục rà soát, bổ sung kế hoạch, bảo đảm hoàn thành nhiệm vụ trước ngày {date}.",
	"Công tác thông tin, tuyên truyền được đẩy mạnh trên loa truyền thanh cơ sở và mạng xã hội.",
}

// traps are sentences full of the syllables the queries are made of, never
// in the queries' order: they make a bag-of-syllables ranking go wrong.
var traps = []string{
	"Người dân {place} tự hào khi quê hương ngày càng khang trang, đời sống văn hóa tinh thần được nâng lên rõ rệt.",
	"Đoàn công tác tỉnh {prov} đã chia sẻ kinh nghiệm cải tạo đất bạc màu, giúp nông dân yên tâm sản xuất.",
	"Lãnh đạo tỉnh yêu cầu kiên quyết khắc phục bệnh quan liêu, xa dân; cán bộ phải tự giác nêu gương trước nhân dân.",
	"Muốn cải tạo những cánh đồng bạc màu, trước hết phải bỏ cách làm quan liêu, hình thức.",
	"Hiện đại hóa nền hành chính, chống quan liêu, chống lãng phí tiền bạc của Nhà nước là yêu cầu xuyên suốt.",
	"Trong buổi tập, một vận động viên bị trật khớp cổ chân và đã được đội y tế sơ cứu kịp thời.",
	"Đội tuyển tỉnh Ninh Bình dù có vận động viên bị trật khớp vẫn tự tin thi đấu và xếp thứ nhì, sau đội An Phú.",
	"Bà con {place} tự nguyện hiến đất làm đường, góp phần giữ gìn cuộc sống bình an cho xóm làng.",
	"Trước đó, đoàn đã đến thăm tỉnh Tây Ninh và tỉnh Quảng Ninh để học tập mô hình an sinh xã hội.",
	"Tự chủ tài chính giúp các đơn vị sự nghiệp chủ động hơn, song cũng đòi hỏi người lao động phải an tâm gắn bó.",
	"Lực lượng dân quân tự vệ luôn sẵn sàng, góp phần bảo đảm an toàn cho {place}.",
	"Nhà văn hóa thôn được sửa chữa khang trang; bà con tự tổ chức các câu lạc bộ văn nghệ, thể thao.",
	"Các sản phẩm thổ cẩm, rượu cần và đồ bạc chạm khắc của đồng bào được giới thiệu tới du khách.",
	"Hồ sơ được giải quyết theo thứ tự tiếp nhận, giúp người dân an tâm khi đến giao dịch.",
	"Nhiều hộ ở vùng đất bạc màu đã tự nguyện chuyển sang trồng cây dược liệu, thu nhập khá hơn trước.",
	"Ninh Thuận, An Giang và nhiều địa phương khác đã cử đoàn đến tìm hiểu mô hình tự quản của tỉnh.",
	"Sau lần bị trật khớp gối, anh vẫn tự mình chăm sóc vườn cây, nuôi ba con ăn học.",
	"Tỉnh đẩy mạnh chuyển đổi số, hiện đại hóa công tác quản lý trên địa bàn, giảm thời gian đi lại của người dân.",
	"Sở Tư pháp cho biết nhiều bản án, quyết định đã được thi hành dứt điểm, bảo đảm an toàn pháp lý cho các bên.",
}

var (
	places = []string{
		"xã Phú Xuân", "xã Tân Lộc", "phường Tân Thịnh", "xã Hưng Đạo", "xã Long Hải", "xã Mỹ Hòa",
		"phường Bình Minh", "xã Đông Phong", "xã Vĩnh Thành", "xã Thạnh Phú", "xã Minh Tân",
		"phường Phú Lợi", "xã Ninh Hải", "xã Hòa Tiến", "xã Bình Thạnh", "phường Đông Xuyên",
	}
	provinces = []string{
		"Ninh Thuận", "Quảng Ninh", "Tây Ninh", "Ninh Bình", "Long An", "Nghệ An", "Hà Tĩnh",
		"Sóc Trăng", "Bến Tre", "Lâm Đồng",
	}
	units = []string{
		"Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế",
		"Sở Giáo dục và Đào tạo", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
		"Ủy ban Mặt trận Tổ quốc tỉnh", "Tỉnh đoàn", "Hội Nông dân tỉnh", "Sở Công Thương",
		"Sở Tài chính", "Hội Liên hiệp Phụ nữ tỉnh",
	}
	persons = []string{
		"ông Nguyễn Văn Bình, Chủ tịch Ủy ban nhân dân tỉnh",
		"bà Lê Thị Hạnh, Phó Chủ tịch Ủy ban nhân dân tỉnh",
		"ông Trần Quốc Toản, Bí thư Tỉnh ủy",
		"ông Phạm Minh Đức, Phó Bí thư Thường trực Tỉnh ủy",
		"bà Đặng Thu Hà, Chủ tịch Hội đồng nhân dân tỉnh",
	}
	crops   = []string{"lúa", "thanh long", "bưởi da xanh", "dưa hấu", "hồ tiêu", "khoai lang", "ớt", "nhãn"}
	fests   = []string{"Nghinh Ông", "cầu ngư", "đình làng Phú Xuân", "Kỳ Yên", "đua ghe", "chùa Bà"}
	periods = []string{"6 tháng đầu năm", "quý I", "9 tháng", "quý III"}
	authors = []string{"Minh Anh", "Thanh Hà", "Quốc Bảo", "Hoài Thu", "Văn Toàn", "Ngọc Lan", "Trung Kiên", "Phương Thảo"}
)

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// sample returns k distinct entries of list in random order.
func (g *gen) sample(list []string, k int) []string {
	idx := g.r.Perm(len(list))
	out := make([]string, 0, k)
	for _, i := range idx[:min(k, len(list))] {
		out = append(out, list[i])
	}
	return out
}

func (g *gen) article(id string) congtin.ArticleImport {
	total := 0
	for _, s := range sections {
		total += s.weight
	}
	w := g.r.IntN(total)
	var sec section
	for _, s := range sections {
		if w < s.weight {
			sec = s
			break
		}
		w -= s.weight
	}
	span := fillerTo.Sub(fillerFrom)
	day := fillerFrom.Add(time.Duration(g.r.Int64N(int64(span/(24*time.Hour)))) * 24 * time.Hour)
	at := day.Add(time.Duration(7*60+g.r.IntN(14*60)) * time.Minute)

	var title string
	for {
		title = upperFirst(g.fill(g.pick(sec.titles), at))
		if !g.titles[title] {
			g.titles[title] = true
			break
		}
	}

	own := g.sample(sec.sentences, 3+g.r.IntN(3))
	lead := g.fill(own[0], at)
	sents := append([]string(nil), own[1:]...)
	sents = append(sents, g.sample(general, 2+g.r.IntN(3))...)
	sents = append(sents, g.sample(traps, 2+g.r.IntN(3))...)
	g.r.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })

	var b strings.Builder
	for len(sents) > 0 {
		k := min(2+g.r.IntN(2), len(sents))
		if len(sents)-k == 1 {
			k++ // no one-sentence last paragraph
		}
		var p []string
		for _, s := range sents[:k] {
			p = append(p, upperFirst(g.fill(s, at)))
		}
		sents = sents[k:]
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("<p>" + strings.Join(p, " ") + "</p>")
	}
	return congtin.ArticleImport{
		Title:       title,
		Lead:        upperFirst(lead),
		Body:        b.String(),
		Category:    sec.cat,
		Author:      g.pick(authors),
		PublishedAt: at.Format(time.RFC3339),
		ExternalID:  id,
	}
}

// fill replaces the {placeholders} of a template. Numbers avoid the ones
// the queries look for (115, 138).
func (g *gen) fill(s string, at time.Time) string {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}') + i
		var v string
		switch key := s[i+1 : j]; key {
		case "place":
			v = g.pick(places)
		case "prov":
			v = g.pick(provinces)
		case "unit":
			v = g.pick(units)
		case "person":
			v = g.pick(persons)
		case "crop":
			v = g.pick(crops)
		case "fest":
			v = g.pick(fests)
		case "period":
			v = g.pick(periods)
		case "year":
			v = strconv.Itoa(at.Year())
		case "month":
			v = strconv.Itoa(int(at.Month()))
		case "date":
			v = fmt.Sprintf("%d/%d", 1+g.r.IntN(23), 1+g.r.IntN(12)) // never the 24th
		case "k":
			v = strconv.Itoa(2 + g.r.IntN(29))
		case "n":
			v = strconv.Itoa(2 + g.r.IntN(97))
		case "n2":
			v = strconv.Itoa(10 * (10 + g.r.IntN(90))) // 100…990 in tens: never 115 or 138
		case "n3":
			v = thousands(100 * (12 + g.r.IntN(470)))
		case "yield":
			v = strconv.Itoa(55 + g.r.IntN(18))
		case "pct":
			v = fmt.Sprintf("%d,%d", 2+g.r.IntN(14), g.r.IntN(10))
		case "pct2":
			v = fmt.Sprintf("%d,%d", 90+g.r.IntN(10), g.r.IntN(10))
		default:
			panic("relevance: unknown placeholder " + key)
		}
		s = s[:i] + v + s[j+1:]
	}
}

// thousands writes n the Vietnamese way, with dots between groups: 12.300.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
