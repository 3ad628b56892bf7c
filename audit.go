package congtin

import (
	"strings"
	"time"
)

// AuditEntry records who did what, when, from where, on what.
type AuditEntry struct {
	ID         int64     `json:"id"`
	SiteID     int64     `json:"site_id"`
	UserID     int64     `json:"user_id"`
	Username   string    `json:"username"`
	IP         string    `json:"ip"`
	Action     string    `json:"action"`      // e.g. "login", "login_failed", "article.publish"
	ObjectType string    `json:"object_type"` // "article", "category", "user", "site", ""
	ObjectID   int64     `json:"object_id"`
	Detail     string    `json:"detail"`
	CreatedAt  time.Time `json:"created_at"`
}

// AuditFilter selects audit entries; zero values mean "any".
type AuditFilter struct {
	SiteID     int64
	Username   string
	Action     string // prefix match: "article" finds every article action
	ObjectType string
	ObjectID   int64
	// ItemKey selects, for an item with a key instead of an ID (a
	// schedule week, "2026-W48"), the entries whose detail starts with it.
	ItemKey  string
	From, To time.Time
	Offset   int
	Limit    int
}

// Entry makes an audit entry for the actor.
func (a Actor) Entry(siteID int64, action, objectType string, objectID int64, detail string) *AuditEntry {
	e := &AuditEntry{SiteID: siteID, IP: a.IP, Action: action, ObjectType: objectType, ObjectID: objectID, Detail: detail}
	if a.User != nil {
		e.UserID, e.Username = a.User.ID, a.User.Username
	}
	return e
}

// auditNames are the Vietnamese names of the audit log's actions that
// are not an object's verb (below), or that read better whole.
var auditNames = map[string]string{
	"login":                "Đăng nhập",
	"login_failed":         "Đăng nhập sai",
	"login_locked":         "Đăng nhập khi đang bị tạm khóa",
	"logout":               "Đăng xuất",
	"user.password":        "Đổi mật khẩu",
	"user.role":            "Đổi quyền người dùng",
	"token.revoke":         "Thu hồi khóa API",
	"user.notify":          "Đổi cách nhận thông báo",
	"site.settings":        "Sửa cài đặt cổng thông tin",
	"media.upload":         "Tải ảnh lên",
	"question.purge":       "Xóa thông tin cá nhân của người hỏi",
	"article.restore":      "Khôi phục phiên bản bài viết",
	"page.restore":         "Khôi phục phiên bản trang giới thiệu",
	"schedule.create":      "Thêm mục lịch công tác",
	"schedule.edit":        "Sửa mục lịch công tác",
	"schedule.delete":      "Xóa mục lịch công tác",
	"schedule.restore":     "Khôi phục mục lịch công tác",
	"document.import":      "Nhập văn bản từ tệp",
	"document.file_text":   "Sửa chữ đọc được từ tệp đính kèm",
	"document.file_reread": "Yêu cầu đọc lại tệp đính kèm",
	"poll.close":           "Kết thúc sớm cuộc thăm dò ý kiến",
	"procedure.import":     "Nhập thủ tục hành chính từ tệp CSV",
	"procedure.show":       "Hiện thủ tục hành chính trên cổng",
	"procedure.hide":       "Ẩn thủ tục hành chính khỏi cổng",
	// A consultation's comments and its report.
	"comment.publish":            "Công bố ý kiến góp ý dự thảo",
	"comment.hide":               "Không công bố ý kiến góp ý dự thảo",
	"comment.requeue":            "Đưa ý kiến góp ý về chờ duyệt",
	"comment.answer":             "Giải trình, tiếp thu ý kiến góp ý",
	"comment.unanswer":           "Xóa phần giải trình ý kiến góp ý",
	"comment.purge":              "Xóa thông tin liên hệ của người góp ý",
	"consultation.report":        "Công bố báo cáo tổng hợp, tiếp thu, giải trình",
	"consultation.report_remove": "Gỡ báo cáo tổng hợp, tiếp thu, giải trình",
}

// auditObjects name what an action's prefix acts on. A schedule's steps
// are on a week (schedule.publish), its other actions on an entry (see
// auditNames).
var auditObjects = map[string]string{
	"article":       "bài viết",
	"page":          "trang giới thiệu",
	"document":      "văn bản",
	"consultation":  "dự thảo lấy ý kiến",
	"dataset":       "tập dữ liệu",
	"dataset_theme": "chủ đề dữ liệu mở",
	"project":       "dự án",
	"procurement":   "thông báo mời thầu",
	"document_term": "mục danh mục văn bản",
	"question":      "câu hỏi",
	"qa_field":      "lĩnh vực hỏi đáp",
	"schedule":      "lịch tuần",
	"category":      "chuyên mục",
	"user":          "người dùng",
	"site":          "cổng thông tin",
	"media":         "ảnh",
	"link":          "liên kết",
	"spelling":      "nhóm cách viết tương đương",
	"unit":          "đơn vị",
	"poll":          "cuộc thăm dò ý kiến",
	"comment":       "ý kiến góp ý dự thảo",
	"disclosure":    "trang công khai",
	"procedure":     "thủ tục hành chính",
}

// auditVerbs name what an action does, before its object.
var auditVerbs = map[string]string{
	"create":    "Tạo",
	"edit":      "Sửa",
	"update":    "Sửa",
	"delete":    "Xóa",
	"restore":   "Khôi phục",
	"submit":    "Gửi duyệt",
	"withdraw":  "Rút lại",
	"return":    "Trả lại",
	"publish":   "Xuất bản",
	"unpublish": "Gỡ",
	"decline":   "Không công bố",
	"comment":   "Gửi ý kiến về",
	"upload":    "Tải lên",
	"enable":    "Mở khóa",
	"disable":   "Khóa",
	"move":      "Chuyển chuyên mục",
}

// AuditActionName returns the Vietnamese name of an audit log action
// ("article.publish" → "Xuất bản bài viết"): a name of its own, or its
// verb and its object. An action it does not know keeps its code.
func AuditActionName(action string) string {
	if n, ok := auditNames[action]; ok {
		return n
	}
	obj, verb, ok := strings.Cut(action, ".")
	if !ok {
		if o, ok := auditObjects[action]; ok {
			return upperFirst(o)
		}
		return action
	}
	o, okObj := auditObjects[obj]
	v, okVerb := auditVerbs[verb]
	if !okObj || !okVerb {
		return action
	}
	return v + " " + o
}

// AuditObjectName returns the Vietnamese name of an audit entry's object
// type ("article" → "Bài viết"), or the type itself when it has none.
func AuditObjectName(objectType string) string {
	switch objectType {
	case "schedule":
		return "Mục lịch công tác"
	case string(KindScheduleWeek):
		return "Lịch tuần"
	}
	if strings.HasPrefix(objectType, "document_") {
		objectType = "document_term"
	}
	if o, ok := auditObjects[objectType]; ok {
		return upperFirst(o)
	}
	return objectType
}
