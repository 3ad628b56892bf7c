package s3test_test

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/congtin/congtin/internal/s3test"
)

func TestMain(m *testing.M) { s3test.Main(m) }

// client returns a client of the bucket u names, and the bucket's name.
func client(t *testing.T, u string) (*minio.Client, string) {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	c, err := minio.New(p.Query().Get("endpoint"), &minio.Options{
		Creds: credentials.NewStaticV4(s3test.AccessKey, s3test.SecretKey, ""), Region: s3test.Region, MaxRetries: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, p.Host
}

// TestURL: each call gives an empty bucket of its own on loopback, with
// the credentials in the environment.
func TestURL(t *testing.T) {
	start := time.Now()
	u1 := s3test.URL(t)
	t.Logf("weed started and stored an object in %v: %s", time.Since(start), s3test.CommandLine())
	u2 := s3test.URL(t)
	if u1 == u2 {
		t.Fatalf("two tests share %s", u1)
	}
	if !strings.Contains(u1, "endpoint=127.0.0.1%3A") || !strings.Contains(u1, "insecure=1") {
		t.Errorf("URL %s", u1)
	}
	c, bucket := client(t, u1)
	ctx := context.Background()
	for obj := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
		t.Fatalf("a new bucket holds %q (%v)", obj.Key, obj.Err)
	}
}

// TestServerRestart: a server of the test's own stops (nothing answers),
// starts again on the same port and keeps what it stored.
func TestServerRestart(t *testing.T) {
	srv := s3test.NewServer(t)
	u := srv.URL(t)
	c, bucket := client(t, u)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.PutObject(ctx, bucket, "kept.txt", strings.NewReader("Cổng thông tin"), -1, minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	shared := s3test.URL(t)
	if p, _ := url.Parse(shared); strings.Contains(u, p.Query().Get("endpoint")) {
		t.Fatalf("NewServer gave the shared server: %s", shared)
	}

	srv.Stop()
	if _, err := c.BucketExists(ctx, bucket); err == nil {
		t.Fatal("the stopped server still answers")
	}
	sc, sbucket := client(t, shared)
	if _, err := sc.BucketExists(ctx, sbucket); err != nil {
		t.Fatalf("the shared server: %v", err)
	}

	start := time.Now()
	srv.Start()
	t.Logf("started again in %v", time.Since(start))
	obj, err := c.GetObject(ctx, bucket, "kept.txt", minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer obj.Close()
	b, err := io.ReadAll(obj)
	if err != nil || string(b) != "Cổng thông tin" {
		t.Fatalf("after the restart: %q, %v", b, err)
	}
}
