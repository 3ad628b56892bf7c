package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// testRegisterSuggest: the register's search box suggests the public
// documents whose number or summary starts with what is typed: by number
// first (the newest first for one number), then by summary; in force or
// not; not drafts, not unpublished ones, not another site's; following
// edits; ten at most; a prefix longer than the summaries' indexed part
// still matches exactly; a LIKE wildcard is a plain character.
func testRegisterSuggest(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so-vb.example", "Cổng Sở")
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	oed := MustUser(t, s, other.ID, "bientap-so", congtin.RoleEditor)
	plan := TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch")
	suggest := func(siteID int64, q string, want ...int64) []*congtin.Document {
		t.Helper()
		ds, err := s.SuggestDocuments(ctx, siteID, q)
		if err != nil {
			t.Fatalf("suggest %q: %v", q, err)
		}
		var got []int64
		for _, d := range ds {
			got = append(got, d.ID)
			if d.Number == "" || d.Slug == "" || d.Summary == "" {
				t.Fatalf("suggest %q: %+v lacks what a link needs", q, d)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("suggest %q: %v, want %v", q, got, want)
		}
		return ds
	}
	create := func(actor congtin.Actor, siteID, typ int64, number, issued, summary string, publish bool) *congtin.Document {
		t.Helper()
		d, err := s.CreateDocument(ctx, actor, siteID, congtin.DocumentInput{TypeID: typ, Number: number, Issuer: "Ủy ban nhân dân tỉnh",
			IssuedOn: day(issued), Summary: summary})
		if err != nil {
			t.Fatalf("create %s: %v", number, err)
		}
		if publish {
			if d, err = s.TransitionDocument(ctx, actor, siteID, d.ID, congtin.ActPublish, ""); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	old := create(ed, site.ID, plan, "115/KH-UBND", "2023-02-01", "Kế hoạch phát triển nông nghiệp năm 2023", true)
	draft := create(ed, site.ID, plan, "115/KH-SNN", "2024-01-05", "Kế hoạch phát động phong trào thi đua", false)
	suggest(site.ID, "115/KH", old.ID)
	suggest(site.ID, "115 kh ", old.ID)
	suggest(site.ID, "115/kh-ubnd", old.ID)
	suggest(site.ID, "115/KH-SNN") // a draft
	suggest(site.ID, "ke hoach phat", old.ID)
	suggest(site.ID, "KẾ HOẠCH PHÁT TRIỂN", old.ID)
	suggest(site.ID, norm.NFD.String("kế hoạch phát triển nông"), old.ID)
	suggest(site.ID, "nong nghiep") // not the summary's start
	suggest(site.ID, "")
	suggest(site.ID, "%")
	suggest(site.ID, "1_5")         // "1 5": "_" is no wildcard
	suggest(site.ID, "11%", old.ID) // "11": a prefix, "%" no wildcard
	suggest(other.ID, "115 kh")
	create(oed, other.ID, TermID(t, s, other.ID, congtin.ListTypes, "Kế hoạch"), "115/KH-UBND", "2024-01-01", "Kế hoạch của Sở", true)

	// This year's plan of the same number replaces last year's, which is
	// still suggested (its page says it is replaced): the newest first.
	d, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: plan, Number: "115/KH-UBND", Issuer: "Ủy ban nhân dân tỉnh",
		IssuedOn: day("2024-02-01"), Summary: "Kế hoạch phát triển nông nghiệp năm 2024",
		Links: []congtin.DocumentLinkInput{{Kind: congtin.LinkReplaces, TargetID: old.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	ds := suggest(site.ID, "115 kh", d.ID, old.ID)
	if ds[1].ReplacedBy != d.ID || !ds[1].Expired(time.Now()) || ds[0].Expired(time.Now()) {
		t.Fatalf("replaced: %+v", ds[1])
	}
	suggest(site.ID, "ke hoach phat trien", old.ID, d.ID) // summary order: "…2023" before "…2024"
	// By number first, then by summary.
	report := create(ed, site.ID, TermID(t, s, site.ID, congtin.ListTypes, "Báo cáo"), "20/BC-UBND", "2024-03-01", "115 hộ gia đình nhận hỗ trợ sau bão", true)
	suggest(site.ID, "115", d.ID, old.ID, report.ID)
	suggest(site.ID, "115 ho", report.ID)

	// An edit moves the keys; unpublishing removes the document.
	in := congtin.DocumentInput{TypeID: plan, Number: "116/KH-UBND", Issuer: "Ủy ban nhân dân tỉnh", IssuedOn: day("2024-02-01"),
		Summary: "Chương trình phát triển nông nghiệp", Links: []congtin.DocumentLinkInput{{Kind: congtin.LinkReplaces, TargetID: old.ID}}}
	if _, err := s.UpdateDocument(ctx, ed, site.ID, d.ID, in); err != nil {
		t.Fatal(err)
	}
	suggest(site.ID, "115 kh", old.ID)
	suggest(site.ID, "116", d.ID)
	suggest(site.ID, "chuong trinh", d.ID)
	if _, err := s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActUnpublish, ""); err != nil {
		t.Fatal(err)
	}
	suggest(site.ID, "116")
	_ = draft

	// A summary longer than the indexed part: a prefix beyond it matches
	// the whole summary, not only its first 200 characters.
	long := strings.Repeat("Triển khai nhiệm vụ ", 12) // 240 characters
	l1 := create(ed, site.ID, plan, "7/KH-UBND", "2024-04-01", long+"trồng rừng", true)
	l2 := create(ed, site.ID, plan, "8/KH-UBND", "2024-04-02", long+"phòng cháy", true)
	suggest(site.ID, "trien khai nhiem vu", l2.ID, l1.ID) // one indexed part: the newest first
	suggest(site.ID, long+"trồng", l1.ID)
	suggest(site.ID, long+"phòng", l2.ID)
	suggest(site.ID, long+"x")

	// Ten at most.
	var want []int64
	for i := range congtin.MaxSuggestions + 2 {
		x := create(ed, site.ID, plan, fmt.Sprintf("3%02d/TB-UBND", i), "2024-05-01", "Thông báo", true)
		want = append(want, x.ID)
	}
	suggest(site.ID, "3", want[:congtin.MaxSuggestions]...)
}

// testQASuggest: the Q&A's search box suggests the published, answered
// questions whose title starts with what is typed, in title order; not
// those waiting for an answer, nor unpublished ones, nor another site's;
// following a title's edit.
func testQASuggest(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so-hd.example", "Cổng Sở")
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	suggest := func(siteID int64, q string, want ...int64) {
		t.Helper()
		qs, err := s.SuggestQuestions(ctx, siteID, q)
		if err != nil {
			t.Fatalf("suggest %q: %v", q, err)
		}
		got := questionIDs(qs)
		if fmt.Sprint(got) != fmt.Sprint(append([]int64{}, want...)) {
			t.Fatalf("suggest %q: %v, want %v", q, got, want)
		}
	}
	publish := func(siteID int64, title string) *congtin.Question {
		t.Helper()
		q := MustSubmit(t, s, siteID, QuestionIn(title, 0), QuestionSub("ip-"+title))
		if _, err := s.UpdateQuestion(ctx, ed, siteID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: "<p>Trả lời.</p>"}); err != nil {
			t.Fatal(err)
		}
		q, err := s.TransitionQuestion(ctx, ed, siteID, q.ID, congtin.ActPublish, "")
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	a := publish(site.ID, "Học phí trường mầm non công lập")
	b := publish(site.ID, "Học bổng cho học sinh nghèo")
	waiting := MustSubmit(t, s, site.ID, QuestionIn("Học phí đại học", 0), QuestionSub("ip-w"))
	suggest(site.ID, "hoc", b.ID, a.ID) // "hoc bong" before "hoc phi"
	suggest(site.ID, "Học phí", a.ID)   // not the one waiting for an answer
	suggest(site.ID, "HOC PHI TRUONG MAM", a.ID)
	suggest(site.ID, norm.NFD.String("học phí trường"), a.ID)
	suggest(site.ID, "hoc ", b.ID, a.ID)
	suggest(site.ID, "ho ")
	suggest(site.ID, "mam non") // not the title's start
	suggest(site.ID, "%")
	suggest(site.ID, "")
	suggest(other.ID, "hoc")
	_ = waiting

	if _, err := s.UpdateQuestion(ctx, ed, site.ID, a.ID, congtin.QuestionEdit{Title: "Mức học phí mầm non", Body: a.Body, Answer: a.Answer}); err != nil {
		t.Fatal(err)
	}
	suggest(site.ID, "hoc phi")
	suggest(site.ID, "muc hoc", a.ID)
	if _, err := s.TransitionQuestion(ctx, ed, site.ID, b.ID, congtin.ActUnpublish, ""); err != nil {
		t.Fatal(err)
	}
	suggest(site.ID, "hoc")
}
