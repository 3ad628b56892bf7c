package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/congtin/congtin"
)

// withProgress returns ctx carrying a progress report of an import's
// steps to w: on a terminal a bar redrawn in place when its percentage
// moves, otherwise (a log, a pipe) a line at every tenth of a step, so
// that a long import shows it is alive without flooding the log.
func withProgress(ctx context.Context, w io.Writer) context.Context {
	return congtin.NewContextWithProgress(ctx, progressPrinter(w, isTerminal(w)))
}

// progressPrinter prints the progress of each step to w, as a bar when
// term says w is a terminal.
func progressPrinter(w io.Writer, term bool) congtin.ProgressFunc {
	// A bar starts at 0 %; lines start at the first tenth.
	first := 0
	if term {
		first = -1
	}
	step, last := "", first
	return func(s string, done, total int) {
		if total <= 0 {
			return
		}
		if s != step {
			step, last = s, first
		}
		pct := done * 100 / total
		if !term {
			pct = pct / 10 * 10
		}
		if pct == last {
			return
		}
		last = pct
		label := stepLabel(s)
		if !term {
			fmt.Fprintf(w, "%s: %d/%d (%d%%)\n", label, done, total, pct)
			return
		}
		const width = 30
		fill := pct * width / 100
		fmt.Fprintf(w, "\r%s [%s%s] %3d%% %d/%d", label, strings.Repeat("#", fill), strings.Repeat(".", width-fill), pct, done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

// stepLabel is how the progress report names a step.
func stepLabel(step string) string {
	switch step {
	case congtin.StepWrite:
		return "ghi bài viết"
	case congtin.StepIndex:
		return "lập chỉ mục tìm kiếm"
	}
	return step
}
