package admin

import (
	"context"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
)

// The one way a handler reaches what its request is about: an ID in the
// path, and for the workflow's kinds (articles, about pages, documents,
// questions) the site's item with that ID, which reporters may open only
// when they wrote it.

// pathID reads the {id} path value.
func pathID(r *http.Request) (int64, error) { return idIn(r, "id", "Không tìm thấy.") }

// idIn reads a path value that names something by its ID; notFound words
// one that cannot be an ID.
func idIn(r *http.Request, name, notFound string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, congtin.Errorf(congtin.ENOTFOUND, "%s", notFound)
	}
	return id, nil
}

// deleteByID deletes the {id} thing with del, for an actor allow lets.
func deleteByID(r *http.Request, rq *request, allow func(*request) error,
	del func(ctx context.Context, actor congtin.Actor, siteID, id int64) error) error {
	id, err := pathID(r)
	if err == nil {
		err = allow(rq)
	}
	if err == nil {
		err = del(r.Context(), rq.actor, rq.site.ID, id)
	}
	return err
}

// loadItem reads the {id} path value and finds the site's item with find.
// notFound words an ID that cannot be one (the store words a missing
// item). When mine is set, a reporter opening what someone else wrote is
// refused with it (congtin.CanSee); without it, whoever find lets through
// gets the item, and the action's own permission check follows.
func loadItem[T interface{ Item() *congtin.Item }](r *http.Request, rq *request, notFound, mine string,
	find func(ctx context.Context, siteID, id int64) (T, error)) (T, error) {
	var none T
	id, err := idIn(r, "id", notFound)
	if err != nil {
		return none, err
	}
	it, err := find(r.Context(), rq.site.ID, id)
	if err != nil {
		return none, err
	}
	if mine != "" && !congtin.CanSee(rq.actor, it.Item()) {
		return none, congtin.Errorf(congtin.EFORBIDDEN, "%s", mine)
	}
	return it, nil
}

// ownOnly is the writer a list is limited to: reporters list only what
// they wrote (0: everyone's).
func ownOnly(rq *request) int64 {
	if rq.actor.User.SuperAdmin || congtin.AtLeast(rq.actor.Role, congtin.RoleEditor) {
		return 0
	}
	return rq.actor.User.ID
}

// noRevision is the answer for a revision that is not the item's.
func noRevision() error { return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.") }
