-- Every list (home, category, date, an article's newer and older news)
-- also counts its articles for the pager. The list indexes lacked the
-- site and the featured flag, so each counted row was read from the
-- table, bodies and all: tens of megabytes for one category page of a
-- large archive. With them at the end, counting never leaves the index.
DROP INDEX articles_list;
CREATE INDEX articles_list ON articles (site_id, status, published_at DESC, id DESC, category_id, featured);
DROP INDEX articles_category_list;
CREATE INDEX articles_category_list ON articles (category_id, status, published_at DESC, id DESC, site_id, featured);
