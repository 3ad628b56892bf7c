package admin

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docx"
)

// The export of a consultation's comments for the drafting team (issue
// 18): a Word file with one table, which the team pastes into its report
// on how the comments were taken in (báo cáo tổng hợp, tiếp thu, giải
// trình), and the same rows as CSV for a spreadsheet. Both list the
// comments by article of the draft, the whole draft first, so the team
// answers them article by article.

// exportColumns are the columns of both exports, in order. "Liên hệ"
// holds the sender's private e-mail and phone, which the public page
// never shows: the export is for staff only, and the drafting team needs
// them to ask a commenter what was meant.
var exportColumns = []string{"STT", "Điều", "Người góp ý", "Liên hệ", "Thời gian gửi",
	"Nội dung góp ý", "Tệp đính kèm", "Giải trình, tiếp thu", "Trạng thái"}

// exportWeights share the Word table's width among exportColumns: the
// texts (comment, answer) get the most.
var exportWeights = []int{5, 7, 12, 12, 11, 23, 9, 13, 8}

// exportTime writes a time as the back office shows it, in Vietnam time.
func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(congtin.VietnamZone).Format("02/01/2006 15:04")
}

// commentGroup is the comments on one article of the draft (0: on the
// whole draft).
type commentGroup struct {
	Article  int
	Comments []*congtin.ConsultationComment
}

// groupComments orders the comments by article of the draft in numeric
// order (Điều 2 before Điều 10), the comments on the whole draft first,
// and within an article by the time they were sent, and groups them by
// article. The store lists them so already; the exports do not depend on
// it. comments is not changed.
func groupComments(comments []*congtin.ConsultationComment) []commentGroup {
	sorted := slices.Clone(comments)
	slices.SortStableFunc(sorted, func(a, b *congtin.ConsultationComment) int {
		return cmp.Or(cmp.Compare(max(a.Article, 0), max(b.Article, 0)),
			a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	var groups []commentGroup
	for _, c := range sorted {
		art := max(c.Article, 0)
		if len(groups) == 0 || groups[len(groups)-1].Article != art {
			groups = append(groups, commentGroup{Article: art})
		}
		g := &groups[len(groups)-1]
		g.Comments = append(g.Comments, c)
	}
	return groups
}

// exportRow is a comment's row in both exports; n is its number (STT).
// Multi-line cells keep their "\n": a line break in Word, a line within
// the cell in a spreadsheet.
func exportRow(n int, c *congtin.ConsultationComment) []string {
	sender := c.Name
	if c.Organization != "" {
		sender += "\n" + c.Organization
	}
	var contact []string
	for _, s := range []string{c.Email, c.Phone} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	if c.Purged {
		contact = []string{"Đã xoá sau thời hạn lưu giữ"}
	}
	return []string{strconv.Itoa(n), c.ArticleName(), sender, strings.Join(contact, "\n"), exportTime(c.CreatedAt),
		c.Body, c.FileName, c.Answer, congtin.CommentStateName(c.Status)}
}

// checkExport refuses comments of another consultation (or site) than c:
// the export holds private contacts, and a caller's mistake must not put
// one consultation's commenters in another's file.
func checkExport(c *congtin.Consultation, comments []*congtin.ConsultationComment) error {
	for _, cm := range comments {
		if cm.ConsultationID != c.ID || cm.SiteID != c.SiteID {
			return fmt.Errorf("admin: export: comment %d is of consultation %d of site %d, not %d of site %d",
				cm.ID, cm.ConsultationID, cm.SiteID, c.ID, c.SiteID)
		}
	}
	return nil
}

// exportRows numbers the groups' comments (STT) across the groups and
// returns their rows; with headings, each group starts with a row of one
// cell naming its article and how many comments it holds.
func exportRows(groups []commentGroup, headings bool) [][]string {
	var rows [][]string
	n := 0
	for _, g := range groups {
		if headings {
			rows = append(rows, []string{congtin.ArticleName(g.Article) + " (" + strconv.Itoa(len(g.Comments)) + " ý kiến)"})
		}
		for _, c := range g.Comments {
			n++
			rows = append(rows, exportRow(n, c))
		}
	}
	return rows
}

// commentsDOCX writes the comments on c as a Word document: a heading,
// the draft and its period, the counts, then one table of exportColumns,
// a row heading each article's group. now is the time of the export,
// written as the file's creation time.
func commentsDOCX(w io.Writer, c *congtin.Consultation, comments []*congtin.ConsultationComment, now time.Time) error {
	if err := checkExport(c, comments); err != nil {
		return err
	}
	// A landscape page gives the nine columns room.
	d := &docx.Document{Title: "Tổng hợp ý kiến góp ý: " + c.Title, Creator: "congtin", Created: now, Landscape: true}
	d.Heading(1, "TỔNG HỢP Ý KIẾN GÓP Ý")
	d.Heading(2, c.Title)
	var n congtin.CommentCounts
	for _, cm := range comments {
		switch cm.Status {
		case congtin.CommentPublished:
			n.Published++
		case congtin.CommentHidden:
			n.Hidden++
		default:
			n.Pending++
		}
	}
	groups := groupComments(comments)
	articles := 0
	for _, g := range groups {
		if g.Article > 0 {
			articles++
		}
	}
	d.Paragraph("Số hiệu dự thảo: " + c.Number)
	d.Paragraph("Cơ quan chủ trì soạn thảo: " + c.Drafter)
	d.Paragraph("Thời gian lấy ý kiến: từ " + exportTime(c.OpensAt) + " đến " + exportTime(c.ClosesAt) + " (giờ Việt Nam).")
	d.Paragraph("Số ý kiến nhận được: " + strconv.Itoa(n.Total()) + " (" +
		congtin.CommentStateName(congtin.CommentPublished) + ": " + strconv.Itoa(n.Published) + "; " +
		congtin.CommentStateName(congtin.CommentPending) + ": " + strconv.Itoa(n.Pending) + "; " +
		congtin.CommentStateName(congtin.CommentHidden) + ": " + strconv.Itoa(n.Hidden) + "). " +
		"Số điều của dự thảo được góp ý: " + strconv.Itoa(articles) + ".")
	d.Paragraph("Ngày lập: " + exportTime(now) + ".")
	if len(comments) == 0 {
		d.Paragraph("Chưa có ý kiến góp ý.")
	} else {
		d.Table(shareWidth(exportWeights, d.Width()), exportColumns, exportRows(groups, true))
	}
	if _, err := d.WriteTo(w); err != nil {
		return fmt.Errorf("admin: comments docx: %w", err)
	}
	return nil
}

// shareWidth shares total among columns in proportion to weights, the
// last column taking what rounding leaves, so they fill it exactly.
func shareWidth(weights []int, total int) []int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	widths := make([]int, len(weights))
	left := total
	for i, w := range weights[:len(weights)-1] {
		widths[i] = total * w / sum
		left -= widths[i]
	}
	widths[len(widths)-1] = left
	return widths
}

// commentsCSV writes the comments on c as CSV for a spreadsheet: the
// rows of commentsDOCX's table without the groups' headings (each row
// names its article), as writeCSVRows writes them: UTF-8 with a byte
// order mark, formula-like cells defused (a citizen's text reaches a staff
// member's spreadsheet). c itself is not written: the file's name says
// which consultation it is.
func commentsCSV(w io.Writer, c *congtin.Consultation, comments []*congtin.ConsultationComment) error {
	if err := checkExport(c, comments); err != nil {
		return err
	}
	// The header is cloned: writeCSVRows changes the cells it is given.
	rows := append([][]string{slices.Clone(exportColumns)}, exportRows(groupComments(comments), false)...)
	if err := writeCSVRows(w, rows); err != nil {
		return fmt.Errorf("admin: comments csv: %w", err)
	}
	return nil
}
