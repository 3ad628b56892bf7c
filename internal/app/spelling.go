package app

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// A site's own groups of equivalent spellings are compiled with the
// built-in ones into one table (search.Spellings) that every search of
// the site uses. The table is kept in memory per site:
//
//   - a save in this process drops the site's table at once, so the next
//     search sees the change;
//   - a save in another process (several processes on PostgreSQL, the
//     command line) moves the site's SpellingVersion, one row read by its
//     key: a table is trusted for spellingCheck, then that row is
//     compared, and the list reloaded only when it moved.
//
// A version check rather than a plain time to live: reloading and
// compiling up to MaxSpellingGroups groups on every expiry would cost a
// query of the whole list and the analysis of every spelling, while the
// check is one indexed read every few seconds per site, and a change is
// seen as soon as the check runs, not at the end of a longer TTL.
const spellingCheck = 2 * time.Second

// spellingCache holds the compiled tables, by site.
type spellingCache struct {
	mu    sync.Mutex
	sites map[int64]*siteSpellings
	// drops counts drop's calls: a table read from the store before a
	// drop is not put back after it.
	drops uint64
}

type siteSpellings struct {
	table   *search.Spellings // nil: the built-in groups alone
	version int64
	checked time.Time
}

// get returns a copy of the site's entry (nil when none) and the count
// of drops so far, to give put.
func (c *spellingCache) get(siteID int64) (*siteSpellings, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.sites[siteID]; e != nil {
		cp := *e
		return &cp, c.drops
	}
	return nil, c.drops
}

// put keeps a site's entry, unless a save dropped a table since get:
// the entry may then predate the save.
func (c *spellingCache) put(siteID int64, e *siteSpellings, drops uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.drops != drops {
		return
	}
	if c.sites == nil {
		c.sites = map[int64]*siteSpellings{}
	}
	c.sites[siteID] = e
}

// drop forgets a site's table: the next search reloads it.
func (c *spellingCache) drop(siteID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.sites, siteID)
	c.drops++
}

// SiteSpellings implements congtin.SpellingService.
func (a *App) SiteSpellings(ctx context.Context, siteID int64) (congtin.Spellings, error) {
	t, err := a.siteSpellings(ctx, siteID)
	if err != nil || t == nil {
		return nil, err
	}
	return t, nil
}

func (a *App) siteSpellings(ctx context.Context, siteID int64) (*search.Spellings, error) {
	now := time.Now()
	e, drops := a.spellings.get(siteID)
	if e != nil && now.Sub(e.checked) < spellingCheck {
		return e.table, nil
	}
	v, err := a.Store.SpellingVersion(ctx, siteID)
	if err != nil {
		return nil, err
	}
	if e != nil && e.version == v {
		e.checked = now
		a.spellings.put(siteID, e, drops)
		return e.table, nil
	}
	// The version is read before the list: a write in between makes the
	// next check reload again, never keeps a stale list.
	var table *search.Spellings
	if v != 0 {
		gs, err := a.Store.FindSpellingGroups(ctx, siteID)
		if err != nil {
			return nil, err
		}
		if len(gs) > 0 {
			extra := make([][]string, len(gs))
			for i, g := range gs {
				extra[i] = g.Spellings
			}
			table = search.NewSpellings(extra)
		}
	}
	a.spellings.put(siteID, &siteSpellings{table: table, version: v, checked: now}, drops)
	return table, nil
}

// canManageSpellings refuses an actor who is not the site's administrator.
func canManageSpellings(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActManage, nil) {
		return forbidden("Chỉ quản trị viên được sửa danh sách từ viết tắt và cách viết tương đương.")
	}
	return nil
}

// spellingsRefused is the refusal of a group's text.
func spellingsRefused(msg string) error {
	return invalid("spellings", msg)
}

// checkSpellings checks a group's spellings against the search's
// analysis and the site's other groups (all but the one of ID self) and
// the built-in ones.
func checkSpellings(in congtin.SpellingGroupInput, others []*congtin.SpellingGroup, self int64) error {
	keys := map[string]string{} // key → the spelling, as typed
	for _, s := range in.Spellings {
		k := search.SpellingKey(s)
		if k == "" {
			return spellingsRefused("Cách viết “" + s + "” không có chữ hay số nào nên không dùng để tìm được.")
		}
		if _, ok := keys[k]; !ok {
			keys[k] = s
		}
	}
	if len(keys) < 2 {
		return spellingsRefused("Các cách viết “" + strings.Join(in.Spellings, "”, “") + "” được tìm như nhau (tìm kiếm không phân biệt chữ hoa, dấu thanh, dấu chấm hay gạch nối): một nhóm cần ít nhất hai cách viết khác nhau.")
	}
	for _, g := range search.BuiltinSpellings() {
		for _, s := range g {
			if typed, ok := keys[search.SpellingKey(s)]; ok {
				return spellingsRefused("“" + typed + "” đã có trong danh sách có sẵn, ở nhóm “" + strings.Join(g, "; ") + "”: tìm “" + typed + "” đã ra các cách viết đó.")
			}
		}
	}
	for _, g := range others {
		if g.ID == self {
			continue
		}
		for _, s := range g.Spellings {
			if typed, ok := keys[search.SpellingKey(s)]; ok {
				return spellingsRefused("“" + typed + "” đã có trong nhóm “" + g.Text() + "” của cổng; mỗi cách viết chỉ thuộc một nhóm: hãy thêm vào nhóm đó.")
			}
		}
	}
	return nil
}

// CreateSpellingGroup implements congtin.SpellingService.
func (a *App) CreateSpellingGroup(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.SpellingGroupInput) (*congtin.SpellingGroup, error) {
	return a.saveSpellingGroup(ctx, actor, siteID, 0, in)
}

// UpdateSpellingGroup implements congtin.SpellingService.
func (a *App) UpdateSpellingGroup(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.SpellingGroupInput) (*congtin.SpellingGroup, error) {
	return a.saveSpellingGroup(ctx, actor, siteID, id, in)
}

// saveSpellingGroup adds a group (id 0) or changes group id, checked
// against the site's list as it stands in the transaction.
func (a *App) saveSpellingGroup(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.SpellingGroupInput) (*congtin.SpellingGroup, error) {
	if err := canManageSpellings(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var g *congtin.SpellingGroup
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var old *congtin.SpellingGroup
		if id != 0 {
			var err error
			if old, err = tx.FindSpellingGroup(ctx, siteID, id); err != nil {
				return err
			}
		}
		gs, err := tx.FindSpellingGroups(ctx, siteID)
		if err != nil {
			return err
		}
		if id == 0 && len(gs) >= congtin.MaxSpellingGroups {
			return spellingsRefused("Danh sách của cổng đã có đủ " + strconv.Itoa(congtin.MaxSpellingGroups) + " nhóm; hãy xóa bớt nhóm không còn dùng rồi thêm nhóm mới.")
		}
		if err := checkSpellings(in, gs, id); err != nil {
			return err
		}
		g = &congtin.SpellingGroup{ID: id, SiteID: siteID, Spellings: in.Spellings, UpdatedBy: actor.UserID(), UpdatedAt: tx.Now()}
		if id == 0 {
			if err := tx.InsertSpellingGroup(ctx, g); err != nil {
				return err
			}
			return tx.AddAudit(ctx, actor.Entry(siteID, "spelling.create", "spelling", g.ID, g.Text()))
		}
		if err := tx.UpdateSpellingGroup(ctx, g); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "spelling.update", "spelling", id, g.Text()+" (trước đó: "+old.Text()+")"))
	})
	if err != nil {
		return nil, err
	}
	a.spellings.drop(siteID)
	return g, nil
}

// DeleteSpellingGroup implements congtin.SpellingService.
func (a *App) DeleteSpellingGroup(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManageSpellings(actor); err != nil {
		return err
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		g, err := tx.FindSpellingGroup(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteSpellingGroup(ctx, siteID, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "spelling.delete", "spelling", id, g.Text()))
	})
	if err == nil {
		a.spellings.drop(siteID)
	}
	return err
}

// FindAdminArticles implements congtin.ArticleStore for the back office's
// list: its search finds the site's equivalent spellings too.
func (a *App) FindAdminArticles(ctx context.Context, f congtin.AdminArticleFilter) ([]*congtin.Article, int, error) {
	if f.Q != "" {
		var err error
		if f.Spellings, err = a.SiteSpellings(ctx, f.SiteID); err != nil {
			return nil, 0, err
		}
	}
	return a.Store.FindAdminArticles(ctx, f)
}

// FindAdminDocuments implements congtin.DocumentStore for the back
// office's list, as FindAdminArticles.
func (a *App) FindAdminDocuments(ctx context.Context, f congtin.AdminDocumentFilter) ([]*congtin.Document, int, error) {
	if f.Q != "" {
		var err error
		if f.Spellings, err = a.SiteSpellings(ctx, f.SiteID); err != nil {
			return nil, 0, err
		}
	}
	return a.Store.FindAdminDocuments(ctx, f)
}
