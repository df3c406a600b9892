package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/neo4jtest"
	"github.com/counterpoint-news/counterpoint/internal/readahead"
)

// TestClaimsWithDetailSides: a read-ahead of some kinds and directions
// gives, for every claim and every side asked, the complete list of that
// side (the claim's relations filtered to it, in their order), the claims
// at the other end, and their quotes and assertions only when asked;
// never a claim's whole relation list.
func TestClaimsWithDetailSides(t *testing.T) {
	db := neo4jtest.MustOpen(t)
	neo4jtest.MustSeed(t, db)
	ctx := context.Background()
	page, err := db.Claims(ctx, counterpoint.ClaimFilter{}, 100, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range page.Items {
		ids = append(ids, c.ID)
	}
	whole, err := db.ClaimsWithDetail(ctx, ids, readahead.ClaimDetail{Relations: true, RelatedQuotes: true, RelatedAssertions: true})
	if err != nil {
		t.Fatal(err)
	}
	side := readahead.Side
	tests := []struct {
		sides             readahead.Sides
		quotes, asserters bool
	}{
		{side(counterpoint.Rebuts, false), false, true},
		{side(counterpoint.Rebuts, true) | side(counterpoint.Rebuts, false), true, false},
		{side(counterpoint.Supports, true) | side(counterpoint.Qualifies, false), true, true},
		{readahead.AllSides, false, false},
	}
	for _, tt := range tests {
		d := readahead.ClaimDetail{Sides: tt.sides, RelatedQuotes: tt.quotes, RelatedAssertions: tt.asserters}
		b, err := db.ClaimsWithDetail(ctx, ids, d)
		if err != nil {
			t.Fatalf("%+v: %v", d, err)
		}
		if len(b.Relations) != 0 {
			t.Errorf("%+v: whole relation lists %v, want none", d, b.Relations)
		}
		found := map[string]bool{}
		for _, c := range b.Claims {
			found[c.ID] = true
		}
		nonEmpty := 0
		for _, id := range ids {
			tt.sides.Each(func(kind counterpoint.RelationKind, outgoing bool) {
				key := readahead.Sided{Claim: id, Kind: kind, Outgoing: outgoing}
				var want []counterpoint.Relation
				for _, r := range whole.Relations[id] {
					if r.Kind == kind && (outgoing && r.From == id || !outgoing && r.To == id) {
						want = append(want, r)
					}
				}
				got, ok := b.Sided[key]
				if !ok || fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%+v: %+v = %v (present %v), want %v", d, key, got, ok, want)
				}
				nonEmpty += len(want)
				for _, r := range want {
					other := r.From
					if outgoing {
						other = r.To
					}
					_, q := b.Quotes[other]
					_, a := b.Assertions[other]
					if !found[other] || q != tt.quotes || a != tt.asserters {
						t.Errorf("%+v: the other end %s: claim read %v, quotes %v, assertions %v; want true, %v, %v", d, other, found[other], q, a, tt.quotes, tt.asserters)
					}
					if tt.quotes && !slices.EqualFunc(b.Quotes[other], whole.Quotes[other], func(x, y counterpoint.Quote) bool { return x.ID == y.ID }) {
						t.Errorf("%+v: quotes of %s = %v, want %v", d, other, b.Quotes[other], whole.Quotes[other])
					}
				}
			})
		}
		if nonEmpty == 0 {
			t.Errorf("%+v: the seed has no relation of these sides: the case proves nothing", d)
		}
	}
}
