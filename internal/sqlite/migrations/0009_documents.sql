-- The documents register (Văn bản): legal and administrative documents
-- with their attachments, links between documents, managed lists of types
-- and fields, revisions, workflow notes and a full-text index. Days are
-- stored as 'YYYY-MM-DD' text ('' when not given), the same on both
-- stores, so they compare as text and copy between stores unchanged.

CREATE TABLE document_types (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	name     TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, name)
);

CREATE TABLE document_fields (
	id       INTEGER PRIMARY KEY,
	site_id  INTEGER NOT NULL REFERENCES sites (id),
	name     TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (site_id, name)
);

CREATE TABLE documents (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	type_id      INTEGER NOT NULL REFERENCES document_types (id),
	field_id     INTEGER REFERENCES document_fields (id),
	number       TEXT NOT NULL,
	number_key   TEXT NOT NULL, -- the number's folded tokens, "115 kh ubnd", for lookups
	slug         TEXT NOT NULL,
	issuer       TEXT NOT NULL,
	signer       TEXT NOT NULL DEFAULT '',
	issued_on    TEXT NOT NULL,
	effective_on TEXT NOT NULL DEFAULT '',
	expires_on   TEXT NOT NULL DEFAULT '',
	summary      TEXT NOT NULL,
	status       TEXT NOT NULL DEFAULT 'draft',
	published_at INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL,
	created_by   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_public ON documents (site_id, status, issued_on DESC, id DESC);
CREATE INDEX documents_admin ON documents (site_id, updated_at DESC, id DESC);
CREATE INDEX documents_number ON documents (site_id, number_key);

CREATE TABLE document_files (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	document_id INTEGER NOT NULL REFERENCES documents (id),
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	size        INTEGER NOT NULL,
	hash        TEXT NOT NULL, -- SHA-256 of the bytes: the file's key in the store
	text        TEXT NOT NULL DEFAULT '', -- extracted text, for the index
	text_note   TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0,
	created_at  INTEGER NOT NULL
);
CREATE INDEX document_files_document ON document_files (document_id, position, id);

-- document_id replaces, amends or guides target_id.
CREATE TABLE document_links (
	document_id INTEGER NOT NULL REFERENCES documents (id),
	target_id   INTEGER NOT NULL REFERENCES documents (id),
	kind        TEXT NOT NULL,
	PRIMARY KEY (document_id, target_id, kind)
);
CREATE INDEX document_links_target ON document_links (target_id, kind);

CREATE TABLE document_revisions (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL,
	document_id  INTEGER NOT NULL REFERENCES documents (id),
	user_id      INTEGER NOT NULL DEFAULT 0,
	user_name    TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	type_name    TEXT NOT NULL,
	field_name   TEXT NOT NULL,
	number       TEXT NOT NULL,
	issuer       TEXT NOT NULL,
	signer       TEXT NOT NULL,
	issued_on    TEXT NOT NULL,
	effective_on TEXT NOT NULL,
	expires_on   TEXT NOT NULL,
	summary      TEXT NOT NULL,
	links        TEXT NOT NULL,
	files        TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_revisions_document ON document_revisions (document_id, id DESC);

CREATE TABLE document_notes (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL,
	document_id INTEGER NOT NULL REFERENCES documents (id),
	user_name   TEXT NOT NULL DEFAULT '',
	action      TEXT NOT NULL,
	status      TEXT NOT NULL,
	comment     TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL
);
CREATE INDEX document_notes_document ON document_notes (document_id, id);

-- The same analysis as the article index (package search/vn): folded
-- tokens indexed, exact forms stored for ranking. The rowid is the
-- document's id; only published documents are in it. number_f holds the
-- number split at its punctuation ("115 kh ubnd"), body_f the issuer,
-- signer, type, field and the text of the attached PDF and DOCX files.
CREATE VIRTUAL TABLE document_index USING fts5(
	number_f, summary_f, body_f,
	number_e UNINDEXED, summary_e UNINDEXED, body_e UNINDEXED,
	tokenize = 'ascii', detail = full
);

-- Every existing site gets the usual lists; sites made later get them
-- when they are created.
INSERT INTO document_types (site_id, name, position)
SELECT s.id, v.column1, v.column2 FROM sites s CROSS JOIN (VALUES
	('Luật', 1), ('Nghị định', 2), ('Thông tư', 3), ('Quyết định', 4), ('Chỉ thị', 5), ('Kế hoạch', 6),
	('Công văn', 7), ('Thông báo', 8), ('Báo cáo', 9), ('Nghị quyết', 10), ('Hướng dẫn', 11), ('Văn bản khác', 12)) v;
INSERT INTO document_fields (site_id, name, position)
SELECT s.id, v.column1, v.column2 FROM sites s CROSS JOIN (VALUES
	('Hành chính', 1), ('Kinh tế - Tài chính', 2), ('Nông nghiệp', 3), ('Giáo dục', 4), ('Y tế', 5),
	('Tài nguyên - Môi trường', 6), ('Xây dựng - Giao thông', 7), ('Văn hóa - Xã hội', 8), ('Nội vụ', 9), ('Khác', 10)) v;
