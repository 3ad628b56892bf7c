package sqlstore

// WentLiveQuery is the change watcher's query, for the plan tests.
const WentLiveQuery = wentLiveQuery

// The suggestions' walks, for the plan tests.
const (
	DocumentsByNumber      = documentsByNumber
	DocumentsBySummary     = documentsBySummary
	DocumentsBySummaryLong = documentsBySummaryLong
	QuestionsByTitle       = questionsByTitle
)
