package congtin

import (
	"time"
)

// AuditEntry records who did what, when, from where, on what.
type AuditEntry struct {
	ID         int64     `json:"id"`
	SiteID     int64     `json:"site_id"`
	UserID     int64     `json:"user_id"`
	Username   string    `json:"username"`
	IP         string    `json:"ip"`
	Action     string    `json:"action"`      // e.g. "login", "login_failed", "article.publish"
	ObjectType string    `json:"object_type"` // "article", "category", "user", "site", ""
	ObjectID   int64     `json:"object_id"`
	Detail     string    `json:"detail"`
	CreatedAt  time.Time `json:"created_at"`
}

// AuditFilter selects audit entries; zero values mean "any".
type AuditFilter struct {
	SiteID     int64
	Username   string
	Action     string // prefix match: "article" finds every article action
	ObjectType string
	ObjectID   int64
	From, To   time.Time
	Offset     int
	Limit      int
}

// Entry makes an audit entry for the actor.
func (a Actor) Entry(siteID int64, action, objectType string, objectID int64, detail string) *AuditEntry {
	e := &AuditEntry{SiteID: siteID, IP: a.IP, Action: action, ObjectType: objectType, ObjectID: objectID, Detail: detail}
	if a.User != nil {
		e.UserID, e.Username = a.User.ID, a.User.Username
	}
	return e
}
