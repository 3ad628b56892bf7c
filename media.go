package congtin

import (
	"context"
	"time"
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
}

// MediaService stores the records of uploaded images; the bytes live in a
// media.Store.
type MediaService interface {
	MediaStore

	// AddMedia records an image; an image already in the site's library
	// (same content hash) is returned as it is. The actor must be allowed
	// to upload (ActUpload).
	AddMedia(ctx context.Context, actor Actor, m *Media) (*Media, error)
}

// MediaStore reads the image library.
type MediaStore interface {
	// FindMedia lists a site's images, newest first, and their number.
	FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*Media, int, error)
}

// MediaTx writes the image library.
type MediaTx interface {
	// FindMediaByHash returns the site's image with the content hash;
	// NotFound(KindMedia) when the library has none.
	FindMediaByHash(ctx context.Context, siteID int64, hash string) (*Media, error)
	// InsertMedia records an image as it is given and sets its ID.
	InsertMedia(ctx context.Context, m *Media) error
}
