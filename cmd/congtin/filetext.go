package main

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/ocr"
)

// fileTextEvery is how often the worker looks for queued attachments
// another process (or a restart) left: this process's own wake it at
// once.
const fileTextEvery = 10 * time.Second

// fileTextReader reads attachments' text with the programs this server
// has, and says in the log what it lacks: congtin runs without them,
// documents then being found by their number and summary only.
func fileTextReader(ctx context.Context, files docfile.Store, log *slog.Logger) *docfile.TextReader {
	o := &ocr.Reader{Log: log}
	if err := o.Check(ctx); err != nil {
		log.Warn("scanned attachments will not be read: "+congtin.ErrorMessage(err), "install", "tesseract-ocr tesseract-ocr-vie poppler-utils")
	}
	x := &docfile.Extractor{Log: log}
	// Looked up, not run: start-up stays free of subprocesses.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		log.Warn("PDF text falls back to the built-in reader: pdftotext not found", "install", "poppler-utils")
	}
	return &docfile.TextReader{Files: files, Extractor: x, OCR: o, Log: log}
}

// workerName names this process in the job queue.
func workerName() string {
	h, _ := os.Hostname()
	return h + ":" + strconv.Itoa(os.Getpid())
}

// fileTextLoop reads queued attachments' text until ctx ends.
func fileTextLoop(ctx context.Context, a *app.App, r congtin.FileTextReader, log *slog.Logger) {
	t := time.NewTicker(fileTextEvery)
	defer t.Stop()
	worker := workerName()
	woken := true // jobs left by the last run
	for {
		due := woken
		if !due {
			_, n, err := a.CountJobs(ctx, congtin.JobFileText)
			if err != nil && ctx.Err() == nil {
				log.Warn("looking for attachments to read failed", "error", err)
			}
			due = n > 0
		}
		if due {
			if _, err := a.RunFileTextJobs(ctx, r, worker, log); err != nil && ctx.Err() == nil {
				log.Warn("reading attachments' text failed; tried again later", "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			woken = false
		case <-a.JobWake():
			woken = true
		}
	}
}
