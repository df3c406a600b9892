package resolvers_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/counterpoint-news/counterpoint/graph"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/resolvers"
)

func TestSmoke(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	r := resolvers.New(db)
	h := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: r}))
	h.AddTransport(transport.POST{})
	srv := httptest.NewServer(r.Middleware(h))
	defer srv.Close()
	for _, q := range []string{
		`{ claim(id: "us-statement-will-not-deter-china-russia") { text assertedBy { name } quotes { text paragraph document { title } source { id } } rebuts { id text assertedBy { name } } } }`,
		`{ actor(id: "robert-litt") { name countered { counter { id } target { id } against { name } } memberOf { name } } }`,
		`{ search(text: "Really?") { score node { __typename id } } }`,
		`{ counters(against: "law-enforcement", includeMembers: true) { counter { id } target { id } by { name } against { name } } }`,
		`{ counterSummary { by { id } against { id } count } }`,
		`{ thread(claim: "disavow-option-in-paper", depth: 2) { claims { id } relations { kind from { id } to { id } } } }`,
		`{ chains(from: "robert-litt", to: "economic-trade-agency-officials", kinds: [REBUTS, SUPPORTS], directed: true) { hops claims { id } relations { kind from { id } to { id } } } }`,
		`{ subgraph(ids: ["robert-litt"], hops: 2, types: [ACTOR, CLAIM]) { nodes { __typename id } edges { type from to } truncated } }`,
		`{ claims(first: 3, filter: {dateFrom: "2015-07", dateTo: "2015-08"}) { totalCount pageInfo { hasNextPage endCursor } nodes { id date } } }`,
		`{ actors(first: 3, kind: ANONYMOUS) { totalCount nodes { id name anonymous } } }`,
	} {
		resp, err := srv.Client().Post(srv.URL, "application/json", strings.NewReader(`{"query":`+mustQuote(q)+`}`))
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		b, _ := json.Marshal(out)
		t.Logf("%s\n=> %s\n", q, b)
	}
}

func mustQuote(s string) string { b, _ := json.Marshal(s); return string(b) }
