package sanitize

import (
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	for _, tt := range []struct {
		name, in   string
		want       []string // must appear in the output
		mustNotSee []string // must not appear
	}{
		{"script removed", `<p>Xin chào</p><script>alert(1)</script>`, []string{"<p>Xin chào</p>"}, []string{"script", "alert"}},
		{"event handler removed", `<p onclick="x()">a</p><img src="/a.png" onerror="alert(1)">`, []string{`<img src="/a.png"`}, []string{"onclick", "onerror"}},
		{"javascript url removed", `<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt:alert(1)">y</a>`, nil, []string{"javascript", "JaVaScRiPt"}},
		{"data url removed", `<img src="data:image/svg+xml;base64,PHN2Zz4=">`, nil, []string{"data:"}},
		{"layout style removed", `<p style="position:fixed;top:0;width:5000px">a</p>`, []string{"<p>a</p>"}, []string{"position", "5000"}},
		{"text-align kept", `<p style="text-align: center">a</p>`, []string{`text-align: center`}, nil},
		{"figure kept", `<figure><img src="/static/demo/a.svg" alt="Cánh đồng"><figcaption>Chú thích</figcaption></figure>`, []string{"<figure>", "<figcaption>Chú thích</figcaption>", `alt="Cánh đồng"`}, nil},
		{"table kept", `<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>`, []string{"<table>", `<th scope="col">`, `colspan="2"`}, nil},
		{"lists and links kept", `<ul><li><a href="https://example.org/x">x</a></li></ul>`, []string{"<ul><li>", `href="https://example.org/x"`}, []string{"nofollow"}},
		{"svg payload removed", `<svg><script>alert(1)</script></svg><svg onload=alert(1)>`, nil, []string{"svg", "alert"}},
		{"iframe removed", `<iframe src="https://evil.example"></iframe>`, nil, []string{"iframe"}},
		{"style element removed", `<style>body{display:none}</style><p>a</p>`, []string{"<p>a</p>"}, []string{"display"}},
		{"srcset of our media kept", `<img src="/media/ab/abc-640.jpg" srcset="/media/ab/abc-320.jpg 320w, /media/ab/abc-640.jpg 640w" sizes="(max-width: 600px) 100vw, 700px" alt="">`, []string{`srcset="/media/ab/abc-320.jpg 320w, /media/ab/abc-640.jpg 640w"`, `sizes=`}, nil},
		{"foreign srcset removed", `<img src="/a.png" srcset="javascript:alert(1) 1x, https://evil.example/x.png 2x">`, []string{`<img src="/a.png"`}, []string{"srcset", "evil"}},
		{"mutation xss", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, nil, []string{"onerror"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := HTML(tt.in)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
			for _, w := range tt.mustNotSee {
				if strings.Contains(got, w) {
					t.Errorf("HTML(%q) = %q, must not contain %q", tt.in, got, w)
				}
			}
		})
	}
}
