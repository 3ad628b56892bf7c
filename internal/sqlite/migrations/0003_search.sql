-- Full-text search. The Vietnamese analysis happens in Go (package
-- search/vn) for the indexed text and the query alike, so FTS5 only sees
-- ASCII tokens: folded forms (no diacritics) are indexed and matched; the
-- exact forms (diacritics spelled out, tone placement normalized) are
-- stored beside them for ranking. The rowid is the article's id.
CREATE VIRTUAL TABLE search_index USING fts5(
	title_f, lead_f, body_f,
	title_e UNINDEXED, lead_e UNINDEXED, body_e UNINDEXED,
	tokenize = 'ascii', detail = full
);
-- Vietnamese words are mostly two syllables, so each pair of neighbouring
-- syllables is indexed as one token ("an_ninh"): a query of several
-- syllables looks up pairs, whose lists are far shorter than those of
-- single syllables, and finds the syllables standing together. Only
-- membership is needed: no stored text, no positions.
CREATE VIRTUAL TABLE search_pairs USING fts5(
	pairs, content = '', contentless_delete = 1, detail = none,
	tokenize = "ascii tokenchars '_'"
);
