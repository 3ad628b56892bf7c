package render

import "github.com/congtin/congtin"

// MediaPage is the image library: a page of images with the filters that
// chose them.
type MediaPage struct {
	AdminBase
	Media []*MediaItem
	Pager Pager
	Total int
	// The filters as typed: words, uploader (a user ID), days uploaded.
	Q         string
	Uploader  int64
	From, To  string
	Filtered  bool // any filter is set
	Uploaders []congtin.MediaUploader
	CanUpload bool
}

// MediaItem is an image with its URLs.
type MediaItem struct {
	*congtin.Media
	URL   string // the variant articles show (1024 wide, or the largest below)
	Thumb string // the smallest
	// ThumbWidth and ThumbHeight are the smallest variant's size.
	ThumbWidth, ThumbHeight int
	SrcSet                  string
	SizeText                string // "1600×900 · 245 KB"
	Uses                    int    // the site's items that show it
}

// MediaEditPage is one image of the library: its files, its description
// and caption, where it is used, and its deletion.
type MediaEditPage struct {
	AdminBase
	Item  *MediaItem
	Input congtin.MediaInput
	Files []MediaFile
	// Uses are the items showing the image that the user may open;
	// UseCount counts them all.
	Uses      []MediaUseLink
	UseCount  int
	CanChange bool // may edit the texts and delete
}

// MediaFile is one stored size of an image.
type MediaFile struct {
	Width, Height int
	URL           string
}

// MediaUseLink is an item that shows an image, with its edit page.
type MediaUseLink struct {
	congtin.MediaUse
	What string // "Bài viết", "Trang giới thiệu", "Câu trả lời"
	URL  string
}

// HiddenUses is how many of the image's uses the user may not open.
func (p *MediaEditPage) HiddenUses() int { return p.UseCount - len(p.Uses) }

// mediaFuncs are the template functions of the image library's pages
// and of the featured-image field.
func mediaFuncs() map[string]any {
	return map[string]any{
		// safeImage tells whether a featured image address may be shown
		// as a preview: one the service would accept.
		"safeImage": func(u string) bool { return u != "" && congtin.SafeURL(u) },
	}
}
