package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

// demoPoll is a poll of the demo with its votes: for each vote, the
// indexes of the options chosen.
type demoPoll struct {
	question    string
	multiple    bool
	maxChoices  int
	showResults bool
	opensDays   int // days before now it opened
	closesDays  int // days after now it closes (negative: it has closed)
	options     []string
	votes       [][]int
}

// votesOf spreads n votes over single options by weights.
func votesOf(weights ...int) [][]int {
	var out [][]int
	for i, w := range weights {
		for range w {
			out = append(out, []int{i})
		}
	}
	return out
}

var demoPolls = []demoPoll{
	{question: "Bạn đánh giá thế nào về việc nộp hồ sơ trực tuyến trên Cổng Dịch vụ công của tỉnh?", showResults: true, opensDays: 40, closesDays: -10,
		options: []string{"Rất thuận tiện", "Thuận tiện", "Bình thường", "Chưa thuận tiện"}, votes: votesOf(48, 71, 25, 12)},
	{question: "Bạn quan tâm nhất đến nội dung nào trên cổng thông tin?", multiple: true, maxChoices: 2, showResults: true, opensDays: 5, closesDays: 25,
		options: []string{"Tin tức, sự kiện", "Văn bản chỉ đạo, điều hành", "Thủ tục hành chính", "Lịch công tác", "Hỏi đáp"},
		votes:   append(votesOf(9, 6, 14, 2, 5), []int{0, 2}, []int{1, 2}, []int{2, 4})},
}

// FillPolls writes the demo's polls into a site: a closed one with its
// results and an open one with some votes, each vote cast as a reader's
// would be (without an address, so no limit applies).
func FillPolls(ctx context.Context, s congtin.Service, siteID int64, now time.Time) error {
	at := storeClock(s)
	defer at(time.Time{})
	sys := demoActor()
	n := 0
	for _, dp := range demoPolls {
		opens := now.Add(-time.Duration(dp.opensDays) * 24 * time.Hour).Truncate(time.Hour)
		in := congtin.PollInput{Question: dp.question, Multiple: dp.multiple, MaxChoices: dp.maxChoices, ShowResults: dp.showResults,
			OpensAt: opens, ClosesAt: now.Add(time.Duration(dp.closesDays) * 24 * time.Hour).Truncate(time.Hour)}
		for _, o := range dp.options {
			in.Options = append(in.Options, congtin.PollOptionInput{Label: o})
		}
		at(opens.Add(-time.Hour))
		p, err := s.CreatePoll(ctx, sys, siteID, in)
		if err != nil {
			return fmt.Errorf("poll %q: %w", dp.question, err)
		}
		at(opens.Add(time.Minute))
		for _, v := range dp.votes {
			ids := make([]int64, len(v))
			for i, k := range v {
				ids[i] = p.Options[k].ID
			}
			n++
			if _, err := s.Vote(ctx, siteID, p.ID, ids, congtin.Ballot{Nonce: fmt.Sprintf("demo-vote-%04d", n)}); err != nil {
				return fmt.Errorf("poll %q: vote: %w", dp.question, err)
			}
		}
	}
	return nil
}
