package render

import (
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
)

// Editing is what an edit form of the back office carries to keep its
// writer's work: the version it was loaded from, where the page autosaves
// and renews its soft lock, the writer's unsaved draft (offered or
// restored), who else has the item open, and, after a refused save, the
// conflict with what was stored meanwhile. The partials "editnotices",
// "editstate" and "conflict" show it.
type Editing struct {
	// Version is the item's version the form carries (hidden field
	// "version"); 0 for a new item.
	Version int64
	// DraftURL is where the page autosaves the form; LockURL where it
	// says it has the item open (empty for a new item).
	DraftURL, LockURL string
	// FormURL is the edit page; RestoreURL shows it with the draft.
	FormURL, RestoreURL string
	// DraftKey names the form's local copy in the browser (per user
	// and item), kept while the session has expired.
	DraftKey string
	// Draft is the writer's unsaved form, offered when not Restored.
	Draft *congtin.Draft
	// DraftOutdated: the item was saved again after the draft's form
	// was loaded (saving the draft will show the conflict).
	DraftOutdated bool
	// Restored: the form shows Draft.
	Restored bool
	// Others are who else has the item open.
	Others []*congtin.EditLock
	// Conflict is the stored version a save was refused against.
	Conflict *Conflict
	// Dirty: the form shows what is not stored (a refused save, a
	// restored draft), so leaving the page warns from the start.
	Dirty bool
}

// Conflict is the comparison an editor whose save was refused sees:
// their form (still in the page) against the version stored meanwhile,
// field by field, and who saved that version and when.
type Conflict struct {
	By     string
	At     time.Time
	Fields []ConflictField
	// Same names the fields both versions have alike.
	Same []string
}

// ConflictField is one field's comparison: Text for a line or plain
// text, Blocks for HTML; deleted words are only in the editor's form,
// inserted ones only in the stored version.
type ConflictField struct {
	Label  string
	Text   []diff.Segment
	Blocks []diff.Block
}

// Compare adds a field's comparison, mine (the form) against stored:
// to Fields when they differ, to Same otherwise. html compares paragraph
// by paragraph.
func (c *Conflict) Compare(label, mine, stored string, html bool) {
	if mine == stored {
		c.Same = append(c.Same, label)
		return
	}
	f := ConflictField{Label: label}
	if html {
		f.Blocks = diff.HTML(mine, stored)
	} else {
		f.Text = diff.Text(mine, stored)
	}
	c.Fields = append(c.Fields, f)
}

// KeptField is a field of a form posted after the session had ended,
// carried through the sign-in page to be restored after it.
type KeptField struct {
	Name, Value string
}

// OthersEditing says who else has an item open: "Đang được sửa bởi …
// (từ HH:MM)"; "" when nobody has.
func OthersEditing(others []*congtin.EditLock) string {
	if len(others) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Đang được sửa bởi ")
	for i, l := range others {
		if i > 0 {
			b.WriteString(", ")
		}
		name := l.UserName
		if name == "" {
			name = "một người khác"
		}
		b.WriteString(name + " (từ " + l.Since.In(congtin.VietnamZone).Format("15:04") + ")")
	}
	b.WriteString(". Bạn vẫn sửa được; nếu người kia lưu trước, khi lưu bạn sẽ được so sánh hai bản để gộp.")
	return b.String()
}

// OthersText is OthersEditing of the page's item.
func (e Editing) OthersText() string { return OthersEditing(e.Others) }
