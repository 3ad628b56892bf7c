// Command wxrgen writes a made-up WordPress export with its uploads
// folder, to try `congtin import -format wxr` on:
//
//	go run ./internal/wxr/cmd/wxrgen -n 600 -out /tmp/wp
//	congtin import -format wxr -uploads /tmp/wp/uploads /tmp/wp/export.xml
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/congtin/congtin/internal/wxr/wxrgen"
)

func main() {
	n := flag.Int("n", 600, "number of posts")
	seed := flag.Uint64("seed", 1, "the same seed gives the same files")
	out := flag.String("out", "wxr", "folder to write export.xml and uploads/ into")
	site := flag.String("site", "", "the WordPress site's address (default https://soyte.anphu.gov.vn)")
	flag.Parse()
	m, err := wxrgen.Generate(wxrgen.Config{Posts: *n, Seed: *seed, Site: *site}, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wxrgen:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d posts and pages (%d to be public, %d drafts, %d scheduled, %d to be skipped), %d categories, %d authors\n",
		m.Export, len(m.Posts), m.Count(wxrgen.ExpectPublic), m.Count(wxrgen.ExpectDraft), m.Count(wxrgen.ExpectScheduled),
		m.Count(wxrgen.ExpectSkipped), len(m.Categories), len(m.Authors))
	fmt.Printf("%s: %d image files (%d attachments' files left out on purpose)\n", m.Uploads, m.Images, len(m.MissingFiles))
}
