-- The change watcher asks, four times a second in every process, which
-- articles went live since its last look. Without an index that leads
-- with status and time, that question read the whole articles table.
CREATE INDEX articles_status_pub ON articles (status, published_at);
