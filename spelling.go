package congtin

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// SpellingGroup is one of a site's groups of equivalent spellings: an
// abbreviation and its long form ("QLTT", "quản lý thị trường"), or the
// spellings of a name or a loanword. A search for any of them finds the
// others, in addition to the built-in groups every site has.
type SpellingGroup struct {
	ID        int64     `json:"id"`
	SiteID    int64     `json:"-"`
	Spellings []string  `json:"spellings"`
	UpdatedBy int64     `json:"updated_by,omitempty"` // 0: the command line
	UpdatedAt time.Time `json:"updated_at"`
	// UpdatedByName is the display name of UpdatedBy, when read.
	UpdatedByName string `json:"updated_by_name,omitempty"`
}

// Text is the group as its form shows it: the spellings separated by
// "; ".
func (g *SpellingGroup) Text() string { return strings.Join(g.Spellings, "; ") }

// Limits on a site's list of spellings: enough for the abbreviations of a
// province's agencies, small enough that loading and compiling the list
// stays cheap (a search reads it from memory, see SpellingService).
const (
	MaxSpellingGroups = 300 // per site
	MaxGroupSpellings = 10  // per group
	MaxSpellingRunes  = 80  // per spelling
)

// SpellingGroupInput is the form of a group: one text field, the
// spellings separated by ";" or by line breaks.
type SpellingGroupInput struct {
	Text      string   `json:"text"`
	Spellings []string `json:"-"` // filled by Normalize
}

// Normalize splits the text into its spellings, trimmed and in NFC; the
// blank ones a trailing ";" or an empty line leaves are dropped.
func (in *SpellingGroupInput) Normalize() {
	NFC(&in.Text)
	in.Spellings = nil
	for _, s := range strings.FieldsFunc(in.Text, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			in.Spellings = append(in.Spellings, s)
		}
	}
}

// Validate checks what needs no I/O: text a store can hold, at least two
// spellings and at most MaxGroupSpellings, each at most MaxSpellingRunes
// characters. Whether the spellings are searchable, differ from each
// other and are in no other group is the service's check (it needs the
// search's analysis and the site's list). It returns a *ValidationError.
func (in *SpellingGroupInput) Validate() error {
	msg := ""
	switch {
	case !validText(in.Text):
		msg = "Nội dung có ký tự không hợp lệ."
	case len(in.Spellings) == 0:
		msg = "Hãy nhập các cách viết của nhóm, cách nhau bằng dấu chấm phẩy (;) hoặc mỗi cách viết một dòng."
	case len(in.Spellings) == 1:
		msg = "Một nhóm cần ít nhất hai cách viết, cách nhau bằng dấu chấm phẩy (;) hoặc mỗi cách viết một dòng; chỉ thấy “" + in.Spellings[0] + "”."
	case len(in.Spellings) > MaxGroupSpellings:
		msg = "Một nhóm có tối đa 10 cách viết."
	}
	if msg == "" {
		for _, s := range in.Spellings {
			if utf8.RuneCountInString(s) > MaxSpellingRunes {
				msg = "Cách viết “" + truncateRunes(s, 30) + "…” quá dài: tối đa 80 ký tự."
				break
			}
		}
	}
	if msg != "" {
		return &ValidationError{Fields: FieldErrors{"spellings": msg}}
	}
	return nil
}

func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Spellings is a site's equivalent spellings, built-in and its own,
// compiled for the search's query parser (package search's *Spellings;
// opaque here). The service fills it in the queries it passes to the
// store (SearchQuery, DocumentQuery…); nil means the built-in ones only.
type Spellings interface {
	// SpellingCount returns how many groups of the site's own it holds.
	SpellingCount() int
}

// SpellingService manages a site's list of equivalent spellings.
type SpellingService interface {
	// FindSpellingGroups lists the site's own groups, oldest first.
	FindSpellingGroups(ctx context.Context, siteID int64) ([]*SpellingGroup, error)
	// CreateSpellingGroup adds a group. EFORBIDDEN for anyone but the
	// site's administrator; EINVALID (the field "spellings") for fewer
	// than two spellings that search differently, a spelling with
	// nothing searchable, too long, or already in another group (of the
	// site or built in), or a list already full.
	CreateSpellingGroup(ctx context.Context, actor Actor, siteID int64, in SpellingGroupInput) (*SpellingGroup, error)
	// UpdateSpellingGroup changes a group's spellings, as
	// CreateSpellingGroup checks them; ENOTFOUND when the site has no
	// such group.
	UpdateSpellingGroup(ctx context.Context, actor Actor, siteID, id int64, in SpellingGroupInput) (*SpellingGroup, error)
	// DeleteSpellingGroup removes a group.
	DeleteSpellingGroup(ctx context.Context, actor Actor, siteID, id int64) error
	// SiteSpellings returns the site's compiled table (built-in groups
	// and the site's), kept in memory and reloaded when the list changes.
	SiteSpellings(ctx context.Context, siteID int64) (Spellings, error)
}

// SpellingStore reads the sites' lists of spellings.
type SpellingStore interface {
	// FindSpellingGroups lists the site's groups, oldest first, with
	// the names of who changed them.
	FindSpellingGroups(ctx context.Context, siteID int64) ([]*SpellingGroup, error)
	// SpellingVersion returns a number that changes with every write
	// to the site's list (0 before the first): a cheap check that a
	// copy in memory is current.
	SpellingVersion(ctx context.Context, siteID int64) (int64, error)
}

// SpellingTx writes the sites' lists of spellings. Every write moves the
// site's SpellingVersion, and marks the site's public pages stale (the
// change log).
type SpellingTx interface {
	// FindSpellingGroups lists the site's groups inside the transaction.
	FindSpellingGroups(ctx context.Context, siteID int64) ([]*SpellingGroup, error)
	// FindSpellingGroup reads a group; NotFound(KindSpellingGroup).
	FindSpellingGroup(ctx context.Context, siteID, id int64) (*SpellingGroup, error)
	// InsertSpellingGroup stores a new group and sets its ID.
	InsertSpellingGroup(ctx context.Context, g *SpellingGroup) error
	// UpdateSpellingGroup writes a group's spellings, who and when.
	UpdateSpellingGroup(ctx context.Context, g *SpellingGroup) error
	// DeleteSpellingGroup deletes a group of the site.
	DeleteSpellingGroup(ctx context.Context, siteID, id int64) error
}
