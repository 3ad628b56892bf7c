package congtin

import (
	"fmt"
	"testing"
	"time"
)

// TestCan is the permission table, for every kind of content with a
// workflow: who may take which step in which state.
func TestCan(t *testing.T) {
	const me, other = 1, 2
	users := map[string]Actor{
		"reporter":    {User: &User{ID: me}, Role: RoleReporter},
		"editor":      {User: &User{ID: me}, Role: RoleEditor},
		"admin":       {User: &User{ID: me}, Role: RoleAdmin},
		"super":       {User: &User{ID: me, SuperAdmin: true}},
		"none":        {User: &User{ID: me}},
		"disabled":    {User: &User{ID: me, Disabled: true}, Role: RoleAdmin},
		"anonymous":   {},
		"system":      SystemActor("cli"),
		"otherEditor": {User: &User{ID: other}, Role: RoleEditor},
	}
	item := func(k Kind, status string, owner int64) *Item {
		return &Item{Ref: Ref{Kind: k, SiteID: 1, ID: 7}, Status: status, CreatedBy: owner}
	}
	type row struct {
		who, act string
		it       *Item
		want     bool
	}
	var rows []row
	// Articles, pages, documents and schedule weeks share the table.
	for _, k := range []Kind{KindArticle, KindPage, KindDocument, KindScheduleWeek} {
		rows = append(rows,
			row{"reporter", ActEdit, item(k, StatusDraft, me), true},
			row{"reporter", ActEdit, item(k, StatusReturned, me), true},
			row{"reporter", ActEdit, item(k, StatusSubmitted, me), false},
			row{"reporter", ActEdit, item(k, StatusPublished, me), false},
			row{"reporter", ActEdit, item(k, StatusDraft, other), false},
			row{"reporter", ActSubmit, item(k, StatusDraft, me), true},
			row{"reporter", ActSubmit, item(k, StatusDraft, other), false},
			row{"reporter", ActSubmit, item(k, StatusSubmitted, me), false},
			row{"reporter", ActPublish, item(k, StatusSubmitted, me), false},
			row{"reporter", ActReturn, item(k, StatusSubmitted, me), false},
			row{"reporter", ActUnpublish, item(k, StatusPublished, me), false},
			row{"reporter", ActRestore, item(k, StatusDraft, me), true},
			row{"reporter", ActDecline, item(k, StatusSubmitted, me), false},
			row{"editor", ActEdit, item(k, StatusPublished, other), true},
			row{"editor", ActSubmit, item(k, StatusDraft, other), true},
			row{"editor", ActReturn, item(k, StatusSubmitted, other), true},
			row{"editor", ActReturn, item(k, StatusDraft, other), false},
			row{"editor", ActPublish, item(k, StatusDraft, other), true},
			row{"editor", ActPublish, item(k, StatusUnpublished, other), true},
			row{"editor", ActUnpublish, item(k, StatusPublished, other), true},
			row{"editor", ActUnpublish, item(k, StatusDraft, other), false},
			row{"editor", ActDecline, item(k, StatusSubmitted, other), false},
			row{"admin", ActPublish, item(k, StatusSubmitted, other), true},
			row{"super", ActPublish, item(k, StatusSubmitted, other), true},
			row{"system", ActPublish, item(k, StatusSubmitted, other), true},
			row{"none", ActEdit, item(k, StatusDraft, me), false},
			row{"disabled", ActPublish, item(k, StatusSubmitted, other), false},
			row{"anonymous", ActEdit, item(k, StatusDraft, 0), false},
			row{"editor", "bogus", item(k, StatusDraft, me), false},
			// Withdrawing: the writer, while it waits for approval.
			row{"reporter", ActWithdraw, item(k, StatusSubmitted, me), true},
			row{"reporter", ActWithdraw, item(k, StatusSubmitted, other), false},
			row{"reporter", ActWithdraw, item(k, StatusDraft, me), false},
			row{"reporter", ActWithdraw, item(k, StatusReturned, me), false},
			row{"reporter", ActWithdraw, item(k, StatusPublished, me), false},
			row{"editor", ActWithdraw, item(k, StatusSubmitted, me), true},
			row{"editor", ActWithdraw, item(k, StatusSubmitted, other), false},
			row{"none", ActWithdraw, item(k, StatusSubmitted, me), false},
			row{"disabled", ActWithdraw, item(k, StatusSubmitted, me), false},
			// Commenting: editors, in any state.
			row{"reporter", ActComment, item(k, StatusSubmitted, me), false},
			row{"editor", ActComment, item(k, StatusSubmitted, other), true},
			row{"editor", ActComment, item(k, StatusPublished, other), true},
			row{"admin", ActComment, item(k, StatusDraft, other), true},
			row{"disabled", ActComment, item(k, StatusSubmitted, other), false},
		)
	}
	// Questions: nobody's until taken, answered once, may be declined.
	q := KindQuestion
	rows = append(rows,
		row{"reporter", ActEdit, item(q, StatusDraft, 0), true},
		row{"reporter", ActSubmit, item(q, StatusDraft, 0), true},
		row{"reporter", ActEdit, item(q, StatusDraft, other), false},
		row{"reporter", ActEdit, item(q, StatusReturned, me), true},
		row{"reporter", ActPublish, item(q, StatusSubmitted, me), false},
		row{"reporter", ActDecline, item(q, StatusDraft, 0), false},
		row{"editor", ActPublish, item(q, StatusSubmitted, other), true},
		row{"editor", ActPublish, item(q, StatusPublished, other), false},
		row{"editor", ActPublish, item(q, StatusUnpublished, other), true},
		row{"editor", ActDecline, item(q, StatusDraft, 0), true},
		row{"editor", ActDecline, item(q, StatusPublished, other), false},
		row{"editor", ActDecline, item(q, StatusUnpublished, other), false},
		row{"editor", ActUnpublish, item(q, StatusPublished, other), true},
		row{"editor", ActRestore, item(q, StatusDraft, other), false},
		row{"admin", ActCreate, item(q, StatusDraft, 0), false},
		row{"reporter", ActWithdraw, item(q, StatusSubmitted, me), true},
		row{"reporter", ActWithdraw, item(q, StatusSubmitted, other), false},
		row{"editor", ActComment, item(q, StatusSubmitted, other), true},
	)
	// Actions on no item.
	rows = append(rows,
		row{"reporter", ActCreate, nil, true},
		row{"reporter", ActUpload, nil, true},
		row{"none", ActCreate, nil, false},
		row{"reporter", ActManage, nil, false},
		row{"editor", ActManage, nil, false},
		row{"admin", ActManage, nil, true},
		row{"reporter", ActStats, nil, false},
		row{"editor", ActStats, nil, true},
		row{"reporter", ActAudit, nil, false},
		row{"editor", ActAudit, nil, true},
		row{"admin", ActAudit, nil, true},
		row{"none", ActAudit, nil, false},
		row{"disabled", ActAudit, nil, false},
		row{"reporter", ActPublish, nil, false},
		row{"editor", ActEdit, nil, false},
	)
	for _, r := range rows {
		name := r.who + " " + r.act + " nil"
		if r.it != nil {
			name = fmt.Sprintf("%s %s %s/%s/owner %d", r.who, r.act, r.it.Kind, r.it.Status, r.it.CreatedBy)
		}
		if got := Can(users[r.who], r.act, r.it); got != r.want {
			t.Errorf("%s: %v, want %v", name, got, r.want)
		}
	}
	if got := Can(users["otherEditor"], ActEdit, item(KindArticle, StatusDraft, me)); !got {
		t.Error("an editor may edit another writer's draft")
	}
}

// TestNextStatus: every step leads to one state; anything else to none.
func TestNextStatus(t *testing.T) {
	for act, want := range map[string]string{
		ActSubmit: StatusSubmitted, ActReturn: StatusReturned, ActPublish: StatusPublished,
		ActUnpublish: StatusUnpublished, ActDecline: StatusUnpublished, ActWithdraw: StatusDraft,
		ActComment: "", ActAudit: "",
		ActEdit: "", ActCreate: "", "": "", "publish ": "",
	} {
		if got := NextStatus(act); got != want {
			t.Errorf("NextStatus(%q) = %q, want %q", act, got, want)
		}
	}
}

// TestTransitionTime: the first publication goes out now (or at the time
// the writer chose ahead); taking an item down and putting it back keeps
// the day it first went out; an editor's time wins.
func TestTransitionTime(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, VietnamZone)
	ahead, before := now.Add(48*time.Hour), now.Add(-30*24*time.Hour)
	for _, c := range []struct {
		name      string
		status    string
		pub       time.Time
		act       string
		publishAt time.Time
		want      time.Time
		wantErr   bool
	}{
		{"first publication", StatusSubmitted, before, ActPublish, time.Time{}, now, false},
		{"never published, no time yet", StatusDraft, time.Time{}, ActPublish, time.Time{}, now, false},
		{"declined, then published", StatusUnpublished, time.Time{}, ActPublish, time.Time{}, now, false},
		{"scheduled by the writer", StatusSubmitted, ahead, ActPublish, time.Time{}, ahead, false},
		{"put back after taking down", StatusUnpublished, before, ActPublish, time.Time{}, before, false},
		{"editor's time", StatusSubmitted, before, ActPublish, ahead, ahead, false},
		{"editor's time before 1945", StatusSubmitted, before, ActPublish, time.Date(1900, 1, 1, 0, 0, 0, 0, VietnamZone), time.Time{}, true},
		{"not a publication", StatusDraft, before, ActSubmit, ahead, before, false},
		{"unpublish keeps the time", StatusPublished, before, ActUnpublish, time.Time{}, before, false},
	} {
		got, err := TransitionTime(&Item{Status: c.status, PublishedAt: c.pub}, c.act, c.publishAt, now)
		if (err != nil) != c.wantErr || !got.Equal(c.want) {
			t.Errorf("%s: %v, %v; want %v (error %v)", c.name, got, err, c.want, c.wantErr)
		}
	}
}

// TestCheckComment: a comment is at most 2000 characters of valid text,
// and returning work needs one.
func TestCheckComment(t *testing.T) {
	long := make([]rune, 2001)
	for i := range long {
		long[i] = 'ă'
	}
	for _, c := range []struct {
		act, comment string
		ok           bool
	}{
		{ActReturn, "Bổ sung số liệu", true},
		{ActReturn, "  ", false},
		{ActReturn, "", false},
		{ActPublish, "", true},
		{ActSubmit, string(long), false},
		{ActSubmit, string(long[:2000]), true},
		{ActSubmit, "sai\xffmã", false},
		{ActComment, "Ảnh thiếu nguồn", true},
		{ActComment, " \n ", false},
		{ActWithdraw, "", true},
	} {
		if err := CheckComment(c.act, c.comment); (err == nil) != c.ok {
			t.Errorf("CheckComment(%s, %d chars): %v, want ok %v", c.act, len([]rune(c.comment)), err, c.ok)
		}
	}
}

// TestIsStep: the steps are the actions that lead to a state, and a
// comment.
func TestIsStep(t *testing.T) {
	for act, want := range map[string]bool{
		ActSubmit: true, ActWithdraw: true, ActReturn: true, ActPublish: true, ActUnpublish: true, ActDecline: true,
		ActComment: true, ActEdit: false, ActCreate: false, ActAudit: false, "": false, "comment ": false,
	} {
		if got := IsStep(act); got != want {
			t.Errorf("IsStep(%q) = %v, want %v", act, got, want)
		}
	}
}
