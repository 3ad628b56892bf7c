-- An article page lists its category's newer and older articles by
-- title: with the title and slug in the index, those lists are answered
-- by an index-only scan (ArticleFilter.TitlesOnly; see SQLite's 0025).
DROP INDEX articles_category_list;
CREATE INDEX articles_category_list ON articles (category_id, status, published_at DESC, id DESC) INCLUDE (site_id, featured, title, slug);
