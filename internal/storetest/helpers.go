package storetest

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// Clock is implemented by stores whose clock a test can set. The interfaces
// let a caller choose "now" for reads (ArticleFilter.Now, SearchQuery.Now),
// but writes (a session's check against its expiry, a sign-in failure's
// time, an audit entry's time, an article's updated_at) take the store's
// own clock; the subtests that need time to pass for those use Clock and
// are skipped for a store without it.
type Clock interface {
	// SetNow makes the store read the current time from now.
	SetNow(now func() time.Time)
}

// clock is a settable time, safe to read from several goroutines.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// clockStart is where a set clock starts: a Monday morning in Vietnam.
var clockStart = time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone)

// mustClock sets the store's clock to a settable one at start, or skips the
// test when the store has no Clock.
func mustClock(t *testing.T, s congtin.Service, start time.Time) *clock {
	t.Helper()
	sc, ok := s.(Clock)
	if !ok {
		t.Skip("the store does not implement storetest.Clock")
	}
	c := &clock{t: start}
	sc.SetNow(c.Now)
	return c
}

// WantCode fails the test unless err carries the error code.
func WantCode(t *testing.T, err error, code, what string) {
	t.Helper()
	if got := congtin.ErrorCode(err); got != code {
		t.Fatalf("%s: err = %v (code %q), want code %q", what, err, got, code)
	}
}

// WantField fails the test unless err is a *congtin.ValidationError naming
// the field, which the back office shows next to that field.
func WantField(t *testing.T, err error, field, what string) {
	t.Helper()
	var ve *congtin.ValidationError
	if !errors.As(err, &ve) || ve.Fields[field] == "" {
		t.Fatalf("%s: err = %v, want a ValidationError on %q", what, err, field)
	}
}

// testIP is the address actors act from (TEST-NET-3).
const testIP = "203.0.113.7"

// MustUser creates a user, gives them role on the site when role is not
// empty, and returns them as an actor.
func MustUser(t *testing.T, s congtin.Service, siteID int64, username, role string) congtin.Actor {
	t.Helper()
	ctx := context.Background()
	u := &congtin.User{Username: username, DisplayName: "Người " + username, PasswordHash: "hash-of-" + username}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if role != "" {
		if err := s.SetRole(ctx, siteID, u.ID, role); err != nil {
			t.Fatal(err)
		}
	}
	return congtin.Actor{User: u, Role: role, IP: testIP}
}

// MustDesk adds the people most workflow tests start with to a site, a
// reporter (phongvien) and an editor (bientap), and a category named cat
// for their articles.
func MustDesk(t *testing.T, s congtin.Service, siteID int64, cat string) (rep, ed congtin.Actor, c *congtin.Category) {
	t.Helper()
	rep = MustUser(t, s, siteID, "phongvien", congtin.RoleReporter)
	ed = MustUser(t, s, siteID, "bientap", congtin.RoleEditor)
	return rep, ed, MustCategory(t, s, congtin.SystemActor("storetest"), siteID, congtin.CategoryInput{Name: cat})
}

// MustCreateSite adds a site and fails the test on error.
func MustCreateSite(t *testing.T, s congtin.Service, host, name string) *congtin.Site {
	t.Helper()
	site, err := s.CreateSite(context.Background(), congtin.SystemActor("storetest"), host, name)
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// MustCategory creates a category and fails the test on error.
func MustCategory(t *testing.T, s congtin.Service, actor congtin.Actor, siteID int64, in congtin.CategoryInput) *congtin.Category {
	t.Helper()
	c, err := s.CreateCategory(context.Background(), actor, siteID, in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// MustCreateArticle creates a draft and fails the test on error.
func MustCreateArticle(t *testing.T, s congtin.Service, actor congtin.Actor, siteID int64, in congtin.ArticleInput) *congtin.Article {
	t.Helper()
	a, err := s.CreateArticle(context.Background(), actor, siteID, in)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// MustUpdateArticle saves new content and fails the test on error.
func MustUpdateArticle(t *testing.T, s congtin.Service, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput) *congtin.Article {
	t.Helper()
	a, err := s.UpdateArticle(context.Background(), actor, siteID, id, in)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// MustTransition applies a workflow action and fails the test unless the
// article ends in the state the action leads to.
func MustTransition(t *testing.T, s congtin.Service, actor congtin.Actor, siteID, id int64, act, comment string, publishAt time.Time) *congtin.Article {
	t.Helper()
	a, err := s.TransitionArticle(context.Background(), actor, siteID, id, act, comment, publishAt)
	if err != nil {
		t.Fatalf("%s article %d: %v", act, id, err)
	}
	if want := congtin.NextStatus(act); a.Status != want {
		t.Fatalf("%s article %d: status %q, want %q", act, id, a.Status, want)
	}
	return a
}

// publicIDs returns the IDs FindArticles gives for the filter, and fails
// the test unless the total agrees with them when no limit applies.
func publicIDs(t *testing.T, s congtin.Service, f congtin.ArticleFilter) []int64 {
	t.Helper()
	as, total, err := s.FindArticles(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if f.Limit == 0 && f.Offset == 0 && total != len(as) {
		t.Fatalf("FindArticles: total %d but %d articles", total, len(as))
	}
	return ids(as)
}

func ids(as []*congtin.Article) []int64 {
	out := []int64{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// WantIDs fails the test unless got and want hold the same IDs in order.
func WantIDs(t *testing.T, got, want []int64, what string) {
	t.Helper()
	if want == nil {
		want = []int64{}
	}
	if got == nil {
		got = []int64{}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s: got IDs %v, want %v", what, got, want)
	}
}

// AuditActions returns the actions of the site's audit entries matching
// the filter, newest first.
func AuditActions(t *testing.T, s congtin.Service, f congtin.AuditFilter) []string {
	t.Helper()
	if f.Limit == 0 {
		f.Limit = 1000
	}
	es, _, err := s.FindAudit(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, e := range es {
		out = append(out, e.Action)
	}
	return out
}
