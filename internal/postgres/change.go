package postgres

// changesLock is the advisory lock key ("congtnc") that orders the change
// log: migrations/0004_changes.sql explains why, and its triggers take the
// same key. Every write transaction takes it first (dialect.BeginWrite).
const changesLock int64 = 0x636f6e67746e63
