package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

// failingStore is a store whose every read and write fails as the real one
// does while Neo4j is down. The embedded interface keeps it compiling when
// the store gains a method; such a method, unimplemented here, would panic
// and show up as a 500.
type failingStore struct{ resolvers.Store }

var errDown = counterpoint.Errorf(counterpoint.EUNAVAILABLE, "the graph store is unavailable or too slow; try again")

func (failingStore) NodesByID(context.Context, []string) ([]counterpoint.Node, error) {
	return nil, errDown
}
func (failingStore) ActorsByID(context.Context, []string) ([]counterpoint.Actor, error) {
	return nil, errDown
}
func (failingStore) ClaimsByID(context.Context, []string) ([]counterpoint.Claim, error) {
	return nil, errDown
}
func (failingStore) SourcesByID(context.Context, []string) ([]counterpoint.Source, error) {
	return nil, errDown
}
func (failingStore) QuotesByClaim(context.Context, []string) ([]counterpoint.Quote, error) {
	return nil, errDown
}
func (failingStore) AssertionsByClaim(context.Context, []string) ([]counterpoint.Assertion, []counterpoint.Actor, error) {
	return nil, nil, errDown
}
func (failingStore) AssertionsByActor(context.Context, []string) ([]counterpoint.Assertion, []counterpoint.Claim, error) {
	return nil, nil, errDown
}
func (failingStore) RelationsOf(context.Context, []string) ([]counterpoint.Relation, []counterpoint.Claim, error) {
	return nil, nil, errDown
}
func (failingStore) AboutByClaim(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, errDown
}
func (failingStore) MembershipsOf(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, errDown
}
func (failingStore) AuthorsOf(context.Context, []string) ([]counterpoint.Link, []counterpoint.Actor, error) {
	return nil, nil, errDown
}
func (failingStore) CountersBy(context.Context, []string) ([]counterpoint.ActorCounter, error) {
	return nil, errDown
}
func (failingStore) CountersAgainst(context.Context, []string) ([]counterpoint.ActorCounter, error) {
	return nil, errDown
}
func (failingStore) SourceTexts(context.Context, []string) (map[string]string, error) {
	return nil, errDown
}
func (failingStore) ClaimsWithDetail(context.Context, []string, readahead.ClaimDetail) (readahead.Bundle, error) {
	return readahead.Bundle{}, errDown
}
func (failingStore) ActorsWithDetail(context.Context, []string, readahead.ActorDetail) (readahead.Bundle, error) {
	return readahead.Bundle{}, errDown
}
func (failingStore) Actors(context.Context, counterpoint.ActorFilter, int, string) (counterpoint.Page[counterpoint.Actor], error) {
	return counterpoint.Page[counterpoint.Actor]{}, errDown
}
func (failingStore) Claims(context.Context, counterpoint.ClaimFilter, int, string) (counterpoint.Page[counterpoint.Claim], error) {
	return counterpoint.Page[counterpoint.Claim]{}, errDown
}
func (failingStore) Sources(context.Context) ([]counterpoint.Source, error) { return nil, errDown }
func (failingStore) Search(context.Context, string, int, counterpoint.Scope) ([]counterpoint.SearchHit, error) {
	return nil, errDown
}
func (failingStore) Counters(context.Context, counterpoint.CounterFilter) ([]counterpoint.Counter, error) {
	return nil, errDown
}
func (failingStore) CounterSummary(context.Context, counterpoint.Scope, bool) ([]counterpoint.CounterSummary, error) {
	return nil, errDown
}
func (failingStore) Thread(context.Context, string, int, []counterpoint.RelationKind, counterpoint.Scope) (counterpoint.Thread, error) {
	return counterpoint.Thread{}, errDown
}
func (failingStore) Chains(context.Context, counterpoint.ChainQuery) ([]counterpoint.Chain, []counterpoint.Claim, error) {
	return nil, nil, errDown
}
func (failingStore) Subgraph(context.Context, counterpoint.SubgraphQuery) (counterpoint.Subgraph, error) {
	return counterpoint.Subgraph{}, errDown
}
func (failingStore) UpsertActor(context.Context, counterpoint.Actor) error   { return errDown }
func (failingStore) UpsertSource(context.Context, counterpoint.Source) error { return errDown }
func (failingStore) UpsertClaim(context.Context, counterpoint.Claim) error   { return errDown }
func (failingStore) AddRelation(context.Context, counterpoint.Relation) error {
	return errDown
}
func (failingStore) RemoveRelation(context.Context, counterpoint.Relation) (bool, error) {
	return false, errDown
}

const fuzzToken = "fuzz-token-0123456789abcdef"

// FuzzTransport sends arbitrary requests to /graphql through the real
// handler (server.New over the real schema, resolvers.NewAPI, on a store
// that fails every call): POST bodies with arbitrary content types, GET
// query strings, Accept headers, with and without a token. Nothing the
// client sends may cause a panic or a 500 (a 503 is the store's failure);
// every answer is a GraphQL response in JSON whose errors all have a code.
//
//	go test -run '^$' -fuzz FuzzTransport -fuzztime 3m ./server
func FuzzTransport(f *testing.F) {
	api := resolvers.NewAPI(failingStore{})
	cfg := server.DefaultConfig()
	cfg.RateLimit = 0
	cfg.APITokens = []string{fuzzToken}
	srv, err := server.New(cfg, server.Deps{Schema: api.Schema, Middleware: api.Middleware, Logger: discardLogger()})
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []struct {
		get                 bool
		contentType, accept string
		auth                bool
		body                string
	}{
		{false, "application/json", "", false, `{"query":"{ __typename }"}`},
		{false, "application/json", "application/graphql-response+json", false, `{"query":"{ claims(first: 2) { edges { node { id text quotes { text } } } } }"}`},
		{false, "application/json; charset=utf-8", "*/*", true, `{"query":"mutation($i: ActorInput!) { upsertActor(input: $i) { id } }","variables":{"i":{"id":"a","name":"A","kind":"PERSON"}}}`},
		{false, "application/json", "", false, `{"query":"query Q($id: ID!) { claim(id: $id) { id } }","operationName":"Q","variables":{"id":"x"}}`},
		{false, "application/json", "", false, `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}`},
		{false, "text/plain", "", false, `{"query":"{ __typename }"}`},
		{false, "application/json; charset=latin1", "text/html", false, `[]`},
		{true, "", "", false, "query=%7B+actors%28first%3A+1%29+%7B+totalCount+%7D+%7D"},
		{true, "", "application/graphql-response+json", false, "query=query+Q%28%24d%3A+Int%29+%7B+thread%28claim%3A+%22c%22%2C+depth%3A+%24d%29+%7B+claims+%7B+id+%7D+%7D+%7D&variables=%7B%22d%22%3A2%7D"},
		{true, "", "", false, "query=mutation+%7B+__typename+%7D"},
		{true, "", "", false, "query=%ff&variables=%5B%5D"},
	} {
		f.Add(seed.get, seed.contentType, seed.accept, seed.auth, seed.body)
	}
	f.Fuzz(func(t *testing.T, get bool, contentType, accept string, auth bool, body string) {
		var r *http.Request
		if get {
			r = httptest.NewRequest(http.MethodGet, "/graphql", nil)
			r.URL.RawQuery = body
		} else {
			r = httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
			r.Header.Set("Content-Type", contentType)
		}
		r.Header.Set("Accept", accept)
		if auth {
			r.Header.Set("Authorization", "Bearer "+fuzzToken)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code >= 500 && w.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d for %s %q (Content-Type %q, Accept %q): %s", w.Code, r.Method, body, contentType, accept, w.Body)
		}
		var resp struct {
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, body is not JSON: %v\n%s", w.Code, err, w.Body)
		}
		if w.Code != http.StatusOK && len(resp.Errors) == 0 {
			t.Fatalf("status %d without an error: %s", w.Code, w.Body)
		}
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			if code == "" || e.Message == "" {
				t.Fatalf("an error without a code or a message: %s", w.Body)
			}
			if code == server.CodeInternal {
				t.Fatalf("INTERNAL_SERVER_ERROR for %s %q (Content-Type %q): %s", r.Method, body, contentType, w.Body)
			}
		}
	})
}
