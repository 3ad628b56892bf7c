package congtin

// Category groups articles; categories may nest. Its slug is the first
// segment of its articles' URLs.
type Category struct {
	ID       int64  `json:"id"`
	SiteID   int64  `json:"site_id"`
	ParentID int64  `json:"parent_id,omitempty"` // 0 for a top-level category
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	Position int    `json:"position"` // order in the menu
	Hidden   bool   `json:"hidden"`
}

// Path returns the public URL path of the category's first page.
func (c *Category) Path() string { return "/" + c.Slug }

// Categories is a site's category list with the lookups pages need.
type Categories []*Category

// BySlug returns the category with the slug, or nil.
func (cs Categories) BySlug(slug string) *Category {
	for _, c := range cs {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}

// ByID returns the category with the ID, or nil.
func (cs Categories) ByID(id int64) *Category {
	for _, c := range cs {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Top returns the visible top-level categories in menu order.
func (cs Categories) Top() Categories {
	var out Categories
	for _, c := range cs {
		if c.ParentID == 0 && !c.Hidden {
			out = append(out, c)
		}
	}
	return out
}

// Children returns the visible direct children of the category id.
func (cs Categories) Children(id int64) Categories {
	var out Categories
	for _, c := range cs {
		if c.ParentID == id && !c.Hidden {
			out = append(out, c)
		}
	}
	return out
}

// Subtree returns id and the IDs of all categories below it, so that a
// parent's page lists its children's articles too. A cycle in the parent
// links cannot make it loop: each ID is visited once.
func (cs Categories) Subtree(id int64) []int64 {
	ids := []int64{id}
	seen := map[int64]bool{id: true}
	for i := 0; i < len(ids); i++ {
		for _, c := range cs {
			if c.ParentID == ids[i] && !seen[c.ID] {
				seen[c.ID] = true
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// Ancestors returns the chain from the top-level category down to c.
func (cs Categories) Ancestors(c *Category) Categories {
	var chain Categories
	seen := map[int64]bool{}
	for c != nil && !seen[c.ID] {
		seen[c.ID] = true
		chain = append(Categories{c}, chain...)
		if c.ParentID == 0 {
			break
		}
		c = cs.ByID(c.ParentID)
	}
	return chain
}

// CategoryNode is a category in the tree, with its depth (0 at the top).
type CategoryNode struct {
	*Category
	Depth int
}

// Tree returns every category, hidden ones too, depth first in menu
// order: each top-level category in its order, followed by its children
// in theirs, and so on down. A category whose parent is missing (or part
// of a cycle) comes last, at the top level, so that none is left out.
func (cs Categories) Tree() []CategoryNode {
	children := map[int64]Categories{}
	for _, c := range cs {
		children[c.ParentID] = append(children[c.ParentID], c)
	}
	out := make([]CategoryNode, 0, len(cs))
	seen := make(map[int64]bool, len(cs))
	var walk func(c *Category, depth int)
	walk = func(c *Category, depth int) {
		if seen[c.ID] {
			return
		}
		seen[c.ID] = true
		out = append(out, CategoryNode{Category: c, Depth: depth})
		for _, ch := range children[c.ID] {
			walk(ch, depth+1)
		}
	}
	for _, c := range children[0] {
		walk(c, 0)
	}
	for _, c := range cs {
		walk(c, 0)
	}
	return out
}

// reservedSlugs are first path segments the portal uses itself; a category
// may not take one, or its page would be unreachable.
var reservedSlugs = map[string]bool{
	"static": true, "theo-ngay": true, "ban-in": true, "tim-kiem": true, "admin": true,
	"api": true, "rss": true, "healthz": true, "media": true,
	"readyz": true, "metrics": true, "en": true, "van-ban": true, "hoi-dap": true,
	"lich-cong-tac": true, "gioi-thieu": true, "lien-ket": true, "sitemap": true, "kenh-rss": true,
}

// ReservedSlug reports whether slug is taken by the portal's own pages.
func ReservedSlug(slug string) bool { return reservedSlugs[slug] }
