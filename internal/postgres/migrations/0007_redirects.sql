-- Old addresses of a site the portal replaced (WordPress permalinks kept
-- by `congtin import -format wxr`): a request for one that finds no page
-- is sent on to the article with a 301. Paths are stored as
-- congtin.OldPath gives them (decoded, NFC, lower case, no trailing
-- slash), so any spelling of a link finds its row; byte-wise comparison
-- ("C") is what that needs.
CREATE TABLE redirects (
	site_id    BIGINT NOT NULL REFERENCES sites (id),
	path       TEXT COLLATE "C" NOT NULL,
	article_id BIGINT NOT NULL REFERENCES articles (id),
	PRIMARY KEY (site_id, path)
);
CREATE INDEX redirects_article ON redirects (article_id);
