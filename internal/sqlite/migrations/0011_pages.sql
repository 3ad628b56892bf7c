-- What an agency's portal publishes besides news (Nghị định 42/2022/NĐ-CP):
-- the leadership's weekly work schedule, the about section's pages (with
-- an optional English version), the organisation chart, and the list of
-- links shown in every footer.

-- A week of the schedule goes through the articles' workflow as a whole;
-- week is the ISO week, '2026-W48'. A week without a row is a draft.
CREATE TABLE schedule_weeks (
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	week         TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'returned', 'unpublished')),
	note         TEXT NOT NULL DEFAULT '',
	created_by   INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	published_at INTEGER,
	PRIMARY KEY (site_id, week)
) WITHOUT ROWID;

CREATE TABLE schedule_entries (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	week         TEXT NOT NULL,
	starts_at    INTEGER NOT NULL,
	ends_at      INTEGER, -- NULL: only a start time
	content      TEXT NOT NULL,
	participants TEXT NOT NULL DEFAULT '',
	place        TEXT NOT NULL DEFAULT '',
	chair        TEXT NOT NULL DEFAULT '',
	created_by   INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL
);
CREATE INDEX schedule_entries_week ON schedule_entries (site_id, week, starts_at);
CREATE INDEX schedule_entries_start ON schedule_entries (site_id, starts_at);

-- Every version of every entry, its deletion included; entry_id is no
-- foreign key, so the history outlives the entry.
CREATE TABLE schedule_revisions (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL,
	entry_id     INTEGER NOT NULL,
	week         TEXT NOT NULL,
	user_id      INTEGER NOT NULL DEFAULT 0,
	user_name    TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	starts_at    INTEGER NOT NULL,
	ends_at      INTEGER,
	content      TEXT NOT NULL,
	participants TEXT NOT NULL,
	place        TEXT NOT NULL,
	chair        TEXT NOT NULL
);
CREATE INDEX schedule_revisions_week ON schedule_revisions (site_id, week, id DESC);

-- Pages of the about section. slug_en is '' without an English version.
CREATE TABLE pages (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	slug         TEXT NOT NULL,
	title        TEXT NOT NULL,
	body         TEXT NOT NULL DEFAULT '',
	slug_en      TEXT NOT NULL DEFAULT '',
	title_en     TEXT NOT NULL DEFAULT '',
	body_en      TEXT NOT NULL DEFAULT '',
	position     INTEGER NOT NULL DEFAULT 0,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'returned', 'unpublished')),
	created_by   INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	published_at INTEGER,
	UNIQUE (site_id, slug)
);
CREATE UNIQUE INDEX pages_site_slug_en ON pages (site_id, slug_en) WHERE slug_en <> '';

CREATE TABLE page_revisions (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL,
	page_id    INTEGER NOT NULL REFERENCES pages (id),
	user_id    INTEGER NOT NULL DEFAULT 0,
	user_name  TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL,
	slug       TEXT NOT NULL,
	body       TEXT NOT NULL,
	title_en   TEXT NOT NULL,
	slug_en    TEXT NOT NULL,
	body_en    TEXT NOT NULL,
	position   INTEGER NOT NULL
);
CREATE INDEX page_revisions_page ON page_revisions (page_id, id DESC);

-- The organisation chart: nested units and their leaders.
CREATE TABLE units (
	id        INTEGER PRIMARY KEY,
	site_id   INTEGER NOT NULL REFERENCES sites (id),
	parent_id INTEGER REFERENCES units (id),
	name      TEXT NOT NULL,
	name_en   TEXT NOT NULL DEFAULT '',
	position  INTEGER NOT NULL DEFAULT 0,
	phone     TEXT NOT NULL DEFAULT '',
	email     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_site ON units (site_id, position);

CREATE TABLE unit_leaders (
	unit_id  INTEGER NOT NULL REFERENCES units (id),
	position INTEGER NOT NULL,
	name     TEXT NOT NULL,
	title    TEXT NOT NULL DEFAULT '',
	title_en TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;

CREATE TABLE links (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	name     TEXT NOT NULL,
	url      TEXT NOT NULL,
	grp      TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX links_site ON links (site_id, position);

-- Sites that exist already get the links a new site starts with.
INSERT INTO links (site_id, name, url, grp, position)
SELECT id, 'Cổng Dịch vụ công quốc gia', 'https://dichvucong.gov.vn', 'Dịch vụ công', 1 FROM sites;
INSERT INTO links (site_id, name, url, grp, position)
SELECT id, 'Cổng thông tin điện tử Chính phủ', 'https://chinhphu.vn', 'Cơ quan liên quan', 2 FROM sites;

-- Cached pages: the links are in every footer, the about pages in the
-- menu, so their changes drop the whole site's pages (article_id 0), as a
-- category change does. The schedule's pages are dropped the same way, but
-- only for what readers see: a published week's entries, or a week's move
-- into or out of the published state.
CREATE TRIGGER links_insert_change AFTER INSERT ON links
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER links_update_change AFTER UPDATE ON links
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER links_delete_change AFTER DELETE ON links
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;

CREATE TRIGGER units_insert_change AFTER INSERT ON units
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER units_update_change AFTER UPDATE ON units
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER units_delete_change AFTER DELETE ON units
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;
-- Leaders are written with their unit, whose row is always touched too.

CREATE TRIGGER pages_insert_change AFTER INSERT ON pages WHEN NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER pages_update_change AFTER UPDATE ON pages WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER pages_delete_change AFTER DELETE ON pages WHEN OLD.status = 'published'
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;

CREATE TRIGGER schedule_weeks_insert_change AFTER INSERT ON schedule_weeks WHEN NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER schedule_weeks_update_change AFTER UPDATE ON schedule_weeks WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER schedule_entries_insert_change AFTER INSERT ON schedule_entries
WHEN EXISTS (SELECT 1 FROM schedule_weeks WHERE site_id = NEW.site_id AND week = NEW.week AND status = 'published')
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER schedule_entries_update_change AFTER UPDATE ON schedule_entries
WHEN EXISTS (SELECT 1 FROM schedule_weeks WHERE site_id = NEW.site_id AND week IN (OLD.week, NEW.week) AND status = 'published')
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER schedule_entries_delete_change AFTER DELETE ON schedule_entries
WHEN EXISTS (SELECT 1 FROM schedule_weeks WHERE site_id = OLD.site_id AND week = OLD.week AND status = 'published')
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;
