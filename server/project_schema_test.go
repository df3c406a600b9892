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
