package e2e_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// mustStudioDebate adds to the seeded graph a second dataset, studio-test:
// the studio text, the mayor's claim, and a council member's rebuttal of
// it with the text's words as evidence.
func mustStudioDebate(tb testing.TB, api *API) {
	tb.Helper()
	ana := []string{"Authorization", "Bearer " + testToken}
	in := map[string]any{"id": "studio-source", "title": "Library row", "kind": "ARTICLE", "text": studioText}
	data(tb, "importSource", api.Post(tb, importMutation, map[string]any{"in": in}, ana...))
	for _, a := range []string{
		`mutation { upsertActor(input: {id: "studio-mayor", name: "the mayor", kind: PERSON}) { id } }`,
		`mutation { upsertActor(input: {id: "studio-council", name: "council members", kind: COLLECTIVE}) { id } }`,
	} {
		data(tb, "upsertActor", api.Post(tb, a, nil, ana...))
	}
	data(tb, "claim", api.Post(tb, claimMutation, map[string]any{"in": studioClaim(tb, studioText, nil)}, ana...))
	words := "Council members disagreed."
	start, end := codePoints(tb, studioText, words)
	data(tb, "rebuttal", api.Post(tb, claimMutation, map[string]any{"in": map[string]any{
		"id": "studio-council-disagrees", "text": "The library may close.", "dataset": "studio-test",
		"assertions": []any{map[string]any{"actor": "studio-council", "source": "studio-source", "attribution": "REPORTED"}},
		"quotes":     []any{map[string]any{"text": words, "source": "studio-source", "start": start, "end": end}},
	}}, ana...))
	data(tb, "relation", api.Post(tb, `mutation R($in: RelationInput!) { addRelation(input: $in) { kind } }`, map[string]any{"in": map[string]any{
		"kind": "REBUTS", "from": "studio-council-disagrees", "to": "studio-library-stays", "source": "studio-source",
		"evidence": []any{map[string]any{"text": words, "source": "studio-source", "start": start, "end": end}},
	}}, ana...))
}

// TestDatasetScope: with two debates in the graph, every read that takes
// datasets answers about those only, and the datasets query says what
// each holds.
func TestDatasetScope(t *testing.T) {
	api := MustStartAPI(t)
	summary := `query S($d: [ID!]) { counterSummary(datasets: $d) { by { id } against { id } count } }`
	articleOnly := string(api.Post(t, summary, nil).Raw)
	mustStudioDebate(t, api)

	got := data(t, "datasets", api.Post(t, `{ datasets { id title claimCount quoteCount relationCount actorCount sources { id } } }`, nil))["datasets"].([]any)
	var lines []string
	for _, d := range got {
		d := d.(map[string]any)
		lines = append(lines, fmt.Sprintf("%v %v claims, %v quotes, %v relations, %v actors, %d sources", d["id"], d["claimCount"], d["quoteCount"], d["relationCount"], d["actorCount"], len(d["sources"].([]any))))
	}
	want := []string{
		"studio-test 2 claims, 2 quotes, 1 relations, 2 actors, 1 sources",
		"wapo-2015-encryption 41 claims, 58 quotes, 28 relations, 17 actors, ",
	}
	if len(lines) != 2 || lines[0] != want[0] || !strings.HasPrefix(lines[1], want[1]) {
		t.Errorf("datasets =\n%s\nwant\n%s…", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}

	tests := []struct {
		name, query string
		vars        map[string]any
		want, not   string // in the answer, and not in it
	}{
		{"counterSummary of the studio", summary, map[string]any{"d": []string{"studio-test"}}, `"studio-council"`, `"james-comey"`},
		{"counters of the studio", `{ counters(datasets: ["studio-test"]) { counter { id } } }`, nil, "studio-council-disagrees", "us-statement"},
		{"counters of the article", `{ counters(datasets: ["wapo-2015-encryption"]) { counter { id } } }`, nil, "keep-options-open", "studio-"},
		{"claims of the studio", `{ claims(filter: {datasets: ["studio-test"]}) { totalCount nodes { id } } }`, nil, `"totalCount":2`, "wapo"},
		{"search in the article", `{ search(text: "library close", datasets: ["wapo-2015-encryption"]) { node { id } } }`, nil, "", "studio-"},
		{"search in the studio", `{ search(text: "library close", datasets: ["studio-test"]) { node { id } } }`, nil, "studio-", ""},
		{"thread in the article", `{ thread(claim: "studio-library-stays", datasets: ["wapo-2015-encryption"]) { claims { id } } }`, nil, "studio-library-stays", "studio-council-disagrees"},
		{"subgraph of the studio", `{ subgraph(limit: 100, datasets: ["studio-test"]) { nodes { id } } }`, nil, "studio-mayor", "james-comey"},
		{"subgraph around the council in the studio", `{ subgraph(ids: ["studio-council"], hops: 2, datasets: ["studio-test"]) { nodes { id } edges { from to } } }`, nil, `"from":"studio-council-disagrees","to":"studio-library-stays"`, "james-comey"},
		{"subgraph around the council in the article", `{ subgraph(ids: ["studio-council"], hops: 2, datasets: ["wapo-2015-encryption"]) { nodes { id } } }`, nil, "studio-council", "studio-council-disagrees"},
		{"chains in the studio", `{ chains(from: "studio-council", to: "studio-mayor", datasets: ["studio-test"]) { hops } }`, nil, `"hops":1`, ""},
		{"timeline of the studio", `{ timeline(datasets: ["studio-test"]) { entries { claim { id } } documents { source { id } } } }`, nil, "studio-library-stays", "wapo-2015-encryption"},
		{"camps of the studio", `{ camps(datasets: ["studio-test"]) { camps { actors { id } } } }`, nil, "studio-council", "james-comey"},
		{"chains in the article", `{ chains(from: "studio-council", to: "studio-mayor", datasets: ["wapo-2015-encryption"]) { hops } }`, nil, `"chains":[]`, ""},
	}
	for _, tt := range tests {
		resp := api.Post(t, tt.query, tt.vars)
		data(t, tt.name, resp) // fails the test on errors
		body := string(resp.Raw)
		if tt.want != "" && !strings.Contains(body, tt.want) {
			t.Errorf("%s: %s lacks %s", tt.name, body, tt.want)
		}
		if tt.not != "" && strings.Contains(body, tt.not) {
			t.Errorf("%s: %s has %s", tt.name, body, tt.not)
		}
	}
	if got := string(api.Post(t, summary, map[string]any{"d": []string{"wapo-2015-encryption"}}).Raw); got != articleOnly {
		t.Errorf("counterSummary of the article after a second debate was added:\n%s\nwant it as before:\n%s", got, articleOnly)
	}
	for _, bad := range []string{`["Not A Slug"]`, `["a", "a"]`} {
		q := `{ counterSummary(datasets: ` + bad + `) { count } }`
		if code, _, _ := oneError(t, q, api.Post(t, q, nil)); code != "BAD_USER_INPUT" {
			t.Errorf("%s: %s, want BAD_USER_INPUT", q, code)
		}
	}
}

// TestExportFormatsOverHTTP: every export format downloads as a zip of the
// files the CLI writes, each of which parses as its format says.
func TestExportFormatsOverHTTP(t *testing.T) {
	api := MustStartAPI(t)
	base := strings.TrimSuffix(api.URL, "/graphql") + "/export/datasets/wapo-2015-encryption"
	tests := []struct {
		suffix string
		files  []string
	}{
		{".zip", []string{"wapo-2015-encryption.json", "sources/wapo-2015-encryption.txt"}},
		{".aif.zip", []string{"wapo-2015-encryption.aif.json"}},
		{".graphml.zip", []string{"wapo-2015-encryption.actors.graphml", "wapo-2015-encryption.claims.graphml"}},
		{".csv.zip", []string{"wapo-2015-encryption.actors.nodes.csv", "wapo-2015-encryption.actors.edges.csv", "wapo-2015-encryption.claims.nodes.csv", "wapo-2015-encryption.claims.edges.csv"}},
		{".webanno.zip", []string{"wapo-2015-encryption.annotations.jsonld"}},
	}
	for _, tt := range tests {
		resp, err := http.Get(base + tt.suffix)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET …%s: %d %.200s", tt.suffix, resp.StatusCode, body)
			continue
		}
		z, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Errorf("GET …%s is not a zip archive: %v", tt.suffix, err)
			continue
		}
		for _, want := range tt.files {
			f, err := z.Open(want)
			if err != nil {
				t.Errorf("GET …%s lacks %s", tt.suffix, want)
				continue
			}
			b, _ := io.ReadAll(f)
			f.Close()
			var parseErr error
			switch {
			case strings.HasSuffix(want, ".json"), strings.HasSuffix(want, ".jsonld"):
				var v any
				parseErr = json.Unmarshal(b, &v)
			case strings.HasSuffix(want, ".graphml"):
				parseErr = xml.Unmarshal(b, new(struct{}))
			case strings.HasSuffix(want, ".csv"):
				_, parseErr = csv.NewReader(bytes.NewReader(b)).ReadAll()
			}
			if parseErr != nil || len(b) == 0 {
				t.Errorf("%s in …%s does not parse: %v", want, tt.suffix, parseErr)
			}
		}
	}
	if resp, err := http.Get(base + ".pdf.zip"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown format: %v, want 404", resp.StatusCode)
	}
}
