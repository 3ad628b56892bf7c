package app

// scheduleFlow is the work schedule' part in the workflow; nil until they move onto the
// shared workflow (Transition refuses a kind without one).
var scheduleFlow *flow
