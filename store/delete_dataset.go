package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Deleting a dataset takes its claims and quotes with every relationship
// that touches them (its own, and any other dataset's relation that ends at
// one of its claims: the loader refuses that unless told), its title and
// load mark, and then the actors and sources it used that nothing left in
// the graph uses: no claim or quote reaches them, through assertions,
// quotes, authorship, membership or reports, and no assertion or relation
// names them as its source. A shared actor or source stays.
const (
	// datasetNeighbours lists the actors and sources the datasets' claims
	// and quotes use, and those these lead to (authors, groups, reports):
	// the only nodes the delete can leave unused.
	datasetNeighbours = `MATCH (n:Claim|Quote) WHERE n.dataset IN $datasets
MATCH (n)-[:ASSERTED|ABOUT|FROM|SAID_IN]-(m:Actor|Source)
WITH DISTINCT m
OPTIONAL MATCH (m)-[:AUTHORED_BY|REPORTED_IN|MEMBER_OF]->(o:Actor|Source)
WITH collect(m.id) + collect(o.id) AS ids
UNWIND ids AS id
RETURN collect(DISTINCT id) AS ids`
	// datasetRelationships counts, by type, the relationships the delete
	// removes with the datasets' claims and quotes.
	datasetRelationships = `MATCH (n:Claim|Quote) WHERE n.dataset IN $datasets
MATCH (n)-[r]-()
WITH DISTINCT r
RETURN type(r) AS outcome, count(*) AS n`
	deleteDatasetNodes = `MATCH (n:Claim|Quote) WHERE n.dataset IN $datasets
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
DETACH DELETE n
RETURN label AS outcome, count(*) AS n`
	deleteDatasetMarks = `UNWIND $datasets AS id
OPTIONAL MATCH (d:Dataset {id: id})
OPTIONAL MATCH (m:DatasetLoad {dataset: id})
DETACH DELETE d, m`
	// deleteUnused deletes the neighbours that nothing left uses.
	deleteUnused = `UNWIND $ids AS id
MATCH (m:Entity {id: id}) WHERE (m:Actor OR m:Source)
  AND NOT EXISTS { (m)-[:ASSERTED|ABOUT|FROM|SAID_IN|AUTHORED_BY|REPORTED_IN|MEMBER_OF*1..4]-(x) WHERE x:Claim OR x:Quote }
  AND NOT EXISTS { MATCH ()-[r:ASSERTED|REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->() WHERE r.source = m.id OR m.id IN coalesce(r.evidenceSources, []) }
WITH m, [l IN labels(m) WHERE l <> 'Entity'][0] AS label
DETACH DELETE m
RETURN label AS outcome, count(*) AS n`
	recordDelete = `UNWIND $datasets AS id
CREATE (:Change {entity: id, action: 'DELETE', by: $by, at: datetime(), note: $note})`
)

// DeleteDatasets deletes datasets whole, in one transaction, and records
// it in each one's history; it says what went. Whether other datasets'
// relations may go with them is the caller's question (loader.Delete asks
// it first).
func (db *DB) DeleteDatasets(ctx context.Context, datasets []string) (counterpoint.WriteSummary, error) {
	var sum counterpoint.WriteSummary
	err := db.write(ctx, func(tx neo4j.ManagedTransaction) error {
		sum = counterpoint.NewWriteSummary() // fresh on every retry
		args := map[string]any{"datasets": datasets}
		recs, err := db.run(ctx, tx, datasetNeighbours, args)
		if err != nil {
			return fmt.Errorf("find the actors and sources of the datasets: %w", err)
		}
		f, err := onlyRecord(recs, "find the actors and sources of the datasets")
		if err != nil {
			return err
		}
		ids := f.strs("ids")
		if f.err != nil {
			return f.err
		}
		for _, step := range []struct {
			what, query string
			args        map[string]any
		}{
			{"count the relationships", datasetRelationships, args},
			{"delete the claims and quotes", deleteDatasetNodes, args},
			{"delete the unused actors and sources", deleteUnused, map[string]any{"ids": ids}},
		} {
			recs, err := db.run(ctx, tx, step.query, step.args)
			if err != nil {
				return fmt.Errorf("%s: %w", step.what, err)
			}
			if err := addOutcomes(sum, recs, func(what string) (string, string) { return what, "removed" }); err != nil {
				return fmt.Errorf("%s: %w", step.what, err)
			}
		}
		if _, err := db.run(ctx, tx, deleteDatasetMarks, args); err != nil {
			return fmt.Errorf("delete the datasets' titles: %w", err)
		}
		_, err = db.run(ctx, tx, recordDelete, map[string]any{"datasets": datasets, "by": counterpoint.EditorOf(ctx),
			"note": fmt.Sprintf("dataset deleted (with %s): %s", strings.Join(datasets, ", "), removedNote(sum))})
		return err
	})
	if err != nil {
		return counterpoint.WriteSummary{}, err
	}
	return sum, nil
}

// removedNote says in a line what a write removed, by kind.
func removedNote(sum counterpoint.WriteSummary) string {
	var parts []string
	for _, what := range slices.Sorted(maps.Keys(sum.Removed)) {
		parts = append(parts, fmt.Sprintf("%d %s", sum.Removed[what], what))
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}
