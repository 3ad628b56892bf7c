-- Migration 0020 rebuilds SQLite's article index (FTS5) for speed and
-- size; PostgreSQL's index (a tsvector column with a GIN index) is left
-- as it is. This file keeps the numbering of both dialects in step.
SELECT 1;
