-- Downloads of the open-data catalogue's resources per Vietnam day,
-- added in batches as article views are (internal/counters). A
-- resource's total is the sum of its days.
CREATE TABLE resource_download_days (
	site_id     INTEGER NOT NULL,
	day         TEXT NOT NULL,
	resource_id INTEGER NOT NULL,
	dataset_id  INTEGER NOT NULL,
	downloads   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, day, resource_id)
) WITHOUT ROWID;
CREATE INDEX resource_download_days_dataset ON resource_download_days (dataset_id, resource_id);
