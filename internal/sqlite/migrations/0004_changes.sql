-- Changes that public pages show, written by triggers in the transaction
-- of the write itself, whatever code path made it (back office, import,
-- another process). Every congtin process reads this table a few times a
-- second to drop the cached pages a change makes stale; the old and new
-- category and publication time let it find the list pages an article
-- left as well as those it joined. article_id 0 means "the whole site"
-- (a category, the menu or a setting changed).
CREATE TABLE changes (
	id               INTEGER PRIMARY KEY AUTOINCREMENT,
	site_id          INTEGER NOT NULL,
	article_id       INTEGER NOT NULL DEFAULT 0,
	old_category_id  INTEGER NOT NULL DEFAULT 0,
	new_category_id  INTEGER NOT NULL DEFAULT 0,
	old_published_at INTEGER NOT NULL DEFAULT 0,
	new_published_at INTEGER NOT NULL DEFAULT 0
);

-- Only what readers can see: a draft's edits change no public page. The
-- views column is left out, so counting changes nothing here.
CREATE TRIGGER articles_insert_change AFTER INSERT ON articles WHEN NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at)
	VALUES (NEW.site_id, NEW.id, NEW.category_id, NEW.category_id, NEW.published_at, NEW.published_at);
END;
CREATE TRIGGER articles_update_change
AFTER UPDATE OF category_id, title, slug, lead, body, author, image, featured, status, published_at ON articles
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
	INSERT INTO changes (site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at)
	VALUES (NEW.site_id, NEW.id, OLD.category_id, NEW.category_id, OLD.published_at, NEW.published_at);
END;
CREATE TRIGGER articles_delete_change AFTER DELETE ON articles WHEN OLD.status = 'published'
BEGIN
	INSERT INTO changes (site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at)
	VALUES (OLD.site_id, OLD.id, OLD.category_id, OLD.category_id, OLD.published_at, OLD.published_at);
END;

-- Categories are in every page's menu; sites carry the name, contacts and
-- settings shown in every header and footer.
CREATE TRIGGER categories_insert_change AFTER INSERT ON categories
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER categories_update_change AFTER UPDATE ON categories
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.site_id);
END;
CREATE TRIGGER categories_delete_change AFTER DELETE ON categories
BEGIN
	INSERT INTO changes (site_id) VALUES (OLD.site_id);
END;
CREATE TRIGGER sites_update_change AFTER UPDATE ON sites
BEGIN
	INSERT INTO changes (site_id) VALUES (NEW.id);
END;
