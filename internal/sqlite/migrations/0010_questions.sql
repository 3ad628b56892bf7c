-- Q&A ("Hỏi đáp"): citizens' questions and the newsroom's answers, with
-- the fields (lĩnh vực) they are filed under, their revisions and
-- workflow notes, and the secrets the installation makes for itself
-- (form-signing and address-hashing keys shared by every process).
CREATE TABLE qa_fields (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	name     TEXT NOT NULL,
	slug     TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, slug),
	UNIQUE (site_id, name)
);

-- The lookup code is kept only as a hash, as session tokens are: a copy
-- of the database does not tell anyone's code. form_nonce makes each
-- signed form good for one question. name, email, phone and ip_hash are
-- the personal data, blanked (purged_at set) after the retention period;
-- ip_hash is a keyed hash, never the address. search_text holds the
-- folded tokens of title, question and answer (package search), matched
-- with LIKE: a portal's questions are few enough to scan.
-- published_at and purged_at are NULL until they happen.
CREATE TABLE questions (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	field_id     INTEGER REFERENCES qa_fields (id),
	code_hash    TEXT NOT NULL UNIQUE,
	form_nonce   TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL,
	body         TEXT NOT NULL,
	answer       TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'returned', 'unpublished')),
	answered_by  INTEGER NOT NULL DEFAULT 0,
	name         TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	ip_hash      TEXT NOT NULL DEFAULT '',
	search_text  TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	published_at INTEGER,
	purged_at    INTEGER
);
CREATE INDEX questions_public ON questions (site_id, status, published_at DESC, id DESC);
CREATE INDEX questions_inbox ON questions (site_id, created_at DESC, id DESC);
CREATE INDEX questions_field ON questions (field_id);
CREATE INDEX questions_sender ON questions (ip_hash, created_at);
CREATE INDEX questions_unpurged ON questions (created_at) WHERE purged_at IS NULL;

CREATE TABLE question_revisions (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions (id),
	user_id     INTEGER NOT NULL DEFAULT 0,
	user_name   TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	title       TEXT NOT NULL,
	body        TEXT NOT NULL,
	answer      TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX question_revisions_question ON question_revisions (question_id, id DESC);

CREATE TABLE question_notes (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	question_id INTEGER NOT NULL REFERENCES questions (id),
	user_name   TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL,
	status      TEXT NOT NULL,
	comment     TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL
);
CREATE INDEX question_notes_question ON question_notes (question_id, id);

-- value is hex: copy-db and both stores move text, not blobs.
CREATE TABLE secrets (
	name       TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
