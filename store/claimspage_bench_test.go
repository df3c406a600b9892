package store_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/bench/gen"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// BenchmarkClaimsPageReadAhead times the read-ahead of the claims page of
// 50 (the mix's claim selection: quotes, assertedBy and
// rebuttedBy { assertedBy }) over a generated dataset of PAGE_ELEMENTS
// elements (10,000 unless set), as the store reads it ("rebuttedBy": the
// incoming REBUTS only) and as it read it before ("every-relation": every
// relation of every kind both ways), so that the cost of the driver's and
// the store's decoding per page is tracked by go test -bench; and the
// whole page with that read-ahead, in two statements and in one.
func BenchmarkClaimsPageReadAhead(b *testing.B) {
	elements := 10000
	if v, err := strconv.Atoi(os.Getenv("PAGE_ELEMENTS")); err == nil && v > 0 {
		elements = v
	}
	db := neo4jtest.MustOpen(b)
	ctx := context.Background()
	g := gen.Generate(gen.Config{Elements: elements, Seed: 23, ID: "page-debate"})
	for i := range g.Dataset.Sources {
		if t, ok := g.Texts[g.Dataset.Sources[i].TextFile]; ok {
			g.Dataset.Sources[i].Text = t
		}
	}
	if _, err := db.WriteDataset(ctx, g.Dataset, nil); err != nil {
		b.Fatal(err)
	}
	page, err := db.Claims(ctx, counterpoint.ClaimFilter{}, 50, "")
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, len(page.Items))
	for i, c := range page.Items {
		ids[i] = c.ID
	}
	selection := readahead.ClaimDetail{Quotes: true, Assertions: true, RelatedAssertions: true}
	rebuttedBy := readahead.ClaimDetail{Sides: readahead.Side(counterpoint.Rebuts, false)}.Or(selection)
	// The whole page as the API reads it: the page then its read-ahead
	// (two statements, as before), and the page with its read-ahead in
	// one statement (ClaimsPageWithDetail, as the API reads it now).
	b.Run("page-then-detail", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			page, err := db.Claims(ctx, counterpoint.ClaimFilter{}, 50, "")
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]string, len(page.Items))
			for i, c := range page.Items {
				ids[i] = c.ID
			}
			if _, err := db.ClaimsWithDetail(ctx, ids, rebuttedBy); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("page-with-detail", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			page, bundle, err := db.ClaimsPageWithDetail(ctx, counterpoint.ClaimFilter{}, 50, "", rebuttedBy)
			if err != nil {
				b.Fatal(err)
			}
			if len(page.Items) != 50 || len(bundle.Claims) < 50 {
				b.Fatalf("%d claims, %d in the bundle; want 50", len(page.Items), len(bundle.Claims))
			}
		}
	})
	for _, tt := range []struct {
		name   string
		detail readahead.ClaimDetail
	}{
		{"rebuttedBy", rebuttedBy},
		{"every-relation", readahead.ClaimDetail{Relations: true}.Or(selection)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bundle, err := db.ClaimsWithDetail(ctx, ids, tt.detail)
				if err != nil {
					b.Fatal(err)
				}
				if len(bundle.Claims) < len(ids) {
					b.Fatalf("%d claims, want at least %d", len(bundle.Claims), len(ids))
				}
			}
		})
	}
}
