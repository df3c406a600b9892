package e2e_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
	"github.com/counterpoint-news/counterpoint/store"
)

// MustStartCachedAPI is MustStartAPI with the response cache on
// (CACHE_ENABLED), as `serve` wires it.
func MustStartCachedAPI(tb testing.TB) *API {
	tb.Helper()
	db := neo4jtest.MustOpen(tb)
	neo4jtest.MustSeed(tb, db)
	api := resolvers.NewAPI(db)
	srv, err := server.New(server.Config{
		APITokens:    []string{"ana:" + testToken, "ben:" + secondToken},
		CacheEnabled: true,
	}, server.Deps{
		Schema: api.Schema, Ready: db.Ping, Middleware: api.Middleware, GraphVersion: db.GraphVersion,
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	tb.Cleanup(ts.Close)
	return &API{URL: ts.URL + "/graphql", DB: db}
}

// mustAnswer posts query and returns its data as JSON text and the
// Cypher round trips it cost, failing on any error.
func mustAnswer(tb testing.TB, api *API, query string, vars map[string]any, headers ...string) (string, int64) {
	tb.Helper()
	before := api.DB.RoundTrips()
	resp := api.Post(tb, query, vars, headers...)
	trips := api.DB.RoundTrips() - before
	if len(resp.Errors()) > 0 {
		tb.Fatalf("%s: %v", query, resp.Errors())
	}
	b, _ := json.Marshal(resp.Body["data"])
	return string(b), trips
}

// TestResponseCacheWriteInvalidates: a repeated query is answered from the
// cache (one round trip: the graph version), and a write through the API
// makes the next answer a fresh one.
func TestResponseCacheWriteInvalidates(t *testing.T) {
	api := MustStartCachedAPI(t)
	auth := []string{"Authorization", "Bearer " + testToken}
	const q = `query A($id: ID!) { actor(id: $id) { id name } }`
	vars := map[string]any{"id": "cache-probe"}
	if r := api.Post(t, `mutation { upsertActor(input: {id: "cache-probe", name: "First Name", kind: PERSON}) { id } }`, nil, auth...); len(r.Errors()) > 0 {
		t.Fatalf("upsertActor: %v", r.Errors())
	}
	first, _ := mustAnswer(t, api, q, vars)
	again, trips := mustAnswer(t, api, q, vars)
	if again != first || trips != 1 {
		t.Errorf("the same query again: %s in %d round trips; want %s from the cache, 1 round trip (the version)", again, trips, first)
	}
	if r := api.Post(t, `mutation { upsertActor(input: {id: "cache-probe", name: "Second Name", kind: PERSON}) { id } }`, nil, auth...); len(r.Errors()) > 0 {
		t.Fatalf("upsertActor: %v", r.Errors())
	}
	after, trips := mustAnswer(t, api, q, vars)
	if want := `{"actor":{"id":"cache-probe","name":"Second Name"}}`; after != want || trips < 2 {
		t.Errorf("after the write: %s in %d round trips; want %s, read from Neo4j", after, trips, want)
	}
}

// TestResponseCacheLoadInvalidates: a load by another process (another
// store connection, as `counterpoint load` has) makes the server's next
// answer a fresh one.
func TestResponseCacheLoadInvalidates(t *testing.T) {
	api := MustStartCachedAPI(t)
	const q = `query C($id: ID!) { claim(id: $id) { id text } }`
	vars := map[string]any{"id": "no-legislative-fix-now"}
	first, _ := mustAnswer(t, api, q, vars)
	if _, trips := mustAnswer(t, api, q, vars); trips != 1 {
		t.Fatalf("the same query again: %d round trips, want 1 (the version; the answer from the cache)", trips)
	}

	// The seed, exported and changed in one claim's text, loaded anew by a
	// loader with a connection of its own.
	dir := t.TempDir()
	file := MustExport(t, api.DB, "wapo-2015-encryption", dir)
	var ds map[string]any
	if err := json.Unmarshal(mustRead(t, file), &ds); err != nil {
		t.Fatal(err)
	}
	for _, c := range ds["claims"].([]any) {
		if c := c.(map[string]any); c["id"] == "no-legislative-fix-now" {
			c["text"] = "Officials backed away from a legislative fix (as loaded again)."
		}
	}
	b, _ := json.Marshal(ds)
	changed := filepath.Join(dir, "changed.json")
	if err := os.WriteFile(changed, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	other, err := store.Connect(neo4jtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)
	MustLoadFiles(t, other, changed)

	after, trips := mustAnswer(t, api, q, vars)
	if want := `{"claim":{"id":"no-legislative-fix-now","text":"Officials backed away from a legislative fix (as loaded again)."}}`; after != want || trips < 2 {
		t.Errorf("after the load: %s in %d round trips; want %s, read from Neo4j (before: %s)", after, trips, want, first)
	}
}

// TestResponseCacheScopes: callers with different tokens, or none, never
// get one another's answers.
func TestResponseCacheScopes(t *testing.T) {
	api := MustStartCachedAPI(t)
	const q = `{ editor }`
	for _, c := range []struct {
		name    string
		headers []string
		want    string
	}{
		{"ana", []string{"Authorization", "Bearer " + testToken}, `{"editor":"ana"}`},
		{"ben", []string{"Authorization", "Bearer " + secondToken}, `{"editor":"ben"}`},
		{"no token", nil, `{"editor":null}`},
		{"a made-up token", []string{"Authorization", "Bearer not-a-token-of-anyone"}, `{"editor":null}`},
		{"ana again", []string{"Authorization", "Bearer " + testToken}, `{"editor":"ana"}`},
		{"ben again", []string{"Authorization", "Bearer " + secondToken}, `{"editor":"ben"}`},
	} {
		if got, _ := mustAnswer(t, api, q, nil, c.headers...); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
