package s3

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/congtin/congtin/internal/blob"
)

// Ping implements blob.Pinger: it asks whether the bucket exists, within
// the caller's deadline (/readyz gives a short one).
func (b *Bucket) Ping(ctx context.Context) (err error) {
	defer b.metrics.observe(opPing, time.Now(), &err)
	ok, err := b.client.BucketExists(ctx, b.bucket)
	if err != nil {
		return b.fail("ping", "", err)
	}
	if !ok {
		return fmt.Errorf("s3: bucket %q does not exist at %s", b.bucket, b.endpoint)
	}
	return nil
}

// PresignGet implements blob.Presigner. The URL is signed with the
// response-content-type and response-content-disposition parameters, so
// the store serves the file under the name and type congtin chose. It is
// computed here, without a request, when the URL names the region.
func (b *Bucket) PresignGet(ctx context.Context, key string, ttl time.Duration, contentType, disposition string) (string, error) {
	if !blob.ValidKey(key) {
		return "", badKey(key)
	}
	params := url.Values{}
	if contentType != "" {
		params.Set("response-content-type", contentType)
	}
	if disposition != "" {
		params.Set("response-content-disposition", disposition)
	}
	u, err := b.client.PresignedGetObject(ctx, b.bucket, b.name(key), ttl, params)
	if err != nil {
		return "", b.fail("presign", key, err)
	}
	return u.String(), nil
}
