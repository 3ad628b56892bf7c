package app

// documentFlow is the documents register' part in the workflow; nil until they move onto the
// shared workflow (Transition refuses a kind without one).
var documentFlow *flow
