package render

import (
	"time"

	"github.com/congtin/congtin"
)

// PreviewPage is the back office's preview of an item: the signed link's
// page framed at a computer's width and a phone's.
type PreviewPage struct {
	AdminBase
	Item    *congtin.Item
	Noun    string // "bài viết", "văn bản"
	State   string // the item's state as shown (Hẹn giờ for a scheduled article)
	URL     string // the preview's path, for the frames
	AbsURL  string // the same, absolute, to copy and send
	Expires time.Time
	EditURL string
}

// PreviewMark marks a public page drawn as a preview (see web's preview
// handlers): the layout shows a banner that says so, outside the
// content, and asks search engines to keep away.
type PreviewMark struct {
	// Headline says whether readers can see the item: "chưa xuất bản",
	// "đã xuất bản", "đã gỡ khỏi cổng".
	Headline string
	// Detail says where it stands: "Trạng thái: Nháp", "Hẹn giờ xuất bản
	// lúc …".
	Detail  string
	Expires time.Time
}
