package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/tabular"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// demoDataset is a dataset of the demo's open-data catalogue with one
// CSV table (legacy: saved in Windows-1258, as older office software
// exports it) and, for some, a link to an API.
type demoDataset struct {
	in        congtin.DatasetInput
	theme     string
	file, csv string
	legacy    bool
	daysAgo   int
}

var demoDatasets = []demoDataset{
	{in: congtin.DatasetInput{Title: "Dân số trung bình các huyện năm 2025",
		Description: "Dân số trung bình, diện tích và mật độ dân số của các huyện, thành phố trong tỉnh năm 2025.\n\nSố liệu sơ bộ của Cục Thống kê tỉnh.",
		Keywords:    "dân số, mật độ dân số, huyện", Frequency: "ANNUAL", Spatial: "Tỉnh An Phú",
		ContactName: "Phòng Thống kê dân số", ContactEmail: "thongke@anphu.gov.vn"},
		theme: "Dân số - Xã hội", file: "dan-so-2025.csv", legacy: true, daysAgo: 20,
		// Semicolons, as Excel saves a CSV where the decimal mark is a comma.
		csv: "Huyện/Thành phố;Diện tích (km²);Dân số (người);Mật độ (người/km²)\n" +
			"Thành phố An Phú;125,4;215300;1720\nHuyện Đắk Mil;682,6;98400;144\nHuyện Krông Pắc;625,2;123950;198\n" +
			"Huyện Cư Kuin;288,3;87210;302\nHuyện Lắk;1256,0;76020;61\n"},
	{in: congtin.DatasetInput{Title: "Danh sách trường học trên địa bàn tỉnh",
		Description: "Tên, cấp học, địa chỉ và số điện thoại của các trường mầm non, tiểu học, trung học cơ sở và trung học phổ thông.",
		Keywords:    "trường học, giáo dục", Frequency: "ANNUAL", Spatial: "Tỉnh An Phú", Licence: "cc0-1.0",
		AddResources: []congtin.ResourceInput{{Name: "Tra cứu trường học (API)", Format: congtin.FormatAPI, URL: "https://api.anphu.gov.vn/truong-hoc"}}},
		theme: "Giáo dục", file: "truong-hoc.csv", daysAgo: 12,
		csv: "Tên trường;Cấp học;Địa chỉ;Điện thoại\nTrường THPT Chu Văn An;THPT;12 Lê Lợi, phường 1;0263 3822 100\n" +
			"Trường THCS Nguyễn Du;THCS;5 Trần Phú, phường 2;0263 3822 101\nTrường Tiểu học Kim Đồng;Tiểu học;8 Hùng Vương, xã An Bình;0263 3822 102\n" +
			"Trường Mầm non Hoa Sen;Mầm non;3 Ngô Quyền, phường 3;0263 3822 103\n"},
	{in: congtin.DatasetInput{Title: "Giá một số mặt hàng nông sản tháng này",
		Description: "Giá bán lẻ bình quân của một số mặt hàng nông sản tại các chợ đầu mối, cập nhật hằng tháng.",
		Keywords:    "giá cả, nông sản, chợ", Frequency: "MONTHLY", Spatial: "Tỉnh An Phú"},
		theme: "Nông nghiệp", file: "gia-nong-san.csv", daysAgo: 3,
		csv: "Mặt hàng,Đơn vị tính,Giá (đồng)\nGạo tẻ thường,kg,15000\nCà phê nhân,kg,118000\nHồ tiêu,kg,142000\nSầu riêng,kg,65000\n"},
}

// windows1258 writes Vietnamese text as Windows-1258 does: each letter's
// tone as a combining mark after the letter with its other marks.
func windows1258(s string) ([]byte, error) {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		var base, tone []rune
		for _, m := range norm.NFD.String(string(r)) {
			switch m {
			case 0x300, 0x301, 0x303, 0x309, 0x323:
				tone = append(tone, m)
			default:
				base = append(base, m)
			}
		}
		b.WriteString(norm.NFC.String(string(base)) + string(tone))
	}
	return charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
}

// FillDatasets writes the demo's open-data catalogue: datasets of the
// organisation chart's first unit (after FillSections), each with a CSV
// table stored through files and previewed as an upload is, published by
// the demo editor.
func FillDatasets(ctx context.Context, s congtin.Service, files docfile.Store, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	editor := demoActor()
	themes, err := termIDs(ctx, s, siteID, congtin.ListThemes)
	if err != nil {
		return err
	}
	units, err := s.FindUnits(ctx, siteID)
	if err != nil {
		return err
	}
	for _, d := range demoDatasets {
		in := d.in
		in.ThemeIDs = []int64{themes[d.theme]}
		if len(units) > 0 {
			in.PublisherID = units[0].ID
		}
		data := []byte(d.csv)
		if d.legacy {
			if data, err = windows1258(d.csv); err != nil {
				return fmt.Errorf("dataset %q: %w", in.Title, err)
			}
		}
		u, err := docfile.ReceiveAs("", d.file, bytes.NewReader(data), int64(len(data)), tabular.Sniff)
		if err != nil {
			return fmt.Errorf("dataset %q: %w", in.Title, err)
		}
		preview, err := tabular.Preview(u.ReaderAt(), u.Size, u.Kind)
		if err == nil {
			err = u.Save(ctx, files)
		}
		u.Close()
		if err != nil {
			return fmt.Errorf("dataset %q: %w", in.Title, err)
		}
		in.AddResources = append([]congtin.ResourceInput{{Name: "Bảng số liệu (CSV)", Kind: u.Kind, Size: u.Size, Hash: u.Hash,
			FileName: u.Name, Preview: preview}}, in.AddResources...)
		day := now.AddDate(0, 0, -d.daysAgo)
		at(day.Add(-time.Hour))
		ds, err := s.CreateDataset(ctx, editor, siteID, in)
		if err != nil {
			return fmt.Errorf("dataset %q: %w", in.Title, err)
		}
		at(day)
		if _, err := s.TransitionDataset(ctx, editor, siteID, ds.ID, congtin.ActPublish, ""); err != nil {
			return fmt.Errorf("dataset %q: publish: %w", in.Title, err)
		}
	}
	return nil
}
