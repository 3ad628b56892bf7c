package diff

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// join rebuilds one side of a comparison: the Equal segments plus those of op.
func join(segs []Segment, op Op) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Op == Equal || s.Op == op {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// checkSegments verifies the invariants every Text result keeps.
func checkSegments(t *testing.T, a, b string, segs []Segment) {
	t.Helper()
	if got := join(segs, Delete); got != a {
		t.Fatalf("Equal+Delete = %q, want %q (segments %q)", got, a, segs)
	}
	if got := join(segs, Insert); got != b {
		t.Fatalf("Equal+Insert = %q, want %q (segments %q)", got, b, segs)
	}
	for i, s := range segs {
		if s.Text == "" {
			t.Fatalf("segment %d is empty: %q", i, segs)
		}
		if i > 0 && segs[i-1].Op == s.Op {
			t.Fatalf("segments %d and %d share op %v: %q", i-1, i, s.Op, segs)
		}
		if i > 0 && segs[i-1].Op == Insert && s.Op == Delete {
			t.Fatalf("Insert before Delete at %d: %q", i, segs)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(s.Text) {
			t.Fatalf("segment %d splits a UTF-8 sequence: %q", i, s.Text)
		}
	}
}

func TestText(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		want []Segment
	}{
		{"both empty", "", "", nil},
		{"identical", "Hà Nội mùa thu", "Hà Nội mùa thu",
			[]Segment{{Equal, "Hà Nội mùa thu"}}},
		{"from empty", "", "Tin mới", []Segment{{Insert, "Tin mới"}}},
		{"to empty", "Tin cũ", "", []Segment{{Delete, "Tin cũ"}}},
		{"word changed in the middle",
			"Giá xăng tăng mạnh từ hôm nay",
			"Giá xăng giảm mạnh từ hôm nay",
			[]Segment{{Equal, "Giá xăng "}, {Delete, "tăng"}, {Insert, "giảm"}, {Equal, " mạnh từ hôm nay"}}},
		{"insertion at start",
			"bão số 3 đổ bộ",
			"Khẩn cấp: bão số 3 đổ bộ",
			[]Segment{{Insert, "Khẩn cấp: "}, {Equal, "bão số 3 đổ bộ"}}},
		{"insertion at end",
			"bão số 3 đổ bộ",
			"bão số 3 đổ bộ Quảng Ninh",
			[]Segment{{Equal, "bão số 3 đổ bộ"}, {Insert, " Quảng Ninh"}}},
		{"deletion at end",
			"bão số 3 đổ bộ Quảng Ninh",
			"bão số 3 đổ bộ",
			[]Segment{{Equal, "bão số 3 đổ bộ"}, {Delete, " Quảng Ninh"}}},
		{"deletion in the middle",
			"Thủ tướng Chính phủ đã phát biểu",
			"Thủ tướng đã phát biểu",
			[]Segment{{Equal, "Thủ tướng "}, {Delete, "Chính phủ "}, {Equal, "đã phát biểu"}}},
		{"diacritics change is a change",
			"chuyển đổi số hóa toàn diện",
			"chuyển đổi số hoá toàn diện",
			[]Segment{{Equal, "chuyển đổi số "}, {Delete, "hóa"}, {Insert, "hoá"}, {Equal, " toàn diện"}}},
		{"tone mark change", "Đà Nẵng", "Đà Nắng",
			[]Segment{{Equal, "Đà "}, {Delete, "Nẵng"}, {Insert, "Nắng"}}},
		{"spacing change only", "một hai", "một  hai",
			[]Segment{{Equal, "một "}, {Insert, " "}, {Equal, "hai"}}},
		{"line break for space", "một hai", "một\nhai",
			[]Segment{{Equal, "một"}, {Delete, " "}, {Insert, "\n"}, {Equal, "hai"}}},
		{"leading spaces", "  tin", " tin",
			[]Segment{{Equal, " "}, {Delete, " "}, {Equal, "tin"}}},
		{"two words changed apart", "a b c d e", "a x c y e",
			[]Segment{{Equal, "a "}, {Delete, "b"}, {Insert, "x"}, {Equal, " c "}, {Delete, "d"}, {Insert, "y"}, {Equal, " e"}}},
		{"small match inside a rewrite is folded",
			"mưa lớn kéo dài và ngập sâu nhiều tuyến phố",
			"nắng nóng gay gắt và khô hạn kéo dài nhiều tuần",
			[]Segment{
				{Delete, "mưa lớn kéo dài và ngập sâu nhiều tuyến phố"},
				{Insert, "nắng nóng gay gắt và khô hạn kéo dài nhiều tuần"},
			}},
		{"everything different", "xin chào", "tạm biệt",
			[]Segment{{Delete, "xin chào"}, {Insert, "tạm biệt"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.a, tt.b)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Text(%q, %q)\n got %q\nwant %q", tt.a, tt.b, got, tt.want)
			}
			checkSegments(t, tt.a, tt.b, got)
		})
	}
}

func TestTextIdenticalIsAllEqual(t *testing.T) {
	for _, s := range []string{"a", " ", "Cộng hòa xã hội chủ nghĩa Việt Nam", "  hai  khoảng\ttrắng \n"} {
		t.Run(s, func(t *testing.T) {
			for _, seg := range Text(s, s) {
				if seg.Op != Equal {
					t.Errorf("Text(%q, same) has %v segment %q", s, seg.Op, seg.Text)
				}
			}
		})
	}
}

var words = []string{
	"Hà", "Nội", "hóa", "hoá", "thủ", "đô", "tin", "tức", "Việt", "Nam",
	"người", "dân", "đường", "phố", "mưa", "bão", "số", "3", "và", "của",
	"là", "được", "trong", "năm", "2024", "Đà", "Nẵng", "Nắng", "ổn", "định",
	"giá", "vàng", "tăng", "giảm", "—", "“trích", "dẫn”", "(*)", "x", "🇻🇳",
}

var spaces = []string{" ", " ", " ", " ", "  ", "\n", "\t", "\u00a0", " \n "}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	if r.IntN(5) == 0 {
		b.WriteString(spaces[r.IntN(len(spaces))])
	}
	for i := range n {
		if i > 0 {
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	if r.IntN(5) == 0 {
		b.WriteString(spaces[r.IntN(len(spaces))])
	}
	return b.String()
}

// mutate edits a text the way an editor does: a few words replaced, removed
// or added.
func mutate(r *rand.Rand, s string) string {
	f := strings.Fields(s)
	for range r.IntN(4) {
		switch k := r.IntN(3); {
		case k == 0 && len(f) > 0:
			f[r.IntN(len(f))] = words[r.IntN(len(words))]
		case k == 1 && len(f) > 0:
			i := r.IntN(len(f))
			f = append(f[:i], f[i+1:]...)
		default:
			i := r.IntN(len(f) + 1)
			f = append(f[:i], append([]string{words[r.IntN(len(words))]}, f[i:]...)...)
		}
	}
	return strings.Join(f, spaces[r.IntN(len(spaces))])
}

func TestTextReconstruction(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 9))
	for i := range 2000 {
		a := randomText(r, r.IntN(40))
		var b string
		if i%2 == 0 {
			b = mutate(r, a)
		} else {
			b = randomText(r, r.IntN(40))
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			segs := Text(a, b)
			checkSegments(t, a, b, segs)
			if again := Text(a, b); !reflect.DeepEqual(segs, again) {
				t.Fatalf("not deterministic: %q then %q", segs, again)
			}
		})
	}
}

func TestTextInvalidUTF8(t *testing.T) {
	a, b := "a \xffb c\xe1", "a \xffx c\xe1\xba"
	checkSegments(t, a, b, Text(a, b))
}

func TestTextLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	big := randomText(r, 400_000) // about 2 MB
	if len(big) < 2_000_000 {
		big += strings.Repeat(" tin", (2_000_000-len(big))/4+1)
	}
	mid := strings.Index(big[len(big)/2:], " ") + len(big)/2
	edited := big[:mid] + " THAY_ĐỔI" + big[mid:]

	for _, tt := range []struct {
		name string
		a, b string
	}{
		{"2 MB equal to itself", big, big},
		{"2 MB with one word inserted", big, edited},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			segs := Text(tt.a, tt.b)
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
			checkSegments(t, tt.a, tt.b, segs)
			if tt.a != tt.b && len(segs) != 3 {
				t.Errorf("want Equal, Insert, Equal; got %d segments", len(segs))
			}
		})
	}

	t.Run("huge and different falls back", func(t *testing.T) {
		a := randomText(r, 50_000)
		b := randomText(r, 50_000) // 2.5e9 cells: far over the bound
		start := time.Now()
		segs := Text(a, b)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
		checkSegments(t, a, b, segs)
		if len(segs) > 4 {
			t.Errorf("want a coarse result, got %d segments", len(segs))
		}
	})
}

func blockTexts(bs []Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, join(b.Segments, Delete))
	}
	return out
}

func changed(bs []Block) []Block {
	var out []Block
	for _, b := range bs {
		if b.Changed {
			out = append(out, b)
		}
	}
	return out
}

func TestBlocks(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       []string
	}{
		{"paragraphs and headings",
			`<h2>Tiêu  đề</h2><p>Đoạn <b>một</b>,
			 tiếp.</p><p></p><p>&nbsp;</p><h3>Mục</h3>`,
			[]string{"Tiêu đề", "Đoạn một, tiếp.", "Mục"}},
		{"list items",
			`<ul><li>Thứ nhất</li><li><p>Thứ hai</p></li><li>Cha<ol><li>Con</li></ol></li></ul>`,
			[]string{"Thứ nhất", "Thứ hai", "Cha", "Con"}},
		{"table rows",
			`<table><thead><tr><th>Tỉnh</th><th>Lượng mưa</th></tr></thead>
			<tbody><tr><td>Huế</td><td><p>120 mm</p></td></tr><tr><td></td><td></td></tr>
			<tr><td>Đà Nẵng</td><td></td></tr></tbody></table>`,
			[]string{"Tỉnh | Lượng mưa", "Huế | 120 mm", "Đà Nẵng | "}},
		{"images",
			`<figure><img src="/a.jpg" alt="Toàn cảnh  hội nghị"><figcaption>Ảnh: TTXVN</figcaption></figure>
			<p>Trước <img src="/b.jpg"> sau</p>`,
			[]string{"[Ảnh: Toàn cảnh hội nghị]", "Ảnh: TTXVN", "Trước [Ảnh: ] sau"}},
		{"script and style ignored",
			`<style>p{color:red}</style><p>Nội dung<script>alert("x")</script></p><noscript>bật JS</noscript><template><p>mẫu</p></template>`,
			[]string{"Nội dung"}},
		{"blockquote and pre",
			"<blockquote><p>Câu một.</p><p>Câu hai.</p></blockquote><pre>\nfunc main() {\n    x := 1\n}\n</pre><blockquote>Trích</blockquote>",
			[]string{"Câu một.", "Câu hai.", "func main() {\n    x := 1\n}", "Trích"}},
		{"loose text between blocks",
			`Mở đầu<div>Trong div<p>Đoạn</p>sau đoạn</div>kết<br>thúc`,
			[]string{"Mở đầu", "Trong div", "Đoạn", "sau đoạn", "kết thúc"}},
		{"full document", `<!DOCTYPE html><html><head><title>T</title></head><body><p>Thân</p></body></html>`,
			[]string{"Thân"}},
		{"comments ignored", `<p>a<!-- ghi chú -->b</p>`, []string{"ab"}},
		{"empty", ``, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := blocks(tt.body)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
			// Through the public API: the same blocks, unchanged.
			bs := HTML(tt.body, tt.body)
			if !reflect.DeepEqual(blockTexts(bs), tt.want) {
				t.Errorf("HTML(same) blocks %q, want %q", blockTexts(bs), tt.want)
			}
			for _, b := range bs {
				if b.Changed || len(b.Segments) != 1 || b.Segments[0].Op != Equal {
					t.Errorf("HTML(same) gave a changed block %+v", b)
				}
			}
		})
	}
}

func TestHTML(t *testing.T) {
	const (
		p1 = "<p>Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Hà Nội.</p>"
		p2 = "<p>Lực lượng chức năng đã có mặt để phân luồng giao thông.</p>"
		p3 = "<p>Dự báo mưa còn kéo dài đến cuối tuần.</p>"
		pn = "<p>Người dân được khuyến cáo hạn chế ra đường.</p>"
	)
	for _, tt := range []struct {
		name    string
		a, b    string
		changed []Block // the changed blocks, in order
		total   int     // number of blocks
	}{
		{"identical", p1 + p2 + p3, p1 + p2 + p3, nil, 3},
		{"paragraph inserted between two others", p1 + p3, p1 + pn + p3,
			[]Block{{Segments: []Segment{{Insert, "Người dân được khuyến cáo hạn chế ra đường."}}, Changed: true}}, 3},
		{"paragraph inserted at the start", p1 + p2, pn + p1 + p2,
			[]Block{{Segments: []Segment{{Insert, "Người dân được khuyến cáo hạn chế ra đường."}}, Changed: true}}, 3},
		{"paragraph deleted", p1 + p2 + p3, p1 + p3,
			[]Block{{Segments: []Segment{{Delete, "Lực lượng chức năng đã có mặt để phân luồng giao thông."}}, Changed: true}}, 3},
		{"word changed inside a paragraph", p1 + p2 + p3,
			p1 + "<p>Lực lượng <i>cảnh sát</i> đã có mặt để phân luồng giao thông.</p>" + p3,
			[]Block{{Segments: []Segment{
				{Equal, "Lực lượng "}, {Delete, "chức năng"}, {Insert, "cảnh sát"},
				{Equal, " đã có mặt để phân luồng giao thông."},
			}, Changed: true}}, 3},
		{"diacritics changed inside a paragraph",
			"<p>Công nghiệp hóa, hiện đại hóa</p>", "<p>Công nghiệp hoá, hiện đại hóa</p>",
			[]Block{{Segments: []Segment{
				{Equal, "Công nghiệp "}, {Delete, "hóa,"}, {Insert, "hoá,"}, {Equal, " hiện đại hóa"},
			}, Changed: true}}, 1},
		{"paragraph inserted before an edited one", p1 + p2 + p3,
			p1 + pn + "<p>Lực lượng chức năng đã có mặt sớm để phân luồng giao thông.</p>" + p3,
			[]Block{
				{Segments: []Segment{{Insert, "Người dân được khuyến cáo hạn chế ra đường."}}, Changed: true},
				{Segments: []Segment{
					{Equal, "Lực lượng chức năng đã có mặt "}, {Insert, "sớm "}, {Equal, "để phân luồng giao thông."},
				}, Changed: true},
			}, 4},
		{"unrelated paragraph replaced", p1 + p2 + p3, p1 + pn + p3,
			[]Block{
				{Segments: []Segment{{Delete, "Lực lượng chức năng đã có mặt để phân luồng giao thông."}}, Changed: true},
				{Segments: []Segment{{Insert, "Người dân được khuyến cáo hạn chế ra đường."}}, Changed: true},
			}, 4},
		{"table cell changed",
			"<table><tr><td>Huế</td><td>120 mm</td></tr><tr><td>Vinh</td><td>80 mm</td></tr></table>",
			"<table><tr><td>Huế</td><td>150 mm</td></tr><tr><td>Vinh</td><td>80 mm</td></tr></table>",
			[]Block{{Segments: []Segment{{Equal, "Huế | "}, {Delete, "120"}, {Insert, "150"}, {Equal, " mm"}}, Changed: true}}, 2},
		{"list item added",
			"<ul><li>Một</li><li>Hai</li></ul>", "<ul><li>Một</li><li>Hai</li><li>Ba</li></ul>",
			[]Block{{Segments: []Segment{{Insert, "Ba"}}, Changed: true}}, 3},
		{"image alt changed", `<p>a</p><img alt="Cầu Rồng">`, `<p>a</p><img alt="Cầu Rồng về đêm">`,
			[]Block{{Segments: []Segment{{Equal, "[Ảnh: Cầu "}, {Delete, "Rồng]"}, {Insert, "Rồng về đêm]"}}, Changed: true}}, 2},
		{"script and style changes are ignored",
			p1 + "<script>var a = 1</script><style>p{}</style>",
			p1 + "<script>var a = 2</script><style>p{color:red}</style>",
			nil, 1},
		{"markup-only change is not a change", "<p>Tin <b>nóng</b></p>", "<p><em>Tin</em> nóng</p>", nil, 1},
		{"from empty", "", p1,
			[]Block{{Segments: []Segment{{Insert, "Sáng nay, mưa lớn gây ngập nhiều tuyến phố ở Hà Nội."}}, Changed: true}}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := HTML(tt.a, tt.b)
			if len(got) != tt.total {
				t.Errorf("%d blocks, want %d: %+v", len(got), tt.total, got)
			}
			if c := changed(got); !reflect.DeepEqual(c, tt.changed) {
				t.Errorf("changed blocks\n got %+v\nwant %+v", c, tt.changed)
			}
			for _, b := range got {
				if !b.Changed && (len(b.Segments) != 1 || b.Segments[0].Op != Equal) {
					t.Errorf("unchanged block with changes: %+v", b)
				}
			}
			ba, bb := blocks(tt.a), blocks(tt.b)
			var oldSide, newSide []string
			for _, b := range got {
				if s := join(b.Segments, Delete); s != "" {
					oldSide = append(oldSide, s)
				}
				if s := join(b.Segments, Insert); s != "" {
					newSide = append(newSide, s)
				}
			}
			if !reflect.DeepEqual(oldSide, ba) || !reflect.DeepEqual(newSide, bb) {
				t.Errorf("blocks do not rebuild the sides:\n%q\n%q\nfrom %+v", oldSide, newSide, got)
			}
			if again := HTML(tt.a, tt.b); !reflect.DeepEqual(got, again) {
				t.Errorf("not deterministic")
			}
		})
	}
}

func bigBody(r *rand.Rand, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		switch i % 10 {
		case 3:
			fmt.Fprintf(&b, "<h2>%s</h2>\n", randomText(r, 6))
		case 6:
			fmt.Fprintf(&b, "<figure><img src=\"/a%d.jpg\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n", i, randomText(r, 4), randomText(r, 5))
		case 8:
			fmt.Fprintf(&b, "<ul><li>%s</li><li>%s</li></ul>\n", randomText(r, 8), randomText(r, 8))
		default:
			fmt.Fprintf(&b, "<p>%s <b>%s</b> %s</p>\n", randomText(r, 30), randomText(r, 3), randomText(r, 40))
		}
	}
	return b.String()
}

func TestHTMLLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	body := bigBody(r, 2<<20)

	t.Run("2 MB body equals itself quickly", func(t *testing.T) {
		start := time.Now()
		got := HTML(body, body)
		if d := time.Since(start); d > time.Second {
			t.Errorf("took %v", d)
		}
		if len(got) < 1000 {
			t.Errorf("only %d blocks", len(got))
		}
		if c := changed(got); len(c) != 0 {
			t.Errorf("%d changed blocks", len(c))
		}
	})

	t.Run("2 MB body with one paragraph edited", func(t *testing.T) {
		i := strings.Index(body[len(body)/2:], "<p>") + len(body)/2 + len("<p>")
		edited := body[:i] + "SỬA " + body[i:]
		start := time.Now()
		got := HTML(body, edited)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
		c := changed(got)
		if len(c) != 1 || c[0].Segments[0].Op != Insert || c[0].Segments[0].Text != "SỬA " {
			t.Errorf("want one edited block starting with the inserted word, got %+v", c)
		}
	})

	t.Run("huge different bodies fall back", func(t *testing.T) {
		var a, b strings.Builder
		for i := range 3000 {
			fmt.Fprintf(&a, "<p>cũ %d %s</p>", i, randomText(r, 5))
			fmt.Fprintf(&b, "<p>mới %d %s</p>", i, randomText(r, 5))
		}
		start := time.Now()
		got := HTML(a.String(), b.String())
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
		if len(got) != 6000 {
			t.Fatalf("%d blocks, want 3000 deleted + 3000 inserted", len(got))
		}
		for i, bl := range got {
			want := Delete
			if i >= 3000 {
				want = Insert
			}
			if !bl.Changed || len(bl.Segments) != 1 || bl.Segments[0].Op != want {
				t.Fatalf("block %d: %+v, want whole %v", i, bl, want)
			}
		}
	})

	t.Run("huge different paragraphs fall back", func(t *testing.T) {
		a := "<p>" + randomText(r, 60_000) + "</p>"
		b := "<p>" + randomText(r, 60_000) + "</p>"
		start := time.Now()
		got := HTML(a, b)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
		if len(got) == 0 || len(got) > 2 {
			t.Fatalf("%d blocks", len(got))
		}
	})
}

func BenchmarkHTMLSame2MB(b *testing.B) {
	body := bigBody(rand.New(rand.NewPCG(7, 7)), 2<<20)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		HTML(body, body)
	}
}

func BenchmarkTextSame2MB(b *testing.B) {
	s := randomText(rand.New(rand.NewPCG(1, 2)), 400_000)
	c := s[:len(s)-1] + "x"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s, c)
	}
}

func ExampleHTML() {
	before := `<h1>Mưa lớn ở Hà Nội</h1>
<p>Sáng nay, mưa lớn gây ngập nhiều tuyến phố.</p>
<p>Dự báo mưa còn kéo dài.</p>`
	after := `<h1>Mưa lớn ở Hà Nội</h1>
<p>Sáng nay, mưa rất lớn gây ngập nhiều tuyến đường.</p>
<p>Người dân nên hạn chế ra đường.</p>
<p>Dự báo mưa còn kéo dài.</p>`
	sign := map[Op]string{Equal: "=", Insert: "+", Delete: "-"}
	for _, b := range HTML(before, after) {
		fmt.Printf("changed=%-5v", b.Changed)
		for _, s := range b.Segments {
			fmt.Printf(" %s%q", sign[s.Op], s.Text)
		}
		fmt.Println()
	}
	// Output:
	// changed=false ="Mưa lớn ở Hà Nội"
	// changed=true  ="Sáng nay, mưa " +"rất " ="lớn gây ngập nhiều tuyến " -"phố." +"đường."
	// changed=true  +"Người dân nên hạn chế ra đường."
	// changed=false ="Dự báo mưa còn kéo dài."
}

// isSpaceAt must agree with unicode.IsSpace on every rune and step over
// non-space bytes without ever landing inside a space.
func TestIsSpaceAt(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r) + "x"
		sp, w := isSpaceAt(s, 0)
		if sp != unicode.IsSpace(r) {
			t.Fatalf("isSpaceAt(%U) = %v", r, sp)
		}
		if sp && w != utf8.RuneLen(r) {
			t.Fatalf("isSpaceAt(%U) width %d", r, w)
		}
	}
	for _, s := range []string{"\xc2", "\xe2\x80", "\xe2\x80A", "\xe1\x9a", "\xe3", "\xc2A"} {
		if sp, w := isSpaceAt(s, 0); sp || w != 1 {
			t.Errorf("isSpaceAt(%q) = %v, %d", s, sp, w)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("Giá xăng tăng mạnh", "Giá xăng giảm mạnh")
	f.Add("  a\u00a0b\n", "a b  ")
	f.Add("hóa", "hoá")
	f.Add("a \xffb", "a\xe2\x80 b")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkSegments(t, a, b, Text(a, b))
	})
}

func FuzzHTML(f *testing.F) {
	f.Add("<p>a b c</p><p>d</p>", "<p>a x c</p><ul><li>d</li></ul>")
	f.Add("<table><tr><td>1<td>2</table>", "<pre>  x\n y</pre><img alt=z>")
	f.Fuzz(func(t *testing.T, a, b string) {
		got := HTML(a, b)
		var oldSide, newSide []string
		for _, bl := range got {
			if len(bl.Segments) == 0 {
				t.Fatalf("empty block")
			}
			if s := join(bl.Segments, Delete); s != "" {
				oldSide = append(oldSide, s)
			}
			if s := join(bl.Segments, Insert); s != "" {
				newSide = append(newSide, s)
			}
		}
		if !reflect.DeepEqual(oldSide, blocks(a)) || !reflect.DeepEqual(newSide, blocks(b)) {
			t.Fatalf("blocks do not rebuild the sides")
		}
	})
}
