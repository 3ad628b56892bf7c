package render

// The interface's own words in the portal's two languages. Pages choose
// the language with Base.Lang ("" is Vietnamese); templates look words up
// with {{t .Lang "key"}}. The Vietnamese words are the ones the layout has
// always shown, so Vietnamese pages read as before.

// Languages of the portal.
const (
	LangVI = "vi"
	LangEN = "en"
)

// messages maps a language to its words by key. Every key has both
// languages (TestMessagesComplete).
var messages = map[string]map[string]string{
	LangVI: {
		"skip":          "Chuyển đến nội dung chính",
		"search.label":  "Tìm kiếm",
		"search.holder": "Tìm kiếm…",
		"search.button": "Tìm",
		"search.region": "Tìm kiếm trên cổng",
		"menu.label":    "Menu chính",
		"footer.rss":    "Kênh RSS",
		"menu.home":     "Trang chủ",
		"sidebar.label": "Thông tin thêm",
		"footer.addr":   "Địa chỉ:",
		"footer.phone":  "Điện thoại:",
		"footer.email":  "Email:",
		"footer.soft":   "Vận hành trên phần mềm mã nguồn mở congtin.",
		"footer.links":  "Liên kết",
		"lang.switch":   "English",
		"lang.name":     "Tiếng Anh",
		"about":         "Giới thiệu",
		"orgchart":      "Cơ cấu tổ chức",
		"leaders":       "Lãnh đạo",
		"phone":         "Điện thoại",
		"email":         "Email",
		"units":         "Đơn vị trực thuộc",
		"print":         "Bản in",
		"back":          "Quay lại",
		"printbutton":   "In trang này",
		"source":        "Nguồn:",
		"error":         "Lỗi",
		"home.back":     "Về trang chủ",
		"updated":       "Cập nhật:",
		"nopages":       "Chưa có trang giới thiệu nào.",
		"nounits":       "Chưa có thông tin cơ cấu tổ chức.",
	},
	LangEN: {
		"skip":          "Skip to main content",
		"search.label":  "Search (in Vietnamese)",
		"search.holder": "Search…",
		"search.button": "Search",
		"search.region": "Search the portal",
		"menu.label":    "Main menu",
		"footer.rss":    "RSS feeds (in Vietnamese)",
		"menu.home":     "Home",
		"sidebar.label": "More information",
		"footer.addr":   "Address:",
		"footer.phone":  "Phone:",
		"footer.email":  "Email:",
		"footer.soft":   "Runs on congtin, open-source software.",
		"footer.links":  "Links",
		"lang.switch":   "Tiếng Việt",
		"lang.name":     "Vietnamese",
		"about":         "About us",
		"orgchart":      "Organisation",
		"leaders":       "Leaders",
		"phone":         "Phone",
		"email":         "Email",
		"units":         "Units",
		"print":         "Print",
		"back":          "Back",
		"printbutton":   "Print this page",
		"source":        "Source:",
		"error":         "Error",
		"home.back":     "Back to the English home page",
		"updated":       "Updated:",
		"nopages":       "There are no pages in English yet.",
		"nounits":       "The organisation chart has not been published yet.",
	},
}

// T returns the word for key in lang, falling back to Vietnamese, then to
// the key itself (which a test would catch).
func T(lang, key string) string {
	if lang == "" {
		lang = LangVI
	}
	if m, ok := messages[lang]; ok {
		if s, ok := m[key]; ok {
			return s
		}
	}
	if s, ok := messages[LangVI][key]; ok {
		return s
	}
	return key
}

// HTMLLang returns the lang attribute of a page in lang.
func HTMLLang(lang string) string {
	if lang == "" {
		return LangVI
	}
	return lang
}
