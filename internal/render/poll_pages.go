package render

import (
	"bytes"
	"fmt"
	"github.com/congtin/congtin/internal/chart"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// PollView is a poll as the public pages show it: its question and
// options, whether it takes votes, and its results when they are shown.
type PollView struct {
	ID         int64
	URL        string
	Question   string
	Multiple   bool
	MaxChoices int
	State      string // congtin.PollOpen…
	StateName  string
	OpensAt    time.Time
	ClosesAt   time.Time
	Options    []PollOptionView
	// Voting: the form is shown (the poll is open and this browser has
	// not voted).
	Voting bool
	// Voted: this browser has voted in the poll.
	Voted bool
	// Results: the counts are shown, with Chart (an SVG) and the table.
	Results bool
	Voters  int64
	Chart   template.HTML
}

// PollOptionView is one option, with its count and share when shown.
type PollOptionView struct {
	ID      int64
	Label   string
	Votes   int64
	Percent string // "42,5%": of the votes cast (voters)
	Width   string // the bar's width in the list, "42.5%"
	Checked bool   // chosen in the form shown again
}

// PollListPage is /tham-do: the open polls, then the archive of closed
// ones.
type PollListPage struct {
	Base
	Open   []PollView
	Closed []PollView
	Pager  Pager
}

// PollPage is /tham-do/{id}: the poll with its form or its results.
type PollPage struct {
	Base
	Poll     PollView
	Token    string
	Honeypot string
	// Notice thanks the voter; Error says why a vote was not counted.
	Notice string
	Error  string
}

// PollBox is the home page's box: the newest open poll, its form posting
// to the poll's page.
type PollBox struct {
	Poll PollView
}

// PollBox renders the home page's poll box (the "pollbox" partial): it
// fills the home page's "poll" hole, for each reader, cached page or not.
func (e *Engine) PollBox(box *PollBox) ([]byte, error) {
	var buf bytes.Buffer
	if err := e.sets["home"].ExecuteTemplate(&buf, "pollbox", box); err != nil {
		return nil, fmt.Errorf("render: poll box: %w", err)
	}
	return buf.Bytes(), nil
}

// AdminPollsPage is /admin/tham-do: every poll of the site.
type AdminPollsPage struct {
	AdminBase
	Polls []AdminPollRow
}

// AdminPollRow is a poll in the back office's list.
type AdminPollRow struct {
	*congtin.Poll
	StateName string
}

// AdminPollEditPage is a poll's form, new (ID 0) or existing, with its
// results.
type AdminPollEditPage struct {
	AdminBase
	ID        int64
	Input     AdminPollForm
	StateName string
	Voters    int64 // votes cast: options can no longer be removed
	Closed    bool
	Results   *PollView
}

// AdminPollForm is what the poll form shows: the typed values.
type AdminPollForm struct {
	Question    string
	Multiple    bool
	MaxChoices  int
	ShowResults bool
	OpensAt     string // datetime-local, Vietnam time
	ClosesAt    string
	Options     []AdminPollOption
}

// AdminPollOption is a row of the options: an existing option (ID) or a
// spare row for a new one.
type AdminPollOption struct {
	ID       int64
	Label    string
	Position int
	Votes    int64
}

// NewPollView shows a poll at now to a browser that has voted or not;
// checked are the options to show chosen in the form, url the poll's
// public address.
func NewPollView(p *congtin.Poll, now time.Time, voted bool, checked []int64, url string) PollView {
	state := p.State(now)
	v := PollView{ID: p.ID, URL: url, Question: p.Question, Multiple: p.Multiple, MaxChoices: p.MaxChoices,
		State: state, StateName: congtin.PollStateName(state), OpensAt: p.OpensAt, ClosesAt: p.ClosesAt,
		Voting: state == congtin.PollOpen && !voted, Voted: voted, Results: p.ResultsVisible(now), Voters: p.Voters}
	on := map[int64]bool{}
	for _, id := range checked {
		on[id] = true
	}
	points := make([]chart.Point, len(p.Options))
	for i, o := range p.Options {
		ov := PollOptionView{ID: o.ID, Label: o.Label, Votes: o.Votes, Checked: on[o.ID], Percent: "0%", Width: "0%"}
		if p.Voters > 0 {
			// Of the votes cast: in a multiple-choice poll the shares
			// add up to more than 100%, as the page says.
			share := float64(o.Votes) * 100 / float64(p.Voters)
			ov.Percent = strings.Replace(strconv.FormatFloat(share, 'f', 1, 64), ".", ",", 1) + "%"
			ov.Width = strconv.FormatFloat(share, 'f', 1, 64) + "%"
		}
		v.Options = append(v.Options, ov)
		// The x axis is numbered: the options' texts are too long to
		// stand under the bars; the table beside the chart names them.
		points[i] = chart.Point{Label: strconv.Itoa(i + 1), Tip: o.Label + ": " + Number(o.Votes) + " phiếu (" + ov.Percent + ")", Value: o.Votes}
	}
	v.Chart = chart.Render(chart.Chart{ID: "bieu-do-tham-do-" + strconv.FormatInt(p.ID, 10), Title: "Kết quả thăm dò: " + p.Question,
		Desc: "Số phiếu của từng phương án, đánh số như trong bảng kết quả.", Kind: chart.Bars, Points: points, Format: Number})
	return v
}
