package e2e_test

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkStudioSave is one studio save as a curator makes it, through
// HTTP and GraphQL into Neo4j: a new claim with its quote of the studio
// text (checked against the text, anchored, versioned, recorded in the
// audit trail), then a rebuttal of the previous claim with its evidence.
// It reports the p50 and p99 of the two requests together, through a
// handler built as `serve` builds it (the default batch wait, not the
// tests' longer one).
// Reproduce (with a Neo4j in NEO4J_URI):
//
//	go test ./e2e -run '^$' -bench StudioSave -benchtime 300x
func BenchmarkStudioSave(b *testing.B) {
	api := MustStartServingAPI(b)
	ana := []string{"Authorization", "Bearer " + testToken}
	in := map[string]any{"id": "studio-source", "title": "Library row", "kind": "ARTICLE", "text": studioText}
	data(b, "importSource", api.Post(b, importMutation, map[string]any{"in": in}, ana...))
	data(b, "upsertActor", api.Post(b, `mutation { upsertActor(input: {id: "studio-mayor", name: "the mayor", kind: PERSON}) { id } }`, nil, ana...))
	evStart, evEnd := codePoints(b, studioText, "Council members disagreed.")
	const relation = `mutation Rel($in: RelationInput!) { addRelation(input: $in) { kind } }`
	var took []time.Duration
	prev := ""
	before := api.DB.RoundTrips()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		claim := studioClaim(b, studioText, 0)
		claim["id"] = fmt.Sprintf("studio-bench-%d", i)
		i++
		start := time.Now()
		data(b, "save claim", api.Post(b, claimMutation, map[string]any{"in": claim}, ana...))
		if prev != "" {
			data(b, "save relation", api.Post(b, relation, map[string]any{"in": map[string]any{
				"kind": "REBUTS", "from": claim["id"], "to": prev, "source": "studio-source",
				"evidence": []any{map[string]any{"text": "Council members disagreed.", "source": "studio-source", "start": evStart, "end": evEnd}},
			}}, ana...))
		}
		took = append(took, time.Since(start))
		prev = claim["id"].(string)
	}
	b.StopTimer()
	b.ReportMetric(float64(api.DB.RoundTrips()-before)/float64(len(took)), "statements/op")
	slices.Sort(took)
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
