package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/s3"
)

// imagesVersion names the generated images in the cache key; change it
// whenever photo changes, so that no older set is reused.
const imagesVersion = 1

// The generated photographs are wider than the widest variant, so each
// gives one variant of every width, as a camera's picture does.
const photoW, photoH = 2000, 1333

// imagesPerArticle is how many images an article page of the scenario
// loads after the page.
const imagesPerArticle = 3

// imageSet is the variants the article + images scenario asks for: what
// media.Process makes of generated photographs, kept in a folder of the
// cache (a blob.Dir) with a manifest of their keys, sizes and SHA-256.
type imageSet struct {
	dir  string
	keys []string
	size map[string]int64
	sum  map[string]string // hex SHA-256 of the bytes
}

// contentType is the variant's, by its key (media.Files checks the same).
func contentType(key string) string {
	if strings.HasSuffix(key, ".png") {
		return media.ContentTypePNG
	}
	return media.ContentTypeJPEG
}

// forArticle returns the media paths an article page of record j loads.
func (s *imageSet) forArticle(j int) []string {
	out := make([]string, imagesPerArticle)
	for m := range out {
		out[m] = "/media/" + s.keys[(j*imagesPerArticle+m)%len(s.keys)]
	}
	return out
}

// prepareImages returns k variants, from the cache when a manifest of
// them is there, else made and recorded.
func prepareImages(cache string, k int, stderr io.Writer) (*imageSet, error) {
	dir := filepath.Join(cache, fmt.Sprintf("images-k%d-v%d", k, imagesVersion))
	manifest := filepath.Join(dir, "manifest.txt")
	s, err := readImages(dir, manifest, k)
	if err == nil {
		fmt.Fprintf(stderr, "images: cached, %d variants in %s\n", k, dir)
		return s, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "images: not using the cache: %v\n", err)
	}
	fmt.Fprintf(stderr, "images: making %d variants of generated photographs with media.Process\n", k)
	s = &imageSet{dir: dir, size: map[string]int64{}, sum: map[string]string{}}
	store := blob.Dir{Path: dir}
	var b strings.Builder
	for i := 0; len(s.keys) < k; i++ {
		var src bytes.Buffer
		if err := jpeg.Encode(&src, photo(i), &jpeg.Options{Quality: 92}); err != nil {
			return nil, err
		}
		p, err := media.Process(&src, media.DefaultLimits)
		if err != nil {
			return nil, fmt.Errorf("images: photograph %d: %w", i, err)
		}
		for _, v := range p.Variants[:min(len(p.Variants), k-len(s.keys))] {
			if err := store.Put(context.Background(), v.Key, bytes.NewReader(v.Data), int64(len(v.Data)), v.ContentType); err != nil {
				return nil, err
			}
			sum := sha256.Sum256(v.Data)
			s.add(v.Key, int64(len(v.Data)), hex.EncodeToString(sum[:]))
			fmt.Fprintf(&b, "%s %d %s\n", v.Key, len(v.Data), s.sum[v.Key])
		}
	}
	// Last, by rename: an interrupted run leaves no manifest.
	tmp := manifest + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	return s, os.Rename(tmp, manifest)
}

func (s *imageSet) add(key string, size int64, sum string) {
	s.keys = append(s.keys, key)
	s.size[key], s.sum[key] = size, sum
}

// readImages reads the manifest and checks that every file it names is
// there with its size.
func readImages(dir, manifest string, k int) (*imageSet, error) {
	f, err := os.Open(manifest)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := &imageSet{dir: dir, size: map[string]int64{}, sum: map[string]string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 || !media.ValidKey(fs[0]) {
			return nil, fmt.Errorf("%s: bad line %q", manifest, sc.Text())
		}
		size, err := strconv.ParseInt(fs[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", manifest, err)
		}
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(fs[0]))); err != nil || fi.Size() != size {
			return nil, fmt.Errorf("%s: %s is missing or of another size", manifest, fs[0])
		}
		s.add(fs[0], size, fs[2])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(s.keys) != k {
		return nil, fmt.Errorf("%s lists %d variants, not %d", manifest, len(s.keys), k)
	}
	return s, nil
}

// putInto stores every variant where congtin will read it, as an upload
// would have: the -media-dir folder, or the bucket -media-store names.
func (s *imageSet) putInto(ctx context.Context, store blob.Store) error {
	src := blob.Dir{Path: s.dir}
	for _, key := range s.keys {
		o, err := src.Open(ctx, key)
		if err != nil {
			return err
		}
		err = store.Put(ctx, key, o, s.size[key], contentType(key))
		o.Close()
		if err != nil {
			return fmt.Errorf("images: put %s: %w", key, err)
		}
	}
	return nil
}

// mediaStore opens the store congtin is given: the bucket of the
// -media-store URL (credentials from the environment, as congtin reads
// them), else the folder.
func mediaStore(storeURL, dir string) (blob.Store, error) {
	if storeURL == "" {
		return blob.Dir{Path: dir}, nil
	}
	return s3.Open(storeURL)
}

// photo is a generated picture with what makes a photograph's JPEG its
// size: smooth light over the frame, shapes with edges, and sensor
// noise. Each i gives another picture, the same on every run.
func photo(i int) image.Image {
	r := rand.New(rand.NewPCG(uint64(i), 17))
	img := image.NewRGBA(image.Rect(0, 0, photoW, photoH))
	type disc struct {
		x, y, rad float64
		c         [3]float64
	}
	discs := make([]disc, 12)
	for d := range discs {
		discs[d] = disc{r.Float64() * photoW, r.Float64() * photoH, 60 + r.Float64()*300,
			[3]float64{r.Float64() * 255, r.Float64() * 255, r.Float64() * 255}}
	}
	sky := [3]float64{80 + r.Float64()*100, 120 + r.Float64()*80, 160 + r.Float64()*90}
	fx, fy := 0.002+r.Float64()*0.01, 0.002+r.Float64()*0.01
	for y := range photoH {
		for x := range photoW {
			light := 0.6 + 0.4*math.Sin(float64(x)*fx)*math.Cos(float64(y)*fy)
			c := [3]float64{sky[0] * light, sky[1] * light, sky[2] * light * float64(photoH-y) / photoH}
			for _, d := range discs {
				if dx, dy := float64(x)-d.x, float64(y)-d.y; dx*dx+dy*dy < d.rad*d.rad {
					c = d.c
				}
			}
			n := r.NormFloat64() * 6
			img.Set(x, y, color.RGBA{clamp(c[0] + n), clamp(c[1] + n), clamp(c[2] + n), 255})
		}
	}
	return img
}

func clamp(v float64) uint8 { return uint8(min(255, max(0, v))) }

// check asks congtin for every variant and compares the bytes with what
// was put; it returns how many matched, or the first that did not.
func (s *imageSet) check(ctx context.Context, c *http.Client, base string) (int, error) {
	for i, key := range s.keys {
		status, body, err := fetch(ctx, c, base+"/media/"+key)
		if err != nil || status != http.StatusOK {
			return i, fmt.Errorf("images: GET /media/%s: %d %v", key, status, err)
		}
		if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != s.sum[key] {
			return i, fmt.Errorf("images: GET /media/%s: %d bytes, not the %d put", key, len(body), s.size[key])
		}
	}
	return len(s.keys), nil
}
