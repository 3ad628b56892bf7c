package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// mediaHash is a content hash as uploads have them: 64 hex digits.
func mediaHash(n int) string { return fmt.Sprintf("%064x", n*7919+1) }

// mediaRec is an image record of the site with the hash of n.
func mediaRec(siteID int64, n int, name string, by int64) congtin.Media {
	h := mediaHash(n)
	return congtin.Media{SiteID: siteID, Hash: h, Name: name, ContentType: "image/jpeg", Width: 1600, Height: 900, UploadedBy: by,
		Size: int64(100000 + n),
		Variants: []congtin.MediaVariant{
			{Width: 320, Height: 180, Key: h[:2] + "/" + h + "-320.jpg"},
			{Width: 1024, Height: 576, Key: h[:2] + "/" + h + "-1024.jpg"},
		}}
}

// mediaFigure is the HTML the editor writes for an image.
func mediaFigure(m *congtin.Media) string {
	return `<figure><img src="/media/` + m.Variants[1].Key + `" alt="Ảnh" srcset="/media/` + m.Variants[0].Key + ` 320w, /media/` +
		m.Variants[1].Key + ` 1024w" sizes="(max-width: 900px) 100vw, 800px"><figcaption>Chú thích</figcaption></figure>`
}

// testMediaLibrary: the library's fields, filters and search, the index
// of where each image is used (kept in step with every write of an
// article, an about page or an answer), and deletion.
func testMediaLibrary(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	rep2 := MustUser(t, s, site.ID, "phongvien2", congtin.RoleReporter)
	otherRep := MustUser(t, s, other.ID, "phongvienso", congtin.RoleReporter)
	add := func(actor congtin.Actor, m congtin.Media) *congtin.Media {
		t.Helper()
		got, err := s.AddMedia(ctx, actor, &m)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	// Three images on three days, by two reporters.
	hoiNghi := add(rep, mediaRec(site.ID, 1, "hoi-nghi-tong-ket.jpg", rep.User.ID))
	clk.Add(24 * time.Hour)
	leHoi := add(rep2, mediaRec(site.ID, 2, "IMG_2041.JPG", rep2.User.ID))
	clk.Add(24 * time.Hour)
	cau := add(rep, mediaRec(site.ID, 3, "cau-nam-mu.jpg", rep.User.ID))
	if cau.Size != 100003 || cau.UploaderName != rep.User.DisplayName || cau.Alt != "" || cau.Caption != "" {
		t.Fatalf("AddMedia: %+v", cau)
	}

	// The description and caption, as typed (NFC), and searched.
	decomposed := "Le\u0302\u0303 ho\u0323\u0302i đua thuyền trên sông Hậu" // "Lễ hội …" with combining marks
	upd, err := s.UpdateMedia(ctx, rep2, site.ID, leHoi.ID, congtin.MediaInput{Alt: "  " + decomposed + " ", Caption: "Ảnh: Trần Văn B"})
	if err != nil {
		t.Fatal(err)
	}
	if upd.Alt != "Lễ hội đua thuyền trên sông Hậu" || upd.Caption != "Ảnh: Trần Văn B" {
		t.Fatalf("UpdateMedia: %q %q", upd.Alt, upd.Caption)
	}
	got, err := s.FindMediaByID(ctx, site.ID, leHoi.ID)
	if err != nil || got.Alt != upd.Alt || got.Caption != upd.Caption || got.Name != "IMG_2041.JPG" || got.Size != leHoi.Size ||
		got.UploaderName != rep2.User.DisplayName || !got.CreatedAt.Equal(leHoi.CreatedAt) || len(got.Variants) != 2 {
		t.Fatalf("FindMediaByID: %+v, %v", got, err)
	}
	_, err = s.FindMediaByID(ctx, other.ID, leHoi.ID)
	WantCode(t, err, congtin.ENOTFOUND, "another site's image")
	_, err = s.FindMediaByID(ctx, site.ID, 999999)
	WantCode(t, err, congtin.ENOTFOUND, "no such image")

	find := func(f congtin.MediaFilter, what string, want ...*congtin.Media) {
		t.Helper()
		f.SiteID = site.ID
		ms, total, err := s.FindMedia(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var gotIDs, wantIDs []int64
		for _, m := range ms {
			gotIDs = append(gotIDs, m.ID)
		}
		for _, m := range want {
			wantIDs = append(wantIDs, m.ID)
		}
		WantIDs(t, gotIDs, wantIDs, what)
		if total != len(want) {
			t.Fatalf("%s: total %d, want %d", what, total, len(want))
		}
	}
	find(congtin.MediaFilter{}, "all, newest first", cau, leHoi, hoiNghi)
	find(congtin.MediaFilter{Q: "lễ hội"}, "the description, with accents", leHoi)
	find(congtin.MediaFilter{Q: "LE HOI"}, "the description, without accents", leHoi)
	find(congtin.MediaFilter{Q: "tran van"}, "the caption", leHoi)
	find(congtin.MediaFilter{Q: "tổng kết"}, "the file name's words", hoiNghi)
	find(congtin.MediaFilter{Q: "img 2041"}, "a camera's file name", leHoi)
	find(congtin.MediaFilter{Q: "hội nghị đua"}, "every word must match")
	find(congtin.MediaFilter{Q: "%"}, "nothing searchable")
	find(congtin.MediaFilter{Q: "cau' OR 1=1 --"}, "SQL is text")
	find(congtin.MediaFilter{UploadedBy: rep.User.ID}, "by uploader", cau, hoiNghi)
	find(congtin.MediaFilter{UploadedBy: rep.User.ID, Q: "cầu"}, "by uploader and words", cau)
	day2 := clockStart.Add(24 * time.Hour).Truncate(24 * time.Hour)
	find(congtin.MediaFilter{From: day2}, "from the second day", cau, leHoi)
	find(congtin.MediaFilter{To: day2}, "before the second day", hoiNghi)
	find(congtin.MediaFilter{From: day2, To: day2.Add(24 * time.Hour)}, "on the second day", leHoi)
	if ms, total, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Limit: 2, Offset: 2}); err != nil || total != 3 || len(ms) != 1 {
		t.Fatalf("page 2 of 2: %d of %d, %v", len(ms), total, err)
	}
	if ms, total, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: other.ID}); err != nil || total != 0 || len(ms) != 0 {
		t.Fatalf("another site's library: %d, %v", total, err)
	}
	ups, err := s.FindMediaUploaders(ctx, site.ID)
	if err != nil || len(ups) != 2 {
		t.Fatalf("uploaders: %+v, %v", ups, err)
	}
	for _, u := range ups {
		if u.ID != rep.User.ID && u.ID != rep2.User.ID || u.Name == "" {
			t.Fatalf("uploaders: %+v", ups)
		}
	}

	// Where each image is used: an article's body and featured image, an
	// about page's bodies, an answer; every state counts.
	uses := func(m *congtin.Media, what string, want ...string) {
		t.Helper()
		us, err := s.FindMediaUses(ctx, site.ID, []string{m.Hash})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var got []string
		for _, u := range us[m.Hash] {
			got = append(got, fmt.Sprintf("%s %d %s", u.Kind, u.ID, u.Title))
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Fatalf("%s: uses %q, want %q", what, got, want)
		}
	}
	uses(hoiNghi, "a new image")
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tổng kết năm",
		Body: "<p>Mở đầu</p>" + mediaFigure(hoiNghi)})
	uses(hoiNghi, "a draft's body", fmt.Sprintf("article %d Tổng kết năm", a.ID))
	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Lễ hội",
		Body: "<p>Không ảnh</p>", Image: "https://portal.example/media/" + leHoi.Variants[1].Key})
	uses(leHoi, "a featured image, by absolute URL", fmt.Sprintf("article %d Lễ hội", b.ID))
	MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	uses(hoiNghi, "published", fmt.Sprintf("article %d Tổng kết năm", a.ID))
	a = MustUpdateArticle(t, s, ed, site.ID, a.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tổng kết năm 2026",
		Body: "<p>Mở đầu</p>" + mediaFigure(hoiNghi) + mediaFigure(cau)})
	uses(hoiNghi, "renamed", fmt.Sprintf("article %d Tổng kết năm 2026", a.ID))
	uses(cau, "added to a body", fmt.Sprintf("article %d Tổng kết năm 2026", a.ID))
	pg, err := s.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Giới thiệu", Body: "<p>Trang</p>", TitleEN: "About", BodyEN: "<p>About</p>" + mediaFigure(cau)})
	if err != nil {
		t.Fatal(err)
	}
	uses(cau, "and a page's English body", fmt.Sprintf("article %d Tổng kết năm 2026", a.ID), fmt.Sprintf("page %d Giới thiệu", pg.ID))
	q := MustSubmit(t, s, site.ID, QuestionIn("Giấy phép xây dựng", 0), QuestionSub("ip-media"))
	if _, err := s.UpdateQuestion(ctx, ed, site.ID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: "<p>Trả lời</p>" + mediaFigure(cau)}); err != nil {
		t.Fatal(err)
	}
	uses(cau, "and an answer", fmt.Sprintf("article %d Tổng kết năm 2026", a.ID), fmt.Sprintf("page %d Giới thiệu", pg.ID),
		fmt.Sprintf("question %d Giấy phép xây dựng", q.ID))
	// The same image in another site's library and content is that
	// site's own use.
	add(otherRep, mediaRec(other.ID, 3, "cau.jpg", otherRep.User.ID))
	if us, err := s.FindMediaUses(ctx, other.ID, []string{cau.Hash}); err != nil || len(us) != 0 {
		t.Fatalf("another site's uses: %+v, %v", us, err)
	}
	// Taken out again, the uses go.
	MustUpdateArticle(t, s, ed, site.ID, a.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tổng kết năm 2026", Body: "<p>Mở đầu</p>" + mediaFigure(hoiNghi)})
	if _, err := s.UpdatePage(ctx, ed, site.ID, pg.ID, congtin.PageInput{Title: "Giới thiệu", Body: "<p>Trang</p>", TitleEN: "About", BodyEN: "<p>About</p>"}); err != nil {
		t.Fatal(err)
	}
	uses(cau, "only the answer left", fmt.Sprintf("question %d Giấy phép xây dựng", q.ID))
	if _, err := s.UpdateQuestion(ctx, ed, site.ID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: "<p>Trả lời</p>"}); err != nil {
		t.Fatal(err)
	}
	uses(cau, "used nowhere")
	// A consultation's draft and, after its close, its report.
	cin := ConsultationInput(clockStart.Add(-40 * 24 * time.Hour))
	cin.Body = "<p>Dự thảo</p>" + mediaFigure(cau)
	k, err := s.CreateConsultation(ctx, ed, site.ID, cin)
	if err != nil {
		t.Fatal(err)
	}
	uses(cau, "a draft put out for comment", fmt.Sprintf("consultation %d %s", k.ID, k.Title))
	cin.Body, cin.Version = "<p>Dự thảo</p>", k.Version
	if k, err = s.UpdateConsultation(ctx, ed, site.ID, k.ID, cin); err != nil {
		t.Fatal(err)
	}
	uses(cau, "taken out of the draft")
	if _, err := s.PublishReport(ctx, ed, site.ID, k.ID, congtin.ConsultationReport{HTML: "<p>Báo cáo</p>" + mediaFigure(cau), Version: k.Version}); err != nil {
		t.Fatal(err)
	}
	uses(cau, "in the draft's report", fmt.Sprintf("consultation %d %s", k.ID, k.Title))
	if _, err := s.PublishReport(ctx, ed, site.ID, k.ID, congtin.ConsultationReport{HTML: "<p>Báo cáo</p>", Version: k.Version + 1}); err != nil {
		t.Fatal(err)
	}
	uses(cau, "used nowhere again")
	all, err := s.FindMediaUses(ctx, site.ID, []string{hoiNghi.Hash, leHoi.Hash, cau.Hash, "x'--", ""})
	if err != nil || len(all) != 2 || len(all[hoiNghi.Hash]) != 1 || len(all[leHoi.Hash]) != 1 {
		t.Fatalf("uses of a page of images: %+v, %v", all, err)
	}
	if all, err := s.FindMediaUses(ctx, site.ID, nil); err != nil || len(all) != 0 {
		t.Fatalf("uses of no image: %+v, %v", all, err)
	}

	// The queries deletion stands on, straight on a transaction.
	st, ok := s.(congtin.Store)
	if !ok {
		t.Fatalf("%T does not give its store's transactions", s)
	}
	if err := st.WithTx(ctx, func(tx congtin.Tx) error {
		for _, c := range []struct {
			siteID int64
			hash   string
			uses   int
			shared bool
		}{
			{site.ID, hoiNghi.Hash, 1, false},
			{site.ID, leHoi.Hash, 1, false},
			{site.ID, cau.Hash, 0, true}, // in the other site's library
			{other.ID, cau.Hash, 0, true},
			{other.ID, hoiNghi.Hash, 0, true}, // shown by this site's article
			{site.ID, mediaHash(99), 0, false},
		} {
			n, err := tx.MediaUseCount(ctx, c.siteID, c.hash)
			if err != nil || n != c.uses {
				return fmt.Errorf("MediaUseCount(%d, %.8s) = %d, %v; want %d", c.siteID, c.hash, n, err, c.uses)
			}
			sh, err := tx.MediaHashShared(ctx, c.siteID, c.hash)
			if err != nil || sh != c.shared {
				return fmt.Errorf("MediaHashShared(%d, %.8s) = %v, %v; want %v", c.siteID, c.hash, sh, err, c.shared)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	// Deleting: refused while in use, and then nothing changes.
	_, _, err = s.DeleteMedia(ctx, rep, site.ID, hoiNghi.ID)
	WantCode(t, err, congtin.ECONFLICT, "deleting an image in use")
	if _, err := s.FindMediaByID(ctx, site.ID, hoiNghi.ID); err != nil {
		t.Fatalf("a refused deletion deleted: %v", err)
	}
	// An unused one goes; its files are shared with the other site.
	del, shared, err := s.DeleteMedia(ctx, rep, site.ID, cau.ID)
	if err != nil || del.ID != cau.ID || !shared || len(del.Variants) != 2 {
		t.Fatalf("DeleteMedia: %+v, %v, %v", del, shared, err)
	}
	_, err = s.FindMediaByID(ctx, site.ID, cau.ID)
	WantCode(t, err, congtin.ENOTFOUND, "a deleted image")
	_, _, err = s.DeleteMedia(ctx, rep, site.ID, cau.ID)
	WantCode(t, err, congtin.ENOTFOUND, "deleting twice")
	// Once its featured use is gone, the other reporter's image can be
	// deleted by an editor; no other site has it.
	MustUpdateArticle(t, s, ed, site.ID, b.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Lễ hội", Body: "<p>Không ảnh</p>"})
	if _, shared, err := s.DeleteMedia(ctx, ed, site.ID, leHoi.ID); err != nil || shared {
		t.Fatalf("editor deletes: shared %v, %v", shared, err)
	}
	find(congtin.MediaFilter{}, "after the deletions", hoiNghi)
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "media"})
	if strings.Join(acts, " ") != "media.delete media.delete media.edit media.upload media.upload media.upload" {
		t.Fatalf("media audit: %v", acts)
	}
}

// MediaMigration checks that migration 0015 fills the derived data it
// adds for what was stored before it: the search text of each image, and
// where each image is used. open opens the same database each time it is
// called, migrating it, and returns the service and the database's pool.
// The test stores content, takes the database back to before 0015 with
// SQL, and opens it again.
func MediaMigration(t *testing.T, open func(t *testing.T) (congtin.Service, *sql.DB)) {
	ctx := context.Background()
	s, raw := open(t)
	site := MustSite(t, s)
	rep, _, cat := MustDesk(t, s, site.ID, "Tin tức")
	m1, err := s.AddMedia(ctx, rep, &[]congtin.Media{mediaRec(site.ID, 11, "dai-hoi-dang-bo.jpg", rep.User.ID)}[0])
	if err != nil {
		t.Fatal(err)
	}
	m2, err := s.AddMedia(ctx, rep, &[]congtin.Media{mediaRec(site.ID, 12, "khanh-thanh-cau.jpg", rep.User.ID)}[0])
	if err != nil {
		t.Fatal(err)
	}
	m3, err := s.AddMedia(ctx, rep, &[]congtin.Media{mediaRec(site.ID, 13, "chua-dung.jpg", rep.User.ID)}[0])
	if err != nil {
		t.Fatal(err)
	}
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Đại hội", Body: mediaFigure(m1),
		Image: "/media/" + m2.Variants[1].Key})
	pg, err := s.CreatePage(ctx, congtin.SystemActor("storetest"), site.ID, congtin.PageInput{Title: "Lịch sử", Body: "<p>x</p>" + mediaFigure(m2)})
	if err != nil {
		t.Fatal(err)
	}

	// Back to before 0015.
	for _, q := range []string{
		`DROP INDEX media_site`, `DROP INDEX media_uploader`, `DROP TABLE media_uses`,
		`ALTER TABLE media DROP COLUMN alt`, `ALTER TABLE media DROP COLUMN caption`, `ALTER TABLE media DROP COLUMN size`,
		`ALTER TABLE media DROP COLUMN search_text`, `DELETE FROM migrations WHERE name LIKE '%0015_media.sql'`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	s, _ = open(t)
	us, err := s.FindMediaUses(ctx, site.ID, []string{m1.Hash, m2.Hash, m3.Hash})
	if err != nil {
		t.Fatal(err)
	}
	got := func(h string) string {
		var out []string
		for _, u := range us[h] {
			out = append(out, fmt.Sprintf("%s %d", u.Kind, u.ID))
		}
		return strings.Join(out, ", ")
	}
	if got(m1.Hash) != fmt.Sprintf("article %d", a.ID) || got(m2.Hash) != fmt.Sprintf("article %d, page %d", a.ID, pg.ID) || got(m3.Hash) != "" {
		t.Fatalf("uses after the migration: %q, %q, %q", got(m1.Hash), got(m2.Hash), got(m3.Hash))
	}
	ms, n, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Q: "khánh thành"})
	if err != nil || n != 1 || ms[0].ID != m2.ID || ms[0].Size != 0 || ms[0].Alt != "" {
		t.Fatalf("search after the migration: %d, %v", n, err)
	}
	_, _, err = s.DeleteMedia(ctx, rep, site.ID, m1.ID)
	WantCode(t, err, congtin.ECONFLICT, "deleting an image used before the migration")
	if _, _, err := s.DeleteMedia(ctx, rep, site.ID, m3.ID); err != nil {
		t.Fatalf("deleting an unused image: %v", err)
	}
}
