-- The back office's lists search what the newsroom writes in any state,
-- which the public search index (published articles and documents only)
-- does not hold. Each article keeps a search key: the folded tokens of
-- its title and of its lead (a document's: of its number and of its
-- summary) as package search makes them, so that a search matches with or
-- without diacritics, in NFC or NFD, d for đ, as the public search does.
-- The store writes a key with every write of its row, in the same
-- transaction, and at start-up fills the keys rows lack (a database from
-- before this migration, a copy). A full-text index over the keys finds
-- the rows with every word of a query, or a phrase within one field; the
-- triggers keep it in step with the keys (the external-content pattern of
-- FTS5).
CREATE TABLE article_keys (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	site_id    INTEGER NOT NULL,
	title_f    TEXT NOT NULL,
	lead_f     TEXT NOT NULL
);
CREATE VIRTUAL TABLE article_keys_index USING fts5(
	title_f, lead_f, content = 'article_keys', content_rowid = 'article_id',
	tokenize = 'ascii', detail = full
);
CREATE TRIGGER article_keys_insert AFTER INSERT ON article_keys BEGIN
	INSERT INTO article_keys_index (rowid, title_f, lead_f) VALUES (NEW.article_id, NEW.title_f, NEW.lead_f);
END;
CREATE TRIGGER article_keys_delete AFTER DELETE ON article_keys BEGIN
	INSERT INTO article_keys_index (article_keys_index, rowid, title_f, lead_f) VALUES ('delete', OLD.article_id, OLD.title_f, OLD.lead_f);
END;
CREATE TRIGGER article_keys_update AFTER UPDATE ON article_keys BEGIN
	INSERT INTO article_keys_index (article_keys_index, rowid, title_f, lead_f) VALUES ('delete', OLD.article_id, OLD.title_f, OLD.lead_f);
	INSERT INTO article_keys_index (rowid, title_f, lead_f) VALUES (NEW.article_id, NEW.title_f, NEW.lead_f);
END;

CREATE TABLE document_keys (
	document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
	site_id     INTEGER NOT NULL,
	number_f    TEXT NOT NULL,
	summary_f   TEXT NOT NULL
);
CREATE VIRTUAL TABLE document_keys_index USING fts5(
	number_f, summary_f, content = 'document_keys', content_rowid = 'document_id',
	tokenize = 'ascii', detail = full
);
CREATE TRIGGER document_keys_insert AFTER INSERT ON document_keys BEGIN
	INSERT INTO document_keys_index (rowid, number_f, summary_f) VALUES (NEW.document_id, NEW.number_f, NEW.summary_f);
END;
CREATE TRIGGER document_keys_delete AFTER DELETE ON document_keys BEGIN
	INSERT INTO document_keys_index (document_keys_index, rowid, number_f, summary_f) VALUES ('delete', OLD.document_id, OLD.number_f, OLD.summary_f);
END;
CREATE TRIGGER document_keys_update AFTER UPDATE ON document_keys BEGIN
	INSERT INTO document_keys_index (document_keys_index, rowid, number_f, summary_f) VALUES ('delete', OLD.document_id, OLD.number_f, OLD.summary_f);
	INSERT INTO document_keys_index (rowid, number_f, summary_f) VALUES (NEW.document_id, NEW.number_f, NEW.summary_f);
END;

-- The articles list filters by state, category, writer and publication
-- time, in the order of the last change. With those columns in the index
-- that gives the order, a filter and the pager's count are answered from
-- the index alone instead of reading each article's row, body and all
-- (the state is stored after the body).
DROP INDEX articles_site_updated;
CREATE INDEX articles_site_updated ON articles (site_id, updated_at DESC, id DESC, status, category_id, created_by, published_at);
