package demo

// categories holds the sections of the demo portal and the templates of
// their articles. Counts add up to the number of articles generated.
var categories = []category{
	{
		name:     "Tin tức - Sự kiện",
		count:    28,
		images:   []string{"tru-so", "hoi-truong", "thanh-pho"},
		captions: []string{"Quang cảnh hội nghị", "Các đại biểu dự hội nghị", "Trụ sở Tỉnh ủy - HĐND - UBND tỉnh An Phú"},
		authors:  []string{"Ngọc Mai - Văn phòng UBND tỉnh", "Minh Anh - Trung tâm Truyền thông tỉnh"},
		shared: []string{
			"Thời gian qua, dưới sự lãnh đạo của Tỉnh ủy, sự giám sát của HĐND tỉnh và sự điều hành linh hoạt của UBND tỉnh, tình hình kinh tế - xã hội của tỉnh tiếp tục chuyển biến tích cực; quốc phòng, an ninh được giữ vững; đời sống vật chất, tinh thần của Nhân dân từng bước được nâng lên.",
			"Cùng với đó, tỉnh tiếp tục đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chất lượng phục vụ người dân, doanh nghiệp; siết chặt kỷ luật, kỷ cương hành chính, đề cao trách nhiệm người đứng đầu trong thực thi công vụ.",
			"Theo lãnh đạo tỉnh, những kết quả đạt được là nền tảng quan trọng để tỉnh phấn đấu hoàn thành toàn diện các mục tiêu, chỉ tiêu của Nghị quyết Đại hội Đảng bộ tỉnh lần thứ {khoadang}, đưa An Phú trở thành tỉnh phát triển khá của khu vực.",
		},
		closing: []string{
			"UBND tỉnh giao Văn phòng UBND tỉnh theo dõi, đôn đốc các sở, ngành, địa phương triển khai thực hiện, định kỳ tổng hợp, báo cáo kết quả theo quy định.",
			"Kết luận, {ct} đề nghị các sở, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao khẩn trương cụ thể hóa bằng kế hoạch, chương trình hành động; phân công rõ người, rõ việc, rõ thời hạn, rõ kết quả.",
			"Các cơ quan báo chí, Trung tâm Truyền thông tỉnh và Cổng thông tin điện tử tỉnh có trách nhiệm tuyên truyền sâu rộng để cán bộ, đảng viên và Nhân dân biết, đồng thuận và tích cực hưởng ứng.",
		},
		topics: []topic{
			{
				months: []int{12, 1, 2},
				titles: []string{
					"UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ năm {namkh}",
					"Tổng kết công tác năm {namkhtruoc}, triển khai nhiệm vụ năm {namkh}",
					"Hội nghị trực tuyến triển khai kế hoạch phát triển kinh tế - xã hội năm {namkh}",
				},
				leads: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức hội nghị tổng kết công tác năm {namkhtruoc}, triển khai nhiệm vụ năm {namkh}. {ct} chủ trì hội nghị.",
					"Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến {diaphuong}, nhằm đánh giá kết quả năm {namkhtruoc} và thống nhất các giải pháp trọng tâm cho năm {namkh}.",
				},
				paras: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức hội nghị tổng kết công tác chỉ đạo, điều hành năm {namkhtruoc} và triển khai nhiệm vụ năm {namkh}. Dự hội nghị có {bt}; {hd}; các đồng chí trong Ban Thường vụ Tỉnh ủy, lãnh đạo các sở, ban, ngành và {diaphuong}.",
					"Báo cáo tại hội nghị cho biết, năm {namkhtruoc}, tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh (GRDP) ước đạt {pt}%, thuộc nhóm khá của khu vực; thu ngân sách nhà nước trên địa bàn đạt {thungansach} tỷ đồng, vượt dự toán được giao. Có <strong>{chitieu} chỉ tiêu chủ yếu</strong> đạt và vượt kế hoạch.",
					"Các lĩnh vực văn hóa, xã hội có nhiều chuyển biến; công tác an sinh xã hội được quan tâm, tỷ lệ hộ nghèo giảm còn {pt4}%. Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.",
					"Tuy nhiên, hội nghị cũng chỉ ra một số hạn chế như: tiến độ giải ngân vốn đầu tư công ở một số dự án còn chậm; công tác bồi thường, giải phóng mặt bằng còn nhiều vướng mắc; hoạt động sản xuất, kinh doanh của một bộ phận doanh nghiệp còn khó khăn.",
					"Phát biểu chỉ đạo, {bt} đề nghị các cấp, các ngành phát huy tinh thần đoàn kết, đổi mới, sáng tạo; tập trung tháo gỡ các điểm nghẽn về thể chế, hạ tầng và nguồn nhân lực; <strong>lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả công việc</strong>.",
					"Năm {namkh}, tỉnh phấn đấu tốc độ tăng trưởng GRDP đạt từ {ptb}% trở lên; thu ngân sách nhà nước trên địa bàn đạt trên {thungansach} tỷ đồng; tỷ lệ hộ nghèo giảm từ 1% trở lên; giữ vững quốc phòng, an ninh và trật tự an toàn xã hội.",
				},
				heads:     []string{"Nhiều chỉ tiêu đạt và vượt kế hoạch", "Nhiệm vụ trọng tâm năm {namkh}"},
				listIntro: "Hội nghị thống nhất một số nhiệm vụ, giải pháp trọng tâm:",
				listHead:  "Các nhiệm vụ, giải pháp trọng tâm",
				list: []string{
					"Tập trung tháo gỡ khó khăn, thúc đẩy sản xuất kinh doanh, thu hút đầu tư;",
					"Đẩy nhanh tiến độ giải ngân vốn đầu tư công, nhất là các dự án trọng điểm;",
					"Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và chỉ số cải cách hành chính (PAR Index);",
					"Đẩy mạnh chuyển đổi số, xây dựng chính quyền số, kinh tế số, xã hội số;",
					"Chăm lo an sinh xã hội, thực hiện hiệu quả các chương trình mục tiêu quốc gia;",
					"Giữ vững quốc phòng, an ninh, bảo đảm trật tự an toàn xã hội.",
				},
				ordered:  true,
				table:    tableIndicators,
				images:   []string{"hoi-truong", "tru-so"},
				captions: []string{"Quang cảnh hội nghị", "{ct} phát biểu tại hội nghị"},
			},
			{
				titles: []string{
					"{ld} làm việc với {huyen}",
					"{ld} kiểm tra tiến độ một số dự án trọng điểm tại {huyen}",
					"{ld} khảo sát thực tế tại {xahuyen}",
				},
				leads: []string{
					"{buoi} {ngay}, đoàn công tác của UBND tỉnh do {ld_dc} làm trưởng đoàn đã có buổi làm việc tại {huyen} về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội {ky}.",
					"Tại buổi làm việc, {ld} đề nghị {huyen} tập trung tháo gỡ vướng mắc trong giải phóng mặt bằng, đẩy nhanh tiến độ các công trình trọng điểm, bảo đảm hoàn thành các chỉ tiêu năm {nam}.",
				},
				paras: []string{
					"{buoi} {ngay}, đoàn công tác của UBND tỉnh do {ld_dc} làm trưởng đoàn đã đi kiểm tra thực tế một số công trình, dự án và có buổi làm việc với lãnh đạo {huyen}. Cùng đi có lãnh đạo {sokhdt}, {sxd}, {sotnmt} và các đơn vị liên quan.",
					"Theo báo cáo, {ky}, tình hình kinh tế - xã hội của {huyen} tiếp tục ổn định và phát triển. Tổng thu ngân sách trên địa bàn ước đạt {ty2} tỷ đồng, bằng {ptdt}% dự toán; tổng vốn đầu tư phát triển toàn xã hội đạt trên {ty} tỷ đồng.",
					"Công tác xây dựng nông thôn mới, đô thị văn minh được quan tâm; hạ tầng giao thông, thủy lợi, trường học, trạm y tế tiếp tục được đầu tư nâng cấp. Các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời.",
					"Bên cạnh kết quả đạt được, địa phương còn gặp một số khó khăn như: nguồn lực đầu tư còn hạn chế; việc bồi thường, giải phóng mặt bằng một số dự án còn chậm; thu hút đầu tư vào lĩnh vực công nghiệp, dịch vụ chưa tương xứng với tiềm năng.",
					"Phát biểu kết luận, {ld} ghi nhận, biểu dương những nỗ lực của cấp ủy, chính quyền và Nhân dân {huyen}. <em>“Địa phương cần phát huy tối đa lợi thế về đất đai, nguồn nhân lực; chủ động đề xuất các cơ chế, chính sách để thu hút đầu tư, nhất là lĩnh vực nông nghiệp công nghệ cao và du lịch sinh thái”</em>, {ld_cv} nhấn mạnh.",
					"Đối với các kiến nghị của địa phương, {ld_cv} giao các sở, ngành liên quan nghiên cứu, tham mưu UBND tỉnh xem xét, giải quyết theo thẩm quyền, bảo đảm đúng quy định của pháp luật.",
				},
				heads:    []string{"Còn nhiều dư địa phát triển"},
				images:   []string{"cong-trinh", "tru-so", "canh-dong"},
				captions: []string{"{ld} kiểm tra thực tế tại {huyen}", "Đoàn công tác làm việc với lãnh đạo {huyen}"},
			},
			{
				titles: []string{
					"{ld} tiếp công dân định kỳ tháng {thang}/{nam}",
					"Giải quyết dứt điểm kiến nghị của công dân {xahuyen}",
					"Tiếp công dân định kỳ: Trực tiếp đối thoại, giải quyết {n1} vụ việc tại {huyen}",
				},
				leads: []string{
					"{buoi} {ngay}, tại Trụ sở Tiếp công dân tỉnh, {ld} chủ trì buổi tiếp công dân định kỳ tháng {thang}/{nam}.",
					"Tại buổi tiếp, {ld} đã nghe và trực tiếp giải quyết kiến nghị của {n1} lượt công dân, chủ yếu liên quan đến lĩnh vực đất đai, bồi thường, hỗ trợ tái định cư.",
				},
				paras: []string{
					"{buoi} {ngay}, tại Trụ sở Tiếp công dân tỉnh, {ld_dc} chủ trì buổi tiếp công dân định kỳ tháng {thang}/{nam}. Tham dự có lãnh đạo Ban Tiếp công dân tỉnh, Thanh tra tỉnh, {sotnmt}, {sxd} và đại diện lãnh đạo {huyen}.",
					"Tại buổi tiếp, có {n1} lượt công dân đến trình bày kiến nghị, phản ánh liên quan đến việc bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất thực hiện dự án; cấp giấy chứng nhận quyền sử dụng đất và tranh chấp đất đai tại {xahuyen}.",
					"Sau khi nghe công dân trình bày và ý kiến của các sở, ngành, địa phương, {ld} đã trực tiếp đối thoại, giải thích các quy định của pháp luật có liên quan; đồng thời giao cơ quan chức năng khẩn trương kiểm tra, rà soát hồ sơ, xác minh làm rõ nội dung công dân kiến nghị.",
					"Đối với những nội dung có cơ sở, {ld_cv} yêu cầu UBND {huyen} xem xét giải quyết dứt điểm trong tháng {thang}, báo cáo kết quả về UBND tỉnh; trường hợp vượt thẩm quyền phải kịp thời đề xuất cấp có thẩm quyền, <strong>không để vụ việc kéo dài, phát sinh điểm nóng</strong>.",
					"Theo Ban Tiếp công dân tỉnh, {ky}, các cơ quan hành chính nhà nước trên địa bàn tỉnh đã tiếp {n3} lượt công dân; tiếp nhận {n3b} đơn khiếu nại, tố cáo, kiến nghị, phản ánh. Tỷ lệ giải quyết các vụ việc thuộc thẩm quyền đạt {pt2}%.",
				},
				images:   []string{"tru-so"},
				captions: []string{"{ld} tiếp công dân", "Quang cảnh buổi tiếp công dân định kỳ"},
			},
			{
				months: []int{12, 1},
				titles: []string{
					"Mít tinh kỷ niệm {tailap} năm Ngày tái lập tỉnh An Phú (01/01/1997 - 01/01/{namtl})",
					"Tỉnh An Phú: {tailap} năm xây dựng và phát triển",
				},
				leads: []string{
					"{buoi} {ngay}, Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh trọng thể tổ chức Lễ mít tinh kỷ niệm {tailap} năm Ngày tái lập tỉnh An Phú (01/01/1997 - 01/01/{namtl}).",
					"Sau {tailap} năm tái lập, từ một tỉnh thuần nông, kinh tế còn nhiều khó khăn, An Phú đã vươn lên đạt được nhiều thành tựu quan trọng trên các lĩnh vực.",
				},
				paras: []string{
					"{buoi} {ngay}, tại Quảng trường trung tâm tỉnh, Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh trọng thể tổ chức Lễ mít tinh kỷ niệm {tailap} năm Ngày tái lập tỉnh. Dự buổi lễ có các đồng chí nguyên lãnh đạo tỉnh qua các thời kỳ, Mẹ Việt Nam Anh hùng, Anh hùng Lực lượng vũ trang nhân dân cùng đông đảo cán bộ và Nhân dân.",
					"Ôn lại chặng đường {tailap} năm xây dựng và phát triển, {bt} nhấn mạnh: ngày 01/01/1997, tỉnh An Phú chính thức được tái lập. Khi mới tái lập, tỉnh gặp rất nhiều khó khăn: cơ sở hạ tầng thấp kém, kinh tế chủ yếu là nông nghiệp, thu ngân sách chỉ đạt hơn {n2} tỷ đồng, tỷ lệ hộ nghèo trên {pt3}%.",
					"Phát huy truyền thống đoàn kết, cần cù, sáng tạo, Đảng bộ, chính quyền và Nhân dân trong tỉnh đã vượt qua khó khăn, thách thức, giành được nhiều thành tựu quan trọng. Quy mô nền kinh tế năm {namkhtruoc} gấp hơn {n1} lần so với năm đầu tái lập; thu nhập bình quân đầu người đạt trên {tn} triệu đồng/năm.",
					"Cùng với phát triển kinh tế, các lĩnh vực văn hóa, xã hội có bước phát triển toàn diện; chất lượng giáo dục, y tế không ngừng nâng lên; quốc phòng, an ninh được giữ vững; công tác xây dựng Đảng và hệ thống chính trị được chú trọng.",
					"Dịp này, {n1b} tập thể và {n2b} cá nhân có thành tích xuất sắc trong xây dựng và phát triển tỉnh được tặng Bằng khen của Chủ tịch UBND tỉnh. Sau buổi lễ là chương trình nghệ thuật đặc sắc và bắn pháo hoa chào mừng.",
				},
				heads:    []string{"Vượt qua khó khăn những ngày đầu tái lập"},
				images:   []string{"le-hoi", "thanh-pho"},
				captions: []string{"Chương trình nghệ thuật chào mừng kỷ niệm {tailap} năm Ngày tái lập tỉnh", "Một góc trung tâm tỉnh hôm nay"},
			},
			{
				titles: []string{
					"Chỉ số cải cách hành chính năm {namtruoc} của tỉnh An Phú tăng {n1} bậc",
					"Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
					"Công tác cải cách hành chính {ky}: Nhiều chuyển biến tích cực",
				},
				leads: []string{
					"Theo kết quả Bộ Nội vụ công bố, Chỉ số cải cách hành chính (PAR Index) năm {namtruoc} của tỉnh An Phú đạt {pt2}%, tăng {n1} bậc so với năm trước.",
					"{ky}, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến trên địa bàn tỉnh đạt {pt3}%; tỷ lệ hồ sơ giải quyết đúng hạn đạt {pt2}%.",
				},
				paras: []string{
					"Thời gian qua, công tác cải cách hành chính trên địa bàn tỉnh được triển khai đồng bộ, quyết liệt với phương châm lấy người dân, doanh nghiệp làm trung tâm phục vụ. Chỉ số cải cách hành chính (PAR Index) năm {namtruoc} của tỉnh đạt {pt2}%, tăng {n1} bậc so với năm trước.",
					"Hiện nay, Cổng dịch vụ công của tỉnh cung cấp {n4} thủ tục hành chính, trong đó {n3} thủ tục được cung cấp trực tuyến toàn trình. Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt {pt2b}%; {n3b} thủ tục đã được cắt giảm thời gian giải quyết từ 30% trở lên.",
					"Người dân có thể tra cứu tình trạng hồ sơ, thanh toán phí, lệ phí trực tuyến và nhận kết quả qua dịch vụ bưu chính công ích tại <a href=\"https://dichvucong.anphu.gov.vn.example/\">Cổng dịch vụ công tỉnh An Phú</a>. Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được thực hiện ngay từ khâu tiếp nhận.",
					"Bên cạnh kết quả đạt được, công tác cải cách hành chính còn một số hạn chế: tỷ lệ hồ sơ trực tuyến ở một số lĩnh vực còn thấp; kỹ năng sử dụng dịch vụ số của một bộ phận người dân còn hạn chế; hạ tầng công nghệ thông tin ở {cap} chưa đồng bộ.",
					"Thời gian tới, UBND tỉnh yêu cầu các sở, ngành, địa phương tiếp tục rà soát, đơn giản hóa thủ tục hành chính; tăng cường kỷ luật, kỷ cương; xử lý nghiêm cán bộ, công chức gây phiền hà, sách nhiễu người dân, doanh nghiệp.",
				},
				heads:     []string{"Lấy người dân, doanh nghiệp làm trung tâm"},
				listIntro: "Để nâng cao chỉ số cải cách hành chính, tỉnh tập trung các giải pháp:",
				listHead:  "Giải pháp nâng cao chỉ số cải cách hành chính",
				list: []string{
					"Rà soát, cắt giảm thành phần hồ sơ, thời gian giải quyết thủ tục hành chính;",
					"Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình;",
					"Triển khai thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính;",
					"Tăng cường kiểm tra công vụ, nhất là tại Bộ phận Một cửa các cấp;",
					"Khảo sát, đo lường sự hài lòng của người dân, tổ chức.",
				},
				images:   []string{"tru-so"},
				captions: []string{"Người dân giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh"},
			},
			{
				months: []int{1, 2, 3},
				titles: []string{
					"Phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” Xuân {tet}",
					"{huyen} ra quân trồng {n2} nghìn cây xanh đầu xuân",
				},
				leads: []string{
					"{buoi} {ngay}, tại {xahuyen}, UBND tỉnh tổ chức Lễ phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” Xuân {tet}.",
					"Năm nay, toàn tỉnh phấn đấu trồng mới {ha} ha rừng tập trung và trên {n2} nghìn cây phân tán.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {xahuyen}, UBND tỉnh tổ chức Lễ phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” Xuân {tet}. Dự buổi lễ có {bt}; {ct} cùng lãnh đạo các sở, ngành, đoàn viên thanh niên và đông đảo Nhân dân địa phương.",
					"Thực hiện lời dạy của Chủ tịch Hồ Chí Minh <em>“Mùa xuân là Tết trồng cây, làm cho đất nước càng ngày càng xuân”</em>, những năm qua, phong trào Tết trồng cây được các cấp, các ngành và Nhân dân trong tỉnh hưởng ứng sâu rộng. Tỷ lệ che phủ rừng của tỉnh đạt {pt3}%.",
					"Năm nay, toàn tỉnh phấn đấu trồng mới {ha} ha rừng tập trung và trên {n2} nghìn cây phân tán các loại, trong đó ưu tiên cây bản địa, cây gỗ lớn, cây có giá trị kinh tế cao.",
					"Phát biểu tại buổi lễ, {ct} đề nghị các địa phương lựa chọn giống cây bảo đảm chất lượng, phù hợp điều kiện thổ nhưỡng; gắn trồng cây với chăm sóc, bảo vệ để cây sinh trưởng, phát triển tốt, <strong>không trồng theo phong trào</strong>.",
					"Ngay sau lễ phát động, các đại biểu cùng đoàn viên thanh niên và Nhân dân đã trồng {n4} cây xanh tại khu vực đồi {xa_ten} và tuyến đường liên xã.",
				},
				images:   []string{"nui-rung", "canh-dong"},
				captions: []string{"Các đại biểu tham gia trồng cây tại lễ phát động", "Đồi rừng trồng tại {xa}"},
			},
			{
				months: []int{7},
				titles: []string{
					"Lãnh đạo tỉnh thăm, tặng quà gia đình chính sách nhân kỷ niệm {k_tbls} năm Ngày Thương binh - Liệt sĩ",
					"{ld} dâng hương tưởng niệm các Anh hùng liệt sĩ",
					"Tri ân người có công tại {huyen}",
				},
				leads: []string{
					"Nhân kỷ niệm {k_tbls} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{nam}), {ld} đã đến thăm, tặng quà các gia đình chính sách tại {huyen}.",
					"Dịp này, toàn tỉnh đã trao tặng {n5} suất quà tới người có công với cách mạng và thân nhân liệt sĩ với tổng kinh phí trên {ty2} tỷ đồng.",
				},
				paras: []string{
					"Nhân kỷ niệm {k_tbls} năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/{nam}), {buoi} {ngay}, đoàn công tác của tỉnh do {ld_dc} làm trưởng đoàn đã đến thăm, tặng quà các gia đình chính sách, người có công với cách mạng tại {huyen}.",
					"Tại các gia đình, {ld} ân cần hỏi thăm sức khỏe, đời sống; bày tỏ lòng biết ơn sâu sắc đối với những hy sinh, cống hiến của các thương binh, bệnh binh, thân nhân liệt sĩ cho sự nghiệp giải phóng dân tộc, xây dựng và bảo vệ Tổ quốc.",
					"Trước đó, đoàn đã đến dâng hương, dâng hoa tưởng niệm các Anh hùng liệt sĩ tại Nghĩa trang liệt sĩ tỉnh. Trong không khí trang nghiêm, các đại biểu đã dành phút mặc niệm, tưởng nhớ công lao to lớn của các Anh hùng liệt sĩ.",
					"Toàn tỉnh hiện có trên {n4} người có công với cách mạng đang hưởng trợ cấp ưu đãi hằng tháng. Những năm qua, công tác đền ơn đáp nghĩa luôn được quan tâm; 100% gia đình chính sách có mức sống bằng hoặc cao hơn mức sống trung bình của người dân nơi cư trú.",
					"Dịp này, toàn tỉnh đã trao tặng {n5} suất quà của Chủ tịch nước, của tỉnh và các địa phương với tổng kinh phí trên {ty2} tỷ đồng; hỗ trợ xây mới, sửa chữa {n2} nhà ở cho người có công.",
				},
				images:   []string{"tru-so", "le-hoi"},
				captions: []string{"{ld} tặng quà gia đình chính sách tại {huyen}"},
			},
			{
				titles: []string{
					"UBND tỉnh họp phiên thường kỳ tháng {thang}/{nam}",
					"Phiên họp UBND tỉnh thường kỳ: Cho ý kiến {n1} nội dung quan trọng",
				},
				leads: []string{
					"{buoi} {ngay}, {ct} chủ trì phiên họp thường kỳ tháng {thang}/{nam} của UBND tỉnh để đánh giá tình hình kinh tế - xã hội và cho ý kiến vào nhiều nội dung quan trọng.",
					"Phiên họp đã thảo luận, cho ý kiến vào {n1} tờ trình, đề án liên quan đến đầu tư công, quy hoạch, đất đai và cải cách hành chính.",
				},
				paras: []string{
					"{buoi} {ngay}, {ct} chủ trì phiên họp thường kỳ tháng {thang}/{nam} của UBND tỉnh. Dự phiên họp có các Phó Chủ tịch UBND tỉnh, các thành viên UBND tỉnh, đại diện Thường trực HĐND tỉnh và lãnh đạo {diaphuong}.",
					"Theo báo cáo của {sokhdt}, {ky}, kinh tế của tỉnh tiếp tục duy trì đà tăng trưởng; sản xuất nông nghiệp ổn định; giá trị sản xuất công nghiệp tăng {pt}% so với cùng kỳ; tổng thu ngân sách nhà nước đạt {ptdt}% dự toán.",
					"Tại phiên họp, UBND tỉnh đã thảo luận, cho ý kiến vào {n1} nội dung, trong đó có dự thảo nghị quyết về kế hoạch đầu tư công trung hạn, phương án sắp xếp, xử lý nhà, đất công và đề án phát triển du lịch của tỉnh.",
					"Kết luận phiên họp, {ct} yêu cầu các sở, ngành tập trung tháo gỡ vướng mắc về mặt bằng, vật liệu xây dựng cho các dự án; đẩy nhanh giải ngân vốn đầu tư công; chuẩn bị tốt các nội dung trình kỳ họp HĐND tỉnh.",
					"Đồng thời, các địa phương cần chủ động phương án phòng, chống thiên tai, dịch bệnh; chăm lo đời sống Nhân dân, nhất là các hộ nghèo, hộ có hoàn cảnh khó khăn.",
				},
				images:   []string{"hoi-truong", "tru-so"},
				captions: []string{"Quang cảnh phiên họp UBND tỉnh"},
			},
		},
	},
	{
		name:     "Chính trị",
		count:    22,
		images:   []string{"hoi-truong", "tru-so"},
		captions: []string{"Quang cảnh hội nghị", "Các đại biểu biểu quyết thông qua nghị quyết"},
		authors:  []string{"Hoàng Long - Ban Tuyên giáo và Dân vận Tỉnh ủy", "Thu Hà - Văn phòng Đoàn ĐBQH và HĐND tỉnh"},
		shared: []string{
			"Thời gian qua, công tác xây dựng Đảng và hệ thống chính trị của tỉnh được chú trọng trên cả các mặt chính trị, tư tưởng, đạo đức, tổ chức và cán bộ. Năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ đảng viên tiếp tục được nâng lên.",
			"Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, tạo sự chuyển biến rõ nét về tinh thần, thái độ phục vụ Nhân dân của cán bộ, đảng viên.",
			"Công tác dân vận được tăng cường; các hoạt động giám sát, phản biện xã hội của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội được phát huy, góp phần củng cố khối đại đoàn kết toàn dân tộc.",
		},
		closing: []string{
			"Các cấp ủy, tổ chức đảng được yêu cầu xây dựng kế hoạch cụ thể, tổ chức quán triệt, triển khai nghiêm túc, bảo đảm đúng tiến độ và chất lượng.",
			"Văn bản chi tiết được đăng tải trên <a href=\"https://vanban.anphu.gov.vn.example/\">Hệ thống văn bản điện tử của tỉnh</a>.",
			"Hội nghị kết thúc trong không khí trang trọng, thể hiện tinh thần đoàn kết, trách nhiệm, quyết tâm hoàn thành thắng lợi các nhiệm vụ đã đề ra.",
		},
		topics: []topic{
			{
				months: []int{6, 7, 12},
				titles: []string{
					"Khai mạc Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}",
					"Bế mạc Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}, thông qua {n2} nghị quyết",
					"Kỳ họp thứ {kyhop} HĐND tỉnh: Chất vấn và trả lời chất vấn thẳng thắn, trách nhiệm",
				},
				leads: []string{
					"{buoi} {ngay}, HĐND tỉnh {khoa}, nhiệm kỳ {nhiemky} tổ chức Kỳ họp thứ {kyhop} để xem xét, quyết định nhiều nội dung quan trọng về phát triển kinh tế - xã hội của tỉnh.",
					"Sau thời gian làm việc khẩn trương, nghiêm túc, Kỳ họp thứ {kyhop} HĐND tỉnh {khoa} đã hoàn thành toàn bộ chương trình đề ra và thông qua {n2} nghị quyết.",
				},
				paras: []string{
					"{buoi} {ngay}, HĐND tỉnh {khoa} tổ chức Kỳ họp thứ {kyhop}. {hd} chủ trì kỳ họp. Dự kỳ họp có {bt}; đại diện Đoàn đại biểu Quốc hội tỉnh; các đại biểu HĐND tỉnh và lãnh đạo các sở, ban, ngành, {diaphuong}.",
					"Phát biểu khai mạc, {hd} cho biết kỳ họp xem xét các báo cáo về tình hình kinh tế - xã hội, quốc phòng, an ninh; tình hình thực hiện dự toán ngân sách nhà nước; kế hoạch đầu tư công và nhiều nội dung thuộc thẩm quyền của HĐND tỉnh.",
					"Tại kỳ họp, các đại biểu tập trung thảo luận, phân tích làm rõ nguyên nhân của những hạn chế, tồn tại; đề xuất nhiều giải pháp thiết thực, nhất là về tháo gỡ khó khăn cho doanh nghiệp, đẩy nhanh giải ngân vốn đầu tư công, quản lý đất đai và bảo vệ môi trường.",
					"Phiên chất vấn diễn ra sôi nổi, thẳng thắn với các nội dung được cử tri quan tâm như: tiến độ cấp giấy chứng nhận quyền sử dụng đất; chất lượng khám, chữa bệnh tại tuyến y tế cơ sở; tình trạng ô nhiễm môi trường tại một số cụm công nghiệp. Lãnh đạo {sotnmt}, {syt} đã trực tiếp giải trình, làm rõ trách nhiệm và đưa ra giải pháp khắc phục.",
					"Kỳ họp đã biểu quyết thông qua {n2} nghị quyết, trong đó có các nghị quyết về chính sách hỗ trợ phát triển nông nghiệp, quy định mức chi bảo đảm cho công tác chuyển đổi số và điều chỉnh kế hoạch đầu tư công trung hạn.",
					"Phát biểu bế mạc, {hd} đề nghị UBND tỉnh, các sở, ngành, địa phương khẩn trương triển khai các nghị quyết vừa được thông qua; các đại biểu HĐND tỉnh tăng cường giám sát việc thực hiện, kịp thời phản ánh tâm tư, nguyện vọng của cử tri.",
				},
				heads:     []string{"Thảo luận sôi nổi, trách nhiệm", "Các nghị quyết được thông qua"},
				listIntro: "Một số nghị quyết quan trọng được thông qua tại kỳ họp:",
				listHead:  "Một số nghị quyết quan trọng",
				list: []string{
					"Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm {namkh};",
					"Nghị quyết về dự toán thu, chi ngân sách địa phương và phương án phân bổ ngân sách tỉnh;",
					"Nghị quyết điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn {giaidoan};",
					"Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa;",
					"Nghị quyết về bảng giá đất áp dụng trên địa bàn tỉnh;",
					"Nghị quyết thông qua danh mục dự án cần thu hồi đất.",
				},
				images:   []string{"hoi-truong"},
				captions: []string{"Quang cảnh Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}", "{hd} phát biểu tại kỳ họp"},
			},
			{
				titles: []string{
					"Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ {lan}, {khoadang}",
					"Ban Chấp hành Đảng bộ tỉnh cho ý kiến vào nhiều nội dung quan trọng",
				},
				leads: []string{
					"{buoi} {ngay}, Ban Chấp hành Đảng bộ tỉnh {khoadang} tổ chức hội nghị lần thứ {lan} để đánh giá tình hình thực hiện nhiệm vụ {ky} và cho ý kiến vào một số nội dung quan trọng.",
					"Hội nghị do {bt} chủ trì, với sự tham dự của các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh.",
				},
				paras: []string{
					"{buoi} {ngay}, Ban Chấp hành Đảng bộ tỉnh {khoadang} tổ chức hội nghị lần thứ {lan}. {bt} chủ trì hội nghị. Dự hội nghị có các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh; lãnh đạo các ban, sở, ngành, đoàn thể và bí thư các đảng bộ trực thuộc.",
					"Hội nghị đã thảo luận, đánh giá kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị {ky}. Theo đó, tình hình kinh tế - xã hội của tỉnh tiếp tục phát triển; nhiều chỉ tiêu đạt khá so với kế hoạch; công tác xây dựng Đảng, xây dựng hệ thống chính trị được quan tâm.",
					"Hội nghị cũng cho ý kiến vào dự thảo Chương trình hành động thực hiện nghị quyết của Trung ương, dự thảo đề án nâng cao chất lượng sinh hoạt chi bộ và báo cáo kết quả công tác kiểm tra, giám sát của Ủy ban Kiểm tra Tỉnh ủy.",
					"Phát biểu kết luận, {bt} yêu cầu các cấp ủy, tổ chức đảng tiếp tục đổi mới phương thức lãnh đạo; <strong>nói đi đôi với làm</strong>; tập trung tháo gỡ khó khăn, vướng mắc, tạo chuyển biến rõ nét trong thực hiện các nhiệm vụ trọng tâm, đột phá.",
					"Đồng chí nhấn mạnh: cán bộ, đảng viên, nhất là người đứng đầu, phải gương mẫu, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung; kiên quyết khắc phục tình trạng né tránh, đùn đẩy, sợ sai, sợ trách nhiệm.",
				},
				heads:    []string{"Đổi mới phương thức lãnh đạo"},
				images:   []string{"hoi-truong"},
				captions: []string{"{bt} phát biểu kết luận hội nghị"},
			},
			{
				titles: []string{
					"Học tập, quán triệt, triển khai nghị quyết của Trung ương cho cán bộ chủ chốt",
					"Hội nghị trực tuyến quán triệt nghị quyết của Bộ Chính trị đến {n3} điểm cầu",
					"Đưa nghị quyết của Đảng vào cuộc sống tại {huyen}",
				},
				leads: []string{
					"{buoi} {ngay}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt, triển khai thực hiện các nghị quyết của Trung ương cho cán bộ chủ chốt toàn tỉnh.",
					"Hội nghị được tổ chức trực tiếp kết hợp trực tuyến với hơn {n4} cán bộ, đảng viên tham dự tại {n3} điểm cầu.",
				},
				paras: []string{
					"{buoi} {ngay}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt, triển khai thực hiện các nghị quyết, chỉ thị của Trung ương. Hội nghị được tổ chức trực tiếp tại Hội trường Tỉnh ủy, kết nối trực tuyến đến {n3} điểm cầu của {diaphuong} với hơn {n4} cán bộ, đảng viên tham dự.",
					"Tại hội nghị, các đại biểu đã nghe báo cáo viên truyền đạt những nội dung cơ bản, cốt lõi của các nghị quyết về phát triển kinh tế tư nhân, đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
					"Phát biểu chỉ đạo, {pbt} đề nghị các cấp ủy, tổ chức đảng khẩn trương xây dựng chương trình hành động, kế hoạch thực hiện sát với thực tiễn của địa phương, đơn vị; gắn việc học tập nghị quyết với thực hiện nhiệm vụ chính trị.",
					"Sau hội nghị, mỗi cán bộ, đảng viên phải viết bài thu hoạch, liên hệ với trách nhiệm của bản thân; các cơ quan báo chí đẩy mạnh tuyên truyền để nghị quyết sớm đi vào cuộc sống.",
					"Tại {huyen}, ngay sau hội nghị, cấp ủy địa phương đã tổ chức quán triệt đến 100% chi bộ; nhiều mô hình, cách làm hay trong việc đưa nghị quyết vào cuộc sống được nhân rộng.",
				},
				listIntro: "Hội nghị yêu cầu các cấp ủy tập trung:",
				listHead:  "Yêu cầu đối với các cấp ủy",
				list: []string{
					"Tổ chức học tập, quán triệt nghiêm túc, bảo đảm 100% cán bộ, đảng viên được tiếp thu;",
					"Cụ thể hóa nghị quyết bằng chương trình hành động phù hợp với thực tiễn;",
					"Đẩy mạnh tuyên truyền, tạo sự đồng thuận trong Nhân dân;",
					"Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.",
				},
				images:   []string{"hoi-truong"},
				captions: []string{"Các đại biểu dự hội nghị tại điểm cầu Tỉnh ủy"},
			},
			{
				months: []int{5, 6, 11, 12},
				titles: []string{
					"Đại biểu HĐND tỉnh tiếp xúc cử tri {huyen}",
					"Cử tri {xahuyen} kiến nghị nhiều vấn đề dân sinh",
					"Tiếp xúc cử tri trước Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}",
				},
				leads: []string{
					"{buoi} {ngay}, Tổ đại biểu HĐND tỉnh ứng cử tại {huyen} đã có buổi tiếp xúc cử tri trước Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}.",
					"Tại buổi tiếp xúc, cử tri {xa} đã nêu {n1} ý kiến, kiến nghị liên quan đến hạ tầng giao thông, đất đai và chính sách an sinh xã hội.",
				},
				paras: []string{
					"{buoi} {ngay}, Tổ đại biểu HĐND tỉnh ứng cử tại {huyen} đã tiếp xúc cử tri tại {xa} trước Kỳ họp thứ {kyhop} HĐND tỉnh {khoa}. Tham dự có đông đảo cử tri cùng lãnh đạo địa phương.",
					"Tại buổi tiếp xúc, các đại biểu đã thông tin đến cử tri dự kiến nội dung, chương trình kỳ họp; kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội của tỉnh {ky} và kết quả giải quyết các kiến nghị của cử tri tại kỳ họp trước.",
					"Cử tri đã nêu {n1} ý kiến, kiến nghị, tập trung vào các vấn đề: đầu tư nâng cấp tuyến đường liên xã đã xuống cấp; sớm cấp giấy chứng nhận quyền sử dụng đất cho người dân; hỗ trợ tiêu thụ nông sản; tăng cường kiểm soát tình trạng xe quá tải trên địa bàn.",
					"Thay mặt tổ đại biểu, đại biểu HĐND tỉnh đã tiếp thu, giải trình làm rõ những vấn đề thuộc thẩm quyền; đồng thời ghi nhận đầy đủ các ý kiến để tổng hợp, chuyển đến cơ quan có thẩm quyền xem xét, giải quyết và trả lời cử tri theo quy định.",
					"Cử tri cũng đánh giá cao những đổi mới trong hoạt động của HĐND tỉnh thời gian qua, đặc biệt là hoạt động chất vấn, giải trình và giám sát chuyên đề, góp phần giải quyết nhiều vấn đề bức xúc ở cơ sở.",
				},
				images:   []string{"hoi-truong", "tru-so"},
				captions: []string{"Cử tri {xa} phát biểu ý kiến tại buổi tiếp xúc"},
			},
			{
				months: []int{1, 2, 5, 9, 11},
				titles: []string{
					"Trao Huy hiệu Đảng đợt {thang}/{nam} cho {n2} đảng viên",
					"{bt} trao Huy hiệu 65 năm tuổi Đảng tại {huyen}",
				},
				leads: []string{
					"{buoi} {ngay}, Tỉnh ủy tổ chức lễ trao Huy hiệu Đảng đợt {thang}/{nam} cho các đảng viên lão thành.",
					"Đợt này, toàn tỉnh có {n2} đảng viên được trao Huy hiệu từ 30 năm đến 75 năm tuổi Đảng.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {huyen}, {bt} đã đến dự và trao Huy hiệu Đảng cho các đảng viên lão thành. Đợt này, toàn tỉnh có {n2} đảng viên được trao Huy hiệu từ 30 năm đến 75 năm tuổi Đảng.",
					"Thay mặt Ban Thường vụ Tỉnh ủy, {bt} chúc mừng các đảng viên được nhận Huy hiệu Đảng; ghi nhận, đánh giá cao những đóng góp to lớn của các đồng chí đối với sự nghiệp cách mạng của Đảng, của dân tộc và quê hương An Phú.",
					"Đồng chí mong muốn các đảng viên lão thành tiếp tục giữ gìn phẩm chất, tư cách người đảng viên, là tấm gương sáng để thế hệ trẻ noi theo; tích cực tham gia xây dựng Đảng, xây dựng chính quyền ở cơ sở.",
					"Xúc động phát biểu, thay mặt các đảng viên được nhận Huy hiệu, một đảng viên lão thành bày tỏ niềm vinh dự, tự hào và hứa sẽ luôn giữ vững niềm tin, tiếp tục đóng góp công sức, trí tuệ cho sự phát triển của địa phương.",
				},
				images:   []string{"hoi-truong"},
				captions: []string{"{bt} trao Huy hiệu Đảng cho các đảng viên lão thành"},
			},
			{
				titles: []string{
					"Ủy ban Kiểm tra Tỉnh ủy kiểm tra dấu hiệu vi phạm tại {huyen}",
					"Nâng cao hiệu quả công tác kiểm tra, giám sát của Đảng {ky}",
					"Kỳ họp thứ {lan} Ủy ban Kiểm tra Tỉnh ủy {khoadang}",
				},
				leads: []string{
					"{ky}, cấp ủy và ủy ban kiểm tra các cấp trong tỉnh đã kiểm tra {n3} tổ chức đảng và {n3b} đảng viên; giám sát chuyên đề đối với nhiều tổ chức đảng và đảng viên.",
					"Ủy ban Kiểm tra Tỉnh ủy vừa tổ chức kỳ họp thứ {lan} để xem xét, kết luận một số nội dung quan trọng.",
				},
				paras: []string{
					"{buoi} {ngay}, Ủy ban Kiểm tra Tỉnh ủy {khoadang} tổ chức kỳ họp thứ {lan}. Theo báo cáo, {ky}, cấp ủy và ủy ban kiểm tra các cấp trong Đảng bộ tỉnh đã kiểm tra {n3} tổ chức đảng và {n3b} đảng viên; giám sát chuyên đề {n2} tổ chức đảng. Qua kiểm tra, giám sát đã kịp thời chấn chỉnh những thiếu sót, khuyết điểm, góp phần giữ nghiêm kỷ luật, kỷ cương trong Đảng.",
					"Tại kỳ họp, Ủy ban Kiểm tra Tỉnh ủy đã xem xét kết quả kiểm tra khi có dấu hiệu vi phạm đối với Ban Thường vụ một đảng ủy cơ sở tại {huyen} trong việc lãnh đạo, chỉ đạo công tác quản lý đất đai, đầu tư xây dựng.",
					"Ủy ban Kiểm tra Tỉnh ủy kết luận: tập thể và một số cá nhân đã thiếu trách nhiệm, buông lỏng lãnh đạo, chỉ đạo, để xảy ra vi phạm trong quản lý, sử dụng đất công. Các vi phạm đến mức phải xem xét, xử lý kỷ luật.",
					"Ủy ban Kiểm tra Tỉnh ủy yêu cầu các tổ chức đảng và đảng viên có vi phạm nghiêm túc kiểm điểm, rút kinh nghiệm và có biện pháp khắc phục hậu quả; đồng thời tăng cường giám sát thường xuyên, <strong>phát hiện sớm, ngăn chặn từ xa</strong> các vi phạm.",
					"Cũng tại kỳ họp, Ủy ban Kiểm tra Tỉnh ủy đã xem xét, giải quyết {n1} đơn tố cáo, khiếu nại kỷ luật đảng và cho ý kiến vào kế hoạch kiểm tra, giám sát năm {namkh}.",
				},
				images: []string{"hoi-truong"},
			},
			{
				titles: []string{
					"Công bố quyết định của Ban Thường vụ Tỉnh ủy về công tác cán bộ",
					"Trao quyết định bổ nhiệm lãnh đạo {sokhdt} và {sonv}",
					"Sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
				},
				leads: []string{
					"{buoi} {ngay}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố các quyết định về công tác cán bộ.",
					"Việc điều động, bổ nhiệm cán bộ được thực hiện đúng quy trình, quy định, nhằm đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
				},
				paras: []string{
					"{buoi} {ngay}, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố các quyết định về công tác cán bộ. {pbt} dự và trao quyết định.",
					"Tại hội nghị, đại diện lãnh đạo Ban Tổ chức Tỉnh ủy đã công bố các quyết định điều động, phân công, bổ nhiệm {n1} đồng chí giữ các chức vụ lãnh đạo tại {sokhdt}, {sonv} và {huyen}.",
					"Phát biểu giao nhiệm vụ, {pbt} chúc mừng các đồng chí được tin tưởng giao nhiệm vụ mới; đề nghị các đồng chí phát huy kinh nghiệm, năng lực, cùng tập thể lãnh đạo đơn vị đoàn kết, hoàn thành xuất sắc nhiệm vụ được giao.",
					"Thời gian qua, việc sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn tỉnh được triển khai quyết liệt, đúng lộ trình; số đầu mối các cơ quan, đơn vị giảm đáng kể, bộ máy từng bước tinh gọn, hoạt động hiệu lực, hiệu quả.",
					"Thay mặt các cán bộ được điều động, bổ nhiệm, đại diện các đồng chí cảm ơn sự quan tâm, tin tưởng của Ban Thường vụ Tỉnh ủy và hứa sẽ nỗ lực, tận tâm, đổi mới sáng tạo, cùng tập thể hoàn thành tốt nhiệm vụ.",
				},
				images: []string{"hoi-truong", "tru-so"},
			},
			{
				months: []int{1, 2},
				titles: []string{
					"Kỷ niệm {k_dang} năm Ngày thành lập Đảng Cộng sản Việt Nam",
					"Sôi nổi các hoạt động mừng Đảng, mừng Xuân {tet}",
				},
				leads: []string{
					"Chào mừng {k_dang} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/{nam}), các cấp ủy đảng trong tỉnh tổ chức nhiều hoạt động thiết thực.",
				},
				paras: []string{
					"Chào mừng {k_dang} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/{nam}), {buoi} {ngay}, Tỉnh ủy tổ chức lễ kỷ niệm trọng thể. Dự buổi lễ có {bt}; {hd}; {ct} cùng các đồng chí nguyên lãnh đạo tỉnh và đông đảo cán bộ, đảng viên.",
					"Diễn văn kỷ niệm ôn lại truyền thống vẻ vang của Đảng Cộng sản Việt Nam, khẳng định những thành tựu to lớn, có ý nghĩa lịch sử mà Đảng, Nhân dân ta đạt được, cũng như những đóng góp của Đảng bộ và Nhân dân tỉnh An Phú.",
					"Hiện nay, Đảng bộ tỉnh có {n2} đảng bộ trực thuộc với trên {n5} đảng viên. Năm {namtruoc}, toàn tỉnh kết nạp {n4} đảng viên mới, vượt chỉ tiêu đề ra; tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt {pt2}%.",
					"Dịp này, nhiều hoạt động văn hóa, văn nghệ, thể thao mừng Đảng, mừng Xuân được tổ chức sôi nổi tại {diaphuong}, tạo không khí vui tươi, phấn khởi trong Nhân dân.",
				},
				images:   []string{"le-hoi", "hoi-truong"},
				captions: []string{"Chương trình nghệ thuật mừng Đảng, mừng Xuân {tet}"},
			},
		},
	},
	{
		name:     "Kinh tế",
		count:    16,
		images:   []string{"thanh-pho", "cong-trinh"},
		captions: []string{"Một góc trung tâm tỉnh", "Hoạt động sản xuất tại {kcn}"},
		authors:  []string{"Quốc Việt - {sokhdt}", "Thanh Hương - {sct}"},
		shared: []string{
			"Theo đánh giá của {sokhdt}, môi trường đầu tư kinh doanh của tỉnh tiếp tục được cải thiện; chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm {namtruoc} tăng {n1} bậc, thuộc nhóm khá của cả nước.",
			"Khu vực kinh tế tư nhân ngày càng khẳng định vai trò là động lực quan trọng của nền kinh tế. Toàn tỉnh hiện có trên {n4} doanh nghiệp đang hoạt động với tổng vốn đăng ký trên {n5} tỷ đồng.",
			"Hoạt động thương mại, dịch vụ sôi động trở lại; nhiều mặt hàng nông sản chủ lực của tỉnh đã có mặt tại các hệ thống siêu thị lớn và sàn thương mại điện tử.",
		},
		closing: []string{
			"Thời gian tới, tỉnh tiếp tục theo dõi sát diễn biến thị trường, kịp thời có giải pháp hỗ trợ doanh nghiệp, thúc đẩy tăng trưởng, phấn đấu hoàn thành cao nhất các chỉ tiêu năm {nam}.",
			"Các sở, ngành được giao nhiệm vụ theo dõi, đôn đốc, kịp thời báo cáo, đề xuất UBND tỉnh những vấn đề phát sinh vượt thẩm quyền.",
			"Thông tin chi tiết về các chương trình hỗ trợ doanh nghiệp được đăng tải tại <a href=\"https://doanhnghiep.anphu.gov.vn.example/\">Cổng thông tin hỗ trợ doanh nghiệp tỉnh</a>.",
		},
		topics: []topic{
			{
				titles: []string{
					"Kinh tế {ky} của tỉnh tăng trưởng {pt}%",
					"Tình hình kinh tế - xã hội {ky}: Nhiều điểm sáng",
					"Tăng trưởng GRDP {ky} ước đạt {pt}%",
				},
				leads: []string{
					"Theo Thống kê tỉnh, tổng sản phẩm trên địa bàn tỉnh (GRDP) {ky} ước tăng {pt}% so với cùng kỳ năm trước, cao hơn mức bình quân chung của cả nước.",
					"{ky}, kinh tế của tỉnh tiếp tục duy trì đà phục hồi và tăng trưởng, trong đó khu vực công nghiệp - xây dựng là động lực chính.",
				},
				paras: []string{
					"Theo số liệu của Thống kê tỉnh, tổng sản phẩm trên địa bàn tỉnh (GRDP) {ky} ước tăng {pt}% so với cùng kỳ năm trước. Trong đó, khu vực nông, lâm nghiệp và thủy sản tăng {pt4}%; khu vực công nghiệp - xây dựng tăng {ptb}%; khu vực dịch vụ tăng {pt}%.",
					"Sản xuất công nghiệp tiếp tục là điểm sáng với chỉ số sản xuất toàn ngành tăng {pt3}% so với cùng kỳ. Một số sản phẩm chủ lực tăng khá như: linh kiện điện tử, hàng may mặc, chế biến nông sản, thủy sản.",
					"Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt {n5} tỷ đồng, tăng {ptb}%. Kim ngạch xuất khẩu đạt {n3} triệu USD, tăng {pt3}% so với cùng kỳ năm trước.",
					"Thu ngân sách nhà nước trên địa bàn đạt {thungansach} tỷ đồng, bằng {ptdt}% dự toán. Công tác quản lý, điều hành chi ngân sách bảo đảm chặt chẽ, tiết kiệm, đáp ứng các nhiệm vụ chi thường xuyên và đầu tư phát triển.",
					"Bên cạnh đó, nền kinh tế của tỉnh vẫn còn đối mặt với nhiều khó khăn như: quy mô còn nhỏ; sức cạnh tranh của doanh nghiệp chưa cao; thị trường xuất khẩu còn phụ thuộc vào một số đối tác lớn; giá nguyên, nhiên liệu đầu vào biến động.",
				},
				heads: []string{"Công nghiệp là động lực tăng trưởng"},
				table: tableIndicators,
			},
			{
				titles: []string{
					"Thu ngân sách nhà nước {ky} đạt {ptdt}% dự toán",
					"Tăng cường các giải pháp chống thất thu ngân sách năm {nam}",
				},
				leads: []string{
					"{ky}, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt {thungansach} tỷ đồng, bằng {ptdt}% dự toán năm.",
					"Ngành Thuế đang tập trung rà soát nguồn thu, đôn đốc thu hồi nợ đọng, chống thất thu trong lĩnh vực thương mại điện tử và chuyển nhượng bất động sản.",
				},
				paras: []string{
					"Theo báo cáo của {sotc}, {ky}, tổng thu ngân sách nhà nước trên địa bàn tỉnh đạt {thungansach} tỷ đồng, bằng {ptdt}% dự toán năm và tăng {pt3}% so với cùng kỳ. Trong đó, thu nội địa đạt {n4b} tỷ đồng; thu từ hoạt động xuất, nhập khẩu đạt {n3} tỷ đồng.",
					"Một số khoản thu đạt khá như: thu từ doanh nghiệp có vốn đầu tư nước ngoài, thuế thu nhập cá nhân, lệ phí trước bạ. Tuy nhiên, thu tiền sử dụng đất còn thấp do thị trường bất động sản chưa thực sự phục hồi, việc đấu giá một số khu đất còn chậm.",
					"Để hoàn thành dự toán năm {nam}, cơ quan thuế tăng cường quản lý thuế đối với hoạt động kinh doanh trên nền tảng số, hộ kinh doanh; đẩy mạnh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền; công khai danh sách người nộp thuế nợ đọng kéo dài.",
					"UBND tỉnh yêu cầu các địa phương đẩy nhanh tiến độ đấu giá quyền sử dụng đất; rà soát, tháo gỡ khó khăn cho các dự án đầu tư để sớm đi vào hoạt động, tạo nguồn thu ổn định, bền vững cho ngân sách.",
				},
				listIntro: "Các giải pháp trọng tâm được đề ra gồm:",
				listHead:  "Giải pháp tăng thu ngân sách",
				list: []string{
					"Rà soát, quản lý chặt chẽ nguồn thu, mở rộng cơ sở thuế;",
					"Đôn đốc thu hồi nợ thuế, hạn chế phát sinh nợ mới;",
					"Tăng cường thanh tra, kiểm tra thuế theo chuyên đề;",
					"Đẩy mạnh chuyển đổi số trong quản lý thuế;",
					"Tiết kiệm chi thường xuyên, ưu tiên nguồn lực cho đầu tư phát triển.",
				},
			},
			{
				titles: []string{
					"Hội nghị gặp mặt, đối thoại với doanh nghiệp năm {nam}",
					"{ld} đối thoại, tháo gỡ khó khăn cho doanh nghiệp",
					"Giải đáp {n2} kiến nghị của cộng đồng doanh nghiệp",
				},
				leads: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức hội nghị gặp mặt, đối thoại với doanh nghiệp nhằm lắng nghe, tháo gỡ khó khăn, vướng mắc trong sản xuất, kinh doanh.",
					"Tại hội nghị, {ld} khẳng định tỉnh luôn đồng hành, tạo mọi điều kiện thuận lợi để doanh nghiệp đầu tư, phát triển.",
				},
				paras: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức hội nghị gặp mặt, đối thoại với doanh nghiệp năm {nam}. {ld_dc} chủ trì hội nghị. Tham dự có lãnh đạo các sở, ngành, Hiệp hội Doanh nghiệp tỉnh và đại diện gần {n3} doanh nghiệp, hợp tác xã.",
					"Tại hội nghị, các doanh nghiệp đã nêu {n2} ý kiến, kiến nghị liên quan đến thủ tục đất đai, cấp phép xây dựng, phòng cháy chữa cháy, tiếp cận vốn tín dụng và đào tạo nguồn nhân lực.",
					"Đại diện {sotnmt}, {sxd}, Công an tỉnh và ngành ngân hàng đã trực tiếp trả lời, giải đáp cụ thể từng kiến nghị. Nhiều vướng mắc đã được tháo gỡ ngay tại hội nghị.",
					"Phát biểu tại hội nghị, {ld} khẳng định: <em>“Sự thành công của doanh nghiệp cũng là thành công của tỉnh. Chính quyền các cấp phải thực sự đồng hành, lắng nghe và giải quyết kịp thời những khó khăn của doanh nghiệp”</em>.",
					"{ld_cv} yêu cầu các sở, ngành, địa phương trả lời bằng văn bản các kiến nghị chưa được giải quyết trước ngày {hanchot}; tuyệt đối không để doanh nghiệp phải đi lại nhiều lần, gây phiền hà.",
				},
				heads:    []string{"Đồng hành cùng doanh nghiệp"},
				images:   []string{"hoi-truong"},
				captions: []string{"{ld} phát biểu tại hội nghị đối thoại với doanh nghiệp"},
			},
			{
				titles: []string{
					"Du lịch An Phú đón {n4} nghìn lượt khách {ky}",
					"Phát triển du lịch sinh thái, cộng đồng tại {huyennui}",
					"Kích cầu du lịch, thu hút khách đến An Phú",
				},
				leads: []string{
					"{ky}, toàn tỉnh đón trên {n4} nghìn lượt khách du lịch, tăng {pt3}% so với cùng kỳ; tổng thu từ du lịch ước đạt {ty} tỷ đồng.",
					"Với cảnh quan thiên nhiên hùng vĩ và bản sắc văn hóa đặc sắc của đồng bào {dantoc}, {xanuihuyen} đang trở thành điểm đến hấp dẫn của du khách.",
				},
				paras: []string{
					"Theo {sovh}, {ky}, toàn tỉnh đón trên {n4} nghìn lượt khách du lịch, tăng {pt3}% so với cùng kỳ năm trước, trong đó có {n2} nghìn lượt khách quốc tế. Tổng thu từ hoạt động du lịch ước đạt {ty} tỷ đồng.",
					"Nhiều sản phẩm du lịch mới được đưa vào khai thác như: du lịch trải nghiệm nông nghiệp tại {xa}; du lịch cộng đồng gắn với văn hóa đồng bào {dantoc} tại {xanui}; du lịch biển, đảo tại {huyenbien}.",
					"Tại {xanuihuyen}, hiện có {n2} hộ dân làm dịch vụ homestay với khả năng đón hàng trăm lượt khách mỗi ngày. Người dân được tập huấn kỹ năng đón tiếp, phục vụ khách; các đội văn nghệ dân gian được duy trì để biểu diễn phục vụ du khách.",
					"Để thu hút khách, tỉnh đẩy mạnh quảng bá trên các nền tảng số, tham gia các hội chợ du lịch trong nước và quốc tế; kết nối tour, tuyến với các địa phương trong vùng; khuyến khích doanh nghiệp đầu tư các khu nghỉ dưỡng, vui chơi giải trí chất lượng cao.",
					"Tuy nhiên, hạ tầng du lịch ở nhiều điểm đến còn thiếu đồng bộ; chất lượng nguồn nhân lực chưa cao; sản phẩm du lịch còn trùng lặp, chưa tạo được dấu ấn riêng.",
				},
				images:   []string{"nui-rung", "le-hoi", "canh-dong", "bien"},
				captions: []string{"Cảnh quan thiên nhiên tại {xanui}", "Du khách tham quan, trải nghiệm tại {xa}"},
			},
			{
				months: []int{12, 1},
				titles: []string{
					"Bảo đảm cung ứng hàng hóa dịp Tết Nguyên đán {tet}",
					"Thị trường hàng Tết {tet}: Nguồn cung dồi dào, giá cả ổn định",
				},
				leads: []string{
					"Để phục vụ nhu cầu mua sắm của Nhân dân dịp Tết Nguyên đán {tet}, các doanh nghiệp trên địa bàn tỉnh đã dự trữ lượng hàng hóa trị giá trên {ty} tỷ đồng.",
				},
				paras: []string{
					"Theo {sct}, để phục vụ nhu cầu mua sắm của Nhân dân dịp Tết Nguyên đán {tet}, các doanh nghiệp, hệ thống phân phối trên địa bàn tỉnh đã chủ động dự trữ lượng hàng hóa thiết yếu trị giá trên {ty} tỷ đồng, tăng {pt3}% so với Tết năm trước.",
					"Hàng Việt Nam chiếm trên 90% lượng hàng hóa bày bán tại các siêu thị, trung tâm thương mại. Nhiều doanh nghiệp thực hiện chương trình khuyến mại, bình ổn giá với mức giảm từ 5% đến 30% đối với các mặt hàng thiết yếu.",
					"Bên cạnh đó, tỉnh tổ chức các phiên chợ Tết, đưa hàng Việt về {huyennui}, {xanui}, phục vụ đồng bào vùng sâu, vùng xa. Nhiều sản phẩm OCOP như {ocop} được đông đảo người tiêu dùng lựa chọn làm quà biếu.",
					"Lực lượng quản lý thị trường tăng cường kiểm tra, kiểm soát, kịp thời phát hiện, xử lý nghiêm các hành vi đầu cơ, găm hàng, tăng giá bất hợp lý, kinh doanh hàng giả, hàng kém chất lượng, không rõ nguồn gốc.",
				},
				images:   []string{"le-hoi", "thanh-pho"},
				captions: []string{"Người dân mua sắm hàng Tết tại chợ {tp}"},
			},
			{
				titles: []string{
					"Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
					"Đưa sản phẩm {ocop} lên sàn thương mại điện tử",
					"Phát triển kinh tế tư nhân thành động lực tăng trưởng",
				},
				leads: []string{
					"Năm {nam}, tỉnh hỗ trợ {n3} doanh nghiệp nhỏ và vừa, hợp tác xã ứng dụng công nghệ số trong quản trị, sản xuất và tiêu thụ sản phẩm.",
					"Nhờ tham gia thương mại điện tử, nhiều cơ sở sản xuất tại {huyen} đã mở rộng thị trường, doanh thu tăng từ 20% đến 40%.",
				},
				paras: []string{
					"Thực hiện chương trình hỗ trợ doanh nghiệp nhỏ và vừa, năm {nam}, tỉnh hỗ trợ {n3} doanh nghiệp, hợp tác xã ứng dụng công nghệ số trong quản trị, sản xuất, kinh doanh; tổ chức {n2} lớp tập huấn về kỹ năng bán hàng trực tuyến.",
					"Tại {xahuyen}, cơ sở sản xuất {ocop} đã mở gian hàng trên các sàn thương mại điện tử lớn và livestream bán hàng hằng tuần. Nhờ đó, sản phẩm đã đến với khách hàng trên cả nước, doanh thu năm {nam} ước tăng {pt3}% so với năm trước.",
					"Toàn tỉnh hiện có {n3} sản phẩm nông sản, đặc sản được đưa lên sàn thương mại điện tử; {n4} hộ kinh doanh, doanh nghiệp được hỗ trợ thanh toán không dùng tiền mặt và truy xuất nguồn gốc sản phẩm bằng mã QR.",
					"Theo {sct}, thời gian tới, tỉnh tiếp tục phối hợp với các nền tảng thương mại điện tử tổ chức đào tạo, hỗ trợ chi phí tham gia sàn cho các chủ thể sản xuất; xây dựng gian hàng chung giới thiệu sản phẩm đặc trưng của tỉnh.",
				},
				images:   []string{"thanh-pho", "canh-dong"},
				captions: []string{"Giới thiệu sản phẩm {ocop} trên nền tảng số"},
			},
		},
	},
	{
		name:     "Kinh tế > Nông nghiệp",
		count:    22,
		images:   []string{"canh-dong", "nui-rung"},
		captions: []string{"Cánh đồng lúa tại {xa}", "Nông dân {xa} chăm sóc cây trồng"},
		authors:  []string{"Hồng Nhung - {songnn}", "Văn Tuấn - Trung tâm Khuyến nông tỉnh"},
		shared: []string{
			"Những năm qua, ngành nông nghiệp của tỉnh chuyển dịch mạnh từ sản xuất nhỏ lẻ sang sản xuất hàng hóa tập trung, ứng dụng khoa học kỹ thuật; giá trị sản xuất trên 1 ha đất trồng trọt đạt trên {n2} triệu đồng/năm.",
			"Toàn tỉnh hiện có {n3} hợp tác xã nông nghiệp đang hoạt động, trong đó nhiều hợp tác xã đã liên kết với doanh nghiệp tiêu thụ sản phẩm, giúp nông dân yên tâm sản xuất.",
			"Việc cơ giới hóa được đẩy mạnh ở hầu hết các khâu; tỷ lệ cơ giới hóa khâu làm đất đạt trên 95%, khâu thu hoạch đạt trên {pt2}%.",
		},
		closing: []string{
			"{songnn} khuyến cáo người dân theo dõi chặt chẽ diễn biến thời tiết, thực hiện tốt các biện pháp kỹ thuật theo hướng dẫn của cơ quan chuyên môn.",
			"Thời gian tới, ngành nông nghiệp tiếp tục đẩy mạnh tái cơ cấu theo hướng nâng cao giá trị gia tăng và phát triển bền vững, gắn với xây dựng nông thôn mới.",
			"Thông tin về lịch thời vụ, cơ cấu giống được cập nhật thường xuyên tại <a href=\"https://nongnghiep.anphu.gov.vn.example/\">Trang thông tin điện tử ngành nông nghiệp tỉnh</a>.",
		},
		topics: []topic{
			{
				months: []int{12, 1, 2, 3},
				titles: []string{
					"Nông dân {huyen} khẩn trương gieo cấy lúa Đông Xuân",
					"Toàn tỉnh gieo cấy {ha} ha lúa vụ Đông Xuân",
					"Bảo đảm nước tưới cho sản xuất vụ Đông Xuân tại {xahuyen}",
				},
				leads: []string{
					"Những ngày này, trên khắp các cánh đồng của {huyen}, nông dân đang tranh thủ thời tiết thuận lợi để gieo cấy lúa vụ Đông Xuân, bảo đảm đúng khung thời vụ.",
					"Vụ Đông Xuân năm nay, toàn tỉnh phấn đấu gieo cấy {ha} ha lúa, trong đó diện tích lúa chất lượng cao chiếm trên 70%.",
				},
				paras: []string{
					"Những ngày này, trên khắp các cánh đồng của {huyen}, bà con nông dân đang tranh thủ thời tiết thuận lợi để làm đất, gieo cấy lúa vụ Đông Xuân. Tại {xa}, các máy cấy hoạt động liên tục trên những cánh đồng lớn, không khí sản xuất diễn ra khẩn trương.",
					"Theo {songnn}, vụ Đông Xuân năm nay, toàn tỉnh phấn đấu gieo cấy {ha} ha lúa, trong đó diện tích lúa chất lượng cao chiếm trên 70%. Cơ cấu giống chủ yếu là các giống lúa thơm, lúa lai có năng suất, chất lượng cao, khả năng chống chịu sâu bệnh tốt.",
					"Để bảo đảm nước tưới, các công ty khai thác công trình thủy lợi đã tổ chức lấy nước đổ ải theo lịch; các địa phương huy động lực lượng nạo vét kênh mương nội đồng, vận hành trạm bơm hợp lý, tiết kiệm nước.",
					"Ông Nguyễn Văn Hòa, một nông dân tại {xa}, cho biết: <em>“Năm nay gia đình tôi cấy 1,2 ha bằng máy. Được hợp tác xã cung ứng giống, phân bón và bao tiêu sản phẩm nên bà con rất yên tâm sản xuất”</em>.",
					"Ngành nông nghiệp khuyến cáo nông dân không gieo cấy khi nhiệt độ trung bình ngày dưới 15 độ C; thường xuyên thăm đồng, theo dõi sâu bệnh, bón phân cân đối để cây lúa sinh trưởng, phát triển tốt.",
				},
				heads:    []string{"Chủ động nguồn nước tưới"},
				images:   []string{"canh-dong"},
				captions: []string{"Nông dân {xa} gieo cấy lúa Đông Xuân", "Máy cấy hoạt động trên cánh đồng lớn tại {xa}"},
			},
			{
				months: []int{5, 6, 9, 10},
				titles: []string{
					"Lúa được mùa, được giá, nông dân {huyen} phấn khởi",
					"Năng suất lúa toàn tỉnh ước đạt trên 60 tạ/ha",
					"Thu hoạch lúa nhanh gọn, triển khai sản xuất vụ tiếp theo",
				},
				leads: []string{
					"Những ngày này, nông dân {huyen} đang tập trung thu hoạch lúa. Năng suất năm nay ước đạt trên 60 tạ/ha, giá bán ổn định.",
					"Toàn tỉnh đã thu hoạch trên {pt2}% diện tích lúa; các địa phương đang khẩn trương làm đất, chuẩn bị cho vụ sản xuất tiếp theo.",
				},
				paras: []string{
					"Những ngày này, trên các cánh đồng của {huyen}, không khí thu hoạch lúa diễn ra khẩn trương. Máy gặt đập liên hợp hoạt động liên tục; thương lái đến tận ruộng thu mua lúa tươi, giúp nông dân giảm chi phí vận chuyển, phơi sấy.",
					"Theo {songnn}, đến nay toàn tỉnh đã thu hoạch được {pt2}% diện tích lúa. Năng suất bình quân ước đạt trên 60 tạ/ha, tăng so với cùng kỳ; một số cánh đồng lớn tại {xa} đạt 70 tạ/ha.",
					"Giá lúa tươi tại ruộng dao động từ 7.000 đến 8.500 đồng/kg tùy loại; với năng suất và giá bán như hiện nay, mỗi ha lúa cho lợi nhuận từ 20 đến 25 triệu đồng.",
					"Để chủ động cho vụ sau, ngành nông nghiệp khuyến cáo các địa phương thu hoạch đến đâu làm đất ngay đến đó; xử lý rơm rạ bằng chế phẩm sinh học, không đốt rơm rạ gây ô nhiễm môi trường.",
				},
				table:    tableHarvest,
				images:   []string{"canh-dong"},
				captions: []string{"Thu hoạch lúa tại {xa}"},
			},
			{
				titles: []string{
					"Tỉnh An Phú có thêm {n2} sản phẩm OCOP đạt 3 sao và 4 sao",
					"Nâng tầm sản phẩm {ocop} của {xa}",
					"Phát triển sản phẩm OCOP gắn với lợi thế địa phương",
				},
				leads: []string{
					"UBND tỉnh vừa ban hành Quyết định số {so}/QĐ-UBND công nhận {n2} sản phẩm đạt chuẩn OCOP năm {nam}, nâng tổng số sản phẩm OCOP của tỉnh lên {n3} sản phẩm.",
					"Từ một sản phẩm truyền thống, {ocop} của {xahuyen} đã được công nhận sản phẩm OCOP, có mặt tại nhiều siêu thị và sàn thương mại điện tử.",
				},
				paras: []string{
					"UBND tỉnh vừa ban hành <strong>Quyết định số {so}/QĐ-UBND</strong> ngày {ngayvb} công nhận {n2} sản phẩm đạt chuẩn OCOP năm {nam}. Đến nay, toàn tỉnh có {n3} sản phẩm OCOP, trong đó có nhiều sản phẩm đạt 4 sao.",
					"Tại {xahuyen}, sản phẩm {ocop} được sản xuất theo quy trình khép kín, có bao bì, nhãn mác, mã QR truy xuất nguồn gốc. Sau khi được công nhận OCOP, sản phẩm đã có mặt tại nhiều cửa hàng, siêu thị trong và ngoài tỉnh; giá bán tăng từ 15% đến 20%.",
					"Chương trình OCOP đã góp phần khơi dậy tiềm năng, lợi thế của các địa phương; nhiều hợp tác xã, tổ hợp tác mạnh dạn đầu tư máy móc, thiết bị, đổi mới mẫu mã, nâng cao chất lượng sản phẩm.",
					"Tuy nhiên, nhiều chủ thể OCOP còn có quy mô nhỏ, năng lực tài chính hạn chế; việc xúc tiến thương mại, mở rộng thị trường còn gặp khó khăn.",
					"Thời gian tới, tỉnh tiếp tục hỗ trợ các chủ thể hoàn thiện, nâng hạng sản phẩm; tổ chức các hội chợ, điểm giới thiệu và bán sản phẩm OCOP tại trung tâm tỉnh và các khu du lịch.",
				},
				table:    tableOCOP,
				images:   []string{"canh-dong", "nui-rung"},
				captions: []string{"Sản phẩm {ocop} của {xa}"},
			},
			{
				titles: []string{
					"{xahuyen} đón nhận Bằng công nhận xã đạt chuẩn nông thôn mới nâng cao",
					"Xây dựng nông thôn mới: Diện mạo mới ở {xa}",
					"Toàn tỉnh có {n2} xã đạt chuẩn nông thôn mới nâng cao",
				},
				leads: []string{
					"{buoi} {ngay}, {xahuyen} tổ chức lễ đón nhận Bằng công nhận xã đạt chuẩn nông thôn mới nâng cao năm {nam}.",
					"Sau nhiều năm nỗ lực, {xa} đã hoàn thành các tiêu chí nông thôn mới nâng cao; thu nhập bình quân đầu người đạt {tn} triệu đồng/năm.",
				},
				paras: []string{
					"{buoi} {ngay}, {xahuyen} tổ chức lễ đón nhận Bằng công nhận xã đạt chuẩn nông thôn mới nâng cao năm {nam}. Dự buổi lễ có {pct}, lãnh đạo {songnn} cùng đông đảo Nhân dân địa phương.",
					"Để đạt được kết quả này, xã đã huy động tổng nguồn lực trên {ty2} tỷ đồng, trong đó Nhân dân đóng góp hàng chục tỷ đồng và hiến hàng nghìn mét vuông đất để mở rộng đường giao thông nông thôn, xây dựng nhà văn hóa thôn.",
					"Đến nay, 100% tuyến đường trục xã, liên thôn được cứng hóa; trường học, trạm y tế đạt chuẩn quốc gia; thu nhập bình quân đầu người đạt {tn} triệu đồng/năm; tỷ lệ hộ nghèo giảm còn {pt4}%.",
					"Phát biểu tại buổi lễ, {pct} đề nghị cấp ủy, chính quyền {xa} tiếp tục duy trì, nâng cao chất lượng các tiêu chí; phát triển kinh tế gắn với bảo vệ môi trường, giữ gìn bản sắc văn hóa, phấn đấu trở thành xã nông thôn mới kiểu mẫu.",
					"Theo Văn phòng Điều phối nông thôn mới tỉnh, đến nay toàn tỉnh có trên {pt2}% số xã đạt chuẩn nông thôn mới; {n2} xã đạt chuẩn nông thôn mới nâng cao và {n1} xã đạt chuẩn nông thôn mới kiểu mẫu.",
				},
				heads:     []string{"Người dân là chủ thể"},
				listIntro: "Một số kết quả nổi bật của {xa}:",
				listHead:  "Kết quả nổi bật",
				list: []string{
					"100% tuyến đường trục xã, trục thôn được bê tông hóa;",
					"Trên 98% người dân tham gia bảo hiểm y tế;",
					"100% hộ dân sử dụng nước sạch theo tiêu chuẩn;",
					"Các tuyến đường có hệ thống chiếu sáng, trồng hoa, cây xanh;",
					"Có mô hình thôn thông minh, khu dân cư kiểu mẫu.",
				},
				images:   []string{"canh-dong", "tru-so"},
				captions: []string{"Đường giao thông nông thôn tại {xa}"},
			},
			{
				titles: []string{
					"Chủ động phòng, chống bệnh dịch tả lợn châu Phi",
					"Tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt {dot} năm {nam}",
					"{huyen} khống chế thành công ổ dịch trên đàn lợn",
				},
				leads: []string{
					"Trước nguy cơ dịch bệnh trên đàn vật nuôi diễn biến phức tạp, {songnn} đề nghị các địa phương tăng cường giám sát, phát hiện sớm và xử lý triệt để ổ dịch.",
					"Các địa phương đã tiêm phòng cho trên {n5} con gia súc, gia cầm, đạt {pt2}% kế hoạch.",
				},
				paras: []string{
					"Thời gian gần đây, bệnh dịch tả lợn châu Phi có chiều hướng gia tăng tại một số tỉnh lân cận. Trước nguy cơ dịch bệnh xâm nhiễm vào địa bàn, {songnn} đã ban hành văn bản đề nghị các địa phương triển khai đồng bộ các biện pháp phòng, chống.",
					"Tại {xahuyen}, lực lượng thú y đã phát hiện ổ dịch tại {n1} hộ chăn nuôi. Ngay sau khi có kết quả xét nghiệm dương tính, địa phương đã tiêu hủy toàn bộ số lợn bệnh, tổ chức tiêu độc khử trùng, thiết lập chốt kiểm soát, không để dịch lây lan.",
					"Đợt tiêm phòng vừa qua, toàn tỉnh đã tiêm cho trên {n5} con gia súc, gia cầm, đạt {pt2}% kế hoạch. Các địa phương cũng tổ chức phun hóa chất khử trùng khu vực chăn nuôi, chợ buôn bán gia súc, gia cầm.",
					"Cơ quan chuyên môn khuyến cáo người chăn nuôi thực hiện nghiêm chăn nuôi an toàn sinh học; không mua con giống không rõ nguồn gốc; khi phát hiện vật nuôi có dấu hiệu bị bệnh phải báo ngay cho chính quyền địa phương và cơ quan thú y.",
				},
				listIntro: "Người chăn nuôi cần thực hiện tốt các biện pháp sau:",
				listHead:  "Khuyến cáo đối với người chăn nuôi",
				list: []string{
					"Vệ sinh, tiêu độc khử trùng chuồng trại định kỳ;",
					"Tiêm phòng đầy đủ các loại vắc xin theo hướng dẫn;",
					"Không mua bán, vận chuyển vật nuôi bị bệnh;",
					"Không vứt xác vật nuôi ra môi trường;",
					"Báo ngay cho cơ quan thú y khi phát hiện dấu hiệu bệnh.",
				},
				images: []string{"canh-dong"},
			},
			{
				titles: []string{
					"Trồng rừng gỗ lớn, nâng cao thu nhập cho người dân vùng cao",
					"{huyennui} tăng cường bảo vệ, phòng cháy, chữa cháy rừng",
					"Chi trả {ty2} tỷ đồng tiền dịch vụ môi trường rừng năm {nam}",
				},
				leads: []string{
					"Nhờ chính sách hỗ trợ trồng rừng gỗ lớn, nhiều hộ đồng bào {dantoc} tại {xanuihuyen} đã có thu nhập ổn định từ rừng.",
					"Năm {nam}, toàn tỉnh trồng mới {ha} ha rừng tập trung; tỷ lệ che phủ rừng đạt {pt3}%.",
				},
				paras: []string{
					"Những năm gần đây, người dân {xanuihuyen} đã chuyển từ trồng rừng gỗ nhỏ, khai thác ngắn ngày sang trồng rừng gỗ lớn có chứng chỉ quản lý rừng bền vững. Giá trị gỗ lớn cao gấp 1,5 đến 2 lần so với gỗ nguyên liệu dăm.",
					"Năm {nam}, toàn tỉnh trồng mới {ha} ha rừng tập trung, chủ yếu là các loài cây bản địa và cây gỗ lớn; tỷ lệ che phủ rừng đạt {pt3}%. Công tác giao đất, giao rừng cho hộ gia đình, cộng đồng dân cư được đẩy mạnh.",
					"Tiền dịch vụ môi trường rừng năm {nam} được chi trả trên {ty2} tỷ đồng cho các chủ rừng, trong đó phần lớn là hộ gia đình và cộng đồng dân cư thôn, bản. Đây là nguồn thu nhập quan trọng, giúp người dân gắn bó với rừng.",
					"Để phòng, chống cháy rừng trong mùa khô, {huyennui} đã thành lập các tổ đội quản lý, bảo vệ rừng tại thôn, bản; duy trì trực 24/24 giờ tại các chòi canh lửa; xây dựng phương án chữa cháy theo phương châm “bốn tại chỗ”.",
				},
				images:   []string{"nui-rung"},
				captions: []string{"Rừng trồng tại {xanui}", "Lực lượng kiểm lâm tuần tra bảo vệ rừng"},
			},
			{
				titles: []string{
					"Chuyển đổi đất lúa kém hiệu quả sang trồng {caytrong}",
					"Nông dân {xa} làm giàu từ cây {caytrong}",
					"Liên kết sản xuất {caytrong} theo chuỗi giá trị tại {huyen}",
				},
				leads: []string{
					"Những năm gần đây, nhiều hộ dân tại {xahuyen} đã mạnh dạn chuyển đổi diện tích đất lúa kém hiệu quả sang trồng {caytrong}, cho thu nhập cao gấp nhiều lần.",
					"Mô hình liên kết sản xuất {caytrong} giữa hợp tác xã và doanh nghiệp tại {huyen} đang mang lại hiệu quả kinh tế rõ rệt.",
				},
				paras: []string{
					"Những năm gần đây, nhiều hộ dân tại {xahuyen} đã mạnh dạn chuyển đổi diện tích đất lúa kém hiệu quả sang trồng {caytrong}. Đến nay, toàn xã có trên {n2} ha {caytrong}, trở thành vùng sản xuất tập trung của địa phương.",
					"Được cán bộ khuyến nông hướng dẫn kỹ thuật, các hộ dân sản xuất theo tiêu chuẩn VietGAP, sử dụng hệ thống tưới nhỏ giọt tiết kiệm nước. Trừ chi phí, mỗi ha {caytrong} cho lãi từ 150 đến 200 triệu đồng/năm, gấp 4 đến 5 lần trồng lúa.",
					"Hợp tác xã đã ký hợp đồng liên kết với {nhadt} để bao tiêu toàn bộ sản phẩm với giá ổn định. Sản phẩm được cấp mã số vùng trồng, đủ điều kiện xuất khẩu sang một số thị trường khó tính.",
					"Theo {songnn}, thời gian qua, toàn tỉnh đã chuyển đổi trên {ha} ha đất trồng lúa kém hiệu quả sang cây trồng khác và nuôi trồng thủy sản. Việc chuyển đổi được thực hiện theo quy hoạch, gắn với liên kết tiêu thụ, tránh tình trạng tự phát.",
				},
				images:   []string{"canh-dong", "nui-rung"},
				captions: []string{"Vùng trồng {caytrong} tại {xa}"},
			},
			{
				titles: []string{
					"Quyết liệt chống khai thác hải sản bất hợp pháp (IUU)",
					"Ngư dân {huyenbien} trúng mùa cá",
					"Tăng cường quản lý tàu cá, gỡ “thẻ vàng” IUU",
				},
				leads: []string{
					"UBND tỉnh yêu cầu các sở, ngành, địa phương ven biển triển khai quyết liệt các giải pháp chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU).",
					"Những ngày này, các tàu cá của ngư dân {huyenbien} liên tục cập cảng với khoang đầy cá, mang lại niềm vui cho ngư dân.",
				},
				paras: []string{
					"Thực hiện chỉ đạo của Trung ương về chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU), UBND tỉnh đã ban hành <strong>Kế hoạch số {so2}/KH-UBND</strong> ngày {ngayvb}, yêu cầu các sở, ngành, địa phương ven biển triển khai quyết liệt các giải pháp.",
					"Toàn tỉnh hiện có {n3} tàu cá đã được đăng ký, cấp giấy phép khai thác; 100% tàu cá có chiều dài từ 15 m trở lên đã lắp đặt thiết bị giám sát hành trình. Lực lượng chức năng kiểm soát chặt chẽ tàu cá xuất, nhập bến tại cảng cá {xabien}.",
					"Tại {huyenbien}, chính quyền địa phương đã tổ chức tuyên truyền, ký cam kết với chủ tàu không vi phạm vùng biển nước ngoài; xử lý nghiêm các trường hợp tàu cá mất kết nối thiết bị giám sát hành trình quá thời gian quy định.",
					"Theo ngư dân tại {xabien}, chuyến biển vừa qua, mỗi tàu khai thác được từ 5 đến 10 tấn cá các loại; sau khi trừ chi phí, mỗi lao động có thu nhập từ 15 đến 20 triệu đồng/chuyến.",
				},
				images:   []string{"bien"},
				captions: []string{"Tàu cá của ngư dân neo đậu tại cảng cá {xabien}"},
			},
		},
	},
	{
		name:     "Kinh tế > Đầu tư - Xây dựng",
		count:    20,
		images:   []string{"cong-trinh", "thanh-pho"},
		captions: []string{"Thi công {duangt}", "Một góc đô thị {tp}"},
		authors:  []string{"Trung Kiên - {sxd}", "Mạnh Cường - {sokhdt}"},
		shared: []string{
			"Năm {nam}, tổng kế hoạch vốn đầu tư công của tỉnh là {vondt} tỷ đồng, tập trung cho các dự án giao thông kết nối, hạ tầng khu công nghiệp, thủy lợi và các công trình phục vụ an sinh xã hội.",
			"Theo Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050, An Phú xác định phát triển hạ tầng giao thông là một trong ba khâu đột phá, tạo động lực thu hút đầu tư.",
			"Công tác bồi thường, giải phóng mặt bằng được xác định là nhiệm vụ then chốt, được các cấp ủy, chính quyền vào cuộc quyết liệt với phương châm “dân vận khéo”.",
		},
		closing: []string{
			"UBND tỉnh yêu cầu chủ đầu tư, nhà thầu tăng cường nhân lực, máy móc, thiết bị, thi công “3 ca, 4 kíp”, bảo đảm tiến độ, chất lượng và an toàn lao động.",
			"Các sở, ngành được giao tiếp tục theo dõi, hướng dẫn, kịp thời tháo gỡ vướng mắc phát sinh, không để ảnh hưởng đến tiến độ chung.",
			"Danh mục dự án kêu gọi đầu tư được công bố tại <a href=\"https://xuctiendautu.anphu.gov.vn.example/\">Trang thông tin xúc tiến đầu tư tỉnh An Phú</a>.",
		},
		topics: []topic{
			{
				titles: []string{
					"Giải ngân vốn đầu tư công {ky} đạt {ptdt}% kế hoạch",
					"Quyết liệt đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {nam}",
					"{ld} chủ trì hội nghị về giải ngân vốn đầu tư công",
				},
				leads: []string{
					"Tính đến hết {ky}, toàn tỉnh đã giải ngân {giaingan} tỷ đồng vốn đầu tư công, đạt {ptdt}% kế hoạch vốn được giao.",
					"{ld} yêu cầu các chủ đầu tư xác định giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng tâm, gắn với trách nhiệm người đứng đầu.",
				},
				paras: []string{
					"Theo báo cáo của {sokhdt}, tính đến hết {ky}, toàn tỉnh đã giải ngân {giaingan} tỷ đồng vốn đầu tư công, đạt {ptdt}% kế hoạch vốn được giao, cao hơn mức bình quân chung của cả nước.",
					"Nhiều chủ đầu tư có tỷ lệ giải ngân khá như: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh, UBND {huyen}. Tuy nhiên, vẫn còn một số đơn vị giải ngân chậm do vướng mắc về giải phóng mặt bằng, thủ tục điều chỉnh dự án và biến động giá vật liệu xây dựng.",
					"Phát biểu chỉ đạo, {ld} yêu cầu các chủ đầu tư xây dựng kế hoạch giải ngân chi tiết cho từng dự án, theo từng tháng; <strong>kiên quyết điều chuyển vốn</strong> từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân tốt.",
					"Đồng thời, các địa phương tập trung tháo gỡ vướng mắc trong bồi thường, giải phóng mặt bằng; {sxd} kiểm soát chặt chẽ giá vật liệu xây dựng, bảo đảm nguồn cung cho các công trình trọng điểm.",
					"UBND tỉnh sẽ đưa kết quả giải ngân vốn đầu tư công là tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của tập thể, cá nhân người đứng đầu cơ quan, đơn vị.",
				},
				heads: []string{"Kiên quyết điều chuyển vốn"},
				table: tableDisbursement,
			},
			{
				titles: []string{
					"Khởi công {duangt}",
					"Khởi công {duangt} với tổng mức đầu tư {ty} tỷ đồng",
					"Chính thức khởi công {duangt}",
				},
				leads: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức lễ khởi công {duangt} với tổng mức đầu tư {ty} tỷ đồng.",
					"Dự án có tổng mức đầu tư {ty} tỷ đồng, dự kiến hoàn thành năm {namsau}, góp phần kết nối giao thông, thúc đẩy phát triển kinh tế - xã hội của {huyen} và các địa phương lân cận.",
				},
				paras: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức lễ khởi công {duangt}. Dự án có tổng mức đầu tư {ty} tỷ đồng từ nguồn ngân sách trung ương và ngân sách tỉnh, do Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh làm chủ đầu tư.",
					"Theo thiết kế, tuyến đường có chiều dài {n2} km, nền đường rộng 12 m, mặt đường bê tông nhựa; các công trình trên tuyến được xây dựng vĩnh cửu. Dự án thực hiện trong giai đoạn {nam} - {namsau}.",
					"Phát biểu tại buổi lễ, {ld} nhấn mạnh đây là công trình có ý nghĩa quan trọng, góp phần hoàn thiện mạng lưới giao thông của tỉnh, rút ngắn thời gian di chuyển, mở ra không gian phát triển mới cho {huyen} và các địa phương lân cận.",
					"{ld_cv} yêu cầu chủ đầu tư, nhà thầu huy động tối đa nhân lực, thiết bị, bảo đảm chất lượng công trình; các địa phương tiếp tục làm tốt công tác vận động người dân bàn giao mặt bằng sạch.",
					"Ngay sau lễ khởi công, nhà thầu đã huy động {n2} máy móc, thiết bị cùng hàng trăm công nhân triển khai thi công nền đường, cống thoát nước và các hạng mục cầu trên tuyến.",
				},
				heads:    []string{"Mở ra không gian phát triển mới"},
				images:   []string{"cong-trinh"},
				captions: []string{"Thi công {duangt}", "{ld} kiểm tra hiện trường dự án"},
			},
			{
				titles: []string{
					"Trao quyết định chủ trương đầu tư {duandt}",
					"Trao quyết định chủ trương đầu tư cho {nhadt}",
					"Thu hút {n2} dự án đầu tư mới với tổng vốn đăng ký {ty} tỷ đồng",
				},
				leads: []string{
					"{buoi} {ngay}, UBND tỉnh trao quyết định chấp thuận chủ trương đầu tư {duandt} cho {nhadt}.",
					"{ky}, tỉnh đã chấp thuận chủ trương đầu tư cho {n2} dự án mới với tổng vốn đăng ký {ty} tỷ đồng.",
				},
				paras: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức lễ trao quyết định chấp thuận chủ trương đầu tư {duandt} cho {nhadt}. Dự án có tổng vốn đầu tư {ty} tỷ đồng, quy mô {n2} ha, dự kiến tạo việc làm cho khoảng {n4} lao động địa phương.",
					"{ky}, tỉnh đã chấp thuận chủ trương đầu tư cho {n2} dự án mới với tổng vốn đăng ký {ty} tỷ đồng; điều chỉnh tăng vốn cho {n1} dự án. Các dự án tập trung vào lĩnh vực công nghiệp chế biến, chế tạo, nông nghiệp công nghệ cao và du lịch.",
					"Phát biểu tại buổi lễ, {ld} đánh giá cao năng lực của nhà đầu tư; đề nghị doanh nghiệp khẩn trương hoàn thiện thủ tục, triển khai dự án đúng tiến độ cam kết, chú trọng bảo vệ môi trường và ưu tiên sử dụng lao động địa phương.",
					"Đại diện nhà đầu tư cảm ơn sự quan tâm, hỗ trợ của lãnh đạo tỉnh và các sở, ngành; cam kết sẽ triển khai dự án hiệu quả, đóng góp vào sự phát triển kinh tế - xã hội của tỉnh.",
					"Để thu hút đầu tư, tỉnh đã rà soát, công bố danh mục {n2} dự án kêu gọi đầu tư; hoàn thiện hạ tầng các khu, cụm công nghiệp; rút ngắn thời gian giải quyết thủ tục đầu tư.",
				},
				images:   []string{"hoi-truong", "cong-trinh"},
				captions: []string{"{ld} trao quyết định chủ trương đầu tư cho nhà đầu tư"},
			},
			{
				titles: []string{
					"{kcn}: Lấp đầy trên {pt2}% diện tích",
					"Hoàn thiện hạ tầng {kcn}",
					"Phát triển các khu, cụm công nghiệp theo hướng xanh, bền vững",
				},
				leads: []string{
					"Sau nhiều năm xây dựng, {kcn} đã thu hút {n2} dự án đầu tư với tổng vốn đăng ký trên {ty} tỷ đồng, giải quyết việc làm cho hàng nghìn lao động.",
					"Tỉnh đang tập trung hoàn thiện hạ tầng kỹ thuật các khu, cụm công nghiệp nhằm đón làn sóng đầu tư mới.",
				},
				paras: []string{
					"Được thành lập với tổng diện tích quy hoạch trên {n3} ha, đến nay {kcn} đã thu hút {n2} dự án đầu tư với tổng vốn đăng ký trên {ty} tỷ đồng, tỷ lệ lấp đầy đạt {pt2}%.",
					"Các doanh nghiệp trong khu công nghiệp đang sử dụng trên {n4} lao động, phần lớn là lao động địa phương, với thu nhập bình quân từ 8 đến 10 triệu đồng/người/tháng.",
					"Hạ tầng kỹ thuật của khu công nghiệp được đầu tư tương đối đồng bộ: hệ thống giao thông nội bộ, cấp điện, cấp nước, nhà máy xử lý nước thải tập trung công suất {n4} m3/ngày đêm.",
					"Thời gian tới, tỉnh ưu tiên thu hút các dự án công nghệ cao, thân thiện với môi trường, có giá trị gia tăng lớn; từng bước chuyển đổi các khu công nghiệp hiện hữu theo mô hình khu công nghiệp sinh thái.",
				},
				images:   []string{"cong-trinh"},
				captions: []string{"Nhà máy sản xuất trong {kcn}"},
			},
			{
				titles: []string{
					"Khởi công dự án nhà ở xã hội tại {tp}",
					"Phát triển nhà ở xã hội cho công nhân, người thu nhập thấp",
					"Đầu tư {n3} căn hộ nhà ở xã hội tại {tp}",
				},
				leads: []string{
					"{buoi} {ngay}, tại {tp}, {nhadt} tổ chức khởi công dự án nhà ở xã hội với quy mô {n3} căn hộ.",
					"Theo quy hoạch được phê duyệt, đô thị {huyen_ten} sẽ được phát triển theo hướng xanh, hiện đại, có bản sắc.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {phuong}, {tp}, {nhadt} tổ chức lễ khởi công dự án nhà ở xã hội. Dự án có quy mô {n3} căn hộ, tổng vốn đầu tư {ty} tỷ đồng, dự kiến hoàn thành trong năm {namsau}.",
					"Dự án được bố trí đầy đủ hạ tầng kỹ thuật, hạ tầng xã hội như: nhà trẻ, khu sinh hoạt cộng đồng, cây xanh, bãi đỗ xe. Giá bán dự kiến phù hợp với khả năng chi trả của công nhân, người lao động có thu nhập thấp.",
					"Theo {sxd}, đến năm 2030, tỉnh phấn đấu hoàn thành trên {n4} căn hộ nhà ở xã hội, đáp ứng nhu cầu về nhà ở của công nhân khu công nghiệp, người có thu nhập thấp tại khu vực đô thị.",
					"Đồ án quy hoạch chung đô thị {huyen_ten} cũng vừa được công bố, xác định phát triển đô thị theo mô hình đa trung tâm, gắn với trục cảnh quan sông Phú; dành quỹ đất hợp lý cho cây xanh, mặt nước và các công trình công cộng.",
					"Người dân có thể tra cứu thông tin quy hoạch tại trụ sở UBND {huyen} hoặc trên <a href=\"https://quyhoach.anphu.gov.vn.example/\">Cổng thông tin quy hoạch tỉnh An Phú</a>.",
				},
				images:   []string{"thanh-pho", "cong-trinh"},
				captions: []string{"Phối cảnh dự án nhà ở xã hội tại {tp}"},
			},
			{
				titles: []string{
					"Tháo gỡ vướng mắc giải phóng mặt bằng {duangt}",
					"Người dân {xa} đồng thuận bàn giao mặt bằng cho dự án",
					"Chi trả {ty2} tỷ đồng tiền bồi thường, hỗ trợ giải phóng mặt bằng",
				},
				leads: []string{
					"Đến nay, {huyen} đã bàn giao {pt2}% mặt bằng cho {duangt}; các hộ còn lại đang được vận động, giải quyết dứt điểm.",
					"Nhờ làm tốt công tác dân vận, {n2} hộ dân tại {xa} đã đồng thuận nhận tiền bồi thường, bàn giao mặt bằng đúng tiến độ.",
				},
				paras: []string{
					"{duangt} đi qua địa bàn {huyen} có tổng diện tích đất phải thu hồi trên {n2} ha, liên quan đến {n3} hộ dân. Đến nay, địa phương đã bàn giao {pt2}% mặt bằng cho đơn vị thi công.",
					"Để đẩy nhanh tiến độ, {huyen} đã thành lập các tổ công tác đến từng hộ dân để tuyên truyền, vận động; công khai, minh bạch phương án bồi thường, hỗ trợ, tái định cư; giải quyết kịp thời các kiến nghị chính đáng của người dân.",
					"Ông Trần Văn Lâm, người dân {xa}, chia sẻ: <em>“Gia đình tôi bị thu hồi gần 500 m2 đất. Được chính quyền giải thích rõ chính sách, giá bồi thường hợp lý nên chúng tôi đồng thuận bàn giao mặt bằng để dự án sớm hoàn thành”</em>.",
					"Đối với các trường hợp chưa đồng thuận, địa phương tiếp tục đối thoại, vận động; trường hợp cố tình chây ì sẽ thực hiện các bước cưỡng chế theo quy định của pháp luật.",
					"Đến nay, Hội đồng bồi thường đã chi trả trên {ty2} tỷ đồng tiền bồi thường, hỗ trợ; bố trí {n2} lô đất tái định cư có hạ tầng đồng bộ cho các hộ bị thu hồi đất ở.",
				},
				images:   []string{"cong-trinh"},
				captions: []string{"Mặt bằng {duangt} đoạn qua {xa}"},
			},
		},
	},
	{
		name:     "Văn hóa - xã hội",
		count:    18,
		images:   []string{"le-hoi", "nui-rung", "thanh-pho"},
		captions: []string{"Tiết mục văn nghệ chào mừng", "Du khách tham quan {xa}"},
		authors:  []string{"Lan Phương - {sovh}", "Thu Trang - {sldtbxh}"},
		shared: []string{
			"Những năm qua, phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” được triển khai sâu rộng; tỷ lệ gia đình đạt danh hiệu “Gia đình văn hóa” đạt trên {pt2}%.",
			"Công tác bảo tồn, phát huy giá trị di sản văn hóa được quan tâm; nhiều lễ hội truyền thống được phục dựng, trở thành sản phẩm du lịch hấp dẫn.",
			"Các chính sách an sinh xã hội được triển khai đầy đủ, kịp thời; không để người dân nào bị bỏ lại phía sau.",
		},
		closing: []string{
			"Thời gian tới, các cấp, các ngành tiếp tục quan tâm đầu tư cho lĩnh vực văn hóa, xã hội, góp phần nâng cao đời sống vật chất và tinh thần của Nhân dân.",
			"Các hoạt động được tổ chức bảo đảm an toàn, tiết kiệm, văn minh, tạo không khí vui tươi, phấn khởi trong Nhân dân.",
		},
		topics: []topic{
			{
				months: []int{1, 2, 3, 4, 9, 10},
				titles: []string{
					"Khai mạc {lehoi} năm {nam}",
					"{lehoi}: Bảo tồn nét đẹp văn hóa truyền thống",
					"Hàng nghìn người dân, du khách dự {lehoi}",
				},
				leads: []string{
					"{buoi} {ngay}, tại {lehoi_noi}, chính quyền địa phương tổ chức khai mạc {lehoi} năm {nam}, thu hút đông đảo người dân và du khách.",
					"{lehoi} là sinh hoạt văn hóa tâm linh lâu đời, thể hiện ước vọng về một năm mưa thuận gió hòa, mùa màng bội thu.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {lehoi_noi}, chính quyền địa phương tổ chức khai mạc {lehoi} năm {nam}. Dự lễ khai mạc có lãnh đạo {sovh}, lãnh đạo địa phương cùng hàng nghìn người dân và du khách thập phương.",
					"{lehoi} là sinh hoạt văn hóa tâm linh lâu đời của người dân địa phương, thể hiện ước vọng về một năm mưa thuận gió hòa, mùa màng bội thu, Nhân dân ấm no, hạnh phúc. Lễ hội đã được đưa vào Danh mục di sản văn hóa phi vật thể quốc gia.",
					"Phần lễ được tổ chức trang nghiêm theo nghi thức truyền thống với lễ rước, lễ tế và dâng hương. Phần hội diễn ra sôi nổi với nhiều trò chơi dân gian như: kéo co, đẩy gậy, ném còn, đánh đu, thi nấu cơm và các tiết mục văn nghệ đặc sắc.",
					"Năm nay, ban tổ chức bố trí khu trưng bày, giới thiệu sản phẩm OCOP và đặc sản địa phương như {ocop}, thu hút đông đảo du khách tham quan, mua sắm.",
					"Ban tổ chức đề nghị người dân, du khách thực hiện nếp sống văn minh tại lễ hội; không đốt vàng mã, không chen lấn, xô đẩy; giữ gìn vệ sinh môi trường; cảnh giác với các hành vi trộm cắp, lừa đảo.",
				},
				images:   []string{"le-hoi"},
				captions: []string{"Lễ rước tại {lehoi}", "Trò chơi dân gian tại {lehoi}"},
			},
			{
				titles: []string{
					"Bàn giao {n2} căn nhà cho hộ nghèo tại {huyen}",
					"Xóa nhà tạm, nhà dột nát: Mang niềm vui đến người nghèo",
					"Hoàn thành xóa nhà tạm, nhà dột nát tại {xanuihuyen}",
				},
				leads: []string{
					"{buoi} {ngay}, tại {xahuyen}, Ban Chỉ đạo xóa nhà tạm, nhà dột nát của tỉnh tổ chức bàn giao nhà cho các hộ nghèo, hộ có hoàn cảnh khó khăn.",
					"Đến nay, toàn tỉnh đã hỗ trợ xây mới, sửa chữa {n4} căn nhà cho hộ nghèo, hộ cận nghèo và gia đình chính sách.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {xahuyen}, Ban Chỉ đạo xóa nhà tạm, nhà dột nát của tỉnh tổ chức bàn giao {n2} căn nhà cho các hộ nghèo, hộ có hoàn cảnh khó khăn. Mỗi căn nhà có diện tích từ 40 đến 60 m2, tổng kinh phí hỗ trợ từ 60 đến 80 triệu đồng/căn.",
					"Nguồn kinh phí xây dựng được huy động từ ngân sách nhà nước, Quỹ “Vì người nghèo”, sự đóng góp của các doanh nghiệp, nhà hảo tâm; các đoàn thể, lực lượng vũ trang và bà con lối xóm hỗ trợ ngày công, vật liệu.",
					"Bà Lò Thị Mai, một hộ được hỗ trợ tại {xanui}, xúc động chia sẻ: <em>“Trước đây, mỗi khi mưa to, gió lớn, cả nhà tôi lại lo lắng vì căn nhà tạm dột nát. Giờ có nhà mới kiên cố, tôi yên tâm lao động sản xuất, lo cho các con đi học”</em>.",
					"Đến nay, toàn tỉnh đã hỗ trợ xây mới, sửa chữa {n4} căn nhà cho hộ nghèo, hộ cận nghèo, gia đình chính sách, đạt {ptdt}% kế hoạch; phấn đấu hoàn thành mục tiêu xóa nhà tạm, nhà dột nát trong năm {nam}.",
				},
				images:   []string{"nui-rung", "canh-dong"},
				captions: []string{"Trao nhà mới cho hộ nghèo tại {xa}"},
			},
			{
				titles: []string{
					"Phiên giao dịch việc làm tháng {thang}/{nam} thu hút {n4} lao động",
					"Giải quyết việc làm cho {vieclam} lao động năm {nam}",
					"Đào tạo nghề gắn với giải quyết việc làm cho lao động nông thôn",
				},
				leads: []string{
					"{buoi} {ngay}, Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm với sự tham gia của {n2} doanh nghiệp, tuyển dụng {n4} chỉ tiêu.",
					"Năm {nam}, tỉnh phấn đấu giải quyết việc làm mới cho {vieclam} lao động, trong đó đưa {n4} người đi làm việc ở nước ngoài theo hợp đồng.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {tp}, Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm tháng {thang}/{nam}. Phiên giao dịch có sự tham gia của {n2} doanh nghiệp trong và ngoài tỉnh với {n4} chỉ tiêu tuyển dụng ở nhiều ngành nghề.",
					"Các vị trí tuyển dụng tập trung vào lĩnh vực may mặc, điện tử, chế biến thực phẩm, cơ khí, dịch vụ nhà hàng, khách sạn với mức lương từ 7 đến 15 triệu đồng/tháng. Ngoài ra, một số đơn vị tuyển chọn lao động đi làm việc tại Nhật Bản, Hàn Quốc, Đài Loan (Trung Quốc).",
					"Theo {sldtbxh}, {ky}, toàn tỉnh giải quyết việc làm mới cho {vieclam} lao động; tuyển sinh, đào tạo nghề cho {n4b} người. Tỷ lệ lao động qua đào tạo đạt {pt3}%, trong đó có bằng cấp, chứng chỉ đạt trên 30%.",
					"Để nâng cao hiệu quả, các cơ sở giáo dục nghề nghiệp đã đổi mới chương trình, đào tạo theo đơn đặt hàng của doanh nghiệp; gắn đào tạo nghề cho lao động nông thôn với nhu cầu thực tế của thị trường.",
				},
				images: []string{"thanh-pho", "hoi-truong"},
			},
			{
				titles: []string{
					"Khai mạc Đại hội Thể dục thể thao {huyen} lần thứ {n1}",
					"Sôi nổi phong trào thể dục thể thao quần chúng ở {huyen}",
				},
				leads: []string{
					"{buoi} {ngay}, tại Sân vận động trung tâm, {huyen} tổ chức khai mạc Đại hội Thể dục thể thao lần thứ {n1} với sự tham gia của hơn {n3} vận động viên.",
					"Đại hội là hoạt động thể thao lớn của địa phương, nhằm đẩy mạnh cuộc vận động “Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại”.",
				},
				paras: []string{
					"{buoi} {ngay}, {huyen} tổ chức khai mạc Đại hội Thể dục thể thao lần thứ {n1}. Tham gia đại hội có hơn {n3} vận động viên đến từ các xã, cơ quan, đơn vị thi đấu ở {n1b} môn: bóng đá, bóng chuyền, cầu lông, kéo co, đẩy gậy và các môn thể thao dân tộc.",
					"Đại hội là dịp để đánh giá kết quả phong trào thể dục thể thao quần chúng, đồng thời phát hiện, tuyển chọn các vận động viên có năng khiếu tham gia Đại hội Thể dục thể thao tỉnh.",
					"Phong trào thể dục thể thao quần chúng ngày càng phát triển; toàn tỉnh hiện có trên {pt3}% dân số tập luyện thể dục thể thao thường xuyên; nhiều câu lạc bộ thể thao được thành lập và hoạt động hiệu quả.",
				},
				images:   []string{"thanh-pho", "le-hoi"},
				captions: []string{"Các vận động viên tranh tài tại đại hội"},
			},
			{
				titles: []string{
					"Bảo tồn, phát huy giá trị văn hóa truyền thống đồng bào {dantoc}",
					"Câu lạc bộ dân ca của đồng bào {dantoc} tại {xanui}",
					"Ngày hội văn hóa các dân tộc {huyennui} năm {nam}",
				},
				leads: []string{
					"Những năm qua, {huyennui} đã triển khai nhiều giải pháp bảo tồn, phát huy giá trị văn hóa truyền thống của đồng bào {dantoc}, gắn với phát triển du lịch cộng đồng.",
					"Câu lạc bộ dân ca tại {xanuihuyen} đã góp phần gìn giữ những làn điệu dân ca, trang phục và phong tục tập quán tốt đẹp của đồng bào {dantoc}.",
				},
				paras: []string{
					"Là địa bàn có đông đồng bào dân tộc thiểu số sinh sống, những năm qua, {huyennui} luôn quan tâm bảo tồn, phát huy giá trị văn hóa truyền thống của đồng bào {dantoc}. Nhiều lễ hội, nghề thủ công truyền thống được phục dựng, duy trì.",
					"Tại {xanuihuyen}, câu lạc bộ dân ca được thành lập với {n2} thành viên, sinh hoạt thường xuyên vào các buổi tối cuối tuần. Các nghệ nhân cao tuổi trực tiếp truyền dạy hát dân ca, chơi nhạc cụ dân tộc cho thế hệ trẻ.",
					"Ngày hội văn hóa các dân tộc năm {nam} được tổ chức với nhiều hoạt động đặc sắc: trình diễn trang phục truyền thống, thi ẩm thực, thi đấu các môn thể thao dân tộc, tái hiện nghi lễ truyền thống.",
					"Theo {sovh}, thời gian tới, tỉnh tiếp tục hỗ trợ kinh phí duy trì các câu lạc bộ văn hóa dân gian; số hóa di sản; xây dựng các làng văn hóa du lịch cộng đồng tiêu biểu.",
				},
				images:   []string{"nui-rung", "le-hoi"},
				captions: []string{"Đồng bào {dantoc} tại {xanui} trong trang phục truyền thống"},
			},
			{
				months: []int{12, 1},
				titles: []string{
					"Chăm lo Tết {tet} cho người nghèo, gia đình chính sách",
					"Trao {n5} suất quà Tết cho hộ nghèo, người có hoàn cảnh khó khăn",
				},
				leads: []string{
					"Dịp Tết Nguyên đán {tet}, toàn tỉnh đã trao tặng {n5} suất quà cho người có công, hộ nghèo, người có hoàn cảnh khó khăn với tổng trị giá trên {ty2} tỷ đồng.",
				},
				paras: []string{
					"Thực hiện chủ trương “Tết vì người nghèo”, dịp Tết Nguyên đán {tet}, các cấp, các ngành trong tỉnh đã trao tặng {n5} suất quà cho người có công, hộ nghèo, người có hoàn cảnh khó khăn với tổng trị giá trên {ty2} tỷ đồng.",
					"{buoi} {ngay}, {mt} cùng đoàn công tác đã đến thăm, tặng quà Tết cho các hộ nghèo tại {xahuyen}. Mỗi suất quà trị giá 1 triệu đồng, gồm tiền mặt và các nhu yếu phẩm.",
					"Cùng với nguồn ngân sách nhà nước, nhiều doanh nghiệp, nhà hảo tâm đã chung tay ủng hộ, tổ chức các chương trình “Chợ Tết 0 đồng”, “Xuân yêu thương”, mang đến niềm vui cho người nghèo, công nhân khó khăn không có điều kiện về quê đón Tết.",
					"UBND tỉnh yêu cầu các địa phương rà soát, bảo đảm mọi người, mọi nhà đều được vui Xuân, đón Tết; không để hộ gia đình nào thiếu đói trong dịp Tết.",
				},
				images:   []string{"le-hoi"},
				captions: []string{"Trao quà Tết cho hộ nghèo tại {xa}"},
			},
		},
	},
	{
		name:     "Văn hóa - xã hội > Giáo dục",
		count:    20,
		images:   []string{"truong-hoc"},
		captions: []string{"Học sinh {truong} trong giờ ra chơi", "Một tiết học tại {truong}"},
		authors:  []string{"Thanh Tâm - {sogd}", "Ngọc Ánh - {sogd}"},
		shared: []string{
			"Toàn tỉnh hiện có {sotruong} trường học với trên {hocsinh} học sinh; tỷ lệ trường đạt chuẩn quốc gia đạt {pt3}%. Chất lượng giáo dục toàn diện và giáo dục mũi nhọn có nhiều chuyển biến tích cực.",
			"Công tác chuyển đổi số trong giáo dục được đẩy mạnh; 100% trường học sử dụng sổ điểm điện tử, học bạ số và thu học phí không dùng tiền mặt.",
			"Đội ngũ nhà giáo và cán bộ quản lý giáo dục của tỉnh cơ bản đủ về số lượng, đạt chuẩn về trình độ đào tạo; nhiều thầy cô tâm huyết, tận tụy với nghề.",
		},
		closing: []string{
			"{sogd} đề nghị các nhà trường tiếp tục đổi mới phương pháp dạy học, phát huy tính tích cực, chủ động, sáng tạo của học sinh.",
			"Ngành Giáo dục phấn đấu hoàn thành tốt các nhiệm vụ năm học {namhoc}, góp phần nâng cao chất lượng nguồn nhân lực của tỉnh.",
			"Thông tin chi tiết được đăng tải trên <a href=\"https://sogd.anphu.gov.vn.example/\">Trang thông tin điện tử {sogd}</a>.",
		},
		topics: []topic{
			{
				months:  []int{9},
				fromDay: 6,
				titles: []string{
					"Học sinh toàn tỉnh hân hoan khai giảng năm học mới {namhoc}",
					"{ld} dự lễ khai giảng tại {truong}",
				},
				leads: []string{
					"Sáng 5/9, hơn {hocsinh} học sinh các cấp trên địa bàn tỉnh An Phú đã tưng bừng dự lễ khai giảng năm học {namhoc}.",
					"Năm học {namhoc}, toàn ngành Giáo dục tỉnh tập trung thực hiện chương trình giáo dục phổ thông mới, đẩy mạnh chuyển đổi số và nâng cao chất lượng giáo dục toàn diện.",
				},
				paras: []string{
					"Sáng 5/9, cùng với học sinh cả nước, hơn {hocsinh} học sinh các cấp trên địa bàn tỉnh đã tưng bừng dự lễ khai giảng năm học {namhoc}. Lãnh đạo tỉnh đã chia thành các đoàn đến dự lễ khai giảng, đánh trống khai trường tại các địa phương.",
					"Tại {truong}, {ld} đã dự, đánh trống khai giảng và tặng quà cho học sinh có hoàn cảnh khó khăn, học sinh đạt thành tích cao trong năm học trước.",
					"Phát biểu tại buổi lễ, {ld} mong muốn các thầy cô giáo tiếp tục phát huy tinh thần tận tụy, đổi mới phương pháp dạy học; các em học sinh chăm ngoan, học giỏi, rèn luyện đạo đức, kỹ năng sống.",
					"Năm học {namhoc}, toàn tỉnh có {sotruong} trường học với trên {hocsinh} học sinh. Ngành Giáo dục đã chủ động rà soát, bổ sung cơ sở vật chất, trang thiết bị dạy học, sách giáo khoa; tuyển dụng bổ sung giáo viên tại các môn học còn thiếu.",
				},
				listIntro: "Các nhiệm vụ trọng tâm của năm học mới:",
				listHead:  "Nhiệm vụ trọng tâm năm học {namhoc}",
				list: []string{
					"Thực hiện hiệu quả Chương trình giáo dục phổ thông 2018;",
					"Đẩy mạnh chuyển đổi số, ứng dụng công nghệ thông tin trong dạy và học;",
					"Nâng cao chất lượng giáo dục mũi nhọn và giáo dục vùng khó khăn;",
					"Xây dựng trường học an toàn, thân thiện, hạnh phúc;",
					"Tăng cường giáo dục kỹ năng sống, phòng, chống đuối nước cho học sinh.",
				},
				images:   []string{"truong-hoc"},
				captions: []string{"{ld} đánh trống khai giảng năm học mới tại {truong}"},
			},
			{
				months: []int{6, 7},
				titles: []string{
					"Hơn {thisinh} thí sinh An Phú bước vào Kỳ thi tốt nghiệp THPT năm {nam}",
					"Kỳ thi tốt nghiệp THPT năm {nam}: Bảo đảm an toàn, nghiêm túc",
					"{ld} kiểm tra công tác chuẩn bị Kỳ thi tốt nghiệp THPT năm {nam}",
				},
				leads: []string{
					"Năm {nam}, toàn tỉnh có hơn {thisinh} thí sinh đăng ký dự Kỳ thi tốt nghiệp THPT tại {n2} điểm thi.",
					"Ban Chỉ đạo thi tỉnh đã chuẩn bị chu đáo các điều kiện về cơ sở vật chất, nhân lực, bảo đảm kỳ thi diễn ra an toàn, nghiêm túc, đúng quy chế.",
				},
				paras: []string{
					"Năm {nam}, toàn tỉnh có hơn {thisinh} thí sinh đăng ký dự Kỳ thi tốt nghiệp THPT, được bố trí tại {n2} điểm thi. {sogd} đã huy động hàng nghìn cán bộ, giáo viên tham gia các khâu của kỳ thi.",
					"Trước kỳ thi, {ld} đã đi kiểm tra công tác chuẩn bị tại một số điểm thi, trong đó có {thpt}. Đồng chí yêu cầu các điểm thi bảo đảm an ninh, an toàn tuyệt đối trong vận chuyển, bảo quản đề thi, bài thi; chuẩn bị phương án dự phòng khi mất điện, thời tiết bất lợi.",
					"Công an tỉnh bố trí lực lượng bảo vệ tại các điểm thi, nơi in sao đề thi; ngành Y tế bố trí cán bộ y tế trực tại các điểm thi; ngành Điện lực bảo đảm cung cấp điện ổn định trong những ngày diễn ra kỳ thi.",
					"Các đoàn viên, thanh niên tình nguyện tổ chức chương trình “Tiếp sức mùa thi”, hỗ trợ chỗ ở, phương tiện đi lại, nước uống miễn phí cho thí sinh, đặc biệt là thí sinh ở {huyennui} và các xã vùng sâu, vùng xa.",
					"Kết thúc ngày thi đầu tiên, toàn tỉnh có {pt2}% thí sinh dự thi; không có cán bộ coi thi, thí sinh vi phạm quy chế.",
				},
				table:    tableExam,
				images:   []string{"truong-hoc"},
				captions: []string{"Thí sinh làm thủ tục dự thi tại {thpt}"},
			},
			{
				months: []int{4, 5, 6},
				titles: []string{
					"Tuyển sinh vào lớp 10 THPT năm học {namhocmoi}: Tổ chức thi 3 môn",
					"Công bố chỉ tiêu tuyển sinh lớp 10 năm học {namhocmoi}",
				},
				leads: []string{
					"Kỳ thi tuyển sinh vào lớp 10 THPT năm học {namhocmoi} gồm 3 bài thi: Ngữ văn, Toán và Ngoại ngữ.",
					"{sogd} vừa ban hành kế hoạch tuyển sinh vào lớp 10 THPT năm học {namhocmoi} với tổng chỉ tiêu {n4} học sinh.",
				},
				paras: []string{
					"{sogd} vừa ban hành kế hoạch tuyển sinh vào lớp 10 THPT năm học {namhocmoi}. Theo đó, tổng chỉ tiêu tuyển sinh vào các trường THPT công lập là {n4} học sinh, bằng khoảng {pt3}% số học sinh tốt nghiệp THCS.",
					"Kỳ thi tuyển sinh gồm 3 bài thi: Ngữ văn, Toán và Ngoại ngữ. Thí sinh đăng ký dự tuyển vào Trường THPT Chuyên An Phú dự thi thêm môn chuyên. Điểm xét tuyển là tổng điểm các bài thi, không có hệ số.",
					"Thí sinh đăng ký dự tuyển trực tuyến trên hệ thống tuyển sinh của {sogd}; mỗi thí sinh được đăng ký tối đa 2 nguyện vọng. Hạn chót đăng ký là ngày {hanchot}.",
					"{sogd} lưu ý các nhà trường làm tốt công tác tư vấn, hướng nghiệp, phân luồng học sinh sau THCS; khuyến khích học sinh lựa chọn học nghề tại các cơ sở giáo dục nghề nghiệp phù hợp với năng lực, sở thích.",
				},
				images: []string{"truong-hoc"},
			},
			{
				months: []int{1, 3, 5, 6, 8, 12},
				titles: []string{
					"Tuyên dương {n3} học sinh giỏi tiêu biểu năm học {namhoc}",
					"Học sinh An Phú đạt {n2} giải tại kỳ thi chọn học sinh giỏi quốc gia",
					"Trao thưởng cho giáo viên, học sinh đạt thành tích xuất sắc",
				},
				leads: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức lễ tuyên dương, khen thưởng giáo viên và học sinh đạt thành tích xuất sắc năm học {namhoc}.",
					"Năm học {namhoc}, học sinh của tỉnh đạt {n2} giải tại kỳ thi chọn học sinh giỏi quốc gia, tăng so với năm học trước.",
				},
				paras: []string{
					"{buoi} {ngay}, UBND tỉnh tổ chức lễ tuyên dương, khen thưởng giáo viên và học sinh đạt thành tích xuất sắc năm học {namhoc}. {ld} dự và trao thưởng.",
					"Năm học {namhoc}, học sinh của tỉnh đạt {n2} giải tại kỳ thi chọn học sinh giỏi quốc gia, trong đó có giải Nhất môn Hóa học và giải Nhì môn Tin học; nhiều em đạt giải cao tại các cuộc thi khoa học kỹ thuật, Olympic tiếng Anh.",
					"Phát biểu tại buổi lễ, {ld} biểu dương những nỗ lực của các thầy cô giáo và các em học sinh; khẳng định tỉnh luôn quan tâm đầu tư cho giáo dục mũi nhọn, có chính sách thu hút, đãi ngộ đối với giáo viên giỏi.",
					"Dịp này, UBND tỉnh đã khen thưởng {n3} học sinh và {n2b} giáo viên với tổng số tiền trên 1 tỷ đồng.",
				},
				images:   []string{"hoi-truong", "truong-hoc"},
				captions: []string{"{ld} trao thưởng cho học sinh đạt giải"},
			},
			{
				titles: []string{
					"{truong} đạt chuẩn quốc gia mức độ 2",
					"Đầu tư {ty2} tỷ đồng nâng cấp cơ sở vật chất trường học",
					"Khánh thành công trình nhà lớp học tại {xanuihuyen}",
				},
				leads: []string{
					"Sau nhiều năm nỗ lực, {truong} đã được UBND tỉnh công nhận đạt chuẩn quốc gia mức độ 2.",
					"Năm {nam}, tỉnh bố trí {ty2} tỷ đồng để xây mới, cải tạo phòng học, nhà công vụ giáo viên và mua sắm thiết bị dạy học.",
				},
				paras: []string{
					"{buoi} {ngay}, {truong} tổ chức lễ đón nhận Bằng công nhận trường đạt chuẩn quốc gia mức độ 2. Nhà trường hiện có {n2} lớp với trên {n3} học sinh; 100% giáo viên đạt chuẩn và trên chuẩn về trình độ đào tạo.",
					"Năm {nam}, tỉnh bố trí {ty2} tỷ đồng để xây mới, cải tạo phòng học, nhà công vụ giáo viên, nhà ở bán trú cho học sinh và mua sắm thiết bị dạy học, ưu tiên các trường ở {huyennui} và các xã đặc biệt khó khăn.",
					"Tại {xanuihuyen}, công trình nhà lớp học 2 tầng với {n1} phòng học và phòng chức năng vừa được bàn giao, đưa vào sử dụng, giúp học sinh vùng cao có điều kiện học tập tốt hơn, chấm dứt tình trạng học nhờ, học tạm.",
					"Bên cạnh nguồn ngân sách nhà nước, công tác xã hội hóa giáo dục được đẩy mạnh; nhiều doanh nghiệp, nhà hảo tâm đã ủng hộ xây dựng phòng học, tặng máy tính, bàn ghế, sách vở cho học sinh.",
				},
				images:   []string{"truong-hoc"},
				captions: []string{"Khuôn viên {truong}"},
			},
			{
				titles: []string{
					"Đẩy mạnh chuyển đổi số trong ngành Giáo dục",
					"Tập huấn ứng dụng trí tuệ nhân tạo trong dạy học cho {n3} giáo viên",
					"{truong}: Thầy và trò cùng học tập trên nền tảng số",
				},
				leads: []string{
					"Ngành Giáo dục tỉnh đang đẩy mạnh chuyển đổi số trong quản lý, dạy học và kiểm tra, đánh giá, từng bước xây dựng trường học số.",
					"{sogd} vừa tổ chức lớp tập huấn ứng dụng công nghệ số, trí tuệ nhân tạo trong dạy học cho {n3} cán bộ quản lý, giáo viên.",
				},
				paras: []string{
					"Thực hiện chương trình chuyển đổi số của tỉnh, ngành Giáo dục đã triển khai đồng bộ các phần mềm quản lý trường học, sổ điểm điện tử, học bạ số; kết nối, chia sẻ dữ liệu với cơ sở dữ liệu ngành và cơ sở dữ liệu quốc gia về dân cư.",
					"Tại {truong}, mỗi phòng học đều được trang bị màn hình tương tác, kết nối internet tốc độ cao. Giáo viên sử dụng kho học liệu số để thiết kế bài giảng, giao bài tập và kiểm tra trực tuyến; phụ huynh theo dõi kết quả học tập của con qua ứng dụng trên điện thoại.",
					"{sogd} vừa tổ chức lớp tập huấn ứng dụng công nghệ số, trí tuệ nhân tạo trong dạy học cho {n3} cán bộ quản lý, giáo viên. Các học viên được hướng dẫn khai thác công cụ số trong soạn giảng, đồng thời lưu ý các vấn đề về bảo mật dữ liệu và liêm chính học thuật.",
					"Tuy nhiên, hạ tầng công nghệ thông tin ở nhiều trường vùng sâu, vùng xa còn thiếu; một bộ phận giáo viên lớn tuổi còn hạn chế về kỹ năng số. Ngành Giáo dục đang có lộ trình đầu tư, bồi dưỡng phù hợp.",
				},
				images:   []string{"truong-hoc"},
				captions: []string{"Tiết học ứng dụng công nghệ số tại {truong}"},
			},
			{
				months: []int{11},
				titles: []string{
					"Kỷ niệm {k_nhagiao} năm Ngày Nhà giáo Việt Nam 20/11",
					"{ld} thăm, chúc mừng {truong} nhân Ngày Nhà giáo Việt Nam",
				},
				leads: []string{
					"Nhân kỷ niệm {k_nhagiao} năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/{nam}), lãnh đạo tỉnh đã đến thăm, chúc mừng các thầy cô giáo.",
				},
				paras: []string{
					"Nhân kỷ niệm {k_nhagiao} năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/{nam}), {buoi} {ngay}, {ld} cùng đoàn công tác đã đến thăm, chúc mừng cán bộ, giáo viên {sogd} và {truong}.",
					"Thay mặt lãnh đạo tỉnh, {ld} gửi lời chúc mừng tốt đẹp nhất tới các thầy cô giáo; ghi nhận những đóng góp to lớn của đội ngũ nhà giáo đối với sự nghiệp giáo dục và đào tạo của tỉnh, nhất là các thầy cô đang công tác ở vùng sâu, vùng xa.",
					"Dịp này, {n2} nhà giáo tiêu biểu được tặng Bằng khen của Chủ tịch UBND tỉnh; nhiều thầy cô được tặng Kỷ niệm chương “Vì sự nghiệp giáo dục”.",
					"Tại các nhà trường, nhiều hoạt động thiết thực chào mừng ngày 20/11 được tổ chức như: hội giảng, thi giáo viên dạy giỏi, văn nghệ, thể thao, tri ân thầy cô giáo.",
				},
				images:   []string{"truong-hoc", "hoi-truong"},
				captions: []string{"{ld} tặng hoa chúc mừng các thầy cô giáo"},
			},
			{
				titles: []string{
					"Phòng, chống đuối nước cho học sinh tại {huyen}",
					"Xây dựng trường học an toàn, thân thiện tại {xa}",
					"Hỗ trợ bữa ăn bán trú cho {n4} học sinh vùng khó khăn",
				},
				leads: []string{
					"Các nhà trường tại {huyen} đã phối hợp với gia đình, chính quyền địa phương triển khai nhiều giải pháp phòng, chống đuối nước, tai nạn thương tích cho học sinh.",
					"Năm học {namhoc}, tỉnh hỗ trợ tiền ăn, nhà ở bán trú cho {n4} học sinh ở các xã đặc biệt khó khăn.",
				},
				paras: []string{
					"Trước thực trạng đuối nước ở trẻ em có chiều hướng gia tăng vào mùa hè, các nhà trường tại {huyen} đã phối hợp với gia đình, chính quyền địa phương và Đoàn Thanh niên triển khai nhiều giải pháp phòng, chống đuối nước cho học sinh.",
					"Tại {xa}, địa phương đã tổ chức {n1} lớp dạy bơi miễn phí cho gần {n3} học sinh tiểu học và THCS; cắm biển cảnh báo tại các ao, hồ, sông suối nguy hiểm.",
					"Năm học {namhoc}, tỉnh hỗ trợ tiền ăn, nhà ở bán trú cho {n4} học sinh ở các xã đặc biệt khó khăn. Nhiều trường học vùng cao tổ chức nấu ăn tập trung, bảo đảm bữa ăn đủ dinh dưỡng, an toàn thực phẩm cho học sinh.",
					"Các nhà trường cũng chú trọng giáo dục kỹ năng sống, phòng, chống bạo lực học đường, xâm hại trẻ em; thành lập tổ tư vấn tâm lý học đường để kịp thời hỗ trợ học sinh.",
				},
				images: []string{"truong-hoc"},
			},
		},
	},
	{
		name:     "Văn hóa - xã hội > Y tế",
		count:    20,
		images:   []string{"benh-vien"},
		captions: []string{"Khám bệnh cho người dân tại {ttyt}", "{benhvien}"},
		authors:  []string{"Ngọc Lan - {syt}", "Hải Yến - Trung tâm Kiểm soát bệnh tật tỉnh"},
		shared: []string{
			"Mạng lưới y tế cơ sở của tỉnh tiếp tục được củng cố; 100% trạm y tế xã có bác sĩ làm việc; tỷ lệ bao phủ bảo hiểm y tế đạt {pt2}% dân số.",
			"Ngành Y tế đẩy mạnh chuyển đổi số, triển khai bệnh án điện tử, sổ sức khỏe điện tử và thanh toán viện phí không dùng tiền mặt tại các cơ sở khám, chữa bệnh.",
			"Thời gian qua, nhiều kỹ thuật chuyên sâu được triển khai thành công tại các bệnh viện tuyến tỉnh, giúp người dân được điều trị ngay tại địa phương, giảm chi phí đi lại.",
		},
		closing: []string{
			"{syt} khuyến cáo người dân khi có dấu hiệu bất thường về sức khỏe cần đến ngay cơ sở y tế gần nhất để được khám, tư vấn và điều trị kịp thời.",
			"Mọi thông tin cần hỗ trợ, người dân liên hệ đường dây nóng của {syt} hoặc tra cứu tại <a href=\"https://syt.anphu.gov.vn.example/\">Trang thông tin điện tử {syt}</a>.",
			"Ngành Y tế tiếp tục nâng cao chất lượng khám, chữa bệnh, hướng tới sự hài lòng của người bệnh.",
		},
		topics: []topic{
			{
				titles: []string{
					"Triển khai chiến dịch tiêm vắc xin phòng sởi cho trẻ em",
					"Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt {pt2}%",
					"Tiêm chủng mở rộng: Không để khoảng trống miễn dịch tại {huyennui}",
				},
				leads: []string{
					"{syt} đang triển khai chiến dịch tiêm vắc xin phòng bệnh sởi cho trẻ em trên địa bàn tỉnh nhằm chủ động phòng, chống dịch bệnh.",
					"{ky}, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin trên địa bàn tỉnh đạt {pt2}%.",
				},
				paras: []string{
					"Nhằm chủ động phòng, chống dịch bệnh, {syt} đã chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh phối hợp với {diaphuong} triển khai chiến dịch tiêm vắc xin phòng bệnh sởi cho trẻ em. Chiến dịch được thực hiện tại trạm y tế và các điểm tiêm lưu động.",
					"{ky}, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin trên địa bàn tỉnh đạt {pt2}%; tỷ lệ tiêm vắc xin sởi - rubella cho trẻ 18 tháng tuổi đạt {pt2b}%.",
					"Tại {xanuihuyen}, do địa bàn rộng, giao thông đi lại khó khăn, cán bộ y tế đã đến tận thôn, bản để tiêm vắc xin cho trẻ; phối hợp với già làng, trưởng bản vận động người dân đưa con đi tiêm chủng đầy đủ, đúng lịch.",
					"Các điểm tiêm bảo đảm an toàn tiêm chủng: khám sàng lọc trước tiêm, theo dõi sau tiêm 30 phút tại điểm tiêm và 24 giờ tại nhà; bố trí đầy đủ thuốc, trang thiết bị xử trí phản ứng sau tiêm.",
				},
				listIntro: "Phụ huynh cần lưu ý:",
				listHead:  "Lưu ý đối với phụ huynh",
				list: []string{
					"Đưa trẻ đi tiêm chủng đầy đủ, đúng lịch;",
					"Mang theo sổ tiêm chủng hoặc thông tin tiêm chủng trên ứng dụng VNeID;",
					"Theo dõi trẻ tại điểm tiêm ít nhất 30 phút sau tiêm;",
					"Tiếp tục theo dõi trẻ tại nhà trong 24 giờ sau tiêm;",
					"Đưa trẻ đến cơ sở y tế ngay khi có dấu hiệu bất thường.",
				},
				table:    tableVaccination,
				images:   []string{"benh-vien"},
				captions: []string{"Tiêm vắc xin cho trẻ em tại trạm y tế {xa}"},
			},
			{
				months: []int{5, 6, 7, 8, 9, 10, 11},
				titles: []string{
					"Chủ động phòng, chống sốt xuất huyết trong mùa mưa",
					"Ra quân diệt lăng quăng, bọ gậy tại {huyen}",
					"Số ca mắc sốt xuất huyết tăng, ngành Y tế khuyến cáo người dân",
				},
				leads: []string{
					"Từ đầu năm {nam} đến nay, toàn tỉnh ghi nhận {n3} ca mắc sốt xuất huyết, tăng so với cùng kỳ năm trước.",
					"Ngành Y tế khuyến cáo người dân chủ động loại bỏ lăng quăng, bọ gậy, ngủ màn kể cả ban ngày để phòng bệnh sốt xuất huyết.",
				},
				paras: []string{
					"Theo Trung tâm Kiểm soát bệnh tật tỉnh, từ đầu năm {nam} đến nay, toàn tỉnh ghi nhận {n3} ca mắc sốt xuất huyết, tập trung chủ yếu tại {tp}, {huyen} và {huyen2}; chưa ghi nhận trường hợp tử vong.",
					"Thời tiết mưa nhiều, nắng nóng xen kẽ là điều kiện thuận lợi cho muỗi truyền bệnh phát triển. Ngành Y tế đã tổ chức phun hóa chất diệt muỗi tại các ổ dịch, khoanh vùng, xử lý triệt để không để dịch lan rộng.",
					"{buoi} {ngay}, {huyen} tổ chức ra quân chiến dịch diệt lăng quăng, bọ gậy với sự tham gia của đông đảo cán bộ, đoàn viên, hội viên và người dân. Các tổ công tác đã đến từng hộ gia đình kiểm tra, hướng dẫn người dân thu gom vật dụng phế thải, đậy kín dụng cụ chứa nước.",
					"Ngành Y tế khuyến cáo người dân khi có các biểu hiện sốt cao đột ngột, đau đầu, đau nhức cơ, xuất huyết dưới da, chảy máu cam cần đến ngay cơ sở y tế để được khám và điều trị kịp thời; tuyệt đối không tự ý điều trị tại nhà.",
				},
				listIntro: "Để phòng bệnh sốt xuất huyết, người dân cần:",
				listHead:  "Cách phòng bệnh sốt xuất huyết",
				list: []string{
					"Đậy kín tất cả các dụng cụ chứa nước để muỗi không vào đẻ trứng;",
					"Hằng tuần thả cá vào dụng cụ chứa nước lớn để diệt lăng quăng, bọ gậy;",
					"Thu gom, hủy các vật dụng phế thải có thể chứa nước;",
					"Ngủ màn, mặc quần áo dài tay để phòng muỗi đốt;",
					"Phối hợp với ngành Y tế trong các đợt phun hóa chất phòng, chống dịch.",
				},
				images:   []string{"benh-vien"},
				captions: []string{"Cán bộ y tế phun hóa chất diệt muỗi tại {xa}"},
			},
			{
				titles: []string{
					"Khám bệnh, cấp thuốc miễn phí cho {n3} người dân {xanui}",
					"Bác sĩ tuyến tỉnh về khám, chữa bệnh cho đồng bào vùng cao",
					"Đưa bác sĩ về {huyennui}: Người dân được khám bệnh chuyên sâu tại chỗ",
				},
				leads: []string{
					"{buoi} {ngay}, đoàn y, bác sĩ của {benhvien} đã tổ chức khám bệnh, tư vấn sức khỏe và cấp thuốc miễn phí cho {n3} người dân {xanuihuyen}.",
					"Chương trình nằm trong kế hoạch đưa bác sĩ tuyến tỉnh về hỗ trợ tuyến cơ sở, giúp người dân vùng cao được tiếp cận dịch vụ y tế chất lượng.",
				},
				paras: []string{
					"{buoi} {ngay}, đoàn y, bác sĩ của {benhvien} phối hợp với {ttyt} tổ chức khám bệnh, tư vấn sức khỏe và cấp thuốc miễn phí cho {n3} người dân {xanuihuyen}, chủ yếu là người cao tuổi, hộ nghèo và đồng bào {dantoc}.",
					"Người dân được khám các chuyên khoa nội, ngoại, mắt, tai mũi họng, răng hàm mặt; siêu âm, đo điện tim, xét nghiệm đường huyết và được tư vấn về chế độ dinh dưỡng, cách phòng, chống các bệnh không lây nhiễm.",
					"Qua thăm khám, các bác sĩ phát hiện nhiều trường hợp mắc bệnh tăng huyết áp, đái tháo đường, viêm khớp, bệnh lý về mắt; một số trường hợp được tư vấn chuyển tuyến để điều trị chuyên sâu.",
					"Bà Lò Thị Xuân, {n2} tuổi, ở {xanui}, chia sẻ: <em>“Nhà xa, đường khó đi nên ít khi tôi xuống bệnh viện tỉnh. Hôm nay được bác sĩ giỏi về tận xã khám, cho thuốc, tôi rất vui”</em>.",
					"Thực hiện Đề án đưa bác sĩ trẻ về công tác tại vùng khó khăn, năm {nam}, {syt} đã luân phiên {n2} bác sĩ tuyến tỉnh về hỗ trợ chuyên môn cho tuyến cơ sở.",
				},
				images:   []string{"benh-vien", "nui-rung"},
				captions: []string{"Bác sĩ {benhvien} khám bệnh cho người dân {xanui}"},
			},
			{
				titles: []string{
					"{benhvien} triển khai thành công kỹ thuật can thiệp tim mạch",
					"Đưa vào sử dụng khu điều trị kỹ thuật cao tại {benhvien}",
					"Cứu sống bệnh nhân đa chấn thương nguy kịch tại {benhvien}",
				},
				leads: []string{
					"Các bác sĩ {benhvien} vừa thực hiện thành công nhiều ca can thiệp tim mạch, mở ra cơ hội điều trị kịp thời cho người bệnh ngay tại tỉnh.",
					"Khu điều trị kỹ thuật cao với tổng kinh phí đầu tư {ty2} tỷ đồng vừa được đưa vào sử dụng tại {benhvien}.",
				},
				paras: []string{
					"Với sự hỗ trợ chuyển giao kỹ thuật của bệnh viện tuyến trung ương, thời gian qua, {benhvien} đã triển khai thành công nhiều kỹ thuật chuyên sâu như: can thiệp mạch vành, phẫu thuật nội soi, lọc máu liên tục, điều trị ung thư bằng hóa chất.",
					"Mới đây, các bác sĩ đã cứu sống một bệnh nhân nam {n2} tuổi, trú tại {xahuyen}, nhập viện trong tình trạng đau ngực dữ dội, được chẩn đoán nhồi máu cơ tim cấp. Bệnh nhân đã được can thiệp đặt stent kịp thời; đến nay sức khỏe ổn định.",
					"Khu điều trị kỹ thuật cao với tổng kinh phí đầu tư {ty2} tỷ đồng vừa được đưa vào sử dụng, gồm phòng mổ hiện đại, khu hồi sức tích cực và hệ thống chẩn đoán hình ảnh, đáp ứng nhu cầu điều trị của người dân trong và ngoài tỉnh.",
					"Theo lãnh đạo bệnh viện, việc làm chủ các kỹ thuật cao giúp giảm tỷ lệ chuyển tuyến, tiết kiệm chi phí cho người bệnh; đồng thời góp phần giảm tải cho các bệnh viện tuyến trên.",
				},
				images:   []string{"benh-vien"},
				captions: []string{"Ê-kíp bác sĩ {benhvien} thực hiện ca can thiệp"},
			},
			{
				months: []int{4, 5},
				titles: []string{
					"Phát động Tháng hành động vì an toàn thực phẩm năm {nam}",
					"Tháng hành động vì an toàn thực phẩm: Kiểm tra {n3} cơ sở sản xuất, kinh doanh",
				},
				leads: []string{
					"Hưởng ứng Tháng hành động vì an toàn thực phẩm năm {nam}, Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh đã thành lập các đoàn kiểm tra liên ngành, tập trung vào các cơ sở sản xuất, chế biến, kinh doanh thực phẩm.",
					"Qua kiểm tra {n3} cơ sở, các đoàn đã phát hiện và xử lý {n2} cơ sở vi phạm, phạt tiền {n2b} triệu đồng.",
				},
				paras:    foodSafety,
				images:   []string{"benh-vien", "thanh-pho"},
				captions: []string{"Đoàn kiểm tra liên ngành kiểm tra cơ sở kinh doanh thực phẩm tại {tp}"},
			},
			{
				months: []int{12, 1},
				titles: []string{
					"Tăng cường bảo đảm an toàn thực phẩm dịp Tết Nguyên đán {tet}",
					"Kiểm tra an toàn thực phẩm dịp Tết tại {n3} cơ sở sản xuất, kinh doanh",
				},
				leads: []string{
					"Để bảo đảm an toàn thực phẩm dịp Tết Nguyên đán {tet}, Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh đã thành lập các đoàn kiểm tra liên ngành, tập trung vào các cơ sở sản xuất, chế biến, kinh doanh thực phẩm.",
					"Qua kiểm tra {n3} cơ sở, các đoàn đã phát hiện và xử lý {n2} cơ sở vi phạm, phạt tiền {n2b} triệu đồng.",
				},
				paras:    foodSafety,
				images:   []string{"benh-vien", "thanh-pho"},
				captions: []string{"Đoàn kiểm tra liên ngành kiểm tra cơ sở kinh doanh thực phẩm tại {tp}"},
			},
			{
				titles: []string{
					"Tỷ lệ bao phủ bảo hiểm y tế đạt {pt2}% dân số",
					"Triển khai sổ sức khỏe điện tử cho người dân",
					"Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã",
				},
				leads: []string{
					"Đến nay, toàn tỉnh có trên {pt2}% dân số tham gia bảo hiểm y tế; việc khám, chữa bệnh bằng căn cước công dân gắn chíp được triển khai tại 100% cơ sở y tế.",
					"Ngành Y tế tỉnh đã hoàn thành cập nhật thông tin sổ sức khỏe điện tử cho trên {pt3}% dân số.",
				},
				paras: []string{
					"Theo Bảo hiểm xã hội tỉnh, đến nay toàn tỉnh có trên {pt2}% dân số tham gia bảo hiểm y tế. Người dân được khám, chữa bệnh bảo hiểm y tế bằng căn cước công dân gắn chíp hoặc ứng dụng VNeID tại 100% cơ sở y tế.",
					"Cùng với đó, ngành Y tế đã hoàn thành cập nhật thông tin sổ sức khỏe điện tử cho trên {pt3}% dân số; kết nối dữ liệu khám, chữa bệnh giữa các tuyến, giúp bác sĩ theo dõi tiền sử bệnh và người dân tra cứu thông tin sức khỏe của mình.",
					"Tại Trạm Y tế {xa}, người dân được khám, điều trị các bệnh thông thường, quản lý bệnh không lây nhiễm như tăng huyết áp, đái tháo đường và cấp thuốc bảo hiểm y tế ngay tại xã. Trung bình mỗi ngày trạm tiếp nhận {n2} lượt bệnh nhân.",
					"Thời gian tới, ngành Y tế tiếp tục đầu tư trang thiết bị, bổ sung danh mục thuốc, luân phiên bác sĩ tuyến trên về hỗ trợ, nâng cao chất lượng dịch vụ tại tuyến y tế cơ sở.",
				},
				images:   []string{"benh-vien"},
				captions: []string{"Người dân khám bệnh bằng căn cước công dân tại {ttyt}"},
			},
			{
				titles: []string{
					"Ngày hội hiến máu tình nguyện “Giọt hồng yêu thương” tiếp nhận {n3} đơn vị máu",
					"Hàng trăm cán bộ, đoàn viên {huyen} tham gia hiến máu tình nguyện",
				},
				leads: []string{
					"{buoi} {ngay}, Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh phối hợp với {benhvien} tổ chức ngày hội hiến máu tình nguyện, tiếp nhận {n3} đơn vị máu.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {huyen}, Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh phối hợp với {benhvien} tổ chức ngày hội hiến máu tình nguyện “Giọt hồng yêu thương”. Ngày hội thu hút hàng trăm cán bộ, công chức, đoàn viên thanh niên, chiến sĩ lực lượng vũ trang và người dân tham gia.",
					"Kết quả, ngày hội đã tiếp nhận {n3} đơn vị máu. Toàn bộ số máu sẽ được chuyển về ngân hàng máu của {benhvien} để phục vụ công tác cấp cứu, điều trị người bệnh.",
					"Trước khi hiến máu, các tình nguyện viên được khám sàng lọc, tư vấn sức khỏe; sau khi hiến máu được bồi dưỡng, nhận quà và giấy chứng nhận hiến máu tình nguyện.",
					"Từ đầu năm {nam} đến nay, toàn tỉnh đã tiếp nhận {n4} đơn vị máu, đạt {ptdt}% kế hoạch năm, góp phần bảo đảm nguồn máu cho công tác cấp cứu, điều trị.",
				},
				images:   []string{"benh-vien"},
				captions: []string{"Đoàn viên thanh niên tham gia hiến máu tình nguyện"},
			},
			{
				months: []int{2},
				titles: []string{
					"Kỷ niệm {k_thaythuoc} năm Ngày Thầy thuốc Việt Nam 27/2",
					"{ld} thăm, chúc mừng {benhvien} nhân Ngày Thầy thuốc Việt Nam",
				},
				leads: []string{
					"Nhân kỷ niệm {k_thaythuoc} năm Ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/{nam}), lãnh đạo tỉnh đã đến thăm, chúc mừng đội ngũ y, bác sĩ.",
				},
				paras: []string{
					"Nhân kỷ niệm {k_thaythuoc} năm Ngày Thầy thuốc Việt Nam (27/2/1955 - 27/2/{nam}), {buoi} {ngay}, {ld} cùng đoàn công tác đã đến thăm, chúc mừng đội ngũ y, bác sĩ, nhân viên {syt} và {benhvien}.",
					"Thay mặt lãnh đạo tỉnh, {ld} ghi nhận, đánh giá cao những đóng góp của đội ngũ thầy thuốc trong công tác chăm sóc, bảo vệ sức khỏe Nhân dân, đặc biệt là trong phòng, chống dịch bệnh và cấp cứu, điều trị người bệnh.",
					"{ld_cv} đề nghị ngành Y tế tiếp tục nâng cao y đức, đổi mới phong cách, thái độ phục vụ; đẩy mạnh ứng dụng kỹ thuật mới, chuyển đổi số; chăm lo phát triển y tế cơ sở và y tế dự phòng.",
					"Dịp này, {n2} tập thể, cá nhân có thành tích xuất sắc trong ngành Y tế được tặng Bằng khen của Chủ tịch UBND tỉnh.",
				},
				images:   []string{"benh-vien", "hoi-truong"},
				captions: []string{"{ld} tặng hoa chúc mừng đội ngũ y, bác sĩ {benhvien}"},
			},
		},
	},
	{
		name:     "Quốc phòng - An ninh",
		count:    26,
		images:   []string{"tru-so", "hoi-truong"},
		captions: []string{"Lực lượng Công an tỉnh ra quân bảo đảm an ninh trật tự", "Quang cảnh hội nghị"},
		authors:  []string{"Quang Huy - Công an tỉnh", "Trọng Nghĩa - Bộ Chỉ huy Quân sự tỉnh"},
		shared: []string{
			"Thời gian qua, tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn tỉnh cơ bản ổn định; không để xảy ra đột xuất, bất ngờ; các loại tội phạm được kiềm chế.",
			"Phong trào toàn dân bảo vệ an ninh Tổ quốc tiếp tục được củng cố, phát triển; nhiều mô hình tự quản về an ninh trật tự ở khu dân cư phát huy hiệu quả.",
			"Lực lượng vũ trang tỉnh luôn giữ vững bản chất cách mạng, tuyệt đối trung thành với Đảng, Tổ quốc và Nhân dân; là lực lượng nòng cốt trong xây dựng nền quốc phòng toàn dân gắn với thế trận an ninh nhân dân.",
		},
		closing: []string{
			"Công an tỉnh khuyến cáo người dân khi phát hiện các hành vi vi phạm pháp luật, kịp thời cung cấp thông tin cho cơ quan công an gần nhất hoặc gọi số điện thoại 113.",
			"Các lực lượng tiếp tục phối hợp chặt chẽ, chủ động nắm chắc tình hình, không để bị động, bất ngờ trong mọi tình huống.",
			"Thời gian tới, các cấp, các ngành tiếp tục thực hiện tốt công tác quốc phòng, quân sự địa phương, góp phần giữ vững ổn định chính trị, tạo môi trường thuận lợi cho phát triển kinh tế - xã hội.",
		},
		topics: []topic{
			{
				titles: []string{
					"Đẩy mạnh công tác chuyển hóa địa bàn trọng điểm về an ninh trật tự tại {xahuyen}",
					"Chuyển hóa thành công địa bàn phức tạp về an ninh trật tự tại {xa}",
					"Tổng kết công tác chuyển hóa địa bàn trọng điểm về an ninh trật tự năm {namkhtruoc}",
				},
				leads: []string{
					"Sau thời gian triển khai quyết liệt các giải pháp, {xahuyen} đã cơ bản được chuyển hóa, tình hình an ninh trật tự chuyển biến tích cực.",
					"Công an tỉnh đã tham mưu Ban Chỉ đạo của tỉnh triển khai đồng bộ các giải pháp chuyển hóa địa bàn trọng điểm, phức tạp về an ninh trật tự.",
				},
				paras: []string{
					"Thực hiện <strong>Kế hoạch số {so2}/KH-UBND</strong> ngày {ngayvb} của UBND tỉnh về chuyển hóa địa bàn trọng điểm, phức tạp về an ninh trật tự, Công an tỉnh đã phối hợp với các sở, ngành và chính quyền địa phương triển khai đồng bộ nhiều giải pháp tại {xahuyen}.",
					"Trước khi được lựa chọn chuyển hóa, {xa} là địa bàn phức tạp về tệ nạn ma túy, cờ bạc, trộm cắp tài sản và tranh chấp đất đai. Lực lượng công an đã mở nhiều đợt cao điểm tấn công trấn áp tội phạm, triệt phá {n1} tụ điểm ma túy, bắt giữ {n2} đối tượng.",
					"Song song với biện pháp nghiệp vụ, các ngành chức năng tập trung hỗ trợ phát triển kinh tế, tạo việc làm cho người dân, nhất là người sau cai nghiện, người chấp hành xong án phạt tù trở về địa phương; xây dựng các mô hình “Camera an ninh”, “Tổ liên gia tự quản”.",
					"Sau {n1b} tháng triển khai, tình hình an ninh trật tự tại {xa} chuyển biến rõ nét: tội phạm hình sự giảm {pt3}%, không còn tụ điểm ma túy phức tạp; người dân tích cực tham gia tố giác tội phạm.",
					"Tại hội nghị, đại diện lãnh đạo Công an tỉnh đề nghị địa phương duy trì, củng cố kết quả đạt được, không để tình hình phức tạp trở lại; tiếp tục nhân rộng các mô hình tự quản về an ninh trật tự ở cơ sở.",
				},
				heads:     []string{"Kết hợp nhiều giải pháp đồng bộ", "Những giải pháp trọng tâm"},
				listIntro: "Các giải pháp chủ yếu được triển khai gồm:",
				listHead:  "Các giải pháp chủ yếu",
				list: []string{
					"Mở các đợt cao điểm tấn công, trấn áp tội phạm;",
					"Rà soát, quản lý chặt chẽ số đối tượng nghiện ma túy, đối tượng hình sự;",
					"Hỗ trợ sinh kế, tạo việc làm cho người dân;",
					"Lắp đặt hệ thống camera giám sát tại các tuyến đường, khu vực công cộng;",
					"Phát huy vai trò của người có uy tín trong cộng đồng.",
				},
				table:    tableSecurity,
				images:   []string{"tru-so"},
				captions: []string{"Lực lượng công an tuần tra, kiểm soát tại {xa}"},
			},
			{
				titles: []string{
					"Diễn tập khu vực phòng thủ {huyen} năm {nam}",
					"{huyen} diễn tập ứng phó thiên tai, tìm kiếm cứu nạn",
					"Bế mạc diễn tập khu vực phòng thủ {huyen}: Đạt kết quả giỏi",
				},
				leads: []string{
					"{buoi} {ngay}, {huyen} tổ chức diễn tập khu vực phòng thủ năm {nam}, huy động hàng trăm cán bộ, chiến sĩ và lực lượng dân quân tự vệ tham gia.",
					"Cuộc diễn tập nhằm nâng cao năng lực lãnh đạo, chỉ đạo, điều hành của cấp ủy, chính quyền và khả năng sẵn sàng chiến đấu của lực lượng vũ trang địa phương.",
				},
				paras: []string{
					"{buoi} {ngay}, {huyen} tổ chức diễn tập khu vực phòng thủ năm {nam}. Dự và chỉ đạo diễn tập có {pct}, lãnh đạo Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh cùng các sở, ngành liên quan.",
					"Cuộc diễn tập được tiến hành qua 2 giai đoạn: chuyển trạng thái các cấp độ sẵn sàng chiến đấu và thực hành tác chiến phòng thủ. Các tình huống diễn tập được xây dựng sát thực tế, phù hợp với đặc điểm địa bàn.",
					"Nổi bật là nội dung diễn tập thực binh chống bạo loạn, đánh địch tiến công và phòng, chống thiên tai, tìm kiếm cứu nạn với sự tham gia của lực lượng quân sự, công an, dân quân tự vệ và các lực lượng khác.",
					"Phát biểu nhận xét, {pct} đánh giá cao công tác chuẩn bị và tổ chức diễn tập; cuộc diễn tập bảo đảm an toàn tuyệt đối về người, vũ khí, trang bị và đạt mục đích, yêu cầu đề ra.",
					"Qua diễn tập, cấp ủy, chính quyền {huyen} đã nâng cao năng lực lãnh đạo, chỉ đạo, điều hành trong các tình huống quốc phòng, an ninh; đồng thời rút ra nhiều bài học kinh nghiệm trong xây dựng khu vực phòng thủ vững chắc.",
				},
				images: []string{"hoi-truong", "tru-so"},
			},
			{
				months: []int{2, 3},
				titles: []string{
					"Lễ giao nhận quân năm {nam}: {n3} thanh niên lên đường nhập ngũ",
					"Thanh niên {huyen} hăng hái lên đường nhập ngũ",
				},
				leads: []string{
					"{buoi} {ngay}, các địa phương trong tỉnh đồng loạt tổ chức Lễ giao nhận quân năm {nam}. Toàn tỉnh có {n3} thanh niên ưu tú lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia Công an nhân dân.",
				},
				paras: []string{
					"{buoi} {ngay}, các địa phương trong tỉnh đồng loạt tổ chức Lễ giao nhận quân năm {nam}. Toàn tỉnh có {n3} thanh niên ưu tú lên đường thực hiện nghĩa vụ quân sự và nghĩa vụ tham gia Công an nhân dân, đạt 100% chỉ tiêu.",
					"Tại {huyen}, {bt} đã đến dự, động viên các tân binh. Đồng chí mong muốn các tân binh phát huy truyền thống quê hương, nhanh chóng hòa nhập môi trường quân ngũ, chấp hành nghiêm kỷ luật, hoàn thành tốt mọi nhiệm vụ được giao.",
					"Chất lượng tuyển quân năm nay được nâng lên; nhiều thanh niên có trình độ cao đẳng, đại học; {n2} thanh niên là đảng viên. Nhiều thanh niên tình nguyện viết đơn xin nhập ngũ.",
					"Lễ giao nhận quân được tổ chức trang trọng, nhanh gọn, an toàn, đúng luật. Các địa phương đã tổ chức gặp mặt, tặng quà, động viên các gia đình có con em lên đường nhập ngũ.",
				},
				images:   []string{"le-hoi", "tru-so"},
				captions: []string{"Tân binh {huyen} lên đường nhập ngũ"},
			},
			{
				months: []int{8},
				titles: []string{
					"Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {nam} tại {xahuyen}",
					"Kỷ niệm {k_cand} năm Ngày truyền thống Công an nhân dân",
				},
				leads: []string{
					"{buoi} {ngay}, tại {xahuyen}, Ban Chỉ đạo tỉnh tổ chức điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {nam}.",
					"Nhân kỷ niệm {k_cand} năm Ngày truyền thống Công an nhân dân (19/8/1945 - 19/8/{nam}), nhiều hoạt động ý nghĩa đã được tổ chức trên địa bàn tỉnh.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {xahuyen}, Ban Chỉ đạo tỉnh tổ chức điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {nam}, hướng tới kỷ niệm {k_cand} năm Ngày truyền thống Công an nhân dân (19/8/1945 - 19/8/{nam}).",
					"Những năm qua, phong trào toàn dân bảo vệ an ninh Tổ quốc tại {xa} được triển khai sâu rộng; người dân tích cực tham gia tố giác tội phạm, tham gia các tổ tự quản, tổ an ninh trật tự ở cơ sở.",
					"Địa phương đã xây dựng và duy trì hiệu quả các mô hình “Khu dân cư an toàn về an ninh trật tự”, “Camera an ninh”, “Dòng họ không có người vi phạm pháp luật”. Nhiều năm liền, xã không có tội phạm nghiêm trọng xảy ra.",
					"Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho {n1} tập thể và {n2} cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc.",
				},
				images:   []string{"le-hoi", "tru-so"},
				captions: []string{"Văn nghệ chào mừng Ngày hội toàn dân bảo vệ an ninh Tổ quốc tại {xa}"},
			},
			{
				titles: []string{
					"Triệt phá đường dây mua bán trái phép chất ma túy tại {huyen}",
					"Bắt giữ {n1} đối tượng, thu giữ hàng nghìn viên ma túy tổng hợp",
					"Tăng cường đấu tranh phòng, chống tội phạm ma túy",
				},
				leads: []string{
					"Công an tỉnh vừa triệt phá thành công đường dây mua bán trái phép chất ma túy hoạt động tại {huyen}, bắt giữ {n1} đối tượng.",
					"Lực lượng chức năng thu giữ {n4} viên ma túy tổng hợp, nhiều gói heroin cùng các tang vật liên quan.",
				},
				paras: []string{
					"Phòng Cảnh sát điều tra tội phạm về ma túy Công an tỉnh chủ trì, phối hợp với các đơn vị nghiệp vụ vừa triệt phá thành công đường dây mua bán trái phép chất ma túy hoạt động tại {huyen}, bắt giữ {n1} đối tượng.",
					"Qua công tác nắm tình hình, lực lượng chức năng phát hiện nhóm đối tượng thường xuyên vận chuyển ma túy từ địa bàn giáp ranh về tiêu thụ trên địa bàn tỉnh. Sau thời gian xác lập chuyên án, vào khoảng {n1b} giờ ngày {ngay}, lực lượng công an đã bắt quả tang các đối tượng khi đang giao dịch tại {xa}.",
					"Tang vật thu giữ gồm {n4} viên ma túy tổng hợp, nhiều gói heroin, cùng điện thoại di động, xe máy và số tiền mặt liên quan. Mở rộng điều tra, cơ quan công an đã khám xét khẩn cấp nơi ở của các đối tượng, thu giữ thêm nhiều tang vật.",
					"Hiện Cơ quan Cảnh sát điều tra Công an tỉnh đã khởi tố vụ án, khởi tố bị can và tạm giam các đối tượng để tiếp tục điều tra, mở rộng vụ án.",
				},
				table:  tableSecurity,
				images: []string{"tru-so"},
			},
			{
				titles: []string{
					"Ra quân cao điểm bảo đảm trật tự an toàn giao thông",
					"Tai nạn giao thông {ky} giảm cả 3 tiêu chí",
					"Xử lý nghiêm vi phạm nồng độ cồn khi tham gia giao thông",
				},
				leads: []string{
					"Công an tỉnh vừa ra quân đợt cao điểm tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông, tập trung vào các lỗi vi phạm là nguyên nhân trực tiếp gây tai nạn.",
					"{ky}, trên địa bàn tỉnh xảy ra {n2} vụ tai nạn giao thông, giảm cả 3 tiêu chí về số vụ, số người chết và số người bị thương so với cùng kỳ.",
				},
				paras: []string{
					"{buoi} {ngay}, Công an tỉnh tổ chức lễ ra quân đợt cao điểm tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông. Lực lượng chức năng tập trung xử lý các lỗi vi phạm về nồng độ cồn, ma túy, tốc độ, chở quá tải trọng và học sinh điều khiển xe mô tô khi chưa đủ tuổi.",
					"{ky}, trên địa bàn tỉnh xảy ra {n2} vụ tai nạn giao thông, giảm cả 3 tiêu chí về số vụ, số người chết và số người bị thương so với cùng kỳ. Lực lượng chức năng đã phát hiện, xử lý {n5} trường hợp vi phạm, tước {n3} giấy phép lái xe.",
					"Riêng vi phạm về nồng độ cồn, lực lượng Cảnh sát giao thông đã xử lý {n4} trường hợp. Việc xử lý kiên quyết, không có vùng cấm đã tạo chuyển biến rõ rệt trong ý thức chấp hành pháp luật của người tham gia giao thông.",
					"Cùng với tuần tra, kiểm soát, lực lượng chức năng đẩy mạnh tuyên truyền, hướng dẫn người dân chấp hành quy định “đã uống rượu, bia thì không lái xe”; ứng dụng camera giám sát để phát hiện, xử lý vi phạm qua hình ảnh.",
				},
				images:   []string{"thanh-pho", "cong-trinh"},
				captions: []string{"Cảnh sát giao thông kiểm tra nồng độ cồn người điều khiển phương tiện tại {tp}"},
			},
			{
				titles: []string{
					"Cảnh giác với thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng",
					"Triệt phá nhóm đối tượng lừa đảo trực tuyến, chiếm đoạt {n2} tỷ đồng",
					"Công an tỉnh cảnh báo thủ đoạn giả danh cơ quan nhà nước để lừa đảo",
				},
				leads: []string{
					"Thời gian gần đây, trên địa bàn tỉnh xảy ra nhiều vụ lừa đảo chiếm đoạt tài sản qua không gian mạng với thủ đoạn ngày càng tinh vi.",
					"Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao Công an tỉnh vừa triệt phá nhóm đối tượng lừa đảo trực tuyến, chiếm đoạt hơn {n2} tỷ đồng.",
				},
				paras: []string{
					"Thời gian gần đây, trên địa bàn tỉnh xảy ra nhiều vụ lừa đảo chiếm đoạt tài sản qua không gian mạng. Các đối tượng thường giả danh cán bộ công an, cơ quan thuế, nhân viên ngân hàng, điện lực để yêu cầu người dân cài đặt ứng dụng, cung cấp thông tin cá nhân, mã OTP hoặc chuyển tiền.",
					"Mới đây, Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao Công an tỉnh đã triệt phá nhóm {n1} đối tượng lừa đảo trực tuyến với thủ đoạn tuyển cộng tác viên “làm nhiệm vụ” trên mạng, chiếm đoạt hơn {n2} tỷ đồng của hàng trăm bị hại.",
					"Một nạn nhân tại {phuong} cho biết đã bị đối tượng giả danh cán bộ công an gọi điện, yêu cầu cài đặt ứng dụng “cập nhật định danh điện tử” giả mạo. Chỉ sau ít phút, toàn bộ số tiền trong tài khoản ngân hàng đã bị chiếm đoạt.",
					"Công an tỉnh khẳng định: <strong>cơ quan công an không làm việc với người dân qua điện thoại, mạng xã hội</strong>; không yêu cầu người dân cài đặt ứng dụng hay chuyển tiền vào tài khoản để “xác minh”.",
				},
				listIntro: "Để phòng tránh bị lừa đảo, người dân cần:",
				listHead:  "Khuyến cáo phòng tránh lừa đảo",
				list: []string{
					"Không cung cấp mã OTP, mật khẩu, thông tin tài khoản cho bất kỳ ai;",
					"Không truy cập đường link lạ, không cài đặt ứng dụng không rõ nguồn gốc;",
					"Không chuyển tiền theo yêu cầu của người lạ qua điện thoại, mạng xã hội;",
					"Cảnh giác với lời mời “việc nhẹ lương cao”, đầu tư lợi nhuận cao bất thường;",
					"Khi nghi ngờ bị lừa đảo, báo ngay cho cơ quan công an gần nhất.",
				},
				ordered:  true,
				images:   []string{"thanh-pho"},
				captions: []string{"Ảnh minh họa"},
			},
			{
				titles: []string{
					"Thực tập phương án chữa cháy và cứu nạn, cứu hộ tại {kcn}",
					"Tăng cường phòng cháy, chữa cháy đối với nhà ở kết hợp kinh doanh",
					"Kịp thời dập tắt đám cháy tại {phuong}, không có thiệt hại về người",
				},
				leads: []string{
					"{buoi} {ngay}, Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh tổ chức thực tập phương án chữa cháy với sự tham gia của nhiều lực lượng.",
					"Công an tỉnh đề nghị các hộ gia đình, cơ sở kinh doanh chủ động trang bị phương tiện chữa cháy, tạo lối thoát nạn thứ hai.",
				},
				paras: []string{
					"{buoi} {ngay}, tại {kcn}, Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh tổ chức thực tập phương án chữa cháy và cứu nạn, cứu hộ có huy động nhiều lực lượng, phương tiện tham gia.",
					"Giả định tình huống cháy xảy ra tại kho hàng của một doanh nghiệp, lửa lan nhanh, nhiều công nhân bị mắc kẹt. Ngay khi nhận tin báo, lực lượng chữa cháy tại chỗ đã triển khai các biện pháp dập lửa ban đầu; lực lượng chuyên nghiệp nhanh chóng có mặt, tổ chức cứu người và khống chế đám cháy.",
					"Trước đó, một vụ cháy đã xảy ra tại một nhà ở kết hợp kinh doanh ở {phuong}. Nhờ người dân phát hiện sớm và lực lượng chữa cháy có mặt kịp thời, đám cháy đã được dập tắt, không có thiệt hại về người.",
					"{ky}, trên địa bàn tỉnh xảy ra {n1} vụ cháy, giảm so với cùng kỳ. Công an tỉnh đã kiểm tra an toàn phòng cháy, chữa cháy đối với {n3} cơ sở, phát hiện và xử lý {n2} trường hợp vi phạm.",
				},
				listIntro: "Khuyến cáo của cơ quan Cảnh sát phòng cháy, chữa cháy:",
				listHead:  "Khuyến cáo về phòng cháy, chữa cháy",
				list: []string{
					"Trang bị bình chữa cháy, thiết bị báo cháy tại nhà;",
					"Tạo lối thoát nạn thứ hai cho nhà ở, nhất là nhà ống, nhà nhiều tầng;",
					"Không để xe, hàng hóa dễ cháy gần nguồn điện, nguồn nhiệt;",
					"Tắt các thiết bị điện không cần thiết trước khi ra khỏi nhà và khi đi ngủ;",
					"Khi xảy ra cháy, gọi ngay số điện thoại 114.",
				},
				images:   []string{"cong-trinh", "thanh-pho"},
				captions: []string{"Lực lượng Cảnh sát phòng cháy, chữa cháy thực tập phương án tại {kcn}"},
			},
			{
				months: []int{12, 1},
				titles: []string{
					"Tổng kết công tác quân sự, quốc phòng địa phương năm {namkhtruoc}",
					"Bộ Chỉ huy Quân sự tỉnh triển khai nhiệm vụ năm {namkh}",
				},
				leads: []string{
					"{buoi} {ngay}, Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị tổng kết công tác quân sự, quốc phòng địa phương năm {namkhtruoc} và triển khai nhiệm vụ năm {namkh}.",
				},
				paras: []string{
					"{buoi} {ngay}, Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị tổng kết công tác quân sự, quốc phòng địa phương năm {namkhtruoc} và triển khai nhiệm vụ năm {namkh}. {bt}, Bí thư Đảng ủy Quân sự tỉnh dự và chỉ đạo hội nghị.",
					"Năm {namkhtruoc}, lực lượng vũ trang tỉnh đã hoàn thành tốt các nhiệm vụ được giao. Công tác huấn luyện, diễn tập đạt kết quả khá, giỏi; công tác tuyển quân bảo đảm chất lượng; lực lượng dân quân tự vệ được củng cố theo Luật Dân quân tự vệ.",
					"Lực lượng vũ trang tỉnh đã huy động hàng nghìn lượt cán bộ, chiến sĩ tham gia phòng, chống thiên tai, tìm kiếm cứu nạn, giúp Nhân dân khắc phục hậu quả mưa lũ; tham gia xây dựng nông thôn mới, xóa nhà tạm, nhà dột nát.",
					"Phát biểu chỉ đạo, {bt} đề nghị lực lượng vũ trang tỉnh tiếp tục nâng cao chất lượng tổng hợp, sức mạnh chiến đấu; tham mưu xây dựng khu vực phòng thủ vững chắc; thực hiện tốt chính sách hậu phương quân đội.",
				},
				images:   []string{"hoi-truong"},
				captions: []string{"Quang cảnh hội nghị tổng kết công tác quân sự, quốc phòng địa phương"},
			},
			{
				months: []int{12},
				titles: []string{
					"Kỷ niệm {k_qdnd} năm Ngày thành lập Quân đội nhân dân Việt Nam",
					"Lãnh đạo tỉnh thăm, chúc mừng lực lượng vũ trang nhân dịp 22/12",
				},
				leads: []string{
					"Nhân kỷ niệm {k_qdnd} năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/{nam}), lãnh đạo tỉnh đã đến thăm, chúc mừng Bộ Chỉ huy Quân sự tỉnh và các đơn vị quân đội đóng quân trên địa bàn.",
				},
				paras: []string{
					"Nhân kỷ niệm {k_qdnd} năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/{nam}) và {k_qdnd} năm Ngày hội Quốc phòng toàn dân, {buoi} {ngay}, {bt} cùng đoàn công tác đã đến thăm, chúc mừng Bộ Chỉ huy Quân sự tỉnh.",
					"Thay mặt lãnh đạo tỉnh, {bt} chúc mừng, biểu dương những thành tích mà lực lượng vũ trang tỉnh đạt được; khẳng định lực lượng vũ trang tỉnh luôn là lực lượng nòng cốt trong thực hiện nhiệm vụ quốc phòng, là chỗ dựa tin cậy của Nhân dân.",
					"Đồng chí đề nghị lực lượng vũ trang tỉnh tiếp tục phát huy truyền thống “Bộ đội Cụ Hồ”, nâng cao chất lượng huấn luyện, sẵn sàng chiến đấu; chủ động tham mưu cho cấp ủy, chính quyền về nhiệm vụ quân sự, quốc phòng địa phương.",
					"Cùng ngày, các đoàn công tác của tỉnh cũng đã đến thăm, tặng quà các đơn vị quân đội, Ban Chỉ huy Quân sự tại {diaphuong} và các gia đình quân nhân có hoàn cảnh khó khăn.",
				},
				images:   []string{"hoi-truong", "tru-so"},
				captions: []string{"{bt} chúc mừng Bộ Chỉ huy Quân sự tỉnh"},
			},
		},
	},
	{
		name:     "Thông báo",
		count:    20,
		images:   []string{"tru-so"},
		captions: []string{"Trụ sở UBND tỉnh An Phú"},
		authors:  []string{"Văn phòng UBND tỉnh"},
		shared: []string{
			"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, tổ chức, cá nhân phản ánh về cơ quan thông báo để được hướng dẫn, giải quyết.",
			"Toàn văn văn bản được đăng tải trên <a href=\"https://vanban.anphu.gov.vn.example/\">Hệ thống văn bản điện tử của tỉnh</a> và Cổng thông tin điện tử tỉnh.",
		},
		closing: []string{
			"Thông báo này được gửi đến các cơ quan, đơn vị, tổ chức và cá nhân có liên quan để biết, thực hiện.",
			"Mọi thông tin chi tiết, xin liên hệ Văn phòng UBND tỉnh, điện thoại (0200) 3 868 686 trong giờ hành chính.",
			"Đề nghị các cơ quan, đơn vị, địa phương thông báo rộng rãi để cán bộ, công chức, viên chức, người lao động và Nhân dân biết.",
		},
		topics: []topic{
			{
				titles: []string{
					"Thông báo lịch tiếp công dân định kỳ tháng {thangsau} của lãnh đạo UBND tỉnh",
				},
				leads: []string{
					"Ban Tiếp công dân tỉnh thông báo lịch tiếp công dân định kỳ tháng {thangsau} của Chủ tịch và các Phó Chủ tịch UBND tỉnh.",
				},
				paras: []string{
					"Căn cứ Luật Tiếp công dân và Quy chế tiếp công dân của UBND tỉnh, Ban Tiếp công dân tỉnh thông báo lịch tiếp công dân định kỳ tháng {thangsau} của Chủ tịch và các Phó Chủ tịch UBND tỉnh.",
					"Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh phải mang theo căn cước công dân hoặc giấy tờ tùy thân khác, giấy ủy quyền (nếu có) và các tài liệu liên quan đến nội dung trình bày.",
					"Trường hợp nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh về một nội dung thì cử người đại diện để trình bày; số người đại diện không quá 5 người.",
					"Công dân có thể đăng ký trước nội dung cần trình bày tại Trụ sở Tiếp công dân tỉnh (Số 18 đường Lê Lợi, {phuong}) hoặc qua số điện thoại đường dây nóng của Ban Tiếp công dân tỉnh.",
				},
				table:  tableReception,
				author: "Ban Tiếp công dân tỉnh",
			},
			{
				titles: []string{
					"Thông báo tuyển dụng viên chức năm {nam}",
					"Thông báo tuyển dụng viên chức làm việc tại các đơn vị sự nghiệp công lập đợt {dot} năm {nam}",
				},
				leads: []string{
					"{sonv} thông báo tuyển dụng viên chức làm việc tại các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh năm {nam}.",
				},
				paras: []string{
					"Căn cứ Kế hoạch số {so2}/KH-UBND ngày {ngayvb} của UBND tỉnh về tuyển dụng viên chức năm {nam}, {sonv} thông báo tuyển dụng viên chức làm việc tại các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh.",
					"Người đăng ký dự tuyển phải có đủ các điều kiện: có quốc tịch Việt Nam và cư trú tại Việt Nam; từ đủ 18 tuổi trở lên; có phiếu đăng ký dự tuyển; có lý lịch rõ ràng; có văn bằng, chứng chỉ đào tạo phù hợp với vị trí việc làm; đủ sức khỏe để thực hiện công việc.",
					"Thí sinh nộp Phiếu đăng ký dự tuyển trực tiếp tại {sonv} hoặc qua dịch vụ bưu chính công ích. Thời hạn nhận phiếu từ ngày ra thông báo đến hết ngày {hanchot}.",
					"Việc tuyển dụng được thực hiện theo hình thức thi tuyển, gồm 2 vòng: vòng 1 thi trắc nghiệm trên máy vi tính; vòng 2 thi môn nghiệp vụ chuyên ngành. Thời gian, địa điểm tổ chức thi sẽ được thông báo cụ thể trên Trang thông tin điện tử của {sonv}.",
				},
				table:  tableRecruitment,
				author: "{sonv}",
			},
			{
				titles: []string{
					"Lấy ý kiến Nhân dân đối với dự thảo {duthao}",
					"Thông báo lấy ý kiến góp ý dự thảo {duthao}",
				},
				leads: []string{
					"UBND tỉnh thông báo lấy ý kiến của cơ quan, tổ chức, cá nhân đối với dự thảo {duthao}. Thời hạn góp ý đến hết ngày {hanchot}.",
				},
				paras: []string{
					"Thực hiện quy định của Luật Ban hành văn bản quy phạm pháp luật, UBND tỉnh thông báo lấy ý kiến của cơ quan, tổ chức, cá nhân đối với dự thảo {duthao}.",
					"Dự thảo gồm {n1} chương, {n2} điều, quy định cụ thể về phạm vi điều chỉnh, đối tượng áp dụng, nội dung, điều kiện, mức hỗ trợ và trách nhiệm của các cơ quan, đơn vị liên quan.",
					"Toàn văn dự thảo được đăng tải tại mục Lấy ý kiến dự thảo văn bản trên Cổng thông tin điện tử tỉnh. Ý kiến góp ý gửi bằng văn bản về {sotc}, {sokhdt} hoặc qua địa chỉ thư điện tử <a href=\"mailto:gopyduthao@anphu.gov.vn.example\">gopyduthao@anphu.gov.vn.example</a>.",
					"Thời hạn nhận ý kiến góp ý đến hết ngày {hanchot}. Cơ quan chủ trì soạn thảo có trách nhiệm tổng hợp, nghiên cứu, tiếp thu, giải trình ý kiến góp ý và công khai trên Cổng thông tin điện tử tỉnh.",
				},
				author: "Văn phòng UBND tỉnh",
			},
			{
				months: []int{12, 1, 4, 8},
				titles: []string{
					"Thông báo về việc nghỉ {kynghi}",
					"Lịch nghỉ {kynghi} đối với cán bộ, công chức, viên chức",
				},
				leads: []string{
					"UBND tỉnh thông báo lịch nghỉ {kynghi} đối với cán bộ, công chức, viên chức và người lao động trong các cơ quan, đơn vị trên địa bàn tỉnh.",
				},
				paras: []string{
					"Thực hiện thông báo của Bộ Nội vụ, UBND tỉnh thông báo lịch nghỉ {kynghi} đối với cán bộ, công chức, viên chức và người lao động trong các cơ quan hành chính, đơn vị sự nghiệp, tổ chức chính trị - xã hội trên địa bàn tỉnh.",
					"Các cơ quan, đơn vị thực hiện chế độ làm việc 5 ngày/tuần bố trí nghỉ theo lịch của Bộ Nội vụ. Các đơn vị không thực hiện lịch nghỉ cố định do tính chất công việc thì bố trí nghỉ bù phù hợp, bảo đảm quyền lợi của người lao động.",
					"Thủ trưởng các cơ quan, đơn vị bố trí, sắp xếp các bộ phận làm việc hợp lý, trực cơ quan 24/24 giờ để giải quyết công việc liên tục, phục vụ tổ chức, cá nhân; bảo đảm an ninh, an toàn, phòng, chống cháy nổ tại cơ quan, đơn vị.",
					"Cán bộ, công chức, viên chức, người lao động thực hiện nghiêm quy định không đi lễ chùa, lễ hội trong giờ hành chính; không sử dụng phương tiện công vào việc riêng; chấp hành nghiêm quy định “đã uống rượu, bia thì không lái xe”.",
				},
				author: "Văn phòng UBND tỉnh",
			},
			{
				titles: []string{
					"Thông báo đấu giá quyền sử dụng đất {n2} lô đất ở tại {xahuyen}",
					"Thông báo công khai việc đấu giá quyền sử dụng đất tại {huyen}",
				},
				leads: []string{
					"Trung tâm Phát triển quỹ đất tỉnh thông báo tổ chức đấu giá quyền sử dụng đất {n2} lô đất ở tại {xahuyen}.",
				},
				paras: []string{
					"Căn cứ Quyết định số {so}/QĐ-UBND ngày {ngayvb} của UBND tỉnh về việc đấu giá quyền sử dụng đất, Trung tâm Phát triển quỹ đất tỉnh thông báo tổ chức đấu giá quyền sử dụng đất {n2} lô đất ở tại {xahuyen}.",
					"Diện tích mỗi lô từ 100 m2 đến 250 m2; mục đích sử dụng: đất ở tại nông thôn; thời hạn sử dụng: lâu dài. Giá khởi điểm từ 4,5 triệu đồng/m2 đến 9,2 triệu đồng/m2 tùy vị trí.",
					"Đối tượng tham gia đấu giá là hộ gia đình, cá nhân thuộc đối tượng được Nhà nước giao đất có thu tiền sử dụng đất theo quy định của Luật Đất đai. Hình thức đấu giá: đấu giá trực tuyến hoặc bỏ phiếu gián tiếp; phương thức trả giá lên.",
					"Hồ sơ tham gia đấu giá được bán và tiếp nhận tại trụ sở tổ chức đấu giá tài sản và UBND {huyen} trong giờ hành chính đến hết ngày {hanchot}. Khách hàng có nhu cầu xem thực địa liên hệ trực tiếp đơn vị tổ chức đấu giá.",
				},
				author: "Trung tâm Phát triển quỹ đất tỉnh",
			},
			{
				titles: []string{
					"Thông báo tạm dừng hệ thống dịch vụ công trực tuyến để nâng cấp ngày {ngaysau}",
					"Tạm dừng Cổng dịch vụ công tỉnh để bảo trì, nâng cấp ngày {ngaysau}",
				},
				leads: []string{
					"Để nâng cấp hạ tầng kỹ thuật, hệ thống thông tin giải quyết thủ tục hành chính của tỉnh sẽ tạm dừng hoạt động trong ngày {ngaysau}.",
				},
				paras: []string{
					"Nhằm nâng cấp hạ tầng kỹ thuật, tăng cường bảo đảm an toàn thông tin, {stttt} thông báo tạm dừng hoạt động hệ thống thông tin giải quyết thủ tục hành chính của tỉnh từ 7 giờ 00 đến 17 giờ 00 ngày {ngaysau}.",
					"Trong thời gian tạm dừng, tổ chức, cá nhân không thể nộp hồ sơ trực tuyến, tra cứu tình trạng hồ sơ và thanh toán phí, lệ phí trực tuyến. Việc tiếp nhận hồ sơ trực tiếp tại Bộ phận Một cửa các cấp vẫn diễn ra bình thường.",
					"Các hồ sơ có thời hạn xử lý trùng với thời gian tạm dừng sẽ được hệ thống tự động điều chỉnh, bảo đảm không bị tính là trễ hạn.",
					"Sau khi nâng cấp, người dùng truy cập <a href=\"https://dichvucong.anphu.gov.vn.example/\">Cổng dịch vụ công tỉnh An Phú</a> như bình thường. {stttt} mong nhận được sự thông cảm của tổ chức, cá nhân.",
				},
				author: "{stttt}",
			},
			{
				titles: []string{
					"Thông báo kết luận thanh tra việc quản lý, sử dụng đất đai tại {huyen}",
					"Công khai kết luận thanh tra trách nhiệm thực hiện pháp luật về tiếp công dân tại {huyen}",
				},
				leads: []string{
					"Thanh tra tỉnh công khai kết luận thanh tra đối với UBND {huyen} theo quy định của Luật Thanh tra.",
				},
				paras: []string{
					"Thực hiện Quyết định số {so}/QĐ-TTr của Chánh Thanh tra tỉnh, Đoàn thanh tra đã tiến hành thanh tra tại UBND {huyen} đối với thời kỳ từ năm {namtruoc} đến thời điểm thanh tra.",
					"Qua thanh tra cho thấy, UBND {huyen} đã cơ bản thực hiện các quy định của pháp luật trong lĩnh vực được thanh tra. Tuy nhiên, vẫn còn một số tồn tại như: việc lập, lưu trữ hồ sơ còn chưa đầy đủ; một số trường hợp giải quyết chưa đúng thời hạn quy định.",
					"Chánh Thanh tra tỉnh yêu cầu UBND {huyen} tổ chức kiểm điểm, rút kinh nghiệm đối với tập thể, cá nhân có liên quan; khắc phục các tồn tại, hạn chế đã được chỉ ra và báo cáo kết quả thực hiện về Thanh tra tỉnh trước ngày {hanchot}.",
					"Kết luận thanh tra được công khai theo quy định tại Luật Thanh tra và các văn bản hướng dẫn thi hành.",
				},
				author: "Thanh tra tỉnh",
			},
			{
				titles: []string{
					"Công bố {n2} thủ tục hành chính mới ban hành, sửa đổi, bổ sung thuộc thẩm quyền của {sotnmt}",
					"Quyết định công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của {sogd}",
				},
				leads: []string{
					"Chủ tịch UBND tỉnh vừa ký Quyết định số {so}/QĐ-UBND công bố danh mục {n2} thủ tục hành chính mới ban hành, sửa đổi, bổ sung.",
				},
				paras: []string{
					"Chủ tịch UBND tỉnh vừa ký <strong>Quyết định số {so}/QĐ-UBND</strong> ngày {ngayvb} công bố danh mục {n2} thủ tục hành chính mới ban hành, sửa đổi, bổ sung và bãi bỏ trong lĩnh vực thuộc phạm vi chức năng quản lý của các sở, ngành.",
					"Các thủ tục hành chính được công bố đều được cung cấp dịch vụ công trực tuyến; tổ chức, cá nhân có thể nộp hồ sơ trực tuyến hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.",
					"Văn phòng UBND tỉnh có trách nhiệm cập nhật các thủ tục hành chính vào Cơ sở dữ liệu quốc gia về thủ tục hành chính; các cơ quan liên quan xây dựng quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính.",
					"Quyết định có hiệu lực kể từ ngày ký. Tổ chức, cá nhân tra cứu chi tiết thủ tục hành chính tại <a href=\"https://dichvucong.anphu.gov.vn.example/\">Cổng dịch vụ công tỉnh An Phú</a>.",
				},
				author: "Văn phòng UBND tỉnh",
			},
		},
	},
}

// foodSafety is the body of both food safety campaigns, in spring and
// before Tết.
var foodSafety = []string{
	"Thực hiện kế hoạch của Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh, các đoàn kiểm tra liên ngành đã tiến hành kiểm tra các cơ sở sản xuất, chế biến, kinh doanh thực phẩm, bếp ăn tập thể và dịch vụ ăn uống trên địa bàn tỉnh.",
	"Qua kiểm tra {n3} cơ sở, các đoàn đã phát hiện {n2} cơ sở vi phạm với các lỗi chủ yếu: không bảo đảm điều kiện vệ sinh, người trực tiếp chế biến không có giấy xác nhận kiến thức an toàn thực phẩm, sản phẩm không rõ nguồn gốc. Tổng số tiền phạt {n2b} triệu đồng.",
	"Các đoàn cũng lấy mẫu thực phẩm để kiểm nghiệm nhanh các chỉ tiêu hàn the, phẩm màu, dư lượng thuốc bảo vệ thực vật; tiêu hủy hàng trăm kg thực phẩm không bảo đảm an toàn.",
	"Ngành Y tế khuyến cáo người dân lựa chọn thực phẩm có nguồn gốc rõ ràng, ăn chín, uống chín; không sử dụng thực phẩm ôi thiu, hết hạn sử dụng; khi có dấu hiệu ngộ độc thực phẩm cần đến ngay cơ sở y tế.",
}
