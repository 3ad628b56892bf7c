-- Nothing to do on PostgreSQL: 0001_init already has the newsroom tables
-- that SQLite added in its 0002_newsroom. The file keeps the numbering of
-- both dialects in step.
SELECT 1;
