package resolvers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

// fakeStore answers the few reads a test needs and records the arguments;
// calling anything else panics through the nil embedded interface.
type fakeStore struct {
	resolvers.Store
	chainQuery  *counterpoint.ChainQuery
	counterArgs *counterpoint.CounterFilter
	claimsCalls int
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

func (f *fakeStore) Chains(_ context.Context, q counterpoint.ChainQuery) ([]counterpoint.Chain, error) {
	f.chainQuery = &q
	return nil, nil
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
	r := resolvers.New(s)
	h := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: r}))
	h.AddTransport(transport.POST{})
	return client.New(r.Middleware(h))
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
	c.MustPost(`{ counters(against: "law-enforcement", includeMembers: true, first: 7) { note } }`, &resp)
	want := counterpoint.CounterFilter{Against: "law-enforcement", IncludeMembers: true, First: 7}
	if s.counterArgs == nil || *s.counterArgs != want {
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
