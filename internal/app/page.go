package app

// pageFlow is the about section's pages' part in the workflow; nil until they move onto the
// shared workflow (Transition refuses a kind without one).
var pageFlow *flow
