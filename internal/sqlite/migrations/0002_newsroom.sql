-- The newsroom: users with per-site roles, sessions in the database (so
-- several processes can share them), API tokens, sign-in failures for the
-- lock-out, the audit log, revisions and workflow notes, media, and
-- redirects from renamed categories.
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	username      TEXT NOT NULL UNIQUE,
	display_name  TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	super_admin   INTEGER NOT NULL DEFAULT 0,
	disabled      INTEGER NOT NULL DEFAULT 0,
	created_at    INTEGER NOT NULL
);

CREATE TABLE memberships (
	site_id INTEGER NOT NULL REFERENCES sites (id),
	user_id INTEGER NOT NULL REFERENCES users (id),
	role    TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
	PRIMARY KEY (site_id, user_id)
) WITHOUT ROWID;

-- Only a hash of each session token is stored: a copy of the database
-- does not let anyone sign in.
CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	ip         TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	user_id    INTEGER NOT NULL REFERENCES users (id),
	name       TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);

CREATE TABLE login_failures (
	username TEXT NOT NULL,
	ip       TEXT NOT NULL,
	at       INTEGER NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (username, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_log (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL DEFAULT 0,
	user_id     INTEGER NOT NULL DEFAULT 0,
	username    TEXT NOT NULL DEFAULT '',
	ip          TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL,
	object_type TEXT NOT NULL DEFAULT '',
	object_id   INTEGER NOT NULL DEFAULT 0,
	detail      TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL
);
CREATE INDEX audit_log_site ON audit_log (site_id, id DESC);

ALTER TABLE articles ADD COLUMN created_by INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_site_updated ON articles (site_id, updated_at DESC, id DESC);

CREATE TABLE revisions (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL,
	article_id   INTEGER NOT NULL REFERENCES articles (id),
	user_id      INTEGER NOT NULL DEFAULT 0,
	user_name    TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	category_id  INTEGER NOT NULL,
	title        TEXT NOT NULL,
	lead         TEXT NOT NULL,
	body         TEXT NOT NULL,
	author       TEXT NOT NULL,
	image        TEXT NOT NULL,
	slug         TEXT NOT NULL,
	featured     INTEGER NOT NULL,
	published_at INTEGER NOT NULL,
	note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_article ON revisions (article_id, id DESC);

CREATE TABLE notes (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id),
	user_name  TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL,
	status     TEXT NOT NULL,
	comment    TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX notes_article ON notes (article_id, id);

CREATE TABLE media (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	hash         TEXT NOT NULL,
	name         TEXT NOT NULL DEFAULT '',
	content_type TEXT NOT NULL,
	width        INTEGER NOT NULL,
	height       INTEGER NOT NULL,
	variants     TEXT NOT NULL, -- JSON: [{"width":320,"height":180,"key":"ab/…-320.jpg"}, …]
	uploaded_by  INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	UNIQUE (site_id, hash)
);

CREATE TABLE category_redirects (
	site_id     INTEGER NOT NULL,
	old_slug    TEXT NOT NULL,
	category_id INTEGER NOT NULL REFERENCES categories (id),
	PRIMARY KEY (site_id, old_slug)
) WITHOUT ROWID;
