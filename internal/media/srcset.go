package media

import (
	"strconv"
	"strings"
)

// SrcSet formats variants for the srcset attribute of an <img>, each as its
// URL (urlPrefix, a slash, the key) and its width descriptor:
//
//	SrcSet("/media", vs) == "/media/ab/abcd-320.jpg 320w, /media/ab/abcd-640.jpg 640w"
//
// A trailing slash on urlPrefix is ignored. The result needs no escaping
// beyond what html/template does for attributes, as long as urlPrefix holds
// no spaces or commas: keys never do.
func SrcSet(urlPrefix string, vs []Variant) string {
	prefix := strings.TrimRight(urlPrefix, "/")
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(prefix)
		b.WriteByte('/')
		b.WriteString(v.Key)
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(v.Width))
		b.WriteByte('w')
	}
	return b.String()
}
