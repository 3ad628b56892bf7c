package sqlstore

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.WorkflowStore = (*DB)(nil)
var _ congtin.WorkflowTx = (*Tx)(nil)

// flowTable says where a kind keeps its workflow state: the table, the
// column that names an item (its id, or a schedule week's key), the one
// that titles it, the writer's, and the last step's comment for a kind
// that keeps one on the row.
type flowTable struct {
	table, key, title, owner, note string
}

// flowTables holds every kind with a workflow. A new kind needs a line
// here, and columns site_id, status, published_at and updated_at.
var flowTables = map[congtin.Kind]flowTable{
	congtin.KindArticle:      {table: "articles", key: "id", title: "title", owner: "created_by"},
	congtin.KindPage:         {table: "pages", key: "id", title: "title", owner: "created_by"},
	congtin.KindDocument:     {table: "documents", key: "id", title: "number", owner: "created_by"},
	congtin.KindQuestion:     {table: "questions", key: "id", title: "title", owner: "answered_by"},
	congtin.KindScheduleWeek: {table: "schedule_weeks", key: "week", title: "week", owner: "created_by", note: "note"},
	congtin.KindConsultation: {table: "consultations", key: "id", title: "title", owner: "created_by"},
	congtin.KindDataset:      {table: "datasets", key: "id", title: "title", owner: "created_by"},
	congtin.KindProject:      {table: "projects", key: "id", title: "name", owner: "created_by"},
	congtin.KindProcurement:  {table: "procurements", key: "id", title: "name", owner: "created_by"},
}

func flowOf(k congtin.Kind) (flowTable, error) {
	f, ok := flowTables[k]
	if !ok {
		return f, fmt.Errorf("sqlstore: no workflow for kind %q", k)
	}
	return f, nil
}

// keyArg is the value that names the item in f's key column.
func (f flowTable) keyArg(r congtin.Ref) any {
	if f.key == "id" {
		return r.ID
	}
	return r.Key
}

// FindItem implements congtin.WorkflowTx.
func (tx *Tx) FindItem(ctx context.Context, r congtin.Ref) (*congtin.Item, error) {
	f, err := flowOf(r.Kind)
	if err != nil {
		return nil, err
	}
	it := &congtin.Item{Ref: r}
	err = tx.QueryRow(ctx, `SELECT `+f.title+`, status, `+f.owner+`, published_at FROM `+f.table+` WHERE site_id = ? AND `+f.key+` = ?`,
		r.SiteID, f.keyArg(r)).Scan(&it.Title, &it.Status, &it.CreatedBy, at(&it.PublishedAt))
	if err != nil {
		return nil, tx.db.wrap("find item", found(err, r.Kind))
	}
	return it, nil
}

// UpdateItem implements congtin.WorkflowTx.
func (tx *Tx) UpdateItem(ctx context.Context, it *congtin.Item, comment string) error {
	f, err := flowOf(it.Kind)
	if err != nil {
		return err
	}
	set, args := `status = ?, published_at = ?, `+f.owner+` = ?, updated_at = ?`, []any{it.Status, nullTime(it.PublishedAt), it.CreatedBy, tx.now}
	if f.note != "" {
		set, args = set+`, `+f.note+` = ?`, append(args, comment)
	}
	res, err := tx.Exec(ctx, `UPDATE `+f.table+` SET `+set+` WHERE site_id = ? AND `+f.key+` = ?`, append(args, it.SiteID, f.keyArg(it.Ref))...)
	if err != nil {
		return tx.db.wrap("update item", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.NotFound(it.Kind)
	}
	if it.Kind == congtin.KindArticle {
		return tx.indexArticle(ctx, it.ID)
	}
	return nil
}

// AddNote implements congtin.WorkflowTx.
func (tx *Tx) AddNote(ctx context.Context, n *congtin.Note) error {
	id, err := tx.insert(ctx, `INSERT INTO workflow_notes (site_id, kind, item_id, item_key, user_name, action, status, comment, published_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, n.Item.SiteID, n.Item.Kind, n.Item.ID, n.Item.Key, n.UserName, n.Action, n.Status, n.Comment, nullTime(n.PublishedAt), tx.now)
	n.ID, n.CreatedAt = id, tx.now
	return tx.db.wrap("add note", err)
}

// FindNotes implements congtin.WorkflowStore.
func (db *DB) FindNotes(ctx context.Context, r congtin.Ref) ([]*congtin.Note, error) {
	ns, err := list(ctx, db.conn, func(row scanner) (*congtin.Note, error) {
		var n congtin.Note
		err := row.Scan(&n.ID, &n.Item.SiteID, &n.Item.Kind, &n.Item.ID, &n.Item.Key, &n.UserName, &n.Action, &n.Status, &n.Comment, at(&n.PublishedAt), at(&n.CreatedAt))
		return &n, err
	}, `SELECT id, site_id, kind, item_id, item_key, user_name, action, status, comment, published_at, created_at
		FROM workflow_notes WHERE kind = ? AND site_id = ? AND item_id = ? AND item_key = ? ORDER BY id`, r.Kind, r.SiteID, r.ID, r.Key)
	return ns, db.wrap("find notes", err)
}
