-- Public consultation on draft documents (Lấy ý kiến dự thảo, issue 18):
-- a draft put out for comment for a period, through the shared workflow.
--
-- document_id is the document of the register issued from the draft, NULL
-- until then. search_text holds the folded words of the number, title,
-- drafter and summary, matched with LIKE by the lists' own search, as the
-- questions' search_text is.
--
-- The later part of the issue (comments, moderation, the report) fits
-- without changing these columns: comments go to their own table keyed by
-- consultation_id (with an article of the draft, a state, a lookup code
-- and the answer), and the report, published after the close, is
-- report_html with report_at (NULL: none yet) and its file one of
-- consultation_files.
CREATE TABLE consultations (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	number       TEXT NOT NULL,
	title        TEXT NOT NULL,
	slug         TEXT NOT NULL,
	drafter      TEXT NOT NULL,
	summary      TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL DEFAULT '',
	opens_at     INTEGER NOT NULL,
	closes_at    INTEGER NOT NULL,
	contact      TEXT NOT NULL DEFAULT '',
	document_id  INTEGER REFERENCES documents (id),
	search_text  TEXT NOT NULL DEFAULT '',
	report_html  TEXT NOT NULL DEFAULT '',
	report_at    INTEGER,
	status       TEXT NOT NULL DEFAULT 'draft',
	published_at INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	created_by   INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consultations_public ON consultations (site_id, status, closes_at);
CREATE INDEX consultations_admin ON consultations (site_id, updated_at DESC, id DESC);

CREATE TABLE consultation_revisions (
	id              INTEGER PRIMARY KEY,
	site_id         INTEGER NOT NULL,
	consultation_id INTEGER NOT NULL REFERENCES consultations (id),
	user_id         INTEGER NOT NULL DEFAULT 0,
	user_name       TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	note            TEXT NOT NULL DEFAULT '',
	number          TEXT NOT NULL,
	title           TEXT NOT NULL,
	drafter         TEXT NOT NULL,
	summary         TEXT NOT NULL,
	body            TEXT NOT NULL,
	opens_at        INTEGER NOT NULL,
	closes_at       INTEGER NOT NULL,
	contact         TEXT NOT NULL,
	document_id     INTEGER NOT NULL DEFAULT 0,
	files           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consultation_revisions_consultation ON consultation_revisions (consultation_id, id DESC);

-- The draft's attachments: a sibling of document_files with the same
-- columns (the store's file code serves both), read in the background by
-- the same worker through jobs of kind 'consultation_file_text'.
CREATE TABLE consultation_files (
	id              INTEGER PRIMARY KEY,
	site_id         INTEGER NOT NULL,
	consultation_id INTEGER NOT NULL REFERENCES consultations (id),
	name            TEXT NOT NULL,
	kind            TEXT NOT NULL,
	size            INTEGER NOT NULL,
	hash            TEXT NOT NULL, -- SHA-256 of the bytes: the file's key in the store
	text            TEXT NOT NULL DEFAULT '',
	text_note       TEXT NOT NULL DEFAULT '',
	text_state      TEXT NOT NULL DEFAULT 'done',
	text_source     TEXT NOT NULL DEFAULT '',
	position        INTEGER NOT NULL DEFAULT 0,
	created_at      INTEGER NOT NULL
);
CREATE INDEX consultation_files_consultation ON consultation_files (consultation_id, position, id);
