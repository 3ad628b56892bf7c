package congtin

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Comments on a consultation (góp ý dự thảo): organisations and citizens
// send them without an account while the consultation is open; staff
// publish or hide each (the reason for hiding kept in the audit log) and
// may answer it (giải trình). The sender's contact is kept private, as the
// Q&A's asker's is, and blanked after the same retention period.

// Limits on what a commenter may send.
const (
	MaxCommentBody   = 10000 // characters, as the issue asks
	MinCommentBody   = 10    // characters: "Đồng ý." says little, but may be said
	MaxCommentOrgLen = 300
	MaxCommentAnswer = 20000
	MaxHideReasonLen = 500
	// MaxDraftArticle bounds the article number (Điều) a comment names:
	// the longest Vietnamese codes have under 800 articles.
	MaxDraftArticle = 2000
)

// States of a comment.
const (
	CommentPending   = "pending"   // Chờ duyệt: not shown yet
	CommentPublished = "published" // Đã công bố
	CommentHidden    = "hidden"    // Không công bố, with a reason in the audit log
)

// CommentStateName returns the Vietnamese name of a comment's state.
func CommentStateName(s string) string {
	switch s {
	case CommentPending:
		return "Chờ duyệt"
	case CommentPublished:
		return "Đã công bố"
	case CommentHidden:
		return "Không công bố"
	}
	return s
}

// ArticleName names an article of the draft as people write it: "Điều 5",
// or "Góp ý chung" for a comment on the whole draft (0).
func ArticleName(n int) string {
	if n <= 0 {
		return "Góp ý chung"
	}
	return "Điều " + strconv.Itoa(n)
}

// ConsultationComment is a comment on a consultation's draft.
type ConsultationComment struct {
	ID             int64
	SiteID         int64
	ConsultationID int64
	Name           string // the sender's name, public with the comment
	Organization   string // optional, public
	Email          string // private
	Phone          string // private
	// Article is the article (Điều) of the draft the comment concerns; 0
	// for the draft as a whole.
	Article int
	Body    string // plain text
	// The attachment, when one was sent (FileHash "" for none): stored
	// like the documents register's files, by its hash.
	FileName string
	FileKind string // FilePDF or FileDOCX
	FileSize int64
	FileHash string
	Status   string // CommentPending, CommentPublished, CommentHidden
	// Answer is the drafting body's explanation (giải trình), plain
	// text; shown with the comment once published.
	Answer       string
	AnsweredBy   int64
	AnsweredName string
	AnsweredAt   time.Time
	IPHash       string // keyed hash of the sender's address, for the limits
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Version      int64
	// Purged says the personal data were blanked after the retention
	// period.
	Purged bool
}

// IsPublic reports whether readers may see the comment.
func (c *ConsultationComment) IsPublic() bool { return c.Status == CommentPublished }

// ArticleName names the article the comment concerns.
func (c *ConsultationComment) ArticleName() string { return ArticleName(c.Article) }

// Sender is the name and organisation as the page shows them.
func (c *ConsultationComment) Sender() string {
	if c.Organization == "" {
		return c.Name
	}
	return c.Name + " (" + c.Organization + ")"
}

// CommentInput is what the public comment form sends.
type CommentInput struct {
	Name         string
	Organization string
	Email        string
	Phone        string
	Article      int
	Body         string
	// File is the attachment, checked (sniffed: PDF or DOCX only) and
	// stored already; nil for none.
	File *DocumentFileInput
}

// Normalize brings the texts to NFC and trims them.
func (in *CommentInput) Normalize() {
	NFC(&in.Name, &in.Organization, &in.Email, &in.Phone, &in.Body)
	for _, p := range []*string{&in.Name, &in.Organization, &in.Email, &in.Phone} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	in.Email = strings.ToLower(in.Email)
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
}

// Validate checks a comment as the Q&A checks a question: a name, one way
// to reach the sender, a text of MinCommentBody to MaxCommentBody
// characters, and an attachment only of the kinds a draft's comment takes.
func (in *CommentInput) Validate() error {
	fe := FieldErrors{}
	checkLine(fe, "name", "Họ và tên", in.Name, MaxAskerNameLen)
	if in.Organization != "" {
		checkLine(fe, "organization", "Tên cơ quan, tổ chức", in.Organization, MaxCommentOrgLen)
	}
	checkContact(fe, in.Email, in.Phone)
	if in.Article < 0 || in.Article > MaxDraftArticle {
		fe["article"] = "Số điều phải từ 1 đến " + itoa(MaxDraftArticle) + ", hoặc để trống nếu góp ý chung."
	}
	n := utf8.RuneCountInString(in.Body)
	switch {
	case !validText(in.Body) || hasControl(in.Body, true):
		fe["body"] = "Nội dung góp ý chứa ký tự không hợp lệ."
	case n == 0:
		fe["body"] = "Hãy nhập nội dung góp ý."
	case n < MinCommentBody:
		fe["body"] = "Nội dung góp ý quá ngắn (ít nhất " + itoa(MinCommentBody) + " ký tự)."
	case n > MaxCommentBody:
		fe["body"] = "Nội dung góp ý dài " + formatCount(n) + " ký tự, quá giới hạn " + formatCount(MaxCommentBody) + " ký tự. Ý kiến dài hơn xin gửi dưới dạng tệp đính kèm."
	}
	if f := in.File; f != nil && (f.Hash == "" || f.Size <= 0 || (f.Kind != FilePDF && f.Kind != FileDOCX)) {
		fe["file"] = "Tệp đính kèm phải là tệp PDF hoặc Word (.docx)."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// formatCount writes a count as Vietnamese do: 10.000.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ClosedError is the refusal of a comment outside the period: the form
// is gone from the page, but a page left open, or a bot, still posts.
func (c *Consultation) ClosedError(now time.Time) error {
	const f = "15:04 ngày 02/01/2006"
	if now.Before(c.OpensAt) {
		return Errorf(ECONFLICT, "Dự thảo này chưa mở lấy ý kiến: thời gian nhận ý kiến bắt đầu từ %s.", c.OpensAt.In(VietnamZone).Format(f))
	}
	return Errorf(ECONFLICT, "Đã hết thời gian lấy ý kiến dự thảo này (kết thúc lúc %s); ý kiến gửi sau thời điểm đó không được tiếp nhận. Xin cảm ơn bạn đã quan tâm.",
		c.ClosesAt.In(VietnamZone).Format(f))
}

// CommentModeration is a staff member's decision on a comment.
type CommentModeration struct {
	// Status is CommentPublished or CommentHidden (CommentPending puts
	// it back in the queue).
	Status string
	// Reason is why a comment is hidden: required then, kept in the
	// audit log, never shown to readers.
	Reason string
	// Answer is the explanation (giải trình), plain text; "" for none.
	Answer string
	// Article corrects the article a sender named (0: the whole draft).
	Article int
	// Version is the one the form was loaded from.
	Version int64
}

// Normalize brings the texts to NFC and trims them.
func (m *CommentModeration) Normalize() {
	NFC(&m.Reason, &m.Answer)
	m.Reason = strings.Join(strings.Fields(m.Reason), " ")
	m.Answer = strings.TrimSpace(strings.ReplaceAll(m.Answer, "\r\n", "\n"))
}

// Validate checks a decision: a known state, a reason to hide, texts
// within bounds.
func (m *CommentModeration) Validate() error {
	fe := FieldErrors{}
	switch m.Status {
	case CommentPending, CommentPublished:
	case CommentHidden:
		if m.Reason == "" {
			fe["reason"] = "Hãy ghi lý do không công bố ý kiến này (lưu trong nhật ký hoạt động)."
		}
	default:
		fe["status"] = "Trạng thái không hợp lệ."
	}
	checkText(fe, "reason", "Lý do", m.Reason, MaxHideReasonLen, false)
	if !validText(m.Answer) || hasControl(m.Answer, true) {
		fe["answer"] = "Nội dung giải trình chứa ký tự không hợp lệ."
	} else if utf8.RuneCountInString(m.Answer) > MaxCommentAnswer {
		fe["answer"] = "Nội dung giải trình quá dài (tối đa " + formatCount(MaxCommentAnswer) + " ký tự)."
	}
	if m.Article < 0 || m.Article > MaxDraftArticle {
		fe["article"] = "Số điều phải từ 1 đến " + itoa(MaxDraftArticle) + ", hoặc để trống nếu góp ý chung."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// ConsultationReport is the drafting body's report on the comments (báo
// cáo tổng hợp, tiếp thu, giải trình), published after the close.
type ConsultationReport struct {
	HTML string // sanitized by the service
	// File is the signed report as a file (PDF or Word); nil keeps the
	// stored one, RemoveFile drops it.
	File       *DocumentFileInput
	RemoveFile bool
	Version    int64 // the consultation's, as the form loaded it
}

// CommentFilter selects comments.
type CommentFilter struct {
	SiteID         int64
	ConsultationID int64  // 0: every consultation of the site
	Status         string // "": any
	Offset, Limit  int
}

// CommentCounts are a consultation's comments by state.
type CommentCounts struct {
	Pending, Published, Hidden int
}

// Total is the number of comments received.
func (c CommentCounts) Total() int { return c.Pending + c.Published + c.Hidden }

// CommentStore reads comments.
type CommentStore interface {
	// FindCommentByID returns a comment of the site;
	// NotFound(KindComment) if none.
	FindCommentByID(ctx context.Context, siteID, id int64) (*ConsultationComment, error)
	// FindCommentByCode returns the site's comment whose lookup code
	// hashes to codeHash; NotFound(KindCommentCode) if none.
	FindCommentByCode(ctx context.Context, siteID int64, codeHash string) (*ConsultationComment, error)
	// FindComments lists comments by article of the draft (the whole
	// draft first), then by time sent, and counts all that match.
	FindComments(ctx context.Context, f CommentFilter) ([]*ConsultationComment, int, error)
	// CountComments counts a consultation's comments by state.
	CountComments(ctx context.Context, siteID, consultationID int64) (CommentCounts, error)
}

// CommentTx writes comments.
type CommentTx interface {
	// FindComment reads a comment in the transaction; NotFound as
	// FindCommentByID.
	FindComment(ctx context.Context, siteID, id int64) (*ConsultationComment, error)
	// CommentNonceUsed reports whether a comment was sent with the form
	// nonce.
	CommentNonceUsed(ctx context.Context, nonce string) (bool, error)
	// CountCommentsFrom counts the comments sent by the address hash
	// after since, on every consultation.
	CountCommentsFrom(ctx context.Context, ipHash string, since time.Time) (int, error)
	// InsertComment stores a new comment with the hash of its lookup
	// code and its form's nonce (ErrConflict when the nonce was used),
	// and sets its ID.
	InsertComment(ctx context.Context, c *ConsultationComment, codeHash, nonce string) error
	// UpdateComment writes a comment's state, article and answer (with
	// who answered and when), and bumps its version.
	UpdateComment(ctx context.Context, c *ConsultationComment) error
	// PurgeComments blanks the personal data (e-mail, phone, address
	// hash) of the comments sent before the time and not yet purged, and
	// returns how many it blanked per site.
	PurgeComments(ctx context.Context, before time.Time) (map[int64]int, error)
	// SetConsultationReport writes a consultation's report text, time
	// (zero: none) and file (nil: none), and bumps its version.
	SetConsultationReport(ctx context.Context, siteID, id int64, html string, at time.Time, file *DocumentFile) error
}

// CommentService is the consultation's comments: a citizen's comment,
// the staff's moderation and answers, the report and the retention purge.
type CommentService interface {
	// SubmitComment stores a comment, pending moderation. EINVALID for bad
	// input; ECONFLICT (Consultation.ClosedError) when the consultation is not
	// public or not open at the store's now; ECONFLICT when the form's
	// nonce was used; ETOOMANY when the sender's hash already sent
	// sub.Limit comments within sub.Window.
	SubmitComment(ctx context.Context, siteID, consultationID int64, in CommentInput, sub Submission) (*ConsultationComment, error)
	// ModerateComment publishes, hides or re-queues a comment, and
	// writes its answer. EFORBIDDEN unless the actor may publish;
	// ErrEdited when m.Version is not the stored one.
	ModerateComment(ctx context.Context, actor Actor, siteID, id int64, m CommentModeration) (*ConsultationComment, error)
	// PublishReport writes the consultation's report (after its close
	// only) and its file. EFORBIDDEN unless the actor may publish.
	PublishReport(ctx context.Context, actor Actor, siteID, consultationID int64, r ConsultationReport) (*Consultation, error)
	// PurgeCommentData blanks the private contact of every site's
	// comments sent before the time, with an audit entry per site.
	PurgeCommentData(ctx context.Context, before time.Time) (int, error)
}
