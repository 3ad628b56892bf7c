package admin

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

func TestDayLabels(t *testing.T) {
	labels := func(from, to string) string {
		r := congtin.DayRange{From: from, To: to}
		var shown []string
		for _, l := range dayLabels(r.Series(nil)) {
			if l != "" {
				shown = append(shown, l)
			}
		}
		return strings.Join(shown, " ")
	}
	for _, tc := range []struct{ from, to, want string }{
		{"2026-02-24", "2026-03-02", "24/02 25/02 26/02 27/02 28/02 01/03 02/03"},
		{"2026-01-01", "2026-01-12", "01/01 02/01 03/01 04/01 05/01 06/01 07/01 08/01 09/01 10/01 11/01 12/01"},
		{"2026-02-01", "2026-03-02", "01/02 04/02 07/02 10/02 13/02 16/02 19/02 22/02 25/02 28/02"},
		{"2025-12-03", "2026-03-02", "03/12 11/12 19/12 27/12 04/01 12/01 20/01 28/01 05/02 13/02 21/02 01/03"},
		{"2025-03-03", "2026-03-02", "04/2025 05/2025 06/2025 07/2025 08/2025 09/2025 10/2025 11/2025 12/2025 01/2026 02/2026 03/2026"},
		{"2024-03-03", "2026-03-02", "04/2024 06/2024 08/2024 10/2024 12/2024 02/2025 04/2025 06/2025 08/2025 10/2025 12/2025 02/2026"},
	} {
		if got := labels(tc.from, tc.to); got != tc.want {
			t.Errorf("%s – %s:\n got %s\nwant %s", tc.from, tc.to, got, tc.want)
		}
	}
}
