// Package wxrgen writes a WordPress export (WXR 1.2) of a made-up
// provincial health department's site, with its uploads folder, for
// testing and trying `congtin import -format wxr`. The same Config always
// gives the same files, byte for byte.
//
// The site has categories nested three levels deep with Vietnamese names
// and percent-encoded UTF-8 slugs (and one slug the portal reserves),
// several authors (logins with spaces, accents and @), posts in every
// WordPress state (published, draft, pending, private, scheduled, in the
// trash, auto-draft), pages with a child page, classic-editor bodies
// (blank-line paragraphs) and block-editor ones, [caption], [gallery] and
// unknown shortcodes, featured images, small real PNG and JPEG files in
// uploads/ (with WordPress's resized copies), a few images whose files are
// missing, a PDF, a menu item, comments, and some published posts with
// impossible dates (2023-02-30, 0000-00-00). The Manifest says what each
// post should become.
package wxrgen

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config says what to generate.
type Config struct {
	Posts int    // number of posts (pages and attachments come on top)
	Seed  uint64 // the same seed gives the same files
	// Site is the WordPress site's address; default
	// https://soyte.anphu.gov.vn.
	Site string
}

// RSS is the start tag of a WXR 1.2 file's root element, with the
// namespaces WordPress declares, as WordPress writes it.
const RSS = `<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>`

// What a post should become after the import.
const (
	ExpectPublic    = "public"    // published, reachable at its new address
	ExpectDraft     = "draft"     // in the back office only
	ExpectScheduled = "scheduled" // published with a time ahead: not public yet
	ExpectSkipped   = "skipped"   // not imported
)

// Post is a generated post or page.
type Post struct {
	ID       int64
	Type     string // "post" or "page"
	Title    string // as a reader sees it
	Status   string // the WordPress status
	Link     string // the old permalink, absolute
	Category string // the category's name; "" for pages
	Expect   string
	// Why is a word the importer's reason for skipping should contain.
	Why string
	// Images are the uploads paths the body shows; Missing those of them
	// whose files are not in the uploads folder.
	Images  []string
	Missing []string
	// Featured is the uploads path of the featured image, or "".
	Featured string
	// Lead is the lead the article should get ("" when the importer
	// takes the first paragraph).
	Lead string
	// FirstParagraph is the body's first paragraph, when it is plain text.
	FirstParagraph string
	Gallery        bool // the body has a [gallery]
	Caption        string
}

// Category is a generated category.
type Category struct {
	Name     string
	Nicename string // percent-encoded, as WordPress writes it
	Parent   string // the parent's Nicename
	Depth    int    // 1 for top level
}

// Manifest tells what was generated.
type Manifest struct {
	Export     string // the export file
	Uploads    string // the uploads folder
	Site       string
	Posts      []Post
	Categories []Category
	Authors    []string // logins
	Images     int      // image files written (originals and resized copies)
	// MissingFiles are attachments' files left out of uploads on purpose.
	MissingFiles []string
}

// Count returns how many posts (and pages) expect e.
func (m *Manifest) Count(e string) int {
	n := 0
	for _, p := range m.Posts {
		if p.Expect == e {
			n++
		}
	}
	return n
}

// attachment is a generated image (or other file) in the library.
type attachment struct {
	id      int64
	rel     string // 2019/10/anh-12.jpg
	title   string
	caption string
	alt     string
	parent  int64
	missing bool
	isImage bool
	when    time.Time
}

type gen struct {
	cfg     Config
	rnd     *rand.Rand
	dir     string
	man     *Manifest
	atts    []*attachment
	items   strings.Builder
	nextID  int64
	written int
}

// Generate writes DIR/export.xml and DIR/uploads/ and returns what they
// hold.
func Generate(cfg Config, dir string) (*Manifest, error) {
	if cfg.Posts <= 0 {
		return nil, fmt.Errorf("wxrgen: Posts must be positive")
	}
	if cfg.Site == "" {
		cfg.Site = "https://soyte.anphu.gov.vn"
	}
	cfg.Site = strings.TrimRight(cfg.Site, "/")
	g := &gen{cfg: cfg, rnd: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)), dir: dir, nextID: 100,
		man: &Manifest{Export: filepath.Join(dir, "export.xml"), Uploads: filepath.Join(dir, "uploads"), Site: cfg.Site}}
	if err := os.MkdirAll(g.man.Uploads, 0o755); err != nil {
		return nil, err
	}
	g.categories()
	if err := g.library(); err != nil {
		return nil, err
	}
	g.posts()
	g.pages()
	g.extras()
	if err := os.WriteFile(g.man.Export, g.document(), 0o644); err != nil {
		return nil, err
	}
	g.man.Images = g.written
	return g.man, nil
}

func (g *gen) id() int64 { g.nextID++; return g.nextID }

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

// encodeSlug writes a slug as WordPress stores a non-ASCII one: UTF-8,
// percent-encoded in lower case.
func encodeSlug(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	return b.String()
}

// wpSlug makes a WordPress-style slug that keeps Vietnamese letters:
// lower case, spaces to hyphens.
func wpSlug(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == ',' || r == ':' || r == '&' || r == '(' || r == ')':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		default:
			b.WriteRune(r)
			dash = false
		}
	}
	return strings.Trim(b.String(), "-")
}

var catTree = []struct {
	name     string
	children []string
}{
	{"Tin tức", []string{"Hoạt động của Sở", "Y tế cơ sở", "Phòng chống dịch"}},
	{"Khám chữa bệnh", []string{"Bệnh viện tỉnh", "Trung tâm y tế huyện"}},
	{"Văn bản", []string{"Chỉ đạo điều hành", "Quy phạm pháp luật"}},
	{"Giới thiệu", nil}, // its slug is one the portal reserves
}

var grandchildren = []string{"Tuyến xã", "Tuyến huyện"}

func (g *gen) categories() {
	for _, top := range catTree {
		nice := encodeSlug(wpSlug(top.name))
		g.man.Categories = append(g.man.Categories, Category{Name: top.name, Nicename: nice, Depth: 1})
		for j, child := range top.children {
			cn := encodeSlug(wpSlug(child))
			if j%2 == 1 {
				cn = asciiSlug(child) // some sites have ASCII slugs
			}
			g.man.Categories = append(g.man.Categories, Category{Name: child, Nicename: cn, Parent: nice, Depth: 2})
			if j == 0 {
				for _, gc := range grandchildren {
					gn := encodeSlug(wpSlug(gc + " " + child))
					g.man.Categories = append(g.man.Categories, Category{Name: gc, Nicename: gn, Parent: cn, Depth: 3})
				}
			}
		}
	}
}

// asciiSlug strips Vietnamese marks the simple way, for the ASCII slugs.
func asciiSlug(s string) string {
	r := strings.NewReplacer(
		"á", "a", "à", "a", "ả", "a", "ã", "a", "ạ", "a", "ă", "a", "ắ", "a", "ằ", "a", "ẳ", "a", "ẵ", "a", "ặ", "a",
		"â", "a", "ấ", "a", "ầ", "a", "ẩ", "a", "ẫ", "a", "ậ", "a", "đ", "d", "é", "e", "è", "e", "ẻ", "e", "ẽ", "e", "ẹ", "e",
		"ê", "e", "ế", "e", "ề", "e", "ể", "e", "ễ", "e", "ệ", "e", "í", "i", "ì", "i", "ỉ", "i", "ĩ", "i", "ị", "i",
		"ó", "o", "ò", "o", "ỏ", "o", "õ", "o", "ọ", "o", "ô", "o", "ố", "o", "ồ", "o", "ổ", "o", "ỗ", "o", "ộ", "o",
		"ơ", "o", "ớ", "o", "ờ", "o", "ở", "o", "ỡ", "o", "ợ", "o", "ú", "u", "ù", "u", "ủ", "u", "ũ", "u", "ụ", "u",
		"ư", "u", "ứ", "u", "ừ", "u", "ử", "u", "ữ", "u", "ự", "u", "ý", "y", "ỳ", "y", "ỷ", "y", "ỹ", "y", "ỵ", "y")
	return wpSlug(r.Replace(strings.ToLower(s)))
}

// leafCategories are where posts go: every category but "Giới thiệu",
// the deepest ones most.
func (g *gen) postCategory(i int) Category {
	var pool []Category
	for _, c := range g.man.Categories {
		if c.Name != "Giới thiệu" {
			pool = append(pool, c)
		}
	}
	return pool[i%len(pool)]
}

var authors = []struct{ login, display string }{
	{"admin", "Quản trị viên"},
	{"bientap", "Ban Biên tập"},
	{"Nguyễn Văn An", "Nguyễn Văn An"},
	{"phongvien.hoa", "Trần Thị Hoa"},
	{"le.minh@soyte", "Lê Minh"},
}

// library writes the image files: originals of 480×320 (PNG or JPEG) with
// WordPress's 300×200 copy beside most of them.
func (g *gen) library() error {
	n := max(12, g.cfg.Posts/4)
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		when := start.AddDate(0, i*90/n, 0)
		ext := ".jpg"
		if i%3 == 0 {
			ext = ".png"
		}
		a := &attachment{id: g.id(), rel: fmt.Sprintf("%04d/%02d/anh-%d%s", when.Year(), int(when.Month()), i+1, ext),
			title: fmt.Sprintf("Ảnh %d", i+1), caption: g.pick(captions) + " (ảnh " + strconv.Itoa(i+1) + ")",
			alt: "Ảnh minh họa " + strconv.Itoa(i+1), missing: i%25 == 7, isImage: true, when: when}
		g.atts = append(g.atts, a)
		if a.missing {
			g.man.MissingFiles = append(g.man.MissingFiles, a.rel)
			continue
		}
		if err := g.writeImage(a.rel, 480, 320, i); err != nil {
			return err
		}
		if i%4 != 1 { // most have WordPress's resized copy; the rest need the fallback to the original
			if err := g.writeImage(sized(a.rel, 300, 200), 300, 200, i); err != nil {
				return err
			}
		}
	}
	pdf := &attachment{id: g.id(), rel: "2020/05/ke-hoach.pdf", title: "Kế hoạch", when: start}
	g.atts = append(g.atts, pdf)
	p := filepath.Join(g.man.Uploads, filepath.FromSlash(pdf.rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte("%PDF-1.4\n% not really\n"), 0o644)
}

// sized is the name of WordPress's resized copy: anh-1.jpg → anh-1-300x200.jpg.
func sized(rel string, w, h int) string {
	ext := filepath.Ext(rel)
	return strings.TrimSuffix(rel, ext) + fmt.Sprintf("-%dx%d", w, h) + ext
}

// writeImage draws a small picture, different for each i, and encodes it
// as the extension says.
func (g *gen) writeImage(rel string, w, h, i int) error {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	base := color.RGBA{uint8(40 + i*37%200), uint8(60 + i*91%180), uint8(80 + i*53%160), 255}
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{base.R + uint8(x*40/w), base.G + uint8(y*40/h), base.B, 255})
		}
	}
	// A band whose place depends on i, so no two pictures are alike.
	for y := (i * 7) % h; y < (i*7)%h+10 && y < h; y++ {
		for x := range w {
			img.Set(x, y, color.RGBA{255, 255, 255, 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(rel, ".png") {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	}
	if err != nil {
		return err
	}
	p := filepath.Join(g.man.Uploads, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	g.written++
	return os.WriteFile(p, buf.Bytes(), 0o644)
}

func (g *gen) imageURL(rel string) string { return g.cfg.Site + "/wp-content/uploads/" + rel }

var (
	subjects = []string{"Sở Y tế", "Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật", "Trạm Y tế xã Phước Long",
		"Ban Chỉ đạo phòng chống dịch", "Ủy ban nhân dân tỉnh", "Hội Chữ thập đỏ", "Trung tâm Y tế huyện Hòa Bình"}
	actions = []string{"tổ chức", "triển khai", "kiểm tra", "tổng kết", "hướng dẫn", "đẩy mạnh", "phát động", "sơ kết"}
	topics  = []string{"khám bệnh miễn phí cho người cao tuổi", "tiêm chủng mở rộng", "phòng chống sốt xuất huyết",
		"an toàn vệ sinh thực phẩm", "chuyển đổi số trong y tế", "bảo hiểm y tế toàn dân", "chăm sóc sức khỏe bà mẹ và trẻ em",
		"phòng chống dịch bệnh mùa mưa", "đào tạo nhân lực y tế", "cải cách hành chính"}
	places   = []string{"năm 2024", "tại huyện Đông Hải", "ở vùng sâu, vùng xa", "quý III", "trên địa bàn tỉnh", "đợt 2", "tháng Mười"}
	captions = []string{"Quang cảnh hội nghị", "Bác sĩ khám bệnh cho người dân", "Lãnh đạo Sở phát biểu", "Cán bộ y tế tiêm vắc xin",
		"Đoàn kiểm tra làm việc tại cơ sở", "Người dân đến khám"}
	sentences = []string{
		"Theo kế hoạch, hoạt động được triển khai đồng loạt tại 64 xã, phường, thị trấn.",
		"Đại diện lãnh đạo Sở Y tế đánh giá cao sự phối hợp của các địa phương.",
		"Trong năm, toàn ngành đã khám và điều trị cho hơn 1,2 triệu lượt người.",
		"Các đơn vị cần chủ động rà soát, bổ sung trang thiết bị và thuốc thiết yếu.",
		"Người dân được hướng dẫn các biện pháp phòng bệnh đơn giản, hiệu quả.",
		"Chương trình nhận được sự hưởng ứng tích cực của đông đảo bà con.",
		"Sở Y tế đề nghị các cơ sở khám chữa bệnh nâng cao chất lượng phục vụ.",
		"Kết quả kiểm tra cho thấy phần lớn cơ sở chấp hành tốt quy định.",
	}
)

// statusOf spreads the WordPress states over the posts: every kind turns
// up at least once in any export of 20 posts or more.
func statusOf(i int) (status, expect, why string) {
	switch i % 20 {
	case 3:
		return "draft", ExpectDraft, ""
	case 7:
		return "pending", ExpectDraft, ""
	case 11:
		return "private", ExpectDraft, ""
	case 13:
		return "future", ExpectScheduled, ""
	case 17:
		return "trash", ExpectSkipped, "trash"
	case 19:
		if i%40 == 19 {
			return "publish", ExpectSkipped, "2023-02-30"
		}
		return "publish", ExpectSkipped, "0000-00-00"
	}
	return "publish", ExpectPublic, ""
}

func (g *gen) posts() {
	start := time.Date(2016, 3, 1, 1, 30, 0, 0, time.UTC)
	images := 0
	for _, a := range g.atts {
		if a.isImage {
			images++
		}
	}
	for i := range g.cfg.Posts {
		id := g.id()
		status, expect, why := statusOf(i)
		title := fmt.Sprintf("%s %s %s %s (số %d)", g.pick(subjects), g.pick(actions), g.pick(topics), g.pick(places), i+1)
		if i%50 == 5 {
			title = "Y tế & giáo dục: " + title // an entity to escape
		}
		when := start.Add(time.Duration(i) * 83 * time.Hour).Add(time.Duration(g.rnd.IntN(3600)) * time.Second)
		gmt, local := when.Format("2006-01-02 15:04:05"), when.Add(7*time.Hour).Format("2006-01-02 15:04:05")
		switch {
		case status == "future":
			when = time.Date(2095, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
			gmt, local = when.Format("2006-01-02 15:04:05"), when.Add(7*time.Hour).Format("2006-01-02 15:04:05")
		case why == "2023-02-30":
			gmt, local = "2023-02-30 03:00:00", "2023-02-30 10:00:00"
		case why == "0000-00-00":
			gmt, local = "0000-00-00 00:00:00", "0000-00-00 00:00:00"
		case status == "draft" || status == "pending":
			gmt = "0000-00-00 00:00:00" // WordPress leaves drafts without a GMT time
		}
		slug := wpSlug(strings.Split(title, " (")[0] + " " + strconv.Itoa(i+1))
		if i%3 == 0 {
			slug = asciiSlug(slug)
		}
		name := encodeSlug(slug)
		link := fmt.Sprintf("%s/%s/%s/", g.cfg.Site, when.Add(7*time.Hour).Format("2006/01/02"), name)
		if status != "publish" && status != "future" && status != "private" {
			name = "" // WordPress gives drafts no slug until they are published
			link = fmt.Sprintf("%s/?p=%d", g.cfg.Site, id)
		}
		cat := g.postCategory(i)
		p := Post{ID: id, Type: "post", Title: title, Status: status, Link: link,
			Category: cat.Name, Expect: expect, Why: why}

		body := g.body(i, &p)
		au := authors[i%len(authors)]
		var meta strings.Builder
		if i%4 != 2 && images > 0 {
			f := g.imageAt(i * 3)
			p.Featured = f.rel
			fmt.Fprintf(&meta, "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>\n\t\t\t<wp:meta_value><![CDATA[%d]]></wp:meta_value>\n\t\t</wp:postmeta>\n", f.id)
		}
		excerpt := ""
		if i%2 == 0 {
			excerpt = g.pick(sentences) + " " + g.pick(sentences)
			p.Lead = excerpt
		}
		cats := fmt.Sprintf("\t\t<category domain=\"category\" nicename=\"%s\"><![CDATA[%s]]></category>\n", cat.Nicename, cat.Name)
		if i%9 == 4 {
			other := g.postCategory(i + 5)
			cats += fmt.Sprintf("\t\t<category domain=\"category\" nicename=\"%s\"><![CDATA[%s]]></category>\n", other.Nicename, other.Name)
		}
		if i%5 == 1 {
			cats += "\t\t<category domain=\"post_tag\" nicename=\"y-te\"><![CDATA[y tế]]></category>\n"
		}
		comments := ""
		if i%10 == 0 {
			comments = "\t\t<wp:comment>\n\t\t\t<wp:comment_id>" + strconv.Itoa(i+1) + "</wp:comment_id>\n\t\t\t<wp:comment_author><![CDATA[Bạn đọc]]></wp:comment_author>\n\t\t\t<wp:comment_content><![CDATA[Cảm ơn Sở.]]></wp:comment_content>\n\t\t</wp:comment>\n"
		}
		sticky := "0"
		if i%60 == 0 && status == "publish" && why == "" {
			sticky = "1"
		}
		g.item(itemFields{id: id, title: title, link: link, creator: au.login, content: body, excerpt: excerpt,
			date: local, dateGMT: gmt, name: name, status: status, typ: "post", sticky: sticky, extra: cats + meta.String() + comments})
		g.man.Posts = append(g.man.Posts, p)
	}
}

// imageAt returns the i-th image attachment, round the library.
func (g *gen) imageAt(i int) *attachment {
	var imgs []*attachment
	for _, a := range g.atts {
		if a.isImage {
			imgs = append(imgs, a)
		}
	}
	return imgs[i%len(imgs)]
}

// body writes a post body and notes its images in p.
func (g *gen) body(i int, p *Post) string {
	var b strings.Builder
	first := g.pick(sentences)
	if i%2 == 1 { // no excerpt: the first paragraph becomes the lead
		p.FirstParagraph = first
	}
	block := i%7 == 6
	para := func(s string) {
		if block {
			b.WriteString("<!-- wp:paragraph -->\n<p>" + s + "</p>\n<!-- /wp:paragraph -->\n\n")
		} else {
			b.WriteString(s + "\n\n")
		}
	}
	para(first)
	para(g.pick(sentences) + "\n" + g.pick(sentences) + " <strong>" + g.pick(topics) + "</strong>.")
	addImg := func(a *attachment) {
		p.Images = append(p.Images, a.rel)
		if a.missing {
			p.Missing = append(p.Missing, a.rel)
		}
	}
	if !block {
		a := g.imageAt(i)
		addImg(a)
		p.Caption = a.caption
		src := g.imageURL(sized(a.rel, 300, 200))
		if i%5 == 2 {
			src = g.imageURL(a.rel)
		}
		fmt.Fprintf(&b, "[caption id=\"attachment_%d\" align=\"aligncenter\" width=\"300\"]<a href=\"%s\"><img class=\"size-medium wp-image-%d\" src=\"%s\" alt=\"%s\" width=\"300\" height=\"200\" /></a> %s[/caption]\n\n",
			a.id, g.imageURL(a.rel), a.id, src, a.alt, a.caption)
	}
	b.WriteString("<ul>\n<li>" + g.pick(sentences) + "</li>\n<li>" + g.pick(sentences) + "</li>\n</ul>\n\n")
	if i%4 == 0 && !block {
		var ids []string
		for k := range 3 {
			a := g.imageAt(i + 1 + k)
			addImg(a)
			ids = append(ids, strconv.FormatInt(a.id, 10))
		}
		p.Gallery = true
		fmt.Fprintf(&b, "[gallery ids=\"%s\" columns=\"3\" link=\"file\"]\n\n", strings.Join(ids, ","))
	}
	if i%6 == 1 {
		b.WriteString("[su_note note_color=\"#f5f5f5\"]Thông tin liên hệ: đường dây nóng 1900 9095.[/su_note]\n\n")
	}
	para(g.pick(sentences))
	return strings.TrimSpace(b.String())
}

func (g *gen) pages() {
	when := time.Date(2016, 1, 5, 2, 0, 0, 0, time.UTC)
	intro := g.id()
	pages := []struct {
		id     int64
		title  string
		slug   string
		parent int64
		status string
	}{
		{intro, "Giới thiệu", "gioi-thieu", 0, "publish"},
		{g.id(), "Lịch sử hình thành", "lịch-sử-hình-thành", intro, "publish"},
		{g.id(), "Liên hệ", "lien-he", 0, "publish"},
		{g.id(), "Sơ đồ tổ chức (nháp)", "", 0, "draft"},
	}
	for _, pg := range pages {
		link := g.cfg.Site + "/" + encodeSlug(pg.slug) + "/"
		if pg.parent != 0 {
			link = g.cfg.Site + "/gioi-thieu/" + encodeSlug(pg.slug) + "/"
		}
		expect := ExpectPublic
		if pg.status == "draft" {
			expect, link = ExpectDraft, fmt.Sprintf("%s/?page_id=%d", g.cfg.Site, pg.id)
		}
		body := "Sở Y tế tỉnh An Phú là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.\n\nĐịa chỉ: số 1 đường Trần Phú, phường 7.\nĐiện thoại: 0291 3822 123."
		g.item(itemFields{id: pg.id, title: pg.title, link: link, creator: "admin", content: body,
			date: when.Add(7 * time.Hour).Format("2006-01-02 15:04:05"), dateGMT: when.Format("2006-01-02 15:04:05"),
			name: encodeSlug(pg.slug), status: pg.status, typ: "page", parent: pg.parent})
		g.man.Posts = append(g.man.Posts, Post{ID: pg.id, Type: "page", Title: pg.title, Status: pg.status, Link: link, Expect: expect,
			FirstParagraph: "Sở Y tế tỉnh An Phú là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh."})
	}
}

// extras writes the attachments and the items that are not imported: a
// menu item and an auto-draft.
func (g *gen) extras() {
	for _, a := range g.atts {
		g.item(itemFields{id: a.id, title: a.title, link: g.cfg.Site + "/?attachment_id=" + strconv.FormatInt(a.id, 10), creator: "admin",
			excerpt: a.caption, date: a.when.Add(7 * time.Hour).Format("2006-01-02 15:04:05"), dateGMT: a.when.Format("2006-01-02 15:04:05"),
			name: "anh-" + strconv.FormatInt(a.id, 10), status: "inherit", typ: "attachment", parent: a.parent,
			attachmentURL: g.imageURL(a.rel),
			extra:         "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>\n\t\t\t<wp:meta_value><![CDATA[" + a.alt + "]]></wp:meta_value>\n\t\t</wp:postmeta>\n"})
	}
	g.item(itemFields{id: g.id(), title: "Trang chủ", link: g.cfg.Site + "/trang-chu/", creator: "admin", status: "publish", typ: "nav_menu_item",
		date: "2016-01-01 08:00:00", dateGMT: "2016-01-01 01:00:00", name: "trang-chu"})
	id := g.id()
	g.item(itemFields{id: id, title: "Bản nháp tự động", link: fmt.Sprintf("%s/?p=%d", g.cfg.Site, id), creator: "admin", status: "auto-draft", typ: "post",
		date: "2016-01-01 08:00:00", dateGMT: "0000-00-00 00:00:00"})
	g.man.Posts = append(g.man.Posts, Post{ID: id, Type: "post", Title: "Bản nháp tự động", Status: "auto-draft",
		Link: fmt.Sprintf("%s/?p=%d", g.cfg.Site, id), Expect: ExpectSkipped, Why: "auto-draft"})
	for _, a := range authors {
		g.man.Authors = append(g.man.Authors, a.login)
	}
}

type itemFields struct {
	id                          int64
	title, link, creator        string
	content, excerpt            string
	date, dateGMT, name, status string
	typ, sticky, attachmentURL  string
	parent                      int64
	extra                       string
}

// cdata wraps s in CDATA sections as WordPress does, splitting any "]]>".
func cdata(s string) string {
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

// esc escapes text for XML outside CDATA.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (g *gen) item(f itemFields) {
	b := &g.items
	if f.sticky == "" {
		f.sticky = "0"
	}
	guid := fmt.Sprintf("%s/?p=%d", g.cfg.Site, f.id)
	if f.typ == "attachment" {
		guid = f.attachmentURL
	}
	fmt.Fprintf(b, "\t<item>\n\t\t<title>%s</title>\n\t\t<link>%s</link>\n\t\t<pubDate>%s</pubDate>\n", esc(f.title), esc(f.link), pubDate(f.dateGMT))
	fmt.Fprintf(b, "\t\t<dc:creator>%s</dc:creator>\n\t\t<guid isPermaLink=\"false\">%s</guid>\n\t\t<description></description>\n", cdata(f.creator), esc(guid))
	fmt.Fprintf(b, "\t\t<content:encoded>%s</content:encoded>\n\t\t<excerpt:encoded>%s</excerpt:encoded>\n", cdata(f.content), cdata(f.excerpt))
	fmt.Fprintf(b, "\t\t<wp:post_id>%d</wp:post_id>\n\t\t<wp:post_date>%s</wp:post_date>\n\t\t<wp:post_date_gmt>%s</wp:post_date_gmt>\n", f.id, cdata(f.date), cdata(f.dateGMT))
	fmt.Fprintf(b, "\t\t<wp:post_modified>%s</wp:post_modified>\n\t\t<wp:post_modified_gmt>%s</wp:post_modified_gmt>\n", cdata(f.date), cdata(f.dateGMT))
	fmt.Fprintf(b, "\t\t<wp:comment_status><![CDATA[closed]]></wp:comment_status>\n\t\t<wp:ping_status><![CDATA[closed]]></wp:ping_status>\n")
	fmt.Fprintf(b, "\t\t<wp:post_name>%s</wp:post_name>\n\t\t<wp:status>%s</wp:status>\n\t\t<wp:post_parent>%d</wp:post_parent>\n", cdata(f.name), cdata(f.status), f.parent)
	fmt.Fprintf(b, "\t\t<wp:menu_order>0</wp:menu_order>\n\t\t<wp:post_type>%s</wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n\t\t<wp:is_sticky>%s</wp:is_sticky>\n", cdata(f.typ), f.sticky)
	if f.attachmentURL != "" {
		fmt.Fprintf(b, "\t\t<wp:attachment_url>%s</wp:attachment_url>\n", cdata(f.attachmentURL))
	}
	b.WriteString(f.extra)
	b.WriteString("\t</item>\n")
}

func pubDate(gmt string) string {
	t, err := time.Parse("2006-01-02 15:04:05", gmt)
	if err != nil {
		return "Thu, 01 Jan 1970 00:00:00 +0000"
	}
	return t.Format("Mon, 02 Jan 2006 15:04:05 +0000")
}

// document assembles the export file.
func (g *gen) document() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<!-- generator="WordPress/6.5" created="2024-06-01 00:00" -->
` + RSS + `

<channel>
`)
	fmt.Fprintf(&b, "\t<title>Sở Y tế tỉnh An Phú</title>\n\t<link>%s</link>\n\t<description>Cổng thông tin điện tử Sở Y tế</description>\n", g.cfg.Site)
	fmt.Fprintf(&b, "\t<pubDate>Sat, 01 Jun 2024 00:00:00 +0000</pubDate>\n\t<language>vi</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n")
	fmt.Fprintf(&b, "\t<wp:base_site_url>%s</wp:base_site_url>\n\t<wp:base_blog_url>%s</wp:base_blog_url>\n\n", g.cfg.Site, g.cfg.Site)
	for i, a := range authors {
		fmt.Fprintf(&b, "\t<wp:author><wp:author_id>%d</wp:author_id><wp:author_login>%s</wp:author_login><wp:author_email>%s</wp:author_email><wp:author_display_name>%s</wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n",
			i+1, cdata(a.login), cdata(fmt.Sprintf("tacgia%d@anphu.gov.vn", i+1)), cdata(a.display))
	}
	b.WriteString("\n")
	for i, c := range g.man.Categories {
		fmt.Fprintf(&b, "\t<wp:category>\n\t\t<wp:term_id>%d</wp:term_id>\n\t\t<wp:category_nicename>%s</wp:category_nicename>\n\t\t<wp:category_parent>%s</wp:category_parent>\n\t\t<wp:cat_name>%s</wp:cat_name>\n\t</wp:category>\n",
			i+2, cdata(c.Nicename), cdata(c.Parent), cdata(c.Name))
	}
	b.WriteString("\n\t<generator>https://wordpress.org/?v=6.5</generator>\n\n")
	b.WriteString(g.items.String())
	b.WriteString("</channel>\n</rss>\n")
	return []byte(b.String())
}

// OldPath returns the path of a post's old address, decoded, as a reader's
// browser asks for it.
func OldPath(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if u.RawQuery != "" {
		return u.EscapedPath() + "?" + u.RawQuery
	}
	return u.EscapedPath()
}
