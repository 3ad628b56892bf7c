package s3

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/congtin/congtin/internal/blob"
)

// memoryMax is the largest body Put holds in memory; a larger one (an
// attachment) is spooled to a temporary file.
const memoryMax = 8 << 20

// cleanupTimeout bounds the removal of what a failed Put might have left,
// which runs even when the caller's context has ended.
const cleanupTimeout = 5 * time.Second

// Put implements blob.Store. The body is read whole first (in memory, or
// in a temporary file when large), through blob.Exact and an MD5: a reader
// that fails, or is shorter or longer than size, sends nothing. It is then
// sent in one PUT with its Content-MD5, so the store refuses a body
// damaged on the way, and the stored object's size and ETag (the MD5 of a
// single-part upload) are checked before Put returns nil. A key already
// stored with the same size and ETag is left as it is: keys are content
// addressed.
func (b *Bucket) Put(ctx context.Context, key string, r io.Reader, size int64, contentType string) (err error) {
	defer b.metrics.observe(opPut, time.Now(), &err)
	if !blob.ValidKey(key) {
		return badKey(key)
	}
	if size < 0 {
		return fmt.Errorf("s3: put %s: negative size %d", key, size)
	}
	body, sum, release, err := spool(r, size)
	if err != nil {
		return fmt.Errorf("s3: put %s: read the file: %w", key, err)
	}
	defer release()
	name := b.name(key)
	if b.stored(ctx, name, size, sum) == nil {
		return nil
	}
	_, err = b.client.PutObject(ctx, b.bucket, name, body, size, minio.PutObjectOptions{
		ContentType:    contentType,
		SendContentMd5: true,
		// One PUT: its ETag is the body's MD5, which a multipart
		// upload's is not.
		DisableMultipart: true,
	})
	if err == nil {
		err = b.stored(ctx, name, size, sum)
	}
	if err != nil {
		b.cleanup(name, size, sum)
		return b.fail("put", key, err)
	}
	return nil
}

// errMismatch is the error of a stored object that is not the one sent.
var errMismatch = errors.New("the stored object differs from the one sent")

// stored checks that the object name holds size bytes whose MD5 is sum.
func (b *Bucket) stored(ctx context.Context, name string, size int64, sum []byte) error {
	info, err := b.client.StatObject(ctx, b.bucket, name, minio.StatObjectOptions{})
	if err != nil {
		return err
	}
	if info.Size != size || !strings.EqualFold(strings.Trim(info.ETag, `"`), hex.EncodeToString(sum)) {
		return fmt.Errorf("%w: %d bytes, ETag %s; sent %d bytes, MD5 %x", errMismatch, info.Size, info.ETag, size, sum)
	}
	return nil
}

// cleanup removes what a failed Put may have left under name, unless it
// is the right object (stored by a concurrent Put of the same key, which
// has returned nil to its caller and must keep it). A store that is away
// leaves nothing to remove.
func (b *Bucket) cleanup(name string, size int64, sum []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	err := b.stored(ctx, name, size, sum)
	if err == nil || isNotFound(err) || !errors.Is(err, errMismatch) {
		return
	}
	_ = b.client.RemoveObject(ctx, b.bucket, name, minio.RemoveObjectOptions{})
}

// spool reads exactly size bytes of r and returns them as a body minio-go
// can read twice (once for the MD5 it sends, once to send) and seek back
// to when it retries, with their MD5, and a function that frees them.
func spool(r io.Reader, size int64) (io.ReadSeeker, []byte, func(), error) {
	h := md5.New()
	src := io.TeeReader(blob.Exact(r, size), h)
	if size <= memoryMax {
		buf := bytes.NewBuffer(make([]byte, 0, size))
		if _, err := buf.ReadFrom(src); err != nil {
			return nil, nil, nil, err
		}
		return bytes.NewReader(buf.Bytes()), h.Sum(nil), func() {}, nil
	}
	f, err := os.CreateTemp("", "congtin-s3-put-")
	if err != nil {
		return nil, nil, nil, err
	}
	release := func() { f.Close(); os.Remove(f.Name()) }
	if _, err := io.Copy(f, src); err != nil {
		release()
		return nil, nil, nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		release()
		return nil, nil, nil, err
	}
	return f, h.Sum(nil), release, nil
}
