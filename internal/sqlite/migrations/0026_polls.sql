-- Polls (thăm dò ý kiến): a question put to readers, its options with
-- their counts, and one row per vote cast. The counts are added to in the
-- vote's transaction (votes = votes + 1), so they stay exact whatever the
-- number of processes; the vote rows hold the form's nonce (a form votes
-- once) and the keyed hash of the voter's address (the hourly limit),
-- never the choices: the counts are all that is published.
CREATE TABLE polls (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	question     TEXT NOT NULL,
	multiple     INTEGER NOT NULL DEFAULT 0,
	max_choices  INTEGER NOT NULL DEFAULT 1,
	show_results INTEGER NOT NULL DEFAULT 0,
	opens_at     INTEGER NOT NULL,
	closes_at    INTEGER NOT NULL,
	voters       INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL
);
CREATE INDEX polls_site_opens ON polls (site_id, opens_at DESC, id DESC);
CREATE INDEX polls_site_closes ON polls (site_id, closes_at DESC, id DESC);

CREATE TABLE poll_options (
	id       INTEGER PRIMARY KEY,
	poll_id  INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	label    TEXT NOT NULL,
	votes    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_poll ON poll_options (poll_id, position);

CREATE TABLE poll_votes (
	id         INTEGER PRIMARY KEY,
	poll_id    INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
	form_nonce TEXT NOT NULL UNIQUE,
	ip_hash    TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX poll_votes_sender ON poll_votes (ip_hash, created_at);
CREATE INDEX poll_votes_poll ON poll_votes (poll_id);
