package s3_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob/blobtest"
	"github.com/congtin/congtin/internal/s3test"
)

// flipReader changes the byte at offset 10 of a body on its way.
type flipReader struct {
	r   io.ReadCloser
	off int
}

func (f *flipReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if i := 10 - f.off; i >= 0 && i < n {
		p[i] ^= 0xff
	}
	f.off += n
	return n, err
}

func (f *flipReader) Close() error { return f.r.Close() }

// TestCorruptedUpload: a body damaged between congtin and the store is
// refused by the store (Put sends the body's Content-MD5), and nothing is
// stored under the key.
func TestCorruptedUpload(t *testing.T) {
	u := s3test.URL(t)
	parsed, _ := url.Parse(u)
	target := &url.URL{Scheme: "http", Host: parsed.Query().Get("endpoint")}
	var mu sync.Mutex
	var sentMD5 []string
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.Host = target.Host // signed by the client: keep it
		if r.In.Method == http.MethodPut && r.In.Body != nil {
			mu.Lock()
			sentMD5 = append(sentMD5, r.In.Header.Get("Content-MD5"))
			mu.Unlock()
			r.Out.Body = &flipReader{r: r.In.Body}
		}
	}})
	defer proxy.Close()
	q := parsed.Query()
	q.Set("endpoint", strings.TrimPrefix(proxy.URL, "http://"))
	parsed.RawQuery = q.Encode()
	b := mustOpen(t, parsed.String())

	data := blobtest.Bytes(10, 50_000)
	err := b.Put(context.Background(), "ab/damaged.jpg", bytes.NewReader(data), int64(len(data)), "image/jpeg")
	if err == nil {
		t.Fatal("a damaged body was stored")
	}
	sum := md5.Sum(data)
	mu.Lock()
	if len(sentMD5) == 0 || sentMD5[0] != base64.StdEncoding.EncodeToString(sum[:]) {
		t.Errorf("Content-MD5 sent: %q", sentMD5)
	}
	mu.Unlock()
	direct := mustOpen(t, u)
	if _, err := direct.Stat(context.Background(), "ab/damaged.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("after a refused upload: %v", err)
	}
}
