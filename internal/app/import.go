package app

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// The importers (congtin import, the demo, the benchmarks) bring whole
// sites in: every record is checked before anything is written, and all
// of an import is written in one transaction, or none of it. They run
// from the command line, as the system: no permission applies.

// ImportArticles implements congtin.ArticleImportService.
func (a *App) ImportArticles(ctx context.Context, siteID int64, recs []congtin.ArticleImport) ([]*congtin.ImportResult, error) {
	prepared, err := congtin.PrepareImport(recs)
	if err != nil {
		return nil, err
	}
	// Sanitizing the bodies is the heaviest part of a record: done on
	// every core before the transaction, whose writes are one thread.
	bodies := make([]string, len(prepared))
	congtin.Parallel(len(prepared), func(i int) { bodies[i] = sanitize.HTML(prepared[i].Body) })
	var results []*congtin.ImportResult
	err = a.WithTx(ctx, func(tx congtin.Tx) error {
		results = make([]*congtin.ImportResult, 0, len(prepared))
		cats := map[string]*congtin.Category{} // by path, to avoid a lookup per record
		// The search index is written once at the end, in bulk: per
		// article, SQLite's FTS5 flushed and merged its segments at every
		// statement, a third of an import's time.
		tx.IndexLater()
		progress := congtin.ProgressFromContext(ctx)
		for i := range prepared {
			res, err := importRecord(ctx, tx, siteID, &prepared[i], bodies[i], cats)
			if err != nil {
				return fmt.Errorf("import record %d: %w", i, err)
			}
			results = append(results, res)
			progress(congtin.StepWrite, i+1, len(prepared))
		}
		return tx.IndexPending(ctx)
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// importRecord writes one record: its categories found or created, its
// article created, or updated when the external ID (else the title and
// time) finds the one an earlier import made. An update keeps the
// article's state: an unpublished article stays unpublished.
func importRecord(ctx context.Context, tx congtin.Tx, siteID int64, p *congtin.PreparedImport, body string, cats map[string]*congtin.Category) (*congtin.ImportResult, error) {
	var cat *congtin.Category
	key := ""
	for _, name := range p.CategoryPath {
		key += congtin.CategoryPathSep + name
		if c, ok := cats[key]; ok {
			cat = c
			continue
		}
		var parentID int64
		if cat != nil {
			parentID = cat.ID
		}
		c, _, err := findOrCreateCategory(ctx, tx, &congtin.Category{SiteID: siteID, ParentID: parentID, Name: name, Slug: congtin.Slugify(name)})
		if err != nil {
			return nil, fmt.Errorf("category: %w", err)
		}
		cats[key], cat = c, c
	}

	var art *congtin.Article
	var err error
	if p.ExternalID != "" {
		art, err = tx.FindArticleByExternalID(ctx, siteID, p.ExternalID)
	} else {
		art, err = tx.FindArticleByTitleTime(ctx, siteID, p.Title, p.PublishedAt)
	}
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		art, err = nil, nil
	} else if err != nil {
		return nil, err
	}
	created := art == nil
	if created {
		now := tx.Now()
		art = &congtin.Article{SiteID: siteID, Status: congtin.StatusPublished, CreatedAt: now, UpdatedAt: now, ExternalID: p.ExternalID}
	}
	art.CategoryID, art.Title, art.Slug, art.Lead, art.Body = cat.ID, p.Title, p.Slug, p.Lead, body
	art.Author, art.Image, art.Featured, art.PublishedAt = p.Author, p.Image, p.Featured, p.PublishedAt
	if created {
		err = tx.InsertArticle(ctx, art)
	} else {
		err = tx.UpdateArticle(ctx, art)
	}
	if err != nil {
		return nil, err
	}
	// The store leaves art as stored: reading it back cost a statement
	// per article.
	return &congtin.ImportResult{Article: art, Category: cat, Created: created}, nil
}

// findOrCreateCategory returns the category of want's name under its
// parent, or creates want with want.Slug, or the first of want.Slug-2,
// want.Slug-3, … that no category has, had (a rename's redirect) or the
// portal reserves; a new category goes to the end of the menu. It
// reports whether it created one.
func findOrCreateCategory(ctx context.Context, tx congtin.Tx, want *congtin.Category) (*congtin.Category, bool, error) {
	c, err := tx.FindCategoryByName(ctx, want.SiteID, want.ParentID, want.Name)
	if err == nil {
		return c, false, nil
	} else if congtin.ErrorCode(err) != congtin.ENOTFOUND {
		return nil, false, err
	}
	base := want.Slug
	for i := 1; ; i++ {
		slug := base
		if i > 1 {
			slug = base + "-" + itoa(int64(i))
		}
		if congtin.ReservedSlug(slug) {
			continue
		}
		free, err := tx.CategorySlugFree(ctx, want.SiteID, slug, 0)
		if err != nil {
			return nil, false, err
		}
		if free {
			want.Slug = slug
			break
		}
	}
	if want.Position, err = tx.NextCategoryPosition(ctx, want.SiteID); err != nil {
		return nil, false, err
	}
	if err := tx.InsertCategory(ctx, want); err != nil {
		return nil, false, err
	}
	return want, true, nil
}

// SetArticleStatus implements congtin.ArticleImportService: a state set
// as it is, outside the workflow's steps (for imports and tools).
func (a *App) SetArticleStatus(ctx context.Context, siteID, id int64, status string) error {
	if !congtin.ValidStatus(status) {
		return congtin.Errorf(congtin.EINVALID, "Trạng thái bài viết không hợp lệ.")
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		it, err := tx.FindItem(ctx, congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID, ID: id})
		if err != nil {
			return err
		}
		it.Status = status
		return tx.UpdateItem(ctx, it, "")
	})
}

// ImportWordPress implements congtin.WordPressService.
func (a *App) ImportWordPress(ctx context.Context, siteID int64, imp *congtin.WordPressImport) (*congtin.WPImportResult, error) {
	if err := imp.Validate(); err != nil {
		return nil, err
	}
	// As for ImportArticles: bodies sanitized on every core first, the
	// search index written in bulk at the end.
	bodies := make([]string, len(imp.Posts))
	congtin.Parallel(len(imp.Posts), func(i int) { bodies[i] = sanitize.HTML(imp.Posts[i].Body) })
	var res *congtin.WPImportResult
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		res = &congtin.WPImportResult{}
		tx.IndexLater()
		cats := map[string]*congtin.Category{}
		for _, c := range imp.Categories {
			var parentID int64
			if c.Parent != "" {
				parentID = cats[c.Parent].ID
			}
			cat, created, err := findOrCreateCategory(ctx, tx, &congtin.Category{SiteID: siteID, ParentID: parentID, Name: c.Name, Slug: c.Slug, Hidden: c.Hidden})
			if err != nil {
				return fmt.Errorf("import wordpress: category %q: %w", c.Key, err)
			}
			cats[c.Key] = cat
			wpCount(&res.Categories, created, false)
		}

		users := map[string]int64{}
		for _, au := range imp.Authors {
			id, created, err := wpAuthor(ctx, tx, siteID, au)
			if err != nil {
				return fmt.Errorf("import wordpress: author %q: %w", au.Login, err)
			}
			users[au.Login] = id
			wpCount(&res.Authors, created, false)
		}

		for _, m := range imp.Media {
			created, err := tx.AddImportedMedia(ctx, siteID, m)
			if err != nil {
				return fmt.Errorf("import wordpress: media %s: %w", m.Name, err)
			}
			wpCount(&res.Media, created, false)
		}

		progress := congtin.ProgressFromContext(ctx)
		for i := range imp.Posts {
			progress(congtin.StepWrite, i, len(imp.Posts))
			p := &imp.Posts[i]
			pr, err := wpPost(ctx, tx, siteID, cats[p.Category], users[p.Author], p, bodies[i])
			if err != nil {
				return fmt.Errorf("import wordpress: post %s: %w", p.ExternalID, err)
			}
			res.Posts = append(res.Posts, *pr)
			for _, path := range p.OldPaths {
				created, changed, err := wpRedirect(ctx, tx, siteID, path, pr.Article.ID)
				if err != nil {
					return fmt.Errorf("import wordpress: redirect %q: %w", path, err)
				}
				wpCount(&res.Redirects, created, changed)
			}
		}
		progress(congtin.StepWrite, len(imp.Posts), len(imp.Posts))
		return tx.IndexPending(ctx)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// wpCount counts one thing the import created, changed or left alone.
func wpCount(c *congtin.WPCount, created, changed bool) {
	switch {
	case created:
		c.Created++
	case changed:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// wpAuthor finds the user named a.Username, or creates them without a
// password (they cannot sign in until an administrator sets one) as a
// reporter of the site. An existing user is left as they are.
func wpAuthor(ctx context.Context, tx congtin.Tx, siteID int64, a congtin.WPAuthor) (int64, bool, error) {
	id, err := tx.FindAuthorID(ctx, a.Username)
	if err == nil {
		return id, false, nil
	} else if congtin.ErrorCode(err) != congtin.ENOTFOUND {
		return 0, false, err
	}
	u := &congtin.User{Username: a.Username, DisplayName: a.DisplayName, PasswordHash: congtin.NoPassword}
	if err := tx.InsertAuthor(ctx, siteID, u, congtin.RoleReporter); err != nil {
		return 0, false, err
	}
	return u.ID, true, nil
}

// wpPost creates the article of a post, or updates the one imported from
// it before when anything differs; an unchanged one is not written. body
// is the post's, sanitized.
func wpPost(ctx context.Context, tx congtin.Tx, siteID int64, cat *congtin.Category, userID int64, p *congtin.WPPost, body string) (*congtin.WPPostResult, error) {
	old, err := tx.FindArticleByExternalID(ctx, siteID, p.ExternalID)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		old, err = nil, nil
	} else if err != nil {
		return nil, err
	}
	res := &congtin.WPPostResult{CategorySlug: cat.Slug}
	pub := time.Unix(p.PublishedAt.Unix(), 0) // as stored: to the second
	var art *congtin.Article
	switch {
	case old == nil:
		now := tx.Now()
		art = &congtin.Article{SiteID: siteID, ExternalID: p.ExternalID, CreatedAt: now, UpdatedAt: now, Status: p.Status, CreatedBy: userID}
		setWPArticle(art, cat, body, p)
		if err := tx.InsertArticle(ctx, art); err != nil {
			return nil, err
		}
		res.Created = true
	case old.CategoryID != cat.ID || old.Title != p.Title || old.Slug != p.Slug || old.Lead != p.Lead || old.Body != body ||
		old.Author != p.AuthorName || old.Image != p.Image || old.Featured != p.Featured || old.Status != p.Status ||
		!old.PublishedAt.Equal(pub) || old.CreatedBy != userID:
		stateChanged := old.Status != p.Status || old.CreatedBy != userID
		art = old
		setWPArticle(art, cat, body, p)
		if err := tx.UpdateArticle(ctx, art); err != nil {
			return nil, err
		}
		// The state and the writer are the workflow's to write.
		if stateChanged {
			art.Status, art.CreatedBy = p.Status, userID
			if err := tx.UpdateItem(ctx, art.Item(), ""); err != nil {
				return nil, err
			}
			// As the workflow stored it.
			if art, err = tx.FindArticle(ctx, siteID, art.ID); err != nil {
				return nil, err
			}
		}
		res.Changed = true
	default:
		res.Article = old
		return res, nil
	}
	// The store left art as stored.
	res.Article = art
	return res, nil
}

// setWPArticle copies a post's content into its article.
func setWPArticle(art *congtin.Article, cat *congtin.Category, body string, p *congtin.WPPost) {
	art.CategoryID, art.Title, art.Slug, art.Lead, art.Body = cat.ID, p.Title, p.Slug, p.Lead, body
	art.Author, art.Image, art.Featured, art.PublishedAt = p.AuthorName, p.Image, p.Featured, p.PublishedAt
}

// wpRedirect points an old path at an article.
func wpRedirect(ctx context.Context, tx congtin.Tx, siteID int64, path string, articleID int64) (created, changed bool, err error) {
	cur, err := tx.FindRedirect(ctx, siteID, path)
	switch {
	case congtin.ErrorCode(err) == congtin.ENOTFOUND:
		return true, false, tx.PutRedirect(ctx, siteID, path, articleID)
	case err != nil:
		return false, false, err
	case cur == articleID:
		return false, false, nil
	}
	return false, true, tx.PutRedirect(ctx, siteID, path, articleID)
}
