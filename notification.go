package congtin

// NotificationStore reads and marks the back office's notifications.
// (Filled with the notifications.)
type NotificationStore interface{}

// NotificationTx writes notifications inside the change they tell of.
// (Filled with the notifications.)
type NotificationTx interface{}
