-- The image library as a newsroom uses it: each image's description (alt)
-- and caption, put in an article when it is inserted from the library;
-- the uploaded file's size (0 for images recorded before); the folded
-- words of name, description and caption that the library's search
-- matches; and the index of the images each item shows, which tells where
-- an image is used and keeps one in use from being deleted.
--
-- search_text and media_uses are derived data the store writes with the
-- image and with each article, about page and answer. For what is already
-- stored they are filled in Go, in this migration's transaction
-- (sqlstore's afterMigration): the folding and the finding of /media/
-- addresses in HTML are the store's code, the same for both databases.
ALTER TABLE media ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX media_site ON media (site_id, id);
CREATE INDEX media_uploader ON media (site_id, uploaded_by, id);

-- An item (kind 'article', 'page' or 'question', and its ID) of a site
-- shows the image whose content hash is hash: its body, featured image,
-- English body or answer names one of the image's files. The hash need
-- not be in the site's library (an address copied from another site).
CREATE TABLE media_uses (
	site_id BIGINT NOT NULL,
	hash    TEXT COLLATE "C" NOT NULL,
	kind    TEXT COLLATE "C" NOT NULL,
	item_id BIGINT NOT NULL,
	PRIMARY KEY (site_id, hash, kind, item_id)
);
CREATE INDEX media_uses_item ON media_uses (kind, item_id);
CREATE INDEX media_uses_hash ON media_uses (hash);
