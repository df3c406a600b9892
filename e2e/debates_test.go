package e2e_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// debateClaim is one claim of a small debate: its id, who endorses it, its
// words (quoted whole from the dataset's one source) and the claim it
// rebuts, if any.
type debateClaim struct {
	id, actor, text, rebuts string
}

// MustDebate writes a dataset of a few claims, each quoting itself from
// one source text made of them, with inferred rebuttals.
func MustDebate(tb testing.TB, api *API, id string, actors []counterpoint.Actor, claims []debateClaim) {
	tb.Helper()
	var text strings.Builder
	ds := &counterpoint.Dataset{ID: id, Title: "Debate " + id, Actors: actors}
	src := id + "-report"
	for i, c := range claims {
		start := len([]rune(text.String()))
		text.WriteString(c.text + "\n\n")
		ds.Claims = append(ds.Claims, counterpoint.Claim{ID: c.id, Text: c.text, Date: "2016",
			Assertions: []counterpoint.Assertion{{Actor: c.actor, Source: src, Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: counterpoint.QuoteID(c.id, 1), Text: c.text, Source: src, Start: start, End: start + len([]rune(c.text))}}})
		if c.rebuts != "" {
			ds.Relations = append(ds.Relations, counterpoint.Relation{Kind: counterpoint.Rebuts, From: c.id, To: c.rebuts, Inferred: true, Note: fmt.Sprintf("claim %d answers it", i)})
		}
	}
	ds.Sources = []counterpoint.Source{{ID: src, Title: "Report " + id, Kind: counterpoint.SourceArticle, TextFile: id + ".txt", Text: text.String()}}
	if problems := loader.Validate(id, ds); len(problems) > 0 {
		tb.Fatalf("dataset %s is invalid: %v", id, problems)
	}
	if _, err := api.DB.WriteDataset(context.Background(), ds, nil); err != nil {
		tb.Fatal(err)
	}
}

// mustTwoDebates writes two debates, a month apart, in which one FBI
// director is named twice: "James B. Comey" in the first, "Jim Comey" in
// the second; each is countered by a critic of its own dataset.
func mustTwoDebates(t *testing.T, api *API) {
	t.Helper()
	MustDebate(t, api, "debate-a", []counterpoint.Actor{
		{ID: "a-comey", Name: "James B. Comey", Kind: counterpoint.ActorPerson, Role: "FBI Director"},
		{ID: "a-critic", Name: "Dana Hale", Kind: counterpoint.ActorPerson, Role: "privacy advocate"},
		{ID: "a-source", Name: "a person familiar with the talks", Kind: counterpoint.ActorAnonymous, Role: "FBI Director"},
	}, []debateClaim{
		{"a-warrant", "a-comey", "Companies should be required to unlock phones for the police when a judge signs a warrant.", ""},
		{"a-backdoor", "a-critic", "A way in for the police is a way in for criminals too.", "a-warrant"},
		{"a-leak", "a-source", "The bureau has asked for a meeting with the companies.", ""},
	})
	MustDebate(t, api, "debate-b", []counterpoint.Actor{
		{ID: "b-comey", Name: "Jim Comey", Kind: counterpoint.ActorPerson, Role: "director of the FBI"},
		{ID: "b-critic", Name: "Omar Reyes", Kind: counterpoint.ActorPerson, Role: "cryptographer"},
	}, []debateClaim{
		{"b-dark", "b-comey", "Encryption lets criminals go dark where investigators cannot follow.", ""},
		{"b-math", "b-critic", "Nobody can build a lock that only the good guys can open.", "b-dark"},
	})
}

// TestTheSameActorAcrossDebates: the second debate's "Jim Comey" is
// proposed as the first's "James B. Comey" (and the article's), never the
// anonymous source with his role; a curator merges them, the merged actor
// shows the counters of both datasets, both histories record the merge,
// and undoing it from its record gives back the graph as it was.
func TestTheSameActorAcrossDebates(t *testing.T) {
	api := MustStartAPI(t)
	mustTwoDebates(t, api)
	auth := []string{"Authorization", "Bearer " + testToken}

	const candidates = `query($name: String!, $role: String, $ds: [ID!]) { actorCandidates(name: $name, role: $role, datasets: $ds) { actor { id } reasons score reason } }`
	tests := []struct {
		name, role string
		datasets   []string
		want       string
	}{
		{"Jim Comey", "director of the FBI", []string{"debate-a"}, "a-comey [KNOWN_VARIANT SAME_ROLE]"},
		{"Director Comey", "", []string{"debate-a", "debate-b"}, "a-comey [SAME_SURNAME]; b-comey [SAME_SURNAME]"},
		{"James Comey", "", nil, "a-comey [SAME_NAME]; james-comey [SAME_NAME]; b-comey [KNOWN_VARIANT]"},
		{"The FBI director", "FBI director", []string{"debate-a"}, "a-comey [SAME_ROLE]"},
		{"Omar Reyez", "", nil, "b-critic [SIMILAR_SPELLING]"},
		{"a person familiar with the talks", "", nil, ""},
	}
	for _, tt := range tests {
		resp := api.Post(t, candidates, map[string]any{"name": tt.name, "role": tt.role, "ds": tt.datasets})
		if len(resp.Errors()) > 0 {
			t.Fatalf("actorCandidates(%q): %v", tt.name, resp.Errors())
		}
		var got []string
		for _, c := range resp.Body["data"].(map[string]any)["actorCandidates"].([]any) {
			m := c.(map[string]any)
			got = append(got, fmt.Sprintf("%s %v", m["actor"].(map[string]any)["id"], m["reasons"]))
			if m["reason"] == "" {
				t.Errorf("actorCandidates(%q): %v has no reason in words", tt.name, m)
			}
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("actorCandidates(%q, %q, %v)\n got %s\nwant %s", tt.name, tt.role, tt.datasets, strings.Join(got, "; "), tt.want)
		}
	}

	before := neo4jtest.MustStats(t, api.DB)
	const merge = `mutation($into: ID!, $from: ID!) { mergeActors(into: $into, from: $from) { id } }`
	refusals := []struct {
		into, from, want string
	}{
		{"a-comey", "a-comey", `cannot merge actor "a-comey" into itself`},
		{"a-comey", "a-source", `actor "a-source" is an anonymous source: anonymous sources are never merged`},
		{"a-comey", "nobody", `unknown actor "nobody"`},
		{"a-comey", "a-warrant", `unknown actor "a-warrant"`},
	}
	for _, tt := range refusals {
		resp := api.Post(t, merge, map[string]any{"into": tt.into, "from": tt.from}, auth...)
		if errs := resp.Errors(); len(errs) == 0 || errs[0]["message"] != tt.want {
			t.Errorf("mergeActors(%s, %s) = %s, want an error saying %q", tt.into, tt.from, resp.Raw, tt.want)
		}
	}
	if resp := api.Post(t, merge, map[string]any{"into": "a-comey", "from": "b-comey"}); len(resp.Errors()) == 0 {
		t.Errorf("mergeActors without a token = %s, want it refused", resp.Raw)
	}
	if st := neo4jtest.MustStats(t, api.DB); st.Digest != before.Digest {
		t.Fatalf("refused merges changed the graph")
	}

	if resp := api.Post(t, merge, map[string]any{"into": "a-comey", "from": "b-comey"}, auth...); len(resp.Errors()) > 0 {
		t.Fatalf("mergeActors: %v", resp.Errors())
	}
	const counters = `{ actor(id: "a-comey") { countered { target { id dataset } } counteredBy { counter { id dataset } } assertions { claim { id } } } }`
	resp := api.Post(t, counters, nil)
	for _, want := range []string{`"counter":{"id":"a-backdoor","dataset":"debate-a"}`, `"counter":{"id":"b-math","dataset":"debate-b"}`, `"id":"b-dark"`, `"id":"a-warrant"`} {
		if !strings.Contains(string(resp.Raw), want) {
			t.Errorf("after the merge, %s = %s; want %s", counters, resp.Raw, want)
		}
	}
	if resp := api.Post(t, `{ actor(id: "b-comey") { id } }`, nil); !strings.Contains(string(resp.Raw), `"actor":null`) {
		t.Errorf("after the merge, actor b-comey = %s, want null", resp.Raw)
	}
	for _, id := range []string{"a-comey", "b-comey"} {
		resp := api.Post(t, `query($id: ID!) { history(id: $id, first: 1) { action by note } }`, map[string]any{"id": id})
		if !strings.Contains(string(resp.Raw), `"action":"MERGE"`) || !strings.Contains(string(resp.Raw), `\"from\":\"b-comey\"`) {
			t.Errorf("history of %s after the merge = %s, want a MERGE recording what moved from b-comey", id, resp.Raw)
		}
	}

	const unmerge = `mutation($into: ID!, $from: ID!) { unmergeActors(into: $into, from: $from) { id name counteredBy { counter { id } } } }`
	if resp := api.Post(t, unmerge, map[string]any{"into": "a-critic", "from": "b-comey"}, auth...); !strings.Contains(string(resp.Raw), `was last merged into \"a-comey\"`) {
		t.Errorf("unmergeActors into the wrong actor = %s, want it refused", resp.Raw)
	}
	resp = api.Post(t, unmerge, map[string]any{"into": "a-comey", "from": "b-comey"}, auth...)
	if len(resp.Errors()) > 0 || !strings.Contains(string(resp.Raw), `"name":"Jim Comey","counteredBy":[{"counter":{"id":"b-math"}}]`) {
		t.Fatalf("unmergeActors = %s, want b-comey back with its counter", resp.Raw)
	}
	if after := neo4jtest.MustStats(t, api.DB); after.Digest != before.Digest {
		t.Errorf("merge then unmerge: digest %s, want the one before the merge %s", after.Digest, before.Digest)
	}
	if resp := api.Post(t, unmerge, map[string]any{"into": "a-comey", "from": "b-comey"}, auth...); !strings.Contains(string(resp.Raw), "undone already") {
		t.Errorf("a second unmergeActors = %s, want it refused", resp.Raw)
	}
	resp = api.Post(t, `{ history(id: "b-comey", first: 1) { action } }`, nil)
	if !strings.Contains(string(resp.Raw), `"action":"UNMERGE"`) {
		t.Errorf("history of b-comey after the undo = %s, want UNMERGE", resp.Raw)
	}
}

// TestTheSameClaimAcrossDebates asks similarClaims of the article through
// the API, as README shows: a restatement of Litt's answer finds it first,
// the claim it answers (which shares its words but affirms) is flagged,
// and a scope or a claim id narrows the answer.
func TestTheSameClaimAcrossDebates(t *testing.T) {
	api := MustStartAPI(t)
	mustTwoDebates(t, api)
	const q = `query($text: String, $claim: ID, $ds: [ID!]) { similarClaims(text: $text, claim: $claim, datasets: $ds, first: 3) { claim { id dataset } score matched negationDiffers numbersDiffer } }`
	tests := []struct {
		text, claim string
		datasets    []string
		want        string // the id wanted first, or "!id" for one that must not be listed
	}{
		{"A U.S. statement would not stop China and Russia from seeking access.", "", nil, "us-statement-will-not-deter-china-russia"},
		{"Encryption allows criminals to go dark where investigators cannot follow them.", "", []string{"debate-b"}, "b-dark"},
		{"Encryption allows criminals to go dark where investigators cannot follow them.", "", []string{"debate-a"}, "!b-dark"},
		{"", "b-dark", nil, "!b-dark"},
	}
	for _, tt := range tests {
		vars := map[string]any{"ds": tt.datasets}
		if tt.text != "" {
			vars["text"] = tt.text
		}
		if tt.claim != "" {
			vars["claim"] = tt.claim
		}
		resp := api.Post(t, q, vars)
		if len(resp.Errors()) > 0 {
			t.Fatalf("similarClaims(%v): %v", vars, resp.Errors())
		}
		var got []string
		for _, m := range resp.Body["data"].(map[string]any)["similarClaims"].([]any) {
			m := m.(map[string]any)
			got = append(got, m["claim"].(map[string]any)["id"].(string))
			if len(m["matched"].([]any)) == 0 {
				t.Errorf("similarClaims(%v): %v matched no words", vars, m)
			}
		}
		switch {
		case strings.HasPrefix(tt.want, "!"):
			if slices.Contains(got, tt.want[1:]) {
				t.Errorf("similarClaims(%v) = %v, want no %s (the claim itself, or out of scope)", vars, got, tt.want[1:])
			}
		case len(got) == 0 || got[0] != tt.want:
			t.Errorf("similarClaims(%v) = %v, want %s first", vars, got, tt.want)
		}
	}
	resp := api.Post(t, `{ similarClaims(first: 3) { score } }`, nil)
	if errs := resp.Errors(); len(errs) == 0 || errs[0]["message"] != "give a claim or a text" {
		t.Errorf("similarClaims with neither claim nor text = %s, want it refused", resp.Raw)
	}
	resp = api.Post(t, `{ actorCandidates(name: "Director Comey") { actor { id } reasons } }`, nil)
	if !strings.Contains(string(resp.Raw), `{"actor":{"id":"james-comey"},"reasons":["SAME_SURNAME"]}`) {
		t.Errorf("actorCandidates(Director Comey) = %s, want james-comey (same surname)", resp.Raw)
	}
}
