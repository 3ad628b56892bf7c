-- Sites: one installation hosts many agencies' portals, chosen by host name.
CREATE TABLE sites (
	id             INTEGER PRIMARY KEY,
	host           TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	tagline        TEXT NOT NULL DEFAULT '',
	agency         TEXT NOT NULL DEFAULT '',
	address        TEXT NOT NULL DEFAULT '',
	phone          TEXT NOT NULL DEFAULT '',
	email          TEXT NOT NULL DEFAULT '',
	counter_offset INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL
);

CREATE TABLE categories (
	id        INTEGER PRIMARY KEY,
	site_id   INTEGER NOT NULL REFERENCES sites (id),
	parent_id INTEGER REFERENCES categories (id),
	name      TEXT NOT NULL,
	slug      TEXT NOT NULL,
	position  INTEGER NOT NULL DEFAULT 0,
	hidden    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, slug)
);
CREATE UNIQUE INDEX categories_site_parent_name ON categories (site_id, IFNULL(parent_id, 0), name);

-- Times are Unix seconds (UTC); pages convert to Vietnam time.
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	category_id  INTEGER NOT NULL REFERENCES categories (id),
	title        TEXT NOT NULL,
	slug         TEXT NOT NULL,
	lead         TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	image        TEXT NOT NULL DEFAULT '',
	featured     INTEGER NOT NULL DEFAULT 0,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'returned', 'unpublished')),
	published_at INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	external_id  TEXT,
	views        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX articles_site_external ON articles (site_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX articles_site_title_pub ON articles (site_id, title, published_at);
CREATE INDEX articles_list ON articles (site_id, status, published_at DESC, id DESC);
CREATE INDEX articles_category_list ON articles (category_id, status, published_at DESC, id DESC);

-- Counters. The running total is kept apart from the daily rows so the
-- SỐ LƯỢT TRUY CẬP box costs one row read; the daily rows keep past days
-- right for statistics even when articles are deleted.
CREATE TABLE visit_totals (
	site_id INTEGER PRIMARY KEY REFERENCES sites (id),
	visits  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE visit_days (
	site_id INTEGER NOT NULL REFERENCES sites (id),
	day     TEXT NOT NULL,
	visits  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, day)
) WITHOUT ROWID;
CREATE TABLE article_view_days (
	site_id    INTEGER NOT NULL,
	day        TEXT NOT NULL,
	article_id INTEGER NOT NULL,
	views      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, day, article_id)
) WITHOUT ROWID;
