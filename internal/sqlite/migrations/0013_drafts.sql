-- No lost work in the back office.
--
-- Every content write bumps its item's version: an edit form carries the
-- version it was loaded from, and a save against a newer one is refused
-- as an edit conflict instead of silently overwriting the other editor.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pages ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE schedule_entries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- An editor's unsaved form, autosaved: one per user and item (item_id 0:
-- a new item of the kind). It is never content: nothing public reads it,
-- and saving the form deletes it. data holds the form's fields as JSON;
-- version is the one the form was loaded from.
CREATE TABLE drafts (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	user_id  INTEGER NOT NULL REFERENCES users (id),
	kind     TEXT NOT NULL,
	item_id  INTEGER NOT NULL DEFAULT 0,
	version  INTEGER NOT NULL DEFAULT 0,
	data     TEXT NOT NULL,
	saved_at INTEGER NOT NULL,
	UNIQUE (site_id, user_id, kind, item_id)
);

-- Who has an item's edit form open: a soft lock, renewed by the page's
-- heartbeat and stale by itself a little after the last one. It informs
-- the others; it never stops anyone.
CREATE TABLE edit_locks (
	id        INTEGER PRIMARY KEY,
	site_id   INTEGER NOT NULL REFERENCES sites (id),
	kind      TEXT NOT NULL,
	item_id   INTEGER NOT NULL,
	user_id   INTEGER NOT NULL REFERENCES users (id),
	user_name TEXT NOT NULL DEFAULT '',
	since     INTEGER NOT NULL,
	seen_at   INTEGER NOT NULL,
	UNIQUE (site_id, kind, item_id, user_id)
);
