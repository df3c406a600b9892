package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/counterpoint-news/counterpoint"
)

// Read-ahead queries: when the API knows a request's selection before it
// resolves it, one of these reads the nodes and everything the selection
// asks of them in a single statement, instead of one statement per level
// of nesting. Each part is behind a boolean parameter: Cypher's CASE only
// evaluates the branch it takes, so a part not asked for costs nothing.

// The parts, as templates over the variable that holds the claim. Their own
// variables have names of their own: a subquery sees the variables of the
// query around it, and one named alike would be taken as already bound.
const (
	quotesOfTemplate = `COLLECT {
    MATCH (%[1]s)-[qe:EVIDENCED_BY]->(q:Quote)-[:FROM]->(qs:Source)
    OPTIONAL MATCH (q)-[:SAID_IN]->(qd:Source)
    RETURN q {.*, rank: qe.rank, source: qs.id, document: qd.id}
  }`
	assertionsOfTemplate = `COLLECT {
    MATCH (asserter:Actor)-[ar:ASSERTED]->(%[1]s)
    RETURN {actor: properties(asserter), source: ar.source, date: ar.date, attribution: ar.attribution}
  }`
)

var (
	quotesOfC      = fmt.Sprintf(quotesOfTemplate, "c")
	quotesOfO      = fmt.Sprintf(quotesOfTemplate, "o")
	assertionsOfC  = fmt.Sprintf(assertionsOfTemplate, "c")
	assertionsOfO  = fmt.Sprintf(assertionsOfTemplate, "o")
	assertionsOfCC = fmt.Sprintf(assertionsOfTemplate, "cc")
	assertionsOfT  = fmt.Sprintf(assertionsOfTemplate, "t")
)

// claimDetail reads claims by id with the parts a ClaimDetail asks for.
var claimDetail = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN properties(c) AS props,
  CASE WHEN $quotes THEN ` + quotesOfC + ` END AS quotes,
  CASE WHEN $assertions THEN ` + assertionsOfC + ` END AS assertions,
  CASE WHEN $relations THEN COLLECT {
    MATCH (c)-[r:REBUTS|SUPPORTS|QUALIFIES]-(o:Claim)
    RETURN {kind: type(r), from: startNode(r).id, to: endNode(r).id, note: r.note, source: r.source, claim: properties(o),
      quotes: CASE WHEN $relatedQuotes THEN ` + quotesOfO + ` END,
      assertions: CASE WHEN $relatedAssertions THEN ` + assertionsOfO + ` END}
  } END AS relations`

// counterTemplate reads one side's counters of actor a: %[1]s is the
// pattern from a to the countering claim cc and its target t.
const counterTemplate = `COLLECT {
    MATCH %[1]s
    WITH DISTINCT cc, r, t
    RETURN {counter: properties(cc), target: properties(t), note: r.note,
      counterAssertions: CASE WHEN $counterAssertions THEN %[2]s END,
      targetAssertions: CASE WHEN $counterAssertions THEN %[3]s END}
  }`

// actorDetail reads actors by id with the parts an ActorDetail asks for.
var actorDetail = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN properties(a) AS props,
  CASE WHEN $countered THEN ` + fmt.Sprintf(counterTemplate, "(a)-[:ASSERTED]->(cc:Claim)-[r:REBUTS]->(t:Claim)", assertionsOfCC, assertionsOfT) + ` END AS countered,
  CASE WHEN $counteredBy THEN ` + fmt.Sprintf(counterTemplate, "(a)-[:ASSERTED]->(t:Claim)<-[r:REBUTS]-(cc:Claim)", assertionsOfCC, assertionsOfT) + ` END AS counteredBy`

// ClaimsWithDetail reads the claims with the given ids and, in the same
// statement, what d asks for. Claims that do not exist are left out.
func (db *DB) ClaimsWithDetail(ctx context.Context, ids []string, d counterpoint.ClaimDetail) (counterpoint.Bundle, error) {
	b := newBundle()
	res, err := db.read(ctx, "claimDetail", claimDetail, map[string]any{
		"ids": ids, "quotes": d.Quotes, "assertions": d.Assertions, "relations": d.Relations,
		"relatedQuotes": d.RelatedQuotes, "relatedAssertions": d.RelatedAssertions,
	})
	if err != nil {
		return b, err
	}
	for _, rec := range res.Records {
		c := claimFrom(recordMap(rec, "props"))
		b.Claims = append(b.Claims, c)
		if d.Quotes {
			addQuotes(&b, c.ID, recordList(rec, "quotes"))
		}
		if d.Assertions {
			addAssertions(&b, c.ID, recordList(rec, "assertions"))
		}
		if !d.Relations {
			continue
		}
		rels := []counterpoint.Relation{}
		for _, item := range recordList(rec, "relations") {
			m, _ := item.(map[string]any)
			rels = append(rels, relationFromMap(m))
			o := claimFrom(mapOf(m, "claim"))
			b.Claims = append(b.Claims, o)
			if d.RelatedQuotes {
				addQuotes(&b, o.ID, listOf(m, "quotes"))
			}
			if d.RelatedAssertions {
				addAssertions(&b, o.ID, listOf(m, "assertions"))
			}
		}
		sort.Slice(rels, func(i, j int) bool { return relationLess(rels[i], rels[j]) })
		b.Relations[c.ID] = rels
	}
	return b, nil
}

// ActorsWithDetail reads the actors with the given ids and, in the same
// statement, what d asks for. Actors that do not exist are left out.
func (db *DB) ActorsWithDetail(ctx context.Context, ids []string, d counterpoint.ActorDetail) (counterpoint.Bundle, error) {
	b := newBundle()
	res, err := db.read(ctx, "actorDetail", actorDetail, map[string]any{
		"ids": ids, "countered": d.Countered, "counteredBy": d.CounteredBy, "counterAssertions": d.CounterAssertions,
	})
	if err != nil {
		return b, err
	}
	for _, rec := range res.Records {
		a := actorFrom(recordMap(rec, "props"))
		b.Actors = append(b.Actors, a)
		if d.Countered {
			b.CountersBy[a.ID] = addCounters(&b, recordList(rec, "countered"), d.CounterAssertions)
		}
		if d.CounteredBy {
			b.CountersAgainst[a.ID] = addCounters(&b, recordList(rec, "counteredBy"), d.CounterAssertions)
		}
	}
	return b, nil
}

func newBundle() counterpoint.Bundle {
	return counterpoint.Bundle{
		Quotes: map[string][]counterpoint.Quote{}, Assertions: map[string][]counterpoint.Assertion{},
		Relations: map[string][]counterpoint.Relation{}, CountersBy: map[string][]counterpoint.Counter{},
		CountersAgainst: map[string][]counterpoint.Counter{},
	}
}

// addCounters adds the claims (and, when asked, their assertions) of a
// list of counters to b and returns the counters, ordered as CountersBy
// orders them.
func addCounters(b *counterpoint.Bundle, items []any, withAssertions bool) []counterpoint.Counter {
	out := []counterpoint.Counter{}
	for _, item := range items {
		m, _ := item.(map[string]any)
		counter, target := claimFrom(mapOf(m, "counter")), claimFrom(mapOf(m, "target"))
		b.Claims = append(b.Claims, counter, target)
		if withAssertions {
			addAssertions(b, counter.ID, listOf(m, "counterAssertions"))
			addAssertions(b, target.ID, listOf(m, "targetAssertions"))
		}
		out = append(out, counterpoint.Counter{Counter: counter.ID, Target: target.ID, Note: str(m, "note")})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Counter != out[j].Counter {
			return out[i].Counter < out[j].Counter
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// addQuotes records the complete list of a claim's quotes, in the
// curator's order (rank, then id), as QuotesByClaim orders them.
func addQuotes(b *counterpoint.Bundle, claimID string, items []any) {
	type ranked struct {
		q    counterpoint.Quote
		rank int
	}
	rs := make([]ranked, 0, len(items))
	for _, item := range items {
		m, _ := item.(map[string]any)
		q := quoteFrom(m)
		q.Claim, q.Source, q.Document = claimID, str(m, "source"), str(m, "document")
		rs = append(rs, ranked{q, integer(m, "rank")})
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].rank != rs[j].rank {
			return rs[i].rank < rs[j].rank
		}
		return rs[i].q.ID < rs[j].q.ID
	})
	quotes := make([]counterpoint.Quote, len(rs))
	for i, r := range rs {
		quotes[i] = r.q
	}
	b.Quotes[claimID] = quotes
}

// addAssertions records the complete list of who asserted a claim, with the
// actors, ordered as AssertionsByClaim orders them.
func addAssertions(b *counterpoint.Bundle, claimID string, items []any) {
	as := make([]counterpoint.Assertion, 0, len(items))
	for _, item := range items {
		m, _ := item.(map[string]any)
		a := actorFrom(mapOf(m, "actor"))
		b.Actors = append(b.Actors, a)
		as = append(as, counterpoint.Assertion{
			Claim: claimID, Actor: a.ID, Source: str(m, "source"), Date: str(m, "date"),
			Attribution: counterpoint.Attribution(str(m, "attribution")),
		})
	}
	sort.Slice(as, func(i, j int) bool {
		x, y := as[i], as[j]
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		if x.Actor != y.Actor {
			return x.Actor < y.Actor
		}
		return x.Source < y.Source
	})
	b.Assertions[claimID] = as
}

func relationFromMap(m map[string]any) counterpoint.Relation {
	return counterpoint.Relation{
		Kind: counterpoint.RelationKind(str(m, "kind")), From: str(m, "from"), To: str(m, "to"),
		Note: str(m, "note"), Source: str(m, "source"),
	}
}

// relationLess orders relations as RelationsOf does: from, kind, to.
func relationLess(a, b counterpoint.Relation) bool {
	if a.From != b.From {
		return a.From < b.From
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.To < b.To
}

func recordList(rec *neo4j.Record, key string) []any {
	l, _, _ := neo4j.GetRecordValue[[]any](rec, key)
	return l
}

func mapOf(m map[string]any, key string) map[string]any {
	v, _ := m[key].(map[string]any)
	return v
}

func listOf(m map[string]any, key string) []any {
	v, _ := m[key].([]any)
	return v
}
