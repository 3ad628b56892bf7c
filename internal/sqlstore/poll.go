package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.PollStore = (*DB)(nil)
var _ congtin.PollTx = (*Tx)(nil)

const pollColumns = `id, site_id, question, multiple, max_choices, show_results, opens_at, closes_at, voters, created_at, updated_at`

func scanPoll(row scanner) (*congtin.Poll, error) {
	var p congtin.Poll
	if err := row.Scan(&p.ID, &p.SiteID, &p.Question, &p.Multiple, &p.MaxChoices, &p.ShowResults,
		at(&p.OpensAt), at(&p.ClosesAt), &p.Voters, at(&p.CreatedAt), at(&p.UpdatedAt)); err != nil {
		return nil, err
	}
	return &p, nil
}

func scanPollOption(row scanner) (*congtin.PollOption, error) {
	var o congtin.PollOption
	err := row.Scan(&o.ID, &o.PollID, &o.Position, &o.Label, &o.Votes)
	return &o, err
}

// withOptions reads the options of the polls, in one query.
func withOptions(ctx context.Context, c conn, polls []*congtin.Poll) error {
	if len(polls) == 0 {
		return nil
	}
	byID := make(map[int64]*congtin.Poll, len(polls))
	pids := make([]int64, len(polls))
	for i, p := range polls {
		byID[p.ID], pids[i] = p, p.ID
	}
	opts, err := list(ctx, c, scanPollOption, `SELECT id, poll_id, position, label, votes FROM poll_options
		WHERE poll_id IN (`+placeholders(len(pids))+`) ORDER BY poll_id, position, id`, ids(pids)...)
	for _, o := range opts {
		p := byID[o.PollID]
		p.Options = append(p.Options, o)
	}
	return err
}

func findPoll(ctx context.Context, c conn, siteID, id int64) (*congtin.Poll, error) {
	p, err := scanPoll(c.QueryRow(ctx, `SELECT `+pollColumns+` FROM polls WHERE id = ? AND site_id = ?`, id, siteID))
	if err != nil {
		return nil, found(err, congtin.KindPoll)
	}
	return p, withOptions(ctx, c, []*congtin.Poll{p})
}

// FindPollByID implements congtin.PollStore.
func (db *DB) FindPollByID(ctx context.Context, siteID, id int64) (*congtin.Poll, error) {
	p, err := findPoll(ctx, db.conn, siteID, id)
	return p, db.wrap("find poll", err)
}

// FindPoll implements congtin.PollTx.
func (tx *Tx) FindPoll(ctx context.Context, siteID, id int64) (*congtin.Poll, error) {
	p, err := findPoll(ctx, tx.conn, siteID, id)
	return p, tx.db.wrap("find poll", err)
}

// FindPolls implements congtin.PollStore.
func (db *DB) FindPolls(ctx context.Context, f congtin.PollFilter) ([]*congtin.Poll, int, error) {
	var w where
	w.add("site_id = ?", f.SiteID)
	order := "created_at DESC, id DESC"
	switch f.State {
	case congtin.PollOpen:
		w.add("opens_at <= ? AND closes_at > ?", f.Now, f.Now)
		order = "opens_at DESC, id DESC"
	case congtin.PollClosed:
		w.add("closes_at <= ?", f.Now)
		order = "closes_at DESC, id DESC"
	}
	cond, args := w.String(), w.args
	total, err := db.count(ctx, `SELECT COUNT(*) FROM polls WHERE `+cond, args...)
	if err != nil || total == 0 {
		return nil, 0, db.wrap("count polls", err)
	}
	ps, err := list(ctx, db.conn, scanPoll, `SELECT `+pollColumns+` FROM polls WHERE `+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, limit(f.Limit, 50), max(f.Offset, 0))...)
	if err == nil {
		err = withOptions(ctx, db.conn, ps)
	}
	return ps, total, db.wrap("find polls", err)
}

// InsertPoll implements congtin.PollTx.
func (tx *Tx) InsertPoll(ctx context.Context, p *congtin.Poll) error {
	p.CreatedAt, p.UpdatedAt = tx.now, tx.now
	id, err := tx.insert(ctx, `INSERT INTO polls (site_id, question, multiple, max_choices, show_results, opens_at, closes_at, voters, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`, p.SiteID, p.Question, p.Multiple, p.MaxChoices, p.ShowResults, p.OpensAt, p.ClosesAt, tx.now, tx.now)
	if err != nil {
		return tx.db.wrap("insert poll", err)
	}
	p.ID = id
	return tx.writeOptions(ctx, p)
}

// UpdatePoll implements congtin.PollTx.
func (tx *Tx) UpdatePoll(ctx context.Context, p *congtin.Poll) error {
	res, err := tx.Exec(ctx, `UPDATE polls SET question = ?, multiple = ?, max_choices = ?, show_results = ?, opens_at = ?, closes_at = ?, updated_at = ?
		WHERE id = ? AND site_id = ?`, p.Question, p.Multiple, p.MaxChoices, p.ShowResults, p.OpensAt, p.ClosesAt, tx.now, p.ID, p.SiteID)
	if err != nil {
		return tx.db.wrap("update poll", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.NotFound(congtin.KindPoll)
	}
	p.UpdatedAt = tx.now
	return tx.writeOptions(ctx, p)
}

// writeOptions makes the poll's stored options p.Options, in their
// order: the counts of the options kept stay as they are.
func (tx *Tx) writeOptions(ctx context.Context, p *congtin.Poll) error {
	keep := []int64{}
	for _, o := range p.Options {
		if o.ID != 0 {
			keep = append(keep, o.ID)
		}
	}
	del := `DELETE FROM poll_options WHERE poll_id = ?`
	if len(keep) > 0 {
		del += ` AND id NOT IN (` + placeholders(len(keep)) + `)`
	}
	if _, err := tx.Exec(ctx, del, append([]any{p.ID}, ids(keep)...)...); err != nil {
		return tx.db.wrap("delete poll options", err)
	}
	for i, o := range p.Options {
		o.PollID, o.Position = p.ID, i+1
		if o.ID != 0 {
			if _, err := tx.Exec(ctx, `UPDATE poll_options SET position = ?, label = ? WHERE id = ? AND poll_id = ?`, o.Position, o.Label, o.ID, p.ID); err != nil {
				return tx.db.wrap("update poll option", err)
			}
			continue
		}
		id, err := tx.insert(ctx, `INSERT INTO poll_options (poll_id, position, label, votes) VALUES (?, ?, ?, 0)`, p.ID, o.Position, o.Label)
		if err != nil {
			return tx.db.wrap("insert poll option", err)
		}
		o.ID = id
	}
	return nil
}

// DeletePoll implements congtin.PollTx.
func (tx *Tx) DeletePoll(ctx context.Context, siteID, id int64) error {
	// The options and votes go with it (ON DELETE CASCADE), but deleting
	// them first does not rely on SQLite's foreign_keys setting.
	for _, q := range []string{`DELETE FROM poll_votes WHERE poll_id = ?`, `DELETE FROM poll_options WHERE poll_id = ?`} {
		if _, err := tx.Exec(ctx, q+` AND poll_id IN (SELECT id FROM polls WHERE site_id = ?)`, id, siteID); err != nil {
			return tx.db.wrap("delete poll", err)
		}
	}
	_, err := tx.Exec(ctx, `DELETE FROM polls WHERE id = ? AND site_id = ?`, id, siteID)
	return tx.db.wrap("delete poll", err)
}

// PollNonceUsed implements congtin.PollTx.
func (tx *Tx) PollNonceUsed(ctx context.Context, nonce string) (bool, error) {
	if !tx.db.d.Lookupable(nonce) {
		return false, nil
	}
	used, err := tx.exists(ctx, `SELECT 1 FROM poll_votes WHERE form_nonce = ?`, nonce)
	return used, tx.db.wrap("find poll nonce", err)
}

// CountPollVotesFrom implements congtin.PollTx.
func (tx *Tx) CountPollVotesFrom(ctx context.Context, ipHash string, since time.Time) (int, error) {
	if !tx.db.d.Lookupable(ipHash) {
		return 0, nil
	}
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM poll_votes WHERE ip_hash = ? AND created_at > ?`, ipHash, since)
	return n, tx.db.wrap("count poll votes", err)
}

// AddPollVote implements congtin.PollTx. The counts are incremented by
// the database, never written from a value read before: two processes
// voting at once each add their one.
func (tx *Tx) AddPollVote(ctx context.Context, pollID int64, optionIDs []int64, b congtin.Ballot) error {
	if _, err := tx.insert(ctx, `INSERT INTO poll_votes (poll_id, form_nonce, ip_hash, created_at) VALUES (?, ?, ?, ?)`,
		pollID, b.Nonce, clean(b.IPHash), tx.now); err != nil {
		return tx.db.wrap("insert poll vote", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE poll_options SET votes = votes + 1 WHERE poll_id = ? AND id IN (`+placeholders(len(optionIDs))+`)`,
		append([]any{pollID}, ids(optionIDs)...)...); err != nil {
		return tx.db.wrap("count poll vote", err)
	}
	_, err := tx.Exec(ctx, `UPDATE polls SET voters = voters + 1 WHERE id = ?`, pollID)
	return tx.db.wrap("count poll voter", err)
}
