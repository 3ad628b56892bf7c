package congtin

import (
	"context"
	"time"
)

// What the back office keeps of an editor's work between saves, so that
// none of it is lost: the open form autosaved as a draft (restored after a
// crash, a reload or a sign-in), and who has an item open (a soft lock
// that informs the others and never blocks them). Saving a form checks
// the version it was loaded from, so that a late save never silently
// overwrites an earlier one (ErrEdited).

// Draft limits and lifetimes.
const (
	// DraftMaxBytes bounds a draft's fields together, as the back
	// office bounds a form.
	DraftMaxBytes = 4 << 20
	// DraftMaxFields bounds how many fields a draft has.
	DraftMaxFields = 200
	// DraftKept is how long a draft nobody restores or dismisses is kept.
	DraftKept = 30 * 24 * time.Hour
	// LockTTL is how long an edit lock lasts after its last heartbeat
	// (the page sends one every 30 seconds).
	LockTTL = 2 * time.Minute
	// ExpiredSessionKept is how long an expired session still names its
	// user: long enough for a form posted after the session ended to be
	// kept as that user's draft.
	ExpiredSessionKept = 7 * 24 * time.Hour
)

// ErrEdited refuses a save whose form was loaded from an older version of
// the item than the one stored: someone else saved it meanwhile.
var ErrEdited = &Error{Code: ECONFLICT, Message: "Nội dung này vừa được người khác lưu sau khi bạn mở trang; bản của bạn chưa được lưu. Hãy đối chiếu hai bản, gộp lại rồi bấm Lưu lần nữa."}

// CheckVersion refuses a save (ErrEdited) when the form was loaded from
// another version than the stored one; 0 (a client that does not say)
// is not checked.
func CheckVersion(stored, loaded int64) error {
	if loaded != 0 && loaded != stored {
		return ErrEdited
	}
	return nil
}

// DraftKinds are the kinds whose edit forms are autosaved and locked.
var DraftKinds = []Kind{KindArticle, KindPage, KindDocument, KindQuestion, KindScheduleEntry, KindConsultation, KindDataset, KindProject, KindProcurement}

// IsDraftKind reports whether k's forms are autosaved.
func IsDraftKind(k Kind) bool {
	for _, d := range DraftKinds {
		if d == k {
			return true
		}
	}
	return false
}

// Draft is an editor's unsaved form for an item (Item.ID 0: a new item of
// the kind).
type Draft struct {
	Item   Ref
	UserID int64
	// Version is the item's version the form was loaded from (0 for a new
	// item): restored, the form carries it, so that a save after someone
	// else's is an edit conflict.
	Version int64
	// Values are the form's fields as posted.
	Values  map[string][]string
	SavedAt time.Time
}

// Size is the draft's fields' length in bytes, names and values.
func (d *Draft) Size() int {
	n := 0
	for k, vs := range d.Values {
		for _, v := range vs {
			n += len(k) + len(v)
		}
	}
	return n
}

// EditLock says that a user has an item's edit form open.
type EditLock struct {
	Item     Ref
	UserID   int64
	UserName string
	Since    time.Time // when they opened it
	SeenAt   time.Time // their page's last heartbeat
}

// DraftStore keeps what the back office holds for an editor between saves:
// autosaved forms and who has an item open.
type DraftStore interface {
	// FindDraft returns the user's draft of the item;
	// NotFound(KindDraft) when there is none.
	FindDraft(ctx context.Context, userID int64, item Ref) (*Draft, error)
	// FindLocks lists who has had the item open since a time, by when
	// they opened it.
	FindLocks(ctx context.Context, item Ref, since time.Time) ([]*EditLock, error)
	// FindExpiredSession returns a session with the token hash that has
	// expired, within ExpiredSessionKept, with its user: a form posted
	// after its end is kept as that user's draft. NotFound(KindSession)
	// when there is none, it is still live, or its user is disabled.
	FindExpiredSession(ctx context.Context, tokenHash string) (*Session, error)
}

// DraftTx writes drafts and edit locks inside a change.
type DraftTx interface {
	// PutDraft stores the user's draft of the item, replacing the one
	// they had; it sets d.SavedAt. Drafts older than DraftKept go.
	PutDraft(ctx context.Context, d *Draft) error
	// DeleteDraft forgets the user's draft of the item, if any.
	DeleteDraft(ctx context.Context, userID int64, item Ref) error
	// PutLock records that the user has the item open now, keeping the
	// time they opened it when they already had; stale locks go.
	PutLock(ctx context.Context, l *EditLock) error
	// DeleteLock forgets that the user has the item open.
	DeleteLock(ctx context.Context, userID int64, item Ref) error
}

// DraftService keeps an editor's work between saves, for the items the
// actor may edit (a new item: one the actor may create).
type DraftService interface {
	// SaveDraft stores the actor's unsaved form of d.Item; EINVALID when
	// it is too large or not text, EFORBIDDEN when the actor may not edit
	// the item, ENOTFOUND when it does not exist.
	SaveDraft(ctx context.Context, actor Actor, d *Draft) error
	// DiscardDraft forgets the actor's draft of the item.
	DiscardDraft(ctx context.Context, actor Actor, item Ref) error
	// HoldLock records that the actor has the item's form open and
	// returns the others who have it open.
	HoldLock(ctx context.Context, actor Actor, item Ref) ([]*EditLock, error)
	// ReleaseLock records that the actor has left the item's form.
	ReleaseLock(ctx context.Context, actor Actor, item Ref) error
	// OtherEditors lists who else has the item open now.
	OtherEditors(ctx context.Context, actor Actor, item Ref) ([]*EditLock, error)
}
