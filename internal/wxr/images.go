package wxr

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/media"
)

// uploadsMarker is where WordPress keeps uploaded files; what follows it
// in a URL (2019/10/anh.jpg) is the file's place in the uploads folder.
const uploadsMarker = "/wp-content/uploads/"

// mediaPrefix is where the portal serves stored images.
const mediaPrefix = "/media/"

// imageSizes is what the editor gives an image it inserts with srcset.
const imageSizes = "(max-width: 900px) 100vw, 800px"

// images brings the files of the uploads folder into the media library,
// each once, through media.Process: the same checks and sizes as an
// editor's upload.
type images struct {
	ctx    context.Context
	dir    string // the uploads folder; "" when none was given
	root   *os.Root
	added  *blob.Added // what this import stored that was not there
	store  media.Files // over added
	limits media.Limits

	done    map[string]*congtin.Media // by path in the uploads folder
	failed  map[string]string         // by path: why it could not be used
	byHash  map[string]bool
	records []*congtin.Media
}

func newImages(ctx context.Context, dir string, blobs blob.Store, lim media.Limits) (*images, error) {
	added := &blob.Added{Store: blobs}
	im := &images{ctx: ctx, dir: dir, added: added, store: media.Files{Blobs: added}, limits: lim,
		done: map[string]*congtin.Media{}, failed: map[string]string{}, byHash: map[string]bool{}}
	if dir != "" {
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			return nil, errors.New(dir + " is not a folder")
		}
		if im.root, err = os.OpenRoot(dir); err != nil {
			return nil, err
		}
	}
	return im, nil
}

func (im *images) close() {
	if im.root != nil {
		im.root.Close()
	}
}

// uploadPath returns the place in the uploads folder of a URL of a file
// WordPress uploaded, or "" for any other URL.
func uploadPath(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	i := strings.Index(p.Path, uploadsMarker)
	if i < 0 {
		return ""
	}
	rel := path.Clean(p.Path[i+len(uploadsMarker):])
	if rel == "." || strings.HasPrefix(rel, "../") || rel == ".." || strings.HasPrefix(rel, "/") {
		return ""
	}
	return rel
}

// sizedRE matches the size WordPress adds to the names of the smaller
// copies it makes (anh-300x200.jpg), and its "-scaled" originals.
var sizedRE = regexp.MustCompile(`-(?:\d+x\d+|scaled)(\.[A-Za-z0-9]+)$`)

var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".jpe": true, ".png": true, ".gif": true, ".webp": true}

// isImagePath reports whether a file name says image.
func isImagePath(rel string) bool { return imageExts[strings.ToLower(path.Ext(rel))] }

// get returns the media record of the uploaded file at rel, processing and
// storing it the first time; or why it cannot be had.
func (im *images) get(rel string) (*congtin.Media, string) {
	if m, ok := im.done[rel]; ok {
		return m, ""
	}
	if why, ok := im.failed[rel]; ok {
		return nil, why
	}
	// WordPress's smaller copies (anh-300x200.jpg) stand for their
	// original, which the media pipeline sizes itself: one library entry
	// per uploaded image, at its best quality.
	if orig := sizedRE.ReplaceAllString(rel, "$1"); orig != rel && im.root != nil {
		if fi, err := im.root.Stat(orig); err == nil && fi.Mode().IsRegular() {
			m, why := im.get(orig)
			if m == nil {
				im.failed[rel] = why
			} else {
				im.done[rel] = m
			}
			return m, why
		}
	}
	m, why := im.load(rel)
	if m == nil {
		im.failed[rel] = why
		return nil, why
	}
	im.done[rel] = m
	return m, ""
}

func (im *images) load(rel string) (*congtin.Media, string) {
	if im.root == nil {
		return nil, "no uploads folder given (-uploads DIR)"
	}
	if !isImagePath(rel) {
		return nil, "not an image (" + path.Ext(rel) + "): the media library holds JPEG, PNG, GIF and WebP images"
	}
	f, err := im.root.Open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "file not found in the uploads folder: " + rel
	} else if err != nil {
		return nil, "cannot read " + rel + ": " + err.Error()
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, "not a regular file: " + rel
	}
	p, err := media.Process(f, im.limits)
	if err != nil {
		if congtin.ErrorCode(err) == congtin.EINVALID {
			return nil, "not a usable image (a JPEG, PNG, GIF or WebP of at most 20 MB and 40 megapixels, not corrupt): " + rel
		}
		return nil, "cannot read " + rel + ": " + err.Error()
	}
	// An image skipped half stored takes back the sizes it added: no
	// row will name them.
	mark := im.added.Len()
	for _, v := range p.Variants {
		if err := im.store.Put(im.ctx, v.Key, v.Data, v.ContentType); err != nil {
			im.added.RemoveFrom(im.ctx, mark)
			return nil, "cannot store " + rel + ": " + err.Error()
		}
	}
	m := &congtin.Media{Hash: p.Hash, Name: path.Base(rel), ContentType: p.ContentType, Width: p.Width, Height: p.Height, Size: fi.Size()}
	for _, v := range p.Variants {
		m.Variants = append(m.Variants, congtin.MediaVariant{Width: v.Width, Height: v.Height, Key: v.Key})
	}
	if !im.byHash[m.Hash] {
		im.byHash[m.Hash] = true
		im.records = append(im.records, m)
	}
	return m, ""
}

// undo deletes the files this import added.
func (im *images) undo(ctx context.Context) { im.added.Remove(ctx) }

// display returns the variant an article shows (the widest up to 1024
// pixels, as the editor does) and the srcset of all of them.
func display(m *congtin.Media) (congtin.MediaVariant, string) {
	best := m.Variants[0]
	vs := make([]media.Variant, len(m.Variants))
	for i, v := range m.Variants {
		if v.Width <= 1024 {
			best = v
		}
		vs[i] = media.Variant{Width: v.Width, Height: v.Height, Key: v.Key}
	}
	return best, media.SrcSet(mediaPrefix, vs)
}

// largest returns the URL of the widest variant, for links to the full
// image.
func largest(m *congtin.Media) string {
	return mediaPrefix + m.Variants[len(m.Variants)-1].Key
}
