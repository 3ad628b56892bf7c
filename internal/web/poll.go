package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// Polls (thăm dò ý kiến). Their pages are never cached: a poll's page
// carries the reader's own form token, and its counts move with every
// vote; the list is small. The home page's poll box is a hole of the
// cached home page, filled for each reader (pollBox), so a vote shows on
// the next view of any page, on every process, at once.

const pollPageSize = 20

func (s *Server) pollRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /tham-do", s.handlePolls)
	mux.HandleFunc("GET /tham-do/{id}", s.handlePoll)
	mux.Handle("POST /tham-do/{id}", s.qaCrossOrigin(http.HandlerFunc(s.handleVote)))
}

// PollService is what the poll pages read and the vote writes.
type PollService interface {
	// FindPollByID returns a poll of the site with its options;
	// ENOTFOUND if none.
	FindPollByID(ctx context.Context, siteID, id int64) (*congtin.Poll, error)
	// FindPolls lists polls with their options and counts them.
	FindPolls(ctx context.Context, f congtin.PollFilter) ([]*congtin.Poll, int, error)
	// Vote counts a reader's choices (see congtin.PollService).
	Vote(ctx context.Context, siteID, pollID int64, optionIDs []int64, b congtin.Ballot) (*congtin.Poll, error)
}

func pollURL(id int64) string { return "/tham-do/" + strconv.FormatInt(id, 10) }

// pollView shows a poll at the server's now to a browser that has voted
// or not; checked are the options to show chosen in the form.
func (s *Server) pollView(p *congtin.Poll, voted bool, checked []int64) render.PollView {
	return render.NewPollView(p, s.now(), voted, checked, pollURL(p.ID))
}

func (s *Server) handlePolls(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	page, err := parsePage(r.URL.Query())
	if err != nil {
		s.error(w, r, err)
		return
	}
	now := s.now()
	open, _, err := s.Polls.FindPolls(ctx, congtin.PollFilter{SiteID: site.ID, State: congtin.PollOpen, Now: now, Limit: 100})
	if err != nil {
		s.error(w, r, err)
		return
	}
	closed, total, err := s.Polls.FindPolls(ctx, congtin.PollFilter{SiteID: site.ID, State: congtin.PollClosed, Now: now,
		Offset: (page - 1) * pollPageSize, Limit: pollPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	if err := checkPage(page, total, pollPageSize); err != nil {
		s.error(w, r, err)
		return
	}
	lp := &render.PollListPage{Pager: pager("/tham-do", r.URL.Query(), page, total, pollPageSize)}
	if !s.layout(w, r, site, &lp.Base) {
		return
	}
	lp.Title, lp.ActiveSlug = "Thăm dò ý kiến", "tham-do"
	lp.Canonical = s.siteURL(site, "/tham-do")
	lp.Description = "Các cuộc thăm dò ý kiến của " + site.Name + " và kết quả."
	for _, p := range open {
		lp.Open = append(lp.Open, s.pollView(p, false, nil))
	}
	for _, p := range closed {
		lp.Closed = append(lp.Closed, s.pollView(p, false, nil))
	}
	w.Header().Set("Cache-Control", "no-cache")
	s.render(w, http.StatusOK, "polls", lp)
}

// findPoll reads the poll of the request's {id}.
func (s *Server) findPoll(r *http.Request) (*congtin.Poll, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, congtin.NotFound(congtin.KindPoll)
	}
	return s.Polls.FindPollByID(r.Context(), siteFrom(r.Context()).ID, id)
}

func (s *Server) handlePoll(w http.ResponseWriter, r *http.Request) {
	p, err := s.findPoll(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	notice := ""
	if r.URL.Query().Get("da-binh-chon") != "" && s.votedIn(r, p) {
		notice = msgVoteThanks
		if !p.ResultsVisible(s.now()) {
			notice += " Kết quả sẽ được công bố khi cuộc thăm dò kết thúc."
		}
	}
	s.renderPoll(w, r, http.StatusOK, p, nil, notice, "")
}

// renderPoll draws a poll's page, with a fresh form token when the form
// is shown; checked are the choices to show again.
func (s *Server) renderPoll(w http.ResponseWriter, r *http.Request, status int, p *congtin.Poll, checked []int64, notice, msg string) {
	ctx := r.Context()
	site := siteFrom(ctx)
	pp := &render.PollPage{Poll: s.pollView(p, s.votedIn(r, p), checked), Notice: notice, Error: msg, Honeypot: qaHoneypot}
	base, err := s.base(w, r, site, status == http.StatusOK)
	if err != nil {
		s.error(w, r, err)
		return
	}
	pp.Base = base
	pp.Title, pp.ActiveSlug = p.Question, "tham-do"
	pp.Canonical = s.siteURL(site, pollURL(p.ID))
	pp.Description = "Thăm dò ý kiến: " + p.Question
	if pp.Poll.Voting {
		keys, err := s.qaKeys(ctx)
		if err != nil {
			s.error(w, r, err)
			return
		}
		pp.Token = keys.sign(site.ID, s.now(), ballotBinding(p.ID, pollFormBinding(w, r)))
	}
	privatePage(w)
	s.render(w, status, "poll", pp)
}
