package web

import (
	"net/http"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// pollBoxTTL is how long a process reuses what it read of a site's newest
// open poll for the home page's box. The home page is the most asked-for
// page: a query on each of its views took it from about 80 % to 34 % of
// the reference in loadbench. Other processes see a vote, a new poll or a
// close within this time; this process's own votes drop it at once.
const pollBoxTTL = time.Second

// pollMemo is the newest open poll of each site, as last read.
type pollMemo struct {
	mu    sync.Mutex
	sites map[int64]pollRead
}

type pollRead struct {
	poll *congtin.Poll // nil: none open
	at   time.Time
}

func (m *pollMemo) get(siteID int64, now time.Time) (*congtin.Poll, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.sites[siteID]
	if !ok || now.Sub(r.at) >= pollBoxTTL || now.Before(r.at) {
		return nil, false
	}
	// A poll that closed since it was read is not shown.
	if r.poll != nil && !r.poll.ClosesAt.After(now) {
		return nil, false
	}
	return r.poll, true
}

func (m *pollMemo) put(siteID int64, p *congtin.Poll, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sites == nil {
		m.sites = map[int64]pollRead{}
	}
	m.sites[siteID] = pollRead{poll: p, at: at}
}

// forget drops a site's poll: a vote here shows on the voter's next view.
func (m *pollMemo) forget(siteID int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sites, siteID)
}

// pollBox renders the home page's box for this reader: the newest open
// poll, with its form (or, for a browser that has voted, its results when
// shown). nil when no poll is open. It is filled for every view of the
// home page, cached or not, from at most one query a second per site.
func (s *Server) pollBox(r *http.Request) ([]byte, error) {
	site := siteFrom(r.Context())
	now := s.now()
	p, ok := s.polls.get(site.ID, now)
	if !ok {
		ps, _, err := s.Polls.FindPolls(r.Context(), congtin.PollFilter{SiteID: site.ID, State: congtin.PollOpen, Now: now, Limit: 1})
		if err != nil {
			return nil, err
		}
		p = nil
		if len(ps) > 0 {
			p = ps[0]
		}
		s.polls.put(site.ID, p, now)
	}
	if p == nil {
		return nil, nil
	}
	return s.Render.PollBox(&render.PollBox{Poll: s.pollView(p, s.votedIn(r, p), nil)})
}
