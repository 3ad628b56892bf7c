-- Downloads of the open-data catalogue's resources per Vietnam day,
-- added in batches as article views are (internal/counters). A
-- resource's total is the sum of its days.
CREATE TABLE resource_download_days (
	site_id     BIGINT NOT NULL,
	day         TEXT COLLATE "C" NOT NULL,
	resource_id BIGINT NOT NULL,
	dataset_id  BIGINT NOT NULL,
	downloads   BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, day, resource_id)
);
CREATE INDEX resource_download_days_dataset ON resource_download_days (dataset_id, resource_id);
