-- Comments on a consultation's draft (góp ý dự thảo, issue 18), sent by
-- citizens and organisations without an account, moderated by staff.
--
-- As a question's (migration 0010): code_hash is the SHA-256 of the
-- sender's lookup code, never the code; form_nonce makes each signed form
-- good for one comment; email, phone and ip_hash are private and blanked
-- after the retention period (purged_at), with the name of a comment that
-- was never published. article is the article (Điều) of the draft the
-- comment concerns, 0 for the whole draft: the export groups by it. The
-- attachment, if any, is stored by its hash like a document's files.
CREATE TABLE consultation_comments (
	id              INTEGER PRIMARY KEY,
	site_id         INTEGER NOT NULL REFERENCES sites (id),
	consultation_id INTEGER NOT NULL REFERENCES consultations (id),
	code_hash       TEXT NOT NULL UNIQUE,
	form_nonce      TEXT NOT NULL UNIQUE,
	name            TEXT NOT NULL,
	organization    TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	phone           TEXT NOT NULL DEFAULT '',
	article         INTEGER NOT NULL DEFAULT 0,
	body            TEXT NOT NULL,
	file_name       TEXT NOT NULL DEFAULT '',
	file_kind       TEXT NOT NULL DEFAULT '',
	file_size       INTEGER NOT NULL DEFAULT 0,
	file_hash       TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT 'pending',
	answer          TEXT NOT NULL DEFAULT '',
	answered_by     INTEGER NOT NULL DEFAULT 0,
	answered_at     INTEGER,
	ip_hash         TEXT NOT NULL DEFAULT '',
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	purged_at       INTEGER,
	version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consultation_comments_list ON consultation_comments (consultation_id, status, article, created_at, id);
CREATE INDEX consultation_comments_sender ON consultation_comments (ip_hash, created_at);

-- The report on the comments (báo cáo tổng hợp, tiếp thu, giải trình):
-- its text is report_html (migration 0027), its signed file one file kept
-- in these columns (file_hash '' for none).
ALTER TABLE consultations ADD COLUMN report_file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE consultations ADD COLUMN report_file_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE consultations ADD COLUMN report_file_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consultations ADD COLUMN report_file_hash TEXT NOT NULL DEFAULT '';
