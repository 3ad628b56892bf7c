package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/congtin/congtin"
)

var weekdays = [...]string{"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// DateLine formats a time as Vietnamese portals do: "Thứ Ba, 01/10/2019, 10:40",
// in Vietnam time whatever the server's zone.
func DateLine(t time.Time) string {
	t = t.In(congtin.VietnamZone)
	return weekdays[t.Weekday()] + ", " + t.Format("02/01/2006, 15:04")
}

// ShortDate formats a time as dd/mm/yyyy in Vietnam time.
func ShortDate(t time.Time) string { return t.In(congtin.VietnamZone).Format("02/01/2006") }

// Digits splits a number into its decimal digits, for the odometer boxes.
// Totals shorter than minDigits are padded with zeros, as the old counters
// were.
func Digits(n int64) []string {
	const minDigits = 7
	s := strconv.FormatInt(max(n, 0), 10)
	for len(s) < minDigits {
		s = "0" + s
	}
	out := make([]string, len(s))
	for i := range s {
		out[i] = s[i : i+1]
	}
	return out
}

// Number formats n with dots between thousands, the Vietnamese way.
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// Funcs returns the template functions.
func Funcs(assetURL func(string) string) template.FuncMap {
	m := baseFuncs(assetURL)
	for k, v := range documentFuncs() {
		m[k] = v
	}
	for k, v := range mediaFuncs() {
		m[k] = v
	}
	for k, v := range projectFuncs() {
		m[k] = v
	}
	return m
}

func baseFuncs(assetURL func(string) string) template.FuncMap {
	return template.FuncMap{
		"asset":        assetURL,
		"dateline":     DateLine,
		"shortdate":    ShortDate,
		"isodate":      func(t time.Time) string { return t.In(congtin.VietnamZone).Format(time.DateOnly) },
		"isotime":      func(t time.Time) string { return t.In(congtin.VietnamZone).Format(time.RFC3339) },
		"digits":       Digits,
		"unsearchable": Unsearchable,
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(congtin.VietnamZone).Format("02/01/2006 15:04")
		},
		"statusName":   congtin.StatusName,
		"qaState":      congtin.QAStateName,
		"commentState": congtin.CommentStateName,
		"roleName":     congtin.RoleName,
		"actionName":   ActionName,
		"auditName":    congtin.AuditActionName,
		"objectName":   congtin.AuditObjectName,
		"catOptions":   CatOptions,
		"noticeNoun":   func(k congtin.Kind) string { return congtin.NoticeNoun(k) },
		"list":         func(v ...string) []string { return v },
		"int64":        func(n int) int64 { return int64(n) },
		"has": func(vs []string, v string) bool {
			for _, x := range vs {
				if x == v {
					return true
				}
			}
			return false
		},
		"catPath": func(cs congtin.Categories, c *congtin.Category) string {
			var names []string
			for _, a := range cs.Ancestors(c) {
				names = append(names, a.Name)
			}
			return strings.Join(names, " › ")
		},
		"number":   Number,
		"t":        T,
		"inc":      func(i int) int { return i + 1 },
		"dayLabel": DayLabel,
		"slug":     congtin.Slugify,
		"unitTree": func(us []*congtin.Unit, en bool, lang string) UnitTreeData {
			return UnitTreeData{Units: us, EN: en, Lang: lang}
		},
		"htmlLang": HTMLLang,
		"hm":       func(t time.Time) string { return t.In(congtin.VietnamZone).Format("15:04") },
		// live marks where a value that changes with every reader goes (the
		// visit counter, an article's views); see live.go.
		"live": liveMarker,
		// body marks an article body as safe HTML; see Body.
		"body": Body,
	}
}

// ActionName returns the Vietnamese label of a workflow action's button.
func ActionName(act string) string {
	switch act {
	case congtin.ActSubmit:
		return "Gửi duyệt"
	case congtin.ActReturn:
		return "Trả lại"
	case congtin.ActPublish:
		return "Xuất bản"
	case congtin.ActUnpublish:
		return "Gỡ bài"
	case congtin.ActDecline:
		return "Không công bố"
	case congtin.ActWithdraw:
		return "Rút lại"
	case congtin.ActComment:
		return "Gửi ý kiến"
	}
	return act
}

// CatOption is a category of a select, in tree order.
type CatOption struct {
	ID       int64
	Label    string // the name, indented by its depth; "(ẩn)" when hidden
	Selected bool
}

// CatOptions lists the categories for a select in menu order, each
// under its parent and indented (congtin.Categories.Tree), selected the
// one with the ID; without except and its subtree (a category's
// possible parents).
func CatOptions(cs congtin.Categories, selected, except int64) []CatOption {
	var skip map[int64]bool
	if except != 0 {
		skip = map[int64]bool{}
		for _, id := range cs.Subtree(except) {
			skip[id] = true
		}
	}
	var out []CatOption
	for _, n := range cs.Tree() {
		if skip[n.ID] {
			continue
		}
		label := n.Name
		if n.Depth > 0 {
			label = strings.Repeat("\u00a0\u00a0\u00a0", n.Depth) + "– " + label
		}
		if n.Hidden {
			label += " (ẩn)"
		}
		out = append(out, CatOption{ID: n.ID, Label: label, Selected: n.ID == selected})
	}
	return out
}

// Unsearchable reports whether a query typed has something but no letter
// or digit: the search finds nothing in it, and the page says why.
func Unsearchable(q string) bool {
	q = strings.TrimSpace(q)
	return q != "" && !strings.ContainsFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}
