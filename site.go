package congtin

import (
	"context"
	"strings"
	"unicode/utf8"
)

// Site is one agency's portal. An installation can host many, chosen by the
// request's host name; every row of content carries its site's ID.
type Site struct {
	ID      int64  `json:"id"`
	Host    string `json:"host"`    // host name that selects this site; "" is the default site
	Name    string `json:"name"`    // shown in the header, e.g. "Cổng thông tin điện tử tỉnh Bạc Liêu"
	Tagline string `json:"tagline"` // a short line under the name
	Agency  string `json:"agency"`  // the agency that runs the portal, shown in the footer
	Address string `json:"address"`
	Phone   string `json:"phone"`
	Email   string `json:"email"`
	// CounterOffset is added to the visit total, so an agency moving from an
	// old portal keeps the number its readers know.
	CounterOffset int64 `json:"counter_offset"`
	// CanonicalHost is the host name of the site's absolute URLs
	// (canonical links, feeds, sitemaps); "" means Host. The default site,
	// which has no Host, needs it for absolute URLs (see URL).
	CanonicalHost string `json:"canonical_host"`
	// Scheme is the scheme of the site's absolute URLs: SchemeHTTPS or
	// SchemeHTTP.
	Scheme string `json:"scheme"`
}

// The schemes a site's URLs may have. HTTPS is the default: every agency
// serves its portal through a TLS proxy, and an http site says so.
const (
	SchemeHTTPS = "https"
	SchemeHTTP  = "http"
)

// URL returns the absolute URL of path (which starts with "/") on the
// site, from its configuration only, never from a request, so that no
// Host header can reach a page. base is the -base-url setting, which wins
// for the default site. A default site with neither gets path alone: a
// relative URL, which a visitor's browser resolves against the address
// it asked for, is still never another host's.
func (s *Site) URL(base, path string) string {
	if s.Host == "" && base != "" {
		return strings.TrimRight(base, "/") + path
	}
	host := s.CanonicalHost
	if host == "" {
		host = s.Host
	}
	if host == "" {
		return path
	}
	scheme := s.Scheme
	if scheme == "" {
		scheme = SchemeHTTPS
	}
	return scheme + "://" + host + path
}

// DefaultSiteName is the name of the default site until its
// administrator gives it one.
const DefaultSiteName = "Cổng thông tin điện tử"

// SiteUpdate holds the site settings to change; nil fields stay as they are.
type SiteUpdate struct {
	Name          *string
	Tagline       *string
	Agency        *string
	Address       *string
	Phone         *string
	Email         *string
	CounterOffset *int64
	CanonicalHost *string
	Scheme        *string
}

// SiteService stores sites.
type SiteService interface {
	// FindSiteByHost returns the site for a host name, or the default site
	// when no site claims the host. It returns ENOTFOUND only when there is
	// no site at all.
	FindSiteByHost(ctx context.Context, host string) (*Site, error)

	// DefaultSite returns the default site, creating it on first use.
	DefaultSite(ctx context.Context) (*Site, error)

	// UpdateSite changes a site's settings. ENOTFOUND if there is no such site.
	UpdateSite(ctx context.Context, id int64, upd SiteUpdate) (*Site, error)
}

// Validate checks the site settings.
func (s *Site) Validate() error {
	if strings.TrimSpace(s.Name) == "" {
		return Errorf(EINVALID, "Tên cổng thông tin không được để trống.")
	}
	for _, v := range []string{s.Name, s.Tagline, s.Agency, s.Address, s.Phone, s.Email} {
		if !validText(v) || utf8.RuneCountInString(v) > 500 {
			return Errorf(EINVALID, "Thông tin cổng quá dài hoặc không hợp lệ.")
		}
	}
	if s.CounterOffset < 0 {
		return Errorf(EINVALID, "Số lượt truy cập ban đầu không được âm.")
	}
	if s.Scheme != SchemeHTTPS && s.Scheme != SchemeHTTP {
		return Errorf(EINVALID, "Giao thức của cổng phải là https hoặc http.")
	}
	if s.CanonicalHost != "" {
		return ValidateHost(s.CanonicalHost)
	}
	return nil
}

// SiteStore reads sites, and keeps the installation's own secrets.
type SiteStore interface {
	// FindSiteByHost returns the site for a host name (compared without
	// regard to case), or the default site when no site claims the host;
	// NotFound(KindSite) only when there is no site at all.
	FindSiteByHost(ctx context.Context, host string) (*Site, error)
	// FindSites lists every site, by host name.
	FindSites(ctx context.Context) ([]*Site, error)

	SecretService
}

// SiteTx writes sites.
type SiteTx interface {
	// FindSite reads a site inside the transaction; NotFound(KindSite).
	FindSite(ctx context.Context, id int64) (*Site, error)
	// FindSiteWithHost returns the site whose host name is exactly host
	// ("" for the default site); NotFound(KindSite) when none.
	FindSiteWithHost(ctx context.Context, host string) (*Site, error)
	// InsertSite stores a new site with its host and name, and sets its ID.
	InsertSite(ctx context.Context, s *Site) error
	// UpdateSiteSettings writes a site's settings (all but its host),
	// its canonical host and scheme included.
	UpdateSiteSettings(ctx context.Context, s *Site) error
	// SeedSite gives a new site what every site starts with: the default
	// document types and fields (DefaultDocumentTypes,
	// DefaultDocumentFields) and the default links (DefaultLinks).
	SeedSite(ctx context.Context, siteID int64) error
}
