package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// PollIn returns a valid poll open from opens to closes with the options.
func PollIn(question string, opens, closes time.Time, options ...string) congtin.PollInput {
	in := congtin.PollInput{Question: question, OpensAt: opens, ClosesAt: closes}
	for _, o := range options {
		in.Options = append(in.Options, congtin.PollOptionInput{Label: o})
	}
	return in
}

// BallotFrom returns a ballot with a fresh nonce from the address hash,
// limited to 20 votes an hour.
func BallotFrom(ipHash string) congtin.Ballot {
	qaSeq.Lock()
	qaSeq.n++
	n := qaSeq.n
	qaSeq.Unlock()
	return congtin.Ballot{Nonce: fmt.Sprintf("ballot-%d", n), IPHash: ipHash, Limit: 20, Window: time.Hour}
}

// testPolls: a poll's fields and options round-trip, lists by state and
// site, edits keep the options' identity and counts, votes count exactly
// (also when they arrive at once), and the address limit and the nonce
// hold.
func testPolls(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	c := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	edOther := MustUser(t, s, other.ID, "bientap2", congtin.RoleEditor)
	now := c.Now()

	in := PollIn("Bạn đánh giá <b>dịch vụ công</b> thế nào?", now.Add(-time.Hour), now.Add(48*time.Hour), "Tốt", "Bình thường", "Chưa tốt")
	in.Multiple, in.MaxChoices, in.ShowResults = true, 2, true
	p, err := s.CreatePoll(ctx, ed, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindPollByID(ctx, site.ID, p.ID)
	if err != nil || got.Question != in.Question || !got.Multiple || got.MaxChoices != 2 || !got.ShowResults ||
		!got.OpensAt.Equal(in.OpensAt) || !got.ClosesAt.Equal(in.ClosesAt) || len(got.Options) != 3 ||
		got.Options[0].Label != "Tốt" || got.Options[2].Label != "Chưa tốt" || got.Options[1].Position != 2 || got.Voters != 0 {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	if _, err := s.FindPollByID(ctx, other.ID, p.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's poll: %v", err)
	}
	closed, err := s.CreatePoll(ctx, ed, site.ID, PollIn("Câu hỏi đã kết thúc", now.Add(-72*time.Hour), now.Add(-time.Hour), "Có", "Không"))
	if err != nil {
		t.Fatal(err)
	}
	upcoming, err := s.CreatePoll(ctx, ed, site.ID, PollIn("Câu hỏi sắp mở", now.Add(time.Hour), now.Add(72*time.Hour), "Có", "Không"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreatePoll(ctx, edOther, other.ID, PollIn("Của Sở", now.Add(-time.Hour), now.Add(time.Hour), "Có", "Không")); err != nil {
		t.Fatal(err)
	}
	pollIDs := func(f congtin.PollFilter) []int64 {
		f.SiteID, f.Now = site.ID, c.Now()
		ps, n, err := s.FindPolls(ctx, f)
		if err != nil || n != len(ps) {
			t.Fatalf("find polls %+v: %d of %d, %v", f, len(ps), n, err)
		}
		out := []int64{}
		for _, p := range ps {
			if len(p.Options) < 2 {
				t.Fatalf("poll %d listed without its options", p.ID)
			}
			out = append(out, p.ID)
		}
		return out
	}
	WantIDs(t, pollIDs(congtin.PollFilter{State: congtin.PollOpen}), []int64{p.ID}, "open polls")
	WantIDs(t, pollIDs(congtin.PollFilter{State: congtin.PollClosed}), []int64{closed.ID}, "closed polls")
	WantIDs(t, pollIDs(congtin.PollFilter{}), []int64{upcoming.ID, closed.ID, p.ID}, "every poll, newest first")

	// Votes count in the database, one per option chosen and one voter.
	tot, kha, chua := got.Options[0].ID, got.Options[1].ID, got.Options[2].ID
	if _, err := s.Vote(ctx, site.ID, p.ID, []int64{tot, chua}, BallotFrom("ip-a")); err != nil {
		t.Fatal(err)
	}
	b := BallotFrom("ip-a")
	after, err := s.Vote(ctx, site.ID, p.ID, []int64{tot}, b)
	if err != nil || after.Voters != 2 || after.Options[0].Votes != 2 || after.Options[1].Votes != 0 || after.Options[2].Votes != 1 {
		t.Fatalf("after two votes: %+v, %v", after, err)
	}
	WantCode(t, func() error { _, err := s.Vote(ctx, site.ID, p.ID, []int64{kha}, b); return err }(), congtin.ECONFLICT, "a nonce used twice")
	WantCode(t, func() error { _, err := s.Vote(ctx, other.ID, p.ID, []int64{kha}, BallotFrom("ip-a")); return err }(), congtin.ENOTFOUND, "a vote through another site")

	// Twenty at once from twenty addresses: all counted, exactly.
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.Vote(ctx, site.ID, p.ID, []int64{kha}, BallotFrom(fmt.Sprintf("ip-many-%d", i)))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("concurrent vote: %v", err)
		}
	}
	// Twenty-five at once from one address: the limit (20 an hour) lets
	// 18 more in after its first two.
	errs = make([]error, 25)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.Vote(ctx, site.ID, p.ID, []int64{kha}, BallotFrom("ip-a"))
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch congtin.ErrorCode(err) {
		case "":
			ok++
		case congtin.ETOOMANY:
		default:
			t.Fatalf("flood: %v", err)
		}
	}
	got, err = s.FindPollByID(ctx, site.ID, p.ID)
	if ok != 18 || err != nil || got.Voters != 40 || got.Options[0].Votes != 2 || got.Options[1].Votes != 38 || got.Options[2].Votes != 1 || got.TotalVotes() != 41 {
		t.Fatalf("after the flood: %d accepted; %+v, %v", ok, got, err)
	}
	// An hour later the address votes again.
	c.Add(time.Hour + time.Second)
	if _, err := s.Vote(ctx, site.ID, p.ID, []int64{kha}, BallotFrom("ip-a")); err != nil {
		t.Fatalf("after the window: %v", err)
	}

	// An edit after votes reorders and adds; the counts stay with their
	// options.
	in.Options = []congtin.PollOptionInput{{ID: chua, Label: "Chưa tốt"}, {ID: tot, Label: "Tốt"}, {ID: kha, Label: "Bình thường"}, {Label: "Ý kiến khác"}}
	in.Question = "Câu hỏi đã sửa"
	if _, err := s.UpdatePoll(ctx, ed, site.ID, p.ID, in); err != nil {
		t.Fatal(err)
	}
	got, err = s.FindPollByID(ctx, site.ID, p.ID)
	if err != nil || got.Question != "Câu hỏi đã sửa" || len(got.Options) != 4 || got.Options[0].ID != chua || got.Options[0].Votes != 1 ||
		got.Options[1].Votes != 2 || got.Options[2].Votes != 39 || got.Options[3].Label != "Ý kiến khác" || got.Options[3].Votes != 0 || got.Voters != 41 {
		t.Fatalf("after the edit: %+v, %v", got, err)
	}
	// Before any vote, options can be dropped and rewritten.
	up := PollIn("Câu hỏi sắp mở", now.Add(time.Hour), now.Add(72*time.Hour), "Một", "Hai", "Ba")
	if _, err := s.UpdatePoll(ctx, ed, site.ID, upcoming.ID, up); err != nil {
		t.Fatal(err)
	}
	got, err = s.FindPollByID(ctx, site.ID, upcoming.ID)
	if err != nil || len(got.Options) != 3 || got.Options[0].Label != "Một" {
		t.Fatalf("rewritten options: %+v, %v", got, err)
	}

	// Closing early ends it now; a poll without votes deletes.
	cl, err := s.ClosePoll(ctx, ed, site.ID, p.ID)
	if err != nil || !cl.ClosesAt.Equal(c.Now()) || cl.State(c.Now()) != congtin.PollClosed {
		t.Fatalf("close: %+v, %v", cl, err)
	}
	WantIDs(t, pollIDs(congtin.PollFilter{State: congtin.PollClosed}), []int64{p.ID, closed.ID}, "closed polls after closing one")
	if err := s.DeletePoll(ctx, ed, site.ID, upcoming.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindPollByID(ctx, site.ID, upcoming.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("deleted poll: %v", err)
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "poll"})
	if want := "[poll.delete poll.close poll.update poll.update poll.create poll.create poll.create]"; fmt.Sprint(acts) != want {
		t.Fatalf("audit entries %v, want %s", acts, want)
	}
}
