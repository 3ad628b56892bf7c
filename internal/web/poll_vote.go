package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
)

// Voting without an account. The defences are the question form's
// (qa_guard.go), with the same keys:
//
//   - one vote per browser: after a vote the browser gets a cookie naming
//     the poll, signed so that it cannot be made up for another poll and
//     cannot be taken for a vote it does not name; a browser that shows it
//     is told politely that it has voted. (Clearing cookies votes again:
//     the address limit bounds that.)
//   - at most PollVotesPerHour votes per address hash per hour, in every
//     poll, counted in the database (poll_votes), so that every process
//     counts the same votes;
//   - the signed form token, bound to a cookie and to the poll, with a
//     one-time nonce kept with the vote: a form votes once, and a form of
//     another poll or browser votes nowhere; cross-site POSTs are refused;
//   - crawlers and prefetches never vote: only a POST votes, and a POST
//     from a known crawler or marked as a prefetch is refused.
const (
	pollCookie       = "ct_thamdo"  // the form token's binding
	votedCookie      = "ct_dabinh_" // + the poll's ID: this browser voted
	pollVoteWindow   = time.Hour
	pollMaxFormBytes = 16 << 10
	// DefaultPollVotesPerHour is the address limit when none is set.
	DefaultPollVotesPerHour = 20
)

// Messages of the vote.
const (
	msgVoteThanks  = "Cảm ơn bạn đã bình chọn! Lượt bình chọn của bạn đã được ghi nhận."
	msgVoteAgain   = "Bạn đã bình chọn cho câu hỏi này rồi. Mỗi trình duyệt chỉ bình chọn được một lần; cảm ơn bạn đã tham gia!"
	msgVoteToken   = "Phiếu bình chọn không hợp lệ hoặc đã được gửi từ một trình duyệt khác. Xin chọn lại rồi bấm “Bình chọn” lần nữa."
	msgVoteTooOld  = "Trang bình chọn đã mở quá 2 giờ nên đã hết hạn. Xin chọn lại rồi bấm “Bình chọn” lần nữa."
	msgVoteConfirm = "Xin kiểm tra lựa chọn của bạn rồi bấm “Bình chọn” để gửi."
	msgVoteBot     = "Yêu cầu bình chọn bị từ chối: chương trình tự động và yêu cầu tải trước không được bình chọn."
	msgVoteTrap    = "Không gửi được phiếu: biểu mẫu có một ô ẩn không được để trống (thường do trình duyệt tự điền). Xin chọn lại rồi bấm “Bình chọn”."
	msgVoteChoice  = "Lựa chọn gửi lên không hợp lệ. Xin tải lại trang rồi chọn lại."
)

// ballotBinding binds a poll's form token to its poll and the browser's
// binding cookie: "" (no valid token) when the browser has none.
func ballotBinding(pollID int64, cookie string) string {
	if cookie == "" {
		return ""
	}
	return "tham-do/" + strconv.FormatInt(pollID, 10) + "|" + cookie
}

// pollFormBinding returns the browser's binding cookie, setting one.
func pollFormBinding(w http.ResponseWriter, r *http.Request) string {
	return bindingCookie(w, r, pollCookie, "/tham-do")
}

// votedMark is the value of the cookie saying this browser voted in the
// poll.
func votedMark(k *qaKeys, p *congtin.Poll) string {
	m := hmac.New(sha256.New, k.form)
	m.Write([]byte("voted|" + strconv.FormatInt(p.SiteID, 10) + "|" + strconv.FormatInt(p.ID, 10)))
	return b64.EncodeToString(m.Sum(nil))[:32]
}

// votedIn reports whether the browser shows the signed cookie of a vote
// in the poll.
func (s *Server) votedIn(r *http.Request, p *congtin.Poll) bool {
	ck, err := r.Cookie(votedCookie + strconv.FormatInt(p.ID, 10))
	if err != nil {
		return false
	}
	keys, err := s.qaKeys(r.Context())
	return err == nil && hmac.Equal([]byte(ck.Value), []byte(votedMark(keys, p)))
}

// prefetch reports whether the request is a browser's prefetch or
// prerender, which must never act for the reader.
func prefetch(r *http.Request) bool {
	for _, h := range []string{"Sec-Purpose", "Purpose", "X-Moz", "X-Purpose"} {
		if v := strings.ToLower(r.Header.Get(h)); strings.Contains(v, "prefetch") || strings.Contains(v, "prerender") || strings.Contains(v, "preview") {
			return true
		}
	}
	return false
}

func (s *Server) handleVote(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	p, err := s.findPoll(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if isBot(r.UserAgent()) || prefetch(r) {
		s.renderPoll(w, r, http.StatusForbidden, p, nil, "", msgVoteBot)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, pollMaxFormBytes)
	if err := r.ParseForm(); err != nil {
		s.renderPoll(w, r, http.StatusBadRequest, p, nil, "", msgVoteChoice)
		return
	}
	form := r.PostForm
	var choices []int64
	for _, v := range form["chon"] {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 || len(choices) >= congtin.PollMaxOptions*2 {
			s.renderPoll(w, r, http.StatusBadRequest, p, nil, "", msgVoteChoice)
			return
		}
		choices = append(choices, id)
	}
	if s.votedIn(r, p) {
		s.renderPoll(w, r, http.StatusConflict, p, nil, "", msgVoteAgain)
		return
	}
	if form.Get(qaHoneypot) != "" {
		s.renderPoll(w, r, http.StatusBadRequest, p, choices, "", msgVoteTrap)
		return
	}
	// The choices first: a vote that cannot count is told why, whatever
	// its token.
	if err := congtin.CheckChoices(p, choices, s.now()); err != nil {
		s.renderPoll(w, r, http.StatusBadRequest, p, choices, "", congtin.ErrorMessage(err))
		return
	}
	keys, err := s.qaKeys(ctx)
	if err != nil {
		s.error(w, r, err)
		return
	}
	token, sent := form["token"]
	if !sent {
		// The home page's box: a cached page cannot carry a reader's
		// token, so its vote is confirmed on the poll's page.
		s.renderPoll(w, r, http.StatusOK, p, choices, msgVoteConfirm, "")
		return
	}
	tok, ok := keys.verify(strings.Join(token, ""), site.ID, ballotBinding(p.ID, bindingOf(r, pollCookie)))
	if !ok {
		s.renderPoll(w, r, http.StatusBadRequest, p, choices, "", msgVoteToken)
		return
	}
	if s.now().Sub(tok.issued) > qaMaxFormAge {
		s.renderPoll(w, r, http.StatusBadRequest, p, choices, "", msgVoteTooOld)
		return
	}
	b := congtin.Ballot{Nonce: tok.nonce, IPHash: keys.senderHash(r), Limit: s.pollVotesPerHour(), Window: pollVoteWindow}
	if _, err := s.Polls.Vote(ctx, site.ID, p.ID, choices, b); err != nil {
		switch congtin.ErrorCode(err) {
		case congtin.EINVALID:
			s.renderPoll(w, r, http.StatusBadRequest, p, choices, "", congtin.ErrorMessage(err))
		case congtin.ECONFLICT:
			s.renderPoll(w, r, http.StatusConflict, p, nil, "", congtin.ErrorMessage(err))
		case congtin.ETOOMANY:
			w.Header().Set("Retry-After", strconv.Itoa(int(pollVoteWindow.Seconds())))
			s.renderPoll(w, r, http.StatusTooManyRequests, p, choices, "", congtin.ErrorMessage(err))
		default:
			s.error(w, r, err)
		}
		return
	}
	s.polls.forget(site.ID)
	// The browser's mark of its vote, kept about as long as browsers
	// keep a cookie (400 days): after that the poll has long closed.
	clientip.SetCookie(w, r, &http.Cookie{Name: votedCookie + strconv.FormatInt(p.ID, 10), Value: votedMark(keys, p), Path: "/",
		MaxAge: 400 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, pollURL(p.ID)+"?da-binh-chon=1#binh-chon", http.StatusSeeOther)
}

// pollVotesPerHour is the address limit in force.
func (s *Server) pollVotesPerHour() int {
	if s.PollVotesPerHour > 0 {
		return s.PollVotesPerHour
	}
	return DefaultPollVotesPerHour
}
