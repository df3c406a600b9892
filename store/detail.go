package store

import (
	"context"
	"slices"
	"strings"

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

// claimDetailPart is one thing the read-ahead reads of claim c: a name
// (a column of claimDetail, a key of a claims page's item) and the
// expression that reads it.
type claimDetailPart struct{ name, expr string }

// claimDetailParts are what the read-ahead reads of claim c, the
// relations with the given expression; claimDetail and the claims pages
// with detail read these same parts, as columns or as the keys of a map.
func claimDetailParts(relations string) []claimDetailPart {
	return []claimDetailPart{
		{"props", "properties(c)"},
		{"quotes", "CASE WHEN $quotes THEN " + quotesOf("c") + " END"},
		{"assertions", "CASE WHEN $assertions THEN " + assertionsOf("c") + " END"},
		{"relations", relations},
	}
}

// claimDetailColumns returns the parts as a RETURN's columns.
func claimDetailColumns(parts []claimDetailPart) string {
	cols := make([]string, len(parts))
	for i, p := range parts {
		cols[i] = p.expr + " AS " + p.name
	}
	return strings.Join(cols, ",\n  ")
}

// claimDetailMap returns the parts as one map, an item of a page.
func claimDetailMap(parts []claimDetailPart) string {
	keys := make([]string, len(parts))
	for i, p := range parts {
		keys[i] = p.name + ": " + p.expr
	}
	return "{\n    " + strings.Join(keys, ",\n    ") + "\n  }"
}

// allRelations reads every relation of claim c, when asked.
var allRelations = `CASE WHEN $relations THEN ` + relationsOf("c", relationExtras) + ` END`

// sidedRelations reads the relations of claim c of the kinds and
// directions in s (not none).
func sidedRelations(s readahead.Sides) string {
	var parts []string
	for _, outgoing := range []bool{true, false} {
		if kinds := s.Kinds(outgoing); len(kinds) > 0 {
			parts = append(parts, sidedRelationsOf("c", kinds, outgoing, relationExtras))
		}
	}
	return strings.Join(parts, " + ")
}

// claimDetailRelations returns the relations part for sides: every
// relation (behind $relations) for none, else those sides alone.
func claimDetailRelations(s readahead.Sides) string {
	if s == 0 {
		return allRelations
	}
	return sidedRelations(s)
}

// claimDetailByID starts from the claims with the given ids.
const claimDetailByID = `UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN `

// claimDetail reads claims by id with the parts a ClaimDetail asks for.
var claimDetail = claimDetailByID + claimDetailColumns(claimDetailParts(allRelations))

// claimDetailSides holds, for each set of relation kinds and directions
// that the fields rebuts ... qualifiedBy can select, the read-ahead that
// reads only those relations (and the claims at their other end), so that
// a page selecting rebuttedBy reads the incoming REBUTS and not every
// relation of every kind both ways. Built once from the constant parts and
// the fixed kinds, never from input.
var claimDetailSides = func() map[readahead.Sides]string {
	out := map[readahead.Sides]string{}
	for s := readahead.Sides(1); s <= readahead.AllSides; s++ {
		out[s] = claimDetailByID + claimDetailColumns(claimDetailParts(sidedRelations(s)))
	}
	return out
}()

// detailSides returns which statement reads d: the sides alone (with d
// then reading relations) when d selects some sides and not every
// relation, else none (claimDetail, every relation behind $relations).
func detailSides(d readahead.ClaimDetail) (readahead.ClaimDetail, readahead.Sides) {
	if !d.Relations && d.Sides != 0 {
		d.Relations = true
		return d, d.Sides
	}
	return d, 0
}

// detailParams are the parameters of the parts d asks for.
func detailParams(params map[string]any, d readahead.ClaimDetail) map[string]any {
	params["quotes"], params["assertions"], params["relations"] = d.Quotes, d.Assertions, d.Relations
	params["relatedQuotes"], params["relatedAssertions"] = d.RelatedQuotes, d.RelatedAssertions
	return params
}

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
	d, sides := detailSides(d)
	name, cypher := "claimDetail", claimDetail
	if sides != 0 {
		name, cypher = "claimDetailSides", claimDetailSides[sides]
	}
	res, err := db.read(ctx, name, cypher, detailParams(map[string]any{"ids": ids}, d))
	if err != nil {
		return b, err
	}
	for _, rec := range res.Records {
		if _, err := addClaimDetail(&b, recordFields(rec), d, sides); err != nil {
			return b, err
		}
	}
	return b, nil
}

// addClaimDetail adds to b a claim and what d asks of it, read from f's
// claimDetailParts (a record's columns or a page item's keys), sides being
// the sides its relations were read for (none: every relation); it
// returns the claim.
func addClaimDetail(b *readahead.Bundle, f *fields, d readahead.ClaimDetail, sides readahead.Sides) (counterpoint.Claim, error) {
	c, err := decodeClaim(f.any("props"))
	if f.err != nil {
		return c, f.err
	} else if err != nil {
		return c, err
	}
	b.Claims = append(b.Claims, c)
	if d.Quotes {
		if err := addQuotes(b, c.ID, f, "quotes"); err != nil {
			return c, err
		}
	}
	if d.Assertions {
		if err := addAssertions(b, c.ID, f, "assertions"); err != nil {
			return c, err
		}
	}
	if !d.Relations {
		return c, nil
	}
	items := f.list("relations")
	if f.err != nil {
		return c, f.err
	}
	rs, err := decodeRelations(items, func(item *fields, other counterpoint.Claim) error {
		if d.RelatedQuotes {
			if err := addQuotes(b, other.ID, item, "quotes"); err != nil {
				return err
			}
		}
		if d.RelatedAssertions {
			return addAssertions(b, other.ID, item, "assertions")
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	rels, others := sortedRelations(rs)
	if sides == 0 {
		b.Relations[c.ID] = rels
	} else {
		addSided(b, c.ID, rels, sides)
	}
	b.Claims = append(b.Claims, others...)
	return c, nil
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
		Relations: map[string][]counterpoint.Relation{}, Sided: map[readahead.Sided][]counterpoint.Relation{}, CountersBy: map[string][]counterpoint.Counter{},
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

// addSided records, for each side in sides, the complete list of claim's
// relations of that kind and direction, read from rels (in relationOrder).
func addSided(b *readahead.Bundle, claim string, rels []counterpoint.Relation, sides readahead.Sides) {
	sides.Each(func(kind counterpoint.RelationKind, outgoing bool) {
		var kept []counterpoint.Relation
		for _, r := range rels {
			if r.Kind == kind && (outgoing && r.From == claim || !outgoing && r.To == claim) &&
				!slices.ContainsFunc(kept, func(k counterpoint.Relation) bool { return k.Key() == r.Key() }) {
				kept = append(kept, r)
			}
		}
		b.Sided[readahead.Sided{Claim: claim, Kind: kind, Outgoing: outgoing}] = kept
	})
}
