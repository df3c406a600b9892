package server_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/server"
)

// nested returns { things { children { children ... { id } } } } with depth
// levels of fields in all (id included).
func nested(depth int) string {
	var b strings.Builder
	b.WriteString("{ things(first: 1) ")
	for i := 2; i < depth; i++ {
		b.WriteString("{ children(first: 1) ")
	}
	b.WriteString("{ id }")
	for i := 1; i < depth; i++ {
		b.WriteString(" }")
	}
	return b.String()
}

// nestedFragments is nested(depth) written with one named fragment per
// level.
func nestedFragments(depth int) string {
	var b strings.Builder
	b.WriteString("{ things(first: 1) { ...L2 } }\n")
	for i := 2; i < depth; i++ {
		next := fmt.Sprintf("...L%d", i+1)
		if i == depth-1 {
			next = "id"
		}
		fmt.Fprintf(&b, "fragment L%d on Thing { children(first: 1) { %s } }\n", i, next)
	}
	return b.String()
}

// exponential returns fragments F0..Fn where each spreads the next twice
// (under two aliases), so that expanding them naively takes 2^n steps.
func exponential(n int) string {
	var b strings.Builder
	b.WriteString("{ things(first: 1) { ...F0 } }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Thing { a: parent { ...F%d } b: parent { ...F%d } }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Thing { id }\n", n)
	return b.String()
}

func TestQueryLimits(t *testing.T) {
	introspection, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if d := strings.Count(nested(12), "{"); d != 12 {
		t.Fatalf("nested(12) has %d levels, want 12", d)
	}
	tests := []struct {
		name  string
		cfg   func(*server.Config)
		query string
		code  string // "" when the query must run
	}{
		{name: "depth at the limit", query: nested(12)},
		{name: "depth over the limit", query: nested(13), code: "QUERY_TOO_COMPLEX"},
		{name: "depth over the limit through fragments", query: nestedFragments(13), code: "QUERY_TOO_COMPLEX"},
		{name: "depth at the limit through fragments", query: nestedFragments(12)},
		{name: "depth over the limit through inline fragments", query: strings.Replace(nested(13), "{ id }", "{ ... on Thing { id } }", 1), code: "QUERY_TOO_COMPLEX"},
		{name: "lower MAX_DEPTH", cfg: func(c *server.Config) { c.MaxDepth = 3 }, query: nested(4), code: "QUERY_TOO_COMPLEX"},
		{name: "standard introspection query", query: string(introspection)},
		{name: "complexity over the limit (gqlgen's calculation)", cfg: func(c *server.Config) { c.ComplexityLimit = 50 },
			query: "{ things(first: 100) { id name } }", code: "QUERY_TOO_COMPLEX"},
		{name: "complexity under the limit", cfg: func(c *server.Config) { c.ComplexityLimit = 50 },
			query: "{ things(first: 10) { id name } }"},
		{name: "too many fields (the guard before gqlgen's calculation)", cfg: func(c *server.Config) { c.ComplexityLimit = 10 },
			query: "{ " + strings.Repeat("hello ", 6) + "a: hello b: hello c: hello d: hello e: hello f: hello }", code: "QUERY_TOO_COMPLEX"},
		{name: "exponential fragments are refused quickly", query: exponential(40), code: "QUERY_TOO_COMPLEX"},
		{name: "root fields at the limit", query: "{ " + aliases("hello", 10) + " }"},
		{name: "aliased root fields over the limit", query: "{ " + aliases("hello", 11) + " }", code: "QUERY_TOO_COMPLEX"},
		{name: "1,000 aliased root fields", cfg: func(c *server.Config) { c.ComplexityLimit = 1 << 20 },
			query: "{ " + aliases("hello", 1000) + " }", code: "QUERY_TOO_COMPLEX"},
		{name: "root fields over the limit through fragments", query: "{ ...A ...B } fragment A on Query { " + aliases("hello", 6) +
			" } fragment B on Query { " + strings.ReplaceAll(aliases("hello", 6), "a", "b") + " }", code: "QUERY_TOO_COMPLEX"},
		{name: "a field repeated under one name runs once", query: "{ " + strings.Repeat("hello ", 12) + "}"},
		{name: "__typename is not a store call", query: "{ " + aliases("hello", 10) + " __typename }"},
		// Introspection answers from the whole schema: each __schema or
		// __type is a root field, however cheap its selection looks.
		{name: "1,000 aliases of __schema", cfg: func(c *server.Config) { c.ComplexityLimit = 1 << 20 },
			query: "{ " + aliases("__schema { queryType { name } }", 1000) + " }", code: "QUERY_TOO_COMPLEX"},
		{name: "__type counts as a root field", query: "{ " + aliases("hello", 10) + ` __type(name: "Thing") { name } }`, code: "QUERY_TOO_COMPLEX"},
		{name: "__schema counts as a root field", query: "{ " + aliases("hello", 9) + " __schema { queryType { name } } }"},
		// Its answer's size counts, not its selection's: every type's
		// fields, listed, are many values from a few fields asked.
		{name: "an introspection answer over 4 times the complexity limit", cfg: func(c *server.Config) { c.ComplexityLimit = 20 },
			query: "{ __schema { types { name fields { name } } } }", code: "QUERY_TOO_COMPLEX"},
		{name: "an introspection answer within 4 times the complexity limit", cfg: func(c *server.Config) { c.ComplexityLimit = 20 },
			query: `{ __type(name: "Thing") { name } }`},
		{name: "lower MAX_ROOT_FIELDS", cfg: func(c *server.Config) { c.MaxRootFields = 2 }, query: "{ " + aliases("hello", 3) + " }", code: "QUERY_TOO_COMPLEX"},
		{name: "token limit", cfg: func(c *server.Config) { c.MaxTokens = 50 }, query: "{ " + strings.Repeat("hello ", 60) + "}", code: "QUERY_TOO_COMPLEX"},
		// A malformed document within the limit is still a parse failure.
		{name: "malformed", query: "{ hello ", code: "GRAPHQL_PARSE_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(c *server.Config, _ *server.Deps) {
				if tt.cfg != nil {
					tt.cfg(c)
				}
			})
			for _, accept := range []string{mediaJSON, mediaGQL} {
				got := ts.post(t, accept, map[string]any{"query": tt.query})
				wantStatus := 200
				if tt.code != "" && accept == mediaGQL {
					wantStatus = 400
				}
				if got.status != wantStatus || got.firstCode() != tt.code {
					t.Errorf("Accept %s: status %d, code %q; want %d, %q\nbody: %.500s", accept, got.status, got.firstCode(), wantStatus, tt.code, got.body)
				}
				if tt.code != "" && got.hasData() {
					t.Errorf("Accept %s: refused query has a data entry: %.300s", accept, got.body)
				}
			}
		})
	}
}

func TestIntrospectionSwitch(t *testing.T) {
	tests := []struct {
		name          string
		introspection *bool
		query         string
		code          string
	}{
		{name: "unset means on", introspection: nil, query: "{ __schema { queryType { name } } }"},
		{name: "on: __schema", introspection: new(true), query: "{ __schema { queryType { name } } }"},
		{name: "on: __type", introspection: new(true), query: `{ __type(name: "Thing") { name } }`},
		{name: "off: __schema", introspection: new(false), query: "{ __schema { queryType { name } } }", code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "off: __type in a fragment", introspection: new(false), query: `{ ...F } fragment F on Query { __type(name: "Thing") { name } }`, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "off: __typename still works", introspection: new(false), query: "{ __typename things { __typename } }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.Introspection = tt.introspection })
			got := ts.post(t, mediaGQL, map[string]any{"query": tt.query})
			if got.firstCode() != tt.code {
				t.Fatalf("code = %q, want %q\nbody: %s", got.firstCode(), tt.code, got.body)
			}
			if tt.code == "" && (got.status != 200 || !got.hasData()) {
				t.Errorf("status %d, body %s; want 200 with data", got.status, got.body)
			}
			if tt.code != "" && !strings.Contains(got.firstMessage(), "introspection is disabled") {
				t.Errorf("message = %q, want it to say introspection is disabled", got.firstMessage())
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.MaxBodyBytes = 1024 })
	small, _ := json.Marshal(map[string]any{"query": "{ hello }", "variables": map[string]any{"pad": strings.Repeat("x", 900)}})
	large, _ := json.Marshal(map[string]any{"query": "{ hello }", "variables": map[string]any{"pad": strings.Repeat("x", 2000)}})
	tests := []struct {
		name   string
		body   string
		status int
		code   string
	}{
		{name: "under the limit", body: string(small), status: 200},
		{name: "over the limit", body: string(large), status: 413, code: "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ts.do(t, request{body: tt.body})
			if got.status != tt.status || got.firstCode() != tt.code {
				t.Fatalf("%d-byte body: status %d, code %q; want %d, %q\nbody: %s", len(tt.body), got.status, got.firstCode(), tt.status, tt.code, got.body)
			}
			if tt.code != "" && !strings.Contains(got.firstMessage(), "1024 bytes") {
				t.Errorf("message = %q, want it to name the limit of 1024 bytes", got.firstMessage())
			}
		})
	}
}

// aliases selects field n times under the aliases a0, a1, ...
func aliases(field string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	return b.String()
}
