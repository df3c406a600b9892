package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/counterpoint-news/counterpoint"
)

// The audit trail: every write through the API reads the node it changes
// before and after, checks the version the edit was based on, bumps the
// version and records a :Change in the same transaction, so that a refused
// or failed write leaves neither the node nor its history changed.
const (
	// nodeSnapshot is a node as a curator sees it, with the relationships
	// that belong to it, but without a source's text (its hash stands in).
	nodeSnapshot = `n {.*, text: CASE WHEN n:Source THEN null ELSE n.text END, version: null, sortKey: null,
  labels: [l IN labels(n) WHERE l <> 'Entity'],
  assertions: [(a:Actor)-[r:ASSERTED]->(n) | r {actor: a.id, .source, .date, .attribution, .stance}],
  about: [(n)-[:ABOUT]->(a:Actor) | a.id],
  quotes: [(n)-[e:EVIDENCED_BY]->(q:Quote) | q {.id, .text, .kind, .start, .end, .anchor, rank: e.rank,
           source: [(q)-[:FROM]->(s:Source) | s.id][0], document: [(q)-[:SAID_IN]->(d:Source) | d.id][0]}],
  relations: [(n)-[r:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->(o:Claim) | r {kind: type(r), to: o.id, .note, .source, .inferred,
           .evidenceSources, .evidenceStarts, .evidenceEnds}],
  memberOf: [(n)-[:MEMBER_OF]->(g:Actor) | g.id],
  authors: [(n)-[:AUTHORED_BY]->(a:Actor) | a.id],
  reportedIn: [(n)-[:REPORTED_IN]->(r:Source) | r.id][0]}`
	readNodeState = `OPTIONAL MATCH (n:Entity {id: $id})
RETURN CASE WHEN n IS NULL THEN 0 ELSE coalesce(n.version, 1) END AS version,
       CASE WHEN n IS NULL THEN null ELSE ` + nodeSnapshot + ` END AS snapshot,
       COLLECT { MATCH (ch:Change {entity: $id}) RETURN ch ORDER BY ch.at DESC LIMIT 1 } AS last`
	recordChange = `OPTIONAL MATCH (n:Entity {id: $id})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.version = $version)
CREATE (:Change {entity: $id, action: $action, by: $by, at: datetime(), version: $version,
                 before: $before, after: $after, note: $note})`
	recordLoad = `CREATE (:Change {entity: $dataset, action: 'LOAD', by: $by, at: datetime(), note: $note})`
	history    = `MATCH (ch:Change) WHERE ch.entity = $id OR ch.entity = $dataset
RETURN ch.entity AS entity, ch.action AS action, ch.by AS by, ch.at AS at, ch.version AS version,
       ch.before AS before, ch.after AS after, ch.note AS note
ORDER BY ch.at DESC LIMIT $first`
	datasetOf = `OPTIONAL MATCH (n:Entity {id: $id}) RETURN n.dataset AS dataset`
)

// nodeState is what a versioned write knows of its node before it writes.
type nodeState struct {
	version  int
	snapshot string // "" when the node does not exist
	last     *counterpoint.Change
}

// readState reads the node id's version, snapshot and last change in tx.
func (db *DB) readState(ctx context.Context, tx neo4j.ManagedTransaction, id string) (nodeState, error) {
	recs, err := db.run(ctx, tx, readNodeState, map[string]any{"id": id})
	if err != nil {
		return nodeState{}, err
	}
	f, err := onlyRecord(recs, fmt.Sprintf("read the state of %q", id))
	if err != nil {
		return nodeState{}, err
	}
	st := nodeState{version: f.integer("version")}
	snap := f.value("snapshot", false)
	last := f.list("last")
	if f.err != nil {
		return st, f.err
	}
	if snap != nil {
		if st.snapshot, err = canonicalJSON(snap); err != nil {
			return st, err
		}
	}
	if len(last) == 1 {
		node, ok := last[0].(dbtype.Node)
		if !ok {
			return st, fmt.Errorf("read the last change of %q: got %T, want a node", id, last[0])
		}
		c, err := decodeChange(propsFields("change", node.Props))
		if err != nil {
			return st, err
		}
		st.last = &c
	}
	return st, nil
}

// versioned runs write on the node tx holds the lock of (a what, e.g.
// "claim") when base is the node's version, then bumps the version and
// records the change with the snapshots before and after, as action
// (CREATE, UPDATE or DELETE as the snapshots say, when action is ""). A
// write that changes nothing records nothing and keeps the version. The
// lock (lock.go), taken before this reads the version, makes the check and
// the write one step: no other versioned write of the id can run between.
func (db *DB) versioned(ctx context.Context, tx lockedTx, what string, base *int, action counterpoint.ChangeAction, write func() error) error {
	id := tx.id
	before, err := db.readState(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := counterpoint.CheckVersion(what, id, base, before.version, before.last); err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	after, err := db.readState(ctx, tx, id)
	if err != nil {
		return err
	}
	if after.snapshot == before.snapshot {
		if after.snapshot != "" { // the write's SET replaced the version too
			_, err = db.run(ctx, tx, restoreVersion, map[string]any{"id": id, "version": before.version})
		}
		return err
	}
	did, version := counterpoint.ChangeUpdate, before.version+1
	switch {
	case before.snapshot == "":
		did, version = counterpoint.ChangeCreate, 1
	case after.snapshot == "":
		did, version = counterpoint.ChangeDelete, 0
	}
	_, err = db.run(ctx, tx, recordChange, map[string]any{
		"id": id, "action": string(cmp.Or(action, did)), "by": counterpoint.EditorOf(ctx), "version": version,
		"before": nullIfEmpty(before.snapshot), "after": nullIfEmpty(after.snapshot), "note": nil,
	})
	return err
}

const restoreVersion = `MATCH (n:Entity {id: $id}) SET n.version = $version`

// History returns the changes recorded for the node id, newest first, with
// the loads of the dataset it belongs to.
func (db *DB) History(ctx context.Context, id string, first int) ([]counterpoint.Change, error) {
	res, err := db.read(ctx, "datasetOf", datasetOf, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	f, err := onlyRecord(res.Records, "read the dataset of "+id)
	if err != nil {
		return nil, err
	}
	dataset := f.optStr("dataset")
	if f.err != nil {
		return nil, f.err
	}
	res, err = db.read(ctx, "history", history, map[string]any{"id": id, "dataset": nullIfEmpty(dataset), "first": first})
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.Change {
		c, err := decodeChange(f)
		f.fail(err)
		return c
	})
}

// decodeChange reads a change from a record or a node's properties.
func decodeChange(f *fields) (counterpoint.Change, error) {
	c := counterpoint.Change{
		Entity: f.str("entity"), Action: counterpoint.ChangeAction(f.str("action")), By: f.str("by"),
		Version: int(typed[int64](f, "version", false)),
		Before:  f.optStr("before"), After: f.optStr("after"), Note: f.optStr("note"),
	}
	switch at := f.any("at").(type) {
	case time.Time:
		c.At = at
	case nil:
	default:
		f.fail(fmt.Errorf("decode change: at is %T, want a date and time", at))
	}
	return c, f.err
}

// canonicalJSON encodes a snapshot with its lists in a fixed order, so
// that two snapshots of the same node compare equal as strings.
func canonicalJSON(v any) (string, error) {
	b, err := json.Marshal(sortLists(v))
	return string(b), err
}

// sortLists orders every list in v by the JSON of its elements; pattern
// comprehensions return relationships in no promised order.
func sortLists(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if e != nil {
				out[k] = sortLists(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		keys := make([]string, len(v))
		for i, e := range v {
			out[i] = sortLists(e)
			b, _ := json.Marshal(out[i])
			keys[i] = string(b)
		}
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
		sorted := make([]any, len(v))
		for i, j := range idx {
			sorted[i] = out[j]
		}
		return sorted
	}
	return v
}

// nullIfEmpty makes "" a Cypher null, so that no empty property is written.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Curators' decisions on a source's suggestions are changes of the source
// whose note names the suggestion: the audit trail is the one log of them.
const (
	reviewsOf = `MATCH (ch:Change {entity: $source}) WHERE ch.action IN ['ACCEPT', 'DISMISS', 'REOPEN']
WITH ch.note AS suggestion, ch ORDER BY ch.at DESC
RETURN suggestion, head(collect(ch.action)) AS action`
	recordReview = `MATCH (s:Source {id: $source})
CREATE (:Change {entity: $source, action: $action, by: $by, at: datetime(), note: $suggestion})
RETURN count(*) AS n`
)

// Reviews returns the last decision on each reviewed suggestion of source.
func (db *DB) Reviews(ctx context.Context, source string) (map[string]counterpoint.ChangeAction, error) {
	res, err := db.read(ctx, "reviewsOf", reviewsOf, map[string]any{"source": source})
	if err != nil {
		return nil, err
	}
	out := map[string]counterpoint.ChangeAction{}
	for _, rec := range res.Records {
		f := recordFields(rec)
		id, action := f.str("suggestion"), f.str("action")
		if f.err != nil {
			return nil, f.err
		}
		out[id] = counterpoint.ChangeAction(action)
	}
	return out, nil
}

// Review records a curator's decision (ACCEPT, DISMISS or REOPEN) on the
// suggestion id of source.
func (db *DB) Review(ctx context.Context, source, id string, action counterpoint.ChangeAction) error {
	return db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		recs, err := db.run(ctx, tx, recordReview, map[string]any{"source": source, "action": string(action), "by": counterpoint.EditorOf(ctx), "suggestion": id})
		if err != nil {
			return err
		}
		f, err := onlyRecord(recs, "record a review")
		if err != nil {
			return err
		}
		if n := f.integer("n"); f.err == nil && n == 0 {
			return counterpoint.UnknownRef("source", counterpoint.NodeSource, source)
		}
		return f.err
	})
}
