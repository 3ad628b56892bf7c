package app

// questionFlow is the Q&A' part in the workflow; nil until they move onto the
// shared workflow (Transition refuses a kind without one).
var questionFlow *flow
