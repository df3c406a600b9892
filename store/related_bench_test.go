package store_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
)

// BenchmarkRelatedDatasets times relatedDatasets over a generated dataset
// of RELATED_ELEMENTS elements (30,000 unless set) and a small one whose
// 20 claims are asserted by 20 of its actors and rebut 20 of its claims:
// asked of either, the answer is the other, with those of the 20 that
// assert a claim of the big one as shared actors, and 20 relations.
func BenchmarkRelatedDatasets(b *testing.B) {
	elements := 30000
	if v, err := strconv.Atoi(os.Getenv("RELATED_ELEMENTS")); err == nil && v > 0 {
		elements = v
	}
	db := neo4jtest.MustOpen(b)
	ctx := context.Background()
	big := gen.Generate(gen.Config{Elements: elements, Seed: 22, ID: "big-debate"})
	for i := range big.Dataset.Sources {
		if t, ok := big.Texts[big.Dataset.Sources[i].TextFile]; ok {
			big.Dataset.Sources[i].Text = t
		}
	}
	if _, err := db.WriteDataset(ctx, big.Dataset, nil); err != nil {
		b.Fatal(err)
	}
	const n = 20
	small := &counterpoint.Dataset{ID: "small-debate", Title: "A later report", Requires: []string{"big-debate"}}
	var text strings.Builder
	for i := range n {
		a := big.Dataset.Actors[i]
		small.Actors = append(small.Actors, a)
		words := fmt.Sprintf("Statement %d of the later report.", i)
		start := len([]rune(text.String()))
		text.WriteString(words + " ")
		id := fmt.Sprintf("small-%d", i)
		small.Claims = append(small.Claims, counterpoint.Claim{ID: id, Text: words, Date: "2030-01",
			Assertions: []counterpoint.Assertion{{Actor: a.ID, Source: "small-report", Attribution: counterpoint.OnRecord}},
			Quotes:     []counterpoint.Quote{{ID: counterpoint.QuoteID(id, 1), Text: words, Source: "small-report", Start: start, End: start + len([]rune(words))}}})
		small.Relations = append(small.Relations, counterpoint.Relation{Kind: counterpoint.Rebuts, From: id, To: big.Dataset.Claims[i].ID, Inferred: true, Note: "generated"})
	}
	small.Sources = []counterpoint.Source{{ID: "small-report", Title: "A later report", Kind: counterpoint.SourceArticle, Text: text.String()}}
	for _, a := range small.Actors {
		for _, g := range a.MemberOf {
			small.Actors = append(small.Actors, counterpoint.Actor{ID: g, Name: g, Kind: counterpoint.ActorOrganization})
		}
	}
	if _, err := db.WriteDataset(ctx, small, nil); err != nil {
		b.Fatal(err)
	}
	// The shared actors: those of the 20 that assert a claim of the big one.
	asserts := map[string]bool{}
	for _, c := range big.Dataset.Claims {
		for _, a := range c.Assertions {
			asserts[a.Actor] = true
		}
	}
	shared := 0
	for _, a := range small.Actors[:n] {
		if asserts[a.ID] {
			shared++
		}
	}
	for _, tt := range []struct{ of, want string }{{"big-debate", "small-debate"}, {"small-debate", "big-debate"}} {
		b.Run(tt.of, func(b *testing.B) {
			for b.Loop() {
				rs, err := db.RelatedDatasets(ctx, tt.of)
				if err != nil {
					b.Fatal(err)
				}
				if len(rs) != 1 || rs[0].ID != tt.want || len(rs[0].SharedActors) != shared || rs[0].RelationsTo+rs[0].RelationsFrom != n {
					b.Fatalf("RelatedDatasets(%q) = %+v, want %s with %d shared actors and %d relations", tt.of, rs, tt.want, shared, n)
				}
			}
			b.ReportMetric(float64(len(big.Dataset.Claims)), "big-claims")
			b.ReportMetric(float64(shared), "shared-actors")
		})
	}
}
