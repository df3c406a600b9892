package e2e_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/counterpoint-news/counterpoint/format/datasetjson"

	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/loader"
)

// oneRule is one mistake a curator can make, written once and sent both
// ways: as part of a dataset through the loader, and as the input of the
// matching mutation through the API.
type oneRule struct {
	name string
	// list is the dataset list that holds the node ("claims", "actors",
	// "sources", "relations"); the node goes first in it.
	list string
	// node returns the node with the mistake, in the shape both the dataset
	// format and the mutation's input take.
	node func(tb testing.TB) map[string]any
	// field is where the mistake is, relative to the node.
	field string
	// message is the words both paths must give.
	message string
}

// mutationOf is the mutation each dataset list's nodes go through.
var mutationOf = map[string]string{
	"claims":    `mutation M($in: ClaimInput!) { upsertClaim(input: $in) { id } }`,
	"actors":    `mutation M($in: ActorInput!) { upsertActor(input: $in) { id } }`,
	"sources":   `mutation M($in: SourceInput!) { upsertSource(input: $in) { id } }`,
	"relations": `mutation M($in: RelationInput!) { addRelation(input: $in) { kind } }`,
}

// newClaim is a valid claim quoting "Really?" from the article, asserted by
// Litt; each row breaks one thing in it.
func newClaim(tb testing.TB, change func(c map[string]any)) func(testing.TB) map[string]any {
	return func(tb testing.TB) map[string]any {
		start, end := articleOffsets(tb, "Really?")
		c := map[string]any{
			"id": "new-claim", "text": "A new claim.",
			"assertions": []any{map[string]any{"actor": "robert-litt", "source": "litt-email-2015-08", "attribution": "IN_DOCUMENT"}},
			"quotes":     []any{map[string]any{"text": "Really?", "source": "wapo-2015-encryption", "start": start, "end": end}},
		}
		change(c)
		return c
	}
}

func quote0(c map[string]any) map[string]any { return c["quotes"].([]any)[0].(map[string]any) }

// evidence is a rebuttal of the paper's option by Litt's claim whose
// evidence is words of the article shifted by shift code points.
func evidence(tb testing.TB, words string, shift int) func(testing.TB) map[string]any {
	return func(tb testing.TB) map[string]any {
		start, end := articleOffsets(tb, words)
		return map[string]any{"kind": "REBUTS", "from": "keep-options-open", "to": "disavow-option-in-paper",
			"evidence": []any{map[string]any{"text": words, "source": "wapo-2015-encryption", "start": start + shift, "end": end + shift}}}
	}
}

func node(m map[string]any) func(testing.TB) map[string]any {
	return func(testing.TB) map[string]any { return m }
}

func oneRules(tb testing.TB) []oneRule {
	textLen := len([]rune(MustArticleText(tb)))
	return []oneRule{
		{"claim id not a slug", "claims", newClaim(tb, func(c map[string]any) { c["id"] = "New Claim" }),
			"id", `id "New Claim" is not a slug (lower-case letters and digits separated by '-', '_' or '.')`},
		{"blank claim text", "claims", newClaim(tb, func(c map[string]any) { c["text"] = "  " }),
			"text", `claim "new-claim" has no text`},
		{"claim date not a date", "claims", newClaim(tb, func(c map[string]any) { c["date"] = "2015-13" }),
			"date", `date "2015-13" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"no assertion", "claims", newClaim(tb, func(c map[string]any) { c["assertions"] = []any{} }),
			"assertions", `claim "new-claim" is asserted by no one`},
		{"assertion date not a date", "claims", newClaim(tb, func(c map[string]any) { c["assertions"].([]any)[0].(map[string]any)["date"] = "August" }),
			"assertions[0].date", `date "August" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"unknown actor", "claims", newClaim(tb, func(c map[string]any) { c["assertions"].([]any)[0].(map[string]any)["actor"] = "robert-s-litt" }),
			"assertions[0].actor", `unknown actor "robert-s-litt"`},
		{"unknown assertion source", "claims", newClaim(tb, func(c map[string]any) { c["assertions"].([]any)[0].(map[string]any)["source"] = "litt-memo" }),
			"assertions[0].source", `unknown source "litt-memo"`},
		{"unknown actor the claim is about", "claims", newClaim(tb, func(c map[string]any) { c["about"] = []any{"russia-and-china"} }),
			"about[0]", `unknown actor "russia-and-china"`},
		{"no quote", "claims", newClaim(tb, func(c map[string]any) { c["quotes"] = []any{} }),
			"quotes", `claim "new-claim" has no quote; every claim needs at least one verbatim quote`},
		{"quote id not a slug", "claims", newClaim(tb, func(c map[string]any) { quote0(c)["id"] = "Q1" }),
			"quotes[0].id", `id "Q1" is not a slug (lower-case letters and digits separated by '-', '_' or '.')`},
		{"quote nowhere in its source", "claims", newClaim(tb, func(c map[string]any) { quote0(c)["text"] = "Surely?" }),
			"quotes[0]", `quote "Surely?" is not at [7039, 7046) in source "wapo-2015-encryption", which holds "Really?" there; the quote is nowhere in the source text`},
		{"quote at a wrong offset", "claims", newClaim(tb, func(c map[string]any) { q := quote0(c); q["start"], q["end"] = 7040, 7047 }),
			"quotes[0]", `quote "Really?" is not at [7040, 7047) in source "wapo-2015-encryption", which holds "eally?”" there; it is at [7039, 7046)`},
		{"quote that occurs many times, at a wrong offset", "claims", newClaim(tb, func(c map[string]any) {
			q := quote0(c)
			q["text"], q["start"], q["end"] = "encryption", 0, 10
		}), "quotes[0]", `quote "encryption" is not at [0, 10) in source "wapo-2015-encryption", which holds`},
		{"quote outside the text", "claims", newClaim(tb, func(c map[string]any) { q := quote0(c); q["start"], q["end"] = textLen, textLen+7 }),
			"quotes[0]", fmt.Sprintf(`offsets [%d, %d) are outside source "wapo-2015-encryption" (%d code points)`, textLen, textLen+7, textLen)},
		{"quote in a source without text", "claims", newClaim(tb, func(c map[string]any) { quote0(c)["source"] = "litt-email-2015-08" }),
			"quotes[0].source", `source "litt-email-2015-08" has no text to hold quotes; quote the text that reports it`},
		{"blank actor name", "actors", node(map[string]any{"id": "new-actor", "name": " ", "kind": "PERSON"}),
			"name", `actor "new-actor" has no name`},
		{"actor member of itself", "actors", node(map[string]any{"id": "new-actor", "name": "N", "kind": "COLLECTIVE", "memberOf": []any{"new-actor"}}),
			"memberOf[0]", `actor "new-actor" cannot be a member of itself`},
		{"actor member of an unknown group", "actors", node(map[string]any{"id": "new-actor", "name": "N", "kind": "PERSON", "memberOf": []any{"the-cabal"}}),
			"memberOf[0]", `unknown actor "the-cabal"`},
		{"source reported in itself", "sources", node(map[string]any{"id": "new-source", "title": "T", "kind": "PAPER", "reportedIn": "new-source"}),
			"reportedIn", `source "new-source" cannot be reported in itself`},
		{"source date not a date", "sources", node(map[string]any{"id": "new-source", "title": "T", "kind": "PAPER", "date": "15-07"}),
			"date", `date "15-07" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"blank source title", "sources", node(map[string]any{"id": "new-source", "title": "", "kind": "PAPER"}),
			"title", `source "new-source" has no title`},
		{"claim related to itself", "relations", node(map[string]any{"kind": "REBUTS", "from": "keep-options-open", "to": "keep-options-open", "inferred": true, "note": "n"}),
			"to", `claim "keep-options-open" cannot be related to itself (REBUTS)`},
		{"relation to an unknown claim", "relations", node(map[string]any{"kind": "REBUTS", "from": "keep-options-open", "to": "keep-options-closed", "inferred": true, "note": "n"}),
			"to", `unknown claim "keep-options-closed"`},
		{"relation without evidence or inference", "relations", node(map[string]any{"kind": "REBUTS", "from": "new-claim", "to": "keep-options-open"}),
			"evidence", `relation new-claim REBUTS keep-options-open has no evidence: give the source's words that make the link, or mark it inferred with a note saying why`},
		{"inferred relation without a reason", "relations", node(map[string]any{"kind": "REBUTS", "from": "new-claim", "to": "keep-options-open", "inferred": true}),
			"note", `relation new-claim REBUTS keep-options-open is inferred: its note must say why`},
		{"evidence at a wrong offset", "relations", evidence(tb, "He also took issue with the assertion", 2),
			"evidence[0]", `quote "He also took issue with the assertion" is not at [`},
		{"evidence nowhere in the source", "relations", node(map[string]any{"kind": "REBUTS", "from": "keep-options-open", "to": "disavow-option-in-paper",
			"evidence": []any{map[string]any{"text": "He flatly rejected the paper", "source": "wapo-2015-encryption", "start": 0, "end": 28}}}),
			"evidence[0]", `quote "He flatly rejected the paper" is not at [0, 28) in source "wapo-2015-encryption", which holds`},
		{"evidence in a source without text", "relations", node(map[string]any{"kind": "REBUTS", "from": "keep-options-open", "to": "disavow-option-in-paper",
			"evidence": []any{map[string]any{"text": "Really?", "source": "litt-email-2015-08", "start": 0, "end": 7}}}),
			"evidence[0].source", `source "litt-email-2015-08" has no text to hold quotes; quote the text that reports it`},
	}
}

// baseDataset holds what the rows refer to, under the same ids as the
// seeded graph: the article with its text, Litt's e-mail without one, Litt,
// and one valid claim.
func baseDataset(tb testing.TB) map[string]any {
	start, end := articleOffsets(tb, "keeping our options open")
	return map[string]any{
		"id": "one-rule", "title": "One rule",
		"sources": []any{
			map[string]any{"id": "wapo-2015-encryption", "title": "The article", "kind": "ARTICLE", "textFile": "article.txt"},
			map[string]any{"id": "litt-email-2015-08", "title": "Litt's e-mail", "kind": "EMAIL", "reportedIn": "wapo-2015-encryption"},
		},
		"actors": []any{map[string]any{"id": "robert-litt", "name": "Robert S. Litt", "kind": "PERSON"}},
		"claims": []any{map[string]any{
			"id": "keep-options-open", "text": "Options should stay open.",
			"assertions": []any{map[string]any{"actor": "robert-litt", "source": "litt-email-2015-08", "attribution": "IN_DOCUMENT"}},
			"quotes":     []any{map[string]any{"text": "keeping our options open", "source": "wapo-2015-encryption", "start": start, "end": end}},
		}},
	}
}

// TestOneRuleSet: the same mistake gets the same code and the same words
// through the loader and through the API, at the same place in the input,
// and neither writes anything.
func TestOneRuleSet(t *testing.T) {
	api := MustStartAPI(t)
	before := neo4jtest.MustStats(t, api.DB)
	auth := []string{"Authorization", "Bearer " + testToken}
	article := MustArticleText(t)
	for _, tt := range oneRules(t) {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.node(t)

			ds := baseDataset(t)
			list, _ := ds[tt.list].([]any)
			ds[tt.list] = append([]any{n}, list...)
			b, err := json.Marshal(ds)
			if err != nil {
				t.Fatal(err)
			}
			_, err = loader.ReadFS(datasetjson.Reader, fstest.MapFS{"one-rule.json": {Data: b}, "article.txt": {Data: []byte(article)}}, "one-rule.json")
			var problems loader.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("loader: %v, want problems", err)
			}
			wantPath := "$." + tt.list + "[0]"
			if tt.field != "" {
				wantPath += "." + tt.field
			}
			var loaderMsg string
			for _, p := range problems {
				if p.Path == wantPath {
					loaderMsg = p.Message
				}
			}
			if loaderMsg == "" {
				t.Fatalf("loader: no problem at %s; got %v", wantPath, problems)
			}

			resp := api.Post(t, mutationOf[tt.list], map[string]any{"in": n}, auth...)
			var apiMsg, apiCode string
			wantField := "input." + tt.field
			for _, e := range resp.Errors() {
				ext, _ := e["extensions"].(map[string]any)
				if ext["field"] == wantField {
					apiMsg, _ = e["message"].(string)
					apiCode, _ = ext["code"].(string)
				}
			}
			if apiMsg == "" {
				t.Fatalf("API: no error with extensions.field %q; got %s", wantField, resp.Raw)
			}

			if apiCode != "BAD_USER_INPUT" {
				t.Errorf("API: code %q, want BAD_USER_INPUT", apiCode)
			}
			if apiMsg != loaderMsg {
				t.Errorf("the same mistake reads differently:\nloader: %s\nAPI:    %s", loaderMsg, apiMsg)
			}
			if !strings.HasPrefix(loaderMsg, tt.message) {
				t.Errorf("message %q, want it to start with %q", loaderMsg, tt.message)
			}
			if after := neo4jtest.MustStats(t, api.DB); after.Digest != before.Digest {
				t.Errorf("the refused mutation changed the graph")
			}
		})
	}
}
