package s3_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/blob/blobtest"
	"github.com/congtin/congtin/internal/metrics"
	"github.com/congtin/congtin/internal/s3"
	"github.com/congtin/congtin/internal/s3test"
)

func TestMain(m *testing.M) { s3test.Main(m) }

func mustOpen(t *testing.T, rawURL string) *s3.Bucket {
	t.Helper()
	b, err := s3.Open(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStore: a bucket on SeaweedFS behaves as every blob.Store must.
func TestStore(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blob.Store { return mustOpen(t, s3test.URL(t)) })
}

// noCredentials leaves the test no credentials from the environment or
// the user's files.
func noCredentials(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("HOME", t.TempDir())
}

// TestOpenURL: the URL's parts, and the refusals, none of which repeats a
// secret written in the URL.
func TestOpenURL(t *testing.T) {
	s3test.SetCredentials(t)
	for _, tc := range []struct{ in, want string }{
		{"s3://media/?endpoint=127.0.0.1:9000&insecure=1&region=hn", "s3://media/?endpoint=127.0.0.1%3A9000&insecure=1&region=hn"},
		{"s3://media/so-tu-phap/anh/", "s3://media/so-tu-phap/anh?endpoint=s3.amazonaws.com"},
		{"s3://media", "s3://media/?endpoint=s3.amazonaws.com"},
	} {
		b, err := s3.Open(tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if got := b.String(); got != tc.want {
			t.Errorf("%s: String %s, want %s", tc.in, got, tc.want)
		}
		if _, err := s3.Open(b.String()); err != nil {
			t.Errorf("%s: its String does not open: %v", tc.in, err)
		}
	}
	for _, in := range []string{
		"http://media/", "s3:///x", "s3://AKIAKEY:topsecretvalue@media/", "s3://media/?endpont=x",
		"s3://media/Anh", "s3://media/a//b", "s3://media/?insecure=yes", "s3://media/?endpoint=h/x",
		"s3://media/%zz",
	} {
		_, err := s3.Open(in)
		if err == nil {
			t.Errorf("%s: no error", in)
		} else if strings.Contains(err.Error(), "topsecretvalue") {
			t.Errorf("%s: the error shows the secret: %v", in, err)
		}
	}
	noCredentials(t)
	if _, err := s3.Open("s3://media/"); err == nil || !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") {
		t.Errorf("no credentials: %v", err)
	}
}

// TestPrefix: a URL's prefix is a folder of the bucket; nothing outside
// it is seen, and no key gets a double slash.
func TestPrefix(t *testing.T) {
	u := s3test.URL(t)
	whole := mustOpen(t, u)
	inside := mustOpen(t, strings.Replace(u, "/?", "/so-tu-phap/media/?", 1))
	blobtest.MustPut(t, whole, "ab/outside.jpg", []byte("outside"))
	blobtest.MustPut(t, inside, "ab/inside.jpg", []byte("inside"))
	if got := blobtest.Keys(t, whole, ""); strings.Join(got, " ") != "ab/outside.jpg so-tu-phap/media/ab/inside.jpg" {
		t.Errorf("the whole bucket: %q", got)
	}
	if got := blobtest.Keys(t, inside, ""); strings.Join(got, " ") != "ab/inside.jpg" {
		t.Errorf("the prefix: %q", got)
	}
	_, err := inside.Stat(context.Background(), "ab/outside.jpg")
	if congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("an object outside the prefix: %v", err)
	}
}

// TestRangeFetchesOnlyTheRange: serving 100 bytes of a 5 MB object reads
// about 100 bytes from the store, not the object.
func TestRangeFetchesOnlyTheRange(t *testing.T) {
	b := mustOpen(t, s3test.URL(t))
	data := blobtest.Bytes(7, 5_000_000)
	blobtest.MustPut(t, b, "van-ban/ab/big.pdf", data)
	before := b.ReceivedBytes()
	blobtest.ServeRange(t, b, "van-ban/ab/big.pdf", data, 4_000_000, 4_000_099)
	if n := b.ReceivedBytes() - before; n > 64<<10 {
		t.Fatalf("serving 100 bytes read %d bytes from the store", n)
	} else {
		t.Logf("serving 100 bytes of 5 MB read %d bytes from the store", n)
	}
}

// TestCredentialsFile: with no variables set, the shared credentials file
// (its profile AWS_PROFILE) is read; the variables win over it.
func TestCredentialsFile(t *testing.T) {
	u := s3test.URL(t)
	noCredentials(t)
	file := filepath.Join(t.TempDir(), "credentials")
	conf := "[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n\n" +
		"[congtin]\naws_access_key_id = " + s3test.AccessKey + "\naws_secret_access_key = " + s3test.SecretKey + "\n"
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", file)
	t.Setenv("AWS_PROFILE", "congtin")
	blobtest.MustPut(t, mustOpen(t, u), "ab/from-file.jpg", []byte("x"))

	t.Setenv("AWS_PROFILE", "") // the file's default profile is wrong…
	s3test.SetCredentials(t)    // …and the variables come first
	blobtest.MustPut(t, mustOpen(t, u), "ab/from-env.jpg", []byte("y"))
}

// TestWrongSecret: a refused signature is an error that does not show the
// secret, and not an outage.
func TestWrongSecret(t *testing.T) {
	u := s3test.URL(t)
	const secret = "wrong-secret-Zx81qQ"
	t.Setenv("AWS_SECRET_ACCESS_KEY", secret)
	b := mustOpen(t, u)
	ctx := context.Background()
	errs := map[string]error{
		"put":  b.Put(ctx, "ab/x.jpg", strings.NewReader("x"), 1, "image/jpeg"),
		"ping": b.Ping(ctx),
	}
	_, errs["stat"] = b.Stat(ctx, "ab/x.jpg")
	for op, err := range errs {
		if err == nil {
			t.Errorf("%s: no error with a wrong secret", op)
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("%s: the error shows the secret: %v", op, err)
		}
		if code := congtin.ErrorCode(err); code != congtin.EINTERNAL {
			t.Errorf("%s: code %s, want %s: %v", op, code, congtin.EINTERNAL, err)
		}
	}
	if strings.Contains(b.String(), secret) {
		t.Errorf("String shows the secret: %s", b)
	}
}

// TestPresignGet: the URL serves the object with the Content-Type and
// Content-Disposition asked for, and stops when it expires.
func TestPresignGet(t *testing.T) {
	b := mustOpen(t, s3test.URL(t))
	data := blobtest.Bytes(8, 20_000)
	blobtest.MustPut(t, b, "van-ban/ab/x.pdf", data)
	disp := `attachment; filename="quyet-dinh.pdf"; filename*=UTF-8''quy%E1%BA%BFt-%C4%91%E1%BB%8Bnh.pdf`
	u, err := b.PresignGet(context.Background(), "van-ban/ab/x.pdf", 2*time.Second, "application/pdf", disp)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(u, s3test.SecretKey) {
		t.Fatal("the URL holds the secret")
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, data) {
		t.Fatalf("status %d, %d bytes", resp.StatusCode, len(got))
	}
	if h := resp.Header.Get("Content-Disposition"); h != disp {
		t.Errorf("Content-Disposition %q, want %q", h, disp)
	}
	if h := resp.Header.Get("Content-Type"); h != "application/pdf" {
		t.Errorf("Content-Type %q", h)
	}
	time.Sleep(3 * time.Second)
	resp, err = http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an expired URL: status %d", resp.StatusCode)
	}
}

// TestOutage: while the store is stopped, Ping fails fast and a put is an
// EUNAVAILABLE error; once it is back, the same Bucket works again.
func TestOutage(t *testing.T) {
	srv := s3test.NewServer(t)
	b := mustOpen(t, srv.URL(t))
	before := blobtest.Bytes(9, 1000)
	blobtest.MustPut(t, b, "ab/before.jpg", before)

	srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	err := b.Ping(ctx)
	if err == nil {
		t.Fatal("ping of a stopped store: no error")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("ping took %v", d)
	} else {
		t.Logf("ping of a stopped store failed in %v", d)
	}
	start = time.Now()
	err = b.Put(context.Background(), "ab/during.jpg", strings.NewReader("during"), 6, "image/jpeg")
	if code := congtin.ErrorCode(err); code != congtin.EUNAVAILABLE {
		t.Fatalf("put while stopped: code %s: %v", code, err)
	}
	if msg := congtin.ErrorMessage(err); !strings.Contains(msg, "Kho lưu trữ tệp") {
		t.Errorf("put while stopped: message %q", msg)
	}
	t.Logf("put while stopped failed in %v: %v", time.Since(start), err)
	_, err = b.Stat(context.Background(), "ab/before.jpg")
	if code := congtin.ErrorCode(err); code != congtin.EUNAVAILABLE {
		t.Errorf("stat while stopped: code %s: %v", code, err)
	}

	srv.Start()
	if err := b.Ping(context.Background()); err != nil {
		t.Fatalf("ping after the restart: %v", err)
	}
	blobtest.MustPut(t, b, "ab/after.jpg", []byte("after"))
	if got := blobtest.ReadAll(t, b, "ab/before.jpg"); !bytes.Equal(got, before) {
		t.Fatal("the object stored before the outage changed")
	}
	if _, err := b.Stat(context.Background(), "ab/during.jpg"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Errorf("the put that failed left an object: %v", err)
	}
}

// TestMetrics: the bucket's series, registered into /metrics, count
// operations by outcome and their latency.
func TestMetrics(t *testing.T) {
	b := mustOpen(t, s3test.URL(t))
	ctx := context.Background()
	blobtest.MustPut(t, b, "ab/x.jpg", []byte("x"))
	_, _ = b.Stat(ctx, "ab/missing.jpg") // an answer: ok
	_ = b.Put(ctx, "ab/short.jpg", strings.NewReader("x"), 2, "image/jpeg")
	reg := metrics.New()
	reg.Writer(b.WriteMetrics)
	var out strings.Builder
	if _, err := reg.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(out.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	counts := map[string]float64{}
	for _, m := range fams["congtin_object_store_requests_total"].GetMetric() {
		l := map[string]string{}
		for _, p := range m.GetLabel() {
			l[p.GetName()] = p.GetValue()
		}
		counts[l["op"]+" "+l["outcome"]] = m.GetCounter().GetValue()
	}
	for k, want := range map[string]float64{"put ok": 1, "put error": 1, "stat ok": 1, "stat error": 0} {
		if counts[k] != want {
			t.Errorf("requests %s: %v, want %v", k, counts[k], want)
		}
	}
	var puts uint64
	for _, m := range fams["congtin_object_store_request_seconds"].GetMetric() {
		if m.GetLabel()[0].GetValue() == "put" {
			puts = m.GetHistogram().GetSampleCount()
		}
	}
	if puts != 2 {
		t.Errorf("latency of puts: %d observations, want 2", puts)
	}
}
