package resolvers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

// pageStore answers a claims page of any size, each claim with two quotes,
// one asserter and one rebutter (asserted by another actor), at once, so
// that a benchmark over it measures GraphQL and nothing of Neo4j.
type pageStore struct{ fakeStore }

func (s *pageStore) Claims(_ context.Context, _ counterpoint.ClaimFilter, first int, _ string) (counterpoint.Page[counterpoint.Claim], error) {
	var p counterpoint.Page[counterpoint.Claim]
	for i := range first {
		c := counterpoint.Claim{ID: fmt.Sprintf("c%03d", i), Text: fmt.Sprintf("Claim number %d, in neutral words of about this length.", i), Date: "2015-07"}
		p.Items = append(p.Items, c)
		p.Cursors = append(p.Cursors, c.ID)
	}
	p.Total = first
	return p, nil
}

func (s *pageStore) ClaimsWithDetail(_ context.Context, ids []string, d readahead.ClaimDetail) (readahead.Bundle, error) {
	b := readahead.Bundle{Quotes: map[string][]counterpoint.Quote{}, Assertions: map[string][]counterpoint.Assertion{}, Relations: map[string][]counterpoint.Relation{}}
	b.Actors = []counterpoint.Actor{{ID: "x", Name: "X", Kind: counterpoint.ActorPerson}, {ID: "y", Name: "Y", Kind: counterpoint.ActorAnonymous}}
	for _, id := range ids {
		r := id + "-r"
		b.Claims = append(b.Claims, counterpoint.Claim{ID: id, Text: "text of " + id}, counterpoint.Claim{ID: r, Text: "a rebuttal of " + id})
		b.Quotes[id] = []counterpoint.Quote{
			{ID: id + ".q1", Claim: id, Text: "the first words quoted", Source: "s", Start: 10, End: 32},
			{ID: id + ".q2", Claim: id, Text: "the second words quoted", Source: "s", Start: 40, End: 63},
		}
		b.Assertions[id] = []counterpoint.Assertion{{Claim: id, Actor: "x", Source: "s", Attribution: counterpoint.OnRecord}}
		b.Assertions[r] = []counterpoint.Assertion{{Claim: r, Actor: "y", Source: "s", Attribution: counterpoint.Anonymous}}
		b.Relations[id] = []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: r, To: id}}
	}
	return b, nil
}

// The benchmark mix's claim selection.
const benchSelection = `id text date quotes { id text start end } assertedBy { id name } rebuttedBy { id text assertedBy { id name } }`

// BenchmarkClaimSelection measures what GraphQL costs on top of the store
// for the mix's claim question: parsing, validation, the read-ahead, nested
// resolution from the primed loaders and the JSON answer, with a store that
// answers at once.
// Reproduce: go test ./resolvers -run '^$' -bench . -benchmem
func BenchmarkClaimSelection(b *testing.B) {
	c := newClient(&pageStore{})
	q := `query Claim($id: ID!) { claim(id: $id) { ` + benchSelection + ` } }`
	var resp map[string]any
	c.MustPost(q, &resp, client.Var("id", "c001"))
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp, client.Var("id", "c001"))
	}
}

// BenchmarkClaimsPage50 is the same for the mix's page of 50 claims.
func BenchmarkClaimsPage50(b *testing.B) {
	c := newClient(&pageStore{})
	q := `query ClaimsPage($first: Int!) { claims(first: $first) { nodes { ` + benchSelection + ` } } }`
	var resp map[string]any
	c.MustPost(q, &resp, client.Var("first", 50))
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp, client.Var("first", 50))
	}
}

// BenchmarkClaimsPage50Handler is BenchmarkClaimsPage50 without the test
// client's decoding of the answer: the handler alone, answer discarded.
func BenchmarkClaimsPage50Handler(b *testing.B) {
	api := resolvers.NewAPI(&pageStore{})
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	srv := api.Middleware(h)
	body := `{"query":"query ClaimsPage($first: Int!) { claims(first: $first) { nodes { ` + benchSelection + ` } } }","variables":{"first":50}}`
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK || w.Body.Len() < 10000 {
			b.Fatalf("status %d, %d bytes: %.300s", w.Code, w.Body.Len(), w.Body.String())
		}
	}
}

// threadStore answers a thread of 60 claims and 80 relations at once.
type threadStore struct{ fakeStore }

func (s *threadStore) Thread(_ context.Context, id string, _ int, _ []counterpoint.RelationKind, _ counterpoint.Scope) (counterpoint.Thread, error) {
	th := counterpoint.Thread{Root: id}
	for i := range 60 {
		th.Claims = append(th.Claims, counterpoint.Claim{ID: fmt.Sprintf("t%03d", i), Text: fmt.Sprintf("Claim %d of the thread, in neutral words.", i)})
	}
	for i := range 80 {
		th.Relations = append(th.Relations, counterpoint.Relation{Kind: counterpoint.Rebuts, From: fmt.Sprintf("t%03d", (i+1)%60), To: fmt.Sprintf("t%03d", i%60)})
	}
	return th, nil
}

// BenchmarkThread60 is the mix's thread question over 60 claims and 80
// relations, with a store that answers at once.
func BenchmarkThread60(b *testing.B) {
	c := newClient(&threadStore{})
	q := `{ thread(claim: "t000", depth: 5) { claims { id text } relations { kind from { id } to { id } } } }`
	var resp map[string]any
	c.MustPost(q, &resp)
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp)
	}
}

// countersStore answers the mix's actor-counters question for an actor who
// made 40 counters, each against a claim of another actor, at once.
type countersStore struct{ fakeStore }

func (s *countersStore) ActorsWithDetail(_ context.Context, ids []string, _ readahead.ActorDetail) (readahead.Bundle, error) {
	b := readahead.Bundle{Assertions: map[string][]counterpoint.Assertion{}, CountersBy: map[string][]counterpoint.Counter{}}
	b.Actors = []counterpoint.Actor{{ID: ids[0], Name: "X", Kind: counterpoint.ActorPerson}, {ID: "y", Name: "Y", Kind: counterpoint.ActorAnonymous}}
	for i := range 40 {
		c, t := fmt.Sprintf("c%03d", i), fmt.Sprintf("t%03d", i)
		b.Claims = append(b.Claims, counterpoint.Claim{ID: c, Text: "a counter " + c}, counterpoint.Claim{ID: t, Text: "its target " + t})
		b.Assertions[c] = []counterpoint.Assertion{{Claim: c, Actor: ids[0], Source: "s", Attribution: counterpoint.OnRecord}}
		b.Assertions[t] = []counterpoint.Assertion{{Claim: t, Actor: "y", Source: "s", Attribution: counterpoint.Anonymous}}
		b.CountersBy[ids[0]] = append(b.CountersBy[ids[0]], counterpoint.Counter{Counter: c, Target: t})
	}
	return b, nil
}

// BenchmarkActorCounters40 is the mix's actor-counters question over an
// actor with 40 counters, with a store that answers at once.
func BenchmarkActorCounters40(b *testing.B) {
	c := newClient(&countersStore{})
	q := `{ actor(id: "x") { id name countered { counter { id text } target { id text } against { id name } } } }`
	var resp map[string]any
	c.MustPost(q, &resp)
	countered, _ := resp["actor"].(map[string]any)["countered"].([]any)
	if len(countered) != 40 || len(countered[0].(map[string]any)["against"].([]any)) != 1 {
		b.Fatalf("%d counters (%v), want 40, each against one actor", len(countered), countered)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp)
	}
}
