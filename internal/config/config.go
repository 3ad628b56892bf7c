// Package config reads the settings of the congtin commands from flags and
// environment variables (flags win), validated once.
package config

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/mail"
)

// Config is what the commands need.
type Config struct {
	DB            string        // "sqlite:PATH", or a postgres:// (postgresql://) URL
	Addr          string        // listen address for serve
	BaseURL       string        // public base URL, e.g. https://anphu.gov.vn; optional
	FlushInterval time.Duration // how often counters are written
	LogJSON       bool
	Demo          bool   // fill an empty database with demo content
	MediaDir      string // where uploaded images are stored
	// MediaStore is where images and attachments are stored: empty for
	// the MediaDir folder, or an s3:// URL.
	MediaStore string
	// MediaRedirectAboveMB: a public attachment larger than this many MB
	// is downloaded by a redirect to a presigned URL of an object store
	// that can make one; 0 never redirects.
	MediaRedirectAboveMB int
	// MediaCacheMB bounds the copies a node keeps on its own disk of
	// what it served from an object store.
	MediaCacheMB int
	PageCacheMB  int    // memory for rendered pages; 0 turns the cache off
	SQLiteMmapMB int    // how much of a SQLite file searches map into memory; 0 reads it
	LogRequests  bool   // one Info line per request
	MetricsToken string // bearer token for /metrics; empty: direct loopback only
	FileMaxMB    int    // largest attachment of the documents register
	DatasetMaxMB int    // largest file of the open-data catalogue
	// QARetentionDays is how long the personal data of a citizen's
	// question (name, e-mail, phone, address hash) is kept.
	QARetentionDays int
	// SMTP is the server the back office's notifications are e-mailed
	// through; e-mail is off when its Host is empty. Its password comes
	// from SMTPPasswordFile or CONGTIN_SMTP_PASSWORD, read by Validate.
	SMTP             mail.Config
	SMTPPasswordFile string
	// TrustedProxies is -trusted-proxies as given; Validate parses it into
	// Proxies. HSTSMaxAge is in seconds, 0 for no HSTS (RegisterServe).
	TrustedProxies string
	Proxies        clientip.Trusted
	HSTSMaxAge     int
	// PollVotesPerHour is how many poll votes one address may cast in an
	// hour (RegisterServe).
	PollVotesPerHour int
}

// Defaults, also documented in the README.
const (
	DefaultDB   = "sqlite:congtin.db"
	DefaultAddr = ":8080"
	// DefaultQARetentionDays keeps a citizen's personal data for a year:
	// long enough to follow up an answer, no longer.
	DefaultQARetentionDays = 365
)

// Register adds the shared flags to fs, with defaults taken from the
// environment: CONGTIN_DB, CONGTIN_ADDR, CONGTIN_BASE_URL, CONGTIN_FLUSH,
// CONGTIN_LOG_JSON.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", env("CONGTIN_DB", DefaultDB), "database: sqlite:PATH, or postgres://USER@HOST/NAME for PostgreSQL (password in the URL, PGPASSWORD or ~/.pgpass) (env CONGTIN_DB)")
	fs.StringVar(&c.Addr, "addr", env("CONGTIN_ADDR", DefaultAddr), "listen address (env CONGTIN_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", env("CONGTIN_BASE_URL", ""), "public base URL for absolute links, e.g. https://example.gov.vn (env CONGTIN_BASE_URL)")
	d, _ := time.ParseDuration(env("CONGTIN_FLUSH", "1s"))
	fs.DurationVar(&c.FlushInterval, "flush", max(d, 0), "how often view and visit counts are written (env CONGTIN_FLUSH)")
	fs.StringVar(&c.MediaDir, "media-dir", env("CONGTIN_MEDIA_DIR", ""), "folder for uploaded images (env CONGTIN_MEDIA_DIR; default: media/ beside a SQLite database, media/ in the working directory with PostgreSQL)")
	cacheMB, err := strconv.Atoi(env("CONGTIN_PAGE_CACHE_MB", "32"))
	if err != nil {
		cacheMB = -1 // reported by Validate
	}
	fs.IntVar(&c.PageCacheMB, "page-cache-mb", cacheMB, "memory for cached pages in MB, 0 for none (env CONGTIN_PAGE_CACHE_MB)")
	mmapMB, err := strconv.Atoi(env("CONGTIN_SQLITE_MMAP_MB", "0"))
	if err != nil {
		mmapMB = -1 // reported by Validate
	}
	fs.IntVar(&c.SQLiteMmapMB, "sqlite-mmap-mb", mmapMB, "MB of a SQLite database that searches read through a memory map, 0 for none (env CONGTIN_SQLITE_MMAP_MB)")
	fileMB, err := strconv.Atoi(env("CONGTIN_FILE_MAX_MB", "20"))
	if err != nil || fileMB < 1 || fileMB > 1024 {
		fileMB = 20
	}
	fs.StringVar(&c.MediaStore, "media-store", env("CONGTIN_MEDIA_STORE", ""), "where images and attachments are stored: empty for the -media-dir folder, or s3://BUCKET/PREFIX?endpoint=HOST:PORT&region=R (env CONGTIN_MEDIA_STORE)")
	redirectMB, err := strconv.Atoi(env("CONGTIN_MEDIA_REDIRECT_ABOVE_MB", "8"))
	if err != nil {
		redirectMB = -1 // reported by Validate
	}
	fs.IntVar(&c.MediaRedirectAboveMB, "media-redirect-above-mb", redirectMB, "public attachments larger than this many MB are downloaded straight from an object store that can presign URLs, 0 for never (env CONGTIN_MEDIA_REDIRECT_ABOVE_MB)")
	copiesMB, err := strconv.Atoi(env("CONGTIN_MEDIA_CACHE_MB", "256"))
	if err != nil {
		copiesMB = -1 // reported by Validate
	}
	fs.IntVar(&c.MediaCacheMB, "media-cache-mb", copiesMB, "with -media-store: MB of this node's disk (in the -media-dir folder's .object-cache) holding copies of the images and attachments it served, read again without the object store and while it is down (env CONGTIN_MEDIA_CACHE_MB)")
	fs.IntVar(&c.FileMaxMB, "file-max-mb", fileMB, "largest attachment of a document (Văn bản) in MB (env CONGTIN_FILE_MAX_MB)")
	dataMB, err := strconv.Atoi(env("CONGTIN_DATASET_MAX_MB", "50"))
	if err != nil || dataMB < 1 || dataMB > 4096 {
		dataMB = 50
	}
	fs.IntVar(&c.DatasetMaxMB, "dataset-max-mb", dataMB, "largest file of an open dataset (Dữ liệu mở: CSV, XLSX, JSON) in MB (env CONGTIN_DATASET_MAX_MB)")
	days, err := strconv.Atoi(env("CONGTIN_QA_RETENTION_DAYS", strconv.Itoa(DefaultQARetentionDays)))
	if err != nil || days == 0 {
		days = -1 // reported by Validate
	}
	c.QARetentionDays = days
	// A flag.Func, so that an explicit 0 is refused rather than taken for
	// "not set" by Validate.
	fs.Func("qa-retention-days", "days the name, e-mail, phone and address hash of a citizen's question are kept, 1 to 36500 (env CONGTIN_QA_RETENTION_DAYS, default 365)",
		func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("not a whole number of days")
			}
			if n == 0 {
				n = -1
			}
			c.QARetentionDays = n
			return nil
		})
	fs.BoolVar(&c.LogJSON, "log-json", env("CONGTIN_LOG_JSON", "") != "", "log as JSON lines (env CONGTIN_LOG_JSON=1)")
	fs.BoolVar(&c.LogRequests, "log-requests", envBool("CONGTIN_LOG_REQUESTS", true), "log one line per request (env CONGTIN_LOG_REQUESTS=0 to turn off)")
	fs.StringVar(&c.SMTP.Host, "smtp-host", env("CONGTIN_SMTP_HOST", ""), "SMTP server that e-mails the back office's notifications; empty: no e-mail (env CONGTIN_SMTP_HOST)")
	port, err := strconv.Atoi(env("CONGTIN_SMTP_PORT", "587"))
	if err != nil {
		port = -1 // reported by Validate
	}
	fs.IntVar(&c.SMTP.Port, "smtp-port", port, "SMTP server's port (env CONGTIN_SMTP_PORT)")
	fs.StringVar(&c.SMTP.TLS, "smtp-tls", env("CONGTIN_SMTP_TLS", mail.StartTLS), "starttls (port 587), tls (port 465) or none (a relay on this machine or network) (env CONGTIN_SMTP_TLS)")
	fs.StringVar(&c.SMTP.From, "smtp-from", env("CONGTIN_SMTP_FROM", ""), "sender address of the e-mails, e.g. thongbao@example.gov.vn (env CONGTIN_SMTP_FROM)")
	fs.StringVar(&c.SMTP.Username, "smtp-user", env("CONGTIN_SMTP_USER", ""), "user name to sign in to the SMTP server; empty: no sign-in (env CONGTIN_SMTP_USER)")
	fs.StringVar(&c.SMTPPasswordFile, "smtp-password-file", env("CONGTIN_SMTP_PASSWORD_FILE", ""), "file holding the SMTP password (env CONGTIN_SMTP_PASSWORD_FILE; or the password itself in CONGTIN_SMTP_PASSWORD)")
	// The token's environment variable is read in Validate, not used as the
	// flag's default, so that -h never prints it.
	fs.StringVar(&c.MetricsToken, "metrics-token", "", "bearer token Prometheus must send to read /metrics; without one, only direct requests from this machine may (env CONGTIN_METRICS_TOKEN)")
}

// envBool reads a yes/no variable: 0, false, no and off are no.
func envBool(key string, def bool) bool {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		return def
	}
	switch strings.ToLower(v) {
	case "0", "false", "no", "off":
		return false
	}
	return true
}

// Validate checks the settings.
func (c *Config) Validate() error {
	if c.MetricsToken == "" {
		c.MetricsToken = os.Getenv("CONGTIN_METRICS_TOKEN")
	}
	if _, ok := c.PostgresURL(); ok {
		// The message leaves the URL out: it may hold a password.
		if _, err := url.Parse(c.DB); err != nil {
			return fmt.Errorf("config: -db is not a valid postgres:// URL")
		}
		if c.MediaDir == "" {
			// No database file to put them beside.
			c.MediaDir = "media"
		}
	} else {
		path, err := c.SQLitePath()
		if err != nil {
			return err
		}
		if c.MediaDir == "" {
			c.MediaDir = filepath.Join(filepath.Dir(path), "media")
		}
	}
	if c.FlushInterval < 50*time.Millisecond || c.FlushInterval > time.Minute {
		return fmt.Errorf("config: -flush must be between 50ms and 1m, got %s", c.FlushInterval)
	}
	if c.PageCacheMB < 0 || c.PageCacheMB > 4096 {
		return fmt.Errorf("config: -page-cache-mb must be between 0 and 4096")
	}
	if c.SQLiteMmapMB < 0 || c.SQLiteMmapMB > 2047 {
		return fmt.Errorf("config: -sqlite-mmap-mb must be between 0 and 2047 (SQLite maps at most 2 GB)")
	}
	if c.MediaRedirectAboveMB < 0 || c.MediaRedirectAboveMB > 1<<20 {
		return fmt.Errorf("config: -media-redirect-above-mb must be a whole number of MB from 0 (never redirect) to 1048576")
	}
	if c.MediaStore != "" && (c.MediaCacheMB < 1 || c.MediaCacheMB > 1<<20) {
		return fmt.Errorf("config: -media-cache-mb must be a whole number of MB from 1 to 1048576")
	}
	if c.QARetentionDays == 0 {
		// A Config made in code rather than by Register.
		c.QARetentionDays = DefaultQARetentionDays
	}
	if c.QARetentionDays < 1 || c.QARetentionDays > 36500 {
		return fmt.Errorf("config: -qa-retention-days must be a whole number of days from 1 to 36500")
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return fmt.Errorf("config: -base-url must start with http:// or https://")
	}
	if err := c.validatePolls(); err != nil {
		return err
	}
	if err := c.validateProxy(); err != nil {
		return err
	}
	return c.validateSMTP()
}

// validateSMTP reads the SMTP password and checks the SMTP settings, when
// there is a server. No message names the password.
func (c *Config) validateSMTP() error {
	if c.SMTP.Host == "" {
		return nil
	}
	switch {
	case c.SMTPPasswordFile != "":
		b, err := os.ReadFile(c.SMTPPasswordFile)
		if err != nil {
			return fmt.Errorf("config: -smtp-password-file: %w", err)
		}
		c.SMTP.Password = strings.TrimRight(string(b), "\r\n")
	case c.SMTP.Password == "":
		c.SMTP.Password = os.Getenv("CONGTIN_SMTP_PASSWORD")
	}
	if err := c.SMTP.Validate(); err != nil {
		return fmt.Errorf("config: %w (see -smtp-host, -smtp-port, -smtp-tls, -smtp-from, -smtp-user)", err)
	}
	return nil
}

// SQLitePath returns the file path of a sqlite: database setting.
func (c *Config) SQLitePath() (string, error) {
	path, ok := strings.CutPrefix(c.DB, "sqlite:")
	if !ok || path == "" {
		return "", fmt.Errorf("config: -db must look like sqlite:PATH or postgres://USER@HOST/NAME, got %q", c.DBForLog())
	}
	return path, nil
}

// PostgresURL returns the URL of a postgres:// or postgresql:// database
// setting, and whether the setting is one.
func (c *Config) PostgresURL() (string, bool) {
	if strings.HasPrefix(c.DB, "postgres://") || strings.HasPrefix(c.DB, "postgresql://") {
		return c.DB, true
	}
	return "", false
}

// DBForLog returns the database setting with any password hidden, for
// logs and messages.
func (c *Config) DBForLog() string {
	if _, ok := c.PostgresURL(); !ok {
		return c.DB
	}
	u, err := url.Parse(c.DB)
	if err != nil {
		return "postgres://…" // unparsable: show nothing that might be a secret
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
