package congtin

import (
	"context"
	"time"
)

// Kinds of background job.
const (
	// JobFileText reads an attachment's text (RefID: the document file).
	JobFileText = "file_text"
	// JobConsultationFileText reads a consultation's attachment (RefID:
	// the consultation file).
	JobConsultationFileText = "consultation_file_text"
)

// Job is a unit of background work kept in the database, so that it
// survives a restart and is taken by one process at a time.
type Job struct {
	ID        int64
	SiteID    int64
	Kind      string
	RefID     int64
	Attempts  int    // claims so far, this one included
	LastError string // why the last attempt ended early
	RunAt     time.Time
}

// JobTx queues and takes background jobs.
type JobTx interface {
	// QueueJob queues a job of the kind about refID, due at runAt; a job
	// already queued about it is reset (due at runAt, no attempts).
	QueueJob(ctx context.Context, siteID int64, kind string, refID int64, runAt time.Time) error
	// ClaimJob takes the job of one of the kinds that has been due
	// longest, holds it for worker until now+lease (another worker cannot
	// take it meanwhile) and counts the attempt; nil when none is due.
	ClaimJob(ctx context.Context, kinds []string, worker string, lease time.Duration) (*Job, error)
	// ExtendJob renews worker's hold of a job it claimed, to now+lease;
	// false when it no longer holds it.
	ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) (bool, error)
	// ReleaseJob gives a job back, due at runAt, noting why.
	ReleaseJob(ctx context.Context, id int64, runAt time.Time, lastError string) error
	// DeleteJob removes a job (done, or no longer wanted); DeleteJobsAbout
	// removes the kind's job about refID if there is one.
	DeleteJob(ctx context.Context, id int64) error
	DeleteJobsAbout(ctx context.Context, kind string, refID int64) error
}

// JobStore counts the queue, for the back office and the metrics.
type JobStore interface {
	// CountJobs returns how many jobs of the kind are queued, and how many
	// of them are due now.
	CountJobs(ctx context.Context, kind string) (queued, due int, err error)
}
