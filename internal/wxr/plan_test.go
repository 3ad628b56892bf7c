package wxr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/media"
)

// writeJPEG writes a small real JPEG.
func writeJPEG(t *testing.T, path string, w, h int, c color.RGBA) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustPrepare(t *testing.T, xml, uploads string, store blob.Store) *Plan {
	t.Helper()
	exp, err := Read(strings.NewReader(xml), DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Prepare(context.Background(), exp, Options{Uploads: uploads, Blobs: store, Now: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Import.Validate(); err != nil {
		t.Fatalf("the plan does not validate: %v", err)
	}
	return plan
}

func TestPrepare(t *testing.T) {
	uploads := t.TempDir()
	// Only the original: the body's anh-300x200.jpg falls back to it.
	writeJPEG(t, filepath.Join(uploads, "2019", "10", "anh.jpg"), 800, 600, color.RGBA{200, 30, 30, 255})
	store := blob.Dir{Path: t.TempDir()}
	plan := mustPrepare(t, sample, uploads, store)
	imp := plan.Import

	// Categories: keys decoded, slugs by the portal's rules, parents
	// first, and "Trang"/"Chưa phân loại" only when used.
	var cats []string
	for _, c := range imp.Categories {
		cats = append(cats, c.Key+"|"+c.Parent+"|"+c.Name+"|"+c.Slug)
	}
	if want := []string{"tin-tức||Tin tức|tin-tuc", "y-tế|tin-tức|Y tế & sức khỏe|y-te"}; !slices.Equal(cats, want) {
		t.Fatalf("categories %q, want %q", cats, want)
	}
	if len(imp.Authors) != 1 || imp.Authors[0] != (congtin.WPAuthor{Login: "Nguyễn Văn A", Username: "nguyen-van-a", DisplayName: "Nguyễn Văn A"}) {
		t.Fatalf("authors: %+v", imp.Authors)
	}
	if len(imp.Posts) != 1 || plan.Kinds[0] != "post" {
		t.Fatalf("posts: %+v", imp.Posts)
	}
	p := imp.Posts[0]
	if p.ExternalID != "wp:soyte.example.gov.vn:10" || p.Title != "Khám bệnh miễn phí – đợt 1" || p.Slug != "kham-benh" ||
		p.Status != congtin.StatusPublished || !p.PublishedAt.Equal(time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC)) ||
		p.Lead != "Tóm tắt" || p.Category != "y-tế" || p.Author != "Nguyễn Văn A" || p.AuthorName != "Nguyễn Văn A" || !p.Featured {
		t.Fatalf("post: %+v", p)
	}
	if !slices.Equal(p.OldPaths, []string{"/2019/10/01/khạm-benh", "/?p=10"}) {
		t.Fatalf("old paths %q", p.OldPaths)
	}
	// The image is in the library, once, in the portal's widths.
	if len(imp.Media) != 1 || imp.Media[0].Name != "anh.jpg" || imp.Media[0].Width != 800 || len(imp.Media[0].Variants) != 3 {
		t.Fatalf("media: %+v", imp.Media)
	}
	m := imp.Media[0]
	for _, v := range m.Variants {
		if _, err := os.Stat(filepath.Join(store.Path, filepath.FromSlash(v.Key))); err != nil {
			t.Fatalf("variant %s not stored: %v", v.Key, err)
		}
	}
	// The body: paragraphs, the caption as a figure with the stored image.
	src := "/media/" + m.Variants[2].Key
	wantBody := `<p>Đoạn một.</p>
<figure><img alt="Ảnh" src="` + src + `" srcset="/media/` + m.Variants[0].Key + ` 320w, /media/` + m.Variants[1].Key + ` 640w, ` + src +
		` 800w" sizes="(max-width: 900px) 100vw, 800px" width="800" height="600"/><figcaption>Chú thích ảnh</figcaption></figure>
<p>Đoạn hai]]&gt; còn tiếp.</p>`
	if p.Body != wantBody {
		t.Fatalf("body\n%s\nwant\n%s", p.Body, wantBody)
	}
	if p.Image != src {
		t.Fatalf("featured image %q, want %q", p.Image, src)
	}
	notes := strings.Join(plan.Report.Notes, "\n")
	if !strings.Contains(notes, "1 posts have tags") || !strings.Contains(notes, "1 comments are not imported") {
		t.Fatalf("notes: %s", notes)
	}

	// Undo takes back the files it added, not files that were there.
	other := media.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	writeJPEG(t, filepath.Join(uploads, "2019", "10", "anh.jpg"), 800, 600, color.RGBA{200, 30, 30, 255})
	keep := m.Variants[0]
	if err := other.Put(context.Background(), keep.Key, []byte("x"), media.ContentTypeJPEG); err != nil {
		t.Fatal(err)
	}
	plan2 := mustPrepare(t, sample, uploads, other.Blobs)
	plan2.Undo(context.Background())
	for _, v := range m.Variants {
		_, err := os.Stat(filepath.Join(other.Blobs.(blob.Dir).Path, filepath.FromSlash(v.Key)))
		if v.Key == keep.Key && err != nil {
			t.Fatalf("Undo removed %s, which was there before", v.Key)
		} else if v.Key != keep.Key && err == nil {
			t.Fatalf("Undo left %s", v.Key)
		}
	}
}

// item makes a one-post export from the sample, with changes.
func itemXML(t *testing.T, replace ...string) string {
	t.Helper()
	return strings.NewReplacer(replace...).Replace(sample)
}

func TestPrepareStatusesAndDates(t *testing.T) {
	for _, tt := range []struct {
		name     string
		replace  []string
		status   string // "" when skipped
		at       time.Time
		skipWhy  string
		noteWhat string
	}{
		{"published", nil, congtin.StatusPublished, time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", ""},
		{"no GMT time: the site's time in Vietnam", []string{"<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[0000-00-00 00:00:00]]>"},
			congtin.StatusPublished, time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", ""},
		{"impossible date", []string{"<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[2023-02-30 03:40:00]]>"}, "", time.Time{}, "2023-02-30", ""},
		{"no date at all", []string{"<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[0000-00-00 00:00:00]]>", "<![CDATA[2019-10-01 10:40:00]]>", "<![CDATA[0000-00-00 00:00:00]]>"},
			"", time.Time{}, "0000-00-00", ""},
		{"garbage date", []string{"<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[hôm qua]]>"}, "", time.Time{}, "invalid date", ""},
		{"draft without a date", []string{"<![CDATA[publish]]>", "<![CDATA[draft]]>", "<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[0000-00-00 00:00:00]]>",
			"<![CDATA[2019-10-01 10:40:00]]>", "<![CDATA[0000-00-00 00:00:00]]>"}, congtin.StatusDraft, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "", ""},
		{"draft with an impossible date", []string{"<![CDATA[publish]]>", "<![CDATA[draft]]>", "<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[2019-13-01 03:40:00]]>"},
			congtin.StatusDraft, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), "", ""},
		{"pending", []string{"<![CDATA[publish]]>", "<![CDATA[pending]]>"}, congtin.StatusDraft, time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", ""},
		{"private", []string{"<![CDATA[publish]]>", "<![CDATA[private]]>"}, congtin.StatusDraft, time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", "private"},
		{"future", []string{"<![CDATA[publish]]>", "<![CDATA[future]]>", "<![CDATA[2019-10-01 03:40:00]]>", "<![CDATA[2095-01-01 00:00:00]]>"},
			congtin.StatusPublished, time.Date(2095, 1, 1, 0, 0, 0, 0, time.UTC), "", ""},
		{"future already passed", []string{"<![CDATA[publish]]>", "<![CDATA[future]]>"}, congtin.StatusPublished, time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", "has passed"},
		{"password", []string{"<wp:post_password><![CDATA[]]>", "<wp:post_password><![CDATA[secret]]>"}, congtin.StatusDraft,
			time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "", "password"},
		{"trash", []string{"<![CDATA[publish]]>", "<![CDATA[trash]]>"}, "", time.Time{}, "trash", ""},
		{"auto-draft", []string{"<![CDATA[publish]]>", "<![CDATA[auto-draft]]>"}, "", time.Time{}, "auto-draft", ""},
		{"unknown status", []string{"<![CDATA[publish]]>", "<![CDATA[archived]]>"}, "", time.Time{}, "unknown status", ""},
		{"no title", []string{"<![CDATA[Khám bệnh miễn phí &#8211; đợt 1]]>", "<![CDATA[ ]]>"}, "", time.Time{}, "no title", ""},
		{"menu item", []string{"<wp:post_type><![CDATA[post]]>", "<wp:post_type><![CDATA[nav_menu_item]]>"}, "", time.Time{}, "nav_menu_item", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plan := mustPrepare(t, itemXML(t, tt.replace...), "", blob.Dir{Path: t.TempDir()})
			if tt.status == "" {
				if len(plan.Import.Posts) != 0 {
					t.Fatalf("not skipped: %+v", plan.Import.Posts[0])
				}
				found := false
				for _, s := range plan.Report.Skipped {
					if strings.HasPrefix(s.What, "post 10 ") || strings.HasPrefix(s.What, "nav_menu_item 10 ") {
						found = strings.Contains(s.Why, tt.skipWhy)
						if !strings.Contains(s.What, "(line 19)") {
							t.Errorf("skip %q does not give the line", s.What)
						}
					}
				}
				if !found {
					t.Fatalf("no skip saying %q: %+v", tt.skipWhy, plan.Report.Skipped)
				}
				return
			}
			if len(plan.Import.Posts) != 1 {
				t.Fatalf("skipped: %+v", plan.Report.Skipped)
			}
			p := plan.Import.Posts[0]
			if p.Status != tt.status || !p.PublishedAt.Equal(tt.at) {
				t.Fatalf("status %s at %v, want %s at %v", p.Status, p.PublishedAt, tt.status, tt.at)
			}
			if tt.noteWhat != "" && !strings.Contains(strings.Join(plan.Report.Notes, "\n"), tt.noteWhat) {
				t.Fatalf("no note about %q: %q", tt.noteWhat, plan.Report.Notes)
			}
		})
	}
}

// TestPrepareWithoutUploads: with no uploads folder, the post comes in
// without its image and the report says why.
func TestPrepareWithoutUploads(t *testing.T) {
	plan := mustPrepare(t, sample, "", blob.Dir{Path: t.TempDir()})
	p := plan.Import.Posts[0]
	if strings.Contains(p.Body, "<img") || strings.Contains(p.Body, "figure") || !strings.Contains(p.Body, "<p>Chú thích ảnh</p>") || p.Image != "" {
		t.Fatalf("body %q, image %q", p.Body, p.Image)
	}
	var whys []string
	for _, s := range plan.Report.Skipped {
		whys = append(whys, s.What+": "+s.Why)
	}
	all := strings.Join(whys, "\n")
	for _, want := range []string{"image 2019/10/anh-300x200.jpg in post 10", "featured image 2019/10/anh.jpg of post 10", "attachment 20", "no uploads folder given"} {
		if !strings.Contains(all, want) {
			t.Errorf("skips do not say %q:\n%s", want, all)
		}
	}
}

// TestPreparePages: pages go to the hidden category "Trang"; a post
// filed nowhere to "Chưa phân loại"; the first paragraph is the lead when
// there is no excerpt.
func TestPreparePages(t *testing.T) {
	xml := itemXML(t, "<wp:post_type><![CDATA[post]]>", "<wp:post_type><![CDATA[page]]>",
		`<excerpt:encoded><![CDATA[Tóm tắt]]></excerpt:encoded>`, `<excerpt:encoded><![CDATA[]]></excerpt:encoded>`)
	plan := mustPrepare(t, xml, "", blob.Dir{Path: t.TempDir()})
	p := plan.Import.Posts[0]
	last := plan.Import.Categories[len(plan.Import.Categories)-1]
	if plan.Kinds[0] != "page" || p.Category != last.Key || last.Name != "Trang" || !last.Hidden || last.Slug != "trang" {
		t.Fatalf("page in %q; categories %+v", p.Category, plan.Import.Categories)
	}
	if !slices.Contains(p.OldPaths, "/?page_id=10") {
		t.Fatalf("old paths %q", p.OldPaths)
	}
	if p.Lead != "Đoạn một." || strings.Contains(p.Body, "Đoạn một.") {
		t.Fatalf("lead %q, body %q", p.Lead, p.Body)
	}
	xml = itemXML(t, `<category domain="category" nicename="y-t%e1%ba%bf"><![CDATA[Y tế &amp; sức khỏe]]></category>`, "")
	plan = mustPrepare(t, xml, "", blob.Dir{Path: t.TempDir()})
	last = plan.Import.Categories[len(plan.Import.Categories)-1]
	if plan.Import.Posts[0].Category != last.Key || last.Slug != "chua-phan-loai" {
		t.Fatalf("uncategorized post in %q", plan.Import.Posts[0].Category)
	}
}
