package resolvers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// MustPageGraph holds n claims (c000, c001, ...), each asserted by x
// with two quotes, and each rebutted by a claim of y's (r000, ...), in the
// shared in-memory store, so that a benchmark over it measures GraphQL and
// nothing of Neo4j.
func MustPageGraph(tb testing.TB, n int) *storetest.Store {
	tb.Helper()
	var claims []storetest.ClaimSpec
	var rels []counterpoint.Relation
	for i := range n {
		c, r := fmt.Sprintf("c%03d", i), fmt.Sprintf("r%03d", i)
		claims = append(claims, storetest.ClaimSpec{ID: c, Text: fmt.Sprintf("Claim number %d, in neutral words of about this length.", i), Actor: "x", Quotes: 2}, storetest.Claim(r, "a rebuttal of "+c, "y"))
		rels = append(rels, counterpoint.Relation{Kind: counterpoint.Rebuts, From: r, To: c})
	}
	return storetest.MustGraph(tb, claims, rels...)
}

// The benchmark mix's claim selection.
const benchSelection = `id text date quotes { id text start end } assertedBy { id name } rebuttedBy { id text assertedBy { id name } }`

// BenchmarkClaimSelection measures what GraphQL costs on top of the store
// for the mix's claim question: parsing, validation, the read-ahead, nested
// resolution from the primed loaders and the JSON answer, with a store that
// answers at once.
// Reproduce: go test ./resolvers -run '^$' -bench . -benchmem
func BenchmarkClaimSelection(b *testing.B) {
	c := newClient(MustPageGraph(b, 50))
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
	c := newClient(MustPageGraph(b, 50))
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
	api := resolvers.NewAPI(MustPageGraph(b, 50))
	h := handler.New(api.Schema)
	h.AddTransport(transport.POST{})
	benchClaimsPage(b, api.Middleware(h), 50)
}

// BenchmarkClaimsPageServer is the mix's page of 50 claims through the
// whole serving layer as `serve` builds it (server.New: its transport, the
// limits, the complexity guard, the request log and metrics), with a
// store that answers at once: what GraphQL and HTTP cost per claim, with
// nothing of Neo4j. Its ns/claim and allocs/claim are the numbers to
// track. Reproduce:
//
//	go test ./resolvers -run '^$' -bench ClaimsPage -benchmem -count 5
func BenchmarkClaimsPageServer(b *testing.B) {
	api := resolvers.NewAPI(MustPageGraph(b, 50))
	srv, err := server.New(server.Config{RateLimit: 0}, server.Deps{
		Schema: api.Schema, Middleware: api.Middleware, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		b.Fatal(err)
	}
	benchClaimsPage(b, srv, 50)
}

// benchClaimsPage posts the mix's claims page of n claims to h over and
// over, and reports the cost per claim besides the cost per page.
func benchClaimsPage(b *testing.B, h http.Handler, n int) {
	body := `{"query":"query ClaimsPage($first: Int!) { claims(first: $first) { nodes { ` + benchSelection + ` } } }","variables":{"first":` + strconv.Itoa(n) + `}}`
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || w.Body.Len() < 200*n || strings.Contains(w.Body.String(), `"errors"`) {
			b.Fatalf("status %d, %d bytes: %.300s", w.Code, w.Body.Len(), w.Body.String())
		}
	}
	runtime.ReadMemStats(&after)
	per := float64(b.N) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/claim")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/per, "allocs/claim")
}

// MustThreadGraph holds 60 claims (t000 ... t059) and 80 relations: a
// binary tree of rebuttals under t000 (every claim within 5 steps of it)
// and 21 supports between siblings.
func MustThreadGraph(tb testing.TB) *storetest.Store {
	tb.Helper()
	var claims []storetest.ClaimSpec
	var rels []counterpoint.Relation
	id := func(i int) string { return fmt.Sprintf("t%03d", i) }
	for i := range 60 {
		claims = append(claims, storetest.Claim(id(i), fmt.Sprintf("Claim %d of the thread, in neutral words.", i), []string{"x", "y"}[i%2]))
		if i > 0 {
			rels = append(rels, counterpoint.Relation{Kind: counterpoint.Rebuts, From: id(i), To: id((i - 1) / 2)})
		}
	}
	for k := range 21 {
		rels = append(rels, counterpoint.Relation{Kind: counterpoint.Supports, From: id(2*k + 1), To: id(2*k + 2)})
	}
	return storetest.MustGraph(tb, claims, rels...)
}

// BenchmarkThread60 is the mix's thread question over 60 claims and 80
// relations, with a store that answers at once.
func BenchmarkThread60(b *testing.B) {
	c := newClient(MustThreadGraph(b))
	q := `{ thread(claim: "t000", depth: 5) { claims { id text } relations { kind from { id } to { id } } } }`
	var resp map[string]any
	c.MustPost(q, &resp)
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp)
	}
}

// MustCountersGraph holds actor x's 40 counters (c000 ... c039), each
// against a claim of y's (t000 ...).
func MustCountersGraph(tb testing.TB) *storetest.Store {
	tb.Helper()
	var claims []storetest.ClaimSpec
	var rels []counterpoint.Relation
	for i := range 40 {
		c, t := fmt.Sprintf("c%03d", i), fmt.Sprintf("t%03d", i)
		claims = append(claims, storetest.Claim(c, "a counter "+c, "x"), storetest.Claim(t, "its target "+t, "y"))
		rels = append(rels, counterpoint.Relation{Kind: counterpoint.Rebuts, From: c, To: t})
	}
	return storetest.MustGraph(tb, claims, rels...)
}

// BenchmarkActorCounters40 is the mix's actor-counters question over an
// actor with 40 counters, with a store that answers at once.
func BenchmarkActorCounters40(b *testing.B) {
	c := newClient(MustCountersGraph(b))
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

// answeredSubgraph is a store whose Subgraph gives one answer, worked out
// once, so that a benchmark of it measures GraphQL alone.
type answeredSubgraph struct {
	*storetest.Store
	answer counterpoint.Subgraph
}

func (s answeredSubgraph) Subgraph(context.Context, counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	return s.answer, nil
}

// BenchmarkSubgraph is the mix's subgraph question (its selection) over
// 1,000 claims (500 rebutted by the other 500), their quotes and actors, cut at 500
// nodes (333 edges), with a store that answers at once: what GraphQL costs per node and
// edge of a big answer. Reproduce:
//
//	go test ./resolvers -run '^$' -bench Subgraph -benchmem -count 5
func BenchmarkSubgraph(b *testing.B) {
	s := MustPageGraph(b, 500)
	sg, err := s.Subgraph(context.Background(), counterpoint.SubgraphQuery{Hops: 2, Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	c := newClient(answeredSubgraph{Store: s, answer: sg})
	q := `{ subgraph(hops: 2, limit: 500) {
  nodes { __typename id ... on Actor { name } ... on Claim { text } ... on Quote { text } ... on Source { title } }
  edges { type from to }
  truncated
} }`
	var resp map[string]any
	if err := c.Post(q, &resp); err != nil {
		b.Fatal(err)
	}
	got, _ := resp["subgraph"].(map[string]any)
	nodes, _ := got["nodes"].([]any)
	edges, _ := got["edges"].([]any)
	if len(nodes) != len(sg.Nodes) || len(edges) != len(sg.Edges) || len(sg.Edges) < 300 {
		b.Fatalf("%d nodes and %d edges, want the store's %d and %d (300 edges or more)", len(nodes), len(edges), len(sg.Nodes), len(sg.Edges))
	}
	b.ReportAllocs()
	for b.Loop() {
		c.MustPost(q, &resp)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(len(sg.Nodes)+len(sg.Edges))), "ns/element")
}
