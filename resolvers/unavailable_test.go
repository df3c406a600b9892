package resolvers_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// TestBatchReadFailureIsStoreUnavailable: when the store fails a batch read
// of several keys, every nested field answers STORE_UNAVAILABLE, as the
// top-level reads do, never INTERNAL_SERVER_ERROR. (dataloadgen reads a
// batch that returns fewer values than keys as a bug of its own, which
// used to hide the store's error.)
func TestBatchReadFailureIsStoreUnavailable(t *testing.T) {
	// The top-level reads answer several nodes; every batch read (what
	// the loaders call) fails as the store does while Neo4j is down.
	s := storetest.MustGraph(t, []storetest.ClaimSpec{storetest.Claim("a", "claim a", "x"), storetest.Claim("b", "claim b", "y"), storetest.Claim("c", "claim c", "y")},
		counterpoint.Relation{Kind: counterpoint.Rebuts, From: "b", To: "a"},
		counterpoint.Relation{Kind: counterpoint.Supports, From: "c", To: "a"})
	s.Fail(storetest.Unavailable, "AuthorsOf", "QuotesByClaim", "AssertionsByClaim", "RelationsOf", "AboutByClaim", "ClaimsByID")
	api := resolvers.NewAPI(s)
	srv, err := server.New(server.Config{}, server.Deps{
		Schema: api.Schema, Middleware: api.Middleware,
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()

	for _, query := range []string{
		`{ sources { id authors { name } } }`,
		`{ thread(claim: "a") { claims { id quotes { text } assertedBy { name } about { name } } } }`,
		`{ thread(claim: "a") { claims { id rebuttedBy { id } } } }`,
		`{ thread(claim: "a") { relations { from { quotes { text } } to { assertedBy { name } } } } }`,
		`{ search(text: "claim") { node { ... on Claim { id quotes { text } } } } }`,
	} {
		body, _ := json.Marshal(map[string]any{"query": query})
		resp, err := http.Post(hs.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Errors []struct {
				Message    string
				Path       []any
				Extensions struct{ Code string }
			}
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		if len(out.Errors) < 2 {
			t.Errorf("%s: %d errors, want one per nested field of each item", query, len(out.Errors))
		}
		for _, e := range out.Errors {
			if e.Extensions.Code != server.CodeStoreUnavailable {
				t.Errorf("%s: error at %v: code %s (%q), want %s", query, e.Path, e.Extensions.Code, e.Message, server.CodeStoreUnavailable)
			}
		}
	}
}
