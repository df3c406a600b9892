package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Stats describes the whole graph: counts by node label and relationship
// type, and a digest of every label, property and relationship, so that two
// snapshots are equal exactly when the graphs are.
type Stats struct {
	Nodes         map[string]int
	Relationships map[string]int
	Digest        string
}

const (
	allNodes = `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`
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
		labels, _, _ := neo4j.GetRecordValue[[]any](rec, "labels")
		p, _, _ := neo4j.GetRecordValue[map[string]any](rec, "props")
		names := make([]string, len(labels))
		for i, l := range labels {
			names[i] = fmt.Sprint(l)
			if names[i] != "Entity" {
				st.Nodes[names[i]]++
			}
		}
		sort.Strings(names)
		b, _ := json.Marshal(p) // maps marshal with sorted keys
		lines = append(lines, "N "+strings.Join(names, ":")+" "+string(b))
	}
	rels, err := db.read(ctx, "allRels", allRels, nil)
	if err != nil {
		return st, err
	}
	for _, rec := range rels.Records {
		from, _ := rec.Get("from")
		typ, _, _ := neo4j.GetRecordValue[string](rec, "type")
		to, _ := rec.Get("to")
		p, _, _ := neo4j.GetRecordValue[map[string]any](rec, "props")
		st.Relationships[typ]++
		b, _ := json.Marshal(p)
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
const deleteAll = `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

// DeleteAll empties the graph (schema stays). Only tests and benchmarks call it.
func (db *DB) DeleteAll(ctx context.Context) error {
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	db.roundTrips.Add(1)
	res, err := session.Run(ctx, deleteAll, nil) // CALL IN TRANSACTIONS needs an auto-commit transaction
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return wrap(err)
}
