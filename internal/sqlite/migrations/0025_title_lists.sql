-- An article page lists its category's newer and older articles by
-- title. Those rows were read from the table, and an article's row holds
-- its body: the columns the list needs after it (the publication time)
-- sat behind its overflow pages, so each title cost two or three page
-- reads of a deep archive. With the title and slug in the index the
-- lists never leave it (ArticleFilter.TitlesOnly).
DROP INDEX articles_category_list;
CREATE INDEX articles_category_list ON articles (category_id, status, published_at DESC, id DESC, site_id, featured, title, slug);
