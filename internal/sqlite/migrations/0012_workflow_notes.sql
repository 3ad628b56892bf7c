-- One table for the workflow notes of every kind of content that goes
-- through the editorial workflow (articles, about pages, documents,
-- questions, schedule weeks): a note is a step taken and its comment. An
-- item is named by its kind and its ID or, for a schedule week, which has
-- none, its key ('2026-W48'). The per-kind tables it replaces are copied
-- in, in their order, and dropped.
CREATE TABLE workflow_notes (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	item_id    INTEGER NOT NULL DEFAULT 0,
	item_key   TEXT NOT NULL DEFAULT '',
	user_name  TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL,
	status     TEXT NOT NULL,
	comment    TEXT NOT NULL DEFAULT '',
	-- A publication's time, NULL otherwise: ahead of created_at, the step
	-- scheduled the item.
	published_at INTEGER,
	created_at INTEGER NOT NULL
);
CREATE INDEX workflow_notes_item ON workflow_notes (kind, item_id, item_key, id);

-- Articles.
INSERT INTO workflow_notes (site_id, kind, item_id, user_name, action, status, comment, created_at)
SELECT site_id, 'article', article_id, user_name, action, status, comment, created_at FROM notes ORDER BY id;
DROP TABLE notes;

-- Documents.
INSERT INTO workflow_notes (site_id, kind, item_id, user_name, action, status, comment, created_at)
SELECT site_id, 'document', document_id, user_name, action, status, comment, created_at FROM document_notes ORDER BY id;
DROP TABLE document_notes;

-- Questions.
INSERT INTO workflow_notes (site_id, kind, item_id, user_name, action, status, comment, created_at)
SELECT site_id, 'question', question_id, user_name, action, status, comment, created_at FROM question_notes ORDER BY id;
DROP TABLE question_notes;
