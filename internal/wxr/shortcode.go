package wxr

import (
	"html"
	"regexp"
	"strings"
)

// A shortcode is WordPress's macro syntax in post bodies: [name attr="v"],
// [name]content[/name], [name /]. WordPress expands only the shortcodes its
// plugins register; an export carries them unexpanded. Two are common in
// news bodies and have an HTML equivalent: [caption] (an image with its
// caption) and [gallery] (images of the media library). Every other one
// is dropped and its content kept as text, so a plugin's [embed]…[/embed]
// or [su_note]…[/su_note] leaves its words but no brackets.

// shortcode is one parsed tag.
type shortcode struct {
	name       string
	attrs      map[string]string
	positional []string
	closing    bool // [/name]
	self       bool // [name /]
	raw        string
}

// knownBare are shortcodes that plugins often use without attributes or a
// closing tag; a bare [word] that is not among them is text ("[sic]").
var knownBare = map[string]bool{
	"embed": true, "video": true, "audio": true, "playlist": true, "gallery": true, "caption": true,
	"wp_caption": true, "toc": true, "contact-form": true, "contact-form-7": true, "fts_facebook": true,
}

// attrRE matches one attribute as WordPress's shortcode_parse_atts does.
var attrRE = regexp.MustCompile(`([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)`)

// parseShortcode parses the tag at the start of s (s[0] == '['). It
// returns the tag and its length, or ok false when s does not start with
// something shaped like a shortcode.
func parseShortcode(s string) (sc shortcode, n int, ok bool) {
	if len(s) < 3 || s[0] != '[' {
		return sc, 0, false
	}
	i := 1
	if s[i] == '/' {
		sc.closing = true
		i++
	}
	start := i
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_' || s[i] == '-' ||
		s[i] >= 'A' && s[i] <= 'Z' && i > start) {
		i++
	}
	if i == start || !(s[start] >= 'a' && s[start] <= 'z') || i >= len(s) {
		return sc, 0, false
	}
	sc.name = strings.ToLower(s[start:i])
	// After the name: ], /], or white space and attributes up to ].
	// As in WordPress, attributes hold no brackets, quoted or not.
	attrStart := i
	for ; i < len(s) && i < 4000; i++ {
		c := s[i]
		switch {
		case c == '[':
			return sc, 0, false
		case c == ']':
			body := s[attrStart:i]
			if body != "" && body[0] != ' ' && body[0] != '\t' && body[0] != '\n' && body[0] != '/' && body[0] != '\u00a0' {
				return sc, 0, false
			}
			body = strings.TrimSpace(body)
			if strings.HasSuffix(body, "/") {
				sc.self = true
				body = strings.TrimSpace(strings.TrimSuffix(body, "/"))
			}
			if sc.closing && body != "" {
				return sc, 0, false
			}
			sc.attrs = map[string]string{}
			for _, m := range attrRE.FindAllStringSubmatch(html.UnescapeString(strings.ReplaceAll(body, "\u00a0", " "))+" ", -1) {
				switch {
				case m[1] != "":
					sc.attrs[strings.ToLower(m[1])] = m[2]
				case m[3] != "":
					sc.attrs[strings.ToLower(m[3])] = m[4]
				case m[5] != "":
					sc.attrs[strings.ToLower(m[5])] = m[6]
				case m[7] != "" || m[8] != "":
					sc.positional = append(sc.positional, m[7]+m[8])
				case m[9] != "":
					sc.positional = append(sc.positional, m[9])
				}
			}
			sc.raw = s[:i+1]
			return sc, i + 1, true
		}
	}
	return sc, 0, false
}

// expander turns the shortcodes it knows into HTML.
type expander interface {
	caption(attrs map[string]string, content string) string
	gallery(attrs map[string]string) string
}

// expandShortcodes replaces the shortcodes in s: known ones by their HTML,
// unknown ones by their content.
func expandShortcodes(s string, x expander) string {
	return expandDepth(s, x, 0)
}

func expandDepth(s string, x expander, depth int) string {
	if depth > 10 || !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		// [[name]] is WordPress's escape for a literal [name].
		if strings.HasPrefix(s, "[[") {
			if sc, n, ok := parseShortcode(s[1:]); ok && strings.HasPrefix(s[1+n:], "]") {
				b.WriteString(sc.raw)
				s = s[n+2:]
				continue
			}
		}
		sc, n, ok := parseShortcode(s)
		if !ok {
			b.WriteByte('[')
			s = s[1:]
			continue
		}
		rest := s[n:]
		content, after, paired := "", rest, false
		if !sc.closing && !sc.self {
			if j := indexFold(rest, "[/"+sc.name+"]"); j >= 0 {
				content, after, paired = rest[:j], rest[j+len(sc.name)+3:], true
			}
		}
		looksLikeShortcode := paired || sc.self || len(sc.attrs) > 0 || knownBare[sc.name] || strings.ContainsAny(sc.name, "_-") ||
			sc.closing && (knownBare[sc.name] || strings.ContainsAny(sc.name, "_-"))
		if !looksLikeShortcode {
			b.WriteByte('[')
			s = s[1:]
			continue
		}
		switch {
		case sc.closing:
			// A stray closing tag: dropped.
		case sc.name == "caption" || sc.name == "wp_caption":
			b.WriteString(x.caption(sc.attrs, expandDepth(content, x, depth+1)))
		case sc.name == "gallery":
			b.WriteString(x.gallery(sc.attrs))
			b.WriteString(expandDepth(content, x, depth+1))
		default:
			b.WriteString(expandDepth(content, x, depth+1))
		}
		s = after
	}
	return b.String()
}

// indexFold is strings.Index for an ASCII needle, ignoring case.
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// captionImageRE finds the image a [caption] wraps, with the link around
// it if any; what follows is the caption text.
var leadingBreakRE = regexp.MustCompile(`^(?i)(\s|<br\s*/?>)+`)

var captionImageRE = regexp.MustCompile(`(?is)^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$`)

// captionHTML is the figure for [caption]: the image (and its link) and
// the caption, taken from the caption attribute of old WordPress versions
// or from the text after the image.
func captionHTML(attrs map[string]string, content string) string {
	img, text := "", content
	if m := captionImageRE.FindStringSubmatch(content); m != nil {
		img, text = m[1], m[2]
	}
	if c := attrs["caption"]; c != "" {
		text = c
	}
	text = strings.TrimSpace(leadingBreakRE.ReplaceAllString(text, ""))
	if img == "" {
		// No image inside: keep the text, as WordPress would show it.
		return text
	}
	var b strings.Builder
	b.WriteString("<figure>")
	b.WriteString(img)
	if text != "" {
		b.WriteString("<figcaption>")
		b.WriteString(text)
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

var paragraphRE = regexp.MustCompile(`(?s)<p>(.*?)</p>`)

// unautopShortcodes takes the <p> that autop put around a shortcode
// standing alone in its paragraph (WordPress's shortcode_unautop), so that
// the figure it becomes is not inside a paragraph.
func unautopShortcodes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return paragraphRE.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.TrimSpace(m[3 : len(m)-4])
		if !strings.HasPrefix(inner, "[") || !strings.HasSuffix(inner, "]") {
			return m
		}
		sc, n, ok := parseShortcode(inner)
		if !ok || sc.closing {
			return m
		}
		if n == len(inner) {
			return inner
		}
		end := "[/" + sc.name + "]"
		if j := indexFold(inner[n:], end); j >= 0 && n+j+len(end) == len(inner) {
			return inner
		}
		return m
	})
}
