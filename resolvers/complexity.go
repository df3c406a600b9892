package resolvers

import (
	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/graph/model"
)

// listFanOut is the assumed length of a nested list (a claim's rebuttals,
// an actor's counters) when the query cannot say: each level of nesting
// multiplies the cost of what it selects by it.
const listFanOut = 3

// Complexity estimates each list field's cost as the number of items it may
// return times the cost of each, so that the server's complexity limit
// refuses queries whose answers would be huge: pages count `first` items,
// nested lists listFanOut.
func Complexity() graph.ComplexityRoot {
	var c graph.ComplexityRoot
	fan := func(child int) int { return 1 + listFanOut*child }
	page := func(first *int, field string) func(int) int {
		n := queryDefault(field, "first")
		if first != nil && *first > 0 {
			n = *first
		}
		return func(child int) int { return 1 + n*child }
	}

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
	c.Thread.Claims, c.Thread.Relations = func(child int) int { return 1 + 4*listFanOut*child }, func(child int) int { return 1 + 4*listFanOut*child }

	c.Query.Actors = func(child int, first *int, _ *string, _ *model.ActorKind) int { return page(first, "actors")(child) }
	c.Query.Claims = func(child int, first *int, _ *string, _ *model.ClaimFilter) int { return page(first, "claims")(child) }
	c.Query.Search = func(child int, _ string, first *int) int { return page(first, "search")(child) }
	c.Query.Counters = func(child int, _ *string, _ *string, _ *bool, first *int) int { return page(first, "counters")(child) }
	c.Query.Chains = func(child int, _ string, _ string, _ []model.RelationKind, _ *bool, _ *int, first *int) int {
		return page(first, "chains")(child)
	}
	c.Query.Nodes = func(child int, ids []string) int { return 1 + len(ids)*child }
	c.Query.Sources, c.Query.CounterSummary = fan, fan
	// A subgraph's nodes are flat, and its size is bounded by limit in the
	// store: charge a little per hundred nodes.
	c.Query.Subgraph = func(child int, _ []string, _ *int, limit *int, _ []model.NodeType) int {
		n := queryDefault("subgraph", "limit")
		if limit != nil && *limit > 0 {
			n = *limit
		}
		return 1 + (n/100+1)*child
	}
	return c
}
