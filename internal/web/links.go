package web

import (
	"net/url"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// links turns articles into list entries. withCategory names each one's
// category, for lists that mix categories.
func links(as []*congtin.Article, cats congtin.Categories, withCategory bool) []render.ArticleLink {
	out := make([]render.ArticleLink, 0, len(as))
	for _, a := range as {
		c := cats.ByID(a.CategoryID)
		if c == nil {
			continue
		}
		l := render.ArticleLink{Title: a.Title, URL: a.Path(c.Slug), Lead: a.Lead, Image: a.Image, PublishedAt: a.PublishedAt}
		if withCategory {
			l.Category, l.CategoryURL = c, c.Path()
		}
		out = append(out, l)
	}
	return out
}

// parsePage reads the page number from ?trang=. Missing means 1; anything
// not a sensible positive number is invalid.
func parsePage(q url.Values) (int, error) {
	v := q.Get("trang")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, congtin.Errorf(congtin.EINVALID, "Số trang không hợp lệ. Số trang phải là số nguyên dương, ví dụ ?trang=2.")
	}
	return n, nil
}

// checkPage says a page past the end does not exist. Page 1 of an empty
// list exists: it says there is nothing yet.
func checkPage(page, total, size int) error {
	if page > 1 && (page-1)*size >= total {
		return congtin.Errorf(congtin.ENOTFOUND, "Trang %d không tồn tại: danh sách chỉ có %d trang.", page, max(pages(total, size), 1))
	}
	return nil
}

func pages(total, size int) int { return (total + size - 1) / size }

// pager builds the page links for path with query q (its trang replaced).
func pager(path string, q url.Values, page, total, size int) render.Pager {
	n := pages(total, size)
	p := render.Pager{Page: page, Pages: n}
	link := func(i int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		if i == 1 {
			v.Del("trang")
		} else {
			v.Set("trang", strconv.Itoa(i))
		}
		if e := v.Encode(); e != "" {
			return path + "?" + e
		}
		return path
	}
	if page > 1 {
		p.PrevURL = link(page - 1)
	}
	if page < n {
		p.NextURL = link(page + 1)
	}
	// First, last, and two either side of the current page.
	last := 0
	for i := 1; i <= n; i++ {
		if i == 1 || i == n || (i >= page-2 && i <= page+2) {
			if last != 0 && i > last+1 {
				p.Links = append(p.Links, render.PageLink{})
			}
			p.Links = append(p.Links, render.PageLink{Page: i, URL: link(i), Current: i == page})
			last = i
		}
	}
	return p
}
