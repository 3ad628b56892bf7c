-- The register's and the Q&A's search boxes suggest, as a reader types,
-- the public documents whose number or summary starts with what is typed,
-- and the answered questions whose title does (sqlstore.SuggestDocuments,
-- SuggestQuestions). Like the articles' suggestions (0017), each is a walk
-- of an index from the folded prefix on, in key order, that stops after
-- ten public rows, however many rows match.
--
-- The documents' folded number and summary are already kept in
-- document_keys (0014). Numbers are short; a summary may hold 2,000
-- characters, so its index holds the first 200 of its folded words (no
-- one types more into a search box), which keeps every entry well within
-- PostgreSQL's B-tree limit, and the same on both databases. The newest
-- document first for one number ("115/KH-UBND" is issued again every
-- year).
CREATE INDEX document_keys_number ON document_keys (site_id, number_f, document_id DESC);
CREATE INDEX document_keys_summary ON document_keys (site_id, substr(summary_f, 1, 200), document_id DESC);

-- A question's title's folded words (package search, as an article
-- title's key), written by the store with the question; filled for the
-- questions already stored by a Go step in this migration's transaction
-- (sqlstore.afterMigration). Titles are at most 200 characters.
ALTER TABLE questions ADD COLUMN title_f TEXT NOT NULL DEFAULT '';
CREATE INDEX questions_title ON questions (site_id, title_f);
