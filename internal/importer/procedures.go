package importer

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/tabular"
)

// The administrative procedures' CSV (congtin import -format procedures,
// and the back office's upload): a header row, then one procedure a row.
// Offices export it from the national database (csdl.dichvucong.gov.vn)
// or from Excel, so the text may be UTF-8 with or without a byte-order
// mark or Windows-1258, separated by commas, semicolons or tabs
// (tabular's detection, as the open-data previews read them); the
// messages are Vietnamese, for the editor who uploads the file as much as
// for the command line.

// procedureColumns maps each header, as congtin.Slugify folds it, to
// the field it fills: the plain names and those of the national
// database's exports.
var procedureColumns = map[string]string{
	"ma-thu-tuc": "code", "ma-tthc": "code", "ma": "code", "ky-hieu-thu-tuc": "code", "ma-thu-tuc-hanh-chinh": "code", "ma-so": "code",
	"ten-thu-tuc": "name", "ten-tthc": "name", "ten": "name", "ten-thu-tuc-hanh-chinh": "name",
	"linh-vuc": "field", "ten-linh-vuc": "field",
	"cap-thuc-hien": "levels", "cap": "levels",
	"co-quan-thuc-hien": "agency", "co-quan-giai-quyet": "agency", "don-vi-thuc-hien": "agency",
	"thoi-han-giai-quyet": "duration", "thoi-gian-giai-quyet": "duration", "thoi-han": "duration",
	"phi-le-phi": "fee", "phi": "fee", "le-phi": "fee",
	"muc-do": "online", "muc-do-dvc": "online", "muc-do-dvctt": "online", "muc-do-dich-vu-cong": "online",
	"muc-do-dich-vu-cong-truc-tuyen": "online", "dich-vu-cong-truc-tuyen": "online", "muc-do-dvc-truc-tuyen": "online",
	"trinh-tu-thuc-hien": "steps", "thanh-phan-ho-so": "documents", "can-cu-phap-ly": "legal",
	"duong-dan": "url", "lien-ket": "url", "link": "url", "url": "url", "duong-dan-dvc": "url", "dia-chi": "url",
}

// ReadProceduresCSV reads a procedures' CSV of at most maxBytes into rows
// numbered by their line in the file. A file that cannot be read as a
// table (too large, no header, no code or name column) is refused here;
// each row's fields are checked by the service, which refuses the whole
// file for any bad row.
func ReadProceduresCSV(r io.Reader, maxBytes int64) ([]congtin.ProcedureRow, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > maxBytes {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp quá lớn: tối đa %d MB.", maxBytes>>20)
	}
	// The encoding is told from the first 64 KB, as the previews do; a
	// legacy file is decoded whole.
	enc := tabular.Detect(raw[:min(len(raw), 64<<10)])
	text := tabular.Decode(raw, enc)
	if strings.TrimSpace(text) == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp trống: cần một dòng tiêu đề (Mã thủ tục, Tên thủ tục, Lĩnh vực…) và các dòng thủ tục.")
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = tabular.HeaderSeparator(text)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, csvError(err)
	}
	cols := make([]string, len(header))
	seen := map[string]string{}
	for i, h := range header {
		key := procedureColumns[congtin.Slugify(h)]
		if key == "" {
			continue // a column the portal does not keep (STT, notes…)
		}
		if prev, ok := seen[key]; ok {
			return nil, congtin.Errorf(congtin.EINVALID, "Dòng tiêu đề có hai cột cho cùng một thông tin: “%s” và “%s”.", prev, strings.TrimSpace(h))
		}
		seen[key], cols[i] = strings.TrimSpace(h), key
	}
	for key, name := range map[string]string{"code": "Mã thủ tục", "name": "Tên thủ tục"} {
		if _, ok := seen[key]; !ok {
			return nil, congtin.Errorf(congtin.EINVALID, "Dòng tiêu đề thiếu cột “%s”. Các cột nhận: Mã thủ tục, Tên thủ tục, Lĩnh vực, Cấp thực hiện, Cơ quan thực hiện, Thời hạn giải quyết, Phí, lệ phí, Mức độ, Đường dẫn.", name)
		}
	}
	var rows []congtin.ProcedureRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rows) == congtin.MaxProcedureImportRows {
			return nil, congtin.Errorf(congtin.EINVALID, "Tệp có hơn %d dòng thủ tục; hãy chia thành nhiều tệp.", congtin.MaxProcedureImportRows)
		}
		row := congtin.ProcedureRow{Line: line}
		for i, v := range rec {
			if i < len(cols) {
				setProcedureField(&row, cols[i], v)
			}
		}
		if len(rec) > len(cols) && !blank(rec[len(cols):]) {
			return nil, congtin.Errorf(congtin.EINVALID, "Dòng %d có nhiều ô hơn dòng tiêu đề (%d so với %d cột); kiểm tra dấu phân cách và dấu ngoặc kép.", line, len(rec), len(cols))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// csvError says where a CSV stopped being readable.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return congtin.Errorf(congtin.EINVALID, "Tệp CSV không đọc được ở dòng %d: kiểm tra dấu ngoặc kép.", pe.Line)
	}
	return congtin.Errorf(congtin.EINVALID, "Tệp CSV không đọc được.")
}

// blank reports a row of empty cells.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// setProcedureField puts a cell's text in the field its column fills.
func setProcedureField(row *congtin.ProcedureRow, key, v string) {
	in := &row.In
	switch key {
	case "code":
		in.Code = v
	case "name":
		in.Name = v
	case "field":
		in.Field = v
	case "levels":
		in.Levels = ParseLevels(v)
	case "agency":
		in.Agency = v
	case "duration":
		in.Duration = v
	case "fee":
		in.Fee = v
	case "online":
		in.Online, row.LegacyOnline = ParseOnline(v)
	case "steps":
		in.Steps = v
	case "documents":
		in.Documents = v
	case "legal":
		in.Legal = v
	case "url":
		in.URL = v
	}
}

// ParseLevels reads the levels as written ("Cấp tỉnh, Cấp huyện",
// "Tỉnh; Xã", "Cấp Xã"): each known one as its code; an unknown one as
// written, for the check to name it.
func ParseLevels(v string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '\n' || r == '|' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		switch strings.TrimPrefix(congtin.Slugify(part), "cap-") {
		case "tinh":
			out = append(out, congtin.LevelProvince)
		case "huyen":
			out = append(out, congtin.LevelDistrict)
		case "xa":
			out = append(out, congtin.LevelCommune)
		default:
			out = append(out, part)
		}
	}
	return out
}

// ParseOnline reads an online service level as written: today's names
// (Toàn trình, Một phần, Không; empty is Không), or an old level of
// Nghị định 43/2011 ("4", "Mức độ 3", "Mức 2"), mapped as Nghị định
// 42/2022 did: 4 → Toàn trình, 3 → Một phần, 2 and below → Không; legacy
// is that old level ("" for today's names). Anything else comes back as
// written, for the check to name it.
func ParseOnline(v string) (online, legacy string) {
	s := congtin.Slugify(v)
	switch s {
	case "", "khong", "khong-co":
		return congtin.OnlineNone, ""
	case "toan-trinh", "dvc-toan-trinh", "dich-vu-cong-truc-tuyen-toan-trinh":
		return congtin.OnlineFull, ""
	case "mot-phan", "dvc-mot-phan", "dich-vu-cong-truc-tuyen-mot-phan":
		return congtin.OnlinePartial, ""
	}
	num := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "muc-do-"), "muc-"), "dvc-muc-do-")
	if n, err := strconv.Atoi(num); err == nil && len(num) == 1 {
		switch {
		case n == 4:
			return congtin.OnlineFull, num
		case n == 3:
			return congtin.OnlinePartial, num
		case n == 1 || n == 2:
			return congtin.OnlineNone, num
		}
	}
	return strings.TrimSpace(v), ""
}
