package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/bench/mix"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// costOf is the complexity gqlgen computes for query with vars, as the
// server's complexity limit sees it.
func costOf(t *testing.T, es graphql.ExecutableSchema, query string, vars map[string]any) int {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(es.Schema(), query, nil)
	if errs != nil {
		t.Fatalf("%s: %v", query, errs)
	}
	if len(doc.Operations) != 1 {
		t.Fatalf("%s: %d operations, want one", query, len(doc.Operations))
	}
	op := doc.Operations[0]
	coerced, err := validator.VariableValues(es.Schema(), op, vars)
	if err != nil {
		t.Fatalf("%s: variables %v: %v", query, vars, err)
	}
	return complexity.Calculate(context.Background(), es, op, coerced)
}

// aliased selects field n times under the aliases a0, a1, ...
func aliased(field string, n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d:%s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// expensive are the requests that passed the limits and starved other
// clients (issue 12): 1,000 aliases of a search, a deep subgraph and a deep
// thread, each cheap-looking on its own.
var expensive = map[string]string{
	"search(first: 1)":            aliased(`search(text:"encryption",first:1){score}`, 1000),
	"subgraph(hops: 4, limit: 1)": aliased(`subgraph(hops:4,limit:1){truncated}`, 1000),
	"thread(depth: 10)":           aliased(`thread(claim:"going-dark-risk",depth:10){__typename}`, 1000),
}

// TestExpensiveRequestsCostMoreThanTheLimit: by the complexity estimate
// alone (whatever the cap on root fields), each of the three is far over
// the default COMPLEXITY_LIMIT.
func TestExpensiveRequestsCostMoreThanTheLimit(t *testing.T) {
	es := resolvers.NewAPI(storetest.New()).Schema
	limit := server.DefaultConfig().ComplexityLimit
	for name, q := range expensive {
		if c := costOf(t, es, q, nil); c <= limit {
			t.Errorf("1,000 × %s costs %d, within the limit of %d", name, c, limit)
		}
	}
}

// TestPathQueriesCostByHowFarTheyWalk: thread's depth, chains' maxHops and
// subgraph's hops each raise the estimate, and any root field costs more
// than a store call's worth of fields.
func TestPathQueriesCostByHowFarTheyWalk(t *testing.T) {
	es := resolvers.NewAPI(storetest.New()).Schema
	tests := []struct{ near, far string }{
		{`{ thread(claim: "c", depth: 1) { root { id } } }`, `{ thread(claim: "c", depth: 10) { root { id } } }`},
		{`{ thread(claim: "c") { root { id } } }`, `{ thread(claim: "c", depth: 4) { root { id } } }`},
		{`{ chains(from: "a", to: "b", maxHops: 1) { hops } }`, `{ chains(from: "a", to: "b", maxHops: 8) { hops } }`},
		{`{ subgraph(ids: ["a"], hops: 1, limit: 1) { truncated } }`, `{ subgraph(ids: ["a"], hops: 4, limit: 1) { truncated } }`},
		{`{ subgraph(ids: ["a"], limit: 10) { truncated } }`, `{ subgraph(ids: ["a"], limit: 5000) { truncated } }`},
		{`{ claim(id: "c") { id } }`, `{ a: claim(id: "c") { id } b: claim(id: "d") { id } }`},
	}
	for _, tt := range tests {
		near, far := costOf(t, es, tt.near, nil), costOf(t, es, tt.far, nil)
		if far <= near {
			t.Errorf("%s costs %d, no more than %s (%d)", tt.far, far, tt.near, near)
		}
	}
	// A store call outweighs many fields: one claim costs more than the
	// fields it selects.
	if c := costOf(t, es, `{ claim(id: "c") { id text date } }`, nil); c < 4+50 {
		t.Errorf("one claim with three fields costs %d: a store call counts as little as a field", c)
	}
}

// TestKnownQueriesPassTheLimits: every golden journalist's question and
// every query of the benchmark's mix stays within the default complexity
// limit and the default cap on root fields, so that making cost follow the
// work refuses no one's real question.
func TestKnownQueriesPassTheLimits(t *testing.T) {
	es := resolvers.NewAPI(storetest.New()).Schema
	cfg := server.DefaultConfig()
	type known struct {
		name, query string
		vars        map[string]any
	}
	var queries []known
	files, err := filepath.Glob("../e2e/testdata/golden/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		queries = append(queries, known{filepath.Base(f), string(b), nil})
	}
	probes := &gen.Probes{Actors: []string{"a"}, Claims: []string{"c"}, ThreadRoots: []string{"c"}, Words: []string{"w"},
		Pairs: [][2]string{{"a", "b"}}, SubgraphSeeds: []string{"a"}, SmallSeeds: []string{"c"}}
	rng := rand.New(rand.NewSource(1))
	for _, q := range mix.Mix() {
		queries = append(queries, known{"bench mix " + q.Name, q.CP, q.CPVars(q.Pick(rng, probes))})
		if q.CheckParams != nil {
			for _, p := range q.CheckParams(probes) {
				queries = append(queries, known{"bench mix " + q.Name + " (check)", q.CP, q.CPVars(p)})
			}
		}
	}
	for _, k := range queries {
		c := costOf(t, es, k.query, k.vars)
		t.Logf("%-45s costs %5d of %d", k.name, c, cfg.ComplexityLimit)
		if c > cfg.ComplexityLimit {
			t.Errorf("%s costs %d, over the default COMPLEXITY_LIMIT of %d", k.name, c, cfg.ComplexityLimit)
		}
		doc, _ := gqlparser.LoadQueryWithRules(es.Schema(), k.query, nil)
		if n := len(doc.Operations[0].SelectionSet); n > cfg.MaxRootFields {
			t.Errorf("%s selects %d root fields, over the default MAX_ROOT_FIELDS of %d", k.name, n, cfg.MaxRootFields)
		}
	}
}

// TestExpensiveRequestsAreRefusedUnrun: through the real server with its
// default limits, each of the three requests is refused with
// QUERY_TOO_COMPLEX before the store is called once; with the cap on root
// fields lifted, the complexity limit alone refuses them.
func TestExpensiveRequestsAreRefusedUnrun(t *testing.T) {
	for _, cfg := range []struct {
		name string
		edit func(*server.Config)
	}{
		{"default limits", func(*server.Config) {}},
		{"root fields uncapped", func(c *server.Config) { c.MaxRootFields = 1 << 20 }},
	} {
		s := storetest.New()
		api := resolvers.NewAPI(s)
		conf := server.DefaultConfig()
		cfg.edit(&conf)
		srv, err := server.New(conf, server.Deps{Schema: api.Schema, Middleware: api.Middleware, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		hs := httptest.NewServer(srv)
		for name, q := range expensive {
			body, _ := json.Marshal(map[string]any{"query": q})
			resp, err := http.Post(hs.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			var out struct {
				Data   any
				Errors []struct {
					Message    string
					Extensions struct{ Code string }
				}
			}
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Errors) != 1 || out.Errors[0].Extensions.Code != server.CodeQueryTooComplex || out.Data != nil {
				t.Errorf("%s: 1,000 × %s: got %+v, want one QUERY_TOO_COMPLEX error and no data", cfg.name, name, out)
			}
		}
		hs.Close()
		if calls := s.Calls(); len(calls) != 0 {
			t.Errorf("%s: the store was called %d times for refused requests: %+v", cfg.name, len(calls), calls)
		}
	}
}

// TestOutOfRangeArgumentsAreLeftToTheResolvers: an argument beyond its
// maximum is the client's mistake, which the resolver names with
// BAD_USER_INPUT before any store call; the estimate counts it at the
// maximum instead of refusing the query as too complex.
func TestOutOfRangeArgumentsAreLeftToTheResolvers(t *testing.T) {
	es := resolvers.NewAPI(storetest.New()).Schema
	limit := server.DefaultConfig().ComplexityLimit
	for _, q := range []string{
		`{ thread(claim: "c", depth: 50) { root { id } } }`,
		`{ chains(from: "a", to: "b", maxHops: 1000, first: 1000) { hops } }`,
		`{ subgraph(ids: ["a"], hops: 99, limit: 2000000000) { truncated } }`,
		`{ claims(first: 2000000000) { nodes { id } } }`,
		`{ counters(first: -5) { note } }`,
	} {
		if c := costOf(t, es, q, nil); c > limit {
			t.Errorf("%s costs %d, over the limit of %d: refused as too complex instead of as bad input", q, c, limit)
		}
	}
}
