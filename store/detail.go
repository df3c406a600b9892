package store

import (
	"context"
	"slices"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// Read-ahead queries: when the API knows a request's selection before it
// resolves it, one of these reads the nodes and everything the selection
// asks of them in a single statement, instead of one statement per level
// of nesting. Each part is behind a boolean parameter: Cypher's CASE only
// evaluates the branch it takes, so a part not asked for costs nothing.

// relationExtras is what the read-ahead adds to each relation: the quotes
// and assertions of the claim at its other end, when asked.
var relationExtras = `,
      quotes: CASE WHEN $relatedQuotes THEN ` + quotesOf("o") + ` END,
      assertions: CASE WHEN $relatedAssertions THEN ` + assertionsOf("o") + ` END`

// claimDetail reads claims by id with the parts a ClaimDetail asks for.
var claimDetail = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN properties(c) AS props,
  CASE WHEN $quotes THEN ` + quotesOf("c") + ` END AS quotes,
  CASE WHEN $assertions THEN ` + assertionsOf("c") + ` END AS assertions,
  CASE WHEN $relations THEN ` + relationsOf("c", relationExtras) + ` END AS relations`

// counterExtras is what the read-ahead adds to each counter: who asserted
// its two claims, when asked.
var counterExtras = `,
      counterAssertions: CASE WHEN $counterAssertions THEN ` + assertionsOf("cc") + ` END,
      targetAssertions: CASE WHEN $counterAssertions THEN ` + assertionsOf("t") + ` END`

// actorDetail reads actors by id with the parts an ActorDetail asks for.
var actorDetail = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN properties(a) AS props,
  CASE WHEN $countered THEN ` + countersOf(countersMade, true, counterExtras) + ` END AS countered,
  CASE WHEN $counteredBy THEN ` + countersOf(countersReceived, true, counterExtras) + ` END AS counteredBy`

// ClaimsWithDetail reads the claims with the given ids and, in the same
// statement, what d asks for. Claims that do not exist are left out.
func (db *DB) ClaimsWithDetail(ctx context.Context, ids []string, d readahead.ClaimDetail) (readahead.Bundle, error) {
	b := newBundle()
	res, err := db.read(ctx, "claimDetail", claimDetail, map[string]any{
		"ids": ids, "quotes": d.Quotes, "assertions": d.Assertions, "relations": d.Relations,
		"relatedQuotes": d.RelatedQuotes, "relatedAssertions": d.RelatedAssertions,
	})
	if err != nil {
		return b, err
	}
	for _, rec := range res.Records {
		f := recordFields(rec)
		c, err := decodeClaim(f.any("props"))
		if f.err != nil {
			return b, f.err
		} else if err != nil {
			return b, err
		}
		b.Claims = append(b.Claims, c)
		if d.Quotes {
			if err := addQuotes(&b, c.ID, f, "quotes"); err != nil {
				return b, err
			}
		}
		if d.Assertions {
			if err := addAssertions(&b, c.ID, f, "assertions"); err != nil {
				return b, err
			}
		}
		if !d.Relations {
			continue
		}
		items := f.list("relations")
		if f.err != nil {
			return b, f.err
		}
		rs, err := decodeRelations(items, func(item *fields, other counterpoint.Claim) error {
			if d.RelatedQuotes {
				if err := addQuotes(&b, other.ID, item, "quotes"); err != nil {
					return err
				}
			}
			if d.RelatedAssertions {
				return addAssertions(&b, other.ID, item, "assertions")
			}
			return nil
		})
		if err != nil {
			return b, err
		}
		rels, others := sortedRelations(rs)
		b.Relations[c.ID] = rels
		b.Claims = append(b.Claims, others...)
	}
	return b, nil
}

// ActorsWithDetail reads the actors with the given ids and, in the same
// statement, what d asks for. Actors that do not exist are left out.
func (db *DB) ActorsWithDetail(ctx context.Context, ids []string, d readahead.ActorDetail) (readahead.Bundle, error) {
	b := newBundle()
	res, err := db.read(ctx, "actorDetail", actorDetail, map[string]any{
		"ids": ids, "countered": d.Countered, "counteredBy": d.CounteredBy, "counterAssertions": d.CounterAssertions,
	})
	if err != nil {
		return b, err
	}
	for _, rec := range res.Records {
		f := recordFields(rec)
		a, err := decodeActor(f.any("props"))
		if f.err != nil {
			return b, f.err
		} else if err != nil {
			return b, err
		}
		b.Actors = append(b.Actors, a)
		for _, side := range []struct {
			asked  bool
			column string
			into   map[string][]counterpoint.Counter
		}{{d.Countered, "countered", b.CountersBy}, {d.CounteredBy, "counteredBy", b.CountersAgainst}} {
			if !side.asked {
				continue
			}
			items := f.list(side.column)
			if f.err != nil {
				return b, f.err
			}
			counters, err := addCounters(&b, a.ID, items, d.CounterAssertions)
			if err != nil {
				return b, err
			}
			side.into[a.ID] = counters
		}
	}
	return b, nil
}

func newBundle() readahead.Bundle {
	return readahead.Bundle{
		Quotes: map[string][]counterpoint.Quote{}, Assertions: map[string][]counterpoint.Assertion{},
		Relations: map[string][]counterpoint.Relation{}, CountersBy: map[string][]counterpoint.Counter{},
		CountersAgainst: map[string][]counterpoint.Counter{},
	}
}

// addCounters adds the claims (and, when asked, their assertions) of
// actor's counters to b and returns the counters, in counterOrder.
func addCounters(b *readahead.Bundle, actor string, items []any, withAssertions bool) ([]counterpoint.Counter, error) {
	counters := make([]counterpoint.ActorCounter, 0, len(items))
	for _, item := range items {
		c, f := decodeCounter(actor, item)
		counter, err := decodeClaim(f.any("counter"))
		if err != nil {
			return nil, err
		}
		target, err := decodeClaim(f.any("target"))
		if err != nil {
			return nil, err
		}
		b.Claims = append(b.Claims, counter, target)
		if withAssertions {
			if err := addAssertions(b, counter.ID, f, "counterAssertions"); err != nil {
				return nil, err
			}
			if err := addAssertions(b, target.ID, f, "targetAssertions"); err != nil {
				return nil, err
			}
		}
		if f.err != nil {
			return nil, f.err
		}
		counters = append(counters, c)
	}
	slices.SortStableFunc(counters, counterOrder)
	out := make([]counterpoint.Counter, len(counters))
	for i, c := range counters {
		out[i] = c.Counter
	}
	return out, nil
}

// addQuotes records the complete list of a claim's quotes, read from
// f's key, in quoteOrder.
func addQuotes(b *readahead.Bundle, claimID string, f *fields, key string) error {
	items := f.list(key)
	if f.err != nil {
		return f.err
	}
	qs, err := decodeQuotes(claimID, items)
	if err != nil {
		return err
	}
	b.Quotes[claimID] = sortedQuotes(qs)
	return nil
}

// addAssertions records the complete list of who asserted a claim, read
// from f's key, in assertionOrder, with the actors.
func addAssertions(b *readahead.Bundle, claimID string, f *fields, key string) error {
	items := f.list(key)
	if f.err != nil {
		return f.err
	}
	as, err := decodeAssertions(claimID, items)
	if err != nil {
		return err
	}
	assertions, actors := sortedAssertions(as)
	b.Assertions[claimID] = assertions
	b.Actors = append(b.Actors, actors...)
	return nil
}
