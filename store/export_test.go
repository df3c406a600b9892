package store

// MarkUnreachable sets the DB as if its last read had found Neo4j
// unreachable, so that a test can make the next read trigger the
// re-planning that follows an outage.
func MarkUnreachable(db *DB) { db.down.Store(true) }
