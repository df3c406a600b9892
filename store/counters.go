package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/counterpoint-news/counterpoint"
)

// Who countered whom: a counter is one claim rebutting another, and its
// sides are the actors who asserted each claim.

// The batch reads of each actor's counters, one per side, read the
// countersPart as the read-ahead does, with the claims by id alone.
var (
	countersBy = `UNWIND $ids AS id
WITH DISTINCT id
MATCH (a:Actor {id: id})
RETURN id AS actor, ` + countersOf(countersMade, false, "") + ` AS counters`
	countersAgainst = `UNWIND $ids AS id
WITH DISTINCT id
MATCH (a:Actor {id: id})
RETURN id AS actor, ` + countersOf(countersReceived, false, "") + ` AS counters`
)

// CountersBy returns the counters made by each of the given actors, in
// counterOrder.
func (db *DB) CountersBy(ctx context.Context, ids []string) ([]counterpoint.ActorCounter, error) {
	return db.actorCounters(ctx, "countersBy", countersBy, ids)
}

// CountersAgainst returns the counters aimed at each of the given actors,
// in counterOrder.
func (db *DB) CountersAgainst(ctx context.Context, ids []string) ([]counterpoint.ActorCounter, error) {
	return db.actorCounters(ctx, "countersAgainst", countersAgainst, ids)
}

func (db *DB) actorCounters(ctx context.Context, name, cypher string, ids []string) ([]counterpoint.ActorCounter, error) {
	res, err := db.read(ctx, name, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := []counterpoint.ActorCounter{}
	for _, rec := range res.Records {
		f := recordFields(rec)
		actor, items := f.str("actor"), f.list("counters")
		if f.err != nil {
			return nil, f.err
		}
		for _, item := range items {
			c, item := decodeCounter(actor, item)
			if item.err != nil {
				return nil, item.err
			}
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, counterOrder)
	return out, nil
}

// The counters of the whole graph, filtered by who is on either side. A
// rebuttal is a counter only between an actor b who endorses the
// countering claim c and another, x, who endorses its target t
// (countsAsCounter): an options paper that presents an option and its own
// caveat counters no one, and no actor counters itself.
var (
	countersAll = `MATCH (c:Claim)-[r:REBUTS]->(t:Claim)
WHERE ` + claimInScope + ` AND EXISTS { MATCH (b:Actor)-[:ASSERTED]->(c), (x:Actor)-[:ASSERTED]->(t) WHERE ` + countsAsCounter("b", "x", "c", "t") + ` }
  AND ` + onlyStated + `
RETURN c.id AS counter, t.id AS target, {` + counterGrounds("c", "t") + `} AS grounds ORDER BY counter, target LIMIT $first`
	// countersScoped starts from the datasets' claims through the
	// claim_dataset index.
	countersScoped = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets
MATCH (c)-[r:REBUTS]->(t:Claim)
WHERE EXISTS { MATCH (b:Actor)-[:ASSERTED]->(c), (x:Actor)-[:ASSERTED]->(t) WHERE ` + countsAsCounter("b", "x", "c", "t") + ` }
  AND ` + onlyStated + `
RETURN c.id AS counter, t.id AS target, {` + counterGrounds("c", "t") + `} AS grounds ORDER BY counter, target LIMIT $first`
	// countersByActor starts from the actor named by $by; members are
	// actors up to three MEMBER_OF steps below.
	countersByActor = `MATCH (root:Actor {id: $by})<-[:MEMBER_OF*0..3]-(b:Actor)
WHERE $members OR b = root
MATCH (b)-[:ASSERTED]->(c:Claim)-[r:REBUTS]->(t:Claim)
WHERE ` + claimInScope + ` AND EXISTS {
  MATCH (x:Actor)-[:ASSERTED]->(t)
  WHERE ` + countsAsCounter("b", "x", "c", "t") + `
    AND ($against IS NULL OR EXISTS { MATCH (root2:Actor {id: $against})<-[:MEMBER_OF*0..3]-(x) WHERE $members OR x = root2 }) }
  AND ` + onlyStated + `
RETURN DISTINCT c.id AS counter, t.id AS target, {` + counterGrounds("c", "t") + `} AS grounds ORDER BY counter, target LIMIT $first`
	// countersAgainstActor starts from the actor named by $against.
	countersAgainstActor = `MATCH (root:Actor {id: $against})<-[:MEMBER_OF*0..3]-(x:Actor)
WHERE $members OR x = root
MATCH (x)-[:ASSERTED]->(t:Claim)<-[r:REBUTS]-(c:Claim)
WHERE ` + claimInScope + ` AND EXISTS { MATCH (b:Actor)-[:ASSERTED]->(c) WHERE ` + countsAsCounter("b", "x", "c", "t") + ` }
  AND ` + onlyStated + `
RETURN DISTINCT c.id AS counter, t.id AS target, {` + counterGrounds("c", "t") + `} AS grounds ORDER BY counter, target LIMIT $first`
	counterSummary = `MATCH (b:Actor)-[:ASSERTED]->(c:Claim)-[:REBUTS]->(t:Claim)<-[:ASSERTED]-(x:Actor)
WHERE ` + countsAsCounter("b", "x", "c", "t") + `
WITH b, x, c, t`
	// counterSummaryScoped starts from the claims of the datasets, through
	// the claim_dataset index, so that its work follows the scope's size.
	counterSummaryScoped = `MATCH (c:Claim) USING INDEX c:Claim(dataset) WHERE c.dataset IN $datasets
MATCH (b:Actor)-[:ASSERTED]->(c)-[:REBUTS]->(t:Claim)<-[:ASSERTED]-(x:Actor)
WHERE ` + countsAsCounter("b", "x", "c", "t") + `
WITH b, x, c, t`
	// counterSummaryPairs returns each claim pair of each pair of actors,
	// and whether that pair rests on the source's words (the rebuttal and
	// both actors' endorsements stated); counterpoint.SummarizeCounters
	// groups them into exchanges.
	counterSummaryPairs = `
MATCH (c)-[r:REBUTS]->(t)
WITH DISTINCT b, x, c, t, r
RETURN b.id AS by, x.id AS against, c.id AS counter, t.id AS target,
  NOT coalesce(r.inferred, false) AND ` + statedEndorsed("b", "c") + ` AND ` + statedEndorsed("x", "t") + ` AS stated
ORDER BY by, against, target, counter`
)

// onlyStated keeps, when $statedOnly is true, only the rebuttals r from c
// to t that rest on the source's words.
var onlyStated = "(NOT $statedOnly OR (NOT coalesce(r.inferred, false) AND " + statedPair("c", "t") + "))"

// Counters returns claims that rebut others, filtered by who is on
// either side; each of its three queries reports under its own name.
func (db *DB) Counters(ctx context.Context, f counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	name, cypher := "countersAll", countersAll
	switch {
	case f.By == "" && f.Against == "" && len(f.Datasets) > 0:
		name, cypher = "countersScoped", countersScoped
	case f.By != "":
		name, cypher = "countersByActor", countersByActor
	case f.Against != "":
		name, cypher = "countersAgainstActor", countersAgainstActor
	}
	res, err := db.read(ctx, name, cypher, map[string]any{"by": nullable(f.By), "against": nullable(f.Against), "members": f.IncludeMembers,
		"first": f.First, "datasets": scopeParam(f.Datasets), "statedOnly": f.StatedOnly})
	if err != nil {
		return nil, err
	}
	return decodeAll(res.Records, func(f *fields) counterpoint.Counter {
		grounds := mapFields("counter grounds", f.any("grounds"))
		c := counterOf(f.str("counter"), f.str("target"), grounds)
		f.fail(grounds.err)
		return c
	})
}

// CounterSummary counts, for each pair of actors, how often the first
// countered the second, in exchanges (counterpoint.SummarizeCounters);
// statedOnly leaves out what rests on the curator's reading.
func (db *DB) CounterSummary(ctx context.Context, scope counterpoint.Scope, statedOnly bool) ([]counterpoint.CounterSummary, error) {
	name, cypher := "counterSummary", counterSummary+counterSummaryPairs
	if len(scope) > 0 {
		name, cypher = "counterSummaryScoped", counterSummaryScoped+counterSummaryPairs
	}
	res, err := db.read(ctx, name, cypher, map[string]any{"datasets": scopeParam(scope)})
	if err != nil {
		return nil, err
	}
	pairs, err := decodeAll(res.Records, func(f *fields) counterpoint.CounterPair {
		return counterpoint.CounterPair{By: f.str("by"), Against: f.str("against"), Counter: f.str("counter"), Target: f.str("target"), Stated: f.boolean("stated")}
	})
	if err != nil {
		return nil, err
	}
	return counterpoint.SummarizeCounters(pairs, statedOnly), nil
}

// chainTemplate finds the shortest chains and reads their claims; it
// always returns one row, which says whether both actors exist. Cypher
// takes neither a direction (%[1]s) nor a path length (%[2]d) as a
// parameter, so each combination gets its own query text. A chain starts
// at a claim the first actor endorses and ends at one the second endorses,
// as counters count endorsements only; equally short chains come in the
// order of their claims' ids.
var chainTemplate = `OPTIONAL MATCH (a:Actor {id: $from})
OPTIONAL MATCH (b:Actor {id: $to})
CALL (a, b) {
  MATCH p = SHORTEST 20 (a)-[ea:ASSERTED WHERE ` + endorses("ea") + `]->(:Claim)(()-[r WHERE type(r) IN $kinds AND ($datasets IS NULL OR r.dataset IN $datasets)]-%[1]s()){1,%[2]d}(:Claim)<-[eb:ASSERTED WHERE ` + endorses("eb") + `]-(b)
  WITH p ORDER BY length(p), [n IN nodes(p) WHERE n:Claim | n.id] LIMIT $first
  RETURN collect({
    claims: [n IN nodes(p) WHERE n:Claim | properties(n)],
    rels: [r IN relationships(p) WHERE type(r) <> 'ASSERTED' | {kind: type(r), from: startNode(r).id, to: endNode(r).id, ` + relationGrounds + `}]
  }) AS chains
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, chains`

// chainQueries holds the chain query of each direction and length, by
// chainKey.
var chainQueries = func() map[string]string {
	m := map[string]string{}
	for h := 1; h <= counterpoint.MaxChainHops; h++ {
		m[chainKey(true, h)] = fmt.Sprintf(chainTemplate, ">", h)
		m[chainKey(false, h)] = fmt.Sprintf(chainTemplate, "", h)
	}
	return m
}()

func chainKey(directed bool, hops int) string { return fmt.Sprintf("%t/%d", directed, hops) }

// Chains returns the shortest chains of claim relations from a claim
// asserted by q.From to a claim asserted by q.To, with the chains' claims;
// NOT_FOUND when either actor does not exist.
func (db *DB) Chains(ctx context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	cypher, ok := chainQueries[chainKey(q.Directed, q.MaxHops)]
	if !ok {
		return nil, nil, counterpoint.Errorf(counterpoint.EINVALID, "chains: maxHops must be 1 to %d", counterpoint.MaxChainHops)
	}
	kinds := make([]string, 0, len(q.Kinds))
	for _, k := range q.Kinds {
		kinds = append(kinds, string(k))
	}
	res, err := db.read(ctx, "chains", cypher, map[string]any{"from": q.From, "to": q.To, "kinds": kinds, "first": q.First, "datasets": scopeParam(q.Datasets)})
	if err != nil {
		return nil, nil, err
	}
	f, err := onlyRecord(res.Records, "chains")
	if err != nil {
		return nil, nil, err
	}
	for _, end := range []struct{ column, arg, id string }{{"fromFound", "from", q.From}, {"toFound", "to", q.To}} {
		if found := f.boolean(end.column); f.err == nil && !found {
			return nil, nil, counterpoint.Errorf(counterpoint.ENOTFOUND, "%s: no actor has id %q", end.arg, end.id)
		}
	}
	items := f.list("chains")
	if f.err != nil {
		return nil, nil, f.err
	}
	chains := make([]counterpoint.Chain, 0, len(items))
	var claims []counterpoint.Claim
	for _, item := range items {
		m := mapFields("chain", item)
		cs, rels := m.list("claims"), m.list("rels")
		if m.err != nil {
			return nil, nil, m.err
		}
		var ch counterpoint.Chain
		for _, c := range cs {
			claim, err := decodeClaim(c)
			if err != nil {
				return nil, nil, err
			}
			claims = append(claims, claim)
			ch.Claims = append(ch.Claims, claim.ID)
		}
		for _, r := range rels {
			rel, f := decodeRelation(r)
			if f.err != nil {
				return nil, nil, f.err
			}
			ch.Relations = append(ch.Relations, rel)
		}
		chains = append(chains, ch)
	}
	return chains, claims, nil
}
