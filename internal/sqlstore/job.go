package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.JobTx = (*Tx)(nil)
var _ congtin.JobStore = (*DB)(nil)

// QueueJob implements congtin.JobTx.
func (tx *Tx) QueueJob(ctx context.Context, siteID int64, kind string, refID int64, runAt time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO jobs (site_id, kind, ref_id, run_at, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (kind, ref_id) DO UPDATE SET site_id = excluded.site_id, run_at = excluded.run_at, attempts = 0, held_by = '', last_error = ''`,
		siteID, kind, refID, runAt, tx.now)
	return tx.db.wrap("queue job", err)
}

// ClaimJob implements congtin.JobTx. The claim is a conditional UPDATE
// that checks the job is still due: when two workers (two processes on
// one PostgreSQL) pick the same job, the second's UPDATE waits for the
// first's row lock, finds run_at moved past now and changes nothing, and
// that worker looks again.
func (tx *Tx) ClaimJob(ctx context.Context, kinds []string, worker string, lease time.Duration) (*congtin.Job, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	for range 5 {
		var j congtin.Job
		err := tx.QueryRow(ctx, `SELECT id, site_id, kind, ref_id, attempts, last_error, run_at FROM jobs
			WHERE kind IN (`+placeholders(len(kinds))+`) AND run_at <= ? ORDER BY run_at, id LIMIT 1`,
			append(anys(kinds), tx.now)...).Scan(&j.ID, &j.SiteID, &j.Kind, &j.RefID, &j.Attempts, &j.LastError, at(&j.RunAt))
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return nil, nil
			}
			return nil, tx.db.wrap("claim job", err)
		}
		res, err := tx.Exec(ctx, `UPDATE jobs SET run_at = ?, held_by = ?, attempts = attempts + 1 WHERE id = ? AND run_at <= ?`,
			tx.now.Add(lease), worker, j.ID, tx.now)
		if err != nil {
			return nil, tx.db.wrap("claim job", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return nil, tx.db.wrap("claim job", err)
		} else if n == 1 {
			j.Attempts++
			j.RunAt = tx.now.Add(lease)
			return &j, nil
		}
	}
	return nil, nil
}

// ExtendJob implements congtin.JobTx.
func (tx *Tx) ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) (bool, error) {
	res, err := tx.Exec(ctx, `UPDATE jobs SET run_at = ? WHERE id = ? AND held_by = ?`, tx.now.Add(lease), id, worker)
	if err != nil {
		return false, tx.db.wrap("extend job", err)
	}
	n, err := res.RowsAffected()
	return n == 1, tx.db.wrap("extend job", err)
}

// ReleaseJob implements congtin.JobTx.
func (tx *Tx) ReleaseJob(ctx context.Context, id int64, runAt time.Time, lastError string) error {
	_, err := tx.Exec(ctx, `UPDATE jobs SET run_at = ?, held_by = '', last_error = ? WHERE id = ?`, runAt, lastError, id)
	return tx.db.wrap("release job", err)
}

// DeleteJob implements congtin.JobTx.
func (tx *Tx) DeleteJob(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM jobs WHERE id = ?`, id)
	return tx.db.wrap("delete job", err)
}

// DeleteJobsAbout implements congtin.JobTx.
func (tx *Tx) DeleteJobsAbout(ctx context.Context, kind string, refID int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM jobs WHERE kind = ? AND ref_id = ?`, kind, refID)
	return tx.db.wrap("delete job", err)
}

// CountJobs implements congtin.JobStore.
func (db *DB) CountJobs(ctx context.Context, kind string) (queued, due int, err error) {
	err = db.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN run_at <= ? THEN 1 ELSE 0 END), 0) FROM jobs WHERE kind = ?`,
		db.Now(), kind).Scan(&queued, &due)
	return queued, due, db.wrap("count jobs", err)
}
