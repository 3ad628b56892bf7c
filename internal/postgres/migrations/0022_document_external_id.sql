-- The documents register's bulk import (`congtin import -format
-- documents`): the ID a document has in the register it was imported
-- from, so that a second import updates it instead of adding it again.
-- NULL for documents entered in the back office; unique per site, as
-- articles' external_id is.
ALTER TABLE documents ADD COLUMN external_id TEXT COLLATE "C";
CREATE UNIQUE INDEX documents_site_external ON documents (site_id, external_id) WHERE external_id IS NOT NULL;
