package wxr

import (
	"strings"
	"testing"
)

func TestAutop(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"empty", " \n\n ", ""},
		{"paragraphs", "Một.\n\nHai\nba.", "<p>Một.</p>\n<p>Hai<br>\nba.</p>"},
		{"windows line ends", "Một.\r\n\r\nHai", "<p>Một.</p>\n<p>Hai</p>"},
		{"many blank lines", "Một.\n\n\n\n  \nHai", "<p>Một.</p>\n<p>Hai</p>"},
		{"inline tags stay in the paragraph", "Một <strong>đậm</strong> và <a href=\"/x\">liên kết</a>.", "<p>Một <strong>đậm</strong> và <a href=\"/x\">liên kết</a>.</p>"},
		{"list", "Trước:\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\nSau.",
			"<p>Trước:</p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n<p>Sau.</p>"},
		{"heading", "<h2>Tiêu đề</h2>\nVăn bản", "<h2>Tiêu đề</h2>\n<p>Văn bản</p>"},
		{"pre keeps line breaks", "Mã:\n\n<pre>a\n\nb\nc</pre>\n\nHết", "<p>Mã:</p>\n<pre>a\n\nb\nc</pre>\n<p>Hết</p>"},
		{"already has paragraphs", "<p>Một</p>\n<p>Hai</p>", "<p>Một</p>\n<p>Hai</p>"},
		{"tag split over lines", "<img\nsrc=\"/a.jpg\"\nalt=\"x\">", "<p><img src=\"/a.jpg\" alt=\"x\"></p>"},
		{"blockquote", "<blockquote>Trích dẫn</blockquote>", "<blockquote><p>Trích dẫn</p></blockquote>"},
		{"table", "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>", "<table>\n<tr>\n<td>a</td>\n</tr>\n</table>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := autop(tt.in); got != tt.want {
				t.Errorf("autop(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
	if !isBlockEditor("<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->") || isBlockEditor("<p>x</p>") {
		t.Error("isBlockEditor")
	}
}

// fakeExpander records the galleries it is asked for.
type fakeExpander struct{ galleries []map[string]string }

func (f *fakeExpander) caption(attrs map[string]string, content string) string {
	return captionHTML(attrs, content)
}

func (f *fakeExpander) gallery(attrs map[string]string) string {
	f.galleries = append(f.galleries, attrs)
	return "<figure>GALLERY " + attrs["ids"] + "</figure>"
}

func TestShortcodes(t *testing.T) {
	img := `<img src="/wp-content/uploads/2019/10/a.jpg" alt="Ảnh" width="300">`
	for _, tt := range []struct{ name, in, want string }{
		{"caption", `[caption id="attachment_5" align="aligncenter" width="300"]` + img + ` Lễ khai mạc[/caption]`,
			`<figure>` + img + `<figcaption>Lễ khai mạc</figcaption></figure>`},
		{"caption with a link", `[caption id="a"]<a href="/x.jpg">` + img + `</a> Chú thích <em>nghiêng</em>[/caption]`,
			`<figure><a href="/x.jpg">` + img + `</a><figcaption>Chú thích <em>nghiêng</em></figcaption></figure>`},
		{"caption attribute (old WordPress)", `[caption id="a" caption="Chú thích cũ"]` + img + `[/caption]`,
			`<figure>` + img + `<figcaption>Chú thích cũ</figcaption></figure>`},
		{"caption after a line break", `[caption id="a"]` + img + "<br>\n Dòng dưới[/caption]",
			`<figure>` + img + `<figcaption>Dòng dưới</figcaption></figure>`},
		{"caption without an image", `[caption]Chỉ có chữ[/caption]`, `Chỉ có chữ`},
		{"gallery", `Trước [gallery ids="1,2,3" columns="3"] sau`, `Trước <figure>GALLERY 1,2,3</figure> sau`},
		{"gallery with single quotes", `[gallery ids='4,5']`, `<figure>GALLERY 4,5</figure>`},
		{"unknown with content", `[su_note note_color="#fff"]Ghi chú[/su_note]`, `Ghi chú`},
		{"unknown nested", `[vc_row][vc_column][vc_column_text]Văn bản[/vc_column_text][/vc_column][/vc_row]`, `Văn bản`},
		{"embed keeps its URL", `[embed]https://www.youtube.com/watch?v=x[/embed]`, `https://www.youtube.com/watch?v=x`},
		{"self-closing", `A [contact-form-7 id="12" title="Liên hệ" /] B`, `A  B`},
		{"bare known", `A [toc] B`, `A  B`},
		{"escaped", `Viết [[gallery ids="1"]] để chèn ảnh`, `Viết [gallery ids="1"] để chèn ảnh`},
		{"brackets that are text", `Theo [1] và [sic], [Nguồn: TTXVN], [xem thêm] [ ]`, `Theo [1] và [sic], [Nguồn: TTXVN], [xem thêm] [ ]`},
		{"unclosed bracket", `a [b c`, `a [b c`},
		{"stray closing tag", `a [/su_box] b`, `a  b`},
		{"no brackets in attributes", `[x a="]"] y`, `[x a="]"] y`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := expandShortcodes(tt.in, &fakeExpander{}); got != tt.want {
				t.Errorf("expandShortcodes(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnautopShortcodes(t *testing.T) {
	in := autop("Đoạn.\n\n[caption id=\"a\"]<img src=\"/a.jpg\"> Chú thích[/caption]\n\n[gallery ids=\"1\"]\n\nCó [gallery] giữa câu.")
	want := "<p>Đoạn.</p>\n[caption id=\"a\"]<img src=\"/a.jpg\"> Chú thích[/caption]\n[gallery ids=\"1\"]\n<p>Có [gallery] giữa câu.</p>"
	if got := unautopShortcodes(in); got != want {
		t.Errorf("unautop\n got %q\nwant %q", got, want)
	}
}

func TestParseShortcodeAttrs(t *testing.T) {
	sc, n, ok := parseShortcode(`[gallery ids="1,2" link=file size='large' "positional" bare]rest`)
	if !ok || n != len(`[gallery ids="1,2" link=file size='large' "positional" bare]`) || sc.name != "gallery" ||
		sc.attrs["ids"] != "1,2" || sc.attrs["link"] != "file" || sc.attrs["size"] != "large" ||
		strings.Join(sc.positional, "|") != "positional|bare" {
		t.Fatalf("%+v %d %v", sc, n, ok)
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"Khám bệnh &#8211; đợt 1":                    "Khám bệnh – đợt 1",
		"<p>Một <strong>hai</strong></p>\n<p>ba</p>": "Một hai ba",
		"Y tế &amp; sức khỏe":                        "Y tế & sức khỏe",
		"a<script>alert(1)</script>b":                "a b",
		"  nhiều   khoảng\ttrắng ":                   "nhiều khoảng trắng",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUsername(t *testing.T) {
	for in, want := range map[string]string{
		"admin":                     "admin",
		"Nguyễn Văn A":              "nguyen-van-a",
		"Đỗ Thị Hằng":               "do-thi-hang",
		"bientap@soyte.gov.vn":      "bientap-soyte.gov.vn",
		"a":                         "wp-a",
		"__":                        "wp-user",
		"Trần_Văn.B":                "tran_van.b",
		strings.Repeat("dài", 30):   strings.Repeat("dai", 13) + "d",
		"  khoảng trắng  ":          "khoang-trang",
		"user\x00name":              "user-name",
		"Phòng Văn hóa - Thông tin": "phong-van-hoa-thong-tin",
	} {
		if got := Username(in); got != want {
			t.Errorf("Username(%q) = %q, want %q", in, got, want)
		}
	}
}
