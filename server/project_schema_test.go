package server_test

import (
	"os"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// TestProjectSchema runs the requests that need no store against the
// project's own executable schema, with the default limits: the standard
// introspection query (what GraphiQL, the explorer and the graphql-http
// audit send) fits the depth and complexity limits, a query that would fan
// out too far or nest too deep is refused, and a mutation without a token
// is refused before any resolver could reach the (absent) store.
func TestProjectSchema(t *testing.T) {
	introspection, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	// No store and no loader middleware: none of these requests may reach
	// a resolver that needs them.
	ts := newTestServer(t, func(c *server.Config, d *server.Deps) {
		c.APITokens = []string{tokenOne}
		d.Schema = resolvers.NewAPI(nil).Schema // as serve builds it, complexity functions included
		d.Middleware = nil
	})
	tests := []struct {
		name   string
		query  string
		status int
		code   string
	}{
		{name: "typename", query: "{ __typename }", status: 200},
		{name: "standard introspection query", query: string(introspection), status: 200},
		// Ten root fields, each a whole schema's worth: over the
		// introspection's share of the complexity limit.
		{name: "ten standard introspections at once", query: aliasedIntrospection(t, string(introspection), 10), status: 400, code: "QUERY_TOO_COMPLEX"},
		{name: "1,000 aliases of __schema", query: "{ " + aliases("__schema { queryType { name } }", 1000) + " }", status: 400, code: "QUERY_TOO_COMPLEX"},
		// Few fields asked, every field of every type answered, 100 times
		// over under aliases.
		{name: "an introspection that fans out", query: "{ __schema { types { " + aliases("fields { "+aliases("type { name }", 10)+"}", 10) + " } } }", status: 400, code: "QUERY_TOO_COMPLEX"},
		{name: "mutation without a token", query: `mutation { removeRelation(kind: REBUTS, from: "a", to: "b") }`, status: 401, code: "UNAUTHENTICATED"},
		{name: "too complex", query: "{ claims(first: 100) { nodes { " + strings.Repeat("rebuttedBy { rebuttedBy { rebuttedBy { assertedBy { countered { counter { id } } } } } } ", 3) + "} } }",
			status: 400, code: "QUERY_TOO_COMPLEX"},
		{name: "too deep", query: "{ claims { nodes { rebuts { rebuts { rebuts { rebuts { rebuts { rebuts { rebuts { rebuts { rebuts { rebuts { id } } } } } } } } } } } } }",
			status: 400, code: "QUERY_TOO_COMPLEX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ts.post(t, mediaGQL, map[string]any{"query": tt.query})
			if got.status != tt.status || got.firstCode() != tt.code {
				t.Fatalf("status %d, code %q; want %d, %q\nbody: %.500s\nlogs: %.1500s", got.status, got.firstCode(), tt.status, tt.code, got.body, ts.logs.String())
			}
		})
	}
}

// aliasedIntrospection is the standard introspection query with its
// __schema selected n times under aliases.
func aliasedIntrospection(tb testing.TB, query string, n int) string {
	tb.Helper()
	start := strings.Index(query, "__schema {")
	if start < 0 {
		tb.Fatal("the introspection query has no __schema")
	}
	depth, end := 0, -1
	for i := start + len("__schema "); i < len(query) && end < 0; i++ {
		switch query[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				end = i + 1
			}
		}
	}
	if end < 0 {
		tb.Fatal("the introspection query's __schema does not end")
	}
	return query[:start] + aliases(query[start:end], n) + query[end:]
}
