package importer

import (
	"bytes"
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// FuzzReadProcedures reads any file as the procedures' import does, then
// checks each row as the service does before its transaction. Whatever
// the bytes: a Vietnamese refusal of the file (EINVALID), or rows in the
// order of their lines, from line 2, whose text is valid UTF-8 and which
// pass or fail the row's checks with a message.
func FuzzReadProcedures(f *testing.F) {
	for _, name := range []string{"procedures-bom.csv", "procedures-cp1258.csv"} {
		if b, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"Mã thủ tục;Tên thủ tục;Cấp thực hiện;Mức độ\n1.1;A;Cấp xã;4\n\n1.2;\"B\nC\";Tỉnh, Huyện;Mức độ 9\n",
		"Mã thủ tục,Tên thủ tục,Đường dẫn\n1.1,A,javascript:alert(1)\n1.1,A,https://dichvucong.gov.vn.evil/\n",
		"Mã TTHC\tTên TTHC\n\"1.1\t\"x\n",
		"Tên thủ tục\n",
		"\xef\xbb\xbf",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ReadProceduresCSV(bytes.NewReader(data), 1<<20)
		if err != nil {
			if congtin.ErrorCode(err) != congtin.EINVALID || congtin.ErrorMessage(err) == "" {
				t.Fatalf("ReadProceduresCSV(%q): error %v is not a refusal with a message", data, err)
			}
			return
		}
		prev := 1
		for _, r := range rows {
			if r.Line <= prev {
				t.Fatalf("%q: line %d after %d", data, r.Line, prev)
			}
			prev = r.Line
			in := r.In
			all := in.Code + in.Name + in.Field + in.Agency + in.Duration + in.Fee + in.Online + in.Steps + in.Documents + in.Legal + in.URL +
				strings.Join(in.Levels, "")
			if !utf8.ValidString(all) {
				t.Fatalf("%q: invalid UTF-8 in %+v", data, in)
			}
			in.Normalize()
			if err := in.Validate(); err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
				t.Fatalf("%q: row check %v", data, err)
			} else if err == nil && (in.URL != "" && !congtin.ServiceHost(hostOf(in.URL)) || in.Name == "" || len(in.Levels) == 0) {
				t.Fatalf("%q: a row passed its checks: %+v", data, in)
			}
		}
	})
}

// hostOf is the host of a URL ("" for none).
func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
