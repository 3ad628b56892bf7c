package docfile

import "testing"

func TestRejoinSyllables(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"các tổ chức, cá nhân có liên quan ch ịu trách nhiệm", "các tổ chức, cá nhân có liên quan chịu trách nhiệm"},
		{"Ch ịu trách nhiệm thi hành", "Chịu trách nhiệm thi hành"},
		{"ngh ĩa vụ và tr ách nhiệm", "nghĩa vụ và trách nhiệm"},
		// Left alone: capitals, abbreviations, a letter of a list, a
		// consonant run that is no onset, ordinary text.
		{"UBND ấp Tân Lập", "UBND ấp Tân Lập"},
		{"TP Hồ Chí Minh", "TP Hồ Chí Minh"},
		{"điểm b) khoản 2", "điểm b) khoản 2"},
		{"mục tb ấn định", "mục tb ấn định"},
		{"Quyết định số 15/QĐ-UBND", "Quyết định số 15/QĐ-UBND"},
		{"x ác", "xác"},
	} {
		if got := rejoinSyllables(c.in); got != c.want {
			t.Errorf("rejoinSyllables(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
