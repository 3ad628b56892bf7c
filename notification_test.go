package congtin

import (
	"strings"
	"testing"
	"time"
)

// TestNotificationWords: what a notification says, for every step, in
// the back office and in an e-mail's subject.
func TestNotificationWords(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, VietnamZone)
	ahead := time.Date(2026, 3, 3, 8, 30, 0, 0, VietnamZone)
	art := Ref{Kind: KindArticle, SiteID: 1, ID: 7}
	n := func(act string, pub time.Time) *Notification {
		return &Notification{Item: art, Title: "Hội nghị tỉnh", Action: act, ActorName: "Lê Biên Tập", PublishedAt: pub, CreatedAt: at}
	}
	for _, c := range []struct {
		n             *Notification
		text, subject string
	}{
		{n(ActSubmit, time.Time{}), "Lê Biên Tập đã gửi duyệt bài viết “Hội nghị tỉnh”.", "Chờ duyệt: bài viết “Hội nghị tỉnh”"},
		{n(ActReturn, time.Time{}), "Lê Biên Tập đã trả lại bài viết “Hội nghị tỉnh”.", "Trả lại: bài viết “Hội nghị tỉnh”"},
		{n(ActPublish, at), "Lê Biên Tập đã xuất bản bài viết “Hội nghị tỉnh”.", "Đã xuất bản: bài viết “Hội nghị tỉnh”"},
		{n(ActPublish, ahead), "Lê Biên Tập đã hẹn giờ xuất bản bài viết “Hội nghị tỉnh” lúc 08:30 ngày 03/03/2026.", "Hẹn giờ xuất bản: bài viết “Hội nghị tỉnh”"},
		{&Notification{Item: art, Title: "Hội nghị tỉnh", Action: NoticeLive, PublishedAt: ahead, CreatedAt: at},
			"Bài viết “Hội nghị tỉnh” đã lên trang lúc 08:30 ngày 03/03/2026.", "Đã lên trang: bài viết “Hội nghị tỉnh”"},
		{n(ActUnpublish, at), "Lê Biên Tập đã gỡ bài viết “Hội nghị tỉnh” khỏi cổng.", "Đã gỡ: bài viết “Hội nghị tỉnh”"},
		{n(ActComment, time.Time{}), "Lê Biên Tập đã gửi ý kiến về bài viết “Hội nghị tỉnh”.", "Ý kiến về bài viết “Hội nghị tỉnh”"},
		{&Notification{Item: Ref{Kind: KindQuestion, ID: 3}, Title: "Hỏi về thủ tục", Action: ActDecline, ActorName: "B", CreatedAt: at},
			"B đã đánh dấu câu hỏi “Hỏi về thủ tục” là không công bố.", "Không công bố: câu hỏi “Hỏi về thủ tục”"},
		{&Notification{Item: Ref{Kind: KindScheduleWeek, Key: "2026-W48"}, Title: "2026-W48", Action: ActReturn, ActorName: "B", CreatedAt: at},
			"B đã trả lại lịch công tác tuần 48/2026.", "Trả lại: lịch công tác tuần 48/2026"},
		{&Notification{Item: Ref{Kind: KindDocument, ID: 3}, Title: "12/2026/NĐ-CP", Action: ActSubmit, CreatedAt: at},
			"Hệ thống đã gửi duyệt văn bản “12/2026/NĐ-CP”.", "Chờ duyệt: văn bản “12/2026/NĐ-CP”"},
	} {
		if got := c.n.Text(); got != c.text {
			t.Errorf("%s: Text %q, want %q", c.n.Action, got, c.text)
		}
		if got := c.n.Subject(); got != c.subject {
			t.Errorf("%s: Subject %q, want %q", c.n.Action, got, c.subject)
		}
	}
	if !n(ActPublish, ahead).Scheduled() || n(ActPublish, at).Scheduled() || n(ActReturn, ahead).Scheduled() {
		t.Error("Scheduled: only a publication set for later")
	}
	if !n(ActReturn, at).Unread() {
		t.Error("a notification without ReadAt is unread")
	}
}

// TestNotifyPrefsValidate: an address is a plain one, and e-mails need
// one.
func TestNotifyPrefsValidate(t *testing.T) {
	for _, c := range []struct {
		email string
		on    bool
		ok    bool
	}{
		{"", false, true},
		{"", true, false},
		{"phongvien@anphu.gov.vn", true, true},
		{"phongvien@anphu.gov.vn", false, true},
		{"  phongvien@anphu.gov.vn  ", true, true},
		{"phongvien", true, false},
		{"phongvien@localhost", true, false},
		{"Tên <phongvien@anphu.gov.vn>", true, false},
		{"a@b.vn, c@d.vn", true, false},
		{"a@b.vn\r\nBcc: x@y.vn", true, false},
		{"phóng.viên@anphu.gov.vn\xff", true, false},
		{strings.Repeat("a", 250) + "@b.vn", true, false},
	} {
		p := NotifyPrefs{Email: c.email, EmailOn: c.on}
		p.Normalize()
		err := p.Validate()
		if (err == nil) != c.ok {
			t.Errorf("%q on %v: %v, want ok %v", c.email, c.on, err, c.ok)
		}
		if err != nil {
			if ve, ok := err.(*ValidationError); !ok || ve.Fields["email"] == "" {
				t.Errorf("%q: %v is not a message on the email field", c.email, err)
			}
		}
	}
}

// TestAuditActionName: the audit log's actions in Vietnamese, those of
// every kind and the ones it does not know.
func TestAuditActionName(t *testing.T) {
	for code, want := range map[string]string{
		"login":                "Đăng nhập",
		"login_failed":         "Đăng nhập sai",
		"logout":               "Đăng xuất",
		"article.publish":      "Xuất bản bài viết",
		"article.create":       "Tạo bài viết",
		"article.withdraw":     "Rút lại bài viết",
		"article.comment":      "Gửi ý kiến về bài viết",
		"article.restore":      "Khôi phục phiên bản bài viết",
		"article.unpublish":    "Gỡ bài viết",
		"document.return":      "Trả lại văn bản",
		"page.edit":            "Sửa trang giới thiệu",
		"question.decline":     "Không công bố câu hỏi",
		"schedule.publish":     "Xuất bản lịch tuần",
		"schedule.create":      "Thêm mục lịch công tác",
		"document_term.update": "Sửa mục danh mục văn bản",
		"category.delete":      "Xóa chuyên mục",
		"user.disable":         "Khóa người dùng",
		"user.notify":          "Đổi cách nhận thông báo",
		"media.upload":         "Tải ảnh lên",
		"media.delete":         "Xóa ảnh",
		"site.settings":        "Sửa cài đặt cổng thông tin",
		"article":              "Bài viết",
		"article.teleport":     "article.teleport",
		"unknown":              "unknown",
		"":                     "",
	} {
		if got := AuditActionName(code); got != want {
			t.Errorf("AuditActionName(%q) = %q, want %q", code, got, want)
		}
	}
	for typ, want := range map[string]string{
		"article": "Bài viết", "schedule_week": "Lịch tuần", "schedule": "Mục lịch công tác",
		"document_type": "Mục danh mục văn bản", "user": "Người dùng", "": "", "other": "other",
	} {
		if got := AuditObjectName(typ); got != want {
			t.Errorf("AuditObjectName(%q) = %q, want %q", typ, got, want)
		}
	}
}

// TestCategoriesTree: depth first in menu order, hidden ones included,
// orphans and cycles last, none twice.
func TestCategoriesTree(t *testing.T) {
	cs := Categories{
		{ID: 1, Name: "Tin tức"},
		{ID: 2, Name: "Văn hóa"},
		{ID: 3, Name: "Trong tỉnh", ParentID: 1},
		{ID: 4, Name: "Huyện", ParentID: 3, Hidden: true},
		{ID: 5, Name: "Quốc tế", ParentID: 1},
		{ID: 6, Name: "Lễ hội", ParentID: 2},
		{ID: 7, Name: "Mồ côi", ParentID: 99},
		{ID: 8, Name: "Vòng A", ParentID: 9},
		{ID: 9, Name: "Vòng B", ParentID: 8},
	}
	var got []string
	for _, n := range cs.Tree() {
		got = append(got, strings.Repeat("-", n.Depth)+n.Name)
	}
	want := "Tin tức,-Trong tỉnh,--Huyện,-Quốc tế,Văn hóa,-Lễ hội,Mồ côi,Vòng A,-Vòng B"
	if strings.Join(got, ",") != want {
		t.Errorf("Tree:\n got %s\nwant %s", strings.Join(got, ","), want)
	}
}
