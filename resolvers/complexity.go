package resolvers

import (
	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// The units of the complexity estimate. A selected field costs fieldCost
// (gqlgen's default: 1 plus what it selects).
const (
	fieldCost = 1

	// storeCall is what one Cypher round trip costs, in fields: resolving
	// a field takes a couple of microseconds (a page of 50 claims, about
	// 2,500 fields, costs GraphQL 4–5 ms with a store that answers at
	// once), a round trip to Neo4j one to a few milliseconds (1,000
	// aliased search(first: 1) took 2.2 s, 2.2 ms each). 100 keeps a
	// request within the default COMPLEXITY_LIMIT (5,000) to some 50 store
	// calls' worth of work, and still lets a page of 50 claims with their
	// quotes, asserters and rebuttals (about 2,700) through. Every root
	// field pays it; nested lists are read by the per-request loaders, one
	// batched call per level whatever the number of items, so they pay
	// for their fields only.
	storeCall = 100

	// listFanOut is the assumed length of a nested list (a claim's
	// rebuttals, an actor's counters) when the query cannot say: each
	// level of nesting multiplies the cost of what it selects by it.
	listFanOut = 3

	// threadFanOut is the assumed number of claims and relations in a
	// thread, per list.
	threadFanOut = 4 * listFanOut

	// maxCost bounds every estimate, so that arguments far out of range
	// (first: 2000000000) cannot overflow the sums: such a request is
	// refused by the limit whatever it is.
	maxCost = 1 << 40
)

// mul is a*b, saturating at maxCost; negative factors count as 0.
func mul(a, b int) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > maxCost/b {
		return maxCost
	}
	return a * b
}

// add is the sum of costs, saturating at maxCost.
func add(costs ...int) int {
	sum := 0
	for _, c := range costs {
		sum += max(c, 0)
		if sum > maxCost {
			return maxCost
		}
	}
	return sum
}

// Complexity estimates what an operation costs, so that the server's
// complexity limit refuses those whose work would be large before any of it
// is done:
//
//   - every root field makes at least one store call (storeCall);
//   - lists count the items they may return times the cost of each: pages
//     their first, nested lists listFanOut;
//   - the path queries walk the graph one level per hop: thread costs a
//     store call per level of depth, chains per hop of maxHops, subgraph
//     per hop and per 1,000 nodes of its limit.
//
// The server also caps the number of root fields (MAX_ROOT_FIELDS), so that
// aliases cannot multiply even cheap-looking store calls.
func Complexity() graph.ComplexityRoot {
	var c graph.ComplexityRoot
	fan := func(child int) int { return add(fieldCost, mul(listFanOut, child)) }
	threadList := func(child int) int { return add(fieldCost, mul(threadFanOut, child)) }
	// arg is an integer argument of a Query field (the schema's default
	// when absent) within 1..hi: a value out of range is refused by the
	// resolver with BAD_USER_INPUT naming the argument, before any store
	// call, so the estimate must not refuse it first as too complex.
	arg := func(v *int, field, name string, hi int) int {
		n := queryDefault(field, name)
		if v != nil {
			n = *v
		}
		return min(max(n, 1), hi)
	}
	// page is a root list of first items, read in one store call.
	page := func(child int, first *int, field string, hi int) int {
		return add(storeCall, mul(arg(first, field, "first", hi), child))
	}
	one := func(child int) int { return add(storeCall, child) }

	c.Actor.MemberOf, c.Actor.Members, c.Actor.Assertions = fan, fan, fan
	c.Actor.Countered, c.Actor.CounteredBy = fan, fan
	c.Claim.AssertedBy, c.Claim.Assertions, c.Claim.About = fan, fan, fan
	c.Claim.Quotes = func(child int, _ *model.QuoteKind) int { return fan(child) }
	c.Relation.Evidence, c.Counter.Evidence = fan, fan
	c.Quote.DirectSpans = fan
	c.Claim.Rebuts, c.Claim.RebuttedBy, c.Claim.Supports, c.Claim.SupportedBy = fan, fan, fan, fan
	c.Claim.Qualifies, c.Claim.QualifiedBy = fan, fan
	c.Claim.Relations = func(child int, _ *model.Direction, _ []model.RelationKind) int { return fan(child) }
	c.Counter.By, c.Counter.Against = fan, fan
	c.Source.Authors = fan
	c.Chain.Claims, c.Chain.Relations = fan, fan
	c.Thread.Claims, c.Thread.Relations = threadList, threadList

	c.Query.Node = func(child int, _ string) int { return one(child) }
	c.Query.Actor = func(child int, _ string) int { return one(child) }
	c.Query.Claim = func(child int, _ string) int { return one(child) }
	c.Query.Source = func(child int, _ string) int { return one(child) }
	c.Query.Nodes = func(child int, ids []string) int { return add(storeCall, mul(len(ids), child)) }
	c.Query.Actors = func(child int, first *int, _ *string, _ *model.ActorKind) int {
		return page(child, first, "actors", maxPage)
	}
	c.Query.Claims = func(child int, first *int, _ *string, _ *model.ClaimFilter) int {
		return page(child, first, "claims", maxPage)
	}
	c.Query.Search = func(child int, _ string, first *int, _ []string) int { return page(child, first, "search", maxPage) }
	c.Query.ActorCandidates = func(child int, _ string, _ *string, _ *model.ActorKind, _ []string, first *int) int {
		return page(child, first, "actorCandidates", maxPage)
	}
	c.Query.SimilarClaims = func(child int, _ *string, _ *string, _ []string, first *int) int {
		return page(child, first, "similarClaims", maxPage)
	}
	c.Query.Counters = func(child int, _ *string, _ *string, _ *bool, first *int, _ []string, _ *bool) int {
		return page(child, first, "counters", maxCounters)
	}
	c.Query.Sources = func(child int) int { return add(storeCall, fan(child)) }
	c.Query.CounterSummary = func(child int, _ []string, _ *bool) int { return add(storeCall, fan(child)) }
	c.Query.Datasets = func(child int) int { return add(storeCall, fan(child)) }
	c.Query.RelatedDatasets = func(child int, _ string) int { return add(storeCall, fan(child)) }
	c.RelatedDataset.SharedActors = fan
	c.Query.Camps = func(child int, _ []string) int { return add(storeCall, fan(child)) }
	c.Query.Timeline = func(child int, _ []string, _ *string, _ *string, first *int) int {
		return add(mul(storeCall, 3), mul(arg(first, "timeline", "first", maxTimeline)/100+1, child))
	}
	c.Query.History = func(child int, _ string, first *int) int { return page(child, first, "history", maxHistory) }
	// The suggestions pass reads a whole text: a store call's worth each.
	c.Source.Suggestions = func(child int, _ *model.SuggestionStatus) int { return add(storeCall, fan(child)) }
	c.Source.CounterHints = func(child int, _ *model.SuggestionStatus) int { return add(storeCall, fan(child)) }

	// The path queries: a store call's worth of work per level walked.
	c.Query.Thread = func(child int, _ string, depth *int, _ []model.RelationKind, _ []string) int {
		return add(mul(storeCall, arg(depth, "thread", "depth", counterpoint.MaxThreadDepth)), child)
	}
	c.Query.Chains = func(child int, _ string, _ string, _ []model.RelationKind, _ *bool, maxHops *int, first *int, _ []string) int {
		return add(mul(storeCall, arg(maxHops, "chains", "maxHops", counterpoint.MaxChainHops)),
			mul(arg(first, "chains", "first", counterpoint.MaxChains), child))
	}
	// A subgraph walks hops levels out from its ids (the whole graph when
	// none are given), then returns up to limit nodes, flat: a store call
	// per hop and per 1,000 nodes, and its selection per 100 nodes.
	c.Query.Subgraph = func(child int, _ []string, hops *int, limit *int, _ []model.NodeType, _ []string) int {
		n := arg(limit, "subgraph", "limit", counterpoint.MaxSubgraph)
		h := arg(hops, "subgraph", "hops", counterpoint.MaxHops)
		return add(mul(storeCall, add(h, n/1000)), mul(n/100+1, child))
	}

	// A write is a transaction of a few statements.
	c.Mutation.UpsertActor = func(child int, _ model.ActorInput) int { return one(child) }
	c.Mutation.UpsertSource = func(child int, _ model.SourceInput) int { return one(child) }
	c.Mutation.UpsertClaim = func(child int, _ model.ClaimInput) int { return one(child) }
	c.Mutation.AddRelation = func(child int, _ model.RelationInput) int { return one(child) }
	c.Mutation.RemoveRelation = func(child int, _ model.RelationKind, _ string, _ string) int { return one(child) }
	c.Mutation.ImportSource = func(child int, _ model.ImportSourceInput) int { return one(child) }
	c.Mutation.DeleteClaim = func(child int, _ string, _ int) int { return one(child) }
	c.Mutation.DeleteActor = func(child int, _ string, _ int) int { return one(child) }
	c.Mutation.DeleteSource = func(child int, _ string, _ int) int { return one(child) }
	c.Mutation.ReviewSuggestion = func(child int, _ string, _ string, _ model.SuggestionStatus) int { return one(child) }
	return c
}
