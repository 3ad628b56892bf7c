package app

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"sync"
	"time"

	"github.com/congtin/congtin"
)

// PreviewLife is how long a preview link works: a working day and a
// night, so that a draft sent in the evening to the leader who approves
// it can still be read the next morning, while a link forwarded further
// soon stops showing unpublished text.
const PreviewLife = 24 * time.Hour

// previewSecret names the key preview links are signed with, in the
// secrets every process on the database shares (congtin.SecretService):
// a link made by one process opens on any other.
const previewSecret = "preview"

// previewKey holds the signing key once read.
type previewKey struct {
	mu  sync.Mutex
	key []byte
}

// previewKey returns the signing key, reading it on first use (and again
// after a failure).
func (a *App) previewKey(ctx context.Context) ([]byte, error) {
	k := &a.preview
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.key == nil {
		key, err := a.Secret(ctx, previewSecret)
		if err != nil {
			return nil, err
		}
		k.key = key
	}
	return k.key, nil
}

// previewSig is the signature of a link: an HMAC-SHA256 of everything
// the link says, so that changing the kind, the item, the site or the
// expiry breaks it.
func previewSig(key []byte, l congtin.PreviewLink) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("preview.v1|" + string(l.Kind) + "|" + strconv.FormatInt(l.SiteID, 10) + "|" +
		strconv.FormatInt(l.ID, 10) + "|" + strconv.FormatInt(l.Expires.Unix(), 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// previewItem reads an item of a kind that has a preview.
func (a *App) previewItem(ctx context.Context, r congtin.Ref) (*congtin.Item, error) {
	switch r.Kind {
	case congtin.KindArticle:
		x, err := a.FindArticleByID(ctx, r.SiteID, r.ID)
		if err != nil {
			return nil, err
		}
		return x.Item(), nil
	case congtin.KindPage:
		x, err := a.FindPage(ctx, r.SiteID, r.ID)
		if err != nil {
			return nil, err
		}
		return x.Item(), nil
	case congtin.KindDocument:
		x, err := a.FindDocumentByID(ctx, r.SiteID, r.ID)
		if err != nil {
			return nil, err
		}
		return x.Item(), nil
	}
	return nil, congtin.Errorf(congtin.EINVALID, "Không có bản xem trước cho loại nội dung này.")
}

// PreviewLink implements congtin.PreviewService: whoever may open the item
// in the back office may show it to someone else for PreviewLife.
// Making a link writes nothing: it is no change to the item, and the
// audit log records changes.
func (a *App) PreviewLink(ctx context.Context, actor congtin.Actor, r congtin.Ref) (*congtin.Item, congtin.PreviewLink, error) {
	it, err := a.previewItem(ctx, r)
	if err != nil {
		return nil, congtin.PreviewLink{}, err
	}
	if !congtin.CanSee(actor, it) {
		return nil, congtin.PreviewLink{}, forbidden("Bạn chỉ xem trước được nội dung do mình viết.")
	}
	key, err := a.previewKey(ctx)
	if err != nil {
		return nil, congtin.PreviewLink{}, err
	}
	l := congtin.PreviewLink{Ref: congtin.Ref{Kind: it.Kind, SiteID: it.SiteID, ID: it.ID},
		Expires: a.Now().Add(PreviewLife).Truncate(time.Second)}
	l.Sig = previewSig(key, l)
	return it, l, nil
}

// CheckPreview implements congtin.PreviewService. The signature is
// checked first, so a forged link is refused as forged whatever expiry it
// claims, and an expired one is told so only when it is genuine.
func (a *App) CheckPreview(ctx context.Context, siteID int64, l congtin.PreviewLink) error {
	if !congtin.Previewable(l.Kind) || l.ID <= 0 || l.SiteID <= 0 || len(l.Sig) != 43 {
		return previewForged()
	}
	key, err := a.previewKey(ctx)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(l.Sig), []byte(previewSig(key, l))) {
		return previewForged()
	}
	if l.SiteID != siteID {
		return forbidden("Liên kết xem trước này thuộc một cổng thông tin khác.")
	}
	if !a.Now().Before(l.Expires) {
		return congtin.Errorf(congtin.EGONE, "Liên kết này đã hết hạn lúc %s: mỗi liên kết xem trước chỉ dùng được %d giờ. "+
			"Xin mở lại “Xem trước” trong trang quản trị để có liên kết mới.",
			l.Expires.In(congtin.VietnamZone).Format("15:04 02/01/2006"), int(PreviewLife/time.Hour))
	}
	return nil
}

func previewForged() error {
	return forbidden("Liên kết này đã bị sửa đổi hoặc không do cổng thông tin tạo ra, nên không mở được bản xem trước. " +
		"Xin lấy lại liên kết từ nút “Xem trước” trong trang quản trị.")
}
