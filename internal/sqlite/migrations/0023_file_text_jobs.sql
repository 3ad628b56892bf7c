-- Attachments' text is read in the background (issue 14): pdftotext,
-- then OCR of scanned pages, take seconds to minutes, so an upload or an
-- import stores the file at once and queues a job; the back office shows
-- where each file stands.
--
-- text_state: 'pending' (queued or being read), 'done' (text found or
-- typed by an editor), 'failed' (nothing readable; text_note says why).
-- text_source: what the text came from: 'pdf', 'ocr', 'pdf+ocr', 'docx',
-- 'editor'; '' when there is none.
ALTER TABLE document_files ADD COLUMN text_state TEXT NOT NULL DEFAULT 'done';
ALTER TABLE document_files ADD COLUMN text_source TEXT NOT NULL DEFAULT '';
UPDATE document_files SET text_state = 'failed' WHERE text = '';
UPDATE document_files SET text_source = CASE kind WHEN 'docx' THEN 'docx' ELSE 'pdf' END WHERE text <> '';

-- Background jobs, kept in the database so that they survive a restart
-- and, with several processes on one PostgreSQL, are taken by exactly one
-- of them: a worker claims a due job by moving its run_at past a lease
-- with a conditional UPDATE (only one of two racing workers changes the
-- row), renews the lease while it works and deletes the job when done. A
-- worker that dies leaves the job to be taken again when the lease ends.
CREATE TABLE jobs (
	id         INTEGER PRIMARY KEY,
	site_id    INTEGER NOT NULL,
	kind       TEXT NOT NULL,    -- 'file_text'
	ref_id     INTEGER NOT NULL, -- what the job is about (a document_files id)
	attempts   INTEGER NOT NULL DEFAULT 0,
	run_at     INTEGER NOT NULL, -- due from; while held, the end of the lease
	held_by    TEXT NOT NULL DEFAULT '',
	last_error TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX jobs_ref ON jobs (kind, ref_id);
CREATE INDEX jobs_due ON jobs (run_at, id);
