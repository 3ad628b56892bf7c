package wxr

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/sanitize"
)

// Where posts without a category and pages go. congtin has no static
// pages: a WordPress page becomes an article in a hidden category, so it
// keeps an address (and its old one) without crowding the menu; an
// administrator can show the category, or move the pages, later.
var (
	uncategorized = congtin.WPCategory{Key: "\x00uncategorized", Name: "Chưa phân loại", Slug: "chua-phan-loai"}
	pagesCategory = congtin.WPCategory{Key: "\x00pages", Name: "Trang", Slug: "trang", Hidden: true}
)

// Options says where a plan's images come from and go.
type Options struct {
	Uploads string       // the local copy of wp-content/uploads; "" for none
	Blobs   blob.Store   // where images are stored (media.Files over it)
	Limits  media.Limits // zero: media.DefaultLimits
	// Now decides whether a scheduled post's time has passed, and dates
	// drafts that have none.
	Now time.Time
}

// Skip is something of the export that does not come in, and why.
type Skip struct {
	What string
	Why  string
}

// Report tells what Prepare found.
type Report struct {
	Skipped []Skip
	Notes   []string
	// Items counts the export's items by post type.
	Items map[string]int
	// Images: files stored in the media library, and files that could
	// not be used (each also among Skipped).
	ImagesStored, ImagesSkipped int
}

// Plan is an export ready for the store, with what it left out.
type Plan struct {
	Import *congtin.WordPressImport
	// Kinds[i] is "post" or "page": what Import.Posts[i] was.
	Kinds  []string
	Report *Report
	images *images
}

// Undo deletes the image files the plan stored that were not there
// before: the import that needed them failed.
func (p *Plan) Undo(ctx context.Context) { p.images.undo(ctx) }

// planner holds what Prepare works with.
type planner struct {
	ctx         context.Context
	exp         *Export
	opt         Options
	src         string
	im          *images
	rep         *Report
	imp         *congtin.WordPressImport
	kinds       []string
	catKeys     map[string]bool
	catSlugs    map[string]bool
	logins      map[string]bool
	usernames   map[string]bool
	attachments map[int64]*Item
	children    map[int64][]*Item
	oldPaths    map[string]string // old path → the post that has it
}

// Prepare turns an export into a plan: the categories (parents first),
// the authors, the posts and pages that can come in, with their bodies
// converted and their images stored, and a report of the rest.
func Prepare(ctx context.Context, exp *Export, opt Options) (*Plan, error) {
	im, err := newImages(ctx, opt.Uploads, opt.Blobs, opt.Limits)
	if err != nil {
		return nil, fmt.Errorf("uploads folder: %w", err)
	}
	defer im.close()
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	pl := &planner{
		ctx: ctx, exp: exp, opt: opt, src: sourceKey(exp), im: im,
		rep: &Report{Items: map[string]int{}}, imp: &congtin.WordPressImport{},
		catKeys: map[string]bool{}, catSlugs: map[string]bool{}, logins: map[string]bool{}, usernames: map[string]bool{},
		attachments: map[int64]*Item{}, children: map[int64][]*Item{}, oldPaths: map[string]string{},
	}
	pl.categories()
	pl.authors()
	for i := range exp.Items {
		it := &exp.Items[i]
		pl.rep.Items[it.PostType]++
		if it.PostType == "attachment" {
			if id, err := strconv.ParseInt(it.PostID, 10, 64); err == nil && id > 0 {
				pl.attachments[id] = it
				if parent, err := strconv.ParseInt(it.PostParent, 10, 64); err == nil && parent > 0 {
					pl.children[parent] = append(pl.children[parent], it)
				}
			}
		}
	}
	pl.library()
	seen := map[int64]bool{}
	tags := 0
	for i := range exp.Items {
		if err := ctx.Err(); err != nil {
			im.undo(context.WithoutCancel(ctx))
			return nil, err
		}
		it := &exp.Items[i]
		switch it.PostType {
		case "post", "page":
		case "attachment":
			continue
		default:
			pl.skip(it, "post type "+strconv.Quote(it.PostType)+" is not imported (only posts, pages and images)")
			continue
		}
		id, err := strconv.ParseInt(it.PostID, 10, 64)
		if err != nil || id <= 0 {
			pl.skip(it, "no valid wp:post_id")
			continue
		}
		if seen[id] {
			pl.skip(it, "the post ID appears twice in the export; the first one came in")
			continue
		}
		seen[id] = true
		for _, c := range it.Categories {
			if c.Domain == "post_tag" {
				tags++
				break
			}
		}
		pl.post(it, id)
	}
	if tags > 0 {
		pl.note("%d posts have tags; congtin has no tags, so they are not imported", tags)
	}
	if n := pl.commentCount(); n > 0 {
		pl.note("%d comments are not imported (congtin has no comments)", n)
	}
	pl.dropUnusedFallbacks()
	pl.imp.Media = im.records
	pl.rep.ImagesStored = len(im.records)
	failed := map[string]bool{}
	for rel := range im.failed {
		failed[sizedRE.ReplaceAllString(rel, "$1")] = true // a copy and its original are one image
	}
	pl.rep.ImagesSkipped = len(failed)
	return &Plan{Import: pl.imp, Kinds: pl.kinds, Report: pl.rep, images: im}, nil
}

func (pl *planner) skip(it *Item, why string) {
	pl.rep.Skipped = append(pl.rep.Skipped, Skip{What: describe(it), Why: why})
}

func (pl *planner) note(format string, args ...any) {
	pl.rep.Notes = append(pl.rep.Notes, fmt.Sprintf(format, args...))
}

// describe names an item for the report: its type, ID, title and line.
func describe(it *Item) string {
	kind := it.PostType
	if kind == "" {
		kind = "item"
	}
	s := kind + " " + it.PostID
	if t := plainText(it.Title); t != "" {
		if utf8.RuneCountInString(t) > 60 {
			t = string([]rune(t)[:60]) + "…"
		}
		s += " " + strconv.Quote(t)
	}
	return s + " (line " + strconv.Itoa(it.Line) + ")"
}

func (pl *planner) commentCount() int {
	n := 0
	for _, it := range pl.exp.Items {
		n += it.Comments
	}
	return n
}

// sourceKey names the WordPress site, so that two sites imported into
// one portal keep their post IDs apart.
func sourceKey(exp *Export) string {
	for _, u := range []string{exp.BaseSiteURL, exp.BaseBlogURL, exp.Link} {
		if p, err := url.Parse(u); err == nil && p.Host != "" {
			s := strings.ToLower(p.Host) + strings.TrimRight(p.Path, "/")
			if len(s) > 150 {
				s = s[:150]
			}
			return s
		}
	}
	return ""
}

// decodeSlug turns a WordPress slug (percent-encoded UTF-8, as in
// %e1%ba%a1) into text.
func decodeSlug(s string) string {
	if d, err := url.PathUnescape(s); err == nil && utf8.ValidString(d) {
		s = d
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// categories builds the category tree, parents first. A category whose
// parent is missing, or that is its own ancestor, goes to the top level.
func (pl *planner) categories() {
	type cat struct {
		c      congtin.WPCategory
		parent string
	}
	var all []cat
	byKey := map[string]bool{}
	for _, c := range pl.exp.Categories {
		key := decodeSlug(c.Nicename)
		name := plainText(c.Name)
		if key == "" {
			key = strings.ToLower(name)
		}
		if key == "" || byKey[key] {
			continue
		}
		if name == "" {
			name = key
		}
		if utf8.RuneCountInString(name) > congtin.MaxCategoryLen {
			name = string([]rune(name)[:congtin.MaxCategoryLen])
		}
		byKey[key] = true
		all = append(all, cat{congtin.WPCategory{Key: key, Name: name}, decodeSlug(c.Parent)})
	}
	for len(all) > 0 {
		var rest []cat
		for _, c := range all {
			switch {
			case c.parent == "" || pl.catKeys[c.parent]:
				c.c.Parent = c.parent
				pl.addCategory(c.c)
			case !byKey[c.parent]:
				pl.note("category %q: its parent %q is not in the export; it comes in at the top level", c.c.Name, c.parent)
				pl.addCategory(c.c)
			default:
				rest = append(rest, c)
			}
		}
		if len(rest) == len(all) {
			// What is left waits for itself: a cycle.
			for _, c := range rest {
				pl.note("category %q is its own ancestor in the export; it comes in at the top level", c.c.Name)
				pl.addCategory(c.c)
			}
			rest = nil
		}
		all = rest
	}
	pl.addCategory(uncategorized)
	pl.addCategory(pagesCategory)
}

// addCategory adds a category with a slug made by the portal's rules
// from its WordPress slug (tin-tức → tin-tuc), unique in the import.
func (pl *planner) addCategory(c congtin.WPCategory) {
	if pl.catKeys[c.Key] {
		return
	}
	base := c.Slug
	if base == "" {
		base = congtin.Slugify(c.Key)
	}
	if base == "" {
		base = congtin.Slugify(c.Name)
	}
	if base == "" {
		base = "chuyen-muc"
	}
	slug := base
	for i := 2; pl.catSlugs[slug]; i++ {
		slug = base + "-" + strconv.Itoa(i)
	}
	c.Slug = slug
	pl.catSlugs[slug] = true
	pl.catKeys[c.Key] = true
	pl.imp.Categories = append(pl.imp.Categories, c)
}

// dropUnusedFallbacks leaves out the two categories the import adds
// itself when no post went into them.
func (pl *planner) dropUnusedFallbacks() {
	used := map[string]bool{}
	for _, p := range pl.imp.Posts {
		used[p.Category] = true
	}
	pl.imp.Categories = slices.DeleteFunc(pl.imp.Categories, func(c congtin.WPCategory) bool {
		return (c.Key == uncategorized.Key || c.Key == pagesCategory.Key) && !used[c.Key]
	})
}

func (pl *planner) authors() {
	for _, a := range pl.exp.Authors {
		display := plainText(a.DisplayName)
		if display == "" {
			display = strings.TrimSpace(plainText(a.FirstName) + " " + plainText(a.LastName))
		}
		pl.addAuthor(a.Login, display)
	}
}

// addAuthor adds an author once per login; its user name is made from the
// login by the portal's rules, unique in the import.
func (pl *planner) addAuthor(login, display string) bool {
	if login == "" || pl.logins[login] {
		return login != ""
	}
	if display == "" {
		display = login
	}
	if utf8.RuneCountInString(display) > congtin.MaxAuthorLen {
		display = string([]rune(display)[:congtin.MaxAuthorLen])
	}
	base := Username(login)
	name := base
	for i := 2; pl.usernames[name]; i++ {
		suffix := "-" + strconv.Itoa(i)
		name = base[:min(len(base), 40-len(suffix))] + suffix
	}
	if congtin.ValidateDisplayName(display) != nil {
		display = name
	}
	pl.usernames[name] = true
	pl.logins[login] = true
	pl.imp.Authors = append(pl.imp.Authors, congtin.WPAuthor{Login: login, Username: name, DisplayName: display})
	return true
}

// Username makes a congtin user name (3 to 40 of a-z, 0-9, . _ -) from a
// WordPress login, which may hold capitals, spaces, @ and accents:
// "Nguyễn Văn A" → "nguyen-van-a", "bientap@soyte" → "bientap-soyte".
func Username(login string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(login) {
		if s := congtin.Slugify(string(r)); len(s) == 1 {
			r = rune(s[0])
		} else if r == 'đ' {
			r = 'd'
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-._")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-._")
	}
	if len(s) < 3 {
		s = "wp-" + s
		s = strings.TrimRight(s, "-")
		if len(s) < 3 {
			s = "wp-user"
		}
	}
	return s
}

// library brings every image attachment into the media library, whether
// or not a post shows it, as WordPress's own library had it.
func (pl *planner) library() {
	for i := range pl.exp.Items {
		it := &pl.exp.Items[i]
		if it.PostType != "attachment" {
			continue
		}
		rel := uploadPath(it.AttachmentURL)
		switch {
		case rel == "":
			pl.skip(it, "its file is not in wp-content/uploads: "+strconv.Quote(it.AttachmentURL))
		case !isImagePath(rel):
			pl.skip(it, "not an image ("+rel+"): the media library holds JPEG, PNG, GIF and WebP images; links to it keep pointing at the old site")
		default:
			if _, why := pl.im.get(rel); why != "" {
				pl.skip(it, why)
			}
		}
	}
}

// WordPress writes times as "2006-01-02 15:04:05", and 0000-00-00 00:00:00
// for none.
const wpTimeLayout = "2006-01-02 15:04:05"

// parseWPTime reads a WordPress time in loc; ok false with a zero time
// means "none", ok false with an error text means a bad date.
func parseWPTime(s string, loc *time.Location) (time.Time, string) {
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, ""
	}
	t, err := time.ParseInLocation(wpTimeLayout, s, loc)
	if err != nil {
		if t2, err2 := time.ParseInLocation(time.DateOnly, s, loc); err2 == nil {
			return t2, ""
		}
		return time.Time{}, "invalid date " + strconv.Quote(s)
	}
	if t.Year() < 1945 || t.Year() > 9999 {
		return time.Time{}, "date out of range (1945 to 9999): " + strconv.Quote(s)
	}
	return t, ""
}

// publishedAt returns the post's time: wp:post_date_gmt, else wp:post_date
// in Vietnam time (the site's zone is not in the export). why is set when
// a date is there but impossible.
func publishedAt(it *Item) (time.Time, string) {
	t, why := parseWPTime(it.PostDateGMT, time.UTC)
	if why != "" {
		return time.Time{}, "wp:post_date_gmt: " + why
	}
	if !t.IsZero() {
		return t, ""
	}
	t, why = parseWPTime(it.PostDate, congtin.VietnamZone)
	if why != "" {
		return time.Time{}, "wp:post_date: " + why
	}
	return t, ""
}

// post plans one post or page.
func (pl *planner) post(it *Item, id int64) {
	kind := it.PostType
	status := congtin.StatusPublished
	switch it.Status {
	case "publish", "future":
	case "draft", "pending":
		status = congtin.StatusDraft
	case "private":
		status = congtin.StatusDraft
		pl.note("%s: private in WordPress; imported as a draft, not public", describe(it))
	case "trash":
		pl.skip(it, "in the trash")
		return
	case "auto-draft":
		pl.skip(it, "an auto-draft (an empty placeholder WordPress makes)")
		return
	default:
		pl.skip(it, "unknown status "+strconv.Quote(it.Status))
		return
	}
	if status == congtin.StatusPublished && it.Password != "" {
		status = congtin.StatusDraft
		pl.note("%s: protected by a password in WordPress; imported as a draft, not public", describe(it))
	}

	title := plainText(it.Title)
	if title == "" {
		pl.skip(it, "no title")
		return
	}
	if utf8.RuneCountInString(title) > congtin.MaxTitleLen {
		title = string([]rune(title)[:congtin.MaxTitleLen])
	}

	at, why := publishedAt(it)
	switch {
	case why != "" && status == congtin.StatusPublished:
		pl.skip(it, why)
		return
	case at.IsZero() && status == congtin.StatusPublished:
		pl.skip(it, "published without a publication date (0000-00-00)")
		return
	case why != "" || at.IsZero():
		at = pl.opt.Now
	}
	if it.Status == "future" && !at.After(pl.opt.Now) {
		pl.note("%s: scheduled for %s, which has passed; it is public at once", describe(it), at.In(congtin.VietnamZone).Format("2006-01-02 15:04"))
	}

	catKey := uncategorized.Key
	if kind == "page" {
		catKey = pagesCategory.Key
	} else {
		var others []string
		for _, c := range it.Categories {
			if c.Domain != "category" {
				continue
			}
			key := decodeSlug(c.Nicename)
			if key == "" {
				key = strings.ToLower(plainText(c.Name))
			}
			if key == "" {
				continue
			}
			if !pl.catKeys[key] {
				// Filed under a category the export does not declare.
				name := plainText(c.Name)
				if name == "" {
					name = key
				}
				pl.addCategory(congtin.WPCategory{Key: key, Name: name})
			}
			if catKey == uncategorized.Key {
				catKey = key
			} else if key != catKey {
				others = append(others, plainText(c.Name))
			}
		}
		if len(others) > 0 {
			pl.note("%s: also filed under %s in WordPress; an article has one category, so it is in the first", describe(it), strings.Join(others, ", "))
		}
	}

	author := ""
	if it.Creator != "" {
		if pl.addAuthor(it.Creator, "") {
			author = it.Creator
		}
	}
	authorName := ""
	for _, a := range pl.imp.Authors {
		if a.Login == author {
			authorName = a.DisplayName
		}
	}

	// The body: paragraphs, shortcodes, images, then the one policy.
	x := &galleryExpander{pl: pl, postID: id}
	body := it.Content
	if !isBlockEditor(body) {
		body = autop(body)
	}
	body = expandShortcodes(unautopShortcodes(body), x)
	lead := plainText(it.Excerpt)
	body, first, problems := bodyHTML(body, pl.im, lead == "")
	if lead == "" {
		lead = first
	}
	body = sanitize.HTML(body)
	for _, p := range append(x.problems, problems...) {
		pl.rep.Skipped = append(pl.rep.Skipped, Skip{What: p.What + " in " + describe(it), Why: p.Why + "; the post comes in without it"})
	}
	if len(body) > congtin.MaxBodyBytes {
		pl.skip(it, "the body is larger than 2 MB")
		return
	}
	if utf8.RuneCountInString(lead) > congtin.MaxLeadLen {
		lead = string([]rune(lead)[:congtin.MaxLeadLen])
	}

	image := ""
	if tid, err := strconv.ParseInt(it.Meta["_thumbnail_id"], 10, 64); err == nil && tid > 0 {
		if att := pl.attachments[tid]; att == nil {
			pl.note("%s: its featured image (attachment %d) is not in the export", describe(it), tid)
		} else if rel := uploadPath(att.AttachmentURL); rel != "" {
			if m, why := pl.im.get(rel); m != nil {
				best, _ := display(m)
				image = mediaPrefix + best.Key
			} else {
				pl.rep.Skipped = append(pl.rep.Skipped, Skip{What: "featured image " + rel + " of " + describe(it),
					Why: why + "; the post comes in without it"})
			}
		}
	}

	slug := congtin.Slugify(decodeSlug(it.PostName))
	if slug == "" {
		slug = congtin.Slugify(title)
	}
	if slug == "" {
		slug = "bai-viet"
	}

	ext := "wp:" + pl.src + ":" + strconv.FormatInt(id, 10)
	pl.imp.Posts = append(pl.imp.Posts, congtin.WPPost{
		ExternalID: ext, Category: catKey, Author: author, AuthorName: authorName,
		Title: title, Slug: slug, Lead: lead, Body: body, Image: image, Featured: it.Sticky == "1",
		Status: status, PublishedAt: at.UTC(), OldPaths: pl.oldPathsOf(it, id),
	})
	pl.kinds = append(pl.kinds, kind)
}

// oldPathsOf returns the addresses the post had: its permalink, its GUID
// when that is a ?p= link, and ?p=ID (or ?page_id=ID for a page), which
// WordPress answers whatever its permalink settings.
func (pl *planner) oldPathsOf(it *Item, id int64) []string {
	var out []string
	add := func(raw string) {
		u, err := url.Parse(strings.TrimSpace(raw))
		if raw == "" || err != nil {
			return
		}
		p := congtin.OldPath(u.Path, u.RawQuery)
		if p == "" || p == "/" || slices.Contains(out, p) {
			return // the home page is no post's address
		}
		if other, ok := pl.oldPaths[p]; ok {
			pl.note("%s: its old address %s is also %s's; it stays with the first", describe(it), p, other)
			return
		}
		pl.oldPaths[p] = it.PostType + " " + it.PostID
		out = append(out, p)
	}
	add(it.Link)
	if strings.Contains(it.GUID, "?p=") || strings.Contains(it.GUID, "page_id=") {
		add(it.GUID)
	}
	add("/?p=" + strconv.FormatInt(id, 10))
	if it.PostType == "page" {
		add("/?page_id=" + strconv.FormatInt(id, 10))
	}
	return out
}

// galleryExpander expands [caption] and [gallery] in one post.
type galleryExpander struct {
	pl       *planner
	postID   int64
	problems []Skip
}

func (x *galleryExpander) caption(attrs map[string]string, content string) string {
	return captionHTML(attrs, content)
}

// gallery shows the images [gallery] names in ids= (or include=), or else
// the images attached to the post, in WordPress's order.
func (x *galleryExpander) gallery(attrs map[string]string) string {
	var atts []*Item
	list := attrs["ids"]
	if list == "" {
		list = attrs["include"]
	}
	if list != "" {
		for _, f := range strings.Split(list, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
			if err != nil {
				continue
			}
			if a := x.pl.attachments[id]; a != nil {
				atts = append(atts, a)
			} else {
				x.problems = append(x.problems, Skip{What: "gallery image " + strconv.FormatInt(id, 10), Why: "the attachment is not in the export"})
			}
		}
	} else {
		atts = slices.Clone(x.pl.children[x.postID])
		slices.SortStableFunc(atts, func(a, b *Item) int {
			ma, _ := strconv.Atoi(a.MenuOrder)
			mb, _ := strconv.Atoi(b.MenuOrder)
			if ma != mb {
				return ma - mb
			}
			ia, _ := strconv.ParseInt(a.PostID, 10, 64)
			ib, _ := strconv.ParseInt(b.PostID, 10, 64)
			return int(ia - ib)
		})
	}
	var b strings.Builder
	for _, a := range atts {
		if !isImagePath(uploadPath(a.AttachmentURL)) {
			continue
		}
		b.WriteString(`<figure><img src="`)
		b.WriteString(html.EscapeString(a.AttachmentURL))
		b.WriteString(`" alt="`)
		b.WriteString(html.EscapeString(a.Meta["_wp_attachment_image_alt"]))
		b.WriteString(`">`)
		if c := plainText(a.Excerpt); c != "" {
			b.WriteString("<figcaption>")
			b.WriteString(html.EscapeString(c))
			b.WriteString("</figcaption>")
		}
		b.WriteString("</figure>")
	}
	return b.String()
}
