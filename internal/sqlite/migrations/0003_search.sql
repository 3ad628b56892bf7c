-- Full-text search. The Vietnamese analysis happens in Go (package
-- search/vn) for the indexed text and the query alike, so FTS5 only sees
-- ASCII tokens: folded forms (no diacritics) are indexed and matched; the
-- exact forms (diacritics spelled out, tone placement normalized) are
-- stored beside them for ranking. Vietnamese words are mostly two
-- syllables, so each pair of neighbouring syllables is indexed as one
-- token too ("an_ninh"): a query of several syllables looks up pairs,
-- whose posting lists are far shorter than those of single syllables, and
-- finds the syllables standing together. The rowid is the article's id.
CREATE VIRTUAL TABLE search_index USING fts5(
	title_f, lead_f, body_f, pairs,
	title_e UNINDEXED, lead_e UNINDEXED, body_e UNINDEXED,
	tokenize = "ascii tokenchars '_'", detail = full
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(6.0, 3.0, 1.0, 2.0, 0.0, 0.0, 0.0)');
