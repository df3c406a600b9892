package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Stats describes the whole argument graph: counts by node label and
// relationship type, and a digest of every label, property and
// relationship, so that two snapshots are equal exactly when the graphs
// are. The audit trail (:Change nodes), the marks of loads (:DatasetLoad,
// loadmark.go) and the nodes' versions are bookkeeping, not content: a dataset exported and loaded into an empty
// graph has the same digest as the graph it came from.
type Stats struct {
	Nodes         map[string]int
	Relationships map[string]int
	Digest        string
}

const (
	allNodes = `MATCH (n) WHERE NOT n:Change AND NOT n:GraphVersion AND NOT n:DatasetLoad RETURN labels(n) AS labels, n {.*, version: null} AS props`
	allRels  = `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`
)

// Stats reads the whole graph; it is meant for tests and for `counterpoint
// stats` on small graphs, not for serving requests.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Nodes: map[string]int{}, Relationships: map[string]int{}}
	var lines []string
	nodes, err := db.read(ctx, "allNodes", allNodes, nil)
	if err != nil {
		return st, err
	}
	for _, rec := range nodes.Records {
		f := recordFields(rec)
		names, p := f.strs("labels"), f.any("props")
		if f.err != nil {
			return st, f.err
		}
		for _, name := range names {
			if name != "Entity" {
				st.Nodes[name]++
			}
		}
		slices.Sort(names)
		b, err := json.Marshal(p) // maps marshal with sorted keys
		if err != nil {
			return st, err
		}
		lines = append(lines, "N "+strings.Join(names, ":")+" "+string(b))
	}
	rels, err := db.read(ctx, "allRels", allRels, nil)
	if err != nil {
		return st, err
	}
	for _, rec := range rels.Records {
		f := recordFields(rec)
		// The ends print as %v, so that a node without an id reads "<nil>".
		from, typ, to, p := f.value("from", false), f.str("type"), f.value("to", false), f.any("props")
		if f.err != nil {
			return st, f.err
		}
		st.Relationships[typ]++
		b, err := json.Marshal(p)
		if err != nil {
			return st, err
		}
		lines = append(lines, fmt.Sprintf("R %v -%s-> %v %s", from, typ, to, b))
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l + "\n"))
	}
	st.Digest = hex.EncodeToString(h.Sum(nil))
	return st, nil
}

// deleteAll removes every node in batches; it exists for tests and
// benchmarks, which start each run from an empty graph.
// The graph version's node stays, and the version advances: a version
// that came back after a wipe would let a cache answer from before it.
const deleteAll = `MATCH (n) WHERE NOT n:GraphVersion CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

// DeleteAll empties the graph (schema stays). Only tests and benchmarks call it.
func (db *DB) DeleteAll(ctx context.Context) error {
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	db.roundTrips.Add(1)
	res, err := session.Run(ctx, deleteAll, nil) // CALL IN TRANSACTIONS needs an auto-commit transaction
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err == nil {
		_, err = db.writeQuery(ctx, bumpGraphVersion, nil)
		return err
	}
	return wrap(withContextError(ctx, err))
}

// otherTransactions counts the transactions running on the server besides
// the one that asks.
const otherTransactions = `SHOW TRANSACTIONS YIELD currentQuery
WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
RETURN count(*) AS n`

// OtherTransactions returns how many transactions the server is running
// besides this query, so that a trial that killed a writer can wait until
// the server has rolled back (or committed) what it left open.
func (db *DB) OtherTransactions(ctx context.Context) (int, error) {
	res, err := db.read(ctx, "otherTransactions", otherTransactions, nil)
	if err != nil {
		return 0, err
	}
	f, err := onlyRecord(res.Records, "count transactions")
	if err != nil {
		return 0, err
	}
	n := f.integer("n")
	return n, f.err
}

// datasetCounts counts a dataset's claims, quotes and evidence links in one
// query.
const datasetCounts = `RETURN COUNT { MATCH (c:Claim {dataset: $dataset}) } AS claims,
  COUNT { MATCH (q:Quote {dataset: $dataset}) } AS quotes,
  COUNT { MATCH (:Claim {dataset: $dataset})-[:EVIDENCED_BY]->(:Quote) } AS evidence`

// DatasetCounts are three counts that agree in every committed state of a
// dataset; the reliability trials read them during loads to see whether
// one query can see part of a commit.
type DatasetCounts struct{ Claims, Quotes, Evidence int }

// DatasetCounts reads a dataset's counts in one query.
func (db *DB) DatasetCounts(ctx context.Context, dataset string) (DatasetCounts, error) {
	res, err := db.read(ctx, "datasetCounts", datasetCounts, map[string]any{"dataset": dataset})
	if err != nil {
		return DatasetCounts{}, err
	}
	f, err := onlyRecord(res.Records, "count a dataset")
	if err != nil {
		return DatasetCounts{}, err
	}
	c := DatasetCounts{Claims: f.integer("claims"), Quotes: f.integer("quotes"), Evidence: f.integer("evidence")}
	return c, f.err
}
