-- The article index, rebuilt for speed and size at 100,000 articles
-- (issue 13). One FTS5 table, contentless, holds per article (rowid =
-- the article's ID) its folded title, lead and body with positions, for
-- words and phrases, in one column (a quarter smaller than one each),
-- separated by a "_" that no query holds, so that no phrase spans two;
-- and before them tags that let FTS5 itself narrow a search, before any
-- article row is read: the site (_s<id>), the category (_c<id>), the
-- year and month of publication (_y2024, _m202403); and after them the
-- pairs of neighbouring syllables of the title and the lead as tokens of
-- their own ("an_ninh"), which find a phrase there without reading
-- positions (the body's, far more numerous, are not kept: see
-- sqlite.ftsSearch.Candidates). The text a search ranks its candidates by is kept beside it
-- once, as a marked text (search.Mark: the exact forms with the letters
-- that are not in the folded ones in upper case), where the old index
-- stored the folded and the exact forms in FTS5's content table and a
-- second FTS5 table of syllable pairs: 2.9 times the raw text, now under
-- 1.5. The application fills the new index at start-up when it finds it
-- empty (sqlstore.DB.Migrate).
DROP TABLE search_index;
DROP TABLE search_pairs;
CREATE VIRTUAL TABLE search_terms USING fts5(
	terms,
	content = '', contentless_delete = 1, detail = full,
	tokenize = "ascii tokenchars '_'"
);
CREATE TABLE search_text (
	id INTEGER PRIMARY KEY,
	text TEXT NOT NULL
);
