package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"slices"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A reload of an unchanged dataset is recognised with two reads and
// skipped whole: each write leaves a :DatasetLoad mark (bookkeeping like
// :Change, outside the graph's digest) with the digest of what it wrote
// and a fingerprint of the graph it left, and a later write of the same
// digest that finds the same fingerprint writes nothing. The fingerprint
// covers everything the write would set: the dataset's own claims and
// quotes with their versions (every change through the API or a load bumps
// the version of the node it changes), the count of relationships the
// dataset owns (one removed along with another dataset's claim), and each
// node it shares with the graph (its actors and sources, and every other
// end of its relationships) with its version and links, which other loads
// may rewrite. Anything else means a full write, which compares every
// element as before.
const (
	readLoadMark  = `OPTIONAL MATCH (m:DatasetLoad {dataset: $dataset}) RETURN m.digest AS digest, m.state AS state`
	writeLoadMark = `MERGE (m:DatasetLoad {dataset: $dataset}) SET m.digest = $digest, m.state = $state`
	// loadFingerprint reads the state that loadMark records.
	loadFingerprint = `CALL () {
  MATCH (n:Claim {dataset: $dataset}) RETURN collect(n.id + ' ' + toString(coalesce(n.version, 0))) AS claims
}
CALL () {
  MATCH (n:Quote {dataset: $dataset}) RETURN collect(n.id + ' ' + toString(coalesce(n.version, 0))) AS quotes
}
CALL () {
  MATCH (n:Claim|Quote {dataset: $dataset})-[r]-() WHERE r.dataset = $dataset RETURN count(DISTINCT r) AS owned
}
` + sharedState + `
RETURN claims, quotes, owned, shared, properties(d) AS info`
	// sharedFingerprint reads the part of the state that a first write
	// does not know by itself (firstFingerprint): the shared nodes and the
	// dataset's node.
	sharedFingerprint = sharedState + `
RETURN shared, properties(d) AS info`
	// sharedState reads each shared node's version, labels and links, and
	// the dataset's node (d), for both fingerprints.
	sharedState = `CALL () {
  UNWIND $shared AS id
  OPTIONAL MATCH (n:Entity {id: id})
  RETURN collect([id, toString(n.version), [l IN labels(n) WHERE l <> 'Entity'],
    COLLECT { MATCH (n)-[l:MEMBER_OF|AUTHORED_BY|REPORTED_IN]->(m) RETURN type(l) + ' ' + m.id ORDER BY type(l), m.id }]) AS shared
}
OPTIONAL MATCH (d:Dataset {id: $dataset})`
)

// loadMark is what decides whether a write of a dataset can be skipped.
type loadMark struct {
	digest string   // of the write's rows and queries
	shared []string // the ids of the nodes it shares with the graph
}

// markOf computes the digest of a prepared write and the ids of the nodes
// it does not own. Every row goes through one canonical encoding (maps by
// sorted key, each value with its type and length), so equal rows give
// equal digests; the queries are in it so that a change in what a write
// does changes the digest too.
func markOf(dataset string, title, description string, r *rows) (loadMark, error) {
	d := newDigest()
	owned := map[string]bool{}
	for _, id := range r.claimIDs {
		owned[id] = true
	}
	for _, id := range r.quoteIDs {
		owned[id] = true
	}
	shared := map[string]bool{}
	d.value([]any{dataset, title, description})
	for _, l := range r.links {
		d.value(l)
	}
	for _, s := range r.steps() {
		d.value([]any{s.what, s.query, len(s.rows)})
		for _, row := range s.rows {
			d.value(row)
			for _, id := range []any{row["from"], row["to"], props(row)["id"]} {
				if id, ok := id.(string); ok && !owned[id] {
					shared[id] = true
				}
			}
		}
	}
	if d.err != nil {
		return loadMark{}, d.err
	}
	m := loadMark{digest: hex.EncodeToString(d.h.Sum(nil))}
	for id := range shared {
		m.shared = append(m.shared, id)
	}
	slices.Sort(m.shared)
	return m, nil
}

// digest hashes values in a canonical form written here rather than
// through encoding/json, whose reflection and escaping of every source's
// text made the digest a tenth of a load's time.
type digest struct {
	h    hash.Hash
	buf  []byte
	keys [][]string // a slice of keys for each depth of nested maps
	err  error
}

func newDigest() *digest { return &digest{h: sha256.New()} }

// value writes v with a tag for its type and the length of every string
// and collection, so that no two different values write the same bytes.
func (d *digest) value(v any) {
	b := d.buf[:0]
	b = d.appendValue(b, v)
	d.h.Write(b)
	if cap(b) <= 1<<16 {
		d.buf = b
	}
}

func (d *digest) appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, 'n')
	case string:
		return appendString(b, v)
	case bool:
		if v {
			return append(b, 't')
		}
		return append(b, 'f')
	case int:
		return strconv.AppendInt(append(b, 'i'), int64(v), 10)
	case int64:
		return strconv.AppendInt(append(b, 'i'), v, 10)
	case float64:
		return strconv.AppendFloat(append(b, 'd'), v, 'g', -1, 64)
	case []string:
		b = strconv.AppendInt(append(b, 'l'), int64(len(v)), 10)
		for _, s := range v {
			b = appendString(b, s)
		}
		return b
	case []any:
		b = strconv.AppendInt(append(b, 'a'), int64(len(v)), 10)
		for _, e := range v {
			b = d.appendValue(b, e)
		}
		return b
	case map[string]any:
		depth := len(d.keys)
		var keys []string
		if cap(d.keys) > depth {
			keys = d.keys[:depth+1][depth][:0]
		}
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		// The values may be maps too: they take the next depth's slice.
		d.keys = append(d.keys, keys)
		b = strconv.AppendInt(append(b, 'm'), int64(len(keys)), 10)
		for _, k := range keys {
			b = d.appendValue(appendString(b, k), v[k])
		}
		d.keys = d.keys[:depth]
		return b
	case []map[string]any:
		b = strconv.AppendInt(append(b, 'M'), int64(len(v)), 10)
		for _, e := range v {
			b = d.appendValue(b, e)
		}
		return b
	}
	// A type the rows do not use today: its JSON, tagged with the type.
	j, err := json.Marshal(v)
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("digest of a %T: %w", v, err)
	}
	b = appendString(append(b, 'j'), fmt.Sprintf("%T", v))
	return appendString(b, string(j))
}

func appendString(b []byte, s string) []byte {
	b = strconv.AppendInt(append(b, 's'), int64(len(s)), 10)
	return append(append(b, ':'), s...)
}

// props is a node row's properties (nil for a relationship's row).
func props(row map[string]any) map[string]any {
	if row["from"] != nil {
		return nil
	}
	if p, ok := row["props"].(map[string]any); ok {
		return p
	}
	return nil
}

// fingerprint reads the state of the graph that the mark of dataset
// records, as a digest.
func (db *DB) fingerprint(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, m loadMark) (string, error) {
	f, err := db.readFingerprint(ctx, tx, loadFingerprint, dataset, m)
	if err != nil {
		return "", err
	}
	st := state{claims: f.strs("claims"), quotes: f.strs("quotes"), owned: f.integer("owned"), shared: f.value("shared", false), info: f.value("info", false)}
	if f.err != nil {
		return "", f.err
	}
	return st.digest()
}

// firstFingerprint is fingerprint after a first write (firstSteps): that
// write created every claim and quote of the dataset at version 1 and
// every relationship it owns among newRels, so only the shared nodes and
// the dataset's node are read.
func (db *DB) firstFingerprint(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, m loadMark, r *rows) (string, error) {
	f, err := db.readFingerprint(ctx, tx, sharedFingerprint, dataset, m)
	if err != nil {
		return "", err
	}
	st := state{shared: f.value("shared", false), info: f.value("info", false)}
	if f.err != nil {
		return "", f.err
	}
	for _, id := range r.claimIDs {
		st.claims = append(st.claims, id+" 1")
	}
	for _, id := range r.quoteIDs {
		st.quotes = append(st.quotes, id+" 1")
	}
	for _, rows := range r.newRels {
		st.owned += len(rows)
	}
	return st.digest()
}

// readFingerprint runs one of the fingerprint's queries for dataset and its
// shared nodes, and returns its one row.
func (db *DB) readFingerprint(ctx context.Context, tx neo4j.ManagedTransaction, query, dataset string, m loadMark) (*fields, error) {
	recs, err := db.run(ctx, tx, query, map[string]any{"dataset": dataset, "shared": m.shared})
	if err != nil {
		return nil, err
	}
	return onlyRecord(recs, "read the fingerprint of dataset "+dataset)
}

// state is what a fingerprint covers (loadFingerprint's columns).
type state struct {
	claims, quotes []string
	owned          int
	shared, info   any
}

func (st state) digest() (string, error) {
	slices.Sort(st.claims)
	slices.Sort(st.quotes)
	b, err := json.Marshal([]any{st.claims, st.quotes, st.owned, st.shared, st.info})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// unchangedSince says whether the graph holds exactly what writing r
// would leave: the last write of dataset had the same digest and the graph
// is as that write left it. mark is asked for only when there is a last
// write to compare with (it is computed beside the write: WriteDataset).
func (db *DB) unchangedSince(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, mark func() (loadMark, error)) (bool, error) {
	recs, err := db.run(ctx, tx, readLoadMark, map[string]any{"dataset": dataset})
	if err != nil {
		return false, err
	}
	f, err := onlyRecord(recs, "read the last load of dataset "+dataset)
	if err != nil {
		return false, err
	}
	digest, state := f.optStr("digest"), f.optStr("state")
	if f.err != nil || state == "" {
		return false, f.err
	}
	m, err := mark()
	if err != nil || digest != m.digest {
		return false, err
	}
	now, err := db.fingerprint(ctx, tx, dataset, m)
	return now == state, err
}

// markLoad records the digest of the write just made and the state it
// left; first says the write was a first one (firstSteps).
func (db *DB) markLoad(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, m loadMark, r *rows, first bool) error {
	var state string
	var err error
	if first {
		state, err = db.firstFingerprint(ctx, tx, dataset, m, r)
	} else {
		state, err = db.fingerprint(ctx, tx, dataset, m)
	}
	if err != nil {
		return err
	}
	_, err = db.run(ctx, tx, writeLoadMark, map[string]any{"dataset": dataset, "digest": m.digest, "state": state})
	return err
}
