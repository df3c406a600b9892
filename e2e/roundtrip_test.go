package e2e_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/loader"
	"github.com/counterpoint-news/counterpoint/store"
)

// MustSyntheticDataset writes a dataset of n claims by ten actors, each
// claim with one quote and rebutting the one before, beside the article.
func MustSyntheticDataset(tb testing.TB, api *API, n int) {
	tb.Helper()
	var text strings.Builder
	ds := &counterpoint.Dataset{ID: "synthetic", Title: "Synthetic debate"}
	for i := 0; i < 10; i++ {
		ds.Actors = append(ds.Actors, counterpoint.Actor{ID: fmt.Sprintf("syn-actor-%d", i), Name: fmt.Sprintf("Synthetic actor %d", i), Kind: counterpoint.ActorPerson})
	}
	for i := 0; i < n; i++ {
		words := fmt.Sprintf("Synthetic claim number %d says its piece.", i)
		start := len([]rune(text.String()))
		text.WriteString(words + "\n\n")
		c := counterpoint.Claim{
			ID: fmt.Sprintf("syn-claim-%03d", i), Text: words, Date: "2020",
			Assertions: []counterpoint.Assertion{{Actor: fmt.Sprintf("syn-actor-%d", i%10), Source: "syn-source", Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: fmt.Sprintf("syn-claim-%03d.q1", i), Text: words, Source: "syn-source", Start: start, End: start + len([]rune(words))}},
		}
		ds.Claims = append(ds.Claims, c)
		if i > 0 {
			ds.Relations = append(ds.Relations, counterpoint.Relation{Kind: counterpoint.Rebuts, From: c.ID, To: fmt.Sprintf("syn-claim-%03d", i-1),
				Inferred: true, Note: "Synthetic: each claim rebuts the one before it."})
		}
	}
	ds.Sources = []counterpoint.Source{{ID: "syn-source", Title: "Synthetic source", Kind: counterpoint.SourceArticle, TextFile: "synthetic.txt", Text: text.String()}}
	if problems := loader.Validate("synthetic", ds); len(problems) > 0 {
		tb.Fatalf("synthetic dataset is invalid: %v", problems)
	}
	if _, err := api.DB.WriteDataset(context.Background(), ds, nil); err != nil {
		tb.Fatal(err)
	}
}

// TestRoundTripsDoNotGrowWithItems: a page of 50 claims with who asserted
// them, their quotes and who rebutted them (and who asserted those) costs
// the same, small, number of Cypher round trips as a page of 5.
func TestRoundTripsDoNotGrowWithItems(t *testing.T) {
	api := MustStartAPI(t)
	MustSyntheticDataset(t, api, 60)
	const query = `query Page($first: Int!) {
  claims(first: $first, filter: {dataset: "synthetic"}) {
    nodes { id assertedBy { name } quotes { text } rebuttedBy { id assertedBy { name } } }
  }
}`
	counts := map[int]int64{}
	for _, first := range []int{5, 50} {
		before := api.DB.RoundTrips()
		resp := api.Post(t, query, map[string]any{"first": first})
		counts[first] = api.DB.RoundTrips() - before
		if len(resp.Errors()) > 0 {
			t.Fatalf("first=%d: errors %v", first, resp.Errors())
		}
		nodes := resp.Body["data"].(map[string]any)["claims"].(map[string]any)["nodes"].([]any)
		if len(nodes) != first {
			t.Fatalf("first=%d: got %d claims", first, len(nodes))
		}
		// Every claim but the last rebutted one has its rebutter with an asserter.
		last := nodes[len(nodes)-1].(map[string]any)
		reb := last["rebuttedBy"].([]any)
		if len(reb) != 1 || len(reb[0].(map[string]any)["assertedBy"].([]any)) != 1 {
			t.Fatalf("first=%d: last claim's rebuttedBy = %v, want one rebutter with its asserter", first, reb)
		}
		t.Logf("claims(first: %d) with assertedBy, quotes, rebuttedBy { assertedBy }: %d Cypher round trips", first, counts[first])
	}
	if counts[5] != counts[50] {
		t.Errorf("round trips grew with the page: %d for 5 claims, %d for 50", counts[5], counts[50])
	}
	if counts[50] != 1 {
		t.Errorf("round trips for 50 claims = %d, want 1 (the page with what the selection reads of its claims)", counts[50])
	}
}

// TestReadAheadRoundTrips: the journalists' nested questions, whose shape
// the API knows before it resolves them, each cost one Cypher statement,
// and still answer what a user checks.
func TestReadAheadRoundTrips(t *testing.T) {
	api := MustStartAPI(t)
	tests := []struct {
		name, query string
		want        int64  // round trips
		check       string // a fragment the answer must hold
	}{
		{"claim with quotes, assertedBy, rebuttedBy { assertedBy }",
			`{ claim(id: "us-statement-could-deter-authoritarians") { text quotes { text start end } assertedBy { name } rebuttedBy { text assertedBy { name } } } }`,
			1, `"rebuttedBy":[{"text":"A U.S. statement that it will not seek access would not lead the Chinese and Russians to give up.","assertedBy":[{"name":"Robert S. Litt"}]}]`},
		// The bench's claims page: the page and what its selection reads
		// of its claims, in one statement.
		{"a claims page of 50 with quotes, assertedBy, rebuttedBy { assertedBy }",
			`{ claims(first: 50) { nodes { id text date quotes { id text start end } assertedBy { id name } rebuttedBy { id text assertedBy { id name } } } } }`,
			1, `"rebuttedBy":[{"id":"us-statement-will-not-deter-china-russia","text":"A U.S. statement that it will not seek access would not lead the Chinese and Russians to give up.","assertedBy":[{"id":"robert-litt","name":"Robert S. Litt"}]}]`},
		{"a filtered claims page from a cursor with rebuttedBy",
			`{ claims(first: 2, after: "` + store.ClaimCursor(counterpoint.Claim{}) + `", filter: {assertedBy: "robert-litt"}) { totalCount nodes { id rebuttedBy { id } } } }`,
			1, `"totalCount":`},
		{"an actor's counters with both sides",
			`{ actor(id: "robert-litt") { name countered { counter { id } target { id text } by { name } against { name } } } }`,
			1, `"against":[{"name":"officials at economic and trade agencies"}`},
		{"counter chains between two actors",
			`{ chains(from: "robert-litt", to: "economic-trade-agency-officials", kinds: [REBUTS, SUPPORTS]) { hops claims { id text } relations { kind from { id } to { id } } } }`,
			1, `"relations":[{"kind":"REBUTS","from":{"id":"us-statement-will-not-deter-china-russia"},"to":{"id":"us-statement-could-deter-authoritarians"}}`},
		{"an actors page with counters",
			`{ actors(first: 20) { nodes { id countered { target { id } against { id } } counteredBy { counter { id } by { id } } } } }`,
			2, `{"id":"robert-litt","countered":[{"target":{"id":"disavow-option-in-paper"},"against":[{"id":"economic-trade-agency-officials"}`},
	}
	for _, tt := range tests {
		before := api.DB.RoundTrips()
		resp := api.Post(t, tt.query, nil)
		got := api.DB.RoundTrips() - before
		if len(resp.Errors()) > 0 {
			t.Errorf("%s: errors %v", tt.name, resp.Errors())
			continue
		}
		if !strings.Contains(string(resp.Raw), tt.check) {
			t.Errorf("%s: answer %s does not hold %s", tt.name, resp.Raw, tt.check)
		}
		t.Logf("%s: %d Cypher round trips", tt.name, got)
		if got > tt.want {
			t.Errorf("%s: %d Cypher round trips, want %d", tt.name, got, tt.want)
		}
	}
}

// TestReadAheadOfMissingNodes: a nested question about a claim or an actor
// that does not exist answers null, as a plain look-up does, without an
// error and without a second query for the missing node.
func TestReadAheadOfMissingNodes(t *testing.T) {
	api := MustStartAPI(t)
	before := api.DB.RoundTrips()
	resp := api.Post(t, `{ claim(id: "no-such-claim") { quotes { text } rebuttedBy { id assertedBy { name } } } actor(id: "no-such-actor") { countered { target { id } against { name } } } }`, nil)
	trips := api.DB.RoundTrips() - before
	if len(resp.Errors()) > 0 {
		t.Fatalf("errors %v, want none", resp.Errors())
	}
	data := resp.Body["data"].(map[string]any)
	if data["claim"] != nil || data["actor"] != nil {
		t.Errorf("claim = %v, actor = %v; want both null", data["claim"], data["actor"])
	}
	if trips != 2 {
		t.Errorf("%d Cypher round trips, want 2 (one read-ahead each)", trips)
	}
}
