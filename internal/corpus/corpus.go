// Package corpus generates Vietnamese-looking article text for the
// benchmarks: syllables of the demo portal's articles drawn with a
// Zipf-like spread, mixed with common two-syllable words, so that a search
// index and the pages see text shaped like the real thing. The same seed
// gives the same text.
package corpus

import (
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
)

// Syllables is a pool of common Vietnamese syllables, with their
// diacritics, in an order where neighbours often make a word ("an ninh",
// "kinh tế"). Benchmarks pick queries from it.
var Syllables = strings.Fields(`an ninh trật tự xã hội kinh tế phát triển nông nghiệp công nghiệp
	giáo dục y tế văn hóa thể thao du lịch đầu tư xây dựng giao thông thủy lợi môi trường tài nguyên
	chuyển đổi số cải cách hành chính nhân dân ủy ban tỉnh huyện thành phố hội nghị triển khai nhiệm vụ
	kế hoạch chương trình dự án công trình vốn ngân sách doanh nghiệp sản xuất lúa gạo cây trồng vật nuôi
	bảo hiểm lao động việc làm học sinh sinh viên trường học bệnh viện bác sĩ sức khỏe phòng chống dịch
	bệnh cán bộ đảng viên chính quyền mặt trận đoàn thể thanh niên phụ nữ cựu chiến binh biên giới
	quốc phòng quân sự công an an toàn thực phẩm nước sạch điện đường trường trạm năm tháng ngày quý
	kết quả đạt được tiếp tục đẩy mạnh tăng cường nâng cao chất lượng hiệu quả địa bàn khu vực cơ sở
	người dân gia đình hộ nghèo chính sách hỗ trợ đời sống thu nhập bình quân tăng trưởng tổng sản phẩm`)

// Generator makes text from one random source. It is not safe for
// concurrent use, as the source is not.
type Generator struct {
	r *rand.Rand
	// vocab is the syllables of the demo portal's articles, most frequent
	// first, so that a few syllables occur in every article and most in few.
	vocab []string
	zipf  *rand.Zipf
}

// New returns a generator drawing from r. Callers may keep drawing from r
// themselves; the text then depends on the order of the calls.
func New(r *rand.Rand) *Generator {
	count := map[string]int{}
	_, recs := demo.Content(time.Date(2026, 1, 1, 0, 0, 0, 0, congtin.VietnamZone))
	for _, rec := range recs {
		for _, w := range strings.Fields(search.PlainText(rec.Title + " " + rec.Lead + " " + rec.Body)) {
			w = strings.ToLower(strings.Trim(w, ".,;:!?()“”\"'…-–/%"))
			if w != "" {
				count[w]++
			}
		}
	}
	for _, s := range Syllables {
		count[s] += 50
	}
	g := &Generator{r: r}
	for w := range count {
		g.vocab = append(g.vocab, w)
	}
	sort.Slice(g.vocab, func(i, j int) bool {
		if count[g.vocab[i]] != count[g.vocab[j]] {
			return count[g.vocab[i]] > count[g.vocab[j]]
		}
		return g.vocab[i] < g.vocab[j]
	})
	g.zipf = rand.NewZipf(r, 1.07, 2, uint64(len(g.vocab)-1))
	return g
}

// VocabSize returns the number of distinct syllables drawn from.
func (g *Generator) VocabSize() int { return len(g.vocab) }

// Words returns n words separated by spaces, with a full stop now and then.
func (g *Generator) Words(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		// One time in eight a pair of neighbours from the pool, so that
		// two-syllable words occur as they do in real text.
		if g.r.IntN(8) == 0 {
			j := g.r.IntN(len(Syllables) - 1)
			b.WriteString(Syllables[j] + " " + Syllables[j+1])
			continue
		}
		b.WriteString(g.vocab[g.zipf.Uint64()])
		if i%17 == 16 {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// Title returns a title of 8 to 15 words.
func (g *Generator) Title() string { return g.Words(8 + g.r.IntN(8)) }

// Lead returns a lead of 30 words.
func (g *Generator) Lead() string { return g.Words(30) }

// Body returns an HTML body of about n words in four paragraphs.
func (g *Generator) Body(n int) string {
	q := n / 4
	return "<p>" + g.Words(q) + "</p><p>" + g.Words(q) + "</p><p>" + g.Words(q) + "</p><p>" + g.Words(n-3*q) + "</p>"
}
