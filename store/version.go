package store

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The graph version. Every write transaction of the store (the API's
// writes, a dataset load, a delete) ends by advancing one counter, on the
// single :GraphVersion node, in the same transaction, so the counter
// changes exactly when what the graph answers may have changed, and it
// commits or rolls back with the write. A loader is a process of its own;
// the counter lives in Neo4j so that every server sees its loads. A
// response cache keys its answers by the version it read before it asked,
// so no cached answer is older than the last committed write.
//
// The node carries no :Entity label: it is none of the API's nodes, and
// reads, counts, exports and digests leave it out. Writing it last in each
// transaction means the transaction holds no other lock it still waits
// for while it holds this one, so the counter adds no deadlock; it does
// serialise the commits of concurrent writes, which are rare next to reads.
const (
	bumpGraphVersion = `MERGE (v:GraphVersion {id: 'graph'})
SET v.n = coalesce(v.n, 0) + 1`
	readGraphVersion = `OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN coalesce(v.n, 0) AS n`
)

// bumpVersion advances the graph version inside tx, as the last statement
// of a write transaction.
func (db *DB) bumpVersion(ctx context.Context, tx neo4j.ManagedTransaction) error {
	_, err := db.run(ctx, tx, bumpGraphVersion, nil)
	return err
}

// GraphVersion returns the graph's version: a counter that every committed
// write and load of the store advances (0 before the first). The response
// cache reads it once per request.
func (db *DB) GraphVersion(ctx context.Context) (int64, error) {
	res, err := db.read(ctx, "graphVersion", readGraphVersion, nil)
	if err != nil {
		return 0, err
	}
	f, err := onlyRecord(res.Records, "read the graph version")
	if err != nil {
		return 0, err
	}
	n := f.integer("n")
	return int64(n), f.err
}
