package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/web"
	"golang.org/x/net/html"
)

// pollActor is an administrator as the demo writes: polls are the
// service's to check (internal/app), the pages are tested here.
var pollActor = congtin.Actor{User: &congtin.User{Username: "bientap", SuperAdmin: true}}

// mustPoll creates a poll open from opens to closes.
func (e *env) mustPoll(question string, opens, closes time.Time, multiple bool, showResults bool, options ...string) *congtin.Poll {
	e.t.Helper()
	in := congtin.PollInput{Question: question, OpensAt: opens, ClosesAt: closes, Multiple: multiple, ShowResults: showResults}
	if multiple {
		in.MaxChoices = 2
	}
	for _, o := range options {
		in.Options = append(in.Options, congtin.PollOptionInput{Label: o})
	}
	p, err := e.db.CreatePoll(e.t.Context(), pollActor, e.site.ID, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

// votes reads a poll's counts: the voters, then each option's.
func (e *env) votes(p *congtin.Poll) []int64 {
	e.t.Helper()
	got, err := e.db.FindPollByID(e.t.Context(), e.site.ID, p.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	out := []int64{got.Voters}
	for _, o := range got.Options {
		out = append(out, o.Votes)
	}
	return out
}

// post sends a form as a browser would, with its headers.
func (e *env) post(c *http.Client, path string, form url.Values, hdr ...string) *response {
	e.t.Helper()
	req, err := http.NewRequest("POST", e.srv.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", browserUA)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r := &response{status: resp.StatusCode, header: resp.Header, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		if r.doc, err = html.Parse(strings.NewReader(r.body)); err != nil {
			e.t.Fatal(err)
		}
	}
	return r
}

// pollToken opens the poll's page in the browser c and returns its
// form's token; "" when the page has no form.
func (e *env) pollToken(c *http.Client, p *congtin.Poll) string {
	e.t.Helper()
	r := e.fetch(c, "GET", "/tham-do/"+strconv.FormatInt(p.ID, 10), browserUA)
	if r.status != 200 {
		e.t.Fatalf("poll page: %d", r.status)
	}
	for _, in := range findAll(r.doc, tag("input")) {
		if attr(in, "name") == "token" {
			return attr(in, "value")
		}
	}
	return ""
}

func ballot(token string, options ...int64) url.Values {
	v := url.Values{"token": {token}}
	for _, o := range options {
		v.Add("chon", strconv.FormatInt(o, 10))
	}
	return v
}

func alertText(r *response) string {
	return text(find(r.doc, func(n *html.Node) bool { return attr(n, "role") == "alert" }))
}

// TestPollVote: a reader votes without JavaScript (POST, redirect, GET),
// sees the thanks and the results with the chart and the table; the same
// browser is refused politely after, and its form replayed from a
// browser without the cookie counts nothing.
func TestPollVote(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	p := e.mustPoll("Bạn đánh giá dịch vụ công trực tuyến thế nào?", now.Add(-time.Hour), now.Add(24*time.Hour), false, true, "Tốt", "Bình thường", "Chưa tốt")
	path := "/tham-do/" + strconv.FormatInt(p.ID, 10)
	c := client(true)
	tok := e.pollToken(c, p)
	if tok == "" {
		t.Fatal("no form on an open poll's page")
	}
	r := e.post(c, path, ballot(tok, p.Options[0].ID))
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), path+"?da-binh-chon=1") {
		t.Fatalf("vote: %d %s\n%s", r.status, r.header.Get("Location"), r.body)
	}
	if got := e.votes(p); got[0] != 1 || got[1] != 1 || got[2] != 0 {
		t.Fatalf("counts after a vote: %v", got)
	}
	r = e.fetch(c, "GET", r.header.Get("Location"), browserUA)
	if r.status != 200 || !strings.Contains(text(find(r.doc, class("form-notice"))), "Cảm ơn bạn đã bình chọn") {
		t.Fatalf("after the vote: %d, notice %q", r.status, text(find(r.doc, class("form-notice"))))
	}
	if find(r.doc, class("poll-form")) != nil {
		t.Error("the form is shown again to a browser that voted")
	}
	svg := find(r.doc, tag("svg"))
	table := find(r.doc, class("poll-table"))
	if svg == nil || attr(svg, "role") != "img" || table == nil || !strings.Contains(text(table), "1Tốt1100,0%") {
		t.Fatalf("results: chart %v, table %q", svg != nil, text(table))
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("poll page Cache-Control %q, want no-store (its token is the reader's)", cc)
	}
	// The same browser again, with a fresh-looking form: refused politely.
	r = e.post(c, path, ballot(tok, p.Options[1].ID))
	if r.status != http.StatusConflict || !strings.Contains(alertText(r), "Bạn đã bình chọn cho câu hỏi này") {
		t.Fatalf("second vote: %d %q", r.status, alertText(r))
	}
	// The form replayed from a browser that has the binding cookie but
	// not the vote's: the nonce was used.
	c2 := client(true)
	u, _ := url.Parse(e.srv.URL + "/tham-do")
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "ct_thamdo" {
			c2.Jar.SetCookies(u, []*http.Cookie{ck})
		}
	}
	r = e.post(c2, path, ballot(tok, p.Options[1].ID))
	if r.status != http.StatusConflict || !strings.Contains(alertText(r), "đã được gửi rồi") {
		t.Fatalf("replayed form: %d %q", r.status, alertText(r))
	}
	if got := e.votes(p); got[0] != 1 || got[2] != 0 {
		t.Fatalf("counts after refused votes: %v", got)
	}
	// The list shows it open.
	r = e.get("/tham-do")
	if r.status != 200 || !strings.Contains(text(find(r.doc, id("dang-mo")).Parent), "Bạn đánh giá dịch vụ công") {
		t.Fatalf("list: %d", r.status)
	}
}

// TestPollBadInput: every vote that cannot count is told why, in
// Vietnamese, with a 4xx status, and counts nothing.
func TestPollBadInput(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	single := e.mustPoll("Một lựa chọn", now.Add(-time.Hour), now.Add(24*time.Hour), false, false, "A", "B", "C")
	multi := e.mustPoll("Nhiều lựa chọn", now.Add(-time.Hour), now.Add(24*time.Hour), true, false, "A", "B", "C")
	closed := e.mustPoll("Đã đóng", now.Add(-48*time.Hour), now.Add(-time.Hour), false, false, "A", "B")
	upcoming := e.mustPoll("Sắp mở", now.Add(time.Hour), now.Add(48*time.Hour), false, false, "A", "B")
	polls := []*congtin.Poll{single, multi, closed, upcoming}
	before := map[int64][]int64{}
	for _, p := range polls {
		before[p.ID] = e.votes(p)
	}
	c := client(true)
	tokS, tokM := e.pollToken(c, single), e.pollToken(c, multi)
	forged := tokS[:len(tokS)-3] + "AAA"
	cases := []struct {
		name   string
		poll   *congtin.Poll
		form   url.Values
		hdr    []string
		status int
		msg    string
	}{
		{"an option of another poll", single, ballot(tokS, multi.Options[0].ID), nil, 400, "không thuộc cuộc thăm dò này"},
		{"two options in a single-choice poll", single, ballot(tokS, single.Options[0].ID, single.Options[1].ID), nil, 400, "chỉ được chọn một phương án"},
		{"above the maximum", multi, ballot(tokM, multi.Options[0].ID, multi.Options[1].ID, multi.Options[2].ID), nil, 400, "tối đa 2 phương án"},
		{"the same option twice", multi, ballot(tokM, multi.Options[0].ID, multi.Options[0].ID), nil, 400, "chỉ được chọn một lần"},
		{"none chosen", single, ballot(tokS), nil, 400, "chưa chọn phương án nào"},
		{"not a number", single, url.Values{"token": {tokS}, "chon": {"1 OR 1=1"}}, nil, 400, "không hợp lệ"},
		{"after the close", closed, ballot(tokS, closed.Options[0].ID), nil, 400, "đã kết thúc"},
		{"before the open", upcoming, ballot(tokS, upcoming.Options[0].ID), nil, 400, "chưa bắt đầu"},
		{"a forged token", single, ballot(forged, single.Options[0].ID), nil, 400, "không hợp lệ"},
		{"another poll's token", single, ballot(tokM, single.Options[0].ID), nil, 400, "không hợp lệ"},
		{"the trap field filled", single, func() url.Values { v := ballot(tokS, single.Options[0].ID); v.Set("website", "x"); return v }(), nil, 400, "ô ẩn"},
		{"a crawler", single, ballot(tokS, single.Options[0].ID), []string{"User-Agent", googlebotUA}, 403, "chương trình tự động"},
		{"a prefetch", single, ballot(tokS, single.Options[0].ID), []string{"Sec-Purpose", "prefetch"}, 403, "tải trước"},
		{"a cross-site post", single, ballot(tokS, single.Options[0].ID), []string{"Sec-Fetch-Site", "cross-site"}, 403, "trang web khác"},
	}
	for _, tc := range cases {
		r := e.post(c, "/tham-do/"+strconv.FormatInt(tc.poll.ID, 10), tc.form, tc.hdr...)
		msg := alertText(r)
		if tc.status == 403 && tc.name == "a cross-site post" {
			msg = text(r.doc)
		}
		if r.status != tc.status || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: %d %q, want %d and %q", tc.name, r.status, msg, tc.status, tc.msg)
		}
	}
	for _, p := range polls {
		if got := e.votes(p); len(got) != len(before[p.ID]) || got[0] != 0 {
			t.Errorf("poll %q counted a refused vote: %v", p.Question, got)
		}
	}
	// A HEAD or GET never votes; a POST without a form from the home
	// page's box only asks to confirm.
	e.fetch(c, "HEAD", "/tham-do/"+strconv.FormatInt(single.ID, 10)+"?chon="+strconv.FormatInt(single.Options[0].ID, 10), browserUA)
	r := e.post(c, "/tham-do/"+strconv.FormatInt(single.ID, 10), url.Values{"chon": {strconv.FormatInt(single.Options[1].ID, 10)}})
	if r.status != 200 || !strings.Contains(text(find(r.doc, class("form-notice"))), "bấm “Bình chọn” để gửi") {
		t.Fatalf("box vote: %d %q", r.status, text(find(r.doc, class("form-notice"))))
	}
	checked := find(r.doc, func(n *html.Node) bool {
		return n.Data == "input" && attr(n, "name") == "chon" && hasAttr(n, "checked")
	})
	if checked == nil || attr(checked, "value") != strconv.FormatInt(single.Options[1].ID, 10) {
		t.Error("the confirmation does not keep the choice")
	}
	if got := e.votes(single); got[0] != 0 {
		t.Errorf("HEAD or the box's POST voted: %v", got)
	}
	// An unknown poll is a 404 in Vietnamese.
	if r := e.post(c, "/tham-do/99999", ballot(tokS, 1)); r.status != 404 || !strings.Contains(text(r.doc), "Không tìm thấy cuộc thăm dò") {
		t.Errorf("unknown poll: %d", r.status)
	}
}

// TestPollAddressLimit: at most PollVotesPerHour votes from one address,
// whatever the browsers, counted in the database.
func TestPollAddressLimit(t *testing.T) {
	e := newEnv(t)
	e.server.PollVotesPerHour = 2
	now := time.Now()
	p := e.mustPoll("Giới hạn", now.Add(-time.Hour), now.Add(time.Hour), false, false, "A", "B")
	path := "/tham-do/" + strconv.FormatInt(p.ID, 10)
	for i := range 3 {
		c := client(true)
		r := e.post(c, path, ballot(e.pollToken(c, p), p.Options[0].ID))
		want := http.StatusSeeOther
		if i == 2 {
			want = http.StatusTooManyRequests
		}
		if r.status != want {
			t.Fatalf("vote %d: %d, want %d: %q", i+1, r.status, want, alertText(r))
		}
		if i == 2 && !strings.Contains(alertText(r), "2 lần trong 1 giờ") {
			t.Errorf("limit message %q", alertText(r))
		}
	}
	if got := e.votes(p); got[0] != 2 {
		t.Errorf("counts %v, want 2 voters", got)
	}
}

// TestPollHomeBox: the home page, cached, shows the newest open poll's
// form to a new reader and the voter's own state to the voter, with the
// counts of the moment; HTML in the question is text.
func TestPollHomeBox(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	e.mustPoll("Cũ hơn", now.Add(-2*time.Hour), now.Add(time.Hour), false, true, "A", "B")
	p := e.mustPoll("<script>alert(1)</script> Mới nhất?", now.Add(-time.Hour), now.Add(time.Hour), false, true, "<b>Có</b>", "Không")
	e.sync()
	box := func(c *http.Client) *html.Node {
		r := e.fetch(c, "GET", "/", browserUA)
		if r.status != 200 {
			t.Fatalf("home: %d %s", r.status, r.body)
		}
		if strings.Contains(r.body, "<script>alert(1)") || strings.Contains(r.body, "<b>Có</b>") {
			t.Fatal("the poll's text is not escaped")
		}
		return find(r.doc, class("poll-box"))
	}
	anon := client(true)
	for range 2 { // rendered, then from the cache
		b := box(anon)
		form := find(b, tag("form"))
		if b == nil || form == nil || attr(form, "action") != "/tham-do/"+strconv.FormatInt(p.ID, 10) || !strings.Contains(text(b), "<script>alert(1)</script> Mới nhất?") {
			t.Fatalf("box: %q", text(b))
		}
	}
	voter := client(true)
	r := e.post(voter, "/tham-do/"+strconv.FormatInt(p.ID, 10), ballot(e.pollToken(voter, p), p.Options[0].ID))
	if r.status != http.StatusSeeOther {
		t.Fatalf("vote: %d %q", r.status, alertText(r))
	}
	b := box(voter)
	if find(b, tag("form")) != nil || !strings.Contains(text(b), "Bạn đã bình chọn") || !strings.Contains(text(b), "100,0%") {
		t.Fatalf("the voter's box: %q", text(b))
	}
	if find(box(anon), tag("form")) == nil {
		t.Fatal("another reader's box lost its form")
	}
	// The home page is the most asked-for page: its box reads the store
	// at most once a second, not on every view.
	counting := &countingPolls{PollService: e.server.Polls}
	e.server.Polls = counting
	for range 20 {
		if find(box(anon), tag("form")) == nil {
			t.Fatal("the box lost its form")
		}
	}
	if n := counting.finds.Load(); n > 1 {
		t.Fatalf("20 views of the home page read the polls %d times", n)
	}
}

// countingPolls counts the poll lists read.
type countingPolls struct {
	web.PollService
	finds atomic.Int64
}

func (c *countingPolls) FindPolls(ctx context.Context, f congtin.PollFilter) ([]*congtin.Poll, int, error) {
	c.finds.Add(1)
	return c.PollService.FindPolls(ctx, f)
}
