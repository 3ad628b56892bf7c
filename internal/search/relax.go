package search

// Relaxing a query: when no article holds every word, a search may settle
// for articles that hold most of them. The levels are tried from the most
// words down, and the first that finds anything is the result, so an
// article holding more of the query always comes before one holding fewer.

// Bounds on relaxing. Matching "k of n words" is an OR of every set of k
// words, each an AND: the number of sets grows fast, so levels past
// maxClauses sets are not tried, and the search stays a handful of index
// lookups however long the query.
const (
	// maxClauses bounds the sets of words one level asks the index for:
	// C(8,7) = 8 and C(8,6) = 28 pass, so an eight-word query may miss two.
	maxClauses = 28
	// minKept is the fewest words a relaxed match holds. Vietnamese words
	// are mostly two syllables: one syllable of a two-syllable query alone
	// ("chủng" for "tiêm chủng") is another word, not a near match.
	minKept = 2
)

// Distinct returns the query's folded words without repeats, in order.
func (q *Query) Distinct() []string {
	var out []string
	for _, t := range q.Terms {
		dup := false
		for _, o := range out {
			if o == t.Fold {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t.Fold)
		}
	}
	return out
}

// RelaxLevels returns how many words each relaxed search must keep, the
// most first: from all but one down to half the words (and at least
// minKept), as long as a level has at most maxClauses sets. A quoted
// query is never relaxed: the reader asked for the phrase only.
func (q *Query) RelaxLevels() []int {
	if q.Quoted {
		return nil
	}
	n := len(q.Distinct())
	var out []int
	for k := n - 1; k >= minKept && 2*k >= n; k-- {
		if binomial(n, k) > maxClauses {
			break
		}
		out = append(out, k)
	}
	return out
}

// Relaxed returns a copy of q that matches articles holding at least need
// of its distinct words. Ranking still reads every word: coverage, phrase
// and fields weigh as for a strict query.
func (q *Query) Relaxed(need int) *Query {
	r := *q
	r.Need = need
	return &r
}

// Clauses returns the sets of folded words a match must hold one of: one
// set of every word for a strict query, every set of Need words for a
// relaxed one. The dialects write the sets as an OR of ANDs.
func (q *Query) Clauses() [][]string {
	words := q.Distinct()
	if q.Need <= 0 || q.Need >= len(words) {
		return [][]string{q.Folds()}
	}
	var out [][]string
	for _, idx := range pickSets(len(words), q.Need) {
		set := make([]string, len(idx))
		for i, k := range idx {
			set[i] = words[k]
		}
		out = append(out, set)
	}
	return out
}

func binomial(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	k = min(k, n-k)
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
	}
	return r
}
