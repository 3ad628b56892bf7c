package congtin

import (
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Limits on imported and edited fields. They keep one bad record from
// filling the database or breaking the page layout.
const (
	MaxTitleLen    = 500     // characters
	MaxLeadLen     = 5000    // characters
	MaxBodyBytes   = 2 << 20 // bytes of HTML
	MaxAuthorLen   = 200
	MaxCategoryLen = 200
	MaxURLLen      = 2000
)

// ArticleImport is one record of a `congtin import` JSON file.
type ArticleImport struct {
	Title       string `json:"title"`
	Lead        string `json:"lead"`
	Body        string `json:"body"`
	Category    string `json:"category"`
	Author      string `json:"author"`
	PublishedAt string `json:"published_at"`
	Slug        string `json:"slug,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
	Image       string `json:"image,omitempty"`
	Featured    bool   `json:"featured,omitempty"`
}

// FieldError says which field of a record is wrong and why.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Normalize trims the text fields of surrounding white space.
func (r *ArticleImport) Normalize() {
	NFC(&r.Title, &r.Lead, &r.Body, &r.Category, &r.Author, &r.Slug, &r.Image)
	for _, p := range []*string{&r.Title, &r.Lead, &r.Category, &r.Author, &r.PublishedAt, &r.Slug, &r.ExternalID, &r.Image} {
		*p = strings.TrimSpace(*p)
	}
}

// Validate checks a normalized record without I/O and returns its
// publication time. The body is checked for size only; sanitizing it is the
// service layer's job, with the one policy of package sanitize.
func (r *ArticleImport) Validate() (time.Time, *FieldError) {
	check := func(field, v string, max int, required bool) *FieldError {
		switch {
		case !validText(v):
			return &FieldError{field, "is not valid UTF-8"}
		case required && v == "":
			return &FieldError{field, "is missing or empty"}
		case utf8.RuneCountInString(v) > max:
			return &FieldError{field, "is longer than the limit"}
		case strings.ContainsRune(v, 0):
			return &FieldError{field, "contains a NUL character"}
		}
		return nil
	}
	for _, c := range []struct {
		field    string
		v        string
		max      int
		required bool
	}{
		{"title", r.Title, MaxTitleLen, true},
		{"category", r.Category, MaxCategoryLen, true},
		{"published_at", r.PublishedAt, 100, true},
		{"lead", r.Lead, MaxLeadLen, false},
		{"author", r.Author, MaxAuthorLen, false},
		{"slug", r.Slug, MaxSlugLen, false},
		{"external_id", r.ExternalID, 200, false},
		{"image", r.Image, MaxURLLen, false},
	} {
		if err := check(c.field, c.v, c.max, c.required); err != nil {
			return time.Time{}, err
		}
	}
	if err := check("body", r.Body, MaxBodyBytes, false); err != nil {
		return time.Time{}, err
	} else if len(r.Body) > MaxBodyBytes {
		return time.Time{}, &FieldError{"body", "is larger than 2 MB"}
	}
	if strings.TrimSpace(r.Body) == "" && r.Lead == "" {
		return time.Time{}, &FieldError{"body", "is empty and there is no lead either"}
	}
	if Slugify(r.Title) == "" && r.Slug == "" {
		return time.Time{}, &FieldError{"title", "has no letters or digits to make a URL from; give a slug"}
	}
	if Slugify(r.Category) == "" {
		return time.Time{}, &FieldError{"category", "has no letters or digits to make a URL from"}
	}
	if r.Slug != "" && !ValidSlug(r.Slug) {
		return time.Time{}, &FieldError{"slug", "must be lower-case a-z, 0-9 and single hyphens"}
	}
	if r.Image != "" && !SafeURL(r.Image) {
		return time.Time{}, &FieldError{"image", "must be an http(s) URL or a path starting with /"}
	}
	t, err := time.Parse(time.RFC3339, r.PublishedAt)
	if err != nil {
		return time.Time{}, &FieldError{"published_at", "must be an RFC 3339 time with an offset, e.g. 2019-10-01T10:40:00+07:00"}
	}
	if t.Year() < 1945 || t.Year() > 9999 {
		return time.Time{}, &FieldError{"published_at", "is out of range (1945 to 9999)"}
	}
	return t, nil
}

// SafeURL reports whether u is an absolute http(s) URL or a site-relative
// path: what an image or link may point to.
func SafeURL(u string) bool {
	if strings.HasPrefix(u, "/") {
		return !strings.HasPrefix(u, "//") && !strings.ContainsAny(u, "\\\r\n\t <>\"'")
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// PreparedImport is a validated import record with the values derived from it.
type PreparedImport struct {
	*ArticleImport
	PublishedAt  time.Time
	CategoryPath []string // top level first
	Slug         string
}

// CategoryPathSep separates nested category names in an import record:
// "Kinh tế > Nông nghiệp" is Nông nghiệp under Kinh tế.
const CategoryPathSep = " > "

// PrepareImport normalizes and validates every record, without I/O, so that
// a bad record stops an import before anything is written. The error is
// EINVALID and names the record's index (from 0) and the field.
func PrepareImport(recs []ArticleImport) ([]PreparedImport, error) {
	out := make([]PreparedImport, len(recs))
	errs := make([]error, len(recs))
	// Records are independent: normalising (NFC) and checking them runs
	// on every core, and the first bad record in the file is reported.
	Parallel(len(recs), func(i int) { out[i], errs[i] = prepareRecord(&recs[i], i) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// prepareRecord normalises and checks record i.
func prepareRecord(r *ArticleImport, i int) (PreparedImport, error) {
	r.Normalize()
	t, ferr := r.Validate()
	if ferr != nil {
		return PreparedImport{}, Errorf(EINVALID, "record %d: %s", i, ferr)
	}
	var path []string
	for _, part := range strings.Split(r.Category, CategoryPathSep) {
		part = strings.TrimSpace(part)
		if Slugify(part) == "" {
			return PreparedImport{}, Errorf(EINVALID, "record %d: category: %q has an empty or unusable part", i, r.Category)
		}
		path = append(path, part)
	}
	if len(path) > 5 {
		return PreparedImport{}, Errorf(EINVALID, "record %d: category: nested deeper than 5 levels", i)
	}
	slug := r.Slug
	if slug == "" {
		slug = Slugify(r.Title)
	}
	return PreparedImport{ArticleImport: r, PublishedAt: t, CategoryPath: path, Slug: slug}, nil
}

// Parallel calls fn(0) … fn(n-1) on every core and returns when all have
// returned; fn must only touch what index i owns.
func Parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}
