package docfile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"

	"github.com/congtin/congtin"
)

// Bounds on what a ZIP container (DOCX, XLSX) may hold. Real documents
// hold a few dozen entries; a file with thousands is not one, and each
// entry costs memory to list.
const (
	maxZipEntries = 5000
	// maxXMLBytes bounds the uncompressed main part read for text: a
	// compression bomb stops here, whatever its headers claim.
	maxXMLBytes = 64 << 20
)

var (
	magicPDF  = []byte("%PDF-")
	magicOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZIP  = []byte("PK\x03\x04")
)

// utf16le spells an ASCII name as the OLE2 directory stores it.
func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := range len(s) {
		b = append(b, s[i], 0)
	}
	return b
}

var (
	oleWord  = utf16le("WordDocument")
	oleExcel = [][]byte{utf16le("Workbook"), utf16le("Book\x00")}
)

func refuse(format string, args ...any) error {
	return congtin.Errorf(congtin.EINVALID, format, args...)
}

// Sniff tells the kind of an attachment (congtin.FilePDF, ...) from its
// first bytes and, for containers, its structure. Anything else is
// refused with a message that says what the file looks like.
func Sniff(ra io.ReaderAt, size int64) (string, error) {
	head := make([]byte, 8)
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	switch {
	case size == 0:
		return "", refuse("Tệp rỗng.")
	case bytes.HasPrefix(head, magicPDF):
		return congtin.FilePDF, nil
	case bytes.HasPrefix(head, magicOLE2):
		return sniffOLE(ra, size)
	case bytes.HasPrefix(head, magicZIP):
		return sniffZIP(ra, size)
	// Scanned pages attached as pictures; their size is checked before
	// they are read (OCR).
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return congtin.FileJPEG, nil
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return congtin.FilePNG, nil
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return congtin.FileTIFF, nil
	case bytes.HasPrefix(head, []byte("MZ")):
		return "", refuse("Tệp là chương trình chạy được của Windows (EXE/DLL), không phải PDF, Word hay Excel; không nhận tệp này.")
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return "", refuse("Tệp là chương trình chạy được (ELF), không phải PDF, Word hay Excel; không nhận tệp này.")
	case bytes.HasPrefix(head, []byte("#!")):
		return "", refuse("Tệp là một kịch bản lệnh (script), không phải PDF, Word hay Excel; không nhận tệp này.")
	}
	return "", refuse("Nội dung tệp không phải PDF, Word (DOC, DOCX), Excel (XLS, XLSX) hay ảnh quét (JPEG, PNG, TIFF); chỉ nhận các loại tệp này.")
}

// sniffOLE tells a Word 97–2003 file from an Excel one by the name of its
// main stream in the compound file's directory, which may sit anywhere in
// the file: the file is scanned in overlapping chunks.
func sniffOLE(ra io.ReaderAt, size int64) (string, error) {
	const chunk = 1 << 20
	buf := make([]byte, chunk+64)
	for off := int64(0); off < size; off += chunk {
		n, err := ra.ReadAt(buf, off)
		if n == 0 && err != nil {
			break
		}
		b := buf[:n]
		if bytes.Contains(b, oleWord) {
			return congtin.FileDOC, nil
		}
		for _, x := range oleExcel {
			if bytes.Contains(b, x) {
				return congtin.FileXLS, nil
			}
		}
	}
	return "", refuse("Tệp Office định dạng cũ nhưng không phải Word (DOC) hay Excel (XLS); không nhận tệp này.")
}

// OpenXLSX opens an Excel workbook (XLSX) with the container's bounds
// checked; anything else is refused.
func OpenXLSX(ra io.ReaderAt, size int64) (*zip.Reader, error) {
	kind, err := sniffZIP(ra, size)
	if err != nil {
		return nil, err
	}
	if kind != congtin.FileXLSX {
		return nil, refuse("Tệp là tệp Word (DOCX), không phải bảng tính Excel (XLSX).")
	}
	return openZIP(ra, size)
}

// LimitReader reads at most n bytes of r and then fails: an entry of a
// container is read through it whatever its headers claim.
func LimitReader(r io.Reader, n int64) io.Reader { return &limitedReader{r: r, n: n} }

// openZIP opens a container with the entry bound checked.
func openZIP(ra io.ReaderAt, size int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, refuse("Tệp nén bị hỏng, không đọc được như một tệp Word (DOCX) hay Excel (XLSX).")
	}
	if len(zr.File) > maxZipEntries {
		return nil, refuse("Tệp nén có quá nhiều thành phần (%d); không phải một tệp Word hay Excel bình thường.", len(zr.File))
	}
	return zr, nil
}

// sniffZIP accepts an Office Open XML container: [Content_Types].xml and
// a word/ (DOCX) or xl/ (XLSX) part.
func sniffZIP(ra io.ReaderAt, size int64) (string, error) {
	zr, err := openZIP(ra, size)
	if err != nil {
		return "", err
	}
	var types, word, xl bool
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			types = true
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		case strings.HasPrefix(f.Name, "xl/"):
			xl = true
		}
	}
	switch {
	case types && word:
		return congtin.FileDOCX, nil
	case types && xl:
		return congtin.FileXLSX, nil
	}
	return "", refuse("Tệp là tệp nén ZIP, không phải Word (DOCX) hay Excel (XLSX); không nhận tệp này.")
}
