-- The register's and the Q&A's search boxes suggest, as a reader types:
-- see the SQLite migration of the same name. The keys are plain ASCII
-- and compare bytewise (COLLATE "C": document_keys' columns have it since
-- 0014, the new title key has it here), so that every key starting with
-- a prefix lies in one range of the index. The ID ends each key, as the
-- rowid does implicitly on SQLite, so that the order by key then ID needs
-- no sort of every match.
CREATE INDEX document_keys_number ON document_keys (site_id, number_f, document_id DESC);
CREATE INDEX document_keys_summary ON document_keys (site_id, (substr(summary_f, 1, 200)), document_id DESC);

ALTER TABLE questions ADD COLUMN title_f TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX questions_title ON questions (site_id, title_f, id);
