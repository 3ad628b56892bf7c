-- The back office's notifications: one row for each person told of a
-- workflow step (congtin.Notification), written in the step's
-- transaction. An item is named as in workflow_notes. show_at is when a
-- row is due: its step's time, or for the notice that a scheduled item
-- has gone out ('live'), the item's time; reads compare it with their own
-- time, so nothing has to run at that moment.
CREATE TABLE notifications (
	id           INTEGER PRIMARY KEY,
	site_id      INTEGER NOT NULL REFERENCES sites (id),
	user_id      INTEGER NOT NULL REFERENCES users (id),
	kind         TEXT NOT NULL,
	item_id      INTEGER NOT NULL DEFAULT 0,
	item_key     TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	action       TEXT NOT NULL,
	actor_name   TEXT NOT NULL DEFAULT '',
	comment      TEXT NOT NULL DEFAULT '',
	published_at INTEGER,
	created_at   INTEGER NOT NULL,
	show_at      INTEGER NOT NULL,
	read_at      INTEGER,
	-- E-mail: 0 none, 1 to send (not before mail_after), 2 sent, 3 given up.
	mail_state   INTEGER NOT NULL DEFAULT 0,
	mail_tries   INTEGER NOT NULL DEFAULT 0,
	mail_after   INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, site_id, show_at);
CREATE INDEX notifications_item ON notifications (kind, item_id, item_key);
CREATE INDEX notifications_mail ON notifications (show_at) WHERE mail_state = 1;

-- How a user wants to be told besides the back office.
CREATE TABLE notify_prefs (
	user_id  INTEGER PRIMARY KEY REFERENCES users (id),
	email    TEXT NOT NULL DEFAULT '',
	email_on INTEGER NOT NULL DEFAULT 0
);

-- The audit log of one item, which editors open from its page.
CREATE INDEX audit_log_object ON audit_log (site_id, object_type, object_id, id DESC);
