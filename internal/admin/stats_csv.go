package admin

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
)

// utf8BOM starts every export: without it, Excel reads a CSV file in the
// system's legacy code page and garbles Vietnamese.
const utf8BOM = "\uFEFF"

// handleStatsCSV exports the figures of a range as CSV: kind=days (visits
// and views per day), articles (every article viewed in the range, most
// read first) or categories (views per category).
func (s *Server) handleStatsCSV(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActStats, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	sq, err := s.readStatsQuery(r)
	if err != nil {
		if ve, ok := err.(*congtin.ValidationError); ok {
			err = congtin.Errorf(congtin.EINVALID, "Không tải được số liệu: %s", firstError(ve.Fields, "tu", "den", "top"))
		}
		s.error(w, r, rq, err)
		return
	}
	kind := r.URL.Query().Get("kind")
	var rows [][]string
	var name string
	switch kind {
	case "days":
		name = "theo-ngay"
		rows, err = s.daysCSV(r, rq, sq.rng)
	case "articles":
		name = "bai-viet"
		rows, err = s.articlesCSV(r, rq, sq.rng)
	case "categories":
		name = "chuyen-muc"
		rows, err = s.categoriesCSV(r, rq, sq.rng)
	case "resources":
		name = "tai-du-lieu-mo"
		rows, err = s.resourcesCSV(r, rq, sq.rng)
	default:
		err = congtin.Errorf(congtin.EINVALID, "Loại số liệu cần tải không hợp lệ: chọn theo ngày (days), bài viết (articles), chuyên mục (categories) hoặc lượt tải dữ liệu mở (resources).")
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	// The range was validated: the file name holds only digits and dashes.
	s.writeCSV(w, r, rq, rows, "thong-ke-"+name+"-"+sq.rng.From+"-"+sq.rng.To+".csv")
}

// writeCSV sends rows as a CSV file for a spreadsheet: UTF-8 with a BOM,
// CRLF, formula-like cells defused. name must need no quoting.
func (s *Server) writeCSV(w http.ResponseWriter, r *http.Request, rq *request, rows [][]string, name string) {
	var buf bytes.Buffer
	if err := writeCSVRows(&buf, rows); err != nil {
		s.error(w, r, rq, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// writeCSVRows writes rows to w as CSV for a spreadsheet: UTF-8 with a
// BOM, CRLF, formula-like cells defused (rows' cells are changed so).
func writeCSVRows(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // as Excel writes it
	for _, row := range rows {
		for i := range row {
			row[i] = csvCell(row[i])
		}
	}
	return cw.WriteAll(rows)
}

// csvCell defuses a cell a spreadsheet would run as a formula: one that
// starts with = + - @ (or a tab or carriage return, which some strip
// before looking) gets a leading apostrophe, and is shown as text. Titles
// and category names are typed by editors, and imported from elsewhere.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (s *Server) daysCSV(r *http.Request, rq *request, rng congtin.DayRange) ([][]string, error) {
	visits, err := s.stats.DailyVisits(r.Context(), rq.site.ID, rng)
	if err != nil {
		return nil, err
	}
	views, err := s.stats.DailyViews(r.Context(), rq.site.ID, rng)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"Ngày", "Lượt truy cập", "Lượt xem bài viết"}}
	for i, v := range visits {
		rows = append(rows, []string{v.Day, num(v.Count), num(views[i].Count)})
	}
	return rows, nil
}

func (s *Server) articlesCSV(r *http.Request, rq *request, rng congtin.DayRange) ([][]string, error) {
	top, err := s.stats.TopArticles(r.Context(), rq.site.ID, rng, 0)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"Hạng", "Mã bài", "Tiêu đề", "Chuyên mục", "Trạng thái", "Lượt xem"}}
	for i, a := range top {
		cat, status := a.CategoryName, congtin.StatusName(a.Status)
		if !a.Exists {
			cat, status = congtin.UnknownCategory, "Đã xoá"
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), num(a.ArticleID), a.Label(), cat, status, num(a.Views)})
	}
	return rows, nil
}

// resourcesCSV lists every resource of the open-data catalogue downloaded
// in the range, most first.
func (s *Server) resourcesCSV(r *http.Request, rq *request, rng congtin.DayRange) ([][]string, error) {
	top, err := s.stats.TopResources(r.Context(), rq.site.ID, rng, 0)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"Hạng", "Mã tập dữ liệu", "Tập dữ liệu", "Mã tài nguyên", "Tài nguyên", "Lượt tải"}}
	for i, x := range top {
		rows = append(rows, []string{strconv.Itoa(i + 1), num(x.DatasetID), x.DatasetTitle, num(x.ResourceID), resourceLabel(x), num(x.Downloads)})
	}
	return rows, nil
}

// resourceLabel names a resource in the statistics, saying so when it has
// been removed.
func resourceLabel(x *congtin.ResourceDownloads) string {
	if x.ResourceName == "" {
		return "(đã xoá)"
	}
	return x.ResourceName
}

func (s *Server) categoriesCSV(r *http.Request, rq *request, rng congtin.DayRange) ([][]string, error) {
	cats, err := s.stats.ViewsByCategory(r.Context(), rq.site.ID, rng)
	if err != nil {
		return nil, err
	}
	rows := [][]string{{"Mã chuyên mục", "Chuyên mục", "Lượt xem"}}
	for _, c := range cats {
		id := num(c.CategoryID)
		if c.CategoryID == 0 {
			id = "" // the articles are gone, and with them their category
		}
		rows = append(rows, []string{id, c.Name, num(c.Views)})
	}
	return rows, nil
}

// num writes a number plainly, without thousands separators, so that
// spreadsheets read it as a number whatever their locale.
func num(n int64) string { return strconv.FormatInt(n, 10) }
