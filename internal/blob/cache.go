package blob

import (
	"container/list"
	"context"
	"io"
	"sync"
	"time"

	"github.com/congtin/congtin"
)

// Cache is a Store whose objects are kept, after their first read, in a
// folder of the node's own disk: images and attachments are served from
// there without a request to the remote store, and go on being served
// while the remote store is down. Objects never change (their keys carry
// their content hash), so a copy is never stale and needs no
// invalidation; a deleted object is deleted here too.
//
// The folder holds at most MaxBytes; the objects read least recently are
// deleted first. Objects larger than a tenth of MaxBytes are not kept.
// What the folder held at start is forgotten (deleted as found), so the
// bound holds across restarts without a scan of sizes at every start.
type Cache struct {
	Remote   Store
	Local    Dir
	MaxBytes int64

	mu    sync.Mutex
	size  int64
	order *list.List               // front: most recently read
	items map[string]*list.Element // key → element holding a cached
}

type cached struct {
	key  string
	size int64
}

var _ Store = (*Cache)(nil)

// NewCache returns a Cache over remote in the folder dir, emptied first.
func NewCache(ctx context.Context, remote Store, dir string, maxBytes int64) (*Cache, error) {
	c := &Cache{Remote: remote, Local: Dir{Path: dir}, MaxBytes: maxBytes, order: list.New(), items: map[string]*list.Element{}}
	err := c.Local.List(ctx, "", func(i Info) error { return c.Local.Delete(ctx, i.Key) })
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Put implements Store: the remote store first, which is the truth.
func (c *Cache) Put(ctx context.Context, key string, r io.Reader, size int64, contentType string) error {
	return c.Remote.Put(ctx, key, r, size, contentType)
}

// Open implements Store: the local copy, else the remote object, copied
// here when it is small enough and then served from the copy.
func (c *Cache) Open(ctx context.Context, key string) (Object, error) {
	if c.touch(key) {
		if f, err := c.Local.Open(ctx, key); err == nil {
			return f, nil
		}
		c.forget(key)
	}
	obj, err := c.Remote.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	size, err := obj.Seek(0, io.SeekEnd)
	if err != nil || size > c.MaxBytes/10 {
		if err == nil {
			_, err = obj.Seek(0, io.SeekStart)
		}
		if err != nil {
			obj.Close()
			return nil, err
		}
		return obj, nil
	}
	if _, err := obj.Seek(0, io.SeekStart); err != nil {
		obj.Close()
		return nil, err
	}
	err = c.Local.Put(ctx, key, obj, size, "")
	obj.Close()
	if err != nil {
		// The local disk is full or broken: serve from the remote.
		return c.Remote.Open(ctx, key)
	}
	c.add(ctx, key, size)
	return c.Local.Open(ctx, key)
}

// Stat implements Store.
func (c *Cache) Stat(ctx context.Context, key string) (Info, error) { return c.Remote.Stat(ctx, key) }

// List implements Store.
func (c *Cache) List(ctx context.Context, prefix string, fn func(Info) error) error {
	return c.Remote.List(ctx, prefix, fn)
}

// Delete implements Store.
func (c *Cache) Delete(ctx context.Context, key string) error {
	if err := c.Remote.Delete(ctx, key); err != nil {
		return err
	}
	c.forget(key)
	return c.Local.Delete(ctx, key)
}

// Ping implements Pinger when the remote store does.
func (c *Cache) Ping(ctx context.Context) error {
	if p, ok := c.Remote.(Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// PresignGet implements Presigner when the remote store does.
func (c *Cache) PresignGet(ctx context.Context, key string, ttl time.Duration, contentType, disposition string) (string, error) {
	if p, ok := c.Remote.(Presigner); ok {
		return p.PresignGet(ctx, key, ttl, contentType, disposition)
	}
	return "", congtin.Errorf(congtin.EINTERNAL, "blob: the store cannot presign")
}

// touch marks key as read now and reports whether it is cached.
func (c *Cache) touch(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return true
	}
	return false
}

func (c *Cache) forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.size -= e.Value.(cached).size
		c.order.Remove(e)
		delete(c.items, key)
	}
}

// add records a copy and deletes the least recently read ones past the
// bound.
func (c *Cache) add(ctx context.Context, key string, size int64) {
	var evict []string
	c.mu.Lock()
	if _, ok := c.items[key]; !ok {
		c.items[key] = c.order.PushFront(cached{key, size})
		c.size += size
	}
	for c.size > c.MaxBytes && c.order.Len() > 1 {
		e := c.order.Back()
		it := e.Value.(cached)
		c.order.Remove(e)
		delete(c.items, it.key)
		c.size -= it.size
		evict = append(evict, it.key)
	}
	c.mu.Unlock()
	for _, k := range evict {
		c.Local.Delete(ctx, k) // a file left behind is deleted at the next start
	}
}
