package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestPollRefused: who may run polls, what a poll must be, and which
// changes a poll with votes refuses; each refused change writes nothing.
func TestPollRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	pv := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	ad := storetest.MustUser(t, a, site.ID, "qtv", congtin.RoleAdmin)
	now := a.Now()
	in := storetest.PollIn("Câu hỏi?", now.Add(-time.Hour), now.Add(time.Hour), "A", "B")
	_, err := a.CreatePoll(ctx, pv, site.ID, in)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter's poll")

	many := make([]string, 21)
	for i := range many {
		many[i] = strings.Repeat("x", i+1)
	}
	bad := map[string]congtin.PollInput{
		"1 option":     storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), "A"),
		"21 options":   storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), many...),
		"empty option": storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), "A", "  ", "B"),
		"duplicates":   storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), "Đồng ý", " đồng ý "),
		"bad text":     storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), "A", "B\x00"),
	}
	for name, in := range bad {
		_, err := a.CreatePoll(ctx, ed, site.ID, in)
		storetest.WantField(t, err, "options", name)
	}
	backwards := storetest.PollIn("Câu hỏi?", now, now.Add(-time.Minute), "A", "B")
	_, err = a.CreatePoll(ctx, ed, site.ID, backwards)
	storetest.WantField(t, err, "closes_at", "closing before it opens")
	multi := storetest.PollIn("Câu hỏi?", now, now.Add(time.Hour), "A", "B", "C")
	multi.Multiple, multi.MaxChoices = true, 4
	_, err = a.CreatePoll(ctx, ed, site.ID, multi)
	storetest.WantField(t, err, "max_choices", "a maximum above the options")
	empty := storetest.PollIn("   ", now, now.Add(time.Hour), "A", "B")
	_, err = a.CreatePoll(ctx, ed, site.ID, empty)
	storetest.WantField(t, err, "question", "no question")
	if _, n, _ := a.FindPolls(ctx, congtin.PollFilter{SiteID: site.ID}); n != 0 {
		t.Fatalf("%d refused polls stored", n)
	}
	wantAudit(t, a, site.ID, "poll", 0, "refused polls")

	// Spare rows left empty at the end are not options.
	in.Options = append(in.Options, congtin.PollOptionInput{}, congtin.PollOptionInput{Label: " "})
	p, err := a.CreatePoll(ctx, ad, site.ID, in)
	if err != nil || len(p.Options) != 2 {
		t.Fatalf("create: %+v, %v", p, err)
	}
	// Votes: checked against the poll.
	_, err = a.Vote(ctx, site.ID, p.ID, []int64{p.Options[0].ID, p.Options[1].ID}, storetest.BallotFrom("ip"))
	storetest.WantCode(t, err, congtin.EINVALID, "two options in a single-choice poll")
	_, err = a.Vote(ctx, site.ID, p.ID, nil, storetest.BallotFrom("ip"))
	storetest.WantCode(t, err, congtin.EINVALID, "no option")
	if _, err := a.Vote(ctx, site.ID, p.ID, []int64{p.Options[0].ID}, storetest.BallotFrom("ip")); err != nil {
		t.Fatal(err)
	}
	// With a vote: no option removed or reworded, no delete.
	keep := []congtin.PollOptionInput{{ID: p.Options[0].ID, Label: "A"}}
	_, err = a.UpdatePoll(ctx, ed, site.ID, p.ID, congtin.PollInput{Question: "Câu hỏi?", OpensAt: p.OpensAt, ClosesAt: p.ClosesAt,
		Options: append(keep, congtin.PollOptionInput{Label: "C"})})
	storetest.WantField(t, err, "options", "removing an option after a vote")
	_, err = a.UpdatePoll(ctx, ed, site.ID, p.ID, congtin.PollInput{Question: "Câu hỏi?", OpensAt: p.OpensAt, ClosesAt: p.ClosesAt,
		Options: append(keep, congtin.PollOptionInput{ID: p.Options[1].ID, Label: "B khác"})})
	storetest.WantField(t, err, "options", "rewording an option after a vote")
	_, err = a.UpdatePoll(ctx, ed, site.ID, p.ID, congtin.PollInput{Question: "Câu hỏi?", OpensAt: p.OpensAt, ClosesAt: p.ClosesAt,
		Options: append(keep, congtin.PollOptionInput{ID: p.Options[0].ID, Label: "A"})})
	storetest.WantField(t, err, "options", "an option twice")
	_, err = a.UpdatePoll(ctx, ed, site.ID, p.ID, congtin.PollInput{Question: "Câu hỏi?", OpensAt: p.OpensAt, ClosesAt: p.ClosesAt, Multiple: true, MaxChoices: 2,
		Options: append(keep, congtin.PollOptionInput{ID: p.Options[1].ID, Label: "B"})})
	storetest.WantField(t, err, "max_choices", "a single-choice poll made multiple after a vote")
	storetest.WantCode(t, a.DeletePoll(ctx, ed, site.ID, p.ID), congtin.EINVALID, "deleting a poll with votes")
	_, err = a.ClosePoll(ctx, pv, site.ID, p.ID)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter closes a poll")
	wantAudit(t, a, site.ID, "poll", 1, "only the creation")
}
