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
	// AddMedia records an image; an image already in the site's library
	// (same content hash) is returned as it is.
	AddMedia(ctx context.Context, actor Actor, m *Media) (*Media, error)
	// FindMedia lists a site's images, newest first.
	FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*Media, int, error)
}

// MediaStore reads the image library.
// (Filled as the capability moves onto the shared store.)
type MediaStore interface{}

// MediaTx writes the image library.
// (Filled as the capability moves onto the shared store.)
type MediaTx interface{}
