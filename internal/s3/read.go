package s3

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/congtin/congtin/internal/blob"
)

// Open implements blob.Store. It asks for the object's size and ETag
// (one HEAD) so that a missing object is blob.ErrNotFound here, not at
// the first read. Each read then fetches only what is read, from where
// the object was sought to: http.ServeContent answers a Range request
// with a ranged GET, never the whole object. A read after the object
// changed under the same key fails (minio-go pins the ETag).
func (b *Bucket) Open(ctx context.Context, key string) (_ blob.Object, err error) {
	defer b.metrics.observe(opOpen, time.Now(), &err)
	if !blob.ValidKey(key) {
		return nil, badKey(key)
	}
	obj, err := b.client.GetObject(ctx, b.bucket, b.name(key), minio.GetObjectOptions{})
	if err != nil {
		return nil, b.fail("open", key, err)
	}
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		return nil, b.fail("open", key, err)
	}
	return &object{obj: obj, b: b, key: key}, nil
}

// object gives the errors of an opened object's reads their meaning for
// congtin, as the Bucket's own methods do.
type object struct {
	obj *minio.Object
	b   *Bucket
	key string
}

func (o *object) Read(p []byte) (int, error) {
	n, err := o.obj.Read(p)
	if err != nil && err != io.EOF {
		err = o.b.fail("read", o.key, err)
	}
	return n, err
}

func (o *object) Seek(offset int64, whence int) (int64, error) {
	n, err := o.obj.Seek(offset, whence)
	if err != nil {
		err = o.b.fail("seek", o.key, err)
	}
	return n, err
}

func (o *object) Close() error { return o.obj.Close() }

// Stat implements blob.Store.
func (b *Bucket) Stat(ctx context.Context, key string) (_ blob.Info, err error) {
	defer b.metrics.observe(opStat, time.Now(), &err)
	if !blob.ValidKey(key) {
		return blob.Info{}, badKey(key)
	}
	info, err := b.client.StatObject(ctx, b.bucket, b.name(key), minio.StatObjectOptions{})
	if err != nil {
		return blob.Info{}, b.fail("stat", key, err)
	}
	return blob.Info{Key: key, Size: info.Size, Modified: info.LastModified}, nil
}

// Delete implements blob.Store. S3 answers a missing key as a deleted one.
func (b *Bucket) Delete(ctx context.Context, key string) (err error) {
	defer b.metrics.observe(opDelete, time.Now(), &err)
	if !blob.ValidKey(key) {
		return badKey(key)
	}
	err = b.client.RemoveObject(ctx, b.bucket, b.name(key), minio.RemoveObjectOptions{})
	if isNotFound(err) {
		return nil
	}
	return b.fail("delete", key, err)
}

// List implements blob.Store. Objects of the bucket outside its prefix,
// and objects whose names are not valid keys (written by another program),
// are not listed.
func (b *Bucket) List(ctx context.Context, prefix string, fn func(blob.Info) error) (err error) {
	defer b.metrics.observe(opList, time.Now(), &err)
	// Stopping early (fn's error) must end minio-go's listing goroutine.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for info := range b.client.ListObjects(ctx, b.bucket, minio.ListObjectsOptions{Prefix: b.name(prefix), Recursive: true}) {
		if info.Err != nil {
			return b.fail("list", prefix, info.Err)
		}
		key, ok := strings.CutPrefix(info.Key, b.prefix)
		if !ok || !blob.ValidKey(key) || !strings.HasPrefix(key, prefix) {
			continue
		}
		if err := fn(blob.Info{Key: key, Size: info.Size, Modified: info.LastModified}); err != nil {
			return err
		}
	}
	return ctx.Err()
}
