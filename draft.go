package congtin

// DraftStore keeps what the back office holds for an editor between saves:
// autosaved forms and who has an item open.
// (Filled with the autosave and the edit locks.)
type DraftStore interface{}

// DraftTx writes drafts and edit locks inside a change.
// (Filled with the autosave and the edit locks.)
type DraftTx interface{}
