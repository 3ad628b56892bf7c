package relevance

import "strings"

// ExternalIDs of the hand-written articles the queries are about, with the
// distractors written to tempt a wrong ranking. The comments say what each
// one contains.
const (
	chuyenHoa1         = "rel-0001" // "chuyển hóa địa bàn trọng điểm" in the title, the phrase in lead and body
	chuyenHoa2         = "rel-0002" // "chuyển hóa địa bàn" in lead and body
	chuyenHoaScattered = "rel-0003" // chuyển, hóa, địa, bàn many times, never together
	thuyLoiOld         = "rel-0004" // "thủy lợi", tone mark on the u (old style)
	thuyLoiNew         = "rel-0005" // "thuỷ lợi", tone mark on the y (new style)
	thuyLoiNear        = "rel-0006" // "xã Thụy Lợi": the same letters, another tone
	khamSucKhoe        = "rel-0007" // "khám sức khỏe định kỳ" (old style)
	chamSocSucKhoe     = "rel-0008" // "chăm sóc sức khoẻ người cao tuổi" (new style)
	hoaGiaiNew         = "rel-0009" // "hoá giải mâu thuẫn" (new style)
	hoaGiaiOld         = "rel-0010" // "hòa giải mâu thuẫn" (old style): hóa/hòa differ in tone
	bacLieu            = "rel-0011" // "Bạc Liêu", the province
	nearBacLieu        = "rel-0012" // "bác Liêu", a man called Liêu
	nearBacLieuNinh    = "rel-0013" // "Đông Bắc, Liêu Ninh"
	nearBacLieuLinh    = "rel-0014" // "đánh bạc liều lĩnh"
	nearBacLieuMinh    = "rel-0015" // "bác liều mình"
	bacLieuScattered   = "rel-0016" // "quan liêu", "bạc màu", "tiền bạc" many times
	dauTu1             = "rel-0017" // "đầu tư" in title and body
	dauTu2             = "rel-0018" // "đầu tư công" in title and body
	nearDauTu          = "rel-0019" // "bắt đầu từ" in the body only
	dakLak1            = "rel-0020" // "Đắk Lắk" in title and body
	dakLak2            = "rel-0021" // "Đăk Lăk", the other spelling, in the lead only
	duongNongThon      = "rel-0022" // "đường giao thông nông thôn"
	nongThonMoi        = "rel-0023" // "nông thôn mới"
	anNinh1            = "rel-0024" // "an ninh trật tự" in title and body
	anNinh2            = "rel-0025" // "an ninh trật tự" in the lead
	anNinh3            = "rel-0026" // "an ninh trật tự" in the body, another category
	anNinhScattered1   = "rel-0027" // an, ninh, trật, tự many times, never together
	anNinhScattered2   = "rel-0028" // the same, another category
	giaoThong1         = "rel-0029" // "trật tự an toàn giao thông" in title and body
	giaoThong2         = "rel-0030" // "trật tự an toàn giao thông" in the lead
	giaoThongScattered = "rel-0031" // "trật tự" and "an toàn giao thông" apart, many times
	cauTreoTitle       = "rel-0032" // "cầu treo Nậm Mu" in the title only, the oldest of three
	cauTreoLead        = "rel-0033" // … in the lead only
	cauTreoBody        = "rel-0034" // … in the body only, the newest
	tramBomTitle       = "rel-0035" // "trạm bơm Đồng Cói" in the title only, the oldest of three
	tramBomLead        = "rel-0036" // … in the lead only
	tramBomBody        = "rel-0037" // … in the body only, the newest
	tiepDanOld         = "rel-0038" // a notice, published in 2019
	tiepDanNew         = "rel-0039" // the same notice word for word, 2024
	catDienOld         = "rel-0040" // a notice, published in 2020
	catDienNew         = "rel-0041" // the same notice word for word, 2023
	bcd1               = "rel-0042" // "BCĐ 138" in title and body
	bcd2               = "rel-0043" // "BCĐ 138" in lead and body
	nearBcd            = "rel-0044" // "BCĐ 389" and "Quyết định số 138/QĐ-UBND"
	capCuu115          = "rel-0045" // "Trung tâm Cấp cứu 115"
	keHoach115         = "rel-0046" // "Kế hoạch 115/KH-UBND"
	keHoach151         = "rel-0047" // "Kế hoạch 151/KH-UBND" and "115 thủ tục"
	hoiCho2017         = "rel-0048" // "24/10/2017"
	hoiCho2018         = "rel-0049" // "24/10/2018", "năm 2017", "ngày 24/10"
	covid1             = "rel-0050" // "COVID-19"
	covid2             = "rel-0051" // "Covid-19"
	covidNo19          = "rel-0052" // "Covid" and "19" apart
	tiemChung2019      = "rel-0053" // tiêm chủng, Y tế, 2019-03-15
	tiemChung2021      = "rel-0054" // tiêm chủng, Y tế, 2021-12-30 21:00
	tiemChungTruong    = "rel-0055" // tiêm chủng, Giáo dục, 2023-09-10
	tiemChungTin       = "rel-0056" // tiêm chủng, Tin tức, 2021-05-20 06:00 (still 19 May in UTC)
	tiemChungThongBao  = "rel-0057" // tiêm chủng, Thông báo, 2025-11-03
	tiemChungNamMoi    = "rel-0058" // tiêm chủng, Tin tức, 2022-01-01 06:30 (still 2021 in UTC)
	hoaGiaiMore        = "rel-0059" // "hoá giải mâu thuẫn" (new style) in title, lead and body, the newest
	vaccine            = "rel-0060" // "tiêm vaccine bạch hầu": the loanword as written in English
	hienMauTPHCM       = "rel-0061" // "TPHCM hiến máu", the city's abbreviation in one word
	banChiDao138       = "rel-0062" // "Ban Chỉ đạo 138" in full, never "BCĐ"
	bhytHocSinh        = "rel-0063" // "BHYT học sinh", never "bảo hiểm y tế"
	pccc               = "rel-0064" // "PCCC", never "phòng cháy chữa cháy"
)

// targets returns the hand-written articles in ExternalID order.
func targets() []article {
	return []article{
		{
			id: chuyenHoa1, cat: catSecurity, at: "2019-10-01T10:40:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "Đẩy mạnh công tác chuyển hóa địa bàn trọng điểm, phức tạp về tội phạm",
			lead:  "Công an tỉnh An Phú triển khai kế hoạch chuyển hóa địa bàn tại 12 xã, phường có nhiều tụ điểm tệ nạn xã hội.",
			paras: []string{
				"Theo báo cáo, sau hai năm thực hiện, 9 trong số 12 địa bàn đã được đưa ra khỏi danh sách trọng điểm. Lực lượng công an cơ sở phối hợp với Mặt trận và các đoàn thể vận động người dân tố giác tội phạm, giúp đỡ người lầm lỡ tái hòa nhập cộng đồng.",
				"Đại tá Trần Văn Hùng, Giám đốc Công an tỉnh, yêu cầu các đơn vị tiếp tục rà soát, không để những nơi đã chuyển hóa trở lại phức tạp; kết quả chuyển hóa địa bàn là tiêu chí đánh giá thi đua của từng đơn vị.",
			},
		},
		{
			id: chuyenHoa2, cat: catNews, at: "2023-04-12T08:15:00+07:00", author: "Minh Anh",
			title: "Sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc ở các xã biên giới",
			lead:  "Nhiều mô hình tự quản ở thôn, bản đã góp phần quan trọng vào kết quả chuyển hóa địa bàn của các xã biên giới.",
			paras: []string{
				"Hội nghị do Ban Chỉ đạo phong trào của tỉnh tổ chức sáng 11/4 với sự tham dự của đại diện 14 xã biên giới. Các đại biểu chia sẻ kinh nghiệm xây dựng tổ tự quản và nhóm nhà an toàn ở khu dân cư.",
				"Năm 2022, các xã đã hoàn thành chuyển hóa địa bàn ở 6 thôn từng là điểm nóng về buôn lậu, vận chuyển trái phép hàng hóa qua biên giới.",
			},
			pad: 1,
		},
		{
			id: chuyenHoaScattered, cat: catNews, at: "2025-10-15T09:00:00+07:00", author: "Hoài Thu",
			title: "Chuyển đổi số: hiện đại hóa bàn tiếp dân, chuyển hồ sơ trên địa bàn tỉnh",
			lead:  "Sau một năm chuyển đổi, các bộ phận một cửa trên địa bàn đã chuyển 95% hồ sơ sang xử lý trực tuyến, góp phần hiện đại hóa nền hành chính.",
			paras: []string{
				"Tại các bàn tiếp nhận, cán bộ hướng dẫn người dân số hóa giấy tờ, chuyển dữ liệu lên hệ thống dùng chung của tỉnh. Nhiều địa phương bố trí thêm bàn hỗ trợ cho người cao tuổi. Trong năm, tỉnh chọn 10 điểm làm thí điểm, trọng tâm là các phường đông dân.",
				"Sở Khoa học và Công nghệ cho biết sẽ tiếp tục chuyển giao phần mềm, đào tạo cán bộ ở các địa bàn vùng sâu, vùng xa, phấn đấu hoàn thành số hóa toàn bộ hồ sơ trong năm nay.",
			},
			pad: 2,
		},
		{
			id: thuyLoiOld, cat: catNews, at: "2018-06-05T09:30:00+07:00", author: "Văn Toàn",
			title: "Toàn tỉnh ra quân làm thủy lợi nội đồng",
			lead:  "Hơn 20 nghìn người dân đã tham gia nạo vét kênh mương, gia cố bờ bao trong đợt ra quân làm thủy lợi đầu mùa mưa.",
			paras: []string{
				"Trong ba ngày, các địa phương đã nạo vét gần 180 km kênh mương nội đồng, đắp mới 35 km bờ bao, bảo đảm nước tưới cho hơn 9.000 ha lúa vụ hè thu.",
				"Ông Lê Văn Tám, Phó Chủ tịch Ủy ban nhân dân tỉnh, đề nghị các xã duy trì nề nếp ra quân hằng năm, đồng thời rà soát các công trình xuống cấp để có kế hoạch sửa chữa trước mùa lũ.",
			},
			pad: 3,
		},
		{
			id: thuyLoiNew, cat: catFarming, at: "2020-03-18T14:00:00+07:00", author: "Ngọc Lan",
			title: "Chủ động nguồn nước thuỷ lợi cho vụ hè thu",
			lead:  "Công ty Khai thác công trình thuỷ lợi tỉnh đã vận hành 46 trạm bơm, cấp nước tưới cho hơn 12 nghìn ha lúa.",
			paras: []string{
				"Do ảnh hưởng của hạn hán, mực nước trên các sông thấp hơn trung bình nhiều năm. Đơn vị đã lắp đặt thêm máy bơm dã chiến, điều tiết nước theo lịch luân phiên giữa các vùng.",
				"Ngành nông nghiệp khuyến cáo bà con gieo cấy tập trung, sử dụng nước tiết kiệm, không tự ý đắp đập ngăn dòng.",
			},
			pad: 4,
		},
		{
			id: thuyLoiNear, cat: catNews, at: "2024-08-22T16:00:00+07:00", author: "Trung Kiên",
			title: "Xã Thụy Lợi khánh thành nhà văn hóa thôn Đông",
			lead:  "Công trình có tổng kinh phí 1,8 tỷ đồng, trong đó nhân dân xã Thụy Lợi đóng góp gần một nửa.",
			paras: []string{
				"Nhà văn hóa được xây dựng trên diện tích 600 mét vuông, có hội trường 200 chỗ ngồi, sân thể thao và khu vui chơi cho trẻ em.",
				"Tại buổi lễ, đại diện Ủy ban nhân dân huyện đã tặng giấy khen cho 12 hộ gia đình có nhiều đóng góp về tiền của, ngày công.",
			},
			pad: 5,
		},
		{
			id: khamSucKhoe, cat: catHealth, at: "2022-07-14T10:00:00+07:00", author: "Phương Thảo",
			title: "Khám sức khỏe định kỳ miễn phí cho 500 người cao tuổi",
			lead:  "Bệnh viện Đa khoa tỉnh phối hợp với Hội Người cao tuổi tổ chức khám sức khỏe định kỳ, cấp thuốc miễn phí tại 4 xã vùng sâu.",
			paras: []string{
				"Các bác sĩ đã đo huyết áp, xét nghiệm đường huyết, siêu âm và tư vấn chế độ dinh dưỡng cho từng người. Những trường hợp phát hiện bệnh được hướng dẫn điều trị tại tuyến trên.",
				"Theo kế hoạch, chương trình sẽ được tổ chức mỗi năm hai lần, ưu tiên người trên 80 tuổi và người thuộc hộ nghèo.",
			},
			pad: 6,
		},
		{
			id: chamSocSucKhoe, cat: catSociety, at: "2021-10-01T08:00:00+07:00", author: "Thanh Hà",
			title: "Nâng cao chất lượng chăm sóc sức khoẻ người cao tuổi",
			lead:  "Nhân Ngày Quốc tế Người cao tuổi 1/10, Ủy ban nhân dân tỉnh phát động Tháng hành động vì người cao tuổi năm 2021.",
			paras: []string{
				"Toàn tỉnh hiện có hơn 98 nghìn người cao tuổi, trong đó gần 60% được lập hồ sơ theo dõi, chăm sóc sức khoẻ người cao tuổi tại trạm y tế xã.",
				"Các câu lạc bộ liên thế hệ tự giúp nhau được nhân rộng, giúp người cao tuổi vui sống, có ích.",
			},
			pad: 7,
		},
		{
			id: hoaGiaiNew, cat: catNews, at: "2020-11-09T15:20:00+07:00", author: "Quốc Bảo",
			title: "Đối thoại để hoá giải mâu thuẫn trong bồi thường, giải phóng mặt bằng",
			lead:  "Chủ tịch Ủy ban nhân dân tỉnh trực tiếp đối thoại với 46 hộ dân có đất bị thu hồi để làm tuyến đường ven biển.",
			paras: []string{
				"Tại buổi đối thoại, nhiều ý kiến đề nghị nâng mức hỗ trợ chuyển đổi nghề và bố trí tái định cư tại chỗ. Lãnh đạo tỉnh giao các sở, ngành trả lời bằng văn bản trong 15 ngày.",
				"Theo Chủ tịch Ủy ban nhân dân tỉnh, đối thoại công khai, thẳng thắn là cách tốt nhất để hoá giải mâu thuẫn, tạo đồng thuận trong nhân dân.",
			},
		},
		{
			id: hoaGiaiOld, cat: catNews, at: "2022-05-17T09:00:00+07:00", author: "Hoài Thu",
			title: "Tổ hòa giải ở cơ sở: hòa giải mâu thuẫn ngay từ thôn, xóm",
			lead:  "Năm 2021, 620 tổ hòa giải trên địa bàn tỉnh đã tiếp nhận 1.150 vụ việc, hòa giải thành hơn 85%.",
			paras: []string{
				"Thành viên tổ hòa giải phần lớn là người có uy tín, trưởng thôn và chi hội trưởng các đoàn thể, nắm rõ phong tục và hoàn cảnh từng gia đình.",
				"Sở Tư pháp cho biết sẽ tiếp tục bồi dưỡng kỹ năng, hỗ trợ kinh phí để các tổ kịp thời hòa giải mâu thuẫn, tranh chấp nhỏ, không để phát sinh thành điểm nóng.",
			},
		},
		{
			id: bacLieu, cat: catEconomy, at: "2021-03-09T11:00:00+07:00", author: "Văn Toàn",
			title: "Doanh nghiệp An Phú tìm hiểu mô hình điện gió ở Bạc Liêu",
			lead:  "Đoàn công tác của Sở Công Thương đã khảo sát nhà máy điện gió ven biển và trao đổi với chủ dự án về kinh nghiệm vận hành.",
			paras: []string{
				"Sau chuyến làm việc tại Bạc Liêu, đoàn kiến nghị tỉnh sớm hoàn thiện quy hoạch vùng ven biển, tạo điều kiện để doanh nghiệp trong tỉnh tham gia các dự án năng lượng tái tạo.",
				"Theo Sở Công Thương, An Phú có tiềm năng điện gió lớn ở ba xã ven biển, với tốc độ gió trung bình trên 6 mét mỗi giây.",
			},
		},
		{
			id: nearBacLieu, cat: catSociety, at: "2023-02-14T07:45:00+07:00", author: "Ngọc Lan",
			title: "Bác Liêu và khu vườn cây thuốc nam giữa lòng phố",
			lead:  "Hơn 30 năm nay, ông Nguyễn Văn Liêu ở phường Tân Thịnh lặng lẽ sưu tầm, gieo trồng gần 200 loại cây thuốc quý.",
			paras: []string{
				"Khu vườn rộng chưa đầy 300 mét vuông nhưng lúc nào cũng xanh mát. Hằng tuần, bác Liêu mở cửa đón học sinh đến tham quan, giới thiệu công dụng của từng loại cây.",
				"Nhiều cây thuốc mà bác mang về từ vùng núi đã được trường trung cấp y tế xin giống để nhân rộng.",
			},
		},
		{
			id: nearBacLieuNinh, cat: catEconomy, at: "2022-09-30T10:10:00+07:00", author: "Quốc Bảo",
			title: "Nông sản An Phú tìm đường sang thị trường Đông Bắc: Liêu Ninh, Cát Lâm",
			lead:  "Sở Công Thương tổ chức hội nghị kết nối giao thương trực tuyến giữa 25 doanh nghiệp của tỉnh với các nhà nhập khẩu Trung Quốc.",
			paras: []string{
				"Tại thị trường Đông Bắc, Liêu Ninh là tỉnh có nhu cầu nhập khẩu trái cây nhiệt đới lớn nhất. Phía bạn đề nghị tăng cường truy xuất nguồn gốc, đóng gói theo tiêu chuẩn của từng thị trường.",
				"Sở Công Thương cho biết sẽ hỗ trợ doanh nghiệp tham gia hội chợ tại Thẩm Dương vào quý IV.",
			},
		},
		{
			id: nearBacLieuLinh, cat: catSecurity, at: "2024-06-11T17:30:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "Triệt phá ổ nhóm đánh bạc liều lĩnh chống người thi hành công vụ",
			lead:  "Công an huyện Đông Hưng đã bắt giữ 14 đối tượng, thu giữ hơn 80 triệu đồng và nhiều tang vật liên quan.",
			paras: []string{
				"Khi bị phát hiện, một số đối tượng đánh bạc liều lĩnh dùng hung khí chống trả, làm một cán bộ bị thương nhẹ. Lực lượng chức năng đã nhanh chóng khống chế, đưa các đối tượng về trụ sở làm việc.",
				"Vụ việc đang được củng cố hồ sơ để xử lý nghiêm theo quy định của pháp luật.",
			},
		},
		{
			id: nearBacLieuMinh, cat: catNews, at: "2025-01-20T19:00:00+07:00", author: "Trung Kiên",
			title: "Người đàn ông 60 tuổi dũng cảm cứu hai học sinh bị đuối nước",
			lead:  "Chiều 18/1, thấy hai em nhỏ bị dòng nước cuốn trôi trên sông Cái, một người dân xã Hưng Đạo đã lao xuống cứu.",
			paras: []string{
				"Không kịp cởi áo, bác liều mình nhảy xuống dòng nước xiết, bơi hơn 30 mét để đưa hai cháu vào bờ. Hỏi chuyện, bác chỉ cười: lúc ấy bác liều, chẳng kịp nghĩ gì.",
				"Ủy ban nhân dân tỉnh đã tặng bằng khen cho ông vì hành động dũng cảm cứu người.",
			},
		},
		{
			id: bacLieuScattered, cat: catSociety, at: "2026-03-05T09:00:00+07:00", author: "Phương Thảo",
			title: "Chống bệnh quan liêu, cứu những cánh đồng bạc màu",
			lead:  "Xã Ninh Phước từng có hàng trăm héc-ta đất bạc màu bị bỏ hoang; nay, nhờ cán bộ sát dân, bỏ lối làm việc quan liêu, đồng đất đã hồi sinh.",
			paras: []string{
				"Trước đây, người dân phải đi lại nhiều lần mới được giải quyết thủ tục, nhiều người ví cách làm ấy là quan liêu, coi thường tiền bạc và công sức của dân. Từ năm 2023, xã tổ chức đối thoại hằng tháng, công khai mọi khoản thu chi.",
				"Hơn 200 héc-ta đất bạc màu được cải tạo, trồng lạc và đậu xanh; thu nhập của bà con tăng gấp đôi. Bài học chống quan liêu của xã được huyện nhân rộng.",
			},
		},
		{
			id: dauTu1, cat: catEconomy, at: "2019-05-28T08:30:00+07:00", author: "Thanh Hà",
			title: "Hội nghị xúc tiến đầu tư thu hút 18 dự án vào tỉnh An Phú",
			lead:  "Tổng vốn đăng ký của các dự án đạt hơn 21 nghìn tỷ đồng, tập trung vào công nghiệp chế biến, du lịch và năng lượng.",
			paras: []string{
				"Phát biểu tại hội nghị, Chủ tịch Ủy ban nhân dân tỉnh cam kết đồng hành cùng nhà đầu tư, giải quyết thủ tục nhanh nhất theo cơ chế một cửa liên thông.",
				"Các đại biểu đánh giá cao tiềm năng của cảng biển và khu kinh tế ven biển, đồng thời đề nghị tỉnh sớm hoàn thiện hạ tầng kết nối.",
			},
			pad: 1,
		},
		{
			id: dauTu2, cat: catEconomy, at: "2024-04-03T15:00:00+07:00", author: "Văn Toàn",
			title: "Giải ngân vốn đầu tư công quý I đạt 18% kế hoạch",
			lead:  "Ủy ban nhân dân tỉnh yêu cầu chủ dự án khẩn trương hoàn thiện hồ sơ, đẩy nhanh tiến độ các công trình trọng điểm.",
			paras: []string{
				"Tổng kế hoạch vốn đầu tư công năm 2024 của tỉnh là 5.200 tỷ đồng, trong đó vốn ngân sách địa phương chiếm hơn 60%.",
				"Những đơn vị giải ngân chậm sẽ bị điều chuyển vốn sang các dự án có khả năng giải ngân tốt hơn.",
			},
			pad: 2,
		},
		{
			id: nearDauTu, cat: catSchool, at: "2025-08-05T10:00:00+07:00", author: "Hoài Thu",
			title: "Học sinh An Phú sẵn sàng cho năm học mới",
			lead:  "Sở Giáo dục và Đào tạo đã ban hành hướng dẫn nhiệm vụ năm học 2025-2026 cho các trường trên địa bàn tỉnh.",
			paras: []string{
				"Theo kế hoạch, học sinh các cấp tựu trường từ cuối tháng 8 và năm học mới bắt đầu từ ngày 5/9. Các trường đã hoàn thành sửa chữa phòng học, bổ sung bàn ghế và thiết bị dạy học.",
				"Sở cũng yêu cầu các trường công khai các khoản thu, không để xảy ra tình trạng lạm thu.",
			},
			pad: 3,
		},
		{
			id: dakLak1, cat: catFarming, at: "2018-11-20T09:00:00+07:00", author: "Ngọc Lan",
			title: "Học tập kinh nghiệm trồng cà phê bền vững tại Đắk Lắk",
			lead:  "Đoàn cán bộ và nông dân tiêu biểu của tỉnh đã tham quan các mô hình cà phê có chứng nhận, tưới nước tiết kiệm ở Tây Nguyên.",
			paras: []string{
				"Tại Đắk Lắk, đoàn được giới thiệu quy trình tái canh, trồng xen sầu riêng và hồ tiêu để tăng thu nhập trên cùng diện tích.",
				"Sở Nông nghiệp cho biết sẽ chọn 3 hợp tác xã để thí điểm áp dụng quy trình này từ năm sau.",
			},
			pad: 4,
		},
		{
			id: dakLak2, cat: catNews, at: "2023-12-05T14:30:00+07:00", author: "Quốc Bảo",
			title: "Đoàn đại biểu tỉnh An Phú thăm và làm việc tại Tây Nguyên",
			lead:  "Trong hai ngày, đoàn đã làm việc với lãnh đạo tỉnh Đăk Lăk về hợp tác phát triển du lịch và tiêu thụ nông sản.",
			paras: []string{
				"Hai bên thống nhất xây dựng chương trình du lịch kết nối biển và đại ngàn, tổ chức tuần hàng nông sản luân phiên tại mỗi tỉnh.",
				"Dịp này, đoàn đã dâng hương tại khu di tích lịch sử và thăm một số doanh nghiệp chế biến cà phê.",
			},
			pad: 5,
		},
		{
			id: duongNongThon, cat: catFarming, at: "2020-08-12T08:00:00+07:00", author: "Trung Kiên",
			title: "Huyện Hòa An về đích sớm kế hoạch làm đường giao thông nông thôn",
			lead:  "Đến hết tháng 7, huyện đã bê tông hóa 126 km đường giao thông nông thôn, vượt 12% kế hoạch cả năm.",
			paras: []string{
				"Nhà nước hỗ trợ xi măng, người dân góp công, hiến đất; nhiều hộ tự nguyện tháo dỡ tường rào để mở rộng mặt đường.",
				"Huyện tiếp tục phát động phong trào trồng cây xanh, lắp đèn chiếu sáng dọc các tuyến đường vừa hoàn thành.",
			},
			pad: 6,
		},
		{
			id: nongThonMoi, cat: catFarming, at: "2019-09-09T09:00:00+07:00", author: "Phương Thảo",
			title: "Xã Phú Xuân đạt chuẩn nông thôn mới nâng cao",
			lead:  "Sau 8 năm xây dựng nông thôn mới, thu nhập bình quân của người dân xã Phú Xuân đạt 58 triệu đồng mỗi năm.",
			paras: []string{
				"Toàn xã có 100% đường trục thôn được cứng hóa, 98% hộ dân sử dụng nước sạch; các thôn đều có nhà văn hóa và sân thể thao.",
				"Ông Phạm Văn Lực, Chủ tịch Ủy ban nhân dân xã, cho biết xã sẽ tập trung phát triển sản phẩm OCOP và du lịch sinh thái để hướng tới nông thôn mới kiểu mẫu.",
			},
			pad: 7,
		},
		{
			id: anNinh1, cat: catSecurity, at: "2020-01-15T16:00:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "Giữ vững an ninh trật tự dịp Tết Nguyên đán Canh Tý",
			lead:  "Công an tỉnh ra quân tấn công trấn áp tội phạm, bảo đảm cho nhân dân vui xuân, đón Tết.",
			paras: []string{
				"Lực lượng công an tăng cường tuần tra vào ban đêm, kiểm soát chặt chẽ các tụ điểm phức tạp, kịp thời ngăn chặn đốt pháo và đua xe trái phép.",
				"Giám đốc Công an tỉnh yêu cầu cán bộ, chiến sĩ trực 100% quân số trong những ngày cao điểm, sẵn sàng xử lý mọi tình huống về an ninh trật tự.",
			},
		},
		{
			id: anNinh2, cat: catSecurity, at: "2024-09-04T09:00:00+07:00", author: "Minh Anh",
			title: "Công an xã: lực lượng nòng cốt ở cơ sở",
			lead:  "Sau 5 năm bố trí công an chính quy về xã, tình hình an ninh trật tự ở nông thôn chuyển biến rõ nét.",
			paras: []string{
				"Toàn tỉnh có 186 xã, thị trấn được bố trí công an chính quy. Số vụ phạm pháp hình sự ở địa bàn nông thôn giảm gần 30% so với trước.",
				"Người dân nhiều nơi cho biết cảm thấy yên tâm hơn khi có cán bộ công an bám sát địa bàn, giải quyết kịp thời những vụ việc phát sinh.",
			},
			pad: 1,
		},
		{
			id: anNinh3, cat: catNews, at: "2022-12-20T10:00:00+07:00", author: "Thanh Hà",
			title: "Kỳ họp cuối năm 2022 của Hội đồng nhân dân tỉnh bế mạc",
			lead:  "Kỳ họp đã thông qua 24 nghị quyết quan trọng về kinh tế - xã hội, ngân sách và tổ chức bộ máy.",
			paras: []string{
				"Theo báo cáo của Ủy ban nhân dân tỉnh, năm 2022 kinh tế tăng trưởng 8,1%; văn hóa - xã hội có nhiều tiến bộ, an ninh trật tự được giữ vững.",
				"Các đại biểu đề nghị tăng cường đối thoại với người dân, giải quyết dứt điểm các vụ khiếu nại kéo dài.",
			},
			pad: 2,
		},
		{
			id: anNinhScattered1, cat: catSecurity, at: "2025-03-10T08:00:00+07:00", author: "Minh Anh",
			title: "Dân quân tự vệ xã Ninh Hải tự hào giữ bình an cho làng biển",
			lead:  "Từ tự phát đến tự giác, lực lượng dân quân tự vệ xã Ninh Hải đã trở thành chỗ dựa để ngư dân an tâm bám biển.",
			paras: []string{
				"Mỗi đêm, các tổ dân quân tự vệ thay nhau tuần tra bến cá, nhắc bà con xếp thuyền theo thứ tự, lập lại trật tự nơi neo đậu. Ngư dân Ninh Hải tự hào vì làng biển bình an, không còn cảnh tranh giành chỗ neo.",
				"Anh Trần Văn An, một dân quân từng bị trật khớp vai khi cứu thuyền gặp nạn, tự nhận mình chỉ làm tròn nhiệm vụ. Ban Chỉ huy Quân sự huyện ghi nhận Ninh Hải là điểm sáng về xây dựng lực lượng tự vệ vững mạnh, an toàn.",
			},
		},
		{
			id: anNinhScattered2, cat: catNews, at: "2026-02-06T10:00:00+07:00", author: "Văn Toàn",
			title: "Ninh Bình và An Phú ký kết hợp tác, tự hào quảng bá du lịch tâm linh",
			lead:  "Hai tỉnh tự tin xây dựng tuyến du lịch an toàn, văn minh, nối Ninh Bình với các đình, chùa cổ của An Phú.",
			paras: []string{
				"Tỉnh Ninh Bình có quần thể danh thắng Tràng An, chùa Bái Đính; An Phú có hệ thống đình, chùa cổ và lễ hội đặc sắc. Hai tỉnh tự tin sẽ tạo nên tuyến du lịch hấp dẫn.",
				"Lãnh đạo Ninh Bình đề nghị các doanh nghiệp du lịch giữ trật tự, văn minh tại điểm đến, bảo đảm sự bình an cho du khách; mỗi đoàn khách được sắp xếp theo thứ tự, không chen lấn. Một du khách bị trật chân đã được hướng dẫn viên tự tay sơ cứu.",
			},
		},
		{
			id: giaoThong1, cat: catNews, at: "2019-12-26T15:00:00+07:00", author: "Trung Kiên",
			title: "Bảo đảm trật tự an toàn giao thông dịp cuối năm và Tết Nguyên đán",
			lead:  "Ban An toàn giao thông tỉnh yêu cầu các lực lượng tăng cường tuần tra, xử lý nghiêm vi phạm nồng độ cồn.",
			paras: []string{
				"Dự báo lượng phương tiện tham gia giao thông tăng mạnh trong những ngày giáp Tết. Các bến xe được yêu cầu bố trí đủ xe, niêm yết giá vé công khai.",
				"Năm 2019, tai nạn giao thông trên địa bàn tỉnh giảm cả ba tiêu chí; tình hình trật tự an toàn giao thông cơ bản ổn định.",
			},
			pad: 3,
		},
		{
			id: giaoThong2, cat: catSecurity, at: "2021-09-15T08:00:00+07:00", author: "Phòng Cảnh sát giao thông",
			title: "Ra quân tổng kiểm soát phương tiện giao thông đường bộ",
			lead:  "Đợt cao điểm kéo dài đến hết năm, nhằm kiềm chế tai nạn và lập lại trật tự an toàn giao thông trên các tuyến quốc lộ.",
			paras: []string{
				"Lực lượng cảnh sát giao thông tập trung kiểm tra xe khách, xe tải, xe chở vật liệu xây dựng; xử lý nghiêm các trường hợp chở quá tải, chạy quá tốc độ.",
				"Trong tuần đầu ra quân, các tổ công tác đã lập biên bản 412 trường hợp vi phạm, tạm giữ 37 phương tiện.",
			},
			pad: 4,
		},
		{
			id: giaoThongScattered, cat: catNews, at: "2025-06-18T09:00:00+07:00", author: "Ngọc Lan",
			title: "Lập lại trật tự vỉa hè, tuyên truyền an toàn giao thông cho học sinh",
			lead:  "Phường Tân Thịnh ra quân lập lại trật tự đô thị, đồng thời tổ chức tuyên truyền an toàn giao thông tại 5 trường học.",
			paras: []string{
				"Lực lượng trật tự đô thị phường yêu cầu các hộ kinh doanh thu dọn hàng hóa lấn chiếm vỉa hè, trả lại lối đi cho người đi bộ. Ở cổng trường, đoàn viên thanh niên hướng dẫn học sinh kỹ năng an toàn giao thông, đội mũ bảo hiểm đúng cách.",
				"Phường sẽ duy trì kiểm tra trật tự đô thị hằng tuần; các trường học tiếp tục đưa nội dung an toàn giao thông vào giờ sinh hoạt dưới cờ.",
			},
			pad: 5,
		},
		// Three reports of one inauguration, equal but for where the
		// bridge's name stands, published on three days, the title one first.
		{
			id: cauTreoTitle, cat: catNews, at: "2018-04-10T17:00:00+07:00", author: "Văn Toàn",
			title: "Khánh thành cầu treo Nậm Mu cho bà con vùng cao",
			lead:  cauTreoLead0,
			paras: []string{cauTreoPara0, cauTreoPara1},
			pad:   6,
		},
		{
			id: cauTreoLead, cat: catNews, at: "2018-04-11T17:00:00+07:00", author: "Văn Toàn",
			title: cauTreoTitle0,
			lead:  "Ngày 9/4, huyện Tân Lập đưa cầu treo Nậm Mu dài 86 mét vào sử dụng, giúp hơn 300 hộ dân đi lại an toàn trong mùa mưa lũ.",
			paras: []string{cauTreoPara0, cauTreoPara1},
			pad:   6,
		},
		{
			id: cauTreoBody, cat: catNews, at: "2018-04-12T17:00:00+07:00", author: "Văn Toàn",
			title: cauTreoTitle0,
			lead:  cauTreoLead0,
			paras: []string{"Cầu treo Nậm Mu" + strings.TrimPrefix(cauTreoPara0, "Cây cầu mới"), cauTreoPara1},
			pad:   6,
		},
		// The same with a pumping station.
		{
			id: tramBomTitle, cat: catFarming, at: "2022-02-14T10:00:00+07:00", author: "Ngọc Lan",
			title: "Đưa trạm bơm Đồng Cói vào vận hành phục vụ vụ xuân",
			lead:  tramBomLead0,
			paras: []string{tramBomPara0, tramBomPara1},
			pad:   7,
		},
		{
			id: tramBomLead, cat: catFarming, at: "2022-02-15T10:00:00+07:00", author: "Ngọc Lan",
			title: tramBomTitle0,
			lead:  "Trạm bơm Đồng Cói có công suất 2.500 mét khối mỗi giờ, bảo đảm nước tưới cho hơn 400 ha lúa của ba xã.",
			paras: []string{tramBomPara0, tramBomPara1},
			pad:   7,
		},
		{
			id: tramBomBody, cat: catFarming, at: "2022-02-16T10:00:00+07:00", author: "Ngọc Lan",
			title: tramBomTitle0,
			lead:  tramBomLead0,
			paras: []string{"Trạm bơm Đồng Cói" + strings.TrimPrefix(tramBomPara0, "Trạm bơm mới"), tramBomPara1},
			pad:   7,
		},
		// A notice published twice, word for word, five years apart.
		tiepDan(tiepDanOld, "2019-07-01T08:00:00+07:00"),
		tiepDan(tiepDanNew, "2024-07-01T08:00:00+07:00"),
		catDien(catDienOld, "2020-05-12T16:00:00+07:00"),
		catDien(catDienNew, "2023-05-12T16:00:00+07:00"),
		{
			id: bcd1, cat: catSecurity, at: "2018-01-12T10:00:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "BCĐ 138 tỉnh tổng kết công tác phòng, chống tội phạm năm 2017",
			lead:  "Năm 2017, các lực lượng chức năng đã khám phá 312 vụ phạm pháp hình sự, đạt tỷ lệ 86%.",
			paras: []string{
				"Ban Chỉ đạo phòng, chống tội phạm (BCĐ 138) tỉnh đánh giá tội phạm trộm cắp tài sản và ma túy vẫn diễn biến phức tạp ở một số địa bàn giáp ranh.",
				"Hội nghị đã khen thưởng 21 tập thể, 45 cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc.",
			},
		},
		{
			id: bcd2, cat: catSecurity, at: "2023-01-09T09:00:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "Ban Chỉ đạo 138 tỉnh triển khai nhiệm vụ năm 2023",
			lead:  "Ban Chỉ đạo phòng, chống tội phạm tỉnh (BCĐ 138) yêu cầu kéo giảm ít nhất 5% số vụ phạm pháp hình sự so với năm trước.",
			paras: []string{
				"Năm 2022, lực lượng công an đã triệt phá 18 băng, nhóm tội phạm, bắt giữ 126 đối tượng truy nã.",
				"Trưởng ban đề nghị các thành viên BCĐ 138 phụ trách địa bàn thường xuyên kiểm tra, đôn đốc cơ sở.",
			},
			pad: 1,
		},
		{
			id: nearBcd, cat: catSecurity, at: "2025-01-08T14:00:00+07:00", author: "Văn phòng BCĐ 389 tỉnh",
			title: "BCĐ 389 tỉnh tăng cường chống buôn lậu dịp Tết",
			lead:  "Ban Chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả tỉnh (BCĐ 389) vừa ban hành kế hoạch cao điểm.",
			paras: []string{
				"Theo Quyết định số 138/QĐ-UBND, các lực lượng được giao kiểm soát chặt tuyến biên giới, cảng biển và chợ đầu mối. BCĐ 389 tỉnh đã thành lập 6 đoàn kiểm tra liên ngành.",
				"Năm 2024, các lực lượng đã xử lý hơn 900 vụ vi phạm, thu nộp ngân sách gần 40 tỷ đồng.",
			},
			pad: 2,
		},
		{
			id: capCuu115, cat: catHealth, at: "2021-07-27T09:00:00+07:00", author: "Phương Thảo",
			title: "Trung tâm Cấp cứu 115 tiếp nhận 12 xe cứu thương mới",
			lead:  "Số xe được trang bị đầy đủ máy thở, máy sốc tim, giúp rút ngắn thời gian tiếp cận người bệnh.",
			paras: []string{
				"Năm qua, tổng đài 115 đã tiếp nhận hơn 21 nghìn cuộc gọi, trong đó gần 6 nghìn ca cần cấp cứu tại nhà và trên đường.",
				"Lãnh đạo Sở Y tế đề nghị người dân chỉ gọi tổng đài khi thật sự cần, không gọi quấy rối làm ảnh hưởng đến người bệnh khác.",
			},
			pad: 3,
		},
		{
			id: keHoach115, cat: catNotice, at: "2022-03-30T15:00:00+07:00", author: "Văn phòng Ủy ban nhân dân tỉnh",
			title: "Triển khai Kế hoạch 115/KH-UBND về chuyển đổi số năm 2022",
			lead:  "Ủy ban nhân dân tỉnh ban hành Kế hoạch 115/KH-UBND với mục tiêu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.",
			paras: []string{
				"Kế hoạch đặt ra 5 nhóm nhiệm vụ: phát triển hạ tầng số, dữ liệu số, chính quyền số, kinh tế số và xã hội số. Các sở, ngành căn cứ kế hoạch xây dựng chương trình cụ thể của đơn vị.",
				"Sở Thông tin và Truyền thông là cơ quan thường trực, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12.",
			},
			pad: 4,
		},
		{
			id: keHoach151, cat: catNotice, at: "2023-03-28T15:00:00+07:00", author: "Văn phòng Ủy ban nhân dân tỉnh",
			title: "Triển khai Kế hoạch 151/KH-UBND về cải cách hành chính năm 2023",
			lead:  "Theo Kế hoạch 151/KH-UBND, năm 2023 tỉnh phấn đấu đưa thêm 115 thủ tục hành chính lên Cổng dịch vụ công trực tuyến.",
			paras: []string{
				"Kế hoạch thay thế Kế hoạch số 42/KH-UBND năm 2022 và giao chỉ tiêu cụ thể cho từng sở, ngành, địa phương.",
				"Các cơ quan rà soát, cắt giảm ít nhất 20% thời gian giải quyết thủ tục so với quy định, công khai kết quả trên Cổng thông tin điện tử của tỉnh. Việc thực hiện Kế hoạch 151/KH-UBND được đưa vào tiêu chí chấm điểm cải cách hành chính.",
			},
			pad: 5,
		},
		{
			id: hoiCho2017, cat: catNews, at: "2017-10-25T08:00:00+07:00", author: "Hoài Thu",
			title: "Khai mạc Hội chợ thương mại tỉnh An Phú năm 2017",
			lead:  "Tối 24/10/2017, tại Quảng trường trung tâm, Hội chợ thương mại tỉnh An Phú năm 2017 chính thức khai mạc với 320 gian hàng.",
			paras: []string{
				"Hội chợ kéo dài đến hết ngày 30/10, giới thiệu các sản phẩm đặc trưng của địa phương như nước mắm, hải sản khô, gạo thơm và hàng thủ công mỹ nghệ.",
				"Ban tổ chức cho biết từ ngày 24/10/2017 đến hết ngày 30/10/2017, mỗi tối đều có chương trình văn nghệ và bốc thăm trúng thưởng.",
			},
			pad: 6,
		},
		{
			id: hoiCho2018, cat: catNews, at: "2018-10-25T08:00:00+07:00", author: "Hoài Thu",
			title: "Hội chợ thương mại năm 2018 thu hút 10 nghìn lượt khách mỗi ngày",
			lead:  "Tối 24/10/2018, Hội chợ thương mại tỉnh An Phú năm 2018 khai mạc với 356 gian hàng, nhiều hơn năm 2017 là 36 gian.",
			paras: []string{
				"Trong 10 ngày, ban tổ chức dự kiến đón hơn 100 nghìn lượt khách. Năm 2017, hội chợ chỉ thu hút khoảng 70 nghìn lượt.",
				"So với lần tổ chức ngày 24/10 năm trước, khu ẩm thực được mở rộng gấp đôi, có thêm 10 gian hàng của các tỉnh bạn.",
			},
			pad: 7,
		},
		{
			id: covid1, cat: catHealth, at: "2020-03-25T20:00:00+07:00", author: "Sở Y tế",
			title: "Tỉnh An Phú kích hoạt phương án phòng, chống dịch COVID-19",
			lead:  "Ban Chỉ đạo phòng, chống dịch của tỉnh quyết định tạm dừng các hoạt động tập trung đông người từ ngày 26/3.",
			paras: []string{
				"Các cơ sở y tế được yêu cầu chuẩn bị đủ giường bệnh, trang thiết bị và nhân lực để thu dung, điều trị người mắc COVID-19.",
				"Người dân được khuyến cáo đeo khẩu trang nơi công cộng, rửa tay thường xuyên và khai báo y tế khi có biểu hiện sốt, ho, khó thở.",
			},
		},
		{
			id: covid2, cat: catNews, at: "2021-08-10T11:00:00+07:00", author: "Thanh Hà",
			title: "Hỗ trợ người lao động gặp khó khăn do đại dịch",
			lead:  "Hơn 35 nghìn lao động tự do, lao động mất việc do ảnh hưởng của dịch Covid-19 đã được nhận tiền hỗ trợ.",
			paras: []string{
				"Tổng kinh phí hỗ trợ gần 60 tỷ đồng từ ngân sách tỉnh và nguồn vận động. Mỗi người được nhận 1,5 triệu đồng, chi trả trực tiếp tại nhà văn hóa thôn, tổ dân phố.",
				"Ủy ban Mặt trận Tổ quốc tỉnh tiếp tục vận động các doanh nghiệp ủng hộ quỹ phòng, chống dịch Covid-19.",
			},
			pad: 1,
		},
		{
			id: covidNo19, cat: catEconomy, at: "2023-06-06T10:00:00+07:00", author: "Quốc Bảo",
			title: "Du lịch An Phú phục hồi mạnh sau đại dịch Covid",
			lead:  "Trong 5 tháng đầu năm, toàn tỉnh đón 1,9 triệu lượt khách, tăng 19% so với cùng kỳ.",
			paras: []string{
				"Nhiều cơ sở lưu trú đóng cửa trong thời gian dịch Covid nay đã hoạt động trở lại, nâng cấp phòng nghỉ và dịch vụ. Lễ hội biển khai mạc ngày 19/5 thu hút hàng chục nghìn người.",
				"Ngành du lịch đặt mục tiêu đón 4 triệu lượt khách trong năm, doanh thu tăng ít nhất 19% so với năm trước.",
			},
			pad: 2,
		},
		{
			id: tiemChung2019, cat: catHealth, at: "2019-03-15T09:00:00+07:00", author: "Sở Y tế",
			title: "Triển khai tiêm chủng mở rộng năm 2019",
			lead:  "Ngành y tế đặt mục tiêu trên 95% trẻ em dưới một tuổi được tiêm chủng đầy đủ các loại vắc xin.",
			paras: []string{
				"Các trạm y tế xã tổ chức tiêm chủng vào ngày 25 hằng tháng, bảo đảm an toàn tiêm chủng theo quy định.",
				"Cán bộ y tế thôn, bản đến từng hộ gia đình vận động, nhắc lịch tiêm cho trẻ.",
			},
			pad: 3,
		},
		{
			id: tiemChung2021, cat: catHealth, at: "2021-12-30T21:00:00+07:00", author: "Sở Y tế",
			title: "Tiêm chủng vắc xin sởi - rubella cho trẻ từ 1 đến 5 tuổi",
			lead:  "Chiến dịch tiêm chủng bổ sung diễn ra tại tất cả các xã, phường trong tỉnh từ ngày 4/1/2022.",
			paras: []string{
				"Sở Y tế đã tiếp nhận hơn 40 nghìn liều vắc xin, phân bổ về các trung tâm y tế. Mỗi điểm tiêm có bàn khám sàng lọc, khu theo dõi sau tiêm và đội cấp cứu lưu động.",
				"Phụ huynh được đề nghị mang theo sổ tiêm chủng của trẻ.",
			},
			pad: 4,
		},
		{
			id: tiemChungTruong, cat: catSchool, at: "2023-09-10T08:00:00+07:00", author: "Hoài Thu",
			title: "Tiêm chủng bổ sung cho học sinh lớp 1",
			lead:  "Các trường tiểu học phối hợp với trạm y tế rà soát sổ tiêm chủng, tiêm bù cho học sinh còn thiếu mũi.",
			paras: []string{
				"Nhà trường gửi phiếu thông tin đến phụ huynh, hẹn lịch tiêm theo từng lớp để tránh tập trung đông.",
				"Sau khi tiêm, học sinh được theo dõi 30 phút tại phòng y tế của trường.",
			},
			pad: 5,
		},
		{
			id: tiemChungTin, cat: catNews, at: "2021-05-20T06:00:00+07:00", author: "Thanh Hà",
			title: "Tỉnh An Phú đạt tỷ lệ tiêm chủng cao trong khu vực",
			lead:  "Năm 2020, tỷ lệ trẻ em được tiêm chủng đầy đủ của tỉnh đạt 97,6%, cao hơn bình quân cả nước.",
			paras: []string{
				"Kết quả này có được nhờ mạng lưới y tế cơ sở rộng khắp và sự vào cuộc của chính quyền các cấp.",
				"Bộ Y tế đã tặng bằng khen cho Trung tâm Kiểm soát bệnh tật tỉnh.",
			},
			pad: 6,
		},
		{
			id: tiemChungThongBao, cat: catNotice, at: "2025-11-03T08:00:00+07:00", author: "Trung tâm Kiểm soát bệnh tật tỉnh",
			title: "Thông báo lịch tiêm chủng tháng 11/2025 tại các trạm y tế",
			lead:  "Trung tâm Kiểm soát bệnh tật tỉnh thông báo lịch tiêm chủng mở rộng tháng 11/2025 để phụ huynh chủ động đưa trẻ đi tiêm.",
			paras: []string{
				"Lịch tiêm cụ thể được niêm yết tại trạm y tế và trên loa truyền thanh của các xã, phường. Phụ huynh mang theo sổ tiêm chủng hoặc tra cứu trên ứng dụng.",
				"Trẻ đang sốt hoặc mắc bệnh cấp tính sẽ được hẹn tiêm vào đợt sau.",
			},
			pad: 7,
		},
		{
			id: tiemChungNamMoi, cat: catNews, at: "2022-01-01T06:30:00+07:00", author: "Minh Anh",
			title: "Ngày đầu năm, các điểm tiêm chủng vẫn mở cửa",
			lead:  "Ngay từ 6 giờ sáng ngày 1/1/2022, nhiều phụ huynh đã đưa con đến điểm tiêm chủng tại trạm y tế phường Tân Thịnh.",
			paras: []string{
				"Để kịp tiến độ, ngành y tế bố trí cán bộ trực xuyên kỳ nghỉ lễ, không để trẻ bị lỡ mũi tiêm.",
				"Trung tâm Y tế thành phố cho biết sẽ tiếp tục tổ chức tiêm chủng vào cuối tuần trong tháng 1.",
			},
		},
		{
			id: hoaGiaiMore, cat: catNews, at: "2025-09-23T15:00:00+07:00", author: "Minh Anh",
			title: "Mặt trận cơ sở hoá giải mâu thuẫn trong cộng đồng dân cư",
			lead:  "Từ đầu năm, Ban Công tác Mặt trận các khu dân cư đã hoá giải mâu thuẫn trong 214 vụ việc, phần lớn về ranh giới đất và lối đi chung.",
			paras: []string{
				"Nhiều vụ việc kéo dài nhiều năm đã được giải quyết dứt điểm nhờ cán bộ kiên trì gặp gỡ từng bên, lắng nghe và phân tích thấu tình đạt lý.",
				"Ủy ban Mặt trận Tổ quốc tỉnh đánh giá, hoá giải mâu thuẫn ngay tại khu dân cư giúp giảm đáng kể số đơn thư gửi lên cấp trên.",
			},
			pad: 3,
		},
		{
			id: vaccine, cat: catHealth, at: "2024-04-02T08:00:00+07:00", author: "Sở Y tế",
			title: "Tiêm vaccine bạch hầu cho người dân vùng cao",
			lead:  "Trung tâm Kiểm soát bệnh tật tỉnh tổ chức các đợt tiêm lưu động tại những thôn, bản xa trạm y tế.",
			paras: []string{
				"Mỗi đội tiêm gồm bác sĩ, điều dưỡng và cán bộ dân số, mang theo hòm lạnh bảo quản vaccine trong suốt hành trình.",
				"Người dân được khám sàng lọc trước khi tiêm và theo dõi ít nhất 30 phút sau tiêm.",
			},
			pad: 6,
		},
		{
			id: hienMauTPHCM, cat: catNews, at: "2024-01-20T07:30:00+07:00", author: "Minh Khoa",
			title: "Sinh viên TPHCM hiến máu tình nguyện dịp cận Tết",
			lead:  "Hơn 2.000 đơn vị máu được tiếp nhận trong ngày hội Xuân hồng tổ chức tại nhà văn hóa sinh viên.",
			paras: []string{
				"Ban tổ chức bố trí khu khám sàng lọc, khu nghỉ và phần quà cho người tham gia; nhiều bạn đã hiến lần thứ năm.",
				"Lượng máu tiếp nhận sẽ được chuyển về các bệnh viện để phục vụ người bệnh trong những ngày nghỉ Tết.",
			},
			pad: 1,
		},
		{
			id: banChiDao138, cat: catSecurity, at: "2024-12-20T15:00:00+07:00", author: "Phòng Tham mưu Công an tỉnh",
			title: "Ban Chỉ đạo 138 tỉnh tổng kết công tác năm 2024",
			lead:  "Hội nghị đánh giá kết quả phòng, chống tội phạm và triển khai nhiệm vụ của năm tới.",
			paras: []string{
				"Trong năm, lực lượng chức năng đã triệt phá nhiều đường dây đánh bạc, ma túy; số vụ phạm pháp hình sự giảm so với năm trước.",
				"Các thành viên được phân công theo dõi từng địa bàn, định kỳ báo cáo kết quả mỗi quý.",
			},
			pad: 3,
		},
		{
			id: bhytHocSinh, cat: catSchool, at: "2024-10-05T09:00:00+07:00", author: "Hoài Thu",
			title: "Nâng tỷ lệ tham gia bảo hiểm trong trường học",
			lead:  "Năm học này, tỷ lệ BHYT học sinh toàn tỉnh đạt 98%, cao nhất từ trước đến nay.",
			paras: []string{
				"Các trường phối hợp với cơ quan bảo hiểm xã hội tuyên truyền đến phụ huynh ngay từ buổi họp đầu năm.",
				"Học sinh thuộc hộ nghèo, cận nghèo được ngân sách hỗ trợ toàn bộ hoặc một phần mức đóng.",
			},
			pad: 5,
		},
		{
			id: pccc, cat: catNews, at: "2024-06-12T14:00:00+07:00", author: "Quốc Bảo",
			title: "Tập huấn PCCC cho hộ kinh doanh ở chợ trung tâm",
			lead:  "Hơn 300 tiểu thương được hướng dẫn sử dụng bình chữa cháy và cách thoát nạn khi có sự cố.",
			paras: []string{
				"Cảnh sát hướng dẫn tiểu thương kiểm tra dây điện, không để hàng hóa lấn chiếm lối đi và thường xuyên dọn dẹp rác thải.",
				"Ban quản lý chợ cam kết duy trì tổ tự quản, trực đêm và kiểm tra thiết bị định kỳ.",
			},
			pad: 2,
		},
	}
}

// The shared text of the field-weight trios.
const (
	cauTreoTitle0 = "Khánh thành cây cầu mới cho bà con vùng cao"
	cauTreoLead0  = "Ngày 9/4, huyện Tân Lập đưa vào sử dụng cây cầu dài 86 mét, giúp hơn 300 hộ dân đi lại an toàn trong mùa mưa lũ."
	cauTreoPara0  = "Cây cầu mới được xây dựng với tổng kinh phí 4,2 tỷ đồng từ ngân sách tỉnh và nguồn vận động xã hội hóa. Trước đây, mỗi mùa mưa, học sinh và bà con phải lội suối hoặc đi vòng hơn 10 km."
	cauTreoPara1  = "Chính quyền địa phương đã giao cho thôn thành lập tổ quản lý, thường xuyên kiểm tra, bảo dưỡng để công trình phát huy hiệu quả lâu dài."

	tramBomTitle0 = "Đưa trạm bơm mới vào vận hành phục vụ vụ xuân"
	tramBomLead0  = "Công trình có công suất 2.500 mét khối mỗi giờ, bảo đảm nước tưới cho hơn 400 ha lúa của ba xã."
	tramBomPara0  = "Trạm bơm mới được xây dựng trong 8 tháng, thay thế trạm cũ đã xuống cấp sau hơn 30 năm sử dụng. Nhờ hệ thống điều khiển tự động, cán bộ vận hành có thể theo dõi mực nước qua điện thoại."
	tramBomPara1  = "Đại diện Sở Nông nghiệp đề nghị đơn vị quản lý xây dựng quy trình vận hành, bảo dưỡng thường xuyên và tập huấn cho tổ dùng nước ở các thôn."
)

// tiepDan is the notice of the chairman's citizen reception days, published
// again unchanged in later years.
func tiepDan(id, at string) article {
	return article{
		id: id, cat: catNotice, at: at, author: "Ban Tiếp công dân tỉnh",
		title: "Thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân tỉnh",
		lead:  "Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân tỉnh.",
		paras: []string{
			"Trường hợp ngày tiếp trùng vào ngày nghỉ, lễ, Tết thì chuyển sang ngày làm việc kế tiếp. Công dân đến trình bày cần mang theo giấy tờ tùy thân và các tài liệu liên quan đến nội dung khiếu nại, tố cáo, kiến nghị, phản ánh.",
			"Ban Tiếp công dân tỉnh đề nghị công dân chấp hành nội quy nơi tiếp công dân, không tụ tập đông người gây mất trật tự.",
		},
	}
}

// catDien is the power company's notice of a planned outage, published again
// unchanged in a later year.
func catDien(id, at string) article {
	return article{
		id: id, cat: catNotice, at: at, author: "Công ty Điện lực An Phú",
		title: "Thông báo tạm ngừng cung cấp điện để bảo dưỡng lưới điện",
		lead:  "Công ty Điện lực An Phú thông báo tạm ngừng cung cấp điện từ 7 giờ đến 17 giờ ngày Chủ nhật tại một số khu vực.",
		paras: []string{
			"Khu vực bị ảnh hưởng gồm các tổ dân phố thuộc phường Tân Thịnh và phường Phú Lợi. Thời gian đóng điện trở lại có thể sớm hơn dự kiến mà không báo trước.",
			"Để bảo đảm an toàn, đề nghị khách hàng không tự ý tiếp cận đường dây trong thời gian công tác. Mọi thắc mắc xin liên hệ tổng đài chăm sóc khách hàng 1900 1006.",
		},
		pad: 2,
	}
}
