package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// Reading a whole dataset back, for `counterpoint export`: its claims (with
// their assertions, the actors they are about and their quotes in the
// curator's order) and relations, and the shared actors and sources they
// reference, with the actors and sources those reference in turn
// (memberships, authors, the sources that report a document). Everything is
// read in one transaction, so that the export is one state of the graph,
// and ordered by id, so that exporting an unchanged graph gives the same
// dataset.
const (
	// exportDatasets lists the datasets that own claims.
	exportDatasets = `MATCH (c:Claim) WHERE c.dataset IS NOT NULL
RETURN DISTINCT c.dataset AS dataset ORDER BY dataset`
	// exportRelations reads the claim relations the dataset owns: those
	// tagged with it, and untagged ones from its claims.
	exportRelations = `MATCH (c:Claim {dataset: $dataset})-[r:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->(o:Claim)
WHERE coalesce(r.dataset, $dataset) = $dataset
RETURN {kind: type(r), from: c.id, to: o.id, ` + relationGrounds + `} AS relation, o.dataset AS toDataset`
	// relationsInto finds the claim relations owned by datasets not in
	// $datasets that end at claims of $datasets.
	relationsInto = `MATCH (c:Claim)-[r:REBUTS|SUPPORTS|QUALIFIES|REPHRASES]->(o:Claim)
WHERE o.dataset IN $datasets AND NOT coalesce(r.dataset, c.dataset) IN $datasets
RETURN coalesce(r.dataset, c.dataset) AS dataset, c.id AS from, type(r) AS kind, o.id AS to, o.dataset AS toDataset
ORDER BY dataset, from, kind, to`
	// claimDatasets finds the dataset of each claim of $ids the graph holds.
	claimDatasets = `MATCH (c:Claim) WHERE c.id IN $ids AND c.dataset IS NOT NULL
RETURN c.id AS id, c.dataset AS dataset`
	// exportSources reads the sources with the given ids and those that
	// report them, transitively, with their texts. (Neo4j 5.26 returns a
	// node reached by two paths twice from MATCH (s)-[:REPORTED_IN*0..]->(src)
	// even through WITH DISTINCT src or collect(DISTINCT src); the
	// EXISTS form gives each once.)
	exportSources = `MATCH (src:Source)
WHERE EXISTS { MATCH (s:Source)-[:REPORTED_IN*0..]->(src) WHERE s.id IN $ids }
RETURN properties(src) AS props,
  COLLECT { MATCH (src)-[:REPORTED_IN]->(rep:Source) RETURN rep.id } AS reportedIn,
  COLLECT { MATCH (src)-[:AUTHORED_BY]->(author:Actor) RETURN author.id } AS authors
ORDER BY src.id`
	// exportActors reads the actors with the given ids and the groups they
	// are members of, transitively.
	exportActors = `MATCH (actor:Actor)
WHERE EXISTS { MATCH (a:Actor)-[:MEMBER_OF*0..]->(actor) WHERE a.id IN $ids }
RETURN properties(actor) AS props,
  COLLECT { MATCH (actor)-[:MEMBER_OF]->(grp:Actor) RETURN grp.id } AS memberOf
ORDER BY actor.id`
)

// exportClaims reads the dataset's claims with their parts, through the
// same subqueries (parts.go) as the claim reads, built once from constants.
var exportClaims = `MATCH (c:Claim {dataset: $dataset})
RETURN properties(c) AS claim,
  COLLECT { MATCH (c)-[:ABOUT]->(about:Actor) RETURN about.id } AS about,
  ` + assertionsOf("c") + ` AS assertions,
  ` + quotesOf("c") + ` AS quotes
ORDER BY c.id`

// Datasets lists the ids of the datasets that own claims in the graph, in
// order (claims created through the API belong to CuratedDataset).
func (db *DB) Datasets(ctx context.Context) ([]string, error) {
	res, err := db.read(ctx, "exportDatasets", exportDatasets, nil)
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) string { return f.str("dataset") })
}

// ClaimDatasets says which dataset owns each claim of ids the graph holds
// (those it does not hold are left out): the loader finds there the claims
// a dataset's relations point to in the datasets it requires.
func (db *DB) ClaimDatasets(ctx context.Context, ids []string) (map[string]string, error) {
	res, err := db.read(ctx, "claimDatasets", claimDatasets, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	owners := map[string]string{}
	for _, rec := range res.Records {
		f := recordFields(rec)
		id, ds := f.str("id"), f.str("dataset")
		if f.err != nil {
			return nil, f.err
		}
		owners[id] = ds
	}
	return owners, nil
}

// RelationsInto lists the relations other datasets own that end at a
// claim of datasets: the loader refuses a reload that would cut them.
func (db *DB) RelationsInto(ctx context.Context, datasets []string) ([]counterpoint.OwnedRelation, error) {
	res, err := db.read(ctx, "relationsInto", relationsInto, map[string]any{"datasets": datasets})
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.OwnedRelation {
		return counterpoint.OwnedRelation{Dataset: f.optStr("dataset"), From: f.str("from"), Kind: counterpoint.RelationKind(f.str("kind")), To: f.str("to"), ToDataset: f.str("toDataset")}
	})
}

// ExportDataset reads dataset id back from the graph, in the shape the
// loader reads from a file, so that writing it and loading it again gives
// the same graph, with the title and description its file gave (Title is
// the id when none did, as for the API's "curated"). A dataset that owns no claim is not in the graph: ENOTFOUND,
// naming it and the datasets there are.
func (db *DB) ExportDataset(ctx context.Context, id string) (*counterpoint.Dataset, error) {
	return db.readExport(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (*counterpoint.Dataset, error) {
		return db.exportDataset(ctx, tx, id)
	})
}

// readExport runs read in one read transaction that sees this process's
// writes, with as long as a load may take, so that an export is one
// consistent reading of the graph.
func (db *DB) readExport(ctx context.Context, read func(context.Context, neo4j.ManagedTransaction) (*counterpoint.Dataset, error)) (*counterpoint.Dataset, error) {
	ctx, cancel := context.WithTimeout(ctx, db.cfg.WriteTimeout)
	defer cancel()
	session := bookmarkedSession(ctx, db.driver, db.cfg.Database, neo4j.AccessModeRead)
	defer session.Close(ctx)
	ds, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (*counterpoint.Dataset, error) {
		return read(ctx, tx)
	})
	if err != nil {
		return nil, wrap(withContextError(ctx, err))
	}
	return ds, nil
}

func (db *DB) exportDataset(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*counterpoint.Dataset, error) {
	ds := &counterpoint.Dataset{ID: id}
	recs, err := db.run(ctx, tx, exportClaims, map[string]any{"dataset": id})
	if err != nil {
		return nil, fmt.Errorf("export the claims of dataset %q: %w", id, err)
	}
	if len(recs) == 0 {
		return nil, db.unknownDataset(ctx, tx, id)
	}
	if err := db.readDatasetNode(ctx, tx, ds); err != nil {
		return nil, err
	}
	if ds.Claims, err = decodeAll(recs, decodeExportedClaim); err != nil {
		return nil, fmt.Errorf("export the claims of dataset %q: %w", id, err)
	}
	if recs, err = db.run(ctx, tx, exportRelations, map[string]any{"dataset": id}); err != nil {
		return nil, fmt.Errorf("export the relations of dataset %q: %w", id, err)
	}
	requires := map[string]bool{}
	if ds.Relations, err = decodeAll(recs, func(f *fields) counterpoint.Relation {
		r, rf := decodeRelation(f.any("relation"))
		f.fail(rf.err)
		if to := f.optStr("toDataset"); to != "" && to != id {
			requires[to] = true
		}
		return r
	}); err != nil {
		return nil, fmt.Errorf("export the relations of dataset %q: %w", id, err)
	}
	slices.SortFunc(ds.Relations, relationOrder)
	// A relation to another dataset's claim (addRelation accepts one) is
	// kept by naming that dataset, so that the file loads again beside it.
	if len(requires) > 0 {
		ds.Requires = sortedKeys(requires)
	}

	// The sources the claims and relations name, then the actors they and
	// the sources' authors name.
	sourceIDs, actorIDs := map[string]bool{}, map[string]bool{}
	for _, c := range ds.Claims {
		for _, a := range c.Assertions {
			actorIDs[a.Actor], sourceIDs[a.Source] = true, true
		}
		for _, a := range c.About {
			actorIDs[a] = true
		}
		for _, q := range c.Quotes {
			sourceIDs[q.Source] = true
			if q.Document != "" {
				sourceIDs[q.Document] = true
			}
		}
	}
	for _, r := range ds.Relations {
		if r.Source != "" {
			sourceIDs[r.Source] = true
		}
		for _, q := range r.Evidence {
			sourceIDs[q.Source] = true
		}
	}
	if err := db.exportActorsAndSources(ctx, tx, ds, sourceIDs, actorIDs); err != nil {
		return nil, err
	}
	return ds, nil
}

// exportActorsAndSources reads into ds the sources of sourceIDs, with the
// sources that report them, and the actors of actorIDs and of the sources'
// authors, with the groups they are members of.
func (db *DB) exportActorsAndSources(ctx context.Context, tx neo4j.ManagedTransaction, ds *counterpoint.Dataset, sourceIDs, actorIDs map[string]bool) error {
	id := ds.ID
	recs, err := db.run(ctx, tx, exportSources, map[string]any{"ids": sortedKeys(sourceIDs)})
	if err != nil {
		return fmt.Errorf("export the sources of dataset %q: %w", id, err)
	}
	if ds.Sources, err = decodeAll(recs, decodeExportedSource); err != nil {
		return fmt.Errorf("export the sources of dataset %q: %w", id, err)
	}
	for _, s := range ds.Sources {
		for _, a := range s.Authors {
			actorIDs[a] = true
		}
	}
	if recs, err = db.run(ctx, tx, exportActors, map[string]any{"ids": sortedKeys(actorIDs)}); err != nil {
		return fmt.Errorf("export the actors of dataset %q: %w", id, err)
	}
	if ds.Actors, err = decodeAll(recs, func(f *fields) counterpoint.Actor {
		a, err := decodeActor(f.any("props"))
		f.fail(err)
		a.MemberOf = sortedStrs(f.strs("memberOf"))
		return a
	}); err != nil {
		return fmt.Errorf("export the actors of dataset %q: %w", id, err)
	}
	return nil
}

// Actors and sources no claim needs: those of a dataset file that no claim
// names (an organisation only others are members of, say), or created
// through the API and not yet used.
const (
	unheldActors  = `MATCH (a:Actor) WHERE NOT a.id IN $held RETURN a.id AS id ORDER BY id`
	unheldSources = `MATCH (s:Source) WHERE NOT s.id IN $held RETURN s.id AS id ORDER BY id`
)

// ExportUnheld reads, as dataset id without claims, the actors and sources
// whose ids are not in held (with the groups, authors and reporting sources
// they name), so that a backup of every dataset also keeps what no claim
// names: the graph does not record which dataset brought an actor or a
// source, and a dataset's export holds only those its claims need. Nothing
// unheld gives a dataset with no actors and no sources.
func (db *DB) ExportUnheld(ctx context.Context, id string, held []string) (*counterpoint.Dataset, error) {
	return db.readExport(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) (*counterpoint.Dataset, error) {
		ds := &counterpoint.Dataset{ID: id, Title: id}
		ids := func(cypher, what string) (map[string]bool, error) {
			recs, err := db.run(ctx, tx, cypher, map[string]any{"held": held})
			if err != nil {
				return nil, fmt.Errorf("list the %s no dataset holds: %w", what, err)
			}
			list, err := decodeAll(recs, func(f *fields) string { return f.str("id") })
			if err != nil {
				return nil, fmt.Errorf("list the %s no dataset holds: %w", what, err)
			}
			set := make(map[string]bool, len(list))
			for _, id := range list {
				set[id] = true
			}
			return set, nil
		}
		actorIDs, err := ids(unheldActors, "actors")
		if err != nil {
			return nil, err
		}
		sourceIDs, err := ids(unheldSources, "sources")
		if err != nil {
			return nil, err
		}
		if len(actorIDs)+len(sourceIDs) == 0 {
			return ds, nil
		}
		return ds, db.exportActorsAndSources(ctx, tx, ds, sourceIDs, actorIDs)
	})
}

// unknownDataset is the error for a dataset with no claims in the graph,
// saying how many datasets there are.
func (db *DB) unknownDataset(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	recs, err := db.run(ctx, tx, exportDatasets, nil)
	if err != nil {
		return fmt.Errorf("list datasets: %w", err)
	}
	return counterpoint.UnknownDataset(id, len(recs))
}

// decodeExportedClaim reads one row of exportClaims: the claim, the actors
// it is about (by id), who asserted it and its quotes in the curator's
// order.
func decodeExportedClaim(f *fields) counterpoint.Claim {
	c, err := decodeClaim(f.any("claim"))
	f.fail(err)
	c.About = sortedStrs(f.strs("about"))
	assertions, err := decodeAssertions(c.ID, f.list("assertions"))
	f.fail(err)
	c.Assertions, _ = sortedAssertions(assertions)
	quotes, err := decodeQuotes(c.ID, f.list("quotes"))
	f.fail(err)
	c.Quotes = sortedQuotes(quotes)
	// As the loader reads them: a claim's parts do not name it.
	for i := range c.Assertions {
		c.Assertions[i].Claim = ""
	}
	for i := range c.Quotes {
		c.Quotes[i].Claim = ""
	}
	return c
}

// decodeExportedSource reads one row of exportSources; a source reported
// in more than one source (which no write makes) fails.
func decodeExportedSource(f *fields) counterpoint.Source {
	s, err := decodeSource(f.any("props"))
	f.fail(err)
	s.Authors = sortedStrs(f.strs("authors"))
	switch reportedIn := f.strs("reportedIn"); len(reportedIn) {
	case 0:
	case 1:
		s.ReportedIn = reportedIn[0]
	default:
		f.fail(fmt.Errorf("decode source %q: reported in %d sources (%s), the format holds one", s.ID, len(reportedIn), strings.Join(sortedStrs(reportedIn), ", ")))
	}
	return s
}

// sortedKeys returns the keys of set in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// sortedStrs sorts s in place and returns it; nil stays nil (an empty list
// is left out of the file).
func sortedStrs(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return s
}
