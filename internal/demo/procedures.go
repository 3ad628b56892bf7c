package demo

import (
	"context"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/importer"
)

// demoProcedures is the demo's list of administrative procedures as an
// office exports it from the national database: semicolons, the
// database's column names, and the old online levels (Mức độ 2/3/4) on
// some rows, so that the demo goes through the import as an agency's
// first load does. Fifteen procedures in four fields, at the three levels.
const demoProcedures = `STT;Mã TTHC;Tên TTHC;Lĩnh vực;Cấp thực hiện;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Mức độ DVC;Trình tự thực hiện;Thành phần hồ sơ;Căn cứ pháp lý
1;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;Cấp xã;Ủy ban nhân dân cấp xã;Ngay trong ngày;"Miễn lệ phí đăng ký khai sinh đúng hạn
8.000 đồng/việc nếu đăng ký quá hạn";Toàn trình;"Bước 1: Người yêu cầu nộp hồ sơ trực tiếp hoặc trực tuyến
Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ
Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh";"Tờ khai đăng ký khai sinh theo mẫu
Giấy chứng sinh hoặc văn bản xác nhận của người làm chứng";"Luật Hộ tịch năm 2014
Nghị định số 123/2015/NĐ-CP"
2;1.000894;Thủ tục đăng ký kết hôn;Hộ tịch;Cấp xã;Ủy ban nhân dân cấp xã;Ngay trong ngày;Miễn lệ phí;Mức độ 3;;"Tờ khai đăng ký kết hôn theo mẫu
Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không cư trú)";Luật Hộ tịch năm 2014
3;1.000656;Thủ tục đăng ký khai tử;Hộ tịch;Cấp xã;Ủy ban nhân dân cấp xã;Ngay trong ngày;Miễn lệ phí;Toàn trình;;"Tờ khai đăng ký khai tử theo mẫu
Giấy báo tử hoặc giấy tờ thay thế";Luật Hộ tịch năm 2014
4;2.000635;Thủ tục cấp bản sao trích lục hộ tịch;Hộ tịch;Cấp huyện, Cấp xã;Ủy ban nhân dân cấp huyện, cấp xã;Ngay trong ngày;8.000 đồng/bản sao;Mức độ 4;;Tờ khai cấp bản sao trích lục hộ tịch;Nghị định số 123/2015/NĐ-CP
5;1.004227;Đăng ký đất đai, tài sản gắn liền với đất lần đầu;Đất đai;Cấp huyện;Văn phòng đăng ký đất đai;30 ngày;Theo Nghị quyết của Hội đồng nhân dân tỉnh;Một phần;;"Đơn đăng ký đất đai, tài sản gắn liền với đất
Giấy tờ về quyền sử dụng đất";"Luật Đất đai năm 2024
Nghị định số 101/2024/NĐ-CP"
6;1.004203;Đăng ký biến động quyền sử dụng đất do chuyển nhượng;Đất đai;Cấp huyện;Văn phòng đăng ký đất đai;10 ngày làm việc;"Lệ phí cấp giấy chứng nhận: 50.000 đồng/giấy";Mức độ 3;;;Luật Đất đai năm 2024
7;1.001990;Thủ tục thu hồi đất do người sử dụng đất tự nguyện trả lại đất;Đất đai;Cấp tỉnh, Cấp huyện;Sở Tài nguyên và Môi trường;20 ngày;Không;Mức độ 2;;;Luật Đất đai năm 2024
8;1.005194;Thủ tục giao đất, cho thuê đất không thông qua đấu giá;Đất đai;Cấp tỉnh;Ủy ban nhân dân tỉnh;20 ngày;Không;Một phần;;;Luật Đất đai năm 2024
9;1.009972;Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II;Xây dựng;Cấp tỉnh;Sở Xây dựng;20 ngày làm việc;150.000 đồng/giấy phép;Toàn trình;;"Đơn đề nghị cấp giấy phép xây dựng
Bản vẽ thiết kế xây dựng";"Luật Xây dựng năm 2014
Nghị định số 15/2021/NĐ-CP"
10;1.009974;Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ;Xây dựng;Cấp huyện;Ủy ban nhân dân cấp huyện;15 ngày;75.000 đồng/giấy phép;Toàn trình;;;Nghị định số 15/2021/NĐ-CP
11;1.009975;Điều chỉnh giấy phép xây dựng;Xây dựng;Cấp tỉnh, Cấp huyện;Sở Xây dựng, Ủy ban nhân dân cấp huyện;20 ngày;Không;Một phần;;;Nghị định số 15/2021/NĐ-CP
12;1.001639;Thủ tục chuyển trường đối với học sinh trung học phổ thông;Giáo dục và Đào tạo;Cấp tỉnh;Sở Giáo dục và Đào tạo;03 ngày làm việc;Không;Toàn trình;;;Thông tư số 50/2021/TT-BGDĐT
13;1.005090;Thủ tục chuyển trường đối với học sinh trung học cơ sở;Giáo dục và Đào tạo;Cấp huyện;Phòng Giáo dục và Đào tạo;03 ngày làm việc;Không;Toàn trình;;;Thông tư số 50/2021/TT-BGDĐT
14;1.004438;Thành lập trường mầm non, nhà trẻ công lập;Giáo dục và Đào tạo;Cấp huyện;Ủy ban nhân dân cấp huyện;20 ngày làm việc;Không;Mức độ 2;;;Nghị định số 125/2024/NĐ-CP
15;1.008723;Cấp bản sao văn bằng, chứng chỉ từ sổ gốc;Giáo dục và Đào tạo;Cấp tỉnh, Cấp huyện, Cấp xã;Cơ quan đang quản lý sổ gốc;Ngay trong ngày;Không;Một phần;;;Nghị định số 23/2015/NĐ-CP
`

// FillProcedures imports the demo's administrative procedures, each with
// its link to the National Public Service Portal's record.
func FillProcedures(ctx context.Context, s congtin.Service, siteID int64) error {
	rows, err := importer.ReadProceduresCSV(strings.NewReader(demoProcedures), congtin.MaxProcedureImportBytes)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].In.URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + strings.TrimSpace(rows[i].In.Code)
	}
	_, err = s.ImportProcedures(ctx, congtin.SystemActor("demo"), siteID, rows)
	return err
}
