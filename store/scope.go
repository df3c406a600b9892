package store

import "github.com/counterpoint-news/counterpoint"

// A scope limits a read to some datasets. Claims and quotes carry their
// dataset, and a claim relation belongs to the dataset of the claim it
// starts from (a dataset's relations start at its own claims, and the API
// writes a relation into the dataset of its from claim), so a relation is
// in scope exactly when its from claim is. Actors and sources are shared:
// an actor is in scope when it asserts, or is the subject of, a claim in
// scope, or is a group of such an actor; a source when a quote in scope is
// cut from or said in it, or an assertion in scope names it.

// scopeParam is a scope as a query parameter: null for the whole graph.
func scopeParam(s counterpoint.Scope) any {
	if len(s) == 0 {
		return nil
	}
	return []string(s)
}

// inScope is the Cypher condition that node variable n is in $datasets.
func inScope(n string) string {
	return `($datasets IS NULL OR (` + n + `:Claim|Quote AND ` + n + `.dataset IN $datasets)
  OR (` + n + `:Actor AND EXISTS { MATCH (` + n + `)<-[:MEMBER_OF*0..3]-(:Actor)-[:ASSERTED]->(sc:Claim) WHERE sc.dataset IN $datasets }
      OR ` + n + `:Actor AND EXISTS { MATCH (sc:Claim)-[:ABOUT]->(` + n + `) WHERE sc.dataset IN $datasets })
  OR (` + n + `:Source AND (EXISTS { MATCH (sq:Quote)-[:FROM|SAID_IN]->(` + n + `) WHERE sq.dataset IN $datasets }
      OR EXISTS { MATCH (sc:Claim)<-[sa:ASSERTED]-() WHERE sa.source = ` + n + `.id AND sc.dataset IN $datasets })))`
}

// claimInScope is the Cypher condition that the claim in variable c is in
// $datasets; relations are in scope with their from claim.
const claimInScope = `($datasets IS NULL OR c.dataset IN $datasets)`
