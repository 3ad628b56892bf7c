-- The back office's lists' search keys: see the SQLite migration of the
-- same name. Here the full-text index is a tsvector column computed from
-- the keys, with the fields' weights (A the title or number, B the lead or
-- summary) so that a phrase is matched within one field, and a GIN index.
-- The C collation: the keys are plain ASCII.
CREATE TABLE article_keys (
	article_id BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	site_id    BIGINT NOT NULL,
	title_f    TEXT COLLATE "C" NOT NULL,
	lead_f     TEXT COLLATE "C" NOT NULL,
	doc        TSVECTOR NOT NULL GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', title_f), 'A') || setweight(to_tsvector('simple', lead_f), 'B')) STORED
);
CREATE INDEX article_keys_doc ON article_keys USING GIN (doc);

CREATE TABLE document_keys (
	document_id BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
	site_id     BIGINT NOT NULL,
	number_f    TEXT COLLATE "C" NOT NULL,
	summary_f   TEXT COLLATE "C" NOT NULL,
	doc         TSVECTOR NOT NULL GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', number_f), 'A') || setweight(to_tsvector('simple', summary_f), 'B')) STORED
);
CREATE INDEX document_keys_doc ON document_keys USING GIN (doc);

-- The articles list's filters (state, category, writer, publication
-- time) ride along in the index of its order, so that an index-only scan
-- answers a filter and the pager's count.
DROP INDEX articles_site_updated;
CREATE INDEX articles_site_updated ON articles (site_id, updated_at DESC, id DESC) INCLUDE (status, category_id, created_by, published_at);
