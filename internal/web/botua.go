package web

import "sync"

// isBot reports whether a user agent is a crawler's (botUA). Readers'
// browsers send a few dozen distinct user agents, and the regular
// expression costs more than the rest of a cached page; the answers are
// remembered, up to a bound, since the header is the client's to choose.
func isBot(ua string) bool {
	botMemo.mu.RLock()
	v, ok := botMemo.m[ua]
	botMemo.mu.RUnlock()
	if ok {
		return v
	}
	v = botUA.MatchString(ua)
	botMemo.mu.Lock()
	if botMemo.m == nil || len(botMemo.m) >= maxBotMemo {
		botMemo.m = map[string]bool{}
	}
	botMemo.m[ua] = v
	botMemo.mu.Unlock()
	return v
}

const maxBotMemo = 4096

var botMemo struct {
	mu sync.RWMutex
	m  map[string]bool
}
