-- Administrative procedures (Thủ tục hành chính, issue 19): the agency's
-- procedures as the national database lists them, a reference list with
-- no workflow (public shows or hides one). code is unique per site, so a
-- re-import updates by it. levels holds the codes of the levels of
-- government that carry it out (tinh, huyen, xa), comma-separated in that
-- order; online the online service level (toan-trinh, mot-phan, khong).
-- search_text holds the folded words of the code, name, field and agency
-- that the list's own search matches with LIKE, as the consultations' does.
CREATE TABLE procedures (
	id          INTEGER PRIMARY KEY,
	site_id     INTEGER NOT NULL REFERENCES sites (id),
	code        TEXT NOT NULL,
	name        TEXT NOT NULL,
	field       TEXT NOT NULL DEFAULT '',
	levels      TEXT NOT NULL DEFAULT '',
	agency      TEXT NOT NULL DEFAULT '',
	duration    TEXT NOT NULL DEFAULT '',
	fee         TEXT NOT NULL DEFAULT '',
	online      TEXT NOT NULL DEFAULT 'khong',
	steps       TEXT NOT NULL DEFAULT '',
	documents   TEXT NOT NULL DEFAULT '',
	legal       TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	public      INTEGER NOT NULL DEFAULT 1,
	search_text TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL,
	UNIQUE (site_id, code)
);
CREATE INDEX procedures_list ON procedures (site_id, public, field, code);
