package congtin

import (
	"context"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// MediaVariant is one stored size of an image.
type MediaVariant struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Key    string `json:"key"`
}

// Media is an uploaded image in a site's library.
type Media struct {
	ID          int64          `json:"id"`
	SiteID      int64          `json:"site_id"`
	Hash        string         `json:"hash"`
	Name        string         `json:"name"`
	ContentType string         `json:"content_type"`
	Width       int            `json:"width"`
	Height      int            `json:"height"`
	Variants    []MediaVariant `json:"variants"` // ascending width
	UploadedBy  int64          `json:"uploaded_by"`
	CreatedAt   time.Time      `json:"created_at"`
	// Size is the uploaded file's size in bytes; 0 for images recorded
	// before the library kept it.
	Size int64 `json:"size"`
	// Alt and Caption are the image's description for people who cannot
	// see it and its caption: what the editor puts in an article when the
	// image is inserted from the library.
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	// UploaderName is the uploader's display name, as the library lists
	// it ("" when the account is gone); finds fill it, writes ignore it.
	UploaderName string `json:"uploader_name,omitempty"`
}

// Limits of an image's texts, in characters.
const (
	MaxMediaAlt     = 300
	MaxMediaCaption = 1000
)

// MediaInput is what an editor types for an image of the library.
type MediaInput struct {
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
}

// Normalize trims the texts and puts them in Unicode NFC, so that a
// description typed with decomposed accents is searched and shown like
// any other.
func (in *MediaInput) Normalize() {
	for _, p := range []*string{&in.Alt, &in.Caption} {
		*p = strings.TrimSpace(*p)
		if validText(*p) {
			*p = norm.NFC.String(*p)
		}
	}
}

// Validate checks the texts; it returns a *ValidationError.
func (in *MediaInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "alt", "Mô tả ảnh", in.Alt, MaxMediaAlt, false)
	checkText(fe, "caption", "Chú thích", in.Caption, MaxMediaCaption, false)
	if fe["alt"] == "" && strings.ContainsAny(in.Alt, "\r\n") {
		fe["alt"] = "Mô tả ảnh chỉ gồm một dòng."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// MediaFilter selects images of a site's library. Zero values mean "no
// condition".
type MediaFilter struct {
	SiteID int64
	// Q is searched in the name, the description and the caption, with
	// the portal's Vietnamese matching (with or without accents).
	Q          string
	UploadedBy int64
	// Uploaded in [From, To).
	From, To time.Time
	Offset   int
	Limit    int
}

// MediaUse is a place an image is shown: an item whose content (an
// article's body or featured image, an about page's body in either
// language, a question's answer) names one of the image's files.
type MediaUse struct {
	Hash      string `json:"-"`
	Kind      Kind   `json:"kind"`
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	CreatedBy int64  `json:"-"` // the writer, for who may see the title
	Status    string `json:"status"`
}

// MediaUploader is someone who uploaded images to a site's library.
type MediaUploader struct {
	ID   int64
	Name string
}

// mediaKeyRE finds the files of the media library that HTML or a URL
// names: /media/ab/<hash>-<width>.jpg (or .png), wherever the address
// points from (a relative path, this site's or another host's URL).
var mediaKeyRE = regexp.MustCompile(`/media/[a-z0-9]{2}/([a-z0-9]+)-[0-9]+\.(?:jpg|png)`)

// MediaHashes returns the content hashes of the library's images that
// the texts name, each once, in the order they first appear: what makes
// an image "in use" by the item the texts belong to.
func MediaHashes(texts ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range texts {
		if !strings.Contains(s, "/media/") {
			continue
		}
		for _, m := range mediaKeyRE.FindAllStringSubmatch(s, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
	}
	return out
}

// CanChangeMedia reports whether the actor may change an image's texts or
// delete it: editors and above any image of the site, others the images
// they uploaded themselves, while they keep a role that may upload.
func CanChangeMedia(actor Actor, m *Media) bool {
	if !Can(actor, ActUpload, nil) {
		return false
	}
	return IsEditor(actor) || m.UploadedBy != 0 && m.UploadedBy == actor.User.ID
}

// MediaService stores the records of uploaded images; the bytes live in a
// media.Store.
type MediaService interface {
	MediaStore

	// AddMedia records an image; an image already in the site's library
	// (same content hash) is returned as it is. The actor must be allowed
	// to upload (ActUpload).
	AddMedia(ctx context.Context, actor Actor, m *Media) (*Media, error)

	// UpdateMedia changes an image's description and caption.
	// EFORBIDDEN unless CanChangeMedia; NotFound(KindMedia); a
	// *ValidationError for texts too long or that no store can hold.
	UpdateMedia(ctx context.Context, actor Actor, siteID, id int64, in MediaInput) (*Media, error)

	// DeleteMedia removes an image from the site's library. It returns the
	// record deleted and whether another site's library still has the
	// same image (and so its files, which are shared). EFORBIDDEN unless
	// CanChangeMedia; NotFound(KindMedia); ECONFLICT while any content of
	// the site shows the image.
	DeleteMedia(ctx context.Context, actor Actor, siteID, id int64) (m *Media, shared bool, err error)
}

// MediaStore reads the image library.
type MediaStore interface {
	// FindMedia lists a site's images matching the filter, newest first,
	// and their number.
	FindMedia(ctx context.Context, f MediaFilter) ([]*Media, int, error)
	// FindMediaByID returns an image of the site; NotFound(KindMedia).
	FindMediaByID(ctx context.Context, siteID, id int64) (*Media, error)
	// FindMediaUses returns where the site's content shows each of the
	// images with the given hashes, by hash; an image shown nowhere has
	// no entry.
	FindMediaUses(ctx context.Context, siteID int64, hashes []string) (map[string][]MediaUse, error)
	// FindMediaUploaders lists who uploaded the site's images, by name.
	FindMediaUploaders(ctx context.Context, siteID int64) ([]MediaUploader, error)
	// FindFileRefs returns every stored file the database names, of
	// every site: for `congtin media check`, which compares them with
	// the file store.
	FindFileRefs(ctx context.Context) (*FileRefs, error)
}

// FileRefs is what the database names in the file store: each key once.
type FileRefs struct {
	MediaKeys   []string        // the variants of every site's images
	Attachments []AttachmentRef // every document file's content
}

// AttachmentRef names an attachment's stored bytes.
type AttachmentRef struct {
	Hash string // SHA-256, hex
	Kind string // congtin.FilePDF…
}

// MediaTx writes the image library. The store keeps an index of the
// images each article, about page and answer shows (MediaHashes of their
// texts) in step with every write of them, in the same transaction.
type MediaTx interface {
	// FindMediaByHash returns the site's image with the content hash;
	// NotFound(KindMedia) when the library has none.
	FindMediaByHash(ctx context.Context, siteID int64, hash string) (*Media, error)
	// FindMediaInTx returns an image of the site; NotFound(KindMedia).
	FindMediaInTx(ctx context.Context, siteID, id int64) (*Media, error)
	// InsertMedia records an image as it is given and sets its ID.
	InsertMedia(ctx context.Context, m *Media) error
	// UpdateMediaText writes an image's description and caption.
	UpdateMediaText(ctx context.Context, m *Media) error
	// MediaUseCount counts the site's items that show the image with the
	// hash.
	MediaUseCount(ctx context.Context, siteID int64, hash string) (int, error)
	// MediaHashShared reports whether a site other than siteID has the
	// image with the hash in its library.
	MediaHashShared(ctx context.Context, siteID int64, hash string) (bool, error)
	// DeleteMedia deletes an image's record; NotFound(KindMedia).
	DeleteMedia(ctx context.Context, siteID, id int64) error
}
