package e2e_test

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// TestBadInput sends every kind of bad request the API must refuse: each
// gets a GraphQL error with the expected extensions.code, and the graph is
// exactly as before.
func TestBadInput(t *testing.T) {
	api := MustStartAPI(t)
	before := neo4jtest.MustStats(t, api.DB)
	auth := []string{"Authorization", "Bearer " + testToken}
	start, end := articleOffsets(t, "Really?")
	claimInput := func(quote map[string]any, actor string) map[string]any {
		return map[string]any{"in": map[string]any{
			"id": "new-claim", "text": "A new claim.",
			"assertions": []any{map[string]any{"actor": actor, "source": "wapo-2015-encryption", "attribution": "REPORTED"}},
			"quotes":     []any{quote},
		}}
	}
	const upsertClaim = `mutation C($in: ClaimInput!) { upsertClaim(input: $in) { id } }`
	deep := "{ claim(id: \"keep-options-open\") { " + strings.Repeat("rebuts { ", 15) + "id" + strings.Repeat(" }", 15) + " } }"
	wide := "{ claims(first: 100) { nodes { " + strings.Repeat("rebuttedBy { rebuttedBy { rebuttedBy { assertedBy { countered { counter { id } } } } } } ", 3) + "} } }"

	tests := []struct {
		name     string
		query    string
		vars     map[string]any
		headers  []string
		wantCode string
		wantMsg  string
	}{
		{"mutation without credentials", `mutation { upsertActor(input: {id: "x", name: "X", kind: PERSON}) { id } }`, nil, nil, "UNAUTHENTICATED", ""},
		{"mutation with a wrong token", `mutation { upsertActor(input: {id: "x", name: "X", kind: PERSON}) { id } }`, nil, []string{"Authorization", "Bearer wrong"}, "UNAUTHENTICATED", ""},
		{"quote not in its source", upsertClaim, claimInput(map[string]any{"text": "Surely?", "source": "wapo-2015-encryption", "start": start, "end": end}, "robert-litt"), auth, "BAD_USER_INPUT", "nowhere in the source text"},
		{"quote at a wrong offset", upsertClaim, claimInput(map[string]any{"text": "Really?", "source": "wapo-2015-encryption", "start": start + 1, "end": end + 1}, "robert-litt"), auth, "BAD_USER_INPUT", "input.quotes[0]"},
		{"quote in a source without text", upsertClaim, claimInput(map[string]any{"text": "Really?", "source": "litt-email-2015-08", "start": start, "end": end}, "robert-litt"), auth, "BAD_USER_INPUT", "has no text"},
		{"unknown actor", upsertClaim, claimInput(map[string]any{"text": "Really?", "source": "wapo-2015-encryption", "start": start, "end": end}, "nobody"), auth, "BAD_USER_INPUT", `input.assertions[0].actor: unknown actor "nobody"`},
		{"id already used by another kind", `mutation { upsertActor(input: {id: "keep-options-open", name: "X", kind: PERSON}) { id } }`, nil, auth, "BAD_USER_INPUT", `input.id: id "keep-options-open" is already a claim, not an actor`},
		{"id that is not a slug", `mutation { upsertActor(input: {id: "Not A Slug", name: "X", kind: PERSON}) { id } }`, nil, auth, "BAD_USER_INPUT", "not a slug"},
		{"self-rebuttal", `mutation { addRelation(input: {kind: REBUTS, from: "keep-options-open", to: "keep-options-open"}) { kind } }`, nil, auth, "BAD_USER_INPUT", "itself"},
		{"relation to an unknown claim", `mutation { addRelation(input: {kind: REBUTS, from: "keep-options-open", to: "nope", inferred: true, note: "n"}) { kind } }`, nil, auth, "BAD_USER_INPUT", `input.to: unknown claim "nope"`},
		{"unknown relation kind in a variable", `mutation R($k: RelationKind!) { removeRelation(kind: $k, from: "a", to: "b") }`, map[string]any{"k": "REFUTES"}, auth, "BAD_USER_INPUT", ""},
		{"unknown relation kind in the query", `{ thread(claim: "keep-options-open", kinds: [REFUTES]) { root { id } } }`, nil, nil, "GRAPHQL_VALIDATION_FAILED", ""},
		{"malformed query", `{ claim(id: "x" { id }`, nil, nil, "GRAPHQL_PARSE_FAILED", ""},
		{"page too large", `{ claims(first: 1000) { totalCount } }`, nil, nil, "BAD_USER_INPUT", "first"},
		{"depth out of range", `{ thread(claim: "keep-options-open", depth: 50) { root { id } } }`, nil, nil, "BAD_USER_INPUT", "depth"},
		{"cursor from nowhere", `{ claims(after: "bm9wZQ") { totalCount } }`, nil, nil, "BAD_USER_INPUT", "cursor"},
		{"search without words", `{ search(text: "   ") { score } }`, nil, nil, "BAD_USER_INPUT", "word"},
		{"thread of an unknown claim", `{ thread(claim: "nope") { root { id } } }`, nil, nil, "NOT_FOUND", "nope"},
		{"chains from an unknown actor", `{ chains(from: "nobody", to: "robert-litt") { hops } }`, nil, nil, "NOT_FOUND", "nobody"},
		{"chains to an unknown actor", `{ chains(from: "robert-litt", to: "nobody") { hops } }`, nil, nil, "NOT_FOUND", `to: no actor has id "nobody"`},
		{"too deep a query", deep, nil, nil, "QUERY_TOO_COMPLEX", ""},
		{"too complex a query", wide, nil, nil, "QUERY_TOO_COMPLEX", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := api.Post(t, tt.query, tt.vars, tt.headers...)
			if !slices.Contains(resp.Codes(), tt.wantCode) {
				t.Fatalf("%s: codes %v, want %s; body %s", tt.query, resp.Codes(), tt.wantCode, resp.Raw)
			}
			var messages []string
			for _, e := range resp.Errors() {
				msg, _ := e["message"].(string)
				if ext, _ := e["extensions"].(map[string]any); ext["field"] != nil {
					msg = fmt.Sprint(ext["field"]) + ": " + msg
				}
				messages = append(messages, msg)
			}
			if tt.wantMsg != "" && !strings.Contains(strings.Join(messages, "\n"), tt.wantMsg) {
				t.Errorf("no error message says %q: %q", tt.wantMsg, messages)
			}
			if after := neo4jtest.MustStats(t, api.DB); after.Digest != before.Digest {
				t.Errorf("the graph changed: nodes %v -> %v, relationships %v -> %v", before.Nodes, after.Nodes, before.Relationships, after.Relationships)
			}
		})
	}

	t.Run("oversized body", func(t *testing.T) {
		body := `{"query":"{ __typename }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
		req, _ := http.NewRequest(http.MethodPost, api.URL, bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("a 2 MiB body got status %d, want 413 or 400", resp.StatusCode)
		}
	})
}
