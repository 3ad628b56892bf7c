package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/render"
)

// visitCookie carries the visitor's ID for the length of a visit: it
// expires visitWindow after the last page, so a reader who keeps browsing
// stays one visit.
const (
	visitCookie = "ctv"
	visitWindow = 30 * 60 // seconds
)

// botUA matches the user agents of crawlers, link previewers and scripts,
// whose requests are not readers' views.
var botUA = regexp.MustCompile(`(?i)bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|` +
	`curl/|wget/|python-requests|python-urllib|go-http-client|okhttp|java/|libwww|httpclient|lighthouse|pingdom|uptime`)

// countable reports whether a request is a person reading a page: a GET
// from a browser, not a crawler, not a prefetch or prerender.
func countable(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	ua := r.UserAgent()
	if ua == "" || isBot(ua) {
		return false
	}
	for _, h := range []string{"Purpose", "Sec-Purpose", "X-Purpose", "X-Moz"} {
		v := strings.ToLower(r.Header.Get(h))
		if strings.Contains(v, "prefetch") || strings.Contains(v, "prerender") || strings.Contains(v, "preview") {
			return false
		}
	}
	return true
}

// validVisitorID reports whether v looks like an ID we issued; anything
// else is treated as no cookie.
func validVisitorID(v string) bool {
	if len(v) != 32 {
		return false
	}
	_, err := hex.DecodeString(v)
	return err == nil
}

// countVisit counts a new visit for a reader without a live visit cookie,
// and keeps the cookie alive for one who has it.
func (s *Server) countVisit(w http.ResponseWriter, r *http.Request, c *counters.Counter, siteID int64) {
	if !countable(r) {
		return
	}
	id := ""
	if ck, err := r.Cookie(visitCookie); err == nil && validVisitorID(ck.Value) {
		id = ck.Value
		c.See(siteID, id)
	} else {
		var b [16]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
		c.CountVisit(siteID, id)
	}
	clientip.SetCookie(w, r, &http.Cookie{
		Name: visitCookie, Value: id, Path: "/", MaxAge: visitWindow,
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

// base builds what the layout needs: the site, its menu and the visit
// counter. With count set it first counts the request as part of a visit,
// so the counter shown includes this reader.
func (s *Server) base(w http.ResponseWriter, r *http.Request, site *congtin.Site, count bool) (render.Base, error) {
	if count {
		s.countVisit(w, r, s.Counter, site.ID)
	}
	st, err := s.Counter.VisitStats(r.Context(), site)
	if err != nil {
		return render.Base{}, err
	}
	return render.Base{
		Site:       site,
		Menu:       categoriesFrom(r.Context()).Top(),
		Categories: categoriesFrom(r.Context()),
		Counter:    st,
		Year:       s.now().In(congtin.VietnamZone).Year(),
		Nav:        sectionNav,
		LangSwitch: "/en/",
		LinkGroups: linkGroups(linksFrom(r.Context())),
		Feeds:      []render.FeedLink{s.siteFeed(r, site)},
		Chrome:     chromeFrom(r.Context()),
	}, nil
}
