-- Disclosure pages (công khai: budget, statistics reports, strategies and
-- plans), views of the documents register: a named group of document
-- types and fields per site. disclosure_terms holds the group's types
-- (list 'types', term_id a document_types id) and fields (list 'fields',
-- a document_fields id); the group's documents are of one of its types
-- when it has any, and of one of its fields when it has any. Each site
-- starts with the three groups Nghị định 42/2022 names (the store seeds
-- them, by the default lists' names, for new sites and here for existing
-- ones).
CREATE TABLE disclosures (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL REFERENCES sites (id),
	slug       TEXT NOT NULL,
	name       TEXT NOT NULL,
	intro      TEXT NOT NULL DEFAULT '',
	position   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, slug)
);

CREATE TABLE disclosure_terms (
	disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
	list          TEXT NOT NULL,
	term_id       INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, list, term_id)
);
