package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/counterpoint-news/counterpoint/server"
)

const (
	tokenOne = "token-one-0123456789abcdef"
	tokenTwo = "token-two-fedcba9876543210"
)

func TestMutationAuth(t *testing.T) {
	const rename = `mutation Rename { rename(id: "t.1", name: "renamed") { id name } }`
	tests := []struct {
		name    string
		tokens  []string
		auth    string // Authorization header
		accept  string
		query   string
		opName  string
		status  int
		code    string // "" when the mutation must run
		message string // the error message, when refused
	}{
		{name: "no header", tokens: []string{tokenOne}, query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED",
			message: "mutations need an Authorization: Bearer <token> header"},
		{name: "no header, application/json", tokens: []string{tokenOne}, query: rename, accept: mediaJSON, status: 200, code: "UNAUTHENTICATED"},
		{name: "wrong token", tokens: []string{tokenOne}, auth: "Bearer " + tokenOne + "x", query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED",
			message: "the bearer token is not valid"},
		{name: "token prefix", tokens: []string{tokenOne}, auth: "Bearer " + tokenOne[:10], query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED"},
		{name: "wrong scheme", tokens: []string{tokenOne}, auth: "Basic " + tokenOne, query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED"},
		{name: "bare token", tokens: []string{tokenOne}, auth: tokenOne, query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED"},
		{name: "empty bearer", tokens: []string{tokenOne}, auth: "Bearer ", query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED"},
		{name: "right token", tokens: []string{tokenOne}, auth: "Bearer " + tokenOne, query: rename, accept: mediaGQL, status: 200},
		{name: "right token, scheme in lower case", tokens: []string{tokenOne}, auth: "bearer " + tokenOne, query: rename, accept: mediaGQL, status: 200},
		{name: "second of two tokens", tokens: []string{tokenOne, tokenTwo}, auth: "Bearer " + tokenTwo, query: rename, accept: mediaGQL, status: 200},
		{name: "no tokens configured", auth: "Bearer " + tokenOne, query: rename, accept: mediaGQL, status: 401, code: "UNAUTHENTICATED",
			message: "mutations are disabled: this server has no API tokens configured"},
		{name: "query needs no token", tokens: []string{tokenOne}, query: "{ hello }", accept: mediaGQL, status: 200},
		{name: "query ignores a wrong token", tokens: []string{tokenOne}, auth: "Bearer nope", query: "{ hello }", accept: mediaGQL, status: 200},
		{name: "query chosen from a document with a mutation", tokens: []string{tokenOne}, query: "query Q { hello } " + rename, opName: "Q", accept: mediaGQL, status: 200},
		{name: "mutation chosen from a document with a query", tokens: []string{tokenOne}, query: "query Q { hello } " + rename, opName: "Rename", accept: mediaGQL, status: 401, code: "UNAUTHENTICATED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t, func(c *server.Config, _ *server.Deps) { c.APITokens = tt.tokens })
			params := map[string]any{"query": tt.query}
			if tt.opName != "" {
				params["operationName"] = tt.opName
			}
			body, _ := json.Marshal(params)
			got := ts.do(t, request{body: string(body), headers: map[string]string{"Accept": tt.accept, "Authorization": tt.auth}})
			if got.status != tt.status || got.firstCode() != tt.code {
				t.Fatalf("Authorization %q: status %d, code %q; want %d, %q\nbody: %s", tt.auth, got.status, got.firstCode(), tt.status, tt.code, got.body)
			}
			ran := ts.res.Mutations.Load()
			switch {
			case tt.code != "":
				if ran != 0 {
					t.Errorf("a refused mutation reached the resolver %d time(s)", ran)
				}
				if got.hasData() {
					t.Errorf("a refused mutation has a data entry: %s", got.body)
				}
				if tt.message != "" && got.firstMessage() != tt.message {
					t.Errorf("message = %q, want %q", got.firstMessage(), tt.message)
				}
				if got.status == 401 && got.header.Get("WWW-Authenticate") != `Bearer realm="counterpoint"` {
					t.Errorf("WWW-Authenticate = %q, want a Bearer challenge", got.header.Get("WWW-Authenticate"))
				}
			case tt.query == rename:
				if ran != 1 {
					t.Errorf("mutation reached the resolver %d time(s), want 1", ran)
				}
				if m, _ := got.data("rename").(map[string]any); m["name"] != "renamed" {
					t.Errorf("data.rename = %v, want the renamed thing", got.data("rename"))
				}
			}
		})
	}
}

func TestConfigValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(*server.Config)
	}{
		{name: "token with a space", edit: func(c *server.Config) { c.APITokens = []string{"0123456789 abcdef0123"} }},
		{name: "origin with a path", edit: func(c *server.Config) { c.CORSAllowedOrigins = []string{"https://example.org/app"} }},
		{name: "origin without scheme", edit: func(c *server.Config) { c.CORSAllowedOrigins = []string{"example.org"} }},
		{name: "write timeout below the request timeout", edit: func(c *server.Config) { c.RequestTimeout = time.Minute }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := server.DefaultConfig()
			tt.edit(&cfg)
			if _, err := server.New(cfg, server.Deps{Schema: newSchema()}); err == nil {
				t.Errorf("server.New(%+v) succeeded, want an error", cfg)
			}
		})
	}
}

// TestShortTokenIsRefused: a token of fewer than 16 characters can be
// guessed, so a server given one does not start.
func TestShortTokenIsRefused(t *testing.T) {
	cfg := server.DefaultConfig()
	cfg.APITokens = []string{"curator:test-token"}
	_, err := server.New(cfg, server.Deps{Schema: newSchema()})
	if err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("server.New with a 10-character token: %v, want an error asking for at least 16 characters", err)
	}
}
