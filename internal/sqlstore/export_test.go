package sqlstore

// WentLiveQuery is the change watcher's query, for the plan tests.
const WentLiveQuery = wentLiveQuery
