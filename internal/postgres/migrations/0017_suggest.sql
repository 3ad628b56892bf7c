-- The search box suggests the published articles whose title starts with
-- what a reader is typing, on every keystroke: an index on the folded
-- titles, within a site, finds them by a range of keys in key order,
-- however many articles match (sqlstore.SuggestArticles). The article's
-- ID ends the key, as it does implicitly on SQLite (the rowid), so that
-- the order by title then ID needs no sort of every match.
CREATE INDEX article_keys_title ON article_keys (site_id, title_f, article_id);
