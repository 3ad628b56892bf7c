package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/s3"
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
		b, err := s3.Open(cfg.MediaStore)
		if err != nil {
			return nil, fmt.Errorf("config: -media-store: %w", err)
		}
		return b, nil
	}
	return nil, errors.New("config: -media-store must be empty (the -media-dir folder) or an s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=R URL")
}

// servingBlobs is openBlobs for a serving process: an object store is
// read through a copy on this node's disk (blob.Cache) in the
// -media-dir folder's .object-cache, a folder no key can name and the
// only thing the node writes there. It also returns the object store's
// metrics, nil for a folder.
func servingBlobs(ctx context.Context, cfg *config.Config, log *slog.Logger) (blob.Store, func(io.Writer), error) {
	store, err := openBlobs(cfg)
	if err != nil {
		return nil, nil, err
	}
	b, ok := store.(*s3.Bucket)
	if !ok {
		return store, nil, nil
	}
	dir := filepath.Join(cfg.MediaDir, ".object-cache")
	c, err := blob.NewCache(ctx, b, dir, int64(cfg.MediaCacheMB)<<20)
	if err != nil {
		return nil, nil, fmt.Errorf("media cache %s: %w", dir, err)
	}
	log.Info("images and attachments in an object store", "store", b.String(), "local_copies", dir, "local_copies_mb", cfg.MediaCacheMB)
	return c, b.WriteMetrics, nil
}
