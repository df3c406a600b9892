package store

import (
	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// This file exports the store's Cypher texts, read-only, for the benchmark
// (cmd/counterpoint-bench): its "limit" implementation runs exactly the
// Cypher the store runs, straight through the driver, with no HTTP, GraphQL
// or loaders in between; and for WarmUp, which has Neo4j plan them.

// Queries returns the store's fixed read queries by name. The path queries,
// whose text depends on kinds, depth or hops, come from ThreadCypher,
// ChainCypher and SubgraphCypher.
func Queries() map[string]string {
	return map[string]string{
		"nodesByID":            nodesByID,
		"actorsByID":           actorsByID,
		"claimsByID":           claimsByID,
		"sourcesByID":          sourcesByID,
		"sourceTexts":          sourceTexts,
		"quotesByClaim":        quotesByClaim,
		"assertionsByClaim":    assertionsByClaim,
		"assertionsByActor":    assertionsByActor,
		"relationsOf":          relationsByClaim,
		"aboutByClaim":         aboutByClaim,
		"membershipsOf":        membershipsOf,
		"authorsOf":            authorsOf,
		"countersBy":           countersBy,
		"countersAgainst":      countersAgainst,
		"actorsPage":           actorsPage,
		"claimsPage":           claimsPage,
		"claimsPageAll":        claimsPageAll,
		"allSources":           allSources,
		"search":               search,
		"countersAll":          countersAll,
		"countersByActor":      countersByActor,
		"countersAgainstActor": countersAgainstActor,
		"counterSummary":       counterSummary + counterSummaryPairs,
		"claimDetail":          claimDetail,
		// The read-ahead of a selection whose only relation field is
		// rebuttedBy (the mix's claim selection).
		"claimDetailRebuttedBy": claimDetailSides[readahead.Side(counterpoint.Rebuts, false)],
		// The mix's claims page with that read-ahead, in one statement.
		"claimsPageAllRebuttedBy": claimsPageDetail[pageDetailKey{pageAll, readahead.Side(counterpoint.Rebuts, false)}],
		"actorDetail":             actorDetail,
		// The reads of a scope, of the studio and of the journalist's views.
		"claimsPageScoped":     claimsPageScoped,
		"countersScoped":       countersScoped,
		"counterSummaryScoped": counterSummaryScoped + counterSummaryPairs,
		"searchScoped":         searchScoped,
		"quotesBySource":       quotesBySource,
		"tieClaims":            tieClaims,
		"tieClaimsScoped":      tieClaimsScoped,
		"tieMemberships":       tieMemberships,
		"datasets":             datasetsAll,
		"datasetSources":       datasetSources,
		"relatedDatasets":      relatedDatasets,
		"history":              history,
		"reviewsOf":            reviewsOf,
	}
}

// ThreadCypher returns the query Thread runs for these kinds (all when
// empty) and depth.
func ThreadCypher(kinds []counterpoint.RelationKind, depth int) (string, bool) {
	q, ok := threadQueries[threadKey(kinds, depth)]
	return q, ok
}

// ChainCypher returns the query Chains runs for a directed or undirected
// walk of at most hops relations.
func ChainCypher(directed bool, hops int) (string, bool) {
	q, ok := chainQueries[chainKey(directed, hops)]
	return q, ok
}

// SubgraphCypher returns the query Subgraph runs for these node types (all
// when empty) and hops (0: the whole graph, no seed ids) over the whole
// graph ($datasets null), and the labels it takes as its $labels parameter.
func SubgraphCypher(types []counterpoint.NodeType, hops int) (string, []string, bool) {
	labels := typesKey(types)
	q, ok := subgraphQueries[subgraphKey(labels, hops)]
	return q, labels, ok
}

// SearchText returns the Lucene query Search sends for user text.
func SearchText(text string) string { return searchQuery(text) }
