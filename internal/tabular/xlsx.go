package tabular

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
)

// Bounds of a workbook's parts, uncompressed, whatever the ZIP headers
// claim: a compression bomb stops at them.
const (
	maxWorkbookBytes = 1 << 20
	// maxSharedBytes bounds the shared strings read, and maxShared their
	// number: a cell of the rows shown naming a string past them shows
	// empty.
	maxSharedBytes = 16 << 20
	maxShared      = 200000
	// maxSheetBytes bounds the sheet's XML read for the rows shown.
	maxSheetBytes = 32 << 20
)

// XLSX returns the header and the first congtin.PreviewRows rows of the
// first sheet of a workbook. The sheet is streamed and left as soon as
// the rows are read; every part is read through a bound.
func XLSX(ra io.ReaderAt, size int64) (*congtin.DataPreview, error) {
	zr, err := docfile.OpenXLSX(ra, size)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	name, sheet := firstSheet(files)
	f := files[sheet]
	if f == nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Bảng tính không có trang tính nào.")
	}
	var shared []string
	if sf := files["xl/sharedStrings.xml"]; sf != nil {
		if shared, err = sharedStrings(sf); err != nil {
			return nil, err
		}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, unreadable()
	}
	defer rc.Close()
	p, err := sheetRows(docfile.LimitReader(rc, maxSheetBytes), shared)
	if err != nil {
		return nil, err
	}
	p.Sheet = name
	return p, nil
}

func unreadable() error {
	return congtin.Errorf(congtin.EINVALID, "Bảng tính Excel bị hỏng, không đọc được.")
}

// firstSheet finds the workbook's first sheet: its name and part, through
// the workbook's relationships; sheet1.xml when they do not say.
func firstSheet(files map[string]*zip.File) (name, part string) {
	part = "xl/worksheets/sheet1.xml"
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(files["xl/workbook.xml"], &wb) != nil || len(wb.Sheets) == 0 {
		return "", part
	}
	name = wb.Sheets[0].Name
	if readXML(files["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return name, part
	}
	for _, r := range rels.Rels {
		if r.ID == wb.Sheets[0].RID {
			t := r.Target
			if strings.HasPrefix(t, "/") {
				return name, strings.TrimPrefix(t, "/")
			}
			return name, path.Join("xl", t)
		}
	}
	return name, part
}

// readXML decodes a small part through maxWorkbookBytes.
func readXML(f *zip.File, v any) error {
	if f == nil {
		return errors.New("tabular: no part")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(docfile.LimitReader(rc, maxWorkbookBytes)).Decode(v)
}

// sharedStrings reads the shared strings, streaming, within their bounds.
func sharedStrings(f *zip.File) ([]string, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, unreadable()
	}
	defer rc.Close()
	d := xml.NewDecoder(docfile.LimitReader(rc, maxSharedBytes))
	var out []string
	var cur strings.Builder
	inSI, inT := false, false
	for len(out) < maxShared {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// Past the bound: the strings read so far serve.
			return out, nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI
			case "rPh": // phonetic runs are not the cell's text
				if err := d.Skip(); err != nil {
					return out, nil
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
				inSI = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && cur.Len() < 4*MaxCell {
				cur.Write(t)
			}
		}
	}
	return out, nil
}

// sheetRows streams a sheet's rows up to the preview's number: the first
// row with a value is the header.
func sheetRows(r io.Reader, shared []string) (*congtin.DataPreview, error) {
	d := xml.NewDecoder(r)
	p := &congtin.DataPreview{}
	var row []string
	var col int
	var typ string
	var val strings.Builder
	inV := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if p.Header != nil {
				p.More = true // cut at the bound: what was read is shown
				break
			}
			return nil, unreadable()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row = nil
			case "c":
				col, typ = len(row), ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						if c, ok := column(a.Value); ok {
							col = c
						}
					case "t":
						typ = a.Value
					}
				}
				val.Reset()
			case "v", "t":
				inV = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inV = false
			case "c":
				if col < MaxColumns {
					for len(row) <= col {
						row = append(row, "")
					}
					row[col] = cellText(typ, val.String(), shared)
				}
			case "row":
				if p.Header == nil {
					if !empty(row) {
						p.Header = clip(row)
					}
					continue
				}
				if len(p.Rows) == congtin.PreviewRows {
					p.More = true
					return p, nil
				}
				p.Rows = append(p.Rows, clip(row))
			}
		case xml.CharData:
			if inV && val.Len() < 4*MaxCell {
				val.Write(t)
			}
		}
	}
	if p.Header == nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Trang tính đầu tiên của bảng tính không có dữ liệu.")
	}
	return p, nil
}

func empty(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cellText is a cell's text: a shared string by its index, a boolean in
// words, anything else as stored.
func cellText(typ, v string, shared []string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		return shared[i]
	case "b":
		if v == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	return v
}

// column is the zero-based column of a cell reference ("C7" is 2).
func column(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > 1<<20 {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}
