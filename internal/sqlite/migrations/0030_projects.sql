-- Investment projects and procurement notices (Dự án – Đấu thầu – Mua sắm
-- công, issue 19), both through the shared workflow.
--
-- Amounts are whole đồng (BIGINT: up to 10^16, checked by the service).
-- search_text holds the folded words matched with LIKE by the back
-- office's search, as the consultations' does. A project's linked
-- documents of the register are rows of project_documents, in order.
-- procurements.project_id names the project a notice belongs to (NULL:
-- none); winner is '' until the result is out.
--
-- The revisions of both kinds are in one table, project_revisions, keyed
-- by kind ('project', 'procurement') and item: each holds the content
-- spelled out one field a line, which is all the revisions page shows.
CREATE TABLE projects (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	name         TEXT NOT NULL,
	slug         TEXT NOT NULL,
	investor     TEXT NOT NULL,
	location     TEXT NOT NULL DEFAULT '',
	investment   INTEGER NOT NULL DEFAULT 0,
	funding      TEXT NOT NULL,
	start_year   INTEGER NOT NULL,
	end_year     INTEGER NOT NULL,
	progress     INTEGER NOT NULL DEFAULT 0,
	stage        TEXT NOT NULL,
	description  TEXT NOT NULL DEFAULT '',
	search_text  TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT 'draft',
	published_at INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	created_by   INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_public ON projects (site_id, status, start_year DESC);
CREATE INDEX projects_admin ON projects (site_id, updated_at DESC, id DESC);

CREATE TABLE project_documents (
	project_id  INTEGER NOT NULL REFERENCES projects (id),
	document_id INTEGER NOT NULL REFERENCES documents (id),
	position    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (project_id, document_id)
);

CREATE TABLE procurements (
	id              INTEGER PRIMARY KEY,
	site_id         INTEGER NOT NULL REFERENCES sites (id),
	name            TEXT NOT NULL,
	slug            TEXT NOT NULL,
	entity          TEXT NOT NULL,
	project_id      INTEGER REFERENCES projects (id),
	method          TEXT NOT NULL,
	estimated_price INTEGER NOT NULL DEFAULT 0,
	opens_at        INTEGER NOT NULL,
	closes_at       INTEGER NOT NULL,
	summary         TEXT NOT NULL DEFAULT '',
	winner          TEXT NOT NULL DEFAULT '',
	winning_price   INTEGER NOT NULL DEFAULT 0,
	search_text     TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT 'draft',
	published_at    INTEGER NOT NULL,
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	created_by      INTEGER NOT NULL DEFAULT 0,
	version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX procurements_public ON procurements (site_id, status, closes_at DESC);
CREATE INDEX procurements_admin ON procurements (site_id, updated_at DESC, id DESC);
CREATE INDEX procurements_project ON procurements (project_id);

CREATE TABLE project_revisions (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	item_id    INTEGER NOT NULL,
	user_id    INTEGER NOT NULL DEFAULT 0,
	user_name  TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL,
	content    TEXT NOT NULL
);
CREATE INDEX project_revisions_item ON project_revisions (kind, item_id, id DESC);
