package store

import (
	"context"
	"slices"

	"github.com/counterpoint-news/counterpoint"
)

// nodeLinks reads, for a node n of any kind, the ids its API type carries:
// a source's reportedIn, a quote's claim, source and document.
const nodeLinks = `
OPTIONAL MATCH (n:Source)-[:REPORTED_IN]->(rep:Source)
OPTIONAL MATCH (qc:Claim)-[:EVIDENCED_BY]->(n:Quote)
OPTIONAL MATCH (n:Quote)-[:FROM]->(qs:Source)
OPTIONAL MATCH (n:Quote)-[:SAID_IN]->(qd:Source)
`

// nodeColumns are the columns decodeNodeRecord reads.
const nodeColumns = `labels(n) AS labels, properties(n) AS props, rep.id AS reportedIn, qc.id AS quoteClaim, qs.id AS quoteSource, qd.id AS quoteDocument`

const nodesByID = `UNWIND $ids AS id MATCH (n:Entity {id: id})` + nodeLinks + `RETURN ` + nodeColumns

// NodesByID returns the nodes with the given ids, of any kind.
func (db *DB) NodesByID(ctx context.Context, ids []string) ([]counterpoint.Node, error) {
	res, err := db.read(ctx, "nodesByID", nodesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	nodes, err := decodeAll(res.Records, decodeNodeRecord)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(nodes, func(n counterpoint.Node) bool { return n == nil }), nil
}

// decodeNodeRecord builds a node from the columns of nodeColumns; it is nil
// for a node of none of the four types.
func decodeNodeRecord(f *fields) counterpoint.Node {
	n, err := decodeNode(f.strs("labels"), f.any("props"))
	f.fail(err)
	// Every column is read whatever the node's type, so that a renamed one
	// fails on any row.
	reportedIn := f.optStr("reportedIn")
	claim, source, document := f.optStr("quoteClaim"), f.optStr("quoteSource"), f.optStr("quoteDocument")
	switch v := n.(type) {
	case *counterpoint.Source:
		v.ReportedIn = reportedIn
	case *counterpoint.Quote:
		v.Claim, v.Source, v.Document = claim, source, document
	}
	return n
}
