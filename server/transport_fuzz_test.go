package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/storetest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/server"
)

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
	// A store whose every read and write fails as the real one does while
	// Neo4j is down.
	down := storetest.New()
	down.Fail(storetest.Unavailable)
	api := resolvers.NewAPI(down)
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
