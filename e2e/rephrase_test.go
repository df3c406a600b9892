package e2e_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestRephraseClaimAcrossDatasets: rephraseClaim writes a claim and its
// REPHRASES link to a claim of another dataset in one action (the studio's
// "link as rephrase"), the link being the curator's reading; a refusal
// names the argument at fault and writes nothing.
func TestRephraseClaimAcrossDatasets(t *testing.T) {
	api := MustStartAPI(t)
	auth := []string{"Authorization", "Bearer " + testToken}
	text := MustArticleText(t)
	words := "criminals and terrorists"
	at := strings.Index(text, words)
	if at < 0 {
		t.Fatalf("the article has no %q", words)
	}
	start := len([]rune(text[:at]))
	input := func(id string, start int) map[string]any {
		return map[string]any{"id": id, "text": "Without decrypted data, criminals and terrorists talk unseen.", "version": 0,
			"assertions": []any{map[string]any{"actor": "james-comey", "source": "wapo-2015-encryption", "attribution": "ON_RECORD"}},
			"quotes":     []any{map[string]any{"text": words, "kind": "PARAPHRASE", "source": "wapo-2015-encryption", "start": start, "end": start + len([]rune(words))}}}
	}
	const rephrase = `mutation($input: ClaimInput!, $to: ID!, $note: String) { rephraseClaim(input: $input, rephrases: $to, note: $note) { id dataset version } }`
	const read = `query($id: ID!) { claim(id: $id) { id dataset relations(direction: OUTGOING) { kind inferred note to { id dataset } } } }`

	refusals := []struct {
		name  string
		vars  map[string]any
		field string
	}{
		{"a restated claim not in the graph", map[string]any{"input": input("restated-1", start), "to": "no-such-claim"}, "rephrases"},
		{"the claim itself", map[string]any{"input": input("restated-1", start), "to": "restated-1"}, "rephrases"},
		{"a quote off its words", map[string]any{"input": input("restated-1", start+1), "to": "going-dark-risk"}, "input.quotes[0]"},
	}
	for _, tt := range refusals {
		resp := api.Post(t, rephrase, tt.vars, auth...)
		errs := resp.Errors()
		if len(errs) == 0 {
			t.Fatalf("rephraseClaim with %s = %s, want it refused", tt.name, resp.Raw)
		}
		ext, _ := errs[0]["extensions"].(map[string]any)
		if f, _ := ext["field"].(string); !strings.HasPrefix(f, tt.field) {
			t.Errorf("rephraseClaim with %s: field %q, want %q (%s)", tt.name, f, tt.field, resp.Raw)
		}
		if got := api.Post(t, read, map[string]any{"id": "restated-1"}); fmt.Sprint(got.Body["data"]) != "map[claim:<nil>]" {
			t.Errorf("rephraseClaim with %s left %s", tt.name, got.Raw)
		}
	}
	if resp := api.Post(t, rephrase, map[string]any{"input": input("restated-1", start), "to": "going-dark-risk"}); len(resp.Errors()) == 0 {
		t.Errorf("rephraseClaim without a token = %s, want it refused", resp.Raw)
	}

	resp := api.Post(t, rephrase, map[string]any{"input": input("restated-1", start), "to": "going-dark-risk"}, auth...)
	if len(resp.Errors()) > 0 {
		t.Fatalf("rephraseClaim: %s", resp.Raw)
	}
	t.Cleanup(func() { // the seed alone for the tests after this one
		api.Post(t, `mutation { deleteClaim(id: "restated-1", version: 1) }`, nil, auth...)
	})
	got := api.Post(t, read, map[string]any{"id": "restated-1"})
	want := `{"data":{"claim":{"id":"restated-1","dataset":"curated","relations":[{"kind":"REPHRASES","inferred":true,` +
		`"note":"The curator's reading: it restates the other claim in other words (found among the similar claims).",` +
		`"to":{"id":"going-dark-risk","dataset":"wapo-2015-encryption"}}]}}}`
	if string(got.Raw) != want {
		t.Errorf("the restatement as read back:\n got %s\nwant %s", got.Raw, want)
	}
}
