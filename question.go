package congtin

import (
	"context"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Q&A ("Hỏi đáp"): citizens ask, the newsroom answers, an editor
// publishes question and answer. A question moves through the article
// workflow's states (StatusDraft while it waits for or gets an answer,
// StatusSubmitted, StatusReturned, StatusPublished, StatusUnpublished), so
// the same roles and the same permission table (Can) decide who may do
// what. The asker sees a coarser public state (QAState) by a lookup code.

// Limits on what a citizen may send.
const (
	MaxAskerNameLen   = 100  // characters
	MaxEmailLen       = 254  // bytes, as RFC 5321 allows
	MaxQuestionTitle  = 200  // characters
	MinQuestionBody   = 20   // characters: "Xin hỏi?" says nothing to answer
	MaxQuestionBody   = 5000 // characters
	MaxQAFieldNameLen = 100
)

// ActDecline marks a question as not to be published (Không công bố):
// spam, a duplicate, a matter for another agency. Editors decide it, as
// they decide publication.
const ActDecline = "decline"

// Public states of a question, as the asker's lookup shows them.
const (
	QAReceived   = "received"   // Đã tiếp nhận: nobody has started on it
	QAProcessing = "processing" // Đang xử lý: an answer is being written or reviewed
	QAAnswered   = "answered"   // Đã trả lời: published with its answer
	QADeclined   = "declined"   // Không công bố
)

// QAStateName returns the Vietnamese name of a public state.
func QAStateName(s string) string {
	switch s {
	case QAReceived:
		return "Đã tiếp nhận"
	case QAProcessing:
		return "Đang xử lý"
	case QAAnswered:
		return "Đã trả lời"
	case QADeclined:
		return "Không công bố"
	}
	return s
}

// QAField is a field (lĩnh vực) questions are filed under, from a list
// each site manages.
type QAField struct {
	ID       int64  `json:"id"`
	SiteID   int64  `json:"site_id"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	Position int    `json:"position"`
}

// QAFields is a site's list of fields.
type QAFields []*QAField

// ByID returns the field with the ID, or nil.
func (fs QAFields) ByID(id int64) *QAField {
	for _, f := range fs {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// BySlug returns the field with the slug, or nil.
func (fs QAFields) BySlug(slug string) *QAField {
	for _, f := range fs {
		if f.Slug == slug {
			return f
		}
	}
	return nil
}

// Question is a citizen's question with the newsroom's answer.
type Question struct {
	ID      int64  `json:"id"`
	SiteID  int64  `json:"site_id"`
	FieldID int64  `json:"field_id,omitempty"` // 0: none chosen (the site has no fields)
	Title   string `json:"title"`              // plain text
	Body    string `json:"body"`               // the question, plain text
	Answer  string `json:"answer"`             // sanitized HTML
	Status  string `json:"status"`
	// AnsweredBy is the staff member who took the question on, the
	// answer's "writer" for the permission table; 0 while nobody has.
	AnsweredBy  int64     `json:"answered_by,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	PublishedAt time.Time `json:"published_at"` // zero until first published
	// Version counts the newsroom's writes of the question and its answer
	// (see ArticleInput.Version).
	Version int64 `json:"version"`

	// Personal data: for the newsroom only, never on a public page, and
	// blanked (PurgedAt set) once older than the retention period.
	Name     string    `json:"-"`
	Email    string    `json:"-"`
	Phone    string    `json:"-"`
	IPHash   string    `json:"-"` // keyed hash of the sender's address, for rate limits
	PurgedAt time.Time `json:"-"`
}

// Path returns the public path of a published question.
func (q *Question) Path() string { return "/hoi-dap/" + strconv.FormatInt(q.ID, 10) }

// IsPublic reports whether readers may see the question and its answer.
func (q *Question) IsPublic() bool { return q.Status == StatusPublished }

// State returns the public state the asker's lookup shows.
func (q *Question) State() string {
	switch {
	case q.Status == StatusPublished:
		return QAAnswered
	case q.Status == StatusUnpublished:
		return QADeclined
	case q.Status == StatusDraft && q.AnsweredBy == 0 && q.Answer == "":
		return QAReceived
	}
	return QAProcessing
}

// Item returns the question as the workflow sees it: its state, and as
// its writer whoever took it on (0 while nobody has).
func (q *Question) Item() *Item {
	return &Item{Ref: Ref{Kind: KindQuestion, SiteID: q.SiteID, ID: q.ID}, Title: q.Title, Status: q.Status, CreatedBy: q.AnsweredBy, PublishedAt: q.PublishedAt}
}

// CanQuestion reports whether the actor may do act on the question q. With
// q nil it reports whether the actor may open the inbox and read questions
// at all: staff from reporter up. Can holds the rules.
func CanQuestion(actor Actor, act string, q *Question) bool {
	if q == nil {
		return Can(actor, ActCreate, nil)
	}
	return Can(actor, act, q.Item())
}

// QuestionInput is what a citizen sends.
type QuestionInput struct {
	Name    string
	Email   string
	Phone   string
	FieldID int64
	Title   string
	Body    string
}

// Normalize trims the fields and folds the e-mail address's case.
func (in *QuestionInput) Normalize() {
	NFC(&in.Name, &in.Email, &in.Phone, &in.Title, &in.Body)
	for _, p := range []*string{&in.Name, &in.Email, &in.Phone, &in.Title} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	in.Email = strings.ToLower(in.Email)
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
}

// Validate checks the input; it returns a *ValidationError naming the
// form's fields ("contact" when neither e-mail nor phone is given).
func (in *QuestionInput) Validate() error {
	fe := FieldErrors{}
	checkLine(fe, "name", "Họ và tên", in.Name, MaxAskerNameLen)
	checkLine(fe, "title", "Tiêu đề câu hỏi", in.Title, MaxQuestionTitle)
	switch n := utf8.RuneCountInString(in.Body); {
	case !validText(in.Body) || hasControl(in.Body, true):
		fe["body"] = "Nội dung câu hỏi chứa ký tự không hợp lệ."
	case n == 0:
		fe["body"] = "Nội dung câu hỏi không được để trống."
	case n < MinQuestionBody:
		fe["body"] = "Nội dung câu hỏi quá ngắn: hãy viết ít nhất " + itoa(MinQuestionBody) + " ký tự."
	case n > MaxQuestionBody:
		fe["body"] = "Nội dung câu hỏi quá dài: tối đa " + itoa(MaxQuestionBody) + " ký tự (đang có " + itoa(n) + ")."
	}
	checkContact(fe, in.Email, in.Phone)
	if in.FieldID < 0 {
		fe["field_id"] = "Hãy chọn lĩnh vực."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// hasControl reports control characters; a multi-line text may hold line
// breaks and tabs.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

// checkLine checks a one-line field a citizen must fill in.
func checkLine(fe FieldErrors, field, label, v string, max int) {
	switch {
	case !validText(v) || hasControl(v, false):
		fe[field] = label + " chứa ký tự không hợp lệ."
	case v == "":
		fe[field] = label + " không được để trống."
	case utf8.RuneCountInString(v) > max:
		fe[field] = label + " quá dài: tối đa " + itoa(max) + " ký tự."
	}
}

// checkContact checks a citizen's private contact: an e-mail address or
// a phone number, at least one ("contact" names the error of neither).
func checkContact(fe FieldErrors, email, phone string) {
	if email != "" && !ValidEmail(email) {
		fe["email"] = "Địa chỉ email không hợp lệ, ví dụ đúng: nguyenvana@gmail.com."
	}
	if phone != "" && !ValidPhone(phone) {
		fe["phone"] = "Số điện thoại không hợp lệ: gồm 9 đến 15 chữ số, ví dụ 0912 345 678 hoặc +84 912 345 678."
	}
	if email == "" && phone == "" {
		fe["contact"] = "Hãy cho biết email hoặc số điện thoại (ít nhất một) để cơ quan liên hệ khi cần."
	}
}

// ValidEmail reports whether s is a plain e-mail address (no display
// name, no comments) with a dotted domain.
func ValidEmail(s string) bool {
	if len(s) > MaxEmailLen || !validText(s) || strings.ContainsAny(s, " <>\"(),;:\\[]") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

// ValidPhone reports whether s looks like a telephone number: 9 to 15
// digits (a Vietnamese mobile has 10, a landline with its area code 10 or
// 11, +84 numbers 11), an optional leading +, and spaces, dots, hyphens or
// parentheses between them.
func ValidPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '.' || r == '-' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 9 && digits <= 15
}

// QuestionEdit is what the newsroom changes of a question: the answer, and
// the public title and text (an editor may take out what the asker wrote
// about themself before publishing it; the original stays in the first
// revision).
type QuestionEdit struct {
	FieldID int64  `json:"field_id"`
	Title   string `json:"title"`
	Body    string `json:"body"`
	Answer  string `json:"answer"` // HTML; the service sanitizes it
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64 `json:"version,omitempty"`
}

// Normalize trims the edit's text and brings it to NFC.
func (in *QuestionEdit) Normalize() {
	NFC(&in.Title, &in.Body, &in.Answer)
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
}

// Validate checks the edit; it returns a *ValidationError.
func (in *QuestionEdit) Validate() error {
	fe := FieldErrors{}
	switch {
	case !validText(in.Title) || hasControl(in.Title, false):
		fe["title"] = "Tiêu đề chứa ký tự không hợp lệ."
	case in.Title == "":
		fe["title"] = "Tiêu đề không được để trống."
	case utf8.RuneCountInString(in.Title) > MaxQuestionTitle:
		fe["title"] = "Tiêu đề quá dài: tối đa " + itoa(MaxQuestionTitle) + " ký tự."
	}
	switch {
	case !validText(in.Body) || hasControl(in.Body, true):
		fe["body"] = "Nội dung câu hỏi chứa ký tự không hợp lệ."
	case in.Body == "":
		fe["body"] = "Nội dung câu hỏi không được để trống."
	case utf8.RuneCountInString(in.Body) > MaxQuestionBody:
		fe["body"] = "Nội dung câu hỏi quá dài: tối đa " + itoa(MaxQuestionBody) + " ký tự."
	}
	if !validText(in.Answer) {
		fe["answer"] = "Câu trả lời chứa ký tự không hợp lệ."
	} else if len(in.Answer) > MaxBodyBytes {
		fe["answer"] = "Câu trả lời quá dài: tối đa 2 MB."
	}
	if in.FieldID < 0 {
		fe["field_id"] = "Hãy chọn lĩnh vực."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// Submission is how a question came in, beside what it says: the hash of
// its lookup code (the code itself is only shown to the asker), the form's
// one-time nonce (a form is sent once: a replayed or double-clicked form
// is refused), the keyed hash of the sender's address, and the rate limit
// to apply to that hash.
type Submission struct {
	CodeHash string
	Nonce    string
	IPHash   string
	// At most Limit questions from one IPHash within Window; 0 for none.
	Limit  int
	Window time.Duration
}

// QuestionFilter selects questions. Zero values mean "no condition".
type QuestionFilter struct {
	SiteID int64
	// Status "" is any state (the newsroom's inbox); public lists ask for
	// StatusPublished and are ordered by publication, others by arrival,
	// newest first.
	Status  string
	FieldID int64
	// Q searches title, question and answer with the article search's
	// Vietnamese matching (with or without diacritics); results are then
	// ordered by the shared ranking.
	Q      string
	Offset int
	Limit  int
	// Verbatim searches Q exactly as typed, never as Telex or VNI typing
	// (see SearchQuery.Verbatim). Stores ignore it.
	Verbatim bool
	// Need, when set, relaxes Q: a question matches when it holds at
	// least Need of Q's distinct words (search.Query.Relaxed). The
	// service sets it when no question holds them all.
	Need int
	// Spellings: see SearchQuery.Spellings.
	Spellings Spellings
}

// QuestionResult is a page of questions found by a reader's search.
type QuestionResult struct {
	Questions []*Question
	Total     int
	// Approximate is set when no question holds every word of the query
	// and the questions are those holding most of them.
	Approximate bool
	// Searched and Typing: see SearchResult.
	Searched, Typing string
	// Suggestion: see SearchResult; it finds more questions.
	Suggestion string
}

// QuestionRevision is a saved version of a question's public text and answer.
type QuestionRevision struct {
	ID         int64     `json:"id"`
	QuestionID int64     `json:"question_id"`
	UserID     int64     `json:"user_id"`
	UserName   string    `json:"user_name"`
	CreatedAt  time.Time `json:"created_at"`
	Title      string    `json:"title"`
	Body       string    `json:"body"`
	Answer     string    `json:"answer"`
	Note       string    `json:"note"`
}

// QAFieldInput is the field form.
type QAFieldInput struct {
	Name     string `json:"name"`
	Position int    `json:"position"`
}

// Validate checks the input without I/O.
func (in *QAFieldInput) Validate() error {
	NFC(&in.Name)
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	fe := FieldErrors{}
	switch {
	case in.Name == "":
		fe["name"] = "Tên lĩnh vực không được để trống."
	case !validText(in.Name) || hasControl(in.Name, false) || utf8.RuneCountInString(in.Name) > MaxQAFieldNameLen:
		fe["name"] = "Tên lĩnh vực quá dài (tối đa " + itoa(MaxQAFieldNameLen) + " ký tự) hoặc chứa ký tự không hợp lệ."
	case Slugify(in.Name) == "":
		fe["name"] = "Tên lĩnh vực cần có chữ hoặc số."
	}
	if in.Position < 0 || in.Position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// QuestionService is the Q&A section's work: a citizen's question, the
// newsroom's answer and its workflow, the retention purge and the list of
// fields. Each newsroom action checks the actor's permission and writes
// its audit entry in the same transaction; a citizen's submission writes
// none (the audit log keeps addresses in clear, which a citizen's must not
// be). The reads are QuestionStore's.
type QuestionService interface {
	// SearchQuestions is FindQuestions for a reader's search: a query that
	// finds little as typed is read as Telex or VNI typing as Search
	// reads it.
	SearchQuestions(ctx context.Context, f QuestionFilter) (*QuestionResult, error)
	// SubmitQuestion stores a citizen's question in state StatusDraft,
	// with its first revision. EINVALID for bad input (a field that is
	// not the site's, or none chosen while the site has fields, is the
	// "field_id" error); ECONFLICT when the form's nonce was used before;
	// ETOOMANY when the sender's hash already sent sub.Limit questions
	// within sub.Window (counted in the same transaction, so concurrent
	// senders cannot slip past the limit together).
	SubmitQuestion(ctx context.Context, siteID int64, in QuestionInput, sub Submission) (*Question, error)
	// UpdateQuestion saves the newsroom's edit and keeps a revision; the
	// actor takes on a question nobody had. EFORBIDDEN unless CanQuestion
	// allows ActEdit in the state found inside the transaction; ErrEdited
	// when in.Version is not the stored one.
	UpdateQuestion(ctx context.Context, actor Actor, siteID, id int64, in QuestionEdit) (*Question, error)
	// UpdateQuestionStep saves the edit and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdateQuestionStep(ctx context.Context, actor Actor, siteID, id int64, in QuestionEdit, s Step) (*Item, bool, error)
	// TransitionQuestion moves a question to the state act leads to
	// (NextStatus), with a workflow note: WorkflowService.Transition for
	// a question. Sending for approval or publishing without an answer
	// is EINVALID ("answer"); EFORBIDDEN unless CanQuestion allows it in
	// the state found inside the transaction.
	TransitionQuestion(ctx context.Context, actor Actor, siteID, id int64, act, comment string) (*Question, error)
	// PurgeQuestionData blanks the personal data (name, e-mail, phone,
	// address hash) of every site's questions sent before the time, with
	// an audit entry per site, and returns how many questions it blanked.
	// The question's text stays: it is what was published.
	PurgeQuestionData(ctx context.Context, before time.Time) (int, error)

	// CreateQAField adds a field (administrators). EINVALID ("name")
	// when the name or its slug is taken.
	CreateQAField(ctx context.Context, actor Actor, siteID int64, in QAFieldInput) (*QAField, error)
	// UpdateQAField renames or reorders a field. ENOTFOUND, EINVALID as above.
	UpdateQAField(ctx context.Context, actor Actor, siteID, id int64, in QAFieldInput) (*QAField, error)
	// DeleteQAField removes a field no question is filed under; one in
	// use is ECONFLICT.
	DeleteQAField(ctx context.Context, actor Actor, siteID, id int64) error
}

// SecretService keeps secrets the installation makes for itself, shared
// by every process on the database: keys for signing forms and for
// hashing addresses, which must agree whichever process a request reaches.
type SecretService interface {
	// Secret returns the named 32-byte secret, creating it at random on
	// first use; concurrent first uses agree on one value.
	Secret(ctx context.Context, name string) ([]byte, error)
}

// AnswerEmpty reports whether a sanitized answer shows nothing: no text
// (an editor left empty gives "<p></p>") and no picture.
func AnswerEmpty(html string) bool {
	if strings.Contains(html, "<img") {
		return false
	}
	in := false
	text := strings.Builder{}
	for _, r := range html {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			text.WriteRune(r)
		}
	}
	t := strings.ReplaceAll(text.String(), "&nbsp;", " ")
	return strings.TrimSpace(strings.ReplaceAll(t, "\u00a0", " ")) == ""
}

// CheckAnswered refuses to send for approval or to publish a question
// whose answer is empty.
func CheckAnswered(q *Question, act string) error {
	if (act == ActSubmit || act == ActPublish) && AnswerEmpty(q.Answer) {
		return &ValidationError{Fields: FieldErrors{"answer": "Hãy viết và lưu câu trả lời trước khi gửi duyệt hoặc xuất bản."}}
	}
	return nil
}

// TooManyQuestions is the error for a sender over the submission limit.
func TooManyQuestions(sub Submission) error {
	return Errorf(ETOOMANY, "Bạn đã gửi %d câu hỏi trong %d phút vừa qua. Để tránh thư rác, mỗi người chỉ gửi được chừng ấy câu hỏi; xin vui lòng đợi ít phút rồi gửi tiếp.",
		sub.Limit, int(sub.Window/time.Minute))
}

// PurgeDetail is the audit log's text for a retention purge.
func PurgeDetail(n int, before time.Time) string {
	return "Xóa thông tin cá nhân (họ tên, email, điện thoại, mã địa chỉ) của " + itoa(n) +
		" câu hỏi gửi trước " + before.In(VietnamZone).Format("02/01/2006 15:04") + ", theo thời hạn lưu trữ."
}

// QuestionStore reads the Q&A: questions, their revisions and the fields.
type QuestionStore interface {
	// FindQuestionByID returns any question of the site;
	// NotFound(KindQuestion) if none.
	FindQuestionByID(ctx context.Context, siteID, id int64) (*Question, error)
	// FindQuestionByCode returns the site's question whose lookup code
	// hashes to codeHash; NotFound(KindQuestionCode) if none.
	FindQuestionByCode(ctx context.Context, siteID int64, codeHash string) (*Question, error)
	// FindQuestions lists questions and counts all that match.
	FindQuestions(ctx context.Context, f QuestionFilter) ([]*Question, int, error)
	// FindQuestionRevisions lists a question's revisions, newest first.
	FindQuestionRevisions(ctx context.Context, siteID, questionID int64) ([]*QuestionRevision, error)
	// FindQAFields lists a site's fields by position, then name.
	FindQAFields(ctx context.Context, siteID int64) (QAFields, error)
	// QuestionsByPrefix returns up to limit published, answered questions
	// of the site whose title's folded words (package search's
	// TitlePrefix form) start with prefix, in the order of those folded
	// titles. An empty prefix gives none; it never fails on the prefix's
	// content.
	QuestionsByPrefix(ctx context.Context, siteID int64, prefix string, limit int) ([]*Question, error)
}

// QuestionTx writes the Q&A. The store keeps a question's search text
// (the folded words of its title, question and answer) and its title's
// key (the folded words of its title, for suggestions) in step with every
// write.
type QuestionTx interface {
	// FindQuestion reads a question inside the transaction;
	// NotFound(KindQuestion).
	FindQuestion(ctx context.Context, siteID, id int64) (*Question, error)
	// QuestionNonceUsed reports whether a question was sent with the
	// form nonce.
	QuestionNonceUsed(ctx context.Context, nonce string) (bool, error)
	// CountQuestionsFrom counts the questions sent by the address hash
	// after since.
	CountQuestionsFrom(ctx context.Context, ipHash string, since time.Time) (int, error)
	// InsertQuestion stores a new question as it is given, with the hash
	// of its lookup code and its form's nonce, and sets its ID.
	InsertQuestion(ctx context.Context, q *Question, codeHash, nonce string) error
	// UpdateQuestion writes a question's field, title, text, answer and
	// who took it on, and its change time.
	UpdateQuestion(ctx context.Context, q *Question) error
	// AddQuestionRevision copies the question's stored title, text and
	// answer into a new revision, r giving who made it and why; it sets
	// r.ID and r.CreatedAt.
	AddQuestionRevision(ctx context.Context, r *QuestionRevision) error
	// PurgeQuestions blanks the personal data of the questions sent
	// before the time and not yet purged, and returns how many it blanked
	// per site.
	PurgeQuestions(ctx context.Context, before time.Time) (map[int64]int, error)

	// FindQAField reads a field of the site; NotFound(KindQAField).
	FindQAField(ctx context.Context, siteID, id int64) (*QAField, error)
	// HasQAFields reports whether the site has any field.
	HasQAFields(ctx context.Context, siteID int64) (bool, error)
	// QAFieldNameFree reports whether no field of the site other than
	// self has the name or the slug.
	QAFieldNameFree(ctx context.Context, siteID int64, name, slug string, self int64) (bool, error)
	// QAFieldInUse counts the questions filed under a field.
	QAFieldInUse(ctx context.Context, id int64) (int, error)
	// InsertQAField stores a new field and sets its ID.
	InsertQAField(ctx context.Context, f *QAField) error
	// UpdateQAField writes a field's name, slug and position.
	UpdateQAField(ctx context.Context, f *QAField) error
	// DeleteQAField deletes a field.
	DeleteQAField(ctx context.Context, id int64) error
}
