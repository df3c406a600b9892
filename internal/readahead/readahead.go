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
	// Sides: only the relations of these kinds and directions, with the
	// claim at the other end (rebuttedBy, supports, ...); Relations covers
	// them all.
	Sides Sides
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
	Sided      map[Sided][]counterpoint.Relation   // by claim id and side: the relations of one kind and direction

	CountersBy      map[string][]counterpoint.Counter // by actor id: the counters it made
	CountersAgainst map[string][]counterpoint.Counter // by actor id: the counters aimed at it
}

// Or returns what d or e asks for.
func (d ClaimDetail) Or(e ClaimDetail) ClaimDetail {
	return ClaimDetail{
		Quotes: d.Quotes || e.Quotes, Assertions: d.Assertions || e.Assertions, Relations: d.Relations || e.Relations,
		Sides:         d.Sides | e.Sides,
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

// Sides is a set of relation kinds and directions, as the fields rebuts,
// rebuttedBy, supports, supportedBy, qualifies and qualifiedBy read them.
type Sides uint8

// sideKinds are the kinds a side can have, in the order of their bits.
var sideKinds = []counterpoint.RelationKind{counterpoint.Rebuts, counterpoint.Supports, counterpoint.Qualifies}

// Side is the set holding relations of kind, outgoing from the claim or
// incoming to it; none for a kind outside sideKinds.
func Side(kind counterpoint.RelationKind, outgoing bool) Sides {
	for i, k := range sideKinds {
		if k == kind {
			if outgoing {
				return 1 << (2 * i)
			}
			return 1 << (2*i + 1)
		}
	}
	return 0
}

// Kinds returns the kinds in s of one direction, in sideKinds' order.
func (s Sides) Kinds(outgoing bool) []counterpoint.RelationKind {
	var out []counterpoint.RelationKind
	for _, k := range sideKinds {
		if s&Side(k, outgoing) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// Each calls f with each kind and direction in s.
func (s Sides) Each(f func(kind counterpoint.RelationKind, outgoing bool)) {
	for _, k := range sideKinds {
		for _, out := range []bool{true, false} {
			if s&Side(k, out) != 0 {
				f(k, out)
			}
		}
	}
}

// AllSides is every kind and direction a side can have.
const AllSides Sides = 1<<6 - 1

// Sided keys the relations of one claim of one kind and direction.
type Sided struct {
	Claim    string
	Kind     counterpoint.RelationKind
	Outgoing bool
}
