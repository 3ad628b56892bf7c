-- Each site's own groups of equivalent spellings (abbreviations, names,
-- loanwords), edited by its administrators in the back office and used by
-- every search of the site together with the built-in groups. One row per
-- group; spellings holds its spellings one per line, as typed (the search
-- analyses them when it compiles the list). updated_by is NULL for the
-- command line.
CREATE TABLE spelling_groups (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL REFERENCES sites (id),
	spellings  TEXT NOT NULL,
	updated_by INTEGER REFERENCES users (id),
	updated_at INTEGER NOT NULL
);
CREATE INDEX spelling_groups_site ON spelling_groups (site_id, id);

-- A per-site counter the store moves with every write to the site's
-- groups: each process keeps the compiled list in memory and compares
-- this one row now and then to learn that another process changed it.
CREATE TABLE spelling_versions (
	site_id INTEGER PRIMARY KEY REFERENCES sites (id),
	version INTEGER NOT NULL
);

-- Search result pages are cached: a change to the list may change any of
-- them, so it drops the whole site's pages, as a change of links does.
CREATE TRIGGER spelling_groups_insert_change AFTER INSERT ON spelling_groups
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER spelling_groups_update_change AFTER UPDATE ON spelling_groups
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER spelling_groups_delete_change AFTER DELETE ON spelling_groups
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;
