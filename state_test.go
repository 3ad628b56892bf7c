package congtin

import (
	"testing"
	"time"
)

// TestScheduledState: an article published with its time ahead is shown
// as Hẹn giờ until that time, and as published from it; no other state
// is ever shown as scheduled.
func TestScheduledState(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, VietnamZone)
	for _, c := range []struct {
		status string
		at     time.Time
		want   string
	}{
		{StatusPublished, now.Add(time.Second), StatusScheduled},
		{StatusPublished, now, StatusPublished},
		{StatusPublished, now.Add(-time.Hour), StatusPublished},
		{StatusDraft, now.Add(time.Hour), StatusDraft},
		{StatusSubmitted, now.Add(time.Hour), StatusSubmitted},
		{StatusUnpublished, now.Add(time.Hour), StatusUnpublished},
	} {
		a := &Article{Status: c.status, PublishedAt: c.at}
		if got := a.State(now); got != c.want {
			t.Errorf("%s at %s: state %q, want %q", c.status, c.at.Sub(now), got, c.want)
		}
		if got := a.Item().State(now); got != c.want {
			t.Errorf("%s at %s: the item's state %q, want %q", c.status, c.at.Sub(now), got, c.want)
		}
	}
	if StatusName(StatusScheduled) != "Hẹn giờ" {
		t.Errorf("StatusName(scheduled) = %q", StatusName(StatusScheduled))
	}
	if ValidStatus(StatusScheduled) || !ValidArticleState(StatusScheduled) || !ValidArticleState(StatusDraft) || ValidArticleState("bogus") {
		t.Error("scheduled is a state shown and filtered by, never stored")
	}
}

// TestNoteScheduled: a publication's note says it scheduled when it gave
// a time ahead of the step itself.
func TestNoteScheduled(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		n    Note
		want bool
	}{
		{Note{Action: ActPublish, CreatedAt: at, PublishedAt: at.Add(time.Hour)}, true},
		{Note{Action: ActPublish, CreatedAt: at, PublishedAt: at}, false},                   // now
		{Note{Action: ActPublish, CreatedAt: at, PublishedAt: at.AddDate(0, -1, 0)}, false}, // put back up, its old day kept
		{Note{Action: ActSubmit, CreatedAt: at, PublishedAt: at.Add(time.Hour)}, false},     // no publication
		{Note{Action: ActPublish, CreatedAt: at}, false},                                    // an old note without the time
	} {
		if got := c.n.Scheduled(); got != c.want {
			t.Errorf("%+v: Scheduled() = %v", c.n, got)
		}
	}
}

// TestPreviewPath: a link's path names the kind, the item, the site, the
// expiry and the signature, and the kind's segment reads back.
func TestPreviewPath(t *testing.T) {
	l := PreviewLink{Ref: Ref{Kind: KindDocument, SiteID: 3, ID: 42}, Expires: time.Unix(1772500000, 0), Sig: "abc_-"}
	if got, want := l.Path(), "/xem-truoc/van-ban/42?cong=3&han=1772500000&ky=abc_-"; got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	for _, k := range []Kind{KindArticle, KindPage, KindDocument} {
		seg := previewKinds[k]
		if got, ok := PreviewKind(seg); !ok || got != k || !Previewable(k) {
			t.Errorf("%s: segment %q reads back as %q, %v", k, seg, got, ok)
		}
	}
	if _, ok := PreviewKind("hoi-dap"); ok || Previewable(KindQuestion) {
		t.Error("questions have no preview")
	}
}
