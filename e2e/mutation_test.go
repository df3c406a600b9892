package e2e_test

import (
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// articleOffsets returns the code-point offsets of words in the article.
func articleOffsets(tb testing.TB, words string) (int, int) {
	tb.Helper()
	text := []rune(MustArticleText(tb))
	w := []rune(words)
	for i := 0; i+len(w) <= len(text); i++ {
		if string(text[i:i+len(w)]) == words {
			return i, i + len(w)
		}
	}
	tb.Fatalf("%q is not in the article", words)
	return 0, 0
}

// TestCuratorMutations: a curator adds an actor, a claim quoting the
// article, and a relation; each is visible to the next read, and removing
// the relation removes it.
func TestCuratorMutations(t *testing.T) {
	api := MustStartAPI(t)
	seededQuotes := neo4jtest.MustStats(t, api.DB).Nodes["Quote"]
	auth := []string{"Authorization", "Bearer " + testToken}

	resp := api.Post(t, `mutation { upsertActor(input: {id: "some-white-house-aides", name: "some White House aides", kind: COLLECTIVE}) { id name kind anonymous } }`, nil, auth...)
	if len(resp.Errors()) > 0 {
		t.Fatalf("upsertActor: %v", resp.Errors())
	}

	start, end := articleOffsets(t, "Some White House aides had hoped to have a report on the issue to give to the president months ago.")
	resp = api.Post(t, `mutation Add($in: ClaimInput!) { upsertClaim(input: $in) { id dataset assertedBy { id } quotes { text start end source { id } } } }`, map[string]any{
		"in": map[string]any{
			"id": "report-hoped-for-months-ago", "text": "A report on the issue was hoped to reach the president months ago.", "date": "2015",
			"assertions": []any{map[string]any{"actor": "some-white-house-aides", "source": "wapo-2015-encryption", "attribution": "REPORTED"}},
			"quotes":     []any{map[string]any{"text": "Some White House aides had hoped to have a report on the issue to give to the president months ago.", "source": "wapo-2015-encryption", "start": start, "end": end}},
		},
	}, auth...)
	if len(resp.Errors()) > 0 {
		t.Fatalf("upsertClaim: %v", resp.Errors())
	}
	claim := resp.Body["data"].(map[string]any)["upsertClaim"].(map[string]any)
	if claim["dataset"] != "curated" || len(claim["quotes"].([]any)) != 1 || len(claim["assertedBy"].([]any)) != 1 {
		t.Errorf("upsertClaim returned %v; want dataset curated, one quote, one asserter", claim)
	}

	resp = api.Post(t, `mutation { addRelation(input: {kind: SUPPORTS, from: "report-hoped-for-months-ago", to: "policy-is-hard-to-reach", inferred: true, note: "delay"}) { kind from { id } to { id } note inferred } }`, nil, auth...)
	if len(resp.Errors()) > 0 {
		t.Fatalf("addRelation: %v", resp.Errors())
	}
	read := `{ claim(id: "policy-is-hard-to-reach") { supportedBy { id } } }`
	if got := api.Post(t, read, nil); !strings.Contains(string(got.Raw), "report-hoped-for-months-ago") {
		t.Errorf("after addRelation, %s = %s; want the new supporter", read, got.Raw)
	}
	resp = api.Post(t, `mutation { removeRelation(kind: SUPPORTS, from: "report-hoped-for-months-ago", to: "policy-is-hard-to-reach") }`, nil, auth...)
	if removed := resp.Body["data"].(map[string]any)["removeRelation"]; removed != true {
		t.Errorf("removeRelation = %v, want true", removed)
	}
	if got := api.Post(t, read, nil); strings.Contains(string(got.Raw), "report-hoped-for-months-ago") {
		t.Errorf("after removeRelation, %s = %s; want the supporter gone", read, got.Raw)
	}
	resp = api.Post(t, `mutation { removeRelation(kind: SUPPORTS, from: "report-hoped-for-months-ago", to: "policy-is-hard-to-reach") }`, nil, auth...)
	if removed := resp.Body["data"].(map[string]any)["removeRelation"]; removed != false {
		t.Errorf("second removeRelation = %v, want false", removed)
	}

	// Replacing the claim keeps one quote, not two.
	resp = api.Post(t, `mutation Add($in: ClaimInput!) { upsertClaim(input: $in) { quotes { id } } }`, map[string]any{
		"in": map[string]any{
			"id": "report-hoped-for-months-ago", "text": "A report was hoped for months ago.",
			"assertions": []any{map[string]any{"actor": "some-white-house-aides", "source": "wapo-2015-encryption", "attribution": "REPORTED"}},
			"quotes":     []any{map[string]any{"text": "Some White House aides had hoped to have a report on the issue to give to the president months ago.", "source": "wapo-2015-encryption", "start": start, "end": end}},
		},
	}, auth...)
	st := neo4jtest.MustStats(t, api.DB)
	if len(resp.Errors()) > 0 || st.Nodes["Quote"] != seededQuotes+1 {
		t.Errorf("after replacing the claim: errors %v, %d quotes in the graph, want %d (the seed's and one)", resp.Errors(), st.Nodes["Quote"], seededQuotes+1)
	}
}
