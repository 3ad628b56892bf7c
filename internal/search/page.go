package search

// Bounds every store applies the same way.
const (
	// CountCap bounds counting: past it, the total reads "more than".
	CountCap = 1000
	// Candidates is how many matches are ranked in Go.
	Candidates = 200
)

// Page ranks the candidates a store loaded and returns the IDs and scores
// of the page asked for, in order, with the total the result should
// report. Rank drops candidates that do not match (a quoted phrase split
// across fields); when the candidates are every match (complete) and
// that leaves fewer of them, the total shrinks to what is left, so it
// does not promise them. Candidates that are only some of the matches
// (those with the words side by side, loaded first) leave it as counted.
func Page(q *Query, docs map[int64]*Doc, total int, capped, complete bool, offset, limit int) (ids []int64, scores map[int64]float64, newTotal int, newCapped bool) {
	list := make([]*Doc, 0, len(docs))
	for _, d := range docs {
		list = append(list, d)
	}
	ranked := Rank(q, list)
	if complete && len(ranked) < total && len(ranked) < Candidates {
		total, capped = len(ranked), false
	}
	scores = map[int64]float64{}
	for i := max(offset, 0); i < len(ranked) && i < offset+limit; i++ {
		ids = append(ids, ranked[i].ID)
		scores[ranked[i].ID] = ranked[i].Score
	}
	return ids, scores, total, capped
}
