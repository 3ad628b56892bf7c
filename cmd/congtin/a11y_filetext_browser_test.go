package main_test

import (
	"regexp"
	"testing"
)

// The page where an editor reads and corrects the text read from an
// attachment (OCR included) is checked like the other back-office pages.
func init() {
	adminA11yPages = append(adminA11yPages, adminPage{name: "attachment text", find: func(t *testing.T, get func(string) string) string {
		t.Helper()
		for _, m := range regexp.MustCompile(`href="(/admin/van-ban/\d+)"`).FindAllStringSubmatch(get("/admin/van-ban"), -1) {
			if l := regexp.MustCompile(`href="(/admin/van-ban/\d+/tep/\d+/chu)"`).FindStringSubmatch(get(m[1])); l != nil {
				return l[1]
			}
		}
		t.Fatal("no document of the demo's first page has an attachment")
		return ""
	}})
}
