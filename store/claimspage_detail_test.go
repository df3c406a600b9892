package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// TestClaimsPageWithDetail: a claims page read with its read-ahead in one
// statement gives the same page (claims, cursors, total, next) as Claims,
// and the same claims, quotes, assertions, relations and sides as
// ClaimsWithDetail of that page's claims, filtered or not, from the start
// or from a cursor, for each kind of detail.
func TestClaimsPageWithDetail(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	ctx := context.Background()

	// Filters that select something in the seed: who asserted the first
	// asserted claim, in which source and dataset, and its date.
	all, err := db.Claims(ctx, counterpoint.ClaimFilter{}, 100, "")
	if err != nil {
		t.Fatal(err)
	}
	assertions, _, err := db.AssertionsByClaim(ctx, ids(all.Items))
	if err != nil || len(assertions) == 0 {
		t.Fatalf("assertions %v, %v: want some in the seed", assertions, err)
	}
	first := assertions[0]
	var claim counterpoint.Claim
	for _, c := range all.Items {
		if c.ID == first.Claim {
			claim = c
		}
	}
	dated := slices.IndexFunc(all.Items, func(c counterpoint.Claim) bool { return c.Date != "" })
	if dated < 0 {
		t.Fatal("no dated claim in the seed")
	}
	date := all.Items[dated].Date

	// The bench's selection: quotes, assertedBy, rebuttedBy { assertedBy }.
	bench := readahead.ClaimDetail{Quotes: true, Assertions: true, Sides: readahead.Side(counterpoint.Rebuts, false), RelatedAssertions: true}
	details := []readahead.ClaimDetail{
		bench,
		{Quotes: true},
		{Relations: true, RelatedQuotes: true, RelatedAssertions: true},
		{Sides: readahead.AllSides, Assertions: true, RelatedQuotes: true},
	}
	tests := []struct {
		name   string
		filter counterpoint.ClaimFilter
		first  int
		cursor int // the page starts after the claim at this index of the unfiltered page; -1: from the start
	}{
		{"unfiltered", counterpoint.ClaimFilter{}, 5, -1},
		{"unfiltered, after a cursor", counterpoint.ClaimFilter{}, 5, 2},
		{"unfiltered, all", counterpoint.ClaimFilter{}, 100, -1},
		{"asserted by", counterpoint.ClaimFilter{AssertedBy: first.Actor}, 3, -1},
		{"source", counterpoint.ClaimFilter{Source: first.Source}, 50, -1},
		{"dataset", counterpoint.ClaimFilter{Dataset: claim.Dataset}, 4, -1},
		{"datasets, after a cursor", counterpoint.ClaimFilter{Datasets: []string{claim.Dataset}}, 4, 1},
		{"dates", counterpoint.ClaimFilter{DateFrom: date, DateTo: date}, 50, -1},
		{"empty", counterpoint.ClaimFilter{AssertedBy: "no-such-actor"}, 10, -1},
	}
	for _, tt := range tests {
		after := ""
		if tt.cursor >= 0 {
			after = all.Cursors[tt.cursor]
		}
		want, err := db.Claims(ctx, tt.filter, tt.first, after)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if tt.name != "empty" && len(want.Items) == 0 {
			t.Fatalf("%s: an empty page; the test wants claims", tt.name)
		}
		for _, d := range details {
			page, b, err := db.ClaimsPageWithDetail(ctx, tt.filter, tt.first, after, d)
			if err != nil {
				t.Errorf("%s, %+v: %v", tt.name, d, err)
				continue
			}
			if !reflect.DeepEqual(page, want) {
				t.Errorf("%s, %+v: page %+v, want %+v", tt.name, d, page, want)
			}
			wantB, err := db.ClaimsWithDetail(ctx, ids(want.Items), d)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := bundleText(b), bundleText(wantB); got != want {
				t.Errorf("%s, %+v: bundle\n%s\nwant (the page, then ClaimsWithDetail)\n%s", tt.name, d, got, want)
			}
		}
	}
	// A bad cursor is refused as Claims refuses it.
	var e *counterpoint.Error
	if _, _, err := db.ClaimsPageWithDetail(ctx, counterpoint.ClaimFilter{}, 5, "not-a-cursor", bench); !errors.As(err, &e) || e.Code != counterpoint.EINVALID {
		t.Errorf("bad cursor: %v, want %s", err, counterpoint.EINVALID)
	}
}

// TestClaimsPageWithDetailRoundTrips: the bench's claims page with its
// read-ahead is one statement.
func TestClaimsPageWithDetailRoundTrips(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	d := readahead.ClaimDetail{Quotes: true, Assertions: true, Sides: readahead.Side(counterpoint.Rebuts, false), RelatedAssertions: true}
	before := db.RoundTrips()
	page, b, err := db.ClaimsPageWithDetail(context.Background(), counterpoint.ClaimFilter{}, 50, "", d)
	if err != nil {
		t.Fatal(err)
	}
	if n := db.RoundTrips() - before; n != 1 {
		t.Errorf("%d statements, want 1", n)
	}
	if len(page.Items) == 0 || len(b.Quotes) != len(page.Items) || len(b.Assertions) < len(page.Items) {
		t.Errorf("%d claims, quotes of %d, assertions of %d: want them all", len(page.Items), len(b.Quotes), len(b.Assertions))
	}
}

func ids(claims []counterpoint.Claim) []string {
	out := make([]string, len(claims))
	for i, c := range claims {
		out[i] = c.ID
	}
	return out
}

// bundleText is a bundle as text, its lists of nodes sorted and without
// repeats (a claim or an actor may come more than once) and its maps in
// key order, to compare two bundles.
func bundleText(b readahead.Bundle) string {
	var lines []string
	for _, c := range b.Claims {
		lines = append(lines, fmt.Sprintf("claim %+v", c))
	}
	for _, a := range b.Actors {
		lines = append(lines, fmt.Sprintf("actor %+v", a))
	}
	for k, v := range b.Quotes {
		lines = append(lines, fmt.Sprintf("quotes %s %+v", k, v))
	}
	for k, v := range b.Assertions {
		lines = append(lines, fmt.Sprintf("assertions %s %+v", k, v))
	}
	for k, v := range b.Relations {
		lines = append(lines, fmt.Sprintf("relations %s %+v", k, v))
	}
	for k, v := range b.Sided {
		lines = append(lines, fmt.Sprintf("sided %+v %+v", k, v))
	}
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "\n")
}
