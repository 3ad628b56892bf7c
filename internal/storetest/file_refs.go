package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// testFileRefs: FindFileRefs names every file the database refers to, of
// every site, each once: images' variants (the same image in two
// libraries shares its files) and attachments (two documents with the
// same bytes share one), and no longer the files of a deleted image.
func testFileRefs(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	ed2 := MustUser(t, s, other.ID, "bientap2", congtin.RoleEditor)
	if refs, err := s.FindFileRefs(ctx); err != nil || len(refs.MediaKeys)+len(refs.Attachments) != 0 {
		t.Fatalf("empty database: %+v, %v", refs, err)
	}
	img := func(siteID int64, hash string, keys ...string) congtin.Media {
		m := congtin.Media{SiteID: siteID, Hash: hash, Name: hash + ".jpg", ContentType: "image/jpeg", Width: 1600, Height: 900}
		for _, k := range keys {
			m.Variants = append(m.Variants, congtin.MediaVariant{Width: 320, Height: 180, Key: k})
		}
		return m
	}
	for _, c := range []struct {
		actor congtin.Actor
		m     congtin.Media
	}{
		{ed, img(site.ID, "3a7b", "3a/3a7b-320.jpg", "3a/3a7b-1600.jpg")},
		{ed2, img(other.ID, "3a7b", "3a/3a7b-320.jpg", "3a/3a7b-1600.jpg")},
		{ed2, img(other.ID, "c3d4", "c3/c3d4-800.png")},
	} {
		if _, err := s.AddMedia(ctx, c.actor, &c.m); err != nil {
			t.Fatal(err)
		}
	}
	gone := img(site.ID, "e5f6", "e5/e5f6-640.jpg")
	goneRec, err := s.AddMedia(ctx, ed, &gone)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.DeleteMedia(ctx, ed, site.ID, goneRec.ID); err != nil {
		t.Fatal(err)
	}
	pdf, docx := strings.Repeat("a", 64), strings.Repeat("b", 64)
	for i, files := range [][]congtin.DocumentFileInput{
		{{Name: "ke-hoach.pdf", Kind: congtin.FilePDF, Size: 10, Hash: pdf}, {Name: "phu-luc.docx", Kind: congtin.FileDOCX, Size: 9, Hash: docx}},
		{{Name: "ban-sao.pdf", Kind: congtin.FilePDF, Size: 10, Hash: pdf}},
	} {
		if _, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: TermID(t, s, site.ID, congtin.ListTypes, "Quyết định"),
			Number: []string{"15/QĐ-UBND", "16/QĐ-UBND"}[i], Issuer: "Ủy ban nhân dân tỉnh", IssuedOn: day("2026-11-02"),
			Summary: "Quyết định về công tác phòng chống thiên tai", AddFiles: files}); err != nil {
			t.Fatal(err)
		}
	}
	refs, err := s.FindFileRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(refs.MediaKeys)
	if want := []string{"3a/3a7b-1600.jpg", "3a/3a7b-320.jpg", "c3/c3d4-800.png"}; !slices.Equal(refs.MediaKeys, want) {
		t.Errorf("media keys %q, want %q", refs.MediaKeys, want)
	}
	if want := []congtin.AttachmentRef{{Hash: pdf, Kind: congtin.FilePDF}, {Hash: docx, Kind: congtin.FileDOCX}}; !slices.Equal(refs.Attachments, want) {
		t.Errorf("attachments %+v, want %+v", refs.Attachments, want)
	}
}
