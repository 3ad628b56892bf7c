package wxr

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest export read unless the caller says
// otherwise: exports of large agency sites run to a few hundred MB (bodies
// only; images are not in the file).
const DefaultMaxBytes = 512 << 20

// Export is what a WXR file holds.
type Export struct {
	Version     string // wp:wxr_version
	Title       string
	Link        string
	BaseSiteURL string
	BaseBlogURL string
	Authors     []Author
	Categories  []Category
	Items       []Item
}

// Author is a wp:author.
type Author struct {
	Login       string
	Email       string
	DisplayName string
	FirstName   string
	LastName    string
}

// Category is a wp:category. Parent is the parent's Nicename.
type Category struct {
	TermID   int64
	Nicename string // the slug, percent-encoded UTF-8 for non-ASCII
	Parent   string
	Name     string
}

// ItemCategory is a category or tag an item is filed under.
type ItemCategory struct {
	Domain   string // "category" or "post_tag" (or a custom taxonomy)
	Nicename string
	Name     string
}

// Item is an <item>: a post, page, attachment or any other WordPress
// post type. Numbers and dates are kept as written; Plan checks them.
type Item struct {
	Line          int // where the item starts in the file
	Title         string
	Link          string
	GUID          string
	Creator       string // the author's login
	Content       string // content:encoded
	Excerpt       string // excerpt:encoded
	PostID        string
	PostDate      string // site time, "2006-01-02 15:04:05"
	PostDateGMT   string
	PostName      string // the slug, percent-encoded
	Status        string
	PostParent    string
	MenuOrder     string
	PostType      string
	Password      string
	Sticky        string
	AttachmentURL string
	Categories    []ItemCategory
	Meta          map[string]string
	Comments      int
}

// ReadFile reads the export in the named file. A file larger than
// maxBytes is refused before anything of it is read.
func ReadFile(name string, maxBytes int64) (*Export, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not an export file", name)
	}
	if fi.Mode().IsRegular() && fi.Size() > maxBytes {
		return nil, tooLarge(fi.Size(), maxBytes)
	}
	return Read(f, maxBytes)
}

func tooLarge(size, max int64) error {
	if size > 0 {
		return fmt.Errorf("the file is %s, larger than the limit of %s: split the export (WordPress exports by date range or category) or raise -max-bytes",
			mb(size), mb(max))
	}
	return fmt.Errorf("the file is larger than the limit of %s: split the export (WordPress exports by date range or category) or raise -max-bytes", mb(max))
}

func mb(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

var errTooLarge = errors.New("too large")

// limitReader reads at most n bytes and then fails with errTooLarge if
// there is more, unlike io.LimitReader, which would end quietly and make
// the rest look like a truncated file.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if n, err := l.r.Read(one[:]); n > 0 {
			return 0, errTooLarge
		} else {
			return 0, err
		}
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// Read reads an export of at most maxBytes from r. It reads the whole
// file before returning, so that the caller imports all of it or nothing.
func Read(r io.Reader, maxBytes int64) (*Export, error) {
	br := bufio.NewReaderSize(&utf8Reader{r: &limitReader{r: r, n: maxBytes}}, 64<<10)
	// A byte-order mark from a Windows editor: encoding/xml does not
	// expect one.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.Strict = true
	// No d.Entity map: only &lt; &gt; &amp; &apos; &quot; and character
	// references are expanded; any other entity is an error. No
	// CharsetReader: only UTF-8 is read.
	exp := &Export{}
	depth := 0
	sawRoot := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readError(d, err, maxBytes)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, directiveError(d, t)
		case xml.ProcInst:
			if t.Target == "xml" {
				if enc := declaredEncoding(string(t.Inst)); enc != "" && !strings.EqualFold(enc, "utf-8") && !strings.EqualFold(enc, "utf8") {
					return nil, fmt.Errorf("the file declares the encoding %q: only UTF-8 exports are read (WordPress writes UTF-8)", enc)
				}
			}
		case xml.StartElement:
			switch depth {
			case 0:
				if sawRoot {
					line, _ := d.InputPos()
					return nil, fmt.Errorf("line %d: malformed XML: another element <%s> after the end of </rss>", line, t.Name.Local)
				}
				if t.Name.Local != "rss" {
					return nil, notWXR("the file's root element is <%s>, not <rss>", t.Name.Local)
				}
				sawRoot = true
				depth++
			case 1:
				if t.Name.Local != "channel" {
					if err := d.Skip(); err != nil {
						return nil, readError(d, err, maxBytes)
					}
					continue
				}
				depth++
			default:
				if err := readChannelChild(d, &t, exp); err != nil {
					return nil, readError(d, err, maxBytes)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if !sawRoot {
		return nil, notWXR("the file holds no XML element")
	}
	if exp.Version == "" {
		return nil, notWXR("it has no <wp:wxr_version>")
	}
	return exp, nil
}

func notWXR(format string, args ...any) error {
	return fmt.Errorf("not a WordPress export (WXR): "+format+"; export with Tools > Export in WordPress", args...)
}

func declaredEncoding(inst string) string {
	i := strings.Index(inst, "encoding=")
	if i < 0 {
		return ""
	}
	v := inst[i+len("encoding="):]
	if len(v) < 2 || (v[0] != '"' && v[0] != '\'') {
		return ""
	}
	if j := strings.IndexByte(v[1:], v[0]); j >= 0 {
		return v[1 : 1+j]
	}
	return ""
}

// directiveError refuses a <!DOCTYPE …> or other declaration, naming the
// attack it could carry.
func directiveError(d *xml.Decoder, t xml.Directive) error {
	line, _ := d.InputPos()
	s := strings.ToUpper(string(t))
	switch {
	case strings.Contains(s, "ENTITY") && (strings.Contains(s, "SYSTEM") || strings.Contains(s, "PUBLIC")):
		return fmt.Errorf("line %d: the file declares an external entity (<!ENTITY … SYSTEM …>): refused; an import never reads files or URLs an XML file names (XXE). WordPress exports have no DOCTYPE", line)
	case strings.Contains(s, "ENTITY"):
		return fmt.Errorf("line %d: the file declares entities (<!ENTITY …>): refused; expanding them could take all memory (\"billion laughs\"). WordPress exports have no DOCTYPE", line)
	case strings.HasPrefix(strings.TrimSpace(s), "DOCTYPE"):
		return fmt.Errorf("line %d: the file has a DOCTYPE declaration: refused; WordPress exports have none", line)
	}
	return fmt.Errorf("line %d: the file has an XML declaration <!%.20s…>: refused; WordPress exports have none", line, string(t))
}

// readError words a decoding error for a person: where, and what to do.
func readError(d *xml.Decoder, err error, maxBytes int64) error {
	if errors.Is(err, errTooLarge) {
		return tooLarge(0, maxBytes)
	}
	var ue *utf8Error
	if errors.As(err, &ue) {
		return fmt.Errorf("line %d: invalid UTF-8: the export must be saved as UTF-8", ue.line)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		switch {
		case strings.HasPrefix(se.Msg, "unexpected EOF"):
			return fmt.Errorf("line %d: the file ends in the middle of the XML (truncated? download or copy it again)", se.Line)
		case se.Msg == "invalid UTF-8":
			return fmt.Errorf("line %d: invalid UTF-8: the export must be saved as UTF-8", se.Line)
		case strings.HasPrefix(se.Msg, "invalid character entity"):
			return fmt.Errorf("line %d: %s: only the XML entities &lt; &gt; &amp; &apos; &quot; and numeric references are read", se.Line, se.Msg)
		}
		return fmt.Errorf("line %d: malformed XML: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, _ := d.InputPos()
		return fmt.Errorf("line %d: the file ends in the middle of the XML (truncated? download or copy it again)", line)
	}
	line, _ := d.InputPos()
	if m := charsetRE.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("the file declares the encoding %q: only UTF-8 exports are read (WordPress writes UTF-8)", m[1])
	}
	return fmt.Errorf("line %d: %w", line, err)
}

var charsetRE = regexp.MustCompile(`encoding "([^"]*)" declared but Decoder.CharsetReader is nil`)

// utf8Error is invalid UTF-8 at a line of the file.
type utf8Error struct{ line int }

func (e *utf8Error) Error() string { return fmt.Sprintf("invalid UTF-8 at line %d", e.line) }

// utf8Reader passes bytes on while checking they are UTF-8, so that the
// error names the line of the bad byte (encoding/xml names the line where
// the text holding it ends).
type utf8Reader struct {
	r    io.Reader
	line int
	tail []byte // the start of a character cut by the previous read
	buf  []byte
	err  *utf8Error // once found, returned to every later read
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	n, err := u.r.Read(p)
	if n > 0 {
		u.buf = append(append(u.buf[:0], u.tail...), p[:n]...)
		b := u.buf
		for len(b) > 0 {
			if b[0] < utf8.RuneSelf {
				if b[0] == '\n' {
					u.line++
				}
				b = b[1:]
				continue
			}
			r, size := utf8.DecodeRune(b)
			if r == utf8.RuneError && size == 1 {
				if !utf8.FullRune(b) && err == nil {
					break // completed by the next read
				}
				u.err = &utf8Error{u.line + 1}
				return 0, u.err
			}
			b = b[size:]
		}
		u.tail = append(u.tail[:0], b...)
	} else if err == io.EOF && len(u.tail) > 0 {
		u.err = &utf8Error{u.line + 1}
		return 0, u.err
	}
	return n, err
}

// rawItem is an <item> as encoding/xml decodes it. Tags without a
// namespace match any: WXR 1.0, 1.1 and 1.2 use different namespace URLs
// for wp:.
type rawItem struct {
	Title         string        `xml:"title"`
	Link          string        `xml:"link"`
	GUID          string        `xml:"guid"`
	Creator       string        `xml:"creator"`
	Encoded       []nsText      `xml:"encoded"`
	PostID        string        `xml:"post_id"`
	PostDate      string        `xml:"post_date"`
	PostDateGMT   string        `xml:"post_date_gmt"`
	PostName      string        `xml:"post_name"`
	Status        string        `xml:"status"`
	PostParent    string        `xml:"post_parent"`
	MenuOrder     string        `xml:"menu_order"`
	PostType      string        `xml:"post_type"`
	Password      string        `xml:"post_password"`
	Sticky        string        `xml:"is_sticky"`
	AttachmentURL string        `xml:"attachment_url"`
	Categories    []rawCategory `xml:"category"`
	Meta          []rawMeta     `xml:"postmeta"`
	Comments      []struct{}    `xml:"comment"`
}

// nsText is an element whose namespace tells it apart: content:encoded
// and excerpt:encoded share a local name.
type nsText struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

type rawCategory struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

type rawMeta struct {
	Key   string `xml:"meta_key"`
	Value string `xml:"meta_value"`
}

type rawAuthor struct {
	Login       string `xml:"author_login"`
	Email       string `xml:"author_email"`
	DisplayName string `xml:"author_display_name"`
	FirstName   string `xml:"author_first_name"`
	LastName    string `xml:"author_last_name"`
}

type rawWPCategory struct {
	TermID   string `xml:"term_id"`
	Nicename string `xml:"category_nicename"`
	Parent   string `xml:"category_parent"`
	Name     string `xml:"cat_name"`
}

// isWP reports whether an element is in one of WordPress's wp: namespaces.
func isWP(n xml.Name) bool {
	return strings.HasPrefix(n.Space, "http://wordpress.org/export/") && !strings.Contains(n.Space, "excerpt")
}

func readChannelChild(d *xml.Decoder, start *xml.StartElement, exp *Export) error {
	n := start.Name
	switch {
	case n.Local == "item" && n.Space == "":
		line, _ := d.InputPos()
		var ri rawItem
		if err := d.DecodeElement(&ri, start); err != nil {
			return err
		}
		exp.Items = append(exp.Items, ri.item(line))
	case n.Local == "author" && isWP(n):
		var ra rawAuthor
		if err := d.DecodeElement(&ra, start); err != nil {
			return err
		}
		exp.Authors = append(exp.Authors, Author{Login: strings.TrimSpace(ra.Login), Email: strings.TrimSpace(ra.Email),
			DisplayName: strings.TrimSpace(ra.DisplayName), FirstName: strings.TrimSpace(ra.FirstName), LastName: strings.TrimSpace(ra.LastName)})
	case n.Local == "category" && isWP(n):
		var rc rawWPCategory
		if err := d.DecodeElement(&rc, start); err != nil {
			return err
		}
		id, _ := strconv.ParseInt(strings.TrimSpace(rc.TermID), 10, 64)
		exp.Categories = append(exp.Categories, Category{TermID: id, Nicename: strings.TrimSpace(rc.Nicename),
			Parent: strings.TrimSpace(rc.Parent), Name: strings.TrimSpace(rc.Name)})
	case n.Local == "wxr_version" && isWP(n):
		return decodeText(d, start, &exp.Version)
	case n.Local == "base_site_url" && isWP(n):
		return decodeText(d, start, &exp.BaseSiteURL)
	case n.Local == "base_blog_url" && isWP(n):
		return decodeText(d, start, &exp.BaseBlogURL)
	case n.Local == "title" && n.Space == "":
		return decodeText(d, start, &exp.Title)
	case n.Local == "link" && n.Space == "":
		return decodeText(d, start, &exp.Link)
	default:
		return d.Skip()
	}
	return nil
}

func decodeText(d *xml.Decoder, start *xml.StartElement, dst *string) error {
	var s string
	if err := d.DecodeElement(&s, start); err != nil {
		return err
	}
	*dst = strings.TrimSpace(s)
	return nil
}

func (ri *rawItem) item(line int) Item {
	it := Item{
		Line: line, Title: ri.Title, Link: strings.TrimSpace(ri.Link), GUID: strings.TrimSpace(ri.GUID),
		Creator: strings.TrimSpace(ri.Creator), PostID: strings.TrimSpace(ri.PostID),
		PostDate: strings.TrimSpace(ri.PostDate), PostDateGMT: strings.TrimSpace(ri.PostDateGMT),
		PostName: strings.TrimSpace(ri.PostName), Status: strings.TrimSpace(ri.Status),
		PostParent: strings.TrimSpace(ri.PostParent), MenuOrder: strings.TrimSpace(ri.MenuOrder),
		PostType: strings.TrimSpace(ri.PostType), Password: ri.Password, Sticky: strings.TrimSpace(ri.Sticky),
		AttachmentURL: strings.TrimSpace(ri.AttachmentURL), Comments: len(ri.Comments),
	}
	for _, e := range ri.Encoded {
		if strings.Contains(e.XMLName.Space, "excerpt") {
			it.Excerpt = e.Text
		} else {
			it.Content = e.Text
		}
	}
	for _, c := range ri.Categories {
		it.Categories = append(it.Categories, ItemCategory{Domain: c.Domain, Nicename: strings.TrimSpace(c.Nicename), Name: strings.TrimSpace(c.Name)})
	}
	if len(ri.Meta) > 0 {
		it.Meta = map[string]string{}
		for _, m := range ri.Meta {
			it.Meta[strings.TrimSpace(m.Key)] = strings.TrimSpace(m.Value)
		}
	}
	return it
}
