-- Absolute URLs (canonical links, feeds, sitemaps) come from a site's
-- configuration, never from the request's Host header, which a client
-- chooses (issue 16): canonical_host is the host they use ('' means the
-- site's host; the default site has none of its own), scheme is 'https'
-- or 'http'. Every agency serves its portal through a TLS proxy, so
-- existing sites get https; a plain-http site is set with
-- `congtin site set -scheme http`.
ALTER TABLE sites ADD COLUMN canonical_host TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN scheme TEXT NOT NULL DEFAULT 'https';

-- When each API token was last used (NULL: never), so the back office
-- can list tokens with it and an administrator can tell a forgotten one
-- to revoke (issue 16). Written at most once a minute per token.
ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMPTZ;
