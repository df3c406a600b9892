package resolvers_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

func newClient(s resolvers.Store) *client.Client {
	api := resolvers.NewAPI(s)
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	return client.New(api.Middleware(h))
}

func TestClaimRelationsByDirectionAndKind(t *testing.T) {
	c := newClient(MustSmallGraph(t))
	tests := []struct {
		args string
		want string
	}{
		{``, "a-QUALIFIES->d a-REBUTS->b c-SUPPORTS->a"},
		{`(direction: OUTGOING)`, "a-QUALIFIES->d a-REBUTS->b"},
		{`(direction: INCOMING)`, "c-SUPPORTS->a"},
		{`(kinds: [REBUTS, SUPPORTS])`, "a-REBUTS->b c-SUPPORTS->a"},
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
		var got []string
		for _, r := range resp.Claim.Relations {
			got = append(got, r.From.ID+"-"+r.Kind+"->"+r.To.ID)
		}
		slices.Sort(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("relations%s = %q, want %q", tt.args, strings.Join(got, " "), tt.want)
		}
	}
}

func TestRebutsAndRebuttedByComeFromOneLoad(t *testing.T) {
	c := newClient(MustSmallGraph(t))
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
	s := MustSmallGraph(t)
	c := newClient(s)
	var resp map[string]any
	c.MustPost(`{ chains(from: "x", to: "y") { hops } }`, &resp)
	want := counterpoint.ChainQuery{From: "x", To: "y", Kinds: []counterpoint.RelationKind{counterpoint.Rebuts}, Directed: true, MaxHops: 4, First: 5}
	calls := s.Calls("Chains")
	if len(calls) != 1 || !reflect.DeepEqual(calls[0].Args[0], want) {
		t.Errorf("chains(from: x, to: y) asked the store %+v, want once for %+v", calls, want)
	}
}

func TestCountersPassesFilters(t *testing.T) {
	s := MustSmallGraph(t)
	c := newClient(s)
	var resp map[string]any
	c.MustPost(`{ counters(against: "y", includeMembers: true, first: 7, datasets: ["one", "two"]) { note } }`, &resp)
	want := counterpoint.CounterFilter{Against: "y", IncludeMembers: true, First: 7, Datasets: counterpoint.Scope{"one", "two"}}
	calls := s.Calls("Counters")
	if len(calls) != 1 || !reflect.DeepEqual(calls[0].Args[0], want) {
		t.Errorf("counters asked the store %+v, want once for %+v", calls, want)
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
		s := MustSmallGraph(t)
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
		if calls := s.Calls(); len(calls) != 0 {
			t.Errorf("%s: the store was called: %+v", q, calls)
		}
	}
}

// TestReadAheadAsksForWhatTheSelectionReads: a claim's selection decides
// what the store reads with it, in one call; the nested fields are then
// answered from that call alone: the store sees no other call.
func TestReadAheadAsksForWhatTheSelectionReads(t *testing.T) {
	rebuts, rebuttedBy := readahead.Side(counterpoint.Rebuts, true), readahead.Side(counterpoint.Rebuts, false)
	supports, supportedBy := readahead.Side(counterpoint.Supports, true), readahead.Side(counterpoint.Supports, false)
	qualifiedBy := readahead.Side(counterpoint.Qualifies, false)
	tests := []struct {
		selection string
		want      readahead.ClaimDetail
	}{
		{`id text`, readahead.ClaimDetail{}},
		{`quotes { text }`, readahead.ClaimDetail{Quotes: true}},
		{`assertedBy { name }`, readahead.ClaimDetail{Assertions: true}},
		{`... on Claim { assertions { attribution } }`, readahead.ClaimDetail{Assertions: true}},
		{`rebuts { id }`, readahead.ClaimDetail{Sides: rebuts}},
		{`quotes { text } assertedBy { name } rebuttedBy { assertedBy { name } }`, readahead.ClaimDetail{Quotes: true, Assertions: true, Sides: rebuttedBy, RelatedAssertions: true}},
		// A relation's from or to may be the claim itself.
		{`relations { from { quotes { text } } }`, readahead.ClaimDetail{Quotes: true, Relations: true, RelatedQuotes: true}},
		{`...F } } fragment F on Claim { supportedBy { assertedBy { name }`, readahead.ClaimDetail{Sides: supportedBy, RelatedAssertions: true}},
		// Each relation field adds its kind and direction; relations reads them all.
		{`rebuttedBy { id } supports { quotes { text } } qualifiedBy { id }`, readahead.ClaimDetail{Sides: rebuttedBy | supports | qualifiedBy, RelatedQuotes: true}},
		{`rebuttedBy { id } relations(kinds: [REBUTS]) { kind }`, readahead.ClaimDetail{Relations: true, Sides: rebuttedBy}},
	}
	for _, tt := range tests {
		s := MustSmallGraph(t)
		c := newClient(s)
		var resp map[string]any
		q := `{ claim(id: "a") { ` + tt.selection + ` } }`
		if err := c.Post(q, &resp); err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		calls := s.Calls()
		switch {
		case !tt.want.Any():
			// Nothing to read ahead: the claim alone, by id.
			if len(calls) != 1 || calls[0].Method != "ClaimsByID" {
				t.Errorf("%s: store calls %+v, want one ClaimsByID", q, calls)
			}
		case len(calls) != 1 || calls[0].Method != "ClaimsWithDetail" || calls[0].Args[1] != tt.want:
			t.Errorf("%s: store calls %+v, want one ClaimsWithDetail asking %+v", q, calls, tt.want)
		}
	}
}

// TestReadAheadAnswersNestedFields: the claim selection of the benchmark
// and of the explorer's panel resolves from the read-ahead's data.
func TestReadAheadAnswersNestedFields(t *testing.T) {
	c := newClient(MustSmallGraph(t))
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
	s := MustSmallGraph(t)
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
	calls := s.Calls()
	if len(calls) != 1 || calls[0].Method != "ActorsWithDetail" || calls[0].Args[1] != want {
		t.Errorf("store calls %+v, want one ActorsWithDetail asking %+v", calls, want)
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
	api := resolvers.NewAPI(MustSmallGraph(t))
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
