package copydb

import (
	"slices"
	"strings"
	"testing"
)

func table(name string, fks []ForeignKey, cols ...Column) Table {
	return Table{Name: name, Columns: cols, Key: []string{cols[0].Name}, ForeignKeys: fks}
}

func TestPlanMatchesAndOrders(t *testing.T) {
	id := Column{"id", Integer}
	// The target lists a child before its parent; SQLite calls the
	// created_at column an integer, PostgreSQL a time.
	dst := []Table{
		table("articles", []ForeignKey{{"site_id", "sites", "id"}, {"category_id", "categories", "id"}}, id, Column{"site_id", Integer}, Column{"category_id", Integer}),
		table("categories", []ForeignKey{{"site_id", "sites", "id"}, {"parent_id", "categories", "id"}}, id, Column{"site_id", Integer}, Column{"parent_id", Integer}, Column{"hidden", Bool}),
		table("sites", nil, id, Column{"created_at", Time}),
		table("audit_log", nil, id),
	}
	src := []Table{
		table("sites", nil, Column{"created_at", Integer}, id),
		table("audit_log", nil, id),
		table("categories", nil, Column{"hidden", Integer}, Column{"parent_id", Integer}, Column{"site_id", Integer}, id),
		table("articles", nil, id, Column{"category_id", Integer}, Column{"site_id", Integer}),
	}
	plans, err := Plan(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range plans {
		names = append(names, p.Target.Name)
	}
	if want := []string{"sites", "categories", "articles", "audit_log"}; !slices.Equal(names, want) {
		t.Fatalf("order %v, want %v", names, want)
	}
	cat := plans[1]
	if want := []string{"id", "site_id", "parent_id", "hidden"}; !slices.Equal(cat.Columns, want) {
		t.Fatalf("columns %v, want the target's order %v", cat.Columns, want)
	}
	if v, err := cat.Convert[3](int64(1)); v != true || err != nil {
		t.Fatalf("hidden converts 1 to %v, %v", v, err)
	}
	if len(cat.selfRefs) != 1 || cat.selfRefs[0] != [2]int{2, 0} {
		t.Fatalf("self references %v", cat.selfRefs)
	}
}

func TestPlanRefusesDifferentSchemas(t *testing.T) {
	id := Column{"id", Integer}
	for _, tc := range []struct {
		name     string
		src, dst []Table
		want     string
	}{
		{"table only in the target", []Table{table("a", nil, id)}, []Table{table("a", nil, id), table("b", nil, id)}, "table b is missing in the source"},
		{"table only in the source", []Table{table("a", nil, id), table("b", nil, id)}, []Table{table("a", nil, id)}, "table b is missing in the target"},
		{"column only in the target", []Table{table("a", nil, id)}, []Table{table("a", nil, id, Column{"x", Text})}, "column a.x is missing in the source"},
		{"column only in the source", []Table{table("a", nil, id, Column{"x", Text})}, []Table{table("a", nil, id)}, "column a.x is missing in the target"},
		{"kinds without a converter", []Table{table("a", nil, id, Column{"x", Text})}, []Table{table("a", nil, id, Column{"x", Time})}, "column a.x: cannot copy a text column into a time column"},
		{"circular foreign keys",
			[]Table{table("a", nil, id), table("b", nil, id)},
			[]Table{table("a", []ForeignKey{{"id", "b", "id"}}, id), table("b", []ForeignKey{{"id", "a", "id"}}, id)},
			"in a circle"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Plan(tc.src, tc.dst)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestParentsFirst(t *testing.T) {
	// id, parent_id: 1 was moved under 4, 4 under 3; 9 points at nothing.
	rows := [][]any{{int64(1), int64(4)}, {int64(2), nil}, {int64(3), nil}, {int64(4), int64(3)}, {int64(5), int64(1)}, {int64(9), int64(8)}}
	got := parentsFirst(rows, [][2]int{{1, 0}})
	var ids []int64
	for _, r := range got {
		ids = append(ids, r[0].(int64))
	}
	if want := []int64{2, 3, 4, 1, 5, 9}; !slices.Equal(ids, want) {
		t.Fatalf("order %v, want %v", ids, want)
	}
}
