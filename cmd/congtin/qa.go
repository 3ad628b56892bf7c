package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/congtin/congtin"
)

// runQA runs the Q&A section's commands: `congtin qa purge`.
func runQA(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "purge" {
		fmt.Fprint(stderr, "usage: congtin qa purge [-db …] [-qa-retention-days 365]\n")
		return errors.New("qa: unknown or missing subcommand (want purge)")
	}
	c := newCommand("qa purge", stderr)
	db, err := c.open(args[1:], func() error {
		if c.fs.NArg() > 0 {
			return fmt.Errorf("qa purge: unexpected argument %q", c.fs.Arg(0))
		}
		return nil
	})
	if err != nil {
		return err
	}
	defer db.Close()
	n, comments, cutoff, err := purgeQuestions(ctx, db, c.cfg.QARetentionDays, time.Now())
	if err != nil {
		return fmt.Errorf("qa purge: %w", err)
	}
	fmt.Fprintf(stdout, "blanked the personal data of %d question(s) and %d comment(s) on drafts sent before %s (%d days)\n",
		n, comments, cutoff.In(congtin.VietnamZone).Format("2006-01-02 15:04"), c.cfg.QARetentionDays)
	return nil
}

// citizenData is what keeps citizens' personal data: the Q&A's questions
// and the comments on consultations, kept for the same period.
type citizenData interface {
	congtin.QuestionService
	congtin.CommentService
}

// purgeQuestions blanks the personal data of the questions, and of the
// comments on drafts, older than the retention period at now.
func purgeQuestions(ctx context.Context, db citizenData, days int, now time.Time) (questions, comments int, cutoff time.Time, err error) {
	cutoff = now.Add(-time.Duration(days) * 24 * time.Hour)
	if questions, err = db.PurgeQuestionData(ctx, cutoff); err != nil {
		return 0, 0, cutoff, err
	}
	comments, err = db.PurgeCommentData(ctx, cutoff)
	return questions, comments, cutoff, err
}

// qaPurgeEvery is how often serve purges: the retention period counts in
// days, so an hour late is on time.
const qaPurgeEvery = time.Hour

// purgeLoop purges at start and then every qaPurgeEvery until ctx ends.
// Several processes on one database may purge at once: the purge only
// blanks what is still there, so doing it twice changes nothing.
func purgeLoop(ctx context.Context, db citizenData, days int, log *slog.Logger) {
	t := time.NewTicker(qaPurgeEvery)
	defer t.Stop()
	for {
		n, comments, cutoff, err := purgeQuestions(ctx, db, days, time.Now())
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("purging old questions' and comments' personal data failed; trying again later", "error", err)
		case n > 0 || comments > 0:
			log.Info("blanked the personal data of old questions and comments", "questions", n, "comments", comments, "sent_before", cutoff, "retention_days", days)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
