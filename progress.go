package congtin

import "context"

// The steps of an import that report their progress.
const (
	StepWrite = "write" // records written
	StepIndex = "index" // articles' search index entries written
)

// ProgressFunc is told, as a long operation goes, that done of total
// units of its step are done. It is called from the operation's
// goroutine, often: it should only note the figures, or print when they
// have moved enough.
type ProgressFunc func(step string, done, total int)

const progressContextKey contextKey = 1

// NewContextWithProgress returns a context that carries fn, for the long
// operations run with it (imports) to report to. Progress is not a
// parameter of theirs: it changes nothing they do.
func NewContextWithProgress(ctx context.Context, fn ProgressFunc) context.Context {
	return context.WithValue(ctx, progressContextKey, fn)
}

// ProgressFromContext returns the ProgressFunc ctx carries, or one that
// does nothing.
func ProgressFromContext(ctx context.Context) ProgressFunc {
	if fn, ok := ctx.Value(progressContextKey).(ProgressFunc); ok && fn != nil {
		return fn
	}
	return func(string, int, int) {}
}
