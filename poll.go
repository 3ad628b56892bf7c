package congtin

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Poll is a question put to the site's readers (thăm dò ý kiến): single
// or multiple choice, open for votes between OpensAt and ClosesAt.
// Readers vote without an account; the counts are kept in the database
// (each option's Votes and the poll's Voters), added to in the vote's
// transaction, so they are exact whatever the number of processes.
type Poll struct {
	ID       int64
	SiteID   int64
	Question string
	// Multiple allows up to MaxChoices options per vote; a single-choice
	// poll has MaxChoices 1.
	Multiple   bool
	MaxChoices int
	// ShowResults shows the counts while the poll is open; they are
	// always shown once it has closed.
	ShowResults bool
	OpensAt     time.Time
	ClosesAt    time.Time
	Voters      int64 // the votes cast (a multiple-choice vote counts once)
	Options     []*PollOption
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// PollOption is one answer of a poll, in the order of Position.
type PollOption struct {
	ID       int64
	PollID   int64
	Position int
	Label    string
	Votes    int64
}

// Poll states, as readers and the back office see them.
const (
	PollUpcoming = "upcoming"
	PollOpen     = "open"
	PollClosed   = "closed"
)

// State is the poll's state at now.
func (p *Poll) State(now time.Time) string {
	switch {
	case now.Before(p.OpensAt):
		return PollUpcoming
	case now.Before(p.ClosesAt):
		return PollOpen
	}
	return PollClosed
}

// PollStateName is a state's Vietnamese name.
func PollStateName(state string) string {
	switch state {
	case PollUpcoming:
		return "Chưa mở"
	case PollOpen:
		return "Đang mở"
	}
	return "Đã kết thúc"
}

// ResultsVisible reports whether readers see the counts at now.
func (p *Poll) ResultsVisible(now time.Time) bool {
	return p.State(now) == PollClosed || p.ShowResults && p.State(now) == PollOpen
}

// TotalVotes is the sum of the options' counts.
func (p *Poll) TotalVotes() int64 {
	var n int64
	for _, o := range p.Options {
		n += o.Votes
	}
	return n
}

// Limits of a poll.
const (
	PollMinOptions     = 2
	PollMaxOptions     = 20
	PollMaxQuestionLen = 500
	PollMaxOptionLen   = 200
)

// PollInput is the back office's poll form. Options are in the order
// they are shown; an option with an ID is that existing option (its text
// may change while the poll has no votes), one without is new.
type PollInput struct {
	Question    string
	Multiple    bool
	MaxChoices  int
	ShowResults bool
	OpensAt     time.Time
	ClosesAt    time.Time
	Options     []PollOptionInput
}

// PollOptionInput is one option of the form.
type PollOptionInput struct {
	ID    int64
	Label string
}

// Normalize trims the texts and drops options left entirely empty at the
// end of the form (the spare rows of the form), and makes a
// single-choice poll's maximum 1.
func (in *PollInput) Normalize() {
	NFC(&in.Question)
	in.Question = strings.TrimSpace(in.Question)
	for i := range in.Options {
		NFC(&in.Options[i].Label)
		in.Options[i].Label = strings.TrimSpace(in.Options[i].Label)
	}
	for n := len(in.Options); n > 0 && in.Options[n-1].ID == 0 && in.Options[n-1].Label == ""; n-- {
		in.Options = in.Options[:n-1]
	}
	if !in.Multiple {
		in.MaxChoices = 1
	}
}

// Validate checks the input without I/O; it returns a *ValidationError.
func (in *PollInput) Validate() error {
	fe := FieldErrors{}
	switch {
	case !validText(in.Question):
		fe["question"] = "Câu hỏi chứa ký tự không hợp lệ."
	case in.Question == "":
		fe["question"] = "Câu hỏi không được để trống."
	case utf8.RuneCountInString(in.Question) > PollMaxQuestionLen:
		fe["question"] = "Câu hỏi quá dài: tối đa 500 ký tự."
	}
	seen := map[string]bool{}
	for i, o := range in.Options {
		n := itoa(i + 1)
		switch key := strings.ToLower(o.Label); {
		case o.Label == "":
			fe["options"] = "Phương án " + n + " đang để trống: hãy viết nội dung hoặc bỏ dòng đó."
		case !validText(o.Label):
			fe["options"] = "Phương án " + n + " chứa ký tự không hợp lệ."
		case utf8.RuneCountInString(o.Label) > PollMaxOptionLen:
			fe["options"] = "Phương án " + n + " quá dài: tối đa 200 ký tự."
		case seen[key]:
			fe["options"] = "Phương án “" + o.Label + "” bị trùng: mỗi phương án chỉ được ghi một lần."
		default:
			seen[key] = true
			continue
		}
		break
	}
	if _, bad := fe["options"]; !bad && (len(in.Options) < PollMinOptions || len(in.Options) > PollMaxOptions) {
		fe["options"] = "Cuộc thăm dò cần từ 2 đến 20 phương án (hiện có " + itoa(len(in.Options)) + ")."
	}
	if in.Multiple && (in.MaxChoices < 2 || in.MaxChoices > max(len(in.Options), 2)) {
		fe["max_choices"] = "Số phương án được chọn tối đa phải từ 2 đến số phương án của cuộc thăm dò."
	}
	switch {
	case in.OpensAt.IsZero():
		fe["opens_at"] = "Hãy nhập thời điểm bắt đầu."
	case in.ClosesAt.IsZero():
		fe["closes_at"] = "Hãy nhập thời điểm kết thúc."
	case !in.ClosesAt.After(in.OpensAt):
		fe["closes_at"] = "Thời điểm kết thúc phải sau thời điểm bắt đầu."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// Ballot is how a vote came in, beside its choices: the form's one-time
// nonce (a form votes once: a replayed form is refused), the keyed hash
// of the voter's address, and the limit on that hash.
type Ballot struct {
	Nonce  string
	IPHash string
	// At most Limit votes from one IPHash within Window; 0 for none.
	Limit  int
	Window time.Duration
}

// PollFilter selects polls.
type PollFilter struct {
	SiteID int64
	// State "" is every poll (the back office); PollOpen and PollClosed
	// are judged at Now. Open polls come newest opening first, closed
	// ones newest closing first, the back office's newest created first.
	State  string
	Now    time.Time
	Offset int
	Limit  int
}

// PollService runs polls. The back office's methods need ActPolls
// (else EFORBIDDEN) and write an audit entry.
type PollService interface {
	// CreatePoll adds a poll. EINVALID for input that is not one.
	CreatePoll(ctx context.Context, actor Actor, siteID int64, in PollInput) (*Poll, error)
	// UpdatePoll changes a poll; once it has votes, EINVALID for an
	// input that removes an option or changes an option's text.
	UpdatePoll(ctx context.Context, actor Actor, siteID, id int64, in PollInput) (*Poll, error)
	// ClosePoll ends an open or upcoming poll now.
	ClosePoll(ctx context.Context, actor Actor, siteID, id int64) (*Poll, error)
	// DeletePoll deletes a poll without votes; EINVALID once it has some.
	DeletePoll(ctx context.Context, actor Actor, siteID, id int64) error
	// Vote counts a reader's choices in an open poll. EINVALID for a
	// poll that is not open or choices the poll does not take, ECONFLICT
	// for a ballot nonce already used, ETOOMANY when the address hash
	// voted b.Limit times in b.Window.
	Vote(ctx context.Context, siteID, pollID int64, optionIDs []int64, b Ballot) (*Poll, error)
}

// PollStore reads polls with their options and counts.
type PollStore interface {
	// FindPollByID returns a poll of the site with its options;
	// NotFound(KindPoll).
	FindPollByID(ctx context.Context, siteID, id int64) (*Poll, error)
	// FindPolls lists polls with their options and counts them.
	FindPolls(ctx context.Context, f PollFilter) ([]*Poll, int, error)
}

// PollTx writes polls.
type PollTx interface {
	// FindPoll reads a poll of the site with its options in the
	// transaction; NotFound(KindPoll).
	FindPoll(ctx context.Context, siteID, id int64) (*Poll, error)
	// InsertPoll stores a new poll and its options, setting their IDs.
	InsertPoll(ctx context.Context, p *Poll) error
	// UpdatePoll writes a poll's fields and its options: those with an
	// ID are updated, those without inserted, the poll's others deleted.
	UpdatePoll(ctx context.Context, p *Poll) error
	// DeletePoll deletes a poll and its options.
	DeletePoll(ctx context.Context, siteID, id int64) error
	// PollNonceUsed reports whether a vote was cast with the nonce.
	PollNonceUsed(ctx context.Context, nonce string) (bool, error)
	// CountPollVotesFrom counts the votes cast from the address hash
	// after since, in every poll.
	CountPollVotesFrom(ctx context.Context, ipHash string, since time.Time) (int, error)
	// AddPollVote records a vote (its nonce and address hash) and adds
	// one to each chosen option's count and to the poll's voters, in the
	// database (count = count + 1). ErrConflict when the nonce was used.
	AddPollVote(ctx context.Context, pollID int64, optionIDs []int64, b Ballot) error
}

// CheckChoices checks a vote's choices against the poll at now: the poll
// is open, at least one option is chosen, each is one of the poll's, none
// twice, one in a single-choice poll and at most MaxChoices otherwise.
// It returns an EINVALID *Error whose message a voter reads.
func CheckChoices(p *Poll, optionIDs []int64, now time.Time) error {
	switch p.State(now) {
	case PollUpcoming:
		return Errorf(EINVALID, "Cuộc thăm dò này chưa bắt đầu: bạn có thể bình chọn từ %s.", p.OpensAt.In(VietnamZone).Format("15:04 ngày 02/01/2006"))
	case PollClosed:
		return Errorf(EINVALID, "Cuộc thăm dò này đã kết thúc lúc %s nên không nhận thêm bình chọn.", p.ClosesAt.In(VietnamZone).Format("15:04 ngày 02/01/2006"))
	}
	if len(optionIDs) == 0 {
		return Errorf(EINVALID, "Bạn chưa chọn phương án nào. Xin chọn rồi bấm “Bình chọn”.")
	}
	mine := map[int64]bool{}
	for _, o := range p.Options {
		mine[o.ID] = true
	}
	seen := map[int64]bool{}
	for _, id := range optionIDs {
		if !mine[id] {
			return Errorf(EINVALID, "Phương án đã chọn không thuộc cuộc thăm dò này. Xin tải lại trang rồi chọn lại.")
		}
		if seen[id] {
			return Errorf(EINVALID, "Mỗi phương án chỉ được chọn một lần.")
		}
		seen[id] = true
	}
	switch {
	case !p.Multiple && len(optionIDs) > 1:
		return Errorf(EINVALID, "Câu hỏi này chỉ được chọn một phương án.")
	case p.Multiple && len(optionIDs) > p.MaxChoices:
		return Errorf(EINVALID, "Câu hỏi này được chọn tối đa %d phương án; bạn đã chọn %d.", p.MaxChoices, len(optionIDs))
	}
	return nil
}
