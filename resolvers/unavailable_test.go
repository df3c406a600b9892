package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// outageStore answers the top-level reads with several nodes, and fails
// every batch read (what the loaders call) as the store does while Neo4j
// is down.
type outageStore struct{ unusedStore }

var errOutage = counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again")

func (outageStore) Sources(context.Context) ([]counterpoint.Source, error) {
	return []counterpoint.Source{{ID: "s1", Title: "S1"}, {ID: "s2", Title: "S2"}, {ID: "s3", Title: "S3"}}, nil
}

func (outageStore) Thread(context.Context, string, int, []counterpoint.RelationKind, counterpoint.Scope) (counterpoint.Thread, error) {
	return counterpoint.Thread{
		Claims:    []counterpoint.Claim{{ID: "a", Text: "A"}, {ID: "b", Text: "B"}, {ID: "c", Text: "C"}},
		Relations: []counterpoint.Relation{{Kind: counterpoint.Rebuts, From: "b", To: "a"}, {Kind: counterpoint.Supports, From: "c", To: "a"}},
	}, nil
}

func (outageStore) Counters(context.Context, counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	return []counterpoint.Counter{{Counter: "a", Target: "b"}, {Counter: "c", Target: "d"}}, nil
}

func (outageStore) Search(context.Context, string, int, counterpoint.Scope) ([]counterpoint.SearchHit, error) {
	return []counterpoint.SearchHit{
		{Score: 2, Node: &counterpoint.Claim{ID: "a", Text: "A"}},
		{Score: 1, Node: &counterpoint.Claim{ID: "b", Text: "B"}},
	}, nil
}

func (outageStore) AuthorsOf(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, errOutage
}
func (outageStore) QuotesByClaim(context.Context, []string) ([]counterpoint.Quote, error) {
	return nil, errOutage
}
func (outageStore) AssertionsByClaim(context.Context, []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	return nil, nil, errOutage
}
func (outageStore) RelationsOf(context.Context, []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	return nil, nil, errOutage
}
func (outageStore) AboutByClaim(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, errOutage
}
func (outageStore) ClaimsByID(context.Context, []string) ([]counterpoint.Claim, error) {
	return nil, errOutage
}

// TestBatchReadFailureIsStoreUnavailable: when the store fails a batch read
// of several keys, every nested field answers STORE_UNAVAILABLE, as the
// top-level reads do, never INTERNAL_SERVER_ERROR. (dataloadgen reads a
// batch that returns fewer values than keys as a bug of its own, which
// used to hide the store's error.)
func TestBatchReadFailureIsStoreUnavailable(t *testing.T) {
	api := resolvers.NewAPI(outageStore{})
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
		`{ search(text: "x") { node { ... on Claim { id quotes { text } } } } }`,
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
