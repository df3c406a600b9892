package resolvers_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

// fakeStore answers the few reads a test needs and records the arguments;
// calling anything else fails with the method's name (unusedStore).
type fakeStore struct {
	unusedStore
	chainQuery  *counterpoint.ChainQuery
	counterArgs *counterpoint.CounterFilter
	claimsCalls int
	details     []readahead.ClaimDetail
	actorDetail []readahead.ActorDetail
}

// ClaimsWithDetail answers a read-ahead from the same fixed graph as
// RelationsOf and ClaimsByID: claim a with one quote, asserted by x; every
// other claim asserted by y.
func (f *fakeStore) ClaimsWithDetail(ctx context.Context, ids []string, d readahead.ClaimDetail) (readahead.Bundle, error) {
	f.details = append(f.details, d)
	b := readahead.Bundle{Quotes: map[string][]counterpoint.Quote{}, Assertions: map[string][]counterpoint.Assertion{}, Relations: map[string][]counterpoint.Relation{}}
	claims, _ := f.ClaimsByID(ctx, ids)
	b.Claims = append(b.Claims, claims...)
	asserted := func(id string) {
		who := "y"
		if id == "a" {
			who = "x"
		}
		b.Assertions[id] = []counterpoint.Assertion{{Claim: id, Actor: who, Source: "s", Attribution: counterpoint.OnRecord}}
		b.Actors = append(b.Actors, counterpoint.Actor{ID: who, Name: strings.ToUpper(who), Kind: counterpoint.ActorPerson})
	}
	for _, id := range ids {
		if d.Quotes {
			b.Quotes[id] = []counterpoint.Quote{{ID: id + ".q1", Claim: id, Text: "words of " + id, Source: "s", Start: 0, End: 8}}
		}
		if d.Assertions {
			asserted(id)
		}
		if d.Relations {
			rels, others, _ := f.RelationsOf(ctx, []string{id})
			b.Relations[id] = rels
			b.Claims = append(b.Claims, others...)
			for _, o := range others {
				if d.RelatedAssertions {
					asserted(o.ID)
				}
				if d.RelatedQuotes {
					b.Quotes[o.ID] = []counterpoint.Quote{{ID: o.ID + ".q1", Claim: o.ID, Text: "words of " + o.ID, Source: "s", Start: 0, End: 8}}
				}
			}
		}
	}
	return b, nil
}

// ActorsWithDetail answers for actor x: one counter, x's claim a rebutting
// y's claim b.
func (f *fakeStore) ActorsWithDetail(ctx context.Context, ids []string, d readahead.ActorDetail) (readahead.Bundle, error) {
	f.actorDetail = append(f.actorDetail, d)
	b := readahead.Bundle{Assertions: map[string][]counterpoint.Assertion{}, CountersBy: map[string][]counterpoint.Counter{}, CountersAgainst: map[string][]counterpoint.Counter{}}
	b.Actors, _ = f.ActorsByID(ctx, ids)
	b.Actors = append(b.Actors, counterpoint.Actor{ID: "y", Name: "Y", Kind: counterpoint.ActorPerson})
	b.Claims, _ = f.ClaimsByID(ctx, []string{"a", "b"})
	if d.Countered {
		b.CountersBy["x"] = []counterpoint.Counter{{Counter: "a", Target: "b"}}
	}
	if d.CounteredBy {
		b.CountersAgainst["x"] = []counterpoint.Counter{}
	}
	if d.CounterAssertions {
		b.Assertions["a"] = []counterpoint.Assertion{{Claim: "a", Actor: "x"}}
		b.Assertions["b"] = []counterpoint.Assertion{{Claim: "b", Actor: "y"}}
	}
	return b, nil
}

func (f *fakeStore) ActorsByID(_ context.Context, ids []string) ([]counterpoint.Actor, error) {
	var out []counterpoint.Actor
	for _, id := range ids {
		out = append(out, counterpoint.Actor{ID: id, Name: strings.ToUpper(id), Kind: counterpoint.ActorPerson})
	}
	return out, nil
}

func (f *fakeStore) ClaimsByID(_ context.Context, ids []string) ([]counterpoint.Claim, error) {
	var out []counterpoint.Claim
	for _, id := range ids {
		out = append(out, counterpoint.Claim{ID: id, Text: "text of " + id})
	}
	return out, nil
}

func (f *fakeStore) RelationsOf(_ context.Context, ids []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	return []counterpoint.Relation{
		{Kind: counterpoint.Rebuts, From: "a", To: "b", Note: "a rebuts b"},
		{Kind: counterpoint.Supports, From: "c", To: "a"},
		{Kind: counterpoint.Qualifies, From: "a", To: "d"},
	}, []counterpoint.Claim{{ID: "b", Text: "B"}, {ID: "c", Text: "C"}, {ID: "d", Text: "D"}}, nil
}

func (f *fakeStore) Chains(_ context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	f.chainQuery = &q
	return nil, nil, nil
}

func (f *fakeStore) Counters(_ context.Context, cf counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	f.counterArgs = &cf
	return nil, nil
}

func (f *fakeStore) Claims(context.Context, counterpoint.ClaimFilter, int, string) (counterpoint.Page[counterpoint.Claim], error) {
	f.claimsCalls++
	return counterpoint.Page[counterpoint.Claim]{}, nil
}

func newClient(s resolvers.Store) *client.Client {
	api := resolvers.NewAPI(s)
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	return client.New(api.Middleware(h))
}

func TestClaimRelationsByDirectionAndKind(t *testing.T) {
	c := newClient(&fakeStore{})
	tests := []struct {
		args string
		want string
	}{
		{``, "a-REBUTS->b c-SUPPORTS->a a-QUALIFIES->d "},
		{`(direction: OUTGOING)`, "a-REBUTS->b a-QUALIFIES->d "},
		{`(direction: INCOMING)`, "c-SUPPORTS->a "},
		{`(kinds: [REBUTS, SUPPORTS])`, "a-REBUTS->b c-SUPPORTS->a "},
		{`(direction: OUTGOING, kinds: [SUPPORTS])`, ""},
	}
	for _, tt := range tests {
		var resp struct {
			Claim struct {
				Relations []struct {
					Kind string
					From struct{ ID string }
					To   struct{ ID string }
				}
			}
		}
		c.MustPost(`{ claim(id: "a") { relations`+tt.args+` { kind from { id } to { id } } } }`, &resp)
		var got strings.Builder
		for _, r := range resp.Claim.Relations {
			got.WriteString(r.From.ID + "-" + r.Kind + "->" + r.To.ID + " ")
		}
		if got.String() != tt.want {
			t.Errorf("relations%s = %q, want %q", tt.args, got.String(), tt.want)
		}
	}
}

func TestRebutsAndRebuttedByComeFromOneLoad(t *testing.T) {
	c := newClient(&fakeStore{})
	var resp struct {
		Claim struct {
			Rebuts, RebuttedBy, SupportedBy, Qualifies []struct{ ID, Text string }
		}
	}
	c.MustPost(`{ claim(id: "a") { rebuts { id text } rebuttedBy { id text } supportedBy { id text } qualifies { id text } } }`, &resp)
	if len(resp.Claim.Rebuts) != 1 || resp.Claim.Rebuts[0].Text != "B" {
		t.Errorf("rebuts = %v, want claim b with the text read alongside the relation", resp.Claim.Rebuts)
	}
	if len(resp.Claim.RebuttedBy) != 0 {
		t.Errorf("rebuttedBy = %v, want none", resp.Claim.RebuttedBy)
	}
	if len(resp.Claim.SupportedBy) != 1 || resp.Claim.SupportedBy[0].ID != "c" {
		t.Errorf("supportedBy = %v, want c", resp.Claim.SupportedBy)
	}
	if len(resp.Claim.Qualifies) != 1 || resp.Claim.Qualifies[0].ID != "d" {
		t.Errorf("qualifies = %v, want d", resp.Claim.Qualifies)
	}
}

func TestChainsDefaults(t *testing.T) {
	s := &fakeStore{}
	c := newClient(s)
	var resp map[string]any
	c.MustPost(`{ chains(from: "x", to: "y") { hops } }`, &resp)
	want := counterpoint.ChainQuery{From: "x", To: "y", Kinds: []counterpoint.RelationKind{counterpoint.Rebuts}, Directed: true, MaxHops: 4, First: 5}
	if s.chainQuery == nil || s.chainQuery.From != want.From || s.chainQuery.To != want.To || len(s.chainQuery.Kinds) != 1 ||
		s.chainQuery.Kinds[0] != counterpoint.Rebuts || !s.chainQuery.Directed || s.chainQuery.MaxHops != 4 || s.chainQuery.First != 5 {
		t.Errorf("chains(from: x, to: y) asked the store for %+v, want %+v", s.chainQuery, want)
	}
}

func TestCountersPassesFilters(t *testing.T) {
	s := &fakeStore{}
	c := newClient(s)
	var resp map[string]any
	c.MustPost(`{ counters(against: "law-enforcement", includeMembers: true, first: 7, datasets: ["one", "two"]) { note } }`, &resp)
	want := counterpoint.CounterFilter{Against: "law-enforcement", IncludeMembers: true, First: 7, Datasets: counterpoint.Scope{"one", "two"}}
	if s.counterArgs == nil || !reflect.DeepEqual(*s.counterArgs, want) {
		t.Errorf("counters asked the store for %+v, want %+v", s.counterArgs, want)
	}
}

// TestArgumentsOutOfRangeNeverReachTheStore: a bad page size is refused
// with a message naming the argument, before any query.
func TestArgumentsOutOfRangeNeverReachTheStore(t *testing.T) {
	for _, q := range []string{
		`{ claims(first: 0) { totalCount } }`,
		`{ claims(first: 101) { totalCount } }`,
		`{ claims(first: 5, filter: {dateFrom: "July"}) { totalCount } }`,
	} {
		s := &fakeStore{}
		c := newClient(s)
		var resp map[string]any
		err := c.Post(q, &resp)
		if err == nil {
			t.Errorf("%s: no error", q)
			continue
		}
		if !strings.Contains(err.Error(), "first") && !strings.Contains(err.Error(), "dateFrom") {
			t.Errorf("%s: error %q names neither argument", q, err)
		}
		if s.claimsCalls != 0 {
			t.Errorf("%s: the store was called %d times", q, s.claimsCalls)
		}
	}
}

// TestReadAheadAsksForWhatTheSelectionReads: a claim's selection decides
// what the store reads with it, in one call; the nested fields are then
// answered from that call alone (the fake has no QuotesByClaim or
// AssertionsByClaim, so a fallback to the loaders would fail the request).
func TestReadAheadAsksForWhatTheSelectionReads(t *testing.T) {
	tests := []struct {
		selection string
		want      readahead.ClaimDetail
	}{
		{`id text`, readahead.ClaimDetail{}},
		{`quotes { text }`, readahead.ClaimDetail{Quotes: true}},
		{`assertedBy { name }`, readahead.ClaimDetail{Assertions: true}},
		{`... on Claim { assertions { attribution } }`, readahead.ClaimDetail{Assertions: true}},
		{`rebuts { id }`, readahead.ClaimDetail{Relations: true}},
		{`quotes { text } assertedBy { name } rebuttedBy { assertedBy { name } }`, readahead.ClaimDetail{Quotes: true, Assertions: true, Relations: true, RelatedAssertions: true}},
		// A relation's from or to may be the claim itself.
		{`relations { from { quotes { text } } }`, readahead.ClaimDetail{Quotes: true, Relations: true, RelatedQuotes: true}},
		{`...F } } fragment F on Claim { supportedBy { assertedBy { name }`, readahead.ClaimDetail{Relations: true, RelatedAssertions: true}},
	}
	for _, tt := range tests {
		s := &fakeStore{}
		c := newClient(s)
		var resp map[string]any
		q := `{ claim(id: "a") { ` + tt.selection + ` } }`
		if err := c.Post(q, &resp); err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		var got readahead.ClaimDetail
		if len(s.details) > 0 {
			got = s.details[0]
		}
		if len(s.details) > 1 || got != tt.want {
			t.Errorf("%s: read-ahead calls %+v, want one asking %+v", q, s.details, tt.want)
		}
	}
}

// TestReadAheadAnswersNestedFields: the claim selection of the benchmark
// and of the explorer's panel resolves from the read-ahead's data.
func TestReadAheadAnswersNestedFields(t *testing.T) {
	c := newClient(&fakeStore{})
	var resp struct {
		Claim struct {
			Quotes      []struct{ Text string }
			AssertedBy  []struct{ Name string }
			Supports    []struct{ ID string }
			SupportedBy []struct {
				ID         string
				AssertedBy []struct{ Name string }
			}
		}
	}
	c.MustPost(`{ claim(id: "a") { quotes { text } assertedBy { name } supports { id } supportedBy { id assertedBy { name } } } }`, &resp)
	got := resp.Claim
	if len(got.Quotes) != 1 || got.Quotes[0].Text != "words of a" || len(got.AssertedBy) != 1 || got.AssertedBy[0].Name != "X" {
		t.Errorf("claim a: quotes %v, assertedBy %v; want one quote \"words of a\" asserted by X", got.Quotes, got.AssertedBy)
	}
	if len(got.Supports) != 0 || len(got.SupportedBy) != 1 || got.SupportedBy[0].ID != "c" || len(got.SupportedBy[0].AssertedBy) != 1 || got.SupportedBy[0].AssertedBy[0].Name != "Y" {
		t.Errorf("claim a: supports %v, supportedBy %v; want none, and c asserted by Y", got.Supports, got.SupportedBy)
	}
}

// TestActorReadAhead: an actor's counters and both sides' asserters come
// from one read-ahead call.
func TestActorReadAhead(t *testing.T) {
	s := &fakeStore{}
	c := newClient(s)
	var resp struct {
		Actor struct {
			Countered []struct {
				Counter, Target struct{ ID string }
				By, Against     []struct{ Name string }
			}
		}
	}
	c.MustPost(`{ actor(id: "x") { countered { counter { id } target { id } by { name } against { name } } } }`, &resp)
	want := readahead.ActorDetail{Countered: true, CounterAssertions: true}
	if len(s.actorDetail) != 1 || s.actorDetail[0] != want {
		t.Errorf("read-ahead calls %+v, want one asking %+v", s.actorDetail, want)
	}
	cs := resp.Actor.Countered
	if len(cs) != 1 || cs[0].Counter.ID != "a" || cs[0].Target.ID != "b" || len(cs[0].By) != 1 || cs[0].By[0].Name != "X" || len(cs[0].Against) != 1 || cs[0].Against[0].Name != "Y" {
		t.Errorf("countered = %+v, want a (by X) countering b (by Y)", cs)
	}
}

// TestSchemaWithoutMiddlewareFails: served without the API's middleware,
// a query that needs the loaders fails instead of quietly making a query
// per item.
func TestSchemaWithoutMiddlewareFails(t *testing.T) {
	api := resolvers.NewAPI(&fakeStore{})
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	h.SetRecoverFunc(func(_ context.Context, p any) error { return fmt.Errorf("panic: %v", p) })
	c := client.New(h) // no api.Middleware
	var resp map[string]any
	err := c.Post(`{ claim(id: "a") { id } }`, &resp)
	if err == nil || !strings.Contains(err.Error(), "no loaders") {
		t.Errorf("claim without loaders: err = %v, want a panic that says the request has no loaders", err)
	}
}
