-- Nothing to do on PostgreSQL: 0001_init already has the search table that
-- SQLite added in its 0003_search. The file keeps the numbering of both
-- dialects in step.
SELECT 1;
