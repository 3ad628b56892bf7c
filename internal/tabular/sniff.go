package tabular

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// MaxJSONDepth bounds the nesting of a JSON file taken.
const MaxJSONDepth = 64

func refuse(msg string) error { return congtin.Errorf(congtin.EINVALID, "%s", msg) }

// Sniff tells a dataset file's kind from its bytes, never its name: an
// Excel workbook (congtin.FileXLSX, through the attachments' ZIP checks),
// JSON (congtin.FileJSON: it parses, nested at most MaxJSONDepth deep) or
// CSV (congtin.FileCSV: text, in UTF-8 or a legacy Vietnamese encoding,
// without NUL bytes). Anything else is refused with what it looks like.
func Sniff(ra io.ReaderAt, size int64) (string, error) {
	if size == 0 {
		return "", refuse("Tệp rỗng.")
	}
	head := make([]byte, min(size, detectBytes))
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	kind, err := docfile.Sniff(ra, size)
	switch {
	case err == nil && kind == congtin.FileXLSX:
		if _, err := docfile.OpenXLSX(ra, size); err != nil {
			return "", err
		}
		return congtin.FileXLSX, nil
	case err == nil:
		return "", refuse("Tệp là " + kindName(kind) + ", không phải dữ liệu CSV, Excel (XLSX) hay JSON; chỉ nhận ba loại tệp này.")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "", err
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(body) > 0 && (body[0] == '{' || body[0] == '[') {
		skip := int64(0)
		if bytes.HasPrefix(head, bom) {
			skip = int64(len(bom))
		}
		if err := checkJSON(io.NewSectionReader(ra, skip, size-skip)); err != nil {
			return "", err
		}
		return congtin.FileJSON, nil
	}
	if bytes.IndexByte(head, 0) >= 0 || binary(head) {
		return "", refuse("Tệp không phải văn bản CSV, bảng tính Excel (XLSX) hay JSON; chỉ nhận ba loại tệp này.")
	}
	return congtin.FileCSV, nil
}

func kindName(kind string) string {
	switch kind {
	case congtin.FilePDF:
		return "PDF"
	case congtin.FileDOC, congtin.FileDOCX:
		return "văn bản Word"
	case congtin.FileXLS:
		return "bảng tính Excel định dạng cũ (XLS; hãy lưu lại dưới dạng XLSX)"
	}
	return "ảnh"
}

// binary reports bytes no text has: control characters other than tab,
// new line, carriage return and form feed, more than one in a hundred.
func binary(head []byte) bool {
	odd := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			odd++
		}
	}
	return odd*100 > len(head)
}

// checkJSON reads a whole JSON value token by token, bounding the
// nesting, and refuses anything after it.
func checkJSON(r io.Reader) error {
	d := json.NewDecoder(r)
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return refuse("Tệp JSON bị cắt cụt, không hợp lệ.")
			}
			return nil
		}
		if err != nil {
			return refuse("Tệp JSON không hợp lệ: không đọc được như dữ liệu JSON.")
		}
		if delim, ok := tok.(json.Delim); ok {
			switch delim {
			case '{', '[':
				depth++
				if depth > MaxJSONDepth {
					return refuse("Tệp JSON lồng quá sâu (quá " + strconv.Itoa(MaxJSONDepth) + " cấp); không nhận tệp này.")
				}
			default:
				depth--
			}
		}
	}
}

// Preview reads what the dataset page shows of a file of a kind: nil for
// JSON, which is not a table.
func Preview(ra io.ReaderAt, size int64, kind string) (*congtin.DataPreview, error) {
	switch kind {
	case congtin.FileCSV:
		return CSV(io.NewSectionReader(ra, 0, size))
	case congtin.FileXLSX:
		return XLSX(ra, size)
	}
	return nil, nil
}
