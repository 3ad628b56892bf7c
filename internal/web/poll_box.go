package web

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// pollBox renders the home page's box for this reader: the newest open
// poll, with its form (or, for a browser that has voted, its results when
// shown). nil when no poll is open. It is read for every view of the home
// page, cached or not: one indexed query, and the box is never stale.
func (s *Server) pollBox(r *http.Request) ([]byte, error) {
	site := siteFrom(r.Context())
	ps, _, err := s.Polls.FindPolls(r.Context(), congtin.PollFilter{SiteID: site.ID, State: congtin.PollOpen, Now: s.now(), Limit: 1})
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return s.Render.PollBox(&render.PollBox{Poll: s.pollView(ps[0], s.votedIn(r, ps[0]), nil)})
}
