package render

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestDocumentsListForce: the list says of each document whether it is in
// force, no longer in force, or not yet.
func TestDocumentsListForce(t *testing.T) {
	e, err := New(func(name string) string { return "/static/" + name })
	if err != nil {
		t.Fatal(err)
	}
	doc := func(n string) *congtin.Document { return &congtin.Document{Number: n, Summary: "Kế hoạch " + n} }
	p := &DocumentsPage{Base: Base{Site: &congtin.Site{Name: "Cổng"}}, Total: 3, Documents: []DocumentItem{
		{Document: doc("1/KH-UBND"), URL: "/van-ban/1"},
		{Document: doc("2/KH-UBND"), URL: "/van-ban/2", Expired: true},
		{Document: doc("3/KH-UBND"), URL: "/van-ban/3", NotYet: true},
	}}
	w := httptest.NewRecorder()
	if err := e.Render(w, 200, "documents", p); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(w.Body.String(), "<tr>")
	if len(rows) != 5 { // text before, the header and three documents
		t.Fatalf("%d rows", len(rows)-1)
	}
	for i, want := range []string{"Còn hiệu lực", "Hết hiệu lực", "Chưa có hiệu lực"} {
		if !strings.Contains(rows[i+2], want) {
			t.Errorf("row %d lacks %q: %s", i+1, want, rows[i+2])
		}
	}
}
