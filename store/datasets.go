package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// A dataset is the set of claims that carry its id; a :Dataset node keeps
// the title and description its file gave, written with its claims.
const (
	mergeDataset  = `MERGE (d:Dataset {id: $props.id}) SET d = $props`
	removeDataset = `MATCH (d:Dataset {id: $id}) DELETE d`
	datasetInfo   = `OPTIONAL MATCH (d:Dataset {id: $id}) RETURN d.title AS title, d.description AS description`
)

// datasetsAll counts each dataset's claims, quotes, relations (of every
// kind) and actors.
var datasetsAll = `MATCH (c:Claim) WHERE c.dataset IS NOT NULL
WITH DISTINCT c.dataset AS id
CALL (id) {
  MATCH (c:Claim {dataset: id})
  RETURN count(c) AS claims,
         sum(COUNT { (c)-[:EVIDENCED_BY]->(:Quote) }) AS quotes,
         sum(COUNT { (c)-[:` + kindsKey(nil) + `]->(:Claim) }) AS relations
}
CALL (id) {
  MATCH (a:Actor)-[:ASSERTED]->(:Claim {dataset: id})
  RETURN count(DISTINCT a) AS actors
}
CALL (id) {
  MATCH (c:Claim {dataset: id})
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Quote)-[:FROM|SAID_IN]->(qs:Source)
  OPTIONAL MATCH (c)<-[r:ASSERTED]-()
  WITH collect(DISTINCT qs.id) + collect(DISTINCT r.source) AS ids
  UNWIND ids AS sid
  WITH DISTINCT sid WHERE sid IS NOT NULL
  RETURN collect(sid) AS sources
}
OPTIONAL MATCH (d:Dataset {id: id})
RETURN id, d.title AS title, d.description AS description, claims, quotes, relations, actors, sources
ORDER BY id`

// datasetSources reads the sources the claims of some datasets quote or
// are asserted in, starting from those claims through the index.
const datasetSources = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets
CALL (c) {
  MATCH (c)-[:EVIDENCED_BY]->(:Quote)-[:FROM|SAID_IN]->(s:Source) RETURN s.id AS sid
  UNION
  MATCH (c)<-[r:ASSERTED]-() RETURN r.source AS sid
}
WITH DISTINCT sid WHERE sid IS NOT NULL
RETURN collect(sid) AS sources`

// DatasetSources returns the ids of the sources of some datasets, sorted.
func (db *DB) DatasetSources(ctx context.Context, scope counterpoint.Scope) ([]string, error) {
	res, err := db.read(ctx, "datasetSources", datasetSources, map[string]any{"datasets": scopeParam(scope)})
	if err != nil {
		return nil, err
	}
	f, err := onlyRecord(res.Records, "read the sources of datasets")
	if err != nil {
		return nil, err
	}
	ids := f.strs("sources")
	slices.Sort(ids)
	return ids, f.err
}

// writeDatasetNode records a dataset's title and description in tx; a
// dataset with neither (or titled by its id, as an export of the API's
// datasets is) has no node, so that exporting and loading it again gives
// the same graph.
func (db *DB) writeDatasetNode(ctx context.Context, tx neo4j.ManagedTransaction, ds *counterpoint.Dataset) error {
	title := ds.Title
	if title == ds.ID {
		title = ""
	}
	if title == "" && ds.Description == "" {
		_, err := db.run(ctx, tx, removeDataset, map[string]any{"id": ds.ID})
		return err
	}
	_, err := db.run(ctx, tx, mergeDataset, map[string]any{"props": nonEmpty(map[string]any{
		"id": ds.ID, "title": title, "description": ds.Description,
	})})
	return err
}

// readDatasetNode fills ds's title and description from the graph; a
// dataset without a node (the API's "curated") is titled by its id.
func (db *DB) readDatasetNode(ctx context.Context, tx neo4j.ManagedTransaction, ds *counterpoint.Dataset) error {
	recs, err := db.run(ctx, tx, datasetInfo, map[string]any{"id": ds.ID})
	if err != nil {
		return err
	}
	f, err := onlyRecord(recs, fmt.Sprintf("read dataset %q", ds.ID))
	if err != nil {
		return err
	}
	title, description := f.optStr("title"), f.optStr("description")
	if f.err != nil {
		return f.err
	}
	ds.Title, ds.Description = cmp.Or(title, ds.ID), description
	return nil
}

// DatasetSummaries lists every dataset in the graph with what it holds.
func (db *DB) DatasetSummaries(ctx context.Context) ([]counterpoint.DatasetSummary, error) {
	res, err := db.read(ctx, "datasets", datasetsAll, nil)
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.DatasetSummary {
		d := counterpoint.DatasetSummary{ID: f.str("id"), Title: f.optStr("title"), Description: f.optStr("description"),
			Claims: f.integer("claims"), Quotes: f.integer("quotes"), Relations: f.integer("relations"), Actors: f.integer("actors"),
			Sources: f.strs("sources")}
		slices.Sort(d.Sources)
		return d
	})
}

// relatedDatasets finds the datasets that share an actor or a claim
// relation with $dataset: the actors its claims hold (who assert them, or
// wrote a source one of their quotes is from or said in) that another
// dataset's claims hold the same way, and the relations between their
// claims either way. Each row is one other dataset with the shared actors
// (by name) and the relation counts; counterpoint.RankRelatedDatasets
// orders them.
const relatedDatasets = `CALL () {
  CALL () {
    MATCH (:Claim {dataset: $dataset})<-[:ASSERTED]-(a:Actor) RETURN DISTINCT a
    UNION
    MATCH (:Quote {dataset: $dataset})-[:FROM|SAID_IN]->(s:Source) WITH DISTINCT s
    MATCH (s)-[:AUTHORED_BY]->(a:Actor) RETURN DISTINCT a
  }
  CALL (a) {
    MATCH (a)-[:ASSERTED]->(o:Claim) WHERE o.dataset <> $dataset RETURN o.dataset AS other
    UNION
    MATCH (a)<-[:AUTHORED_BY]-(:Source)<-[:FROM|SAID_IN]-(q:Quote) WHERE q.dataset <> $dataset RETURN q.dataset AS other
  }
  RETURN other, {id: a.id, name: a.name} AS actor, 0 AS relTo, 0 AS relFrom
  UNION ALL
  MATCH (:Claim {dataset: $dataset})-[:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->(o:Claim) WHERE o.dataset <> $dataset
  RETURN o.dataset AS other, null AS actor, 1 AS relTo, 0 AS relFrom
  UNION ALL
  MATCH (:Claim {dataset: $dataset})<-[:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]-(o:Claim) WHERE o.dataset <> $dataset
  RETURN o.dataset AS other, null AS actor, 0 AS relTo, 1 AS relFrom
}
WITH other, collect(DISTINCT actor) AS actors, sum(relTo) AS relationsTo, sum(relFrom) AS relationsFrom
OPTIONAL MATCH (d:Dataset {id: other})
RETURN other AS id, coalesce(d.title, other) AS title, relationsTo, relationsFrom,
  COLLECT { UNWIND actors AS x WITH x ORDER BY x.name, x.id RETURN x.id } AS actors`

// RelatedDatasets lists the datasets that share actors or claim relations
// with a dataset, the most shared first; none for a dataset the graph
// does not hold.
func (db *DB) RelatedDatasets(ctx context.Context, dataset string) ([]counterpoint.RelatedDataset, error) {
	res, err := db.read(ctx, "relatedDatasets", relatedDatasets, map[string]any{"dataset": dataset})
	if err != nil {
		return nil, err
	}
	rs, err := decodeAll(res.Records, func(f *fields) counterpoint.RelatedDataset {
		return counterpoint.RelatedDataset{ID: f.str("id"), Title: f.str("title"), SharedActors: f.strs("actors"),
			RelationsTo: f.integer("relationsTo"), RelationsFrom: f.integer("relationsFrom")}
	})
	if err != nil {
		return nil, err
	}
	return counterpoint.RankRelatedDatasets(rs), nil
}
