package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Compare-and-set under races. A versioned write reads its node's version,
// checks it against the version the edit was based on, and writes. Neo4j
// reads without locks (read committed), so two saves of one version could
// both pass the check and the later one silently overwrite the other; two
// creates of one new id could both see no node. So every versioned write
// first takes a write lock on its id, in the same transaction and before
// it reads anything, and holds it until it commits or rolls back: of two
// simultaneous saves the second reads only once the first has committed,
// and its check then fails with CONFLICT naming what changed.
//
// A new id has no node to lock, and a node being deleted is no lock to
// wait on, so the lock is not the node's own: it is the MERGE of a
// :WriteLock node with that id, under a uniqueness constraint
// (write_lock_id in schema.go). Neo4j serialises MERGEs of one key under a
// uniqueness constraint: the transaction that creates the node holds the
// constraint's index-entry lock for that id until it ends, and any other
// MERGE of the id waits on it. The same statement deletes the node again,
// so no lock node is ever committed: none shows up in reads, counts,
// exports or digests, and a write that fails or is killed leaves none
// behind (its transaction rolls back). A transaction that locks several
// ids (a claim and its quotes) locks them in sorted order, so that two
// such transactions never wait on each other in a cycle over these locks.
//
// Then it takes the write lock of the versioned node ($id) itself, when
// there is one, by setting its version to what it is (a SET takes the lock
// even when it changes nothing; a node without a version is at version 1,
// as readState counts it): a dataset load, which does not check versions,
// writes without the id's lock, and a version read while a load holds the
// node could be stale by the time the write commits.
const lockIDs = `UNWIND $ids AS id
MERGE (l:WriteLock {id: id})
DELETE l
WITH count(*) AS locked
OPTIONAL MATCH (n:Entity {id: $id})
SET n.version = coalesce(n.version, 1)`

// lockedTx is a write transaction that holds the write lock of id (and
// maybe of others): the only kind of transaction a versioned write runs in.
type lockedTx struct {
	neo4j.ManagedTransaction
	id string
}

// writeLocked runs fn in one write transaction that first takes the write
// locks of id, the node fn's versioned write changes, and of others. As
// with write, a retried transaction runs fn again from the start, so it
// reads the version again under the lock.
func (db *DB) writeLocked(ctx context.Context, id string, others []string, fn func(tx lockedTx) error) error {
	ids := append([]string{id}, others...)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if _, err := db.run(ctx, tx, lockIDs, map[string]any{"ids": ids, "id": id}); err != nil {
			return err
		}
		return fn(lockedTx{ManagedTransaction: tx, id: id})
	})
}

// write runs fn in one managed write transaction that shares bookmarks with
// reads, so that a read after the write sees it.
//
// The driver retries a transaction that failed with a transient error, but
// only within MaxTransactionRetryTime (1 s, see Connect) and after sleeping
// a second or more; writes that touch the same nodes (claims quoting one
// source) can deadlock, and Neo4j then aborts one of them, often after it
// has waited past that second. write runs such a transaction again itself,
// at once and for as long as ctx allows, since a deadlock says nothing of
// the store's health. Every run calls fn from the start, so that it reads
// again what it checks; fn's own errors (a CONFLICT among them) are never
// retried.
func (db *DB) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	ctx, cancel := db.readContext(ctx)
	defer cancel()
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	for attempt := 1; ; attempt++ {
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			err := fn(tx)
			if err == nil {
				err = db.bumpVersion(ctx, tx)
			}
			if deadlocked(err) {
				// Past the driver's retries, which would sleep first.
				return nil, lostDeadlock{err}
			}
			return nil, err
		})
		if err == nil {
			return nil
		}
		if !deadlocked(err) || ctx.Err() != nil {
			return wrap(withContextError(ctx, err))
		}
		// A little jitter, growing with the attempts, so that the
		// transactions that deadlocked do not meet again at once.
		pause := time.Duration(rand.Int64N(int64(min(attempt, 20)) * int64(5*time.Millisecond)))
		select {
		case <-ctx.Done():
			return wrap(withContextError(ctx, err))
		case <-time.After(pause):
		}
	}
}

// deadlockCode is the code of Neo4j's error for a transaction it aborted
// to break a cycle of transactions waiting for each other's locks.
const deadlockCode = "Neo.TransientError.Transaction.DeadlockDetected"

// lostDeadlock carries a deadlock out of a transaction function without
// the driver seeing a retryable Neo4j error in it (it has no Unwrap).
type lostDeadlock struct{ err error }

func (e lostDeadlock) Error() string { return e.err.Error() }

// deadlocked reports whether err says that Neo4j aborted the transaction
// to break a deadlock, directly, carried out by lostDeadlock, or as the
// last error of the driver's spent retries.
func deadlocked(err error) bool {
	var (
		lost  lostDeadlock
		limit *neo4j.TransactionExecutionLimit
		n4j   *neo4j.Neo4jError
	)
	switch {
	case err == nil:
		return false
	case errors.As(err, &lost):
		return true
	case errors.As(err, &limit):
		return len(limit.Errors) > 0 && deadlocked(limit.Errors[len(limit.Errors)-1])
	case errors.As(err, &n4j):
		return n4j.Code == deadlockCode
	}
	return false
}
