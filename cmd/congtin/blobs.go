package main

import (
	"errors"
	"strings"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/config"
)

// openBlobs returns the one store of images and attachments: the
// -media-dir folder, or the object store -media-store names. Both keep
// the same keys ("ab/x.jpg", "van-ban/ab/<sha256>.pdf"), so a folder and a
// bucket hold the same layout.
func openBlobs(cfg *config.Config) (blob.Store, error) {
	switch {
	case cfg.MediaStore == "":
		return blob.Dir{Path: cfg.MediaDir}, nil
	case strings.HasPrefix(cfg.MediaStore, "s3://"):
		return nil, errors.New("config: -media-store s3://… is not available in this build yet; leave it empty to store media in the -media-dir folder")
	}
	return nil, errors.New("config: -media-store must be empty (the -media-dir folder) or an s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=R URL")
}
