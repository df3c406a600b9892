// Package e2e_test asks the API what journalists ask, over HTTP, against
// the real Neo4j seeded with the article's dataset.
package e2e_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/resolvers"
	"github.com/counterpoint-news/counterpoint/store"
)

// testToken and secondToken are the tokens of two curators, ana and ben,
// whom the test API accepts for mutations.
const (
	testToken   = "test-curator-token"
	secondToken = "second-curator-token"
)

// API is a running server over a test store.
type API struct {
	URL string
	DB  *store.DB
}

// Response is one GraphQL-over-HTTP answer.
type Response struct {
	Status int
	Body   map[string]any
	Raw    []byte
}

// Errors returns the response's errors, each as a map.
func (r Response) Errors() []map[string]any {
	list, _ := r.Body["errors"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, e := range list {
		out = append(out, e.(map[string]any))
	}
	return out
}

// Codes returns the extensions.code of every error.
func (r Response) Codes() []string {
	var codes []string
	for _, e := range r.Errors() {
		ext, _ := e["extensions"].(map[string]any)
		code, _ := ext["code"].(string)
		codes = append(codes, code)
	}
	return codes
}

// MustStartAPI serves the API over a freshly seeded test graph.
func MustStartAPI(tb testing.TB) *API {
	tb.Helper()
	db := neo4jtest.MustOpen(tb)
	neo4jtest.MustSeed(tb, db)
	srv := httptest.NewServer(newHandler(tb, db))
	tb.Cleanup(srv.Close)
	return &API{URL: srv.URL + "/graphql", DB: db}
}

// MustStartServingAPI is MustStartAPI with the resolvers' options as
// `serve` has them, for benchmarks of what a user waits for.
func MustStartServingAPI(tb testing.TB) *API {
	tb.Helper()
	db := neo4jtest.MustOpen(tb)
	neo4jtest.MustSeed(tb, db)
	srv := httptest.NewServer(newHandler(tb, db, []resolvers.Option{}...)) // none: serve's defaults
	tb.Cleanup(srv.Close)
	return &API{URL: srv.URL + "/graphql", DB: db}
}

// Post sends a query with optional variables and headers (name, value pairs).
func (a *API) Post(tb testing.TB, query string, vars map[string]any, headers ...string) Response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, a.URL, bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(tb, req)
}

func do(tb testing.TB, req *http.Request) Response {
	tb.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := Response{Status: resp.StatusCode, Raw: raw}
	if err := json.Unmarshal(raw, &r.Body); err != nil {
		tb.Fatalf("%s %s: response is not JSON (status %d): %s", req.Method, req.URL, resp.StatusCode, raw)
	}
	return r
}

// MustArticleText returns the article's text as the seed has it.
func MustArticleText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../data/sources/wapo-2015-encryption.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
