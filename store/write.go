package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// outcomeOf compares an existing element's properties with the new ones;
// every merge query below reports what it did through it.
const outcomeOf = `CASE WHEN old IS NULL THEN 'created' WHEN properties(old) = row.props THEN 'unchanged' ELSE 'updated' END AS outcome`

// Node merges, one per label: labels are a closed set and cannot be query
// parameters, so each has its own constant query.
const (
	mergeActors = `UNWIND $rows AS row
OPTIONAL MATCH (old:Actor {id: row.props.id})
WITH row, ` + outcomeOf + `
MERGE (n:Entity:Actor {id: row.props.id})
SET n = row.props
RETURN outcome, count(*) AS n`
	mergeSources = `UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.props.id})
WITH row, ` + outcomeOf + `
MERGE (n:Entity:Source {id: row.props.id})
SET n = row.props
RETURN outcome, count(*) AS n`
	mergeClaims = `UNWIND $rows AS row
OPTIONAL MATCH (old:Claim {id: row.props.id})
WITH row, ` + outcomeOf + `
MERGE (n:Entity:Claim {id: row.props.id})
SET n = row.props
RETURN outcome, count(*) AS n`
	mergeQuotes = `UNWIND $rows AS row
OPTIONAL MATCH (old:Quote {id: row.props.id})
WITH row, ` + outcomeOf + `
MERGE (n:Entity:Quote {id: row.props.id})
SET n = row.props
RETURN outcome, count(*) AS n`
)

// Relationship merges. Each row names its two ends; relationships owned by a
// dataset carry props.dataset and props.key so that a reload can remove the
// ones the dataset no longer has.
const (
	mergeMemberOf = `UNWIND $rows AS row
MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:MEMBER_OF]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:MEMBER_OF]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeAuthoredBy = `UNWIND $rows AS row
MATCH (a:Source {id: row.from}), (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:AUTHORED_BY]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:AUTHORED_BY]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeReportedIn = `UNWIND $rows AS row
MATCH (a:Source {id: row.from}), (b:Source {id: row.to})
OPTIONAL MATCH (a)-[old:REPORTED_IN]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:REPORTED_IN]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeAsserted = `UNWIND $rows AS row
MATCH (a:Actor {id: row.from}), (b:Claim {id: row.to})
OPTIONAL MATCH (a)-[old:ASSERTED {source: row.props.source}]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:ASSERTED {source: row.props.source}]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeAbout = `UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:ABOUT]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:ABOUT]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeEvidencedBy = `UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Quote {id: row.to})
OPTIONAL MATCH (a)-[old:EVIDENCED_BY]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:EVIDENCED_BY]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeFrom = `UNWIND $rows AS row
MATCH (a:Quote {id: row.from}), (b:Source {id: row.to})
OPTIONAL MATCH (a)-[old:FROM]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:FROM]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeSaidIn = `UNWIND $rows AS row
MATCH (a:Quote {id: row.from}), (b:Source {id: row.to})
OPTIONAL MATCH (a)-[old:SAID_IN]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:SAID_IN]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeRebuts = `UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Claim {id: row.to})
OPTIONAL MATCH (a)-[old:REBUTS]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:REBUTS]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeSupports = `UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Claim {id: row.to})
OPTIONAL MATCH (a)-[old:SUPPORTS]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:SUPPORTS]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
	mergeQualifies = `UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Claim {id: row.to})
OPTIONAL MATCH (a)-[old:QUALIFIES]->(b)
WITH a, b, row, ` + outcomeOf + `
MERGE (a)-[r:QUALIFIES]->(b)
SET r = row.props
RETURN outcome, count(*) AS n`
)

// relationQueries maps each relation kind of the closed set to its query.
var relationQueries = map[counterpoint.RelationKind]string{
	counterpoint.Rebuts:    mergeRebuts,
	counterpoint.Supports:  mergeSupports,
	counterpoint.Qualifies: mergeQualifies,
}

// Guards and clean-up around a dataset write.
const (
	// conflictingIDs finds ids the dataset would give a node that the graph
	// already has under another label, or claims and quotes that belong to
	// another dataset.
	conflictingIDs = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE NOT row.label IN labels(n) OR (row.owned AND n.dataset <> $dataset)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.dataset AS dataset, row.label AS wanted
ORDER BY id LIMIT 20`
	// removeStaleRelationships deletes relationships the dataset wrote
	// before but no longer has.
	removeStaleRelationships = `MATCH (n:Claim|Quote {dataset: $dataset})-[r]-()
WHERE r.dataset = $dataset AND NOT r.key IN $keys
WITH DISTINCT r
WITH type(r) AS type, collect(r) AS rs
FOREACH (r IN rs | DELETE r)
RETURN type AS outcome, size(rs) AS n`
	resampleOutdatedIndexes = `CALL db.resampleOutdatedIndexes()`
	// hasBeenLoaded says whether an earlier version of the dataset is in
	// the graph: only then can anything of it be stale.
	hasBeenLoaded     = `RETURN EXISTS { MATCH (n:Claim {dataset: $dataset}) } OR EXISTS { MATCH (n:Quote {dataset: $dataset}) } AS loaded`
	removeStaleClaims = `MATCH (n:Claim {dataset: $dataset}) WHERE NOT n.id IN $ids
DETACH DELETE n RETURN count(*) AS n`
	removeStaleQuotes = `MATCH (n:Quote {dataset: $dataset}) WHERE NOT n.id IN $ids
DETACH DELETE n RETURN count(*) AS n`
)

// rows are the parameters of one write, prepared outside the transaction so
// that a retried transaction does no work twice.
type rows struct {
	actors, sources, claims, quotes            []map[string]any
	memberOf, authoredBy, reportedIn, asserted []map[string]any
	about, evidencedBy, from, saidIn           []map[string]any
	relations                                  map[counterpoint.RelationKind][]map[string]any
	guard                                      []map[string]any
	ownedKeys, claimIDs, quoteIDs              []string
}

// props drops empty values so that SET n = props leaves no empty properties
// and a reload compares equal.
func props(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case string:
			if v == "" {
				continue
			}
		case []string:
			if len(v) == 0 {
				continue
			}
		}
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func edge(from, to string, p map[string]any) map[string]any {
	return map[string]any{"from": from, "to": to, "props": p}
}

// owned builds the properties of a relationship that belongs to a dataset.
func (r *rows) owned(dataset, key string, kv ...any) map[string]any {
	r.ownedKeys = append(r.ownedKeys, key)
	return props(append([]any{"dataset", dataset, "key", key}, kv...)...)
}

func prepare(ds *counterpoint.Dataset) *rows {
	r := &rows{relations: map[counterpoint.RelationKind][]map[string]any{}}
	node := func(label string, owned bool, p map[string]any) map[string]any {
		r.guard = append(r.guard, map[string]any{"id": p["id"], "label": label, "owned": owned})
		return map[string]any{"props": p}
	}
	for _, a := range ds.Actors {
		r.actors = append(r.actors, node("Actor", false, props("id", a.ID, "name", a.Name, "kind", string(a.Kind), "role", a.Role, "description", a.Description)))
		for _, m := range a.MemberOf {
			r.memberOf = append(r.memberOf, edge(a.ID, m, props()))
		}
	}
	for _, s := range ds.Sources {
		r.sources = append(r.sources, node("Source", false, props("id", s.ID, "title", s.Title, "kind", string(s.Kind), "date", s.Date, "publisher", s.Publisher, "text", s.Text)))
		for _, a := range s.Authors {
			r.authoredBy = append(r.authoredBy, edge(s.ID, a, props()))
		}
		if s.ReportedIn != "" {
			r.reportedIn = append(r.reportedIn, edge(s.ID, s.ReportedIn, props()))
		}
	}
	for _, c := range ds.Claims {
		r.claimIDs = append(r.claimIDs, c.ID)
		r.claims = append(r.claims, node("Claim", true, props("id", c.ID, "text", c.Text, "date", c.Date, "sortKey", ClaimSortKey(c.Date, c.ID), "dataset", ds.ID)))
		for _, a := range c.Assertions {
			key := strings.Join([]string{"ASSERTED", a.Actor, c.ID, a.Source}, "|")
			r.asserted = append(r.asserted, edge(a.Actor, c.ID, r.owned(ds.ID, key, "source", a.Source, "date", a.Date, "attribution", string(a.Attribution))))
		}
		for _, a := range c.About {
			r.about = append(r.about, edge(c.ID, a, r.owned(ds.ID, "ABOUT|"+c.ID+"|"+a)))
		}
		for i, q := range c.Quotes {
			r.quoteIDs = append(r.quoteIDs, q.ID)
			r.quotes = append(r.quotes, node("Quote", true, props("id", q.ID, "text", q.Text, "start", q.Start, "end", q.End, "dataset", ds.ID)))
			r.evidencedBy = append(r.evidencedBy, edge(c.ID, q.ID, r.owned(ds.ID, "EVIDENCED_BY|"+c.ID+"|"+q.ID, "rank", i)))
			r.from = append(r.from, edge(q.ID, q.Source, r.owned(ds.ID, "FROM|"+q.ID+"|"+q.Source)))
			if q.Document != "" {
				r.saidIn = append(r.saidIn, edge(q.ID, q.Document, r.owned(ds.ID, "SAID_IN|"+q.ID+"|"+q.Document)))
			}
		}
	}
	for _, rel := range ds.Relations {
		r.relations[rel.Kind] = append(r.relations[rel.Kind], edge(rel.From, rel.To, r.owned(ds.ID, rel.Key(), "source", rel.Source, "note", rel.Note)))
	}
	return r
}

// WriteDataset writes a checked dataset in one transaction: MERGE on ids in
// UNWIND batches, so that writing the same dataset twice changes nothing,
// then removes the claims, quotes and relationships that an earlier version
// of the same dataset had and this one has not. Either all of it is written
// or none of it.
func (db *DB) WriteDataset(ctx context.Context, ds *counterpoint.Dataset) (counterpoint.WriteSummary, error) {
	ctx, cancel := context.WithTimeout(ctx, db.cfg.WriteTimeout)
	defer cancel()
	r := prepare(ds)
	session := db.writeSession(ctx)
	defer session.Close(ctx)
	sum, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (counterpoint.WriteSummary, error) {
		sum := counterpoint.NewWriteSummary() // fresh on every retry
		if err := db.guard(ctx, tx, ds.ID, r.guard); err != nil {
			return sum, err
		}
		// Every relationship a dataset owns touches one of its claims or
		// quotes, so on a first load there is nothing to remove, and the
		// removal's scan of everything just written can be skipped.
		recs, err := db.run(ctx, tx, hasBeenLoaded, map[string]any{"dataset": ds.ID})
		if err != nil {
			return sum, fmt.Errorf("check for an earlier version: %w", err)
		}
		reload, _, _ := neo4j.GetRecordValue[bool](recs[0], "loaded")
		steps := []struct {
			what  string
			query string
			rows  []map[string]any
		}{
			{"Actor", mergeActors, r.actors},
			{"Source", mergeSources, r.sources},
			{"Claim", mergeClaims, r.claims},
			{"Quote", mergeQuotes, r.quotes},
			{"MEMBER_OF", mergeMemberOf, r.memberOf},
			{"AUTHORED_BY", mergeAuthoredBy, r.authoredBy},
			{"REPORTED_IN", mergeReportedIn, r.reportedIn},
			{"ASSERTED", mergeAsserted, r.asserted},
			{"ABOUT", mergeAbout, r.about},
			{"EVIDENCED_BY", mergeEvidencedBy, r.evidencedBy},
			{"FROM", mergeFrom, r.from},
			{"SAID_IN", mergeSaidIn, r.saidIn},
		}
		for _, kind := range counterpoint.RelationKinds {
			steps = append(steps, struct {
				what  string
				query string
				rows  []map[string]any
			}{string(kind), relationQueries[kind], r.relations[kind]})
		}
		for _, s := range steps {
			for start := 0; start < len(s.rows); start += db.cfg.BatchSize {
				batch := s.rows[start:min(start+db.cfg.BatchSize, len(s.rows))]
				recs, err := db.run(ctx, tx, s.query, map[string]any{"rows": batch})
				if err != nil {
					return sum, fmt.Errorf("write %s: %w", s.what, err)
				}
				for _, rec := range recs {
					outcome, _, _ := neo4j.GetRecordValue[string](rec, "outcome")
					n, _, _ := neo4j.GetRecordValue[int64](rec, "n")
					sum.Add(s.what, outcome, int(n))
				}
			}
		}
		if !reload {
			return sum, nil
		}
		return sum, db.removeStale(ctx, tx, ds.ID, r, sum)
	})
	if err != nil {
		return counterpoint.WriteSummary{}, wrap(err)
	}
	if len(sum.Created)+len(sum.Removed) > 0 {
		db.resampleIndexes(ctx)
	}
	return sum, nil
}

// resampleIndexes asks Neo4j to resample the indexes a write has made
// outdated, so that the planner does not plan the next queries from counts
// of the graph as it was before a bulk load. Neo4j does it in the
// background; the dataset is committed either way, so a failure is only
// logged.
func (db *DB) resampleIndexes(ctx context.Context) {
	if _, err := db.writeQuery(ctx, resampleOutdatedIndexes, nil); err != nil {
		db.cfg.Logger.Warn("resampling outdated indexes after a load failed", "err", err)
	}
}

// guard refuses, before anything is written, ids that clash with the graph.
func (db *DB) guard(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, guard []map[string]any) error {
	var clashes []string
	for start := 0; start < len(guard); start += db.cfg.BatchSize {
		recs, err := db.run(ctx, tx, conflictingIDs, map[string]any{"rows": guard[start:min(start+db.cfg.BatchSize, len(guard))], "dataset": dataset})
		if err != nil {
			return fmt.Errorf("check ids: %w", err)
		}
		for _, rec := range recs {
			id, _, _ := neo4j.GetRecordValue[string](rec, "id")
			label, _, _ := neo4j.GetRecordValue[string](rec, "label")
			wanted, _, _ := neo4j.GetRecordValue[string](rec, "wanted")
			other, _ := rec.Get("dataset")
			if label != wanted {
				clashes = append(clashes, fmt.Sprintf("id %q is already a %s in the graph, not a %s", id, label, wanted))
			} else {
				clashes = append(clashes, fmt.Sprintf("%s %q belongs to dataset %v", label, id, other))
			}
		}
	}
	if len(clashes) > 0 {
		return counterpoint.Errorf(counterpoint.EINVALID, "dataset %q clashes with the graph: %s", dataset, strings.Join(clashes, "; "))
	}
	return nil
}

func (db *DB) removeStale(ctx context.Context, tx neo4j.ManagedTransaction, dataset string, r *rows, sum counterpoint.WriteSummary) error {
	recs, err := db.run(ctx, tx, removeStaleRelationships, map[string]any{"dataset": dataset, "keys": r.ownedKeys})
	if err != nil {
		return fmt.Errorf("remove stale relationships: %w", err)
	}
	for _, rec := range recs {
		typ, _, _ := neo4j.GetRecordValue[string](rec, "outcome")
		n, _, _ := neo4j.GetRecordValue[int64](rec, "n")
		sum.Add(typ, "removed", int(n))
	}
	for _, s := range []struct {
		what, query string
		ids         []string
	}{
		{"Claim", removeStaleClaims, r.claimIDs},
		{"Quote", removeStaleQuotes, r.quoteIDs},
	} {
		recs, err := db.run(ctx, tx, s.query, map[string]any{"dataset": dataset, "ids": s.ids})
		if err != nil {
			return fmt.Errorf("remove stale %s: %w", s.what, err)
		}
		if n, _, _ := neo4j.GetRecordValue[int64](recs[0], "n"); n > 0 {
			sum.Add(s.what, "removed", int(n))
		}
	}
	return nil
}
