package wxr

import (
	"regexp"
	"strconv"
	"strings"
)

// WordPress stores classic-editor bodies without paragraph tags: a blank
// line separates paragraphs and a single line break is a <br>. Its
// wpautop adds the tags when a page is shown. autop does the same for the
// import, after the rules of wpautop (WordPress 6): blank lines around
// block-level elements, a <p> around every other stretch of text, <br>
// for single line breaks outside block tags, and <pre> left alone.
// Block-editor bodies (with <!-- wp: --> comments) have their tags
// already and are not touched.

const blockTags = `(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)`

var (
	preRE          = regexp.MustCompile(`(?is)<pre[\s>].*?</pre>`)
	tagNewlineRE   = regexp.MustCompile(`<[^>]*\n[^>]*>`)
	blockOpenRE    = regexp.MustCompile(`(?i)(<` + blockTags + `[\s/>])`)
	blockCloseRE   = regexp.MustCompile(`(?i)(</` + blockTags + `>)`)
	hrRE           = regexp.MustCompile(`(?i)<hr\s*/?>`)
	manyNewlinesRE = regexp.MustCompile(`\n\s*\n`)
	emptyPRE       = regexp.MustCompile(`<p>\s*</p>`)
	pTextCloseRE   = regexp.MustCompile(`(?i)<p>([^<]+)</(div|address|form)>`)
	pOpenBlockRE   = regexp.MustCompile(`(?i)<p>\s*(</?` + blockTags + `[^>]*>)`)
	pCloseBlockRE  = regexp.MustCompile(`(?i)(</?` + blockTags + `[^>]*>)\s*</p>`)
	pLiRE          = regexp.MustCompile(`(?i)<p>(<li.+?)</p>`)
	pBlockquoteRE  = regexp.MustCompile(`(?i)<p><blockquote([^>]*)>`)
	brAfterBlockRE = regexp.MustCompile(`(?i)(</?` + blockTags + `[^>]*>)\s*<br>`)
	brBeforeRE     = regexp.MustCompile(`(?i)<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`)
	newlineRE      = regexp.MustCompile(`([^\n])\n`)
)

// isBlockEditor reports whether a body was written in the block editor,
// whose markup already has its paragraphs.
func isBlockEditor(s string) bool { return strings.Contains(s, "<!-- wp:") }

// autop adds paragraph and line-break tags to a classic-editor body.
func autop(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	// <pre> keeps its line breaks: set it aside.
	var pres []string
	s = preRE.ReplaceAllStringFunc(s, func(m string) string {
		pres = append(pres, m)
		return "<pre wp-pre-tag-" + strconv.Itoa(len(pres)-1) + "></pre>"
	})
	s = tagNewlineRE.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, "\n", " ") })
	s = blockOpenRE.ReplaceAllString(s, "\n\n$1")
	s = blockCloseRE.ReplaceAllString(s, "$1\n\n")
	s = hrRE.ReplaceAllString(s, "$0\n\n")
	var b strings.Builder
	for _, p := range manyNewlinesRE.Split(s, -1) {
		p = strings.Trim(p, " \t\n")
		if p == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(p)
		b.WriteString("</p>\n")
	}
	s = b.String()
	s = emptyPRE.ReplaceAllString(s, "")
	s = pTextCloseRE.ReplaceAllString(s, "<p>$1</p></$2>")
	s = pLiRE.ReplaceAllString(s, "$1")
	s = pBlockquoteRE.ReplaceAllString(s, "<blockquote$1><p>")
	s = strings.ReplaceAll(s, "</blockquote></p>", "</p></blockquote>")
	s = pOpenBlockRE.ReplaceAllString(s, "$1")
	s = pCloseBlockRE.ReplaceAllString(s, "$1")
	// Single line breaks inside a paragraph.
	s = newlineRE.ReplaceAllString(strings.TrimRight(s, "\n"), "$1<br>\n")
	s = brAfterBlockRE.ReplaceAllString(s, "$1")
	s = brBeforeRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<br>\n<br>", "<br>")
	for i, pre := range pres {
		s = strings.Replace(s, "<pre wp-pre-tag-"+strconv.Itoa(i)+"></pre>", pre, 1)
	}
	return s
}
