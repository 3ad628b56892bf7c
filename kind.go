package congtin

// Kind names a kind of thing the portal keeps. Errors about a missing one
// name its kind, so that a store can report "no such row" without writing
// the message a reader sees: the message is the kind's, once, here.
type Kind string

// The kinds. Those with an editorial workflow (see Item) come first.
const (
	KindArticle      Kind = "article"
	KindPage         Kind = "page"     // a page of the about section
	KindDocument     Kind = "document" // the documents register
	KindQuestion     Kind = "question" // Q&A
	KindScheduleWeek Kind = "schedule_week"
	KindConsultation Kind = "consultation" // a draft put out for comment
	KindDataset      Kind = "dataset"      // of the open-data catalogue
	KindProject      Kind = "project"      // an investment project
	KindProcurement  Kind = "procurement"  // a procurement notice (gói thầu)

	KindCategory      Kind = "category"
	KindRevision      Kind = "revision"
	KindUnit          Kind = "unit"
	KindLink          Kind = "link"
	KindQAField       Kind = "qa_field"
	KindScheduleEntry Kind = "schedule_entry"
	KindDocumentFile  Kind = "document_file"
	KindDocumentTerm  Kind = "document_term"
	KindUser          Kind = "user"
	KindMember        Kind = "member" // a user's role on a site
	KindAPIToken      Kind = "api_token"
	KindSite          Kind = "site"
	KindSession       Kind = "session"
	KindQuestionCode  Kind = "question_code" // a question looked up by its asker's code
	KindMedia         Kind = "media"         // an image of the library
	KindRedirect      Kind = "redirect"      // an old address of an imported site
	KindNotification  Kind = "notification"  // of the back office
	KindDraft         Kind = "draft"         // an editor's autosaved form
	KindSpellingGroup Kind = "spelling"      // a site's group of equivalent spellings
	KindPoll          Kind = "poll"          // a poll (thăm dò ý kiến)
	KindComment       Kind = "comment"       // a comment on a consultation's draft
	KindCommentCode   Kind = "comment_code"  // a comment looked up by its sender's code
	KindResource      Kind = "resource"      // a dataset's file or link
	KindDisclosure    Kind = "disclosure"    // a disclosure page: a group of the documents register
	KindProcedure     Kind = "procedure"     // an administrative procedure
)

// notFound holds the message a reader sees when a thing of a kind is not
// there.
var notFound = map[Kind]string{
	KindArticle:       "Không tìm thấy bài viết.",
	KindPage:          "Không tìm thấy trang giới thiệu.",
	KindDocument:      "Không tìm thấy văn bản.",
	KindQuestion:      "Không tìm thấy câu hỏi.",
	KindScheduleWeek:  "Không tìm thấy lịch tuần.",
	KindConsultation:  "Không tìm thấy dự thảo lấy ý kiến.",
	KindDataset:       "Không tìm thấy tập dữ liệu.",
	KindResource:      "Không tìm thấy tài nguyên dữ liệu.",
	KindProject:       "Không tìm thấy dự án.",
	KindProcurement:   "Không tìm thấy thông báo mời thầu.",
	KindProcedure:     "Không tìm thấy thủ tục hành chính.",
	KindCategory:      "Không tìm thấy chuyên mục.",
	KindRevision:      "Không tìm thấy phiên bản.",
	KindUnit:          "Không tìm thấy đơn vị.",
	KindLink:          "Không tìm thấy liên kết.",
	KindPoll:          "Không tìm thấy cuộc thăm dò ý kiến.",
	KindQAField:       "Không tìm thấy lĩnh vực.",
	KindScheduleEntry: "Không tìm thấy mục lịch công tác.",
	KindDocumentFile:  "Không tìm thấy tệp đính kèm.",
	KindDocumentTerm:  "Không tìm thấy mục này trong danh mục.",
	KindUser:          "Không tìm thấy người dùng.",
	KindMember:        "Không tìm thấy người dùng hoặc cổng thông tin.",
	KindAPIToken:      "Không tìm thấy khóa API.",
	KindSite:          "Không tìm thấy trang.",
	KindSession:       "Phiên đăng nhập đã hết hạn.",
	KindQuestionCode:  "Không có câu hỏi nào với mã tra cứu này. Xin kiểm tra lại mã.",
	KindMedia:         "Không tìm thấy ảnh.",
	KindRedirect:      "Không tìm thấy trang.",
	KindNotification:  "Không tìm thấy thông báo.",
	KindDraft:         "Không có nội dung chưa lưu.",
	KindSpellingGroup: "Không tìm thấy nhóm cách viết này.",
	KindComment:       "Không tìm thấy ý kiến góp ý.",
	KindDisclosure:    "Không tìm thấy trang công khai.",
	KindCommentCode:   "Không có ý kiến góp ý nào với mã tra cứu này. Xin kiểm tra lại mã.",
}

// NotFound is the ENOTFOUND error for a missing thing of kind k.
func NotFound(k Kind) error {
	msg, ok := notFound[k]
	if !ok {
		msg = "Không tìm thấy."
	}
	return &Error{Code: ENOTFOUND, Message: msg}
}

// Errors a store returns when the database refuses a write for a reason
// the user can act on. Stores wrap them (errors.Is finds them); the
// messages are the readers'.
var (
	// ErrConflict: a concurrent writer got there first (a unique key taken
	// between the check and the write, a deadlock); trying again works.
	ErrConflict = &Error{Code: ECONFLICT, Message: "Dữ liệu vừa được người khác thay đổi; xin vui lòng thử lại."}
	// ErrBadText: text the database cannot hold (invalid UTF-8, a NUL).
	ErrBadText = &Error{Code: EINVALID, Message: "Nội dung có ký tự không hợp lệ."}
	// ErrGone: a row the write refers to was deleted by a concurrent
	// transaction (a foreign key refused it).
	ErrGone = &Error{Code: ECONFLICT, Message: "Dữ liệu liên quan vừa bị xóa; xin tải lại trang và thử lại."}
)
