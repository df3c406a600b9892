package resolvers_test

import (
	"testing"

	"github.com/counterpoint-news/counterpoint"
	"github.com/counterpoint-news/counterpoint/internal/storetest"
)

// MustSmallGraph is the graph most tests ask about: claim a (x's) rebuts
// b, is supported by c and qualifies d (b, c and d are y's).
func MustSmallGraph(tb testing.TB) *storetest.Store {
	tb.Helper()
	return storetest.MustGraph(tb,
		[]storetest.ClaimSpec{storetest.Claim("a", "text of a", "x"), storetest.Claim("b", "B", "y"), storetest.Claim("c", "C", "y"), storetest.Claim("d", "D", "y")},
		counterpoint.Relation{Kind: counterpoint.Rebuts, From: "a", To: "b", Note: "a rebuts b"},
		counterpoint.Relation{Kind: counterpoint.Supports, From: "c", To: "a"},
		counterpoint.Relation{Kind: counterpoint.Qualifies, From: "a", To: "d"},
	)
}
