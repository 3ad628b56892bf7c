// Package s3 keeps congtin's files in a bucket of an S3-compatible object
// store (Amazon S3, SeaweedFS, MinIO, Ceph…), so that congtin nodes that
// share no disk serve the same images and attachments. A *Bucket is a
// blob.Store, a blob.Pinger and a blob.Presigner.
//
// It wraps minio-go: S3 signature v4, ranged reads behind an
// io.ReadSeeker, presigned URLs and the AWS credentials chain, with a much
// smaller dependency tree than the AWS SDK.
package s3

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/congtin/congtin/internal/blob"
)

// DefaultEndpoint is the endpoint of a URL that names none.
const DefaultEndpoint = "s3.amazonaws.com"

// maxRetries bounds minio-go's retries of a failed request (ten by
// default, with backoff): a store that is down must give a clear error
// within seconds, not keep an editor's upload waiting.
const maxRetries = 3

// Bucket is a bucket, or a folder of one (the URL's prefix), of an
// S3-compatible object store.
type Bucket struct {
	client   *minio.Client
	bucket   string
	prefix   string // "" or "a/b/": prepended to every key
	endpoint string
	region   string
	secure   bool
	metrics  *stats
}

var (
	_ blob.Store     = (*Bucket)(nil)
	_ blob.Pinger    = (*Bucket)(nil)
	_ blob.Presigner = (*Bucket)(nil)
)

// Open returns the bucket named by rawURL:
//
//	s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=REGION&insecure=1
//
// PREFIX (optional) is a folder inside the bucket; endpoint defaults to
// DefaultEndpoint; insecure=1 talks plain HTTP to the endpoint (for a
// server on loopback), HTTPS otherwise. The credentials are not in the
// URL: they are the standard AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN variables, else the shared credentials file
// (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, profile AWS_PROFILE
// or "default"). Open sends no request: Ping says whether the bucket
// answers.
func Open(rawURL string) (*Bucket, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// url's errors quote the whole URL; say only what is wrong.
		return nil, errors.New("s3: the store URL cannot be parsed; the form is s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=REGION")
	}
	if u.Scheme != "s3" || u.Host == "" {
		return nil, errors.New("s3: the store URL must be s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=REGION")
	}
	if u.User != nil {
		// A secret in the URL would end up in logs and process lists.
		return nil, errors.New("s3: credentials do not go in the store URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use ~/.aws/credentials")
	}
	b := &Bucket{bucket: u.Host, endpoint: DefaultEndpoint, secure: true, metrics: newStats()}
	if prefix := strings.Trim(u.Path, "/"); prefix != "" {
		if !blob.ValidKey(prefix) {
			return nil, fmt.Errorf("s3: bad prefix %q: lower-case letters, digits, '.', '-' and '_' in folders separated by '/'", prefix)
		}
		b.prefix = prefix + "/"
	}
	for k, vs := range u.Query() {
		v := vs[len(vs)-1]
		switch k {
		case "endpoint":
			if v == "" || strings.ContainsAny(v, "/@?#") {
				return nil, fmt.Errorf("s3: endpoint %q must be HOST or HOST:PORT", v)
			}
			b.endpoint = v
		case "region":
			b.region = v
		case "insecure":
			switch v {
			case "1", "true":
				b.secure = false
			case "0", "false", "":
			default:
				return nil, fmt.Errorf("s3: insecure=%q must be 1 or 0", v)
			}
		default:
			return nil, fmt.Errorf("s3: unknown store URL parameter %q (endpoint, region, insecure)", k)
		}
	}
	// Environment first, then the shared file: the AWS tools' order.
	creds := credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{},
		&credentials.FileAWSCredentials{},
	})
	if v, err := creds.GetWithContext(nil); err != nil || v.SignerType.IsAnonymous() {
		return nil, errors.New("s3: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or write them in ~/.aws/credentials (AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE)")
	}
	transport, err := minio.DefaultTransport(b.secure)
	if err != nil {
		return nil, fmt.Errorf("s3: %w", err)
	}
	b.client, err = minio.New(b.endpoint, &minio.Options{
		Creds:      creds,
		Secure:     b.secure,
		Region:     b.region,
		Transport:  &countingTransport{next: transport, stats: b.metrics},
		MaxRetries: maxRetries,
	})
	if err != nil {
		return nil, fmt.Errorf("s3: %w", err)
	}
	return b, nil
}

// String returns the bucket's URL as Open takes it. It holds no secret.
func (b *Bucket) String() string {
	u := url.URL{Scheme: "s3", Host: b.bucket, Path: "/" + strings.TrimSuffix(b.prefix, "/")}
	q := url.Values{}
	q.Set("endpoint", b.endpoint)
	if b.region != "" {
		q.Set("region", b.region)
	}
	if !b.secure {
		q.Set("insecure", "1")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// name is the object name of key in the bucket.
func (b *Bucket) name(key string) string { return b.prefix + key }

// badKey refuses a key congtin would not choose before any request.
func badKey(key string) error {
	return fmt.Errorf("s3: bad key %q", key)
}

// isNotFound reports whether err is the store's answer for a missing
// object (a HEAD answers a bare 404, which minio-go names NoSuchKey too).
func isNotFound(err error) bool {
	var er minio.ErrorResponse
	return errors.As(err, &er) && (er.Code == minio.NoSuchKey || er.StatusCode == http.StatusNotFound && er.Code != minio.NoSuchBucket)
}

// fail gives err of op on key its meaning for congtin: a missing object is
// blob.ErrNotFound, a store that does not answer (network, 5xx, a timeout
// while it is away) is blob.ErrUnavailable, anything else (a refused
// signature, a missing bucket) stays an internal error that the log shows.
func (b *Bucket) fail(op, key string, err error) error {
	if err == nil {
		return nil
	}
	if isNotFound(err) {
		return blob.ErrNotFound()
	}
	err = fmt.Errorf("s3: %s %s/%s: %w", op, b.bucket, b.name(key), err)
	if unavailable(err) {
		return blob.ErrUnavailable(err)
	}
	return err
}

// unavailable reports whether err says the store is away rather than
// that it refused the request.
func unavailable(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false // the caller gave up; the store said nothing
	}
	var er minio.ErrorResponse
	if errors.As(err, &er) {
		return er.StatusCode >= 500 || er.Code == "SlowDown" || er.Code == "ServiceUnavailable"
	}
	var ue *url.Error
	return errors.As(err, &ue) || errors.Is(err, context.DeadlineExceeded)
}
