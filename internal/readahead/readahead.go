// Package readahead is what the API's read-ahead asks of the store and what
// the store answers: which parts of some claims or actors a known GraphQL
// selection reads, and the bundle one statement returns. It is neither domain
// vocabulary nor GraphQL, so it lives apart from both, for the resolvers and
// the store to share; it imports only the domain and the standard library.
package readahead

import "github.com/counterpoint-news/counterpoint"

// ClaimDetail says what to read along with some claims, so that a request
// whose selection is known up front costs one query instead of one per
// level of nesting.
type ClaimDetail struct {
	Quotes     bool // each claim's quotes
	Assertions bool // who asserted each claim, with the actors
	Relations  bool // every relation to or from each claim, with the claim at its other end
	// Of the claims at the other end of the relations:
	RelatedQuotes     bool
	RelatedAssertions bool
}

// Any reports whether d asks for anything beyond the claims themselves.
func (d ClaimDetail) Any() bool { return d != ClaimDetail{} }

// ActorDetail says what to read along with some actors.
type ActorDetail struct {
	Countered   bool // the counters each actor made, with both claims
	CounteredBy bool // the counters aimed at each actor, with both claims
	// CounterAssertions: who asserted each counter's two claims.
	CounterAssertions bool
}

// Any reports whether d asks for anything beyond the actors themselves.
func (d ActorDetail) Any() bool { return d != ActorDetail{} }

// Bundle is what one read-ahead query found: nodes, and lists keyed by the
// id they belong to. A key is present only when its list is complete (an
// empty list means there is none), so that a reader can trust it as it
// would a query of its own.
type Bundle struct {
	Actors []counterpoint.Actor
	Claims []counterpoint.Claim

	Quotes     map[string][]counterpoint.Quote     // by claim id
	Assertions map[string][]counterpoint.Assertion // by claim id
	Relations  map[string][]counterpoint.Relation  // by claim id: every relation touching it

	CountersBy      map[string][]counterpoint.Counter // by actor id: the counters it made
	CountersAgainst map[string][]counterpoint.Counter // by actor id: the counters aimed at it
}

// Or returns what d or e asks for.
func (d ClaimDetail) Or(e ClaimDetail) ClaimDetail {
	return ClaimDetail{
		Quotes: d.Quotes || e.Quotes, Assertions: d.Assertions || e.Assertions, Relations: d.Relations || e.Relations,
		RelatedQuotes: d.RelatedQuotes || e.RelatedQuotes, RelatedAssertions: d.RelatedAssertions || e.RelatedAssertions,
	}
}

// Or returns what d or e asks for.
func (d ActorDetail) Or(e ActorDetail) ActorDetail {
	return ActorDetail{
		Countered: d.Countered || e.Countered, CounteredBy: d.CounteredBy || e.CounteredBy,
		CounterAssertions: d.CounterAssertions || e.CounterAssertions,
	}
}
