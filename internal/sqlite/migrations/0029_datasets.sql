-- The open-data catalogue (Dữ liệu mở, issue 19): datasets through the
-- shared workflow, their resources (uploaded CSV/XLSX/JSON files or links
-- to an API) and the site's managed list of themes.
--
-- The columns are what DCAT-AP and CKAN describe a dataset with, so that
-- the catalogue's harvestable forms need no new column: publisher_id is a
-- unit of the organisation chart (NULL: none; a unit deleted leaves the
-- dataset without one), keywords are one a line, licence and frequency
-- codes of the lists in the code (congtin.Licences, Frequencies), the
-- temporal bounds and issued/modified days NULL when not given.
-- search_text holds the folded words the list's own search matches with
-- LIKE, as the consultations' does.
CREATE TABLE dataset_themes (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	name     TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, name)
);

CREATE TABLE datasets (
	id             INTEGER PRIMARY KEY,
	site_id        INTEGER NOT NULL REFERENCES sites (id),
	title          TEXT NOT NULL,
	slug           TEXT NOT NULL,
	description    TEXT NOT NULL DEFAULT '',
	publisher_id   INTEGER REFERENCES units (id) ON DELETE SET NULL,
	keywords       TEXT NOT NULL DEFAULT '',
	licence        TEXT NOT NULL,
	frequency      TEXT NOT NULL DEFAULT '',
	temporal_start INTEGER,
	temporal_end   INTEGER,
	spatial        TEXT NOT NULL DEFAULT '',
	contact_name   TEXT NOT NULL DEFAULT '',
	contact_email  TEXT NOT NULL DEFAULT '',
	issued         INTEGER,
	modified       INTEGER,
	search_text    TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL DEFAULT 'draft',
	published_at   INTEGER NOT NULL,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL,
	created_by     INTEGER NOT NULL DEFAULT 0,
	version        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX datasets_public ON datasets (site_id, status, updated_at DESC);

CREATE TABLE dataset_theme_links (
	dataset_id INTEGER NOT NULL REFERENCES datasets (id),
	theme_id   INTEGER NOT NULL REFERENCES dataset_themes (id),
	PRIMARY KEY (dataset_id, theme_id)
);
CREATE INDEX dataset_theme_links_theme ON dataset_theme_links (theme_id);

-- A resource is a file (hash set: its SHA-256, the key in the file store
-- shared with the attachments, kind csv, xlsx or json) or a link (url,
-- http or https only). preview is the JSON of the first rows of a table,
-- read once when the file is uploaded, so that no page view reads a large
-- file ('' for none).
CREATE TABLE dataset_resources (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	dataset_id  INTEGER NOT NULL REFERENCES datasets (id),
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	format      TEXT NOT NULL,
	media_type  TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	size        INTEGER NOT NULL DEFAULT 0,
	hash        TEXT NOT NULL DEFAULT '',
	file_name   TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	preview     TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0,
	created_at  INTEGER NOT NULL
);
CREATE INDEX dataset_resources_dataset ON dataset_resources (dataset_id, position, id);

CREATE TABLE dataset_revisions (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	dataset_id  INTEGER NOT NULL REFERENCES datasets (id),
	user_id     INTEGER NOT NULL DEFAULT 0,
	user_name   TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL,
	description TEXT NOT NULL,
	meta        TEXT NOT NULL DEFAULT '',
	resources   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dataset_revisions_dataset ON dataset_revisions (dataset_id, id DESC);

-- Every existing site gets the usual themes (congtin.DefaultDatasetThemes);
-- sites made later get them when they are created.
INSERT INTO dataset_themes (site_id, name, position)
SELECT s.id, v.column1, v.column2 FROM sites s CROSS JOIN (VALUES
	('Kinh tế - Tài chính', 1), ('Nông nghiệp', 2), ('Giáo dục', 3), ('Y tế', 4), ('Dân số - Xã hội', 5),
	('Tài nguyên - Môi trường', 6), ('Giao thông - Xây dựng', 7), ('Hành chính công', 8), ('Văn hóa - Du lịch', 9),
	('Khoa học - Công nghệ', 10)) v;
