package relevance

import (
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

// The categories of the corpus, as import records name them: a child is
// "Parent > Child". Queries filter by a category's own name ("Y tế",
// "Văn hóa - xã hội"), which takes in its children.
const (
	catNews     = "Tin tức - Sự kiện"
	catSecurity = "Quốc phòng - An ninh"
	catEconomy  = "Kinh tế"
	catFarming  = "Kinh tế > Nông nghiệp"
	catSociety  = "Văn hóa - xã hội"
	catHealth   = "Văn hóa - xã hội > Y tế"
	catSchool   = "Văn hóa - xã hội > Giáo dục"
	catNotice   = "Thông báo"
)

// Categories lists the category paths the corpus uses, parents first.
var categories = []string{catNews, catSecurity, catEconomy, catFarming, catSociety, catHealth, catSchool, catNotice}

// corpusSize is the number of articles: the targets, then filler.
const corpusSize = 320

// Corpus returns the fixture articles, ordered by ExternalID ("rel-0001",
// "rel-0002", …): first the hand-written targets the queries are about,
// then generated filler. It is the same on every call and a new slice each
// time, so callers may change it.
func Corpus() []congtin.ArticleImport {
	ts := targets()
	out := make([]congtin.ArticleImport, 0, corpusSize)
	for _, t := range ts {
		out = append(out, t.record())
	}
	return append(out, filler(len(out)+1, corpusSize-len(out))...)
}

// externalID gives the n-th article's ID, from 1.
func externalID(n int) string { return fmt.Sprintf("rel-%04d", n) }

// article is a hand-written target: its text, with the body as plain
// paragraphs that record wraps in <p> and pads with neutral paragraphs to a
// realistic length.
type article struct {
	id, cat, at, author string
	title, lead         string
	paras               []string
	pad                 int // the first padding paragraph to use
}

// minBodyWords is the length a target's body is padded to.
const minBodyWords = 90

func (a article) record() congtin.ArticleImport {
	var b strings.Builder
	words := 0
	for _, p := range a.paras {
		b.WriteString("<p>" + p + "</p>\n")
		words += len(strings.Fields(p))
	}
	for i := 0; words < minBodyWords; i++ {
		p := padding[(a.pad+i)%len(padding)]
		b.WriteString("<p>" + p + "</p>\n")
		words += len(strings.Fields(p))
	}
	return congtin.ArticleImport{
		Title:       a.title,
		Lead:        a.lead,
		Body:        strings.TrimSuffix(b.String(), "\n"),
		Category:    a.cat,
		Author:      a.author,
		PublishedAt: a.at,
		ExternalID:  a.id,
	}
}

// padding are neutral closing paragraphs of a provincial news story. They
// contain none of the queries' phrases.
var padding = []string{
	"Phát biểu tại buổi làm việc, lãnh đạo Ủy ban nhân dân tỉnh ghi nhận những kết quả đạt được, đồng thời đề nghị các sở, ngành và địa phương tiếp tục phối hợp chặt chẽ, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.",
	"Các đại biểu đã thảo luận, làm rõ nguyên nhân của những hạn chế, đề xuất nhiều giải pháp thiết thực để nâng cao hiệu quả công tác trong thời gian tới, bảo đảm hoàn thành các chỉ tiêu mà Nghị quyết Đại hội Đảng bộ tỉnh đã đề ra.",
	"Theo đánh giá của cơ quan chuyên môn, kết quả này có sự đóng góp quan trọng của cả hệ thống chính trị và sự đồng thuận của nhân dân; nhiều cách làm hay, sáng tạo ở cơ sở đã được ghi nhận và nhân rộng.",
	"Dịp này, Ủy ban nhân dân tỉnh đã tặng bằng khen cho các tập thể và cá nhân có thành tích xuất sắc, góp phần động viên cán bộ, đảng viên và nhân dân tiếp tục thi đua hoàn thành nhiệm vụ.",
	"Kết thúc buổi làm việc, đoàn đề nghị địa phương sớm hoàn thiện báo cáo, gửi về cơ quan thường trực trước ngày 15 của tháng sau để tổng hợp, trình Thường trực Tỉnh ủy xem xét, cho ý kiến.",
	"Người dân bày tỏ phấn khởi, mong muốn chính quyền tiếp tục lắng nghe ý kiến của bà con, công khai, minh bạch các khoản đóng góp và thường xuyên thông tin kết quả thực hiện trên loa truyền thanh của thôn.",
	"Trong thời gian tới, ngành chức năng sẽ tăng cường kiểm tra, giám sát, kịp thời chấn chỉnh những sai sót, bảo đảm các chính sách được triển khai đúng đối tượng, đúng quy định và mang lại lợi ích thiết thực.",
	"Cũng tại hội nghị, các đơn vị đã ký kết giao ước thi đua, cam kết thực hiện tốt nhiệm vụ chính trị được giao, phấn đấu hoàn thành vượt mức kế hoạch của năm.",
}
