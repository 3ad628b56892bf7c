package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// soakStats is what one kind measured.
type soakStats struct {
	stats             // lat of every answer; errors are transport errors; served as in the scenarios
	requests   int    // answered or not
	classes    [6]int // answers by status class, 1xx to 5xx
	unexpected int    // answers not among the kind's expected statuses (5xx included)
	firstOdd   string // the first unexpected answer or transport error
	statuses   map[int]int
}

func (s *soakStats) merge(o *soakStats) {
	s.requests += o.requests
	s.errors += o.errors
	s.unexpected += o.unexpected
	for i := range s.classes {
		s.classes[i] += o.classes[i]
	}
	for st, n := range o.statuses {
		s.statuses[st] += n
	}
	for p, n := range o.served {
		s.served[p] += n
	}
	s.lat = append(s.lat, o.lat...)
	if s.firstOdd == "" {
		s.firstOdd = o.firstOdd
	}
}

func newSoakStats() *soakStats {
	return &soakStats{stats: stats{served: map[string]int64{}}, statuses: map[int]int{}}
}

// The server's limits the mix runs into on purpose (internal/admin,
// internal/web/qa_guard.go).
const (
	maxIPFailures = 20                      // failed sign-ins per address before the lock-out
	qaSubmitLimit = 3                       // questions per address in 10 minutes
	qaFormWait    = 3200 * time.Millisecond // the form's minimum age is 3 s, in whole seconds
)

// perAddr follows the requests sent from a pool's addresses, to tell
// congtin's limit per address from a limit on everyone behind the proxy,
// or from no limit at all. Every address is this run's own, so what
// congtin counted from one is what this run sent from it:
//
//   - a refusal (429) is right only once more than limit requests from
//     the address were sent before it was answered (congtin counts the
//     ones it recorded, each sent earlier);
//   - a request sent after limit of the address's requests were answered
//     as counted (a recorded failure, a stored question) must be refused.
type perAddr struct {
	limit   int
	counts  int // the status of an answer congtin counted against the address
	mu      sync.Mutex
	sent    map[string]int
	counted map[string]int
	refused map[string]bool
	early   []string // refusals that came too early: "address after n sent"
	late    []string // not refused though due: "address after n counted"
}

func newPerAddr(limit, counts int) *perAddr {
	return &perAddr{limit: limit, counts: counts, sent: map[string]int{}, counted: map[string]int{}, refused: map[string]bool{}}
}

// send notes a request from addr and returns how many of its requests
// had been answered as counted.
func (p *perAddr) send(addr string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent[addr]++
	return p.counted[addr]
}

// answered notes the answer to a request from addr sent when counted of
// its requests had been answered as counted.
func (p *perAddr) answered(addr string, counted, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if status == http.StatusTooManyRequests {
		p.refused[addr] = true
		if n := p.sent[addr]; n <= p.limit {
			p.early = append(p.early, fmt.Sprintf("%s after %d sent", addr, n))
		}
		return
	}
	if counted >= p.limit {
		p.late = append(p.late, fmt.Sprintf("%s after %d counted", addr, counted))
	}
	if status == p.counts {
		p.counted[addr]++
	}
}

// check is the result, once the load is over.
func (p *perAddr) check(sent int) limitCheck {
	return limitCheck{limit: p.limit, sent: sent, addrs: len(p.sent), refused: len(p.refused), early: p.early, late: p.late}
}

// Address pools: sign-ins and questions come from these, passed on by the
// trusted proxy (loadbench) in X-Forwarded-For; each browser's own GETs
// from 198.18.0.0/15 (RFC 2544's benchmarking block). The pools are drawn
// afresh each run from 10.0.0.0/8: congtin keeps failures and questions
// per address in the database, for 15 and 10 minutes, and the next run on
// the same portal must not start locked out.
const (
	signInPool = 48
	qaPool     = 128
)

// Four wrong passwords in five come from one address, as from a password
// guesser, and half of the questions from three, as from a spammer, so
// that the limits are reached even when a loaded machine sends few (26
// sign-ins reach the lock-out); the rest are spread over the whole pool,
// as from staff who mistype and citizens who ask once.
var (
	signInBusy = busyShare{addrs: 1, every: 5}
	qaBusy     = busyShare{addrs: 3, every: 2}
)

// busyShare says that a pool's first addrs addresses send all its
// requests but every every-th, counted, not drawn: a short or slow soak
// still reaches the limits.
type busyShare struct {
	addrs, every int
}

// pickAddr returns the address of a pool's request number n.
func pickAddr(r *rand.Rand, pool []string, busy busyShare, n uint64) string {
	if n%uint64(busy.every) != 0 {
		return pool[r.IntN(busy.addrs)]
	}
	return pool[r.IntN(len(pool))]
}

// soakLoad is one soak's load in progress.
type soakLoad struct {
	base     string
	kinds    []*soakKind
	schedule []*soakKind
	turn     atomic.Uint64
	seq      atomic.Uint64 // numbers the sign-ins
	qaSeq    atomic.Uint64 // numbers the questions
	end      time.Time

	signInAddrs, qaAddrs []string
	signIns, questions   *perAddr
	accepted             atomic.Int64 // questions answered 303
}

// soakClient is one browser behind the proxy, on one connection's worth
// of the load.
type soakClient struct {
	c      *http.Client
	addr   string // its own address, as the proxy passes it on
	stats  map[*soakKind]*soakStats
	form   *qaForm // drawn, not yet sent
	signIn bool    // has loaded the sign-in page
	rnd    *rand.Rand
}

// qaForm is a question form as a browser drew it.
type qaForm struct {
	token, field string
	at           time.Time
}

func newSoakLoad(base string, kinds []*soakKind, seed uint64) *soakLoad {
	r := rand.New(rand.NewPCG(seed, seed>>1))
	return &soakLoad{base: base, kinds: kinds, schedule: schedule(kinds), signIns: newPerAddr(maxIPFailures, http.StatusUnauthorized), questions: newPerAddr(qaSubmitLimit, http.StatusSeeOther),
		signInAddrs: randomAddrs(r, signInPool), qaAddrs: randomAddrs(r, qaPool)}
}

// randomAddrs returns n different addresses in 10.0.0.0/8.
func randomAddrs(r *rand.Rand, n int) []string {
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		v := r.Uint32()
		a := netip.AddrFrom4([4]byte{10, byte(v >> 16), byte(v >> 8), byte(v)}).String()
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// run keeps conns browsers busy until d has passed. A request started
// before the end is finished, never cancelled, so that what congtin
// counted and what was received agree.
func (l *soakLoad) run(ctx context.Context, conns int, d time.Duration) {
	tr := newTransport(conns)
	defer tr.CloseIdleConnections()
	l.end = time.Now().Add(d)
	clients := make([]*soakClient, conns)
	var wg sync.WaitGroup
	for i := range clients {
		jar, _ := cookiejar.New(nil)
		cl := &soakClient{c: &http.Client{Transport: tr, Jar: jar, CheckRedirect: noRedirect, Timeout: requestTimeout},
			addr:  netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}).String(),
			stats: map[*soakKind]*soakStats{}, rnd: rand.New(rand.NewPCG(uint64(i), 7))}
		for _, k := range l.kinds {
			cl.stats[k] = newSoakStats()
		}
		clients[i] = cl
		wg.Go(func() { l.browse(ctx, cl) })
	}
	wg.Wait()
	for _, k := range l.kinds {
		k.stats = newSoakStats()
		for _, cl := range clients {
			k.stats.merge(cl.stats[k])
		}
		slices.Sort(k.stats.lat)
	}
}

func (l *soakLoad) kind(name string) *soakKind {
	for _, k := range l.kinds {
		if k.name == name {
			return k
		}
	}
	panic("loadbench: no soak kind " + name)
}

// browse is one browser's turns until the end.
func (l *soakLoad) browse(ctx context.Context, cl *soakClient) {
	for ctx.Err() == nil && time.Now().Before(l.end) {
		if cl.form != nil && time.Since(cl.form.at) >= qaFormWait {
			l.postQuestion(ctx, cl)
			continue
		}
		k := l.schedule[(l.turn.Add(1)-1)%uint64(len(l.schedule))]
		switch k.act {
		case actGet:
			l.do(ctx, cl, k, http.MethodGet, k.path(), "", nil, false)
		case actQAForm:
			if cl.form == nil { // one form at a time, as a person fills it in
				l.drawForm(ctx, cl, k)
			}
		case actSignIn:
			l.signIn(ctx, cl, k)
		}
	}
}

// do sends one request of kind k and records its answer. A POST (form
// not nil) comes from addr through the proxy, with the headers a browser
// sends with a form of the same site; keep returns the body, decoded.
func (l *soakLoad) do(ctx context.Context, cl *soakClient, k *soakKind, method, path, addr string, form url.Values, keep bool) (int, []byte) {
	st := cl.stats[k]
	st.requests++
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := newRequest(ctx, method, l.base+path, browserUA, body)
	if err != nil {
		panic(err) // the paths are the program's own
	}
	if keep {
		req.Header.Del("Accept-Encoding") // the transport asks for gzip and decodes it
	}
	if addr == "" {
		addr = cl.addr
	}
	req.Header.Set("X-Forwarded-For", addr)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", l.base)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	t0 := time.Now()
	resp, err := cl.c.Do(req)
	var data []byte
	if err == nil {
		if keep {
			data, err = io.ReadAll(resp.Body)
		} else {
			_, err = io.Copy(io.Discard, resp.Body)
		}
		resp.Body.Close()
	}
	if err != nil {
		st.errors++
		if st.firstOdd == "" {
			st.firstOdd = fmt.Sprintf("%s %s: %v", method, path, err)
		}
		return 0, nil
	}
	st.lat = append(st.lat, time.Since(t0))
	status := resp.StatusCode
	st.statuses[status]++
	st.classes[min(max(status/100, 0), 5)]++
	if !slices.Contains(k.expect, status) {
		st.unexpected++
		if st.firstOdd == "" {
			st.firstOdd = fmt.Sprintf("%s %s: %d", method, path, status)
		}
	}
	if k.article && status == http.StatusOK {
		st.served[path]++
	}
	return status, data
}

var (
	tokenRE = regexp.MustCompile(`name="token" value="([^"]+)"`)
	fieldRE = regexp.MustCompile(`<option value="([0-9]+)"`)
)

// drawForm loads the question form and keeps its token (bound to the
// cookie the jar now holds) and the first field, if the site has fields.
func (l *soakLoad) drawForm(ctx context.Context, cl *soakClient, k *soakKind) {
	status, body := l.do(ctx, cl, k, http.MethodGet, k.path(), "", nil, true)
	m := tokenRE.FindSubmatch(body)
	if status != http.StatusOK || m == nil {
		return
	}
	f := &qaForm{token: string(m[1]), at: time.Now()}
	if m := fieldRE.FindSubmatch(body); m != nil {
		f.field = string(m[1])
	}
	cl.form = f
}

// Questions are put together from these, so that they differ.
var (
	askers      = []string{"Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", "Phạm Thu Hương", "Võ Minh Tuấn", "Đặng Ngọc Lan"}
	askTopics   = []string{"cấp đổi giấy chứng nhận quyền sử dụng đất", "đăng ký hộ kinh doanh", "hỗ trợ chuyển đổi giống cây trồng", "thủ tục cấp căn cước", "chế độ bảo hiểm y tế cho học sinh", "giấy phép xây dựng nhà ở riêng lẻ"}
	askOpenings = []string{"Xin cho tôi hỏi", "Kính gửi quý cơ quan, tôi muốn hỏi", "Gia đình tôi cần biết"}
)

// postQuestion sends the form drawn earlier with a question, from an
// address of the pool.
func (l *soakLoad) postQuestion(ctx context.Context, cl *soakClient) {
	f, r := cl.form, cl.rnd
	cl.form = nil
	topic := askTopics[r.IntN(len(askTopics))]
	form := url.Values{
		"token": {f.token}, "website": {""}, "name": {askers[r.IntN(len(askers))]},
		"title": {"Hỏi về " + topic},
		"body":  {fmt.Sprintf("%s về %s: cần những giấy tờ gì, nộp ở đâu và mất bao lâu? Xin cảm ơn.", askOpenings[r.IntN(len(askOpenings))], topic)},
	}
	if r.IntN(2) == 0 {
		form.Set("email", fmt.Sprintf("nguoihoi%d@example.vn", r.IntN(10000)))
	} else {
		form.Set("phone", fmt.Sprintf("09%08d", r.IntN(100000000)))
	}
	if f.field != "" {
		form.Set("field_id", f.field)
	}
	addr := pickAddr(r, l.qaAddrs, qaBusy, l.qaSeq.Add(1))
	counted := l.questions.send(addr)
	status, _ := l.do(ctx, cl, l.kind(kindQAPost), http.MethodPost, "/hoi-dap/gui-cau-hoi", addr, form, false)
	if status == http.StatusSeeOther {
		l.accepted.Add(1)
	}
	l.questions.answered(addr, counted, status)
}

// signIn tries a wrong password from an address of the pool, after
// loading the sign-in page once, as a browser does. Every try names
// another user: an account is locked after 5 failures from anywhere,
// which would hide whether the lock-out by address works.
func (l *soakLoad) signIn(ctx context.Context, cl *soakClient, k *soakKind) {
	if !cl.signIn {
		page := l.kind(kindSignInPage)
		status, _ := l.do(ctx, cl, page, http.MethodGet, page.path(), "", nil, false)
		cl.signIn = status == http.StatusOK
		if !cl.signIn {
			return
		}
	}
	n := l.seq.Add(1)
	addr := pickAddr(cl.rnd, l.signInAddrs, signInBusy, n)
	form := url.Values{"username": {fmt.Sprintf("thu%d", n)}, "password": {"mat-khau-sai-" + addr}, "next": {"/admin/"}}
	counted := l.signIns.send(addr)
	status, _ := l.do(ctx, cl, k, http.MethodPost, "/admin/dang-nhap", addr, form, false)
	l.signIns.answered(addr, counted, status)
}
