package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/counterpoint-news/counterpoint"
)

// Parts are what both the read-ahead (detail.go) and the batch reads
// (QuotesByClaim, AssertionsByClaim, RelationsOf, CountersBy and
// CountersAgainst) read of a claim or an actor. Each part is one Cypher
// subquery over the variable that holds its claim or actor, returning one
// map per item; one decoder reads those maps and one comparison orders
// them, so that the two ways of reading a part cannot drift apart.
//
// A part's own variables have names of their own: a subquery sees the
// variables of the query around it, and one named alike would be taken as
// already bound.
const (
	// quotesPart reads the quotes of claim %[1]s, each with its rank (the
	// curator's order), source and document.
	quotesPart = `MATCH (%[1]s)-[qe:EVIDENCED_BY]->(q:Quote)-[:FROM]->(qs:Source)
    OPTIONAL MATCH (q)-[:SAID_IN]->(qd:Source)
    RETURN q {.*, rank: qe.rank, source: qs.id, document: qd.id}`
	// assertionsPart reads who asserted claim %[1]s, with the actors.
	assertionsPart = `MATCH (asserter:Actor)-[ar:ASSERTED]->(%[1]s)
    RETURN {actor: properties(asserter), source: ar.source, date: ar.date, attribution: ar.attribution, stance: ar.stance, inferred: ar.inferred, note: ar.note}`
	// relationsPart reads every relation to or from claim %[1]s, with the
	// claim at its other end, and the fields in %[3]s
	// (relationExtras for the read-ahead).
	relationsPart = `MATCH (%[1]s)-[r:%[2]s]-(o:Claim)
    RETURN {kind: type(r), from: startNode(r).id, to: endNode(r).id, ` + relationGrounds + `, claim: properties(o)%[3]s}`
)

// countersPart reads the counters on one side of actor a: %[1]s is the
// pattern from a to the countering claim cc and its target t, %[2]s and
// %[3]s return those claims, and %[4]s adds more fields.
var countersPart = `MATCH %[1]s
    WITH DISTINCT cc, r, t
    RETURN {counter: %[2]s, target: %[3]s, ` + counterGrounds("cc", "t") + `%[4]s}`

// The two sides of an actor's counters, as patterns for countersPart: only
// the counters that count as the actor's (countsAsCounter) against or by
// some other actor.
var (
	countersMade = `(a)-[:ASSERTED]->(cc:Claim)-[r:REBUTS]->(t:Claim)
    WHERE EXISTS { MATCH (countered:Actor)-[:ASSERTED]->(t) WHERE ` + countsAsCounter("a", "countered", "cc", "t") + ` }`
	countersReceived = `(a)-[:ASSERTED]->(t:Claim)<-[r:REBUTS]-(cc:Claim)
    WHERE EXISTS { MATCH (countering:Actor)-[:ASSERTED]->(cc) WHERE ` + countsAsCounter("countering", "a", "cc", "t") + ` }`
)

// collect wraps a part in a COLLECT subquery, which gives its items as one
// list and costs nothing when it sits in a CASE branch not taken.
func collect(part string) string { return "COLLECT {\n    " + part + "\n  }" }

func quotesOf(claim string) string     { return collect(fmt.Sprintf(quotesPart, claim)) }
func assertionsOf(claim string) string { return collect(fmt.Sprintf(assertionsPart, claim)) }

// relationsOf reads claim's relations, with more fields in each item.
func relationsOf(claim, more string) string {
	return collect(fmt.Sprintf(relationsPart, claim, kindsKey(nil), more))
}

// sidedRelationsPart reads the relations of kinds %[2]s outgoing from
// claim %[1]s (%[3]s and %[4]s are the arrow's ends: "-" and "->") or
// incoming ("<-" and "-"), each as relationsPart's items.
const sidedRelationsPart = `MATCH (%[1]s)%[3]s[r:%[2]s]%[4]s(o:Claim)
    RETURN {kind: type(r), from: startNode(r).id, to: endNode(r).id, ` + relationGrounds + `, claim: properties(o)%[5]s}`

// sidedRelationsOf reads claim's relations of the given kinds in one
// direction, with more fields in each item, as relationsOf does for all.
func sidedRelationsOf(claim string, kinds []counterpoint.RelationKind, outgoing bool, more string) string {
	start, end := "<-", "-"
	if outgoing {
		start, end = "-", "->"
	}
	return collect(fmt.Sprintf(sidedRelationsPart, claim, kindsKey(kinds), start, end, more))
}

// countersOf reads one side of an actor's counters; whole says whether each
// claim comes with all its properties (the read-ahead primes the claims
// with them) or with its id alone.
func countersOf(side string, whole bool, more string) string {
	claim := func(v string) string { return v + " {.id}" }
	if whole {
		claim = func(v string) string { return "properties(" + v + ")" }
	}
	return collect(fmt.Sprintf(countersPart, side, claim("cc"), claim("t"), more))
}

// rankedQuote is a quote with its rank, which orders a claim's quotes but
// is a property of the EVIDENCED_BY relationship, not of the quote.
type rankedQuote struct {
	counterpoint.Quote
	rank int
}

// decodeQuotes reads the items of quotesPart for claim.
func decodeQuotes(claim string, items []any) ([]rankedQuote, error) {
	out := make([]rankedQuote, 0, len(items))
	for _, item := range items {
		q, err := decodeQuote(item)
		if err != nil {
			return nil, err
		}
		f := mapFields("quote item", item)
		q.Claim, q.Source, q.Document = claim, f.str("source"), f.optStr("document")
		rank := f.integer("rank")
		if f.err != nil {
			return nil, f.err
		}
		out = append(out, rankedQuote{q, rank})
	}
	return out, nil
}

// quoteOrder orders quotes by claim, then in the curator's order (rank,
// then id).
func quoteOrder(a, b rankedQuote) int {
	return cmp.Or(strings.Compare(a.Claim, b.Claim), cmp.Compare(a.rank, b.rank), strings.Compare(a.ID, b.ID))
}

// sortedQuotes orders quotes with quoteOrder and drops their ranks.
func sortedQuotes(qs []rankedQuote) []counterpoint.Quote {
	slices.SortStableFunc(qs, quoteOrder)
	out := make([]counterpoint.Quote, len(qs))
	for i, q := range qs {
		out[i] = q.Quote
	}
	return out
}

// assertionWithActor is an assertion and the actor that made it.
type assertionWithActor struct {
	assertion counterpoint.Assertion
	actor     counterpoint.Actor
}

// decodeAssertions reads the items of assertionsPart for claim.
func decodeAssertions(claim string, items []any) ([]assertionWithActor, error) {
	out := make([]assertionWithActor, 0, len(items))
	for _, item := range items {
		f := mapFields("assertion item", item)
		actor, err := decodeActor(f.any("actor"))
		if f.err != nil {
			return nil, f.err
		} else if err != nil {
			return nil, err
		}
		a := counterpoint.Assertion{Claim: claim, Actor: actor.ID, Source: f.str("source"), Date: f.optStr("date"),
			Attribution: counterpoint.Attribution(f.str("attribution")), Stance: counterpoint.Stance(f.optStr("stance")),
			Inferred: f.optBool("inferred"), Note: f.optStr("note")}
		if f.err != nil {
			return nil, f.err
		}
		out = append(out, assertionWithActor{a, actor})
	}
	return out, nil
}

// assertionOrder orders assertions by claim, date (undated first), actor
// and source.
func assertionOrder(a, b assertionWithActor) int {
	x, y := a.assertion, b.assertion
	return cmp.Or(strings.Compare(x.Claim, y.Claim), strings.Compare(x.Date, y.Date),
		strings.Compare(x.Actor, y.Actor), strings.Compare(x.Source, y.Source))
}

// sortedAssertions orders assertions with assertionOrder and splits them
// from their actors.
func sortedAssertions(as []assertionWithActor) ([]counterpoint.Assertion, []counterpoint.Actor) {
	slices.SortStableFunc(as, assertionOrder)
	assertions := make([]counterpoint.Assertion, len(as))
	actors := make([]counterpoint.Actor, len(as))
	for i, a := range as {
		assertions[i], actors[i] = a.assertion, a.actor
	}
	return assertions, actors
}

// decodeRelation reads one item of relationsPart, or a relation of a thread
// or a chain (the same map without the claim), and the fields f holds for
// the caller to read more of.
func decodeRelation(item any) (counterpoint.Relation, *fields) {
	f := mapFields("relation", item)
	r := counterpoint.Relation{Kind: counterpoint.RelationKind(f.str("kind")), From: f.str("from"), To: f.str("to")}
	decodeGrounds(f, &r)
	return r, f
}

// relationWithClaim is a relation and the claim at its other end.
type relationWithClaim struct {
	relation counterpoint.Relation
	other    counterpoint.Claim
}

// relationOrder orders relations by from, kind and to, whichever claim they
// were read for.
func relationOrder(a, b counterpoint.Relation) int {
	return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.To, b.To))
}

// decodeRelations reads the items of relationsPart; more reads the fields
// that the caller added to each item.
func decodeRelations(items []any, more func(f *fields, other counterpoint.Claim) error) ([]relationWithClaim, error) {
	out := make([]relationWithClaim, 0, len(items))
	for _, item := range items {
		r, f := decodeRelation(item)
		other, err := decodeClaim(f.any("claim"))
		if f.err != nil {
			return nil, f.err
		} else if err != nil {
			return nil, err
		}
		if more != nil {
			if err := more(f, other); err != nil {
				return nil, err
			}
		}
		out = append(out, relationWithClaim{r, other})
	}
	return out, nil
}

// sortedRelations orders relations with relationOrder and splits them from
// the claims at their other ends.
func sortedRelations(rs []relationWithClaim) ([]counterpoint.Relation, []counterpoint.Claim) {
	slices.SortStableFunc(rs, func(a, b relationWithClaim) int { return relationOrder(a.relation, b.relation) })
	rels := make([]counterpoint.Relation, len(rs))
	claims := make([]counterpoint.Claim, len(rs))
	for i, r := range rs {
		rels[i], claims[i] = r.relation, r.other
	}
	return rels, claims
}

// decodeCounter reads one item of countersPart for actor, and the fields f
// holds for the caller to read more of.
func decodeCounter(actor string, item any) (counterpoint.ActorCounter, *fields) {
	f := mapFields("counter", item)
	counter, target := mapFields("counter claim", f.any("counter")), mapFields("target claim", f.any("target"))
	c := counterOf(counter.str("id"), target.str("id"), f)
	f.fail(counter.err)
	f.fail(target.err)
	return counterpoint.ActorCounter{Actor: actor, Counter: c}, f
}

// counterOf is the counter of claim counter rebutting target, with the
// grounds of the rebuttal that f holds (counterGrounds).
func counterOf(counter, target string, f *fields) counterpoint.Counter {
	var r counterpoint.Relation
	decodeGrounds(f, &r)
	inferred, notes := counterpoint.CounterReading(r.Inferred, r.Note, f.boolean("statedPair"), f.strs("assertionNotes"))
	return counterpoint.Counter{Counter: counter, Target: target, Note: r.Note, Evidence: r.Evidence,
		Inferred: inferred, RelationInferred: r.Inferred, Notes: notes}
}

// counterOrder orders counters by actor, countering claim and target.
func counterOrder(a, b counterpoint.ActorCounter) int {
	return cmp.Or(strings.Compare(a.Actor, b.Actor), strings.Compare(a.Counter.Counter, b.Counter.Counter),
		strings.Compare(a.Counter.Target, b.Counter.Target))
}
