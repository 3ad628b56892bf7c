package blob_test

import (
	"testing"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/blob/blobtest"
)

func TestDir(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blob.Store { return blob.Dir{Path: t.TempDir()} })
}
