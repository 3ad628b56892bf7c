package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/static"
	"github.com/congtin/congtin/internal/web"
)

func runServe(ctx context.Context, args []string, stderr io.Writer, withDemo bool) error {
	c := newCommand("serve", stderr)
	cfg := &c.cfg
	c.fs.BoolVar(&cfg.Demo, "demo", withDemo, "fill an empty database with demo content")
	cfg.RegisterServe(c.fs)
	if err := c.parse(args); err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogJSON)
	// A soft memory limit makes the collector work harder before the heap
	// doubles past what is live (the page cache, visitors, buffers), so a
	// small server's footprint stays near what congtin holds. GOMEMLIMIT,
	// Go's own setting, overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}

	db, site, err := openSite(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.BaseURL == "" && site.CanonicalHost == "" && cfg.Demo && demoBaseURL(cfg.Addr) != "" {
		// The demo is looked at on this machine: its feeds and sitemaps
		// are valid with the address it listens on.
		cfg.BaseURL = demoBaseURL(cfg.Addr)
		log.Info("demo: absolute URLs use the listening address", "base_url", cfg.BaseURL)
	}
	if cfg.BaseURL == "" && site.CanonicalHost == "" {
		log.Warn("the default site has no host: its absolute URLs are relative, and its feeds and sitemaps invalid; set -base-url or congtin site set -canonical-host HOST")
	}
	// Attachments of the documents register live beside the images, in
	// a folder no image key can name.
	blobs, storeMetrics, err := servingBlobs(ctx, cfg, log)
	if err != nil {
		return err
	}
	files := docfile.Files{Blobs: blobs, RedirectAbove: int64(cfg.MediaRedirectAboveMB) << 20}
	if cfg.Demo {
		if err := fillDemo(ctx, db, site, files, log); err != nil {
			return err
		}
	}

	assets, err := static.New()
	if err != nil {
		return err
	}
	engine, err := render.New(assets.URL)
	if err != nil {
		return err
	}
	counter := counters.New(db, cfg.FlushInterval, log)
	counter.Start()
	mediaStore := media.Files{Blobs: blobs}
	db.App.Mail = cfg.SMTP.Host != ""
	adm := admin.New(db, admin.Config{Render: engine, Blobs: blobs, Log: log, FileMaxBytes: int64(max(cfg.FileMaxMB, 1)) << 20,
		DatasetMaxBytes: int64(max(cfg.DatasetMaxMB, 1)) << 20,
		Mail:            db.App.Mail, BaseURL: cfg.BaseURL})
	srv := &web.Server{Services: web.NewServices(db), Counter: counter, Render: engine, Assets: assets, Log: log, BaseURL: cfg.BaseURL,
		Admin: adm.Handler(), Media: mediaStore, Files: files, QARetentionDays: cfg.QARetentionDays,
		PollVotesPerHour: cfg.PollVotesPerHour}
	if err := startPageCache(ctx, srv, db.DB, cfg.PageCacheMB, log); err != nil {
		counter.Close()
		return err
	}
	srv.Metrics = newMetrics(db.DB, counter, func() *pagecache.Cache { return srv.Cache })
	if storeMetrics != nil {
		srv.Metrics.Writer(storeMetrics)
	}
	srv.MetricsToken = cfg.MetricsToken
	srv.LogRequests = cfg.LogRequests
	srv.TrustedProxies, srv.HSTSMaxAge = cfg.Proxies, cfg.HSTSMaxAge
	if p, ok := blobs.(blob.Pinger); ok {
		srv.Blobs = p
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		counter.Close()
		return err
	}
	go purgeLoop(ctx, db, cfg.QARetentionDays, log)
	// The attachment reader gives its job back when ctx ends; the
	// database stays open until it has.
	readerCtx, stopReader := context.WithCancel(ctx)
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		fileTextLoop(readerCtx, db.App, fileTextReader(readerCtx, files, log), log)
	}()
	defer func() { stopReader(); <-readerDone }()
	if cfg.SMTP.Host != "" {
		go mailLoop(ctx, db.App, &cfg.SMTP, cfg.BaseURL, log)
		log.Info("e-mail notifications on", "smtp", net.JoinHostPort(cfg.SMTP.Host, strconv.Itoa(cfg.SMTP.Port)), "tls", cfg.SMTP.TLS)
	}
	log.Info("congtin serving", "addr", ln.Addr().String(), "db", cfg.DBForLog(), "trusted_proxies", cfg.Proxies.String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err = <-errc:
	case <-ctx.Done():
		log.Info("shutting down: finishing requests and writing counters")
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		err = hs.Shutdown(sctx)
		cancel()
	}
	// Counters last: requests finished above may still have counted.
	if cerr := counter.Close(); cerr != nil {
		log.Error("writing counters at shutdown failed", "error", cerr)
		err = errors.Join(err, cerr)
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// fillDemo imports the demo portal into a database without articles.
func fillDemo(ctx context.Context, db congtin.Service, site *congtin.Site, files docfile.Store, log *slog.Logger) error {
	_, n, err := db.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Limit: 1})
	if err != nil {
		return err
	}
	if n > 0 {
		log.Info("demo: the database has articles already; leaving it as it is")
		return nil
	}
	now := time.Now()
	ds, recs := demo.Content(now)
	if _, err := db.UpdateSite(ctx, site.ID, congtin.SiteUpdate{
		Name: &ds.Name, Tagline: &ds.Tagline, Agency: &ds.Agency, Address: &ds.Address,
		Phone: &ds.Phone, Email: &ds.Email, CounterOffset: &ds.CounterOffset,
	}); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	res, err := db.ImportArticles(ctx, site.ID, recs)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// Two months of visits and views, so the statistics have a history.
	arts := make([]*congtin.Article, len(res))
	for i, r := range res {
		arts[i] = r.Article
	}
	if err := db.AddCounts(ctx, demo.Traffic(now, site.ID, arts)); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := demo.FillSections(ctx, db, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The documents register with its attachments, then the Q&A, whose
	// answers link to documents.
	if err := demo.FillDocuments(ctx, db, files, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := demo.FillQuestions(ctx, db, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := demo.FillPolls(ctx, db, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// Consultations on drafts, one of them issued as a document of the
	// register.
	if err := demo.FillConsultations(ctx, db, files, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The open-data catalogue, one of its tables in Windows-1258.
	if err := demo.FillDatasets(ctx, db, files, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// Press releases, which /phat-ngon lists with the spokesperson.
	if err := demo.FillPressReleases(ctx, db, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// Projects, the first linked to a document of the register, and
	// procurement notices: one open, one closed, one with its result.
	if err := demo.FillProjects(ctx, db, site.ID, now); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	// The administrative procedures, through the CSV import.
	if err := demo.FillProcedures(ctx, db, site.ID); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	log.Info("demo: filled the portal", "articles", len(res), "days of visits", demo.TrafficDays)
	return nil
}

// startPageCache turns on the page cache and the change watcher that
// keeps it fresh from the store's change log, when the cache has a size.
func startPageCache(ctx context.Context, srv *web.Server, changes congtin.ChangeStore, mb int, log *slog.Logger) error {
	if mb <= 0 {
		log.Info("page cache off")
		return nil
	}
	srv.Changes = changes
	if err := srv.SyncChanges(ctx); err != nil {
		return err
	}
	srv.Cache = pagecache.New(mb << 20)
	go srv.WatchChanges(ctx)
	return nil
}

// defaultMemoryLimit is the soft limit on Go's memory: room for the
// default page cache (32 MB) and a busy day's visitors, twice what is
// live under load. SQLite's own memory (its page caches) is outside it.
// At 100 MiB congtin peaked at 151 MB resident through loadbench's
// scenarios over 100,000 articles; at 88 MiB, 133 MB (the target is
// under 150 MB), for the collector running a little more often.
const defaultMemoryLimit = 88 << 20

// demoBaseURL is the address a demo on addr is opened at in a browser on
// the same machine: localhost for a wildcard listener; "" when the port
// is not known before listening (0).
func demoBaseURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "0" || port == "" {
		return ""
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
